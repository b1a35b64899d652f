/* cjm-recovery-dialog.c: offering back the work a crash left unsaved
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-recovery-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-recovery-dialog.h"

/* At the first start after a crash or a power cut: lists the maps whose
 * unsaved work is in recovery files (untitled ones too), each checked.
 * Restore reopens the checked ones, unsaved, each in its window; Not Now
 * keeps them all for the next start; Discard deletes them all. Nothing is
 * deleted the user did not see and choose to delete. */

typedef struct
{
  CjmWindow *window;
  GPtrArray *entries;   /* of CjmRecoveryEntry */
  GPtrArray *checks;    /* of GtkCheckButton, borrowed */
} Recovery;

static void
recovery_free (Recovery *recovery)
{
  g_clear_object (&recovery->window);
  g_clear_pointer (&recovery->entries, g_ptr_array_unref);
  g_clear_pointer (&recovery->checks, g_ptr_array_unref);
  g_free (recovery);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CjmWindow) window = user_data;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmWindow *target = window;

  document = cjm_document_load_finish (result, NULL, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                                      _("The Work Could Not Be Restored"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  /* The first in the window that asked, if it shows nothing; the others
   * each in a window of its own. */
  if (!cjm_window_is_blank (window))
    target = cjm_window_new (CJM_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));

  cjm_window_set_document (target, document);
  gtk_window_present (GTK_WINDOW (target));
  cjm_window_show_toast (target, _("Unsaved work restored: save it to keep it"));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Recovery         *recovery)
{
  for (guint i = 0; i < recovery->entries->len; i++)
    {
      CjmRecoveryEntry *entry = g_ptr_array_index (recovery->entries, i);
      gboolean checked = gtk_check_button_get_active (g_ptr_array_index (recovery->checks, i));
      g_autoptr(GError) error = NULL;

      if (g_str_equal (response, "discard"))
        {
          if (!cjm_recovery_entry_discard (entry, &error))
            g_warning ("Recovered work could not be discarded: %s", error->message);
        }
      else if (g_str_equal (response, "restore") && checked)
        {
          /* The user asked for their work: even if someone edits the file,
           * it opens (saving will tell, and merge). */
          cjm_document_restore_async (entry, CJM_OPEN_FLAGS_IGNORE_LOCK, NULL, restore_cb,
                                      g_object_ref (recovery->window));
        }
    }
}

static GtkWidget *
entry_row (CjmRecoveryEntry *entry,
           GtkWidget        *check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->modified);
  /* Translators: when the unsaved work was last written, see strftime */
  g_autofree char *when = g_date_time_format (local, _("%x %H:%M"));
  g_autofree char *subtitle = NULL;
  g_autofree char *where = NULL;

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      where = parent ? g_file_get_parse_name (parent) : g_strdup (entry->uri);
      /* Translators: the folder of the map, then when its work was last written */
      subtitle = g_strdup_printf (_("In %s, unsaved work of %s"), where, when);
    }
  else
    {
      /* Translators: when the work on a map never saved was last written */
      subtitle = g_strdup_printf (_("Never saved, work of %s"), when);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 entry->title && entry->title[0] ? entry->title : entry->display_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/**
 * cjm_recovery_dialog_present_if_needed:
 * @window: the first window of the app
 *
 * If a crash left unsaved work, asks whether to restore it. Only asks once
 * per run of the app.
 */
void
cjm_recovery_dialog_present_if_needed (CjmWindow *window)
{
  static gboolean asked;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  Recovery *recovery;

  g_return_if_fail (CJM_IS_WINDOW (window));

  if (asked)
    return;
  asked = TRUE;

  entries = cjm_recovery_list (NULL, &error);
  if (entries == NULL)
    {
      g_warning ("Could not look for unsaved work to recover: %s", error->message);
      return;
    }

  if (entries->len == 0)
    return;

  recovery = g_new0 (Recovery, 1);
  recovery->window = g_object_ref (window);
  recovery->entries = g_ptr_array_ref (entries);
  recovery->checks = g_ptr_array_new ();

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      g_ptr_array_add (recovery->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (list), entry_row (g_ptr_array_index (entries, i), check));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       ngettext ("Restore Unsaved Work?",
                                                                 "Restore Unsaved Work?",
                                                                 entries->len),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               ngettext ("Journey Mapper stopped before this map was saved. Its unsaved work was kept.",
                                         "Journey Mapper stopped before these maps were saved. Their unsaved work was kept.",
                                         entries->len));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard All"),
                                    "later", _("_Not Now"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb),
                         recovery, (GClosureNotify)recovery_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}
