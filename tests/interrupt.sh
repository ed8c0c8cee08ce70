#!/bin/sh
# interrupt.sh: Ctrl-C (SIGINT) and SIGTERM during a solve. The solve stops, the best plan found
# so far is written marked not proven optimal (status: feasible) when there is one, and the exit
# status is 130; when there is none yet, nothing is written and an existing output stays as it
# was; a second signal exits at once. The instances come from scripts/gen (seeded, the same on
# every machine): the two-year programme with 120 per cohort, whose first plan (built resident by
# resident) comes after some 2.5 s, signalled at 0.5 s; and with 60 per cohort, whose core
# emergency department loses a place: a what-if of some 5 s that starts from a repaired plan, so
# that it holds a plan from its first stage on, signalled at 1 s. (A `plan` holds its first plan
# only a fraction of a second before it proves it optimal on these instances, too short a window
# to aim a signal at: the what-if is where a plan interrupted is written.) `check` and
# `capacity`, which do not solve, die of the first SIGTERM, even while they wait on a pipe. Run by
# `make test` (target test-cli) with ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
. tests/lib.sh
scripts/gen "$T/gen" >/dev/null
BIG_MODEL=$T/gen/initial-n120.model.yaml
BIG=$T/gen/initial-n120.yaml
INIT_MODEL=$T/gen/initial-n60.model.yaml
INIT=$T/gen/initial-n60.yaml
CAP=$(sed -n 's/.*{id: emergency, name: [^,]*, capacity: \([0-9]*\)[,}].*/\1/p' "$INIT_MODEL" |
    head -n 1)

# signal NAME WANT DELAY SIGNALS ARGS...: starts the binary, sends each signal of SIGNALS
# (comma-separated) DELAY seconds after the start (then 0.2 s apart), and checks its exit status
# (unless WANT is "any"; the status is left in $got)
signal() {
    name=$1
    want=$2
    delay=$3
    sigs=$4
    shift 4
    count=$((count + 1))
    "$BIN" "$@" >"$T/out" 2>"$T/err" &
    pid=$!
    sleep "$delay"
    for s in $(echo "$sigs" | tr , ' '); do
        kill -"$s" "$pid" 2>/dev/null
        sleep 0.2
    done
    started=$(date +%s)
    wait "$pid"
    got=$?
    waited=$(($(date +%s) - started))
    if [ "$want" != any ] && [ "$got" -ne "$want" ]; then
        fail "$name: exit $got, expected $want"
        sed 's/^/    stderr: /' "$T/err" | head -20
    fi
}

kept() { # kept NAME FILE: FILE still holds "keep me", and no temporary file is left beside it
    [ "$(cat "$2")" = "keep me" ] || fail "$1: the existing output was overwritten"
    ls "$(dirname "$2")" | grep -q 'tmp-' && fail "$1: a temporary file was left behind"
    true
}

# ---- plan: interrupted before any plan exists ----
echo "keep me" >"$T/plan.yaml"
for sig in INT TERM; do
    signal "plan SIG$sig" 130 0.5 $sig plan "$BIG_MODEL" --residents "$BIG" --out "$T/plan.yaml"
    has "plan SIG$sig" "$T/err" "interrupted before any compliant plan was found"
    kept "plan SIG$sig" "$T/plan.yaml"
    # GLPK's presolve and root LP call no callback: the stop waits for them (seconds here)
    [ "$waited" -le 10 ] || fail "plan SIG$sig: took $waited s to stop"
done

# ---- a second Ctrl-C leaves at once, and the output stays as it was ----
signal "plan second SIGINT" 130 0.5 INT,INT plan "$BIG_MODEL" --residents "$BIG" --out "$T/plan.yaml"
kept "plan second SIGINT" "$T/plan.yaml"
[ "$waited" -le 1 ] || fail "plan second SIGINT: took $waited s to stop"

# ---- whatif: a plan from the first stage on, so an interrupted what-if always writes one ----
run "initial n60" 0 plan "$INIT_MODEL" --residents "$INIT" --out "$T/n60.csv" --quiet
for sig in INT TERM; do
    echo "keep me" >"$T/whatif.yaml"
    signal "whatif SIG$sig" 130 1 $sig whatif "$INIT_MODEL" "$T/n60.csv" \
        --capacity "core:emergency=$((CAP - 1))" --from 2021-01-04 --residents "$INIT" \
        --out "$T/whatif.yaml" --quiet
    has "whatif SIG$sig" "$T/whatif.yaml" "status: feasible"
    run "check whatif SIG$sig" 0 check "$INIT_MODEL" "$T/whatif.yaml" --residents "$INIT" --quiet
done
echo "keep me" >"$T/whatif.yaml"
signal "whatif second SIGINT" 130 1 INT,INT whatif "$INIT_MODEL" "$T/n60.csv" \
    --capacity "core:emergency=$((CAP - 1))" --from 2021-01-04 --residents "$INIT" \
    --out "$T/whatif.yaml" --quiet
kept "whatif second SIGINT" "$T/whatif.yaml"

# ---- commands that do not solve die of SIGTERM at once, even blocked on a pipe (SIGINT too,
# but a shell without job control starts a background command with SIGINT ignored, and they keep
# the dispositions they inherit; plan and whatif install their handler whatever they inherit) ----
mkfifo "$T/pipe.csv"
for cmd in check capacity; do
    for sig in TERM; do
        count=$((count + 1))
        if [ $cmd = check ]; then
            "$BIN" check "$MODEL" "$T/pipe.csv" >/dev/null 2>&1 &
        else
            "$BIN" capacity "$MODEL" --residents "$T/pipe.csv" >/dev/null 2>&1 &
        fi
        pid=$!
        sleep 0.5
        kill -$sig $pid
        sleep 1
        if kill -0 $pid 2>/dev/null; then
            fail "$cmd SIG$sig: still running 1 s after the signal"
            kill -KILL $pid
        fi
        wait $pid
        got=$?
        [ "$got" -eq 143 ] || fail "$cmd SIG$sig: exit $got, expected 143 (killed by SIGTERM)"
    done
done

echo "interrupt.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
