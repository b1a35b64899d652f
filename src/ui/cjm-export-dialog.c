/* cjm-export-dialog.c: the Export dialog
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cjm-export-dialog.h"

/* The dialog gathers a CjmExportOptions and hands it to the core's
 * exporter, which draws with the map's layout and renderer, never from the
 * window. Both the preview and the export run in a thread, on a copy of
 * the map made from its bytes: the user may go on editing, nothing is
 * shared. The choices are remembered in the settings (the export-* keys of
 * org.example.JourneyMapper) when an export succeeds. */

#define PREVIEW_DELAY_MS 150
#define PREVIEW_SIZE     960
#define PREVIEW_LINES    12

struct _CjmExportDialog
{
  AdwWindow             parent_instance;

  CjmDocument          *document;
  CjmSelection         *selection;
  AdwToastOverlay      *toast_overlay;
  GSettings            *settings;
  CjmExportOptions     *options;
  GCancellable         *preview_cancellable;
  GCancellable         *export_cancellable;
  GtkFileChooserNative *chooser;
  GPtrArray            *stage_checks;
  GPtrArray            *lane_checks;
  guint                 preview_source;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *export_button;
  GtkSpinner           *spinner;
  AdwComboRow          *format_row;
  AdwPreferencesGroup  *scope_group;
  AdwComboRow          *scope_row;
  AdwExpanderRow       *stages_row;
  AdwExpanderRow       *lanes_row;
  AdwPreferencesGroup  *image_group;
  AdwComboRow          *scale_row;
  AdwComboRow          *page_row;
  AdwComboRow          *background_row;
  GtkSwitch            *header_switch;
  GtkSwitch            *personas_switch;
  GtkSwitch            *legend_switch;
  GtkSwitch            *dark_switch;
  AdwPreferencesGroup  *slides_group;
  GtkSwitch            *slides_switch;
  AdwComboRow          *split_row;
  GtkWidget            *steps_row;
  GtkSpinButton        *steps_spin;
  AdwPreferencesGroup  *tables_group;
  GtkCheckButton       *touchpoints_check;
  GtkCheckButton       *pain_points_check;
  GtkCheckButton       *opportunities_check;
  GtkSwitch            *bom_switch;
  GtkStack             *preview_stack;
  GtkPicture           *preview_picture;
  GtkLabel             *preview_text;
  GtkLabel             *preview_caption;
  AdwStatusPage        *preview_message;

  guint                 busy : 1;
  guint                 loading : 1;
};

G_DEFINE_FINAL_TYPE (CjmExportDialog, cjm_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_TOAST_OVERLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The size rows, in the order of the .ui file: a scale, or a resolution. */
static const struct {
  guint scale;
  guint dpi;
} sizes[] = { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 0, 150 }, { 0, 300 } };

static const char * const table_names[] = { "touchpoints", "pain-points", "opportunities" };

/* Jobs, in a thread */

typedef enum
{
  JOB_PREVIEW,
  JOB_LIST_FILES,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  JobKind           kind;
  GBytes           *bytes;
  CjmExportOptions *options;
  GFile            *file;
} Job;

typedef struct
{
  cairo_surface_t *surface;
  char            *text;
  char            *caption;
  GPtrArray       *files;
} JobResult;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->options, cjm_export_options_free);
  g_clear_object (&job->file);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->surface, cairo_surface_destroy);
  g_free (result->text);
  g_free (result->caption);
  g_clear_pointer (&result->files, g_ptr_array_unref);
  g_free (result);
}

static char *
dup_first_lines (GBytes *bytes)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));
  const char *p = text->str;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    g_string_erase (text, 0, 3);

  p = text->str;
  for (guint line = 0; line < PREVIEW_LINES && p != NULL; line++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  if (p != NULL)
    g_string_truncate (text, p - text->str);
  g_string_replace (text, "\r", "", 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JobResult *
run_preview (CjmMap                  *map,
             const CjmExportOptions  *options,
             GError                 **error)
{
  JobResult *result = g_new0 (JobResult, 1);

  if (options->format == CJM_EXPORT_FORMAT_CSV)
    {
      g_autoptr(GBytes) table = NULL;
      CjmExportTables first = CJM_EXPORT_TABLE_TOUCHPOINTS;
      guint index = 0;

      while (first <= CJM_EXPORT_TABLE_OPPORTUNITIES && !(options->tables & first))
        {
          first <<= 1;
          index++;
        }
      table = cjm_export_csv_table (map, options, first, error);
      if (table == NULL)
        {
          job_result_free (result);
          return NULL;
        }
      result->text = dup_first_lines (table);
      result->caption = g_strdup (index == 0 ? _("The first lines of the table of touchpoints")
                                  : index == 1 ? _("The first lines of the table of pain points")
                                  : _("The first lines of the table of opportunities"));
      return result;
    }

  {
    guint n_pages = 1;

    result->surface = cjm_export_render_preview (map, options, PREVIEW_SIZE, PREVIEW_SIZE,
                                                 &n_pages, error);
    if (result->surface == NULL)
      {
        job_result_free (result);
        return NULL;
      }

    /* Translators: under the preview of the first slide of several */
    if (options->slides != CJM_EXPORT_SLIDES_NONE)
      result->caption = g_strdup_printf (_("Slide 1 of %u"), n_pages);
    /* Translators: under the preview of the first page of several */
    else if (options->format == CJM_EXPORT_FORMAT_PDF &&
             options->page != CJM_EXPORT_PAGE_WHOLE_MAP)
      result->caption = g_strdup_printf (_("Page 1 of %u"), n_pages);
    else if (options->format == CJM_EXPORT_FORMAT_PNG)
      {
        g_autoptr(CjmLayout) layout = cjm_export_create_layout (map, options, NULL);
        double width = 0, height = 0;
        double scale = options->dpi > 0 ? options->dpi / 96.0 : options->scale;

        if (layout != NULL)
          cjm_layout_get_size (layout, &width, &height);
        /* Translators: the size of an image: "2444 × 1781 pixels" */
        result->caption = g_strdup_printf (_("%.0f × %.0f pixels"), ceil (width * scale - 1e-6),
                                           ceil (height * scale - 1e-6));
      }
  }

  return result;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  JobResult *result = NULL;

  map = cjm_map_read_bytes (job->bytes, "export", problems, &error);
  if (map == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case JOB_PREVIEW:
      result = run_preview (map, job->options, &error);
      break;

    case JOB_LIST_FILES:
      result = g_new0 (JobResult, 1);
      result->files = cjm_export_list_files (map, job->options, job->file, &error);
      if (result->files == NULL)
        g_clear_pointer (&result, job_result_free);
      break;

    case JOB_EXPORT:
      if (cjm_export_to_file (map, job->options, job->file, cancellable, &error))
        {
          result = g_new0 (JobResult, 1);
          result->files = cjm_export_list_files (map, job->options, job->file, NULL);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify)job_result_free);
}

static void
start_job (CjmExportDialog     *self,
           JobKind              kind,
           GFile               *file,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->bytes = cjm_map_to_bytes (cjm_document_get_map (self->document), CJM_FILE_FORMAT_CJM);
  job->options = cjm_export_options_copy (self->options);
  job->file = file != NULL ? g_object_ref (file) : NULL;

  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_job);
}

/* Options */

static gboolean
is_checked (GtkCheckButton *check)
{
  return gtk_check_button_get_active (check);
}

static char **
dup_checked_ids (GPtrArray *checks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "cjm-id"));
    }

  return g_strv_builder_end (builder);
}

static gboolean
all_checked (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      return FALSE;

  return TRUE;
}

static void
read_options (CjmExportDialog *self)
{
  CjmExportOptions *options = self->options;
  guint size = adw_combo_row_get_selected (self->scale_row);

  options->format = adw_combo_row_get_selected (self->format_row);
  options->scope = adw_combo_row_get_selected (self->scope_row);

  g_clear_pointer (&options->element_ids, g_strfreev);
  g_clear_pointer (&options->stage_ids, g_strfreev);
  g_clear_pointer (&options->lane_ids, g_strfreev);
  if (options->scope == CJM_EXPORT_SCOPE_SELECTION && self->selection != NULL)
    options->element_ids = cjm_selection_dup_ids (self->selection);
  else if (options->scope == CJM_EXPORT_SCOPE_STAGES_AND_LANES)
    {
      /* All of them checked: all, even those added later. */
      if (!all_checked (self->stage_checks))
        options->stage_ids = dup_checked_ids (self->stage_checks);
      if (!all_checked (self->lane_checks))
        options->lane_ids = dup_checked_ids (self->lane_checks);
    }

  options->bands = CJM_LAYOUT_BAND_NONE;
  if (gtk_switch_get_active (self->header_switch))
    options->bands |= CJM_LAYOUT_BAND_HEADER;
  if (gtk_switch_get_active (self->personas_switch))
    options->bands |= CJM_LAYOUT_BAND_PERSONAS;
  if (gtk_switch_get_active (self->legend_switch))
    options->bands |= CJM_LAYOUT_BAND_LEGEND;
  options->theme = gtk_switch_get_active (self->dark_switch) ? CJM_THEME_DARK : CJM_THEME_LIGHT;
  options->transparent = adw_combo_row_get_selected (self->background_row) == 1;

  size = MIN (size, G_N_ELEMENTS (sizes) - 1);
  options->scale = MAX (sizes[size].scale, 1);
  options->dpi = sizes[size].dpi;
  options->page = adw_combo_row_get_selected (self->page_row);

  options->slides = CJM_EXPORT_SLIDES_NONE;
  if (cjm_export_format_is_image (options->format) && gtk_switch_get_active (self->slides_switch))
    options->slides = adw_combo_row_get_selected (self->split_row) == 0
                      ? CJM_EXPORT_SLIDES_BY_STAGE : CJM_EXPORT_SLIDES_BY_STEPS;
  options->slide_steps = (guint)gtk_spin_button_get_value_as_int (self->steps_spin);

  options->tables = 0;
  if (is_checked (self->touchpoints_check))
    options->tables |= CJM_EXPORT_TABLE_TOUCHPOINTS;
  if (is_checked (self->pain_points_check))
    options->tables |= CJM_EXPORT_TABLE_PAIN_POINTS;
  if (is_checked (self->opportunities_check))
    options->tables |= CJM_EXPORT_TABLE_OPPORTUNITIES;
  options->csv_bom = gtk_switch_get_active (self->bom_switch);
}

static gboolean
selection_is_empty (CjmExportDialog *self)
{
  return self->selection == NULL || cjm_selection_get_n_ids (self->selection) == 0;
}

/* Why the options cannot be exported, or NULL. */
static const char *
explain_invalid (CjmExportDialog *self)
{
  const CjmExportOptions *options = self->options;
  gboolean data = options->format == CJM_EXPORT_FORMAT_JSON ||
                  options->format == CJM_EXPORT_FORMAT_CJM;

  if (!data && options->scope == CJM_EXPORT_SCOPE_SELECTION && selection_is_empty (self))
    return _("Nothing is selected on the map");
  if (!data && options->scope == CJM_EXPORT_SCOPE_STAGES_AND_LANES &&
      ((options->stage_ids != NULL && options->stage_ids[0] == NULL) ||
       (options->lane_ids != NULL && options->lane_ids[0] == NULL)))
    return _("Choose at least one stage and one lane");
  if (options->format == CJM_EXPORT_FORMAT_CSV && options->tables == 0)
    return _("Choose at least one table");

  return NULL;
}

static void
update_rows (CjmExportDialog *self)
{
  const CjmExportOptions *options = self->options;
  CjmExportFormat format = options->format;
  gboolean image = cjm_export_format_is_image (format);
  gboolean slides = options->slides != CJM_EXPORT_SLIDES_NONE;
  gboolean choosing = options->scope == CJM_EXPORT_SCOPE_STAGES_AND_LANES;

  gtk_widget_set_visible (GTK_WIDGET (self->scope_group),
                          format != CJM_EXPORT_FORMAT_JSON && format != CJM_EXPORT_FORMAT_CJM);
  gtk_widget_set_visible (GTK_WIDGET (self->stages_row), choosing);
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_row), choosing);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                               options->scope == CJM_EXPORT_SCOPE_SELECTION
                               ? (selection_is_empty (self)
                                  ? _("Nothing is selected on the map")
                                  : format == CJM_EXPORT_FORMAT_CSV
                                  ? _("The cards selected, and those of the stages and lanes "
                                      "selected")
                                  : _("The stages and lanes the selection touches"))
                               : "");

  gtk_widget_set_visible (GTK_WIDGET (self->image_group), image);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), format == CJM_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->page_row), format == CJM_EXPORT_FORMAT_PDF && !slides);

  gtk_widget_set_visible (GTK_WIDGET (self->slides_group), image);
  gtk_widget_set_visible (GTK_WIDGET (self->split_row), slides);
  gtk_widget_set_visible (self->steps_row, slides && options->slides == CJM_EXPORT_SLIDES_BY_STEPS);

  gtk_widget_set_visible (GTK_WIDGET (self->tables_group), format == CJM_EXPORT_FORMAT_CSV);
}

static void
show_message (CjmExportDialog *self,
              const char      *icon_name,
              const char      *title,
              const char      *description)
{
  adw_status_page_set_icon_name (self->preview_message, icon_name);
  adw_status_page_set_title (self->preview_message, title);
  adw_status_page_set_description (self->preview_message, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
  gtk_label_set_label (self->preview_caption, "");
}

static void
update_export_button (CjmExportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 !self->busy && explain_invalid (self) == NULL);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
}

/* Preview */

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  JobResult *job_result = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&job_result, job_result_free);
      return;
    }

  if (job_result == NULL)
    {
      show_message (self, "dialog-warning-symbolic", _("Nothing to Export"), error->message);
      return;
    }

  if (job_result->surface != NULL)
    {
      cairo_surface_t *surface = job_result->surface;
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      int stride = cairo_image_surface_get_stride (surface);
      g_autoptr(GBytes) pixels = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      /* cairo's ARGB32 is GDK's default memory format. */
      cairo_surface_flush (surface);
      pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize)stride * height);
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "image");
    }
  else
    {
      gtk_label_set_label (self->preview_text, job_result->text);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
    }
  gtk_label_set_label (self->preview_caption,
                       job_result->caption != NULL ? job_result->caption : "");

  job_result_free (job_result);
}

static gboolean
preview_cb (gpointer user_data)
{
  CjmExportDialog *self = user_data;
  const char *invalid;

  self->preview_source = 0;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);

  invalid = explain_invalid (self);
  if (invalid != NULL)
    {
      show_message (self, "dialog-information-symbolic", _("Nothing to Export"), invalid);
      return G_SOURCE_REMOVE;
    }

  switch (self->options->format)
    {
    case CJM_EXPORT_FORMAT_JSON:
      show_message (self, "text-x-generic-symbolic", _("Everything in the Map"),
                    _("JSON holds every element and field of the map, for other programs: "
                      "a map exported as JSON opens again without losing anything."));
      return G_SOURCE_REMOVE;

    case CJM_EXPORT_FORMAT_CJM:
      show_message (self, "text-x-generic-symbolic", _("Everything in the Map"),
                    _("A copy of the map as a journey map file, in its normal form."));
      return G_SOURCE_REMOVE;

    case CJM_EXPORT_FORMAT_PNG:
    case CJM_EXPORT_FORMAT_SVG:
    case CJM_EXPORT_FORMAT_PDF:
    case CJM_EXPORT_FORMAT_CSV:
    default:
      break;
    }

  self->preview_cancellable = g_cancellable_new ();
  start_job (self, JOB_PREVIEW, NULL, self->preview_cancellable, preview_done_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
options_changed_cb (CjmExportDialog *self)
{
  if (self->loading)
    return;

  read_options (self);
  update_rows (self);
  update_export_button (self);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
}

/* Settings */

static gboolean
settings_has_key (CjmExportDialog *self,
                  const char      *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;

  g_object_get (self->settings, "settings-schema", &schema, NULL);

  return g_settings_schema_has_key (schema, key);
}

static void
load_settings (CjmExportDialog *self)
{
  g_auto(GStrv) tables = NULL;
  guint scale, dpi, size = 1;

  if (self->settings == NULL)
    return;

  adw_combo_row_set_selected (self->format_row,
                              g_settings_get_enum (self->settings, "export-format"));
  adw_combo_row_set_selected (self->scope_row,
                              g_settings_get_enum (self->settings, "export-scope"));
  adw_combo_row_set_selected (self->background_row,
                              g_settings_get_enum (self->settings, "export-background"));
  adw_combo_row_set_selected (self->page_row, g_settings_get_enum (self->settings, "export-page"));

  scale = g_settings_get_uint (self->settings, "export-scale");
  dpi = g_settings_get_uint (self->settings, "export-dpi");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if ((dpi > 0 && sizes[i].dpi == dpi) || (dpi == 0 && sizes[i].scale == scale))
      size = i;
  adw_combo_row_set_selected (self->scale_row, size);

  gtk_switch_set_active (self->header_switch,
                         g_settings_get_boolean (self->settings, "export-include-header"));
  gtk_switch_set_active (self->personas_switch,
                         g_settings_get_boolean (self->settings, "export-include-personas"));
  gtk_switch_set_active (self->legend_switch,
                         g_settings_get_boolean (self->settings, "export-include-legend"));
  gtk_switch_set_active (self->slides_switch,
                         g_settings_get_boolean (self->settings, "export-slides"));
  adw_combo_row_set_selected (self->split_row,
                              g_settings_get_enum (self->settings, "export-slides-split"));
  gtk_spin_button_set_value (self->steps_spin,
                             g_settings_get_uint (self->settings, "export-slides-steps"));

  tables = g_settings_get_strv (self->settings, "export-csv-tables");
  gtk_check_button_set_active (self->touchpoints_check,
                               g_strv_contains ((const char * const *)tables, table_names[0]));
  gtk_check_button_set_active (self->pain_points_check,
                               g_strv_contains ((const char * const *)tables, table_names[1]));
  gtk_check_button_set_active (self->opportunities_check,
                               g_strv_contains ((const char * const *)tables, table_names[2]));
  if (settings_has_key (self, "export-csv-bom"))
    gtk_switch_set_active (self->bom_switch,
                           g_settings_get_boolean (self->settings, "export-csv-bom"));
}

static void
save_settings (CjmExportDialog *self,
               GFile           *file)
{
  const CjmExportOptions *options = self->options;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_auto(GStrv) tables = NULL;
  guint size = adw_combo_row_get_selected (self->scale_row);

  if (self->settings == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    if (options->tables & (1 << i))
      g_strv_builder_add (builder, table_names[i]);
  tables = g_strv_builder_end (builder);

  g_settings_delay (self->settings);
  g_settings_set_enum (self->settings, "export-format", options->format);
  g_settings_set_enum (self->settings, "export-scope", options->scope);
  g_settings_set_enum (self->settings, "export-background", options->transparent ? 1 : 0);
  g_settings_set_enum (self->settings, "export-page", options->page);
  if (size < G_N_ELEMENTS (sizes))
    {
      if (sizes[size].scale > 0)
        g_settings_set_uint (self->settings, "export-scale", sizes[size].scale);
      g_settings_set_uint (self->settings, "export-dpi", sizes[size].dpi);
    }
  g_settings_set_boolean (self->settings, "export-include-header",
                          (options->bands & CJM_LAYOUT_BAND_HEADER) != 0);
  g_settings_set_boolean (self->settings, "export-include-personas",
                          (options->bands & CJM_LAYOUT_BAND_PERSONAS) != 0);
  g_settings_set_boolean (self->settings, "export-include-legend",
                          (options->bands & CJM_LAYOUT_BAND_LEGEND) != 0);
  g_settings_set_boolean (self->settings, "export-slides",
                          gtk_switch_get_active (self->slides_switch));
  g_settings_set_enum (self->settings, "export-slides-split",
                       adw_combo_row_get_selected (self->split_row));
  g_settings_set_uint (self->settings, "export-slides-steps", options->slide_steps);
  if (tables[0] != NULL)
    g_settings_set_strv (self->settings, "export-csv-tables", (const char * const *)tables);
  if (settings_has_key (self, "export-csv-bom"))
    g_settings_set_boolean (self->settings, "export-csv-bom", options->csv_bom);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "export-folder", uri);
    }
  g_settings_apply (self->settings);
}

/* Success: a toast that opens the folder */

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);

      /* No file manager answers: open the folder with whatever opens folders. */
      gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
    }
}

/* Shows the file in the file manager, selected, if one answers on D-Bus
 * (org.freedesktop.FileManager1); or else opens its folder. */
static void
open_folder_cb (AdwToast *toast,
                GFile    *file)
{
  GApplication *application = g_application_get_default ();
  GDBusConnection *bus = application != NULL ? g_application_get_dbus_connection (application)
                                             : NULL;
  g_autoptr(GVariantBuilder) uris = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  g_autofree char *uri = g_file_get_uri (file);

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      gtk_show_uri (NULL, folder_uri, GDK_CURRENT_TIME);
      return;
    }

  g_variant_builder_add (uris, "s", uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, show_items_cb, g_object_ref (file));
}

static void
announce_success (CjmExportDialog *self,
                  GPtrArray       *files)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  GFile *first;

  if (self->toast_overlay == NULL || files == NULL || files->len == 0)
    return;

  first = g_ptr_array_index (files, 0);
  if (files->len == 1)
    {
      g_autofree char *name = g_file_get_basename (first);

      title = g_strdup_printf (_("Exported “%s”"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file", "Exported %u files",
                                          files->len), files->len);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                         g_object_ref (first), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Exporting */

static void
show_error (CjmExportDialog *self,
            const char      *heading,
            const char      *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (CjmExportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  update_export_button (self);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  JobResult *job_result = g_task_propagate_pointer (G_TASK (result), &error);

  /* The dialog was closed meanwhile: nothing to show. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&job_result, job_result_free);
      return;
    }

  set_busy (self, FALSE);

  if (job_result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export"), error->message);
      return;
    }

  save_settings (self, file);
  announce_success (self, job_result->files);
  job_result_free (job_result);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_now (CjmExportDialog *self,
            GFile           *file)
{
  set_busy (self, TRUE);
  start_job (self, JOB_EXPORT, file, self->export_cancellable, export_done_cb,
             g_object_ref (file));
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CjmExportDialog  *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cjm-file");

  if (g_strcmp0 (response, "replace") == 0)
    export_now (self, file);
  else
    set_busy (self, FALSE);
}

/* The file chooser asked about the file chosen; the others an export
 * writes beside it (slides, tables) are asked about here: nothing is
 * replaced silently. */
static void
files_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  JobResult *job_result = g_task_propagate_pointer (G_TASK (result), &error);
  guint n_existing = 0;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&job_result, job_result_free);
      return;
    }

  if (job_result == NULL)
    {
      set_busy (self, FALSE);
      show_error (self, _("Could Not Export"), error->message);
      return;
    }

  for (guint i = 0; i < job_result->files->len; i++)
    {
      GFile *other = g_ptr_array_index (job_result->files, i);

      if (!g_file_equal (other, file) && g_file_query_exists (other, NULL))
        {
          g_autofree char *name = g_file_get_basename (other);

          if (n_existing < 8)
            g_string_append_printf (names, "\n%s", name);
          else if (n_existing == 8)
            g_string_append (names, "\n…");
          n_existing++;
        }
    }
  job_result_free (job_result);

  if (n_existing == 0)
    {
      export_now (self, file);
      return;
    }

  {
    g_autofree char *heading = NULL;
    g_autofree char *body = NULL;
    AdwMessageDialog *dialog;

    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replace %u File?",
                                            "Replace %u Files?", n_existing), n_existing);
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This file exists in the folder, and the export would "
                                         "replace it:%s",
                                         "These files exist in the folder, and the export would "
                                         "replace them:%s", n_existing), names->str);
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
    adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                      NULL);
    adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_default_response (dialog, "cancel");
    adw_message_dialog_set_close_response (dialog, "cancel");
    g_object_set_data_full (G_OBJECT (dialog), "cjm-file", g_object_ref (file), g_object_unref);
    g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Naming the file */

static char *
dup_suggested_name (CjmExportDialog *self)
{
  g_autofree char *name = cjm_document_dup_display_name (self->document);
  const char *extension = cjm_export_format_get_extension (self->options->format);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name &&
      (g_ascii_strcasecmp (dot, ".cjm") == 0 || g_ascii_strcasecmp (dot, ".json") == 0))
    *dot = '\0';

  return g_strconcat (name, extension, NULL);
}

static GFile *
dup_default_folder (CjmExportDialog *self)
{
  gboolean image = cjm_export_format_is_image (self->options->format);
  const char *path;

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "export-folder");

      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);

          if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) ==
              G_FILE_TYPE_DIRECTORY)
            return g_steal_pointer (&folder);
        }
    }

  path = g_get_user_special_dir (image ? G_USER_DIRECTORY_PICTURES : G_USER_DIRECTORY_DOCUMENTS);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    path = g_get_home_dir ();

  return g_file_new_for_path (path);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     CjmExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  g_clear_object (&self->chooser);

  if (file != NULL)
    cjm_export_dialog_export_to (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = dup_default_folder (self);
  g_autofree char *name = dup_suggested_name (self);
  const char *extension = cjm_export_format_get_extension (self->options->format);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row) != NULL
                                    ? gtk_string_object_get_string (
                                        adw_combo_row_get_selected_item (self->format_row))
                                    : extension);
  gtk_file_filter_add_mime_type (filter, cjm_export_format_get_mime_type (self->options->format));
  gtk_file_filter_add_suffix (filter, extension + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Stages and lanes */

static void
add_checks (CjmExportDialog *self,
            AdwExpanderRow  *expander,
            GListModel      *elements,
            GPtrArray       *checks,
            const char      *untitled)
{
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (elements, i);
      const char *name = CJM_IS_STAGE (element) ? cjm_stage_get_name (CJM_STAGE (element))
                                                : cjm_lane_get_name (CJM_LANE (element));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (name == NULL && CJM_IS_LANE (element))
        name = cjm_labels_get_lane_kind (CJM_LANE (element));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : untitled);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "cjm-id",
                              g_strdup (cjm_element_get_id (element)), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (expander, row);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (options_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (checks, check);
    }
}

/* GObject */

static void
cjm_export_dialog_constructed (GObject *object)
{
  CjmExportDialog *self = (CjmExportDialog *)object;
  CjmMap *map;
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (cjm_export_dialog_parent_class)->constructed (object);

  g_assert (CJM_IS_DOCUMENT (self->document));
  map = cjm_document_get_map (self->document);
  name = cjm_document_dup_display_name (self->document);
  adw_window_title_set_subtitle (self->window_title, name);

  add_checks (self, self->stages_row, cjm_map_get_stages (map), self->stage_checks,
              _("Unnamed stage"));
  add_checks (self, self->lanes_row, cjm_map_get_lanes (map), self->lane_checks,
              _("Unnamed lane"));

  self->loading = TRUE;
  load_settings (self);
  /* The selection remembered, with nothing selected now: the whole map. */
  if (adw_combo_row_get_selected (self->scope_row) == CJM_EXPORT_SCOPE_SELECTION &&
      selection_is_empty (self))
    adw_combo_row_set_selected (self->scope_row, CJM_EXPORT_SCOPE_MAP);
  self->loading = FALSE;

  options_changed_cb (self);
}

static void
cjm_export_dialog_dispose (GObject *object)
{
  CjmExportDialog *self = (CjmExportDialog *)object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (cjm_export_dialog_parent_class)->dispose (object);
}

static void
cjm_export_dialog_finalize (GObject *object)
{
  CjmExportDialog *self = (CjmExportDialog *)object;

  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->toast_overlay);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->options, cjm_export_options_free);
  g_clear_pointer (&self->stage_checks, g_ptr_array_unref);
  g_clear_pointer (&self->lane_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_export_dialog_parent_class)->finalize (object);
}

static void
cjm_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toast_overlay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;

    case PROP_TOAST_OVERLAY:
      self->toast_overlay = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_export_dialog_class_init (CjmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cjm_export_dialog_constructed;
  object_class->dispose = cjm_export_dialog_dispose;
  object_class->finalize = cjm_export_dialog_finalize;
  object_class->get_property = cjm_export_dialog_get_property;
  object_class->set_property = cjm_export_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         CJM_TYPE_SELECTION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/JourneyMapper/cjm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, stages_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, lanes_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, personas_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, slides_group);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, slides_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, split_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, steps_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, steps_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, tables_group);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, touchpoints_check);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, pain_points_check);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, opportunities_check);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview_text);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview_message);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cjm_export_dialog_init (CjmExportDialog *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  self->stage_checks = g_ptr_array_new ();
  self->lane_checks = g_ptr_array_new ();

  /* Running uninstalled, without the schema: nothing is remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "export-format"))
    self->settings = g_settings_new_full (schema, NULL, NULL);

  {
    GObject *combos[] = {
      G_OBJECT (self->format_row), G_OBJECT (self->scope_row), G_OBJECT (self->scale_row),
      G_OBJECT (self->page_row), G_OBJECT (self->background_row), G_OBJECT (self->split_row),
    };
    GObject *toggles[] = {
      G_OBJECT (self->header_switch), G_OBJECT (self->personas_switch),
      G_OBJECT (self->legend_switch), G_OBJECT (self->dark_switch), G_OBJECT (self->slides_switch),
      G_OBJECT (self->bom_switch), G_OBJECT (self->touchpoints_check),
      G_OBJECT (self->pain_points_check), G_OBJECT (self->opportunities_check),
    };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (options_changed_cb),
                               self, G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
      g_signal_connect_object (toggles[i], "notify::active", G_CALLBACK (options_changed_cb),
                               self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->steps_spin, "value-changed", G_CALLBACK (options_changed_cb),
                             self, G_CONNECT_SWAPPED);
  }

  gtk_check_button_set_active (self->touchpoints_check, TRUE);
  gtk_check_button_set_active (self->pain_points_check, TRUE);
  gtk_check_button_set_active (self->opportunities_check, TRUE);
  adw_combo_row_set_selected (self->scale_row, 1);
}

/**
 * cjm_export_dialog_new:
 * @parent: the window the dialog is for
 * @document: the document to export
 * @selection: (nullable): what is selected on the map, for the Selection scope
 * @toast_overlay: (nullable): where to say that the export worked
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
CjmExportDialog *
cjm_export_dialog_new (GtkWindow       *parent,
                       CjmDocument     *document,
                       CjmSelection    *selection,
                       AdwToastOverlay *toast_overlay)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (!selection || CJM_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (!toast_overlay || ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);

  return g_object_new (CJM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       "selection", selection,
                       "toast-overlay", toast_overlay,
                       NULL);
}

CjmDocument *
cjm_export_dialog_get_document (CjmExportDialog *self)
{
  g_return_val_if_fail (CJM_IS_EXPORT_DIALOG (self), NULL);

  return self->document;
}

/**
 * cjm_export_dialog_get_options:
 * @self: a #CjmExportDialog
 *
 * Returns: (transfer none): the options chosen
 */
const CjmExportOptions *
cjm_export_dialog_get_options (CjmExportDialog *self)
{
  g_return_val_if_fail (CJM_IS_EXPORT_DIALOG (self), NULL);

  return self->options;
}

/**
 * cjm_export_dialog_export_to:
 * @self: a #CjmExportDialog
 * @file: the file chosen (the user agreed to replace it)
 *
 * Exports with the options chosen, as the Export button does once a file
 * is chosen: asks before replacing any other file the export writes,
 * reports an error in a dialog, and on success closes the dialog with a
 * toast.
 */
void
cjm_export_dialog_export_to (CjmExportDialog *self,
                             GFile           *file)
{
  g_return_if_fail (CJM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  /* files_listed_cb owns the reference. */
  start_job (self, JOB_LIST_FILES, file, self->export_cancellable, files_listed_cb,
             g_object_ref (file));
}
