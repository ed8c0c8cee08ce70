# lib.sh: what the shell tests share (sourced by tests/cli.sh and tests/whatif.sh): the binary,
# a scratch folder removed at exit, and the assertions. Every assertion counts its failures.
BIN=${ROTAPLAN:-build/rotaplan}
# Messages in English whatever the caller's locale: the suites grep the English text (the
# Japanese is tested by tests/lang.sh, which asks for it run by run).
unset LANGUAGE
if [ -n "${LC_ALL:-}" ]; then LC_ALL=C.UTF-8; export LC_ALL; else LC_MESSAGES=C; export LC_MESSAGES; fi
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

# ja NAME STATUS ARGS...: as run, with the messages in Japanese (LANGUAGE=ja over C.UTF-8, which
# needs no generated locale; tests/lang.sh also runs LANG=ja_JP.UTF-8 where it exists)
ja() {
    name=$1
    want=$2
    shift 2
    count=$((count + 1))
    (LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE=ja "$BIN" "$@") >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" -eq "$want" ] || { fail "$name: exit $got, expected $want"; head -5 "$T/err"; }
}

has() { # has NAME FILE TEXT: FILE contains TEXT
    grep -qF -- "$3" "$2" || fail "$1: $(basename "$2") lacks '$3'"
}

matches() { # matches NAME FILE REGEX: a line of FILE matches the extended regular expression
    grep -qE -- "$3" "$2" || fail "$1: $(basename "$2") has no line matching '$3'"
}

empty() { # empty NAME FILE
    [ ! -s "$2" ] || fail "$1: $(basename "$2") is not empty: $(head -c 200 "$2")"
}
