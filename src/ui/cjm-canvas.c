/* cjm-canvas.c: the map, drawn and edited
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "cjm-canvas-private.h"

/* A scrollable widget that draws a map with the core's layout and
 * renderer, and edits it through the undoable edits of cjm-edit.h only:
 * the map's signals bring the changes back, and the canvas redraws what
 * they touched. The cards are drawn, not widgets, so that a map of a
 * thousand cards stays fast; the keyboard focus moves between them all
 * the same (cjm-canvas-keyboard.c). */

G_DEFINE_FINAL_TYPE_WITH_CODE (CjmCanvas, cjm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_LAYOUT,
  PROP_ZOOM,
  PROP_PRESENTING,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text in presentation mode, for a room. */
#define PRESENTATION_TEXT_SCALE 1.5

static void configure_adjustments (CjmCanvas *self,
                                   double     value_x,
                                   double     value_y);

/* Geometry */

static void
get_content_size (CjmCanvas *self,
                  double    *width,
                  double    *height)
{
  double w = 0, h = 0;

  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &w, &h);

  *width = ceil (w * self->zoom);
  *height = ceil (h * self->zoom);
}

/* Where the top left corner of the map is, in widget pixels: scrolled
 * away, or centred when the map is smaller than the view. Whole pixels, so
 * that the cached nodes land on the pixel grid they were drawn for. */
void
_cjm_canvas_get_origin (CjmCanvas *self,
                        int       *x,
                        int       *y)
{
  double content_width, content_height;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  get_content_size (self, &content_width, &content_height);

  if (content_width <= width)
    *x = (int)floor ((width - content_width) / 2);
  else
    *x = -(int)round (self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0);

  if (content_height <= height)
    *y = (int)floor ((height - content_height) / 2);
  else
    *y = -(int)round (self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0);
}

void
_cjm_canvas_get_visible_rect (CjmCanvas *self,
                              CjmRect   *rect)
{
  int x, y;

  _cjm_canvas_get_origin (self, &x, &y);
  rect->x = -x / self->zoom;
  rect->y = -y / self->zoom;
  rect->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  rect->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

/**
 * cjm_canvas_widget_to_map:
 * @self: a #CjmCanvas
 * @x: a point of the widget
 * @y: a point of the widget
 * @map_x: (out): the point of the map under it, in map units
 * @map_y: (out): the point of the map under it
 */
void
cjm_canvas_widget_to_map (CjmCanvas *self,
                          double     x,
                          double     y,
                          double    *map_x,
                          double    *map_y)
{
  int ox, oy;

  g_return_if_fail (CJM_IS_CANVAS (self));

  _cjm_canvas_get_origin (self, &ox, &oy);
  *map_x = (x - ox) / self->zoom;
  *map_y = (y - oy) / self->zoom;
}

/**
 * cjm_canvas_map_to_widget:
 * @self: a #CjmCanvas
 * @map_x: a point of the map, in map units
 * @map_y: a point of the map
 * @x: (out): where it is drawn in the widget
 * @y: (out): where it is drawn in the widget
 */
void
cjm_canvas_map_to_widget (CjmCanvas *self,
                          double     map_x,
                          double     map_y,
                          double    *x,
                          double    *y)
{
  int ox, oy;

  g_return_if_fail (CJM_IS_CANVAS (self));

  _cjm_canvas_get_origin (self, &ox, &oy);
  *x = map_x * self->zoom + ox;
  *y = map_y * self->zoom + oy;
}

static void
adjustment_value_changed_cb (CjmCanvas *self)
{
  _cjm_canvas_allocate_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CjmCanvas      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);

  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Sets the adjustments for the map's size at the current zoom, with the
 * views scrolled to @value_x and @value_y (clamped). */
static void
configure_adjustments (CjmCanvas *self,
                       double     value_x,
                       double     value_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width, content_height;

  get_content_size (self, &content_width, &content_height);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (value_x, 0, MAX (0, content_width - width)),
                              0, MAX (content_width, width),
                              width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (value_y, 0, MAX (0, content_height - height)),
                              0, MAX (content_height, height),
                              height * 0.1, height * 0.9, height);
}

void
_cjm_canvas_scroll_by (CjmCanvas *self,
                       double     dx,
                       double     dy)
{
  configure_adjustments (self,
                         gtk_adjustment_get_value (self->hadjustment) + dx,
                         gtk_adjustment_get_value (self->vadjustment) + dy);
}

/* For the end-to-end tests: with CJM_TEST_GEOMETRY set to a file name,
 * each frame writes there where the cards and headers are, in pixels of
 * the window's surface ("id x y width height" a line), so that xdotool can
 * drag them. */
void
_cjm_canvas_write_test_geometry (CjmCanvas *self)
{
  static const char *path = NULL;
  static gsize checked = 0;
  g_autoptr(GString) lines = NULL;
  g_autofree char *tmp = NULL;
  GtkNative *native;
  double nx, ny;
  GListModel *model;

  if (g_once_init_enter (&checked))
    {
      path = g_getenv ("CJM_TEST_GEOMETRY");
      g_once_init_leave (&checked, 1);
    }

  if (path == NULL || self->layout == NULL || (native = gtk_widget_get_native (GTK_WIDGET (self))) == NULL)
    return;

  gtk_native_get_surface_transform (native, &nx, &ny);
  lines = g_string_new (NULL);

  for (guint kind = 0; kind < 4; kind++)
    {
      model = kind == 0 ? cjm_map_get_cards (self->map)
            : kind == 1 ? cjm_map_get_stages (self->map)
            : kind == 2 ? cjm_map_get_lanes (self->map)
            : cjm_map_get_emotions (self->map);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
          const char *id = cjm_element_get_id (element);
          double x, y, wx, wy;
          CjmRect rect;

          if (!cjm_layout_get_element_rect (self->layout, id, &rect))
            continue;
          cjm_canvas_map_to_widget (self, rect.x, rect.y, &x, &y);
          if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (native), x, y, &wx, &wy))
            continue;
          g_string_append_printf (lines, "%s %d %d %d %d\n", id, (int)(wx + nx), (int)(wy + ny),
                                  (int)(rect.width * self->zoom), (int)(rect.height * self->zoom));
        }
    }

  for (guint c = 0; c < cjm_layout_get_n_columns (self->layout); c++)
    {
      double x, y, wx, wy;
      CjmRect rect;

      cjm_layout_get_step_rect (self->layout, c, &rect);
      cjm_canvas_map_to_widget (self, rect.x, rect.y, &x, &y);
      if (gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (native), x, y, &wx, &wy))
        g_string_append_printf (lines, "%s %d %d %d %d\n",
                                cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_step (self->layout, c))),
                                (int)(wx + nx), (int)(wy + ny),
                                (int)(rect.width * self->zoom), (int)(rect.height * self->zoom));
    }

  tmp = g_strconcat (path, ".tmp", NULL);
  if (g_file_set_contents (tmp, lines->str, lines->len, NULL))
    g_rename (tmp, path);
}

/* Messages */

void
_cjm_canvas_show_message (CjmCanvas  *self,
                          const char *message)
{
  if (message != NULL)
    g_signal_emit (self, signals[SHOW_MESSAGE], 0, message);
}

void
_cjm_canvas_show_error (CjmCanvas *self,
                        GError    *error)
{
  if (error != NULL)
    _cjm_canvas_show_message (self, error->message);
}

/* The document */

static void
layout_changed_cb (CjmCanvas *self)
{
  /* Whatever a drag held may be gone. */
  if (self->drag.mode != DRAG_NONE && self->drag.mode != DRAG_PAN)
    _cjm_canvas_drag_cancel (self);

  _cjm_canvas_render_map_changed (self);
  cjm_selection_prune (self->selection, self->map);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
card_notify_cb (CjmCanvas  *self,
                GParamSpec *pspec,
                CjmCard    *card)
{
  _cjm_canvas_render_card_changed (self, card);
}

static void
lane_or_persona_notify_cb (CjmCanvas *self)
{
  /* Cards show their lane's channel and their personas' colours. */
  _cjm_canvas_render_clear (self);
}

/* Watches each element of @model added, once: a card removed and put
 * back by undo is the same object. */
static void
watch_items (CjmCanvas  *self,
             GListModel *model,
             guint       position,
             guint       added,
             GCallback   callback)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_object_get_data (item, "cjm-canvas-watched") == self)
        continue;

      g_object_set_data (item, "cjm-canvas-watched", self);
      g_signal_connect_object (item, "notify", callback, self, G_CONNECT_SWAPPED);
    }
}

static void
cards_changed_cb (CjmCanvas  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  watch_items (self, model, position, added, G_CALLBACK (card_notify_cb));
}

static void
lanes_or_personas_changed_cb (CjmCanvas  *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  watch_items (self, model, position, added, G_CALLBACK (lane_or_persona_notify_cb));
  lane_or_persona_notify_cb (self);
}

static void
unwatch_model (CjmCanvas  *self,
               GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_object_get_data (item, "cjm-canvas-watched") == self)
        {
          g_signal_handlers_disconnect_by_data (item, self);
          g_object_set_data (item, "cjm-canvas-watched", NULL);
        }
    }
}

static void
unwatch_map (CjmCanvas *self)
{
  if (self->map == NULL)
    return;

  /* Elements in the undo history are not in the models any more; their
   * handlers die with the canvas, or with them. */
  unwatch_model (self, cjm_map_get_cards (self->map));
  unwatch_model (self, cjm_map_get_lanes (self->map));
  unwatch_model (self, cjm_map_get_personas (self->map));
}

/* Zoom */

static double
clamp_zoom (double zoom)
{
  return CLAMP (zoom, CJM_CANVAS_ZOOM_MIN, CJM_CANVAS_ZOOM_MAX);
}

/**
 * cjm_canvas_set_zoom_at:
 * @self: a #CjmCanvas
 * @zoom: the new zoom, 1.0 for 100 %
 * @x: a point of the widget
 * @y: a point of the widget
 *
 * Zooms keeping the point of the map under (@x, @y) where it is: under the
 * pointer for Ctrl+scroll, at the centre for the keyboard.
 */
void
cjm_canvas_set_zoom_at (CjmCanvas *self,
                        double     zoom,
                        double     x,
                        double     y)
{
  double map_x, map_y;

  g_return_if_fail (CJM_IS_CANVAS (self));

  zoom = clamp_zoom (zoom);
  if (zoom == self->zoom)
    return;

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  _cjm_canvas_render_zoom_begin (self);
  self->zoom = zoom;
  self->zoom_changed_at = g_get_monotonic_time ();
  configure_adjustments (self, map_x * zoom - x, map_y * zoom - y);

  _cjm_canvas_allocate_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cjm_canvas_set_zoom (CjmCanvas *self,
                     double     zoom)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  cjm_canvas_set_zoom_at (self, zoom,
                          gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
cjm_canvas_get_zoom (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * cjm_canvas_zoom_to_rect:
 * @self: a #CjmCanvas
 * @rect: a rectangle of the map
 *
 * Zooms and scrolls so that @rect fills the view, centred.
 */
void
cjm_canvas_zoom_to_rect (CjmCanvas     *self,
                         const CjmRect *rect)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  if (width <= 0 || height <= 0 || rect->width <= 0 || rect->height <= 0)
    return;

  zoom = clamp_zoom (MIN (width / rect->width, height / rect->height));
  if (zoom != self->zoom)
    {
      _cjm_canvas_render_zoom_begin (self);
      self->zoom = zoom;
      self->zoom_changed_at = g_get_monotonic_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  configure_adjustments (self,
                         (rect->x + rect->width / 2) * zoom - width / 2.0,
                         (rect->y + rect->height / 2) * zoom - height / 2.0);
  _cjm_canvas_allocate_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cjm_canvas_zoom_to_fit (CjmCanvas *self)
{
  CjmRect rect = { 0, 0, 0, 0 };

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->layout == NULL)
    return;

  cjm_layout_get_size (self->layout, &rect.width, &rect.height);
  cjm_canvas_zoom_to_rect (self, &rect);
}

/**
 * cjm_canvas_scroll_to_element:
 * @self: a #CjmCanvas
 * @id: the id of an element of the map
 *
 * Scrolls the least that shows the element whole, if it can.
 */
void
cjm_canvas_scroll_to_element (CjmCanvas  *self,
                              const char *id)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double value_x, value_y, x0, y0, x1, y1;
  const double margin = 24;
  CjmRect rect;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->layout == NULL || id == NULL ||
      !cjm_layout_get_element_rect (self->layout, id, &rect))
    return;

  value_x = gtk_adjustment_get_value (self->hadjustment);
  value_y = gtk_adjustment_get_value (self->vadjustment);
  x0 = rect.x * self->zoom - margin;
  y0 = rect.y * self->zoom - margin;
  x1 = (rect.x + rect.width) * self->zoom + margin;
  y1 = (rect.y + rect.height) * self->zoom + margin;

  if (x1 - x0 > width || x0 < value_x)
    value_x = x0;
  else if (x1 > value_x + width)
    value_x = x1 - width;

  if (y1 - y0 > height || y0 < value_y)
    value_y = y0;
  else if (y1 > value_y + height)
    value_y = y1 - height;

  configure_adjustments (self, value_x, value_y);
}

/* Presentation */

gboolean
cjm_canvas_get_presenting (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);

  return self->presenting;
}

/**
 * cjm_canvas_set_presenting:
 * @self: a #CjmCanvas
 * @presenting: whether the map is shown to a room
 *
 * Presenting draws larger text and makes the arrow keys step through the
 * stages, each zoomed to fill the view.
 */
void
cjm_canvas_set_presenting (CjmCanvas *self,
                           gboolean   presenting)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  _cjm_canvas_stop_editing (self, TRUE);
  _cjm_canvas_drag_cancel (self);
  if (self->layout != NULL)
    cjm_layout_set_text_scale (self->layout, presenting ? PRESENTATION_TEXT_SCALE : self->text_scale);
  _cjm_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* Style */

static void
style_dark_changed_cb (CjmCanvas *self)
{
  CjmTheme theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                   ? CJM_THEME_DARK : CJM_THEME_LIGHT;

  if (theme == self->theme)
    return;

  self->theme = theme;
  _cjm_canvas_render_clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
cjm_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  double width, height;

  get_content_size (self, &width, &height);

  /* Scrolled, it can be small; it would like to show the whole map. */
  *minimum = 0;
  *natural = (int)MIN (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height, 4096);
}

static void
cjm_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  /* The map keeps its place: the point at the top left of the view stays
   * there when panels open, the window grows or the map changes. */
  configure_adjustments (self,
                         self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0,
                         self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0);

  if (self->scale_factor != gtk_widget_get_scale_factor (widget))
    {
      self->scale_factor = gtk_widget_get_scale_factor (widget);
      _cjm_canvas_render_clear (self);
    }

  _cjm_canvas_allocate_editor (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (self->emotion_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->emotion_popover));
}

/* GObject */

static void
cjm_canvas_dispose (GObject *object)
{
  CjmCanvas *self = (CjmCanvas *)object;

  _cjm_canvas_drag_cancel (self);
  _cjm_canvas_keyboard_dispose (self);
  g_clear_handle_id (&self->forget_context_id, g_source_remove);
  unwatch_map (self);
  cjm_emotion_popover_replace (&self->emotion_popover, NULL);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  g_clear_object (&self->layout_signals);
  g_clear_object (&self->cards_signals);
  g_clear_object (&self->lanes_signals);
  g_clear_object (&self->personas_signals);
  _cjm_canvas_render_dispose (self);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  self->map = NULL;
  self->history = NULL;

  G_OBJECT_CLASS (cjm_canvas_parent_class)->dispose (object);
}

static void
cjm_canvas_finalize (GObject *object)
{
  CjmCanvas *self = (CjmCanvas *)object;

  g_clear_object (&self->selection);
  g_clear_pointer (&self->overlay_key, g_free);
  g_clear_pointer (&self->hovered_id, g_free);

  G_OBJECT_CLASS (cjm_canvas_parent_class)->finalize (object);
}

static void
cjm_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CjmCanvas *self = CJM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CjmCanvas *self = CJM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      cjm_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_PRESENTING:
      cjm_canvas_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint)g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint)g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_canvas_class_init (CjmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_canvas_dispose;
  object_class->finalize = cjm_canvas_finalize;
  object_class->get_property = cjm_canvas_get_property;
  object_class->set_property = cjm_canvas_set_property;

  widget_class->measure = cjm_canvas_measure;
  widget_class->size_allocate = cjm_canvas_size_allocate;
  widget_class->snapshot = _cjm_canvas_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         CJM_TYPE_SELECTION,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         CJM_TYPE_LAYOUT,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         CJM_CANVAS_ZOOM_MIN, CJM_CANVAS_ZOOM_MAX, 1.0,
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

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CjmCanvas::show-message:
   * @self: the canvas
   * @message: what to tell the user, e.g. why a drop did nothing
   *
   * The window shows it as a toast.
   */
  signals[SHOW_MESSAGE] =
    g_signal_new ("show-message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "cjm-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _cjm_canvas_keyboard_class_init (widget_class);
}

static void
cjm_canvas_init (CjmCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->zoom = 1.0;
  self->text_scale = 1.0;
  self->scale_factor = 1;
  self->selection = cjm_selection_new ();
  self->context_lane = -1;
  self->context_column = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  self->layout_signals = g_signal_group_new (CJM_TYPE_LAYOUT);
  g_signal_group_connect_object (self->layout_signals, "changed",
                                 G_CALLBACK (layout_changed_cb), self, G_CONNECT_SWAPPED);

  self->cards_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->cards_signals, "items-changed",
                                 G_CALLBACK (cards_changed_cb), self, G_CONNECT_SWAPPED);
  self->lanes_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->lanes_signals, "items-changed",
                                 G_CALLBACK (lanes_or_personas_changed_cb), self, G_CONNECT_SWAPPED);
  self->personas_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->personas_signals, "items-changed",
                                 G_CALLBACK (lanes_or_personas_changed_cb), self, G_CONNECT_SWAPPED);

  _cjm_canvas_render_init (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (style_dark_changed_cb), self, G_CONNECT_SWAPPED);
  style_dark_changed_cb (self);

  _cjm_canvas_input_init (self);
  _cjm_canvas_keyboard_init (self);
}

/* Public API */

GtkWidget *
cjm_canvas_new (void)
{
  return g_object_new (CJM_TYPE_CANVAS, NULL);
}

/**
 * cjm_canvas_get_document:
 * @self: a #CjmCanvas
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CjmDocument *
cjm_canvas_get_document (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);

  return self->document;
}

/**
 * cjm_canvas_get_selection:
 * @self: a #CjmCanvas
 *
 * The selection the canvas shows and acts on; the side panels share it.
 *
 * Returns: (transfer none): the selection
 */
CjmSelection *
cjm_canvas_get_selection (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);

  return self->selection;
}

/**
 * cjm_canvas_get_layout:
 * @self: a #CjmCanvas
 *
 * Returns: (transfer none) (nullable): the layout the canvas draws
 */
CjmLayout *
cjm_canvas_get_layout (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);

  return self->layout;
}

/**
 * cjm_canvas_set_document:
 * @self: a #CjmCanvas
 * @document: (nullable): the document to show and edit
 */
void
cjm_canvas_set_document (CjmCanvas   *self,
                         CjmDocument *document)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (!document || CJM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  _cjm_canvas_stop_editing (self, FALSE);
  _cjm_canvas_drag_cancel (self);
  unwatch_map (self);
  _cjm_canvas_render_clear (self);

  g_set_object (&self->document, document);
  g_clear_object (&self->layout);
  self->map = document != NULL ? cjm_document_get_map (document) : NULL;
  self->history = document != NULL ? cjm_document_get_history (document) : NULL;

  if (self->map != NULL)
    {
      self->layout = cjm_layout_new (self->map);
      cjm_layout_set_text_scale (self->layout, self->presenting ? PRESENTATION_TEXT_SCALE : self->text_scale);
    }

  g_signal_group_set_target (self->layout_signals, self->layout);
  g_signal_group_set_target (self->cards_signals, self->map ? cjm_map_get_cards (self->map) : NULL);
  g_signal_group_set_target (self->lanes_signals, self->map ? cjm_map_get_lanes (self->map) : NULL);
  g_signal_group_set_target (self->personas_signals, self->map ? cjm_map_get_personas (self->map) : NULL);

  if (self->map != NULL)
    {
      GListModel *cards = cjm_map_get_cards (self->map);
      GListModel *lanes = cjm_map_get_lanes (self->map);
      GListModel *personas = cjm_map_get_personas (self->map);

      watch_items (self, cards, 0, g_list_model_get_n_items (cards), G_CALLBACK (card_notify_cb));
      watch_items (self, lanes, 0, g_list_model_get_n_items (lanes),
                   G_CALLBACK (lane_or_persona_notify_cb));
      watch_items (self, personas, 0, g_list_model_get_n_items (personas),
                   G_CALLBACK (lane_or_persona_notify_cb));
    }

  cjm_selection_clear (self->selection);
  cjm_selection_set_focused (self->selection, NULL);

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);

  _cjm_canvas_update_actions (self);
  _cjm_canvas_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}
