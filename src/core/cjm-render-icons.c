/* cjm-render-icons.c: the symbolic icons of lanes and the emotion faces
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-render"

#include "config.h"

#include <math.h>

#include "cjm-render-private.h"

/* The core library has no icon theme: these are drawn with cairo on a
 * 16 × 16 grid, in the style of GNOME's symbolic icons (one colour, 1.5
 * strokes with round ends), in the current source colour. */

static void
circle (cairo_t *cr,
        double   x,
        double   y,
        double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
}

static void
rounded (cairo_t *cr,
         double   x,
         double   y,
         double   width,
         double   height,
         double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

static void
draw_icon (cairo_t *cr,
           CjmIcon  icon)
{
  switch (icon)
    {
    case CJM_ICON_WEBSITE:
      circle (cr, 8, 8, 6.5);
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_translate (cr, 8, 8);
      cairo_scale (cr, 0.42, 1);
      circle (cr, 0, 0, 6.5);
      cairo_restore (cr);
      line (cr, 1.5, 8, 14.5, 8);
      line (cr, 3, 4.5, 13, 4.5);
      line (cr, 3, 11.5, 13, 11.5);
      cairo_stroke (cr);
      break;

    case CJM_ICON_MOBILE_APP:
      rounded (cr, 4.25, 1.25, 7.5, 13.5, 1.75);
      cairo_stroke (cr);
      line (cr, 7, 12, 9, 12);
      cairo_stroke (cr);
      break;

    case CJM_ICON_SOCIAL_NETWORK:
      line (cr, 4, 8, 12, 3.5);
      line (cr, 4, 8, 12, 12.5);
      cairo_stroke (cr);
      circle (cr, 12, 3.5, 2.2);
      circle (cr, 4, 8, 2.2);
      circle (cr, 12, 12.5, 2.2);
      cairo_fill (cr);
      break;

    case CJM_ICON_STORE:
      cairo_move_to (cr, 1.75, 6.25);
      cairo_line_to (cr, 3, 2);
      cairo_line_to (cr, 13, 2);
      cairo_line_to (cr, 14.25, 6.25);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, 3, 6.5);
      cairo_line_to (cr, 3, 14.25);
      cairo_line_to (cr, 13, 14.25);
      cairo_line_to (cr, 13, 6.5);
      cairo_stroke (cr);
      cairo_rectangle (cr, 6.5, 9.5, 3, 4.75);
      cairo_fill (cr);
      break;

    case CJM_ICON_CALL_CENTRE:
      cairo_arc (cr, 8, 8.5, 5.75, G_PI, 2 * G_PI);
      cairo_stroke (cr);
      rounded (cr, 1.5, 8, 3.5, 5, 1.2);
      rounded (cr, 11, 8, 3.5, 5, 1.2);
      cairo_fill (cr);
      cairo_move_to (cr, 12.75, 12.5);
      cairo_curve_to (cr, 12.75, 14.25, 11.5, 14.75, 9, 14.75);
      cairo_stroke (cr);
      break;

    case CJM_ICON_EMAIL:
      rounded (cr, 1.25, 3.25, 13.5, 9.5, 1.5);
      cairo_stroke (cr);
      cairo_move_to (cr, 1.75, 4);
      cairo_line_to (cr, 8, 9);
      cairo_line_to (cr, 14.25, 4);
      cairo_stroke (cr);
      break;

    case CJM_ICON_LIVE_CHAT:
      rounded (cr, 1.25, 1.75, 13.5, 9.5, 2.5);
      cairo_stroke (cr);
      cairo_move_to (cr, 4, 11);
      cairo_line_to (cr, 4, 14.75);
      cairo_line_to (cr, 8, 11);
      cairo_close_path (cr);
      cairo_fill (cr);
      circle (cr, 5, 6.5, 1.1);
      circle (cr, 8, 6.5, 1.1);
      circle (cr, 11, 6.5, 1.1);
      cairo_fill (cr);
      break;

    case CJM_ICON_EVENT:
      rounded (cr, 1.75, 2.75, 12.5, 11.5, 1.75);
      cairo_stroke (cr);
      line (cr, 1.75, 6.5, 14.25, 6.5);
      line (cr, 5, 1, 5, 4);
      line (cr, 11, 1, 11, 4);
      cairo_stroke (cr);
      cairo_rectangle (cr, 9, 9, 2.75, 2.75);
      cairo_fill (cr);
      break;

    case CJM_ICON_DEMO:
      rounded (cr, 1.25, 1.75, 13.5, 9.5, 1.25);
      cairo_stroke (cr);
      line (cr, 8, 11.25, 8, 14.5);
      line (cr, 5, 14.5, 11, 14.5);
      cairo_stroke (cr);
      cairo_move_to (cr, 6.5, 4.25);
      cairo_line_to (cr, 6.5, 8.75);
      cairo_line_to (cr, 10.5, 6.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CJM_ICON_SALES_CALL:
      cairo_move_to (cr, 4, 1.75);
      cairo_line_to (cr, 6.25, 1.75);
      cairo_line_to (cr, 7.5, 5.25);
      cairo_line_to (cr, 5.75, 6.75);
      cairo_curve_to (cr, 6.6, 8.6, 7.4, 9.4, 9.25, 10.25);
      cairo_line_to (cr, 10.75, 8.5);
      cairo_line_to (cr, 14.25, 9.75);
      cairo_line_to (cr, 14.25, 12);
      cairo_curve_to (cr, 14.25, 13.4, 13.1, 14.4, 11.75, 14.25);
      cairo_curve_to (cr, 6.4, 13.6, 2.4, 9.6, 1.75, 4.25);
      cairo_curve_to (cr, 1.6, 2.9, 2.6, 1.75, 4, 1.75);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CJM_ICON_CHANNEL:
      circle (cr, 8, 8, 6);
      cairo_stroke (cr);
      circle (cr, 8, 8, 2.5);
      cairo_fill (cr);
      break;

    case CJM_ICON_TEXT:
      line (cr, 2.5, 3.5, 13.5, 3.5);
      line (cr, 2.5, 8, 13.5, 8);
      line (cr, 2.5, 12.5, 9.5, 12.5);
      cairo_stroke (cr);
      break;

    case CJM_ICON_ACTIONS:
      cairo_move_to (cr, 3.5, 1.5);
      cairo_line_to (cr, 3.5, 13.5);
      cairo_line_to (cr, 6.5, 10.5);
      cairo_line_to (cr, 9, 15);
      cairo_line_to (cr, 11, 14);
      cairo_line_to (cr, 8.75, 9.5);
      cairo_line_to (cr, 13, 9.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CJM_ICON_THOUGHTS:
      cairo_save (cr);
      cairo_translate (cr, 9, 6.25);
      cairo_scale (cr, 1.2, 1);
      circle (cr, 0, 0, 4.5);
      cairo_restore (cr);
      cairo_stroke (cr);
      circle (cr, 3.75, 12.25, 1.5);
      circle (cr, 1.75, 14.75, 1);
      cairo_fill (cr);
      break;

    case CJM_ICON_QUOTES:
      for (int i = 0; i < 2; i++)
        {
          double x = 1.5 + i * 7;

          circle (cr, x + 2.75, 6.5, 2.5);
          cairo_fill (cr);
          cairo_move_to (cr, x + 5.1, 6.5);
          cairo_curve_to (cr, x + 5.1, 10, x + 3.5, 12, x + 1, 13);
          cairo_stroke (cr);
        }
      break;

    case CJM_ICON_EMOTION:
      circle (cr, 8, 8, 6.5);
      cairo_stroke (cr);
      circle (cr, 5.75, 6.25, 1.1);
      circle (cr, 10.25, 6.25, 1.1);
      cairo_fill (cr);
      cairo_move_to (cr, 4.75, 9.5);
      cairo_curve_to (cr, 6, 12, 10, 12, 11.25, 9.5);
      cairo_stroke (cr);
      break;

    case CJM_ICON_PAIN_POINTS:
      cairo_move_to (cr, 9.5, 0.75);
      cairo_line_to (cr, 2.75, 9.25);
      cairo_line_to (cr, 7.25, 9.25);
      cairo_line_to (cr, 6.25, 15.25);
      cairo_line_to (cr, 13.25, 6.5);
      cairo_line_to (cr, 8.75, 6.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CJM_ICON_OPPORTUNITIES:
      cairo_arc (cr, 8, 6.25, 4.75, G_PI * 0.75, G_PI * 2.25);
      cairo_line_to (cr, 10, 11.25);
      cairo_line_to (cr, 6, 11.25);
      cairo_close_path (cr);
      cairo_stroke (cr);
      line (cr, 6.25, 13.75, 9.75, 13.75);
      cairo_stroke (cr);
      break;

    case CJM_ICON_METRICS:
      cairo_rectangle (cr, 1.75, 9, 3, 5.5);
      cairo_rectangle (cr, 6.5, 5.5, 3, 9);
      cairo_rectangle (cr, 11.25, 1.5, 3, 13);
      cairo_fill (cr);
      break;

    case CJM_ICON_BACKSTAGE:
      cairo_save (cr);
      cairo_set_line_width (cr, 2.25);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      for (int i = 0; i < 8; i++)
        {
          double angle = i * G_PI / 4;

          line (cr, 8 + 4.5 * cos (angle), 8 + 4.5 * sin (angle),
                8 + 7.25 * cos (angle), 8 + 7.25 * sin (angle));
        }
      cairo_stroke (cr);
      cairo_set_line_width (cr, 2.5);
      circle (cr, 8, 8, 3.75);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case CJM_ICON_NONE:
    default:
      break;
    }
}

/**
 * _cjm_render_icon:
 * @cr: a cairo context, its source the icon's colour
 * @icon: the icon
 * @x: the left edge of the square to draw in
 * @y: its top edge
 * @size: its side
 */
void
_cjm_render_icon (cairo_t *cr,
                  CjmIcon  icon,
                  double   x,
                  double   y,
                  double   size)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16.0, size / 16.0);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  draw_icon (cr, icon);
  cairo_restore (cr);
}

/**
 * _cjm_render_face:
 * @cr: a cairo context
 * @cx: the centre of the face
 * @cy: the centre of the face
 * @radius: its radius
 * @score: the emotion, from -3 to 3: the mouth smiles or frowns as much
 * @fill: the colour of the face
 * @ink: the colour of its eyes and mouth
 * @features: whether to draw the eyes and mouth (not when zoomed far out)
 */
void
_cjm_render_face (cairo_t       *cr,
                  double         cx,
                  double         cy,
                  double         radius,
                  int            score,
                  const CjmRgba *fill,
                  const CjmRgba *ink,
                  gboolean       features)
{
  double bend = CLAMP (score, -3, 3) / 3.0;
  double mouth_y = cy + radius * (0.32 - 0.08 * bend);
  double half = radius * 0.42;

  cairo_save (cr);
  cairo_new_path (cr);
  _cjm_set_source (cr, fill);
  circle (cr, cx, cy, radius);
  cairo_fill (cr);

  if (features)
    {
      _cjm_set_source (cr, ink);
      circle (cr, cx - radius * 0.34, cy - radius * 0.2, radius * 0.12);
      circle (cr, cx + radius * 0.34, cy - radius * 0.2, radius * 0.12);
      cairo_fill (cr);

      /* The mouth: a curve bending up for a smile, down for a frown. */
      cairo_set_line_width (cr, MAX (1.0, radius * 0.14));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, cx - half, mouth_y);
      cairo_curve_to (cr, cx - half / 2, mouth_y + bend * radius * 0.42,
                      cx + half / 2, mouth_y + bend * radius * 0.42,
                      cx + half, mouth_y);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}
