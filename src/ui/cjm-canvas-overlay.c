/* cjm-canvas-overlay.c: what shows the user's interaction over the map:
 * selection, focus, hover, drop targets and drags
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cjm-canvas-private.h"

/* The overlay: what shows the user's interaction */

static void
add_rect_to (CjmRect       *bounds,
             const CjmRect *rect)
{
  double x1, y1;

  if (bounds->width <= 0)
    {
      *bounds = *rect;
      return;
    }

  x1 = MAX (bounds->x + bounds->width, rect->x + rect->width);
  y1 = MAX (bounds->y + bounds->height, rect->y + rect->height);
  bounds->x = MIN (bounds->x, rect->x);
  bounds->y = MIN (bounds->y, rect->y);
  bounds->width = x1 - bounds->x;
  bounds->height = y1 - bounds->y;
}

/* The images of the layers, kept for the next frames: copied from when
 * the layer's window moves, scaled while the zoom changes. */
#define OVERLAY_IMAGE      "cjm-canvas-overlay-image"
#define DROP_OVERLAY_IMAGE "cjm-canvas-drop-overlay-image"

/* The grid the overlay's window is on, in pixels. */
#define OVERLAY_GRID 128

typedef struct
{
  int x;
  int y;
  int width;
  int height;
} PixelRect;

static gboolean
pixel_rect_intersect (const PixelRect *a,
                      const PixelRect *b,
                      PixelRect       *result)
{
  int x0 = MAX (a->x, b->x), y0 = MAX (a->y, b->y);
  int x1 = MIN (a->x + a->width, b->x + b->width), y1 = MIN (a->y + a->height, b->y + b->height);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  *result = (PixelRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* The overlay has two layers, each a node of its own, kept while it is
 * unchanged: the drop target, which follows a drag, and the selection,
 * focus and hover, which stay while it moves. */
typedef enum
{
  OVERLAY_MARKS,
  OVERLAY_DROP,
  N_OVERLAYS
} OverlayLayer;

static void
overlay_options (CjmCanvas        *self,
                 OverlayLayer      layer,
                 CjmRenderOptions *options)
{
  _cjm_canvas_init_render_options (self, options);
  options->transparent = TRUE;

  /* A presentation shows the map alone. */
  if (self->presenting)
    return;

  if (layer == OVERLAY_MARKS)
    {
      options->selected_ids = cjm_selection_get_set (self->selection);
      options->focused_id = _cjm_canvas_get_focus_shown (self) ? cjm_selection_get_focused (self->selection) : NULL;
      options->hovered_id = self->drag.mode == DRAG_NONE ? self->hovered_id : NULL;
    }
  else if ((self->drag.mode == DRAG_CARDS && self->drag.drop.kind == CJM_DROP_MOVE) ||
           (self->drag.mode == DRAG_PALETTE && self->drag.drop.kind == CJM_DROP_CREATE))
    {
      options->drop_lane = self->drag.drop.lane;
      options->drop_column = self->drag.drop.column;
      options->drop_index = self->drag.drop.index;
    }
}

/* What a layer covers, in map units: the highlighted elements, with room
 * for the handles and focus rings around them. */
static gboolean
overlay_bounds (CjmCanvas              *self,
                const CjmRenderOptions *options,
                CjmRect                *bounds)
{
  GHashTableIter iter;
  const char *id;
  CjmRect rect;

  memset (bounds, 0, sizeof *bounds);

  if (options->drop_lane >= 0 &&
      cjm_layout_get_cell_rect (self->layout, options->drop_lane, options->drop_column, &rect))
    add_rect_to (bounds, &rect);
  if (options->focused_id != NULL && cjm_layout_get_element_rect (self->layout, options->focused_id, &rect))
    add_rect_to (bounds, &rect);
  if (options->hovered_id != NULL && cjm_layout_get_element_rect (self->layout, options->hovered_id, &rect))
    add_rect_to (bounds, &rect);

  if (options->selected_ids != NULL)
    {
      g_hash_table_iter_init (&iter, options->selected_ids);
      while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
        if (cjm_layout_get_element_rect (self->layout, id, &rect))
          add_rect_to (bounds, &rect);
    }

  if (bounds->width <= 0)
    return FALSE;

  bounds->x -= 12;
  bounds->y -= 12;
  bounds->width += 24;
  bounds->height += 24;

  return TRUE;
}

static inline int
floor_div (int a,
           int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Where a layer's image goes, in pixels of the map at the zoom shown: what
 * it covers, within the view. Not the view itself but a window around it,
 * of a size that does not change, on a grid of OVERLAY_GRID pixels: a pan
 * keeps the same window, hence the same node, until it crosses the grid. A
 * selection of everything at a high zoom never makes a node much larger
 * than the view (nor than a texture can be). */
static gboolean
overlay_pixel_rect (CjmCanvas     *self,
                    const CjmRect *bounds,
                    int            origin_x,
                    int            origin_y,
                    PixelRect     *rect)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int wx0 = floor_div (-origin_x, OVERLAY_GRID) * OVERLAY_GRID;
  int wy0 = floor_div (-origin_y, OVERLAY_GRID) * OVERLAY_GRID;
  int wx1 = wx0 + (floor_div (width - 1, OVERLAY_GRID) + 2) * OVERLAY_GRID;
  int wy1 = wy0 + (floor_div (height - 1, OVERLAY_GRID) + 2) * OVERLAY_GRID;
  int x, y, w, h;

  _cjm_canvas_pixel_bounds (self->zoom, bounds, 0, &x, &y, &w, &h);
  rect->x = MAX (x, wx0);
  rect->y = MAX (y, wy0);
  rect->width = MIN (x + w, wx1) - rect->x;
  rect->height = MIN (y + h, wy1) - rect->y;

  return rect->width > 0 && rect->height > 0;
}

/* Draws the highlights of @options within @rect, pixels of the map at the
 * zoom shown, into @image, whose top left is at (@x, @y). */
static void
draw_highlights (CjmCanvas        *self,
                 cairo_surface_t  *image,
                 int               x,
                 int               y,
                 CjmRenderOptions *options,
                 const PixelRect  *rect)
{
  cairo_t *cr = cairo_create (image);

  cairo_translate (cr, -x, -y);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  options->visible = (CjmRect) { (rect->x - 1) / self->zoom, (rect->y - 1) / self->zoom,
                                 (rect->width + 2) / self->zoom, (rect->height + 2) / self->zoom };
  cjm_render_highlights (cr, self->layout, options);
  cairo_destroy (cr);
}

static void
snapshot_overlay_layer (CjmCanvas      *self,
                        GtkSnapshot    *snapshot,
                        OverlayLayer    layer,
                        int             origin_x,
                        int             origin_y)
{
  GskRenderNode **node = layer == OVERLAY_MARKS ? &self->overlay : &self->drop_overlay;
  char **node_key = layer == OVERLAY_MARKS ? &self->overlay_key : &self->drop_overlay_key;
  const char *image_data = layer == OVERLAY_MARKS ? OVERLAY_IMAGE : DROP_OVERLAY_IMAGE;
  cairo_surface_t *old_image = g_object_get_data (G_OBJECT (self), image_data);
  g_autofree char *key = NULL;
  CjmRenderOptions options;
  PixelRect rect, old;
  double old_zoom;
  CjmRect bounds;

  overlay_options (self, layer, &options);
  if (!overlay_bounds (self, &options, &bounds) ||
      !overlay_pixel_rect (self, &bounds, origin_x, origin_y, &rect))
    {
      g_clear_pointer (node, gsk_render_node_unref);
      g_object_set_data (G_OBJECT (self), image_data, NULL);
      return;
    }

  /* While the zoom changes, the highlights as they were, scaled pixel by
   * pixel, as the map under them is (cjm-canvas-render.c): drawing them
   * again at each step would cost a frame's time with a large selection. */
  if (layer == OVERLAY_MARKS && *node != NULL && old_image != NULL &&
      _cjm_canvas_render_is_zooming (self) &&
      sscanf (*node_key, "%d %d %d %d|%lg", &old.x, &old.y, &old.width, &old.height, &old_zoom) == 5 &&
      old_zoom > 0)
    {
      double scale = self->zoom / old_zoom;
      g_autoptr(GskRenderNode) scaled = NULL;
      cairo_t *cr;

      scaled = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, ceil (old.width * scale), ceil (old.height * scale)));
      cr = gsk_cairo_node_get_draw_context (scaled);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, old_image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_destroy (cr);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (origin_x + old.x * scale, origin_y + old.y * scale));
      gtk_snapshot_append_node (snapshot, scaled);
      gtk_snapshot_restore (snapshot);
      return;
    }

  /* Where it is, then what it shows. */
  key = g_strdup_printf ("%d %d %d %d|%.17g %d %d %d", rect.x, rect.y, rect.width, rect.height, self->zoom,
                         options.drop_lane, options.drop_column, options.drop_index);

  if (*node == NULL || g_strcmp0 (key, *node_key) != 0)
    {
      int scale_factor = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
      cairo_surface_t *image;
      PixelRect common;
      cairo_t *cr;

      /* Drawn into an image, which the node paints: GTK's cairo renderer
       * replays a node's drawing at each frame that shows it, and each
       * frame of a pan shows it; an image costs a copy, where the outlines
       * of many cards would be drawn again. */
      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rect.width * scale_factor,
                                          rect.height * scale_factor);
      cairo_surface_set_device_scale (image, scale_factor, scale_factor);

      /* The same highlights, the window moved (a pan): what the old image
       * has is copied, only the rest is drawn. */
      if (*node != NULL && old_image != NULL &&
          sscanf (*node_key, "%d %d %d %d|", &old.x, &old.y, &old.width, &old.height) == 4 &&
          g_strcmp0 (strchr (*node_key, '|'), strchr (key, '|')) == 0 &&
          pixel_rect_intersect (&rect, &old, &common))
        {
          PixelRect strips[4];

          cr = cairo_create (image);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_set_source_surface (cr, old_image, old.x - rect.x, old.y - rect.y);
          cairo_rectangle (cr, common.x - rect.x, common.y - rect.y, common.width, common.height);
          cairo_fill (cr);
          cairo_destroy (cr);

          /* Above, below, left and right of what was there. */
          strips[0] = (PixelRect) { rect.x, rect.y, rect.width, common.y - rect.y };
          strips[1] = (PixelRect) { rect.x, common.y + common.height, rect.width,
                                    rect.y + rect.height - common.y - common.height };
          strips[2] = (PixelRect) { rect.x, common.y, common.x - rect.x, common.height };
          strips[3] = (PixelRect) { common.x + common.width, common.y,
                                    rect.x + rect.width - common.x - common.width, common.height };
          for (guint i = 0; i < G_N_ELEMENTS (strips); i++)
            if (strips[i].width > 0 && strips[i].height > 0)
              draw_highlights (self, image, rect.x, rect.y, &options, &strips[i]);
        }
      else
        draw_highlights (self, image, rect.x, rect.y, &options, &rect);

      g_clear_pointer (node, gsk_render_node_unref);
      *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, rect.width, rect.height));
      cr = gsk_cairo_node_get_draw_context (*node);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      g_object_set_data_full (G_OBJECT (self), image_data, image, (GDestroyNotify)cairo_surface_destroy);

      g_free (*node_key);
      *node_key = g_steal_pointer (&key);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (origin_x + rect.x, origin_y + rect.y));
  gtk_snapshot_append_node (snapshot, *node);
  gtk_snapshot_restore (snapshot);
}

void
_cjm_canvas_snapshot_overlay (CjmCanvas     *self,
                              GtkSnapshot   *snapshot,
                              const CjmRect *visible,
                              int            origin_x,
                              int            origin_y)
{
  snapshot_overlay_layer (self, snapshot, OVERLAY_DROP, origin_x, origin_y);
  snapshot_overlay_layer (self, snapshot, OVERLAY_MARKS, origin_x, origin_y);
}

/* Drags */

static void
get_accent (CjmCanvas *self,
            GdkRGBA   *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, "accent_bg_color", color))
    gdk_rgba_parse (color, "#3584e4");
}

static void
append_map_rect (CjmCanvas     *self,
                 GtkSnapshot   *snapshot,
                 const CjmRect *rect,
                 const GdkRGBA *fill,
                 const GdkRGBA *border,
                 int            origin_x,
                 int            origin_y)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (origin_x + rect->x * self->zoom,
                                               origin_y + rect->y * self->zoom,
                                               rect->width * self->zoom,
                                               rect->height * self->zoom);

  if (fill != NULL)
    gtk_snapshot_append_color (snapshot, fill, &bounds);

  if (border != NULL)
    {
      GskRoundedRect outline;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

void
_cjm_canvas_snapshot_drag (CjmCanvas   *self,
                           GtkSnapshot *snapshot,
                           int          origin_x,
                           int          origin_y)
{
  CjmDrag *drag = &self->drag;
  double dx = drag->x - drag->start_x;
  double dy = drag->y - drag->start_y;
  GdkRGBA accent, tint;
  CjmRect rect;

  get_accent (self, &accent);
  tint = accent;
  tint.alpha = 0.15;

  switch (drag->mode)
    {
    case DRAG_CARDS:
      if (drag->drop.kind == CJM_DROP_LINK &&
          cjm_layout_get_card_rect (self->layout, drag->drop.target, &rect))
        append_map_rect (self, snapshot, &rect, &tint, &accent, origin_x, origin_y);

      {
        int shift_x = (int)round (dx), shift_y = (int)round (dy);
        graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
        cairo_t *cr;

        /* A node just the size of the cards dragged: only there is damage. */
        for (guint i = 0; i < drag->cards->len; i++)
          {
            graphene_rect_t card;

            if (!_cjm_canvas_paint_card (self, NULL, g_ptr_array_index (drag->cards, i),
                                         shift_x, shift_y, 1, &card))
              continue;
            if (bounds.size.width <= 0)
              bounds = card;
            else
              graphene_rect_union (&bounds, &card, &bounds);
          }

        if (bounds.size.width <= 0)
          break;

        cr = gtk_snapshot_append_cairo (snapshot, &bounds);
        for (guint i = 0; i < drag->cards->len; i++)
          _cjm_canvas_paint_card (self, cr, g_ptr_array_index (drag->cards, i), shift_x, shift_y, 0.75, NULL);
        cairo_destroy (cr);
      }
      break;

    case DRAG_RESIZE:
      if (drag->drop.kind == CJM_DROP_RESIZE)
        append_map_rect (self, snapshot, &drag->drop.marker, &tint, &accent, origin_x, origin_y);
      break;

    case DRAG_CONNECT:
      {
        double x0 = origin_x + (drag->grab_rect.x + drag->grab_rect.width) * self->zoom;
        double y0 = origin_y + (drag->grab_rect.y + drag->grab_rect.height / 2) * self->zoom;
        graphene_rect_t bounds;
        cairo_t *cr;

        if (drag->drop.kind == CJM_DROP_CONNECT &&
            cjm_layout_get_card_rect (self->layout, drag->drop.target, &rect))
          append_map_rect (self, snapshot, &rect, &tint, &accent, origin_x, origin_y);

        /* The curve stays within its control points, 60 pixels out. */
        bounds = GRAPHENE_RECT_INIT (MIN (x0, drag->x) - 64, MIN (y0, drag->y) - 8,
                                     fabs (drag->x - x0) + 128, fabs (drag->y - y0) + 16);
        cr = gtk_snapshot_append_cairo (snapshot, &bounds);
        gdk_cairo_set_source_rgba (cr, &accent);
        cairo_set_line_width (cr, 2);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, x0, y0);
        cairo_curve_to (cr, x0 + 60, y0, drag->x - 60, drag->y, drag->x, drag->y);
        cairo_stroke (cr);
        cairo_arc (cr, drag->x, drag->y, 4, 0, 2 * G_PI);
        cairo_fill (cr);
        cairo_destroy (cr);
      }
      break;

    case DRAG_HEADER:
      rect = drag->grab_rect;
      rect.x += dx / self->zoom;
      if (CJM_IS_LANE (drag->element))
        rect.y += dy / self->zoom;
      append_map_rect (self, snapshot, &rect, &tint, &accent, origin_x, origin_y);
      if (drag->drop.kind != CJM_DROP_NONE)
        append_map_rect (self, snapshot, &drag->drop.marker, &accent, NULL, origin_x, origin_y);
      break;

    case DRAG_RUBBER_BAND:
      {
        graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (drag->start_x, drag->x), MIN (drag->start_y, drag->y),
                                                   fabs (drag->x - drag->start_x),
                                                   fabs (drag->y - drag->start_y));
        GskRoundedRect outline;
        const float widths[4] = { 1, 1, 1, 1 };
        const GdkRGBA colors[4] = { accent, accent, accent, accent };

        gtk_snapshot_append_color (snapshot, &tint, &band);
        gsk_rounded_rect_init_from_rect (&outline, &band, 0);
        gtk_snapshot_append_border (snapshot, &outline, widths, colors);
      }
      break;

    case DRAG_EMOTION:
      _cjm_canvas_snapshot_emotion_drag (self, snapshot, origin_x, origin_y);
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_PAN:
    case DRAG_PALETTE:
    default:
      break;
    }
}
