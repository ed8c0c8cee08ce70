#!/bin/sh
# desk.sh: the coordinator's desk end to end. The Excel workbook (--format xlsx, report --xlsx)
# read back with openpyxl (tests/xlsx_cells.py): a sheet per cohort whose every cell is the
# place the plan's JSON names for that resident and period, leave as 休止, an extended
# programme's weeks under 延長, parallel sessions noted, frozen panes and print set-up, the
# totals, loads and findings sheets. Spreadsheet input: a residents CSV in Shift_JIS with mixed
# case headers, an extra column, leave and pins plans exactly as its YAML twin; a plan CSV
# edited by hand (dates trusted over periods). The round trip: plan -> xlsx -> the Excel CSV
# edited (a facility cell changed), saved as Shift_JIS with slash dates -> check -> what-if ->
# report, with the messages in Japanese (LANGUAGE=ja) as the coordinator reads them. Run by `make test` with ROTAPLAN set; needs /usr/bin/python3 with openpyxl and iconv
# (make deps installs python3-openpyxl).
set -u
MODEL=models/radiology-keio-2019.yaml
INITIAL=models/initial-residency-2020.yaml
COHORT=examples/radiology-cohort-12.yaml
DESK=tests/fixtures/desk-initial.yaml
DESK_CSV=tests/fixtures/desk-initial.csv
PY=/usr/bin/python3
. tests/lib.sh
# the workbook writer's temporary folders go here, so that the check for leftovers below sees
# this run's alone (another run may share /tmp)
mkdir -p "$T/tmp"
export TMPDIR="$T/tmp"

if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
    echo "desk.sh: /usr/bin/python3 with openpyxl is missing: run make deps"
    exit 1
fi
xlsx() { # xlsx NAME ARGS...: tests/xlsx_cells.py ARGS, its complaints counted as failures
    name=$1
    shift
    "$PY" tests/xlsx_cells.py "$@" >"$T/py.out" 2>&1 || fail "$name: $(head -5 "$T/py.out" | tr '\n' ';')"
}

# ---- the workbook of the radiology programme (months, facilities) ----
run "plan yaml" 0 plan "$MODEL" --residents "$COHORT" --out "$T/plan.yaml" --quiet
run "plan json" 0 plan "$MODEL" --residents "$COHORT" --out "$T/plan.json" --quiet
run "plan xlsx" 0 plan "$MODEL" --residents "$COHORT" --format xlsx --out "$T/plan.xlsx" --quiet
run "report xlsx" 0 report "$T/plan.yaml" --residents "$COHORT" --xlsx --out "$T/report.xlsx" --quiet
cmp -s "$T/plan.xlsx" "$T/report.xlsx" || fail "xlsx: plan --format xlsx and report --xlsx differ"
run "plan xlsx by extension" 0 plan "$MODEL" --residents "$COHORT" --out "$T/ext.xlsx" --quiet
cmp -s "$T/plan.xlsx" "$T/ext.xlsx" || fail "xlsx: two runs (or --out FILE.xlsx) differ"
xlsx "radiology workbook" table "$T/plan.xlsx" "$T/plan.json" "$MODEL" month
xlsx "radiology sheets" sheets "$T/plan.xlsx" 2019年度 集計 受入数 所見
xlsx "radiology totals" cell "$T/plan.xlsx" 集計 B2 氏名
xlsx "radiology totals" row "$T/plan.xlsx" 集計 r2019-01 "算定月数 C(r)=36" "RAD-01=○"
xlsx "radiology loads" cell "$T/plan.xlsx" 受入数 A2 RAD-12
xlsx "radiology findings" cell "$T/plan.xlsx" 所見 B2 RAD-14
ls "${TMPDIR:-/tmp}" 2>/dev/null | grep -q "^rotaplan-xlsx-" &&
    fail "xlsx: a temporary folder was left in ${TMPDIR:-/tmp}"
run "xlsx to a terminal refused" 2 plan "$MODEL" --residents "$COHORT" --format xlsx
has "xlsx to a terminal refused" "$T/err" "give the file with --out FILE.xlsx"
[ ! -s "$T/out" ] || fail "xlsx without --out: something went to stdout"

# ---- the two-year programme (weeks, departments, leave, extension, a pin, wishes) ----
run "initial yaml" 0 plan "$INITIAL" --residents "$DESK" --out "$T/initial.yaml" --quiet
run "initial json" 0 plan "$INITIAL" --residents "$DESK" --out "$T/initial.json" --quiet
run "initial xlsx" 0 report "$T/initial.yaml" --residents "$DESK" --xlsx --out "$T/initial.xlsx" --quiet
xlsx "initial workbook" table "$T/initial.xlsx" "$T/initial.json" "$INITIAL" week
# d2020-01: 休止 from 2021-01-04 to 2021-05-21 (weeks 40 to 60), the programme 2 weeks longer
xlsx "initial leave" leave "$T/initial.xlsx" 2020年度 d2020-01 休止 40 60
xlsx "initial extension" cell "$T/initial.xlsx" 2020年度 DC2 "延長 2022年4月"
xlsx "initial totals" row "$T/initial.xlsx" 集計 d2020-01 "休止・休暇 (日)=100" "延長 (週)=2"
xlsx "initial wishes" row "$T/initial.xlsx" 集計 d2020-02 "希望 (wishes)~離島の病院（例） ○"
xlsx "initial pin" row "$T/initial.xlsx" 2020年度 d2020-03 "week53=地域医療"
xlsx "initial findings" cell "$T/initial.xlsx" 所見 B2 INIT-60

# ---- a second and a third shape: radiology with leave (months), the tiny model (one year) ----
run "radiology leave" 0 plan "$MODEL" --residents tests/cli/radiology-leave.yaml --out "$T/rl.yaml" --quiet
run "radiology leave json" 0 plan "$MODEL" --residents tests/cli/radiology-leave.yaml --out "$T/rl.json" --quiet
run "radiology leave xlsx" 0 report "$T/rl.yaml" --residents tests/cli/radiology-leave.yaml --xlsx --out "$T/rl.xlsx" --quiet
xlsx "radiology leave workbook" table "$T/rl.xlsx" "$T/rl.json" "$MODEL" month
xlsx "radiology sickness" leave "$T/rl.xlsx" 2019年度 r1 病休 15 18
xlsx "radiology abroad" leave "$T/rl.xlsx" 2019年度 r3 留学 25 27
xlsx "radiology extension" cell "$T/rl.xlsx" 2019年度 AM2 "延長 2022年度"
run "radiology leave html" 0 report "$T/rl.yaml" --residents tests/cli/radiology-leave.yaml --out "$T/rl.html" --quiet
[ "$(grep -c '<rect class="leave"' "$T/rl.html")" -eq 3 ] || fail "radiology leave html: not 3 leave bars"
run "tiny xlsx" 0 plan tests/fixtures/tiny-model.yaml --residents tests/fixtures/tiny-residents.yaml --out "$T/tiny.xlsx" --quiet
run "tiny json" 0 plan tests/fixtures/tiny-model.yaml --residents tests/fixtures/tiny-residents.yaml --out "$T/tiny.json" --quiet
xlsx "tiny workbook" table "$T/tiny.xlsx" "$T/tiny.json" tiny month

# ---- spreadsheet input: the same residents as a Shift_JIS CSV plan the same ----
iconv -f UTF-8 -t CP932 "$DESK_CSV" >"$T/desk-sjis.csv" || fail "iconv: cannot make Shift_JIS"
cmp -s "$DESK_CSV" "$T/desk-sjis.csv" && fail "desk csv: the Shift_JIS copy is the same bytes"
run "initial csv" 0 plan "$INITIAL" --residents "$DESK" --format csv --out "$T/from-yaml.csv" --quiet
run "residents sjis" 0 plan "$INITIAL" --residents "$T/desk-sjis.csv" --format csv --out "$T/from-sjis.csv"
cmp -s "$T/from-yaml.csv" "$T/from-sjis.csv" || fail "residents sjis: the plan differs from the YAML residents'"
has "residents sjis" "$T/err" "note: ignored the column 'Memo': not a residents column"
[ "$(grep -c "ignored the column" "$T/err")" -eq 1 ] || fail "residents sjis: the ignored column not said once"
printf '\357\273\277' >"$T/desk-bom.csv" && cat "$DESK_CSV" >>"$T/desk-bom.csv"
run "residents bom" 0 plan "$INITIAL" --residents "$T/desk-bom.csv" --format csv --out "$T/from-bom.csv" --quiet
cmp -s "$T/from-yaml.csv" "$T/from-bom.csv" || fail "residents bom: the plan differs"
# a byte neither UTF-8 nor Shift_JIS (0x81 0x20: a lead byte without its trail), located
head -n 2 "$DESK_CSV" | iconv -f UTF-8 -t CP932 >"$T/bad-sjis.csv"
printf 'd2020-09,\201 x,2020,,,,,\n' >>"$T/bad-sjis.csv"
run "residents undecodable" 2 capacity "$INITIAL" --residents "$T/bad-sjis.csv"
has "residents undecodable" "$T/err" "bad-sjis.csv:3:10: error: byte 0x81 is neither UTF-8 nor Shift_JIS (CP932) text"
# leave and pins columns: errors located with hints
printf 'id,cohort,leave,pins\nd1,2020,suspention 30,\nd2,2020,,iland 2021/4/1~2021/4/28\n' >"$T/bad-lp.csv"
run "residents leave pins" 2 capacity "$INITIAL" --residents "$T/bad-lp.csv"
has "residents leave pins" "$T/err" "bad-lp.csv:2:9: error: unknown leave kind 'suspention'; did you mean 'suspension'?"
has "residents leave pins" "$T/err" "bad-lp.csv:3:10: error: unknown facility 'iland' in a pin; did you mean 'island'?"

# ---- the round trip: plan -> xlsx -> the Excel CSV edited in Shift_JIS with slash dates ->
# check -> what-if -> report, the coordinator's screen in Japanese (LANGUAGE=ja) ----
run "excel csv" 0 plan "$MODEL" --residents "$COHORT" --format csv --excel --out "$T/excel.csv" --quiet
grep -q '^r2019-02,2019,C,kawasaki,,block,25,36,' "$T/excel.csv" ||
    fail "round trip: r2019-02's third year is not at kawasaki (the plan changed: pick another edit)"
# the coordinator moves r2019-02's third year from kawasaki to keiyu, saves as Shift_JIS; Excel
# writes dates 2021/4/1
tail -c +4 "$T/excel.csv" |
    sed 's/^r2019-02,2019,C,kawasaki,,block,25,36,/r2019-02,2019,C,keiyu,,block,25,36,/' |
    awk -F, 'BEGIN { OFS = "," } NR > 1 { for (i = 9; i <= 10; i++) if ($i != "") {
                 split($i, d, "-"); $i = d[1] "/" (d[2] + 0) "/" (d[3] + 0) } } { print }' |
    iconv -f UTF-8 -t CP932 >"$T/edited.csv"
grep -q ',2021/4/1,' "$T/edited.csv" || fail "round trip: the dates were not written with slashes"
ja "round trip check" 0 check "$MODEL" "$T/edited.csv" --residents "$COHORT"
matches "round trip check" "$T/out" '^適合: 違反なし、規則 [0-9]+ 件、研修医 12 名'
ja "round trip xlsx" 0 report "$MODEL" "$T/edited.csv" --residents "$COHORT" --xlsx --out "$T/edited.xlsx" --quiet
xlsx "round trip edit read" row "$T/edited.xlsx" 2019年度 r2019-02 "month25=神奈川県警友会 けいゆう病院 放射線科"
ja "round trip whatif" 0 whatif "$MODEL" "$T/edited.csv" --withdraw keiyu --from 2021-10 \
    --residents "$COHORT" --out "$T/new.yaml" --diff "$T/diff.txt"
has "round trip whatif" "$T/diff.txt" "r2019-02"
has "round trip whatif" "$T/diff.txt" "変更 (研修医、期間、変更前 -> 変更後):"
matches "round trip whatif" "$T/err" '^想定変更 \(2021-10-01 から\): 研修医・期間 [0-9]+ のうち [0-9]+ を維持'
# the what-if's plan from the edited plan passes the direct checks; the one bend it declares is
# r2019-02's change of facility inside the third year (RAD-07, a finding)
ja "round trip whatif check" 0 check "$MODEL" "$T/new.yaml" --residents "$COHORT"
has "round trip whatif check" "$T/out" "適合: 違反なし、規則 19 件、研修医 12 名"
has "round trip whatif check" "$T/out" "所見 RAD-07 [programme] 研修医 r2019-02 (2019 年度)"
ja "round trip report" 0 report "$MODEL" "$T/new.yaml" --compare "$T/edited.csv" --residents "$COHORT" \
    --scenario "keiyu withdraws from 2021-10" --out "$T/whatif.html" --quiet
has "round trip report" "$T/whatif.html" "<h2>想定変更: keiyu withdraws from 2021-10</h2>"
has "round trip report" "$T/whatif.html" "<h2>規則ごとの適合状況</h2>"
has "round trip report" "$T/whatif.html" '<table class="changes">'
ja "round trip whatif xlsx" 0 whatif "$MODEL" "$T/edited.csv" --withdraw keiyu --from 2021-10 \
    --residents "$COHORT" --out "$T/new-whatif.xlsx" --quiet
xlsx "round trip whatif xlsx" sheets "$T/new-whatif.xlsx" 2019年度 集計 受入数 所見
# the findings sheet speaks the messages' language: RAD-07's finding in Japanese
"$PY" -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())' \
    "$T/new-whatif.xlsx" >"$T/strings.xml" || fail "round trip whatif xlsx: no shared strings"
has "round trip whatif xlsx" "$T/strings.xml" "研修医 r2019-02 がローテーション単位"
ja "round trip report xlsx" 0 report "$MODEL" "$T/new.yaml" --residents "$COHORT" --xlsx --out "$T/new.xlsx" --quiet
xlsx "round trip new plan" row "$T/new.xlsx" 2019年度 r2019-02 "month31!=神奈川県警友会 けいゆう病院 放射線科"

# ---- a plan CSV edited by hand: the dates are trusted over the periods ----
printf 'resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week\n' >"$T/hand.csv"
printf 'r2019-01,2019,A,keio,,block,1,24,2019/4/1,2021/4/30,\n' >>"$T/hand.csv"
printf 'r2019-01,2019,A,saiseikai-chuo,,block,25,36,2021/5/1,2022/3/31,\n' >>"$T/hand.csv"
run "hand-edited dates" 1 check "$MODEL" "$T/hand.csv"
has "hand-edited dates" "$T/err" "hand.csv:2:43: warning: end_date '2021/4/30' does not match end_period 24, which ends on 2021-03-31: the date is trusted, end_period 25"
has "hand-edited dates" "$T/err" "hand.csv:3:45: warning: start_date '2021/5/1' does not match start_period 25, which starts on 2021-04-01: the date is trusted, start_period 26"
has "hand-edited dates" "$T/out" "found: keio, saiseikai-chuo"
printf 'r2019-01,2019,A,keio,,block,1,24,2019/4/1,2021/4/15,\n' >"$T/hand2.csv"
sed -i '1i resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week' "$T/hand2.csv"
run "date inside a period" 2 check "$MODEL" "$T/hand2.csv"
has "date inside a period" "$T/err" "is not the last day of a month; expected the last day of a month"
# headers in any case and order, other columns ignored
printf 'Facility,Resident,Cohort,Course,Department,Mode,Start_Period,End_Period,Note\nkeio,r2019-01,2019,A,,block,1,24,x\nsaiseikai-chuo,r2019-01,2019,A,,block,25,36,y\n' >"$T/order.csv"
run "header order" 0 check "$MODEL" "$T/order.csv"
has "header order" "$T/err" "note: ignored the column 'Note': not a plan column"

# ---- check and report without a model: the model the YAML plan names ----
run "check named model" 0 check "$T/initial.yaml" --residents "$DESK"
has "check named model" "$T/out" "compliant: no violation of 24 rules over 4 residents"
run "report named model" 0 report "$T/initial.yaml" --out "$T/named.html" --quiet
has "report named model" "$T/named.html" "initial-residency-2020"

# ---- the HTML report on the page: leave, wishes, colours, numbers ----
run "html initial" 0 report "$T/initial.yaml" --residents "$DESK" --out "$T/initial.html" --quiet
[ "$(grep -c '<rect class="leave"' "$T/initial.html")" -eq 1 ] || fail "html initial: not one leave bar (d2020-01's 休止)"
has "html initial" "$T/initial.html" "d2020-01: 休止 (suspension), 2020-12-30 to 2021-05-26, not training"
has "html initial" "$T/initial.html" "2022-04-14: extended by 2 weeks (延長)"
has "html initial" "$T/initial.html" '<span class="wish granted">1. 離島の病院（例）: granted (8 weeks there)</span>'
has "html initial" "$T/initial.html" "coloured by department (one facility holds most of the plan)"
has "html initial" "$T/initial.html" "internal-medicine 内科</span>"
grep -q '<text class="load"[^>]*>[0-9.]*</text>' "$T/initial.html" || fail "html initial: no number in the heat map's cells"
has "html initial" "$T/initial.html" '"IPAGothic"'
run "html radiology" 0 report "$T/plan.yaml" --residents "$COHORT" --out "$T/plan.html" --quiet
has "html radiology" "$T/plan.html" "coloured by facility (label"
swatches=$(grep -o '<span class="swatch" data-key="[0-9]*" style="background:#[0-9a-f]*"' "$T/plan.html" | sort -u)
[ "$(echo "$swatches" | wc -l)" -ge 5 ] || fail "html radiology: fewer than 5 facilities in the legend"
[ "$(echo "$swatches" | sed 's/.*background://' | sort -u | wc -l)" -eq "$(echo "$swatches" | wc -l)" ] ||
    fail "html radiology: two facilities share a colour"
run "html every facility" 0 show "$MODEL" --out "$T/show.txt"
# every facility of both models its own colour: the legend of a plan that visits them all
awk 'BEGIN { print "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week" }
     /^  [a-z]/ && $1 != "facility" && on { n++; printf "x%02d,2019,,%s,,block,1,36,,,\n", n, $1 }
     /^facilities/ { on = 1 } /^$/ { on = 0 }' "$T/show.txt" >"$T/all.csv"
[ "$(wc -l <"$T/all.csv")" -eq 19 ] || fail "show: not 18 facilities listed ($(wc -l <"$T/all.csv"))"
run "html all facilities" 0 report "$MODEL" "$T/all.csv" --out "$T/all.html" --quiet
[ "$(grep -o 'data-key="[0-9]*" style="background:#[0-9a-f]*"' "$T/all.html" | sed 's/.*background://' | sort -u | wc -l)" -eq 18 ] ||
    fail "html all facilities: 18 facilities do not have 18 colours"

# ---- the summary for people: proven best, residents, wishes; solver figures under --verbose ----
run "summary" 0 plan "$MODEL" --residents "$COHORT" --out "$T/s.yaml"
matches "summary" "$T/err" '^planned 12 residents of radiology-keio-2019: optimal \(proven best\); wishes: [0-9]+ granted, [0-9]+ partly, [0-9]+ not granted; [0-9.]+ s$'
grep -Eq 'rows|columns|nonzeros|objective' "$T/err" && fail "summary: solver vocabulary without --verbose"
run "summary verbose" 0 plan "$MODEL" --residents "$COHORT" --out "$T/s.yaml" --verbose
matches "summary verbose" "$T/err" '^solver: optimal, objective [-0-9.e]+ \([0-9]+ rows, [0-9]+ columns, [0-9]+ nonzeros; '

# the same in Japanese where the messages' language is (LANGUAGE=ja; LANG=ja_JP.UTF-8 needs
# Debian's locales), the files written the same bytes
(LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE=ja "$BIN" plan "$MODEL" --residents "$COHORT" --out "$T/s-ja.yaml") 2>"$T/err-ja" ||
    fail "summary ja: exit $?"
grep -q '^radiology-keio-2019 の研修医 12 名を計画しました: 最適 (proven best)、希望: 叶った [0-9]*、一部 [0-9]*、叶わず [0-9]*、[0-9.]* 秒$' "$T/err-ja" ||
    fail "summary ja: $(tail -n 1 "$T/err-ja")"
cmp -s "$T/s.yaml" "$T/s-ja.yaml" || fail "summary ja: the plan written differs"

# ---- orientation: show, did you mean, a repeated finding said once, who is over capacity ----
run "show" 0 show
has "show" "$T/out" "model radiology-keio-2019"
has "show" "$T/out" "  RAD-12 [hard] residents-per-instructor:"
has "show" "$T/out" "courses (5; a resident's course: one of these ids, or any):"
matches "show" "$T/out" "^  st-lukes +聖路加国際病院"
run "show initial" 0 show "$INITIAL"
matches "show initial" "$T/out" "^ +emergency +救急部門 +6$"
printf 'id,cohort,wishes\nr1,2019,stlukes\n' >"$T/wish.csv"
run "wish did you mean" 2 plan "$MODEL" --residents "$T/wish.csv"
has "wish did you mean" "$T/err" "wish.csv:2:9: error: unknown facility or department 'stlukes' in a wish; did you mean 'st-lukes'?"
printf 'id,cohort,course\nr1,2019,Z\n' >"$T/course.csv"
run "course did you mean" 2 capacity "$MODEL" --residents "$T/course.csv"
has "course did you mean" "$T/err" "course.csv:2:9: error: unknown course 'Z'; expected any or a course id of the model; did you mean 'A'?"
run "withdraw did you mean" 2 whatif "$MODEL" "$T/plan.yaml" --withdraw kawasak --from 2020-10
has "withdraw did you mean" "$T/err" "; did you mean 'kawasaki'?"
run "default plan" 0 plan --out "$T/default.yaml"
[ "$(grep -c 'RAD-14' "$T/err")" -eq 1 ] || fail "default plan: RAD-14 not said once"
has "default plan" "$T/err" "finding RAD-14 [intake] programme, 6 times:"
[ "$(grep -c '^finding' "$T/err")" -eq 1 ] || fail "default plan: more than one finding block"
{ echo "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week"
  for i in 1 2 3 4; do echo "h$i,2019,B,keio,,block,1,12,,,"; echo "h$i,2019,B,hino,,block,13,24,,,"
                        echo "h$i,2019,B,tokyo-mc,,block,25,36,,,"; done; } >"$T/over.csv"
run "capacity residents" 1 check "$MODEL" "$T/over.csv"
has "capacity residents" "$T/out" "  RAD-12 hino 2020-04 to 2021-03 (4 of 3): h1 h2 h3 h4"

echo "desk.sh: $count runs, $failures failures"
[ "$failures" -eq 0 ]
