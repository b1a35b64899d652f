/* cjm-merge.c: three-way merge of two versions of a map, element by element
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-element-private.h"
#include "cjm-emotion.h"
#include "cjm-enum-types.h"
#include "cjm-file.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-map-check-private.h"
#include "cjm-map-private.h"
#include "cjm-merge-private.h"
#include "cjm-persona.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

/* Two people edited copies of one map apart: "mine", the map being
 * edited here, and "theirs", the file someone else saved; "base" is the
 * version both started from (the one this window loaded or last saved).
 * Every element has a stable id, so each element of the three is matched
 * by id and merged on its own:
 *
 * - a field changed on one side only takes that side's value; changed on
 *   both sides to the same value, that value; to different values, it is
 *   a conflict, mine until the user picks;
 * - an element added on either side is added; one deleted on one side and
 *   left alone on the other is deleted; deleted on one side and changed on
 *   the other, it is a conflict (kept, until the user picks);
 * - an element deleted on one side that the other links to (a lane the
 *   other added a card to) is kept, so that nothing is lost;
 * - order: if I did not reorder a collection, their order is taken, else
 *   mine; what either side added goes after the element it followed there;
 *   a step moved to another stage moves like a changed field;
 * - content from newer versions of the format is kept from both sides;
 * - two emotions both sides added for the same persona and step are one
 *   emotion, whose differing fields are conflicts.
 *
 * The result is written and read again, so that whatever a merge can make
 * that a map cannot hold is repaired like a file's (and reported).
 */

enum {
  C_REVISIONS,
  C_PERSONAS,
  C_STAGES,
  C_LANES,
  C_CARDS,
  C_EMOTIONS,
  C_CONNECTIONS,
  C_STEPS,
  N_COLLECTIONS
};

typedef struct
{
  char             *id;
  CjmElement       *side[CJM_MERGE_N_SIDES];
  /* Steps: the id of their stage on each side. */
  char             *stage[CJM_MERGE_N_SIDES];
  CjmMergeConflict *existence;
  /* property → CjmMergeConflict, borrowed */
  GHashTable       *field_conflicts;
  /* An emotion of theirs merged into one of mine. */
  guint             absorbed : 1;
  /* Kept although deleted: something kept links to it. */
  guint             resurrected : 1;
} Item;

struct _CjmMerge
{
  GObject     parent_instance;

  CjmMap     *maps[CJM_MERGE_N_SIDES];
  GPtrArray  *conflicts;
  Item       *map_item;
  /* Of Item, in the order first met; and id → Item. */
  GPtrArray  *items[N_COLLECTIONS];
  GHashTable *by_id[N_COLLECTIONS];
};

G_DEFINE_FINAL_TYPE (CjmMerge, cjm_merge, G_TYPE_OBJECT)

static GType
collection_type (guint collection)
{
  switch (collection)
    {
    case C_REVISIONS: return CJM_TYPE_REVISION;
    case C_PERSONAS: return CJM_TYPE_PERSONA;
    case C_STAGES: return CJM_TYPE_STAGE;
    case C_LANES: return CJM_TYPE_LANE;
    case C_CARDS: return CJM_TYPE_CARD;
    case C_EMOTIONS: return CJM_TYPE_EMOTION;
    case C_CONNECTIONS: return CJM_TYPE_CONNECTION;
    case C_STEPS: return CJM_TYPE_STEP;
    default: g_assert_not_reached ();
    }
}

static void
conflict_free (CjmMergeConflict *conflict)
{
  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      g_clear_object (&conflict->elements[s]);
      g_clear_object (&conflict->maps[s]);
      if (G_IS_VALUE (&conflict->values[s]))
        g_value_unset (&conflict->values[s]);
    }

  g_free (conflict->element_id);
  g_free (conflict->field);
  g_free (conflict);
}

static void
item_free (Item *item)
{
  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      g_clear_object (&item->side[s]);
      g_free (item->stage[s]);
    }

  g_clear_pointer (&item->field_conflicts, g_hash_table_unref);
  g_free (item->id);
  g_free (item);
}

static void
cjm_merge_finalize (GObject *object)
{
  CjmMerge *self = (CjmMerge *)object;

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    g_clear_object (&self->maps[s]);

  for (guint c = 0; c < N_COLLECTIONS; c++)
    {
      g_clear_pointer (&self->by_id[c], g_hash_table_unref);
      g_clear_pointer (&self->items[c], g_ptr_array_unref);
    }

  g_clear_pointer (&self->map_item, item_free);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_merge_parent_class)->finalize (object);
}

static void
cjm_merge_class_init (CjmMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_merge_finalize;
}

static void
cjm_merge_init (CjmMerge *self)
{
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)conflict_free);

  for (guint c = 0; c < N_COLLECTIONS; c++)
    {
      self->items[c] = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
      self->by_id[c] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* Setters store an empty text or list as none: compare them that way. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      return g_strcmp0 (sa != NULL && sa[0] != '\0' ? sa : NULL,
                        sb != NULL && sb[0] != '\0' ? sb : NULL) == 0;
    }

  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa != NULL && sa[0] == NULL)
        sa = NULL;
      if (sb != NULL && sb[0] == NULL)
        sb = NULL;

      if (sa == NULL || sb == NULL)
        return sa == sb;

      return g_strv_equal (sa, sb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
extras_equal (CjmElement *a,
              CjmElement *b)
{
  CjmExtras *ea = _cjm_element_get_extras (a);
  CjmExtras *eb = _cjm_element_get_extras (b);

  if (ea == NULL || cjm_extras_is_empty (ea))
    return eb == NULL || cjm_extras_is_empty (eb);

  return eb != NULL && cjm_extras_equal (ea, eb);
}

/* Whether an element is the same on two sides: fields, kept content and,
 * for a step, its stage. */
static gboolean
item_same (Item *item,
           guint a,
           guint b)
{
  return cjm_element_equal (item->side[a], item->side[b]) &&
         g_strcmp0 (item->stage[a], item->stage[b]) == 0;
}

static Item *
ensure_item (CjmMerge   *self,
             guint       collection,
             const char *id)
{
  Item *item = g_hash_table_lookup (self->by_id[collection], id);

  if (item == NULL)
    {
      item = g_new0 (Item, 1);
      item->id = g_strdup (id);
      g_ptr_array_add (self->items[collection], item);
      g_hash_table_insert (self->by_id[collection], item->id, item);
    }

  return item;
}

static void
collect (CjmMerge   *self,
         guint       side,
         guint       collection,
         GListModel *model,
         const char *stage_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
      Item *item = ensure_item (self, collection, cjm_element_get_id (element));

      /* A map repaired on loading has unique ids; keep the first anyway. */
      if (item->side[side] != NULL)
        continue;

      item->side[side] = g_object_ref (element);
      item->stage[side] = g_strdup (stage_id);

      if (CJM_IS_STAGE (element))
        collect (self, side, C_STEPS, cjm_stage_get_steps (CJM_STAGE (element)),
                 cjm_element_get_id (element));
    }
}

static CjmMergeConflict *
conflict_new (CjmMerge             *self,
              CjmMergeConflictKind  kind,
              Item                 *item)
{
  CjmMergeConflict *conflict = g_new0 (CjmMergeConflict, 1);

  conflict->kind = kind;
  conflict->element_id = g_strdup (item->id);
  /* What is unknown takes mine: the map stays as the user sees it. */
  conflict->pick = CJM_MERGE_PICK_MINE;

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      g_set_object (&conflict->elements[s], item->side[s]);
      g_set_object (&conflict->maps[s], self->maps[s]);
    }

  g_ptr_array_add (self->conflicts, conflict);

  return conflict;
}

static void
add_field_conflict (CjmMerge   *self,
                    Item       *item,
                    const char *property,
                    const char *xml_name,
                    GParamSpec *pspec,
                    GValue      values[CJM_MERGE_N_SIDES])
{
  CjmMergeConflict *conflict = conflict_new (self, CJM_MERGE_CONFLICT_FIELD, item);

  conflict->field = g_strdup (property);
  conflict->xml_name = xml_name;
  conflict->pspec = pspec;

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      if (G_IS_VALUE (&values[s]))
        {
          g_value_init (&conflict->values[s], G_VALUE_TYPE (&values[s]));
          g_value_copy (&values[s], &conflict->values[s]);
        }
    }

  if (item->field_conflicts == NULL)
    item->field_conflicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (item->field_conflicts, conflict->field, conflict);
}

/* Finds the conflicts of one element present on both sides. */
static void
analyze_fields (CjmMerge *self,
                Item     *item)
{
  CjmElement *mine = item->side[CJM_MERGE_SIDE_MINE];
  CjmElement *theirs = item->side[CJM_MERGE_SIDE_THEIRS];
  CjmElement *base = item->side[CJM_MERGE_SIDE_BASE];
  CjmElementClass *klass = CJM_ELEMENT_GET_CLASS (mine);

  if (G_OBJECT_TYPE (mine) != G_OBJECT_TYPE (theirs))
    return;

  if (base != NULL && G_OBJECT_TYPE (base) != G_OBJECT_TYPE (mine))
    base = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *property = klass->fields[i].property;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      GValue values[CJM_MERGE_N_SIDES] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
      gboolean conflict;

      g_object_get_property (G_OBJECT (mine), property, &values[CJM_MERGE_SIDE_MINE]);
      g_object_get_property (G_OBJECT (theirs), property, &values[CJM_MERGE_SIDE_THEIRS]);
      if (base != NULL)
        g_object_get_property (G_OBJECT (base), property, &values[CJM_MERGE_SIDE_BASE]);

      conflict = !values_equal (pspec, &values[CJM_MERGE_SIDE_MINE], &values[CJM_MERGE_SIDE_THEIRS]) &&
                 (base == NULL ||
                  (!values_equal (pspec, &values[CJM_MERGE_SIDE_MINE], &values[CJM_MERGE_SIDE_BASE]) &&
                   !values_equal (pspec, &values[CJM_MERGE_SIDE_THEIRS], &values[CJM_MERGE_SIDE_BASE])));

      if (conflict)
        add_field_conflict (self, item, property, klass->fields[i].xml_name, pspec, values);

      for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
        if (G_IS_VALUE (&values[s]))
          g_value_unset (&values[s]);
    }

  /* The stage of a step, like a field. */
  if (CJM_IS_STEP (mine) &&
      g_strcmp0 (item->stage[CJM_MERGE_SIDE_MINE], item->stage[CJM_MERGE_SIDE_THEIRS]) != 0 &&
      (base == NULL ||
       (g_strcmp0 (item->stage[CJM_MERGE_SIDE_MINE], item->stage[CJM_MERGE_SIDE_BASE]) != 0 &&
        g_strcmp0 (item->stage[CJM_MERGE_SIDE_THEIRS], item->stage[CJM_MERGE_SIDE_BASE]) != 0)))
    {
      GValue values[CJM_MERGE_N_SIDES] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

      for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
        {
          if (item->side[s] == NULL || (s == CJM_MERGE_SIDE_BASE && base == NULL))
            continue;
          g_value_init (&values[s], G_TYPE_STRING);
          g_value_set_string (&values[s], item->stage[s]);
        }

      add_field_conflict (self, item, CJM_MERGE_STAGE_FIELD, CJM_MERGE_STAGE_FIELD, NULL, values);

      for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
        if (G_IS_VALUE (&values[s]))
          g_value_unset (&values[s]);
    }
}

static void
analyze (CjmMerge *self,
         Item     *item)
{
  gboolean in_base = item->side[CJM_MERGE_SIDE_BASE] != NULL;
  gboolean in_mine = item->side[CJM_MERGE_SIDE_MINE] != NULL;
  gboolean in_theirs = item->side[CJM_MERGE_SIDE_THEIRS] != NULL;

  if (item->absorbed)
    return;

  if (in_mine && in_theirs)
    analyze_fields (self, item);
  else if (in_base && in_mine && !item_same (item, CJM_MERGE_SIDE_BASE, CJM_MERGE_SIDE_MINE))
    item->existence = conflict_new (self, CJM_MERGE_CONFLICT_DELETED, item);
  else if (in_base && in_theirs && !item_same (item, CJM_MERGE_SIDE_BASE, CJM_MERGE_SIDE_THEIRS))
    item->existence = conflict_new (self, CJM_MERGE_CONFLICT_DELETED, item);
}

/* Both added an emotion for one persona at one step: that is one emotion,
 * mine, whose fields theirs may differ in. */
static void
pair_emotions (CjmMerge *self)
{
  GPtrArray *items = self->items[C_EMOTIONS];
  g_autoptr(GHashTable) added_by_me = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      CjmEmotion *mine = (CjmEmotion *)item->side[CJM_MERGE_SIDE_MINE];

      if (mine != NULL && item->side[CJM_MERGE_SIDE_BASE] == NULL &&
          item->side[CJM_MERGE_SIDE_THEIRS] == NULL)
        g_hash_table_insert (added_by_me,
                             g_strdup_printf ("%s\x1f%s",
                                              cjm_emotion_get_persona_id (mine),
                                              cjm_emotion_get_step_id (mine)),
                             item);
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      CjmEmotion *theirs = (CjmEmotion *)item->side[CJM_MERGE_SIDE_THEIRS];
      g_autofree char *key = NULL;
      Item *paired;

      if (theirs == NULL || item->side[CJM_MERGE_SIDE_BASE] != NULL ||
          item->side[CJM_MERGE_SIDE_MINE] != NULL)
        continue;

      key = g_strdup_printf ("%s\x1f%s", cjm_emotion_get_persona_id (theirs),
                             cjm_emotion_get_step_id (theirs));
      paired = g_hash_table_lookup (added_by_me, key);
      if (paired == NULL)
        continue;

      /* Theirs becomes the other side of mine, under mine's id. */
      paired->side[CJM_MERGE_SIDE_THEIRS] = cjm_element_copy (CJM_ELEMENT (theirs),
                                                               paired->id);
      item->absorbed = TRUE;
      g_hash_table_remove (added_by_me, key);
    }
}

/**
 * cjm_merge_new:
 * @base: (nullable): the version both sides started from, or %NULL if
 *   unknown (every difference is then a conflict)
 * @mine: the map being edited
 * @theirs: the version saved by someone else
 *
 * Compares the three versions and finds the conflicts; nothing is changed
 * until the result is built and applied.
 *
 * Returns: (transfer full): the merge
 */
CjmMerge *
cjm_merge_new (CjmMap *base,
               CjmMap *mine,
               CjmMap *theirs)
{
  g_autoptr(CjmMap) empty = NULL;
  CjmMerge *self;

  g_return_val_if_fail (base == NULL || CJM_IS_MAP (base), NULL);
  g_return_val_if_fail (CJM_IS_MAP (mine), NULL);
  g_return_val_if_fail (CJM_IS_MAP (theirs), NULL);

  if (base == NULL)
    base = empty = cjm_map_new (cjm_element_get_id (CJM_ELEMENT (mine)));

  self = g_object_new (CJM_TYPE_MERGE, NULL);
  self->maps[CJM_MERGE_SIDE_BASE] = g_object_ref (base);
  self->maps[CJM_MERGE_SIDE_MINE] = g_object_ref (mine);
  self->maps[CJM_MERGE_SIDE_THEIRS] = g_object_ref (theirs);

  /* The map itself: one element present on all sides, whatever its id. */
  self->map_item = g_new0 (Item, 1);
  self->map_item->id = g_strdup (cjm_element_get_id (CJM_ELEMENT (mine)));
  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    self->map_item->side[s] = g_object_ref (CJM_ELEMENT (self->maps[s]));
  if (empty != NULL)
    g_clear_object (&self->map_item->side[CJM_MERGE_SIDE_BASE]);
  analyze_fields (self, self->map_item);

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      for (guint c = 0; c < C_STEPS; c++)
        collect (self, s, c, G_LIST_MODEL (_cjm_map_get_store (self->maps[s], collection_type (c))),
                 NULL);
    }

  pair_emotions (self);

  for (guint c = 0; c < N_COLLECTIONS; c++)
    {
      for (guint i = 0; i < self->items[c]->len; i++)
        analyze (self, g_ptr_array_index (self->items[c], i));
    }

  return self;
}

guint
cjm_merge_get_n_conflicts (CjmMerge *self)
{
  g_return_val_if_fail (CJM_IS_MERGE (self), 0);

  return self->conflicts->len;
}

/**
 * cjm_merge_get_conflict:
 * @self: a #CjmMerge
 * @position: which conflict
 *
 * Conflicts are listed in the order of the map: the map's own fields,
 * revisions, personas, stages, lanes, cards, emotions, connections, steps.
 *
 * Returns: (transfer none): the conflict, owned by @self
 */
CjmMergeConflict *
cjm_merge_get_conflict (CjmMerge *self,
                        guint     position)
{
  g_return_val_if_fail (CJM_IS_MERGE (self), NULL);
  g_return_val_if_fail (position < self->conflicts->len, NULL);

  return g_ptr_array_index (self->conflicts, position);
}

void
cjm_merge_pick_all (CjmMerge     *self,
                    CjmMergePick  pick)
{
  g_return_if_fail (CJM_IS_MERGE (self));

  for (guint i = 0; i < self->conflicts->len; i++)
    cjm_merge_conflict_set_pick (g_ptr_array_index (self->conflicts, i), pick);
}

/* Building the result */

static gboolean
item_is_kept (Item *item)
{
  gboolean in_base = item->side[CJM_MERGE_SIDE_BASE] != NULL;
  gboolean in_mine = item->side[CJM_MERGE_SIDE_MINE] != NULL;
  gboolean in_theirs = item->side[CJM_MERGE_SIDE_THEIRS] != NULL;

  if (item->absorbed)
    return FALSE;

  if (item->resurrected || (in_mine && in_theirs))
    return TRUE;

  if (!in_base)
    return in_mine || in_theirs;

  /* Deleted on one side: kept if changed on the other and so picked. */
  if (item->existence != NULL)
    return (in_mine && item->existence->pick == CJM_MERGE_PICK_MINE) ||
           (in_theirs && item->existence->pick == CJM_MERGE_PICK_THEIRS);

  return FALSE;
}

static CjmMergeSide
side_for_pick (CjmMergePick pick)
{
  return pick == CJM_MERGE_PICK_THEIRS ? CJM_MERGE_SIDE_THEIRS : CJM_MERGE_SIDE_MINE;
}

/* The three-way choice for one value: the side whose value is taken. */
static CjmMergeSide
choose_side (Item          *item,
             const char    *field,
             gboolean       mine_is_base,
             gboolean       theirs_is_base)
{
  CjmMergeConflict *conflict = NULL;

  if (item->field_conflicts != NULL)
    conflict = g_hash_table_lookup (item->field_conflicts, field);

  if (conflict != NULL)
    return side_for_pick (conflict->pick);

  /* Changed by them only: theirs; else mine (changed by me, both alike). */
  if (mine_is_base && !theirs_is_base)
    return CJM_MERGE_SIDE_THEIRS;

  return CJM_MERGE_SIDE_MINE;
}

static void
merge_extras (CjmElement *result,
              CjmElement *base,
              CjmElement *mine,
              CjmElement *theirs)
{
  CjmExtras *extras_mine = _cjm_element_get_extras (mine);
  CjmExtras *extras_theirs = _cjm_element_get_extras (theirs);
  CjmExtras *merged;

  if (extras_equal (mine, theirs))
    return;

  if (base != NULL && extras_equal (mine, base))
    {
      _cjm_element_take_extras (result, extras_theirs ? cjm_extras_copy (extras_theirs) : NULL);
      return;
    }

  if ((base != NULL && extras_equal (theirs, base)) || extras_theirs == NULL)
    return;

  /* Both changed what this version does not understand: keep both. */
  merged = extras_mine ? cjm_extras_copy (extras_mine) : cjm_extras_new ();

  for (guint i = 0; i < extras_theirs->namespaces->len; i++)
    {
      const CjmExtraNamespace *ns = g_ptr_array_index (extras_theirs->namespaces, i);
      gboolean found = FALSE;

      for (guint j = 0; j < merged->namespaces->len && !found; j++)
        {
          const CjmExtraNamespace *other = g_ptr_array_index (merged->namespaces, j);

          found = g_strcmp0 (ns->prefix, other->prefix) == 0;
        }

      if (!found)
        cjm_extras_add_namespace (merged, ns->prefix, ns->uri);
    }

  for (guint i = 0; i < extras_theirs->attributes->len; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (extras_theirs->attributes, i);
      gboolean found = FALSE;

      for (guint j = 0; j < merged->attributes->len && !found; j++)
        {
          const CjmExtraAttribute *other = g_ptr_array_index (merged->attributes, j);

          found = g_strcmp0 (attr->ns_uri, other->ns_uri) == 0 &&
                  g_strcmp0 (attr->name, other->name) == 0;
        }

      if (!found)
        cjm_extras_add_attribute (merged, attr->ns_uri, attr->name, attr->value);
    }

  for (guint i = 0; i < extras_theirs->nodes->len; i++)
    {
      const char *node = g_ptr_array_index (extras_theirs->nodes, i);
      gboolean found = FALSE;

      for (guint j = 0; j < merged->nodes->len && !found; j++)
        found = g_strcmp0 (node, g_ptr_array_index (merged->nodes, j)) == 0;

      if (!found)
        cjm_extras_add_node (merged, node);
    }

  _cjm_element_take_extras (result, merged);
}

/* The merged element of a kept item: a new object. */
static CjmElement *
build_element (Item *item)
{
  CjmElement *base = item->side[CJM_MERGE_SIDE_BASE];
  CjmElement *mine = item->side[CJM_MERGE_SIDE_MINE];
  CjmElement *theirs = item->side[CJM_MERGE_SIDE_THEIRS];
  CjmElementClass *klass;
  CjmElement *result;

  if (mine == NULL || theirs == NULL || G_OBJECT_TYPE (mine) != G_OBJECT_TYPE (theirs))
    {
      CjmElement *only = mine ? mine : theirs ? theirs : base;

      return cjm_element_copy (only, item->id);
    }

  if (base != NULL && G_OBJECT_TYPE (base) != G_OBJECT_TYPE (mine))
    base = NULL;

  result = cjm_element_copy (mine, item->id);
  klass = CJM_ELEMENT_GET_CLASS (mine);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *property = klass->fields[i].property;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      g_auto(GValue) value_base = G_VALUE_INIT;
      g_auto(GValue) value_mine = G_VALUE_INIT;
      g_auto(GValue) value_theirs = G_VALUE_INIT;
      gboolean mine_is_base = FALSE;
      gboolean theirs_is_base = FALSE;

      g_object_get_property (G_OBJECT (mine), property, &value_mine);
      g_object_get_property (G_OBJECT (theirs), property, &value_theirs);
      if (base != NULL)
        {
          g_object_get_property (G_OBJECT (base), property, &value_base);
          mine_is_base = values_equal (pspec, &value_mine, &value_base);
          theirs_is_base = values_equal (pspec, &value_theirs, &value_base);
        }

      if (choose_side (item, property, mine_is_base, theirs_is_base) == CJM_MERGE_SIDE_THEIRS)
        g_object_set_property (G_OBJECT (result), property, &value_theirs);
    }

  merge_extras (result, base, mine, theirs);

  return result;
}

/* The stage a kept step goes to. */
static const char *
build_stage (Item *item)
{
  gboolean in_mine = item->side[CJM_MERGE_SIDE_MINE] != NULL;
  gboolean in_theirs = item->side[CJM_MERGE_SIDE_THEIRS] != NULL;
  gboolean in_base = item->side[CJM_MERGE_SIDE_BASE] != NULL;
  CjmMergeSide side;

  if (!in_mine || !in_theirs)
    return in_mine ? item->stage[CJM_MERGE_SIDE_MINE]
                   : in_theirs ? item->stage[CJM_MERGE_SIDE_THEIRS]
                               : item->stage[CJM_MERGE_SIDE_BASE];

  side = choose_side (item, CJM_MERGE_STAGE_FIELD,
                      in_base && g_strcmp0 (item->stage[CJM_MERGE_SIDE_MINE],
                                            item->stage[CJM_MERGE_SIDE_BASE]) == 0,
                      in_base && g_strcmp0 (item->stage[CJM_MERGE_SIDE_THEIRS],
                                            item->stage[CJM_MERGE_SIDE_BASE]) == 0);

  return item->stage[side];
}

typedef struct
{
  CjmMerge   *merge;
  /* id → merged element, per collection; owned */
  GHashTable *kept[N_COLLECTIONS];
  /* step id → its stage id; borrowed */
  GHashTable *step_stage;
} Build;

static void
build_clear (Build *build)
{
  for (guint c = 0; c < N_COLLECTIONS; c++)
    g_clear_pointer (&build->kept[c], g_hash_table_unref);
  g_clear_pointer (&build->step_stage, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

static void
keep (Build *build,
      guint  collection,
      Item  *item)
{
  CjmElement *element = build_element (item);

  g_hash_table_replace (build->kept[collection], item->id, element);

  if (collection == C_STEPS)
    g_hash_table_replace (build->step_stage, item->id, (gpointer)build_stage (item));
}

/* Keeps the element @id of @collection, deleted by one side, if the merged
 * map links to it. Returns %TRUE if it was brought back. */
static gboolean
ensure_linked (Build      *build,
               guint       collection,
               const char *id)
{
  Item *item;

  if (id == NULL || g_hash_table_contains (build->kept[collection], id))
    return FALSE;

  item = g_hash_table_lookup (build->merge->by_id[collection], id);
  if (item == NULL || item->absorbed)
    return FALSE;

  item->resurrected = TRUE;
  keep (build, collection, item);

  return TRUE;
}

static gboolean
ensure_links (Build *build)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean changed = FALSE;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) emotions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) step_stages = g_ptr_array_new ();

  /* Copied first: keeping an element changes the tables. */
  g_hash_table_iter_init (&iter, build->kept[C_CARDS]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (cards, g_object_ref (value));
  g_hash_table_iter_init (&iter, build->kept[C_EMOTIONS]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (emotions, g_object_ref (value));
  g_hash_table_iter_init (&iter, build->kept[C_CONNECTIONS]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (connections, g_object_ref (value));
  g_hash_table_iter_init (&iter, build->step_stage);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (step_stages, value);

  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);

      changed |= ensure_linked (build, C_LANES, cjm_card_get_lane_id (card));
      changed |= ensure_linked (build, C_STEPS, cjm_card_get_step_id (card));
    }

  for (guint i = 0; i < emotions->len; i++)
    {
      CjmEmotion *emotion = g_ptr_array_index (emotions, i);

      changed |= ensure_linked (build, C_PERSONAS, cjm_emotion_get_persona_id (emotion));
      changed |= ensure_linked (build, C_STEPS, cjm_emotion_get_step_id (emotion));
    }

  for (guint i = 0; i < connections->len; i++)
    {
      CjmConnection *connection = g_ptr_array_index (connections, i);

      changed |= ensure_linked (build, C_CARDS, cjm_connection_get_from_id (connection));
      changed |= ensure_linked (build, C_CARDS, cjm_connection_get_to_id (connection));
    }

  for (guint i = 0; i < step_stages->len; i++)
    changed |= ensure_linked (build, C_STAGES, g_ptr_array_index (step_stages, i));

  return changed;
}

/* The ids of @model's elements (or of the steps of stage @stage_id). */
static GPtrArray *
list_ids (CjmMap     *map,
          guint       collection,
          const char *stage_id)
{
  GPtrArray *ids = g_ptr_array_new ();
  GListModel *model;
  guint n;

  if (collection == C_STEPS)
    {
      CjmStage *stage = cjm_map_lookup_typed (map, stage_id, CJM_TYPE_STAGE);

      if (stage == NULL)
        return ids;
      model = cjm_stage_get_steps (stage);
    }
  else
    {
      model = G_LIST_MODEL (_cjm_map_get_store (map, collection_type (collection)));
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      /* The id lives as long as the element, which the map holds. */
      g_ptr_array_add (ids, (gpointer)cjm_element_get_id (element));
    }

  return ids;
}

static gboolean
ids_equal (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id,
             guint      *position)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (strcmp (g_ptr_array_index (ids, i), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Orders the ids of @wanted (id → anything) from the three sides' orders
 * (see the top of the file). */
static GPtrArray *
merge_order (GHashTable *wanted,
             GPtrArray  *lists[CJM_MERGE_N_SIDES])
{
  g_autoptr(GHashTable) placed_by = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *seq[CJM_MERGE_N_SIDES];
  GPtrArray *result;
  GHashTableIter iter;
  gpointer key;

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    {
      seq[s] = g_ptr_array_new ();

      for (guint i = 0; i < lists[s]->len; i++)
        {
          const char *id = g_ptr_array_index (lists[s], i);

          if (g_hash_table_contains (wanted, id) &&
              ids_contain (lists[(s + 1) % CJM_MERGE_N_SIDES], id, NULL) &&
              ids_contain (lists[(s + 2) % CJM_MERGE_N_SIDES], id, NULL))
            g_ptr_array_add (seq[s], (gpointer)id);
        }
    }

  /* The elements all three have: in their order if I did not reorder. */
  if (ids_equal (seq[CJM_MERGE_SIDE_MINE], seq[CJM_MERGE_SIDE_BASE]))
    result = g_ptr_array_copy (seq[CJM_MERGE_SIDE_THEIRS], NULL, NULL);
  else
    result = g_ptr_array_copy (seq[CJM_MERGE_SIDE_MINE], NULL, NULL);

  for (guint i = 0; i < result->len; i++)
    g_hash_table_insert (placed_by, g_ptr_array_index (result, i), GUINT_TO_POINTER (CJM_MERGE_SIDE_BASE + 1));

  /* What else is kept goes after what it followed on its side; theirs
   * after mine at the same place. */
  for (guint side = CJM_MERGE_SIDE_MINE; side <= CJM_MERGE_SIDE_THEIRS; side++)
    {
      GPtrArray *list = lists[side];

      for (guint i = 0; i < list->len; i++)
        {
          const char *id = g_ptr_array_index (list, i);
          guint position = 0;

          if (!g_hash_table_contains (wanted, id) || g_hash_table_contains (placed_by, id))
            continue;

          for (guint j = i; j > 0; j--)
            {
              const char *before = g_ptr_array_index (list, j - 1);

              if (g_hash_table_contains (placed_by, before) &&
                  ids_contain (result, before, &position))
                {
                  position++;
                  break;
                }
            }

          while (side == CJM_MERGE_SIDE_THEIRS && position < result->len &&
                 GPOINTER_TO_UINT (g_hash_table_lookup (placed_by, g_ptr_array_index (result, position))) ==
                 CJM_MERGE_SIDE_MINE + 1)
            position++;

          g_ptr_array_insert (result, position, (gpointer)id);
          g_hash_table_insert (placed_by, (gpointer)id, GUINT_TO_POINTER (side + 1));
        }
    }

  /* Anything left (kept from the base alone): at the end. */
  for (guint i = 0; i < lists[CJM_MERGE_SIDE_BASE]->len; i++)
    {
      const char *id = g_ptr_array_index (lists[CJM_MERGE_SIDE_BASE], i);

      if (g_hash_table_contains (wanted, id) && !g_hash_table_contains (placed_by, id))
        {
          g_ptr_array_add (result, (gpointer)id);
          g_hash_table_insert (placed_by, (gpointer)id, GUINT_TO_POINTER (CJM_MERGE_SIDE_BASE + 1));
        }
    }

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (placed_by, key))
      g_ptr_array_add (result, key);

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    g_ptr_array_unref (seq[s]);

  return result;
}

static void
append_ordered (Build      *build,
                guint       collection,
                GHashTable *wanted,
                const char *stage_id,
                GListStore *store)
{
  GPtrArray *lists[CJM_MERGE_N_SIDES];
  g_autoptr(GPtrArray) order = NULL;

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    lists[s] = list_ids (build->merge->maps[s], collection, stage_id);

  order = merge_order (wanted, lists);

  for (guint i = 0; i < order->len; i++)
    g_list_store_append (store, g_hash_table_lookup (build->kept[collection],
                                                     g_ptr_array_index (order, i)));

  for (guint s = 0; s < CJM_MERGE_N_SIDES; s++)
    g_ptr_array_unref (lists[s]);
}

/**
 * cjm_merge_build_result:
 * @self: a #CjmMerge
 * @problems: (nullable) (element-type CjmProblem): where to report what
 *   had to be repaired in the result
 *
 * Builds the merged map with the picks made so far (mine for every
 * conflict not picked). The maps merged are not changed: apply the
 * result to the map being edited with cjm_map_sync(), as one step.
 *
 * Returns: (transfer full): the merged map, a new one
 */
CjmMap *
cjm_merge_build_result (CjmMerge  *self,
                        GPtrArray *problems)
{
  g_auto(Build) build = { 0, };
  g_autoptr(CjmMap) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CjmMap *repaired;

  g_return_val_if_fail (CJM_IS_MERGE (self), NULL);

  build.merge = self;
  build.step_stage = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint c = 0; c < N_COLLECTIONS; c++)
    build.kept[c] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint c = 0; c < N_COLLECTIONS; c++)
    {
      for (guint i = 0; i < self->items[c]->len; i++)
        {
          Item *item = g_ptr_array_index (self->items[c], i);

          item->resurrected = FALSE;
          if (item_is_kept (item))
            keep (&build, c, item);
        }
    }

  while (ensure_links (&build))
    ;

  result = CJM_MAP (build_element (self->map_item));

  for (guint c = 0; c < C_STEPS; c++)
    append_ordered (&build, c, build.kept[c], NULL,
                    _cjm_map_get_store (result, collection_type (c)));

  /* Each stage gets the steps that end up in it, in order. */
  {
    GListModel *stages = cjm_map_get_stages (result);

    for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
      {
        g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
        const char *stage_id = cjm_element_get_id (CJM_ELEMENT (stage));
        g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, build.step_stage);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (g_strcmp0 (value, stage_id) == 0)
            g_hash_table_add (wanted, key);

        append_ordered (&build, C_STEPS, wanted, stage_id, _cjm_stage_get_step_store (stage));
      }
  }

  /* Whatever the merge made that a map cannot hold is repaired as in a file. */
  bytes = cjm_map_to_bytes (result, CJM_FILE_FORMAT_CJM);
  repaired = cjm_map_read_bytes (bytes, _("Merged map"), problems, &error);
  if (repaired == NULL)
    {
      g_critical ("The merged map could not be read back: %s", error->message);
      return g_steal_pointer (&result);
    }

  return repaired;
}
