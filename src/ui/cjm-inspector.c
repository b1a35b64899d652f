/* cjm-inspector.c: the fields of what is selected on the map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-element-editor.h"
#include "cjm-inspector.h"

/* The inspector follows the canvas's selection: one element selected shows
 * its fields; nothing selected shows the map's own (title, scope, review,
 * revision log); several show how many, as their fields differ. */

struct _CjmInspector
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkScrolledWindow *scrolled;
  CjmElementEditor *editor;
  AdwStatusPage    *many_page;

  CjmCanvas        *canvas;
  CjmSelection     *selection;
  guint             update_source;
};

G_DEFINE_FINAL_TYPE (CjmInspector, cjm_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_ELEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_selection (CjmInspector *self)
{
  CjmDocument *document = self->canvas != NULL ? cjm_canvas_get_document (self->canvas) : NULL;
  CjmElement *element = NULL;
  CjmElement *before = cjm_element_editor_get_element (self->editor);
  guint n_ids = self->selection != NULL ? cjm_selection_get_n_ids (self->selection) : 0;

  if (document != NULL && n_ids > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Element Selected",
                                                          "%u Elements Selected", n_ids),
                                                n_ids);

      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->stack, "many");
      cjm_element_editor_set_element (self->editor, NULL, NULL);
    }
  else
    {
      if (document != NULL)
        {
          CjmMap *map = cjm_document_get_map (document);

          if (n_ids == 1)
            element = cjm_map_lookup (map, cjm_selection_get_id (self->selection, 0));
          if (element == NULL)
            element = CJM_ELEMENT (map);
        }

      gtk_stack_set_visible_child_name (self->stack, "editor");
      cjm_element_editor_set_element (self->editor, element != NULL ? document : NULL, element);

      /* Another element's fields start at the top. */
      if (element != before)
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
    }

  if (cjm_element_editor_get_element (self->editor) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

static gboolean
update_idle_cb (gpointer data)
{
  CjmInspector *self = data;

  self->update_source = 0;
  show_selection (self);

  return G_SOURCE_REMOVE;
}

/* Building the rows of an element takes longer than a frame: a click
 * that selects a card, the start of a drag, must not wait for it. The
 * inspector catches up after the frame, and not at all while hidden (the
 * side panel closed, another page shown): it does when shown again. */
static void
update (CjmInspector *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->update_source, g_source_remove);
      return;
    }

  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
}

static void
cjm_inspector_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cjm_inspector_parent_class)->map (widget);

  show_selection (CJM_INSPECTOR (widget));
}

static void
cjm_inspector_dispose (GObject *object)
{
  CjmInspector *self = (CjmInspector *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);

  cjm_inspector_set_canvas (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_INSPECTOR);

  G_OBJECT_CLASS (cjm_inspector_parent_class)->dispose (object);
}

static void
cjm_inspector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CjmInspector *self = CJM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;

    case PROP_ELEMENT:
      g_value_set_object (value, cjm_inspector_get_element (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_inspector_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CjmInspector *self = CJM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      cjm_inspector_set_canvas (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_inspector_class_init (CjmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_inspector_dispose;
  object_class->get_property = cjm_inspector_get_property;
  object_class->set_property = cjm_inspector_set_property;

  widget_class->map = cjm_inspector_map;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         CJM_TYPE_CANVAS,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ELEMENT] =
    g_param_spec_object ("element", NULL, NULL,
                         CJM_TYPE_ELEMENT,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CJM_TYPE_ELEMENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CjmInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CjmInspector, editor);
  gtk_widget_class_bind_template_child (widget_class, CjmInspector, many_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-inspector");
}

static void
cjm_inspector_init (CjmInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cjm_inspector_new (void)
{
  return g_object_new (CJM_TYPE_INSPECTOR, NULL);
}

/**
 * cjm_inspector_get_canvas:
 * @self: a #CjmInspector
 *
 * Returns: (transfer none) (nullable): the canvas whose selection is shown
 */
CjmCanvas *
cjm_inspector_get_canvas (CjmInspector *self)
{
  g_return_val_if_fail (CJM_IS_INSPECTOR (self), NULL);

  return self->canvas;
}

/**
 * cjm_inspector_get_element:
 * @self: a #CjmInspector
 *
 * Returns: (transfer none) (nullable): the element whose fields are shown
 */
CjmElement *
cjm_inspector_get_element (CjmInspector *self)
{
  g_return_val_if_fail (CJM_IS_INSPECTOR (self), NULL);

  return cjm_element_editor_get_element (self->editor);
}

/**
 * cjm_inspector_set_canvas:
 * @self: a #CjmInspector
 * @canvas: (nullable): the canvas whose document and selection to follow
 */
void
cjm_inspector_set_canvas (CjmInspector *self,
                          CjmCanvas    *canvas)
{
  g_return_if_fail (CJM_IS_INSPECTOR (self));
  g_return_if_fail (canvas == NULL || CJM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  g_set_object (&self->canvas, canvas);

  if (canvas != NULL)
    {
      self->selection = g_object_ref (cjm_canvas_get_selection (canvas));
      g_signal_connect_object (canvas, "notify::document", G_CALLBACK (update),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->selection, "changed", G_CALLBACK (update),
                               self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}
