/* cjm-selection.c: the elements the user has selected, and the focused one
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-selection"

#include "config.h"

#include "cjm-map.h"
#include "cjm-selection.h"

/* What the user picked on the map, by id: the canvas draws it and edits
 * it, the side panels show it. Ids rather than objects, so that a selection
 * outlives the undo of an element's deletion and its redo. The focused
 * element is the one the keyboard acts on; it need not be selected.
 *
 * Every call that changes something emits #CjmSelection::changed once. */
struct _CjmSelection
{
  GObject     parent_instance;

  /* The ids, in the order they were selected; the strings are the set's keys. */
  GPtrArray  *ids;
  GHashTable *set;
  char       *focused;
};

G_DEFINE_FINAL_TYPE (CjmSelection, cjm_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOCUSED_ID,
  PROP_N_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (CjmSelection *self,
              guint         n_before)
{
  if (self->ids->len != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_IDS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Adds @id unless already there; returns whether it was added. */
static gboolean
add_id (CjmSelection *self,
        const char   *id)
{
  char *copy;

  if (g_hash_table_contains (self->set, id))
    return FALSE;

  copy = g_strdup (id);
  g_hash_table_add (self->set, copy);
  g_ptr_array_add (self->ids, copy);

  return TRUE;
}

static gboolean
remove_id (CjmSelection *self,
           const char   *id)
{
  const char *key;

  if (!g_hash_table_lookup_extended (self->set, id, (gpointer *)&key, NULL))
    return FALSE;

  g_ptr_array_remove (self->ids, (gpointer)key);
  g_hash_table_remove (self->set, id);

  return TRUE;
}

static void
remove_all (CjmSelection *self)
{
  g_ptr_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->set);
}

static void
cjm_selection_finalize (GObject *object)
{
  CjmSelection *self = (CjmSelection *)object;

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->set, g_hash_table_unref);
  g_clear_pointer (&self->focused, g_free);

  G_OBJECT_CLASS (cjm_selection_parent_class)->finalize (object);
}

static void
cjm_selection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CjmSelection *self = CJM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUSED_ID:
      g_value_set_string (value, self->focused);
      break;

    case PROP_N_IDS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_selection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CjmSelection *self = CJM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUSED_ID:
      cjm_selection_set_focused (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_selection_class_init (CjmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_selection_finalize;
  object_class->get_property = cjm_selection_get_property;
  object_class->set_property = cjm_selection_set_property;

  properties[PROP_FOCUSED_ID] =
    g_param_spec_string ("focused-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_N_IDS] =
    g_param_spec_uint ("n-ids", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmSelection::changed:
   *
   * Emitted once after each change of the selected ids or of the focused id.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cjm_selection_init (CjmSelection *self)
{
  self->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ids = g_ptr_array_new ();
}

/**
 * cjm_selection_new:
 *
 * Returns: (transfer full): an empty selection, with nothing focused
 */
CjmSelection *
cjm_selection_new (void)
{
  return g_object_new (CJM_TYPE_SELECTION, NULL);
}

guint
cjm_selection_get_n_ids (CjmSelection *self)
{
  g_return_val_if_fail (CJM_IS_SELECTION (self), 0);

  return self->ids->len;
}

/**
 * cjm_selection_get_id:
 * @self: a #CjmSelection
 * @position: from 0, in the order the ids were selected
 *
 * Returns: (nullable): the id, or %NULL past the end
 */
const char *
cjm_selection_get_id (CjmSelection *self,
                      guint         position)
{
  g_return_val_if_fail (CJM_IS_SELECTION (self), NULL);

  return position < self->ids->len ? g_ptr_array_index (self->ids, position) : NULL;
}

gboolean
cjm_selection_contains (CjmSelection *self,
                        const char   *id)
{
  g_return_val_if_fail (CJM_IS_SELECTION (self), FALSE);

  return id != NULL && g_hash_table_contains (self->set, id);
}

/**
 * cjm_selection_get_set:
 * @self: a #CjmSelection
 *
 * The selected ids as a set, as #CjmRenderOptions wants them. Do not
 * change it; it changes with the selection.
 *
 * Returns: (transfer none) (element-type utf8 utf8): the set
 */
GHashTable *
cjm_selection_get_set (CjmSelection *self)
{
  g_return_val_if_fail (CJM_IS_SELECTION (self), NULL);

  return self->set;
}

/**
 * cjm_selection_dup_ids:
 * @self: a #CjmSelection
 *
 * Returns: (transfer full) (array zero-terminated=1): the selected ids, in
 *   the order they were selected
 */
char **
cjm_selection_dup_ids (CjmSelection *self)
{
  char **ids;

  g_return_val_if_fail (CJM_IS_SELECTION (self), NULL);

  ids = g_new0 (char *, self->ids->len + 1);
  for (guint i = 0; i < self->ids->len; i++)
    ids[i] = g_strdup (g_ptr_array_index (self->ids, i));

  return ids;
}

/**
 * cjm_selection_get_focused:
 * @self: a #CjmSelection
 *
 * Returns: (nullable): the id of the element the keyboard acts on
 */
const char *
cjm_selection_get_focused (CjmSelection *self)
{
  g_return_val_if_fail (CJM_IS_SELECTION (self), NULL);

  return self->focused;
}

/**
 * cjm_selection_select:
 * @self: a #CjmSelection
 * @id: an element id
 *
 * Selects @id alone, and focuses it: a plain click.
 */
void
cjm_selection_select (CjmSelection *self,
                      const char   *id)
{
  guint n_before;

  g_return_if_fail (CJM_IS_SELECTION (self));
  g_return_if_fail (id != NULL);

  if (self->ids->len == 1 && g_hash_table_contains (self->set, id) &&
      g_strcmp0 (self->focused, id) == 0)
    return;

  n_before = self->ids->len;
  remove_all (self);
  add_id (self, id);
  if (g_strcmp0 (self->focused, id) != 0)
    {
      g_free (self->focused);
      self->focused = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_ID]);
    }
  emit_changed (self, n_before);
}

/**
 * cjm_selection_add:
 * @self: a #CjmSelection
 * @id: an element id
 *
 * Adds @id to the selection: a Shift-click.
 */
void
cjm_selection_add (CjmSelection *self,
                   const char   *id)
{
  guint n_before;

  g_return_if_fail (CJM_IS_SELECTION (self));
  g_return_if_fail (id != NULL);

  n_before = self->ids->len;
  if (add_id (self, id))
    emit_changed (self, n_before);
}

void
cjm_selection_remove (CjmSelection *self,
                      const char   *id)
{
  guint n_before;

  g_return_if_fail (CJM_IS_SELECTION (self));
  g_return_if_fail (id != NULL);

  n_before = self->ids->len;
  if (remove_id (self, id))
    emit_changed (self, n_before);
}

/**
 * cjm_selection_toggle:
 * @self: a #CjmSelection
 * @id: an element id
 *
 * Selects @id if it was not, unselects it if it was: a Ctrl-click.
 */
void
cjm_selection_toggle (CjmSelection *self,
                      const char   *id)
{
  guint n_before;

  g_return_if_fail (CJM_IS_SELECTION (self));
  g_return_if_fail (id != NULL);

  n_before = self->ids->len;
  if (!remove_id (self, id))
    add_id (self, id);
  emit_changed (self, n_before);
}

/**
 * cjm_selection_set_ids:
 * @self: a #CjmSelection
 * @ids: (array zero-terminated=1) (nullable): the ids to select
 *
 * Selects exactly @ids (a rubber band), without changing the focus.
 */
void
cjm_selection_set_ids (CjmSelection       *self,
                       const char * const *ids)
{
  guint n_before;
  gboolean same;

  g_return_if_fail (CJM_IS_SELECTION (self));

  same = (ids == NULL ? 0 : g_strv_length ((char **)ids)) == self->ids->len;
  for (guint i = 0; same && ids != NULL && ids[i] != NULL; i++)
    same = g_strcmp0 (ids[i], g_ptr_array_index (self->ids, i)) == 0;
  if (same)
    return;

  n_before = self->ids->len;
  remove_all (self);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    add_id (self, ids[i]);
  emit_changed (self, n_before);
}

/**
 * cjm_selection_clear:
 * @self: a #CjmSelection
 *
 * Unselects everything; the focus stays.
 */
void
cjm_selection_clear (CjmSelection *self)
{
  guint n_before;

  g_return_if_fail (CJM_IS_SELECTION (self));

  if (self->ids->len == 0)
    return;

  n_before = self->ids->len;
  remove_all (self);
  emit_changed (self, n_before);
}

/**
 * cjm_selection_set_focused:
 * @self: a #CjmSelection
 * @id: (nullable): the element the keyboard acts on, or %NULL for none
 */
void
cjm_selection_set_focused (CjmSelection *self,
                           const char   *id)
{
  g_return_if_fail (CJM_IS_SELECTION (self));

  if (g_strcmp0 (self->focused, id) == 0)
    return;

  g_free (self->focused);
  self->focused = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_ID]);
  emit_changed (self, self->ids->len);
}

/**
 * cjm_selection_prune:
 * @self: a #CjmSelection
 * @map: the map the ids belong to
 *
 * Forgets the ids of elements no longer in @map (deleted, or undone), the
 * focused one included. Emits #CjmSelection::changed only if one went.
 */
void
cjm_selection_prune (CjmSelection *self,
                     CjmMap       *map)
{
  guint n_before;
  gboolean changed = FALSE;

  g_return_if_fail (CJM_IS_SELECTION (self));
  g_return_if_fail (CJM_IS_MAP (map));

  n_before = self->ids->len;
  for (guint i = self->ids->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (self->ids, i - 1);

      if (cjm_map_lookup (map, id) == NULL)
        {
          remove_id (self, id);
          changed = TRUE;
        }
    }

  if (self->focused != NULL && cjm_map_lookup (map, self->focused) == NULL)
    {
      g_clear_pointer (&self->focused, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_ID]);
      changed = TRUE;
    }

  if (changed)
    emit_changed (self, n_before);
}
