/* cjm-edit.c: every change the user makes to a map, as undoable commands
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-edit-private.h"
#include "cjm-emotion.h"
#include "cjm-history.h"
#include "cjm-lane.h"
#include "cjm-list-command.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-property-command.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

G_DEFINE_QUARK (cjm-edit-error-quark, cjm_edit_error)

/* The widest a card can be: the maximum of CjmCard:span. */
#define MAX_SPAN 1000

/* Labels of the changes to cards, by kind of card: the user sees "Undo
 * Move Pain Point", not "Undo Move Card". */
static const char * const card_labels[][N_CARD_ACTIONS] = {
  [CJM_CARD_KIND_TOUCHPOINT] = {
    N_("Add Touchpoint"), N_("Move Touchpoint"), N_("Resize Touchpoint"),
    N_("Duplicate Touchpoint"), N_("Delete Touchpoint"), N_("Delete Touchpoints"),
    N_("Paste Touchpoint"),
  },
  [CJM_CARD_KIND_NOTE] = {
    N_("Add Note"), N_("Move Note"), N_("Resize Note"),
    N_("Duplicate Note"), N_("Delete Note"), N_("Delete Notes"),
    N_("Paste Note"),
  },
  [CJM_CARD_KIND_PAIN_POINT] = {
    N_("Add Pain Point"), N_("Move Pain Point"), N_("Resize Pain Point"),
    N_("Duplicate Pain Point"), N_("Delete Pain Point"), N_("Delete Pain Points"),
    N_("Paste Pain Point"),
  },
  [CJM_CARD_KIND_OPPORTUNITY] = {
    N_("Add Opportunity"), N_("Move Opportunity"), N_("Resize Opportunity"),
    N_("Duplicate Opportunity"), N_("Delete Opportunity"), N_("Delete Opportunities"),
    N_("Paste Opportunity"),
  },
  [CJM_CARD_KIND_METRIC] = {
    N_("Add KPI"), N_("Move KPI"), N_("Resize KPI"),
    N_("Duplicate KPI"), N_("Delete KPI"), N_("Delete KPIs"),
    N_("Paste KPI"),
  },
  [CJM_CARD_KIND_BACKSTAGE] = {
    N_("Add Backstage Action"), N_("Move Backstage Action"), N_("Resize Backstage Action"),
    N_("Duplicate Backstage Action"), N_("Delete Backstage Action"),
    N_("Delete Backstage Actions"), N_("Paste Backstage Action"),
  },
};

/* Why a card cannot go in a lane of another kind. */
static const char * const wrong_lane_messages[] = {
  [CJM_CARD_KIND_TOUCHPOINT] = N_("Touchpoints go in channel lanes"),
  [CJM_CARD_KIND_NOTE] = N_("Notes go in text lanes"),
  [CJM_CARD_KIND_PAIN_POINT] = N_("Pain points go in pain point lanes"),
  [CJM_CARD_KIND_OPPORTUNITY] = N_("Opportunities go in opportunity lanes"),
  [CJM_CARD_KIND_METRIC] = N_("KPIs go in KPI lanes"),
  [CJM_CARD_KIND_BACKSTAGE] = N_("Backstage actions go in backstage lanes"),
};

const char *
_cjm_edit_card_label (CjmCardKind kind,
                      CardAction  action)
{
  g_assert (kind < G_N_ELEMENTS (card_labels));
  g_assert (action < N_CARD_ACTIONS);

  return _(card_labels[kind][action]);
}

static const char *
wrong_lane_message (CjmCardKind kind)
{
  g_assert (kind < G_N_ELEMENTS (wrong_lane_messages));

  return _(wrong_lane_messages[kind]);
}

/* Helpers shared by the edits */

void
_cjm_edit_push (CjmHistory *history,
                CjmCommand *command)
{
  cjm_history_push (history, command);
  g_object_unref (command);
}

void
_cjm_edit_push_insert (CjmHistory *history,
                       const char *label,
                       GListStore *store,
                       guint       position,
                       gpointer    item)
{
  _cjm_edit_push (history, cjm_list_command_new_insert (label, store, position, item));
}

void
_cjm_edit_push_remove (CjmHistory *history,
                       const char *label,
                       GListStore *store,
                       gpointer    item)
{
  _cjm_edit_push (history, cjm_list_command_new_remove (label, store, item));
}

void
_cjm_edit_push_set_int (CjmHistory *history,
                        const char *label,
                        gpointer    object,
                        const char *property,
                        int         number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  _cjm_edit_push (history, cjm_property_command_new (label, object, property, &value));
}

void
_cjm_edit_push_set_string (CjmHistory *history,
                           const char *label,
                           gpointer    object,
                           const char *property,
                           const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  _cjm_edit_push (history, cjm_property_command_new (label, object, property, &value));
}

void
_cjm_edit_push_set_strv (CjmHistory         *history,
                         const char         *label,
                         gpointer            object,
                         const char         *property,
                         const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  _cjm_edit_push (history, cjm_property_command_new (label, object, property, &value));
}

gboolean
_cjm_edit_has_element (CjmMap  *map,
                       gpointer element)
{
  return CJM_IS_ELEMENT (element) &&
         cjm_map_lookup (map, cjm_element_get_id (element)) == element;
}

void
_cjm_edit_columns_init (CjmColumns *columns,
                   CjmMap     *map)
{
  columns->steps = cjm_map_dup_steps (map);
  columns->indexes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < columns->steps->len; i++)
    {
      const char *id = cjm_element_get_id (g_ptr_array_index (columns->steps, i));

      if (!g_hash_table_contains (columns->indexes, id))
        g_hash_table_insert (columns->indexes, (gpointer)id, GUINT_TO_POINTER (i + 1));
    }
}

void
_cjm_edit_columns_clear (CjmColumns *columns)
{
  g_clear_pointer (&columns->indexes, g_hash_table_unref);
  g_clear_pointer (&columns->steps, g_ptr_array_unref);
}

gboolean
_cjm_edit_columns_find (CjmColumns *columns,
                   const char *step_id,
                   guint      *index)
{
  guint found = step_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (columns->indexes, step_id)) : 0;

  if (found == 0)
    return FALSE;

  *index = found - 1;

  return TRUE;
}

/* The widest a card starting at column @index may be. */
int
_cjm_edit_columns_max_span (CjmColumns *columns,
                       guint       index)
{
  g_assert (index < columns->steps->len);

  return MIN (columns->steps->len - index, MAX_SPAN);
}

/* Where in the map's card list a card goes to be at @position (-1: last)
 * among the cards of the cell at @lane_id and @step_id, counting in the
 * list without @card when it is already there. A card going to an empty
 * cell stays where it is, or a new one goes last. */
static guint
cell_list_position (CjmMap     *map,
                    const char *lane_id,
                    const char *step_id,
                    int         position,
                    CjmCard    *card)
{
  GListModel *cards = cjm_map_get_cards (map);
  guint n = g_list_model_get_n_items (cards);
  guint in_cell = 0;
  guint after_last = G_MAXUINT;
  guint current = n;
  guint j = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) other = g_list_model_get_item (cards, i);

      if (other == card)
        {
          current = i;
          continue;
        }

      if (g_strcmp0 (cjm_card_get_lane_id (other), lane_id) == 0 &&
          g_strcmp0 (cjm_card_get_step_id (other), step_id) == 0)
        {
          if (position >= 0 && in_cell == (guint)position)
            return j;

          in_cell++;
          after_last = j + 1;
        }

      j++;
    }

  return after_last != G_MAXUINT ? after_last : current;
}

static gboolean
check_card_fits_lane (CjmCardKind   kind,
                      CjmLane      *lane,
                      GError      **error)
{
  if (cjm_lane_get_kind (lane) == cjm_card_kind_get_lane_kind (kind))
    return TRUE;

  g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                       wrong_lane_message (kind));

  return FALSE;
}

static gpointer
find_or_fail (CjmMap      *map,
              const char  *id,
              GType        type,
              GError     **error)
{
  gpointer element = cjm_map_lookup_typed (map, id, type);

  if (element != NULL)
    return element;

  if (type == CJM_TYPE_LANE)
    g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                         _("The lane is no longer in the map"));
  else if (type == CJM_TYPE_STEP)
    g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                         _("The step is no longer in the map"));
  else if (type == CJM_TYPE_PERSONA)
    g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                         _("The persona is no longer in the map"));
  else
    g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                         _("The card is no longer in the map"));

  return NULL;
}

/* After steps moved, a card may run past the last step: make it narrower,
 * in the same step to undo. */
static void
push_span_clamps (CjmHistory *history,
                  const char *label)
{
  CjmMap *map = cjm_history_get_map (history);
  GListModel *cards = cjm_map_get_cards (map);
  guint n = g_list_model_get_n_items (cards);
  g_auto(CjmColumns) columns = { 0 };

  _cjm_edit_columns_init (&columns, map);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);
      guint index;

      if (_cjm_edit_columns_find (&columns, cjm_card_get_step_id (card), &index) &&
          cjm_card_get_span (card) > _cjm_edit_columns_max_span (&columns, index))
        _cjm_edit_push_set_int (history, label, card, "span",
                                _cjm_edit_columns_max_span (&columns, index));
    }
}

static gboolean
push_move_in_store (CjmHistory *history,
                    const char *label,
                    GListStore *store,
                    gpointer    item,
                    guint       position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint current;

  if (!g_list_store_find (store, item, &current))
    return FALSE;

  if (MIN (position, n - 1) == current)
    return FALSE;

  _cjm_edit_push (history, cjm_list_command_new_move (label, store, item, position));

  return TRUE;
}

static guint
insert_position (int position)
{
  return position < 0 ? G_MAXUINT : (guint)position;
}

/* Public API */

/**
 * cjm_card_kind_get_lane_kind:
 * @kind: a #CjmCardKind
 *
 * Returns: the kind of lane cards of @kind go in
 */
CjmLaneKind
cjm_card_kind_get_lane_kind (CjmCardKind kind)
{
  switch (kind)
    {
    case CJM_CARD_KIND_TOUCHPOINT:
      return CJM_LANE_KIND_CHANNEL;

    case CJM_CARD_KIND_NOTE:
      return CJM_LANE_KIND_TEXT;

    case CJM_CARD_KIND_PAIN_POINT:
      return CJM_LANE_KIND_PAIN_POINTS;

    case CJM_CARD_KIND_OPPORTUNITY:
      return CJM_LANE_KIND_OPPORTUNITIES;

    case CJM_CARD_KIND_METRIC:
      return CJM_LANE_KIND_METRICS;

    case CJM_CARD_KIND_BACKSTAGE:
      return CJM_LANE_KIND_BACKSTAGE;

    default:
      g_return_val_if_reached (CJM_LANE_KIND_TEXT);
    }
}

/**
 * cjm_edit_add_persona:
 * @history: the history of the map to change
 * @position: where the persona goes among the personas, or -1 for last
 * @name: (nullable): the persona's name
 *
 * Returns: (transfer none): the new persona
 */
CjmPersona *
cjm_edit_add_persona (CjmHistory *history,
                      int         position,
                      const char *name)
{
  g_autoptr(CjmPersona) persona = NULL;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);

  map = cjm_history_get_map (history);
  persona = cjm_persona_new (NULL);
  cjm_persona_set_name (persona, name);

  _cjm_edit_push_insert (history, _("Add Persona"),
                         _cjm_map_get_store (map, CJM_TYPE_PERSONA),
                         insert_position (position), persona);

  return persona;
}

/**
 * cjm_edit_add_stage:
 * @history: the history of the map to change
 * @position: where the stage goes among the stages, or -1 for last
 * @name: (nullable): the stage's name
 *
 * Adds a stage with one step: a stage is never empty.
 *
 * Returns: (transfer none): the new stage
 */
CjmStage *
cjm_edit_add_stage (CjmHistory *history,
                    int         position,
                    const char *name)
{
  g_autoptr(CjmStage) stage = NULL;
  g_autoptr(CjmStep) step = NULL;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);

  map = cjm_history_get_map (history);
  stage = cjm_stage_new (NULL);
  cjm_stage_set_name (stage, name);

  /* Part of making the stage, before it is in the map: the command that
   * inserts the stage brings its step along, and takes it back. */
  step = cjm_step_new (NULL);
  g_list_store_append (_cjm_stage_get_step_store (stage), step);

  _cjm_edit_push_insert (history, _("Add Stage"),
                         _cjm_map_get_store (map, CJM_TYPE_STAGE),
                         insert_position (position), stage);

  return stage;
}

/**
 * cjm_edit_add_step:
 * @history: the history of the map to change
 * @stage: a stage of the map
 * @position: where the step goes among the stage's steps, or -1 for last
 * @name: (nullable): the step's name
 *
 * Returns: (transfer none): the new step
 */
CjmStep *
cjm_edit_add_step (CjmHistory *history,
                   CjmStage   *stage,
                   int         position,
                   const char *name)
{
  g_autoptr(CjmStep) step = NULL;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_STAGE (stage), NULL);
  g_return_val_if_fail (_cjm_edit_has_element (cjm_history_get_map (history), stage), NULL);

  step = cjm_step_new (NULL);
  cjm_step_set_name (step, name);

  _cjm_edit_push_insert (history, _("Add Step"),
                         _cjm_stage_get_step_store (stage),
                         insert_position (position), step);

  return step;
}

/**
 * cjm_edit_add_lane:
 * @history: the history of the map to change
 * @position: where the lane goes among the lanes, or -1 for last
 * @kind: what the lane holds
 * @name: (nullable): the lane's name
 *
 * Returns: (transfer none): the new lane
 */
CjmLane *
cjm_edit_add_lane (CjmHistory  *history,
                   int          position,
                   CjmLaneKind  kind,
                   const char  *name)
{
  g_autoptr(CjmLane) lane = NULL;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (kind <= CJM_LANE_KIND_BACKSTAGE, NULL);

  map = cjm_history_get_map (history);
  lane = cjm_lane_new (NULL);
  cjm_lane_set_kind (lane, kind);
  cjm_lane_set_name (lane, name);

  _cjm_edit_push_insert (history, _("Add Lane"),
                         _cjm_map_get_store (map, CJM_TYPE_LANE),
                         insert_position (position), lane);

  return lane;
}

/**
 * cjm_edit_add_card:
 * @history: the history of the map to change
 * @kind: the kind of card
 * @lane_id: the lane the card goes in: it must be of the kind for @kind
 * @step_id: the step the card starts at
 * @position: where the card goes among the cards of its cell, or -1 for last
 * @title: (nullable): the card's title
 * @error: where to put why the card cannot be added
 *
 * Returns: (transfer none) (nullable): the new card, one step wide; or
 *   %NULL if the lane or step is not in the map (%CJM_EDIT_ERROR_NOT_FOUND)
 *   or the lane is of another kind (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
CjmCard *
cjm_edit_add_card (CjmHistory   *history,
                   CjmCardKind   kind,
                   const char   *lane_id,
                   const char   *step_id,
                   int           position,
                   const char   *title,
                   GError      **error)
{
  g_autoptr(CjmCard) card = NULL;
  CjmMap *map;
  CjmLane *lane;
  guint list_position;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (kind <= CJM_CARD_KIND_BACKSTAGE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = cjm_history_get_map (history);

  if (!(lane = find_or_fail (map, lane_id, CJM_TYPE_LANE, error)) ||
      !find_or_fail (map, step_id, CJM_TYPE_STEP, error) ||
      !check_card_fits_lane (kind, lane, error))
    return NULL;

  card = cjm_card_new (NULL);
  cjm_card_set_kind (card, kind);
  cjm_card_set_lane_id (card, lane_id);
  cjm_card_set_step_id (card, step_id);
  cjm_card_set_title (card, title);

  list_position = cell_list_position (map, lane_id, step_id, position, NULL);

  _cjm_edit_push_insert (history, _cjm_edit_card_label (kind, CARD_ADD),
                         _cjm_map_get_store (map, CJM_TYPE_CARD),
                         list_position, card);

  return card;
}

/**
 * cjm_edit_connect:
 * @history: the history of the map to change
 * @from_id: the card the connection starts from
 * @to_id: the card the connection leads to
 * @label: (nullable): what the connection says
 * @error: where to put why the cards cannot be connected
 *
 * Returns: (transfer none) (nullable): the new connection; or %NULL if a
 *   card is not in the map (%CJM_EDIT_ERROR_NOT_FOUND), or the cards are
 *   one and the same, or already connected this way
 *   (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
CjmConnection *
cjm_edit_connect (CjmHistory  *history,
                  const char  *from_id,
                  const char  *to_id,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(CjmConnection) connection = NULL;
  GListModel *connections;
  CjmMap *map;
  guint n;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = cjm_history_get_map (history);

  if (!find_or_fail (map, from_id, CJM_TYPE_CARD, error) ||
      !find_or_fail (map, to_id, CJM_TYPE_CARD, error))
    return NULL;

  if (strcmp (from_id, to_id) == 0)
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                           _("A card cannot be connected to itself"));
      return NULL;
    }

  connections = cjm_map_get_connections (map);
  n = g_list_model_get_n_items (connections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) other = g_list_model_get_item (connections, i);

      if (g_strcmp0 (cjm_connection_get_from_id (other), from_id) == 0 &&
          g_strcmp0 (cjm_connection_get_to_id (other), to_id) == 0)
        {
          g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                               _("These cards are already connected"));
          return NULL;
        }
    }

  connection = cjm_connection_new (NULL);
  cjm_connection_set_from_id (connection, from_id);
  cjm_connection_set_to_id (connection, to_id);
  cjm_connection_set_label (connection, label);

  _cjm_edit_push_insert (history, _("Connect Cards"),
                         _cjm_map_get_store (map, CJM_TYPE_CONNECTION),
                         G_MAXUINT, connection);

  return connection;
}

/**
 * cjm_edit_add_revision:
 * @history: the history of the map to change
 * @date: (nullable): when, as YYYY-MM-DD
 * @author: (nullable): who revised the map
 * @note: (nullable): what changed
 *
 * Adds a revision note after the others.
 *
 * Returns: (transfer none): the new revision note
 */
CjmRevision *
cjm_edit_add_revision (CjmHistory *history,
                       const char *date,
                       const char *author,
                       const char *note)
{
  g_autoptr(CjmRevision) revision = NULL;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);

  map = cjm_history_get_map (history);
  revision = cjm_revision_new (NULL);
  cjm_revision_set_date (revision, date);
  cjm_revision_set_author (revision, author);
  cjm_revision_set_note (revision, note);

  _cjm_edit_push_insert (history, _("Add Revision Note"),
                         _cjm_map_get_store (map, CJM_TYPE_REVISION),
                         G_MAXUINT, revision);

  return revision;
}

/**
 * cjm_edit_set_emotion:
 * @history: the history of the map to change
 * @persona_id: a persona of the map
 * @step_id: a step of the map
 * @score: how the persona feels at the step, from -3 to 3
 * @error: where to put why the emotion cannot be set
 *
 * Places the persona's emotion curve at @score for the step: gives the
 * existing emotion that score, or makes one.
 *
 * Returns: (transfer none) (nullable): the emotion; or %NULL if the
 *   persona or step is not in the map (%CJM_EDIT_ERROR_NOT_FOUND) or the
 *   score is out of range (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
CjmEmotion *
cjm_edit_set_emotion (CjmHistory  *history,
                      const char  *persona_id,
                      const char  *step_id,
                      int          score,
                      GError     **error)
{
  g_autoptr(CjmEmotion) emotion = NULL;
  CjmEmotion *existing;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = cjm_history_get_map (history);

  if (score < -3 || score > 3)
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                           _("An emotion goes from −3 (frustrated) to +3 (delighted)"));
      return NULL;
    }

  if (!find_or_fail (map, persona_id, CJM_TYPE_PERSONA, error) ||
      !find_or_fail (map, step_id, CJM_TYPE_STEP, error))
    return NULL;

  existing = cjm_map_find_emotion (map, persona_id, step_id);

  if (existing != NULL)
    {
      if (cjm_emotion_get_score (existing) != score)
        _cjm_edit_push_set_int (history, _("Change Emotion"), existing, "score", score);

      return existing;
    }

  emotion = cjm_emotion_new (NULL);
  cjm_emotion_set_persona_id (emotion, persona_id);
  cjm_emotion_set_step_id (emotion, step_id);
  cjm_emotion_set_score (emotion, score);

  _cjm_edit_push_insert (history, _("Change Emotion"),
                         _cjm_map_get_store (map, CJM_TYPE_EMOTION),
                         G_MAXUINT, emotion);

  return emotion;
}

/**
 * cjm_edit_clear_emotion:
 * @history: the history of the map to change
 * @persona_id: a persona id
 * @step_id: a step id
 *
 * Takes the persona's emotion at the step away, if there is one.
 */
void
cjm_edit_clear_emotion (CjmHistory *history,
                        const char *persona_id,
                        const char *step_id)
{
  CjmEmotion *emotion;
  CjmMap *map;

  g_return_if_fail (CJM_IS_HISTORY (history));

  map = cjm_history_get_map (history);
  emotion = cjm_map_find_emotion (map, persona_id, step_id);

  if (emotion != NULL)
    _cjm_edit_push_remove (history, _("Clear Emotion"),
                           _cjm_map_get_store (map, CJM_TYPE_EMOTION), emotion);
}

/**
 * cjm_edit_move_card:
 * @history: the history of the map to change
 * @card: a card of the map
 * @lane_id: the lane the card goes to: it must be of the card's kind
 * @step_id: the step the card starts at
 * @position: the place the card takes among the cards of that cell
 *   (the others, left in their order), or -1 for last
 * @error: where to put why the card cannot go there
 *
 * Moves a card to a cell, or within its cell. The order of the cards in a
 * cell is their order in the map's card list, so the card moves in that
 * list too. A card too wide for where it lands is made narrower, so that
 * it stops at the last step: dropping a wide card near the end works, and
 * undo gives it its width back.
 *
 * Returns: %TRUE if the card is there (or already was); %FALSE if the lane
 *   or step is not in the map (%CJM_EDIT_ERROR_NOT_FOUND) or the lane is
 *   of another kind (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
gboolean
cjm_edit_move_card (CjmHistory  *history,
                    CjmCard     *card,
                    const char  *lane_id,
                    const char  *step_id,
                    int          position,
                    GError     **error)
{
  g_auto(CjmColumns) columns = { 0 };
  GListStore *store;
  const char *label;
  CjmMap *map;
  CjmLane *lane;
  guint current;
  guint list_position;
  guint index;
  int span;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  store = _cjm_map_get_store (map, CJM_TYPE_CARD);

  g_return_val_if_fail (g_list_store_find (store, card, &current), FALSE);

  if (!(lane = find_or_fail (map, lane_id, CJM_TYPE_LANE, error)) ||
      !find_or_fail (map, step_id, CJM_TYPE_STEP, error) ||
      !check_card_fits_lane (cjm_card_get_kind (card), lane, error))
    return FALSE;

  _cjm_edit_columns_init (&columns, map);
  _cjm_edit_columns_find (&columns, step_id, &index);
  span = MIN (cjm_card_get_span (card), _cjm_edit_columns_max_span (&columns, index));
  list_position = cell_list_position (map, lane_id, step_id, position, card);

  if (g_strcmp0 (cjm_card_get_lane_id (card), lane_id) == 0 &&
      g_strcmp0 (cjm_card_get_step_id (card), step_id) == 0 &&
      span == cjm_card_get_span (card) &&
      list_position == current)
    return TRUE;

  label = _cjm_edit_card_label (cjm_card_get_kind (card), CARD_MOVE);

  cjm_history_begin_group (history, label);
  if (g_strcmp0 (cjm_card_get_lane_id (card), lane_id) != 0)
    _cjm_edit_push_set_string (history, label, card, "lane-id", lane_id);
  if (g_strcmp0 (cjm_card_get_step_id (card), step_id) != 0)
    _cjm_edit_push_set_string (history, label, card, "step-id", step_id);
  if (span != cjm_card_get_span (card))
    _cjm_edit_push_set_int (history, label, card, "span", span);
  if (list_position != current)
    _cjm_edit_push (history, cjm_list_command_new_move (label, store, card, list_position));
  cjm_history_end_group (history);

  return TRUE;
}

/**
 * cjm_edit_resize_card:
 * @history: the history of the map to change
 * @card: a card of the map
 * @span: how many steps the card covers, from its first
 * @error: where to put why the card cannot be that wide
 *
 * Returns: %TRUE if the card has that width (or already had); %FALSE if
 *   it would run past the last step of the map
 *   (%CJM_EDIT_ERROR_NOT_ALLOWED) or its step is not in the map
 *   (%CJM_EDIT_ERROR_NOT_FOUND)
 */
gboolean
cjm_edit_resize_card (CjmHistory  *history,
                      CjmCard     *card,
                      int          span,
                      GError     **error)
{
  g_auto(CjmColumns) columns = { 0 };
  CjmMap *map;
  guint index;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);
  g_return_val_if_fail (span >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  g_return_val_if_fail (_cjm_edit_has_element (map, card), FALSE);

  _cjm_edit_columns_init (&columns, map);

  if (!_cjm_edit_columns_find (&columns, cjm_card_get_step_id (card), &index))
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                           _("The step is no longer in the map"));
      return FALSE;
    }

  if (span > _cjm_edit_columns_max_span (&columns, index))
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                           _("A card cannot run past the last step"));
      return FALSE;
    }

  if (span != cjm_card_get_span (card))
    _cjm_edit_push_set_int (history,
                            _cjm_edit_card_label (cjm_card_get_kind (card), CARD_RESIZE),
                            card, "span", span);

  return TRUE;
}

/**
 * cjm_edit_duplicate_card:
 * @history: the history of the map to change
 * @card: a card of the map
 *
 * Copies the card, with a new id, right after it in its cell. Connections
 * are not copied.
 *
 * Returns: (transfer none): the copy
 */
CjmCard *
cjm_edit_duplicate_card (CjmHistory *history,
                         CjmCard    *card)
{
  g_autoptr(CjmElement) copy = NULL;
  GListStore *store;
  guint position;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_CARD (card), NULL);

  store = _cjm_map_get_store (cjm_history_get_map (history), CJM_TYPE_CARD);
  g_return_val_if_fail (g_list_store_find (store, card, &position), NULL);

  copy = cjm_element_copy (CJM_ELEMENT (card), NULL);

  _cjm_edit_push_insert (history,
                         _cjm_edit_card_label (cjm_card_get_kind (card), CARD_DUPLICATE),
                         store, position + 1, copy);

  return CJM_CARD (copy);
}

/**
 * cjm_edit_move_persona:
 * @history: the history of the map to change
 * @persona: a persona of the map
 * @position: the place it takes among the personas; past the end: last
 *
 * Returns: %TRUE, unless @persona is not a persona of the map
 */
gboolean
cjm_edit_move_persona (CjmHistory *history,
                       CjmPersona *persona,
                       guint       position)
{
  GListStore *store;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_PERSONA (persona), FALSE);

  store = _cjm_map_get_store (cjm_history_get_map (history), CJM_TYPE_PERSONA);
  g_return_val_if_fail (g_list_store_find (store, persona, NULL), FALSE);

  push_move_in_store (history, _("Move Persona"), store, persona, position);

  return TRUE;
}

/**
 * cjm_edit_move_stage:
 * @history: the history of the map to change
 * @stage: a stage of the map
 * @position: the place it takes among the stages; past the end: last
 *
 * Moves the stage with its steps. Cards keep their first step and their
 * width; one that would run past the last step is made narrower.
 *
 * Returns: %TRUE, unless @stage is not a stage of the map
 */
gboolean
cjm_edit_move_stage (CjmHistory *history,
                     CjmStage   *stage,
                     guint       position)
{
  const char *label = _("Move Stage");
  GListStore *store;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_STAGE (stage), FALSE);

  store = _cjm_map_get_store (cjm_history_get_map (history), CJM_TYPE_STAGE);
  g_return_val_if_fail (g_list_store_find (store, stage, NULL), FALSE);

  cjm_history_begin_group (history, label);
  if (push_move_in_store (history, label, store, stage, position))
    push_span_clamps (history, label);
  cjm_history_end_group (history);

  return TRUE;
}

/**
 * cjm_edit_move_step:
 * @history: the history of the map to change
 * @step: a step of the map
 * @stage: the stage it goes to, its own or another
 * @position: the place it takes among the steps of @stage; past the end: last
 * @error: where to put why the step cannot move
 *
 * Moves a step within its stage or to another. Cards starting at the step
 * go with it; a card that would run past the last step is made narrower.
 *
 * Returns: %TRUE if the step is there (or already was); %FALSE if it is
 *   the last step of its stage, which is never left empty
 *   (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
gboolean
cjm_edit_move_step (CjmHistory  *history,
                    CjmStep     *step,
                    CjmStage    *stage,
                    guint        position,
                    GError     **error)
{
  const char *label = _("Move Step");
  CjmStage *from_stage;
  GListStore *from_store;
  GListStore *to_store;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_STEP (step), FALSE);
  g_return_val_if_fail (CJM_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  from_stage = cjm_map_find_stage_of_step (map, cjm_element_get_id (CJM_ELEMENT (step)), NULL);

  g_return_val_if_fail (from_stage != NULL && _cjm_edit_has_element (map, step), FALSE);
  g_return_val_if_fail (_cjm_edit_has_element (map, stage), FALSE);

  from_store = _cjm_stage_get_step_store (from_stage);
  to_store = _cjm_stage_get_step_store (stage);

  if (from_stage != stage &&
      g_list_model_get_n_items (G_LIST_MODEL (from_store)) == 1)
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                           _("A stage needs at least one step: this is the last step of its stage"));
      return FALSE;
    }

  cjm_history_begin_group (history, label);

  if (from_stage == stage)
    {
      if (push_move_in_store (history, label, to_store, step, position))
        push_span_clamps (history, label);
    }
  else
    {
      _cjm_edit_push_remove (history, label, from_store, step);
      _cjm_edit_push_insert (history, label, to_store, position, step);
      push_span_clamps (history, label);
    }

  cjm_history_end_group (history);

  return TRUE;
}

/**
 * cjm_edit_move_lane:
 * @history: the history of the map to change
 * @lane: a lane of the map
 * @position: the place it takes among the lanes; past the end: last
 *
 * Returns: %TRUE, unless @lane is not a lane of the map
 */
gboolean
cjm_edit_move_lane (CjmHistory *history,
                    CjmLane    *lane,
                    guint       position)
{
  GListStore *store;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_LANE (lane), FALSE);

  store = _cjm_map_get_store (cjm_history_get_map (history), CJM_TYPE_LANE);
  g_return_val_if_fail (g_list_store_find (store, lane, NULL), FALSE);

  push_move_in_store (history, _("Move Lane"), store, lane, position);

  return TRUE;
}

/* How one kind of card links to another. */
typedef struct
{
  CjmCardKind  kind;
  CjmCardKind  linked_kind;
  const char  *property;
  const char  *refusal;
  const char  *label;
} LinkRule;

static const LinkRule pain_point_link = {
  CJM_CARD_KIND_PAIN_POINT, CJM_CARD_KIND_TOUCHPOINT, "touchpoint-ids",
  N_("Only a pain point can be linked to a touchpoint"), N_("Link Pain Point"),
};

static const LinkRule opportunity_link = {
  CJM_CARD_KIND_OPPORTUNITY, CJM_CARD_KIND_PAIN_POINT, "pain-point-ids",
  N_("Only an opportunity can be linked to a pain point"), N_("Link Opportunity"),
};

static gboolean
link_cards (CjmHistory      *history,
            const LinkRule  *rule,
            CjmCard         *card,
            CjmCard         *linked,
            GError         **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old_ids = NULL;
  g_auto(GStrv) ids = NULL;
  const char *id;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (linked), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  g_return_val_if_fail (_cjm_edit_has_element (map, card), FALSE);
  g_return_val_if_fail (_cjm_edit_has_element (map, linked), FALSE);

  if (cjm_card_get_kind (card) != rule->kind ||
      cjm_card_get_kind (linked) != rule->linked_kind)
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED, _(rule->refusal));
      return FALSE;
    }

  id = cjm_element_get_id (CJM_ELEMENT (linked));
  g_object_get (card, rule->property, &old_ids, NULL);

  if (old_ids != NULL && g_strv_contains ((const char * const *)old_ids, id))
    return TRUE;

  builder = g_strv_builder_new ();
  if (old_ids != NULL)
    g_strv_builder_addv (builder, (const char **)old_ids);
  g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);

  _cjm_edit_push_set_strv (history, _(rule->label), card, rule->property,
                           (const char * const *)ids);

  return TRUE;
}

/* Takes the ids in @ids out of @property of @card, if it has any. */
void
_cjm_edit_push_unlink (CjmHistory *history,
                       const char *label,
                       CjmCard    *card,
                       const char *property,
                       GHashTable *ids)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old_ids = NULL;
  g_auto(GStrv) kept = NULL;
  gboolean changed = FALSE;

  g_object_get (card, property, &old_ids, NULL);
  if (old_ids == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; old_ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (ids, old_ids[i]))
        changed = TRUE;
      else
        g_strv_builder_add (builder, old_ids[i]);
    }

  if (!changed)
    return;

  kept = g_strv_builder_end (builder);
  _cjm_edit_push_set_strv (history, label, card, property, (const char * const *)kept);
}

/**
 * cjm_edit_link_pain_point:
 * @history: the history of the map to change
 * @pain_point: a pain point card of the map
 * @touchpoint: a touchpoint card of the map
 * @error: where to put why the cards cannot be linked
 *
 * Records that the pain point happens at the touchpoint: adds the
 * touchpoint to the pain point's touchpoints.
 *
 * Returns: %TRUE if they are linked (or already were); %FALSE if the
 *   cards are not a pain point and a touchpoint (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
gboolean
cjm_edit_link_pain_point (CjmHistory  *history,
                          CjmCard     *pain_point,
                          CjmCard     *touchpoint,
                          GError     **error)
{
  return link_cards (history, &pain_point_link, pain_point, touchpoint, error);
}

/**
 * cjm_edit_link_opportunity:
 * @history: the history of the map to change
 * @opportunity: an opportunity card of the map
 * @pain_point: a pain point card of the map
 * @error: where to put why the cards cannot be linked
 *
 * Records that the opportunity answers the pain point: adds the pain
 * point to the opportunity's pain points.
 *
 * Returns: %TRUE if they are linked (or already were); %FALSE if the
 *   cards are not an opportunity and a pain point
 *   (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
gboolean
cjm_edit_link_opportunity (CjmHistory  *history,
                           CjmCard     *opportunity,
                           CjmCard     *pain_point,
                           GError     **error)
{
  return link_cards (history, &opportunity_link, opportunity, pain_point, error);
}

/**
 * cjm_edit_unlink_cards:
 * @history: the history of the map to change
 * @card: a card of the map
 * @linked: a card @card links to, as its pain point or touchpoint
 *
 * Takes @linked out of the pain points and touchpoints of @card, if it
 * is there.
 */
void
cjm_edit_unlink_cards (CjmHistory *history,
                       CjmCard    *card,
                       CjmCard    *linked)
{
  const char *label = _("Remove Link");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (CJM_IS_HISTORY (history));
  g_return_if_fail (CJM_IS_CARD (card));
  g_return_if_fail (CJM_IS_CARD (linked));
  g_return_if_fail (_cjm_edit_has_element (cjm_history_get_map (history), card));

  g_hash_table_add (ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (linked)));

  cjm_history_begin_group (history, label);
  _cjm_edit_push_unlink (history, label, card, "pain-point-ids", ids);
  _cjm_edit_push_unlink (history, label, card, "touchpoint-ids", ids);
  cjm_history_end_group (history);
}
