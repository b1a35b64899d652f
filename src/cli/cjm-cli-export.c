/* cjm-cli-export.c: the command line's --export
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-cli-private.h"

/* The format of the output is chosen by its extension. Each format is one
 * entry of this table; the core's exporter writes them all. */

typedef struct
{
  const char      *extension;
  const char      *description;
  CjmExportFormat  format;
} CjmCliFormat;

static const CjmCliFormat export_formats[] = {
  { ".cjm", N_("a journey map, rewritten in its normal form"), CJM_EXPORT_FORMAT_CJM },
  { ".json", N_("the same content as JSON, for other programs"), CJM_EXPORT_FORMAT_JSON },
  { ".png", N_("an image of the map"), CJM_EXPORT_FORMAT_PNG },
  { ".svg", N_("a vector image whose texts stay text"), CJM_EXPORT_FORMAT_SVG },
  { ".pdf", N_("a document: the map on one page, or on A4 or A3 pages"), CJM_EXPORT_FORMAT_PDF },
  { ".csv", N_("tables of the touchpoints, pain points and opportunities"), CJM_EXPORT_FORMAT_CSV },
};

static const CjmCliFormat *
find_export_format (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (g_str_has_suffix (lower, export_formats[i].extension) &&
          strlen (lower) > strlen (export_formats[i].extension))
        return &export_formats[i];
    }

  return NULL;
}

static char *
dup_export_extensions (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", export_formats[i].extension);

  return g_string_free (list, FALSE);
}

/**
 * _cjm_cli_export_dup_description:
 *
 * Returns: (transfer full): the end of --help: the formats of --export,
 *   what the options do, the exit statuses
 */
char *
_cjm_cli_export_dup_description (void)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, _("Formats for --export, chosen by the extension of OUT:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    g_string_append_printf (text, "  %-8s%s\n", export_formats[i].extension,
                            _(export_formats[i].description));

  g_string_append_c (text, '\n');
  g_string_append (text, _("FILE may be a .cjm or a .json map. OUT is replaced if it exists;\n"
                           "it may be FILE itself, to rewrite a map in its normal form.\n"
                           "\n"
                           "Images show the whole map in the light theme on white, with no\n"
                           "header, personas or legend unless asked. Slides in PNG or SVG\n"
                           "are written as OUT-01-stage.png, OUT-02-stage.png…, in PDF as\n"
                           "one page each; several CSV tables as OUT-touchpoints.csv,\n"
                           "OUT-pain-points.csv and OUT-opportunities.csv. When an export\n"
                           "writes several files, it prints their names.\n"
                           "\n"
                           "--validate prints each problem as “FILE:LINE: message” on\n"
                           "the error output, and nothing for a good file. --export prints\n"
                           "what it had to repair the same way.\n"
                           "\n"
                           "Exit status: 0 if all went well (notes are printed, and allowed),\n"
                           "1 if a file has problems or cannot be read or written,\n"
                           "2 if the command line is wrong.\n"));

  return g_string_free (text, FALSE);
}

/**
 * _cjm_cli_export_add_entries:
 * @context: the command line's option context
 * @args: where the options go
 *
 * Adds the options of --export to the main group.
 */
void
_cjm_cli_export_add_entries (GOptionContext   *context,
                             CjmCliExportArgs *args)
{
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &args->scale,
      N_("PNG: image pixels per pixel of the map, from 1 to 4 (default 1)"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &args->dpi,
      N_("PNG: the resolution at which it prints at the size of the map on screen"),
      N_("DPI") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &args->background,
      N_("Images: “white” (the default) or “transparent”"), N_("BACKGROUND") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &args->theme,
      N_("Images: “light” (the default) or “dark”"), N_("THEME") },
    { "header", 0, 0, G_OPTION_ARG_NONE, &args->header,
      N_("Images: show the title and the review date above the map"), NULL },
    { "personas", 0, 0, G_OPTION_ARG_NONE, &args->personas,
      N_("Images: show a summary of the personas above the map"), NULL },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &args->legend,
      N_("Images: show a legend of the lanes, pain points and emotions below the map"), NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &args->page,
      N_("PDF: “single” page (the default), or “a4” or “a3” landscape pages"), N_("PAGE") },
    { "slides", 0, 0, G_OPTION_ARG_NONE, &args->slides,
      N_("Images: cut the map into 16:9 slides, one for each stage"), NULL },
    { "slide-steps", 0, 0, G_OPTION_ARG_INT, &args->slide_steps,
      N_("Images: cut the map into slides of N steps each"), N_("N") },
    { "stages", 0, 0, G_OPTION_ARG_STRING, &args->stages,
      N_("Export only these stages, by their ids"), N_("ID,…") },
    { "lanes", 0, 0, G_OPTION_ARG_STRING, &args->lanes,
      N_("Export only these lanes, by their ids"), N_("ID,…") },
    { "select", 0, 0, G_OPTION_ARG_STRING, &args->select,
      N_("Export what these elements cover: images their stages and lanes, tables their cards"),
      N_("ID,…") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &args->tables,
      N_("CSV: the tables to write, of touchpoints, pain-points, opportunities (default: all)"),
      N_("TABLE,…") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &args->bom,
      N_("CSV: start with a byte order mark, for Microsoft Excel"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
_cjm_cli_export_args_given (const CjmCliExportArgs *args)
{
  return args->scale != NULL || args->dpi != NULL || args->background != NULL ||
         args->theme != NULL || args->page != NULL || args->stages != NULL ||
         args->lanes != NULL || args->select != NULL || args->tables != NULL ||
         args->slide_steps != 0 || args->slides || args->header || args->personas ||
         args->legend || args->bom;
}

void
_cjm_cli_export_args_clear (CjmCliExportArgs *args)
{
  g_clear_pointer (&args->scale, g_free);
  g_clear_pointer (&args->dpi, g_free);
  g_clear_pointer (&args->background, g_free);
  g_clear_pointer (&args->theme, g_free);
  g_clear_pointer (&args->page, g_free);
  g_clear_pointer (&args->stages, g_free);
  g_clear_pointer (&args->lanes, g_free);
  g_clear_pointer (&args->select, g_free);
  g_clear_pointer (&args->tables, g_free);
}

/* Reading the options */

static gboolean
parse_number (const char *text,
              double      min,
              double      max,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);

  return end != text && *end == '\0' && *value >= min && *value <= max;
}

/* "a,b,,c" → { "a", "b", "c" }, with spaces around ids dropped. */
static char **
split_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);

      if (*id != '\0')
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* Checks that each option given fits the format, and reads it into @options. */
static int
read_options (const CjmCliExportArgs *args,
              const CjmCliFormat     *format,
              CjmExportOptions       *options)
{
  gboolean image = cjm_export_format_is_image (format->format);
  gboolean data = format->format == CJM_EXPORT_FORMAT_JSON ||
                  format->format == CJM_EXPORT_FORMAT_CJM;
  const struct {
    gboolean    given;
    gboolean    allowed;
    const char *option;
  } checks[] = {
    { args->scale != NULL, format->format == CJM_EXPORT_FORMAT_PNG, "--scale" },
    { args->dpi != NULL, format->format == CJM_EXPORT_FORMAT_PNG, "--dpi" },
    { args->background != NULL, image, "--background" },
    { args->theme != NULL, image, "--theme" },
    { args->header, image, "--header" },
    { args->personas, image, "--personas" },
    { args->legend, image, "--legend" },
    { args->page != NULL, format->format == CJM_EXPORT_FORMAT_PDF, "--page" },
    { args->slides, image, "--slides" },
    { args->slide_steps != 0, image, "--slide-steps" },
    { args->stages != NULL, !data, "--stages" },
    { args->lanes != NULL, !data, "--lanes" },
    { args->select != NULL, !data, "--select" },
    { args->tables != NULL, format->format == CJM_EXPORT_FORMAT_CSV, "--table" },
    { args->bom, format->format == CJM_EXPORT_FORMAT_CSV, "--bom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].given && !checks[i].allowed)
      /* Translators: the first %s is an option, the second an extension: ".csv" */
      return _cjm_cli_usage_error (_("%s does not apply to a %s file"), checks[i].option,
                                   format->extension);

  if (args->scale != NULL && args->dpi != NULL)
    return _cjm_cli_usage_error (_("--scale and --dpi cannot be used together"));
  if (args->scale != NULL && !parse_number (args->scale, 1, 4, &options->scale))
    return _cjm_cli_usage_error (_("--scale must be a number from 1 to 4"));
  if (args->dpi != NULL && !parse_number (args->dpi, 24, 1200, &options->dpi))
    return _cjm_cli_usage_error (_("--dpi must be a number from 24 to 1200"));

  if (g_strcmp0 (args->background, "transparent") == 0)
    options->transparent = TRUE;
  else if (args->background != NULL && g_strcmp0 (args->background, "white") != 0)
    return _cjm_cli_usage_error (_("--background must be “white” or “transparent”"));

  if (g_strcmp0 (args->theme, "dark") == 0)
    options->theme = CJM_THEME_DARK;
  else if (args->theme != NULL && g_strcmp0 (args->theme, "light") != 0)
    return _cjm_cli_usage_error (_("--theme must be “light” or “dark”"));

  if (args->header)
    options->bands |= CJM_LAYOUT_BAND_HEADER;
  if (args->personas)
    options->bands |= CJM_LAYOUT_BAND_PERSONAS;
  if (args->legend)
    options->bands |= CJM_LAYOUT_BAND_LEGEND;

  if (g_strcmp0 (args->page, "a4") == 0)
    options->page = CJM_EXPORT_PAGE_A4_LANDSCAPE;
  else if (g_strcmp0 (args->page, "a3") == 0)
    options->page = CJM_EXPORT_PAGE_A3_LANDSCAPE;
  else if (args->page != NULL && g_strcmp0 (args->page, "single") != 0)
    return _cjm_cli_usage_error (_("--page must be “single”, “a4” or “a3”"));

  if (args->slide_steps < 0 || args->slide_steps > 100)
    return _cjm_cli_usage_error (_("--slide-steps must be a number from 1 to 100"));
  if (args->slide_steps > 0)
    {
      options->slides = CJM_EXPORT_SLIDES_BY_STEPS;
      options->slide_steps = args->slide_steps;
    }
  else if (args->slides)
    options->slides = CJM_EXPORT_SLIDES_BY_STAGE;
  if (options->slides != CJM_EXPORT_SLIDES_NONE && args->page != NULL)
    return _cjm_cli_usage_error (_("--page does not apply to slides"));

  if (args->select != NULL && (args->stages != NULL || args->lanes != NULL))
    return _cjm_cli_usage_error (_("--select cannot be used with --stages or --lanes"));
  if (args->select != NULL)
    {
      options->scope = CJM_EXPORT_SCOPE_SELECTION;
      options->element_ids = split_ids (args->select);
    }
  else if (args->stages != NULL || args->lanes != NULL)
    {
      options->scope = CJM_EXPORT_SCOPE_STAGES_AND_LANES;
      options->stage_ids = args->stages != NULL ? split_ids (args->stages) : NULL;
      options->lane_ids = args->lanes != NULL ? split_ids (args->lanes) : NULL;
    }

  if (args->tables != NULL)
    {
      g_auto(GStrv) names = split_ids (args->tables);

      options->tables = 0;
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "touchpoints"))
            options->tables |= CJM_EXPORT_TABLE_TOUCHPOINTS;
          else if (g_str_equal (names[i], "pain-points"))
            options->tables |= CJM_EXPORT_TABLE_PAIN_POINTS;
          else if (g_str_equal (names[i], "opportunities"))
            options->tables |= CJM_EXPORT_TABLE_OPPORTUNITIES;
          else
            return _cjm_cli_usage_error (_("--table takes touchpoints, pain-points "
                                           "and opportunities, not “%s”"), names[i]);
        }
      if (options->tables == 0)
        return _cjm_cli_usage_error (_("--table needs at least one table"));
    }
  options->csv_bom = args->bom;

  return EXIT_OK;
}

/**
 * _cjm_cli_run_export:
 * @out_path: OUT, as typed
 * @paths: the files given: there must be one
 * @args: the export options, as typed
 *
 * Returns: the exit status
 */
int
_cjm_cli_run_export (const char        *out_path,
                     char             **paths,
                     CjmCliExportArgs  *args)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(CjmExportOptions) options = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GFile) out = NULL;
  const CjmCliFormat *format;
  int status;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    return _cjm_cli_usage_error (_("--export needs one file to convert"));

  format = find_export_format (out_path);
  if (format == NULL)
    {
      g_autofree char *extensions = dup_export_extensions ();

      return _cjm_cli_usage_error (_("%s: unknown format: the file name should end in one of %s"),
                                   out_path, extensions);
    }

  options = cjm_export_options_new (format->format);
  status = read_options (args, format, options);
  if (status != EXIT_OK)
    return status;

  map = _cjm_cli_load_map (paths[0], problems, &error);

  /* What was repaired is in the output: say so, but the export worked. */
  for (guint i = 0; i < problems->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (problems, i);

      if (error == NULL || strstr (error->message, problem->message) == NULL)
        _cjm_cli_print_problem (problem, paths[0]);
    }

  if (map == NULL)
    {
      _cjm_cli_print_file_error (paths[0], error);
      return EXIT_PROBLEMS;
    }

  /* The map is wholly in memory: OUT may be the input file itself. */
  out = g_file_new_for_commandline_arg (out_path);
  files = cjm_export_list_files (map, options, out, &error);
  if (files == NULL || !cjm_export_to_file (map, options, out, NULL, &error))
    {
      /* Ids that name nothing, a scope that holds nothing: the command
       * line is wrong, not the file. */
      if (g_error_matches (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_UNKNOWN_ID) ||
          g_error_matches (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY))
        return _cjm_cli_usage_error ("%s: %s", paths[0], error->message);

      _cjm_cli_print_file_error (out_path, error);
      return EXIT_PROBLEMS;
    }

  /* Named as OUT was typed: beside it. */
  if (files->len > 1)
    {
      g_autofree char *folder = g_path_get_dirname (out_path);

      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *basename = g_file_get_basename (g_ptr_array_index (files, i));
          g_autofree char *name = g_str_equal (folder, ".") && !g_str_has_prefix (out_path, "./")
                                  ? g_strdup (basename) : g_build_filename (folder, basename, NULL);

          g_print ("%s\n", name);
        }
    }

  return EXIT_OK;
}
