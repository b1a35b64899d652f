/* cjm-render.c: drawing a journey map with cairo and pango
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-render"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-render-private.h"
#include "cjm-stage.h"
#include "cjm-step.h"

G_DEFINE_ENUM_TYPE (CjmTheme, cjm_theme,
                    G_DEFINE_ENUM_VALUE (CJM_THEME_LIGHT, "light"),
                    G_DEFINE_ENUM_VALUE (CJM_THEME_DARK, "dark"))

#define CARD_RADIUS    8.0
#define HEADER_RADIUS 10.0
#define HALO_WIDTH     4.0

typedef struct
{
  cairo_t                *cr;
  CjmLayout              *layout;
  const CjmRenderOptions *options;
  const CjmPalette          *palette;
  CjmRect                 visible;
  double                  scale;
  guint                   simplified : 1;
  guint                   everything : 1;
} Frame;

static void
frame_init (Frame                  *frame,
            cairo_t                *cr,
            CjmLayout              *layout,
            const CjmRenderOptions *options,
            CjmRenderOptions       *defaults)
{
  double dx = 1, dy = 0;

  if (options == NULL)
    {
      cjm_render_options_init (defaults);
      options = defaults;
    }

  cairo_user_to_device_distance (cr, &dx, &dy);

  frame->cr = cr;
  frame->layout = layout;
  frame->options = options;
  frame->palette = _cjm_palette_for_theme (options->theme);
  frame->simplified = hypot (dx, dy) < options->simplify_below;
  frame->everything = options->visible.width <= 0 || options->visible.height <= 0;
  frame->visible = options->visible;
  frame->scale = _cjm_layout_get_scale (layout);
}

static inline gboolean
frame_shows (const Frame   *frame,
             const CjmRect *rect)
{
  return frame->everything || cjm_rect_intersects (rect, &frame->visible);
}

static guint
persona_index (CjmLayout  *layout,
               CjmPersona *persona)
{
  GListModel *personas = cjm_map_get_personas (cjm_layout_get_map (layout));
  guint n = g_list_model_get_n_items (personas);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        return i;
    }

  return 0;
}

/* Shapes and text */

/* A rectangle with rounded corners, the left ones of radius @left, the
 * right ones of radius @right. Quarter circles as Bézier curves: no
 * trigonometry, for the thousand cards of a frame. */
static void
rounded_shape (cairo_t       *cr,
               const CjmRect *rect,
               double         left,
               double         right)
{
  const double k = 1 - 0.5522847498;  /* where a quarter circle's control points are */
  double x0 = rect->x, y0 = rect->y;
  double x1 = rect->x + rect->width, y1 = rect->y + rect->height;
  double limit = MIN (rect->width, rect->height) / 2;

  left = CLAMP (left, 0, limit);
  right = CLAMP (right, 0, limit);

  cairo_new_sub_path (cr);
  cairo_move_to (cr, x0 + left, y0);
  cairo_line_to (cr, x1 - right, y0);
  cairo_curve_to (cr, x1 - right * k, y0, x1, y0 + right * k, x1, y0 + right);
  cairo_line_to (cr, x1, y1 - right);
  cairo_curve_to (cr, x1, y1 - right * k, x1 - right * k, y1, x1 - right, y1);
  cairo_line_to (cr, x0 + left, y1);
  cairo_curve_to (cr, x0 + left * k, y1, x0, y1 - left * k, x0, y1 - left);
  cairo_line_to (cr, x0, y0 + left);
  cairo_curve_to (cr, x0, y0 + left * k, x0 + left * k, y0, x0 + left, y0);
  cairo_close_path (cr);
}

static inline void
rounded_rect (cairo_t       *cr,
              const CjmRect *rect,
              double         radius)
{
  rounded_shape (cr, rect, radius, radius);
}

/* A rounded rectangle with a bar of @bar_color on its left edge: the bar's
 * outer corners rounded, its inner edge straight. All fills, no clip. */
static void
fill_with_bar (cairo_t       *cr,
               const CjmRect *rect,
               double         radius,
               double         bar,
               const CjmRgba *bar_color,
               const CjmRgba *color)
{
  CjmRect body = { rect->x + bar, rect->y, rect->width - bar, rect->height };

  _cjm_set_source (cr, bar_color);
  rounded_rect (cr, rect, radius);
  cairo_fill (cr);
  _cjm_set_source (cr, color);
  rounded_shape (cr, &body, 0, radius);
  cairo_fill (cr);
}

static CjmRect
inflate (const CjmRect *rect,
         double         by)
{
  CjmRect inflated = { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };

  return inflated;
}

/* Grey bars where the lines of a text are: for far zoom levels. */
static void
draw_text_bars (const Frame      *frame,
                const CjmTextBox *box,
                const CjmRgba    *color)
{
  cairo_t *cr = frame->cr;
  PangoLayoutIter *iter = pango_layout_get_iter (box->layout);
  CjmRgba bar = _cjm_rgba_with_alpha (color, 0.35);

  _cjm_set_source (cr, &bar);
  do
    {
      PangoRectangle logical;
      CjmRect rect;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      rect.x = box->rect.x + (double)logical.x / PANGO_SCALE;
      rect.y = box->rect.y + (double)logical.y / PANGO_SCALE + logical.height / PANGO_SCALE * 0.25;
      rect.width = (double)logical.width / PANGO_SCALE;
      rect.height = (double)logical.height / PANGO_SCALE * 0.5;
      if (rect.width > 0)
        {
          rounded_rect (cr, &rect, rect.height / 2);
          cairo_fill (cr);
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_text (const Frame      *frame,
           const CjmTextBox *box,
           const CjmRgba    *color)
{
  if (box->layout == NULL || !frame_shows (frame, &box->rect))
    return;

  if (frame->simplified)
    {
      draw_text_bars (frame, box, color);
      return;
    }

  if (frame->options->text_sink != NULL)
    {
      frame->options->text_sink->text (frame->options->text_sink, frame->cr, box, color, NULL, 0);
      return;
    }

  _cjm_set_source (frame->cr, color);
  cairo_move_to (frame->cr, box->rect.x, box->rect.y);
  pango_cairo_show_layout (frame->cr, box->layout);
}

/* Text over lines (curves, arrows) gets a halo of the background. */
static void
draw_text_with_halo (const Frame      *frame,
                     const CjmTextBox *box,
                     const CjmRgba    *color)
{
  cairo_t *cr = frame->cr;

  if (box->layout == NULL || !frame_shows (frame, &box->rect) || frame->simplified)
    return;

  if (frame->options->text_sink != NULL)
    {
      frame->options->text_sink->text (frame->options->text_sink, cr, box, color,
                                       &frame->palette->background, HALO_WIDTH);
      return;
    }

  cairo_save (cr);
  cairo_move_to (cr, box->rect.x, box->rect.y);
  pango_cairo_layout_path (cr, box->layout);
  _cjm_set_source (cr, &frame->palette->background);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_text (frame, box, color);
}

static void
draw_icon_badge (const Frame   *frame,
                 CjmIcon        icon,
                 const CjmRect *rect)
{
  const CjmPalette *palette = frame->palette;
  const CjmRgba *hue = &palette->hues[_cjm_icon_hue (icon)];
  CjmRgba fill = _cjm_rgba_mix (&palette->background, hue, 0.18);
  double size = rect->width * 0.57;

  _cjm_set_source (frame->cr, &fill);
  rounded_rect (frame->cr, rect, rect->width / 2);
  cairo_fill (frame->cr);

  _cjm_set_source (frame->cr, hue);
  _cjm_render_icon (frame->cr, icon,
                    rect->x + (rect->width - size) / 2, rect->y + (rect->height - size) / 2,
                    size);
}

/* Background: the lanes' stripes, the grid lines, the emotion scales */

static void
draw_emotion_scale (const Frame      *frame,
                    const CjmLaneBox *lane,
                    double            left,
                    double            right)
{
  cairo_t *cr = frame->cr;
  const CjmPalette *palette = frame->palette;
  CjmRgba happy = _cjm_rgba_with_alpha (&palette->hues[CJM_HUE_GREEN], palette->zone_alpha);
  CjmRgba sad = _cjm_rgba_with_alpha (&palette->hues[CJM_HUE_RED], palette->zone_alpha);
  double neutral = lane->level_top + 3 * lane->level_height;
  double half = lane->level_height / 2;
  const double dashes[] = { 2, 4 };

  /* Pleasant above the neutral line, unpleasant below, faintly. */
  _cjm_set_source (cr, &happy);
  cairo_rectangle (cr, left, lane->level_top - half,
                   right - left, neutral - lane->level_top + half);
  cairo_fill (cr);
  _cjm_set_source (cr, &sad);
  cairo_rectangle (cr, left, neutral, right - left, 3 * lane->level_height + half);
  cairo_fill (cr);

  cairo_set_line_width (cr, 1);
  _cjm_set_source (cr, &palette->grid);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (int i = 0; i < 7; i++)
    {
      double y;

      if (i == 3)
        continue;
      y = round (lane->level_top + i * lane->level_height) + 0.5;
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  _cjm_set_source (cr, &palette->grid_strong);
  cairo_move_to (cr, left, round (neutral) + 0.5);
  cairo_line_to (cr, right, round (neutral) + 0.5);
  cairo_stroke (cr);
}

/**
 * cjm_render_background:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws what lies under everything: the background (unless transparent),
 * every other lane's stripe, the lines between lanes, steps and stages,
 * and the emotion lanes' levels. It depends on the layout only.
 */
void
cjm_render_background (cairo_t                *cr,
                       CjmLayout              *layout,
                       const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  CjmLaneBox * const *lanes;
  const CjmColumnBox *columns;
  guint n_lanes, n_columns;
  double width, height, left, right, top, bottom;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  cjm_layout_get_size (layout, &width, &height);
  lanes = _cjm_layout_get_lanes (layout, &n_lanes);
  columns = _cjm_layout_get_columns (layout, &n_columns);

  cairo_save (cr);

  if (!frame.options->transparent)
    {
      _cjm_set_source (cr, &frame.palette->background);
      if (frame.everything)
        cairo_rectangle (cr, 0, 0, width, height);
      else
        cairo_rectangle (cr, frame.visible.x, frame.visible.y,
                         frame.visible.width, frame.visible.height);
      cairo_fill (cr);
    }

  if (n_lanes == 0)
    {
      cairo_restore (cr);
      return;
    }

  left = n_columns > 0 ? columns[0].x : lanes[0]->row.x;
  right = n_columns > 0 ? columns[n_columns - 1].x + columns[n_columns - 1].width
                        : lanes[0]->row.x + lanes[0]->row.width;
  top = lanes[0]->row.y;
  bottom = lanes[n_lanes - 1]->row.y + lanes[n_lanes - 1]->row.height;

  for (guint i = 0; i < n_lanes; i++)
    {
      const CjmLaneBox *lane = lanes[i];

      if (!frame_shows (&frame, &lane->row))
        continue;

      if (i % 2 == 1)
        {
          _cjm_set_source (cr, &frame.palette->stripe);
          rounded_rect (cr, &lane->row, HEADER_RADIUS);
          cairo_fill (cr);
        }

      if (lane->is_emotion)
        draw_emotion_scale (&frame, lane, left, right);
    }

  /* Lines between steps, stronger between stages. */
  cairo_set_line_width (cr, 1);
  for (guint i = 1; i < n_columns; i++)
    {
      double x = round (columns[i].x) + 0.5;

      if (!frame.everything && (x < frame.visible.x || x > frame.visible.x + frame.visible.width))
        continue;

      _cjm_set_source (cr, columns[i].stage != columns[i - 1].stage
                           ? &frame.palette->grid_strong : &frame.palette->grid);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* Headers */

static void
draw_lane_header (const Frame      *frame,
                  const CjmLaneBox *lane)
{
  cairo_t *cr = frame->cr;
  const CjmPalette *palette = frame->palette;

  if (!frame_shows (frame, &lane->header))
    return;

  _cjm_set_source (cr, &palette->header);
  rounded_rect (cr, &lane->header, HEADER_RADIUS);
  cairo_fill (cr);

  draw_icon_badge (frame, lane->icon, &lane->icon_rect);
  draw_text (frame, &lane->name, &palette->foreground);
  draw_text (frame, &lane->meta, &palette->dim);

  if (lane->is_emotion)
    for (guint i = 0; i < 7; i++)
      draw_text (frame, &lane->levels[i], &palette->dim);
}

/**
 * cjm_render_headers:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the stage headers, the step headers and the lane headers.
 */
void
cjm_render_headers (cairo_t                *cr,
                    CjmLayout              *layout,
                    const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  const CjmStageBox *stages;
  const CjmColumnBox *columns;
  CjmLaneBox * const *lanes;
  guint n_stages, n_columns, n_lanes;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  stages = _cjm_layout_get_stages (layout, &n_stages);
  columns = _cjm_layout_get_columns (layout, &n_columns);
  lanes = _cjm_layout_get_lanes (layout, &n_lanes);

  cairo_save (cr);

  for (guint i = 0; i < n_stages; i++)
    {
      const CjmStageBox *box = &stages[i];
      CjmRgba color, fill;

      if (!frame_shows (&frame, &box->rect))
        continue;

      color = _cjm_palette_stage_color (frame.palette, box->stage, box->stage_index);
      fill = _cjm_rgba_mix (&frame.palette->background, &color, frame.palette->header_tint);

      /* The stage's colour as a bar on its left edge, like the cards'. */
      fill_with_bar (cr, &box->rect, HEADER_RADIUS, 4 * frame.scale, &color, &fill);

      draw_text (&frame, &box->name, &frame.palette->foreground);
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const CjmColumnBox *column = &columns[i];

      if (!frame_shows (&frame, &column->header))
        continue;

      _cjm_set_source (cr, &frame.palette->header);
      rounded_rect (cr, &column->header, CARD_RADIUS);
      cairo_fill (cr);
      draw_text (&frame, &column->name, &frame.palette->foreground);
    }

  for (guint i = 0; i < n_lanes; i++)
    draw_lane_header (&frame, lanes[i]);

  cairo_restore (cr);
}

/* Bands */

static void
draw_legend_swatch (const Frame         *frame,
                    const CjmLegendItem *item)
{
  cairo_t *cr = frame->cr;
  const CjmPalette *palette = frame->palette;
  const CjmRect *swatch = &item->swatch;
  double radius = swatch->width / 2;

  switch (item->kind)
    {
    case CJM_LEGEND_LANE:
      draw_icon_badge (frame, item->value, swatch);
      break;

    case CJM_LEGEND_PAIN_CATEGORY:
    case CJM_LEGEND_STATUS:
      {
        CjmHue hue = item->kind == CJM_LEGEND_STATUS ? _cjm_status_hue (item->value)
                                                  : _cjm_pain_category_hue (item->value);
        CjmRgba fill = _cjm_rgba_mix (&palette->card, &palette->hues[hue], palette->card_tint * 2);

        fill_with_bar (cr, swatch, 4, 4, &palette->hues[hue], &fill);
      }
      break;

    case CJM_LEGEND_EMOTION:
      _cjm_render_face (cr, swatch->x + radius, swatch->y + radius, radius, item->value,
                        &palette->levels[item->value - CJM_EMOTION_SCORE_MIN],
                        &palette->face_ink, !frame->simplified);
      break;

    case CJM_LEGEND_HEADING:
    default:
      break;
    }
}

/**
 * cjm_render_bands:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the bands the layout adds for exports: the title, the personas and
 * the legend. Draws nothing if it has none.
 */
void
cjm_render_bands (cairo_t                *cr,
                  CjmLayout              *layout,
                  const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  CjmTextBox title, subtitle;
  const CjmPersonaBox *personas;
  const CjmLegendItem *items;
  guint n_personas, n_items;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  _cjm_layout_get_title_band (layout, &title, &subtitle);
  personas = _cjm_layout_get_persona_boxes (layout, &n_personas);
  items = _cjm_layout_get_legend_items (layout, &n_items);

  cairo_save (cr);

  draw_text (&frame, &title, &frame.palette->foreground);
  draw_text (&frame, &subtitle, &frame.palette->dim);

  for (guint i = 0; i < n_personas; i++)
    {
      const CjmPersonaBox *box = &personas[i];
      CjmRgba color = _cjm_palette_persona_color (frame.palette, box->persona, box->persona_index);
      static const CjmRgba white = { 1, 1, 1, 1 };

      if (!frame_shows (&frame, &box->rect))
        continue;

      _cjm_set_source (cr, &frame.palette->header);
      rounded_rect (cr, &box->rect, HEADER_RADIUS);
      cairo_fill (cr);

      _cjm_set_source (cr, &color);
      rounded_rect (cr, &box->avatar, box->avatar.width / 2);
      cairo_fill (cr);
      draw_text (&frame, &box->initials, &white);
      draw_text (&frame, &box->name, &frame.palette->foreground);
      draw_text (&frame, &box->details, &frame.palette->dim);
    }

  for (guint i = 0; i < n_items; i++)
    {
      const CjmLegendItem *item = &items[i];

      draw_legend_swatch (&frame, item);
      draw_text (&frame, &item->text, item->kind == CJM_LEGEND_HEADING
                                      ? &frame.palette->foreground : &frame.palette->dim);
    }

  cairo_restore (cr);
}

/* Cards */

/* Whether a card concerns only personas the layout does not show. A card
 * tied to no persona concerns them all. */
static gboolean
card_is_for_other_personas (CjmLayout *layout,
                            CjmCard   *card)
{
  const char * const *shown = cjm_layout_get_persona_ids (layout);
  const char * const *ids = cjm_card_get_persona_ids (card);

  if (shown == NULL || ids == NULL || ids[0] == NULL)
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strv_contains (shown, ids[i]))
        return FALSE;
    }

  return TRUE;
}

static void
draw_card_box (const Frame      *frame,
               const CjmCardBox *box)
{
  cairo_t *cr = frame->cr;
  const CjmPalette *palette = frame->palette;
  const CjmRgba *hue = &palette->hues[_cjm_card_hue (box->card)];
  CjmRgba fill = _cjm_rgba_mix (&palette->card, hue, palette->card_tint);
  CjmRgba border = _cjm_rgba_mix (&palette->card, hue, palette->border_tint);
  CjmRect shadow = box->rect;
  CjmRect inner = { box->rect.x, box->rect.y + 1, box->rect.width - 1, box->rect.height - 2 };

  if (!frame->simplified)
    {
      shadow.y += 1;
      _cjm_set_source (cr, &palette->shadow);
      rounded_rect (cr, &shadow, CARD_RADIUS);
      cairo_fill (cr);
    }

  /* The accent bar, then a one unit border of the card's hue around its body. */
  fill_with_bar (cr, &box->rect, CARD_RADIUS, CARD_ACCENT, hue, &border);
  inner.x += CARD_ACCENT;
  inner.width -= CARD_ACCENT;
  _cjm_set_source (cr, &fill);
  rounded_shape (cr, &inner, 0, CARD_RADIUS - 1);
  cairo_fill (cr);

  draw_text (frame, &box->title,
             cjm_card_get_title (box->card) != NULL ? &palette->foreground : &palette->dim);
  draw_text (frame, &box->meta, &palette->dim);

  if (box->personas != NULL)
    {
      double radius = box->dots.height > 0 ? MIN (box->dots.height / 2, DOT_RADIUS * frame->scale)
                                           : DOT_RADIUS * frame->scale;
      double x = box->dots.x + radius;
      double y = box->dots.y + box->dots.height / 2;

      for (guint i = 0; i < box->personas->len; i++)
        {
          CjmPersona *persona = g_ptr_array_index (box->personas, i);
          CjmRgba color = _cjm_palette_persona_color (frame->palette, persona,
                                                      persona_index (frame->layout, persona));

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          _cjm_set_source (cr, &color);
          cairo_fill (cr);
          x += 2 * radius + DOT_GAP;
        }
    }

  /* A card for none of the personas shown fades behind a veil of the
   * background, so that theirs stand out. */
  if (card_is_for_other_personas (frame->layout, box->card))
    {
      CjmRgba veil = frame->palette->background;

      veil.alpha = 0.6;
      _cjm_set_source (cr, &veil);
      rounded_rect (cr, &box->rect, CARD_RADIUS);
      cairo_fill (cr);
    }
}

/**
 * cjm_render_get_persona_color:
 * @layout: the layout of the map
 * @persona: a persona of the map
 * @theme: the theme drawn in
 * @red: (out): where to put the red component, 0 to 1
 * @green: (out): where to put the green component
 * @blue: (out): where to put the blue component
 *
 * The colour the map gives @persona (its own, or one of the palette's by
 * its place among the personas), for the panels to show it alike.
 */
void
cjm_render_get_persona_color (CjmLayout  *layout,
                              CjmPersona *persona,
                              CjmTheme    theme,
                              double     *red,
                              double     *green,
                              double     *blue)
{
  CjmRgba color;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (CJM_IS_PERSONA (persona));
  g_return_if_fail (red != NULL && green != NULL && blue != NULL);

  color = _cjm_palette_persona_color (_cjm_palette_for_theme (theme), persona,
                                      persona_index (layout, persona));
  *red = color.red;
  *green = color.green;
  *blue = color.blue;
}

/**
 * cjm_render_card:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @card: a card of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws one card at its place in the layout, without its selection: a
 * canvas may cache it until the card or the layout changes.
 */
void
cjm_render_card (cairo_t                *cr,
                 CjmLayout              *layout,
                 CjmCard                *card,
                 const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  const CjmCardBox *box;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (CJM_IS_CARD (card));

  box = _cjm_layout_get_card_box (layout, card);
  if (box == NULL)
    return;

  frame_init (&frame, cr, layout, options, &defaults);
  cairo_save (cr);
  draw_card_box (&frame, box);
  cairo_restore (cr);
}

/**
 * cjm_render_cards:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws every card in the visible region.
 */
void
cjm_render_cards (cairo_t                *cr,
                  CjmLayout              *layout,
                  const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  g_autoptr(GPtrArray) boxes = NULL;
  Frame frame;
  double width, height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  if (frame.everything)
    {
      cjm_layout_get_size (layout, &width, &height);
      boxes = _cjm_layout_get_boxes_in_rect (layout, &(CjmRect) { 0, 0, width, height });
    }
  else
    boxes = _cjm_layout_get_boxes_in_rect (layout, &frame.visible);

  cairo_save (cr);
  for (guint i = 0; i < boxes->len; i++)
    draw_card_box (&frame, g_ptr_array_index (boxes, i));
  cairo_restore (cr);
}

/* Emotion curves */

static void
draw_curve (const Frame           *frame,
            const CjmCurveSegment *segments,
            guint                  n_segments,
            const CjmRgba         *color)
{
  cairo_t *cr = frame->cr;

  cairo_new_path (cr);
  for (guint i = 0; i < n_segments; i++)
    {
      const CjmCurveSegment *s = &segments[i];

      if (i == 0 || s->index != segments[i - 1].index + 1)
        cairo_move_to (cr, s->x0, s->y0);
      cairo_curve_to (cr, s->x1, s->y1, s->x2, s->y2, s->x3, s->y3);
    }

  /* A halo of the background keeps crossing curves apart. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 7 * frame->scale);
  _cjm_set_source (cr, &frame->palette->background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3 * frame->scale);
  _cjm_set_source (cr, color);
  cairo_stroke (cr);
}

/* Steps without a score break the curve: a faint dashed line bridges each
 * gap, so the eye can follow the journey without reading a value into it. */
static void
draw_gap_bridges (const Frame           *frame,
                  const CjmEmotionPoint *points,
                  guint                  n_points,
                  guint                  lane,
                  guint                  curve,
                  const CjmRgba         *color)
{
  cairo_t *cr = frame->cr;
  const CjmEmotionPoint *previous = NULL;
  const double dashes[] = { 3, 5 };
  CjmRgba faint = _cjm_rgba_with_alpha (color, 0.6);

  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];

      if (point->lane != lane || point->curve != curve)
        continue;

      if (previous != NULL && point->column > previous->column + 1)
        {
          cairo_move_to (cr, previous->centre.x, previous->centre.y);
          cairo_line_to (cr, point->centre.x, point->centre.y);
        }
      previous = point;
    }

  cairo_set_line_width (cr, 1.5 * frame->scale);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  _cjm_set_source (cr, &faint);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/**
 * cjm_render_emotions:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the emotion curves of the personas shown, with a face at each
 * score and its label.
 */
void
cjm_render_emotions (cairo_t                *cr,
                     CjmLayout              *layout,
                     const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  CjmLaneBox * const *lanes;
  CjmPersona * const *personas;
  const CjmEmotionPoint *points;
  const CjmTextBox *labels;
  const CjmTextBox *tags;
  const guint *indices;
  guint n_lanes, n_personas, n_points, n_labels, n_tags;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  lanes = _cjm_layout_get_lanes (layout, &n_lanes);
  personas = _cjm_layout_get_shown_personas (layout, &indices, &n_personas);
  points = cjm_layout_get_emotion_points (layout, &n_points);
  labels = _cjm_layout_get_emotion_labels (layout, &n_labels);
  tags = _cjm_layout_get_moment_tags (layout, &n_tags);
  g_assert (n_tags == n_points);

  cairo_save (cr);

  for (guint l = 0; l < n_lanes; l++)
    {
      const CjmLaneBox *lane = lanes[l];

      if (!lane->is_emotion || !frame_shows (&frame, &lane->row))
        continue;

      draw_text (&frame, &lane->placeholder, &frame.palette->dim);

      for (guint k = 0; k < n_personas; k++)
        {
          CjmRgba color = _cjm_palette_persona_color (frame.palette, personas[k], indices[k]);
          const CjmCurveSegment *segments;
          guint n_segments;

          segments = cjm_layout_get_curve (layout, l, k, &n_segments);
          draw_gap_bridges (&frame, points, n_points, l, k, &color);
          draw_curve (&frame, segments, n_segments, &color);
        }
    }

  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];
      CjmRgba ring = _cjm_palette_persona_color (frame.palette, point->persona,
                                                 indices[point->curve]);
      CjmRect bounds = { point->centre.x - point->radius - 2, point->centre.y - point->radius - 2,
                         2 * point->radius + 4, 2 * point->radius + 4 };

      if (!frame_shows (&frame, &bounds))
        continue;

      /* A moment that matters: a second ring, in the colour of pain. */
      if (point->moment)
        {
          CjmRgba pain = frame.palette->hues[CJM_HUE_RED];

          cairo_new_path (cr);
          cairo_arc (cr, point->centre.x, point->centre.y, point->radius + 5 * frame.scale,
                     0, 2 * G_PI);
          cairo_set_line_width (cr, 2.5 * frame.scale);
          _cjm_set_source (cr, &frame.palette->background);
          cairo_stroke_preserve (cr);
          cairo_set_line_width (cr, 2 * frame.scale);
          _cjm_set_source (cr, &pain);
          cairo_stroke (cr);
        }

      /* A ring of the persona's colour, then the face of the score. */
      _cjm_set_source (cr, &ring);
      cairo_new_sub_path (cr);
      cairo_arc (cr, point->centre.x, point->centre.y, point->radius + 1.5 * frame.scale,
                 0, 2 * G_PI);
      cairo_fill (cr);
      _cjm_set_source (cr, &frame.palette->background);
      cairo_new_sub_path (cr);
      cairo_arc (cr, point->centre.x, point->centre.y, point->radius, 0, 2 * G_PI);
      cairo_fill (cr);
      _cjm_render_face (cr, point->centre.x, point->centre.y, point->radius - 1 * frame.scale,
                        point->score, &frame.palette->levels[point->score - CJM_EMOTION_SCORE_MIN],
                        &frame.palette->face_ink, !frame.simplified);
    }

  for (guint i = 0; i < n_labels; i++)
    draw_text_with_halo (&frame, &labels[i], &frame.palette->foreground);

  /* The pain point beside a moment that matters, on a pill. */
  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];
      const CjmRgba *pain = &frame.palette->hues[CJM_HUE_RED];
      CjmRgba fill = _cjm_rgba_mix (&frame.palette->background, pain, frame.palette->dark ? 0.35 : 0.16);
      double radius;

      if (point->tag_rect.width <= 0 || !frame_shows (&frame, &point->tag_rect))
        continue;

      /* Round as a one-line pill even where the text wraps. */
      radius = tags[i].rect.height / pango_layout_get_line_count (tags[i].layout) / 2 + TAG_PAD_Y;
      _cjm_set_source (cr, &fill);
      rounded_rect (cr, &point->tag_rect, MIN (radius, point->tag_rect.height / 2));
      cairo_fill_preserve (cr);
      _cjm_set_source (cr, pain);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      draw_text (&frame, &tags[i], &frame.palette->foreground);
    }

  cairo_restore (cr);
}

/**
 * cjm_render_emotion_preview:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @point: a point of @layout's emotion curves
 * @score: the score it is being dragged to
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws where an emotion point being dragged would go: a dashed line from
 * the point to the level of @score, and the face of @score there.
 */
void
cjm_render_emotion_preview (cairo_t                *cr,
                            CjmLayout              *layout,
                            const CjmEmotionPoint  *point,
                            int                     score,
                            const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  CjmPersona * const *personas;
  const guint *indices;
  guint n_personas;
  const double dashes[] = { 3, 3 };
  CjmRgba ring;
  double y;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (point != NULL);

  frame_init (&frame, cr, layout, options, &defaults);
  personas = _cjm_layout_get_shown_personas (layout, &indices, &n_personas);
  if (point->curve >= n_personas)
    return;

  score = CLAMP (score, CJM_EMOTION_SCORE_MIN, CJM_EMOTION_SCORE_MAX);
  y = cjm_layout_get_score_y (layout, point->lane, score);
  ring = _cjm_palette_persona_color (frame.palette, personas[point->curve], indices[point->curve]);

  cairo_save (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  _cjm_set_source (cr, &ring);
  cairo_move_to (cr, point->centre.x, point->centre.y);
  cairo_line_to (cr, point->centre.x, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, point->centre.x, y, point->radius + 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  _cjm_set_source (cr, &frame.palette->background);
  cairo_new_sub_path (cr);
  cairo_arc (cr, point->centre.x, y, point->radius, 0, 2 * G_PI);
  cairo_fill (cr);
  _cjm_render_face (cr, point->centre.x, y, point->radius - 1, score,
                    &frame.palette->levels[score - CJM_EMOTION_SCORE_MIN],
                    &frame.palette->face_ink, TRUE);
  cairo_restore (cr);
}

/* Connections */

static void
draw_arrow (const Frame    *frame,
            const CjmArrow *arrow,
            const CjmRgba  *color,
            double          width)
{
  cairo_t *cr = frame->cr;
  double dx = arrow->tip.x - arrow->end.x;
  double dy = arrow->tip.y - arrow->end.y;
  double length = hypot (dx, dy);
  double nx = length > 0 ? -dy / length : 0;
  double ny = length > 0 ? dx / length : 0;
  double half = ARROW_LENGTH * 0.55;

  _cjm_set_source (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, arrow->start.x, arrow->start.y);
  cairo_curve_to (cr, arrow->control1.x, arrow->control1.y,
                  arrow->control2.x, arrow->control2.y, arrow->end.x, arrow->end.y);
  cairo_stroke (cr);

  cairo_move_to (cr, arrow->tip.x, arrow->tip.y);
  cairo_line_to (cr, arrow->end.x + nx * half, arrow->end.y + ny * half);
  cairo_line_to (cr, arrow->end.x - nx * half, arrow->end.y - ny * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/**
 * cjm_render_connections:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the arrows between connected cards, without their labels: draw
 * them before the emotion curves and the cards, so that an arrow passing
 * a card or a face goes under it.
 */
void
cjm_render_connections (cairo_t                *cr,
                        CjmLayout              *layout,
                        const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  const CjmConnectionBox *boxes;
  guint n_boxes;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  boxes = _cjm_layout_get_connections (layout, &n_boxes);

  cairo_save (cr);
  for (guint i = 0; i < n_boxes; i++)
    {
      const CjmConnectionBox *box = &boxes[i];

      if (!frame_shows (&frame, &box->bounds))
        continue;

      draw_arrow (&frame, &box->arrow, &frame.palette->connection, 2);
    }
  cairo_restore (cr);
}

static void
draw_connection_label (const Frame            *frame,
                       const CjmConnectionBox *box,
                       const CjmRgba          *border)
{
  cairo_t *cr = frame->cr;

  if (box->label.layout == NULL || frame->simplified ||
      !frame_shows (frame, &box->arrow.label_rect))
    return;

  /* A pill; a label of several lines (full texts) a rounded box. */
  _cjm_set_source (cr, &frame->palette->background);
  rounded_rect (cr, &box->arrow.label_rect, MIN (box->arrow.label_rect.height / 2, 9.0));
  cairo_fill_preserve (cr);
  _cjm_set_source (cr, border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  draw_text (frame, &box->label, &frame->palette->dim);
}

/**
 * cjm_render_connection_labels:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the labels of the connections, on the middle of their arrows:
 * draw them after the cards, so that no card hides them.
 */
void
cjm_render_connection_labels (cairo_t                *cr,
                              CjmLayout              *layout,
                              const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  const CjmConnectionBox *boxes;
  CjmRgba border;
  guint n_boxes;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  boxes = _cjm_layout_get_connections (layout, &n_boxes);
  border = _cjm_rgba_with_alpha (&frame.palette->connection, 0.6);

  cairo_save (cr);
  for (guint i = 0; i < n_boxes; i++)
    draw_connection_label (&frame, &boxes[i], &border);
  cairo_restore (cr);
}

/* Highlights */

static gboolean
is_selected (const Frame *frame,
             const char  *id)
{
  return frame->options->selected_ids != NULL && id != NULL &&
         g_hash_table_contains (frame->options->selected_ids, id);
}

static void
draw_drop_target (const Frame *frame)
{
  const CjmRenderOptions *options = frame->options;
  cairo_t *cr = frame->cr;
  CjmRgba fill = _cjm_rgba_with_alpha (&frame->palette->accent, 0.08);
  CjmRgba border = _cjm_rgba_with_alpha (&frame->palette->accent, 0.6);
  const double dashes[] = { 6, 4 };
  CjmRect cell, line;

  if (options->drop_lane < 0 || options->drop_column < 0 ||
      !cjm_layout_get_cell_rect (frame->layout, options->drop_lane, options->drop_column, &cell))
    return;

  cell = inflate (&cell, -3);
  _cjm_set_source (cr, &fill);
  rounded_rect (cr, &cell, CARD_RADIUS);
  cairo_fill_preserve (cr);
  _cjm_set_source (cr, &border);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (options->drop_index >= 0 &&
      cjm_layout_get_insertion_line (frame->layout, options->drop_lane, options->drop_column,
                                     options->drop_index, &line))
    {
      _cjm_set_source (cr, &frame->palette->accent);
      rounded_rect (cr, &line, line.height / 2);
      cairo_fill (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, line.x, line.y + line.height / 2, 4, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, line.x + line.width, line.y + line.height / 2, 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_card_handles (const Frame      *frame,
                   const CjmCardBox *box)
{
  cairo_t *cr = frame->cr;
  double right = box->rect.x + box->rect.width;
  double middle = box->rect.y + box->rect.height / 2;

  /* The resize edge: a bar along the right edge, which drags to span steps. */
  {
    CjmRect edge = { right - 3, box->rect.y + CARD_RADIUS, 3, box->rect.height - 2 * CARD_RADIUS };
    CjmRgba bar = _cjm_rgba_with_alpha (&frame->palette->accent, 0.45);

    if (edge.height > 0)
      {
        _cjm_set_source (cr, &bar);
        rounded_rect (cr, &edge, 1.5);
        cairo_fill (cr);
      }
  }

  /* The connect handle, on the right edge where arrows leave. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, right, middle, HANDLE_RADIUS - 2, 0, 2 * G_PI);
  _cjm_set_source (cr, &frame->palette->card);
  cairo_fill_preserve (cr);
  _cjm_set_source (cr, &frame->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, right, middle, 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_selection (const Frame *frame,
                const char  *id,
                gboolean     focus)
{
  CjmMap *map = cjm_layout_get_map (frame->layout);
  CjmElement *element = cjm_map_lookup (map, id);
  cairo_t *cr = frame->cr;
  CjmRect rect;
  double radius = CARD_RADIUS;

  if (element == NULL)
    return;

  if (CJM_IS_CONNECTION (element) && !focus)
    {
      const CjmConnectionBox *boxes;
      guint n_boxes;

      boxes = _cjm_layout_get_connections (frame->layout, &n_boxes);
      for (guint i = 0; i < n_boxes; i++)
        if (boxes[i].connection == CJM_CONNECTION (element) &&
            frame_shows (frame, &boxes[i].bounds))
          {
            draw_arrow (frame, &boxes[i].arrow, &frame->palette->accent, 3);
            draw_connection_label (frame, &boxes[i], &frame->palette->accent);
          }
      return;
    }

  if (!cjm_layout_get_element_rect (frame->layout, id, &rect) || !frame_shows (frame, &rect))
    return;

  if (CJM_IS_EMOTION (element))
    radius = rect.width / 2;
  else if (CJM_IS_STAGE (element) || CJM_IS_LANE (element) || CJM_IS_PERSONA (element))
    radius = HEADER_RADIUS;

  if (focus)
    {
      /* libadwaita's focus ring: the accent at half strength, outside. */
      CjmRgba ring = _cjm_rgba_with_alpha (&frame->palette->accent, 0.5);
      CjmRect outer = inflate (&rect, 4);

      _cjm_set_source (cr, &ring);
      cairo_set_line_width (cr, 2);
      rounded_rect (cr, &outer, radius + 4);
      cairo_stroke (cr);
    }
  else
    {
      CjmRect outer = inflate (&rect, 1);
      CjmRgba tint = _cjm_rgba_with_alpha (&frame->palette->accent, 0.06);

      _cjm_set_source (cr, &tint);
      rounded_rect (cr, &rect, radius);
      cairo_fill (cr);
      _cjm_set_source (cr, &frame->palette->accent);
      cairo_set_line_width (cr, 2);
      rounded_rect (cr, &outer, radius + 1);
      cairo_stroke (cr);
    }
}

/**
 * cjm_render_highlights:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws what shows the user's interaction rather than the map: the drop
 * target, the selected elements, the handles of the hovered and selected
 * cards and the focus ring. Draw it last.
 */
void
cjm_render_highlights (cairo_t                *cr,
                       CjmLayout              *layout,
                       const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  frame_init (&frame, cr, layout, options, &defaults);
  cairo_save (cr);

  draw_drop_target (&frame);

  if (frame.options->selected_ids != NULL)
    {
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, frame.options->selected_ids);
      while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
        draw_selection (&frame, id, FALSE);

      g_hash_table_iter_init (&iter, frame.options->selected_ids);
      while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
        {
          CjmCard *card = cjm_map_lookup_typed (cjm_layout_get_map (layout), id, CJM_TYPE_CARD);
          const CjmCardBox *box = card != NULL ? _cjm_layout_get_card_box (layout, card) : NULL;

          if (box != NULL && frame_shows (&frame, &box->rect))
            draw_card_handles (&frame, box);
        }
    }

  if (frame.options->hovered_id != NULL && !is_selected (&frame, frame.options->hovered_id))
    {
      CjmCard *card = cjm_map_lookup_typed (cjm_layout_get_map (layout),
                                            frame.options->hovered_id, CJM_TYPE_CARD);
      const CjmCardBox *box = card != NULL ? _cjm_layout_get_card_box (layout, card) : NULL;

      if (box != NULL)
        draw_card_handles (&frame, box);
    }

  if (frame.options->focused_id != NULL)
    draw_selection (&frame, frame.options->focused_id, TRUE);

  cairo_restore (cr);
}

/* The whole map */

/**
 * cjm_render_options_init:
 * @options: (out caller-allocates): the options to set
 *
 * Sets @options to the defaults: light theme, the theme's background,
 * nothing selected, focused or targeted, text below 40 % zoom simplified,
 * the whole map.
 */
void
cjm_render_options_init (CjmRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->theme = CJM_THEME_LIGHT;
  options->drop_lane = -1;
  options->drop_column = -1;
  options->drop_index = -1;
  options->simplify_below = 0.4;
}

/**
 * cjm_render_map:
 * @cr: a cairo context, in map units
 * @layout: the layout of the map
 * @options: (nullable): how to draw, or %NULL for the defaults
 *
 * Draws the map, or the visible part of it: background, bands, headers,
 * connections, emotion curves, cards, connection labels and highlights, in
 * that order: an arrow passing a card or a face goes under it rather than
 * through its text. This
 * is what every export draws, and what the canvas draws too (from cached
 * parts where it can).
 */
void
cjm_render_map (cairo_t                *cr,
                CjmLayout              *layout,
                const CjmRenderOptions *options)
{
  CjmRenderOptions defaults;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CJM_IS_LAYOUT (layout));

  if (options == NULL)
    {
      cjm_render_options_init (&defaults);
      options = &defaults;
    }

  cjm_layout_update (layout);

  cairo_save (cr);
  if (options->visible.width > 0 && options->visible.height > 0)
    {
      cairo_rectangle (cr, options->visible.x, options->visible.y,
                       options->visible.width, options->visible.height);
      cairo_clip (cr);
    }

  cjm_render_background (cr, layout, options);
  cjm_render_bands (cr, layout, options);
  cjm_render_headers (cr, layout, options);
  cjm_render_connections (cr, layout, options);
  cjm_render_emotions (cr, layout, options);
  cjm_render_cards (cr, layout, options);
  cjm_render_connection_labels (cr, layout, options);
  cjm_render_highlights (cr, layout, options);

  cairo_restore (cr);
}
