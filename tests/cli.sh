#!/bin/sh
# cli.sh: the rotaplan binary end to end: exit statuses 0/1/2, what goes to stdout and what to
# stderr, nothing written after an error, an existing output never destroyed, a write failure
# leaving no file. Run by `make test` with ROTAPLAN set to the binary.
set -u
BIN=${ROTAPLAN:-build/rotaplan}
MODEL=models/radiology-keio-2019.yaml
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0
count=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# run NAME EXPECTED_STATUS ARGS...: runs the binary, keeps stdout in $T/out and stderr in $T/err
run() {
    name=$1
    want=$2
    shift 2
    count=$((count + 1))
    "$BIN" "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$name: exit $got, expected $want"
        sed 's/^/    stderr: /' "$T/err" | head -20
    fi
}

has() { # has NAME FILE TEXT: FILE contains TEXT
    grep -qF -- "$3" "$2" || fail "$1: $(basename "$2") lacks '$3'"
}

empty() { # empty NAME FILE
    [ ! -s "$2" ] || fail "$1: $(basename "$2") is not empty: $(head -c 200 "$2")"
}

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
run "check 12 csv" 0 check "$MODEL" "$T/plan.csv" --residents examples/radiology-cohort-12.yaml
has "check 12 csv" "$T/out" "compliant: no violation of 14 rules over 12 residents"
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

echo "cli.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
