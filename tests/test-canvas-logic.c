/* test-canvas-logic.c: what the canvas's drags, drops and keys do to a map,
 * without a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cjm-clipboard.h"
#include "cjm-core.h"
#include "cjm-drop.h"
#include "cjm-navigation.h"

/* The canvas turns a pointer position into a hit-test, the hit-test into a
 * drop, the drop into one edit of cjm-edit.h. These tests call the same
 * functions with the same points, on the sample map. */

typedef struct
{
  CjmMap     *map;
  CjmHistory *history;
  CjmLayout  *layout;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->map = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->history = cjm_history_new (fixture->map);
  fixture->layout = cjm_layout_new (fixture->map);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->map);
}

static gpointer
lookup (Fixture    *fixture,
        const char *id)
{
  CjmElement *element = cjm_map_lookup (fixture->map, id);

  g_assert_nonnull (element);

  return element;
}

static GPtrArray *
one_card (Fixture    *fixture,
          const char *id)
{
  GPtrArray *cards = g_ptr_array_new ();

  g_ptr_array_add (cards, lookup (fixture, id));

  return cards;
}

/* A point in the cell of @lane_id and @step_id, near its bottom: below its
 * cards, where a card dropped goes last. */
static void
cell_point (Fixture    *fixture,
            const char *lane_id,
            const char *step_id,
            double     *x,
            double     *y)
{
  int lane = cjm_layout_find_lane (fixture->layout, lane_id);
  int column = cjm_layout_find_column (fixture->layout, step_id);
  CjmRect cell;

  g_assert_cmpint (lane, >=, 0);
  g_assert_cmpint (column, >=, 0);
  g_assert_true (cjm_layout_get_cell_rect (fixture->layout, lane, column, &cell));
  *x = cell.x + cell.width / 2;
  *y = cell.y + cell.height - 3;
}

static void
card_centre (Fixture    *fixture,
             const char *id,
             double     *x,
             double     *y)
{
  CjmRect rect;

  g_assert_true (cjm_layout_get_card_rect (fixture->layout, lookup (fixture, id), &rect));
  *x = rect.x + rect.width / 2 - 20;
  *y = rect.y + rect.height / 2;
}

static char *
cell_titles (Fixture    *fixture,
             const char *lane_id,
             const char *step_id)
{
  g_autoptr(GPtrArray) cards = cjm_layout_get_cell_cards (fixture->layout,
                                                          cjm_layout_find_lane (fixture->layout, lane_id),
                                                          cjm_layout_find_column (fixture->layout, step_id));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "",
                            cjm_element_get_id (g_ptr_array_index (cards, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Cards */

static void
test_move_card_to_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = one_card (fixture, "card-buying-guide");
  CjmCard *card = g_ptr_array_index (cards, 0);
  g_autoptr(GError) error = NULL;
  CjmDrop drop;
  double x, y;

  cell_point (fixture, "lane-store", "step-shortlist", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, card, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_MOVE);
  g_assert_cmpint (drop.lane, ==, cjm_layout_find_lane (fixture->layout, "lane-store"));
  g_assert_cmpint (drop.column, ==, cjm_layout_find_column (fixture->layout, "step-shortlist"));
  g_assert_null (drop.message);

  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards, CJM_ELEMENT (card), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-store");
  g_assert_cmpstr (cjm_card_get_step_id (card), ==, "step-shortlist");

  /* One step to undo. */
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-website");
  g_assert_cmpstr (cjm_card_get_step_id (card), ==, "step-search-online");
  g_assert_false (cjm_history_get_can_undo (fixture->history));
}

static void
test_reorder_in_cell (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = one_card (fixture, "card-pain-queue");
  g_autofree char *before = cell_titles (fixture, "lane-pain-points", "step-buy");
  g_autofree char *after = NULL;
  CjmDrop drop;
  double x, y;

  g_assert_cmpstr (before, ==, "card-pain-queue|card-pain-size");

  /* Dropped below the second card of its own cell: the hit-test counts it
   * among the cards (index 2), the move places it second (position 1). */
  cell_point (fixture, "lane-pain-points", "step-buy", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, g_ptr_array_index (cards, 0), x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_MOVE);
  g_assert_cmpint (drop.index, ==, 2);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards,
                                 g_ptr_array_index (cards, 0), NULL));

  after = cell_titles (fixture, "lane-pain-points", "step-buy");
  g_assert_cmpstr (after, ==, "card-pain-size|card-pain-queue");
}

static void
test_move_to_wrong_lane (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = one_card (fixture, "card-action-search");
  CjmCard *card = g_ptr_array_index (cards, 0);
  g_autoptr(GError) error = NULL;
  CjmDrop drop;
  double x, y;

  cell_point (fixture, "lane-website", "step-shortlist", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, card, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  g_assert_cmpstr (drop.message, ==, "Notes go in text lanes");

  /* Dropped anyway: nothing happens, and the user learns why. */
  g_assert_false (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards, CJM_ELEMENT (card), &error));
  g_assert_error (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Notes go in text lanes");
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-actions");
  g_assert_false (cjm_history_get_can_undo (fixture->history));

  /* Outside the grid: nowhere, and nothing to say. */
  cjm_drop_resolve_cards (fixture->layout, cards, card, 1, 1, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  g_assert_null (drop.message);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards, CJM_ELEMENT (card), NULL));
  g_assert_false (cjm_history_get_can_undo (fixture->history));
}

static void
test_move_selection (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  CjmCard *grabbed = lookup (fixture, "card-action-search");
  CjmCard *other = lookup (fixture, "card-thought-jargon");
  CjmDrop drop;
  double x, y;

  /* Two notes, one above the other: both move one step right. */
  g_ptr_array_add (cards, grabbed);
  g_ptr_array_add (cards, other);
  cell_point (fixture, "lane-actions", "step-ask-friends", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, grabbed, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_MOVE);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards, CJM_ELEMENT (grabbed), NULL));
  g_assert_cmpstr (cjm_card_get_step_id (grabbed), ==, "step-ask-friends");
  g_assert_cmpstr (cjm_card_get_lane_id (grabbed), ==, "lane-actions");
  g_assert_cmpstr (cjm_card_get_step_id (other), ==, "step-ask-friends");
  g_assert_cmpstr (cjm_card_get_lane_id (other), ==, "lane-thoughts");

  /* One step undoes both. */
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_step_id (grabbed), ==, "step-search-online");
  g_assert_cmpstr (cjm_card_get_step_id (other), ==, "step-search-online");
  g_assert_false (cjm_history_get_can_undo (fixture->history));

  /* Down one lane, the thought would land in the website lane: refused. */
  cell_point (fixture, "lane-thoughts", "step-search-online", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, grabbed, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  g_assert_cmpstr (drop.message, ==, "Notes go in text lanes");
}

static void
test_link_pain_point (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = one_card (fixture, "card-pain-queue");
  CjmCard *pain = g_ptr_array_index (cards, 0);
  const char * const *touchpoints;
  CjmDrop drop;
  double x, y;

  card_centre (fixture, "card-online-checkout", &x, &y);
  cjm_drop_resolve_cards (fixture->layout, cards, pain, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_LINK);
  g_assert_true (drop.target == lookup (fixture, "card-online-checkout"));
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, cards, CJM_ELEMENT (pain), NULL));

  touchpoints = cjm_card_get_touchpoint_ids (pain);
  g_assert_true (g_strv_contains (touchpoints, "card-online-checkout"));
  g_assert_true (g_strv_contains (touchpoints, "card-store-till"));
  /* Linked, not moved. */
  g_assert_cmpstr (cjm_card_get_lane_id (pain), ==, "lane-pain-points");

  /* A note dropped on a touchpoint just moves there (and is refused). */
  {
    g_autoptr(GPtrArray) notes = one_card (fixture, "card-action-pay");

    cjm_drop_resolve_cards (fixture->layout, notes, g_ptr_array_index (notes, 0), x, y, &drop);
    g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  }
}

static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  CjmCard *from = lookup (fixture, "card-buying-guide");
  guint n = g_list_model_get_n_items (cjm_map_get_connections (fixture->map));
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmConnection) connection = NULL;
  CjmDrop drop;
  double x, y;

  card_centre (fixture, "card-app-stock", &x, &y);
  cjm_drop_resolve_connect (fixture->layout, from, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_CONNECT);
  g_assert_true (drop.target == lookup (fixture, "card-app-stock"));
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (from), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (fixture->map)), ==, n + 1);

  connection = g_list_model_get_item (cjm_map_get_connections (fixture->map), n);
  g_assert_cmpstr (cjm_connection_get_from_id (connection), ==, "card-buying-guide");
  g_assert_cmpstr (cjm_connection_get_to_id (connection), ==, "card-app-stock");

  /* Twice the same way: refused, with the edit's words. */
  g_assert_false (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (from), &error));
  g_assert_error (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED);

  /* On itself: nothing. */
  card_centre (fixture, "card-buying-guide", &x, &y);
  cjm_drop_resolve_connect (fixture->layout, from, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
}

static void
test_resize (Fixture       *fixture,
             gconstpointer  data)
{
  CjmCard *card = lookup (fixture, "card-buying-guide");
  int column = cjm_layout_find_column (fixture->layout, "step-search-online");
  CjmRect step, rect;
  CjmDrop drop;

  /* The right edge dragged into the column after next: three steps. */
  cjm_layout_get_step_rect (fixture->layout, column + 2, &step);
  cjm_drop_resolve_resize (fixture->layout, card, step.x + step.width * 0.75, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_RESIZE);
  g_assert_cmpint (drop.span, ==, 3);
  g_assert_true (cjm_layout_get_card_rect (fixture->layout, card, &rect));
  g_assert_cmpfloat (drop.marker.x, ==, rect.x);
  g_assert_cmpfloat (drop.marker.x + drop.marker.width, ==, step.x + step.width);

  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (card), NULL));
  g_assert_cmpint (cjm_card_get_span (card), ==, 3);

  /* Dragged left of its own column: one step, never less. */
  cjm_drop_resolve_resize (fixture->layout, card, 0, &drop);
  g_assert_cmpint (drop.span, ==, 1);
}

/* Headers */

static char *
stage_order (CjmMap *map)
{
  GListModel *stages = cjm_map_get_stages (map);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CjmElement) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (order, "%s%s", i > 0 ? " " : "", cjm_element_get_id (stage));
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
test_move_stage (Fixture       *fixture,
                 gconstpointer  data)
{
  CjmStage *reflection = lookup (fixture, "stage-reflection");
  g_autofree char *before = stage_order (fixture->map);
  g_autofree char *after = NULL;
  GListModel *stages = cjm_map_get_stages (fixture->map);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(CjmStage) last = g_list_model_get_item (stages, n - 1);
  CjmRect rect;
  CjmDrop drop;

  /* Past the middle of the last stage: it goes last. */
  g_assert_true (cjm_layout_get_stage_rect (fixture->layout, last, &rect));
  cjm_drop_resolve_header (fixture->layout, CJM_ELEMENT (reflection), rect.x + rect.width * 0.75, rect.y + 5, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_STAGE);
  g_assert_cmpuint (drop.position, ==, n - 1);
  g_assert_cmpfloat (drop.marker.height, >, rect.height);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (reflection), NULL));

  after = stage_order (fixture->map);
  g_assert_true (g_str_has_suffix (after, "stage-reflection"));
  g_assert_cmpstr (after, !=, before);

  /* Over its own first half: back where it was, first. */
  g_clear_pointer (&after, g_free);
  {
    g_autoptr(CjmStage) first = g_list_model_get_item (stages, 0);

    cjm_layout_get_stage_rect (fixture->layout, first, &rect);
  }
  cjm_drop_resolve_header (fixture->layout, CJM_ELEMENT (reflection), rect.x + 2, rect.y + 5, &drop);
  g_assert_cmpuint (drop.position, ==, 0);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (reflection), NULL));
  after = stage_order (fixture->map);
  g_assert_cmpstr (after, ==, before);
}

static void
test_move_step (Fixture       *fixture,
                gconstpointer  data)
{
  CjmStep *step = lookup (fixture, "step-ask-friends");
  CjmStage *evaluation = lookup (fixture, "stage-evaluation");
  int column = cjm_layout_find_column (fixture->layout, "step-shortlist");
  guint position;
  CjmRect rect;
  CjmDrop drop;

  /* Over the first half of "Shortlists models", the second step of
   * Evaluation: it goes before it, into Evaluation. */
  cjm_layout_get_step_rect (fixture->layout, column, &rect);
  cjm_drop_resolve_header (fixture->layout, CJM_ELEMENT (step), rect.x + 4, rect.y + 4, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_STEP);
  g_assert_true (drop.stage == evaluation);
  g_assert_cmpuint (drop.position, ==, 1);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (step), NULL));

  g_assert_true (cjm_map_find_stage_of_step (fixture->map, "step-ask-friends", &position) == evaluation);
  g_assert_cmpuint (position, ==, 1);
}

static void
test_move_last_step (void)
{
  g_autoptr(CjmMap) map = cjm_map_new (NULL);
  g_autoptr(CjmHistory) history = cjm_history_new (map);
  g_autoptr(CjmLayout) layout = cjm_layout_new (map);
  CjmStage *alone = cjm_edit_add_stage (history, -1, "Alone");
  CjmStage *other = cjm_edit_add_stage (history, -1, "Other");
  g_autoptr(CjmStep) step = g_list_model_get_item (cjm_stage_get_steps (alone), 0);
  g_autoptr(GError) error = NULL;
  CjmRect rect;
  CjmDrop drop;

  cjm_layout_get_stage_rect (layout, other, &rect);
  cjm_drop_resolve_header (layout, CJM_ELEMENT (step), rect.x + rect.width - 2, rect.y + 4, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  g_assert_nonnull (drop.message);
  g_assert_false (cjm_drop_apply (history, layout, &drop, NULL, CJM_ELEMENT (step), &error));
  g_assert_error (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_true (cjm_map_find_stage_of_step (map, cjm_element_get_id (CJM_ELEMENT (step)), NULL) == alone);
}

static void
test_move_lane (Fixture       *fixture,
                gconstpointer  data)
{
  CjmLane *store = lookup (fixture, "lane-store");
  CjmRect rect;
  CjmDrop drop;

  /* Over the top half of the first lane's header: it goes first. */
  cjm_layout_get_lane_header_rect (fixture->layout, 0, &rect);
  cjm_drop_resolve_header (fixture->layout, CJM_ELEMENT (store), rect.x + 5, rect.y + 2, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_LANE);
  g_assert_cmpuint (drop.position, ==, 0);
  g_assert_cmpfloat (drop.marker.width, >, rect.width);
  g_assert_true (cjm_drop_apply (fixture->history, fixture->layout, &drop, NULL, CJM_ELEMENT (store), NULL));
  g_assert_true (cjm_layout_get_lane (fixture->layout, 0) == store);
}

/* The palette */

static void
test_palette_items (void)
{
  CjmPaletteItem item;
  g_autofree char *text = NULL;

  g_assert_true (cjm_palette_item_parse ("card:pain-point", &item));
  g_assert_cmpint (item.kind, ==, CJM_CARD_KIND_PAIN_POINT);
  g_assert_cmpint (item.channel, ==, CJM_CHANNEL_UNSPECIFIED);
  text = cjm_palette_item_to_string (&item);
  g_assert_cmpstr (text, ==, "card:pain-point");

  g_clear_pointer (&text, g_free);
  g_assert_true (cjm_palette_item_parse ("channel:call-centre", &item));
  g_assert_cmpint (item.kind, ==, CJM_CARD_KIND_TOUCHPOINT);
  g_assert_cmpint (item.channel, ==, CJM_CHANNEL_CALL_CENTRE);
  text = cjm_palette_item_to_string (&item);
  g_assert_cmpstr (text, ==, "channel:call-centre");

  g_assert_false (cjm_palette_item_parse ("card:nothing", &item));
  g_assert_false (cjm_palette_item_parse ("channel:unspecified", &item));
  g_assert_false (cjm_palette_item_parse ("", &item));
  g_assert_false (cjm_palette_item_parse (NULL, &item));

  g_assert_cmpint (cjm_lane_kind_get_card_kind (CJM_LANE_KIND_EMOTION), ==, -1);
  for (CjmCardKind kind = CJM_CARD_KIND_TOUCHPOINT; kind <= CJM_CARD_KIND_BACKSTAGE; kind++)
    g_assert_cmpint (cjm_lane_kind_get_card_kind (cjm_card_kind_get_lane_kind (kind)), ==, kind);
}

static void
test_palette_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  CjmPaletteItem pain = { CJM_CARD_KIND_PAIN_POINT, CJM_CHANNEL_UNSPECIFIED };
  CjmPaletteItem email = { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_EMAIL };
  CjmPaletteItem website = { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_WEBSITE };
  guint n_lanes = g_list_model_get_n_items (cjm_map_get_lanes (fixture->map));
  g_autoptr(GError) error = NULL;
  CjmCard *card;
  CjmDrop drop;
  double x, y;

  /* A pain point over a channel lane: refused, with the reason. */
  cell_point (fixture, "lane-website", "step-buy", &x, &y);
  cjm_drop_resolve_palette (fixture->layout, &pain, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_NONE);
  g_assert_cmpstr (drop.message, ==, "Pain points go in pain point lanes");

  /* Over its own lane: made there. */
  cell_point (fixture, "lane-pain-points", "step-buy", &x, &y);
  cjm_drop_resolve_palette (fixture->layout, &pain, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_CREATE);
  card = cjm_drop_create (fixture->history, fixture->layout, &pain, drop.lane, drop.column, drop.index, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cjm_card_get_kind (card), ==, CJM_CARD_KIND_PAIN_POINT);
  g_assert_cmpstr (cjm_card_get_step_id (card), ==, "step-buy");
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-pain-points");

  /* The website channel over the store lane: on the website lane. */
  cell_point (fixture, "lane-store", "step-buy", &x, &y);
  cjm_drop_resolve_palette (fixture->layout, &website, x, y, &drop);
  g_assert_cmpint (drop.kind, ==, CJM_DROP_CREATE);
  card = cjm_drop_create (fixture->history, fixture->layout, &website, drop.lane, drop.column, drop.index, NULL);
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-website");
  g_assert_cmpint (g_list_model_get_n_items (cjm_map_get_lanes (fixture->map)), ==, n_lanes);

  /* E-mail, which the map has no lane for: a lane is made, above the store
   * lane, with the card, as one step to undo. */
  cjm_drop_resolve_palette (fixture->layout, &email, x, y, &drop);
  card = cjm_drop_create (fixture->history, fixture->layout, &email, drop.lane, drop.column, drop.index, NULL);
  g_assert_nonnull (card);
  g_assert_cmpint (g_list_model_get_n_items (cjm_map_get_lanes (fixture->map)), ==, n_lanes + 1);
  {
    CjmLane *lane = cjm_map_lookup_typed (fixture->map, cjm_card_get_lane_id (card), CJM_TYPE_LANE);

    g_assert_cmpint (cjm_lane_get_channel (lane), ==, CJM_CHANNEL_EMAIL);
    g_assert_cmpint (cjm_layout_find_lane (fixture->layout, cjm_card_get_lane_id (card)), ==,
                     cjm_layout_find_lane (fixture->layout, "lane-store") - 1);
  }
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpint (g_list_model_get_n_items (cjm_map_get_lanes (fixture->map)), ==, n_lanes);
}

/* The keyboard */

static void
test_nudge (Fixture       *fixture,
            gconstpointer  data)
{
  CjmCard *queue = lookup (fixture, "card-pain-queue");
  CjmCard *guide = lookup (fixture, "card-buying-guide");
  CjmLane *store = lookup (fixture, "lane-store");
  CjmStage *evaluation = lookup (fixture, "stage-evaluation");
  g_autofree char *order = NULL;
  guint position;

  /* Down its cell, one place. */
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (queue), 0, 1, NULL));
  order = cell_titles (fixture, "lane-pain-points", "step-buy");
  g_assert_cmpstr (order, ==, "card-pain-size|card-pain-queue");

  /* A step across. */
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (guide), 1, 0, NULL));
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-ask-friends");

  /* Up from the top of its cell: into the next lane up that takes it
   * (touchpoints: the website lane is right above... the thoughts are not). */
  g_assert_false (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (guide), 0, -1, NULL));
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (guide), 0, 1, NULL));
  g_assert_cmpstr (cjm_card_get_lane_id (guide), ==, "lane-social-networks");

  /* Steps move one place, and cross into the next stage at its edge. */
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, lookup (fixture, "step-shortlist"), -1, 0, NULL));
  g_assert_true (cjm_map_find_stage_of_step (fixture->map, "step-shortlist", &position) == evaluation);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, lookup (fixture, "step-shortlist"), -1, 0, NULL));
  g_assert_true (cjm_map_find_stage_of_step (fixture->map, "step-shortlist", &position) ==
                 lookup (fixture, "stage-reflection"));
  g_assert_cmpuint (position, ==, 3);

  /* Stages and lanes move one place. */
  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (evaluation), -1, 0, NULL));
  {
    g_autoptr(CjmStage) first = g_list_model_get_item (cjm_map_get_stages (fixture->map), 0);

    g_assert_true (first == evaluation);
  }
  g_assert_false (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (evaluation), -1, 0, NULL));

  g_assert_true (cjm_drop_nudge (fixture->history, fixture->layout, CJM_ELEMENT (store), 0, -1, NULL));
  g_assert_cmpint (cjm_layout_find_lane (fixture->layout, "lane-store"), ==, 3);

}

static void
test_navigate (Fixture       *fixture,
               gconstpointer  data)
{
  CjmLayout *layout = fixture->layout;

  /* The first card is at the top left. */
  g_assert_cmpstr (cjm_navigate (layout, NULL, CJM_NAVIGATE_FIRST), ==, "card-action-set-goal");
  g_assert_cmpstr (cjm_navigate (layout, "nothing", CJM_NAVIGATE_RIGHT), ==, "card-action-set-goal");

  /* Across a lane, then down a column. */
  g_assert_cmpstr (cjm_navigate (layout, "card-action-set-goal", CJM_NAVIGATE_RIGHT), ==, "card-action-search");
  g_assert_cmpstr (cjm_navigate (layout, "card-action-search", CJM_NAVIGATE_LEFT), ==, "card-action-set-goal");
  g_assert_cmpstr (cjm_navigate (layout, "card-action-search", CJM_NAVIGATE_DOWN), ==, "card-thought-jargon");
  g_assert_cmpstr (cjm_navigate (layout, "card-thought-jargon", CJM_NAVIGATE_DOWN), ==, "card-buying-guide");

  /* Up from the top: the step's header, then the stage's; left: the lane's. */
  g_assert_cmpstr (cjm_navigate (layout, "card-action-search", CJM_NAVIGATE_UP), ==, "step-search-online");
  g_assert_cmpstr (cjm_navigate (layout, "step-search-online", CJM_NAVIGATE_UP), ==, "stage-reflection");
  g_assert_null (cjm_navigate (layout, "stage-reflection", CJM_NAVIGATE_UP));
  g_assert_cmpstr (cjm_navigate (layout, "card-action-set-goal", CJM_NAVIGATE_LEFT), ==, "lane-actions");
  g_assert_cmpstr (cjm_navigate (layout, "lane-actions", CJM_NAVIGATE_DOWN), ==, "lane-thoughts");
  g_assert_cmpstr (cjm_navigate (layout, "lane-actions", CJM_NAVIGATE_RIGHT), ==, "card-action-set-goal");

  g_assert_cmpstr (cjm_navigate_nearest (layout, 0, 0), ==, "card-action-set-goal");
  g_assert_nonnull (cjm_navigate (layout, NULL, CJM_NAVIGATE_LAST));
}

static void
test_describe (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *card = cjm_describe_element (fixture->map, "card-buying-guide");
  g_autofree char *wide = cjm_describe_element (fixture->map, "card-reviews-site");
  g_autofree char *stage = cjm_describe_element (fixture->map, "stage-reflection");
  g_autofree char *step = cjm_describe_element (fixture->map, "step-shortlist");
  g_autofree char *lane = cjm_describe_element (fixture->map, "lane-website");
  g_autofree char *emotions = cjm_describe_element (fixture->map, "lane-emotions");
  g_autofree char *nothing = cjm_describe_element (fixture->map, "nothing");
  g_autofree char *short_card = cjm_describe_card_short (lookup (fixture, "card-pain-jargon"));

  g_assert_cmpstr (card, ==, "Touchpoint: Beginner’s buying guide — stage Reflection, "
                             "step Searches online, lane Website");
  g_assert_cmpstr (wide, ==, "Touchpoint: Product pages and customer reviews — stage Evaluation, "
                             "step Shortlists models, lane Website, across 2 steps");
  g_assert_cmpstr (stage, ==, "Stage: Reflection, 3 steps");
  g_assert_cmpstr (step, ==, "Step: Shortlists models — stage Evaluation");
  g_assert_cmpstr (lane, ==, "Lane: Website, Website");
  g_assert_cmpstr (emotions, ==, "Lane: Emotions, Emotion curve");
  g_assert_null (nothing);
  g_assert_cmpstr (short_card, ==, "Pain point: Jargon nobody explains");
}

/* Cards copied in one process and pasted in another go through the
 * clipboard as a .cjm fragment. */
static void
test_clipboard_fragment (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *ids[] = { "card-store-advice", "card-reviews-site" };
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) read_cards = NULL;
  g_autoptr(GPtrArray) read_connections = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cards = g_list_model_get_n_items (cjm_map_get_cards (fixture->map));
  guint n_connections = g_list_model_get_n_items (cjm_map_get_connections (fixture->map));
  CjmConnection *connection;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (cards, lookup (fixture, ids[i]));

  bytes = cjm_clipboard_write_cards (fixture->map, cards);
  g_assert_nonnull (bytes);
  g_assert_true (cjm_clipboard_read_cards (bytes, &read_cards, &read_connections, &error));
  g_assert_no_error (error);

  /* The cards, every field as it was (ids, steps, lanes, spans, personas). */
  g_assert_cmpuint (read_cards->len, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (cjm_element_equal (g_ptr_array_index (cards, i), g_ptr_array_index (read_cards, i)));
  g_assert_cmpint (cjm_card_get_span (g_ptr_array_index (read_cards, 0)), ==, 2);
  g_assert_cmpstrv (cjm_card_get_persona_ids (g_ptr_array_index (read_cards, 0)),
                    ((const char *[]) { "persona-camille", "persona-marc", NULL }));

  /* Only the connection between two of them: the one from the running
   * club to the store was left behind. */
  g_assert_cmpuint (read_connections->len, ==, 1);
  connection = g_ptr_array_index (read_connections, 0);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (connection)), ==, "connection-store-to-reviews");
  g_assert_true (cjm_element_equal (CJM_ELEMENT (connection), lookup (fixture, "connection-store-to-reviews")));

  /* Pasted into the same map (the same file open in another process):
   * copies with new ids at the same places relative to each other, and a
   * copy of the connection between the copies; one step to undo. */
  pasted = cjm_edit_paste_cards (fixture->history, read_cards, read_connections,
                                 NULL, "step-ask-in-store", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pasted);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards + 2);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (fixture->map)), ==, n_connections + 1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CjmCard *original = g_ptr_array_index (cards, i);
      CjmCard *copy = g_ptr_array_index (pasted, i);

      g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (copy)), !=, ids[i]);
      g_assert_cmpstr (cjm_card_get_title (copy), ==, cjm_card_get_title (original));
      g_assert_cmpstr (cjm_card_get_step_id (copy), ==, cjm_card_get_step_id (original));
      g_assert_cmpstr (cjm_card_get_lane_id (copy), ==, cjm_card_get_lane_id (original));
    }
  {
    g_autoptr(CjmConnection) last = g_list_model_get_item (cjm_map_get_connections (fixture->map), n_connections);

    g_assert_cmpstr (cjm_connection_get_from_id (last), ==, cjm_element_get_id (g_ptr_array_index (pasted, 0)));
    g_assert_cmpstr (cjm_connection_get_to_id (last), ==, cjm_element_get_id (g_ptr_array_index (pasted, 1)));
  }
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards);

  /* What is not a fragment of cards is refused. */
  g_clear_pointer (&read_cards, g_ptr_array_unref);
  g_clear_pointer (&read_connections, g_ptr_array_unref);
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("Buying guide\n", 13);

    g_assert_false (cjm_clipboard_read_cards (text, &read_cards, &read_connections, &error));
    g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED);
    g_assert_null (read_cards);
    g_clear_error (&error);
  }
  {
    g_autoptr(CjmMap) empty = cjm_map_new (NULL);
    g_autoptr(GBytes) no_cards = cjm_xml_write (empty);

    g_assert_false (cjm_clipboard_read_cards (no_cards, &read_cards, &read_connections, &error));
    g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_NOT_A_MAP);
    g_clear_error (&error);
  }
}

#define ADD(path, func) \
  g_test_add ("/Cjm/CanvasLogic/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("move-card-to-cell", test_move_card_to_cell);
  ADD ("reorder-in-cell", test_reorder_in_cell);
  ADD ("move-to-wrong-lane", test_move_to_wrong_lane);
  ADD ("move-selection", test_move_selection);
  ADD ("link-pain-point", test_link_pain_point);
  ADD ("connect", test_connect);
  ADD ("resize", test_resize);
  ADD ("move-stage", test_move_stage);
  ADD ("move-step", test_move_step);
  g_test_add_func ("/Cjm/CanvasLogic/move-last-step", test_move_last_step);
  ADD ("move-lane", test_move_lane);
  g_test_add_func ("/Cjm/CanvasLogic/palette-items", test_palette_items);
  ADD ("palette-drop", test_palette_drop);
  ADD ("nudge", test_nudge);
  ADD ("navigate", test_navigate);
  ADD ("describe", test_describe);
  ADD ("clipboard-fragment", test_clipboard_fragment);

  return g_test_run ();
}
