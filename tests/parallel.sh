#!/bin/sh
# parallel.sh JOBS COMMAND...: runs each COMMAND (a shell command line: a test program, or a
# suite with its environment) with at most JOBS of them at once, in the order given (put the
# longest first). Each command's stdout and stderr are kept apart in a file and printed whole,
# under a line "== COMMAND (ok|FAILED, exit N; S s wall, user U, sys Y)" (the CPU time of
# the command and all it waited for) when it ends, so that two suites' lines
# never mix. Exit 1 when any command failed, after all have run (each failure listed at the end).
# Only for tests that measure no time and do not load the machine on purpose (interrupt.sh and
# determinism.sh run alone: see the Makefile's test-cli).
set -u
if [ $# -lt 1 ]; then
    echo "usage: tests/parallel.sh JOBS COMMAND..." >&2
    exit 2
fi
jobs=$1
shift
[ $# -gt 0 ] || exit 0
PARALLEL_DIR=$(mktemp -d)
export PARALLEL_DIR
trap 'rm -rf "$PARALLEL_DIR"' EXIT
: >"$PARALLEL_DIR/failed"
# xargs keeps JOBS workers busy; a worker exits 0 whatever its command did (the failures are
# listed in $PARALLEL_DIR/failed), so that xargs never stops early
printf '%s\0' "$@" | xargs -0 -n 1 -P "$jobs" sh -c '
    log=$(mktemp "$PARALLEL_DIR/log.XXXXXX")
    t0=$(date +%s)
    sh -c "$1" >"$log" 2>&1 </dev/null
    rc=$?
    took=$(($(date +%s) - t0))
    times >"$log.times" # (not in a subshell: its own children would be none)
    cpu=$(tail -n 1 "$log.times" | awk "{ split(\$1, u, /[ms]/); split(\$2, s, /[ms]/)
        printf \"user %.1f s, sys %.1f s\", u[1] * 60 + u[2], s[1] * 60 + s[2] }")
    if [ "$rc" -eq 0 ]; then
        status=ok
    else
        status="FAILED, exit $rc"
    fi
    # one command block at a time on the terminal (flock: util-linux, in every Debian)
    flock "$PARALLEL_DIR/lock" sh -c "
        echo \"== \$1 (\$2; \$3 s wall, \$7)\"
        cat \"\$4\"
        [ \"\$5\" -eq 0 ] || echo \"\$1\" >>\"\$6\"" \
        sh "$1" "$status" "$took" "$log" "$rc" "$PARALLEL_DIR/failed" "$cpu"
    rm -f "$log" "$log.times"
    exit 0
' sh
if [ -s "$PARALLEL_DIR/failed" ]; then
    echo "FAILED:"
    sed 's/^/  /' "$PARALLEL_DIR/failed"
    exit 1
fi
exit 0
