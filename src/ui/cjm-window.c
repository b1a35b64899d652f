/* cjm-window.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-conflict-dialog.h"
#include "cjm-core.h"
#include "cjm-export-dialog.h"
#include "cjm-file-notices.h"
#include "cjm-lock-dialog.h"
#include "cjm-window-private.h"

/* How many recent maps the Open button's menu lists. */
#define N_RECENT_MAPS 10

struct _CjmWindow
{
  AdwApplicationWindow  parent_instance;

  CjmDocument          *document;
  GSignalGroup         *document_signals;
  GSignalGroup         *history_signals;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkBox               *map_box;
  GMenu                *recent_section;

  /* Set once the user chose to close and the save they asked for went
   * through, so the close request that follows is let through. */
  guint                 closing : 1;
};

G_DEFINE_FINAL_TYPE (CjmWindow, cjm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_document (CjmWindow *self,
                           GFile     *file,
                           gboolean   close_after);

static void
update_title (CjmWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journey Mapper"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journey Mapper"));
      return;
    }

  name = cjm_document_dup_display_name (self->document);
  file = cjm_document_get_file (self->document);

  /* The dot says there are unsaved changes, as in GNOME Text Editor. */
  if (cjm_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_strdup (name);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        subtitle = g_file_get_parse_name (parent);
    }
  else
    {
      subtitle = g_strdup (_("Not saved yet"));
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (CjmWindow *self)
{
  CjmHistory *history = self->document ? cjm_document_get_history (self->document) : NULL;
  gboolean busy = self->document ? cjm_document_get_busy (self->document) : TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && cjm_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && cjm_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->document != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->document != NULL && !busy);
}

static void
document_changed_cb (CjmWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
update_recent_menu (CjmWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);

  for (GList *iter = items; iter != NULL && n < N_RECENT_MAPS; iter = iter->next)
    {
      GtkRecentInfo *info = iter->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) ||
          !g_str_has_suffix (uri, ".cjm"))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

void
cjm_window_show_toast (CjmWindow  *self,
                       const char *message)
{
  g_return_if_fail (CJM_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * cjm_window_add_toast:
 * @self: a #CjmWindow
 * @toast: (transfer full): a toast, with a button maybe
 */
void
cjm_window_add_toast (CjmWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (CjmWindow  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_problems (CjmWindow *self,
               GPtrArray *problems,
               GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  guint n_repaired = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == CJM_PROBLEM_NOTE)
        cjm_window_show_toast (self, problem->message);
      else
        n_repaired++;
    }

  if (n_repaired > 0)
    {
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < problems->len; i++)
        {
          const CjmProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *line = NULL;

          if (problem->severity == CJM_PROBLEM_NOTE)
            continue;

          line = cjm_problem_format (problem, name);
          g_string_append_printf (details, "%s%s", details->len ? "\n" : "", line);
        }

      heading = g_strdup_printf (ngettext ("One Problem Was Repaired",
                                           "%u Problems Were Repaired",
                                           n_repaired),
                                 n_repaired);
      show_error (self, heading, details->str);
    }
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CjmWindow        *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      save_document (self, NULL, TRUE);
    }
}

static gboolean
close_request_cb (GtkWindow *window)
{
  CjmWindow *self = CJM_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->closing || self->document == NULL || !cjm_document_get_modified (self->document))
    return FALSE;

  name = cjm_document_dup_display_name (self->document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

typedef struct
{
  CjmWindow *self;
  gboolean   close_after;
} SaveData;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CjmDocument *document = CJM_DOCUMENT (object);
  g_autofree SaveData *data = user_data;
  g_autoptr(CjmWindow) self = data->self;
  g_autoptr(GError) error = NULL;

  if (!cjm_document_save_finish (document, result, &error))
    {
      /* The document stays open, with its changes, and the user learns
       * what went wrong and what to do. Someone else saved the file
       * meanwhile: reload, save a copy, overwrite or merge. */
      if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK) ||
          g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK))
        cjm_conflict_dialog_present (self, document, error, TRUE);
      /* Open read-only: saving means saving elsewhere. */
      else if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_READ_ONLY))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Map Could Not Be Saved"), error->message);
      update_actions (self);
      return;
    }

  remember_recent (cjm_document_get_file (document));
  update_title (self);
  update_actions (self);

  if (data->close_after)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autofree SaveData *data = user_data;
  g_autoptr(CjmWindow) self = data->self;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  basename = g_file_get_basename (file);

  /* A name typed without an extension gets ours, so the file opens with
   * Journey Mapper again. */
  if (cjm_file_format_for_name (basename) == CJM_FILE_FORMAT_UNKNOWN)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *with_extension = g_strconcat (basename, ".cjm", NULL);
      g_autoptr(GFile) renamed = g_file_get_child (parent, with_extension);

      g_set_object (&file, renamed);
    }

  save_document (self, file, data->close_after);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_map_filters (GtkFileChooser *chooser,
                 gboolean        with_json)
{
  g_autoptr(GtkFileFilter) maps = gtk_file_filter_new ();

  gtk_file_filter_set_name (maps, _("Journey Maps"));
  gtk_file_filter_add_pattern (maps, "*.cjm");
  gtk_file_filter_add_mime_type (maps, "application/x-journey-map");
  gtk_file_chooser_add_filter (chooser, maps);

  if (with_json)
    {
      g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

      gtk_file_filter_set_name (json, _("Journey Maps as JSON"));
      gtk_file_filter_add_pattern (json, "*.json");
      gtk_file_chooser_add_filter (chooser, json);
    }
}

static void
save_document (CjmWindow *self,
               GFile     *file,
               gboolean   close_after)
{
  SaveData *data;

  g_assert (CJM_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  if (file == NULL)
    file = cjm_document_get_file (self->document);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->close_after = close_after;

  if (file == NULL)
    {
      GtkFileChooserNative *chooser;
      g_autofree char *suggested = NULL;
      const char *title = cjm_map_get_title (cjm_document_get_map (self->document));

      chooser = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Save"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      add_map_filters (GTK_FILE_CHOOSER (chooser), FALSE);
      suggested = g_strdup_printf ("%s.cjm", title ? title : _("Journey Map"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
      g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }

  cjm_document_save_async (self->document, file, self->cancellable, save_cb, data);
  update_actions (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CjmWindow) self = user_data;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  document = cjm_document_load_finish (result, &problems, &error);

  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Someone else edits it: open it read-only, or anyway? */
      if (g_error_matches (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED))
        {
          cjm_lock_dialog_present (self, cjm_document_load_result_get_file (result), error->message);
          return;
        }

      show_error (self, _("The Map Could Not Be Opened"), error->message);

      /* A window that only existed to show this file has nothing to show. */
      if (self->document == NULL)
        cjm_window_set_document (self, NULL);
      return;
    }

  cjm_window_set_document (self, document);
  remember_recent (cjm_document_get_file (document));
  show_problems (self, problems, cjm_document_get_file (document));
}

/**
 * cjm_window_open_file:
 * @self: a #CjmWindow
 * @file: a map file
 *
 * Reads @file and shows it in @self once read. Errors are shown in a
 * dialog; the window keeps what it showed before.
 */
void
cjm_window_open_file (CjmWindow *self,
                      GFile     *file)
{
  cjm_window_open_file_full (self, file, CJM_OPEN_FLAGS_NONE);
}

/**
 * cjm_window_open_file_full:
 * @self: a #CjmWindow
 * @file: a map file
 * @flags: #CjmOpenFlags: read-only, or despite someone else's lock
 *
 * Like cjm_window_open_file(). If someone else edits @file (and @flags
 * does not say to open it anyway), asks whether to open it read-only.
 */
void
cjm_window_open_file_full (CjmWindow    *self,
                           GFile        *file,
                           CjmOpenFlags  flags)
{
  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_stack_set_visible_child_name (self->stack, "loading");
  cjm_document_load_full_async (file, flags, self->cancellable, load_cb, g_object_ref (self));
}

/* Opens @file here if this window holds nothing worth keeping, else in a
 * new window: one document per window. */
static void
open_file_somewhere (CjmWindow *self,
                     GFile     *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (cjm_window_is_blank (self))
    {
      cjm_window_open_file (self, file);
      return;
    }

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CjmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      open_file_somewhere (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_map_filters (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_file_somewhere (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save_document (CJM_WINDOW (widget), NULL, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  SaveData *data;
  GFile *file;

  if (self->document == NULL)
    return;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);

  chooser = gtk_file_chooser_native_new (_("Save Map As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_map_filters (GTK_FILE_CHOOSER (chooser), TRUE);

  file = cjm_document_get_file (self->document);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Journey Map.cjm"));

  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  if (self->document != NULL)
    cjm_history_undo (cjm_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  if (self->document != NULL)
    cjm_history_redo (cjm_document_get_history (self->document));
}

/* What a panel or row has to tell the user, briefly: a toast. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  cjm_window_show_toast (CJM_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The Export dialog (cjm-export-dialog.c): the map, what is selected on it,
 * and the toast overlay where it says the export worked. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  CjmCanvas *canvas = cjm_window_get_canvas (self);
  CjmExportDialog *dialog;

  if (self->document == NULL)
    return;

  dialog = cjm_export_dialog_new (GTK_WINDOW (self), self->document,
                                  canvas != NULL ? cjm_canvas_get_selection (canvas) : NULL,
                                  self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CjmWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *iter = files; iter != NULL; iter = iter->next)
    open_file_somewhere (self, iter->data);
  g_slist_free (files);

  return TRUE;
}

static void
cjm_window_dispose (GObject *object)
{
  CjmWindow *self = (CjmWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_WINDOW);

  G_OBJECT_CLASS (cjm_window_parent_class)->dispose (object);
}

static void
cjm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CjmWindow *self = CJM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CjmWindow *self = CJM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_window_class_init (CjmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cjm_window_dispose;
  object_class->get_property = cjm_window_get_property;
  object_class->set_property = cjm_window_set_property;

  window_class->close_request = close_request_cb;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);

  _cjm_window_map_class_init (widget_class);
}

/* Window size and state, kept in the app's settings: a new window opens
 * at the size of the last one closed. The size saved is the default size,
 * which GTK keeps as the unmaximized size while the window is maximized. */
static void
restore_window_state (CjmWindow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Connected after the class handler: runs only when the window closes. */
static gboolean
save_window_state_cb (GtkWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (window, &width, &height);

  /* The schema's ranges: anything outside would be refused with a warning. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", CLAMP (width, 360, 32767));
      g_settings_set_int (settings, "window-height", CLAMP (height, 294, 32767));
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return FALSE;
}

static void
cjm_window_init (CjmWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  _cjm_window_map_init (self);

  restore_window_state (self);
  g_signal_connect_after (self, "close-request", G_CALLBACK (save_window_state_cb), NULL);

  self->cancellable = g_cancellable_new ();

  self->document_signals = g_signal_group_new (CJM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::busy",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (CJM_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);

  /* Read-only, changed or deleted by someone else, reloaded: said above the map. */
  cjm_file_notices_attach (self, self->map_box);

  update_title (self);
  update_actions (self);
}

CjmWindow *
cjm_window_new (CjmApplication *application)
{
  g_return_val_if_fail (CJM_IS_APPLICATION (application), NULL);

  return g_object_new (CJM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * cjm_window_get_document:
 * @self: a #CjmWindow
 *
 * Returns: (transfer none) (nullable): the document shown, if any
 */
CjmDocument *
cjm_window_get_document (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);

  return self->document;
}

void
cjm_window_set_document (CjmWindow   *self,
                         CjmDocument *document)
{
  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (!document || CJM_IS_DOCUMENT (document));

  if (document == NULL)
    {
      g_autoptr(CjmDocument) blank = cjm_document_new (NULL, NULL);

      cjm_window_set_document (self, blank);
      return;
    }

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals, cjm_document_get_history (document));

  gtk_stack_set_visible_child_name (self->stack, "map");
  update_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cjm_window_is_showing_file:
 * @self: a #CjmWindow
 * @file: a file
 *
 * Returns: %TRUE if @self shows the document saved in @file
 */
gboolean
cjm_window_is_showing_file (CjmWindow *self,
                            GFile     *file)
{
  GFile *shown;

  g_return_val_if_fail (CJM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  shown = self->document ? cjm_document_get_file (self->document) : NULL;

  return shown != NULL && g_file_equal (shown, file);
}

/**
 * cjm_window_is_blank:
 * @self: a #CjmWindow
 *
 * Returns: %TRUE if @self shows nothing the user would miss: no document,
 *   or a new one never edited
 */
gboolean
cjm_window_is_blank (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), FALSE);

  return self->document == NULL ||
         (cjm_document_get_file (self->document) == NULL &&
          !cjm_document_get_modified (self->document) &&
          !cjm_history_get_can_undo (cjm_document_get_history (self->document)));
}
