/* test-french.c: the app in French
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under LC_ALL=fr_FR.UTF-8 with the translations of the build tree
 * (CJM_LOCALEDIR), under Xvfb (tests/desktop/meson.build). Checks that the
 * core's words, the templates, the window, its menus and the Preferences
 * and About windows are French, that dates and numbers follow the locale,
 * and takes screenshots of the windows into CJM_SCREENSHOT_DIR to look at.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cjm-application.h"
#include "cjm-core.h"
#include "cjm-preferences-window.h"
#include "cjm-template.h"
#include "cjm-window.h"

static CjmApplication *app;

/* The translation of @msgid in the app's catalog, which must exist. */
static const char *
french (const char *context,
        const char *msgid)
{
  const char *translated;

  if (context != NULL)
    translated = g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  else
    translated = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (g_strcmp0 (translated, msgid) == 0)
    g_error ("“%s” has no French translation in %s", msgid, g_getenv ("CJM_LOCALEDIR"));

  return translated;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets GTK map, lay out and draw for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);

  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", path);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

/* The label of the menu item activating @action, in @model or its
 * sections and submenus, or NULL. */
static char *
menu_label_for_action (GMenuModel *model,
                       const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);
          char *found = menu_label_for_action (link, action);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static void
test_core_labels (void)
{
  /* The glossary's words (/work/shared/GLOSSARY.md), written out. */
  g_assert_cmpstr (cjm_lane_kind_get_label (CJM_LANE_KIND_EMOTION), ==, "Courbe des émotions");
  g_assert_cmpstr (cjm_lane_kind_get_label (CJM_LANE_KIND_PAIN_POINTS), ==, "Points de friction");
  g_assert_cmpstr (cjm_lane_kind_get_label (CJM_LANE_KIND_BACKSTAGE), ==, "Coulisses");
  g_assert_cmpstr (cjm_channel_get_label (CJM_CHANNEL_WEBSITE), ==, "Site web");
  g_assert_cmpstr (cjm_channel_get_label (CJM_CHANNEL_STORE), ==, "Point de vente");
  g_assert_cmpstr (cjm_channel_get_label (CJM_CHANNEL_CALL_CENTRE), ==, "Centre d’appels");
  g_assert_cmpstr (cjm_card_kind_get_label (CJM_CARD_KIND_TOUCHPOINT), ==, "Point de contact");
  g_assert_cmpstr (cjm_card_kind_get_label (CJM_CARD_KIND_PAIN_POINT), ==, "Point de friction");
  g_assert_cmpstr (cjm_card_kind_get_label (CJM_CARD_KIND_OPPORTUNITY), ==, "Opportunité");
  g_assert_cmpstr (cjm_presence_get_label (CJM_PRESENCE_OFFLINE), ==, "Hors ligne");
  g_assert_cmpstr (cjm_direction_get_label (CJM_DIRECTION_INBOUND), ==, "Entrant");
  g_assert_cmpstr (cjm_department_get_label (CJM_DEPARTMENT_AFTER_SALES), ==, "Après-vente");
  g_assert_cmpstr (cjm_pain_category_get_label (CJM_PAIN_CATEGORY_FINANCIAL), ==, "Financier");
  g_assert_cmpstr (cjm_pain_category_get_label (CJM_PAIN_CATEGORY_PROCESS), ==, "Processus");
  g_assert_cmpstr (cjm_evidence_kind_get_label (CJM_EVIDENCE_KIND_INTERVIEW), ==, "Entretien");
  g_assert_cmpstr (cjm_opportunity_status_get_label (CJM_OPPORTUNITY_STATUS_PLANNED), ==, "Prévue");
  g_assert_cmpstr (cjm_opportunity_status_get_label (CJM_OPPORTUNITY_STATUS_DONE), ==, "Réalisée");

  /* The emotion scale, −3 to +3. */
  g_assert_cmpstr (cjm_emotion_score_get_label (3), ==, "Enchanté");
  g_assert_cmpstr (cjm_emotion_score_get_label (2), ==, "Heureux");
  g_assert_cmpstr (cjm_emotion_score_get_label (1), ==, "Satisfait");
  g_assert_cmpstr (cjm_emotion_score_get_label (0), ==, "Neutre");
  g_assert_cmpstr (cjm_emotion_score_get_label (-1), ==, "Agacé");
  g_assert_cmpstr (cjm_emotion_score_get_label (-2), ==, "Déçu");
  g_assert_cmpstr (cjm_emotion_score_get_label (-3), ==, "Frustré");
}

static void
test_dates_and_numbers (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 24, 14, 30, 0);
  g_autofree char *short_date = g_date_time_format (date, "%x");
  g_autofree char *long_date = g_date_time_format (date, "%A %e %B %Y");
  g_autofree char *time = g_date_time_format (date, "%X");
  g_autofree char *decimal = g_strdup_printf ("%.1f", 2.5);
  g_autofree char *grouped = g_strdup_printf ("%'d", 12345);

  g_assert_cmpstr (short_date, ==, "24/11/2026");
  g_assert_cmpstr (long_date, ==, "mardi 24 novembre 2026");
  g_assert_cmpstr (time, ==, "14:30:00");
  g_assert_cmpstr (decimal, ==, "2,5");
  /* Thousands are grouped with a (narrow) no-break space, not a comma. */
  g_assert_true (g_str_has_prefix (grouped, "12") && g_str_has_suffix (grouped, "345"));
  g_assert_null (strchr (grouped, ','));
  g_assert_cmpstr (grouped, !=, "12345");
}

static void
test_templates (void)
{
  g_autoptr(GListModel) templates = cjm_template_list_all ();
  g_autoptr(CjmTemplate) blank = cjm_template_lookup ("blank");
  g_autoptr(CjmTemplate) shoes = cjm_template_lookup ("running-shoes");
  g_autoptr(CjmMap) blank_map = NULL;
  g_autoptr(CjmMap) shoes_map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmStage) first_stage = NULL;
  g_autoptr(CjmLane) first_lane = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 5);
  g_assert_nonnull (blank);
  g_assert_cmpstr (cjm_template_get_title (blank), ==, "Carte vierge");

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CjmTemplate) template = g_list_model_get_item (templates, i);
      g_autoptr(CjmMap) map = cjm_template_instantiate (template, &error);

      g_assert_no_error (error);
      g_assert_nonnull (map);
      g_assert_cmpstr (cjm_template_get_description (template), !=, "");
      /* Translated: the catalog has the title, the description, and the
       * map's texts (nothing left to translate once instantiated). */
      g_assert_cmpuint (cjm_map_translate_texts (map, GETTEXT_PACKAGE), ==, 0);
    }

  blank_map = cjm_template_instantiate (blank, &error);
  g_assert_no_error (error);
  first_stage = g_list_model_get_item (cjm_map_get_stages (blank_map), 0);
  first_lane = g_list_model_get_item (cjm_map_get_lanes (blank_map), 0);
  g_assert_cmpstr (cjm_stage_get_name (first_stage), ==, "Réflexion");
  g_assert_cmpstr (cjm_lane_get_name (first_lane), ==, "Actions");

  shoes_map = cjm_template_instantiate (shoes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_map_get_title (shoes_map), ==,
                   french (NULL, "Buying a first pair of running shoes"));
}

static CjmWindow *
new_window_with_template (const char *id)
{
  g_autoptr(CjmTemplate) template = cjm_template_lookup (id);
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmWindow *window;

  map = cjm_template_instantiate (template, &error);
  g_assert_no_error (error);
  document = cjm_document_new (map, NULL);

  window = cjm_window_new (app);
  cjm_window_set_document (window, document);

  return window;
}

static void
test_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CjmWindow *window;
  GtkWidget *menu_button = NULL;
  g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
  AdwWindowTitle *title;
  AdwSplitButton *open_button;
  g_autofree char *preferences = NULL;
  g_autofree char *help = NULL;
  g_autofree char *about = NULL;
  g_autofree char *save_as = NULL;
  int width, height;

  /* The size of the last window closed is restored. */
  g_settings_set_int (settings, "window-width", 1100);
  g_settings_set_int (settings, "window-height", 700);

  window = new_window_with_template ("running-shoes");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (window));
  run_for (1500);

  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, french (NULL, "Not saved yet"));

  open_button = ADW_SPLIT_BUTTON (find_widget (GTK_WIDGET (window), ADW_TYPE_SPLIT_BUTTON));
  g_assert_cmpstr (adw_split_button_get_label (open_button), ==, french (NULL, "_Open"));
  g_assert_cmpstr (adw_split_button_get_label (open_button), ==, "_Ouvrir");

  /* The primary menu. */
  collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, menu_buttons);
  for (guint i = 0; i < menu_buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (menu_buttons, i);
      GMenuModel *model = gtk_menu_button_get_menu_model (button);
      g_autofree char *label = model ? menu_label_for_action (model, "app.preferences") : NULL;

      if (label != NULL)
        menu_button = GTK_WIDGET (button);
    }
  g_assert_nonnull (menu_button);
  preferences = menu_label_for_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "app.preferences");
  help = menu_label_for_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "app.help");
  about = menu_label_for_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "app.about");
  save_as = menu_label_for_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.save-as");
  g_assert_cmpstr (preferences, ==, "_Préférences");
  g_assert_cmpstr (help, ==, "_Aide");
  g_assert_cmpstr (about, ==, french (NULL, "_About Journey Mapper"));
  g_assert_cmpstr (save_as, ==, french (NULL, "Save _As…"));

  screenshot ("window-fr.png");

  /* The primary menu, open. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  run_for (800);
  screenshot ("menu-fr.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  run_for (300);

  /* Closing saves the size for the next window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  gtk_window_close (GTK_WINDOW (window));
  run_for (300);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 680);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CjmWindow *window = new_window_with_template ("e-commerce");
  CjmPreferencesWindow *preferences;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  AdwPreferencesPage *page;
  AdwComboRow *style_row = NULL;
  AdwComboRow *scale_row = NULL;
  GtkStringList *styles;

  gtk_window_present (GTK_WINDOW (window));
  run_for (500);

  /* Through the action, as the menu and Ctrl+comma do. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  run_for (800);

  preferences = NULL;
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *iter = toplevels; iter != NULL; iter = iter->next)
      if (CJM_IS_PREFERENCES_WINDOW (iter->data))
        preferences = iter->data;
  }
  g_assert_nonnull (preferences);

  page = ADW_PREFERENCES_PAGE (find_widget (GTK_WIDGET (preferences), ADW_TYPE_PREFERENCES_PAGE));
  g_assert_cmpstr (adw_preferences_page_get_title (page), ==, french (NULL, "General"));

  collect_widgets (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (rows, i);
      const char *row_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      /* "Style" is the same word in French. */
      if (g_str_equal (row_title, g_dgettext (GETTEXT_PACKAGE, "_Style")))
        style_row = row;
      else if (g_str_equal (row_title, french (NULL, "Default Image _Scale")))
        scale_row = row;
    }
  g_assert_nonnull (style_row);
  g_assert_nonnull (scale_row);

  styles = GTK_STRING_LIST (adw_combo_row_get_model (style_row));
  g_assert_cmpstr (gtk_string_list_get_string (styles, 0), ==, "Suivre le système");
  g_assert_cmpstr (gtk_string_list_get_string (styles, 1), ==, french ("style", "Light"));
  g_assert_cmpstr (gtk_string_list_get_string (styles, 2), ==, french ("style", "Dark"));

  /* Bound to the settings, both ways. */
  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  run_for (800);
  screenshot ("preferences-dark-fr.png");

  adw_combo_row_set_selected (style_row, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "style-variant"), ==, "follow");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  adw_combo_row_set_selected (scale_row, 2);
  g_assert_cmpuint (g_settings_get_uint (settings, "export-scale"), ==, 3);

  collect_widgets (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 0)), ==,
                     g_settings_get_uint (settings, "autosave-interval"));
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 30);

  run_for (500);
  screenshot ("preferences-fr.png");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The About window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  run_for (800);
  {
    AdwAboutWindow *about = NULL;
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *iter = toplevels; iter != NULL; iter = iter->next)
      if (ADW_IS_ABOUT_WINDOW (iter->data))
        about = iter->data;
    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_comments (about), ==,
                     french (NULL, "Build customer journey maps: personas, stages, touchpoints, emotions, pain points and opportunities"));
    g_assert_nonnull (adw_about_window_get_release_notes (about));
    g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));
    g_assert_cmpstr (adw_about_window_get_website (about), !=, "");
    g_assert_cmpstr (adw_about_window_get_issue_url (about), !=, "");
    screenshot ("about-fr.png");
    gtk_window_destroy (GTK_WINDOW (about));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (200);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CJM_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  int status;

  if (setlocale (LC_ALL, "") == NULL || !g_str_has_prefix (setlocale (LC_ALL, NULL), "fr_FR"))
    {
      g_print ("Bail out! The fr_FR.UTF-8 locale is missing (LC_ALL=%s): "
               "run build-aux/install-deps --test\n", g_getenv ("LC_ALL"));
      return 1;
    }
  if (localedir == NULL)
    {
      g_print ("Bail out! CJM_LOCALEDIR is not set: run this from meson test\n");
      return 1;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* gtk_test_init() sets the locale to en_US.UTF-8 for reproducible tests:
   * this test is about the user's locale, so it sets it back. */
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();

  app = cjm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/Cjm/French/core-labels", test_core_labels);
  g_test_add_func ("/Cjm/French/dates-and-numbers", test_dates_and_numbers);
  g_test_add_func ("/Cjm/French/templates", test_templates);
  g_test_add_func ("/Cjm/French/window", test_window);
  g_test_add_func ("/Cjm/French/preferences-and-about", test_preferences);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
