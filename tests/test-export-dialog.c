/* test-export-dialog.c: the Export dialog, on a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cjm-core.h"
#include "cjm-export-dialog.h"
#include "cjm-ui-resources.h"

/* Run under Xvfb (tests/meson.build), with the settings in memory: the
 * dialog previews, exports without the file chooser (which the Export
 * button opens before calling cjm_export_dialog_export_to()), asks before
 * replacing the other files of an export, reports errors in a dialog and
 * remembers its choices. */

typedef struct
{
  GtkWidget       *window;
  AdwToastOverlay *overlay;
  CjmDocument     *document;
  CjmSelection    *selection;
  CjmExportDialog *dialog;
  char            *folder;
} Fixture;

static void
run_until (gboolean (*done) (Fixture *fixture),
           Fixture   *fixture)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (done (fixture));
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->dialog), CJM_TYPE_EXPORT_DIALOG, name);
}

static gboolean
previewed (Fixture *fixture)
{
  GtkStack *stack = child (fixture, "preview_stack");
  GtkPicture *picture = child (fixture, "preview_picture");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "image") == 0 &&
         gtk_picture_get_paintable (picture) != NULL;
}

static gboolean
text_previewed (Fixture *fixture)
{
  GtkStack *stack = child (fixture, "preview_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "text") == 0;
}

static gboolean
closed (Fixture *fixture)
{
  return fixture->dialog == NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_shown (Fixture *fixture)
{
  return find_message_dialog () != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = cjm_map_load (file, problems, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_no_error (error);

  /* Every test starts from the schema's defaults. */
  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-slides");
  g_settings_reset (settings, "export-csv-tables");
  g_settings_reset (settings, "export-folder");

  fixture->document = cjm_document_new (map, file);
  fixture->selection = cjm_selection_new ();
  fixture->window = gtk_window_new ();
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->overlay));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->folder = g_dir_make_tmp ("cjm-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->dialog = cjm_export_dialog_new (GTK_WINDOW (fixture->window), fixture->document,
                                           fixture->selection, fixture->overlay);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;
  AdwMessageDialog *message;

  while ((message = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (message));
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->selection);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

  return g_file_new_for_path (path);
}

/* A PNG by default, previewed; exported, the dialog closes and the choices
 * stay for next time. */
static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (fixture, "map.png");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const CjmExportOptions *options = cjm_export_dialog_get_options (fixture->dialog);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (options->format, ==, CJM_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options->theme, ==, CJM_THEME_LIGHT);
  run_until (previewed, fixture);

  /* The selection is empty: that scope cannot be exported. */
  adw_combo_row_set_selected (child (fixture, "scope_row"), CJM_EXPORT_SCOPE_SELECTION);
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "export_button")));
  cjm_selection_select (fixture->selection, "card-pain-jargon");
  adw_combo_row_set_selected (child (fixture, "scope_row"), CJM_EXPORT_SCOPE_MAP);
  adw_combo_row_set_selected (child (fixture, "scope_row"), CJM_EXPORT_SCOPE_SELECTION);
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "export_button")));
  g_assert_cmpstr (options->element_ids[0], ==, "card-pain-jargon");

  gtk_switch_set_active (child (fixture, "legend_switch"), TRUE);
  adw_combo_row_set_selected (child (fixture, "scale_row"), 0);
  g_assert_cmpfloat (options->scale, ==, 1);
  g_assert_true (options->bands & CJM_LAYOUT_BAND_LEGEND);

  cjm_export_dialog_export_to (fixture->dialog, file);
  run_until (closed, fixture);

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_settings_get_boolean (settings, "export-include-legend"));
  g_assert_cmpuint (g_settings_get_uint (settings, "export-scale"), ==, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "export-scope"), ==, CJM_EXPORT_SCOPE_SELECTION);
  {
    g_autofree char *folder = g_settings_get_string (settings, "export-folder");
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *uri = g_file_get_uri (parent);

    g_assert_cmpstr (folder, ==, uri);
  }
}

/* Tables: a text preview; the other files of the export are asked about. */
static void
test_csv_asks_before_replacing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (fixture, "data.csv");
  g_autoptr(GFile) existing = file_in (fixture, "data-pain-points.csv");
  g_autofree char *contents = NULL;
  GtkLabel *text;
  AdwMessageDialog *message;

  g_assert_true (g_file_replace_contents (existing, "old", 3, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  adw_combo_row_set_selected (child (fixture, "format_row"), CJM_EXPORT_FORMAT_CSV);
  run_until (text_previewed, fixture);
  text = child (fixture, "preview_text");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (text), "id,stage,step,"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "image_group")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "tables_group")));

  cjm_export_dialog_export_to (fixture->dialog, file);
  run_until (message_shown, fixture);
  message = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "data-pain-points.csv"));
  g_assert_true (g_file_load_contents (existing, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  adw_message_dialog_response (message, "replace");
  run_until (closed, fixture);
  g_assert_true (g_file_load_contents (existing, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,stage,step,"));
}

/* Slides: the preview is the first slide, and says how many there are. */
static void
test_slides_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkLabel *caption = child (fixture, "preview_caption");

  run_until (previewed, fixture);
  gtk_switch_set_active (child (fixture, "slides_switch"), TRUE);
  g_assert_cmpint (cjm_export_dialog_get_options (fixture->dialog)->slides, ==,
                   CJM_EXPORT_SLIDES_BY_STAGE);
  g_assert_true (gtk_widget_get_visible (child (fixture, "split_row")));
  while (!g_str_has_prefix (gtk_label_get_label (caption), "Slide 1 of "))
    g_main_context_iteration (NULL, TRUE);
}

/* An error is reported in a dialog, and the Export dialog stays. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (fixture, "missing-folder/map.pdf");
  AdwMessageDialog *message;

  adw_combo_row_set_selected (child (fixture, "format_row"), CJM_EXPORT_FORMAT_PDF);
  cjm_export_dialog_export_to (fixture->dialog, file);
  run_until (message_shown, fixture);
  message = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export");
  g_assert_nonnull (fixture->dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The resources live in a static library: registered by hand, as the app does. */
  g_resources_register (cjm_ui_get_resource ());

#define ADD(path, func) \
  g_test_add ("/Cjm/ExportDialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("png", test_png);
  ADD ("csv-asks-before-replacing", test_csv_asks_before_replacing);
  ADD ("slides-preview", test_slides_preview);
  ADD ("error", test_error);

  return g_test_run ();
}
