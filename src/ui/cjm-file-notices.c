/* cjm-file-notices.c: what the window says about its file
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-file-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-conflict-dialog.h"
#include "cjm-file-notices.h"

/* Follows the document a window shows and tells, in a bar above the map:
 * that it is open read-only, that someone else edits it too, that someone
 * else changed or deleted its file (with Reload, Merge…, Save Again, Save
 * As…). A reload made by itself shows a toast whose Undo takes it back.
 * Also gives each document the autosave interval of the settings, and
 * looks at the file again when the window gets the focus back. */

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_MERGE,
  RESPONSE_SAVE_AGAIN,
  RESPONSE_SAVE_AS,
};

struct _CjmFileNotices
{
  GObject       parent_instance;

  CjmWindow    *window;      /* weak */
  CjmDocument  *document;    /* weak */
  GSignalGroup *document_signals;
  GSettings    *settings;

  GtkInfoBar   *bar;
  GtkLabel     *label;
  GtkWidget    *reload_button;
  GtkWidget    *merge_button;
  GtkWidget    *save_again_button;
  GtkWidget    *save_as_button;
};

G_DEFINE_FINAL_TYPE (CjmFileNotices, cjm_file_notices, G_TYPE_OBJECT)

static void
update_bar (CjmFileNotices *self)
{
  CjmDocument *document = self->document;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *who = NULL;
  const CjmLockInfo *owner;
  GtkMessageType type = GTK_MESSAGE_INFO;
  gboolean reload = FALSE, merge = FALSE, save_again = FALSE, save_as = FALSE;

  if (document == NULL)
    {
      gtk_info_bar_set_revealed (self->bar, FALSE);
      return;
    }

  name = cjm_document_dup_display_name (document);
  owner = cjm_document_get_lock_owner (document);
  if (owner != NULL)
    who = cjm_lock_info_dup_message (owner);

  if (cjm_document_get_deleted_on_disk (document))
    {
      type = GTK_MESSAGE_WARNING;
      text = g_strdup_printf (_("“%s” was deleted or moved by someone else. Your version is still here."),
                              name);
      save_again = save_as = TRUE;
    }
  else if (cjm_document_get_changed_on_disk (document))
    {
      type = GTK_MESSAGE_WARNING;
      text = g_strdup_printf (_("“%s” was changed by someone else while you have unsaved changes."),
                              name);
      reload = merge = TRUE;
    }
  else if (cjm_document_get_read_only (document))
    {
      if (who != NULL)
        /* Translators: the first %s is “Being edited by NAME on HOST since TIME” */
        text = g_strdup_printf (_("%s. Opened read-only: your changes cannot be saved over “%s”."),
                                who, name);
      else
        text = g_strdup_printf (_("Opened read-only: your changes cannot be saved over “%s”."), name);
      save_as = TRUE;
    }
  else if (who != NULL)
    {
      /* Translators: %s is “Being edited by NAME on HOST since TIME” */
      text = g_strdup_printf (_("%s. You are editing it too: if you both save, the second to save can merge the changes."),
                              who);
    }

  gtk_widget_set_visible (self->reload_button, reload);
  gtk_widget_set_visible (self->merge_button, merge);
  gtk_widget_set_visible (self->save_again_button, save_again);
  gtk_widget_set_visible (self->save_as_button, save_as);

  if (text != NULL)
    {
      gtk_info_bar_set_message_type (self->bar, type);
      gtk_label_set_text (self->label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->bar), text != NULL);
  gtk_info_bar_set_revealed (self->bar, text != NULL);
}

static void
reloaded_cb (CjmFileNotices *self,
             CjmDocument    *document)
{
  g_autofree char *name = cjm_document_dup_display_name (document);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->window == NULL)
    return;

  title = g_strdup_printf (_("“%s” was changed by someone else: reloaded"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  /* Shown at once, whatever toast was there: the map changed under the user. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cjm_window_add_toast (self->window, toast);
}

static void
bar_response_cb (CjmFileNotices *self,
                 int             response,
                 GtkInfoBar     *bar)
{
  if (self->window == NULL || self->document == NULL)
    return;

  switch (response)
    {
    case RESPONSE_RELOAD:
      cjm_file_reload (self->window, self->document);
      break;

    case RESPONSE_MERGE:
      cjm_file_merge (self->window, self->document, FALSE);
      break;

    case RESPONSE_SAVE_AGAIN:
      cjm_file_overwrite (self->window, self->document);
      break;

    case RESPONSE_SAVE_AS:
      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.save-as", NULL);
      break;

    case GTK_RESPONSE_CLOSE:
      gtk_info_bar_set_revealed (bar, FALSE);
      break;

    default:
      break;
    }
}

static void
window_notify_document_cb (CjmFileNotices *self)
{
  CjmDocument *document = self->window ? cjm_window_get_document (self->window) : NULL;

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_settings_unbind (self->document, "autosave-interval");

  g_set_weak_pointer (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);

  if (document != NULL)
    g_settings_bind (self->settings, "autosave-interval", document, "autosave-interval",
                     G_SETTINGS_BIND_GET);

  update_bar (self);
}

static void
window_notify_is_active_cb (CjmFileNotices *self)
{
  /* Back from another app: maybe from saving the map in it. */
  if (self->window != NULL && self->document != NULL &&
      gtk_window_is_active (GTK_WINDOW (self->window)))
    cjm_document_check_disk (self->document);
}

static void
cjm_file_notices_dispose (GObject *object)
{
  CjmFileNotices *self = (CjmFileNotices *)object;

  if (self->document != NULL)
    g_settings_unbind (self->document, "autosave-interval");

  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->document);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cjm_file_notices_parent_class)->dispose (object);
}

static void
cjm_file_notices_class_init (CjmFileNoticesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_file_notices_dispose;
}

static void
cjm_file_notices_init (CjmFileNotices *self)
{
  self->settings = g_settings_new (APP_ID);

  self->document_signals = g_signal_group_new (CJM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::changed-on-disk",
                                 G_CALLBACK (update_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::deleted-on-disk",
                                 G_CALLBACK (update_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (update_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::lock-held",
                                 G_CALLBACK (update_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (update_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "reloaded",
                                 G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cjm_file_notices_attach:
 * @window: a window
 * @box: where the bar goes, first
 *
 * Makes @window tell what happens to the file of the document it shows,
 * for as long as it lives.
 */
void
cjm_file_notices_attach (CjmWindow *window,
                         GtkBox    *box)
{
  CjmFileNotices *self;

  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_BOX (box));

  self = g_object_new (CJM_TYPE_FILE_NOTICES, NULL);
  g_set_weak_pointer (&self->window, window);

  self->bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_show_close_button (self->bar, TRUE);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_info_bar_add_child (self->bar, GTK_WIDGET (self->label));
  self->reload_button = gtk_info_bar_add_button (self->bar, _("_Reload"), RESPONSE_RELOAD);
  self->merge_button = gtk_info_bar_add_button (self->bar, _("_Merge…"), RESPONSE_MERGE);
  self->save_again_button = gtk_info_bar_add_button (self->bar, _("_Save Again"), RESPONSE_SAVE_AGAIN);
  self->save_as_button = gtk_info_bar_add_button (self->bar, _("Save _As…"), RESPONSE_SAVE_AS);
  gtk_widget_set_visible (GTK_WIDGET (self->bar), FALSE);
  g_signal_connect_object (self->bar, "response", G_CALLBACK (bar_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_prepend (box, GTK_WIDGET (self->bar));

  g_signal_connect_object (window, "notify::document", G_CALLBACK (window_notify_document_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_notify_is_active_cb),
                           self, G_CONNECT_SWAPPED);

  g_object_set_data_full (G_OBJECT (window), "cjm-file-notices", self, g_object_unref);
  window_notify_document_cb (self);
}
