/* baseline-initial.mod: the plain time-indexed model of the two-year initial residency
   (models/initial-residency-2020.yaml and the scaled models of scripts/gen), the model a
   competent user would write first, for scripts/bench's baseline column. Data: scripts/baseline
   writes it from the model YAML and the residents YAML (the same residents, departments,
   capacities and horizon as rotaplan's instance). Solve:
   glpsol -m scripts/baseline-initial.mod -d DATA --tmlim S.

   x[r,d,w] = 1 when resident r is in department d (a facility's department) in week w of the
   programme (w = 1..104 from April 1 of the cohort year; calendar week off[r] + w, the cohorts
   52 weeks apart); one department a week; the rules as first read:

   INIT-05     one department a week
   EXAMPLE-01  4-week units: x[w] = x[w-1] unless w = 1 mod 4 (52 = 13 x 4 a year); with it
               INIT-21's and INIT-22's 4-week runs hold
   INIT-11..14 field minimums in weeks: IM 24, EM 12 (anesthesiology weeks count up to 4),
               SURG, PED, OBGYN, PSY, CM 4 each, GO 4 (20 days)
   INIT-40/41/43  community medicine (CM) in year 2 only, and only at a facility under 200 beds or
               remote, with home care (elsewhere a community department's weeks are electives)
   INIT-50     at least 52 weeks at the core hospital, community weeks credited up to 12
   INIT-72     each department's capacity every calendar week, both cohorts together
   pins        fixed x = 1 for their weeks (a pin without a department: any department of its
               facility)

   Objective, the model's own terms but sessions: each resident's ranked wishes (facility or
   department ids) weigh 1 in total (rank k of n: (n - k + 1) / (n (n + 1) / 2)), granted in
   proportion to the weeks there up to 8; INIT-15 (soft) earns 0.1 a resident and field (SURG,
   PED, OBGYN, PSY, CM, GO) at 8 weeks, in proportion below; maximised.

   Differences from rotaplan's own model (same instance, plainer rules), all deliberate:
   - no parallel sessions (INIT-30/31): emergency and general outpatient are blocks only, so the
     GO minimum takes a 4-week block;
   - no double counting of a general-clinic block (INIT-34/37): GO weeks count for GO only;
   - leave (INIT-60..62) is not modelled: every resident has exactly 104 weeks;
   - INIT-36 (no specialist clinics), INIT-52 (one prefecture: the example group is), INIT-71
     and INIT-73 (intake and capacity facts, not plan rows) are left out;
   - rotaplan's columns are whole 4-week stints (pieces), the baseline's are weeks.
   The objective follows the model file's words (wishes of facilities or departments, granted by
   objective.wish_periods = 8 weeks), as rotaplan's src/translate/objective.c does since this
   script found it granting a wish by a year and facility wishes only (gen n10: 24 here and from
   rotaplan now); the rules left out above may still part the two optima elsewhere. */

set R;                              /* residents */
set D;                              /* departments, "facility/department" */
set W := 1..104;                    /* weeks of the programme */
set FLD;                            /* fields with a minimum or a soft target */
param cap{D} >= 0;
param field{D, FLD} binary default 0;
param anes{D} binary default 0;     /* anesthesiology (counts for EM up to 4 weeks) */
param comm{D} binary default 0;     /* community medicine at a qualifying site */
param core{D} binary default 0;     /* at the core hospital */
param minw{FLD} >= 0 default 0;     /* hard minimum weeks */
param soft{FLD} >= 0 default 0;     /* 1: INIT-15's 8 weeks desirable */
param off{R} integer >= 0;
param pin{R, D, W} binary default 0;  /* the pinned department(s) of a week */
set WISH dimen 2;                   /* (resident, wish index) */
param ww{WISH} >= 0;
set WD dimen 3;                     /* (resident, wish index, department it names) */
set T := setof{r in R, w in W} off[r] + w;

var x{R, D, W} binary;
var emanes{R} >= 0, <= 4;           /* anesthesiology weeks credited to EM */
var cmcore{R} >= 0, <= 12;          /* community weeks credited to the core year */
var g{WISH} >= 0, <= 1;
var s15{r in R, k in FLD: soft[k] = 1} >= 0, <= 1;

maximize objective: sum{(r, k) in WISH} ww[r, k] * g[r, k]
    + 0.1 * sum{r in R, k in FLD: soft[k] = 1} s15[r, k];

s.t. init05{r in R, w in W}: sum{d in D} x[r, d, w] = 1;
s.t. units{r in R, d in D, w in W: w mod 4 != 1}: x[r, d, w] = x[r, d, w - 1];
s.t. minimum{r in R, k in FLD: minw[k] > 0}:
    sum{d in D, w in W: field[d, k] = 1} x[r, d, w] + (if k = 'EM' then emanes[r] else 0)
        >= minw[k];
s.t. em_anes{r in R}: emanes[r] <= sum{d in D, w in W: anes[d] = 1} x[r, d, w];
s.t. init40{r in R, d in D, w in W: comm[d] = 1 and w <= 52}: x[r, d, w] = 0;
s.t. init50{r in R}: sum{d in D, w in W: core[d] = 1} x[r, d, w] + cmcore[r] >= 52;
s.t. init50_credit{r in R}: cmcore[r] <= sum{d in D, w in W: comm[d] = 1} x[r, d, w];
s.t. init72{d in D, t in T}:
    sum{r in R: t - off[r] >= 1 and t - off[r] <= 104} x[r, d, t - off[r]] <= cap[d];
s.t. pins{r in R, w in W: sum{d in D} pin[r, d, w] > 0}:
    sum{d in D: pin[r, d, w] = 1} x[r, d, w] = 1;
s.t. wish_time{(r, k) in WISH}: 8 * g[r, k] <= sum{(r, k, d) in WD, w in W} x[r, d, w];
s.t. init15{r in R, k in FLD: soft[k] = 1}:
    8 * s15[r, k] <= sum{d in D, w in W: field[d, k] = 1} x[r, d, w];

solve;

/* the plan, for scripts/baseline --plan (meaningless when no plan was found) */
printf{r in R, w in W, d in D: x[r, d, w] > 0.5} "plan-week,%s,%d,%s\n", r, w, d;

end;
