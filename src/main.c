/*
 * main.c: the rotaplan binary: the table of commands, the interrupt flag (the only mutable
 * global state of the program), and GLPK's environment released at exit. Everything else is in
 * build/librotaplan.a.
 */
#include "cli/cli.h"

#include "util/i18n.h"

#include <glpk.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;

/* First Ctrl-C: stop the solve and keep the best plan; second: leave at once. */
static void on_signal(int sig)
{
    (void)sig;
    if (interrupted)
        _exit(RP_EXIT_INTERRUPTED);
    interrupted = 1;
}

/* The handler, for the commands that solve: SIGINT and SIGTERM raise the flag the solver reads.
 * The others keep the default disposition: they have no best plan to keep, and a swallowed
 * SIGTERM (from `timeout`, say) would leave them running to the end. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* a read from a pipe goes on; the flag is read by the solver */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
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
        fprintf(stderr, "rotaplan help: unexpected argument '%s'; expected at most one "
                        "command\n", argv[1]);
        return RP_EXIT_INPUT;
    }
    if (argc == 1 && !is_command(argv[0])) {
        fprintf(stderr, "rotaplan help: unknown command '%s'; expected plan, check, whatif, "
                        "capacity, report, show or help\n", argv[0]);
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
            "rotaplan: unknown command '%s'; expected plan, check, whatif, capacity, report, show or "
            "help\n",
            name);
    return RP_EXIT_INPUT;
}

int main(int argc, char **argv)
{
    i18n_init();
    rp_cli cli = {argv[0], &interrupted, isatty(STDERR_FILENO) != 0};
    int status = dispatch(&cli, argc, argv);
    if (fclose(stdout) != 0 && status == RP_EXIT_OK) {
        perror("rotaplan: standard output");
        status = RP_EXIT_INPUT;
    }
    glp_free_env();
    return status;
}
