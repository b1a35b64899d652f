/* cjm-edit-delete.c: deleting elements, and what depends on them
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
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

typedef struct
{
  GType type;
  const char *one;
  const char *several;
} DeleteLabel;

static const char *
delete_label (GPtrArray *elements)
{
  const DeleteLabel labels[] = {
    { CJM_TYPE_PERSONA, N_("Delete Persona"), N_("Delete Personas") },
    { CJM_TYPE_STAGE, N_("Delete Stage"), N_("Delete Stages") },
    { CJM_TYPE_STEP, N_("Delete Step"), N_("Delete Steps") },
    { CJM_TYPE_LANE, N_("Delete Lane"), N_("Delete Lanes") },
    { CJM_TYPE_EMOTION, N_("Clear Emotion"), N_("Clear Emotions") },
    { CJM_TYPE_CONNECTION, N_("Delete Connection"), N_("Delete Connections") },
    { CJM_TYPE_REVISION, N_("Delete Revision Note"), N_("Delete Revision Notes") },
  };
  CjmElement *first = g_ptr_array_index (elements, 0);
  GType type = G_OBJECT_TYPE (first);
  gboolean several = elements->len > 1;

  for (guint i = 1; i < elements->len; i++)
    {
      CjmElement *element = g_ptr_array_index (elements, i);

      if (G_OBJECT_TYPE (element) != type ||
          (CJM_IS_CARD (element) &&
           cjm_card_get_kind (CJM_CARD (element)) != cjm_card_get_kind (CJM_CARD (first))))
        return _("Delete Selection");
    }

  if (CJM_IS_CARD (first))
    return _cjm_edit_card_label (cjm_card_get_kind (CJM_CARD (first)),
                                 several ? CARD_DELETE_SEVERAL : CARD_DELETE);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (labels[i].type == type)
        return several ? _(labels[i].several) : _(labels[i].one);
    }

  g_return_val_if_reached (_("Delete Selection"));
}

static void
doom (GHashTable *doomed,
      GHashTable *doomed_ids,
      CjmElement *element)
{
  g_hash_table_add (doomed, element);
  g_hash_table_add (doomed_ids, (gpointer)cjm_element_get_id (element));
}

/* Dooms the items of @model that depend on a doomed element through the
 * id properties @first_property and @second_property. */
static void
doom_dependents (GListModel *model,
                 const char *first_property,
                 const char *second_property,
                 GHashTable *doomed,
                 GHashTable *doomed_ids)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      g_object_get (element,
                    first_property, &first,
                    second_property, &second,
                    NULL);

      if ((first != NULL && g_hash_table_contains (doomed_ids, first)) ||
          (second != NULL && g_hash_table_contains (doomed_ids, second)))
        doom (doomed, doomed_ids, element);
    }
}

/* Removes the doomed items of @store, in their order. */
static void
push_removals (CjmHistory *history,
               const char *label,
               GListStore *store,
               GHashTable *doomed,
               GPtrArray  *gone)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Each removal is applied as it is pushed: list them first. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_hash_table_contains (doomed, item))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      _cjm_edit_push_remove (history, label, store, item);
      g_ptr_array_add (gone, g_object_ref (item));
    }
}

/* A card spanning over deleted steps gets narrower by as many. */
static void
push_span_shrink (CjmHistory *history,
                  const char *label,
                  CjmCard    *card,
                  CjmColumns *columns,
                  GHashTable *doomed)
{
  int span = cjm_card_get_span (card);
  guint start;
  guint end;
  int lost = 0;

  if (!_cjm_edit_columns_find (columns, cjm_card_get_step_id (card), &start))
    return;

  end = MIN (start + span, columns->steps->len);

  for (guint i = start + 1; i < end; i++)
    {
      if (g_hash_table_contains (doomed, g_ptr_array_index (columns->steps, i)))
        lost++;
    }

  if (lost > 0)
    _cjm_edit_push_set_int (history, label, card, "span", span - lost);
}

/**
 * cjm_edit_delete:
 * @history: the history of the map to change
 * @elements: (element-type CjmElement): elements of the map
 * @error: where to put why they cannot be deleted
 *
 * Like cjm_edit_delete_full(), without telling what was removed.
 *
 * Returns: %TRUE if the elements were deleted
 */
gboolean
cjm_edit_delete (CjmHistory  *history,
                 GPtrArray   *elements,
                 GError     **error)
{
  return cjm_edit_delete_full (history, elements, NULL, error);
}

/**
 * cjm_edit_delete_full:
 * @history: the history of the map to change
 * @elements: (element-type CjmElement): elements of the map, any kind but
 *   the map itself
 * @removed: (out) (optional) (transfer container) (element-type CjmElement):
 *   where to put every element the deletion took out of the map
 * @error: where to put why they cannot be deleted
 *
 * Deletes the elements with all that depends on them, as one step:
 *
 * - a persona: its emotions, and its id in the cards' personas;
 * - a step: the cards starting at it and its emotions; cards spanning
 *   over it get one step narrower;
 * - a stage: its steps, as above;
 * - a lane: its cards;
 * - a card: its connections, and its id in the pain points and
 *   touchpoints of other cards.
 *
 * Undo puts back the same objects, at the same places. A stage is never
 * left without steps: deleting all the steps of a stage but not the stage
 * is refused.
 *
 * Returns: %TRUE if the elements were deleted; %FALSE, with nothing
 *   changed, if it would leave a stage empty (%CJM_EDIT_ERROR_NOT_ALLOWED)
 */
gboolean
cjm_edit_delete_full (CjmHistory  *history,
                      GPtrArray   *elements,
                      GPtrArray  **removed,
                      GError     **error)
{
  g_autoptr(GHashTable) doomed = NULL;
  g_autoptr(GHashTable) doomed_ids = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_auto(CjmColumns) columns = { 0 };
  GListModel *stages;
  GListModel *cards;
  const char *label;
  CjmMap *map;
  guint n;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (elements != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  doomed = g_hash_table_new (NULL, NULL);
  doomed_ids = g_hash_table_new (g_str_hash, g_str_equal);
  chosen = g_ptr_array_new ();
  gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < elements->len; i++)
    {
      CjmElement *element = g_ptr_array_index (elements, i);

      g_return_val_if_fail (CJM_IS_ELEMENT (element) && !CJM_IS_MAP (element), FALSE);
      g_return_val_if_fail (_cjm_edit_has_element (map, element), FALSE);

      if (!g_hash_table_contains (doomed, element))
        {
          doom (doomed, doomed_ids, element);
          g_ptr_array_add (chosen, element);
        }
    }

  if (chosen->len == 0)
    {
      if (removed != NULL)
        *removed = g_steal_pointer (&gone);
      return TRUE;
    }

  /* A stage takes its steps along; a stage that stays keeps one. */
  stages = cjm_map_get_stages (map);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = cjm_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (steps);
      guint n_kept = 0;

      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(CjmElement) step = g_list_model_get_item (steps, j);

          if (g_hash_table_contains (doomed, stage))
            doom (doomed, doomed_ids, step);
          else if (!g_hash_table_contains (doomed, step))
            n_kept++;
        }

      if (!g_hash_table_contains (doomed, stage) && n_kept == 0)
        {
          g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                               _("A stage needs at least one step: delete the stage instead"));
          return FALSE;
        }
    }

  /* Cards go with their lane or first step; then what hangs on them. */
  cards = cjm_map_get_cards (map);
  doom_dependents (cards, "lane-id", "step-id", doomed, doomed_ids);
  doom_dependents (cjm_map_get_emotions (map), "persona-id", "step-id", doomed, doomed_ids);
  doom_dependents (cjm_map_get_connections (map), "from-id", "to-id", doomed, doomed_ids);

  label = delete_label (chosen);
  _cjm_edit_columns_init (&columns, map);

  cjm_history_begin_group (history, label);

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (g_hash_table_contains (doomed, card))
        continue;

      _cjm_edit_push_unlink (history, label, card, "persona-ids", doomed_ids);
      _cjm_edit_push_unlink (history, label, card, "pain-point-ids", doomed_ids);
      _cjm_edit_push_unlink (history, label, card, "touchpoint-ids", doomed_ids);
      push_span_shrink (history, label, card, &columns, doomed);
    }

  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_CONNECTION), doomed, gone);
  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_EMOTION), doomed, gone);
  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_CARD), doomed, gone);
  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_LANE), doomed, gone);

  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);

      if (!g_hash_table_contains (doomed, stage))
        push_removals (history, label, _cjm_stage_get_step_store (stage), doomed, gone);
    }

  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_STAGE), doomed, gone);
  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_PERSONA), doomed, gone);
  push_removals (history, label, _cjm_map_get_store (map, CJM_TYPE_REVISION), doomed, gone);

  cjm_history_end_group (history);

  /* The steps of a deleted stage left the map with it. */
  for (guint i = 0, n_gone = gone->len; i < n_gone; i++)
    {
      CjmElement *element = g_ptr_array_index (gone, i);

      if (CJM_IS_STAGE (element))
        {
          GListModel *steps = cjm_stage_get_steps (CJM_STAGE (element));

          for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
            g_ptr_array_add (gone, g_list_model_get_item (steps, j));
        }
    }

  if (removed != NULL)
    *removed = g_steal_pointer (&gone);

  return TRUE;
}
