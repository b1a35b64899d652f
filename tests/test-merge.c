/* test-merge.c: three-way merge of maps, and applying it as one step
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cjm-core.h"

/* Ids are known in the hand-written maps below. */
static const char base_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-1\">\n"
  "  <title>Base</title>\n"
  "  <persona id=\"persona-1\"><name>Camille</name></persona>\n"
  "  <stage id=\"stage-1\"><name>One</name>\n"
  "    <step id=\"step-1\"><name>First</name></step>\n"
  "    <step id=\"step-2\"><name>Second</name></step>\n"
  "  </stage>\n"
  "  <stage id=\"stage-2\"><name>Two</name>\n"
  "    <step id=\"step-3\"><name>Third</name></step>\n"
  "  </stage>\n"
  "  <lane id=\"lane-1\" channel=\"website\"><name>Web</name></lane>\n"
  "  <lane id=\"lane-2\" kind=\"text\"><name>Notes</name></lane>\n"
  "  <card id=\"card-1\" lane=\"lane-1\" step=\"step-1\"><title>One</title></card>\n"
  "  <card id=\"card-2\" lane=\"lane-1\" step=\"step-1\"><title>Two</title></card>\n"
  "  <card id=\"card-3\" kind=\"note\" lane=\"lane-2\" step=\"step-2\"><title>Three</title></card>\n"
  "  <emotion id=\"emotion-1\" persona=\"persona-1\" step=\"step-1\" score=\"1\"/>\n"
  "  <connection id=\"connection-1\" from=\"card-1\" to=\"card-2\"/>\n"
  "</journey-map>\n";

static CjmMap *
read_map (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  CjmMap *map = cjm_map_read_bytes (bytes, "test", problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return map;
}

/* An editable copy of @map, with its history. */
typedef struct
{
  CjmMap     *map;
  CjmHistory *history;
} Side;

static void
side_init (Side   *side,
           CjmMap *from)
{
  side->map = cjm_map_copy (from);
  side->history = cjm_history_new (side->map);
}

static void
side_clear (Side *side)
{
  g_clear_object (&side->history);
  g_clear_object (&side->map);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Side, side_clear)

static gpointer
find (Side       *side,
      const char *id)
{
  CjmElement *element = cjm_map_lookup (side->map, id);

  g_assert_nonnull (element);

  return element;
}

static CjmMap *
merged (CjmMap  *base,
        CjmMap  *mine,
        CjmMap  *theirs,
        guint    n_conflicts,
        CjmMerge **merge_out)
{
  g_autoptr(CjmMerge) merge = cjm_merge_new (base, mine, theirs);
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  CjmMap *result;

  g_assert_cmpuint (cjm_merge_get_n_conflicts (merge), ==, n_conflicts);
  result = cjm_merge_build_result (merge, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((CjmProblem *)g_ptr_array_index (problems, i))->message);

  if (merge_out != NULL)
    *merge_out = g_steal_pointer (&merge);

  return result;
}

static const char *
card_title (CjmMap     *map,
            const char *id)
{
  CjmCard *card = cjm_map_lookup_typed (map, id, CJM_TYPE_CARD);

  g_assert_nonnull (card);

  return cjm_card_get_title (card);
}

static void
test_different_elements (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  g_autoptr(GError) error = NULL;
  CjmCard *added_mine, *added_theirs;

  side_init (&mine, base);
  side_init (&theirs, base);

  cjm_edit_set_string (mine.history, find (&mine, "card-1"), "title", "One (mine)");
  cjm_edit_set_string (theirs.history, find (&theirs, "card-2"), "title", "Two (theirs)");
  cjm_edit_set_string (theirs.history, theirs.map, "description", "Their description");
  added_mine = cjm_edit_add_card (mine.history, CJM_CARD_KIND_NOTE, "lane-2", "step-3", -1, "Mine", &error);
  g_assert_no_error (error);
  added_theirs = cjm_edit_add_card (theirs.history, CJM_CARD_KIND_NOTE, "lane-2", "step-3", -1, "Theirs", &error);
  g_assert_no_error (error);

  result = merged (base, mine.map, theirs.map, 0, NULL);

  g_assert_cmpstr (card_title (result, "card-1"), ==, "One (mine)");
  g_assert_cmpstr (card_title (result, "card-2"), ==, "Two (theirs)");
  g_assert_cmpstr (cjm_map_get_description (result), ==, "Their description");
  g_assert_cmpstr (card_title (result, cjm_element_get_id (CJM_ELEMENT (added_mine))), ==, "Mine");
  g_assert_cmpstr (card_title (result, cjm_element_get_id (CJM_ELEMENT (added_theirs))), ==, "Theirs");

  /* Both added at the same place: mine first. */
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (result)), ==, 5);
  {
    g_autoptr(CjmCard) fourth = g_list_model_get_item (cjm_map_get_cards (result), 3);
    g_autoptr(CjmCard) fifth = g_list_model_get_item (cjm_map_get_cards (result), 4);

    g_assert_true (fourth == cjm_map_lookup_typed (result, cjm_element_get_id (CJM_ELEMENT (added_mine)), CJM_TYPE_CARD));
    g_assert_true (fifth == cjm_map_lookup_typed (result, cjm_element_get_id (CJM_ELEMENT (added_theirs)), CJM_TYPE_CARD));
  }
}

static void
test_same_field_conflict (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  CjmMergeConflict *conflict;
  g_autofree char *description = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;

  side_init (&mine, base);
  side_init (&theirs, base);

  cjm_edit_set_string (mine.history, find (&mine, "card-3"), "title", "Mine");
  cjm_edit_set_string (theirs.history, find (&theirs, "card-3"), "title", "Theirs");
  /* The same change on both sides is no conflict. */
  cjm_edit_set_string (mine.history, find (&mine, "lane-1"), "name", "Website");
  cjm_edit_set_string (theirs.history, find (&theirs, "lane-1"), "name", "Website");

  result = merged (base, mine.map, theirs.map, 1, &merge);
  conflict = cjm_merge_get_conflict (merge, 0);

  g_assert_cmpint (cjm_merge_conflict_get_kind (conflict), ==, CJM_MERGE_CONFLICT_FIELD);
  g_assert_cmpstr (cjm_merge_conflict_get_element_id (conflict), ==, "card-3");
  g_assert_cmpstr (cjm_merge_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (cjm_merge_conflict_get_field_label (conflict), ==, "Title");
  description = cjm_merge_conflict_dup_description (conflict);
  g_assert_cmpstr (description, ==, "Note “Mine” (card-3)");
  base_text = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_BASE);
  mine_text = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_MINE);
  theirs_text = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_THEIRS);
  g_assert_cmpstr (base_text, ==, "Three");
  g_assert_cmpstr (mine_text, ==, "Mine");
  g_assert_cmpstr (theirs_text, ==, "Theirs");
  g_assert_cmpstr (g_value_get_string (cjm_merge_conflict_get_value (conflict, CJM_MERGE_SIDE_THEIRS)), ==, "Theirs");

  /* Mine until picked. */
  g_assert_cmpint (cjm_merge_conflict_get_pick (conflict), ==, CJM_MERGE_PICK_MINE);
  g_assert_cmpstr (card_title (result, "card-3"), ==, "Mine");
  g_assert_cmpstr (cjm_lane_get_name (cjm_map_lookup_typed (result, "lane-1", CJM_TYPE_LANE)), ==, "Website");
  g_clear_object (&result);

  cjm_merge_conflict_set_pick (conflict, CJM_MERGE_PICK_THEIRS);
  result = cjm_merge_build_result (merge, NULL);
  g_assert_cmpstr (card_title (result, "card-3"), ==, "Theirs");
}

static void
test_delete_and_change (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CjmMergeConflict *conflict;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;

  side_init (&mine, base);
  side_init (&theirs, base);

  /* I deleted card-3, they changed it: a conflict; they deleted card-2,
   * which I left alone: deleted. */
  g_ptr_array_add (deleted, find (&mine, "card-3"));
  g_assert_true (cjm_edit_delete (mine.history, deleted, &error));
  cjm_edit_set_string (theirs.history, find (&theirs, "card-3"), "title", "Changed");
  g_ptr_array_set_size (deleted, 0);
  g_ptr_array_add (deleted, find (&theirs, "card-2"));
  g_assert_true (cjm_edit_delete (theirs.history, deleted, &error));

  result = merged (base, mine.map, theirs.map, 1, &merge);
  conflict = cjm_merge_get_conflict (merge, 0);
  g_assert_cmpint (cjm_merge_conflict_get_kind (conflict), ==, CJM_MERGE_CONFLICT_DELETED);
  g_assert_null (cjm_merge_conflict_get_field (conflict));
  mine_text = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_MINE);
  theirs_text = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_THEIRS);
  g_assert_cmpstr (mine_text, ==, "Deleted");
  g_assert_cmpstr (theirs_text, ==, "Changed");

  g_assert_null (cjm_map_lookup (result, "card-3"));
  g_assert_null (cjm_map_lookup (result, "card-2"));
  /* The connection to card-2 went with it, on their side. */
  g_assert_null (cjm_map_lookup (result, "connection-1"));
  g_clear_object (&result);

  cjm_merge_conflict_set_pick (conflict, CJM_MERGE_PICK_THEIRS);
  result = cjm_merge_build_result (merge, NULL);
  g_assert_cmpstr (card_title (result, "card-3"), ==, "Changed");
}

static void
test_deleted_container_kept (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CjmCard *card;

  side_init (&mine, base);
  side_init (&theirs, base);

  /* They deleted the notes lane (and its card); I added a card to it. */
  g_ptr_array_add (deleted, find (&theirs, "lane-2"));
  g_assert_true (cjm_edit_delete (theirs.history, deleted, &error));
  g_assert_null (cjm_map_lookup (theirs.map, "card-3"));
  card = cjm_edit_add_card (mine.history, CJM_CARD_KIND_NOTE, "lane-2", "step-1", -1, "New note", &error);
  g_assert_no_error (error);

  result = merged (base, mine.map, theirs.map, 0, NULL);

  /* Nothing lost: the lane stays for my card. */
  g_assert_nonnull (cjm_map_lookup_typed (result, "lane-2", CJM_TYPE_LANE));
  g_assert_cmpstr (cjm_card_get_lane_id (cjm_map_lookup_typed (result, cjm_element_get_id (CJM_ELEMENT (card)),
                                                               CJM_TYPE_CARD)), ==, "lane-2");
  /* Their deletion of the card they did not see changed stays. */
  g_assert_null (cjm_map_lookup (result, "card-3"));
}

static void
test_moves (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmLane) first_lane = NULL;
  CjmStage *stage_2;

  side_init (&mine, base);
  side_init (&theirs, base);

  /* They moved step-2 to the second stage and lane-2 first; I renamed
   * step-2 and moved card-1 to step-3. */
  stage_2 = find (&theirs, "stage-2");
  g_assert_true (cjm_edit_move_step (theirs.history, find (&theirs, "step-2"), stage_2, 1, &error));
  g_assert_true (cjm_edit_move_lane (theirs.history, find (&theirs, "lane-2"), 0));
  cjm_edit_set_string (mine.history, find (&mine, "step-2"), "name", "Second (renamed)");
  g_assert_true (cjm_edit_move_card (mine.history, find (&mine, "card-1"), "lane-1", "step-3", 0, &error));

  result = merged (base, mine.map, theirs.map, 0, NULL);

  g_assert_true (cjm_map_find_stage_of_step (result, "step-2", NULL) ==
                 cjm_map_lookup_typed (result, "stage-2", CJM_TYPE_STAGE));
  g_assert_cmpstr (cjm_step_get_name (cjm_map_lookup_typed (result, "step-2", CJM_TYPE_STEP)), ==,
                   "Second (renamed)");
  first_lane = g_list_model_get_item (cjm_map_get_lanes (result), 0);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (first_lane)), ==, "lane-2");
  g_assert_cmpstr (cjm_card_get_step_id (cjm_map_lookup_typed (result, "card-1", CJM_TYPE_CARD)), ==,
                   "step-3");
}

static void
test_emotions_added_twice (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };
  g_autoptr(GError) error = NULL;
  CjmEmotion *emotion;

  side_init (&mine, base);
  side_init (&theirs, base);

  /* Both gave Camille a feeling at step-2: one emotion, the score a conflict. */
  emotion = cjm_edit_set_emotion (mine.history, "persona-1", "step-2", 2, &error);
  g_assert_no_error (error);
  cjm_edit_set_emotion (theirs.history, "persona-1", "step-2", -2, &error);
  g_assert_no_error (error);

  result = merged (base, mine.map, theirs.map, 1, &merge);
  g_assert_cmpstr (cjm_merge_conflict_get_field (cjm_merge_get_conflict (merge, 0)), ==, "score");
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_emotions (result)), ==, 2);
  g_assert_cmpint (cjm_emotion_get_score (cjm_map_find_emotion (result, "persona-1", "step-2")), ==, 2);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (cjm_map_find_emotion (result, "persona-1", "step-2"))), ==,
                   cjm_element_get_id (CJM_ELEMENT (emotion)));
  g_clear_object (&result);

  cjm_merge_pick_all (merge, CJM_MERGE_PICK_THEIRS);
  result = cjm_merge_build_result (merge, NULL);
  g_assert_cmpint (cjm_emotion_get_score (cjm_map_find_emotion (result, "persona-1", "step-2")), ==, -2);
}

static void
test_extras_kept (void)
{
  static const char base_ext[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" xmlns:x=\"urn:x\" version=\"1.0\" id=\"map-1\">\n"
    "  <lane id=\"lane-1\" x:a=\"1\"><name>Web</name></lane>\n"
    "</journey-map>\n";
  static const char mine_ext[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" xmlns:x=\"urn:x\" version=\"1.0\" id=\"map-1\">\n"
    "  <lane id=\"lane-1\" x:a=\"1\" x:mine=\"m\"><name>Web</name></lane>\n"
    "</journey-map>\n";
  static const char theirs_ext[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" xmlns:x=\"urn:x\" version=\"1.0\" id=\"map-1\">\n"
    "  <lane id=\"lane-1\" x:a=\"1\"><name>Web</name><x:theirs/></lane>\n"
    "</journey-map>\n";
  g_autoptr(CjmMap) base = read_map (base_ext);
  g_autoptr(CjmMap) mine = read_map (mine_ext);
  g_autoptr(CjmMap) theirs = read_map (theirs_ext);
  g_autoptr(CjmMap) result = merged (base, mine, theirs, 0, NULL);
  g_autoptr(GBytes) bytes = cjm_map_to_bytes (result, CJM_FILE_FORMAT_CJM);
  const char *xml = g_bytes_get_data (bytes, NULL);

  /* What this version does not understand, from both sides. */
  g_assert_nonnull (strstr (xml, "x:mine=\"m\""));
  g_assert_nonnull (strstr (xml, "<x:theirs"));
  g_assert_nonnull (strstr (xml, "x:a=\"1\""));
}

/* Generated maps and edits */

static CjmMap *
random_map (GRand *rand)
{
  g_autoptr(CjmMap) map = cjm_map_new (NULL);
  g_autoptr(CjmHistory) history = cjm_history_new (map);
  g_autoptr(GPtrArray) steps = NULL;
  GListModel *lanes, *personas, *cards;
  guint n;

  cjm_edit_set_string (history, map, "title", "Generated");

  n = g_rand_int_range (rand, 1, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Persona %u", i);

      cjm_edit_add_persona (history, -1, name);
    }

  n = g_rand_int_range (rand, 1, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i);
      CjmStage *stage = cjm_edit_add_stage (history, -1, name);
      guint n_steps = g_rand_int_range (rand, 0, 3);

      /* A new stage has a step already. */
      for (guint j = 0; j < n_steps; j++)
        {
          g_autofree char *step_name = g_strdup_printf ("Step %u.%u", i, j);

          cjm_edit_add_step (history, stage, -1, step_name);
        }
    }

  cjm_edit_add_lane (history, -1, CJM_LANE_KIND_CHANNEL, "Web");
  cjm_edit_add_lane (history, -1, CJM_LANE_KIND_TEXT, "Notes");
  if (g_rand_boolean (rand))
    cjm_edit_add_lane (history, -1, CJM_LANE_KIND_PAIN_POINTS, "Pains");
  if (g_rand_boolean (rand))
    cjm_edit_add_lane (history, -1, CJM_LANE_KIND_CHANNEL, "Shop");

  steps = cjm_map_dup_steps (map);
  lanes = cjm_map_get_lanes (map);
  personas = cjm_map_get_personas (map);

  n = g_rand_int_range (rand, 3, 13);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, g_rand_int_range (rand, 0, g_list_model_get_n_items (lanes)));
      CjmStep *step = g_ptr_array_index (steps, g_rand_int_range (rand, 0, steps->len));
      CjmCardKind kind = CJM_CARD_KIND_NOTE;
      g_autofree char *title = g_strdup_printf ("Card %u", i);
      g_autoptr(GError) error = NULL;

      for (CjmCardKind k = CJM_CARD_KIND_TOUCHPOINT; k <= CJM_CARD_KIND_BACKSTAGE; k++)
        if (cjm_card_kind_get_lane_kind (k) == cjm_lane_get_kind (lane))
          kind = k;

      cjm_edit_add_card (history, kind, cjm_element_get_id (CJM_ELEMENT (lane)),
                         cjm_element_get_id (CJM_ELEMENT (step)), -1, title, &error);
      g_assert_no_error (error);
    }

  n = g_rand_int_range (rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmPersona) persona = g_list_model_get_item (personas, g_rand_int_range (rand, 0, g_list_model_get_n_items (personas)));
      CjmStep *step = g_ptr_array_index (steps, g_rand_int_range (rand, 0, steps->len));

      cjm_edit_set_emotion (history, cjm_element_get_id (CJM_ELEMENT (persona)),
                            cjm_element_get_id (CJM_ELEMENT (step)),
                            g_rand_int_range (rand, -3, 4), NULL);
    }

  cards = cjm_map_get_cards (map);
  n = g_rand_int_range (rand, 0, 3);
  for (guint i = 0; i < n && g_list_model_get_n_items (cards) > 1; i++)
    {
      g_autoptr(CjmCard) from = g_list_model_get_item (cards, 0);
      g_autoptr(CjmCard) to = g_list_model_get_item (cards, g_rand_int_range (rand, 1, g_list_model_get_n_items (cards)));

      cjm_edit_connect (history, cjm_element_get_id (CJM_ELEMENT (from)),
                        cjm_element_get_id (CJM_ELEMENT (to)), NULL, NULL);
    }

  return cjm_map_copy (map);
}

/* Which side may change an element, so that concurrent edits do not touch
 * the same one: by its id. Elements a side adds are its own. */
static gboolean
owned_by (const char *id,
          guint       side)
{
  return g_str_hash (id) % 2 == side;
}

static gpointer
random_owned (GRand      *rand,
              GListModel *model,
              guint       side)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      CjmElement *element = g_list_model_get_item (model, i);

      if (side > 1 || owned_by (cjm_element_get_id (element), side))
        g_ptr_array_add (owned, element);
      else
        g_object_unref (element);
    }

  if (owned->len == 0)
    return NULL;

  return g_ptr_array_index (owned, g_rand_int_range (rand, 0, owned->len));
}

/* Makes a random edit on @side's elements (any element if @side is 2):
 * only what it owns, and only lanes reordered by side 0, so that the edits
 * of sides 0 and 1 combine without conflict. */
static void
random_edit (GRand *rand,
             Side  *side,
             guint  owner)
{
  CjmMap *map = side->map;
  CjmHistory *history = side->history;
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);
  CjmCard *card = random_owned (rand, cjm_map_get_cards (map), owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("Edit %08x", g_rand_int (rand));

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      cjm_edit_set_string (history, map, owner == 1 ? "description" : "title", text);
      break;

    case 1:
      if (card != NULL)
        cjm_edit_set_string (history, card, g_rand_boolean (rand) ? "title" : "description", text);
      break;

    case 2:
      {
        CjmLane *lane = random_owned (rand, cjm_map_get_lanes (map), 2);
        CjmStep *step = g_ptr_array_index (steps, g_rand_int_range (rand, 0, steps->len));
        CjmCardKind kind = CJM_CARD_KIND_NOTE;

        for (CjmCardKind k = CJM_CARD_KIND_TOUCHPOINT; k <= CJM_CARD_KIND_BACKSTAGE; k++)
          if (cjm_card_kind_get_lane_kind (k) == cjm_lane_get_kind (lane))
            kind = k;

        cjm_edit_add_card (history, kind, cjm_element_get_id (CJM_ELEMENT (lane)),
                           cjm_element_get_id (CJM_ELEMENT (step)), -1, text, &error);
        g_assert_no_error (error);
      }
      break;

    case 3:
      if (card != NULL)
        {
          g_autoptr(GPtrArray) elements = g_ptr_array_new ();

          g_ptr_array_add (elements, card);
          g_assert_true (cjm_edit_delete (history, elements, &error));
        }
      break;

    case 4:
      if (card != NULL)
        {
          CjmStep *step = g_ptr_array_index (steps, g_rand_int_range (rand, 0, steps->len));

          cjm_edit_move_card (history, card, cjm_card_get_lane_id (card),
                              cjm_element_get_id (CJM_ELEMENT (step)), 0, NULL);
        }
      break;

    case 5:
      {
        CjmStep *step = random_owned (rand, cjm_stage_get_steps (random_owned (rand, cjm_map_get_stages (map), 2)),
                                      owner);

        if (step != NULL)
          cjm_edit_set_string (history, step, "name", text);
      }
      break;

    case 6:
      {
        CjmPersona *persona = random_owned (rand, cjm_map_get_personas (map), owner);

        if (persona != NULL)
          cjm_edit_set_string (history, persona, "quote", text);
      }
      break;

    case 7:
      {
        CjmStage *stage = random_owned (rand, cjm_map_get_stages (map), owner);

        if (stage != NULL)
          cjm_edit_add_step (history, stage, g_rand_int_range (rand, 0, 3), text);
      }
      break;

    case 8:
      {
        CjmPersona *persona = random_owned (rand, cjm_map_get_personas (map), owner);
        CjmStep *step = g_ptr_array_index (steps, g_rand_int_range (rand, 0, steps->len));

        if (persona != NULL)
          cjm_edit_set_emotion (history, cjm_element_get_id (CJM_ELEMENT (persona)),
                                cjm_element_get_id (CJM_ELEMENT (step)),
                                g_rand_int_range (rand, -3, 4), NULL);
      }
      break;

    case 9:
      if (owner != 1)
        {
          GListModel *lanes = cjm_map_get_lanes (map);
          CjmLane *lane = random_owned (rand, lanes, 2);

          cjm_edit_move_lane (history, lane, g_rand_int_range (rand, 0, g_list_model_get_n_items (lanes)));
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
assert_maps_equal (CjmMap *a,
                   CjmMap *b)
{
  g_autoptr(GBytes) bytes_a = cjm_map_to_bytes (a, CJM_FILE_FORMAT_CJM);
  g_autoptr(GBytes) bytes_b = cjm_map_to_bytes (b, CJM_FILE_FORMAT_CJM);

  g_assert_cmpstr (g_bytes_get_data (bytes_a, NULL), ==, g_bytes_get_data (bytes_b, NULL));
}

static void
assert_merge_is (CjmMap *base,
                 CjmMap *mine,
                 CjmMap *theirs,
                 CjmMap *expected)
{
  g_autoptr(CjmMap) result = merged (base, mine, theirs, 0, NULL);

  assert_maps_equal (result, expected);
}

#define N_RUNS 200

static void
test_property_nothing_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(CjmMap) base = random_map (rand);
      g_auto(Side) mine = { 0, };
      guint n_edits = g_rand_int_range (rand, 0, 12);

      side_init (&mine, base);
      for (guint i = 0; i < n_edits; i++)
        random_edit (rand, &mine, 2);

      /* A version merged with itself, or with its base, either way round. */
      assert_merge_is (base, mine.map, mine.map, mine.map);
      assert_merge_is (base, mine.map, base, mine.map);
      assert_merge_is (base, base, mine.map, mine.map);
      assert_merge_is (mine.map, mine.map, mine.map, mine.map);
      assert_merge_is (base, base, base, base);
    }
}

/* Whether @a comes before @b in @model. */
static int
order_of (GListModel *model,
          const char *a,
          const char *b)
{
  int pos_a = -1, pos_b = -1;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      if (g_strcmp0 (cjm_element_get_id (element), a) == 0)
        pos_a = i;
      if (g_strcmp0 (cjm_element_get_id (element), b) == 0)
        pos_b = i;
    }

  if (pos_a < 0 || pos_b < 0)
    return 0;

  return pos_a < pos_b ? -1 : 1;
}

static void
check_collection (CjmMap     *base,
                  CjmMap     *mine,
                  CjmMap     *theirs,
                  CjmMap     *result,
                  GListModel *(*get) (CjmMap *))
{
  CjmMap *sides[] = { base, mine, theirs };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GListModel *model = get (sides[s]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
          const char *id = cjm_element_get_id (element);
          CjmElement *in_base = cjm_map_lookup (base, id);
          CjmElement *in_mine = cjm_map_lookup (mine, id);
          CjmElement *in_theirs = cjm_map_lookup (theirs, id);
          CjmElement *in_result = cjm_map_lookup (result, id);
          const CjmField *fields;
          guint n_fields;

          /* Deleted on one side: gone; added on one side: there as added. */
          if (in_base != NULL && (in_mine == NULL || in_theirs == NULL))
            {
              g_assert_null (in_result);
              continue;
            }

          g_assert_nonnull (in_result);

          if (in_base == NULL)
            {
              g_assert_true (cjm_element_equal (in_result, in_mine ? in_mine : in_theirs));
              continue;
            }

          /* Each field as the side that changed it left it. */
          fields = cjm_element_get_fields (in_result, &n_fields);
          for (guint f = 0; f < n_fields; f++)
            {
              g_auto(GValue) value_base = G_VALUE_INIT;
              g_auto(GValue) value_mine = G_VALUE_INIT;
              g_auto(GValue) value_theirs = G_VALUE_INIT;
              g_auto(GValue) value_result = G_VALUE_INIT;
              g_autofree char *text_base = NULL;
              g_autofree char *text_mine = NULL;
              g_autofree char *text_theirs = NULL;
              g_autofree char *text_result = NULL;

              g_object_get_property (G_OBJECT (in_base), fields[f].property, &value_base);
              g_object_get_property (G_OBJECT (in_mine), fields[f].property, &value_mine);
              g_object_get_property (G_OBJECT (in_theirs), fields[f].property, &value_theirs);
              g_object_get_property (G_OBJECT (in_result), fields[f].property, &value_result);
              text_base = g_strdup_value_contents (&value_base);
              text_mine = g_strdup_value_contents (&value_mine);
              text_theirs = g_strdup_value_contents (&value_theirs);
              text_result = g_strdup_value_contents (&value_result);

              g_assert_true (g_str_equal (text_mine, text_base) || g_str_equal (text_theirs, text_base));
              g_assert_cmpstr (text_result, ==, g_str_equal (text_mine, text_base) ? text_theirs : text_mine);
            }

          /* Two elements in the same order on both sides keep it. */
          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(CjmElement) other = g_list_model_get_item (model, j);
              const char *other_id = cjm_element_get_id (other);
              int in_m = order_of (get (mine), id, other_id);
              int in_t = order_of (get (theirs), id, other_id);

              if (in_m != 0 && in_m == in_t)
                g_assert_cmpint (order_of (get (result), id, other_id), ==, in_m);
            }
        }
    }
}

static void
test_property_concurrent_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(CjmMap) base = random_map (rand);
      g_autoptr(CjmMap) result = NULL;
      g_autoptr(CjmMerge) merge = NULL;
      g_autoptr(GPtrArray) problems = cjm_problems_new ();
      g_autoptr(CjmMap) live = NULL;
      g_autoptr(CjmHistory) history = NULL;
      g_auto(Side) mine = { 0, };
      g_auto(Side) theirs = { 0, };

      side_init (&mine, base);
      side_init (&theirs, base);
      for (guint i = g_rand_int_range (rand, 0, 10); i > 0; i--)
        random_edit (rand, &mine, 0);
      for (guint i = g_rand_int_range (rand, 0, 10); i > 0; i--)
        random_edit (rand, &theirs, 1);

      merge = cjm_merge_new (base, mine.map, theirs.map);
      g_assert_cmpuint (cjm_merge_get_n_conflicts (merge), ==, 0);
      result = cjm_merge_build_result (merge, problems);
      g_assert_cmpuint (problems->len, ==, 0);

      g_assert_cmpstr (cjm_map_get_title (result), ==, cjm_map_get_title (mine.map));
      g_assert_cmpstr (cjm_map_get_description (result), ==, cjm_map_get_description (theirs.map));
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_personas);
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_stages);
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_lanes);
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_cards);
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_emotions);
      check_collection (base, mine.map, theirs.map, result, cjm_map_get_connections);

      /* Applied to the map being edited: one step, undone whole. */
      live = cjm_map_copy (mine.map);
      history = cjm_history_new (live);
      if (!cjm_map_sync (history, result, "Merge"))
        {
          /* Nothing of theirs to take. */
          assert_maps_equal (live, result);
          continue;
        }
      assert_maps_equal (live, result);
      g_assert_true (cjm_history_undo (history));
      assert_maps_equal (live, mine.map);
      g_assert_false (cjm_history_get_can_undo (history));
      g_assert_true (cjm_history_redo (history));
      assert_maps_equal (live, result);
    }
}

static void
test_sync_keeps_objects (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) live = cjm_map_copy (base);
  g_autoptr(CjmHistory) history = cjm_history_new (live);
  g_auto(Side) theirs = { 0, };
  g_autoptr(GError) error = NULL;
  CjmCard *card_1 = cjm_map_lookup_typed (live, "card-1", CJM_TYPE_CARD);
  CjmStep *step_2 = cjm_map_lookup_typed (live, "step-2", CJM_TYPE_STEP);

  side_init (&theirs, base);
  cjm_edit_set_string (theirs.history, find (&theirs, "card-1"), "title", "Renamed");
  g_assert_true (cjm_edit_move_step (theirs.history, find (&theirs, "step-2"),
                                     find (&theirs, "stage-2"), 0, &error));

  g_assert_true (cjm_map_sync (history, theirs.map, "Reload"));
  assert_maps_equal (live, theirs.map);
  /* The same objects, changed: what the window points at stays valid. */
  g_assert_true (cjm_map_lookup_typed (live, "card-1", CJM_TYPE_CARD) == card_1);
  g_assert_true (cjm_map_lookup_typed (live, "step-2", CJM_TYPE_STEP) == step_2);
  g_assert_cmpstr (cjm_card_get_title (card_1), ==, "Renamed");
  g_assert_cmpstr (cjm_history_get_undo_label (history), ==, "Reload");

  /* Nothing to do: no step. */
  g_assert_false (cjm_map_sync (history, theirs.map, "Reload"));
  g_assert_true (cjm_history_undo (history));
  assert_maps_equal (live, base);
  g_assert_false (cjm_history_get_can_undo (history));
}

static void
test_no_base (void)
{
  g_autoptr(CjmMap) base = read_map (base_xml);
  g_autoptr(CjmMap) result = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_auto(Side) mine = { 0, };
  g_auto(Side) theirs = { 0, };

  side_init (&mine, base);
  side_init (&theirs, base);
  cjm_edit_set_string (mine.history, find (&mine, "card-1"), "title", "Mine");

  /* Without the version both started from, any difference is a conflict. */
  result = merged (NULL, mine.map, theirs.map, 1, &merge);
  g_assert_cmpstr (card_title (result, "card-1"), ==, "Mine");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Merge/different-elements", test_different_elements);
  g_test_add_func ("/Cjm/Merge/same-field-conflict", test_same_field_conflict);
  g_test_add_func ("/Cjm/Merge/delete-and-change", test_delete_and_change);
  g_test_add_func ("/Cjm/Merge/deleted-container-kept", test_deleted_container_kept);
  g_test_add_func ("/Cjm/Merge/moves", test_moves);
  g_test_add_func ("/Cjm/Merge/emotions-added-twice", test_emotions_added_twice);
  g_test_add_func ("/Cjm/Merge/extras-kept", test_extras_kept);
  g_test_add_func ("/Cjm/Merge/no-base", test_no_base);
  g_test_add_func ("/Cjm/Merge/sync-keeps-objects", test_sync_keeps_objects);
  g_test_add_func ("/Cjm/Merge/property-nothing-changes", test_property_nothing_changes);
  g_test_add_func ("/Cjm/Merge/property-concurrent-edits", test_property_concurrent_edits);

  return g_test_run ();
}
