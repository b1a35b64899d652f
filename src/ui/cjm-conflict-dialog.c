/* cjm-conflict-dialog.c: someone else saved the map: what now?
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-conflict-dialog.h"
#include "cjm-merge-dialog.h"

/* Shown when a save is refused because someone else saved the file since
 * it was read (or deleted it), or when the user asks what to do about a
 * change the window's bar tells of. Four ways out, nothing lost in any:
 *
 *   Reload theirs   their version replaces mine, as a step undo takes back
 *   Save As copy    mine goes to another file; theirs stays
 *   Overwrite       mine replaces theirs (a backup is kept while writing)
 *   Merge…          both, element by element; conflicts are picked
 */

struct _CjmConflictDialog
{
  AdwMessageDialog  parent_instance;

  CjmWindow        *window;
  CjmDocument      *document;
  guint             saving : 1;
};

G_DEFINE_FINAL_TYPE (CjmConflictDialog, cjm_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
show_error (CjmWindow  *window,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CjmWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  /* On success, the document's ::reloaded tells (with an undo button). */
  if (!cjm_document_reload_finish (CJM_DOCUMENT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (window, _("The Map Could Not Be Reloaded"), error->message);
}

/**
 * cjm_file_reload:
 * @window: the window of @document
 * @document: a document
 *
 * Replaces the map with what its file holds, as a step undo takes back.
 */
void
cjm_file_reload (CjmWindow   *window,
                 CjmDocument *document)
{
  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  cjm_document_reload_async (document, NULL, reload_cb, g_object_ref (window));
}

static void
overwrite_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CjmWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!cjm_document_save_finish (CJM_DOCUMENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (window, _("The Map Could Not Be Saved"), error->message);
      return;
    }

  cjm_window_show_toast (window, _("Saved over the other version"));
}

/**
 * cjm_file_overwrite:
 * @window: the window of @document
 * @document: a document
 *
 * Saves the map over its file whatever it holds now.
 */
void
cjm_file_overwrite (CjmWindow   *window,
                    CjmDocument *document)
{
  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  cjm_document_save_full_async (document, NULL, CJM_SAVE_FLAGS_OVERWRITE, NULL,
                                overwrite_cb, g_object_ref (window));
}

typedef struct
{
  CjmWindow   *window;
  CjmDocument *document;
  gboolean     save_after;
} MergeData;

static void
merge_data_free (MergeData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->document);
  g_free (data);
}

static void
merged_save_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CjmWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!cjm_document_save_finish (CJM_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK) ||
          g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK))
        cjm_conflict_dialog_present (window, CJM_DOCUMENT (object), error, TRUE);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (window, _("The Map Could Not Be Saved"), error->message);
      return;
    }

  cjm_window_show_toast (window, _("Merged with the other version and saved"));
}

static void
apply_merge (MergeData *data,
             CjmMerge  *merge)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();

  cjm_document_apply_merge (data->document, merge, problems);

  /* What the merge had to repair, as when a file is opened. */
  for (guint i = 0; i < problems->len; i++)
    g_message ("Merge: %s", ((CjmProblem *)g_ptr_array_index (problems, i))->message);

  if (data->save_after)
    {
      cjm_document_save_async (data->document, NULL, NULL, merged_save_cb,
                               g_object_ref (data->window));
    }
  else
    {
      AdwToast *toast = adw_toast_new (_("Merged with the other version: save to keep it"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      cjm_window_add_toast (data->window, toast);
    }
}

static void
merge_dialog_response_cb (CjmMergeDialog *dialog,
                          gboolean        merge,
                          MergeData      *data)
{
  if (merge)
    apply_merge (data, cjm_merge_dialog_get_merge (dialog));
}

static void
merge_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MergeData *data = user_data;
  g_autoptr(CjmMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  CjmMergeDialog *dialog;

  merge = cjm_document_merge_finish (CJM_DOCUMENT (object), result, &error);
  if (merge == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (data->window, _("The Maps Could Not Be Merged"), error->message);
      merge_data_free (data);
      return;
    }

  /* Nothing to pick: merged at once. */
  if (cjm_merge_get_n_conflicts (merge) == 0)
    {
      apply_merge (data, merge);
      merge_data_free (data);
      return;
    }

  dialog = cjm_merge_dialog_new (GTK_WINDOW (data->window), merge);
  g_signal_connect_data (dialog, "response", G_CALLBACK (merge_dialog_response_cb),
                         data, (GClosureNotify)merge_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cjm_file_merge:
 * @window: the window of @document
 * @document: a document
 * @save_after: whether to save once merged (the user was saving)
 *
 * Merges what the file holds into the map: at once if nothing conflicts,
 * else once the user picked in the merge dialog. One step undo takes back.
 */
void
cjm_file_merge (CjmWindow   *window,
                CjmDocument *document,
                gboolean     save_after)
{
  MergeData *data;

  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  data = g_new0 (MergeData, 1);
  data->window = g_object_ref (window);
  data->document = g_object_ref (document);
  data->save_after = save_after;

  cjm_document_merge_async (document, NULL, merge_cb, data);
}

static void
cjm_conflict_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  CjmConflictDialog *self = CJM_CONFLICT_DIALOG (dialog);

  if (g_str_equal (response, "reload"))
    cjm_file_reload (self->window, self->document);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.save-as", NULL);
  else if (g_str_equal (response, "overwrite"))
    cjm_file_overwrite (self->window, self->document);
  else if (g_str_equal (response, "merge"))
    cjm_file_merge (self->window, self->document, self->saving);
}

static void
cjm_conflict_dialog_dispose (GObject *object)
{
  CjmConflictDialog *self = (CjmConflictDialog *)object;

  g_clear_object (&self->window);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cjm_conflict_dialog_parent_class)->dispose (object);
}

static void
cjm_conflict_dialog_class_init (CjmConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cjm_conflict_dialog_dispose;
  dialog_class->response = cjm_conflict_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-conflict-dialog.ui");
}

static void
cjm_conflict_dialog_init (CjmConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cjm_conflict_dialog_present:
 * @window: the window of @document
 * @document: a document whose file someone else changed or deleted
 * @error: (nullable): why the save was refused, or %NULL when the user asks
 *   about a change the window told of
 * @saving: whether the user was saving (a merge then saves)
 *
 * Asks what to do: reload theirs, save mine as a copy, overwrite theirs,
 * or merge. For a deleted file: save it again, or save a copy.
 */
void
cjm_conflict_dialog_present (CjmWindow    *window,
                             CjmDocument  *document,
                             const GError *error,
                             gboolean      saving)
{
  CjmConflictDialog *self;
  g_autofree char *name = NULL;
  gboolean deleted;

  g_return_if_fail (CJM_IS_WINDOW (window));
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  name = cjm_document_dup_display_name (document);
  deleted = error ? g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK)
                  : cjm_document_get_deleted_on_disk (document);

  self = g_object_new (CJM_TYPE_CONFLICT_DIALOG,
                       "transient-for", window,
                       "modal", TRUE,
                       NULL);
  self->window = g_object_ref (window);
  self->document = g_object_ref (document);
  self->saving = !!saving;

  if (deleted)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Deleted by Someone Else"));
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                      _("“%s” was deleted or moved since you opened it. Save it again to create it anew with your version, or save it elsewhere."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Save Again"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "overwrite",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "overwrite");
    }
  else
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                      _("“%s” was saved by someone else since you opened it. Merging keeps both their changes and yours: where you both changed the same thing, you pick. Reloading theirs can be undone."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload Theirs"),
                                        "save-as", _("Save _As Copy…"),
                                        "overwrite", _("_Overwrite"),
                                        "merge", _("_Merge…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "reload",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "merge",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "merge");
    }

  gtk_window_present (GTK_WINDOW (self));
}
