#!/bin/sh
# cli.sh: the rotaplan binary end to end: exit statuses 0/1/2, what goes to stdout and what to
# stderr, nothing written after an error, an existing output never destroyed, a write failure
# leaving no file. Run by `make test` with ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
. tests/lib.sh

# ---- usage ----
run "no command" 2
has "no command" "$T/err" "usage: rotaplan COMMAND"
run "help" 0 help
has "help" "$T/out" "commands:"
run "help plan" 0 help plan
has "help plan" "$T/out" "--time-limit S"
run "plan --help" 0 plan --help
has "plan --help" "$T/out" "examples:"
run "check --help" 0 check --help
has "check --help" "$T/out" "exit status: 0 compliant; 1 violations; 2 bad input."
run "unknown command" 2 plna
has "unknown command" "$T/err" "unknown command 'plna'"
run "unknown option" 2 plan "$MODEL" --formt csv
has "unknown option" "$T/err" "unknown option '--formt'; did you mean '--format'?"
run "bad format" 2 plan "$MODEL" --format xml
has "bad format" "$T/err" "unknown format 'xml'"
run "bad time limit" 2 plan "$MODEL" --time-limit abc
has "bad time limit" "$T/err" "--time-limit 'abc' is not a number"
run "missing value" 2 plan "$MODEL" --out
has "missing value" "$T/err" "option '--out' needs a value"
run "check without plan" 2 check
has "check without plan" "$T/err" "missing the plan to check"

# ---- plan and check ----
run "plan 12 csv" 0 plan "$MODEL" --residents examples/radiology-cohort-12.yaml --format csv \
    --out "$T/plan.csv" --quiet
empty "plan 12 csv" "$T/out"
empty "plan 12 csv quiet" "$T/err"
[ "$(head -n 1 "$T/plan.csv")" = "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week" ] ||
    fail "plan 12 csv: header line differs"
ls "$T" | grep -q 'tmp-' && fail "plan 12 csv: a temporary file was left behind"
: >"$T/touched" # the output's mode is a new file's (umask), not the temporary file's 0600
[ "$(stat -c %a "$T/plan.csv")" = "$(stat -c %a "$T/touched")" ] ||
    fail "plan 12 csv: mode $(stat -c %a "$T/plan.csv"), expected $(stat -c %a "$T/touched")"
run "check 12 csv" 0 check "$MODEL" "$T/plan.csv" --residents examples/radiology-cohort-12.yaml
has "check 12 csv" "$T/out" "compliant: no violation of 15 rules over 12 residents"
run "plan to stdout" 0 plan "$MODEL" --residents examples/radiology-cohort-12.yaml --format yaml
has "plan to stdout" "$T/out" "model: \"radiology-keio-2019\""
has "plan to stdout" "$T/err" "planned 12 residents of radiology-keio-2019: optimal"
run "plan table" 0 plan "$MODEL" --residents examples/radiology-cohort-12.yaml --quiet
has "plan table" "$T/out" "resident"
has "plan table" "$T/out" "佐藤 花子"
run "embedded default model" 0 plan --format csv --quiet --time-limit 60
[ "$(wc -l <"$T/out")" -gt 36 ] || fail "embedded default model: fewer rows than residents"
run "lp export" 0 plan "$MODEL" --residents examples/radiology-cohort-12.yaml --lp "$T/model.lp" \
    --mps "$T/model.mps" --gap 0.001 --quiet
has "lp export" "$T/model.lp" "RAD06_r0_p1"
has "lp export" "$T/model.mps" "ROWS"

# a hand edit: resident r2019-01's last stint cut to two months at another partner
awk -F, 'BEGIN{OFS=","} NR>1 && $1=="r2019-01" && $7==25 {$8=26; print; $4="hino"; $7=27; $8=36; $9=""; $10=""} {print}' \
    "$T/plan.csv" | sed 's/^\(r2019-01,.*,25,26,\)[^,]*,[^,]*,/\1,,/' >"$T/edited.csv"
run "check edited" 1 check "$MODEL" "$T/edited.csv"
has "check edited" "$T/out" "violation RAD-04"
has "check edited" "$T/out" "source: 003 §7-1 (L535)"
run "check edited quiet" 1 check "$MODEL" "$T/edited.csv" --quiet
empty "check edited quiet" "$T/out"

# ---- bad input: located errors, exit 2, nothing written ----
echo "keep me" >"$T/keep.csv"
run "bad model" 2 plan tests/bad/model/unknown-key.yaml --out "$T/keep.csv"
has "bad model" "$T/err" "tests/bad/model/unknown-key.yaml:"
has "bad model" "$T/err" "did you mean"
[ "$(cat "$T/keep.csv")" = "keep me" ] || fail "bad model: an existing output was overwritten"
run "bad residents" 2 plan "$MODEL" --residents tests/bad/residents/period-outside.yaml --out "$T/new.csv"
has "bad residents" "$T/err" "tests/bad/residents/period-outside.yaml:"
[ ! -e "$T/new.csv" ] || fail "bad residents: an output was written"
run "bad plan" 2 check "$MODEL" tests/bad/plan/date-mismatch.csv
has "bad plan" "$T/err" "tests/bad/plan/date-mismatch.csv:"
run "missing file" 2 check "$MODEL" "$T/none.csv"
run "unwritable output" 2 plan "$MODEL" --residents examples/radiology-cohort-12.yaml \
    --out "$T/no-such-dir/plan.csv" --quiet
has "unwritable output" "$T/err" "cannot write"
[ ! -e "$T/no-such-dir" ] || fail "unwritable output: something was created"

# ---- no compliant plan: exit 1, the rule and the resident named ----
run "infeasible" 1 plan "$MODEL" --residents tests/cli/infeasible.yaml --out "$T/inf.csv"
has "infeasible" "$T/err" "no compliant plan exists"
has "infeasible" "$T/err" "RAD-09"
has "infeasible" "$T/err" "c-at-base"
[ ! -e "$T/inf.csv" ] || fail "infeasible: an output was written"
# --best-effort: the plan of the fewest violations is written, and they are named
run "department wish" 0 plan models/initial-residency-2020.yaml --residents tests/cli/department-wish.yaml \
    --out "$T/derm.csv" --quiet
n=$(awk -F, 'NR > 1 && $5 == "dermatology" && $6 == "block" {w += $8 - $7 + 1} END {print w + 0}' \
    "$T/derm.csv")
[ "$n" -eq 8 ] || fail "department wish: $n weeks of dermatology, expected the 8 that grant it"
# RAD-27: the leave leaves RAD-02 short inside the 36 months; the programme is extended and the
# extension (no course pattern) holds the missing months at a 総合修練 facility
run "months left extend" 0 plan "$MODEL" --residents tests/cli/months-left.yaml --out "$T/left-ext.csv"
has "months left extend" "$T/err" "resident c-sick's leave leaves RAD-02 short by 4 months inside the 36 months (RAD-27): the programme is extended by 4 months, to 2022-07-31"
# with uncounted_leave: fails nothing extends it, and the counting checks say so before any solve
sed 's/^\(  uncounted_leave:\) extends/\1 fails/' "$MODEL" >"$T/fails.yaml"
run "months left" 1 plan "$T/fails.yaml" --residents tests/cli/months-left.yaml --out "$T/left.csv"
has "months left" "$T/err" "counting the periods and places left, these rules cannot be met"
has "months left" "$T/err" "RAD-02 [hard] resident c-sick (cohort 2019)"
has "months left" "$T/err" "at most 8 can be counted against the 12 required (short by 4)"
has "months left" "$T/err" "pinned: saitama-city"
[ ! -e "$T/left.csv" ] || fail "months left: an output was written"
run "best effort" 1 plan "$MODEL" --residents tests/cli/infeasible.yaml --best-effort \
    --out "$T/best.yaml"
has "best effort" "$T/err" "best-effort plan written; its violations:"
has "best effort" "$T/err" "violation RAD-09 [programme] resident c-at-base"
has "best effort" "$T/best.yaml" "status: best-effort"
run "check best effort" 1 check "$MODEL" "$T/best.yaml"
has "check best effort" "$T/out" "violation RAD-09"

# ---- leave the radiology programme does not count extends it ----
run "radiology leave" 0 plan "$MODEL" --residents tests/cli/radiology-leave.yaml --format csv \
    --out "$T/rad-leave.csv"
has "radiology leave" "$T/err" "resident r1's leave leaves 4 of the 36 months uncounted (RAD-22..26): the programme is extended by 4 months, to 2022-07-31"
has "radiology leave" "$T/err" "resident r3's leave leaves 3 of the 36 months uncounted (RAD-22..26): the programme is extended by 3 months, to 2022-06-30"
grep -q "resident r2's leave" "$T/err" && fail "radiology leave: r2's counted maternity leave extended"
[ "$(awk -F, '$1 == "r1" && $8 == 40' "$T/rad-leave.csv" | wc -l)" -eq 1 ] ||
    fail "radiology leave: r1's plan does not reach month 40"
run "check radiology leave" 0 check "$MODEL" "$T/rad-leave.csv" \
    --residents tests/cli/radiology-leave.yaml
has "check radiology leave" "$T/out" "finding RAD-01 [hard] resident r1"
run "check radiology leave without residents" 1 check "$MODEL" "$T/rad-leave.csv"

# ---- residents from a spreadsheet ----
run "residents csv" 0 plan "$MODEL" --residents examples/radiology-residents.csv --format csv \
    --out "$T/from-csv.csv" --quiet
run "check residents csv" 0 check "$MODEL" "$T/from-csv.csv" \
    --residents examples/radiology-residents.csv --quiet
[ "$(grep -c '^r2019-0[1-4],' "$T/from-csv.csv")" -ge 4 ] || fail "residents csv: residents missing"
run "bad residents csv" 2 plan "$MODEL" --residents tests/bad/residents/csv-unknown-course.csv
has "bad residents csv" "$T/err" "csv-unknown-course.csv:3:11: error: unknown course 'Z'"

# ---- the two-year initial residency ----
INIT=models/initial-residency-2020.yaml
run "initial default" 0 plan "$INIT" --format csv --out "$T/initial.csv" --quiet --time-limit 60
[ "$(grep -c ',block,' "$T/initial.csv")" -gt 20 ] || fail "initial default: fewer blocks than residents"
run "check initial" 0 check "$INIT" "$T/initial.csv"
has "check initial" "$T/out" "compliant"
# community medicine moved from its site to city (350 beds, not remote): INIT-41
sed 's/,\(clinic\|island\|town\),community,/,city,community,/' "$T/initial.csv" >"$T/initial-city.csv"
run "check community at city" 1 check "$INIT" "$T/initial-city.csv"
has "check community at city" "$T/out" "violation INIT-41"
has "check community at city" "$T/out" "000 Q31 (L46)"
# psychiatry as a weekly parallel day beside a block: INIT-30
awk -F, 'BEGIN{OFS=","} {print} NR>1 && $6=="block" && $5=="internal-medicine" && !done {$5="psychiatry"; $4="psych"; $6="parallel"; $11="1"; print; done=1}' \
    "$T/initial.csv" >"$T/initial-psy.csv"
run "check psychiatry parallel" 1 check "$INIT" "$T/initial-psy.csv"
has "check psychiatry parallel" "$T/out" "violation INIT-30"
# leave beyond the 90 days: the programme extended, shown in the plan and said on stderr
run "initial leave" 0 plan "$INIT" --residents tests/cli/initial-leave.yaml --format csv
has "initial leave" "$T/err" "the programme is extended by 2 weeks, to 2022-04-14"
has "initial leave" "$T/out" ",2022-04-14,"
cp "$T/out" "$T/leave.csv"
run "check without leave" 1 check "$INIT" "$T/leave.csv"
has "check without leave" "$T/out" "violation INIT-05"
has "check without leave" "$T/out" "runs outside the programme's 104 weeks"
run "check with leave" 0 check "$INIT" "$T/leave.csv" --residents tests/cli/initial-leave.yaml

# ---- capacity: the intake cap with its arithmetic; with a plan, loads against capacities ----
run "help capacity" 0 help capacity
has "help capacity" "$T/out" "usage: rotaplan capacity [MODEL [PLAN]]"
run "capacity --help" 0 capacity --help
has "capacity --help" "$T/out" "examples:"
has "capacity --help" "$T/out" "1 the intake exceeds a cap"
run "help lists capacity" 0 help
has "help lists capacity" "$T/out" "capacity [MODEL [PLAN]]"
# RULES.md C-3: with the printed totals IVR binds, 2811 / 60 = 46.85, cap 46; urban 59 / 5
run "capacity default" 0 capacity
empty "capacity default" "$T/err"
has "capacity default" "$T/out" "capacity of radiology-keio-2019"
matches "capacity default" "$T/out" '^  IVR +2,811 / 60 += +46\.85 +<- binds$'
matches "capacity default" "$T/out" '^  CT +313,689\.7 / 3,000 += +104\.56$'
matches "capacity default" "$T/out" '^  cap +floor\(46\.85\) += +46$'
has "capacity default" "$T/out" "average: 59 / 5 = 11.80 a year"
has "capacity default" "$T/out" "yearly cap: min(RAD-13 46, RAD-14 11) = 11: RAD-14 binds"
has "capacity default" "$T/out" "intake of the model's default cohort (12 a year):"
matches "capacity default" "$T/out" '^  2019 +12 +ok +over by 1 \(finding\)$'
matches "capacity default" "$T/out" '^  2019-2021 +36 +35 +RAD-14 +over by 1 \(finding\)$'
has "capacity default" "$T/out" "no cap exceeded; 6 over a limit, reported as findings"
cp "$T/out" "$T/capacity-default.txt"
run "capacity embedded = file" 0 capacity "$MODEL"
cmp -s "$T/out" "$T/capacity-default.txt" || fail "capacity embedded = file: outputs differ"
run "capacity quiet" 0 capacity --quiet
empty "capacity quiet" "$T/out"
empty "capacity quiet err" "$T/err"
run "capacity out" 0 capacity "$MODEL" --out "$T/capacity.txt"
empty "capacity out" "$T/out"
cmp -s "$T/capacity.txt" "$T/capacity-default.txt" || fail "capacity out: file differs from stdout"
ls "$T" | grep -q 'tmp-' && fail "capacity out: a temporary file was left behind"
run "capacity unwritable" 2 capacity --out "$T/no-such-dir/capacity.txt"
has "capacity unwritable" "$T/err" "cannot write"
run "capacity unknown option" 2 capacity --residnets examples/radiology-cohort-12.yaml
has "capacity unknown option" "$T/err" "unknown option '--residnets'; did you mean '--residents'?"
has "capacity unknown option" "$T/err" "run 'rotaplan help capacity'"
empty "capacity unknown option" "$T/out"
run "capacity extra argument" 2 capacity "$MODEL" "$T/plan.csv" extra
has "capacity extra argument" "$T/err" "unexpected argument 'extra'"
run "capacity bad model" 2 capacity tests/bad/model/unknown-key.yaml
has "capacity bad model" "$T/err" "tests/bad/model/unknown-key.yaml:"
empty "capacity bad model" "$T/out"
run "capacity bad residents" 2 capacity "$MODEL" --residents tests/bad/residents/period-outside.yaml
has "capacity bad residents" "$T/err" "tests/bad/residents/period-outside.yaml:"
run "capacity bad plan" 2 capacity "$MODEL" tests/bad/plan/date-mismatch.csv
has "capacity bad plan" "$T/err" "tests/bad/plan/date-mismatch.csv:"
run "capacity missing plan" 2 capacity "$MODEL" "$T/none.csv"
# 47 residents starting in 2019: over RAD-13's cap of 46, exit 1
{
    echo "residents:"
    i=1
    while [ $i -le 47 ]; do
        printf '  - {id: r%02d, cohort: 2019, course: any}\n' $i
        i=$((i + 1))
    done
} >"$T/residents-47.yaml"
run "capacity intake over" 1 capacity "$MODEL" --residents "$T/residents-47.yaml"
has "capacity intake over" "$T/out" "intake of the residents file '$T/residents-47.yaml' (47 residents):"
matches "capacity intake over" "$T/out" '^  2019 +47 +over by 1 \(violation\) +over by 36 \(finding\)$'
has "capacity intake over" "$T/out" "1 over a cap (violation)"
run "capacity intake over quiet" 1 capacity "$MODEL" --residents "$T/residents-47.yaml" --quiet
empty "capacity intake over quiet" "$T/out"
# D-4 strict reading: RAD-14's breaches become violations, exit 1
sed 's/intake_cap: report /intake_cap: strict /' "$MODEL" >"$T/strict.yaml"
run "capacity strict" 1 capacity "$T/strict.yaml"
matches "capacity strict" "$T/out" '^  2019 +12 +ok +over by 1 \(violation\)$'
has "capacity strict" "$T/out" "6 over a cap (violations)"
# the plan written by `plan` above: each facility's load month by month, tightest first
run "capacity plan" 0 capacity "$MODEL" "$T/plan.csv" --residents examples/radiology-cohort-12.yaml
has "capacity plan" "$T/out" "load of the plan '$T/plan.csv' against capacity, all cohorts together:"
has "capacity plan" "$T/out" "RAD-12 [hard] at most 3 residents per instructor"
has "capacity plan" "$T/out" "tightest months first"
matches "capacity plan" "$T/out" '^    months +place +residents +capacity +use$'
matches "capacity plan" "$T/out" '^    \(programme\) +all facilities +162 +12 +7% +2019-04 +0 +0$'
matches "capacity plan" "$T/out" '^  2019 +12 +ok +over by 1 \(finding\)$'
run "capacity plan, no residents" 0 capacity "$MODEL" "$T/plan.csv"
has "capacity plan, no residents" "$T/out" "(every resident full time: no --residents)"
# five residents at keiyu (limit floor(3 x 1.5) = 4): over its capacity, exit 1
run "capacity plan over" 1 capacity "$MODEL" tests/rules/residents_per_instructor/keiyu-5.csv
matches "capacity plan over" "$T/out" '^    2020-04 to 2021-03 +keiyu +5 +4 +125% +over \(violation\)$'
matches "capacity plan over" "$T/out" '^    keiyu +.* +4 +5 +125% +2020-04 +0 +12$'
has "capacity plan over" "$T/out" "1 over a cap (violation)"
# the two-year programme: no yearly cap; INIT-71 by the core's beds; INIT-72 week by week
run "capacity initial" 0 capacity "$INIT"
has "capacity initial" "$T/out" "the model states no yearly intake cap"
matches "capacity initial" "$T/out" '^  beds +floor\(520 / 10\) += +52$'
matches "capacity initial" "$T/out" '^  2020-2021 +20 +52 +INIT-71 +ok$'
has "capacity initial" "$T/out" "within every cap"
run "capacity initial plan" 0 capacity "$INIT" "$T/initial.csv"
has "capacity initial plan" "$T/out" "INIT-72 [hard] every department holds at most its capacity"
has "capacity initial plan" "$T/out" "tightest weeks first"
matches "capacity initial plan" "$T/out" '^    core internal-medicine +内科 +8 '

echo "cli.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
