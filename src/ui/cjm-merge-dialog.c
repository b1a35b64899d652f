/* cjm-merge-dialog.c: picking, for each conflict, whose version to keep
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-merge-dialog.h"

/* Lists what both sides changed differently: the element, the field, the
 * value before, and two linked toggles, mine and theirs. "Merge" emits
 * ::response with TRUE; the caller applies the merge, picks made. */

/* How much of a long text a toggle shows; the tooltip has it whole. */
#define MAX_VALUE_CHARS 28

struct _CjmMergeDialog
{
  AdwWindow             parent_instance;

  CjmMerge             *merge;

  AdwPreferencesGroup  *conflicts_group;
  GtkWidget            *merge_button;
  GPtrArray            *mine_buttons;
  GPtrArray            *theirs_buttons;
};

G_DEFINE_FINAL_TYPE (CjmMergeDialog, cjm_merge_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
respond (CjmMergeDialog *self,
         gboolean        merge)
{
  g_object_ref (self);
  g_signal_emit (self, signals[RESPONSE], 0, merge);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cancel_clicked_cb (CjmMergeDialog *self)
{
  respond (self, FALSE);
}

static void
merge_clicked_cb (CjmMergeDialog *self)
{
  respond (self, TRUE);
}

static void
pick_all (CjmMergeDialog *self,
          CjmMergePick    pick)
{
  GPtrArray *buttons = pick == CJM_MERGE_PICK_MINE ? self->mine_buttons : self->theirs_buttons;

  for (guint i = 0; i < buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (buttons, i), TRUE);
}

static void
all_mine_clicked_cb (CjmMergeDialog *self)
{
  pick_all (self, CJM_MERGE_PICK_MINE);
}

static void
all_theirs_clicked_cb (CjmMergeDialog *self)
{
  pick_all (self, CJM_MERGE_PICK_THEIRS);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  g_signal_emit (window, signals[RESPONSE], 0, FALSE);

  return FALSE;
}

static void
cjm_merge_dialog_dispose (GObject *object)
{
  CjmMergeDialog *self = (CjmMergeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_MERGE_DIALOG);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->mine_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->theirs_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_merge_dialog_parent_class)->dispose (object);
}

static void
cjm_merge_dialog_class_init (CjmMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cjm_merge_dialog_dispose;
  window_class->close_request = close_request_cb;

  /**
   * CjmMergeDialog::response:
   * @self: the dialog
   * @merge: %TRUE if the user chose to merge, %FALSE if they cancelled
   */
  signals[RESPONSE] =
    g_signal_new ("response",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, CjmMergeDialog, merge_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_theirs_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc)gtk_window_close, NULL);
}

static void
cjm_merge_dialog_init (CjmMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->merge_button);

  self->mine_buttons = g_ptr_array_new ();
  self->theirs_buttons = g_ptr_array_new ();
}

static void
toggled_cb (GtkToggleButton  *button,
            CjmMergeConflict *conflict)
{
  if (gtk_toggle_button_get_active (button))
    cjm_merge_conflict_set_pick (conflict,
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cjm-pick")));
}

static GtkWidget *
pick_button (CjmMergeConflict *conflict,
             CjmMergePick      pick)
{
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label;

  if (pick == CJM_MERGE_PICK_MINE)
    {
      value = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_MINE);
      /* Translators: on a button, the value in my version */
      text = g_strdup_printf (_("Mine: %s"), value);
    }
  else
    {
      value = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_THEIRS);
      /* Translators: on a button, the value in the version someone else saved */
      text = g_strdup_printf (_("Theirs: %s"), value);
    }

  label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_VALUE_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, text);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "cjm-pick", GINT_TO_POINTER (pick));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), cjm_merge_conflict_get_pick (conflict) == pick);
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), conflict);

  return button;
}

static void
add_row (CjmMergeDialog   *self,
         CjmMergeConflict *conflict)
{
  g_autofree char *element = cjm_merge_conflict_dup_description (conflict);
  g_autofree char *before = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_BASE);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine;
  GtkWidget *theirs;

  if (cjm_merge_conflict_get_kind (conflict) == CJM_MERGE_CONFLICT_DELETED)
    {
      /* Translators: an element, e.g. Touchpoint “Reads reviews” (card-3) */
      title = g_strdup_printf (_("%s: deleted on one side, changed on the other"), element);
      subtitle = NULL;
    }
  else
    {
      /* Translators: an element, then one of its fields: Touchpoint “Reads reviews” (card-3): Title */
      title = g_strdup_printf (_("%s: %s"), element, cjm_merge_conflict_get_field_label (conflict));
      /* Translators: the value both started from */
      subtitle = g_strdup_printf (_("Before: %s"), before);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  mine = pick_button (conflict, CJM_MERGE_PICK_MINE);
  theirs = pick_button (conflict, CJM_MERGE_PICK_THEIRS);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  g_ptr_array_add (self->mine_buttons, mine);
  g_ptr_array_add (self->theirs_buttons, theirs);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), theirs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  adw_preferences_group_add (self->conflicts_group, row);
}

/**
 * cjm_merge_dialog_new:
 * @parent: the window of the map
 * @merge: a merge with conflicts
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
CjmMergeDialog *
cjm_merge_dialog_new (GtkWindow *parent,
                      CjmMerge  *merge)
{
  CjmMergeDialog *self;
  guint n;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CJM_IS_MERGE (merge), NULL);

  self = g_object_new (CJM_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->merge = g_object_ref (merge);

  n = cjm_merge_get_n_conflicts (merge);
  for (guint i = 0; i < n; i++)
    add_row (self, cjm_merge_get_conflict (merge, i));

  /* Enter merges with the picks as they are: mine, until changed. */
  gtk_window_set_focus (GTK_WINDOW (self), self->merge_button);

  return self;
}

/**
 * cjm_merge_dialog_get_merge:
 * @self: a #CjmMergeDialog
 *
 * Returns: (transfer none): the merge, with the picks made
 */
CjmMerge *
cjm_merge_dialog_get_merge (CjmMergeDialog *self)
{
  g_return_val_if_fail (CJM_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}
