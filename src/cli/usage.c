/*
 * usage.c: the help texts of the commands (`rotaplan help [COMMAND]`, `COMMAND --help`).
 */
#include "cli/cli.h"

#include <string.h>

static const char overview[] =
    "rotaplan: plans the rotations of medical residents (facility and department, period by\n"
    "period) under national and programme rules, with an integer linear program solved by GLPK.\n"
    "\n"
    "usage: rotaplan COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  plan     [MODEL] [--residents FILE]   plan a cohort (default: the model's default cohort)\n"
    "  check    [MODEL] PLAN                 check a plan (YAML or CSV) rule by rule\n"
    "  whatif   [MODEL] PLAN CHANGES...      plan again after a facility withdraws or changes\n"
    "  capacity [MODEL [PLAN]]               the intake cap with its arithmetic; with a plan,\n"
    "                                        each place's load against its capacity\n"
    "  help     [COMMAND]                    this text, or a command's\n"
    "\n"
    "MODEL defaults to the embedded models/radiology-keio-2019.yaml.\n"
    "exit status: 0 success; 1 no compliant plan, violations found, or a cap exceeded; 2 bad\n"
    "input or usage; 3 internal error; 130 interrupted.\n";

static const char plan_help[] =
    "usage: rotaplan plan [MODEL] [options]\n"
    "\n"
    "Plans every resident of the cohort at once and writes the plan.\n"
    "\n"
    "options:\n"
    "  --residents FILE   the residents (YAML); default: the model's default cohort\n"
    "  --format FORMAT    table, csv or yaml; default: by the --out file's extension (.csv,\n"
    "                     .yaml, .yml), else table\n"
    "  --out FILE         write the plan to FILE (through a temporary file); default stdout\n"
    "  --lp FILE          also write the ILP in CPLEX LP format, for inspection\n"
    "  --mps FILE         also write the ILP in free MPS format\n"
    "  --time-limit S     stop after S seconds with the best plan found (not proven optimal)\n"
    "  --gap G            stop when the relative gap to the bound is at most G (e.g. 0.01)\n"
    "  --keep PLAN        with --from DATE: the stints of PLAN (YAML or CSV) before DATE stay\n"
    "                     exactly as they are, the rest is planned (the planning year)\n"
    "  --from DATE        the first day planned afresh (YYYY-MM-DD or YYYY-MM)\n"
    "  --quiet            no progress line, summary or notes on stderr\n"
    "\n"
    "examples:\n"
    "  rotaplan plan models/radiology-keio-2019.yaml\n"
    "  rotaplan plan models/radiology-keio-2019.yaml --residents examples/radiology-cohorts.yaml \\\n"
    "          --format csv --out plan.csv\n"
    "  rotaplan plan models/radiology-keio-2019.yaml --lp model.lp\n"
    "  rotaplan plan models/initial-residency-2020.yaml --residents examples/initial-cohort-30.yaml \\\n"
    "          --time-limit 60 --out initial.csv\n"
    "\n"
    "exit status: 0 a plan; 1 no compliant plan exists (the rules and residents involved are\n"
    "named), or the cohort breaks an intake rule; 2 bad input; 3 internal error.\n";

static const char check_help[] =
    "usage: rotaplan check [MODEL] PLAN [options]\n"
    "\n"
    "Checks a plan (YAML as rotaplan writes it, or CSV with the header\n"
    "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date,"
    "days_per_week)\n"
    "against every rule of the model, with each rule's direct check, and prints each finding:\n"
    "rule id, resident, periods, what was required and what was found, and the rule's source.\n"
    "\n"
    "options:\n"
    "  --residents FILE   the residents file, for their leave (default: every resident trains\n"
    "                     full time, as the plan lists them)\n"
    "  --out FILE         write the findings to FILE; default stdout\n"
    "  --quiet            print nothing; the exit status says it all\n"
    "\n"
    "examples:\n"
    "  rotaplan check models/radiology-keio-2019.yaml plan.csv\n"
    "  rotaplan check models/initial-residency-2020.yaml initial.csv \\\n"
    "          --residents examples/initial-cohort-30.yaml\n"
    "\n"
    "exit status: 0 compliant; 1 violations; 2 bad input.\n";

static const char whatif_help[] =
    "usage: rotaplan whatif [MODEL] PLAN CHANGES... [options]\n"
    "\n"
    "Plans again after a change: everything before the earliest change's date stays exactly as\n"
    "PLAN has it; the rest is planned over all cohorts at once, compliant with every hard rule,\n"
    "changing as few resident-periods as possible, then best for the residents' wishes. When no\n"
    "plan keeps the programme's own choices (rules of class PROG, such as the 1-year rotation\n"
    "unit), they bend where they must and each bend is reported as a finding.\n"
    "\n"
    "changes (each with its own dates; --until is inclusive, a month means its last day):\n"
    "  --withdraw FACILITY --from DATE [--until DATE]\n"
    "                     the facility holds no resident in those dates\n"
    "  --capacity FACILITY[:DEPARTMENT]=N --from DATE [--until DATE]\n"
    "                     the facility (or one department) holds at most N residents at once\n"
    "  --instructors FACILITY=N --from DATE [--until DATE]\n"
    "                     the facility's instructor figure becomes N (RAD-12: 3 residents each)\n"
    "  --sweep --from DATE [--until DATE]\n"
    "                     the N-1 sweep: every facility withdrawn in turn, one table (residents\n"
    "                     affected, resident-periods changed, bends, or why no plan exists)\n"
    "DATE is YYYY-MM-DD or YYYY-MM.\n"
    "\n"
    "options:\n"
    "  --residents FILE   the residents (leave, wishes); default: those of PLAN, full time,\n"
    "                     with the course PLAN gives them\n"
    "  --format FORMAT    the new plan as table, csv or yaml (default: by --out's extension)\n"
    "  --out FILE         write the new plan to FILE (through a temporary file); default stdout\n"
    "  --diff FILE        write the changes to FILE; default stderr\n"
    "  --time-limit S     at most S seconds (half for the fewest changes, half for the wishes)\n"
    "  --quiet            no progress line, changes or summary on stderr\n"
    "\n"
    "The changes list each resident who moves: periods, dates, from -> to, and end with a line\n"
    "'what-if: R residents affected, P resident-periods changed'.\n"
    "\n"
    "examples:\n"
    "  rotaplan plan models/radiology-keio-2019.yaml --residents examples/radiology-cohorts.yaml \\\n"
    "          --out plan.yaml\n"
    "  rotaplan whatif models/radiology-keio-2019.yaml plan.yaml --withdraw kawasaki \\\n"
    "          --from 2020-10 --residents examples/radiology-cohorts.yaml --out new.yaml\n"
    "  rotaplan whatif models/radiology-keio-2019.yaml plan.yaml --instructors tokyo-mc=1 \\\n"
    "          --from 2021-04 --until 2022-03\n"
    "  rotaplan whatif models/initial-residency-2020.yaml initial.csv \\\n"
    "          --capacity core:emergency=3 --from 2021-01-04 --out new.csv\n"
    "  rotaplan whatif models/radiology-keio-2019.yaml plan.yaml --sweep --from 2020-10 \\\n"
    "          --residents examples/radiology-cohorts.yaml\n"
    "\n"
    "exit status: 0 a new plan; 1 no compliant plan exists (the rules and residents involved are\n"
    "named); 2 bad input; 3 internal error; 130 interrupted.\n";

static const char capacity_help[] =
    "usage: rotaplan capacity [MODEL [PLAN]] [options]\n"
    "\n"
    "Shows what the programme may hold, as its rules compute it (the figures check judges):\n"
    "- the yearly intake cap with its arithmetic (RAD-13: instructors, CT / 3000, IVR / 60,\n"
    "  RT / 60, the binding term), the urban five-year average (RAD-14) and, in the two-year\n"
    "  programme, the residents the core hospital may hold by its beds (INIT-71); then the\n"
    "  intake stated (the model's default cohort, the --residents file, or the plan's\n"
    "  residents) against each limit, year by year and over consecutive years;\n"
    "- with PLAN (YAML or CSV), the load of every place a capacity rule caps against its\n"
    "  capacity, period by period in the programme's unit (RAD-12: residents per instructor at\n"
    "  each facility and the programme, month by month; INIT-72: each department, week by\n"
    "  week), all cohorts together, tightest periods first, then one line per place.\n"
    "With one argument it is the MODEL: give MODEL before PLAN.\n"
    "\n"
    "options:\n"
    "  --residents FILE   the residents: without PLAN, the intake stated; with PLAN, their\n"
    "                     leave (default: every resident trains full time)\n"
    "  --out FILE         write the report to FILE (through a temporary file); default stdout\n"
    "  --quiet            print nothing; the exit status says it all\n"
    "\n"
    "examples:\n"
    "  rotaplan capacity\n"
    "  rotaplan capacity models/radiology-keio-2019.yaml \\\n"
    "          --residents examples/radiology-cohorts.yaml\n"
    "  rotaplan capacity models/radiology-keio-2019.yaml plan.csv\n"
    "  rotaplan capacity models/initial-residency-2020.yaml initial.csv --out capacity.txt\n"
    "\n"
    "exit status: 0 within every cap (a breach reported as a finding, such as RAD-14 in its\n"
    "default reading, allowed); 1 the intake exceeds a cap, or the plan puts a place over its\n"
    "capacity (what check calls a violation); 2 bad input or usage.\n";

void rp_cli_usage(const char *command, FILE *out)
{
    if (command && strcmp(command, "plan") == 0)
        fputs(plan_help, out);
    else if (command && strcmp(command, "check") == 0)
        fputs(check_help, out);
    else if (command && strcmp(command, "whatif") == 0)
        fputs(whatif_help, out);
    else if (command && strcmp(command, "capacity") == 0)
        fputs(capacity_help, out);
    else
        fputs(overview, out);
}
