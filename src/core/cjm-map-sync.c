/* cjm-map-sync.c: make a map equal to another, as one undoable step
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-map-sync"

#include "config.h"

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-element-private.h"
#include "cjm-emotion.h"
#include "cjm-file.h"
#include "cjm-history.h"
#include "cjm-lane.h"
#include "cjm-list-command.h"
#include "cjm-map-private.h"
#include "cjm-map-sync.h"
#include "cjm-persona.h"
#include "cjm-property-command.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"
#include "cjm-xml.h"

/* Reloading a file and merging someone else's changes both end here: the
 * map shown is changed, element by element, into the one wanted, through
 * the history. The very same objects stay (the canvas, the selection and
 * the side panel keep pointing at them), only what differs changes, and
 * undo brings back what was there.
 */

/* Sets the content kept from newer versions of the format. */

#define CJM_TYPE_EXTRAS_COMMAND (cjm_extras_command_get_type ())

G_DECLARE_FINAL_TYPE (CjmExtrasCommand, cjm_extras_command, CJM, EXTRAS_COMMAND, CjmCommand)

struct _CjmExtrasCommand
{
  CjmCommand  parent_instance;

  CjmElement *element;
  CjmExtras  *extras;
  CjmExtras  *old_extras;
};

G_DEFINE_FINAL_TYPE (CjmExtrasCommand, cjm_extras_command, CJM_TYPE_COMMAND)

static CjmExtras *
dup_extras (CjmElement *element)
{
  CjmExtras *extras = _cjm_element_get_extras (element);

  return extras != NULL ? cjm_extras_copy (extras) : NULL;
}

static void
cjm_extras_command_apply (CjmCommand *command)
{
  CjmExtrasCommand *self = (CjmExtrasCommand *)command;

  g_clear_pointer (&self->old_extras, cjm_extras_free);
  self->old_extras = dup_extras (self->element);
  _cjm_element_take_extras (self->element, self->extras ? cjm_extras_copy (self->extras) : NULL);
}

static void
cjm_extras_command_revert (CjmCommand *command)
{
  CjmExtrasCommand *self = (CjmExtrasCommand *)command;

  _cjm_element_take_extras (self->element,
                            self->old_extras ? cjm_extras_copy (self->old_extras) : NULL);
}

static void
cjm_extras_command_finalize (GObject *object)
{
  CjmExtrasCommand *self = (CjmExtrasCommand *)object;

  g_clear_object (&self->element);
  g_clear_pointer (&self->extras, cjm_extras_free);
  g_clear_pointer (&self->old_extras, cjm_extras_free);

  G_OBJECT_CLASS (cjm_extras_command_parent_class)->finalize (object);
}

static void
cjm_extras_command_class_init (CjmExtrasCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmCommandClass *command_class = CJM_COMMAND_CLASS (klass);

  object_class->finalize = cjm_extras_command_finalize;
  command_class->apply = cjm_extras_command_apply;
  command_class->revert = cjm_extras_command_revert;
}

static void
cjm_extras_command_init (CjmExtrasCommand *self)
{
}

static CjmCommand *
cjm_extras_command_new (const char *label,
                        CjmElement *element,
                        CjmElement *from)
{
  CjmExtrasCommand *self = g_object_new (CJM_TYPE_EXTRAS_COMMAND, "label", label, NULL);

  self->element = g_object_ref (element);
  self->extras = dup_extras (from);

  return CJM_COMMAND (self);
}

typedef struct
{
  CjmHistory *history;
  CjmMap     *map;
  const char *label;
  /* id → element of the map being changed, steps included; borrowed. */
  GHashTable *elements;
} Sync;

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return (sa == NULL || sa[0] == NULL) && (sb == NULL || sb[0] == NULL);

      return g_strv_equal (sa, sb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets each stored field of @element that differs in @target. */
static void
sync_fields (Sync       *sync,
             CjmElement *element,
             CjmElement *target)
{
  CjmElementClass *klass = CJM_ELEMENT_GET_CLASS (element);
  CjmExtras *extras = _cjm_element_get_extras (element);
  CjmExtras *target_extras = _cjm_element_get_extras (target);

  g_assert (G_OBJECT_TYPE (element) == G_OBJECT_TYPE (target));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *property = klass->fields[i].property;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) target_value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (element), property, &value);
      g_object_get_property (G_OBJECT (target), property, &target_value);

      if (!values_equal (pspec, &value, &target_value))
        {
          g_autoptr(CjmCommand) command = NULL;

          command = cjm_property_command_new (sync->label, element, property, &target_value);
          cjm_history_push (sync->history, command);
        }
    }

  if (!((extras == NULL || cjm_extras_is_empty (extras)) &&
        (target_extras == NULL || cjm_extras_is_empty (target_extras))) &&
      !(extras != NULL && target_extras != NULL && cjm_extras_equal (extras, target_extras)))
    {
      g_autoptr(CjmCommand) command = cjm_extras_command_new (sync->label, element, target);

      cjm_history_push (sync->history, command);
    }
}

static gboolean
store_find (GListStore *store,
            gpointer    item,
            guint      *position)
{
  return g_list_store_find (store, item, position);
}

/* Makes @store hold the elements of @target in the same order, each with
 * the fields of its counterpart; the elements @target does not have are
 * left at the end, for remove_extra() to remove once nothing links to
 * them any more. */
static void
sync_store (Sync       *sync,
            GListStore *store,
            GListModel *target)
{
  guint n = g_list_model_get_n_items (target);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) wanted = g_list_model_get_item (target, i);
      const char *id = cjm_element_get_id (wanted);
      CjmElement *element = g_hash_table_lookup (sync->elements, id);
      guint position;

      if (element != NULL && G_OBJECT_TYPE (element) == G_OBJECT_TYPE (wanted) &&
          store_find (store, element, &position))
        {
          sync_fields (sync, element, wanted);

          if (position != i)
            {
              g_autoptr(CjmCommand) command = NULL;

              command = cjm_list_command_new_move (sync->label, store, element, i);
              cjm_history_push (sync->history, command);
            }
        }
      else
        {
          g_autoptr(CjmElement) copy = cjm_element_copy (wanted, id);
          g_autoptr(CjmCommand) command = NULL;

          command = cjm_list_command_new_insert (sync->label, store, i, copy);
          cjm_history_push (sync->history, command);
          g_hash_table_replace (sync->elements, (gpointer)cjm_element_get_id (copy), copy);
        }
    }
}

/* Removes what sync_store() left past the elements of @target. */
static void
remove_extra (Sync       *sync,
              GListStore *store,
              guint       n_wanted)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (store)) > n_wanted)
    {
      guint last = g_list_model_get_n_items (G_LIST_MODEL (store)) - 1;
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), last);
      g_autoptr(CjmCommand) command = NULL;

      command = cjm_list_command_new_remove (sync->label, store, item);
      cjm_history_push (sync->history, command);
    }
}

static CjmStage *
find_stage_of_step (CjmMap   *map,
                    CjmStep  *step)
{
  GListModel *stages = cjm_map_get_stages (map);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);

      if (g_list_store_find (_cjm_stage_get_step_store (stage), step, NULL))
        return stage;
    }

  return NULL;
}

/* Puts in each stage the steps it has in @target, in order, moving steps
 * between stages where they moved. Steps @target does not have stay after
 * them, for remove_extra(). */
static void
sync_steps (Sync   *sync,
            CjmMap *target)
{
  GListModel *target_stages = cjm_map_get_stages (target);
  guint n_stages = g_list_model_get_n_items (target_stages);

  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(CjmStage) target_stage = g_list_model_get_item (target_stages, s);
      CjmStage *stage = g_hash_table_lookup (sync->elements,
                                             cjm_element_get_id (CJM_ELEMENT (target_stage)));
      GListStore *store = _cjm_stage_get_step_store (stage);
      GListModel *target_steps = cjm_stage_get_steps (target_stage);
      guint n_steps = g_list_model_get_n_items (target_steps);

      g_assert (CJM_IS_STAGE (stage));

      for (guint i = 0; i < n_steps; i++)
        {
          g_autoptr(CjmStep) wanted = g_list_model_get_item (target_steps, i);
          const char *id = cjm_element_get_id (CJM_ELEMENT (wanted));
          CjmElement *step = g_hash_table_lookup (sync->elements, id);
          CjmStage *from = CJM_IS_STEP (step) ? find_stage_of_step (sync->map, CJM_STEP (step)) : NULL;
          guint position;

          if (from == stage && store_find (store, step, &position))
            {
              sync_fields (sync, step, CJM_ELEMENT (wanted));

              if (position != i)
                {
                  g_autoptr(CjmCommand) command = NULL;

                  command = cjm_list_command_new_move (sync->label, store, step, i);
                  cjm_history_push (sync->history, command);
                }
            }
          else if (from != NULL)
            {
              g_autoptr(CjmCommand) remove = NULL;
              g_autoptr(CjmCommand) insert = NULL;

              remove = cjm_list_command_new_remove (sync->label, _cjm_stage_get_step_store (from), step);
              cjm_history_push (sync->history, remove);
              insert = cjm_list_command_new_insert (sync->label, store, i, step);
              cjm_history_push (sync->history, insert);
              sync_fields (sync, step, CJM_ELEMENT (wanted));
            }
          else
            {
              g_autoptr(CjmElement) copy = cjm_element_copy (CJM_ELEMENT (wanted), id);
              g_autoptr(CjmCommand) command = NULL;

              command = cjm_list_command_new_insert (sync->label, store, i, copy);
              cjm_history_push (sync->history, command);
              g_hash_table_replace (sync->elements, (gpointer)cjm_element_get_id (copy), copy);
            }
        }
    }
}

static void
index_store (GHashTable *elements,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      g_hash_table_insert (elements, (gpointer)cjm_element_get_id (element), element);
      if (CJM_IS_STAGE (element))
        index_store (elements, cjm_stage_get_steps (CJM_STAGE (element)));
    }
}

/**
 * cjm_map_sync:
 * @history: the history of the map to change
 * @target: a map, not the history's
 * @label: what the change is, for undo
 *
 * Changes the history's map into one equal to @target (same elements, by
 * id, with the same fields, in the same order) as one undoable step:
 * what differs is set, inserted, moved or removed; what is the same is
 * left alone, the very same objects. Elements are added before what
 * links to them and removed after, so the map never links to nothing.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
cjm_map_sync (CjmHistory *history,
              CjmMap     *target,
              const char *label)
{
  CjmMap *map;
  Sync sync = { 0, };
  GType containers[4];
  GType linked[3];
  guint64 before;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_MAP (target), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  map = cjm_history_get_map (history);
  g_return_val_if_fail (map != target, FALSE);

  containers[0] = CJM_TYPE_REVISION;
  containers[1] = CJM_TYPE_PERSONA;
  containers[2] = CJM_TYPE_STAGE;
  containers[3] = CJM_TYPE_LANE;
  linked[0] = CJM_TYPE_CARD;
  linked[1] = CJM_TYPE_EMOTION;
  linked[2] = CJM_TYPE_CONNECTION;

  sync.history = history;
  sync.map = map;
  sync.label = label;
  sync.elements = g_hash_table_new (g_str_hash, g_str_equal);

  index_store (sync.elements, cjm_map_get_revisions (map));
  index_store (sync.elements, cjm_map_get_personas (map));
  index_store (sync.elements, cjm_map_get_stages (map));
  index_store (sync.elements, cjm_map_get_lanes (map));
  index_store (sync.elements, cjm_map_get_cards (map));
  index_store (sync.elements, cjm_map_get_emotions (map));
  index_store (sync.elements, cjm_map_get_connections (map));

  before = cjm_history_get_position (history);
  cjm_history_begin_group (history, label);

  /* The map's own fields. */
  sync_fields (&sync, CJM_ELEMENT (map), CJM_ELEMENT (target));

  /* What others link to: added and updated first... */
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    sync_store (&sync, _cjm_map_get_store (map, containers[i]),
                G_LIST_MODEL (_cjm_map_get_store (target, containers[i])));
  sync_steps (&sync, target);

  /* ...then what links, removals included... */
  for (guint i = 0; i < G_N_ELEMENTS (linked); i++)
    {
      GListStore *store = _cjm_map_get_store (map, linked[i]);
      GListModel *wanted = G_LIST_MODEL (_cjm_map_get_store (target, linked[i]));

      sync_store (&sync, store, wanted);
      remove_extra (&sync, store, g_list_model_get_n_items (wanted));
    }

  /* ...and what was linked to removed last: steps, then the rest. */
  {
    GListModel *stages = cjm_map_get_stages (target);

    for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
      {
        g_autoptr(CjmStage) target_stage = g_list_model_get_item (stages, s);
        CjmStage *stage = g_hash_table_lookup (sync.elements,
                                               cjm_element_get_id (CJM_ELEMENT (target_stage)));

        remove_extra (&sync, _cjm_stage_get_step_store (stage),
                      g_list_model_get_n_items (cjm_stage_get_steps (target_stage)));
      }
  }

  for (guint i = G_N_ELEMENTS (containers); i > 0; i--)
    {
      GListStore *store = _cjm_map_get_store (map, containers[i - 1]);

      remove_extra (&sync, store,
                    g_list_model_get_n_items (G_LIST_MODEL (_cjm_map_get_store (target, containers[i - 1]))));
    }

  cjm_history_end_group (history);

  g_hash_table_unref (sync.elements);

  /* A group in which nothing was pushed records no step. */
  return cjm_history_get_position (history) != before;
}

static GBytes *
to_bytes (CjmMap *map)
{
  return cjm_map_to_bytes (map, CJM_FILE_FORMAT_CJM);
}

/**
 * cjm_map_equal:
 * @map: a map
 * @other: another
 *
 * Returns: %TRUE if both maps would be saved as the same bytes: the same
 *   elements, fields, order and kept content
 */
gboolean
cjm_map_equal (CjmMap *map,
               CjmMap *other)
{
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_return_val_if_fail (CJM_IS_MAP (map), FALSE);
  g_return_val_if_fail (CJM_IS_MAP (other), FALSE);

  a = to_bytes (map);
  b = to_bytes (other);

  return g_bytes_equal (a, b);
}

/**
 * cjm_map_copy:
 * @map: a map
 *
 * Returns: (transfer full): a deep copy of @map, with new objects and the
 *   same ids
 */
CjmMap *
cjm_map_copy (CjmMap *map)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CjmMap *copy;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  bytes = to_bytes (map);
  copy = cjm_xml_read (bytes, "copy", NULL, &error);
  if (copy == NULL)
    g_critical ("A map could not be copied: %s", error->message);

  return copy;
}
