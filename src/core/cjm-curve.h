/* cjm-curve.h: the maths of the emotion curve
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The emotion curve is a monotone cubic Hermite spline (Fritsch–Carlson)
 * through the scores of one persona, written as cubic Bézier segments that
 * cairo draws directly. It passes through every point and never overshoots:
 * between two points it stays between their two values, and where the points
 * rise (or fall) the curve rises (or falls) too. A local peak or trough is
 * flat at its point, so a "moment that matters" is exactly where it is drawn.
 *
 * Gaps: a step without a score breaks the curve. Segments join only points
 * of consecutive indices, so a run of scores is one smooth piece and an
 * unscored step is never given an invented value; the renderer bridges a gap
 * with a faint dashed straight line so the eye can follow the journey.
 *
 * These are pure functions of their arguments: no GObject, no state.
 */

typedef struct
{
  double x0, y0;  /* the start: a point of the curve */
  double x1, y1;  /* the first control point */
  double x2, y2;  /* the second control point */
  double x3, y3;  /* the end: the next point of the curve */
  guint  index;   /* the index of the start point among the points given */
} CjmCurveSegment;

void    cjm_curve_tangents        (const double          *xs,
                                   const double          *ys,
                                   gsize                  n,
                                   double                *tangents);
void    cjm_curve_segment_init    (CjmCurveSegment       *segment,
                                   double                 x0,
                                   double                 y0,
                                   double                 m0,
                                   double                 x1,
                                   double                 y1,
                                   double                 m1);
GArray *cjm_curve_segments        (const double          *xs,
                                   const double          *ys,
                                   gsize                  n) G_GNUC_WARN_UNUSED_RESULT;
void    cjm_curve_segment_point   (const CjmCurveSegment *segment,
                                   double                 t,
                                   double                *x,
                                   double                *y);
double  cjm_curve_segment_y_at    (const CjmCurveSegment *segment,
                                   double                 x);

G_END_DECLS
