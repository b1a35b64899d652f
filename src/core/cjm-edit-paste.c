/* cjm-edit-paste.c: copies of elements, with new ids and links that follow
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-edit-private.h"
#include "cjm-emotion.h"
#include "cjm-history.h"
#include "cjm-lane.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

/* Why cards cannot be pasted into a map without a lane for them. */
static const char * const no_lane_messages[] = {
  [CJM_CARD_KIND_TOUCHPOINT] = N_("The map has no channel lane for touchpoints"),
  [CJM_CARD_KIND_NOTE] = N_("The map has no text lane for notes"),
  [CJM_CARD_KIND_PAIN_POINT] = N_("The map has no pain point lane"),
  [CJM_CARD_KIND_OPPORTUNITY] = N_("The map has no opportunity lane"),
  [CJM_CARD_KIND_METRIC] = N_("The map has no KPI lane"),
  [CJM_CARD_KIND_BACKSTAGE] = N_("The map has no backstage lane"),
};

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
id_map_add (GHashTable *id_map,
            gpointer    original,
            gpointer    copy)
{
  g_hash_table_insert (id_map,
                       g_strdup (cjm_element_get_id (original)),
                       g_strdup (cjm_element_get_id (copy)));
}

/* Points the links of @copy, a card not in @map yet, at the copies made
 * along with it (@id_map: original id → copy id); keeps its links to
 * cards and personas of @map and drops the others. */
static void
relink_copy (CjmMap     *map,
             CjmCard    *copy,
             GHashTable *id_map)
{
  static const struct {
    const char *property;
    gboolean    personas;
  } links[] = {
    { "persona-ids", TRUE },
    { "pain-point-ids", FALSE },
    { "touchpoint-ids", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;
      g_auto(GStrv) relinked = NULL;

      g_object_get (copy, links[i].property, &ids, NULL);
      if (ids == NULL)
        continue;

      for (guint j = 0; ids[j] != NULL; j++)
        {
          const char *copy_id = links[i].personas ? NULL : g_hash_table_lookup (id_map, ids[j]);
          GType type = links[i].personas ? CJM_TYPE_PERSONA : CJM_TYPE_CARD;

          if (copy_id != NULL)
            g_strv_builder_add (builder, copy_id);
          else if (cjm_map_lookup_typed (map, ids[j], type) != NULL)
            g_strv_builder_add (builder, ids[j]);
        }

      relinked = g_strv_builder_end (builder);
      g_object_set (copy, links[i].property, relinked, NULL);
    }
}

/* Copies of the connections of @connections between copied cards. */
static GPtrArray *
copy_connections (GListModel *connections,
                  GHashTable *id_map)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = connections != NULL ? g_list_model_get_n_items (connections) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      const char *from = g_hash_table_lookup (id_map, cjm_connection_get_from_id (connection));
      const char *to = g_hash_table_lookup (id_map, cjm_connection_get_to_id (connection));
      CjmElement *copy;

      if (from == NULL || to == NULL)
        continue;

      copy = cjm_element_copy (CJM_ELEMENT (connection), NULL);
      cjm_connection_set_from_id (CJM_CONNECTION (copy), from);
      cjm_connection_set_to_id (CJM_CONNECTION (copy), to);
      g_ptr_array_add (copies, copy);
    }

  return copies;
}

/* Adds to @copies copies of the items of @model (cards or emotions) at
 * the steps copied in @id_map, at the copies of those steps; and adds the
 * copies of cards to @id_map, for links to follow them. */
static void
copy_at_steps (GListModel *model,
               GHashTable *id_map,
               GPtrArray  *copies)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
      g_autofree char *step_id = NULL;
      const char *copy_step_id;
      CjmElement *copy;

      g_object_get (element, "step-id", &step_id, NULL);
      copy_step_id = step_id != NULL ? g_hash_table_lookup (id_map, step_id) : NULL;
      if (copy_step_id == NULL)
        continue;

      copy = cjm_element_copy (element, NULL);
      g_object_set (copy, "step-id", copy_step_id, NULL);
      g_ptr_array_add (copies, copy);

      if (CJM_IS_CARD (element))
        id_map_add (id_map, element, copy);
    }
}

static void
push_append_all (CjmHistory *history,
                 const char *label,
                 GListStore *store,
                 GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    _cjm_edit_push_insert (history, label, store, G_MAXUINT, g_ptr_array_index (items, i));
}

/**
 * cjm_edit_duplicate_stage:
 * @history: the history of the map to change
 * @stage: a stage of the map
 *
 * Copies the stage right after it, with copies of its steps, of the cards
 * starting at them, of the emotions at them and of the connections
 * between the copied cards, all with new ids. Links between copied cards
 * point at the copies; other links are kept.
 *
 * Returns: (transfer none): the copy of the stage
 */
CjmStage *
cjm_edit_duplicate_stage (CjmHistory *history,
                          CjmStage   *stage)
{
  const char *label = _("Duplicate Stage");
  g_autoptr(GHashTable) id_map = id_map_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) emotions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(CjmElement) copy = NULL;
  GListModel *steps;
  GListStore *stages;
  CjmMap *map;
  guint position;
  guint n;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_STAGE (stage), NULL);

  map = cjm_history_get_map (history);
  stages = _cjm_map_get_store (map, CJM_TYPE_STAGE);
  g_return_val_if_fail (g_list_store_find (stages, stage, &position), NULL);

  /* Made before they are in the map: the command inserting the stage
   * brings its steps along. */
  copy = cjm_element_copy (CJM_ELEMENT (stage), NULL);
  steps = cjm_stage_get_steps (stage);
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) step = g_list_model_get_item (steps, i);
      g_autoptr(CjmElement) step_copy = cjm_element_copy (step, NULL);

      g_list_store_append (_cjm_stage_get_step_store (CJM_STAGE (copy)), step_copy);
      id_map_add (id_map, step, step_copy);
    }

  copy_at_steps (cjm_map_get_cards (map), id_map, cards);
  for (guint i = 0; i < cards->len; i++)
    relink_copy (map, g_ptr_array_index (cards, i), id_map);
  copy_at_steps (cjm_map_get_emotions (map), id_map, emotions);

  connections = copy_connections (cjm_map_get_connections (map), id_map);

  cjm_history_begin_group (history, label);
  _cjm_edit_push_insert (history, label, stages, position + 1, copy);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_CARD), cards);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_EMOTION), emotions);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_CONNECTION), connections);
  cjm_history_end_group (history);

  return CJM_STAGE (copy);
}

/* The lane a pasted card of @kind goes in: @target if it fits, else the
 * card's own lane if this map has it, else the first lane that fits. */
static CjmLane *
choose_lane (CjmMap      *map,
             CjmCardKind  kind,
             CjmLane     *target,
             const char  *own_lane_id)
{
  CjmLaneKind lane_kind = cjm_card_kind_get_lane_kind (kind);
  GListModel *lanes;
  CjmLane *own;
  guint n;

  if (target != NULL && cjm_lane_get_kind (target) == lane_kind)
    return target;

  own = cjm_map_lookup_typed (map, own_lane_id, CJM_TYPE_LANE);
  if (own != NULL && cjm_lane_get_kind (own) == lane_kind)
    return own;

  lanes = cjm_map_get_lanes (map);
  n = g_list_model_get_n_items (lanes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

      if (cjm_lane_get_kind (lane) == lane_kind)
        return lane;
    }

  return NULL;
}

/**
 * cjm_edit_paste_cards:
 * @history: the history of the map to change
 * @cards: (element-type CjmCard): cards to copy, from this map or another
 *   (say, read from the clipboard)
 * @connections: (nullable) (element-type CjmConnection): connections,
 *   of which those between two of @cards are copied too
 * @lane_id: (nullable): the lane to paste into, for the cards it fits
 * @step_id: the step to paste at
 * @error: where to put why the cards cannot be pasted
 *
 * Adds copies of @cards with new ids, as one step, each last in its cell.
 *
 * Lanes: a card goes in @lane_id if it fits there; else in its own lane
 * if this map has it and it fits; else in the first lane of the map that
 * fits.
 *
 * Steps: when every card's step is in this map (a copy within the map),
 * the cards keep their places relative to each other, the leftmost at
 * @step_id; otherwise they all go at @step_id. Cards are made narrower
 * where they would run past the last step.
 *
 * Links: connections, pain points and touchpoints between pasted cards
 * link the copies; links to cards and personas of this map are kept;
 * links to anything else are dropped.
 *
 * Returns: (transfer container) (element-type CjmCard) (nullable): the
 *   copies, in the order of @cards; or %NULL, with nothing changed, if
 *   @step_id or @lane_id are not in the map (%CJM_EDIT_ERROR_NOT_FOUND) or
 *   a card has no lane to go in (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
GPtrArray *
cjm_edit_paste_cards (CjmHistory  *history,
                      GPtrArray   *cards,
                      GPtrArray   *connections,
                      const char  *lane_id,
                      const char  *step_id,
                      GError     **error)
{
  g_autoptr(GHashTable) id_map = id_map_new ();
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) connection_copies = NULL;
  g_autoptr(GListStore) pasted_connections = NULL;
  g_auto(CjmColumns) columns = { 0 };
  CjmLane *target_lane = NULL;
  gboolean keep_offsets = TRUE;
  guint leftmost = G_MAXUINT;
  const char *label;
  guint target;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (cards != NULL && cards->len > 0, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < cards->len; i++)
    g_return_val_if_fail (CJM_IS_CARD (g_ptr_array_index (cards, i)), NULL);
  for (guint i = 0; connections != NULL && i < connections->len; i++)
    g_return_val_if_fail (CJM_IS_CONNECTION (g_ptr_array_index (connections, i)), NULL);

  map = cjm_history_get_map (history);
  _cjm_edit_columns_init (&columns, map);

  if (!_cjm_edit_columns_find (&columns, step_id, &target))
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                           _("The step is no longer in the map"));
      return NULL;
    }

  if (lane_id != NULL &&
      !(target_lane = cjm_map_lookup_typed (map, lane_id, CJM_TYPE_LANE)))
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                           _("The lane is no longer in the map"));
      return NULL;
    }

  for (guint i = 0; i < cards->len; i++)
    {
      guint index;

      if (_cjm_edit_columns_find (&columns, cjm_card_get_step_id (g_ptr_array_index (cards, i)), &index))
        leftmost = MIN (leftmost, index);
      else
        keep_offsets = FALSE;
    }

  copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      CjmCardKind kind = cjm_card_get_kind (card);
      CjmLane *lane = choose_lane (map, kind, target_lane, cjm_card_get_lane_id (card));
      CjmCard *copy;
      guint index = target;

      if (lane == NULL)
        {
          g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                               _(no_lane_messages[kind]));
          return NULL;
        }

      if (keep_offsets)
        {
          _cjm_edit_columns_find (&columns, cjm_card_get_step_id (card), &index);
          index = MIN (target + (index - leftmost), columns.steps->len - 1);
        }

      copy = CJM_CARD (cjm_element_copy (CJM_ELEMENT (card), NULL));
      cjm_card_set_lane_id (copy, cjm_element_get_id (CJM_ELEMENT (lane)));
      cjm_card_set_step_id (copy, cjm_element_get_id (g_ptr_array_index (columns.steps, index)));
      cjm_card_set_span (copy, MIN (cjm_card_get_span (copy),
                                    _cjm_edit_columns_max_span (&columns, index)));
      g_ptr_array_add (copies, copy);
      id_map_add (id_map, card, copy);
    }

  for (guint i = 0; i < copies->len; i++)
    relink_copy (map, g_ptr_array_index (copies, i), id_map);

  if (connections != NULL)
    {
      pasted_connections = g_list_store_new (CJM_TYPE_CONNECTION);
      for (guint i = 0; i < connections->len; i++)
        g_list_store_append (pasted_connections, g_ptr_array_index (connections, i));
    }
  connection_copies = copy_connections (pasted_connections != NULL ?
                                        G_LIST_MODEL (pasted_connections) : NULL,
                                        id_map);

  if (copies->len == 1)
    label = _cjm_edit_card_label (cjm_card_get_kind (g_ptr_array_index (copies, 0)), CARD_PASTE);
  else
    label = _("Paste Cards");

  cjm_history_begin_group (history, label);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_CARD), copies);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_CONNECTION),
                   connection_copies);
  cjm_history_end_group (history);

  return g_steal_pointer (&copies);
}

/**
 * cjm_edit_duplicate_persona:
 * @history: the history of the map to change
 * @persona: a persona of the map
 *
 * Copies the persona right after it, named as a copy, with copies of its
 * emotions: a variant of a persona starts from the same journey.
 *
 * Returns: (transfer none): the copy of the persona
 */
CjmPersona *
cjm_edit_duplicate_persona (CjmHistory *history,
                            CjmPersona *persona)
{
  const char *label = _("Duplicate Persona");
  g_autoptr(GPtrArray) emotions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CjmElement) copy = NULL;
  g_autofree char *name = NULL;
  const char *persona_id;
  GListModel *model;
  GListStore *personas;
  CjmMap *map;
  guint position;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_PERSONA (persona), NULL);

  map = cjm_history_get_map (history);
  personas = _cjm_map_get_store (map, CJM_TYPE_PERSONA);
  g_return_val_if_fail (g_list_store_find (personas, persona, &position), NULL);

  copy = cjm_element_copy (CJM_ELEMENT (persona), NULL);
  if (cjm_persona_get_name (persona) != NULL && cjm_persona_get_name (persona)[0] != '\0')
    /* Translators: the name of a duplicated persona, e.g. "Camille (Copy)" */
    name = g_strdup_printf (_("%s (Copy)"), cjm_persona_get_name (persona));
  cjm_persona_set_name (CJM_PERSONA (copy), name);

  persona_id = cjm_element_get_id (CJM_ELEMENT (persona));
  model = cjm_map_get_emotions (map);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (model, i);
      CjmElement *emotion_copy;

      if (g_strcmp0 (cjm_emotion_get_persona_id (emotion), persona_id) != 0)
        continue;

      emotion_copy = cjm_element_copy (CJM_ELEMENT (emotion), NULL);
      cjm_emotion_set_persona_id (CJM_EMOTION (emotion_copy), cjm_element_get_id (copy));
      g_ptr_array_add (emotions, emotion_copy);
    }

  cjm_history_begin_group (history, label);
  _cjm_edit_push_insert (history, label, personas, position + 1, copy);
  push_append_all (history, label, _cjm_map_get_store (map, CJM_TYPE_EMOTION), emotions);
  cjm_history_end_group (history);

  return CJM_PERSONA (copy);
}
