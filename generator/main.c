/* SPDX-License-Identifier: MIT */
/*
 * main.c - the statusgen command line.
 *
 * The only place that prints: it runs the pipeline, turns diagnostics into
 * "file:line:col: error: message" lines on standard error, and maps the
 * outcome to the exit status (0 done, 1 difference found, 2 error).
 */
#include "alloc.h"
#include "audit.h"
#include "compat.h"
#include "emit.h"
#include "node.h"
#include "overlay.h"
#include "pipeline.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#define EXIT_DIFF 1
#define EXIT_BAD 2

static const char usage[] =
    "usage: statusgen [-o DIR] [--emit KINDS] [--name NAME] [--macro MACRO]\n"
    "                 [--languages LIST] [--functions LIST]\n"
    "                 [--lookup compact|fast] [--depfile FILE]\n"
    "                 [--check | --list-outputs | --list-inputs] SPEC\n"
    "       statusgen audit --iana FILE.csv SPEC\n"
    "       statusgen compat [--strict] OLD NEW\n"
    "       statusgen compat [--strict] --against REV:PATH NEW\n"
    "       statusgen --help | --version\n";

static const char help[] =
    "Generates C enums, switch-based lookup functions and Markdown docs\n"
    "from a YAML spec of a status-code registry.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   write the outputs into DIR (default: .); - writes\n"
    "                     the one output selected to standard output\n"
    "  --emit KINDS       comma-separated, from the kinds below (default:\n"
    "                     header,source,docs); source needs header\n"
    "  --name NAME        use NAME instead of the spec's registry.name (the\n"
    "                     function and type prefix; the files' names follow)\n"
    "  --macro MACRO      use MACRO instead of the spec's registry.macro\n"
    "  --languages LIST   emit only these description languages (comma-\n"
    "                     separated; the first is the fallback), or none:\n"
    "                     no descriptions and no docs; NAME_description()\n"
    "                     then returns NULL\n"
    "  --functions LIST   the C lookups to emit, comma-separated (default:\n"
    "                     all): reason, name, description, class (class_of,\n"
    "                     is_<class>, is_error), traits, is_known, status\n"
    "                     (status_of), reference, from_name, from_reason,\n"
    "                     codes (the array); the header declares only these\n"
    "  --lookup FORM      from_name and from_reason as fast (default: a trie\n"
    "                     of switches for up to 256 keys, else a perfect\n"
    "                     hash) or compact (the perfect hash, a few KB)\n"
    "  --check            write nothing; exit 1 and show a short diff when\n"
    "                     a file in DIR differs from what SPEC makes\n"
    "  --list-outputs     write nothing; print the files a run would write,\n"
    "                     one per line (DIR/file, or file without -o)\n"
    "  --list-inputs      write nothing; print the spec files a run reads\n"
    "                     (SPEC and the specs it extends), one per line\n"
    "  --depfile FILE     after writing, write FILE: the outputs' dependency\n"
    "                     on every spec file read, in Make syntax (Ninja and\n"
    "                     Meson read it too)\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "SPEC is a file, or - for standard input.\n"
    "\n"
    "audit --iana FILE.csv SPEC\n"
    "                     compare SPEC with an IANA registry export and\n"
    "                     list codes added, removed or changed\n"
    "compat [--strict] OLD NEW\n"
    "                     exit 1 when NEW breaks code built from OLD: a code,\n"
    "                     name or alias gone, renumbered or merged, a class\n"
    "                     range, error flag or trait bit changed, a trait\n"
    "                     taken from a code, a phrase now another code's;\n"
    "                     warn about renames that keep the old name, changed\n"
    "                     phrases, statuses and traits, lost descriptions and\n"
    "                     another fallback language (errors with --strict).\n"
    "                     --against REV:PATH reads OLD with git show\n"
    "\n"
    "Exit status: 0 done or up to date; 1 --check or audit found a\n"
    "difference, or compat a breaking change; 2 bad usage, invalid spec,\n"
    "or I/O error.\n";

/* Prints the usage, the help text and the table of output kinds. */
static void print_help(void)
{
    struct sbuf kinds;
    const char *mark = "SPEC is a file";
    const char *split = strstr(help, mark);

    sbuf_init(&kinds);
    sbuf_puts(&kinds, "Output kinds (--emit):\n");
    output_kind_help(&kinds);
    sbuf_putc(&kinds, '\n');
    fputs(usage, stdout);
    fputs("\n", stdout);
    fwrite(help, 1, (size_t)(split - help), stdout);
    if (!sbuf_failed(&kinds))
        fputs(sbuf_str(&kinds), stdout);
    fputs(split, stdout);
    sbuf_free(&kinds);
}

static void say(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints one line to standard error, escaped as diagnostics are (a path
 * or an argument can hold control characters). */
static void say(const char *fmt, ...)
{
    char tmp[2048];
    struct sbuf line;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    sbuf_init(&line);
    sbuf_put_escaped(&line, tmp);
    fprintf(stderr, "%s\n", sbuf_failed(&line) ? tmp : sbuf_str(&line));
    sbuf_free(&line);
}

/* Prints every diagnostic of dl to stderr, in the order of their
 * positions. */
static void print_diags(struct diag_list *dl)
{
    struct sbuf line;
    size_t i;

    diag_sort(dl);
    sbuf_init(&line);
    for (i = 0; i < dl->count; i++) {
        sbuf_reset(&line);
        diag_format(dl, i, &line);
        fprintf(stderr, "%s\n", sbuf_str(&line));
    }
    if (dl->dropped)
        say("%s: error: %lu more error%s not shown", dl->file,
                (unsigned long)dl->dropped, dl->dropped == 1 ? "" : "s");
    if (dl->oom || sbuf_failed(&line))
        say("%s: error: out of memory", dl->file);
    sbuf_free(&line);
}

/*
 * Appends the relative path tail to abs, an absolute path without "." or
 * ".." components or a trailing slash, in a buffer of cap bytes: "." and
 * empty components are dropped and ".." removes the last component, so
 * that "a/../b" and "n1/./n2" become "b" and "n1/n2".  Textual resolution
 * is right here: tail names directories that do not exist yet, so none of
 * them is a symbolic link.  Returns 0, or -1 when the result does not fit.
 */
static int append_path(char *abs, size_t cap, const char *tail)
{
    size_t len = strlen(abs);

    while (*tail) {
        size_t n = strcspn(tail, "/");

        if (n == 2 && tail[0] == '.' && tail[1] == '.') {
            while (len > 1 && abs[len - 1] != '/')
                len--;
            if (len > 1)
                len--; /* the slash, unless it is the root */
            abs[len] = '\0';
        } else if (n > 0 && !(n == 1 && tail[0] == '.')) {
            if (len + 1 + n >= cap)
                return -1;
            if (len > 1)
                abs[len++] = '/';
            memcpy(abs + len, tail, n);
            len += n;
            abs[len] = '\0';
        }
        tail += n;
        if (*tail == '/')
            tail++;
    }
    return 0;
}

/*
 * The spec's path as seen from the output directory, so that the banner is
 * the same whatever the working directory.  Falls back to the path as
 * given.  Returns a new string or NULL.
 */
static char *spec_display_name(const char *spec_path, const char *out_dir)
{
    char spec_abs[PATH_MAX], dir_abs[PATH_MAX], probe[PATH_MAX];
    const char *tail = "";
    struct sbuf sb;
    size_t common = 0, i;

    if (strcmp(spec_path, "-") == 0)
        return sg_strdup("<stdin>");
    if (realpath(spec_path, spec_abs) == NULL ||
        strlen(out_dir) >= sizeof probe)
        return sg_strdup(spec_path);
    /* The output directory may not exist yet: resolve its nearest
     * existing ancestor and keep the rest as written. */
    strcpy(probe, out_dir);
    while (realpath(probe, dir_abs) == NULL) {
        char *slash = strrchr(probe, '/');

        if (slash == NULL) {
            if (realpath(".", dir_abs) == NULL)
                return sg_strdup(spec_path);
            tail = out_dir;
            break;
        }
        *slash = '\0';
        tail = out_dir + (slash - probe) + 1;
        if (probe[0] == '\0') {
            strcpy(dir_abs, "/");
            break;
        }
    }
    if (append_path(dir_abs, sizeof dir_abs, tail) != 0)
        return sg_strdup(spec_path);
    sbuf_init(&sb);
    /* Longest common directory prefix. */
    for (i = 0; spec_abs[i] && spec_abs[i] == dir_abs[i]; i++)
        if (spec_abs[i] == '/')
            common = i;
    if (dir_abs[i] == '\0' && spec_abs[i] == '/')
        common = i;
    /* One ".." per directory of dir_abs below the common prefix. */
    for (i = common; dir_abs[i]; i++)
        if (dir_abs[i] == '/' && dir_abs[i + 1] && dir_abs[i + 1] != '/')
            sbuf_puts(&sb, "../");
    sbuf_puts(&sb, spec_abs + common + 1);
    if (sbuf_failed(&sb)) {
        sbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

/* The name diagnostics and banners give the spec: "<stdin>" for "-". */
static const char *input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* What a generating run does, from the command line. */
struct run_opts {
    const char *spec;
    const char *out_dir;     /* "-": the one output to standard output */
    unsigned kinds;
    int check;               /* --check */
    int list;                /* --list-outputs */
    int list_inputs;         /* --list-inputs */
    const char *depfile;     /* --depfile FILE, or NULL */
    struct spec_overrides ov;
    struct emit_opts eo;     /* --functions, --lookup */
};

/* Prints the outputs' paths, one per line. */
static void list_outputs(const char *out_dir, int dir_given,
                         const struct output *outs, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (dir_given)
            printf("%s%s", out_dir,
                   out_dir[strlen(out_dir) - 1] == '/' ? "" : "/");
        printf("%s\n", outs[i].name);
    }
}

/* Appends path to a depfile line, escaped for Make (and Ninja). */
static void put_make_path(struct sbuf *out, const char *path)
{
    for (; *path; path++) {
        if (*path == ' ' || *path == '#')
            sbuf_putc(out, '\\');
        else if (*path == '$')
            sbuf_putc(out, '$');
        sbuf_putc(out, *path);
    }
}

/* The depfile's producer: its text, made beforehand (arg). */
static void produce_text(const void *arg, size_t which, struct sbuf *out)
{
    const struct sbuf *text = (const struct sbuf *)arg;

    (void)which;
    sbuf_putn(out, sbuf_str(text), text->len);
}

/*
 * Writes the depfile: "OUTPUTS: INPUTS", the outputs named as
 * --list-outputs names them, then an empty rule per input (as cc -MP
 * does), so that a spec file that goes away does not stop make.
 * Written as an output is (whole, or not at all).  Returns 0, or -1 with
 * an error in dl.
 */
static int write_depfile(const char *path, const char *out_dir,
                         int dir_given, const struct output *outs, size_t n,
                         const struct spec *spec, struct diag_list *dl)
{
    struct output dep;
    struct sbuf text;
    const char *slash = strrchr(path, '/');
    char *dir;
    size_t i;
    int rc;

    memset(&dep, 0, sizeof dep);
    sbuf_init(&text);
    dep.produce = produce_text;
    dep.arg = &text;
    for (i = 0; i < n; i++) {
        struct sbuf name;

        sbuf_init(&name);
        if (dir_given)
            sbuf_printf(&name, "%s%s", out_dir,
                        out_dir[strlen(out_dir) - 1] == '/' ? "" : "/");
        sbuf_puts(&name, outs[i].name);
        if (i)
            sbuf_putc(&text, ' ');
        put_make_path(&text, sbuf_str(&name));
        if (sbuf_failed(&name))
            text.failed = 1;
        sbuf_free(&name);
    }
    sbuf_putc(&text, ':');
    for (i = 0; i < spec->ninputs; i++) {
        sbuf_putc(&text, ' ');
        put_make_path(&text, spec->inputs[i]);
    }
    sbuf_putc(&text, '\n');
    for (i = 0; i < spec->ninputs; i++) {
        sbuf_putc(&text, '\n');
        put_make_path(&text, spec->inputs[i]);
        sbuf_puts(&text, ":\n");
    }
    dir = slash ? sg_strndup(path, slash == path ? 1 : (size_t)(slash - path))
                : sg_strdup(".");
    dep.name = sg_strdup(slash ? slash + 1 : path);
    if (dir == NULL || dep.name == NULL || sbuf_failed(&text)) {
        diag_oom(dl);
        rc = -1;
    } else {
        rc = write_outputs(dir, &dep, 1, NULL, dl) < 0 ? -1 : 0;
    }
    sg_free(dir);
    sg_free(dep.name);
    sbuf_free(&text);
    return rc;
}

/*
 * Returns 1, after saying so, when an output's path names the spec itself
 * (the same device and inode: a JSON-syntax spec cx.json and --emit json
 * -o .): writing it would destroy the spec.  0 otherwise, also when a path
 * cannot be checked (the writer reports that).
 */
static int output_is_spec(const char *spec_path, const char *out_dir,
                          const struct output *outs, size_t n)
{
    struct stat spec_st, st;
    struct sbuf path;
    size_t i;
    int found = 0;

    if (strcmp(spec_path, "-") == 0 || stat(spec_path, &spec_st) != 0)
        return 0;
    sbuf_init(&path);
    for (i = 0; i < n && !found; i++) {
        sbuf_reset(&path);
        sbuf_puts(&path, out_dir);
        if (out_dir[strlen(out_dir) - 1] != '/')
            sbuf_putc(&path, '/');
        sbuf_puts(&path, outs[i].name);
        if (!sbuf_failed(&path) && stat(sbuf_str(&path), &st) == 0 &&
            st.st_dev == spec_st.st_dev && st.st_ino == spec_st.st_ino) {
            say("statusgen: error: %s: this output is the spec %s itself; "
                "nothing written (choose another -o, --name or --emit)",
                sbuf_str(&path), spec_path);
            found = 1;
        }
    }
    sbuf_free(&path);
    return found;
}

/* Writes output o to standard output, collected whole first so that
 * running out of memory writes nothing; returns 0 or -1 (said). */
static int write_stdout(const struct output *o)
{
    struct sbuf text;
    int rc = -1;

    sbuf_init(&text);
    if (output_collect(o, &text) != 0)
        fprintf(stderr, "statusgen: error: out of memory\n");
    else if (fwrite(sbuf_str(&text), 1, text.len, stdout) != text.len ||
             fflush(stdout) != 0)
        fprintf(stderr, "statusgen: error: cannot write to standard "
                "output: %s\n", strerror(errno));
    else
        rc = 0;
    sbuf_free(&text);
    return rc;
}

/* Tells the user why the run stops for a while (write_opts.waiting). */
static void say_waiting(const char *lock_path, const char *dir)
{
    say("statusgen: waiting for %s: another statusgen run is writing into "
        "%s", lock_path, dir);
}

static int stdout_done(void);

static int run_generate(const struct run_opts *o, int dir_given)
{
    struct spec spec;
    struct diag_list dl, io;
    struct output *outs = NULL;
    size_t n = 0;
    char *name = NULL;
    int rc = EXIT_BAD, to_stdout = strcmp(o->out_dir, "-") == 0;

    diag_init(&dl, input_name(o->spec));
    diag_init(&io, "statusgen");
    if (spec_load(o->spec, &spec, &dl) != 0) {
        print_diags(&dl);
        goto done;
    }
    if (spec_override(&spec, &o->ov, &io) != 0) {
        print_diags(&io);
        goto done;
    }
    if (o->list_inputs) {
        size_t i;

        for (i = 0; i < spec.ninputs; i++)
            printf("%s\n", spec.inputs[i]);
        rc = stdout_done();
        goto done;
    }
    name = spec_display_name(o->spec, to_stdout ? "." : o->out_dir);
    if (name == NULL ||
        outputs_plan_opts(&spec, name, o->kinds, &o->eo, &outs, &n) != 0) {
        fprintf(stderr, "statusgen: error: out of memory\n");
        goto done;
    }
    if (o->list) {
        list_outputs(o->out_dir, dir_given, outs, n);
        rc = 0;
    } else if (!to_stdout && output_is_spec(o->spec, o->out_dir, outs, n)) {
        rc = EXIT_BAD;
    } else if (to_stdout) {
        if (n != 1) {
            fprintf(stderr, "statusgen: error: -o - writes one file to "
                    "standard output, and this run makes %lu; choose one "
                    "with --emit\n", (unsigned long)n);
        } else if (write_stdout(&outs[0]) == 0) {
            rc = 0;
        }
    } else if (o->check) {
        struct sbuf report;
        int stale;

        sbuf_init(&report);
        stale = check_outputs(o->out_dir, outs, n, &report, &io);
        if (stale < 0 || sbuf_failed(&report)) {
            if (sbuf_failed(&report))
                diag_oom(&io);
            print_diags(&io);
        } else {
            fputs(sbuf_str(&report), stdout);
            if (stale)
                say("statusgen: %d file%s in %s not up to date with %s; run "
                    "statusgen again without --check (same -o and --emit) "
                    "to update them", stale,
                        stale == 1 ? "" : "s", o->out_dir,
                        input_name(o->spec));
            rc = stale ? EXIT_DIFF : 0;
        }
        sbuf_free(&report);
    } else {
        struct write_opts wo;

        memset(&wo, 0, sizeof wo);
        wo.waiting = say_waiting;
        if (write_outputs(o->out_dir, outs, n, &wo, &io) < 0 ||
            (o->depfile && write_depfile(o->depfile, o->out_dir, dir_given,
                                         outs, n, &spec, &io) != 0))
            print_diags(&io);
        else
            rc = 0;
    }
done:
    outputs_free(outs, n);
    sg_free(name);
    spec_free(&spec);
    diag_free(&dl);
    diag_free(&io);
    return rc;
}

static int run_audit(const char *csv_path, const char *spec_path)
{
    struct spec spec;
    struct diag_list dl, csv;
    struct sbuf report;
    char *data = NULL;
    size_t len = 0;
    int rc = EXIT_BAD, diffs;

    diag_init(&dl, input_name(spec_path));
    diag_init(&csv, input_name(csv_path));
    sbuf_init(&report);
    if (spec_load(spec_path, &spec, &dl) != 0) {
        print_diags(&dl);
        goto done;
    }
    if (spec_read_file(csv_path, &data, &len, &csv) != 0) {
        print_diags(&csv);
        goto done;
    }
    diffs = audit_compare(&spec, data, len, &report, &csv);
    if (diffs < 0) {
        print_diags(&csv);
        goto done;
    }
    fputs(sbuf_str(&report), stdout);
    if (diffs)
        say("statusgen audit: %d difference%s between %s and %s", diffs,
            diffs == 1 ? "" : "s", spec_path, csv_path);
    rc = diffs ? EXIT_DIFF : 0;
done:
    sbuf_free(&report);
    sg_free(data);
    spec_free(&spec);
    diag_free(&dl);
    diag_free(&csv);
    return rc;
}

static int bad_usage(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Reports a command-line mistake and the usage; returns exit status 2. */
static int bad_usage(const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    say("statusgen: %s", tmp);
    fputs(usage, stderr);
    return EXIT_BAD;
}

/* Reports an --emit list with a word that is no output kind. */
static int bad_emit(const char *list)
{
    struct sbuf words;
    int rc;

    sbuf_init(&words);
    output_kind_words(&words);
    rc = bad_usage("--emit takes %s, comma-separated, not '%s'",
                   sbuf_failed(&words) ? "output kinds" : sbuf_str(&words),
                   list);
    sbuf_free(&words);
    return rc;
}

/* Reports a --functions list with a word that is no lookup. */
static int bad_functions(const char *list)
{
    struct sbuf words;
    int rc;

    sbuf_init(&words);
    emit_function_words(&words);
    rc = bad_usage("--functions takes %s, comma-separated, not '%s'",
                   sbuf_failed(&words) ? "lookup names" : sbuf_str(&words),
                   list);
    sbuf_free(&words);
    return rc;
}

/* Takes the value of an option given as "--opt VALUE" or "--opt=VALUE";
 * returns NULL when arg is not that option. */
static const char *option_value(int argc, char **argv, int *i,
                                const char *opt, int *missing)
{
    const char *arg = argv[*i];
    size_t len = strlen(opt);

    if (strncmp(arg, opt, len) != 0)
        return NULL;
    if (arg[len] == '=')
        return arg + len + 1;
    if (arg[len] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

/* struct spec_reader's read for git: "REV:PATH" (a base spec that an
 * overlay from git names comes from the same revision). */
static int read_git_spec(void *arg, const char *path, char **data,
                         size_t *len, struct diag_list *dl)
{
    (void)arg;
    return compat_read_git(path, data, len, dl);
}

/* Loads one side of compat: a file, or with git, "REV:PATH" from git. */
static int load_compat_side(const char *name, int git, struct spec *spec,
                            struct diag_list *dl)
{
    static const struct spec_reader git_reader = {read_git_spec, NULL, 1};
    char *data = NULL;
    size_t len = 0;

    if (!git)
        return spec_load(name, spec, dl);
    memset(spec, 0, sizeof *spec);
    if (compat_read_git(name, &data, &len, dl) != 0)
        return -1;
    return spec_load_from(name, data, len, &git_reader, spec, dl);
}

/* statusgen compat [--strict] (OLD | --against REV:PATH) NEW */
static int cmd_compat(int argc, char **argv)
{
    const char *old_name = NULL, *new_name = NULL, *v;
    struct spec old_spec, new_spec;
    struct diag_list odl, ndl;
    struct compat_report r;
    int strict = 0, git = 0, i, missing = 0, rc = EXIT_BAD;
    size_t k;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--strict") == 0) {
            strict = 1;
        } else if ((v = option_value(argc, argv, &i, "--against",
                                     &missing)) != NULL) {
            old_name = v;
            git = 1;
        } else if (missing) {
            return bad_usage("option '%s' needs a value", argv[i]);
        } else if (argv[i][0] == '-' && strcmp(argv[i], "-") != 0) {
            return bad_usage("unknown option '%s'", argv[i]);
        } else if (old_name == NULL) {
            old_name = argv[i];
        } else if (new_name == NULL) {
            new_name = argv[i];
        } else {
            return bad_usage("compat takes OLD and NEW, not also '%s'",
                             argv[i]);
        }
    }
    if (old_name == NULL || new_name == NULL)
        return bad_usage("%s", "compat needs OLD (or --against REV:PATH) "
                               "and NEW");
    diag_init(&odl, old_name);
    diag_init(&ndl, new_name);
    compat_report_init(&r);
    memset(&new_spec, 0, sizeof new_spec);
    if (load_compat_side(old_name, git, &old_spec, &odl) != 0) {
        print_diags(&odl);
        goto done;
    }
    if (spec_load(new_name, &new_spec, &ndl) != 0) {
        print_diags(&ndl);
        goto done;
    }
    if (compat_compare(&old_spec, &new_spec, &r) != 0) {
        fprintf(stderr, "statusgen: error: out of memory\n");
        goto done;
    }
    for (k = 0; k < r.n; k++) {
        const struct compat_item *it = &r.items[k];
        struct sbuf line;
        const char *file;
        struct sg_pos pos;

        /* a spec that extends others: the file the position is in */
        diag_locate(it->side == COMPAT_OLD ? &odl : &ndl, it->pos, &file,
                    &pos);
        sbuf_init(&line);
        diag_format_line(&line, file, pos, strict && it->level == DIAG_WARNING
                                               ? DIAG_ERROR : it->level,
                         it->msg);
        fprintf(stderr, "%s\n", sbuf_str(&line));
        sbuf_free(&line);
    }
    rc = r.errors || (strict && r.warnings) ? EXIT_DIFF : 0;
    say("statusgen compat: %s: %lu breaking change%s, %lu warning%s against "
        "%s", new_name, (unsigned long)r.errors,
            r.errors == 1 ? "" : "s", (unsigned long)r.warnings,
            r.warnings == 1 ? "" : "s", old_name);
done:
    compat_report_free(&r);
    spec_free(&old_spec);
    spec_free(&new_spec);
    diag_free(&odl);
    diag_free(&ndl);
    return rc;
}

/* Exit status after writing to standard output: 2 with a message when
 * the text did not all get there (a full disk, /dev/full, a closed
 * pipe). */
static int stdout_done(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "statusgen: error: cannot write to standard output: "
                "%s\n", strerror(errno));
        return EXIT_BAD;
    }
    return 0;
}

/* statusgen audit --iana FILE.csv SPEC */
static int cmd_audit(int argc, char **argv)
{
    const char *iana = NULL, *spec = NULL, *v;
    int i, missing = 0, options_done = 0;

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (spec)
                return bad_usage("more than one SPEC ('%s')", arg);
            spec = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = 1;
        } else if ((v = option_value(argc, argv, &i, "--iana", &missing))) {
            iana = v;
        } else if (missing) {
            return bad_usage("option '%s' needs a value", arg);
        } else {
            return bad_usage("unknown option '%s'", arg);
        }
    }
    if (spec == NULL)
        return bad_usage("%s", "no SPEC given");
    if (iana == NULL)
        return bad_usage("%s", "audit needs --iana FILE.csv");
    return run_audit(iana, spec);
}

/* statusgen [options] SPEC: generate, --check or --list-outputs. */
static int cmd_generate(int argc, char **argv)
{
    const char *v;
    struct run_opts o;
    int i, missing = 0, options_done = 0, dir_given = 0;

    memset(&o, 0, sizeof o);
    o.out_dir = ".";
    o.kinds = EMIT_DEFAULT;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (o.spec)
                return bad_usage("more than one SPEC ('%s')", arg);
            o.spec = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = 1;
        } else if (strcmp(arg, "--check") == 0) {
            o.check = 1;
        } else if (strcmp(arg, "--list-outputs") == 0) {
            o.list = 1;
        } else if (strcmp(arg, "--list-inputs") == 0) {
            o.list_inputs = 1;
        } else if ((v = option_value(argc, argv, &i, "--depfile",
                                     &missing))) {
            o.depfile = v;
        } else if ((v = option_value(argc, argv, &i, "-o", &missing)) ||
                   (v = option_value(argc, argv, &i, "--output", &missing))) {
            o.out_dir = v;
            dir_given = 1;
        } else if ((v = option_value(argc, argv, &i, "--emit", &missing))) {
            o.kinds = emit_parse_kinds(v);
            if (o.kinds == 0)
                return bad_emit(v);
        } else if ((v = option_value(argc, argv, &i, "--name", &missing))) {
            o.ov.name = v;
        } else if ((v = option_value(argc, argv, &i, "--macro", &missing))) {
            o.ov.macro = v;
        } else if ((v = option_value(argc, argv, &i, "--languages",
                                     &missing))) {
            o.ov.languages = v;
        } else if ((v = option_value(argc, argv, &i, "--functions",
                                     &missing))) {
            unsigned fns;

            if (emit_parse_functions(v, &fns) != 0)
                return bad_functions(v);
            o.eo.omit = FN_ALL & ~fns;
        } else if ((v = option_value(argc, argv, &i, "--lookup", &missing))) {
            if (strcmp(v, "fast") == 0)
                o.eo.lookup = LOOKUP_FAST;
            else if (strcmp(v, "compact") == 0)
                o.eo.lookup = LOOKUP_COMPACT;
            else
                return bad_usage("--lookup takes compact or fast, not '%s'",
                                 v);
        } else if (missing) {
            return bad_usage("option '%s' needs a value", arg);
        } else {
            return bad_usage("unknown option '%s'", arg);
        }
    }
    if (o.spec == NULL)
        return bad_usage("%s", "no SPEC given");
    if (*o.out_dir == '\0')
        return bad_usage("%s", "-o needs a directory");
    if (o.check + o.list + o.list_inputs > 1)
        return bad_usage("%s", "--check, --list-outputs and --list-inputs "
                         "exclude each other");
    if (o.depfile && (o.check || o.list || o.list_inputs ||
                      strcmp(o.out_dir, "-") == 0))
        return bad_usage("%s", "--depfile goes with a run that writes its "
                         "outputs into a directory");
    if (o.depfile && *o.depfile == '\0')
        return bad_usage("%s", "--depfile needs a file name");
    if (strcmp(o.out_dir, "-") == 0 && (o.check || o.list))
        return bad_usage("-o - is standard output: %s needs a directory",
                         o.check ? "--check" : "--list-outputs");
    /* A .c without its header does not compile: refuse to write one
     * (checking it, or printing it, is fine). */
    if ((o.kinds & EMIT_SOURCE) && !(o.kinds & EMIT_HEADER) && !o.check &&
        strcmp(o.out_dir, "-") != 0)
        return bad_usage("%s", "--emit source needs header too: the "
                         "generated .c includes the .h");
    return run_generate(&o, dir_given);
}

/* The subcommands: the first argument names one, or none is generate.
 * Each takes its own arguments (argv[0] is its name). */
static const struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommands[] = {
    {"audit", cmd_audit},
    {"compat", cmd_compat},
};

int main(int argc, char **argv)
{
    size_t i;
    int k;

#if defined(__GLIBC__)
    /* A large spec's big arrays (the spec text, the checks' tables, the
     * emitters' pools) live one after another.  A fixed threshold gives
     * each block of 256 KiB or more its own mapping, returned when it is
     * freed; glibc's moving threshold would keep the freed ones in its
     * heap, and the peak memory would be their sum. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    /* --help and --version answer anywhere before "--" */
    for (k = 1; k < argc && strcmp(argv[k], "--") != 0; k++) {
        if (strcmp(argv[k], "-h") == 0 || strcmp(argv[k], "--help") == 0) {
            print_help();
            return stdout_done();
        }
        if (strcmp(argv[k], "--version") == 0) {
            puts("statusgen " STATUSGEN_VERSION);
            return stdout_done();
        }
    }
    for (i = 0; argc > 1 && i < sizeof subcommands / sizeof subcommands[0];
         i++)
        if (strcmp(argv[1], subcommands[i].name) == 0)
            return subcommands[i].run(argc - 1, argv + 1);
    return cmd_generate(argc, argv);
}
