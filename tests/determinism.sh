#!/bin/sh
# determinism.sh: the same inputs give byte-identical outputs. Each plan and what-if below solves
# to its proven optimum (no time limit stops it), is run twice, the second time with another time
# zone, locale and working directory (what a second machine would change), and the two outputs
# (YAML, CSV, the what-if's diff) are compared byte for byte. Residents listed in the reverse
# order give the same objective. Then the shipped examples (the default plan, the radiology
# cohorts, the two-year programme's default cohort, a what-if) run again slowed down several times
# over, at nice 5 while a busy loop runs on every core, and once more stuttering (stopped by
# SIGSTOP for 0.6 s, then let run 0.2 s, over and over: the wall clock races ahead of the work, as
# on a machine many times slower); no clock may decide which plan is written (solve.c), so the
# outputs must equal the normal run's byte for byte. Run by `make test`
# (target test-cli) with ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
INIT=models/initial-residency-2020.yaml
. tests/lib.sh
BIN_ABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ROOT=$(pwd)
mkdir "$T/elsewhere"

# twice NAME "FILES" ARGS...: runs the binary with ARGS (the FILES among them as outputs) in this
# directory, then again from $T/elsewhere with TZ, LC_ALL and LANG changed, and compares each
twice() {
    name=$1
    files=$2
    shift 2
    count=$((count + 1))
    "$BIN_ABS" "$@" >"$T/out1" 2>"$T/err1" || fail "$name: first run exit $?"
    for f in $files; do
        [ -s "$f" ] || fail "$name: no output $f"
        mv "$f" "$f.first"
    done
    (cd "$T/elsewhere" && TZ=Asia/Tokyo LC_ALL=C.UTF-8 LANG=ja_JP.UTF-8 "$BIN_ABS" "$@") \
        >"$T/out2" 2>"$T/err2" || fail "$name: second run exit $?"
    for f in $files; do
        cmp -s "$f.first" "$f" ||
            fail "$name: $(basename "$f") differs: $(diff "$f.first" "$f" | head -5)"
    done
    cmp -s "$T/out1" "$T/out2" || fail "$name: stdout differs"
}

# every path absolute: the second run is made from another directory
M=$ROOT/$MODEL
I=$ROOT/$INIT
R12=$ROOT/examples/radiology-cohort-12.yaml
RC=$ROOT/examples/radiology-cohorts.yaml
RCSV=$ROOT/examples/radiology-residents.csv

for fmt in yaml csv; do
    twice "radiology default $fmt" "$T/d.$fmt" plan --out "$T/d.$fmt" --quiet
    twice "radiology cohorts $fmt" "$T/c.$fmt" plan "$M" --residents "$RC" --out "$T/c.$fmt" --quiet
    twice "radiology residents csv $fmt" "$T/r.$fmt" plan "$M" --residents "$RCSV" \
        --out "$T/r.$fmt" --quiet
done
twice "initial default yaml" "$T/i.yaml" plan "$I" --out "$T/i.yaml" --quiet
twice "radiology table" "$T/t.txt" plan "$M" --residents "$R12" --out "$T/t.txt" --quiet
grep -q "status: optimal" "$T/d.yaml" || fail "radiology default: not proven optimal"
grep -q "status: optimal" "$T/i.yaml" || fail "initial default: not proven optimal"

# what-ifs from the cohorts' plan: the new plan and the diff
run "plan cohorts" 0 plan "$M" --residents "$RC" --out "$T/old.yaml" --quiet
twice "whatif withdraw csv" "$T/w.csv $T/w.diff" whatif "$M" "$T/old.yaml" --withdraw kawasaki \
    --from 2020-10 --residents "$RC" --out "$T/w.csv" --diff "$T/w.diff" --quiet
twice "whatif capacity yaml" "$T/k.yaml" whatif "$M" "$T/old.yaml" --capacity keio=20 \
    --from 2021-04 --residents "$RC" --out "$T/k.yaml" --quiet
run "initial plan" 0 plan "$I" --out "$T/iold.csv" --quiet
twice "whatif initial capacity" "$T/ic.yaml" whatif "$I" "$T/iold.csv" \
    --capacity core:emergency=1 --from 2021-01-04 --out "$T/ic.yaml" --quiet
twice "check" "$T/f.txt" check "$M" "$T/old.yaml" --residents "$RC" --out "$T/f.txt"
twice "capacity" "$T/cap.txt" capacity "$M" "$T/old.yaml" --residents "$RC" --out "$T/cap.txt"

# the residents in the reverse order: the same optimum (the plan may differ where wishes tie)
objective() { sed -n 's/^objective: //p' "$1"; }
awk '/^residents:/ {print; r = 1; next} !r {print; next}
     /^  - / {if (cur != "") items[n++] = cur; cur = $0 "\n"; next}
     {cur = cur $0 "\n"}
     END {if (cur != "") items[n++] = cur; for (i = n - 1; i >= 0; i--) printf "%s", items[i]}' \
    "$RC" >"$T/reversed.yaml"
[ "$(grep -c '^  - ' "$T/reversed.yaml")" -eq "$(grep -c '^  - ' "$RC")" ] ||
    fail "reversed residents: the file lost residents"
run "plan reversed" 0 plan "$M" --residents "$T/reversed.yaml" --out "$T/rev.yaml" --quiet
[ "$(objective "$T/rev.yaml")" = "$(objective "$T/old.yaml")" ] ||
    fail "reversed residents: objective $(objective "$T/rev.yaml"), expected $(objective "$T/old.yaml")"

# ---- slowed down: the same bytes ----
# busy_start: a busy loop on every core (their pids in $BUSY), stopped by busy_stop and at exit
BUSY=""
busy_start() {
    n=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
    i=0
    while [ "$i" -lt "$n" ]; do
        sh -c 'while :; do :; done' &
        BUSY="$BUSY $!"
        i=$((i + 1))
    done
}
busy_stop() {
    for p in $BUSY; do kill "$p" 2>/dev/null; done
    for p in $BUSY; do wait "$p" 2>/dev/null; done
    BUSY=""
}
trap 'busy_stop; rm -rf "$T"' EXIT
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# slowed NAME OUT ARGS...: runs the binary with ARGS (OUT among them as its output) normally, then
# at nice 5 beside the busy loops, then stuttering, and compares the outputs byte for byte
slowed() {
    name=$1
    out=$2
    shift 2
    count=$((count + 1))
    t0=$(now_ms)
    "$BIN_ABS" "$@" >/dev/null 2>"$T/err1" || fail "$name: normal run exit $?"
    t1=$(now_ms)
    mv "$out" "$out.normal"
    busy_start
    nice -n 5 "$BIN_ABS" "$@" >/dev/null 2>"$T/err2" || fail "$name: slowed run exit $?"
    t2=$(now_ms)
    busy_stop
    cmp -s "$out.normal" "$out" ||
        fail "$name: slowed down, the output differs: $(diff "$out.normal" "$out" | head -5)"
    rm -f "$out"
    "$BIN_ABS" "$@" >/dev/null 2>"$T/err3" &
    pid=$!
    while kill -STOP "$pid" 2>/dev/null; do
        sleep 0.6
        kill -CONT "$pid" 2>/dev/null
        sleep 0.2
    done
    wait "$pid" || fail "$name: stuttering run exit $?"
    t3=$(now_ms)
    cmp -s "$out.normal" "$out" ||
        fail "$name: stuttering, the output differs: $(diff "$out.normal" "$out" | head -5)"
    echo "determinism.sh: $name: $((t1 - t0)) ms; slowed $((t2 - t1)) ms; stuttering $((t3 - t2)) ms"
}

slowed "slowed radiology default" "$T/s1.csv" plan --out "$T/s1.csv" --quiet
slowed "slowed radiology cohorts" "$T/s2.csv" plan "$M" --residents "$RC" --out "$T/s2.csv" --quiet
slowed "slowed initial default" "$T/s3.csv" plan "$I" --out "$T/s3.csv" --quiet
slowed "slowed whatif" "$T/s4.csv" whatif "$M" "$ROOT/tests/fixtures/whatif/radiology-cohorts-plan.csv" \
    --withdraw kawasaki --from 2020-10 --residents "$RC" --out "$T/s4.csv" --quiet

echo "determinism.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
