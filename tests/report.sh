#!/bin/sh
# report.sh: the plan's other outputs end to end: the Excel CSV (a UTF-8 byte-order mark, CRLF,
# read back by check), the iCalendar files (one per resident; each event's dates are its stint's,
# lines folded at 75 octets), JSON, and the HTML report (one SVG bar per stint of the plan, every
# string escaped, no script, identical bytes on a second run, --compare marks changed stints).
# sh and awk only: CI machines have no python. Run by `make test` with ROTAPLAN set.
set -u
MODEL=models/radiology-keio-2019.yaml
INITIAL=models/initial-residency-2020.yaml
COHORT=examples/radiology-cohort-12.yaml
. tests/lib.sh

# ---- the plans every check below reads (deterministic: the same plan in every format) ----
run "plan csv" 0 plan "$MODEL" --residents "$COHORT" --format csv --out "$T/plan.csv" --quiet
run "plan yaml" 0 plan "$MODEL" --residents "$COHORT" --out "$T/plan.yaml" --quiet
run "initial csv" 0 plan "$INITIAL" --format csv --out "$T/initial.csv" --quiet

# ---- Excel CSV ----
run "excel csv" 0 plan "$MODEL" --residents "$COHORT" --format csv --excel --out "$T/excel.csv" --quiet
[ "$(head -c 3 "$T/excel.csv" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] ||
    fail "excel csv: does not start with the UTF-8 byte-order mark EF BB BF"
[ "$(LC_ALL=C awk '!/\r$/' "$T/excel.csv" | wc -l)" -eq 0 ] ||
    fail "excel csv: a line does not end in CRLF"
tail -c +4 "$T/excel.csv" | tr -d '\r' | cmp -s - "$T/plan.csv" ||
    fail "excel csv: without the BOM and CR it differs from the plain CSV"
run "excel csv check" 0 check "$MODEL" "$T/excel.csv" --residents "$COHORT"
has "excel csv check" "$T/out" "compliant: no violation of 19 rules over 12 residents"
run "excel csv check without residents" 0 check "$MODEL" "$T/excel.csv"
run "excel without csv" 2 plan "$MODEL" --residents "$COHORT" --format yaml --excel
has "excel without csv" "$T/err" "--excel goes with --format csv"

# ---- iCalendar ----
run "ics" 0 plan "$MODEL" --residents "$COHORT" --format ics --out "$T/ics" --quiet
run "ics again" 0 plan "$MODEL" --residents "$COHORT" --format ics --out "$T/ics2" --quiet
for f in "$T"/ics/*.ics; do
    cmp -s "$f" "$T/ics2/$(basename "$f")" || fail "ics: $(basename "$f") differs between two runs"
done
[ "$(ls "$T/ics" | wc -l)" -eq "$(tail -n +2 "$T/plan.csv" | cut -d, -f1 | sort -u | wc -l)" ] ||
    fail "ics: not one file per resident"
ls "$T/ics" | grep -q 'tmp-' && fail "ics: a temporary file was left behind"
run "ics without a folder" 2 plan "$MODEL" --residents "$COHORT" --format ics
has "ics without a folder" "$T/err" "give the folder with --out DIR"

# days since 1970-01-01 of Y, M, D (days_from_civil), for DTEND = the stint's last day + 1
DAYS='function days(y, m, d) { y -= m <= 2; era = int((y >= 0 ? y : y - 399) / 400);
      yoe = y - era * 400; doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy; return era * 146097 + doe - 719468 }'
# the stints of the CSV: resident, first day, day after the last
LC_ALL=C awk -F, "$DAYS"'
    NR > 1 { split($9, a, "-"); split($10, b, "-");
             print $1, days(a[1] + 0, a[2] + 0, a[3] + 0), days(b[1] + 0, b[2] + 0, b[3] + 0) + 1 }' \
    "$T/plan.csv" | sort >"$T/stints.txt"
# the events of the calendars: unfolded (RFC 5545 3.1), checked line by line, then the same
for f in "$T"/ics/*.ics; do
    LC_ALL=C awk -v file="$(basename "$f" .ics)" "$DAYS"'
        !/\r$/ { print "BAD", file, "line", NR, "does not end in CRLF" }
        { sub(/\r$/, "") }
        length($0) > 75 { print "BAD", file, "line", NR, "is longer than 75 octets" }
        /^ / { line = line substr($0, 2); next }
        { if (NR > 1) handle(line); line = $0 }
        END { handle(line); if (depth != 0 || !cal) print "BAD", file, "BEGIN and END do not pair" }
        function ymd(v) { return days(substr(v, 1, 4) + 0, substr(v, 5, 2) + 0, substr(v, 7, 2) + 0) }
        function handle(l) {
            if (l == "BEGIN:VCALENDAR") { cal++; depth++ }
            else if (l == "END:VCALENDAR") depth--
            else if (l == "BEGIN:VEVENT") { depth++; start = end = uid = "" }
            else if (l == "END:VEVENT") {
                depth--
                if (start == "" || end == "" || uid == "") print "BAD", file, "an event lacks DTSTART, DTEND or UID"
                if (seen[uid]++) print "BAD", file, "UID", uid, "twice"
                print "EVENT", file, ymd(start), ymd(end)
            }
            else if (l ~ /^DTSTART;VALUE=DATE:[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/) start = substr(l, 20)
            else if (l ~ /^DTEND;VALUE=DATE:[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/) end = substr(l, 18)
            else if (l ~ /^UID:/) uid = substr(l, 5)
            else if (l ~ /^DTSTAMP:[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z$/) stamp = 1
            else if (l ~ /^DT/) print "BAD", file, "unexpected date line", l
        }' "$f"
done >"$T/events.raw"
if grep -q '^BAD' "$T/events.raw"; then
    fail "ics: $(grep '^BAD' "$T/events.raw" | head -3 | tr '\n' ';')"
fi
grep '^EVENT' "$T/events.raw" | cut -d' ' -f2- | sort >"$T/events.txt"
[ -s "$T/events.txt" ] || fail "ics: no event read"
cmp -s "$T/stints.txt" "$T/events.txt" ||
    fail "ics: the events' DTSTART/DTEND are not the stints' dates: $(diff "$T/stints.txt" "$T/events.txt" | head -4)"
# escaping: a comma in a TEXT value is \,
grep -q '^DESCRIPTION:facility: [a-z-]*\\, ' "$T/ics/r2019-01.ics" ||
    fail "ics: the description's commas are not escaped"

# ---- JSON ----
run "json" 0 plan "$MODEL" --residents "$COHORT" --out "$T/plan.json" --quiet
has "json" "$T/plan.json" '"model": "radiology-keio-2019"'
[ "$(grep -c '"mode":' "$T/plan.json")" -eq "$(($(wc -l <"$T/plan.csv") - 1))" ] ||
    fail "json: not one stint object per CSV row"
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/plan.json" ||
        fail "json: python3 cannot parse it"
fi

# ---- the HTML report ----
bars() { # bars FILE: the Gantt bars of a report
    grep -o '<rect class="stint[" ]' "$1" | wc -l
}
run "report" 0 report "$MODEL" "$T/plan.csv" --residents "$COHORT" --out "$T/report.html"
[ "$(bars "$T/report.html")" -eq "$(($(wc -l <"$T/plan.csv") - 1))" ] ||
    fail "report: $(bars "$T/report.html") bars for $(($(wc -l <"$T/plan.csv") - 1)) stints"
has "report" "$T/report.html" '<meta charset="utf-8">'
has "report" "$T/report.html" '@page { size: A4 landscape'
has "report" "$T/report.html" '"Noto Sans CJK JP"'
has "report" "$T/report.html" '佐藤 花子'
has "report" "$T/report.html" 'RAD-13 yearly intake cap'
has "report" "$T/report.html" '<rect class="heat"'
has "report" "$T/report.html" 'compliant: no violation'
grep -Eiq '<script|<link|@import|url\(|<img' "$T/report.html" &&
    fail "report: a script or an outside resource"
run "report again" 0 report "$MODEL" "$T/plan.csv" --residents "$COHORT" --out "$T/report2.html" --quiet
cmp -s "$T/report.html" "$T/report2.html" || fail "report: two runs differ"
run "report yaml" 0 report "$MODEL" "$T/plan.yaml" --out "$T/report-yaml.html" --quiet
[ "$(bars "$T/report-yaml.html")" -eq "$(($(wc -l <"$T/plan.csv") - 1))" ] ||
    fail "report yaml: not one bar per stint"

run "report initial" 0 report "$INITIAL" "$T/initial.csv" --out "$T/initial.html" --quiet
[ "$(bars "$T/initial.html")" -eq "$(($(wc -l <"$T/initial.csv") - 1))" ] ||
    fail "report initial: $(bars "$T/initial.html") bars for $(($(wc -l <"$T/initial.csv") - 1)) stints"
[ "$(grep -c 'class="stint parallel"' "$T/initial.html")" -eq "$(grep -c ',parallel,' "$T/initial.csv")" ] ||
    fail "report initial: not one parallel bar per parallel row"
has "report initial" "$T/initial.html" "INIT-71 residents of both years at the core hospital"
# a hand-made two-year plan with a parallel session: its own thin bar
PARALLEL=tests/rules/department_capacity/island-block-and-session.csv
run "report parallel" 0 report "$INITIAL" "$PARALLEL" --out "$T/parallel.html" --quiet
[ "$(bars "$T/parallel.html")" -eq "$(($(wc -l <"$PARALLEL") - 1))" ] ||
    fail "report parallel: not one bar per stint"
[ "$(grep -c 'class="stint parallel"' "$T/parallel.html")" -eq "$(grep -c ',parallel,' "$PARALLEL")" ] ||
    fail "report parallel: not one parallel bar per parallel row"

# every string escaped: a resident named <b>&"x'
sed 's/name: 佐藤 花子/name: "<b>\&\\"x'"'"'"/' "$COHORT" >"$T/odd.yaml"
grep -q '<b>' "$T/odd.yaml" || fail "escape: the fixture was not made"
run "odd plan" 0 plan "$MODEL" --residents "$T/odd.yaml" --out "$T/odd-plan.yaml" --quiet
run "odd report" 0 report "$MODEL" "$T/odd-plan.yaml" --out "$T/odd.html" --quiet
has "odd report" "$T/odd.html" '&lt;b&gt;&amp;&quot;x&#39;'
grep -q '<b>' "$T/odd.html" && fail "odd report: a name went out unescaped"

# --compare: the what-if's changed stints outlined, its changes listed
run "whatif for compare" 0 whatif "$MODEL" "$T/plan.yaml" --withdraw kawasaki --from 2020-10 \
    --residents "$COHORT" --out "$T/new.yaml" --diff "$T/diff.txt" --quiet
run "report compare" 0 report "$MODEL" "$T/new.yaml" --compare "$T/plan.yaml" --out "$T/compare.html" --quiet
[ "$(grep -c 'class="stint changed"' "$T/compare.html")" -ge 1 ] || fail "report compare: no stint marked changed"
has "report compare" "$T/compare.html" "$(tail -n 1 "$T/diff.txt")"
# from April, a rotation unit's first month: the plan moves whole units and bends no programme
# rule, which the CSV could not declare (check would find the bend a violation), whichever of the
# equal-valued plans the solver wrote
run "whatif excel" 0 whatif "$MODEL" "$T/plan.yaml" --withdraw kawasaki --from 2021-04 \
    --residents "$COHORT" --format csv --excel --out "$T/new-excel.csv" --quiet
[ "$(head -c 3 "$T/new-excel.csv" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] || fail "whatif excel: no BOM"
run "whatif excel check" 0 check "$MODEL" "$T/new-excel.csv" --residents "$COHORT"
run "whatif ics" 0 whatif "$MODEL" "$T/plan.yaml" --withdraw kawasaki --from 2020-10 \
    --residents "$COHORT" --format ics --out "$T/new-ics" --quiet
[ "$(ls "$T/new-ics" | wc -l)" -eq 12 ] || fail "whatif ics: not one file per resident"
run "whatif json" 0 whatif "$MODEL" "$T/plan.yaml" --withdraw kawasaki --from 2020-10 \
    --residents "$COHORT" --out "$T/new.json" --quiet
has "whatif json" "$T/new.json" '"status": "optimal"'
run "report self compare" 0 report "$MODEL" "$T/plan.yaml" --compare "$T/plan.yaml" --out "$T/same.html" --quiet
grep -q 'stint changed' "$T/same.html" && fail "report self compare: a stint marked changed"

# bad input: exit 2, nothing written
run "report without plan" 2 report
has "report without plan" "$T/err" "missing the plan to show"
run "report bad plan" 2 report "$MODEL" tests/bad/plan/date-mismatch.csv --out "$T/bad.html"
[ ! -e "$T/bad.html" ] || fail "report bad plan: an output was written"
run "report bad compare" 2 report "$MODEL" "$T/plan.csv" --compare "$T/none.yaml" --out "$T/bad.html"
[ ! -e "$T/bad.html" ] || fail "report bad compare: an output was written"

# ---- the terminal: help with examples for every command, the man page, colour ----
for cmd in plan check whatif capacity report; do
    run "help $cmd" 0 help "$cmd"
    has "help $cmd" "$T/out" "examples:"
    has "help $cmd" "$T/out" "exit status:"
    run "$cmd --help" 0 "$cmd" --help
    has "$cmd --help" "$T/out" "usage: rotaplan $cmd"
    grep -q "^\.B rotaplan $cmd" rotaplan.1 || fail "rotaplan.1: no synopsis of $cmd"
done
run "help overview" 0 help
has "help overview" "$T/out" "report   [MODEL] PLAN --out FILE"
run "help unknown" 2 help plna
has "help unknown" "$T/err" "unknown command 'plna'"
if command -v groff >/dev/null 2>&1; then
    groff -man -ww -z rotaplan.1 >"$T/groff.err" 2>&1 || fail "rotaplan.1: groff fails"
    empty "rotaplan.1 warnings" "$T/groff.err"
fi
# colour: only on a terminal (script(1) gives one) and only when NO_COLOR is unset or empty
run "check piped" 0 check "$MODEL" "$T/plan.csv"
grep -q "$(printf '\033')" "$T/out" && fail "check piped: colour on a pipe"
if command -v script >/dev/null 2>&1; then
    NO_COLOR= script -qec "$BIN check $MODEL $T/plan.csv" /dev/null >"$T/tty.txt" 2>&1
    grep -q "$(printf '\033')\[32mcompliant" "$T/tty.txt" || fail "check on a terminal: no colour"
    grep -q "$(printf '\033')\[36mfinding" "$T/tty.txt" || fail "check on a terminal: the finding not in colour"
    NO_COLOR=1 script -qec "$BIN check $MODEL $T/plan.csv" /dev/null >"$T/tty.txt" 2>&1
    grep -q "$(printf '\033')" "$T/tty.txt" && fail "check with NO_COLOR: colour"
    grep -q "compliant: no violation" "$T/tty.txt" || fail "check with NO_COLOR: no output"
fi

echo "report.sh: $count runs, $failures failures"
[ "$failures" -eq 0 ]
