/* baseline-radiology.mod: the plain time-indexed model of the radiology programme
   (models/radiology-keio-2019.yaml), the model a competent user would write first, for
   scripts/bench's baseline column. Data: scripts/baseline writes it from the model YAML and the
   residents YAML (the same residents, facilities, RAD-12 limits and horizon as rotaplan's
   instance). Solve: glpsol -m scripts/baseline-radiology.mod -d DATA --tmlim S.

   x[r,f,m] = 1 when resident r is at facility f in month m of the programme (m = 1..36 from April
   of the cohort year; calendar month off[r] + m); one facility a month; courses A-E chosen per
   resident (fixed when the residents file names one); every rule as the first, direct reading:

   RAD-02  at least 12 months at 総合修練 facilities     (presence: leave months do not count)
   RAD-03  at least 6 months at the base                 (presence)
   RAD-20  at least 1 month at a facility with rt_capable: yes (presence; keio counts whole, its
           internal tracks are not modelled)
   RAD-04  a partner stint lasts at least 3 months: start s >= x[m] - x[m-1],
           x[m] + x[m+1] + x[m+2] >= 3 s[m] (a stint may not start in months 35, 36)
   RAD-05  at least 2 facilities (visit binaries)
   RAD-06  one facility a month
   RAD-07  the facility is constant within each programme year (x[m] = x[m-1] unless m = 13, 25),
           except year 2 of course A
   RAD-08  course A, year 2: partner months are 0 or 4, in at most one partner stint (so one
           contiguous 4-month stint at one partner; RAD-04 applies)
   RAD-09  year roles of courses A-E (base/partner), course chosen when `any` or missing (a
           graduate-school course, D or E, only for a resident with graduate_entry_year, RAD-10)
   RAD-12  at most floor(3 x instructors) residents at a facility in any calendar month, all
           cohorts together, residents on leave keeping their place
   pins    fixed x = 1 for their months

   Objective: the model's wishes term only: each resident's ranked wishes weigh 1 in total (rank k
   of n weighs (n - k + 1) / (n (n + 1) / 2)), a wish granted in proportion to the months at the
   facility, up to 12 (g <= months / 12, g <= 1); maximised.

   Differences from rotaplan's own model (same instance, plainer rules), all deliberate:
   - no balance term (rotaplan's objective also has 0.02 x the facilities' crowding, linearised
     on the yearly mean load): the optimal values differ by that term, so the baseline's
     objective is not comparable with rotaplan's, only its time;
   - RAD-01 and the leave credits RAD-22..27 are not modelled (every resident has exactly 36
     months; leave months are only excluded from the presence minimums);
   - RAD-10's entry year (graduate school changes no placement), RAD-11 (no related facility in this model), RAD-13/14 (intake
     caps: findings, not plan rows) and RAD-21 (keio's internal tracks) are left out;
   - the programme-wide RAD-12 limit of 162 is left out (never binding at these sizes);
   - pins name facilities only (a pinned department is ignored);
   - rotaplan's columns are whole stints (pieces), the baseline's are months. */

set R;                              /* residents */
set F;                              /* facilities */
set K;                              /* courses A..E */
set M := 1..36;                     /* months of the programme */
set Y := 1..3;                      /* programme years */
param base{F} binary;               /* role base */
param sogo{F} binary;               /* accreditation 総合修練 */
param rt{F} binary;                 /* rt_capable: yes */
param cap{F} >= 0;                  /* floor(3 x instructors) */
param off{R} integer >= 0;          /* calendar month of programme month 0 */
param allowed{R, K} binary default 1;
param yearbase{K, Y} binary;        /* 1: year y of course k is at the base */
param leave{R, M} binary default 0;
param pin{R, F, M} binary default 0;
param wish{R, F} >= 0 default 0;
set T := setof{r in R, m in M} off[r] + m;

var x{R, F, M} binary;
var s{r in R, f in F, m in M: base[f] = 0} binary;
var c{R, K} binary;
var visit{R, F} binary;
var win{R} binary;                  /* course A's year-2 partner window used */
var g{r in R, f in F: wish[r, f] > 0} >= 0, <= 1;

maximize wishes: sum{r in R, f in F: wish[r, f] > 0} wish[r, f] * g[r, f];

s.t. rad06{r in R, m in M}: sum{f in F} x[r, f, m] = 1;
s.t. course{r in R}: sum{k in K} c[r, k] = 1;
s.t. course_fixed{r in R, k in K: allowed[r, k] = 0}: c[r, k] = 0;
s.t. rad02{r in R}: sum{f in F, m in M: sogo[f] = 1 and leave[r, m] = 0} x[r, f, m] >= 12;
s.t. rad03{r in R}: sum{f in F, m in M: base[f] = 1 and leave[r, m] = 0} x[r, f, m] >= 6;
s.t. rad20{r in R}: sum{f in F, m in M: rt[f] = 1 and leave[r, m] = 0} x[r, f, m] >= 1;
s.t. rad04_start{r in R, f in F, m in M: base[f] = 0}:
    s[r, f, m] >= x[r, f, m] - (if m > 1 then x[r, f, m - 1] else 0);
s.t. rad04{r in R, f in F, m in M: base[f] = 0}:
    sum{n in m..m + 2: n <= 36} x[r, f, n] >= 3 * s[r, f, m];
s.t. rad05_visit{r in R, f in F}: visit[r, f] <= sum{m in M} x[r, f, m];
s.t. rad05{r in R}: sum{f in F} visit[r, f] >= 2;
s.t. rad07{r in R, f in F, m in M: m mod 12 != 1 and (m < 13 or m > 24)}:
    x[r, f, m] = x[r, f, m - 1];
s.t. rad07_y2_up{r in R, f in F, m in 14..24}: x[r, f, m] - x[r, f, m - 1] <= c[r, 'A'];
s.t. rad07_y2_down{r in R, f in F, m in 14..24}: x[r, f, m - 1] - x[r, f, m] <= c[r, 'A'];
s.t. rad09_base{r in R, y in Y, m in M: m > 12 * (y - 1) and m <= 12 * y}:
    sum{f in F: base[f] = 1} x[r, f, m]
        >= sum{k in K: yearbase[k, y] = 1 and not (k = 'A' and y = 2)} c[r, k];
s.t. rad09_partner{r in R, y in Y, m in M: m > 12 * (y - 1) and m <= 12 * y}:
    sum{f in F: base[f] = 1} x[r, f, m] <= 1 - sum{k in K: yearbase[k, y] = 0} c[r, k];
s.t. rad08_months_up{r in R}:
    sum{f in F, m in 13..24: base[f] = 0} x[r, f, m] - 4 * win[r] <= 12 * (1 - c[r, 'A']);
s.t. rad08_months_down{r in R}:
    sum{f in F, m in 13..24: base[f] = 0} x[r, f, m] - 4 * win[r] >= -12 * (1 - c[r, 'A']);
s.t. rad08_course{r in R}: win[r] <= c[r, 'A'];
s.t. rad08_one{r in R}: sum{f in F, m in 13..24: base[f] = 0} s[r, f, m] <= 1;
s.t. rad12{f in F, t in T}:
    sum{r in R: t - off[r] >= 1 and t - off[r] <= 36} x[r, f, t - off[r]] <= cap[f];
s.t. pins{r in R, f in F, m in M: pin[r, f, m] = 1}: x[r, f, m] = 1;
s.t. wish_time{r in R, f in F: wish[r, f] > 0}: 12 * g[r, f] <= sum{m in M} x[r, f, m];

solve;

/* the plan, for scripts/baseline --plan (meaningless when no plan was found) */
printf{r in R, k in K: c[r, k] > 0.5} "plan-course,%s,%s\n", r, k;
printf{r in R, m in M, f in F: x[r, f, m] > 0.5} "plan-month,%s,%d,%s\n", r, m, f;

end;
