/*
 * phase.c: the phases of plan and whatif (cli.h rp_phase): the progress line that names the
 * phase running (on a terminal), the time each phase took (--verbose), the command's whole
 * wall-clock time, its time limit (a SIGALRM at the deadline raises the stop flag, main.c), and
 * what a stop does in each phase: where nothing is kept the handler leaves at once with the
 * phase's message; elsewhere the flag is polled and the best plan written.
 */
#include "cli/cli.h"
#include "rotaplan/solve.h"
#include "util/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

double rp_cli_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *const names[RP_PHASE_COUNT_OF] = {
    [RP_PHASE_LOAD] = "loading the inputs",
    [RP_PHASE_TRANSLATE] = "translating the rules into an ILP",
    [RP_PHASE_COUNT] = "counting checks",
    [RP_PHASE_SOLVE] = "solving",
    [RP_PHASE_EXPLAIN] = "explaining why no plan exists",
    [RP_PHASE_WRITE] = "checking and writing the plan",
};

/* Phases that hold nothing to keep: a stop there leaves at once. */
static const bool keeps_nothing[RP_PHASE_COUNT_OF] = {
    [RP_PHASE_LOAD] = true,
    [RP_PHASE_TRANSLATE] = true,
    [RP_PHASE_COUNT] = true,
    [RP_PHASE_EXPLAIN] = true,
};

/* [explaining][time limit] */
static const char *const stop_messages[2][2] = {
    {N_("rotaplan: interrupted before any compliant plan was found; nothing is written\n"),
     N_("rotaplan: time limit reached before any compliant plan was found; nothing is written. "
        "This is NOT a proof that no plan exists: try a longer --time-limit\n")},
    {N_("rotaplan: interrupted while explaining; that no compliant plan exists is proven, the "
        "explanation is cut short\n"),
     N_("rotaplan: time limit reached while explaining; that no compliant plan exists is "
        "proven, the explanation is cut short\n")},
};

void rp_cli_stop_messages(rp_cli_run *r)
{
    for (int explaining = 0; explaining < 2; explaining++)
        for (int time = 0; time < 2; time++)
            r->stop_message[explaining][time] = _(stop_messages[explaining][time]);
}

int rp_cli_stop_exit(const rp_cli_run *r, int phase, int reason, const char **message)
{
    int explaining = phase == RP_PHASE_EXPLAIN, time = reason == RP_STOP_TIME_LIMIT;
    *message = r && r->stop_message[explaining][time] ? r->stop_message[explaining][time]
                                                      : stop_messages[explaining][time];
    return time ? RP_EXIT_NO_PLAN : RP_EXIT_INTERRUPTED;
}

double rp_cli_elapsed(const rp_cli *cli)
{
    return cli->run ? rp_cli_clock() - cli->run->started : 0;
}

static void leave_now(rp_cli_run *r)
{
    const char *msg;
    int status = rp_cli_stop_exit(r, r->phase, r->stop, &msg);
    if (r->progress)
        fputs("\r\033[K", stderr);
    fputs(msg, stderr);
    fflush(stderr);
    _exit(status);
}

void rp_cli_phase(const rp_cli *cli, rp_phase p)
{
    rp_cli_run *r = cli->run;
    if (!r)
        return;
    double t = rp_cli_clock();
    if (r->phase_started > 0)
        r->seconds[r->phase] += t - r->phase_started;
    r->phase_started = t;
    r->exit_now = 0; /* no handler acts on a half-changed phase */
    r->phase = p;
    if (r->progress) {
        fprintf(stderr, "\r\033[K%s ... (%.1f s)", names[p], t - r->started);
        fflush(stderr);
    } else if (r->verbose) {
        fprintf(stderr, "phase: %s (%.2f s)\n", names[p], t - r->started);
    }
    r->exit_now = keeps_nothing[p];
    if (keeps_nothing[p] && r->stop)
        leave_now(r); /* the stop came while a phase that keeps its work ran to its end */
}

void rp_cli_progress(const rp_cli *cli, bool tty, bool verbose)
{
    if (!cli->run)
        return;
    cli->run->progress = tty;
    cli->run->verbose = verbose;
}

void rp_cli_phases_done(const rp_cli *cli)
{
    rp_cli_run *r = cli->run;
    if (!r || r->phase_started == 0)
        return; /* no phase, or done already */
    r->exit_now = 0;
    double t = rp_cli_clock();
    if (r->phase_started > 0)
        r->seconds[r->phase] += t - r->phase_started;
    r->phase_started = 0;
    if (r->progress)
        fputs("\r\033[K", stderr);
    r->progress = 0;
    if (!r->verbose)
        return;
    fprintf(stderr, "phases (wall clock, %.2f s in all):\n", t - r->started);
    for (int i = 0; i < RP_PHASE_COUNT_OF; i++)
        if (r->seconds[i] > 0)
            fprintf(stderr, "  %-36s %8.2f s\n", names[i], r->seconds[i]);
}

void rp_cli_arm_time_limit(const rp_cli *cli, double seconds)
{
    if (!cli->run || seconds <= 0)
        return;
    cli->run->deadline = cli->run->started + seconds;
    double left = seconds - (rp_cli_clock() - cli->run->started);
    if (left <= 0) {
        cli->run->stop = RP_STOP_TIME_LIMIT;
        return;
    }
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = (time_t)left;
    it.it_value.tv_usec = (suseconds_t)((left - floor(left)) * 1e6);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
        it.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &it, NULL);
}

double rp_cli_time_left(const rp_cli *cli)
{
    if (!cli->run || cli->run->deadline <= 0)
        return 0;
    double left = cli->run->deadline - rp_cli_clock();
    return left > 1e-3 ? left : 1e-3;
}

int rp_cli_time_limit(const char *command, const char *text, double *seconds)
{
    *seconds = RP_CLI_DEFAULT_TIME_LIMIT;
    if (!text)
        return 0;
    return rp_cli_number(command, "--time-limit", text, 0, 1e7, seconds);
}

void rp_cli_note(const rp_cli *cli, const char *what)
{
    if (cli->run && cli->run->verbose && !cli->run->progress)
        fprintf(stderr, "phase: %s: %s (%.2f s)\n", names[cli->run->phase], what,
                rp_cli_elapsed(cli));
}
