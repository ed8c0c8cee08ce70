#!/bin/sh
# rules.sh: the rules of issue 14 end to end (the rule kinds' own tests are tests/rules/): what a
# planner, a checker and `capacity` say about them, with the exit statuses 0/1/2. Run by
# `make test` with ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
INIT=models/initial-residency-2020.yaml
. tests/lib.sh

# ---- RAD-07 with RAD-27: a 2-month extension is no 12-month unit of its own ----
# course A, 2 months abroad: the programme runs to month 38; once "no compliant plan exists ...
# RAD-09 month 37", while check accepted keio 1-24, tokyo-mc 25-38 for the same resident
run "RAD-07 extension plan" 0 plan "$MODEL" --residents tests/rules/rotation_unit/abroad-2-months-a.yaml \
    --out "$T/ext.csv"
has "RAD-07 extension plan" "$T/err" "the programme is extended by 2 months, to 2022-05-31"
n=$(awk -F, 'NR > 1 && $6 == "block" && $8 > m {m = $8} END {print m + 0}' "$T/ext.csv")
[ "$n" -eq 38 ] || fail "RAD-07 extension plan: the plan ends in month $n, expected 38"
run "RAD-07 extension check" 0 check "$MODEL" "$T/ext.csv" --residents tests/rules/rotation_unit/abroad-2-months-a.yaml
cat >"$T/hand.csv" <<'CSV'
resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,days_per_week
r1,2019,A,keio,,block,1,14,,,
r1,2019,A,none,,block,15,16,,,
r1,2019,A,keio,,block,17,24,,,
r1,2019,A,tokyo-mc,,block,25,38,,,
CSV
run "RAD-07 extension hand plan" 0 check "$MODEL" "$T/hand.csv" --residents tests/rules/rotation_unit/abroad-2-months-a.yaml

# ---- INIT-61: weeks wholly on leave beyond the allowance hold no facility in every output ----
run "INIT-61 away plan" 0 plan "$INIT" --residents tests/cli/leave-25-weeks.yaml --out "$T/away.csv"
has "INIT-61 away plan" "$T/err" "the programme is extended by 7 weeks, to 2022-05-19"
has "INIT-61 away plan" "$T/away.csv" "i1,2020,,none,,block,10,34,"
n=$(awk -F, 'NR > 1 && $4 != "none" && $7 <= 34 && $8 >= 10' "$T/away.csv" | wc -l)
[ "$n" -eq 0 ] || fail "INIT-61 away plan: $n stints at a facility during the leave"
run "INIT-61 away check" 0 check "$INIT" "$T/away.csv" --residents tests/cli/leave-25-weeks.yaml
# the same plan with a block over the leave breaks INIT-05 there
sed 's/^i1,2020,,none,,block,10,34,.*$/i1,2020,,core,internal-medicine,block,10,34,,,/' "$T/away.csv" >"$T/held.csv"
run "INIT-61 held check" 1 check "$INIT" "$T/held.csv" --residents tests/cli/leave-25-weeks.yaml
has "INIT-61 held check" "$T/out" "a facility during leave beyond the allowance (INIT-61)"

# ---- INIT-30: an emergency session inside an emergency block is bad data ----
run "INIT-30 own field session" 2 check "$INIT" tests/rules/parallel_sessions/em-session-in-em-block.csv
has "INIT-30 own field session" "$T/err" "em-session-in-em-block.csv:13:15: error: parallel session in emergency (救急) beside resident 'r1''s block in the same field (weeks 37-48, line 8)"
empty "INIT-30 own field session" "$T/out"

# ---- D-6: capacity says where the column sums differ from the printed totals ----
run "D-6 default reading" 0 capacity "$MODEL"
has "D-6 default reading" "$T/out" "CT: printed 313,689.7, column sum 311,993.9 (printed 1,695.8 higher; D-6)"
has "D-6 default reading" "$T/out" "IVR: printed 2,811, column sum 2,824 (printed 13 lower; D-6)"
has "D-6 default reading" "$T/out" "with the column sums the cap would be 47"

# ---- RAD-16..19: counts logged at completion are the residents file's, not the plan's ----
run "RAD-17 short plan" 1 plan "$MODEL" --residents tests/rules/experience_target/short-at-completion.yaml \
    --out "$T/exp.csv"
has "RAD-17 short plan" "$T/err" "resident r1 logged 15 ivr of the 30 required at completion"
has "RAD-17 short plan" "$T/err" "2 violations, 0 warnings"
[ -s "$T/exp.csv" ] || fail "RAD-17 short plan: no plan written"
grep -q "internal error" "$T/err" && fail "RAD-17 short plan: taken for a disagreement"
run "RAD-17 short check" 1 check "$MODEL" "$T/exp.csv" --residents tests/rules/experience_target/short-at-completion.yaml
has "RAD-17 short check" "$T/out" "required: at least 5 ivr-nonvascular"

echo "rules.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
