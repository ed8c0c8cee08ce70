#!/bin/sh
# whatif.sh: `rotaplan whatif` end to end. Every one of the 18 radiology facilities withdraws in
# turn from October 2020 out of the plan of examples/radiology-cohorts.yaml: each new plan passes
# `check`, keeps every stint of the past byte for byte (and the crossing stints' starts), and the
# diff adds up; the impossible withdrawals name the rule and the resident. Then changes of
# capacity and instructors, the two-year programme, and the usage errors. Run by `make test` with
# ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
RES=examples/radiology-cohorts.yaml
. tests/lib.sh

# past_kept NAME OLD.csv NEW.csv DATE: every row of OLD that ends before DATE is in NEW verbatim;
# a row running across DATE keeps its resident, facility, department and start in NEW.
past_kept() {
    awk -F, -v d="$3" 'NR > 1 && $10 < d' "$2" | sort >"$T/past-old"
    grep -vxFf "$T/new-rows" "$T/past-old" >"$T/lost" 2>/dev/null
    [ ! -s "$T/lost" ] || fail "$1: past rows changed: $(head -3 "$T/lost")"
    awk -F, -v d="$3" 'NR > 1 && $9 < d && $10 >= d {print $1 "," $4 "," $5 "," $6 "," $7 "," $9}' \
        "$2" | sort >"$T/cross-old"
    awk -F, '{print $1 "," $4 "," $5 "," $6 "," $7 "," $9}' "$T/new-rows" | sort >"$T/cross-new"
    comm -23 "$T/cross-old" "$T/cross-new" >"$T/lost"
    [ ! -s "$T/lost" ] || fail "$1: a stint across the date lost its start: $(head -3 "$T/lost")"
}

# ---- the plan every what-if starts from: a committed fixture, written once by
# `rotaplan plan $MODEL --residents $RES --out tests/fixtures/whatif/radiology-cohorts-plan.csv`
# (and initial-plan.csv by `rotaplan plan $INIT`), not a fresh solve: the expectations below
# are the what-if's, and stay put when the planner's objective or search changes. It must still
# pass `check` against the model and residents of today ----
cp tests/fixtures/whatif/radiology-cohorts-plan.csv "$T/plan.csv"
cp tests/fixtures/whatif/initial-plan.csv "$T/initial.csv"
run "fixture plan passes check" 0 check "$MODEL" "$T/plan.csv" --residents "$RES" --quiet

# ---- each facility withdraws from 2020-10 ----
FACILITIES=$(awk '/^facilities:/ {f = 1} /^courses:/ {f = 0} f && /^  - id:/ {print $3}' "$MODEL")
[ "$(echo "$FACILITIES" | wc -l)" -eq 18 ] || fail "the model lists $(echo "$FACILITIES" | wc -l) facilities, expected 18"
# partners where a stint of the plan starts in 2020-08 or 2020-09 and runs on: withdrawn from
# 2020-10, its past would keep 1 or 2 months there, which RAD-04 refuses (which partners these
# are is the plan's choice, not the test's)
CUT=$(awk -F, 'NR > 1 && $4 != "keio" && $9 >= "2020-08-01" && $9 < "2020-10-01" &&
    $10 >= "2020-10-01" {print $4}' "$T/plan.csv" | sort -u)
planned=0
impossible=2
for f in $FACILITIES; do
    case $f in
    keio) want=1 ;;         # the base: r2021-02 is pinned there in 2021-04..07
    st-lukes) want=1 ;;     # r2019-04 is pinned there in 2021-04..2022-03
    *) want=0 ;;
    esac
    if [ "$want" -eq 0 ] && echo "$CUT" | grep -qx "$f"; then
        want=1
        impossible=$((impossible + 1))
    fi
    run "withdraw $f" $want whatif "$MODEL" "$T/plan.csv" --withdraw "$f" --from 2020-10 \
        --residents "$RES" --out "$T/new-$f.yaml" --diff "$T/diff-$f.txt" --quiet
    [ "$want" -eq 0 ] || continue
    planned=$((planned + 1))
    run "check after $f" 0 check "$MODEL" "$T/new-$f.yaml" --residents "$RES" --quiet
    "$BIN" check "$MODEL" "$T/new-$f.yaml" --residents "$RES" >"$T/findings" 2>&1
    # a declared bend is a finding of a PROG rule, never of a hard one
    if grep -q "declares this bend" "$T/findings"; then
        grep "declares this bend" "$T/findings" | grep -qv "\[programme\]" &&
            fail "withdraw $f: a bend of a rule that is not of class programme"
    fi
    # nobody at the facility from the date on
    "$BIN" whatif "$MODEL" "$T/plan.csv" --withdraw "$f" --from 2020-10 --residents "$RES" \
        --format csv --quiet >"$T/new.csv" 2>/dev/null
    awk -F, -v f="$f" 'NR > 1 && $4 == f && $10 >= "2020-10-01"' "$T/new.csv" >"$T/left"
    [ ! -s "$T/left" ] || fail "withdraw $f: still planned there: $(head -2 "$T/left")"
    tail -n +2 "$T/new.csv" >"$T/new-rows"
    past_kept "withdraw $f" "$T/plan.csv" 2020-10-01
    # the diff's summary counts what its lines list
    listed=$(awk '/ periods / {split($3, p, "-"); n += p[2] - p[1] + 1} END {print n + 0}' \
        "$T/diff-$f.txt")
    has "withdraw $f" "$T/diff-$f.txt" "$listed resident-period"
done
[ "$planned" -eq $((18 - impossible)) ] ||
    fail "$((18 - impossible)) withdrawals should be planned, $planned were"

run "withdraw kawasaki (stderr)" 0 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki \
    --from 2020-10 --residents "$RES" --format csv
has "withdraw kawasaki" "$T/err" "what-if: 7 residents affected, 78 resident-periods changed"
has "withdraw kawasaki" "$T/err" "the fewest changes, proven"
# r2019-06 is at kawasaki for 2020-04..2021-03: it must leave inside the 1-year unit (RAD-07)
has "withdraw kawasaki" "$T/err" "finding RAD-07 [programme] resident r2019-06"
has "withdraw kawasaki" "$T/err" "r2019-06     periods  19-24  (2020-10 .. 2021-03)  kawasaki ->"
has "withdraw kawasaki" "$T/out" "r2019-06,2019,B,kawasaki,,block,13,18,2020-04-01,2020-09-30,"

# ---- impossible: the rule and the resident named ----
# the first partner stint of 3 months or more in the plan, its facility withdrawn from the
# stint's second month: the past keeps one month there, which RAD-04 refuses
set -- $(awk -F, 'NR > 1 && $4 != "keio" && $8 - $7 >= 2 && $9 >= "2020-06-01" {
    print $1, $2, $4, $7, substr($9, 1, 4), substr($9, 6, 2); exit}' "$T/plan.csv")
[ $# -eq 6 ] || fail "the plan has no partner stint of 3 months from 2020-06"
cr=$1 cc=$2 cf=$3 cp=$4
cm=$(( $(echo "$6" | sed 's/^0//') + 1 ))
cy=$5
[ "$cm" -le 12 ] || { cm=1; cy=$((cy + 1)); }
cut=$(printf '%d-%02d' "$cy" "$cm")
run "withdraw $cf from $cut" 1 whatif "$MODEL" "$T/plan.csv" --withdraw "$cf" \
    --from "$cut" --residents "$RES" --out "$T/none.yaml"
has "withdraw $cf from $cut" "$T/err" "resident $cr (cohort $cc): keeping the past makes its stint at $cf months $cp-$cp"
has "withdraw $cf from $cut" "$T/err" "which RAD-04 [hard] refuses"
[ ! -e "$T/none.yaml" ] || fail "withdraw $cf from $cut: an output was written"
run "$cf from $cut best effort" 1 whatif "$MODEL" "$T/plan.csv" --withdraw "$cf" \
    --from "$cut" --residents "$RES" --best-effort --out "$T/none.yaml"
has "$cf from $cut best effort" "$T/err" "no best-effort plan either"
[ ! -e "$T/none.yaml" ] || fail "$cf from $cut best effort: an output was written"
run "withdraw st-lukes" 1 whatif "$MODEL" "$T/plan.csv" --withdraw st-lukes --from 2020-10 \
    --residents "$RES" --best-effort --out "$T/best.yaml"
has "withdraw st-lukes" "$T/err" "best-effort plan written; its violations:"
has "withdraw st-lukes" "$T/best.yaml" "status: best-effort"
has "withdraw st-lukes" "$T/err" "resident r2019-04 (cohort 2019) is pinned at st-lukes from 2021-04 to 2022-03"
# the base withdrawn for the whole horizon: no place is left for RAD-03's 6 months at the base,
# found by counting before any solve (the elastic solve blamed RAD-12's limit at keio instead)
run "withdraw the base" 1 whatif "$MODEL" "$T/plan.csv" --withdraw keio --from 2019-04
has "withdraw the base" "$T/err" "RAD-03 [hard]: no place left that counts toward this minimum: keio from 2019-04-01 (withdrawn by the what-if change)"
has "withdraw the base" "$T/err" "r2020-01 (cohort 2020): short by 6, months 1-36 (2020-04 to 2023-03)"
grep -q "RAD-12" "$T/err" && fail "withdraw the base: blames RAD-12's limit, not the closed base"

# ---- a resident joins (with a withdrawal at the same date) ----
run "add resident" 0 whatif "$MODEL" "$T/plan.csv" --add-resident tests/cli/new-resident.yaml \
    --from 2021-04 --withdraw kawasaki --from 2021-04 --residents "$RES" --out "$T/add.yaml"
has "add resident" "$T/err" "r2021-13     joins (cohort 2021): planned from period 1"
has "add resident" "$T/err" "resident-periods changed, 1 resident joined"
run "check add resident" 0 check "$MODEL" "$T/add.yaml" --quiet
has "add resident plan" "$T/add.yaml" 'id: "r2021-13"'
sed 's/r2021-13/r2021-12/' tests/cli/new-resident.yaml >"$T/dup.yaml"
run "add a resident twice" 2 whatif "$MODEL" "$T/plan.csv" --add-resident "$T/dup.yaml" \
    --from 2021-04 --residents "$RES"
has "add a resident twice" "$T/err" "resident 'r2021-12' is already in the cohort"
# without --from, the resident joins at its own start: 2021-04 for the 2021 cohort
run "add resident without from" 0 whatif "$MODEL" "$T/plan.csv" \
    --add-resident tests/cli/new-resident.yaml --residents "$RES" --quiet --out "$T/add2.yaml"
run "check add resident without from" 0 check "$MODEL" "$T/add2.yaml" --quiet
has "add resident without from" "$T/add2.yaml" 'id: "r2021-13"'

# ---- a scenario file: several changes at once ----
run "scenario" 0 whatif "$MODEL" "$T/plan.csv" --scenario tests/cli/scenario.yaml \
    --residents "$RES" --out "$T/scenario.yaml"
has "scenario" "$T/err" "resident-periods changed, 1 resident joined"
run "check scenario" 0 check "$MODEL" "$T/scenario.yaml" --quiet
run "bad scenario" 2 whatif "$MODEL" "$T/plan.csv" --scenario tests/cli/bad-scenario.yaml \
    --out "$T/x.yaml"
has "bad scenario" "$T/err" "bad-scenario.yaml:3:16: error: unknown facility 'kawasak'; expected a facility id of the model"
has "bad scenario" "$T/err" "bad-scenario.yaml:4:30: error: from '2021-13' is not a date; expected YYYY-MM-DD or YYYY-MM"
has "bad scenario" "$T/err" "bad-scenario.yaml:5:5: error: a change names several; expected exactly one of withdraw"
[ ! -e "$T/x.yaml" ] || fail "bad scenario: an output was written"

# ---- the planning year: plan --keep PLAN --from DATE ----
run "keep" 0 plan "$MODEL" --residents "$RES" --keep "$T/plan.csv" --from 2020-10 \
    --out "$T/keep.csv" --quiet
run "check keep" 0 check "$MODEL" "$T/keep.csv" --residents "$RES" --quiet
tail -n +2 "$T/keep.csv" >"$T/new-rows"
past_kept "keep" "$T/plan.csv" 2020-10-01
# the same residents and model: the plan already meets every rule, so it stands as it is
run "keep as is" 0 plan "$MODEL" --residents "$RES" --keep "$T/plan.csv" --from 2020-10 \
    --format csv
cmp -s "$T/out" "$T/plan.csv" || fail "keep as is: the kept plan differs from PLAN"
has "keep as is" "$T/err" "0 residents affected, 0 resident-periods changed"
has "keep as is" "$T/err" "the earlier plan already meets every rule (each rule's direct check), so no search ran"
# a new intake: the announced future of every resident already in PLAN stays as it was
# (the planner re-planned 9 of them before); the new one is listed as joining
{ cat "$RES"; sed -n '/^  - id:/,$p' tests/cli/new-resident.yaml; } >"$T/intake.yaml"
run "keep intake" 0 plan "$MODEL" --residents "$T/intake.yaml" --keep "$T/plan.csv" \
    --from 2021-04 --format csv
has "keep intake" "$T/err" "r2021-13     joins (cohort 2021): planned from period 1"
has "keep intake" "$T/err" "what-if: 0 residents affected, 0 resident-periods changed, 1 resident joined"
has "keep intake" "$T/err" "kept plan from 2021-04-01: "
cp "$T/out" "$T/intake.csv"
grep -v '^r2021-13,' "$T/intake.csv" | cmp -s - "$T/plan.csv" ||
    fail "keep intake: a resident of PLAN changed: $(grep -v '^r2021-13,' "$T/intake.csv" | diff - "$T/plan.csv" | head -4)"
run "check keep intake" 0 check "$MODEL" "$T/intake.csv" --residents "$T/intake.yaml" --quiet
# a pin given now moves its resident there, and nobody else (the planner moved 7 before)
{ cat "$RES"; printf '    pins:\n      - {facility: tokyo-mc, from: 2022-04, to: 2023-03}\n'; } \
    >"$T/pinned.yaml"
[ "$(grep '^  - id:' "$RES" | tail -n 1)" = "  - id: r2021-12" ] ||
    fail "keep pin: the last resident of $RES is no longer r2021-12"
run "keep pin" 0 plan "$MODEL" --residents "$T/pinned.yaml" --keep "$T/plan.csv" \
    --from 2022-01 --out "$T/keep-pin.csv"
has "keep pin" "$T/err" "what-if: 1 resident affected, 12 resident-periods changed"
has "keep pin" "$T/err" "r2021-12     periods  13-24  (2022-04 .. 2023-03)"
has "keep pin" "$T/err" "(the fewest changes, proven)"
has "keep pin" "$T/keep-pin.csv" "r2021-12,2021,B,tokyo-mc,,block,13,24,2022-04-01,2023-03-31,"
run "check keep pin" 0 check "$MODEL" "$T/keep-pin.csv" --residents "$T/pinned.yaml" --quiet
run "keep without from" 2 plan "$MODEL" --keep "$T/plan.csv"
has "keep without from" "$T/err" "--keep PLAN and --from DATE go together"
run "keep bad from" 2 plan "$MODEL" --keep "$T/plan.csv" --from 10/2020
has "keep bad from" "$T/err" "--from '10/2020': expected a date YYYY-MM-DD or a month YYYY-MM"
run "keep other residents" 2 plan "$MODEL" --residents examples/radiology-cohort-12.yaml \
    --keep "$T/plan.csv" --from 2020-10
has "keep other residents" "$T/err" "of the plan is not in examples/radiology-cohort-12.yaml"

# ---- the N-1 sweep: one table, a row per facility ----
run "sweep" 0 whatif "$MODEL" "$T/plan.csv" --sweep --from 2020-10 --residents "$RES"
has "sweep" "$T/out" "N-1 sweep: each of the 18 facilities withdrawn in turn from 2020-10-01"
[ "$(grep -c ' planned' "$T/out")" -eq $((18 - impossible)) ] ||
    fail "sweep: $((18 - impossible)) facilities should be planned"
[ "$(grep -c 'impossible: ' "$T/out")" -eq "$impossible" ] ||
    fail "sweep: $impossible facilities should be impossible"
grep -E '^kawasaki +川崎市立川崎病院 放射線科 +7 +78 +1 +planned$' "$T/out" >/dev/null ||
    fail "sweep: the kawasaki row differs from the single what-if: $(grep '^kawasaki' "$T/out")"
[ "$impossible" -eq 2 ] || has "sweep" "$T/out" "which RAD-04 [hard] refuses"
has "sweep" "$T/out" "is pinned at st-lukes from 2021-04 to 2022-03"
run "sweep with a change" 2 whatif "$MODEL" "$T/plan.csv" --sweep --from 2020-10 \
    --withdraw kawasaki --from 2020-10
has "sweep with a change" "$T/err" "--sweep withdraws every facility in turn: give it alone"
run "sweep with out" 2 whatif "$MODEL" "$T/plan.csv" --sweep --from 2020-10 --out "$T/x.csv"
run "sweep without from" 2 whatif "$MODEL" "$T/plan.csv" --sweep
has "sweep without from" "$T/err" "--sweep needs --from DATE"

# ---- capacity and instructors ----
run "capacity" 0 whatif "$MODEL" "$T/plan.csv" --capacity tokyo-mc=1 --from 2021-04 \
    --until 2022-03 --residents "$RES" --out "$T/cap.csv" --quiet
run "check capacity" 0 check "$MODEL" "$T/cap.csv" --residents "$RES" --quiet
n=$(awk -F, 'NR > 1 && $4 == "tokyo-mc" && $9 <= "2022-03-01" && $10 >= "2021-04-01"' "$T/cap.csv" | wc -l)
[ "$n" -le 1 ] || fail "capacity: $n stints at tokyo-mc in 2021-04..2022-03, at most 1 resident"
run "instructors unchanged" 0 whatif "$MODEL" "$T/plan.csv" --instructors kawasaki=5 \
    --from 2020-10 --residents "$RES"
has "instructors unchanged" "$T/err" "what-if: 0 residents affected, 0 resident-periods changed"
run "instructors none" 0 whatif "$MODEL" "$T/plan.csv" --instructors kawasaki=0 \
    --from 2021-04 --residents "$RES" --format csv
awk -F, 'NR > 1 && $4 == "kawasaki" && $10 >= "2021-04-01"' "$T/out" >"$T/left"
[ ! -s "$T/left" ] || fail "instructors none: still planned at kawasaki: $(head -2 "$T/left")"

# ---- the two-year programme: weeks and departments ----
INIT=models/initial-residency-2020.yaml
run "initial fixture passes check" 0 check "$INIT" "$T/initial.csv" --quiet
run "initial capacity" 0 whatif "$INIT" "$T/initial.csv" --capacity core:emergency=3 \
    --from 2021-01-04 --out "$T/initial-new.csv"
# the cut's residents leave the core's emergency department (where to is the objective's: with
# the time away from the core costed, the core's other departments come first)
has "initial capacity" "$T/err" "core/emergency ->"
run "check initial capacity" 0 check "$INIT" "$T/initial-new.csv" --quiet
tail -n +2 "$T/initial-new.csv" >"$T/new-rows"
past_kept "initial capacity" "$T/initial.csv" 2021-01-04

# a cut that moves nobody is recognised before any search: the plan's own largest load at the
# core's emergency department from the date on (counted over the CSV's rows), then one less
cap=$(awk -F, 'NR > 1 && $4 == "core" && $5 == "emergency" {n++; a[n] = $9; b[n] = $10}
    END {best = 0; for (i = 1; i <= n; i++) {d = a[i] < "2021-01-04" ? "2021-01-04" : a[i]; if (d > b[i]) continue
        k = 0; for (j = 1; j <= n; j++) k += a[j] <= d && d <= b[j]; if (k > best) best = k}; print best}' \
    "$T/initial.csv")
[ "$cap" -ge 1 ] || fail "initial: no resident at core/emergency after 2021-01-04"
run "initial cut to the load" 0 whatif "$INIT" "$T/initial.csv" --capacity "core:emergency=$cap" \
    --from 2021-01-04 --format csv
has "initial cut to the load" "$T/err" "so no search ran"
has "initial cut to the load" "$T/err" "0 residents affected, 0 resident-periods changed"
cmp -s "$T/out" "$T/initial.csv" || fail "initial cut to the load: the plan changed"
run "initial cut below the load" 0 whatif "$INIT" "$T/initial.csv" \
    --capacity "core:emergency=$((cap - 1))" --from 2021-01-04 --out "$T/initial-below.csv"
grep -q "so no search ran" "$T/err" && fail "initial cut below the load: taken as moving nobody"
grep -q "what-if: 0 residents affected" "$T/err" && fail "initial cut below the load: nobody moved"
# each week over the cut moves one resident for a whole 4-week unit: the counting before any
# search proves those changes the fewest (whatif_bound.c); before, "the fewest found"
has "initial cut below the load" "$T/err" "1672 of 1680 resident-periods kept (the fewest changes, proven)"
run "check initial cut below the load" 0 check "$INIT" "$T/initial-below.csv" --quiet
run "instructors unchanged, no search" 0 whatif "$MODEL" "$T/plan.csv" --instructors kawasaki=5 \
    --from 2020-10 --residents "$RES"
has "instructors unchanged, no search" "$T/err" "with the changes in force (each rule's direct check), so no search ran"

# the only site of a required field withdrawn: the rule, the department, the residents and the
# date, found by counting before any solve (the same with the shortest time limit), not a
# capacity row overfilled
# (the limit bounds the whole command: 20 s leaves loading and counting, some 0.5 s on a quiet
# machine, their time on a busy one)
for limit in 60 20; do
    run "withdraw psych ($limit s)" 1 whatif "$INIT" "$T/initial.csv" --withdraw psych \
        --from 2021-01 --time-limit "$limit" --out "$T/x.csv"
    has "withdraw psych" "$T/err" "INIT-13 [hard (原則)]: no place left that counts toward this minimum: psychiatry (精神科) at psych from 2021-01-01 (withdrawn by the what-if change)"
    matches "withdraw psych" "$T/err" "^        20[0-9][0-9]-[0-9]+ \(cohort 202[01]\): short by 20, weeks 1-104"
    grep -q "INIT-72\|course choice" "$T/err" && fail "withdraw psych: blames a capacity row or a course"
    [ ! -e "$T/x.csv" ] || fail "withdraw psych: an output was written"
done
run "withdraw every community site" 1 whatif "$INIT" "$T/initial.csv" --withdraw clinic \
    --from 2021-01 --withdraw island --from 2021-01 --withdraw town --from 2021-01
has "withdraw every community site" "$T/err" "community (地域医療) at clinic from 2021-01-01 (withdrawn by the what-if change)"
has "withdraw every community site" "$T/err" "and general-outpatient (一般外来) at town from 2021-01-01"

# ---- a block cut at the change date moves whole: no one-week stub ----
# 60 per cohort (scripts/gen), the town withdrawn from 2021-10: a resident whose 4-week block at
# the town runs across the date keeps its first weeks (the past) and its last week goes on with
# the block after it at the same place, not to a week of its own elsewhere (the planner left
# "28-28 core/anesthesiology" before 29-32 at core/internal-medicine)
scripts/gen "$T/gen" >/dev/null
GM=$T/gen/initial-n60.model.yaml
GR=$T/gen/initial-n60.yaml
run "n60 plan" 0 plan "$GM" --residents "$GR" --out "$T/n60.csv" --quiet
run "n60 -town" 0 whatif "$GM" "$T/n60.csv" --withdraw town --from 2021-10 --residents "$GR" \
    --format csv --verbose
# the stages search the region's own problem (the residents the checks flag), not the whole
# matrix, and the summary says what is optimal only with the others kept
has "n60 -town: the region's problem" "$T/err" "phase: solving: a stage over the region's"
has "n60 -town: optimal within the region" "$T/err" "with the residents no change touches kept"
cut=$(awk -F, 'NR > 1 && $9 < "2021-10-01" && $10 >= "2021-10-01" && $4 == "town"' "$T/n60.csv" |
    wc -l)
[ "$cut" -ge 1 ] || fail "n60 -town: no block at the town runs across 2021-10-01 (nothing to test)"
awk -F, 'NR > 1 && $9 >= "2021-10-01" && $7 == $8 {print}' "$T/out" >"$T/stubs"
awk -F, 'NR > 1 && $9 >= "2021-10-01" && $7 == $8 {print}' "$T/n60.csv" >"$T/stubs-before"
grep -vxFf "$T/stubs-before" "$T/stubs" >"$T/new-stubs"
empty "n60 -town: new one-week stints" "$T/new-stubs"
cp "$T/out" "$T/n60-town.csv"
tail -n +2 "$T/out" >"$T/new-rows"
past_kept "n60 -town" "$T/n60.csv" 2021-10-01
# nobody starts a stint at the town from the date on, and the plan passes check but for the
# programme rule the what-if says it bent at the change date (EXAMPLE-01's unit across it)
awk -F, 'NR > 1 && $4 == "town" && $9 >= "2021-10-01"' "$T/n60-town.csv" >"$T/at-town"
empty "n60 -town: a stint at the town from 2021-10-01" "$T/at-town"
check_status=0
"$BIN" check "$GM" "$T/n60-town.csv" --residents "$GR" >"$T/n60-check" 2>&1 || check_status=$?
count=$((count + 1))
[ "$check_status" -le 1 ] || fail "check n60 -town: exit $check_status"
grep '^violation' "$T/n60-check" | grep -v 'EXAMPLE-01' >"$T/n60-other"
empty "check n60 -town: violations of rules the what-if did not bend" "$T/n60-other"

# ---- usage: exit 2, nothing written ----
run "whatif help" 0 whatif --help
has "whatif help" "$T/out" "--withdraw FACILITY --from DATE [--until DATE]"
run "no change" 2 whatif "$MODEL" "$T/plan.csv"
has "no change" "$T/err" "no change given"
run "from first" 2 whatif "$MODEL" "$T/plan.csv" --from 2020-10 --withdraw kawasaki
has "from first" "$T/err" "--from 2020-10 belongs to a change"
run "no from" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki
has "no from" "$T/err" "--withdraw kawasaki needs --from DATE"
run "unknown facility" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasak --from 2020-10 \
    --out "$T/x.csv"
has "unknown facility" "$T/err" "unknown facility 'kawasak'; expected one of: keio"
[ ! -e "$T/x.csv" ] || fail "unknown facility: an output was written"
run "bad date" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki --from 2020-13
has "bad date" "$T/err" "--from '2020-13': expected a date YYYY-MM-DD or a month YYYY-MM"
run "until before from" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki --from 2020-10 \
    --until 2020-09
has "until before from" "$T/err" "--until 2020-09 is before --from 2020-10"
run "bad capacity" 2 whatif "$MODEL" "$T/plan.csv" --capacity kawasaki --from 2020-10
has "bad capacity" "$T/err" "--capacity 'kawasaki': expected FACILITY[:DEPARTMENT]=N"
run "bad department" 2 whatif "$INIT" "$T/initial.csv" --capacity core:cardiology=1 --from 2021-01
has "bad department" "$T/err" "core runs no department 'cardiology'"
run "negative capacity" 2 whatif "$MODEL" "$T/plan.csv" --capacity kawasaki=-1 --from 2020-10
has "negative capacity" "$T/err" "expected a number of at least 0 after '='"
run "from twice" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki --from 2020-10 --from 2020-11
has "from twice" "$T/err" "--from given twice for --withdraw"
run "missing plan file" 2 whatif "$MODEL" "$T/none.csv" --withdraw kawasaki --from 2020-10
run "other residents" 2 whatif "$MODEL" "$T/plan.csv" --withdraw kawasaki --from 2020-10 \
    --residents examples/radiology-cohort-12.yaml
has "other residents" "$T/err" "not in"

# The counting checks on a programme of three facilities: the partners cannot hold the base's
# residents, though each partner alone might take any of them; a withdrawal they can absorb is
# planned (no finding for a programme that has a plan).
CM=tests/cli/counting-model.yaml
CR=tests/cli/counting-residents.yaml
run "counting plan" 0 plan "$CM" --residents "$CR" --out "$T/counting.yaml" --quiet
run "counting short" 1 whatif "$CM" "$T/counting.yaml" --residents "$CR" --withdraw base \
    --from 2019-10 --out "$T/counting-new.yaml"
has "counting short" "$T/err" "no compliant plan exists after this change"
# the base's places shut by the withdrawal: the partners as a group must hold all three, and c,
# who had not been at the base yet, cannot get its 3 months there
has "counting short" "$T/err" "T-12 [hard] at the partner facilities, from 2019-10 to the month from 2020-03"
has "counting short" "$T/err" "T-03 [hard]: no place left that counts toward this minimum: base from 2019-10-01"
has "counting short" "$T/err" "c (cohort 2019): short by 3, months 1-12"
has "counting short" "$T/err" "count at least 3 against a limit of 2 (over by 1)"
has "counting short" "$T/err" "residents: a, b, c"
[ ! -e "$T/counting-new.yaml" ] || fail "counting short: an output was written"
run "counting room" 0 whatif "$CM" "$T/counting.yaml" --residents "$CR" --withdraw base \
    --from 2019-10 --until 2019-12 --instructors p2=2.5 --from 2019-10 \
    --out "$T/counting-new.csv"
has "counting room" "$T/err" "what-if: "
n=$(awk -F, 'NR > 1 && $4 == "base" && $9 <= "2019-12-31" && $10 >= "2019-10-01"' \
    "$T/counting-new.csv" | wc -l)
[ "$n" -eq 0 ] || fail "counting room: $n stints at the withdrawn base in 2019-10..2019-12"

run "counting plan csv" 0 plan "$CM" --residents "$CR" --out "$T/counting.csv" --quiet
# no count finds it (the base's months are short only across the residents): the elastic solve
# names the base's limit, and relaxing it alone restores a plan
run "counting elastic" 1 whatif "$CM" "$T/counting.csv" --residents "$CR" --withdraw base \
    --from 2019-04 --until 2019-10 --instructors p1=3 --from 2019-04 --instructors p2=3 \
    --from 2019-04
has "counting elastic" "$T/err" "the smallest relaxation found breaks these rules:"
has "counting elastic" "$T/err" "T-12 [hard] from 2019-04 at base"
has "counting elastic" "$T/err" "over by 4 (in the rule's own count, over its periods)"
has "counting elastic" "$T/err" "verified: relaxing it restores a plan"

# the base withdrawn inside the months the minimum at the base needs: T-03 named with the base
# and each resident's shortfall (a keeps two months of the past there)
run "counting base gone" 1 whatif "$CM" "$T/counting.csv" --residents "$CR" --withdraw base \
    --from 2019-06
if grep -q '^a,2019,,base,,block,1,3,' "$T/counting.csv"; then
    has "counting base gone" "$T/err" "T-03 [hard]: no place left that counts toward this minimum: base from 2019-06-01 (withdrawn by the what-if change)"
    has "counting base gone" "$T/err" "a (cohort 2019): short by 1, months 1-12"
else
    has "counting base gone" "$T/err" "T-03 [hard]: no place left that counts toward this minimum: base from 2019-06-01"
fi

# ---- a past with sessions the model does not offer (the two-year model has no night_duty):
# 20 nights of emergency duty in weeks 1-20 are kept, and the change (emergency at the core
# closed from 2020-10) is answered with a plan that passes check; before, no piece could hold the
# past and whatif said "no compliant plan exists". A session given as a total (INIT-39) or a
# visit (INIT-44) in the past cannot be kept: a located error at its row, exit 2, not a false
# "no plan" ----
INIT=models/initial-residency-2020.yaml
SR=tests/rules/session_rows
run "past nights" 0 whatif "$INIT" "$SR/night-20.csv" --capacity core:emergency=0 \
    --from 2020-10-01 --out "$T/nights.csv"
has "past nights" "$T/nights.csv" "r1,2020,,core,emergency,night,1,20,2020-04-01,2020-08-18,1"
run "past nights check" 0 check "$INIT" "$T/nights.csv" --quiet
run "past total" 2 whatif "$INIT" "$SR/em-total-20.csv" --capacity city:obgyn=0 \
    --from 2021-10-01 --out "$T/total.csv"
has "past total" "$T/err" "em-total-20.csv:14:1: error: resident r1's session row given as days_total (periods 57-76)"
[ ! -e "$T/total.csv" ] || fail "past total: a plan was written"
run "past visit" 2 whatif "$INIT" tests/rules/admin_visits/visit-2.csv --capacity city:obgyn=0 \
    --from 2021-10-01 --out "$T/visit.csv"
has "past visit" "$T/err" "visit-2.csv:13:1: error: resident r1's visit row (periods 53-56)"

# ---- a model with no rotation unit (EXAMPLE-01 disabled) plans required fields in blocks of
# 4 to 7 weeks (min_piece), but a plan made by hand may hold shorter ones the check accepts
# (2 weeks of internal medicine, then 2 of its clinic: 000 Q41 L56). Its past is kept: the
# earlier plan's blocks are pieces of their own; before, whatif said "no compliant plan
# exists" ----
awk '/^  - id: EXAMPLE-01$/ { unit = 1 }
     unit && /^    params: \{weeks: 4\}$/ { print "    enabled: false"; unit = 0 }
     { print }' "$INIT" >"$T/free.yaml"
run "free short past check" 0 check "$T/free.yaml" tests/fixtures/whatif/free-short-blocks.csv --quiet
run "free short past" 0 whatif "$T/free.yaml" tests/fixtures/whatif/free-short-blocks.csv \
    --capacity city:obgyn=0 --from 2021-10-01 --out "$T/free-short.csv"
has "free short past" "$T/free-short.csv" "r1,2020,,core,internal-medicine,block,57,58,2021-04-29,2021-05-12,"
has "free short past" "$T/free-short.csv" "r1,2020,,core,general-outpatient,block,59,60,2021-05-13,2021-05-26,"
run "free short past new check" 0 check "$T/free.yaml" "$T/free-short.csv" --quiet

echo "whatif.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
