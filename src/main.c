/*
 * main.c: the rotaplan binary: the table of commands, the run state with its stop flag (the only
 * mutable global state of the program, cli.h rp_cli_run), the handlers of SIGINT, SIGTERM and
 * the time limit's SIGALRM, and GLPK's environment released at exit. Everything else is in
 * build/librotaplan.a.
 */
#include "cli/cli.h"
#include "rotaplan/solve.h"

#include "util/i18n.h"

#include <errno.h>
#include <glpk.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static rp_cli_run run;
static bool glpk_out_of_memory; /* GLPK said so just before it called its error hook */

/* GLPK's terminal output goes to stderr, never to stdout (which may hold the plan); a message
 * about memory is remembered for the error hook. Inside a guarded call (solve/guard.c) the
 * guard's own hook takes GLPK's text instead and passes error text on to stderr; after it, GLPK's
 * text goes to stderr through rp_guard_stderr_hook. */
static int on_glpk_text(void *info, const char *s)
{
    (void)info;
    if (strstr(s, "no memory available") || strstr(s, "memory allocation") ||
        strstr(s, "too many memory blocks"))
        glpk_out_of_memory = true;
    fputs(s, stderr);
    return 1;
}

/* GLPK calls this on a fatal error, then would abort (exit 134): end with the documented
 * status instead, 4 when memory ran out (its message said so, or malloc left ENOMEM: the text
 * may have gone through a guard's hook), else 3 (an internal error: rotaplan validates what it
 * hands to GLPK). Its own message is already on stderr. */
static void on_glpk_error(void *info)
{
    (void)info;
    if (glpk_out_of_memory || errno == ENOMEM) {
        fputs("rotaplan: out of memory in the solver (GLPK); nothing written (give the process "
              "more memory, or plan fewer residents at once)\n", stderr);
        _exit(RP_EXIT_MEMORY);
    }
    fputs(_("rotaplan: internal error in the solver (GLPK); nothing written\n"), stderr);
    _exit(RP_EXIT_INTERNAL);
}

/* In a phase that keeps nothing, a stop leaves at once: write(2) and _exit are
 * async-signal-safe, and the message comes from a table. */
static void leave(void)
{
    const char *msg;
    int status = rp_cli_stop_exit(&run, run.phase, run.stop, &msg);
    if (run.progress)
        (void)!write(STDERR_FILENO, "\r\033[K", 4);
    (void)!write(STDERR_FILENO, msg, strlen(msg));
    _exit(status);
}

/* First Ctrl-C (or SIGTERM): stop and keep the best plan; second: leave at once. The time
 * limit's SIGALRM: stop as the limit says, unless a signal came first. */
static void on_signal(int sig)
{
    if (sig == SIGALRM) {
        if (run.stop)
            return;
        run.stop = RP_STOP_TIME_LIMIT;
    } else {
        if (run.stop == RP_STOP_SIGNAL)
            _exit(RP_EXIT_INTERRUPTED);
        run.stop = RP_STOP_SIGNAL;
    }
    if (run.exit_now)
        leave();
}

/* The handler, for the commands that solve: SIGINT and SIGTERM raise the flag every phase
 * reads, and so does SIGALRM at the time limit. The others keep the default disposition: they
 * have no best plan to keep, and a swallowed SIGTERM (from `timeout`, say) would leave them
 * running to the end. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* a read from a pipe goes on; the flag is read by every phase */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
}

/* Where the message catalogues are: $ROTAPLAN_LOCALEDIR, else the build's (the Makefile sets
 * RP_LOCALEDIR to build/locale). */
#ifndef RP_LOCALEDIR
#define RP_LOCALEDIR "/usr/share/locale"
#endif

/* The messages' language from the environment (LANG, LC_MESSAGES, LC_ALL; LANGUAGE too where the
 * locale is not C): the messages category only, so that numbers and every file written stay the
 * same in any locale; messages in UTF-8 whatever the locale's character set. */
static void i18n_init(void)
{
    const char *dir = getenv("ROTAPLAN_LOCALEDIR");
    setlocale(LC_MESSAGES, "");
    bindtextdomain(RP_TEXT_DOMAIN, dir && *dir ? dir : RP_LOCALEDIR);
    bind_textdomain_codeset(RP_TEXT_DOMAIN, "UTF-8");
}

typedef struct command {
    const char *name;
    int (*run)(const rp_cli *cli, int argc, char **argv);
    bool solves; /* SIGINT and SIGTERM stop its solve and keep the best plan */
} command;

static const command commands[] = {
    {"plan", rp_cmd_plan, true},
    {"check", rp_cmd_check, false},
    {"whatif", rp_cmd_whatif, true},
    {"capacity", rp_cmd_capacity, false},
    {"report", rp_cmd_report, false},
    {"show", rp_cmd_show, false},
};

static bool is_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return true;
    return strcmp(name, "help") == 0;
}

/* `help [COMMAND]`: one known command at most. */
static int help(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, _("rotaplan help: unexpected argument '%s'; expected at most one "
                        "command\n"), argv[1]);
        return RP_EXIT_INPUT;
    }
    if (argc == 1 && !is_command(argv[0])) {
        fprintf(stderr, _("rotaplan help: unknown command '%s'; expected plan, check, whatif, "
                        "capacity, report, show or help\n"), argv[0]);
        return RP_EXIT_INPUT;
    }
    rp_cli_usage(argc > 0 ? argv[0] : NULL, stdout);
    return RP_EXIT_OK;
}

static int dispatch(const rp_cli *cli, int argc, char **argv)
{
    if (argc < 2) {
        rp_cli_usage(NULL, stderr);
        return RP_EXIT_INPUT;
    }
    const char *name = argv[1];
    if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return help(argc - 2, argv + 2);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, name) != 0)
            continue;
        if (commands[i].solves)
            catch_signals();
        return commands[i].run(cli, argc - 2, argv + 2);
    }
    fprintf(stderr,
            _("rotaplan: unknown command '%s'; expected plan, check, whatif, capacity, report, show or "
            "help\n"),
            name);
    return RP_EXIT_INPUT;
}

int main(int argc, char **argv)
{
    i18n_init();
    rp_cli_stop_messages(&run);
    run.started = rp_cli_clock();
    rp_cli cli = {argv[0], &run.stop, isatty(STDERR_FILENO) != 0, &run};
    glp_term_hook(on_glpk_text, NULL);
    glp_error_hook(on_glpk_error, NULL);
    int status = dispatch(&cli, argc, argv);
    if (fclose(stdout) != 0 && status == RP_EXIT_OK) {
        perror("rotaplan: standard output");
        status = RP_EXIT_INPUT;
    }
    glp_free_env();
    return status;
}
