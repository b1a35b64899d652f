/* cjm-list-command.c: insert, remove or move one item of a GListStore
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-list-command"

#include "config.h"

#include <string.h>

#include "cjm-list-command.h"

typedef enum
{
  LIST_INSERT,
  LIST_REMOVE,
  LIST_MOVE,
} ListAction;

struct _CjmListCommand
{
  CjmCommand parent_instance;

  GListStore *store;
  /* The command holds the item, so that undoing a removal puts the very
   * same object back: the UI's selection and every pointer stay valid. */
  GObject *item;

  ListAction action;
  /* Insert: where the item goes (G_MAXUINT: at the end). Move: where it
   * ends up. Remove: unused. */
  guint position;
  /* Remove and move: where the item was before apply, found when applied
   * so that the command is right whatever ran before it in a group. */
  guint applied_from;
};

G_DEFINE_FINAL_TYPE (CjmListCommand, cjm_list_command, CJM_TYPE_COMMAND)

static gboolean
find_item (CjmListCommand *self,
           guint          *position)
{
  if (g_list_store_find (self->store, self->item, position))
    return TRUE;

  /* Only a change made behind the history's back gets here. */
  g_critical ("“%s”: the item is no longer in its list; the map was changed "
              "outside the history", cjm_command_get_label (CJM_COMMAND (self)));

  return FALSE;
}

/* Moves the item at @from to @to with one items-changed, so that a view
 * sees a move rather than a removal followed by an insertion. */
static void
move_item (GListStore *store,
           guint       from,
           guint       to)
{
  GListModel *model = G_LIST_MODEL (store);
  guint first = MIN (from, to);
  guint n = MAX (from, to) - first + 1;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  if (from == to)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, first + i));

  if (from < to)
    {
      /* [from, a, b, to] → [a, b, to, from] */
      gpointer moved = items->pdata[0];

      memmove (&items->pdata[0], &items->pdata[1], (n - 1) * sizeof (gpointer));
      items->pdata[n - 1] = moved;
    }
  else
    {
      /* [to, a, b, from] → [from, to, a, b] */
      gpointer moved = items->pdata[n - 1];

      memmove (&items->pdata[1], &items->pdata[0], (n - 1) * sizeof (gpointer));
      items->pdata[0] = moved;
    }

  g_list_store_splice (store, first, n, items->pdata, n);
}

static void
cjm_list_command_apply (CjmCommand *command)
{
  CjmListCommand *self = (CjmListCommand *)command;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  switch (self->action)
    {
    case LIST_INSERT:
      g_list_store_insert (self->store, MIN (self->position, n_items), self->item);
      break;

    case LIST_REMOVE:
      if (find_item (self, &self->applied_from))
        g_list_store_remove (self->store, self->applied_from);
      break;

    case LIST_MOVE:
      if (find_item (self, &self->applied_from))
        {
          move_item (self->store, self->applied_from, MIN (self->position, n_items - 1));
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
cjm_list_command_revert (CjmCommand *command)
{
  CjmListCommand *self = (CjmListCommand *)command;
  guint position;

  switch (self->action)
    {
    case LIST_INSERT:
      if (find_item (self, &position))
        g_list_store_remove (self->store, position);
      break;

    case LIST_REMOVE:
      g_list_store_insert (self->store, self->applied_from, self->item);
      break;

    case LIST_MOVE:
      if (find_item (self, &position))
        move_item (self->store, position, self->applied_from);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
cjm_list_command_finalize (GObject *object)
{
  CjmListCommand *self = (CjmListCommand *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cjm_list_command_parent_class)->finalize (object);
}

static void
cjm_list_command_class_init (CjmListCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmCommandClass *command_class = CJM_COMMAND_CLASS (klass);

  object_class->finalize = cjm_list_command_finalize;

  command_class->apply = cjm_list_command_apply;
  command_class->revert = cjm_list_command_revert;
}

static void
cjm_list_command_init (CjmListCommand *self)
{
}

static CjmCommand *
list_command_new (const char *label,
                  GListStore *store,
                  gpointer    item,
                  ListAction  action,
                  guint       position)
{
  CjmListCommand *self;

  self = g_object_new (CJM_TYPE_LIST_COMMAND,
                       "label", label,
                       NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->action = action;
  self->position = position;

  return CJM_COMMAND (self);
}

/**
 * cjm_list_command_new_insert:
 * @label: what the change is, for the user
 * @store: a #GListStore
 * @position: where @item goes; past the end (e.g. %G_MAXUINT) appends
 * @item: (type GObject): an object of the store's item type, not in @store
 *
 * Returns: (transfer full): a command inserting @item, not applied yet
 */
CjmCommand *
cjm_list_command_new_insert (const char *label,
                             GListStore *store,
                             guint       position,
                             gpointer    item)
{
  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (g_type_is_a (G_OBJECT_TYPE (item),
                                     g_list_model_get_item_type (G_LIST_MODEL (store))), NULL);

  return list_command_new (label, store, item, LIST_INSERT, position);
}

/**
 * cjm_list_command_new_remove:
 * @label: what the change is, for the user
 * @store: a #GListStore
 * @item: (type GObject): an item of @store
 *
 * The item's position is found when the command is applied, and kept so
 * that reverting puts the same object back at the same place.
 *
 * Returns: (transfer full): a command removing @item, not applied yet
 */
CjmCommand *
cjm_list_command_new_remove (const char *label,
                             GListStore *store,
                             gpointer    item)
{
  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  return list_command_new (label, store, item, LIST_REMOVE, 0);
}

/**
 * cjm_list_command_new_move:
 * @label: what the change is, for the user
 * @store: a #GListStore
 * @item: (type GObject): an item of @store
 * @position: the position @item ends up at; past the end moves it last
 *
 * Applying the command emits one #GListModel::items-changed covering the
 * items between the old and the new position.
 *
 * Returns: (transfer full): a command moving @item, not applied yet
 */
CjmCommand *
cjm_list_command_new_move (const char *label,
                           GListStore *store,
                           gpointer    item,
                           guint       position)
{
  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  return list_command_new (label, store, item, LIST_MOVE, position);
}

/**
 * cjm_list_command_get_store:
 * @self: a #CjmListCommand
 *
 * Returns: (transfer none): the list the command changes
 */
GListStore *
cjm_list_command_get_store (CjmListCommand *self)
{
  g_return_val_if_fail (CJM_IS_LIST_COMMAND (self), NULL);

  return self->store;
}

/**
 * cjm_list_command_get_item:
 * @self: a #CjmListCommand
 *
 * Returns: (transfer none) (type GObject): the item inserted, removed or moved
 */
gpointer
cjm_list_command_get_item (CjmListCommand *self)
{
  g_return_val_if_fail (CJM_IS_LIST_COMMAND (self), NULL);

  return self->item;
}
