/* cjm-canvas-render.c: drawing the map, from render nodes kept between frames
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <math.h>

#include "cjm-canvas-private.h"

/* Rasterising a map is what costs: a thousand cards with their text take
 * tens of milliseconds to draw. So a frame draws nothing that did not
 * change. What lies under the cards (lanes, headers, arrows, curves) is
 * drawn into tiles, each card into an image of its own, each connection's
 * label into another, at the zoom and scale of the screen with their
 * pixels on the pixel grid of the zoomed map. The images are kept while
 * what they show is unchanged: a pan only moves them; an edit redraws the
 * tiles and the cards whose rectangles changed; hover, selection and drags
 * redraw the overlay only.
 *
 * A frame composites the images in view into one cairo node, the base.
 * Measured with GTK 4.8's cairo renderer under Xvfb, that is what costs
 * least: the renderer copies each node it draws (a cairo node's recording
 * is replayed into a scratch image, a texture is downloaded), so a node
 * per card cost a copy and an allocation per card per frame, where one
 * node costs one. While the view does not move, the same base node object
 * is handed to GTK again, so that GSK's diff finds no damage but the
 * overlay's.
 *
 * Making images has a budget per frame; tiles and cards near the view are
 * made ahead when a frame has time left. When a zoom begins, the view is
 * kept as one image (the zoom image), and while the zoom changes, frames
 * show it scaled over an overview of the whole map (tiles at a low zoom,
 * cards and all); once it settles, the images at the new zoom are made a
 * few a frame, over those meanwhile. Below a zoom where cards are many,
 * small and simplified, they are drawn into the tiles. */

/* How long a frame may spend making images. */
#define MAKE_BUDGET_US 2500
/* A zoom that changed less than this ago is still changing. */
#define ZOOM_SETTLE_US 180000
/* The zoom of the overview: low enough for the map to take few tiles. */
#define OVERVIEW_ZOOM 0.2
/* Below this zoom, the cards are drawn into the tiles. */
#define CARDS_IN_TILES_BELOW 0.5
/* Around the view, a margin of tiles and cards made ahead. */
#define PREFETCH_MARGIN CJM_CANVAS_TILE_SIZE
/* Texts below this zoom are drawn as grey lines. */
#define SIMPLIFY_BELOW 0.45
/* Images of cards not drawn for this many frames are dropped. */
#define MAX_IDLE_FRAMES 600

static void
cached_image_free (gpointer data)
{
  CjmCachedImage *cached = data;

  g_clear_pointer (&cached->surface, cairo_surface_destroy);
  g_free (cached);
}

static CjmTileSet *
tile_set_new (double zoom)
{
  CjmTileSet *set = g_new0 (CjmTileSet, 1);

  set->zoom = zoom;
  set->with_cards = zoom < CARDS_IN_TILES_BELOW;
  set->tiles = g_hash_table_new_full (NULL, NULL, NULL, cached_image_free);

  return set;
}

static void
tile_set_free (CjmTileSet *set)
{
  g_hash_table_unref (set->tiles);
  g_free (set);
}

void
_cjm_canvas_render_init (CjmCanvas *self)
{
  self->card_images = g_hash_table_new_full (NULL, NULL, NULL, cached_image_free);
  self->label_images = g_hash_table_new_full (NULL, NULL, NULL, cached_image_free);
}

static void
changed (CjmCanvas *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The selection, the focus or the hover changed. The drop target's layer
 * is known by its key: it changes with the drop alone. */
void
_cjm_canvas_render_invalidate_overlay (CjmCanvas *self)
{
  g_clear_pointer (&self->overlay, gsk_render_node_unref);
  g_clear_pointer (&self->overlay_key, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_overlays (CjmCanvas *self)
{
  g_clear_pointer (&self->overlay, gsk_render_node_unref);
  g_clear_pointer (&self->overlay_key, g_free);
  g_clear_pointer (&self->drop_overlay, gsk_render_node_unref);
  g_clear_pointer (&self->drop_overlay_key, g_free);
}

static void
clear_tiles (CjmCanvas *self)
{
  g_clear_pointer (&self->tiles, tile_set_free);
  g_clear_pointer (&self->overview, tile_set_free);
  g_clear_pointer (&self->zoom_image, cached_image_free);
}

/* Forgets every image: the theme, the scale or the document changed. */
void
_cjm_canvas_render_clear (CjmCanvas *self)
{
  if (self->card_images == NULL)
    return;

  g_hash_table_remove_all (self->card_images);
  g_hash_table_remove_all (self->label_images);
  clear_tiles (self);
  clear_overlays (self);
  changed (self);
}

void
_cjm_canvas_render_dispose (CjmCanvas *self)
{
  _cjm_canvas_render_clear (self);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  g_clear_pointer (&self->base, gsk_render_node_unref);
  g_clear_pointer (&self->base_key, g_free);
  g_clear_pointer (&self->card_images, g_hash_table_unref);
  g_clear_pointer (&self->label_images, g_hash_table_unref);
}

void
_cjm_canvas_render_card_changed (CjmCanvas *self,
                                 CjmCard   *card)
{
  g_hash_table_remove (self->card_images, card);
  changed (self);
}

/* The map changed: what lies under the cards may have, anywhere. Cards
 * keep their images while their rectangles stay the same. */
void
_cjm_canvas_render_map_changed (CjmCanvas *self)
{
  clear_tiles (self);
  g_hash_table_remove_all (self->label_images);
  clear_overlays (self);
  changed (self);
}

void
_cjm_canvas_init_render_options (CjmCanvas        *self,
                                 CjmRenderOptions *options)
{
  cjm_render_options_init (options);
  options->theme = self->theme;
  options->simplify_below = SIMPLIFY_BELOW;
}

/* Time */

static gboolean
zooming (CjmCanvas *self)
{
  return g_get_monotonic_time () - self->zoom_changed_at < ZOOM_SETTLE_US;
}

gboolean
_cjm_canvas_render_is_zooming (CjmCanvas *self)
{
  return zooming (self);
}

static gboolean
out_of_time (CjmCanvas *self)
{
  return g_get_monotonic_time () > self->deadline;
}

/* Images */

typedef void (*DrawFunc) (CjmCanvas *self,
                          cairo_t   *cr,
                          double     zoom,
                          gpointer   data);

/* Draws, in map units, what @draw draws into @cached: an image covering
 * the pixels of the map at @zoom from (@x, @y), @width × @height. */
static void
make_image (CjmCanvas      *self,
            CjmCachedImage *cached,
            double          zoom,
            int             x,
            int             y,
            int             width,
            int             height,
            gboolean        opaque,
            DrawFunc        draw,
            gpointer        data)
{
  cairo_t *cr;

  g_clear_pointer (&cached->surface, cairo_surface_destroy);
  cached->surface = cairo_image_surface_create (opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                                width * self->scale_factor,
                                                height * self->scale_factor);
  cairo_surface_set_device_scale (cached->surface, self->scale_factor, self->scale_factor);
  cached->zoom = zoom;
  cached->x = x;
  cached->y = y;
  cached->width = width;
  cached->height = height;
  cached->last_used = self->frame;

  cr = cairo_create (cached->surface);
  cairo_translate (cr, -x, -y);
  cairo_scale (cr, zoom, zoom);
  draw (self, cr, zoom, data);
  cairo_destroy (cr);

  self->serial++;
}

/* The pixels of the map at @zoom that a rectangle of the map touches,
 * with @pad pixels around. */
void
_cjm_canvas_pixel_bounds (double         zoom,
                          const CjmRect *rect,
                          int            pad,
                          int           *x,
                          int           *y,
                          int           *width,
                          int           *height)
{
  *x = (int)floor (rect->x * zoom) - pad;
  *y = (int)floor (rect->y * zoom) - pad;
  *width = (int)ceil ((rect->x + rect->width) * zoom) + pad - *x;
  *height = (int)ceil ((rect->y + rect->height) * zoom) + pad - *y;
}

static gboolean
rect_equal (const CjmRect *a,
            const CjmRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

/* Paints a kept image at its place in the view, scaled if it was made at
 * another zoom (quickly while the zoom changes). */
static void
paint_image (CjmCanvas      *self,
             cairo_t        *cr,
             CjmCachedImage *cached,
             int             origin_x,
             int             origin_y,
             double          alpha)
{
  cairo_save (cr);
  if (cached->zoom == self->zoom)
    cairo_set_source_surface (cr, cached->surface, origin_x + cached->x, origin_y + cached->y);
  else
    {
      double scale = self->zoom / cached->zoom;

      cairo_translate (cr, origin_x + cached->x * scale, origin_y + cached->y * scale);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, cached->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), zooming (self) ? CAIRO_FILTER_FAST : CAIRO_FILTER_GOOD);
    }
  if (alpha < 1)
    cairo_paint_with_alpha (cr, alpha);
  else
    cairo_paint (cr);
  cairo_restore (cr);
}

/* Cards */

static void
draw_card (CjmCanvas *self,
           cairo_t   *cr,
           double     zoom,
           gpointer   data)
{
  CjmRenderOptions options;

  _cjm_canvas_init_render_options (self, &options);
  options.transparent = TRUE;
  cjm_render_card (cr, self->layout, data, &options);
}

static void
make_card_image (CjmCanvas      *self,
                 CjmCachedImage *cached,
                 CjmCard        *card,
                 const CjmRect  *rect)
{
  int pad = (int)ceil (2 * self->zoom) + 1;
  int x, y, width, height;

  _cjm_canvas_pixel_bounds (self->zoom, rect, pad, &x, &y, &width, &height);
  make_image (self, cached, self->zoom, x, y, width, height, FALSE, draw_card, card);
  cached->rect = *rect;
}

/* The image of a card: the one kept if made for the card as it is; else,
 * while zooming or out of time, the one made at another zoom, drawn
 * scaled; else a new one, unless out of time and @may_wait. Sets @stale
 * if the one returned is not at the current zoom, or if it waits (NULL).
 * NULL too if the card is not shown. */
static CjmCachedImage *
get_card_image (CjmCanvas *self,
                CjmCard   *card,
                gboolean   may_wait,
                gboolean  *stale)
{
  CjmCachedImage *cached = g_hash_table_lookup (self->card_images, card);
  CjmRect rect;

  *stale = FALSE;
  if (!cjm_layout_get_card_rect (self->layout, card, &rect))
    return NULL;

  if (cached != NULL && rect_equal (&cached->rect, &rect))
    {
      cached->last_used = self->frame;
      if (cached->zoom == self->zoom)
        return cached;

      if (zooming (self) || out_of_time (self))
        {
          *stale = TRUE;
          return cached;
        }
    }

  if (may_wait && out_of_time (self))
    {
      *stale = TRUE;
      return NULL;
    }

  if (cached == NULL)
    {
      cached = g_new0 (CjmCachedImage, 1);
      g_hash_table_insert (self->card_images, card, cached);
    }

  make_card_image (self, cached, card, &rect);

  return cached;
}

/**
 * _cjm_canvas_paint_card:
 * @self: a #CjmCanvas
 * @cr: where to paint, in widget pixels
 * @card: a card shown
 * @dx: how far from its place, in widget pixels
 * @dy: how far from its place
 * @alpha: its opacity
 * @bounds: (out) (optional): where it is painted, in widget pixels
 *
 * Paints the image of a card away from its place: the drag's ghost. With
 * a %NULL @cr, only says where.
 *
 * Returns: %FALSE if the card is not shown
 */
gboolean
_cjm_canvas_paint_card (CjmCanvas       *self,
                        cairo_t         *cr,
                        CjmCard         *card,
                        int              dx,
                        int              dy,
                        double           alpha,
                        graphene_rect_t *bounds)
{
  gboolean stale;
  CjmCachedImage *cached = get_card_image (self, card, FALSE, &stale);
  int origin_x, origin_y;

  if (cached == NULL)
    return FALSE;

  _cjm_canvas_get_origin (self, &origin_x, &origin_y);
  if (bounds != NULL)
    *bounds = GRAPHENE_RECT_INIT (origin_x + dx + cached->x, origin_y + dy + cached->y,
                                  cached->width, cached->height);
  if (cr != NULL)
    paint_image (self, cr, cached, origin_x + dx, origin_y + dy, alpha);

  return TRUE;
}

/* Returns whether some cards were left for later frames. */
static gboolean
paint_cards (CjmCanvas     *self,
             cairo_t       *cr,
             const CjmRect *visible,
             gboolean       may_wait,
             int            origin_x,
             int            origin_y)
{
  g_autoptr(GPtrArray) cards = cjm_layout_get_cards_in_rect (self->layout, visible);
  gboolean any_stale = FALSE;

  for (guint i = 0; i < cards->len; i++)
    {
      gboolean stale;
      CjmCachedImage *cached = get_card_image (self, g_ptr_array_index (cards, i), may_wait, &stale);

      any_stale |= stale;
      if (cached != NULL)
        paint_image (self, cr, cached, origin_x, origin_y, 1);
    }

  return any_stale;
}

/* Makes, while the frame has time, the images of the cards near the view. */
static gboolean
prefetch_cards (CjmCanvas     *self,
                const CjmRect *around)
{
  g_autoptr(GPtrArray) cards = cjm_layout_get_cards_in_rect (self->layout, around);

  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      CjmCachedImage *cached = g_hash_table_lookup (self->card_images, card);
      CjmRect rect;

      if (!cjm_layout_get_card_rect (self->layout, card, &rect) ||
          (cached != NULL && cached->zoom == self->zoom && rect_equal (&cached->rect, &rect)))
        continue;

      if (cached == NULL)
        {
          cached = g_new0 (CjmCachedImage, 1);
          g_hash_table_insert (self->card_images, card, cached);
        }
      make_card_image (self, cached, card, &rect);

      if (out_of_time (self))
        return FALSE;
    }

  return TRUE;
}

/* Tiles */

typedef struct
{
  int      x;
  int      y;
  int      width;
  int      height;
  gboolean with_cards;
} Tile;

static void
draw_tile (CjmCanvas *self,
           cairo_t   *cr,
           double     zoom,
           gpointer   data)
{
  const Tile *tile = data;
  CjmRenderOptions options;

  _cjm_canvas_init_render_options (self, &options);
  options.visible.x = tile->x / zoom;
  options.visible.y = tile->y / zoom;
  options.visible.width = tile->width / zoom;
  options.visible.height = tile->height / zoom;

  cairo_rectangle (cr, options.visible.x, options.visible.y, options.visible.width, options.visible.height);
  cairo_clip (cr);

  cjm_render_background (cr, self->layout, &options);
  cjm_render_bands (cr, self->layout, &options);
  cjm_render_headers (cr, self->layout, &options);
  cjm_render_connections (cr, self->layout, &options);
  cjm_render_emotions (cr, self->layout, &options);

  if (tile->with_cards)
    {
      cjm_render_cards (cr, self->layout, &options);
      cjm_render_connection_labels (cr, self->layout, &options);
    }
}

static inline gpointer
tile_key (int i,
          int j)
{
  return GUINT_TO_POINTER ((guint)(j * 65536 + i));
}

typedef struct
{
  int first_i;
  int last_i;
  int first_j;
  int last_j;
} TileRange;

/* The tiles of @set covering the pixels of the map at its zoom from
 * (@x0, @y0) to (@x1, @y1). */
static void
tile_range (CjmCanvas  *self,
            CjmTileSet *set,
            double      x0,
            double      y0,
            double      x1,
            double      y1,
            TileRange  *range)
{
  const int size = CJM_CANVAS_TILE_SIZE;
  double map_width, map_height;

  cjm_layout_get_size (self->layout, &map_width, &map_height);

  range->first_i = MAX (0, (int)floor (x0 / size));
  range->first_j = MAX (0, (int)floor (y0 / size));
  range->last_i = MIN ((int)floor ((x1 - 1) / size), ((int)ceil (map_width * set->zoom) - 1) / size);
  range->last_j = MIN ((int)floor ((y1 - 1) / size), ((int)ceil (map_height * set->zoom) - 1) / size);
}

static CjmCachedImage *
make_tile (CjmCanvas  *self,
           CjmTileSet *set,
           int         i,
           int         j)
{
  const int size = CJM_CANVAS_TILE_SIZE;
  CjmCachedImage *cached = g_new0 (CjmCachedImage, 1);
  double map_width, map_height;
  Tile tile;

  cjm_layout_get_size (self->layout, &map_width, &map_height);
  tile.x = i * size;
  tile.y = j * size;
  tile.width = MAX (1, MIN (size, (int)ceil (map_width * set->zoom) - tile.x));
  tile.height = MAX (1, MIN (size, (int)ceil (map_height * set->zoom) - tile.y));
  tile.with_cards = set->with_cards;

  make_image (self, cached, set->zoom, tile.x, tile.y, tile.width, tile.height, TRUE, draw_tile, &tile);
  g_hash_table_insert (set->tiles, tile_key (i, j), cached);

  return cached;
}

/* Paints the tiles of @set that cover the view, making those missing if
 * @make (else as the frame has time). Returns whether all were there. */
static gboolean
paint_tile_set (CjmCanvas  *self,
                cairo_t    *cr,
                CjmTileSet *set,
                gboolean    make,
                int         origin_x,
                int         origin_y)
{
  double scale = self->zoom / set->zoom;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean complete = TRUE;
  TileRange range;

  tile_range (self, set, -origin_x / scale, -origin_y / scale,
              (width - origin_x) / scale, (height - origin_y) / scale, &range);

  for (int j = range.first_j; j <= range.last_j; j++)
    for (int i = range.first_i; i <= range.last_i; i++)
      {
        CjmCachedImage *cached = g_hash_table_lookup (set->tiles, tile_key (i, j));

        if (cached == NULL && (make || !out_of_time (self)))
          cached = make_tile (self, set, i, j);

        if (cached == NULL)
          {
            complete = FALSE;
            continue;
          }

        cached->last_used = self->frame;
        paint_image (self, cr, cached, origin_x, origin_y, 1);
      }

  return complete;
}

/* Makes, while the frame has time, the tiles around the view. */
static gboolean
prefetch_tiles (CjmCanvas *self,
                int        origin_x,
                int        origin_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  TileRange range;

  tile_range (self, self->tiles, -origin_x - PREFETCH_MARGIN, -origin_y - PREFETCH_MARGIN,
              width - origin_x + PREFETCH_MARGIN, height - origin_y + PREFETCH_MARGIN, &range);

  for (int j = range.first_j; j <= range.last_j; j++)
    for (int i = range.first_i; i <= range.last_i; i++)
      if (g_hash_table_lookup (self->tiles->tiles, tile_key (i, j)) == NULL)
        {
          make_tile (self, self->tiles, i, j);
          if (out_of_time (self))
            return FALSE;
        }

  return TRUE;
}

/* Paints the tiles at the current zoom. Returns whether all were there. */
static gboolean
paint_tiles (CjmCanvas *self,
             cairo_t   *cr,
             gboolean   make,
             int        origin_x,
             int        origin_y)
{
  if (self->tiles != NULL && self->tiles->zoom != self->zoom)
    g_clear_pointer (&self->tiles, tile_set_free);
  if (self->tiles == NULL)
    self->tiles = tile_set_new (self->zoom);

  return paint_tile_set (self, cr, self->tiles, make, origin_x, origin_y);
}

/* Whether the zoom image, opaque, covers the whole view: when zooming in,
 * from the first frame on. Then nothing under it need be painted. Only
 * while zooming (images scaled pixel by pixel) or at the zoom it was made
 * at, where no filter blends its edges with what lies around. */
static gboolean
zoom_image_covers_view (CjmCanvas *self,
                        int        origin_x,
                        int        origin_y)
{
  const CjmCachedImage *image = self->zoom_image;
  double scale, x0, y0, x1, y1;

  if (image == NULL || (image->zoom != self->zoom && !zooming (self)))
    return FALSE;

  scale = self->zoom / image->zoom;
  x0 = origin_x + image->x * scale;
  y0 = origin_y + image->y * scale;
  x1 = x0 + image->width * scale;
  y1 = y0 + image->height * scale;

  return x0 <= 0 && y0 <= 0 &&
         x1 >= gtk_widget_get_width (GTK_WIDGET (self)) &&
         y1 >= gtk_widget_get_height (GTK_WIDGET (self));
}

/* The fallback: the overview and the zoom image, scaled. */
static void
paint_fallback (CjmCanvas *self,
                cairo_t   *cr,
                int        origin_x,
                int        origin_y)
{
  if (self->overview != NULL && !zoom_image_covers_view (self, origin_x, origin_y))
    paint_tile_set (self, cr, self->overview, FALSE, origin_x, origin_y);
  if (self->zoom_image != NULL)
    paint_image (self, cr, self->zoom_image, origin_x, origin_y, 1);
}

/* Makes, while the frame has time, the overview. */
static gboolean
prefetch_overview (CjmCanvas *self)
{
  double width, height;
  TileRange range;

  if (self->overview == NULL)
    self->overview = tile_set_new (OVERVIEW_ZOOM);

  cjm_layout_get_size (self->layout, &width, &height);
  tile_range (self, self->overview, 0, 0, width * OVERVIEW_ZOOM + 1, height * OVERVIEW_ZOOM + 1, &range);

  for (int j = range.first_j; j <= range.last_j; j++)
    for (int i = range.first_i; i <= range.last_i; i++)
      if (g_hash_table_lookup (self->overview->tiles, tile_key (i, j)) == NULL)
        {
          make_tile (self, self->overview, i, j);
          if (out_of_time (self))
            return FALSE;
        }

  return TRUE;
}

/* Connection labels go over the cards. */

static void
draw_label (CjmCanvas *self,
            cairo_t   *cr,
            double     zoom,
            gpointer   data)
{
  const CjmRect *rect = data;
  CjmRenderOptions options;

  _cjm_canvas_init_render_options (self, &options);
  options.transparent = TRUE;
  options.visible = *rect;
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  cjm_render_connection_labels (cr, self->layout, &options);
}

static void
paint_labels (CjmCanvas     *self,
              cairo_t       *cr,
              const CjmRect *visible,
              int            origin_x,
              int            origin_y)
{
  GListModel *connections = cjm_map_get_connections (self->map);
  guint n = g_list_model_get_n_items (connections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      CjmCachedImage *cached;
      CjmArrow arrow;

      if (cjm_connection_get_label (connection) == NULL ||
          !cjm_layout_get_connection_arrow (self->layout, connection, &arrow) ||
          arrow.label_rect.width <= 0 ||
          !cjm_rect_intersects (&arrow.label_rect, visible))
        continue;

      cached = g_hash_table_lookup (self->label_images, connection);
      if (cached == NULL || !rect_equal (&cached->rect, &arrow.label_rect) ||
          (cached->zoom != self->zoom && !zooming (self)))
        {
          CjmRect rect = arrow.label_rect;
          int x, y, width, height;

          if (cached == NULL)
            {
              cached = g_new0 (CjmCachedImage, 1);
              g_hash_table_insert (self->label_images, connection, cached);
            }
          rect.x -= 2;
          rect.y -= 2;
          rect.width += 4;
          rect.height += 4;
          _cjm_canvas_pixel_bounds (self->zoom, &rect, 1, &x, &y, &width, &height);
          make_image (self, cached, self->zoom, x, y, width, height, FALSE, draw_label, &rect);
          cached->rect = arrow.label_rect;
        }

      paint_image (self, cr, cached, origin_x, origin_y, 1);
    }
}

/* Dropping what was not drawn for a while. */
static void
prune (CjmCanvas *self)
{
  GHashTableIter iter;
  CjmCachedImage *cached;

  if (self->frame % 120 != 0)
    return;

  g_hash_table_iter_init (&iter, self->card_images);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&cached))
    if (cached->last_used + MAX_IDLE_FRAMES < self->frame)
      g_hash_table_iter_remove (&iter);

  if (self->tiles != NULL)
    {
      g_hash_table_iter_init (&iter, self->tiles->tiles);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&cached))
        if (cached->last_used + 120 < self->frame)
          g_hash_table_iter_remove (&iter);
    }
}

/* Later frames */

static gboolean
refine_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  self->tick_id = 0;
  gtk_widget_queue_draw (widget);

  return G_SOURCE_REMOVE;
}

static gboolean
settled_cb (gpointer user_data)
{
  CjmCanvas *self = user_data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_refinement (CjmCanvas *self)
{
  if (zooming (self))
    {
      /* Once the zoom stops, a frame to make the images at the new zoom. */
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add ((ZOOM_SETTLE_US + 20000) / 1000, settled_cb, self);
    }
  else if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), refine_cb, NULL, NULL);
}

/* Paints the map as the view shows it. While the zoom changes, that is the
 * fallback, scaled; else the images at the current zoom, those missing
 * made (all, or as the frame has time if the fallback shows meanwhile).
 * Returns whether all is there, at the current zoom. */
static gboolean
paint_view (CjmCanvas     *self,
            cairo_t       *cr,
            const CjmRect *visible,
            int            origin_x,
            int            origin_y)
{
  gboolean has_fallback = self->zoom_image != NULL;
  gboolean complete;

  if (has_fallback && (zooming (self) || self->zoom_image->zoom != self->zoom))
    {
      paint_fallback (self, cr, origin_x, origin_y);
      if (zooming (self))
        return FALSE;
    }

  complete = paint_tiles (self, cr, !has_fallback, origin_x, origin_y);
  if (!self->tiles->with_cards)
    {
      /* A card may wait for its image where the fallback shows it. */
      complete &= !paint_cards (self, cr, visible, has_fallback, origin_x, origin_y);
      paint_labels (self, cr, visible, origin_x, origin_y);
    }

  if (complete)
    g_clear_pointer (&self->zoom_image, cached_image_free);

  return complete;
}

/**
 * _cjm_canvas_render_zoom_begin:
 * @self: a #CjmCanvas
 *
 * Called before the zoom changes: unless it is changing already, keeps
 * what the view shows as one image, for the frames of the zoom to show
 * scaled.
 */
void
_cjm_canvas_render_zoom_begin (CjmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CjmCachedImage *image;
  int origin_x, origin_y;
  CjmRect visible;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0 || zooming (self) ||
      gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  _cjm_canvas_get_origin (self, &origin_x, &origin_y);
  _cjm_canvas_get_visible_rect (self, &visible);

  /* What is shown now, made of what is there: nothing is made for it. */
  self->deadline = 0;
  image = g_new0 (CjmCachedImage, 1);
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                               width * self->scale_factor, height * self->scale_factor);
  cairo_surface_set_device_scale (image->surface, self->scale_factor, self->scale_factor);
  cr = cairo_create (image->surface);
  {
    GdkRGBA background = { 1, 1, 1, 1 };

    /* Around the map, the view's own background, as GTK draws it. */
    gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                    "view_bg_color", &background);
    gdk_cairo_set_source_rgba (cr, &background);
    cairo_paint (cr);
  }
  paint_view (self, cr, &visible, origin_x, origin_y);
  cairo_destroy (cr);

  image->zoom = self->zoom;
  image->x = -origin_x;
  image->y = -origin_y;
  image->width = width;
  image->height = height;
  image->rect = visible;

  g_clear_pointer (&self->zoom_image, cached_image_free);
  self->zoom_image = image;
}

/* Between frames, when the main loop has nothing else to do, one image
 * at a time of what is near the view, then of the overview: the frames to
 * come find them ready. They change the serial but not what the view
 * shows. */
static gboolean
prefetch_cb (gpointer user_data)
{
  CjmCanvas *self = user_data;
  guint64 serial = self->serial;
  int origin_x, origin_y;
  gboolean done;
  CjmRect around;
  double margin;

  if (self->layout == NULL || self->tiles == NULL || self->tiles->zoom != self->zoom || zooming (self))
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }

  _cjm_canvas_get_origin (self, &origin_x, &origin_y);
  _cjm_canvas_get_visible_rect (self, &around);
  margin = PREFETCH_MARGIN / self->zoom;
  around.x -= margin;
  around.y -= margin;
  around.width += 2 * margin;
  around.height += 2 * margin;

  /* Each image made ends the turn: deadline already past. */
  self->deadline = 0;
  done = prefetch_tiles (self, origin_x, origin_y) &&
         (self->tiles->with_cards || prefetch_cards (self, &around)) &&
         prefetch_overview (self);
  self->serial = serial;

  if (done)
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static char *
base_key (CjmCanvas *self,
          int        origin_x,
          int        origin_y)
{
  return g_strdup_printf ("%d %d %d %d %.17g %" G_GUINT64_FORMAT,
                          origin_x, origin_y,
                          gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)),
                          self->zoom, self->serial);
}

/* The map as the view shows it, composited from the images: the same node
 * as the last frame's while nothing changed. Returns whether all of it is
 * there at the current zoom. */
static gboolean
snapshot_base (CjmCanvas     *self,
               GtkSnapshot   *snapshot,
               const CjmRect *visible,
               int            origin_x,
               int            origin_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *key = base_key (self, origin_x, origin_y);
  gboolean complete;
  cairo_t *cr;

  if (self->base != NULL && g_strcmp0 (key, self->base_key) == 0)
    {
      gtk_snapshot_append_node (snapshot, self->base);
      return TRUE;
    }

  g_clear_pointer (&self->base, gsk_render_node_unref);
  g_clear_pointer (&self->base_key, g_free);
  self->base = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (self->base);
  complete = paint_view (self, cr, visible, origin_x, origin_y);
  cairo_destroy (cr);

  gtk_snapshot_append_node (snapshot, self->base);

  /* Kept for the next frames only if it shows everything: images made
   * since changed the serial. */
  if (complete)
    self->base_key = base_key (self, origin_x, origin_y);

  return complete;
}

void
_cjm_canvas_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean complete;
  int origin_x, origin_y;
  CjmRect visible;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  self->frame++;
  self->deadline = g_get_monotonic_time () + MAKE_BUDGET_US;
  cjm_layout_update (self->layout);
  _cjm_canvas_get_origin (self, &origin_x, &origin_y);
  _cjm_canvas_get_visible_rect (self, &visible);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  complete = snapshot_base (self, snapshot, &visible, origin_x, origin_y);
  _cjm_canvas_snapshot_overlay (self, snapshot, &visible, origin_x, origin_y);
  _cjm_canvas_snapshot_drag (self, snapshot, origin_x, origin_y);
  gtk_snapshot_pop (snapshot);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);

  _cjm_canvas_write_test_geometry (self);

  if (!complete)
    schedule_refinement (self);
  else if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);

  prune (self);
}
