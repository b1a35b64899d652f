/* cjm-cli.c: the command line: checking and converting maps
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-cli.h"
#include "cjm-cli-private.h"

/* Output */

void
_cjm_cli_print_problem (const CjmProblem *problem,
                        const char       *path)
{
  g_autofree char *text = cjm_problem_format (problem, path);

  g_printerr ("%s\n", text);
}

/* Errors about the file come as "FILE:LINE: message" from the readers, and
 * as a bare message from GIO: give them all the file name as typed. */
void
_cjm_cli_print_file_error (const char   *path,
                           const GError *error)
{
  gsize length = strlen (path);

  if (strncmp (error->message, path, length) == 0 && error->message[length] == ':')
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);
}

int
_cjm_cli_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Try “%s --help” for more information."), g_get_prgname ());
  g_printerr ("\n");

  return EXIT_USAGE;
}

/* cjm_map_load() as it is, but naming the file in messages exactly as it
 * was typed ("./map.cjm", "../maps/a.cjm", a URI), which cjm_map_load()
 * rewrites relative to the current folder. */
CjmMap *
_cjm_cli_load_map (const char  *path,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;

  bytes = cjm_file_read_bytes (file, CJM_MAX_FILE_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return cjm_map_read_bytes (bytes, path, problems, error);
}

static gboolean
validate_file (const char *path)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = NULL;
  gboolean valid;

  map = _cjm_cli_load_map (path, problems, &error);
  valid = map != NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (problems, i);

      /* A fatal error may be in the list too: print it once. */
      if (error != NULL && problem->severity == CJM_PROBLEM_ERROR &&
          strstr (error->message, problem->message) != NULL)
        continue;

      _cjm_cli_print_problem (problem, path);
      if (problem->severity != CJM_PROBLEM_NOTE)
        valid = FALSE;
    }

  if (error != NULL)
    _cjm_cli_print_file_error (path, error);

  return valid;
}

static int
run_validate (char **paths)
{
  int status = EXIT_OK;

  if (paths == NULL || paths[0] == NULL)
    return _cjm_cli_usage_error (_("--validate needs at least one file"));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!validate_file (paths[i]))
        status = EXIT_PROBLEMS;
    }

  return status;
}

static int
run (gboolean          validate,
     gboolean          version,
     const char       *export_path,
     char            **paths,
     CjmCliExportArgs *export_args)
{
  if (version)
    {
      g_print ("journey-mapper %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (validate && export_path != NULL)
    return _cjm_cli_usage_error (_("--validate and --export cannot be used together"));

  if (validate && _cjm_cli_export_args_given (export_args))
    return _cjm_cli_usage_error (_("The export options need --export"));

  if (validate)
    return run_validate (paths);

  if (export_path != NULL)
    return _cjm_cli_run_export (export_path, paths, export_args);

  if (_cjm_cli_export_args_given (export_args))
    return _cjm_cli_usage_error (_("The export options need --export"));

  return _cjm_cli_usage_error (_("Nothing to do: use --validate or --export"));
}

/**
 * cjm_cli_wants_command_line:
 * @argc: the number of arguments
 * @argv: the arguments of main()
 *
 * Returns: %TRUE if the arguments ask for the command line (checking,
 *   converting, help, version) rather than the window. The command line
 *   needs no display and never initialises GTK.
 */
gboolean
cjm_cli_wants_command_line (int    argc,
                            char **argv)
{
  static const char * const options[] = {
    "--validate", "--export", "--help", "--help-all", "-h", "-?", "--version", NULL,
  };

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;

      if (g_strv_contains (options, argv[i]) || g_str_has_prefix (argv[i], "--export="))
        return TRUE;
    }

  return FALSE;
}

/**
 * cjm_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments of main()
 *
 * Runs the command line: `--validate FILE…`, `--export OUT FILE`,
 * `--help`, `--version`.
 *
 * Returns: the exit status: 0 if all went well, 1 if a file has problems
 *   or cannot be read or written, 2 if the command line is wrong
 */
int
cjm_cli_run (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) paths = NULL;
  CjmCliExportArgs export_args = { 0 };
  gboolean validate = FALSE;
  gboolean version = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check each FILE and print its problems"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Convert FILE to OUT, in the format of OUT’s extension"), N_("OUT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths,
      NULL, N_("FILE…") },
    { NULL }
  };

  g_set_prgname ("journey-mapper");

  /* The usage line ends with the FILE… of G_OPTION_REMAINING. */
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Draws customer journey maps. Given files and no option, "
                                  "opens them in a window.\n"
                                  "\n"
                                  "  journey-mapper --validate FILE…   check maps\n"
                                  "  journey-mapper --export OUT FILE  convert a map"));
  description = _cjm_cli_export_dup_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  _cjm_cli_export_add_entries (context, &export_args);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      _cjm_cli_export_args_clear (&export_args);
      return _cjm_cli_usage_error ("%s", error->message);
    }

  status = run (validate, version, export_path, paths, &export_args);
  _cjm_cli_export_args_clear (&export_args);

  return status;
}
