/* cjm-curve.c: the maths of the emotion curve
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-curve"

#include "config.h"

#include <math.h>

#include "cjm-curve.h"

/**
 * cjm_curve_tangents:
 * @xs: (array length=n): the abscissas, strictly increasing
 * @ys: (array length=n): the values, all finite
 * @n: the number of points
 * @tangents: (out caller-allocates) (array length=n): where to store the
 *   slope of the curve at each point
 *
 * Computes the tangents of the monotone cubic Hermite spline through the
 * points by the method of Fritsch and Carlson (1980): the mean of the two
 * neighbouring secant slopes, zero at a local extremum or beside a flat
 * segment, then limited so that no segment overshoots (α² + β² ≤ 9).
 */
void
cjm_curve_tangents (const double *xs,
                    const double *ys,
                    gsize         n,
                    double       *tangents)
{
  g_autofree double *secants = NULL;

  g_return_if_fail (n == 0 || (xs != NULL && ys != NULL && tangents != NULL));

  if (n == 0)
    return;

  if (n == 1)
    {
      tangents[0] = 0.0;
      return;
    }

  secants = g_new (double, n - 1);
  for (gsize k = 0; k + 1 < n; k++)
    {
      g_return_if_fail (xs[k + 1] > xs[k]);
      secants[k] = (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);
    }

  /* One-sided at the ends, the mean of the secants inside; zero where the
   * data turns, so that every extremum of the data is one of the curve. */
  tangents[0] = secants[0];
  tangents[n - 1] = secants[n - 2];
  for (gsize k = 1; k + 1 < n; k++)
    {
      if (secants[k - 1] * secants[k] <= 0.0)
        tangents[k] = 0.0;
      else
        tangents[k] = (secants[k - 1] + secants[k]) / 2.0;
    }

  for (gsize k = 0; k + 1 < n; k++)
    {
      double alpha, beta, radius;

      if (secants[k] == 0.0)
        {
          tangents[k] = 0.0;
          tangents[k + 1] = 0.0;
          continue;
        }

      alpha = tangents[k] / secants[k];
      beta = tangents[k + 1] / secants[k];

      /* Only the ends can point against their secant: flatten them. */
      if (alpha < 0.0)
        {
          tangents[k] = 0.0;
          alpha = 0.0;
        }
      if (beta < 0.0)
        {
          tangents[k + 1] = 0.0;
          beta = 0.0;
        }

      /* Shrinking a tangent towards zero keeps the previous segment inside
       * its own (convex) region, so one pass from left to right suffices. */
      radius = alpha * alpha + beta * beta;
      if (radius > 9.0)
        {
          double tau = 3.0 / sqrt (radius);

          tangents[k] = tau * alpha * secants[k];
          tangents[k + 1] = tau * beta * secants[k];
        }
    }
}

/**
 * cjm_curve_segment_init:
 * @segment: (out caller-allocates): the segment to fill
 * @x0: where the segment starts
 * @y0: the value there
 * @m0: the slope there
 * @x1: where the segment ends, greater than @x0
 * @y1: the value there
 * @m1: the slope there
 *
 * Writes the cubic Hermite segment as a cubic Bézier curve. Its control
 * points lie a third of the way along, so x grows linearly with the Bézier
 * parameter and the Bézier's y at x is exactly the Hermite value at x.
 */
void
cjm_curve_segment_init (CjmCurveSegment *segment,
                        double           x0,
                        double           y0,
                        double           m0,
                        double           x1,
                        double           y1,
                        double           m1)
{
  double third;

  g_return_if_fail (segment != NULL);

  third = (x1 - x0) / 3.0;

  segment->x0 = x0;
  segment->y0 = y0;
  segment->x1 = x0 + third;
  segment->y1 = y0 + m0 * third;
  segment->x2 = x1 - third;
  segment->y2 = y1 - m1 * third;
  segment->x3 = x1;
  segment->y3 = y1;
  segment->index = 0;
}

/**
 * cjm_curve_segments:
 * @xs: (array length=n): the abscissas, strictly increasing
 * @ys: (array length=n): the values; NAN where there is no value (a gap)
 * @n: the number of points
 *
 * Builds the emotion curve through the points. Each run of consecutive
 * points with a value is one smooth monotone piece; a gap breaks the curve.
 * A run of one point gives no segment: draw the point alone.
 *
 * Returns: (transfer full) (element-type CjmCurveSegment): the segments,
 *   left to right; a new piece starts where a segment's index is not the
 *   previous segment's index plus one
 */
GArray *
cjm_curve_segments (const double *xs,
                    const double *ys,
                    gsize         n)
{
  GArray *segments;
  g_autofree double *tangents = NULL;
  gsize start = 0;

  g_return_val_if_fail (n == 0 || (xs != NULL && ys != NULL), NULL);

  segments = g_array_new (FALSE, FALSE, sizeof (CjmCurveSegment));
  tangents = g_new0 (double, MAX (n, 1));

  while (start < n)
    {
      gsize end;

      if (isnan (ys[start]))
        {
          start++;
          continue;
        }

      for (end = start; end < n && !isnan (ys[end]); end++)
        ;

      cjm_curve_tangents (xs + start, ys + start, end - start, tangents + start);

      for (gsize k = start; k + 1 < end; k++)
        {
          CjmCurveSegment segment;

          cjm_curve_segment_init (&segment,
                                  xs[k], ys[k], tangents[k],
                                  xs[k + 1], ys[k + 1], tangents[k + 1]);
          segment.index = k;
          g_array_append_val (segments, segment);
        }

      start = end;
    }

  return segments;
}

/**
 * cjm_curve_segment_point:
 * @segment: a segment
 * @t: the Bézier parameter, from 0 (start) to 1 (end)
 * @x: (out) (optional): the abscissa of the point
 * @y: (out) (optional): its value
 *
 * Evaluates the segment at @t.
 */
void
cjm_curve_segment_point (const CjmCurveSegment *segment,
                         double                 t,
                         double                *x,
                         double                *y)
{
  double u, b0, b1, b2, b3;

  g_return_if_fail (segment != NULL);

  u = 1.0 - t;
  b0 = u * u * u;
  b1 = 3.0 * u * u * t;
  b2 = 3.0 * u * t * t;
  b3 = t * t * t;

  if (x != NULL)
    *x = b0 * segment->x0 + b1 * segment->x1 + b2 * segment->x2 + b3 * segment->x3;
  if (y != NULL)
    *y = b0 * segment->y0 + b1 * segment->y1 + b2 * segment->y2 + b3 * segment->y3;
}

/**
 * cjm_curve_segment_y_at:
 * @segment: a segment made by cjm_curve_segment_init() or cjm_curve_segments()
 * @x: an abscissa between the segment's ends
 *
 * Returns: the value of the curve at @x
 */
double
cjm_curve_segment_y_at (const CjmCurveSegment *segment,
                        double                 x)
{
  double t, y;

  g_return_val_if_fail (segment != NULL, 0.0);
  g_return_val_if_fail (segment->x3 > segment->x0, segment->y0);

  t = CLAMP ((x - segment->x0) / (segment->x3 - segment->x0), 0.0, 1.0);
  cjm_curve_segment_point (segment, t, NULL, &y);

  return y;
}
