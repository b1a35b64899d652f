/* test-layout.c: the geometry of a map, hit-testing and rendering
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-core.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"
#include "font-support.h"

/* Building maps */

static CjmPersona *
add_persona (CjmMap     *map,
             const char *id,
             const char *name)
{
  g_autoptr(CjmPersona) persona = cjm_persona_new (id);

  cjm_persona_set_name (persona, name);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);

  return persona;
}

static CjmStage *
add_stage (CjmMap     *map,
           const char *id,
           guint       n_steps)
{
  g_autoptr(CjmStage) stage = cjm_stage_new (id);

  cjm_stage_set_name (stage, id);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("%s-step%u", id, i);
      g_autoptr(CjmStep) step = cjm_step_new (step_id);

      cjm_step_set_name (step, step_id);
      g_list_store_append (_cjm_stage_get_step_store (stage), step);
    }
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), stage);

  return stage;
}

static CjmLane *
add_lane (CjmMap      *map,
          const char  *id,
          CjmLaneKind  kind)
{
  g_autoptr(CjmLane) lane = cjm_lane_new (id);

  cjm_lane_set_kind (lane, kind);
  cjm_lane_set_name (lane, id);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_LANE), lane);

  return lane;
}

static CjmCard *
add_card (CjmMap     *map,
          const char *id,
          const char *lane_id,
          const char *step_id,
          int         span,
          const char *title)
{
  g_autoptr(CjmCard) card = cjm_card_new (id);

  cjm_card_set_lane_id (card, lane_id);
  cjm_card_set_step_id (card, step_id);
  cjm_card_set_span (card, span);
  cjm_card_set_title (card, title);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CARD), card);

  return card;
}

static CjmEmotion *
add_emotion (CjmMap     *map,
             const char *persona_id,
             const char *step_id,
             int         score)
{
  g_autoptr(CjmEmotion) emotion = cjm_emotion_new (NULL);

  cjm_emotion_set_persona_id (emotion, persona_id);
  cjm_emotion_set_step_id (emotion, step_id);
  cjm_emotion_set_score (emotion, score);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_EMOTION), emotion);

  return emotion;
}

static CjmConnection *
add_connection (CjmMap     *map,
                const char *id,
                const char *from,
                const char *to)
{
  g_autoptr(CjmConnection) connection = cjm_connection_new (id);

  cjm_connection_set_from_id (connection, from);
  cjm_connection_set_to_id (connection, to);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CONNECTION), connection);

  return connection;
}

/* Three stages of 3, 2 and 2 steps; lanes: touchpoints, emotions, pain points. */
static CjmMap *
make_map (void)
{
  CjmMap *map = cjm_map_new ("map");

  cjm_map_set_title (map, "Buying running shoes");
  cjm_map_set_reviewed (map, "2026-11-02");
  add_persona (map, "camille", "Camille");
  add_persona (map, "marc", "Marc");
  add_stage (map, "reflection", 3);
  add_stage (map, "evaluation", 2);
  add_stage (map, "purchase", 2);
  add_lane (map, "web", CJM_LANE_KIND_CHANNEL);
  add_lane (map, "feelings", CJM_LANE_KIND_EMOTION);
  add_lane (map, "pains", CJM_LANE_KIND_PAIN_POINTS);

  return map;
}

static CjmCard *
card (CjmMap     *map,
      const char *id)
{
  return cjm_map_lookup_typed (map, id, CJM_TYPE_CARD);
}

static CjmConnection *
connection (CjmMap     *map,
            const char *id)
{
  return cjm_map_lookup_typed (map, id, CJM_TYPE_CONNECTION);
}

static void
get_card_rect (CjmLayout  *layout,
               CjmMap     *map,
               const char *id,
               CjmRect    *rect)
{
  g_assert_true (cjm_layout_get_card_rect (layout, card (map, id), rect));
}

static gboolean
rects_overlap (const CjmRect *a,
               const CjmRect *b)
{
  return cjm_rect_intersects (a, b);
}

/* Columns and stages */

static void
test_columns_and_stages (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  GListModel *stages = cjm_map_get_stages (map);
  CjmRect previous = { 0 };
  double width, height;

  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 7);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 3);
  cjm_layout_get_size (layout, &width, &height);

  /* Steps left to right, all as wide, in the order of cjm_map_dup_steps(). */
  {
    g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);

    for (guint i = 0; i < 7; i++)
      {
        CjmRect rect;

        g_assert_true (cjm_layout_get_step_rect (layout, i, &rect));
        g_assert_true (cjm_layout_get_step (layout, i) == g_ptr_array_index (steps, i));
        g_assert_cmpint (cjm_layout_find_column (layout,
                                                 cjm_element_get_id (g_ptr_array_index (steps, i))),
                         ==, i);
        if (i > 0)
          {
            g_assert_cmpfloat (rect.x, >, previous.x + previous.width);
            g_assert_cmpfloat_with_epsilon (rect.width, previous.width, 1e-9);
            g_assert_cmpfloat_with_epsilon (rect.y, previous.y, 1e-9);
          }
        g_assert_cmpfloat (rect.x + rect.width, <=, width);
        previous = rect;
      }
    g_assert_false (cjm_layout_get_step_rect (layout, 7, &previous));
  }

  /* Each stage header spans its steps' headers, above them. */
  for (guint i = 0, first = 0; i < 3; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
      guint n = g_list_model_get_n_items (cjm_stage_get_steps (stage));
      CjmRect stage_rect, first_rect, last_rect;

      g_assert_true (cjm_layout_get_stage_rect (layout, stage, &stage_rect));
      g_assert_true (cjm_layout_get_step_rect (layout, first, &first_rect));
      g_assert_true (cjm_layout_get_step_rect (layout, first + n - 1, &last_rect));
      g_assert_cmpfloat_with_epsilon (stage_rect.x, first_rect.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (stage_rect.x + stage_rect.width,
                                      last_rect.x + last_rect.width, 1e-9);
      g_assert_cmpfloat (stage_rect.y + stage_rect.height, <=, first_rect.y);
      first += n;
    }

  /* Lanes below the headers, one under the other, headers on the left. */
  for (guint i = 0; i < 3; i++)
    {
      CjmRect header, cell, step;

      g_assert_true (cjm_layout_get_lane_header_rect (layout, i, &header));
      g_assert_true (cjm_layout_get_cell_rect (layout, i, 0, &cell));
      g_assert_true (cjm_layout_get_step_rect (layout, 0, &step));
      g_assert_cmpfloat (header.x + header.width, <=, cell.x);
      g_assert_cmpfloat (cell.y, >=, step.y + step.height);
      g_assert_cmpfloat (header.y, >=, cell.y);
      g_assert_cmpfloat (header.y + header.height, <=, cell.y + cell.height);
      g_assert_cmpfloat (cell.y + cell.height, <=, height);
      if (i > 0)
        {
          CjmRect above;

          g_assert_true (cjm_layout_get_cell_rect (layout, i - 1, 0, &above));
          g_assert_cmpfloat_with_epsilon (above.y + above.height, cell.y, 1e-9);
        }
    }
  g_assert_true (cjm_layout_get_lane (layout, 1) ==
                 cjm_map_lookup_typed (map, "feelings", CJM_TYPE_LANE));
  g_assert_cmpint (cjm_layout_find_lane (layout, "pains"), ==, 2);
  g_assert_cmpint (cjm_layout_find_lane (layout, "nowhere"), ==, -1);
}

static void
test_empty_map (void)
{
  g_autoptr(CjmMap) map = cjm_map_new (NULL);
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmHit hit;
  double width, height;

  cjm_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 0);
  g_assert_false (cjm_layout_hit_test (layout, width / 2, height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_NONE);
  g_assert_cmpint (hit.lane, ==, -1);
}

/* Cards */

static void
test_card_geometry (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmRect one, two, cell0, cell1, step0, step1, end, lane;

  add_card (map, "one", "web", "reflection-step0", 1, "One");
  add_card (map, "two", "web", "reflection-step1", 2, "Two steps");
  /* A span past the last step stops at the last step. */
  add_card (map, "end", "pains", "purchase-step1", 5, "The end");
  /* Cards in no lane or no step shown, or in an emotion lane, are not laid out. */
  add_card (map, "lost", "nowhere", "reflection-step0", 1, "Lost");
  add_card (map, "feeling", "feelings", "reflection-step0", 1, "In an emotion lane");

  get_card_rect (layout, map, "one", &one);
  get_card_rect (layout, map, "two", &two);
  get_card_rect (layout, map, "end", &end);
  g_assert_false (cjm_layout_get_card_rect (layout, card (map, "lost"), &lane));
  g_assert_false (cjm_layout_get_card_rect (layout, card (map, "feeling"), &lane));

  g_assert_true (cjm_layout_get_cell_rect (layout, 0, 0, &cell0));
  g_assert_true (cjm_layout_get_cell_rect (layout, 0, 1, &cell1));
  g_assert_true (cjm_layout_get_step_rect (layout, 0, &step0));
  g_assert_true (cjm_layout_get_step_rect (layout, 1, &step1));

  /* Inside its cell, aligned with its step's header. */
  g_assert_cmpfloat (one.x, >=, cell0.x);
  g_assert_cmpfloat (one.x + one.width, <=, cell0.x + cell0.width);
  g_assert_cmpfloat (one.y, >=, cell0.y);
  g_assert_cmpfloat (one.y + one.height, <=, cell0.y + cell0.height);
  g_assert_cmpfloat_with_epsilon (one.x, step0.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (one.width, step0.width, 1e-9);

  /* A span of two: from its first step's column across the next one. */
  g_assert_cmpfloat_with_epsilon (two.x, step1.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (two.width, one.width + cell0.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (end.width, one.width, 1e-9);

  /* Cards are as tall as their text: a long title makes a taller card. */
  g_assert_false (cjm_layout_get_card_truncated (layout, card (map, "one")));
  cjm_card_set_title (card (map, "one"),
                      "A title long enough to wrap on several lines of the card at its width");
  {
    CjmRect longer, longest;

    get_card_rect (layout, map, "one", &longer);
    g_assert_cmpfloat (longer.height, >, one.height);
    g_assert_false (cjm_layout_get_card_truncated (layout, card (map, "one")));

    /* Up to four lines; beyond, the title is ellipsized and says so. */
    cjm_card_set_title (card (map, "one"),
                        "A title so long that four lines of a card cannot hold it, however "
                        "narrow its letters: it goes on and on about shoes, sizes, prices, "
                        "stores, reviews, friends who run and the weather on race day");
    get_card_rect (layout, map, "one", &longest);
    g_assert_cmpfloat (longest.height, >, longer.height);
    g_assert_true (cjm_layout_get_card_truncated (layout, card (map, "one")));
    g_assert_cmpfloat (longest.height, <, 4 * one.height);
  }
}

static void
test_spanning_cards_never_overlap (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);
  GRand *rand = g_rand_new_with_seed (42);
  const char *lanes[] = { "web", "pains" };
  const char *titles[] = {
    "Short", "A somewhat longer title that wraps", "x",
    "A very long title that keeps going and going, far past what four lines of a card can hold, "
    "so that the layout has to ellipsize it at the end of its fourth line",
  };
  GListModel *cards = cjm_map_get_cards (map);
  guint n;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("card%u", i);
      CjmCard *added;

      added = add_card (map, id, lanes[g_rand_int_range (rand, 0, 2)],
                        cjm_element_get_id (g_ptr_array_index (steps,
                                                               g_rand_int_range (rand, 0, 7))),
                        g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 2, 5) : 1,
                        titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      if (i % 3 == 0)
        cjm_card_set_kind (added, CJM_CARD_KIND_PAIN_POINT);
      if (i % 5 == 0)
        cjm_card_set_severity (added, 3);
    }
  g_rand_free (rand);

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) a = g_list_model_get_item (cards, i);
      CjmRect rect_a, cell;
      int lane = cjm_layout_find_lane (layout, cjm_card_get_lane_id (a));

      g_assert_true (cjm_layout_get_card_rect (layout, a, &rect_a));
      g_assert_true (cjm_layout_get_cell_rect (layout, lane, 0, &cell));
      g_assert_cmpfloat (rect_a.y, >=, cell.y);
      g_assert_cmpfloat (rect_a.y + rect_a.height, <=, cell.y + cell.height);

      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr(CjmCard) b = g_list_model_get_item (cards, j);
          CjmRect rect_b;

          g_assert_true (cjm_layout_get_card_rect (layout, b, &rect_b));
          if (rects_overlap (&rect_a, &rect_b))
            g_error ("%s and %s overlap", cjm_element_get_id (CJM_ELEMENT (a)),
                     cjm_element_get_id (CJM_ELEMENT (b)));
        }
    }
}

static void
test_cell_order (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  GListStore *store = _cjm_map_get_store (map, CJM_TYPE_CARD);
  g_autoptr(GPtrArray) cell = NULL;
  CjmRect a, b, c, wide;

  add_card (map, "a", "web", "reflection-step1", 1, "A");
  /* A card from the step before, spanning over the cell: stacked with it. */
  add_card (map, "wide", "web", "reflection-step0", 2, "Wide");
  add_card (map, "b", "web", "reflection-step1", 1, "B");
  add_card (map, "c", "web", "reflection-step1", 1, "C");

  get_card_rect (layout, map, "a", &a);
  get_card_rect (layout, map, "wide", &wide);
  get_card_rect (layout, map, "b", &b);
  get_card_rect (layout, map, "c", &c);

  /* In the order of the map's card list, top to bottom. */
  g_assert_cmpfloat (a.y + a.height, <=, wide.y);
  g_assert_cmpfloat (wide.y + wide.height, <=, b.y);
  g_assert_cmpfloat (b.y + b.height, <=, c.y);

  /* The cell's cards are those starting at its step. */
  cell = cjm_layout_get_cell_cards (layout, 0, 1);
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_true (g_ptr_array_index (cell, 0) == card (map, "a"));
  g_assert_true (g_ptr_array_index (cell, 1) == card (map, "b"));
  g_assert_true (g_ptr_array_index (cell, 2) == card (map, "c"));
  g_clear_pointer (&cell, g_ptr_array_unref);

  /* Moving c first in the list moves it to the top. */
  {
    g_autoptr(CjmCard) moved = g_object_ref (card (map, "c"));

    g_list_store_remove (store, 3);
    g_list_store_insert (store, 0, moved);
  }
  get_card_rect (layout, map, "c", &c);
  get_card_rect (layout, map, "a", &a);
  g_assert_cmpfloat (c.y + c.height, <=, a.y);
  cell = cjm_layout_get_cell_cards (layout, 0, 1);
  g_assert_true (g_ptr_array_index (cell, 0) == card (map, "c"));
}

/* Hit-testing */

static void
test_hit_every_kind (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmEmotion *emotion;
  const CjmEmotionPoint *points;
  CjmRect rect, a, b, band;
  CjmArrow arrow;
  CjmHit hit;
  guint n_points;

  add_card (map, "a", "web", "reflection-step0", 1, "A");
  add_card (map, "b", "web", "reflection-step0", 1, "B");
  add_card (map, "far", "web", "reflection-step2", 1, "Far");
  add_connection (map, "link", "a", "far");
  emotion = add_emotion (map, "camille", "evaluation-step0", 2);
  get_card_rect (layout, map, "a", &a);
  get_card_rect (layout, map, "b", &b);

  /* Stage header */
  g_assert_true (cjm_layout_get_element_rect (layout, "evaluation", &rect));
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 5, rect.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_STAGE_HEADER);
  g_assert_true (hit.element == cjm_map_lookup (map, "evaluation"));
  g_assert_cmpint (hit.lane, ==, -1);

  /* Step header */
  g_assert_true (cjm_layout_get_step_rect (layout, 4, &rect));
  g_assert_true (cjm_layout_hit_test (layout, rect.x + rect.width / 2, rect.y + 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_STEP_HEADER);
  g_assert_true (hit.element == cjm_map_lookup (map, "evaluation-step1"));
  g_assert_cmpint (hit.column, ==, 4);

  /* Lane header */
  g_assert_true (cjm_layout_get_lane_header_rect (layout, 2, &rect));
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 10, rect.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_LANE_HEADER);
  g_assert_true (hit.element == cjm_map_lookup (map, "pains"));
  g_assert_cmpint (hit.lane, ==, -1);

  /* Card, and the cell under it */
  g_assert_true (cjm_layout_hit_test (layout, a.x + 20, a.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CARD);
  g_assert_true (hit.element == CJM_ELEMENT (card (map, "a")));
  g_assert_cmpint (hit.lane, ==, 0);
  g_assert_cmpint (hit.column, ==, 0);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_cmpfloat (hit.rect.width, ==, a.width);
  g_assert_true (cjm_layout_hit_test (layout, b.x + 20, b.y + b.height - 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CARD);
  g_assert_true (hit.element == CJM_ELEMENT (card (map, "b")));
  g_assert_cmpuint (hit.index, ==, 2);

  /* Resize handle: the card's right edge, away from its middle */
  g_assert_true (cjm_layout_hit_test (layout, a.x + a.width - 2, a.y + 3, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CARD_RESIZE);
  g_assert_true (hit.element == CJM_ELEMENT (card (map, "a")));

  /* Connect handle: on the right edge, in the middle, even just outside */
  g_assert_true (cjm_layout_hit_test (layout, a.x + a.width + 3, a.y + a.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CARD_CONNECT);
  g_assert_true (hit.element == CJM_ELEMENT (card (map, "a")));

  /* Cell, with the index a dropped card takes: before, between, after */
  g_assert_true (cjm_layout_get_cell_rect (layout, 0, 0, &rect));
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 2, a.y + 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
  g_assert_true (hit.element == cjm_map_lookup (map, "web"));
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 2, (a.y + a.height + b.y) / 2, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
  g_assert_cmpuint (hit.index, ==, 1);
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 2, rect.y + rect.height - 1, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
  g_assert_cmpint (hit.lane, ==, 0);
  g_assert_cmpint (hit.column, ==, 0);
  g_assert_cmpuint (hit.index, ==, 2);

  /* The insertion lines for those indices go down the column. */
  {
    CjmRect line0, line1, line2;

    g_assert_true (cjm_layout_get_insertion_line (layout, 0, 0, 0, &line0));
    g_assert_true (cjm_layout_get_insertion_line (layout, 0, 0, 1, &line1));
    g_assert_true (cjm_layout_get_insertion_line (layout, 0, 0, 2, &line2));
    g_assert_cmpfloat (line0.y + line0.height, <=, a.y + 1.5);
    g_assert_cmpfloat (line1.y, >=, a.y + a.height - 1.5);
    g_assert_cmpfloat (line1.y + line1.height, <=, b.y + 1.5);
    g_assert_cmpfloat (line2.y, >=, b.y + b.height - 1.5);
    g_assert_false (cjm_layout_get_insertion_line (layout, 1, 0, 0, &line0));
  }

  /* Emotion point, and the level anywhere in an emotion lane */
  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 1);
  g_assert_true (points[0].emotion == emotion);
  g_assert_true (cjm_layout_hit_test (layout, points[0].centre.x + 1, points[0].centre.y - 1,
                                      &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_EMOTION_POINT);
  g_assert_true (hit.element == CJM_ELEMENT (emotion));
  g_assert_cmpint (hit.lane, ==, 1);
  g_assert_cmpint (hit.column, ==, 3);
  g_assert_cmpint (hit.score, ==, 2);
  g_assert_true (cjm_layout_hit_test (layout, points[0].centre.x + 60,
                                      cjm_layout_get_score_y (layout, 1, -3) + 3, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
  g_assert_true (hit.element == cjm_map_lookup (map, "feelings"));
  g_assert_cmpint (hit.score, ==, -3);

  /* Connection: the middle of the arrow, over the empty column between */
  g_assert_true (cjm_layout_get_connection_arrow (layout,
                                                  cjm_map_lookup_typed (map, "link",
                                                                        CJM_TYPE_CONNECTION),
                                                  &arrow));
  {
    double x = (arrow.start.x + arrow.tip.x) / 2;
    double y = (arrow.start.y + arrow.tip.y) / 2;

    g_assert_true (cjm_layout_hit_test (layout, x, y + 2, &hit));
    g_assert_cmpint (hit.kind, ==, CJM_HIT_CONNECTION);
    g_assert_true (hit.element == cjm_map_lookup (map, "link"));
    g_assert_true (cjm_layout_hit_test (layout, x, y + 30, &hit));
    g_assert_cmpint (hit.kind, ==, CJM_HIT_CELL);
  }

  /* Nothing: the margin */
  g_assert_false (cjm_layout_hit_test (layout, 1, 1, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_NONE);

  /* Bands: the title, the personas */
  cjm_layout_set_bands (layout, CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS);
  g_assert_true (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_HEADER, &band));
  g_assert_true (cjm_layout_hit_test (layout, band.x + 5, band.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_TITLE_BAND);
  g_assert_true (hit.element == CJM_ELEMENT (map));
  g_assert_true (cjm_layout_get_element_rect (layout, "marc", &rect));
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 5, rect.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_PERSONA);
  g_assert_true (hit.element == cjm_map_lookup (map, "marc"));
  g_assert_false (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_LEGEND, &band));

  /* The grid moved down under the bands, and hit-testing follows it. */
  get_card_rect (layout, map, "a", &rect);
  g_assert_cmpfloat (rect.y, >, a.y);
  g_assert_true (cjm_layout_hit_test (layout, rect.x + 20, rect.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, CJM_HIT_CARD);
}

/* Filters and options */

static void
test_filters (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  const char *stages[] = { "reflection", "purchase", NULL };
  const char *lanes[] = { "feelings", "web", NULL };
  const char *personas[] = { "marc", NULL };
  const CjmEmotionPoint *points;
  CjmRect rect, step;
  guint n_points;

  /* reflection-step2, both steps of evaluation, purchase-step0 */
  add_card (map, "across", "web", "reflection-step2", 4, "Across three stages");
  add_card (map, "hidden", "web", "evaluation-step0", 1, "In a stage not shown");
  add_card (map, "pain", "pains", "purchase-step0", 1, "In a lane not shown");
  add_emotion (map, "camille", "purchase-step0", 1);
  add_emotion (map, "marc", "purchase-step0", -1);
  add_emotion (map, "marc", "evaluation-step0", 3);

  cjm_layout_set_stage_ids (layout, stages);
  g_assert_cmpstrv (cjm_layout_get_stage_ids (layout), stages);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 5);
  g_assert_cmpint (cjm_layout_find_column (layout, "evaluation-step0"), ==, -1);
  g_assert_cmpint (cjm_layout_find_column (layout, "purchase-step0"), ==, 3);
  g_assert_false (cjm_layout_get_stage_rect (layout,
                                             cjm_map_lookup_typed (map, "evaluation",
                                                                   CJM_TYPE_STAGE), &rect));
  g_assert_false (cjm_layout_get_card_rect (layout, card (map, "hidden"), &rect));

  /* A card spanning into a stage not shown covers the columns shown:
   * reflection-step2 and purchase-step0 (evaluation's two are hidden). */
  get_card_rect (layout, map, "across", &rect);
  g_assert_true (cjm_layout_get_step_rect (layout, 2, &step));
  g_assert_cmpfloat_with_epsilon (rect.x, step.x, 1e-9);
  g_assert_true (cjm_layout_get_step_rect (layout, 3, &step));
  g_assert_cmpfloat_with_epsilon (rect.x + rect.width, step.x + step.width, 1e-9);

  cjm_layout_set_lane_ids (layout, lanes);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 2);
  /* Lanes keep the map's order, whatever the filter's. */
  g_assert_cmpint (cjm_layout_find_lane (layout, "web"), ==, 0);
  g_assert_cmpint (cjm_layout_find_lane (layout, "feelings"), ==, 1);
  g_assert_false (cjm_layout_get_card_rect (layout, card (map, "pain"), &rect));

  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 2);
  cjm_layout_set_persona_ids (layout, personas);
  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 1);
  g_assert_true (points[0].persona == cjm_map_lookup_typed (map, "marc", CJM_TYPE_PERSONA));
  g_assert_cmpint (points[0].score, ==, -1);
  g_assert_cmpuint (points[0].column, ==, 3);
  g_assert_cmpuint (points[0].curve, ==, 0);

  /* Back to everything. */
  cjm_layout_set_stage_ids (layout, NULL);
  cjm_layout_set_lane_ids (layout, NULL);
  cjm_layout_set_persona_ids (layout, NULL);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 7);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 3);
  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
}

static void
test_text_scale_and_bands (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmRect normal, large, header, personas, legend;
  double width, height, large_width, large_height;

  add_card (map, "a", "web", "reflection-step0", 1, "A card whose title takes two lines");
  add_emotion (map, "camille", "reflection-step0", 0);
  get_card_rect (layout, map, "a", &normal);
  cjm_layout_get_size (layout, &width, &height);

  cjm_layout_set_text_scale (layout, 1.5);
  g_assert_cmpfloat (cjm_layout_get_text_scale (layout), ==, 1.5);
  get_card_rect (layout, map, "a", &large);
  cjm_layout_get_size (layout, &large_width, &large_height);
  g_assert_cmpfloat (large.height, >, normal.height);
  g_assert_cmpfloat (large.width, >, normal.width);
  g_assert_cmpfloat (large_width, >, width);
  g_assert_cmpfloat (large_height, >, height);
  cjm_layout_set_text_scale (layout, 1.0);

  g_assert_cmpint (cjm_layout_get_bands (layout), ==, CJM_LAYOUT_BAND_NONE);
  g_assert_false (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_HEADER, &header));
  cjm_layout_set_bands (layout, CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS |
                                CJM_LAYOUT_BAND_LEGEND);
  g_assert_true (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_HEADER, &header));
  g_assert_true (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_PERSONAS, &personas));
  g_assert_true (cjm_layout_get_band_rect (layout, CJM_LAYOUT_BAND_LEGEND, &legend));
  get_card_rect (layout, map, "a", &large);
  cjm_layout_get_size (layout, &large_width, &large_height);

  /* Title, personas, the map, the legend: top to bottom, apart. */
  g_assert_cmpfloat (header.y + header.height, <, personas.y);
  g_assert_cmpfloat (personas.y + personas.height, <, large.y);
  g_assert_cmpfloat (large.y + large.height, <, legend.y);
  g_assert_cmpfloat (legend.y + legend.height, <=, large_height);
  g_assert_cmpfloat (large.y - normal.y, >, header.height + personas.height);
}

/* Culling */

static void
test_cards_in_rect (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);
  GListModel *cards = cjm_map_get_cards (map);
  GRand *rand = g_rand_new_with_seed (7);
  double width, height;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("card%u", i);

      add_card (map, id, i % 2 ? "web" : "pains",
                cjm_element_get_id (g_ptr_array_index (steps, g_rand_int_range (rand, 0, 7))),
                g_rand_int_range (rand, 1, 4), i % 4 ? "Short" : "A title on two lines or more");
    }
  cjm_layout_get_size (layout, &width, &height);

  for (guint round = 0; round < 300; round++)
    {
      CjmRect query = {
        g_rand_double_range (rand, -100, width),
        g_rand_double_range (rand, -100, height),
        g_rand_double_range (rand, 0, width / 2),
        g_rand_double_range (rand, 0, height / 2),
      };
      g_autoptr(GPtrArray) found = cjm_layout_get_cards_in_rect (layout, &query);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint expected = 0;

      /* Each card once... */
      for (guint i = 0; i < found->len; i++)
        g_assert_true (g_hash_table_add (seen, g_ptr_array_index (found, i)));

      /* ...exactly those a look at every card finds. */
      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(CjmCard) item = g_list_model_get_item (cards, i);
          CjmRect rect;

          g_assert_true (cjm_layout_get_card_rect (layout, item, &rect));
          if (cjm_rect_intersects (&rect, &query))
            {
              g_assert_true (g_hash_table_contains (seen, item));
              expected++;
            }
        }
      g_assert_cmpuint (found->len, ==, expected);
    }

  {
    CjmRect everything = { 0, 0, width, height };
    CjmRect nothing = { -50, -50, 10, 10 };
    g_autoptr(GPtrArray) all = cjm_layout_get_cards_in_rect (layout, &everything);
    g_autoptr(GPtrArray) none = cjm_layout_get_cards_in_rect (layout, &nothing);

    g_assert_cmpuint (all->len, ==, 300);
    g_assert_cmpuint (none->len, ==, 0);
  }

  g_rand_free (rand);
}

/* Changes */

static void
count_cb (CjmLayout *layout,
          guint     *count)
{
  (*count)++;
}

static void
test_relayout_after_change (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  guint changed = 0;
  CjmRect a, b, other, after;
  double other_offset;

  add_card (map, "a", "web", "reflection-step0", 1, "A");
  add_card (map, "b", "web", "reflection-step0", 1, "B");
  add_card (map, "other", "pains", "evaluation-step0", 1, "Elsewhere");
  get_card_rect (layout, map, "a", &a);
  get_card_rect (layout, map, "b", &b);
  get_card_rect (layout, map, "other", &other);
  g_assert_true (cjm_layout_get_cell_rect (layout, 2, 3, &after));
  other_offset = other.y - after.y;
  g_assert_false (cjm_layout_get_dirty (layout));

  g_signal_connect (layout, "changed", G_CALLBACK (count_cb), &changed);

  /* A longer title: the layout is out of date until asked again. */
  cjm_card_set_title (card (map, "a"), "A title now long enough to need a second line at least");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (cjm_layout_get_dirty (layout));
  cjm_layout_update (layout);
  g_assert_false (cjm_layout_get_dirty (layout));

  get_card_rect (layout, map, "a", &after);
  g_assert_cmpfloat (after.height, >, a.height);
  get_card_rect (layout, map, "b", &after);
  g_assert_cmpfloat (after.y, >, b.y);

  /* Moving a card to another step. */
  cjm_card_set_step_id (card (map, "b"), "purchase-step1");
  g_assert_cmpuint (changed, ==, 2);
  get_card_rect (layout, map, "b", &after);
  g_assert_true (cjm_layout_get_step_rect (layout, 6, &b));
  g_assert_cmpfloat_with_epsilon (after.x, b.x, 1e-9);

  /* Removing a card. */
  g_list_store_remove (_cjm_map_get_store (map, CJM_TYPE_CARD), 0);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 7);
  {
    g_autoptr(GPtrArray) cell = cjm_layout_get_cell_cards (layout, 0, 0);

    g_assert_cmpuint (cell->len, ==, 0);
  }

  /* Options changed to the same value change nothing. */
  cjm_layout_set_text_scale (layout, 1.0);
  cjm_layout_set_persona_ids (layout, NULL);
  cjm_layout_set_bands (layout, CJM_LAYOUT_BAND_NONE);
  g_assert_cmpuint (changed, ==, 3);

  /* A card elsewhere kept its place in its lane, which moved up as the
   * lane above lost a card. */
  get_card_rect (layout, map, "other", &after);
  g_assert_true (cjm_layout_get_cell_rect (layout, 2, 3, &b));
  g_assert_cmpfloat_with_epsilon (after.x, other.x, 1e-9);
  g_assert_cmpfloat (after.y, <, other.y);
  g_assert_cmpfloat_with_epsilon (after.y - b.y, other_offset, 1e-9);

  g_signal_handlers_disconnect_by_func (layout, count_cb, &changed);
}

static void
test_layout_outlives_nothing (void)
{
  CjmMap *map = make_map ();
  CjmLayout *layout = cjm_layout_new (map);

  add_card (map, "a", "web", "reflection-step0", 1, "A");
  cjm_layout_update (layout);

  /* The layout keeps the map alive; both go cleanly. */
  g_object_unref (map);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 7);
  g_object_add_weak_pointer (G_OBJECT (cjm_layout_get_map (layout)), (gpointer *)&map);
  g_assert_finalize_object (layout);
  g_assert_null (map);
}

/* Emotions and connections */

static void
test_emotion_curves (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  const CjmEmotionPoint *points;
  const CjmCurveSegment *segments;
  guint n_points, n_segments;
  CjmRect cell;

  add_emotion (map, "camille", "reflection-step0", -3);
  add_emotion (map, "camille", "reflection-step1", 3);
  add_emotion (map, "camille", "evaluation-step0", 1);  /* after a gap */
  add_emotion (map, "camille", "evaluation-step1", 0);
  add_emotion (map, "marc", "reflection-step1", 3);     /* as Camille there */
  add_emotion (map, "marc", "purchase-step0", 3);

  points = cjm_layout_get_emotion_points (layout, &n_points);
  g_assert_cmpuint (n_points, ==, 6);

  for (guint i = 0; i < n_points; i++)
    {
      const CjmEmotionPoint *point = &points[i];

      g_assert_true (cjm_layout_get_cell_rect (layout, point->lane, point->column, &cell));
      g_assert_cmpuint (point->lane, ==, 1);
      g_assert_cmpfloat_with_epsilon (point->centre.y,
                                      cjm_layout_get_score_y (layout, 1, point->score), 1e-9);
      g_assert_cmpfloat (point->centre.y - point->radius, >=, cell.y);
      g_assert_cmpfloat (point->centre.y + point->radius, <=, cell.y + cell.height);

      if (point->column == 1)
        {
          /* Two faces at one level stand side by side, either side of the centre. */
          g_assert_cmpfloat (fabs (point->centre.x - (cell.x + cell.width / 2)), >=, point->radius);
        }
      else
        g_assert_cmpfloat_with_epsilon (point->centre.x, cell.x + cell.width / 2, 1e-9);
    }
  g_assert_cmpint (points[n_points - 1].score, ==, 3);

  /* Levels: +3 at the top, −3 at the bottom, evenly. */
  g_assert_cmpfloat (cjm_layout_get_score_y (layout, 1, 3), <,
                     cjm_layout_get_score_y (layout, 1, 0));
  g_assert_cmpfloat_with_epsilon (cjm_layout_get_score_y (layout, 1, 0) -
                                  cjm_layout_get_score_y (layout, 1, 1),
                                  cjm_layout_get_score_y (layout, 1, -2) -
                                  cjm_layout_get_score_y (layout, 1, -1), 1e-9);
  g_assert_true (isnan (cjm_layout_get_score_y (layout, 0, 0)));

  /* Camille's curve: two pieces, broken by the step without a score. */
  segments = cjm_layout_get_curve (layout, 1, 0, &n_segments);
  g_assert_cmpuint (n_segments, ==, 2);
  g_assert_cmpuint (segments[0].index, ==, 0);
  g_assert_cmpuint (segments[1].index, ==, 3);
  g_assert_cmpfloat_with_epsilon (segments[0].y0, cjm_layout_get_score_y (layout, 1, -3), 1e-9);
  g_assert_cmpfloat_with_epsilon (segments[0].y3, cjm_layout_get_score_y (layout, 1, 3), 1e-9);

  /* Marc's points are apart: no segment. No curve in a lane of cards. */
  cjm_layout_get_curve (layout, 1, 1, &n_segments);
  g_assert_cmpuint (n_segments, ==, 0);
  g_assert_null (cjm_layout_get_curve (layout, 0, 0, &n_segments));
  g_assert_cmpuint (n_segments, ==, 0);
}

static void
test_connection_arrows (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmRect a, b, c;
  CjmArrow arrow;

  add_card (map, "a", "web", "reflection-step0", 1, "A");
  add_card (map, "b", "web", "reflection-step2", 1, "B");
  add_card (map, "c", "pains", "reflection-step0", 1, "C");
  add_connection (map, "right", "a", "b");
  add_connection (map, "down", "a", "c");
  add_connection (map, "up", "c", "a");
  add_connection (map, "broken", "a", "nowhere");
  get_card_rect (layout, map, "a", &a);
  get_card_rect (layout, map, "b", &b);
  get_card_rect (layout, map, "c", &c);

  g_assert_true (cjm_layout_get_connection_arrow (layout, connection (map, "right"), &arrow));
  g_assert_cmpfloat_with_epsilon (arrow.start.x, a.x + a.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (arrow.tip.x, b.x, 1e-9);
  g_assert_cmpfloat (arrow.end.x, <, arrow.tip.x);

  g_assert_true (cjm_layout_get_connection_arrow (layout, connection (map, "down"), &arrow));
  g_assert_cmpfloat_with_epsilon (arrow.start.y, a.y + a.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (arrow.tip.y, c.y, 1e-9);

  g_assert_true (cjm_layout_get_connection_arrow (layout, connection (map, "up"), &arrow));
  g_assert_cmpfloat_with_epsilon (arrow.start.y, c.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (arrow.tip.y, a.y + a.height, 1e-9);

  g_assert_false (cjm_layout_get_connection_arrow (layout, connection (map, "broken"), &arrow));

  g_assert_true (cjm_layout_get_element_rect (layout, "right", &c));
  g_assert_cmpfloat (c.x, <=, a.x + a.width);
  g_assert_cmpfloat (c.x + c.width, >=, b.x);

  /* Between side by side cards the middle of the arrow is in the narrow
   * gap between them: its label goes where it hides neither. */
  add_card (map, "next", "web", "reflection-step1", 1, "Next door");
  cjm_connection_set_label (add_connection (map, "labelled", "a", "next"),
                            "A label far wider than the gap between two columns");
  get_card_rect (layout, map, "next", &b);
  g_assert_true (cjm_layout_get_connection_arrow (layout, connection (map, "labelled"), &arrow));
  g_assert_cmpfloat (arrow.label_rect.width, >, b.x - (a.x + a.width));
  g_assert_false (cjm_rect_intersects (&arrow.label_rect, &a));
  g_assert_false (cjm_rect_intersects (&arrow.label_rect, &b));
}

/* The sample and the templates: what the app shows first must be tidy. */
static void
check_nothing_overlaps (CjmLayout *layout)
{
  CjmMap *map = cjm_layout_get_map (layout);
  GListModel *cards = cjm_map_get_cards (map);
  GListModel *connections = cjm_map_get_connections (map);
  const CjmEmotionPoint *points;
  guint n_cards = g_list_model_get_n_items (cards);
  guint n_points;
  double width, height;

  cjm_layout_get_size (layout, &width, &height);
  points = cjm_layout_get_emotion_points (layout, &n_points);

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(CjmCard) a = g_list_model_get_item (cards, i);
      CjmRect rect_a;

      if (!cjm_layout_get_card_rect (layout, a, &rect_a))
        continue;
      g_assert_cmpfloat (rect_a.x, >=, 0);
      g_assert_cmpfloat (rect_a.y, >=, 0);
      g_assert_cmpfloat (rect_a.x + rect_a.width, <=, width);
      g_assert_cmpfloat (rect_a.y + rect_a.height, <=, height);

      for (guint j = i + 1; j < n_cards; j++)
        {
          g_autoptr(CjmCard) b = g_list_model_get_item (cards, j);
          CjmRect rect_b;

          if (cjm_layout_get_card_rect (layout, b, &rect_b))
            g_assert_false (cjm_rect_intersects (&rect_a, &rect_b));
        }
    }

  /* Connection labels hide no card. */
  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      g_autoptr(GPtrArray) under = NULL;
      CjmArrow arrow;

      if (!cjm_layout_get_connection_arrow (layout, connection, &arrow) ||
          arrow.label_rect.width <= 0)
        continue;
      under = cjm_layout_get_cards_in_rect (layout, &arrow.label_rect);
      g_assert_cmpuint (under->len, ==, 0);
    }

  /* Faces and emotion labels: none on another. */
  for (guint i = 0; i < n_points; i++)
    for (guint j = 0; j < n_points; j++)
      {
        double radius = points[j].radius;
        CjmRect face = { points[j].centre.x - radius, points[j].centre.y - radius,
                         2 * radius, 2 * radius };

        if (i == j)
          continue;
        g_assert_cmpfloat (hypot (points[i].centre.x - points[j].centre.x,
                                  points[i].centre.y - points[j].centre.y),
                           >=, points[i].radius + points[j].radius);
        if (points[i].label_rect.width > 0)
          {
            g_assert_false (cjm_rect_intersects (&points[i].label_rect, &face));
            if (points[j].label_rect.width > 0)
              g_assert_false (cjm_rect_intersects (&points[i].label_rect,
                                                   &points[j].label_rect));
          }
      }
}

static void
test_samples_are_tidy (void)
{
  const char *root = g_getenv ("CJM_SOURCE_ROOT");
  const char *folders[] = { "data/samples", "data/templates" };
  guint checked = 0;

  /* Set by tests/meson.build: without it nothing would be checked. */
  g_assert_nonnull (root);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = g_build_filename (root, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file_path = g_build_filename (path, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (file_path);
          g_autoptr(GError) error = NULL;
          g_autoptr(CjmMap) map = NULL;
          g_autoptr(CjmLayout) layout = NULL;

          if (!g_str_has_suffix (name, ".cjm"))
            continue;

          map = cjm_map_load (file, NULL, NULL, &error);
          g_assert_no_error (error);
          layout = cjm_layout_new (map);
          g_test_message ("%s", file_path);

          check_nothing_overlaps (layout);
          cjm_layout_set_text_scale (layout, 1.5);
          check_nothing_overlaps (layout);
          cjm_layout_set_bands (layout, CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS |
                                        CJM_LAYOUT_BAND_LEGEND);
          check_nothing_overlaps (layout);
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
}

/* Rendering: every part, every option, both themes, without a display. */

static guint
count_painted (cairo_surface_t *surface,
               const CjmRect   *rect)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint painted = 0;

  cairo_surface_flush (surface);
  for (int y = (int)rect->y; y < (int)(rect->y + rect->height); y++)
    for (int x = (int)rect->x; x < (int)(rect->x + rect->width); x++)
      if (data[y * stride + 4 * x + 3] != 0)
        painted++;

  return painted;
}

static void
test_render (void)
{
  g_autoptr(CjmMap) map = make_map ();
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  CjmRenderOptions options;
  CjmRect a;
  double width, height;

  add_card (map, "a", "web", "reflection-step0", 2, "Reads reviews 👟");
  add_card (map, "b", "pains", "evaluation-step0", 1, "Jargon");
  cjm_card_set_kind (card (map, "b"), CJM_CARD_KIND_PAIN_POINT);
  add_emotion (map, "camille", "reflection-step0", -2);
  add_emotion (map, "camille", "reflection-step1", 1);
  add_emotion (map, "marc", "evaluation-step1", 3);
  add_connection (map, "link", "a", "b");
  cjm_connection_set_label (connection (map, "link"), "causes");
  cjm_layout_set_bands (layout, CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS |
                                CJM_LAYOUT_BAND_LEGEND);
  cjm_layout_get_size (layout, &width, &height);
  get_card_rect (layout, map, "a", &a);

  g_hash_table_add (selected, (gpointer)"a");
  g_hash_table_add (selected, (gpointer)"link");
  g_hash_table_add (selected, (gpointer)"reflection");

  for (CjmTheme theme = CJM_THEME_LIGHT; theme <= CJM_THEME_DARK; theme++)
    for (guint variant = 0; variant < 4; variant++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               (int)width, (int)height);
        cairo_t *cr = cairo_create (surface);

        cjm_render_options_init (&options);
        options.theme = theme;
        options.transparent = TRUE;
        if (variant >= 1)
          {
            options.selected_ids = selected;
            options.focused_id = "b";
            options.hovered_id = "b";
            options.drop_lane = 0;
            options.drop_column = 3;
            options.drop_index = variant == 1 ? 0 : -1;
          }
        if (variant == 2)
          {
            /* Far out: simplified drawing. */
            cairo_scale (cr, 0.25, 0.25);
          }
        if (variant == 3)
          {
            options.visible = (CjmRect) { 0, 0, a.x + a.width / 2, height };
          }

        cjm_render_map (cr, layout, &options);
        cjm_render_card (cr, layout, card (map, "a"), &options);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

        if (variant == 0)
          {
            /* The card is opaque, but for its rounded corners. */
            CjmRect inside = { a.x + 8, a.y + 8, a.width - 16, a.height - 16 };

            g_assert_cmpuint (count_painted (surface, &inside), ==,
                              (guint)inside.width * (guint)inside.height);
          }
        if (variant == 3)
          {
            CjmRect right = { a.x + a.width / 2 + 2, 0, width - (a.x + a.width / 2) - 3, height };

            /* Nothing drawn outside the visible region but the extra card. */
            right.y = a.y + a.height + 2;
            right.height = height - right.y - 1;
            g_assert_cmpuint (count_painted (surface, &right), ==, 0);
          }

        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Each part alone, with default options. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create (surface);

    cjm_render_background (cr, layout, NULL);
    cjm_render_bands (cr, layout, NULL);
    cjm_render_headers (cr, layout, NULL);
    cjm_render_emotions (cr, layout, NULL);
    cjm_render_connections (cr, layout, NULL);
    cjm_render_cards (cr, layout, NULL);
    cjm_render_connection_labels (cr, layout, NULL);
    cjm_render_highlights (cr, layout, NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_labels (void)
{
  g_assert_cmpstr (cjm_emotion_score_get_label (-3), ==, "Frustrated");
  g_assert_cmpstr (cjm_emotion_score_get_label (0), ==, "Neutral");
  g_assert_cmpstr (cjm_emotion_score_get_label (3), ==, "Delighted");
  g_assert_null (cjm_emotion_score_get_label (4));
  g_assert_cmpstr (cjm_channel_get_label (CJM_CHANNEL_CALL_CENTRE), ==, "Call centre");
  g_assert_null (cjm_channel_get_label (CJM_CHANNEL_UNSPECIFIED));
  g_assert_cmpstr (cjm_pain_category_get_label (CJM_PAIN_CATEGORY_SUPPORT), ==, "Support");
  g_assert_cmpstr (cjm_opportunity_status_get_label (CJM_OPPORTUNITY_STATUS_IN_PROGRESS), ==,
                   "In progress");
  g_assert_cmpstr (cjm_lane_kind_get_label (CJM_LANE_KIND_EMOTION), ==, "Emotion curve");

  /* Every value of every enumeration has a label but the unspecified ones. */
  for (int i = CJM_LANE_KIND_CHANNEL; i <= CJM_LANE_KIND_BACKSTAGE; i++)
    g_assert_nonnull (cjm_lane_kind_get_label (i));
  for (int i = CJM_CHANNEL_WEBSITE; i <= CJM_CHANNEL_CUSTOM; i++)
    g_assert_nonnull (cjm_channel_get_label (i));
  for (int i = CJM_CARD_KIND_TOUCHPOINT; i <= CJM_CARD_KIND_BACKSTAGE; i++)
    g_assert_nonnull (cjm_card_kind_get_label (i));
  for (int i = CJM_DEPARTMENT_SALES; i <= CJM_DEPARTMENT_OTHER; i++)
    g_assert_nonnull (cjm_department_get_label (i));
  for (int i = CJM_EVIDENCE_KIND_ANALYTICS; i <= CJM_EVIDENCE_KIND_CUSTOMER_FEEDBACK; i++)
    g_assert_nonnull (cjm_evidence_kind_get_label (i));
  for (int i = CJM_TEXT_KIND_ACTIONS; i <= CJM_TEXT_KIND_QUOTES; i++)
    g_assert_nonnull (cjm_text_kind_get_label (i));
  g_assert_nonnull (cjm_presence_get_label (CJM_PRESENCE_OFFLINE));
  g_assert_nonnull (cjm_direction_get_label (CJM_DIRECTION_OUTBOUND));
}

static void
test_lane_and_card_words (void)
{
  g_autoptr(CjmLane) web = cjm_lane_new ("web");
  g_autoptr(CjmLane) thoughts = cjm_lane_new ("thoughts");
  g_autoptr(CjmLane) pains = cjm_lane_new ("pains");
  g_autoptr(CjmCard) card = cjm_card_new ("card");
  g_autofree char *meta = NULL;

  cjm_lane_set_channel (web, CJM_CHANNEL_WEBSITE);
  cjm_lane_set_kind (thoughts, CJM_LANE_KIND_TEXT);
  cjm_lane_set_text_kind (thoughts, CJM_TEXT_KIND_THOUGHTS);
  cjm_lane_set_kind (pains, CJM_LANE_KIND_PAIN_POINTS);
  g_assert_cmpstr (cjm_labels_get_lane_kind (web), ==, "Website");
  g_assert_cmpstr (cjm_labels_get_lane_kind (thoughts), ==, "Thoughts");
  g_assert_cmpstr (cjm_labels_get_lane_kind (pains), ==, "Pain points");

  /* A touchpoint says its channel, unless its lane is named after it. */
  cjm_card_set_presence (card, CJM_PRESENCE_ONLINE);
  cjm_card_set_direction (card, CJM_DIRECTION_INBOUND);
  meta = cjm_labels_dup_card_meta (card, web);
  g_assert_cmpstr (meta, ==, "Website · Online · Inbound");
  g_clear_pointer (&meta, g_free);
  cjm_lane_set_name (web, "Website");
  meta = cjm_labels_dup_card_meta (card, web);
  g_assert_cmpstr (meta, ==, "Online · Inbound");
  g_clear_pointer (&meta, g_free);

  cjm_card_set_kind (card, CJM_CARD_KIND_PAIN_POINT);
  cjm_card_set_category (card, CJM_PAIN_CATEGORY_PROCESS);
  cjm_card_set_severity (card, 4);
  cjm_card_set_evidence_kind (card, CJM_EVIDENCE_KIND_SURVEY);
  meta = cjm_labels_dup_card_meta (card, pains);
  g_assert_cmpstr (meta, ==, "Process · Severity 4/5 · Survey");
  g_clear_pointer (&meta, g_free);

  cjm_card_set_kind (card, CJM_CARD_KIND_OPPORTUNITY);
  cjm_card_set_evidence_kind (card, CJM_EVIDENCE_KIND_UNSPECIFIED);
  cjm_card_set_status (card, CJM_OPPORTUNITY_STATUS_PLANNED);
  cjm_card_set_impact (card, 4);
  cjm_card_set_effort (card, 2);
  meta = cjm_labels_dup_card_meta (card, NULL);
  g_assert_cmpstr (meta, ==, "Planned · Impact 4 · Effort 2");
  g_clear_pointer (&meta, g_free);

  cjm_card_set_kind (card, CJM_CARD_KIND_METRIC);
  cjm_card_set_kpi_name (card, "Open rate");
  cjm_card_set_kpi_actual (card, "18");
  cjm_card_set_kpi_target (card, "25");
  cjm_card_set_kpi_unit (card, "%");
  meta = cjm_labels_dup_card_meta (card, NULL);
  g_assert_cmpstr (meta, ==, "Open rate · 18 / 25 %");
  g_clear_pointer (&meta, g_free);

  cjm_card_set_kind (card, CJM_CARD_KIND_NOTE);
  g_assert_null (cjm_labels_dup_card_meta (card, NULL));
}

/* Under LeakSanitizer: fontconfig 2.14 leaks a little while it parses its
 * configuration files, once per process. Only allocations made inside
 * fontconfig are forgiven; a PangoLayout we forgot would still be reported. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Layout/columns-and-stages", test_columns_and_stages);
  g_test_add_func ("/Cjm/Layout/empty-map", test_empty_map);
  g_test_add_func ("/Cjm/Layout/card-geometry", test_card_geometry);
  g_test_add_func ("/Cjm/Layout/spanning-cards-never-overlap", test_spanning_cards_never_overlap);
  g_test_add_func ("/Cjm/Layout/cell-order", test_cell_order);
  g_test_add_func ("/Cjm/Layout/hit-every-kind", test_hit_every_kind);
  g_test_add_func ("/Cjm/Layout/filters", test_filters);
  g_test_add_func ("/Cjm/Layout/text-scale-and-bands", test_text_scale_and_bands);
  g_test_add_func ("/Cjm/Layout/cards-in-rect", test_cards_in_rect);
  g_test_add_func ("/Cjm/Layout/relayout-after-change", test_relayout_after_change);
  g_test_add_func ("/Cjm/Layout/lifetime", test_layout_outlives_nothing);
  g_test_add_func ("/Cjm/Layout/emotion-curves", test_emotion_curves);
  g_test_add_func ("/Cjm/Layout/connection-arrows", test_connection_arrows);
  g_test_add_func ("/Cjm/Layout/samples-are-tidy", test_samples_are_tidy);
  g_test_add_func ("/Cjm/Layout/labels", test_labels);
  g_test_add_func ("/Cjm/Layout/lane-and-card-words", test_lane_and_card_words);
  g_test_add_func ("/Cjm/Render/every-part", test_render);

  status = g_test_run ();

  font_support_release ();

  return status;
}
