/* test-curve.c: the emotion curve's maths
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cjm-core.h"

#define EPSILON 1e-9
#define SAMPLES 64

/* The cubic Hermite interpolant, written out: what the Bézier must equal. */
static double
hermite (double x0,
         double y0,
         double m0,
         double x1,
         double y1,
         double m1,
         double x)
{
  double h = x1 - x0;
  double t = (x - x0) / h;
  double t2 = t * t, t3 = t2 * t;

  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * m0 +
         (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * h * m1;
}

/* Checks every property the curve promises for one set of points. */
static void
check_curve (const double *xs,
             const double *ys,
             gsize         n)
{
  g_autoptr(GArray) segments = cjm_curve_segments (xs, ys, n);
  guint expected = 0;

  for (gsize k = 0; k + 1 < n; k++)
    if (!isnan (ys[k]) && !isnan (ys[k + 1]))
      expected++;
  g_assert_cmpuint (segments->len, ==, expected);

  for (guint i = 0; i < segments->len; i++)
    {
      const CjmCurveSegment *s = &g_array_index (segments, CjmCurveSegment, i);
      guint k = s->index;
      double low = MIN (ys[k], ys[k + 1]) - EPSILON;
      double high = MAX (ys[k], ys[k + 1]) + EPSILON;
      double previous = s->y0;

      /* Through the points, joining consecutive ones only. */
      g_assert_cmpuint (k + 1, <, n);
      g_assert_cmpfloat_with_epsilon (s->x0, xs[k], EPSILON);
      g_assert_cmpfloat_with_epsilon (s->y0, ys[k], EPSILON);
      g_assert_cmpfloat_with_epsilon (s->x3, xs[k + 1], EPSILON);
      g_assert_cmpfloat_with_epsilon (s->y3, ys[k + 1], EPSILON);
      if (i > 0)
        g_assert_cmpuint (k, >, g_array_index (segments, CjmCurveSegment, i - 1).index);

      for (guint j = 0; j <= SAMPLES; j++)
        {
          double t = (double)j / SAMPLES;
          double x, y;

          cjm_curve_segment_point (s, t, &x, &y);

          /* x moves linearly: the Bézier is a graph over x. */
          g_assert_cmpfloat_with_epsilon (x, xs[k] + t * (xs[k + 1] - xs[k]), 1e-7);

          /* No overshoot: between the two points' values. */
          g_assert_cmpfloat (y, >=, low);
          g_assert_cmpfloat (y, <=, high);

          /* Monotone where the data is. */
          if (ys[k + 1] > ys[k])
            g_assert_cmpfloat (y, >=, previous - EPSILON);
          else if (ys[k + 1] < ys[k])
            g_assert_cmpfloat (y, <=, previous + EPSILON);
          else
            g_assert_cmpfloat_with_epsilon (y, ys[k], EPSILON);
          previous = y;

          g_assert_cmpfloat_with_epsilon (cjm_curve_segment_y_at (s, x), y, 1e-7);
        }
    }
}

static void
test_passes_through_points (void)
{
  const double xs[] = { 0, 1, 2, 3, 4, 5 };
  const double ys[] = { -3, 2, 2, -1, 3, 0 };
  g_autoptr(GArray) segments = cjm_curve_segments (xs, ys, G_N_ELEMENTS (xs));

  g_assert_cmpuint (segments->len, ==, 5);
  for (guint i = 0; i < segments->len; i++)
    {
      const CjmCurveSegment *s = &g_array_index (segments, CjmCurveSegment, i);

      g_assert_cmpuint (s->index, ==, i);
      g_assert_cmpfloat (s->y0, ==, ys[i]);
      g_assert_cmpfloat (s->y3, ==, ys[i + 1]);
      g_assert_cmpfloat_with_epsilon (cjm_curve_segment_y_at (s, xs[i]), ys[i], EPSILON);
      g_assert_cmpfloat_with_epsilon (cjm_curve_segment_y_at (s, xs[i + 1]), ys[i + 1], EPSILON);
    }

  check_curve (xs, ys, G_N_ELEMENTS (xs));
}

/* Every sequence of five scores from −3 to +3: 16,807 curves, sampled
 * densely, never leave [−3, 3] nor their segments' ranges. */
static void
test_all_score_sequences (void)
{
  const double xs[] = { 0, 240, 480, 720, 960 };
  double ys[5];
  int digits[5] = { 0 };

  for (;;)
    {
      for (guint i = 0; i < 5; i++)
        ys[i] = digits[i] - 3;

      check_curve (xs, ys, 5);

      {
        g_autoptr(GArray) segments = cjm_curve_segments (xs, ys, 5);

        for (guint i = 0; i < segments->len; i++)
          for (guint j = 0; j <= 16; j++)
            {
              double y;

              cjm_curve_segment_point (&g_array_index (segments, CjmCurveSegment, i),
                                       j / 16.0, NULL, &y);
              g_assert_cmpfloat (y, >=, -3 - EPSILON);
              g_assert_cmpfloat (y, <=, 3 + EPSILON);
            }
      }

      for (guint i = 0; i < 5; i++)
        {
          if (++digits[i] < 7)
            break;
          digits[i] = 0;
          if (i == 4)
            return;
        }
    }
}

/* Real maps draw in screen space: y grows downwards, columns are wide and
 * faces moved aside make the spacing uneven. */
static void
test_random_uneven (void)
{
  GRand *rand = g_rand_new_with_seed (20261124);

  for (guint round = 0; round < 2000; round++)
    {
      gsize n = g_rand_int_range (rand, 2, 12);
      g_autofree double *xs = g_new (double, n);
      g_autofree double *ys = g_new (double, n);
      double x = g_rand_double_range (rand, -100, 100);

      for (gsize i = 0; i < n; i++)
        {
          x += g_rand_double_range (rand, 0.5, 300);
          xs[i] = x;
          ys[i] = g_rand_int_range (rand, 0, 4) == 0
                  ? g_rand_double_range (rand, -1000, 1000)
                  : 100 + 28 * g_rand_int_range (rand, 0, 7);
        }

      check_curve (xs, ys, n);
    }

  g_rand_free (rand);
}

static void
test_monotone_data_gives_monotone_curve (void)
{
  const double xs[] = { 0, 1, 1.5, 4, 4.2, 9 };
  const double rising[] = { -3, -2.9, 0, 0.1, 2.5, 3 };
  const double falling[] = { 3, 3, 1, -1, -1, -3 };
  const double steps[] = { 0, 0, 3, 3, -3, -3 };

  check_curve (xs, rising, G_N_ELEMENTS (xs));
  check_curve (xs, falling, G_N_ELEMENTS (xs));
  check_curve (xs, steps, G_N_ELEMENTS (xs));

  /* Over the whole rising curve, not segment by segment only. */
  {
    g_autoptr(GArray) segments = cjm_curve_segments (xs, rising, G_N_ELEMENTS (xs));
    double previous = -G_MAXDOUBLE;

    for (guint i = 0; i < segments->len; i++)
      for (guint j = 0; j <= SAMPLES; j++)
        {
          double y;

          cjm_curve_segment_point (&g_array_index (segments, CjmCurveSegment, i),
                                   (double)j / SAMPLES, NULL, &y);
          g_assert_cmpfloat (y, >=, previous - EPSILON);
          previous = y;
        }
  }
}

static void
test_extrema_are_flat (void)
{
  const double xs[] = { 0, 1, 2, 3, 4 };
  const double ys[] = { 0, 3, -3, -3, 1 };
  double tangents[5];

  cjm_curve_tangents (xs, ys, 5, tangents);

  /* A peak, a trough and a plateau: the curve turns exactly at the point. */
  g_assert_cmpfloat (tangents[1], ==, 0.0);
  g_assert_cmpfloat (tangents[2], ==, 0.0);
  g_assert_cmpfloat (tangents[3], ==, 0.0);
  /* The ends follow their neighbour. */
  g_assert_cmpfloat (tangents[0], >, 0.0);
  g_assert_cmpfloat (tangents[4], >, 0.0);
}

static void
test_tangents_are_limited (void)
{
  /* A steep rise after a gentle one: the plain mean of the secants would
   * overshoot; Fritsch–Carlson keeps α² + β² ≤ 9. */
  const double xs[] = { 0, 1, 2, 3 };
  const double ys[] = { 0, 0.1, 3, 3 };
  double tangents[4];

  cjm_curve_tangents (xs, ys, 4, tangents);

  for (guint k = 0; k < 3; k++)
    {
      double secant = (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);

      if (secant != 0)
        {
          double alpha = tangents[k] / secant, beta = tangents[k + 1] / secant;

          g_assert_cmpfloat (alpha, >=, 0);
          g_assert_cmpfloat (beta, >=, 0);
          g_assert_cmpfloat (alpha * alpha + beta * beta, <=, 9 + EPSILON);
        }
    }

  check_curve (xs, ys, 4);
}

static void
test_bezier_equals_hermite (void)
{
  CjmCurveSegment segment;

  cjm_curve_segment_init (&segment, 10, 1, 0.5, 250, -2, -0.01);
  for (guint j = 0; j <= SAMPLES; j++)
    {
      double x = 10 + 240.0 * j / SAMPLES;

      g_assert_cmpfloat_with_epsilon (cjm_curve_segment_y_at (&segment, x),
                                      hermite (10, 1, 0.5, 250, -2, -0.01, x), 1e-9);
    }
}

static void
test_gaps_break_the_curve (void)
{
  const double xs[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  const double ys[] = { 1, 2, NAN, 3, NAN, -1, -2, 0 };
  const double lonely[] = { NAN, 2, NAN };
  const double none[] = { NAN, NAN };
  g_autoptr(GArray) segments = cjm_curve_segments (xs, ys, G_N_ELEMENTS (xs));
  g_autoptr(GArray) lonely_segments = cjm_curve_segments (xs, lonely, G_N_ELEMENTS (lonely));
  g_autoptr(GArray) no_segments = cjm_curve_segments (xs, none, G_N_ELEMENTS (none));
  g_autoptr(GArray) empty = cjm_curve_segments (NULL, NULL, 0);

  /* 1–2, then 3 alone (no segment), then −1 → −2 → 0. */
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpuint (g_array_index (segments, CjmCurveSegment, 0).index, ==, 0);
  g_assert_cmpuint (g_array_index (segments, CjmCurveSegment, 1).index, ==, 5);
  g_assert_cmpuint (g_array_index (segments, CjmCurveSegment, 2).index, ==, 6);
  check_curve (xs, ys, G_N_ELEMENTS (xs));

  /* A run of two points is a straight line. */
  {
    const CjmCurveSegment *s = &g_array_index (segments, CjmCurveSegment, 0);

    g_assert_cmpfloat_with_epsilon (cjm_curve_segment_y_at (s, 0.5), 1.5, EPSILON);
  }

  g_assert_cmpuint (lonely_segments->len, ==, 0);
  g_assert_cmpuint (no_segments->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_single_point (void)
{
  const double xs[] = { 5 };
  const double ys[] = { 2 };
  double tangent = 42;
  g_autoptr(GArray) segments = cjm_curve_segments (xs, ys, 1);

  cjm_curve_tangents (xs, ys, 1, &tangent);
  g_assert_cmpfloat (tangent, ==, 0.0);
  g_assert_cmpuint (segments->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Curve/passes-through-points", test_passes_through_points);
  g_test_add_func ("/Cjm/Curve/all-score-sequences", test_all_score_sequences);
  g_test_add_func ("/Cjm/Curve/random-uneven", test_random_uneven);
  g_test_add_func ("/Cjm/Curve/monotone", test_monotone_data_gives_monotone_curve);
  g_test_add_func ("/Cjm/Curve/extrema-are-flat", test_extrema_are_flat);
  g_test_add_func ("/Cjm/Curve/tangents-are-limited", test_tangents_are_limited);
  g_test_add_func ("/Cjm/Curve/bezier-equals-hermite", test_bezier_equals_hermite);
  g_test_add_func ("/Cjm/Curve/gaps-break-the-curve", test_gaps_break_the_curve);
  g_test_add_func ("/Cjm/Curve/single-point", test_single_point);

  return g_test_run ();
}
