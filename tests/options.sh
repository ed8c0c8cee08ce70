#!/bin/sh
# options.sh: the error path of every option of every command (plan, check, whatif, capacity,
# report, help): a missing value, a bad value, an unknown option, options that conflict. Each must exit 2,
# name the option (or the value it was given) on stderr, print nothing on stdout and write no
# file. Run by `make test` (target test-cli) with ROTAPLAN set to the binary.
set -u
MODEL=models/radiology-keio-2019.yaml
RES=examples/radiology-cohort-12.yaml
PLAN=tests/fixtures/plan.csv
. tests/lib.sh

# bad NAME TEXT ARGS...: exit 2, TEXT on stderr, nothing on stdout, nothing left in $T/w
mkdir "$T/w"
bad() {
    name=$1
    text=$2
    shift 2
    run "$name" 2 "$@"
    has "$name" "$T/err" "$text"
    empty "$name: stdout" "$T/out"
    [ -z "$(ls -A "$T/w")" ] || fail "$name: wrote $(ls -A "$T/w")"
}

# ---- every command: an unknown option, with the nearest as a hint; a single dash ----
for cmd in plan check capacity; do
    bad "$cmd unknown option" "rotaplan $cmd: unknown option '--bogus'" $cmd --bogus
    has "$cmd unknown option" "$T/err" "run 'rotaplan help $cmd' for the options"
    bad "$cmd near option" "unknown option '--residnets'; did you mean '--residents'?" \
        $cmd --residnets "$RES"
    bad "$cmd single dash" "unknown option '-q'" $cmd -q
    bad "$cmd --quiet=x" "option '--quiet' takes no value" $cmd --quiet=x
    bad "$cmd --help=x" "option '--help' takes no value" $cmd --help=x
    bad "$cmd unknown option after value" "unknown option '--outt'" $cmd --out "$T/w/x" --outt y
done
bad "whatif unknown option" "rotaplan whatif: unknown option '--bogus'" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --bogus
bad "whatif near option" "unknown option '--scenaro'; did you mean '--scenario'?" \
    whatif "$MODEL" "$PLAN" --scenaro x
bad "whatif --quiet=x" "option '--quiet' takes no value" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --quiet=x

# ---- every option that takes a value: missing at the end, followed by an option, empty ----
for opt in --residents --format --out --lp --mps --time-limit --gap --keep --from; do
    bad "plan $opt missing" "rotaplan plan: option '$opt' needs a value" plan "$MODEL" $opt
    bad "plan $opt then option" "option '$opt' needs a value; the next argument is an option" \
        plan "$MODEL" $opt --quiet
    bad "plan $opt=" "option '$opt' has an empty value" plan "$MODEL" "$opt="
done
for opt in --residents --out; do
    for cmd in check capacity; do
        bad "$cmd $opt missing" "rotaplan $cmd: option '$opt' needs a value" $cmd "$MODEL" $opt
        bad "$cmd $opt then option" "option '$opt' needs a value" $cmd "$MODEL" $opt --quiet
        bad "$cmd $opt=" "option '$opt' has an empty value" $cmd "$MODEL" "$opt="
    done
done
for opt in --residents --format --out --diff --lp --mps --time-limit --scenario; do
    bad "whatif $opt missing" "rotaplan whatif: option '$opt' needs a value" \
        whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 $opt
    bad "whatif $opt then option" "option '$opt' needs a value" \
        whatif "$MODEL" "$PLAN" $opt --withdraw keio --from 2020-10
    bad "whatif $opt=" "option '$opt' has an empty value" \
        whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 "$opt="
done
for opt in --withdraw --capacity --instructors --add-resident --from --until; do
    bad "whatif $opt missing" "option '$opt' needs a value" whatif "$MODEL" "$PLAN" $opt
    bad "whatif $opt then option" "option '$opt' needs a value" \
        whatif "$MODEL" "$PLAN" $opt --quiet
    bad "whatif $opt=" "option '$opt' has an empty value" whatif "$MODEL" "$PLAN" "$opt="
done

# ---- given twice ----
for opt in --residents --format --out --lp --mps --time-limit --gap --keep --from; do
    bad "plan $opt twice" "option '$opt' given twice" plan "$MODEL" $opt a $opt b
done
bad "check --out twice" "option '--out' given twice" check "$MODEL" "$PLAN" --out a --out b
bad "capacity --residents twice" "option '--residents' given twice" \
    capacity "$MODEL" --residents "$RES" --residents "$RES"
for opt in --residents --format --out --diff --lp --mps --time-limit --scenario; do
    bad "whatif $opt twice" "option '$opt' given twice" \
        whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 $opt a $opt b
done
bad "whatif --from twice" "--from given twice for --withdraw" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --from 2020-11
bad "whatif --until twice" "--until given twice for --withdraw" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --until 2021-01 --until 2021-02
bad "whatif --add-resident twice" "--add-resident given twice" \
    whatif "$MODEL" "$PLAN" --add-resident a --add-resident b

# ---- the workbook: a file, never a terminal; report --xlsx and --scenario take their values ----
bad "report --scenario without value" "--scenario" report "$MODEL" "$PLAN" --scenario

# ---- bad values: each named with the option ----
for cmd in plan whatif; do
    if [ $cmd = plan ]; then pre="plan $MODEL"; else pre="whatif $MODEL $PLAN --withdraw keio --from 2020-10"; fi
    bad "$cmd --format xml" "rotaplan $cmd: unknown format 'xml'; expected table, csv, yaml, json, ics or xlsx" \
        $pre --format xml --out "$T/w/p.csv"
    for v in abc -1 1e8 nan inf 10s; do
        bad "$cmd --time-limit $v" "--time-limit '$v' is not a number from 0 to 1e+07" \
            $pre --time-limit $v --out "$T/w/p.csv"
    done
done
for v in x -0.1 1.5 nan; do
    bad "plan --gap $v" "--gap '$v' is not a number from 0 to 1" plan "$MODEL" --gap $v
done
bad "plan --from bad date" "rotaplan plan: --from '2020-13': expected a date" \
    plan "$MODEL" --keep "$PLAN" --from 2020-13
bad "plan --residents missing file" "$T/none.yaml: error: cannot open file" \
    plan "$MODEL" --residents "$T/none.yaml" --out "$T/w/p.csv"
bad "plan --residents not a residents file" "error: " \
    plan "$MODEL" --residents "$MODEL" --out "$T/w/p.csv"
bad "plan --keep missing file" "$T/none.csv: error: cannot open file" \
    plan "$MODEL" --keep "$T/none.csv" --from 2020-10 --out "$T/w/p.csv"
bad "plan --keep bad plan" "tests/bad/plan/date-mismatch.csv:" \
    plan "$MODEL" --keep tests/bad/plan/date-mismatch.csv --from 2020-10 --out "$T/w/p.csv"
bad "plan --out no directory" "cannot write '$T/w/no-dir/p.csv'" \
    plan "$MODEL" --residents "$RES" --out "$T/w/no-dir/p.csv" --quiet
bad "plan --lp no directory" "$T/w/no-dir/m.lp" \
    plan "$MODEL" --residents "$RES" --lp "$T/w/no-dir/m.lp" --out "$T/w/p.csv" --quiet
bad "plan --mps no directory" "$T/w/no-dir/m.mps" \
    plan "$MODEL" --residents "$RES" --mps "$T/w/no-dir/m.mps" --out "$T/w/p.csv" --quiet
bad "check --residents missing file" "$T/none.yaml: error: cannot open file" \
    check "$MODEL" "$PLAN" --residents "$T/none.yaml"
bad "check --out no directory" "cannot write '$T/w/no-dir/f.txt'" \
    check "$MODEL" "$PLAN" --out "$T/w/no-dir/f.txt"
bad "capacity --residents missing file" "$T/none.yaml: error: cannot open file" \
    capacity "$MODEL" --residents "$T/none.yaml"
bad "capacity --out no directory" "cannot write '$T/w/no-dir/c.txt'" \
    capacity "$MODEL" --out "$T/w/no-dir/c.txt"
W="whatif $MODEL $PLAN"
bad "whatif --withdraw unknown" "--withdraw: unknown facility 'kio'" $W --withdraw kio --from 2020-10
bad "whatif --capacity no =" "--capacity 'keio': expected FACILITY[:DEPARTMENT]=N" \
    $W --capacity keio --from 2020-10
bad "whatif --capacity not a number" "--capacity 'keio=x': expected a number" \
    $W --capacity keio=x --from 2020-10
bad "whatif --capacity negative" "--capacity 'keio=-1': expected a number" \
    $W --capacity keio=-1 --from 2020-10
bad "whatif --capacity department" "--capacity: keio runs no department 'nodep'" \
    $W --capacity keio:nodep=2 --from 2020-10
bad "whatif --instructors department" "--instructors 'keio:ct=2': expected FACILITY=N" \
    $W --instructors keio:ct=2 --from 2020-10
bad "whatif --instructors huge" "--instructors 'keio=1e9': expected a number" \
    $W --instructors keio=1e9 --from 2020-10
bad "whatif --from bad date" "--from '2020-13': expected a date" $W --withdraw keio --from 2020-13
bad "whatif --until bad date" "--until 'x': expected a date" \
    $W --withdraw keio --from 2020-10 --until x
bad "whatif --until before --from" "--until 2020-01 is before --from 2020-10" \
    $W --withdraw keio --from 2020-10 --until 2020-01
bad "whatif --add-resident missing file" "$T/none.yaml: error: cannot open file" \
    $W --add-resident "$T/none.yaml"
bad "whatif --scenario missing file" "$T/none.yaml: error: cannot open file" \
    $W --scenario "$T/none.yaml"
bad "whatif --scenario bad" "tests/cli/bad-scenario.yaml:" $W --scenario tests/cli/bad-scenario.yaml
bad "whatif --residents missing file" "$T/none.yaml: error: cannot open file" \
    $W --withdraw keio --from 2020-10 --residents "$T/none.yaml"
bad "whatif --sweep=x" "option '--sweep' takes no value" $W --sweep=x --from 2020-10
bad "whatif --withdraw= inline" "--withdraw: unknown facility 'kio'" $W --withdraw=kio --from=2020-10

# ---- conflicts and what an option needs ----
bad "plan --keep without --from" "--keep PLAN and --from DATE go together" plan "$MODEL" --keep "$PLAN"
bad "plan --from without --keep" "--keep PLAN and --from DATE go together" plan "$MODEL" --from 2020-10
bad "whatif no change" "rotaplan whatif: no change given" $W
bad "whatif change without --from" "--withdraw keio needs --from DATE" $W --withdraw keio
bad "whatif --from before a change" "--from 2020-10 belongs to a change" $W --from 2020-10
bad "whatif --until of a resident who joins" "--until 2021-01: residents who join stay" \
    $W --add-resident "$RES" --from 2020-10 --until 2021-01
bad "whatif --sweep without --from" "--sweep needs --from DATE" $W --sweep
bad "whatif --sweep with a change" "--sweep withdraws every facility in turn: give it alone" \
    $W --sweep --from 2020-10 --withdraw keio --from 2020-10
bad "whatif --sweep with --scenario" "--sweep withdraws every facility in turn: give it alone" \
    $W --sweep --from 2020-10 --scenario tests/cli/scenario.yaml
for opt in --out --diff --lp --mps --format; do
    bad "whatif --sweep with $opt" "--sweep prints one table: --out, --diff, --lp, --mps and --format" \
        $W --sweep --from 2020-10 $opt "$T/w/x"
done

# ---- positional arguments ----
bad "plan extra argument" "rotaplan plan: unexpected argument 'extra'" plan "$MODEL" extra
bad "check no plan" "rotaplan check: missing the plan to check" check
bad "check extra argument" "rotaplan check: unexpected argument 'extra'" check "$MODEL" "$PLAN" extra
bad "capacity extra argument" "rotaplan capacity: unexpected argument 'extra'" \
    capacity "$MODEL" "$PLAN" extra
bad "whatif no plan" "rotaplan whatif: missing the plan to change" whatif
bad "whatif extra argument" "rotaplan whatif: unexpected argument 'extra'" \
    $W extra --withdraw keio --from 2020-10
bad "plan missing model" "$T/none.yaml: error: cannot open file" plan "$T/none.yaml"

# ---- help ----
bad "help unknown command" "rotaplan help: unknown command 'plna'" help plna
bad "help option" "rotaplan help: unknown command '--bogus'" help --bogus
bad "help two commands" "rotaplan help: unexpected argument 'check'" help plan check
bad "unknown command" "rotaplan: unknown command 'plna'" plna
run "help help" 0 help help
has "help help" "$T/out" "usage: rotaplan COMMAND"
for cmd in plan check whatif capacity report; do
    run "help $cmd" 0 help $cmd
    has "help $cmd" "$T/out" "usage: rotaplan $cmd"
    run "$cmd --help" 0 $cmd --help
    has "$cmd --help" "$T/out" "usage: rotaplan $cmd"
done

# ---- report; --excel and --format ics (plan, whatif) ----
bad "report unknown option" "rotaplan report: unknown option '--bogus'" report --bogus
bad "report near option" "unknown option '--residnets'; did you mean '--residents'?" \
    report --residnets "$RES"
bad "report single dash" "unknown option '-q'" report -q
bad "report --quiet=x" "option '--quiet' takes no value" report --quiet=x
for opt in --residents --out --compare; do
    bad "report $opt missing" "rotaplan report: option '$opt' needs a value" \
        report "$MODEL" "$PLAN" $opt
    bad "report $opt then option" "option '$opt' needs a value" report "$MODEL" "$PLAN" $opt --quiet
    bad "report $opt=" "option '$opt' has an empty value" report "$MODEL" "$PLAN" "$opt="
done
bad "report --out twice" "option '--out' given twice" \
    report "$MODEL" "$PLAN" --out "$T/w/a.html" --out "$T/w/b.html"
bad "report no plan" "rotaplan report" report
bad "plan --excel without csv" "--excel goes with --format csv" \
    plan "$MODEL" --format yaml --excel --out "$T/w/p.yaml"
bad "whatif --excel without csv" "--excel goes with --format csv" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --format json --excel
bad "plan --format ics without --out" "--format ics writes one file per resident" \
    plan "$MODEL" --format ics
bad "whatif --format ics without --out" "--format ics writes one file per resident" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --format ics

# ---- two outputs, or an output and an input, that are one file: refused before any work ----
bad "plan --out is --lp" "rotaplan plan: --lp '$T/w/x.lp' is also --out '$T/w/x.lp'" \
    plan "$MODEL" --out "$T/w/x.lp" --lp "$T/w/x.lp"
bad "plan --lp is --mps" "rotaplan plan: --mps '$T/w/../w/m' is also --lp '$T/w/m'" \
    plan "$MODEL" --lp "$T/w/m" --mps "$T/w/../w/m"
bad "plan --out is --keep" "rotaplan plan: --out '$PLAN' is the input --keep '$PLAN'" \
    plan "$MODEL" --keep "$PLAN" --from 2020-04 --out "$PLAN"
bad "whatif --lp is --diff" "rotaplan whatif: --lp '$T/w/d' is also --diff '$T/w/d'" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --lp "$T/w/d" --diff "$T/w/d"
bad "whatif --out is PLAN" "rotaplan whatif: --out 'tests/fixtures/../fixtures/plan.csv' is the input PLAN" \
    whatif "$MODEL" "$PLAN" --withdraw keio --from 2020-10 --out tests/fixtures/../fixtures/plan.csv
bad "whatif --diff is --add-resident" "rotaplan whatif: --diff '$RES' is the input --add-resident '$RES'" \
    whatif "$MODEL" "$PLAN" --add-resident "$RES" --from 2020-10 --diff "$RES"
bad "whatif --diff is the scenario's add_residents" \
    "rotaplan whatif: --diff 'tests/cli/new-resident.yaml' is the input --add-resident 'tests/cli/new-resident.yaml'" \
    whatif "$MODEL" "$PLAN" --scenario tests/cli/scenario.yaml --diff tests/cli/new-resident.yaml
bad "check --out is MODEL" "rotaplan check: --out '$MODEL' is the input MODEL" \
    check "$MODEL" "$PLAN" --out "$MODEL"
bad "report --out is --residents" "rotaplan report: --out '$RES' is the input --residents" \
    report "$MODEL" "$PLAN" --residents "$RES" --out "$RES"
git diff --quiet -- "$PLAN" "$RES" "$MODEL" tests/cli/new-resident.yaml 2>/dev/null || fail "an input was changed by a refused command"

# ---- --quiet with --out: the file is still written ----
run "check --quiet --out" 1 check "$MODEL" "$PLAN" --quiet --out "$T/w/findings.txt"
has "check --quiet --out" "$T/w/findings.txt" "12 violations"
empty "check --quiet --out: stdout" "$T/out"
run "capacity --quiet --out" 0 capacity "$MODEL" --quiet --out "$T/w/capacity.txt"
has "capacity --quiet --out" "$T/w/capacity.txt" "capacity of radiology-keio-2019"
rm -f "$T/w/findings.txt" "$T/w/capacity.txt"

echo "options.sh: $count commands, $failures failure(s)"
[ "$failures" -eq 0 ]
