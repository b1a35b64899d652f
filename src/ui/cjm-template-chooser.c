/* cjm-template-chooser.c: the "New From Template" window
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-template-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-template-chooser.h"

/* A short list of the maps a new map can start from (cjm-template.h):
 * choosing one emits #CjmTemplateChooser::template-chosen and closes. */

struct _CjmTemplateChooser
{
  AdwWindow   parent_instance;

  GListModel *templates;
};

G_DEFINE_FINAL_TYPE (CjmTemplateChooser, cjm_template_chooser, ADW_TYPE_WINDOW)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (CjmTemplateChooser *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  g_autoptr(CjmTemplate) template = g_list_model_get_item (self->templates,
                                                           gtk_list_box_row_get_index (row));

  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, template);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cjm_template_chooser_dispose (GObject *object)
{
  CjmTemplateChooser *self = (CjmTemplateChooser *)object;

  g_clear_object (&self->templates);

  G_OBJECT_CLASS (cjm_template_chooser_parent_class)->dispose (object);
}

static void
cjm_template_chooser_class_init (CjmTemplateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_template_chooser_dispose;

  /**
   * CjmTemplateChooser::template-chosen:
   * @self: the chooser
   * @template: the #CjmTemplate chosen
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CJM_TYPE_TEMPLATE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cjm_template_chooser_init (CjmTemplateChooser *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n;

  gtk_window_set_title (GTK_WINDOW (self), _("New From Template"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Templates"),
                                  -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  self->templates = cjm_template_list_all ();
  n = g_list_model_get_n_items (self->templates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmTemplate) template = g_list_model_get_item (self->templates, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cjm_template_get_title (template));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cjm_template_get_description (template));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);

  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * cjm_template_chooser_new:
 * @parent: (nullable): the window it is for
 *
 * Returns: (transfer floating): a new chooser, modal for @parent
 */
GtkWidget *
cjm_template_chooser_new (GtkWindow *parent)
{
  return g_object_new (CJM_TYPE_TEMPLATE_CHOOSER,
                       "transient-for", parent,
                       NULL);
}
