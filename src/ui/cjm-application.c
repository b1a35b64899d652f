/* cjm-application.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cjm-application.h"
#include "cjm-benchmark.h"
#include "cjm-icons-resources.h"
#include "cjm-preferences-window.h"
#include "cjm-recovery-dialog.h"
#include "cjm-ui-resources.h"
#include "cjm-window.h"

struct _CjmApplication
{
  AdwApplication parent_instance;

  GSettings *settings;

  /* --benchmark-frames N: measure N frames of the canvas, then quit. */
  int        benchmark_frames;
  gint64     started_at;
};

G_DEFINE_FINAL_TYPE (CjmApplication, cjm_application, ADW_TYPE_APPLICATION)

static CjmWindow *
find_window_for_file (CjmApplication *self,
                      GFile          *file)
{
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    {
      if (CJM_IS_WINDOW (iter->data) && cjm_window_is_showing_file (iter->data, file))
        return iter->data;
    }

  return NULL;
}

/* When the process started, in monotonic time: the benchmark counts the
 * time to a drawn window from there. */
static gint64
process_started_at (void)
{
  g_autofree char *stat = NULL;
  unsigned long long start_ticks = 0;
  const char *end;
  struct timespec boot;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (end = strrchr (stat, ')')) == NULL ||
      sscanf (end + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1 ||
      clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return g_get_monotonic_time ();

  /* Boot time and monotonic time differ by the time spent suspended. */
  return g_get_monotonic_time () -
         ((gint64)boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000 -
          (gint64)(start_ticks * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK)));
}

static void
start_benchmark (CjmApplication *self,
                 CjmWindow      *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cjm_benchmark_run (window, self->benchmark_frames, self->started_at);
}

static int
cjm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CjmApplication *self = CJM_APPLICATION (app);

  if (g_variant_dict_lookup (options, "benchmark-frames", "i", &self->benchmark_frames) &&
      self->benchmark_frames > 0)
    {
      /* A run of its own, never handed to a running instance. */
      self->started_at = process_started_at ();
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
cjm_application_activate (GApplication *app)
{
  CjmApplication *self = CJM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->benchmark_frames > 0 && window == NULL)
    {
      g_autoptr(GBytes) bytes = cjm_benchmark_generate_map (1000);
      g_autoptr(CjmMap) map = cjm_map_read_bytes (bytes, "benchmark.cjm", NULL, NULL);
      g_autoptr(CjmDocument) document = cjm_document_new (map, NULL);

      window = GTK_WINDOW (cjm_window_new (self));
      start_benchmark (self, CJM_WINDOW (window));
      cjm_window_set_document (CJM_WINDOW (window), document);
      gtk_window_present (window);
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (cjm_window_new (CJM_APPLICATION (app)));
      /* A new map starts from the blank template: stages and lanes to fill. */
      if (!cjm_window_new_map (CJM_WINDOW (window), "blank"))
        cjm_window_set_document (CJM_WINDOW (window), NULL);
    }

  gtk_window_present (window);

  /* After a crash: offer the unsaved work back. */
  if (CJM_IS_WINDOW (window))
    cjm_recovery_dialog_present_if_needed (CJM_WINDOW (window));
}

static void
cjm_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CjmApplication *self = CJM_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      CjmWindow *window = find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          window = cjm_window_new (self);
          if (self->benchmark_frames > 0 && i == 0)
            start_benchmark (self, window);
          cjm_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));

      if (i == 0 && self->benchmark_frames == 0)
        cjm_recovery_dialog_present_if_needed (window);
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CjmApplication *self = user_data;
  CjmWindow *window = cjm_window_new (self);

  if (!cjm_window_new_map (window, "blank"))
    cjm_window_set_document (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CjmApplication *self = user_data;
  static const char *developers[] = { "The Journey Mapper authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Journey Mapper"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Journey Mapper authors"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Journey Mapper authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Build customer journey maps: personas, stages, touchpoints, emotions, pain points and opportunities"),
                         "translator-credits", _("translator-credits"),
                         "website", "https://example.org/journey-mapper",
                         "issue-url", "https://example.org/journey-mapper/issues",
                         "support-url", "https://example.org/journey-mapper/help",
                         "release-notes-version", "0.1.0",
                         /* Keep in step with the release in
                          * data/org.example.JourneyMapper.metainfo.xml.in.in */
                         "release-notes", _("<p>The first release.</p>"
                                            "<ul>"
                                            "<li>Personas, stages, steps, lanes and cards, edited by drag and drop on the map</li>"
                                            "<li>The emotion curve of each persona, with its moments that matter</li>"
                                            "<li>Pain points and opportunities, with their evidence and an impact/effort view</li>"
                                            "<li>Export to PNG, SVG, PDF, slides, CSV and JSON</li>"
                                            "<li>Safe saving, locks and autosave for maps on network drives</li>"
                                            "<li>Templates to start from, and a French translation</li>"
                                            "</ul>"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CjmApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes, and closes when the
   * user has answered; the application ends with the last one. */
  for (GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (iter->data);
}

/* Preferences and help: the Preferences window edits the app's settings;
 * help opens the Mallard pages of help/ in the help browser (Yelp). */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CjmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CjmPreferencesWindow *preferences = cjm_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CjmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri (parent, "help:" APP_ID, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
};

static void
cjm_application_startup (GApplication *app)
{
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  CjmApplication *self = CJM_APPLICATION (app);

  G_APPLICATION_CLASS (cjm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });

  /* The style (follow the system, light, dark) is a setting. */
  self->settings = g_settings_new (APP_ID);
  cjm_preferences_follow_style (self->settings);
}

static void
cjm_application_dispose (GObject *object)
{
  CjmApplication *self = (CjmApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cjm_application_parent_class)->dispose (object);
}

static void
cjm_application_class_init (CjmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cjm_application_dispose;

  app_class->activate = cjm_application_activate;
  app_class->handle_local_options = cjm_application_handle_local_options;
  app_class->open = cjm_application_open;
  app_class->startup = cjm_application_startup;

  /* The resources live in a static library: registering them by hand keeps
   * the linker from dropping them as unreferenced. */
  g_resources_register (cjm_ui_get_resource ());
  /* The lane, channel and card icons (data/icons/). */
  cjm_icons_register_resource ();
}

static void
cjm_application_init (CjmApplication *self)
{
  static const GOptionEntry entries[] = {
    { "benchmark-frames", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Time N frames of panning, zooming and dragging on FILE (or on a generated map of 1,000 touchpoints), print the figures and quit"),
      N_("N") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

CjmApplication *
cjm_application_new (void)
{
  return g_object_new (CJM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/JourneyMapper",
                       NULL);
}
