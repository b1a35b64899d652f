/* test-curve.c: the emotion curve's maths
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cjm-core.h"
#include "font-support.h"

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

/* The curves as the layout places them on a map: one emotion lane, two
 * personas, four steps; pain points at steps 1 and 2. */

typedef struct
{
  CjmMap     *map;
  CjmHistory *history;
  CjmLayout  *layout;
  CjmCard    *pain;       /* at step 1, severity 4 */
  CjmCard    *mild;       /* at step 1, severity 1 */
} Fixture;

static const char *step_ids[4];
static const char *persona_ids[2];

static void
fixture_set_up (Fixture *f)
{
  CjmPersona *ana, *bob;
  CjmStage *stage;
  CjmLane *emotion_lane, *pain_lane;
  g_autoptr(GError) error = NULL;
  const int ana_scores[4] = { 2, -2, 1, -2 };   /* a tie for the lowest */

  f->map = cjm_map_new ("map");
  f->history = cjm_history_new (f->map);
  ana = cjm_edit_add_persona (f->history, -1, "Ana");
  bob = cjm_edit_add_persona (f->history, -1, "Bob");
  persona_ids[0] = cjm_element_get_id (CJM_ELEMENT (ana));
  persona_ids[1] = cjm_element_get_id (CJM_ELEMENT (bob));
  stage = cjm_edit_add_stage (f->history, -1, "Stage");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Step %u", i);

      step_ids[i] = cjm_element_get_id (CJM_ELEMENT (cjm_edit_add_step (f->history, stage, -1, name)));
    }
  emotion_lane = cjm_edit_add_lane (f->history, -1, CJM_LANE_KIND_EMOTION, "Feelings");
  pain_lane = cjm_edit_add_lane (f->history, -1, CJM_LANE_KIND_PAIN_POINTS, "Pains");
  g_assert_nonnull (emotion_lane);

  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (cjm_edit_set_emotion (f->history, cjm_element_get_id (CJM_ELEMENT (ana)),
                                            step_ids[i], ana_scores[i], &error));
  /* Bob: a gap at step 2. */
  g_assert_nonnull (cjm_edit_set_emotion (f->history, cjm_element_get_id (CJM_ELEMENT (bob)),
                                          step_ids[0], 0, &error));
  g_assert_nonnull (cjm_edit_set_emotion (f->history, cjm_element_get_id (CJM_ELEMENT (bob)),
                                          step_ids[1], -1, &error));
  g_assert_nonnull (cjm_edit_set_emotion (f->history, cjm_element_get_id (CJM_ELEMENT (bob)),
                                          step_ids[3], 3, &error));

  f->mild = cjm_edit_add_card (f->history, CJM_CARD_KIND_PAIN_POINT,
                               cjm_element_get_id (CJM_ELEMENT (pain_lane)), step_ids[1], -1,
                               "Mild annoyance", &error);
  g_assert_no_error (error);
  cjm_edit_set_int (f->history, f->mild, "severity", 1);
  f->pain = cjm_edit_add_card (f->history, CJM_CARD_KIND_PAIN_POINT,
                               cjm_element_get_id (CJM_ELEMENT (pain_lane)), step_ids[1], -1,
                               "Sizing is a guess", &error);
  g_assert_no_error (error);
  cjm_edit_set_int (f->history, f->pain, "severity", 4);

  f->layout = cjm_layout_new (f->map);
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_object (&f->layout);
  g_clear_object (&f->history);
  g_clear_object (&f->map);
}

/* The stage came with a step of its own: the steps added follow it. */
static guint
column_of (Fixture *f,
           guint    step)
{
  int column = cjm_layout_find_column (f->layout, step_ids[step]);

  g_assert_cmpint (column, >=, 0);

  return (guint)column;
}

static const CjmEmotionPoint *
find_point (const CjmEmotionPoint *points,
            guint                  n_points,
            guint                  curve,
            guint                  column)
{
  for (guint i = 0; i < n_points; i++)
    if (points[i].curve == curve && points[i].column == column)
      return &points[i];

  return NULL;
}

static gboolean
rect_inside (const CjmRect *inner,
             const CjmRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
test_layout_curves_within_lane (void)
{
  Fixture f;
  double top, bottom;

  fixture_set_up (&f);
  top = cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MAX);
  bottom = cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MIN);
  g_assert_cmpfloat (top, <, bottom);

  for (guint k = 0; k < 2; k++)
    {
      const CjmCurveSegment *segments;
      guint n_segments, n_points;
      const CjmEmotionPoint *points = cjm_layout_get_emotion_points (f.layout, &n_points);

      segments = cjm_layout_get_curve (f.layout, 0, k, &n_segments);
      g_assert_cmpuint (n_segments, >, 0);
      for (guint i = 0; i < n_segments; i++)
        {
          const CjmCurveSegment *s = &segments[i];
          const CjmEmotionPoint *from = find_point (points, n_points, k, s->index);
          const CjmEmotionPoint *to = find_point (points, n_points, k, s->index + 1);

          /* Through the faces at both ends... */
          g_assert_nonnull (from);
          g_assert_nonnull (to);
          g_assert_cmpfloat_with_epsilon (s->x0, from->centre.x, EPSILON);
          g_assert_cmpfloat_with_epsilon (s->y0, from->centre.y, EPSILON);
          g_assert_cmpfloat_with_epsilon (s->x3, to->centre.x, EPSILON);
          g_assert_cmpfloat_with_epsilon (s->y3, to->centre.y, EPSILON);

          /* ...and between their levels all along: never past the scale. */
          for (guint j = 0; j <= SAMPLES; j++)
            {
              double x, y;

              cjm_curve_segment_point (s, (double)j / SAMPLES, &x, &y);
              g_assert_cmpfloat (y, >=, MIN (s->y0, s->y3) - EPSILON);
              g_assert_cmpfloat (y, <=, MAX (s->y0, s->y3) + EPSILON);
              g_assert_cmpfloat (y, >=, top - EPSILON);
              g_assert_cmpfloat (y, <=, bottom + EPSILON);
            }
        }
    }

  fixture_tear_down (&f);
}

static void
test_layout_gap_breaks_curve (void)
{
  Fixture f;
  const CjmCurveSegment *segments;
  guint n_segments;

  fixture_set_up (&f);

  /* Bob has scores at steps 0, 1 and 3: one segment, 0 → 1; none
   * crosses step 2. */
  segments = cjm_layout_get_curve (f.layout, 0, 1, &n_segments);
  g_assert_cmpuint (n_segments, ==, 1);
  g_assert_cmpuint (segments[0].index, ==, column_of (&f, 0));

  /* Filling the gap joins the curve. */
  g_assert_nonnull (cjm_edit_set_emotion (f.history, persona_ids[1], step_ids[2], 0, NULL));
  segments = cjm_layout_get_curve (f.layout, 0, 1, &n_segments);
  g_assert_cmpuint (n_segments, ==, 3);

  fixture_tear_down (&f);
}

static void
test_layout_hit_points (void)
{
  Fixture f;
  const CjmEmotionPoint *points;
  guint n_points;

  fixture_set_up (&f);
  points = cjm_layout_get_emotion_points (f.layout, &n_points);
  g_assert_cmpuint (n_points, ==, 7);

  for (guint i = 0; i < n_points; i++)
    {
      CjmHit hit;

      /* At its centre and near its rim, each point gives its own emotion. */
      g_assert_true (cjm_layout_hit_test (f.layout, points[i].centre.x, points[i].centre.y, &hit));
      g_assert_cmpint (hit.kind, ==, CJM_HIT_EMOTION_POINT);
      g_assert_true (hit.element == CJM_ELEMENT (points[i].emotion));
      g_assert_cmpint (cjm_layout_find_emotion_point (f.layout, points[i].emotion), ==, (int)i);

      g_assert_true (cjm_layout_hit_test (f.layout, points[i].centre.x,
                                          points[i].centre.y - points[i].radius + 1, &hit));
      g_assert_true (hit.element == CJM_ELEMENT (points[i].emotion));

      /* Where the point's level is, the lane says so. */
      g_assert_cmpfloat_with_epsilon (cjm_layout_get_score_y (f.layout, 0, points[i].score),
                                      points[i].centre.y, EPSILON);
    }

  /* Between levels, no point: the cell, with the level nearest. */
  {
    CjmHit hit;
    CjmRect step;

    g_assert_true (cjm_layout_get_step_rect (f.layout, column_of (&f, 2), &step));
    g_assert_true (cjm_layout_hit_test (f.layout, step.x + 10,
                                        cjm_layout_get_score_y (f.layout, 0, -3), &hit));
    g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
    g_assert_cmpint (hit.column, ==, (int)column_of (&f, 2));
    g_assert_cmpint (hit.score, ==, -3);
  }

  fixture_tear_down (&f);
}

static void
test_layout_moments (void)
{
  Fixture f;
  const CjmEmotionPoint *points;
  guint n_points, n_tags = 0;

  fixture_set_up (&f);
  points = cjm_layout_get_emotion_points (f.layout, &n_points);

  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];
      /* Ana: −2 at steps 1 and 3, a tie: both. Bob: −1 at step 1. */
      gboolean expected = (point->curve == 0 && point->score == -2) ||
                          (point->curve == 1 && point->score == -1);

      g_assert_cmpint (point->moment, ==, expected);
      if (!point->moment)
        {
          g_assert_null (point->pain_point);
          g_assert_cmpfloat (point->tag_rect.width, ==, 0);
          continue;
        }

      /* The most severe pain point at the step goes beside it; at step 3
       * there is none. */
      if (point->column == column_of (&f, 1))
        g_assert_true (point->pain_point == f.pain);
      else
        g_assert_null (point->pain_point);

      if (point->tag_rect.width > 0)
        {
          CjmRect lane;
          CjmRect face = { point->centre.x - point->radius, point->centre.y - point->radius,
                           2 * point->radius, 2 * point->radius };

          n_tags++;
          /* Inside its column and lane, right of its face, clear of its label. */
          g_assert_true (cjm_layout_get_cell_rect (f.layout, 0, point->column, &lane));
          g_assert_cmpfloat (point->tag_rect.x, >=, lane.x);
          g_assert_cmpfloat (point->tag_rect.x + point->tag_rect.width, <=, lane.x + lane.width);
          g_assert_cmpfloat (point->tag_rect.y, >=, lane.y);
          g_assert_cmpfloat (point->tag_rect.y + point->tag_rect.height, <=, lane.y + lane.height);
          /* Within the tinted levels too, which end half a level below the
           * lowest, "Frustrated". */
          g_assert_cmpfloat (point->tag_rect.y + point->tag_rect.height, <=,
                             cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MIN)
                             + (cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MIN)
                                - cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MIN + 1)) / 2);
          g_assert_false (cjm_rect_intersects (&point->tag_rect, &face));
          for (guint j = 0; j < n_points; j++)
            if (points[j].column == point->column)
              g_assert_false (cjm_rect_intersects (&point->tag_rect, &points[j].label_rect));
        }
    }
  /* Ana and Bob are both at their lowest at step 1: one tag for the two. */
  g_assert_cmpuint (n_tags, ==, 1);

  /* A new lowest moves the mark. */
  cjm_edit_set_emotion (f.history, cjm_emotion_get_persona_id (points[0].emotion), step_ids[2],
                        -3, NULL);
  points = cjm_layout_get_emotion_points (f.layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    if (points[i].curve == 0)
      g_assert_cmpint (points[i].moment, ==, points[i].column == column_of (&f, 2));

  fixture_tear_down (&f);
}

/* As in exports, with every text whole: long labels and tags wrap on
 * several lines, and the levels spread apart so that each label stands
 * beside its face, inside the lane and clear of the others. The canvas
 * keeps one line each and its lane's height. */
static void
test_layout_full_texts (void)
{
  const char *long_label = "Lost among the technical sheets, unsure which size to pick "
                           "and whether returns are free";
  Fixture f;
  GListModel *emotions;
  const CjmEmotionPoint *points;
  guint n_points, n_tags = 0;
  CjmRect canvas_lane, lane;
  double canvas_level, level, canvas_label_height = 0;

  fixture_set_up (&f);
  emotions = cjm_map_get_emotions (f.map);
  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (emotions, i);

      cjm_emotion_set_label (emotion, long_label);
    }
  cjm_card_set_title (f.pain, "Sizing is a guess: half sizes differ between brands, and the "
                              "size chart is in another language");

  g_assert_true (cjm_layout_get_cell_rect (f.layout, 0, 0, &canvas_lane));
  canvas_level = cjm_layout_get_score_y (f.layout, 0, 0) - cjm_layout_get_score_y (f.layout, 0, 1);
  points = cjm_layout_get_emotion_points (f.layout, &n_points);
  g_assert_cmpuint (n_points, ==, 7);
  for (guint i = 0; i < n_points; i++)
    canvas_label_height = MAX (canvas_label_height, points[i].label_rect.height);

  cjm_layout_set_full_texts (f.layout, TRUE);
  g_assert_true (cjm_layout_get_cell_rect (f.layout, 0, 0, &lane));
  level = cjm_layout_get_score_y (f.layout, 0, 0) - cjm_layout_get_score_y (f.layout, 0, 1);
  g_assert_cmpfloat (level, >, canvas_level);
  g_assert_cmpfloat (lane.height, >, canvas_lane.height);

  points = cjm_layout_get_emotion_points (f.layout, &n_points);
  g_assert_cmpuint (n_points, ==, 7);
  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];
      CjmRect cell;

      g_assert_true (cjm_layout_get_cell_rect (f.layout, 0, point->column, &cell));
      /* Inside the tinted levels, half a level beyond the extreme ones:
       * what pokes out would seem to belong to the next lane. */
      cell.y = cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MAX) - level / 2;
      cell.height = cjm_layout_get_score_y (f.layout, 0, CJM_EMOTION_SCORE_MIN) + level / 2 - cell.y;
      /* Wrapped, whole, beside its face: no two personas share a level at
       * a step here. */
      g_assert_cmpfloat (point->label_rect.height, >, 2 * canvas_label_height);
      g_assert_cmpfloat (point->label_rect.y, <=, point->centre.y);
      g_assert_cmpfloat (point->label_rect.y + point->label_rect.height, >=, point->centre.y);
      g_assert_cmpfloat (point->label_rect.x, >, point->centre.x);
      g_assert_true (rect_inside (&point->label_rect, &cell));

      for (guint j = 0; j < n_points; j++)
        {
          if (j != i && points[j].column == point->column)
            g_assert_false (cjm_rect_intersects (&point->label_rect, &points[j].label_rect));
          if (points[j].tag_rect.width > 0 && points[j].column == point->column)
            g_assert_false (cjm_rect_intersects (&point->label_rect, &points[j].tag_rect));
        }

      if (point->tag_rect.width > 0)
        {
          n_tags++;
          g_assert_true (rect_inside (&point->tag_rect, &cell));
          g_assert_cmpfloat (point->tag_rect.height, >, 2 * canvas_label_height);
          /* An unpleasant low point's tag goes above its label, towards
           * the neutral line, where the lane has room. */
          g_assert_cmpint (point->score, <, 0);
          g_assert_cmpfloat (point->tag_rect.y + point->tag_rect.height, <=, point->label_rect.y);
        }
    }
  g_assert_cmpuint (n_tags, ==, 1);

  /* Back on the canvas, the lane is as it was. */
  cjm_layout_set_full_texts (f.layout, FALSE);
  g_assert_true (cjm_layout_get_cell_rect (f.layout, 0, 0, &lane));
  g_assert_cmpfloat (lane.height, ==, canvas_lane.height);

  fixture_tear_down (&f);
}

/* A long label at the top level, alone: taller than the half level above
 * its face, it goes down inside the tinted levels, its face alongside,
 * and the levels need not spread. */
static void
test_layout_full_texts_at_top (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmHistory) history = cjm_history_new (map);
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmPersona *persona = cjm_edit_add_persona (history, -1, "Ana");
  CjmStage *stage = cjm_edit_add_stage (history, -1, "Stage");
  CjmStep *step = cjm_edit_add_step (history, stage, -1, "Step");
  CjmEmotion *emotion;
  const CjmEmotionPoint *points;
  guint n_points;
  double top, level, canvas_level;

  cjm_edit_add_lane (history, -1, CJM_LANE_KIND_EMOTION, "Feelings");
  emotion = cjm_edit_set_emotion (history, cjm_element_get_id (CJM_ELEMENT (persona)),
                                  cjm_element_get_id (CJM_ELEMENT (step)), 3, NULL);
  g_assert_nonnull (emotion);
  cjm_emotion_set_label (emotion, "Delighted: the shoes fit at once, and the shop lets her run "
                                  "in them on the treadmill");
  canvas_level = cjm_layout_get_score_y (layout, 0, 2) - cjm_layout_get_score_y (layout, 0, 3);

  cjm_layout_set_full_texts (layout, TRUE);
  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 1);
  top = cjm_layout_get_score_y (layout, 0, CJM_EMOTION_SCORE_MAX);
  level = cjm_layout_get_score_y (layout, 0, 2) - top;
  g_assert_cmpfloat (level, ==, canvas_level);
  g_assert_cmpfloat (points[0].label_rect.height, >, level / 2);
  g_assert_cmpfloat (points[0].label_rect.y, >=, top - level / 2);
  g_assert_cmpfloat (points[0].label_rect.y, <=, points[0].centre.y);
}

/* A map without an emotion lane still shows the curves in the layout's
 * own lane, when asked. */
static void
test_layout_fallback_lane (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmHistory) history = cjm_history_new (map);
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  const char *none[] = { "", NULL };
  CjmPersona *persona = cjm_edit_add_persona (history, -1, "Ana");
  CjmStage *stage = cjm_edit_add_stage (history, -1, "Stage");
  CjmStep *step = cjm_edit_add_step (history, stage, -1, "Step");
  guint n_points;

  cjm_edit_set_emotion (history, cjm_element_get_id (CJM_ELEMENT (persona)),
                        cjm_element_get_id (CJM_ELEMENT (step)), 1, NULL);
  cjm_layout_set_lane_ids (layout, none);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 0);
  cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 0);

  cjm_layout_set_emotion_fallback (layout, TRUE);
  g_assert_true (cjm_layout_get_dirty (layout));
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 1);
  g_assert_cmpint (cjm_lane_get_kind (cjm_layout_get_lane (layout, 0)), ==, CJM_LANE_KIND_EMOTION);
  cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

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
  g_test_add_func ("/Cjm/Curve/layout/within-lane", test_layout_curves_within_lane);
  g_test_add_func ("/Cjm/Curve/layout/gap-breaks-curve", test_layout_gap_breaks_curve);
  g_test_add_func ("/Cjm/Curve/layout/hit-points", test_layout_hit_points);
  g_test_add_func ("/Cjm/Curve/layout/moments", test_layout_moments);
  g_test_add_func ("/Cjm/Curve/layout/fallback-lane", test_layout_fallback_lane);
  g_test_add_func ("/Cjm/Curve/layout/full-texts", test_layout_full_texts);
  g_test_add_func ("/Cjm/Curve/layout/full-texts-at-top", test_layout_full_texts_at_top);

  status = g_test_run ();

  font_support_release ();

  return status;
}
