/* test-edit.c: every edit of a map, its undo and its redo
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cjm-core.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

/* A snapshot of a whole map: every element, in the order the file writes
 * them, with a copy of its fields and where it was. Two snapshots are the
 * same when they hold the same objects at the same places with the same
 * fields: undo must put back the very objects the UI points at. */

typedef enum
{
  IN_MAP,
  IN_REVISIONS,
  IN_PERSONAS,
  IN_STAGES,
  IN_STEPS,
  IN_LANES,
  IN_CARDS,
  IN_EMOTIONS,
  IN_CONNECTIONS,
} Collection;

typedef struct
{
  CjmElement *element;  /* the object itself */
  CjmElement *copy;     /* its fields when the snapshot was taken */
  CjmStage *stage;      /* for a step, the stage holding it */
  Collection collection;
} Entry;

typedef GArray Snapshot;

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->element);
  g_clear_object (&entry->copy);
  g_clear_object (&entry->stage);
}

static void
snapshot_add (Snapshot   *snapshot,
              gpointer    element,
              CjmStage   *stage,
              Collection  collection)
{
  Entry entry = {
    g_object_ref (element),
    cjm_element_copy (element, cjm_element_get_id (element)),
    stage != NULL ? g_object_ref (stage) : NULL,
    collection,
  };

  g_array_append_val (snapshot, entry);
}

static void
snapshot_add_model (Snapshot   *snapshot,
                    GListModel *model,
                    Collection  collection)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      snapshot_add (snapshot, element, NULL, collection);

      if (CJM_IS_STAGE (element))
        {
          GListModel *steps = cjm_stage_get_steps (CJM_STAGE (element));

          for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
            {
              g_autoptr(CjmElement) step = g_list_model_get_item (steps, j);

              snapshot_add (snapshot, step, CJM_STAGE (element), IN_STEPS);
            }
        }
    }
}

static Snapshot *
snapshot_take (CjmMap *map)
{
  Snapshot *snapshot = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (snapshot, (GDestroyNotify)entry_clear);

  snapshot_add (snapshot, map, NULL, IN_MAP);
  snapshot_add_model (snapshot, cjm_map_get_revisions (map), IN_REVISIONS);
  snapshot_add_model (snapshot, cjm_map_get_personas (map), IN_PERSONAS);
  snapshot_add_model (snapshot, cjm_map_get_stages (map), IN_STAGES);
  snapshot_add_model (snapshot, cjm_map_get_lanes (map), IN_LANES);
  snapshot_add_model (snapshot, cjm_map_get_cards (map), IN_CARDS);
  snapshot_add_model (snapshot, cjm_map_get_emotions (map), IN_EMOTIONS);
  snapshot_add_model (snapshot, cjm_map_get_connections (map), IN_CONNECTIONS);

  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_array_unref (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
assert_same_snapshot (Snapshot *expected,
                      Snapshot *actual)
{
  for (guint i = 0; i < MIN (expected->len, actual->len); i++)
    {
      Entry *a = &g_array_index (expected, Entry, i);
      Entry *b = &g_array_index (actual, Entry, i);

      if (a->element != b->element || a->collection != b->collection ||
          a->stage != b->stage || !cjm_element_equal (a->copy, b->copy))
        g_error ("Element %u differs: expected %s, found %s",
                 i, cjm_element_get_id (a->element), cjm_element_get_id (b->element));
    }

  g_assert_cmpuint (expected->len, ==, actual->len);
}

static void
assert_map_is (CjmMap   *map,
               Snapshot *expected)
{
  g_autoptr(Snapshot) actual = snapshot_take (map);

  assert_same_snapshot (expected, actual);
}

/* The map used by most tests, built without the history:
 *
 *             | reflection      | purchase      | loyalty
 *             | decide | search | buy  | wait   | review
 *   web       | ads==========   |               |
 *             | blog   | reviews|               |
 *   actions   | wide=========================== | survey
 *   feelings  | (emotion curve)
 *   pains     |        | lost   |               |
 *   ideas     |        |        | guide|        |
 *   kpis      |        |        | rate |        |
 *   backstage |        |        |      | stock  |
 *
 * lost links reviews and ads; guide links lost; ads → reviews and
 * lost → guide are connected.
 */
typedef struct
{
  CjmMap *map;
  CjmHistory *history;
  Snapshot *initial;
} Fixture;

static void
add_raw (CjmMap   *map,
         gpointer  element)
{
  g_list_store_append (_cjm_map_get_store (map, G_OBJECT_TYPE (element)), element);
  g_object_unref (element);
}

static CjmStage *
add_stage_raw (CjmMap     *map,
               const char *id,
               ...)
{
  CjmStage *stage = cjm_stage_new (id);
  const char *step_id;
  va_list args;

  va_start (args, id);
  while ((step_id = va_arg (args, const char *)))
    {
      g_autoptr(CjmStep) step = cjm_step_new (step_id);

      cjm_step_set_name (step, step_id + strlen ("step-"));
      g_list_store_append (_cjm_stage_get_step_store (stage), step);
    }
  va_end (args);

  add_raw (map, stage);

  return stage;
}

static void
add_lane_raw (CjmMap      *map,
              const char  *id,
              CjmLaneKind  kind)
{
  CjmLane *lane = cjm_lane_new (id);

  cjm_lane_set_kind (lane, kind);
  add_raw (map, lane);
}

static CjmCard *
add_card_raw (CjmMap      *map,
              const char  *id,
              CjmCardKind  kind,
              const char  *lane_id,
              const char  *step_id,
              int          span)
{
  CjmCard *card = cjm_card_new (id);

  cjm_card_set_kind (card, kind);
  cjm_card_set_lane_id (card, lane_id);
  cjm_card_set_step_id (card, step_id);
  cjm_card_set_span (card, span);
  cjm_card_set_title (card, id + strlen ("card-"));
  add_raw (map, card);

  return card;
}

static void
add_emotion_raw (CjmMap     *map,
                 const char *id,
                 const char *persona_id,
                 const char *step_id,
                 int         score)
{
  CjmEmotion *emotion = cjm_emotion_new (id);

  cjm_emotion_set_persona_id (emotion, persona_id);
  cjm_emotion_set_step_id (emotion, step_id);
  cjm_emotion_set_score (emotion, score);
  add_raw (map, emotion);
}

static void
add_connection_raw (CjmMap     *map,
                    const char *id,
                    const char *from_id,
                    const char *to_id)
{
  CjmConnection *connection = cjm_connection_new (id);

  cjm_connection_set_from_id (connection, from_id);
  cjm_connection_set_to_id (connection, to_id);
  add_raw (map, connection);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *both[] = { "persona-camille", "persona-hugo", NULL };
  const char *camille[] = { "persona-camille", NULL };
  const char *touchpoints[] = { "card-reviews", "card-ads", NULL };
  const char *pain_points[] = { "card-lost", NULL };
  CjmPersona *persona;
  CjmRevision *revision;
  CjmCard *card;

  f->map = cjm_map_new ("map-test");
  cjm_map_set_title (f->map, "Buying running shoes");

  revision = cjm_revision_new ("revision-1");
  cjm_revision_set_note (revision, "First workshop");
  add_raw (f->map, revision);

  persona = cjm_persona_new ("persona-camille");
  cjm_persona_set_name (persona, "Camille");
  add_raw (f->map, persona);
  persona = cjm_persona_new ("persona-hugo");
  cjm_persona_set_name (persona, "Hugo");
  add_raw (f->map, persona);

  add_stage_raw (f->map, "stage-reflection", "step-decide", "step-search", NULL);
  add_stage_raw (f->map, "stage-purchase", "step-buy", "step-wait", NULL);
  add_stage_raw (f->map, "stage-loyalty", "step-review", NULL);

  add_lane_raw (f->map, "lane-web", CJM_LANE_KIND_CHANNEL);
  add_lane_raw (f->map, "lane-actions", CJM_LANE_KIND_TEXT);
  add_lane_raw (f->map, "lane-feelings", CJM_LANE_KIND_EMOTION);
  add_lane_raw (f->map, "lane-pains", CJM_LANE_KIND_PAIN_POINTS);
  add_lane_raw (f->map, "lane-ideas", CJM_LANE_KIND_OPPORTUNITIES);
  add_lane_raw (f->map, "lane-kpis", CJM_LANE_KIND_METRICS);
  add_lane_raw (f->map, "lane-backstage", CJM_LANE_KIND_BACKSTAGE);

  card = add_card_raw (f->map, "card-ads", CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide", 2);
  cjm_card_set_persona_ids (card, both);
  add_card_raw (f->map, "card-blog", CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide", 1);
  add_card_raw (f->map, "card-reviews", CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-search", 1);
  add_card_raw (f->map, "card-wide", CJM_CARD_KIND_NOTE, "lane-actions", "step-decide", 4);
  card = add_card_raw (f->map, "card-lost", CJM_CARD_KIND_PAIN_POINT, "lane-pains", "step-search", 1);
  cjm_card_set_touchpoint_ids (card, touchpoints);
  cjm_card_set_persona_ids (card, camille);
  card = add_card_raw (f->map, "card-guide", CJM_CARD_KIND_OPPORTUNITY, "lane-ideas", "step-buy", 1);
  cjm_card_set_pain_point_ids (card, pain_points);
  add_card_raw (f->map, "card-rate", CJM_CARD_KIND_METRIC, "lane-kpis", "step-buy", 1);
  add_card_raw (f->map, "card-stock", CJM_CARD_KIND_BACKSTAGE, "lane-backstage", "step-wait", 1);
  add_card_raw (f->map, "card-survey", CJM_CARD_KIND_NOTE, "lane-actions", "step-review", 1);

  add_emotion_raw (f->map, "emotion-1", "persona-camille", "step-decide", 1);
  add_emotion_raw (f->map, "emotion-2", "persona-camille", "step-search", -2);
  add_emotion_raw (f->map, "emotion-3", "persona-hugo", "step-search", 0);
  add_emotion_raw (f->map, "emotion-4", "persona-camille", "step-review", 3);

  add_connection_raw (f->map, "connection-1", "card-ads", "card-reviews");
  add_connection_raw (f->map, "connection-2", "card-lost", "card-guide");

  f->history = cjm_history_new (f->map);
  f->initial = snapshot_take (f->map);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->initial, snapshot_free);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->map);
}

static gpointer
lookup (Fixture    *f,
        const char *id)
{
  CjmElement *element = cjm_map_lookup (f->map, id);

  g_assert_nonnull (element);

  return element;
}

/* The map changed as one step labelled @label: undo brings back the map
 * as it was before (@before), redo as it is now. Leaves the map redone. */
static void
assert_one_step (Fixture    *f,
                 Snapshot   *before,
                 const char *label)
{
  g_autoptr(Snapshot) after = snapshot_take (f->map);

  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, label);
  g_assert_true (cjm_history_get_modified (f->history));

  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, before);
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_modified (f->history));
  g_assert_cmpstr (cjm_history_get_redo_label (f->history), ==, label);

  g_assert_true (cjm_history_redo (f->history));
  assert_map_is (f->map, after);

  /* Once more: commands applied again still revert exactly. */
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, before);
  g_assert_true (cjm_history_redo (f->history));
  assert_map_is (f->map, after);
}

/* The edit was refused: nothing changed, nothing recorded. */
static void
assert_refused (Fixture    *f,
                GError     *error,
                int         code,
                const char *message)
{
  g_assert_error (error, CJM_EDIT_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  assert_map_is (f->map, f->initial);
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
assert_nothing_recorded (Fixture *f)
{
  assert_map_is (f->map, f->initial);
  g_assert_false (cjm_history_get_can_undo (f->history));
}

static char *
dup_ids (GListModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", cjm_element_get_id (element));
    }

  return g_string_free (ids, FALSE);
}

/* The ids of the items of @model, against the ids given as printf() would. */
#define assert_ids(model, ...) \
  G_STMT_START { \
    g_autofree char *ids__ = dup_ids (G_LIST_MODEL (model)); \
    g_autofree char *expected__ = g_strdup_printf (__VA_ARGS__); \
    g_assert_cmpstr (ids__, ==, expected__); \
  } G_STMT_END

/* The ids of the cards of a cell, in their order. */
static char *
dup_cell (CjmMap     *map,
          const char *lane_id,
          const char *step_id)
{
  GListModel *cards = cjm_map_get_cards (map);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (cjm_card_get_lane_id (card), lane_id) == 0 &&
          g_strcmp0 (cjm_card_get_step_id (card), step_id) == 0)
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                                cjm_element_get_id (CJM_ELEMENT (card)));
    }

  return g_string_free (ids, FALSE);
}

#define assert_cell(f, lane_id, step_id, ...) \
  G_STMT_START { \
    g_autofree char *cell__ = dup_cell ((f)->map, lane_id, step_id); \
    g_autofree char *expected__ = g_strdup_printf (__VA_ARGS__); \
    g_assert_cmpstr (cell__, ==, expected__); \
  } G_STMT_END

static gboolean
has_id (GPtrArray  *elements,
        const char *id)
{
  for (guint i = 0; i < elements->len; i++)
    {
      if (g_strcmp0 (cjm_element_get_id (g_ptr_array_index (elements, i)), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
elements_of (Fixture    *f,
             const char *first_id,
             ...)
{
  GPtrArray *elements = g_ptr_array_new ();
  const char *id = first_id;
  va_list args;

  va_start (args, first_id);
  for (; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (elements, lookup (f, id));
  va_end (args);

  return elements;
}

/* Adding */

static void
test_card_kind_lane_kind (void)
{
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_TOUCHPOINT), ==, CJM_LANE_KIND_CHANNEL);
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_NOTE), ==, CJM_LANE_KIND_TEXT);
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_PAIN_POINT), ==, CJM_LANE_KIND_PAIN_POINTS);
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_OPPORTUNITY), ==, CJM_LANE_KIND_OPPORTUNITIES);
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_METRIC), ==, CJM_LANE_KIND_METRICS);
  g_assert_cmpint (cjm_card_kind_get_lane_kind (CJM_CARD_KIND_BACKSTAGE), ==, CJM_LANE_KIND_BACKSTAGE);
}

static void
test_add_persona (Fixture       *f,
                  gconstpointer  data)
{
  CjmPersona *first = cjm_edit_add_persona (f->history, 0, "Léa");
  g_autoptr(Snapshot) middle = NULL;
  CjmPersona *last;

  g_assert_cmpstr (cjm_persona_get_name (first), ==, "Léa");
  g_assert_true (cjm_map_lookup (f->map, cjm_element_get_id (CJM_ELEMENT (first))) == CJM_ELEMENT (first));
  assert_one_step (f, f->initial, "Add Persona");

  middle = snapshot_take (f->map);
  last = cjm_edit_add_persona (f->history, -1, NULL);
  {
    g_autoptr(CjmPersona) at_0 = g_list_model_get_item (cjm_map_get_personas (f->map), 0);
    g_autoptr(CjmPersona) at_3 = g_list_model_get_item (cjm_map_get_personas (f->map), 3);

    g_assert_true (at_0 == first);
    g_assert_true (at_3 == last);
  }

  /* Two steps now. */
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, middle);
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, f->initial);
}

static void
test_add_stage (Fixture       *f,
                gconstpointer  data)
{
  CjmStage *stage = cjm_edit_add_stage (f->history, 1, "Evaluation");
  GListModel *steps = cjm_stage_get_steps (stage);
  g_autoptr(CjmStep) step = NULL;
  g_autoptr(CjmStage) second = g_list_model_get_item (cjm_map_get_stages (f->map), 1);

  /* A stage always comes with a step. */
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 1);
  step = g_list_model_get_item (steps, 0);
  g_assert_true (cjm_map_lookup (f->map, cjm_element_get_id (CJM_ELEMENT (step))) == CJM_ELEMENT (step));
  g_assert_true (second == stage);
  g_assert_cmpstr (cjm_stage_get_name (stage), ==, "Evaluation");

  /* Redo puts back the same stage with the same step. */
  assert_one_step (f, f->initial, "Add Stage");
}

static void
test_add_step (Fixture       *f,
               gconstpointer  data)
{
  CjmStage *purchase = lookup (f, "stage-purchase");
  CjmStep *step = cjm_edit_add_step (f->history, purchase, 1, "Pay");

  assert_ids (cjm_stage_get_steps (purchase),
              "step-buy %s step-wait", cjm_element_get_id (CJM_ELEMENT (step)));
  g_assert_cmpstr (cjm_step_get_name (step), ==, "Pay");
  assert_one_step (f, f->initial, "Add Step");

  cjm_history_undo (f->history);
  step = cjm_edit_add_step (f->history, purchase, -1, NULL);
  assert_ids (cjm_stage_get_steps (purchase),
              "step-buy step-wait %s", cjm_element_get_id (CJM_ELEMENT (step)));
  /* The new step forked the history. */
  g_assert_false (cjm_history_get_can_redo (f->history));
}

static void
test_add_lane (Fixture       *f,
               gconstpointer  data)
{
  CjmLane *lane = cjm_edit_add_lane (f->history, 0, CJM_LANE_KIND_CHANNEL, "Store");
  g_autoptr(CjmLane) first = g_list_model_get_item (cjm_map_get_lanes (f->map), 0);

  g_assert_true (first == lane);
  g_assert_cmpint (cjm_lane_get_kind (lane), ==, CJM_LANE_KIND_CHANNEL);
  g_assert_cmpstr (cjm_lane_get_name (lane), ==, "Store");
  assert_one_step (f, f->initial, "Add Lane");
}

static void
test_add_card (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    CjmCardKind kind;
    const char *lane_id;
    const char *label;
  } kinds[] = {
    { CJM_CARD_KIND_TOUCHPOINT, "lane-web", "Add Touchpoint" },
    { CJM_CARD_KIND_NOTE, "lane-actions", "Add Note" },
    { CJM_CARD_KIND_PAIN_POINT, "lane-pains", "Add Pain Point" },
    { CJM_CARD_KIND_OPPORTUNITY, "lane-ideas", "Add Opportunity" },
    { CJM_CARD_KIND_METRIC, "lane-kpis", "Add KPI" },
    { CJM_CARD_KIND_BACKSTAGE, "lane-backstage", "Add Backstage Action" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      CjmCard *card;

      card = cjm_edit_add_card (f->history, kinds[i].kind, kinds[i].lane_id, "step-wait",
                                -1, "New", &error);
      g_assert_no_error (error);
      g_assert_nonnull (card);
      g_assert_cmpint (cjm_card_get_kind (card), ==, kinds[i].kind);
      g_assert_cmpstr (cjm_card_get_lane_id (card), ==, kinds[i].lane_id);
      g_assert_cmpstr (cjm_card_get_step_id (card), ==, "step-wait");
      g_assert_cmpint (cjm_card_get_span (card), ==, 1);
      g_assert_cmpstr (cjm_card_get_title (card), ==, "New");
      assert_one_step (f, f->initial, kinds[i].label);
      g_assert_true (cjm_history_undo (f->history));
    }
}

static void
test_add_card_position (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Snapshot) before = NULL;
  CjmCard *card;

  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide",
                            0, NULL, NULL);
  assert_cell (f, "lane-web", "step-decide",
               "%s card-ads card-blog", cjm_element_get_id (CJM_ELEMENT (card)));
  assert_one_step (f, f->initial, "Add Touchpoint");
  cjm_history_undo (f->history);

  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide",
                            1, NULL, NULL);
  assert_cell (f, "lane-web", "step-decide",
               "card-ads %s card-blog", cjm_element_get_id (CJM_ELEMENT (card)));
  cjm_history_undo (f->history);

  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide",
                            -1, NULL, NULL);
  assert_cell (f, "lane-web", "step-decide",
               "card-ads card-blog %s", cjm_element_get_id (CJM_ELEMENT (card)));
  /* Right after the last card of its cell, not at the end of the list. */
  {
    g_autoptr(CjmCard) third = g_list_model_get_item (cjm_map_get_cards (f->map), 2);

    g_assert_true (third == card);
  }
  cjm_history_undo (f->history);

  /* Past the end of the cell: last. */
  before = snapshot_take (f->map);
  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-decide",
                            17, NULL, NULL);
  assert_cell (f, "lane-web", "step-decide",
               "card-ads card-blog %s", cjm_element_get_id (CJM_ELEMENT (card)));
  cjm_history_undo (f->history);

  /* An empty cell. */
  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web", "step-review",
                            0, NULL, NULL);
  assert_cell (f, "lane-web", "step-review", "%s", cjm_element_get_id (CJM_ELEMENT (card)));
  assert_one_step (f, f->initial, "Add Touchpoint");
}

static void
test_add_card_refused (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    CjmCardKind kind;
    const char *lane_id;
    const char *message;
  } wrong[] = {
    { CJM_CARD_KIND_TOUCHPOINT, "lane-actions", "Touchpoints go in channel lanes" },
    { CJM_CARD_KIND_TOUCHPOINT, "lane-feelings", "Touchpoints go in channel lanes" },
    { CJM_CARD_KIND_NOTE, "lane-web", "Notes go in text lanes" },
    { CJM_CARD_KIND_NOTE, "lane-feelings", "Notes go in text lanes" },
    { CJM_CARD_KIND_PAIN_POINT, "lane-ideas", "Pain points go in pain point lanes" },
    { CJM_CARD_KIND_OPPORTUNITY, "lane-pains", "Opportunities go in opportunity lanes" },
    { CJM_CARD_KIND_METRIC, "lane-web", "KPIs go in KPI lanes" },
    { CJM_CARD_KIND_BACKSTAGE, "lane-actions", "Backstage actions go in backstage lanes" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_null (cjm_edit_add_card (f->history, wrong[i].kind, wrong[i].lane_id,
                                        "step-buy", -1, NULL, &error));
      assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, wrong[i].message);
      g_clear_error (&error);
    }

  g_assert_null (cjm_edit_add_card (f->history, CJM_CARD_KIND_NOTE, "lane-gone",
                                    "step-buy", -1, NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The lane is no longer in the map");
  g_clear_error (&error);

  g_assert_null (cjm_edit_add_card (f->history, CJM_CARD_KIND_NOTE, "lane-actions",
                                    "step-gone", -1, NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The step is no longer in the map");
  g_clear_error (&error);

  /* An id of something else is not a lane or a step. */
  g_assert_null (cjm_edit_add_card (f->history, CJM_CARD_KIND_NOTE, "step-buy",
                                    "lane-actions", -1, NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, NULL);
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmConnection *connection;

  connection = cjm_edit_connect (f->history, "card-blog", "card-lost", "leads to", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_connection_get_from_id (connection), ==, "card-blog");
  g_assert_cmpstr (cjm_connection_get_to_id (connection), ==, "card-lost");
  g_assert_cmpstr (cjm_connection_get_label (connection), ==, "leads to");
  assert_one_step (f, f->initial, "Connect Cards");
  cjm_history_undo (f->history);

  /* The other way round is another connection. */
  g_assert_nonnull (cjm_edit_connect (f->history, "card-reviews", "card-ads", NULL, &error));
  g_assert_no_error (error);
  cjm_history_undo (f->history);
}

static void
test_connect_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (cjm_edit_connect (f->history, "card-blog", "card-blog", NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "A card cannot be connected to itself");
  g_clear_error (&error);

  g_assert_null (cjm_edit_connect (f->history, "card-ads", "card-reviews", NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "These cards are already connected");
  g_clear_error (&error);

  g_assert_null (cjm_edit_connect (f->history, "card-ads", "card-gone", NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The card is no longer in the map");
  g_clear_error (&error);

  /* Connections join cards only. */
  g_assert_null (cjm_edit_connect (f->history, "persona-hugo", "card-ads", NULL, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, NULL);
}

static void
test_add_revision (Fixture       *f,
                   gconstpointer  data)
{
  CjmRevision *revision = cjm_edit_add_revision (f->history, "2026-12-01", "Claire", "Review");

  assert_ids (cjm_map_get_revisions (f->map),
              "revision-1 %s", cjm_element_get_id (CJM_ELEMENT (revision)));
  g_assert_cmpstr (cjm_revision_get_date (revision), ==, "2026-12-01");
  g_assert_cmpstr (cjm_revision_get_author (revision), ==, "Claire");
  g_assert_cmpstr (cjm_revision_get_note (revision), ==, "Review");
  assert_one_step (f, f->initial, "Add Revision Note");
}

/* Changing values */

static void
test_set_string (Fixture       *f,
                 gconstpointer  data)
{
  CjmStep *step = lookup (f, "step-buy");
  CjmCard *card = lookup (f, "card-blog");

  cjm_edit_set_string (f->history, step, "name", "Buys online");
  g_assert_cmpstr (cjm_step_get_name (step), ==, "Buys online");
  assert_one_step (f, f->initial, "Rename Step");
  cjm_history_undo (f->history);

  cjm_edit_set_string (f->history, card, "title", "Running blog");
  g_assert_cmpstr (cjm_card_get_title (card), ==, "Running blog");
  assert_one_step (f, f->initial, "Edit Title");
  cjm_history_undo (f->history);

  cjm_edit_set_string (f->history, f->map, "title", NULL);
  g_assert_null (cjm_map_get_title (f->map));
  assert_one_step (f, f->initial, "Edit Title");
  cjm_history_undo (f->history);

  cjm_edit_set_string (f->history, lookup (f, "stage-purchase"), "name", "Achat");
  assert_one_step (f, f->initial, "Rename Stage");
  cjm_history_undo (f->history);

  cjm_edit_set_string (f->history, lookup (f, "persona-hugo"), "name", "Hugues");
  assert_one_step (f, f->initial, "Rename Persona");
  cjm_history_undo (f->history);

  cjm_edit_set_string (f->history, lookup (f, "lane-web"), "name", "Website");
  assert_one_step (f, f->initial, "Rename Lane");
  cjm_history_undo (f->history);

  /* The value it has already, an empty text for none: nothing to record. */
  cjm_edit_set_string (f->history, step, "name", "buy");
  cjm_edit_set_string (f->history, step, "description", "");
  cjm_edit_set_string (f->history, step, "description", NULL);
  g_assert_false (cjm_history_get_can_undo (f->history));
}

static void
test_set_string_typing (Fixture       *f,
                        gconstpointer  data)
{
  const char *typed[] = { "R", "Ru", "Run", "Runn", "Runni", "Runnin", "Running" };
  CjmCard *card = lookup (f, "card-blog");
  g_autoptr(Snapshot) typed_once = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    cjm_edit_set_string (f->history, card, "title", typed[i]);

  /* Typing is one step. */
  assert_one_step (f, f->initial, "Edit Title");

  /* Leaving the field and coming back: another. */
  typed_once = snapshot_take (f->map);
  cjm_history_break_merge (f->history);
  cjm_edit_set_string (f->history, card, "title", "Running blog");
  cjm_edit_set_string (f->history, card, "title", "Running blogs");
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, typed_once);
  g_assert_cmpstr (cjm_card_get_title (card), ==, "Running");
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, f->initial);

  /* Colours are picked, not typed: each pick is a step. */
  cjm_edit_set_string (f->history, lookup (f, "persona-hugo"), "color", "#3584e4");
  cjm_edit_set_string (f->history, lookup (f, "persona-hugo"), "color", "#e01b24");
  g_assert_true (cjm_history_undo (f->history));
  g_assert_cmpstr (cjm_persona_get_color (lookup (f, "persona-hugo")), ==, "#3584e4");
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, f->initial);
}

static void
test_set_int (Fixture       *f,
              gconstpointer  data)
{
  CjmCard *card = lookup (f, "card-lost");
  CjmLane *lane = lookup (f, "lane-web");

  cjm_edit_set_int (f->history, card, "severity", 4);
  g_assert_cmpint (cjm_card_get_severity (card), ==, 4);
  assert_one_step (f, f->initial, "Change Severity");
  cjm_history_undo (f->history);

  cjm_edit_set_int (f->history, card, "category", CJM_PAIN_CATEGORY_PROCESS);
  g_assert_cmpint (cjm_card_get_category (card), ==, CJM_PAIN_CATEGORY_PROCESS);
  assert_one_step (f, f->initial, "Change Pain Point Category");
  cjm_history_undo (f->history);

  cjm_edit_set_int (f->history, lane, "channel", CJM_CHANNEL_WEBSITE);
  g_assert_cmpint (cjm_lane_get_channel (lane), ==, CJM_CHANNEL_WEBSITE);
  assert_one_step (f, f->initial, "Change Channel");
  cjm_history_undo (f->history);

  /* Numbers in a row are steps of their own. */
  cjm_edit_set_int (f->history, card, "severity", 1);
  cjm_edit_set_int (f->history, card, "severity", 2);
  g_assert_true (cjm_history_undo (f->history));
  g_assert_cmpint (cjm_card_get_severity (card), ==, 1);
  g_assert_true (cjm_history_undo (f->history));
  assert_map_is (f->map, f->initial);

  /* The kind of an empty lane can change. */
  cjm_edit_set_int (f->history, lookup (f, "lane-feelings"), "kind", CJM_LANE_KIND_TEXT);
  assert_one_step (f, f->initial, "Change Lane Kind");
}

static void
test_set_value (Fixture       *f,
                gconstpointer  data)
{
  const char *personas[] = { "persona-hugo", NULL };
  CjmCard *card = lookup (f, "card-lost");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, personas);
  cjm_edit_set_value (f->history, card, "persona-ids", &value);
  g_assert_cmpstrv (cjm_card_get_persona_ids (card), personas);
  assert_one_step (f, f->initial, "Change Personas");
  cjm_history_undo (f->history);

  /* The same list again: nothing. */
  g_value_set_boxed (&value, cjm_card_get_persona_ids (card));
  cjm_edit_set_value (f->history, card, "persona-ids", &value);
  assert_nothing_recorded (f);
}

/* A valid value of @pspec other than @current. */
static void
other_value (GParamSpec   *pspec,
             const GValue *current,
             GValue       *value)
{
  g_value_init (value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRING)
    {
      g_value_set_string (value, "#123456");
    }
  else if (pspec->value_type == G_TYPE_INT)
    {
      GParamSpecInt *int_pspec = G_PARAM_SPEC_INT (pspec);

      g_value_set_int (value, g_value_get_int (current) != int_pspec->maximum ?
                              int_pspec->maximum : int_pspec->minimum);
    }
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (value, g_value_get_enum (current) != klass->values[1].value ?
                               klass->values[1].value : klass->values[0].value);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char *ids[] = { "persona-hugo", "persona-camille", NULL };

      g_value_set_boxed (value, ids);
    }
  else
    {
      g_assert_not_reached ();
    }
}

static gboolean
is_placement (CjmElement *element,
              const char *property)
{
  if (CJM_IS_CARD (element))
    return g_str_equal (property, "kind") || g_str_equal (property, "lane-id") ||
           g_str_equal (property, "step-id") || g_str_equal (property, "span");
  if (CJM_IS_EMOTION (element))
    return g_str_equal (property, "persona-id") || g_str_equal (property, "step-id");
  if (CJM_IS_CONNECTION (element))
    return g_str_equal (property, "from-id") || g_str_equal (property, "to-id");

  return FALSE;
}

static void
test_every_field_has_a_label (Fixture       *f,
                              gconstpointer  data)
{
  const char *ids[] = {
    "map-test", "revision-1", "persona-hugo", "stage-purchase", "step-buy",
    "lane-feelings", "card-lost", "emotion-1", "connection-1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CjmElement *element = lookup (f, ids[i]);
      const CjmField *fields;
      guint n_fields;

      fields = cjm_element_get_fields (element, &n_fields);

      for (guint j = 0; j < n_fields; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element),
                                                            fields[j].property);
          g_auto(GValue) current = G_VALUE_INIT;
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *label = NULL;

          if (is_placement (element, fields[j].property))
            continue;

          g_value_init (&current, pspec->value_type);
          g_object_get_property (G_OBJECT (element), pspec->name, &current);
          other_value (pspec, &current, &value);

          cjm_history_break_merge (f->history);
          cjm_edit_set_value (f->history, element, fields[j].property, &value);
          /* The history's string changes with the history: keep a copy. */
          label = g_strdup (cjm_history_get_undo_label (f->history));
          if (label == NULL)
            g_error ("%s: changing “%s” recorded nothing", ids[i], fields[j].property);
          g_assert_true (g_ascii_isupper (label[0]));

          assert_one_step (f, f->initial, label);
          g_assert_true (cjm_history_undo (f->history));
        }
    }
}

typedef struct
{
  const char *name;
  const char *expected;  /* in the message of g_return_if_fail() */
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "unknown", "*property_is_editable*" },
  { "placement", "*property_is_editable*" },
  { "id", "*property_is_editable*" },
  { "kind-of-lane-with-cards", "*lane_is_empty*" },
  { "out-of-range", "*value_is_valid*" },
  { "not-in-map", "*_cjm_edit_has_element*" },
};

/* Changes the history refuses as a programming error: the program aborts. */
static void
test_set_value_refused (gconstpointer data)
{
  const RefusedCase *refused = data;

  if (g_test_subprocess ())
    {
      g_autoptr(CjmMap) map = cjm_map_new (NULL);
      g_autoptr(CjmHistory) history = cjm_history_new (map);
      g_autoptr(CjmCard) stray = cjm_card_new (NULL);
      CjmLane *lane = cjm_edit_add_lane (history, -1, CJM_LANE_KIND_CHANNEL, NULL);
      CjmStage *stage = cjm_edit_add_stage (history, -1, NULL);
      g_autoptr(CjmStep) step = g_list_model_get_item (cjm_stage_get_steps (stage), 0);
      CjmCard *card = cjm_edit_add_card (history, CJM_CARD_KIND_TOUCHPOINT,
                                         cjm_element_get_id (CJM_ELEMENT (lane)),
                                         cjm_element_get_id (CJM_ELEMENT (step)),
                                         -1, NULL, NULL);

      if (g_str_equal (refused->name, "unknown"))
        cjm_edit_set_string (history, card, "colour", "#ffffff");
      else if (g_str_equal (refused->name, "placement"))
        cjm_edit_set_int (history, card, "span", 2);
      else if (g_str_equal (refused->name, "id"))
        cjm_edit_set_string (history, card, "id", "card-new");
      else if (g_str_equal (refused->name, "kind-of-lane-with-cards"))
        cjm_edit_set_int (history, lane, "kind", CJM_LANE_KIND_TEXT);
      else if (g_str_equal (refused->name, "out-of-range"))
        cjm_edit_set_int (history, card, "severity", 9);
      else if (g_str_equal (refused->name, "not-in-map"))
        cjm_edit_set_string (history, stray, "title", "Lost");
      else
        g_assert_not_reached ();

      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr (refused->expected);
}

/* Emotions */

static void
test_set_emotion (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmEmotion *emotion;

  /* A new point of the curve. */
  emotion = cjm_edit_set_emotion (f->history, "persona-hugo", "step-buy", -3, &error);
  g_assert_no_error (error);
  g_assert_true (cjm_map_find_emotion (f->map, "persona-hugo", "step-buy") == emotion);
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, -3);
  assert_one_step (f, f->initial, "Change Emotion");
  cjm_history_undo (f->history);

  /* An existing one moves. */
  emotion = cjm_edit_set_emotion (f->history, "persona-camille", "step-search", 2, &error);
  g_assert_no_error (error);
  g_assert_true (emotion == lookup (f, "emotion-2"));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 2);
  assert_one_step (f, f->initial, "Change Emotion");
  cjm_history_undo (f->history);

  /* Where it is already: nothing. */
  emotion = cjm_edit_set_emotion (f->history, "persona-camille", "step-search", -2, &error);
  g_assert_true (emotion == lookup (f, "emotion-2"));
  assert_nothing_recorded (f);
}

static void
test_set_emotion_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (cjm_edit_set_emotion (f->history, "persona-hugo", "step-buy", 4, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, NULL);
  g_clear_error (&error);

  g_assert_null (cjm_edit_set_emotion (f->history, "persona-hugo", "step-buy", -4, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, NULL);
  g_clear_error (&error);

  g_assert_null (cjm_edit_set_emotion (f->history, "persona-gone", "step-buy", 0, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The persona is no longer in the map");
  g_clear_error (&error);

  g_assert_null (cjm_edit_set_emotion (f->history, "persona-hugo", "stage-purchase", 0, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The step is no longer in the map");
}

static void
test_clear_emotion (Fixture       *f,
                    gconstpointer  data)
{
  cjm_edit_clear_emotion (f->history, "persona-camille", "step-search");
  g_assert_null (cjm_map_find_emotion (f->map, "persona-camille", "step-search"));
  assert_one_step (f, f->initial, "Clear Emotion");
  cjm_history_undo (f->history);

  /* No emotion there: nothing. */
  cjm_edit_clear_emotion (f->history, "persona-hugo", "step-decide");
  assert_nothing_recorded (f);
}

/* Deleting */

static void
test_delete_persona (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) elements = elements_of (f, "persona-camille", NULL);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  const char *hugo[] = { "persona-hugo", NULL };

  g_assert_true (cjm_edit_delete_full (f->history, elements, &removed, &error));
  g_assert_no_error (error);

  /* Its emotions go, and its id from the cards. */
  assert_ids (cjm_map_get_personas (f->map), "persona-hugo");
  assert_ids (cjm_map_get_emotions (f->map), "emotion-3");
  g_assert_cmpstrv (cjm_card_get_persona_ids (lookup (f, "card-ads")), hugo);
  g_assert_null (cjm_card_get_persona_ids (lookup (f, "card-lost")));

  g_assert_cmpuint (removed->len, ==, 4);
  g_assert_true (has_id (removed, "persona-camille"));
  g_assert_true (has_id (removed, "emotion-1"));
  g_assert_true (has_id (removed, "emotion-2"));
  g_assert_true (has_id (removed, "emotion-4"));

  assert_one_step (f, f->initial, "Delete Persona");
}

static void
test_delete_step (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) elements = elements_of (f, "step-search", NULL);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_edit_delete_full (f->history, elements, &removed, &error));
  g_assert_no_error (error);

  assert_ids (cjm_stage_get_steps (lookup (f, "stage-reflection")), "step-decide");
  /* The cards starting at it go, with their connections and links. */
  assert_ids (cjm_map_get_cards (f->map),
              "card-ads card-blog card-wide card-guide card-rate card-stock card-survey");
  assert_ids (cjm_map_get_connections (f->map), "%s", "");
  g_assert_null (cjm_card_get_pain_point_ids (lookup (f, "card-guide")));
  /* Cards spanning over it get narrower. */
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-ads")), ==, 1);
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-wide")), ==, 3);
  /* Its emotions go. */
  assert_ids (cjm_map_get_emotions (f->map), "emotion-1 emotion-4");

  g_assert_cmpuint (removed->len, ==, 7);
  g_assert_true (has_id (removed, "step-search"));
  g_assert_true (has_id (removed, "card-reviews"));
  g_assert_true (has_id (removed, "card-lost"));
  g_assert_true (has_id (removed, "connection-1"));
  g_assert_true (has_id (removed, "connection-2"));
  g_assert_true (has_id (removed, "emotion-2"));
  g_assert_true (has_id (removed, "emotion-3"));

  assert_one_step (f, f->initial, "Delete Step");
}

static void
test_delete_stage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) elements = elements_of (f, "stage-purchase", NULL);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_edit_delete_full (f->history, elements, &removed, &error));
  g_assert_no_error (error);

  assert_ids (cjm_map_get_stages (f->map), "stage-reflection stage-loyalty");
  g_assert_null (cjm_map_lookup (f->map, "step-buy"));
  g_assert_null (cjm_map_lookup (f->map, "step-wait"));
  assert_ids (cjm_map_get_cards (f->map),
              "card-ads card-blog card-reviews card-wide card-lost card-survey");
  assert_ids (cjm_map_get_connections (f->map), "connection-1");
  /* wide ran over buy and wait. */
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-wide")), ==, 2);
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-ads")), ==, 2);

  g_assert_true (has_id (removed, "stage-purchase"));
  g_assert_true (has_id (removed, "step-buy"));
  g_assert_true (has_id (removed, "step-wait"));
  g_assert_true (has_id (removed, "card-guide"));
  g_assert_true (has_id (removed, "card-rate"));
  g_assert_true (has_id (removed, "card-stock"));
  g_assert_true (has_id (removed, "connection-2"));
  g_assert_cmpuint (removed->len, ==, 7);

  assert_one_step (f, f->initial, "Delete Stage");
}

static void
test_delete_lane (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) elements = elements_of (f, "lane-pains", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_edit_delete (f->history, elements, &error));
  g_assert_no_error (error);

  g_assert_null (cjm_map_lookup (f->map, "lane-pains"));
  g_assert_null (cjm_map_lookup (f->map, "card-lost"));
  assert_ids (cjm_map_get_connections (f->map), "connection-1");
  g_assert_null (cjm_card_get_pain_point_ids (lookup (f, "card-guide")));

  assert_one_step (f, f->initial, "Delete Lane");
}

static void
test_delete_card (Fixture       *f,
                  gconstpointer  data)
{
  const char *ads[] = { "card-ads", NULL };
  g_autoptr(GPtrArray) elements = elements_of (f, "card-reviews", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_edit_delete (f->history, elements, &error));
  g_assert_no_error (error);

  g_assert_null (cjm_map_lookup (f->map, "card-reviews"));
  assert_ids (cjm_map_get_connections (f->map), "connection-2");
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (lookup (f, "card-lost")), ads);

  assert_one_step (f, f->initial, "Delete Touchpoint");
  cjm_history_undo (f->history);

  g_ptr_array_set_size (elements, 0);
  g_ptr_array_add (elements, lookup (f, "card-lost"));
  g_assert_true (cjm_edit_delete (f->history, elements, &error));
  assert_ids (cjm_map_get_connections (f->map), "connection-1");
  g_assert_null (cjm_card_get_pain_point_ids (lookup (f, "card-guide")));
  assert_one_step (f, f->initial, "Delete Pain Point");
}

static void
test_delete_labels (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *ids[4];
    const char *label;
  } cases[] = {
    { { "card-ads", "card-blog" }, "Delete Touchpoints" },
    { { "card-ads", "card-ads" }, "Delete Touchpoint" },
    { { "card-ads", "card-wide" }, "Delete Selection" },
    { { "card-guide" }, "Delete Opportunity" },
    { { "card-rate" }, "Delete KPI" },
    { { "card-stock" }, "Delete Backstage Action" },
    { { "card-survey", "card-wide" }, "Delete Notes" },
    { { "emotion-1" }, "Clear Emotion" },
    { { "emotion-1", "emotion-2" }, "Clear Emotions" },
    { { "connection-1" }, "Delete Connection" },
    { { "revision-1" }, "Delete Revision Note" },
    { { "step-decide", "step-wait" }, "Delete Steps" },
    { { "stage-loyalty", "stage-purchase" }, "Delete Stages" },
    { { "lane-web", "lane-kpis" }, "Delete Lanes" },
    { { "persona-hugo", "persona-camille" }, "Delete Personas" },
    { { "persona-hugo", "lane-web", "card-wide" }, "Delete Selection" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;

      for (guint j = 0; cases[i].ids[j] != NULL; j++)
        g_ptr_array_add (elements, lookup (f, cases[i].ids[j]));

      g_assert_true (cjm_edit_delete (f->history, elements, &error));
      g_assert_no_error (error);
      assert_one_step (f, f->initial, cases[i].label);
      g_assert_true (cjm_history_undo (f->history));
    }
}

static void
test_delete_several (Fixture       *f,
                     gconstpointer  data)
{
  /* A stage with steps of its own picked too, a card of a deleted lane, a
   * connection of a deleted card: each is removed once. */
  g_autoptr(GPtrArray) elements = elements_of (f, "card-lost", "stage-reflection", "step-search",
                                               "lane-web", "card-ads", "connection-1",
                                               "emotion-3", "revision-1", NULL);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_edit_delete_full (f->history, elements, &removed, &error));
  g_assert_no_error (error);

  assert_ids (cjm_map_get_stages (f->map), "stage-purchase stage-loyalty");
  assert_ids (cjm_map_get_lanes (f->map),
              "lane-actions lane-feelings lane-pains lane-ideas lane-kpis lane-backstage");
  assert_ids (cjm_map_get_cards (f->map), "card-guide card-rate card-stock card-survey");
  assert_ids (cjm_map_get_emotions (f->map), "emotion-4");
  assert_ids (cjm_map_get_connections (f->map), "%s", "");
  assert_ids (cjm_map_get_revisions (f->map), "%s", "");

  /* revision, stage, 2 steps, lane, 5 cards, 3 emotions, 2 connections. */
  g_assert_cmpuint (removed->len, ==, 15);

  assert_one_step (f, f->initial, "Delete Selection");

  /* Nothing to delete: nothing recorded. */
  cjm_history_undo (f->history);
  g_ptr_array_set_size (elements, 0);
  g_assert_true (cjm_edit_delete (f->history, elements, &error));
  assert_nothing_recorded (f);
}

static void
test_delete_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) last = elements_of (f, "step-review", NULL);
  g_autoptr(GPtrArray) all_steps = elements_of (f, "step-decide", "card-blog", "step-search", NULL);
  g_autoptr(GPtrArray) with_stage = elements_of (f, "step-decide", "step-search",
                                                 "stage-reflection", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cjm_edit_delete (f->history, last, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED,
                  "A stage needs at least one step: delete the stage instead");
  g_clear_error (&error);

  g_assert_false (cjm_edit_delete (f->history, all_steps, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, NULL);
  g_clear_error (&error);

  /* With their stage, they can go. */
  g_assert_true (cjm_edit_delete (f->history, with_stage, &error));
  g_assert_no_error (error);
  assert_one_step (f, f->initial, "Delete Selection");
}

/* Moving */

static void
test_move_card_in_cell (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *blog = lookup (f, "card-blog");
  CjmCard *ads = lookup (f, "card-ads");

  g_assert_true (cjm_edit_move_card (f->history, blog, "lane-web", "step-decide", 0, &error));
  g_assert_no_error (error);
  assert_cell (f, "lane-web", "step-decide", "card-blog card-ads");
  assert_ids (cjm_map_get_cards (f->map),
              "card-blog card-ads card-reviews card-wide card-lost card-guide card-rate "
              "card-stock card-survey");
  assert_one_step (f, f->initial, "Move Touchpoint");
  cjm_history_undo (f->history);

  g_assert_true (cjm_edit_move_card (f->history, ads, "lane-web", "step-decide", -1, &error));
  assert_cell (f, "lane-web", "step-decide", "card-blog card-ads");
  assert_one_step (f, f->initial, "Move Touchpoint");
  cjm_history_undo (f->history);

  /* Where it is already: nothing. */
  g_assert_true (cjm_edit_move_card (f->history, ads, "lane-web", "step-decide", 0, &error));
  g_assert_true (cjm_edit_move_card (f->history, blog, "lane-web", "step-decide", 1, &error));
  g_assert_true (cjm_edit_move_card (f->history, blog, "lane-web", "step-decide", -1, &error));
  g_assert_no_error (error);
  assert_nothing_recorded (f);
}

static void
test_move_card_to_cell (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *reviews = lookup (f, "card-reviews");
  CjmCard *ads = lookup (f, "card-ads");

  g_assert_true (cjm_edit_move_card (f->history, reviews, "lane-web", "step-decide", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_card_get_step_id (reviews), ==, "step-decide");
  assert_cell (f, "lane-web", "step-decide", "card-ads card-reviews card-blog");
  assert_cell (f, "lane-web", "step-search", "%s", "");
  assert_one_step (f, f->initial, "Move Touchpoint");
  cjm_history_undo (f->history);

  /* To an empty cell: the card keeps its place in the list. */
  g_assert_true (cjm_edit_move_card (f->history, ads, "lane-web", "step-buy", 0, &error));
  g_assert_no_error (error);
  assert_cell (f, "lane-web", "step-buy", "card-ads");
  assert_ids (cjm_map_get_cards (f->map),
              "card-ads card-blog card-reviews card-wide card-lost card-guide card-rate "
              "card-stock card-survey");
  assert_one_step (f, f->initial, "Move Touchpoint");
  cjm_history_undo (f->history);

  /* To another lane of the same kind, at the end of its cell. */
  {
    CjmLane *store = cjm_edit_add_lane (f->history, -1, CJM_LANE_KIND_CHANNEL, "Store");
    const char *store_id = cjm_element_get_id (CJM_ELEMENT (store));
    g_autoptr(Snapshot) with_lane = snapshot_take (f->map);

    g_assert_true (cjm_edit_move_card (f->history, reviews, store_id, "step-search", -1, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cjm_card_get_lane_id (reviews), ==, store_id);
    g_assert_true (cjm_history_undo (f->history));
    assert_map_is (f->map, with_lane);
    g_assert_true (cjm_history_undo (f->history));
    assert_map_is (f->map, f->initial);
  }
}

static void
test_move_card_clamps_span (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *wide = lookup (f, "card-wide");

  /* Four steps wide, dropped three steps from the end: three wide. */
  g_assert_true (cjm_edit_move_card (f->history, wide, "lane-actions", "step-buy", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cjm_card_get_span (wide), ==, 3);
  assert_cell (f, "lane-actions", "step-buy", "card-wide");
  assert_one_step (f, f->initial, "Move Note");
  cjm_history_undo (f->history);
  g_assert_cmpint (cjm_card_get_span (wide), ==, 4);

  g_assert_true (cjm_edit_move_card (f->history, wide, "lane-actions", "step-review", 0, &error));
  g_assert_cmpint (cjm_card_get_span (wide), ==, 1);
  assert_cell (f, "lane-actions", "step-review", "card-wide card-survey");
  assert_one_step (f, f->initial, "Move Note");
}

static void
test_move_card_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *ads = lookup (f, "card-ads");
  CjmCard *lost = lookup (f, "card-lost");

  g_assert_false (cjm_edit_move_card (f->history, ads, "lane-feelings", "step-decide", -1, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "Touchpoints go in channel lanes");
  g_clear_error (&error);

  g_assert_false (cjm_edit_move_card (f->history, lost, "lane-ideas", "step-search", -1, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "Pain points go in pain point lanes");
  g_clear_error (&error);

  g_assert_false (cjm_edit_move_card (f->history, ads, "lane-gone", "step-decide", -1, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The lane is no longer in the map");
  g_clear_error (&error);

  g_assert_false (cjm_edit_move_card (f->history, ads, "lane-web", "step-gone", -1, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The step is no longer in the map");
}

static void
test_resize_card (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *blog = lookup (f, "card-blog");
  CjmCard *survey = lookup (f, "card-survey");

  g_assert_true (cjm_edit_resize_card (f->history, blog, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cjm_card_get_span (blog), ==, 5);
  assert_one_step (f, f->initial, "Resize Touchpoint");
  cjm_history_undo (f->history);

  g_assert_true (cjm_edit_resize_card (f->history, lookup (f, "card-wide"), 2, &error));
  assert_one_step (f, f->initial, "Resize Note");
  cjm_history_undo (f->history);

  /* Same width: nothing. */
  g_assert_true (cjm_edit_resize_card (f->history, blog, 1, &error));
  assert_nothing_recorded (f);

  /* Past the last step: refused. */
  g_assert_false (cjm_edit_resize_card (f->history, blog, 6, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "A card cannot run past the last step");
  g_clear_error (&error);
  g_assert_false (cjm_edit_resize_card (f->history, survey, 2, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, "A card cannot run past the last step");
}

static void
test_duplicate_card (Fixture       *f,
                     gconstpointer  data)
{
  CjmCard *lost = lookup (f, "card-lost");
  CjmCard *copy = cjm_edit_duplicate_card (f->history, lost);
  g_autoptr(CjmElement) same = NULL;
  g_autoptr(CjmCard) after = g_list_model_get_item (cjm_map_get_cards (f->map), 5);

  g_assert_true (after == copy);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (copy)), !=, "card-lost");
  same = cjm_element_copy (CJM_ELEMENT (copy), "card-lost");
  g_assert_true (cjm_element_equal (same, CJM_ELEMENT (lost)));
  /* Connections stay with the original. */
  assert_ids (cjm_map_get_connections (f->map), "connection-1 connection-2");

  assert_one_step (f, f->initial, "Duplicate Pain Point");
}

static void
test_move_persona (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (cjm_edit_move_persona (f->history, lookup (f, "persona-hugo"), 0));
  assert_ids (cjm_map_get_personas (f->map), "persona-hugo persona-camille");
  assert_one_step (f, f->initial, "Move Persona");
  cjm_history_undo (f->history);

  g_assert_true (cjm_edit_move_persona (f->history, lookup (f, "persona-camille"), 99));
  assert_ids (cjm_map_get_personas (f->map), "persona-hugo persona-camille");
  assert_one_step (f, f->initial, "Move Persona");
  cjm_history_undo (f->history);

  g_assert_true (cjm_edit_move_persona (f->history, lookup (f, "persona-camille"), 0));
  assert_nothing_recorded (f);
}

static void
test_move_stage (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (cjm_edit_move_stage (f->history, lookup (f, "stage-loyalty"), 0));
  assert_ids (cjm_map_get_stages (f->map), "stage-loyalty stage-reflection stage-purchase");
  /* wide now starts at the second of five steps: it still fits. */
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-wide")), ==, 4);
  assert_one_step (f, f->initial, "Move Stage");
  cjm_history_undo (f->history);

  /* reflection last: wide starts at the fourth step, ads too. */
  g_assert_true (cjm_edit_move_stage (f->history, lookup (f, "stage-reflection"), 2));
  assert_ids (cjm_map_get_stages (f->map), "stage-purchase stage-loyalty stage-reflection");
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-wide")), ==, 2);
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-ads")), ==, 2);
  assert_one_step (f, f->initial, "Move Stage");
  cjm_history_undo (f->history);

  g_assert_true (cjm_edit_move_stage (f->history, lookup (f, "stage-purchase"), 1));
  assert_nothing_recorded (f);
}

static void
test_move_step (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmStage *reflection = lookup (f, "stage-reflection");
  CjmStage *purchase = lookup (f, "stage-purchase");
  CjmStage *loyalty = lookup (f, "stage-loyalty");
  CjmStep *decide = lookup (f, "step-decide");
  CjmStep *search = lookup (f, "step-search");

  /* Within its stage. */
  g_assert_true (cjm_edit_move_step (f->history, search, reflection, 0, &error));
  g_assert_no_error (error);
  assert_ids (cjm_stage_get_steps (reflection), "step-search step-decide");
  /* ads starts one step later: it still fits. */
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-ads")), ==, 2);
  assert_one_step (f, f->initial, "Move Step");
  cjm_history_undo (f->history);

  /* To another stage. */
  g_assert_true (cjm_edit_move_step (f->history, search, purchase, 1, &error));
  g_assert_no_error (error);
  assert_ids (cjm_stage_get_steps (reflection), "step-decide");
  assert_ids (cjm_stage_get_steps (purchase), "step-buy step-search step-wait");
  g_assert_true (cjm_map_find_stage_of_step (f->map, "step-search", NULL) == purchase);
  /* Cards starting at it go with it. */
  g_assert_cmpstr (cjm_card_get_step_id (lookup (f, "card-lost")), ==, "step-search");
  assert_one_step (f, f->initial, "Move Step");
  cjm_history_undo (f->history);

  /* To the end of the map: what starts there gets narrower. */
  g_assert_true (cjm_edit_move_step (f->history, decide, loyalty, 99, &error));
  g_assert_no_error (error);
  assert_ids (cjm_stage_get_steps (loyalty), "step-review step-decide");
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-ads")), ==, 1);
  g_assert_cmpint (cjm_card_get_span (lookup (f, "card-wide")), ==, 1);
  assert_one_step (f, f->initial, "Move Step");
  cjm_history_undo (f->history);

  /* Where it is already: nothing. */
  g_assert_true (cjm_edit_move_step (f->history, decide, reflection, 0, &error));
  assert_nothing_recorded (f);
}

static void
test_move_step_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cjm_edit_move_step (f->history, lookup (f, "step-review"),
                                      lookup (f, "stage-purchase"), 0, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, NULL);
  g_clear_error (&error);

  /* Within its own stage, the last step can move: nowhere. */
  g_assert_true (cjm_edit_move_step (f->history, lookup (f, "step-review"),
                                     lookup (f, "stage-loyalty"), 3, &error));
  g_assert_no_error (error);
  assert_nothing_recorded (f);
}

static void
test_move_lane (Fixture       *f,
                gconstpointer  data)
{
  g_assert_true (cjm_edit_move_lane (f->history, lookup (f, "lane-backstage"), 1));
  assert_ids (cjm_map_get_lanes (f->map),
              "lane-web lane-backstage lane-actions lane-feelings lane-pains lane-ideas lane-kpis");
  assert_one_step (f, f->initial, "Move Lane");
}

static void
test_ui_group (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The UI moving a selection of cards: one step of its own label. */
  cjm_history_begin_group (f->history, "Move Cards");
  g_assert_true (cjm_edit_move_card (f->history, lookup (f, "card-ads"), "lane-web",
                                     "step-buy", -1, &error));
  g_assert_true (cjm_edit_move_card (f->history, lookup (f, "card-blog"), "lane-web",
                                     "step-buy", -1, &error));
  g_assert_true (cjm_edit_resize_card (f->history, lookup (f, "card-blog"), 2, &error));
  cjm_history_end_group (f->history);
  g_assert_no_error (error);

  assert_cell (f, "lane-web", "step-buy", "card-ads card-blog");
  assert_one_step (f, f->initial, "Move Cards");
}

/* Links */

static void
test_link_pain_point (Fixture       *f,
                      gconstpointer  data)
{
  const char *linked[] = { "card-reviews", "card-ads", "card-blog", NULL };
  g_autoptr(GError) error = NULL;
  CjmCard *lost = lookup (f, "card-lost");

  g_assert_true (cjm_edit_link_pain_point (f->history, lost, lookup (f, "card-blog"), &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (lost), linked);
  assert_one_step (f, f->initial, "Link Pain Point");
  cjm_history_undo (f->history);

  /* Linked already: nothing. */
  g_assert_true (cjm_edit_link_pain_point (f->history, lost, lookup (f, "card-ads"), &error));
  assert_nothing_recorded (f);

  /* A pain point with no links yet. */
  {
    g_autoptr(Snapshot) before = NULL;
    CjmCard *late = cjm_edit_add_card (f->history, CJM_CARD_KIND_PAIN_POINT, "lane-pains",
                                       "step-wait", -1, NULL, &error);
    const char *ads[] = { "card-ads", NULL };

    before = snapshot_take (f->map);
    g_assert_true (cjm_edit_link_pain_point (f->history, late, lookup (f, "card-ads"), &error));
    g_assert_cmpstrv (cjm_card_get_touchpoint_ids (late), ads);
    cjm_history_undo (f->history);
    assert_map_is (f->map, before);
  }
}

static void
test_link_pain_point_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cjm_edit_link_pain_point (f->history, lookup (f, "card-ads"),
                                            lookup (f, "card-lost"), &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED,
                  "Only a pain point can be linked to a touchpoint");
  g_clear_error (&error);

  g_assert_false (cjm_edit_link_pain_point (f->history, lookup (f, "card-lost"),
                                            lookup (f, "card-wide"), &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED, NULL);
}

static void
test_link_opportunity (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CjmCard *guide = lookup (f, "card-guide");
  CjmCard *other;
  const char *linked[3] = { "card-lost", NULL, NULL };

  other = cjm_edit_add_card (f->history, CJM_CARD_KIND_PAIN_POINT, "lane-pains", "step-buy",
                             -1, NULL, &error);
  cjm_history_clear (f->history);
  cjm_history_set_saved (f->history);
  g_clear_pointer (&f->initial, snapshot_free);
  f->initial = snapshot_take (f->map);

  g_assert_true (cjm_edit_link_opportunity (f->history, guide, other, &error));
  g_assert_no_error (error);
  linked[1] = cjm_element_get_id (CJM_ELEMENT (other));
  g_assert_cmpstrv (cjm_card_get_pain_point_ids (guide), linked);
  assert_one_step (f, f->initial, "Link Opportunity");
  cjm_history_undo (f->history);

  g_assert_false (cjm_edit_link_opportunity (f->history, other, guide, &error));
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_ALLOWED,
                  "Only an opportunity can be linked to a pain point");
}

static void
test_unlink_cards (Fixture       *f,
                   gconstpointer  data)
{
  const char *reviews[] = { "card-reviews", NULL };

  cjm_edit_unlink_cards (f->history, lookup (f, "card-lost"), lookup (f, "card-ads"));
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (lookup (f, "card-lost")), reviews);
  assert_one_step (f, f->initial, "Remove Link");
  cjm_history_undo (f->history);

  cjm_edit_unlink_cards (f->history, lookup (f, "card-guide"), lookup (f, "card-lost"));
  g_assert_null (cjm_card_get_pain_point_ids (lookup (f, "card-guide")));
  assert_one_step (f, f->initial, "Remove Link");
  cjm_history_undo (f->history);

  /* Not linked: nothing. */
  cjm_edit_unlink_cards (f->history, lookup (f, "card-guide"), lookup (f, "card-ads"));
  assert_nothing_recorded (f);
}

/* Copies */

static CjmCard *
find_card_at (CjmMap     *map,
              const char *lane_id,
              const char *step_id,
              const char *title)
{
  GListModel *cards = cjm_map_get_cards (map);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (cjm_card_get_lane_id (card), lane_id) == 0 &&
          g_strcmp0 (cjm_card_get_step_id (card), step_id) == 0 &&
          g_strcmp0 (cjm_card_get_title (card), title) == 0)
        return card;
    }

  return NULL;
}

static void
test_duplicate_stage (Fixture       *f,
                      gconstpointer  data)
{
  CjmStage *copy = cjm_edit_duplicate_stage (f->history, lookup (f, "stage-reflection"));
  GListModel *steps = cjm_stage_get_steps (copy);
  g_autoptr(CjmStep) decide = NULL;
  g_autoptr(CjmStep) search = NULL;
  const char *decide_id;
  const char *search_id;
  CjmCard *ads;
  CjmCard *reviews;
  CjmCard *lost;
  const char *touchpoints[3];
  guint n_connections;

  assert_ids (cjm_map_get_stages (f->map),
              "stage-reflection %s stage-purchase stage-loyalty",
                               cjm_element_get_id (CJM_ELEMENT (copy)));
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
  decide = g_list_model_get_item (steps, 0);
  search = g_list_model_get_item (steps, 1);
  decide_id = cjm_element_get_id (CJM_ELEMENT (decide));
  search_id = cjm_element_get_id (CJM_ELEMENT (search));
  g_assert_cmpstr (decide_id, !=, "step-decide");
  g_assert_cmpstr (cjm_step_get_name (decide), ==, "decide");

  /* The cards starting in the stage, with their links between them. */
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (f->map)), ==, 14);
  ads = find_card_at (f->map, "lane-web", decide_id, "ads");
  reviews = find_card_at (f->map, "lane-web", search_id, "reviews");
  lost = find_card_at (f->map, "lane-pains", search_id, "lost");
  g_assert_nonnull (ads);
  g_assert_nonnull (reviews);
  g_assert_nonnull (lost);
  g_assert_nonnull (find_card_at (f->map, "lane-web", decide_id, "blog"));
  g_assert_nonnull (find_card_at (f->map, "lane-actions", decide_id, "wide"));
  g_assert_cmpint (cjm_card_get_span (ads), ==, 2);
  touchpoints[0] = cjm_element_get_id (CJM_ELEMENT (reviews));
  touchpoints[1] = cjm_element_get_id (CJM_ELEMENT (ads));
  touchpoints[2] = NULL;
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (lost), touchpoints);
  g_assert_cmpstrv (cjm_card_get_persona_ids (ads), cjm_card_get_persona_ids (lookup (f, "card-ads")));

  /* ads → reviews is copied; lost → guide is not, guide being elsewhere. */
  n_connections = g_list_model_get_n_items (cjm_map_get_connections (f->map));
  g_assert_cmpuint (n_connections, ==, 3);
  {
    g_autoptr(CjmConnection) connection = g_list_model_get_item (cjm_map_get_connections (f->map), 2);

    g_assert_cmpstr (cjm_connection_get_from_id (connection), ==, touchpoints[1]);
    g_assert_cmpstr (cjm_connection_get_to_id (connection), ==, touchpoints[0]);
  }

  /* The emotions at its steps. */
  g_assert_cmpint (cjm_emotion_get_score (cjm_map_find_emotion (f->map, "persona-camille", decide_id)), ==, 1);
  g_assert_cmpint (cjm_emotion_get_score (cjm_map_find_emotion (f->map, "persona-camille", search_id)), ==, -2);
  g_assert_nonnull (cjm_map_find_emotion (f->map, "persona-hugo", search_id));
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_emotions (f->map)), ==, 7);

  assert_one_step (f, f->initial, "Duplicate Stage");
}

static void
test_paste_from_another_map (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CjmMap) other = cjm_map_new (NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) connections = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  const char *personas[] = { "persona-camille", "persona-elsewhere", NULL };
  const char *touchpoints[] = { "card-x-call", "card-x-unknown", "card-ads", NULL };
  const char *camille[] = { "persona-camille", NULL };
  const char *linked[3] = { NULL };
  CjmCard *call;
  CjmCard *wait;
  CjmCard *note;

  add_stage_raw (other, "stage-x", "step-x-1", "step-x-2", NULL);
  add_lane_raw (other, "lane-x-phone", CJM_LANE_KIND_CHANNEL);
  call = add_card_raw (other, "card-x-call", CJM_CARD_KIND_TOUCHPOINT, "lane-x-phone", "step-x-1", 2);
  cjm_card_set_persona_ids (call, personas);
  wait = add_card_raw (other, "card-x-wait", CJM_CARD_KIND_PAIN_POINT, "lane-x-pains", "step-x-2", 1);
  cjm_card_set_touchpoint_ids (wait, touchpoints);
  note = add_card_raw (other, "card-x-note", CJM_CARD_KIND_NOTE, "lane-x-notes", "step-x-1", 1);
  g_ptr_array_add (cards, call);
  g_ptr_array_add (cards, wait);
  g_ptr_array_add (cards, note);
  add_connection_raw (other, "connection-x-1", "card-x-call", "card-x-wait");
  add_connection_raw (other, "connection-x-2", "card-x-call", "card-x-unknown");
  g_ptr_array_add (connections, cjm_map_lookup (other, "connection-x-1"));
  g_ptr_array_add (connections, cjm_map_lookup (other, "connection-x-2"));

  pasted = cjm_edit_paste_cards (f->history, cards, connections, "lane-web", "step-wait", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 3);
  call = g_ptr_array_index (pasted, 0);
  wait = g_ptr_array_index (pasted, 1);
  note = g_ptr_array_index (pasted, 2);

  /* New ids; each in the lane it fits, all at the step pasted at. */
  g_assert_false (cjm_map_lookup (f->map, "card-x-call"));
  g_assert_true (cjm_map_lookup (f->map, cjm_element_get_id (CJM_ELEMENT (call))) == CJM_ELEMENT (call));
  g_assert_cmpstr (cjm_card_get_title (call), ==, "x-call");
  g_assert_cmpstr (cjm_card_get_lane_id (call), ==, "lane-web");
  g_assert_cmpstr (cjm_card_get_lane_id (wait), ==, "lane-pains");
  g_assert_cmpstr (cjm_card_get_lane_id (note), ==, "lane-actions");
  g_assert_cmpstr (cjm_card_get_step_id (call), ==, "step-wait");
  g_assert_cmpstr (cjm_card_get_step_id (wait), ==, "step-wait");
  g_assert_cmpstr (cjm_card_get_step_id (note), ==, "step-wait");
  /* Two steps wide from the last but one step: fits. */
  g_assert_cmpint (cjm_card_get_span (call), ==, 2);

  /* Links follow the copies; links to this map are kept; others dropped. */
  g_assert_cmpstrv (cjm_card_get_persona_ids (call), camille);
  linked[0] = cjm_element_get_id (CJM_ELEMENT (call));
  linked[1] = "card-ads";
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (wait), linked);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (f->map)), ==, 3);
  {
    g_autoptr(CjmConnection) connection = g_list_model_get_item (cjm_map_get_connections (f->map), 2);

    g_assert_cmpstr (cjm_connection_get_from_id (connection), ==, linked[0]);
    g_assert_cmpstr (cjm_connection_get_to_id (connection), ==, cjm_element_get_id (CJM_ELEMENT (wait)));
  }

  /* The originals are untouched. */
  g_assert_cmpstrv (cjm_card_get_touchpoint_ids (CJM_CARD (cjm_map_lookup (other, "card-x-wait"))),
                    touchpoints);

  assert_one_step (f, f->initial, "Paste Cards");
}

static void
test_paste_within_map (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = elements_of (f, "card-reviews", "card-ads", NULL);
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GPtrArray) wide = elements_of (f, "card-wide", NULL);
  g_autoptr(GError) error = NULL;
  CjmCard *reviews;
  CjmCard *ads;

  /* Cards of this map keep their places relative to each other: the
   * leftmost (ads, at decide) goes at buy, reviews one step further. */
  pasted = cjm_edit_paste_cards (f->history, cards, NULL, NULL, "step-buy", &error);
  g_assert_no_error (error);
  reviews = g_ptr_array_index (pasted, 0);
  ads = g_ptr_array_index (pasted, 1);
  g_assert_cmpstr (cjm_card_get_step_id (ads), ==, "step-buy");
  g_assert_cmpstr (cjm_card_get_step_id (reviews), ==, "step-wait");
  g_assert_cmpstr (cjm_card_get_lane_id (ads), ==, "lane-web");
  g_assert_cmpint (cjm_card_get_span (ads), ==, 2);
  /* Connections are copied only when given. */
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (f->map)), ==, 2);
  assert_one_step (f, f->initial, "Paste Cards");
  cjm_history_undo (f->history);
  g_clear_pointer (&pasted, g_ptr_array_unref);

  /* Near the end: clamped to the last step, made narrower. */
  pasted = cjm_edit_paste_cards (f->history, cards, NULL, NULL, "step-review", &error);
  g_assert_no_error (error);
  reviews = g_ptr_array_index (pasted, 0);
  ads = g_ptr_array_index (pasted, 1);
  g_assert_cmpstr (cjm_card_get_step_id (ads), ==, "step-review");
  g_assert_cmpstr (cjm_card_get_step_id (reviews), ==, "step-review");
  g_assert_cmpint (cjm_card_get_span (ads), ==, 1);
  cjm_history_undo (f->history);
  g_clear_pointer (&pasted, g_ptr_array_unref);

  /* One card: labelled by its kind; last in its cell. */
  pasted = cjm_edit_paste_cards (f->history, wide, NULL, "lane-web", "step-decide", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_card_get_lane_id (g_ptr_array_index (pasted, 0)), ==, "lane-actions");
  g_assert_cmpint (cjm_card_get_span (g_ptr_array_index (pasted, 0)), ==, 4);
  assert_cell (f, "lane-actions", "step-decide", "card-wide %s",
               cjm_element_get_id (g_ptr_array_index (pasted, 0)));
  assert_one_step (f, f->initial, "Paste Note");
}

static void
test_paste_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = elements_of (f, "card-ads", "card-stock", NULL);
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) bare = cjm_map_new (NULL);
  g_autoptr(CjmHistory) history = cjm_history_new (bare);
  g_autoptr(Snapshot) before = NULL;
  CjmStage *stage;
  g_autoptr(CjmStep) step = NULL;

  pasted = cjm_edit_paste_cards (f->history, cards, NULL, NULL, "step-gone", &error);
  g_assert_null (pasted);
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The step is no longer in the map");
  g_clear_error (&error);

  pasted = cjm_edit_paste_cards (f->history, cards, NULL, "lane-gone", "step-buy", &error);
  g_assert_null (pasted);
  assert_refused (f, error, CJM_EDIT_ERROR_NOT_FOUND, "The lane is no longer in the map");
  g_clear_error (&error);

  /* A map with a channel lane but no backstage lane: nothing pasted. */
  stage = cjm_edit_add_stage (history, -1, NULL);
  step = g_list_model_get_item (cjm_stage_get_steps (stage), 0);
  cjm_edit_add_lane (history, -1, CJM_LANE_KIND_CHANNEL, NULL);
  before = snapshot_take (bare);
  pasted = cjm_edit_paste_cards (history, cards, NULL, NULL,
                                 cjm_element_get_id (CJM_ELEMENT (step)), &error);
  g_assert_null (pasted);
  g_assert_error (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "The map has no backstage lane");
  assert_map_is (bare, before);
  g_assert_cmpstr (cjm_history_get_undo_label (history), ==, "Add Lane");
}

/* Many edits in a row, all undone then all redone: the map comes back
 * exactly, step after step. */
static void
test_long_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify)snapshot_free);
  g_autoptr(GError) error = NULL;
  CjmStage *stage;
  CjmCard *card;
  guint n_steps;

  /* Each edit succeeds and is a step: keep what the map is after it. */
#define STEP() \
  G_STMT_START { \
    g_assert_no_error (error); \
    g_ptr_array_add (snapshots, snapshot_take (f->map)); \
  } G_STMT_END

  STEP ();
  stage = cjm_edit_add_stage (f->history, 1, "Evaluation");
  STEP ();
  cjm_edit_add_step (f->history, stage, -1, "Compares");
  STEP ();
  card = cjm_edit_add_card (f->history, CJM_CARD_KIND_TOUCHPOINT, "lane-web",
                            "step-search", 0, "Forum", &error);
  STEP ();
  cjm_edit_set_string (f->history, card, "title", "Forums");
  STEP ();
  cjm_edit_resize_card (f->history, card, 3, &error);
  STEP ();
  cjm_edit_link_pain_point (f->history, lookup (f, "card-lost"), card, &error);
  STEP ();
  cjm_edit_connect (f->history, cjm_element_get_id (CJM_ELEMENT (card)), "card-lost", NULL, &error);
  STEP ();
  cjm_edit_move_step (f->history, lookup (f, "step-search"), lookup (f, "stage-loyalty"), 0, &error);
  STEP ();
  cjm_edit_set_emotion (f->history, "persona-hugo", "step-decide", 2, &error);
  STEP ();
  cjm_edit_duplicate_stage (f->history, lookup (f, "stage-purchase"));
  STEP ();
  {
    g_autoptr(GPtrArray) doomed = elements_of (f, "persona-camille", "lane-pains",
                                               "step-buy", NULL);

    cjm_edit_delete (f->history, doomed, &error);
  }
  STEP ();
  cjm_edit_move_stage (f->history, stage, 0);
  STEP ();
  cjm_edit_move_card (f->history, card, "lane-web", "step-review", -1, &error);
  STEP ();
  cjm_edit_duplicate_card (f->history, card);
  STEP ();
  {
    g_autoptr(GPtrArray) doomed = elements_of (f, "stage-loyalty", NULL);

    cjm_edit_delete (f->history, doomed, &error);
  }
  STEP ();
  g_assert_no_error (error);

#undef STEP

  n_steps = snapshots->len - 1;
  for (guint i = n_steps; i > 0; i--)
    {
      g_assert_true (cjm_history_undo (f->history));
      assert_map_is (f->map, g_ptr_array_index (snapshots, i - 1));
    }
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_modified (f->history));

  for (guint i = 1; i <= n_steps; i++)
    {
      g_assert_true (cjm_history_redo (f->history));
      assert_map_is (f->map, g_ptr_array_index (snapshots, i));
    }
  g_assert_false (cjm_history_get_can_redo (f->history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cjm/Edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/Cjm/Edit/card-kind-lane-kind", test_card_kind_lane_kind);
  ADD ("add-persona", test_add_persona);
  ADD ("add-stage", test_add_stage);
  ADD ("add-step", test_add_step);
  ADD ("add-lane", test_add_lane);
  ADD ("add-card", test_add_card);
  ADD ("add-card-position", test_add_card_position);
  ADD ("add-card-refused", test_add_card_refused);
  ADD ("connect", test_connect);
  ADD ("connect-refused", test_connect_refused);
  ADD ("add-revision", test_add_revision);
  ADD ("set-string", test_set_string);
  ADD ("set-string-typing", test_set_string_typing);
  ADD ("set-int", test_set_int);
  ADD ("set-value", test_set_value);
  ADD ("every-field-has-a-label", test_every_field_has_a_label);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Cjm/Edit/set-value-refused/%s",
                                               refused_cases[i].name);

      g_test_add_data_func (path, &refused_cases[i], test_set_value_refused);
    }
  ADD ("set-emotion", test_set_emotion);
  ADD ("set-emotion-refused", test_set_emotion_refused);
  ADD ("clear-emotion", test_clear_emotion);
  ADD ("delete-persona", test_delete_persona);
  ADD ("delete-step", test_delete_step);
  ADD ("delete-stage", test_delete_stage);
  ADD ("delete-lane", test_delete_lane);
  ADD ("delete-card", test_delete_card);
  ADD ("delete-labels", test_delete_labels);
  ADD ("delete-several", test_delete_several);
  ADD ("delete-refused", test_delete_refused);
  ADD ("move-card-in-cell", test_move_card_in_cell);
  ADD ("move-card-to-cell", test_move_card_to_cell);
  ADD ("move-card-clamps-span", test_move_card_clamps_span);
  ADD ("move-card-refused", test_move_card_refused);
  ADD ("resize-card", test_resize_card);
  ADD ("duplicate-card", test_duplicate_card);
  ADD ("move-persona", test_move_persona);
  ADD ("move-stage", test_move_stage);
  ADD ("move-step", test_move_step);
  ADD ("move-step-refused", test_move_step_refused);
  ADD ("move-lane", test_move_lane);
  ADD ("ui-group", test_ui_group);
  ADD ("link-pain-point", test_link_pain_point);
  ADD ("link-pain-point-refused", test_link_pain_point_refused);
  ADD ("link-opportunity", test_link_opportunity);
  ADD ("unlink-cards", test_unlink_cards);
  ADD ("duplicate-stage", test_duplicate_stage);
  ADD ("paste-from-another-map", test_paste_from_another_map);
  ADD ("paste-within-map", test_paste_within_map);
  ADD ("paste-refused", test_paste_refused);
  ADD ("long-session", test_long_session);

#undef ADD

  return g_test_run ();
}
