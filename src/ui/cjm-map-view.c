/* cjm-map-view.c: the canvas with its palette, zoom controls and side panels
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-inspector.h"
#include "cjm-map-view.h"
#include "cjm-pain-point-panel.h"
#include "cjm-palette.h"
#include "cjm-persona-panel.h"

/* What the window shows of a map: the palette on the left, the canvas in
 * a scrolled window with the zoom controls over its corner, and the side
 * panels (persona, pain points, inspector) in a flap on the right. The
 * zoom buttons and the window's Add menu use win.* actions, which the
 * window passes on to the canvas's own (cjm-window-map.c). */

struct _CjmMapView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwFlap        *flap;
  GtkRevealer    *palette_revealer;
  CjmPalette     *palette;
  CjmCanvas      *canvas;
  GtkWidget      *zoom_box;
  GtkMenuButton  *zoom_button;
  AdwViewStack   *panels;
  CjmPersonaPanel *persona_panel;
  CjmPainPointPanel *pain_point_panel;
  CjmInspector   *inspector;

  /* What presenting hid, to show again after. */
  guint           presenting : 1;
  guint           panels_before : 1;
};

G_DEFINE_FINAL_TYPE (CjmMapView, cjm_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_PANELS,
  PROP_SHOW_PALETTE,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zoom_changed_cb (CjmMapView *self)
{
  g_autofree char *label = NULL;

  /* Translators: a zoom level, e.g. "100 %" */
  label = g_strdup_printf (_("%d %%"), (int)round (cjm_canvas_get_zoom (self->canvas) * 100));
  gtk_menu_button_set_label (self->zoom_button, label);
}

static void
palette_item_activated_cb (CjmMapView *self,
                           const char *item)
{
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.add-card", "s", item);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
flap_reveal_cb (CjmMapView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PANELS]);
}

static void
palette_reveal_cb (CjmMapView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PALETTE]);
}

static void
cjm_map_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CJM_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (cjm_map_view_parent_class)->dispose (object);
}

static void
cjm_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CjmMapView *self = CJM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, cjm_map_view_get_document (self));
      break;

    case PROP_SHOW_PANELS:
      g_value_set_boolean (value, cjm_map_view_get_show_panels (self));
      break;

    case PROP_SHOW_PALETTE:
      g_value_set_boolean (value, cjm_map_view_get_show_palette (self));
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_map_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CjmMapView *self = CJM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_map_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SHOW_PANELS:
      cjm_map_view_set_show_panels (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PALETTE:
      cjm_map_view_set_show_palette (self, g_value_get_boolean (value));
      break;

    case PROP_PRESENTING:
      cjm_map_view_set_presenting (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_map_view_class_init (CjmMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_map_view_dispose;
  object_class->get_property = cjm_map_view_get_property;
  object_class->set_property = cjm_map_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_PANELS] =
    g_param_spec_boolean ("show-panels", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_PALETTE] =
    g_param_spec_boolean ("show-palette", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CJM_TYPE_CANVAS);
  g_type_ensure (CJM_TYPE_PALETTE);
  g_type_ensure (CJM_TYPE_PERSONA_PANEL);
  g_type_ensure (CJM_TYPE_INSPECTOR);
  g_type_ensure (CJM_TYPE_PAIN_POINT_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, flap);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, palette);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, canvas);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, panels);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, persona_panel);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, inspector);
  gtk_widget_class_bind_template_child (widget_class, CjmMapView, pain_point_panel);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-map-view");
}

static void
cjm_map_view_init (CjmMapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The panels follow the canvas's document and selection. */
  cjm_persona_panel_set_canvas (self->persona_panel, self->canvas);
  cjm_inspector_set_canvas (self->inspector, self->canvas);
  cjm_pain_point_panel_set_canvas (self->pain_point_panel, self->canvas);

  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "item-activated", G_CALLBACK (palette_item_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette_revealer, "notify::reveal-child", G_CALLBACK (palette_reveal_cb),
                           self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);
}

GtkWidget *
cjm_map_view_new (void)
{
  return g_object_new (CJM_TYPE_MAP_VIEW, NULL);
}

/**
 * cjm_map_view_get_canvas:
 * @self: a #CjmMapView
 *
 * Returns: (transfer none): the canvas
 */
CjmCanvas *
cjm_map_view_get_canvas (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), NULL);

  return self->canvas;
}

/**
 * cjm_map_view_get_panels:
 * @self: a #CjmMapView
 *
 * The side panels' stack, with the pages "persona", "pain-points" and
 * "inspector", for the panels to fill.
 *
 * Returns: (transfer none): the stack
 */
AdwViewStack *
cjm_map_view_get_panels (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), NULL);

  return self->panels;
}

CjmDocument *
cjm_map_view_get_document (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), NULL);

  return cjm_canvas_get_document (self->canvas);
}

void
cjm_map_view_set_document (CjmMapView  *self,
                           CjmDocument *document)
{
  g_return_if_fail (CJM_IS_MAP_VIEW (self));

  if (cjm_canvas_get_document (self->canvas) == document)
    return;

  cjm_canvas_set_document (self->canvas, document);
  /* The keys act on the map from the start: arrows, Space to pan. */
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
cjm_map_view_get_show_panels (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

void
cjm_map_view_set_show_panels (CjmMapView *self,
                              gboolean    show_panels)
{
  g_return_if_fail (CJM_IS_MAP_VIEW (self));

  adw_flap_set_reveal_flap (self->flap, show_panels);
}

gboolean
cjm_map_view_get_show_palette (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->palette_revealer);
}

void
cjm_map_view_set_show_palette (CjmMapView *self,
                               gboolean    show_palette)
{
  g_return_if_fail (CJM_IS_MAP_VIEW (self));

  gtk_revealer_set_reveal_child (self->palette_revealer, show_palette);
}

gboolean
cjm_map_view_get_presenting (CjmMapView *self)
{
  g_return_val_if_fail (CJM_IS_MAP_VIEW (self), FALSE);

  return self->presenting;
}

/**
 * cjm_map_view_set_presenting:
 * @self: a #CjmMapView
 * @presenting: whether the map is shown to a room
 *
 * Hides the palette, the panels and the zoom controls while presenting,
 * and puts them back as they were after.
 */
void
cjm_map_view_set_presenting (CjmMapView *self,
                             gboolean    presenting)
{
  g_return_if_fail (CJM_IS_MAP_VIEW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  if (presenting)
    {
      self->panels_before = cjm_map_view_get_show_panels (self);
      cjm_map_view_set_show_panels (self, FALSE);
    }
  else
    cjm_map_view_set_show_panels (self, self->panels_before);

  /* Hidden outright, without a transition to watch. */
  gtk_widget_set_visible (GTK_WIDGET (self->palette_revealer), !presenting);
  gtk_widget_set_visible (self->zoom_box, !presenting);
  cjm_canvas_set_presenting (self->canvas, presenting);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}
