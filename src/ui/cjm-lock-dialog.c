/* cjm-lock-dialog.c: someone else is editing the map being opened
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-lock-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-lock-dialog.h"

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             CjmWindow        *window)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cjm-file");

  if (g_str_equal (response, "read-only"))
    cjm_window_open_file_full (window, file, CJM_OPEN_FLAGS_READ_ONLY);
  else if (g_str_equal (response, "anyway"))
    cjm_window_open_file_full (window, file, CJM_OPEN_FLAGS_IGNORE_LOCK);
  else
    /* Back to what the window showed: it was blank. */
    cjm_window_set_document (window, NULL);
}

/**
 * cjm_lock_dialog_present:
 * @window: the window the map was being opened in
 * @file: the map
 * @message: who edits it: "Being edited by NAME on HOST since TIME"
 *
 * Offers to open the map read-only, or anyway (for editing: changes saved
 * by either are still noticed by the other, and merged).
 */
void
cjm_lock_dialog_present (CjmWindow  *window,
                         GFile      *file,
                         const char *message)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Map Is Being Edited"), NULL));
  /* Translators: the first %s says who edits it, the second is the file */
  adw_message_dialog_format_body (dialog,
                                  _("%s.\n\nOpen “%s” read-only to look at it, or open it anyway to edit it too: if you both save, the second to save is told and can merge the changes."),
                                  message, name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "anyway", _("Open _Anyway"),
                                    "read-only", _("Open _Read-Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "read-only");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cjm-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), window, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}
