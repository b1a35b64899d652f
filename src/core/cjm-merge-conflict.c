/* cjm-merge-conflict.c: what both sides changed differently, for the user
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-enum-types.h"
#include "cjm-labels.h"
#include "cjm-map.h"
#include "cjm-map-check-private.h"
#include "cjm-merge-private.h"

CjmMergeConflictKind
cjm_merge_conflict_get_kind (CjmMergeConflict *self)
{
  g_return_val_if_fail (self != NULL, CJM_MERGE_CONFLICT_FIELD);

  return self->kind;
}

const char *
cjm_merge_conflict_get_element_id (CjmMergeConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->element_id;
}

/**
 * cjm_merge_conflict_get_element:
 * @self: a conflict
 * @side: which version
 *
 * Returns: (transfer none) (nullable): the element in that version, or
 *   %NULL where it was deleted (or not there yet)
 */
CjmElement *
cjm_merge_conflict_get_element (CjmMergeConflict *self,
                                CjmMergeSide      side)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side < CJM_MERGE_N_SIDES, NULL);

  return self->elements[side];
}

/**
 * cjm_merge_conflict_dup_description:
 * @self: a conflict
 *
 * Returns: (transfer full): the element, for the user: its kind, title and
 *   id, e.g. "Touchpoint “Reads reviews” (card-3f2a)"
 */
char *
cjm_merge_conflict_dup_description (CjmMergeConflict *self)
{
  CjmElement *element;

  g_return_val_if_fail (self != NULL, NULL);

  element = self->elements[CJM_MERGE_SIDE_MINE];
  if (element == NULL)
    element = self->elements[CJM_MERGE_SIDE_THEIRS];
  if (element == NULL)
    element = self->elements[CJM_MERGE_SIDE_BASE];

  return _cjm_element_describe (element);
}

/**
 * cjm_merge_conflict_get_field:
 * @self: a conflict
 *
 * Returns: (nullable): the property both changed ("stage" for the stage of
 *   a step), or %NULL when one side deleted the element
 */
const char *
cjm_merge_conflict_get_field (CjmMergeConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field;
}

static const struct
{
  const char *xml_name;
  const char *label;
} field_labels[] = {
  { "title", NC_("field", "Title") },
  { "description", NC_("field", "Description") },
  { "scope-start", NC_("field", "Scope: start") },
  { "scope-end", NC_("field", "Scope: end") },
  { "target", NC_("field", "Target") },
  { "segment", NC_("field", "Segment") },
  { "offer", NC_("field", "Offer") },
  { "authors", NC_("field", "Authors") },
  { "created", NC_("field", "Created") },
  { "reviewed", NC_("field", "Reviewed") },
  { "date", NC_("field", "Date") },
  { "author", NC_("field", "Author") },
  { "note", NC_("field", "Note") },
  { "color", NC_("field", "Colour") },
  { "environment", NC_("field", "Environment") },
  { "picture", NC_("field", "Picture") },
  { "picture-type", NC_("field", "Picture type") },
  { "picture-data", NC_("field", "Picture") },
  { "name", NC_("field", "Name") },
  { "quote", NC_("field", "Quote") },
  { "profession", NC_("field", "Profession") },
  { "location", NC_("field", "Location") },
  { "family", NC_("field", "Family") },
  { "gender", NC_("field", "Gender") },
  { "age-range", NC_("field", "Age range") },
  { "income", NC_("field", "Income") },
  { "personality", NC_("field", "Personality") },
  { "behaviour", NC_("field", "Behaviour") },
  { "information-sources", NC_("field", "Information sources") },
  { "short-term-goals", NC_("field", "Short-term goals") },
  { "long-term-goals", NC_("field", "Long-term goals") },
  { "frustrations", NC_("field", "Frustrations") },
  { "desired-solutions", NC_("field", "Desired solutions") },
  { "goal", NC_("field", "Goal") },
  { "kind", NC_("field", "Kind") },
  { "channel", NC_("field", "Channel") },
  { "text-kind", NC_("field", "Kind of text") },
  { "lane", NC_("field", "Lane") },
  { "step", NC_("field", "Step") },
  { "stage", NC_("field", "Stage") },
  { "span", NC_("field", "Span") },
  { "presence", NC_("field", "Presence") },
  { "direction", NC_("field", "Direction") },
  { "department", NC_("field", "Owner (department)") },
  { "category", NC_("field", "Category") },
  { "severity", NC_("field", "Severity") },
  { "evidence-kind", NC_("field", "Kind of evidence") },
  { "evidence", NC_("field", "Evidence") },
  { "impact", NC_("field", "Impact") },
  { "effort", NC_("field", "Effort") },
  { "status", NC_("field", "Status") },
  { "personas", NC_("field", "Personas") },
  { "pain-points", NC_("field", "Pain points") },
  { "touchpoints", NC_("field", "Touchpoints") },
  { "kpi-name", NC_("field", "KPI") },
  { "kpi-target", NC_("field", "KPI target") },
  { "kpi-actual", NC_("field", "KPI actual value") },
  { "kpi-unit", NC_("field", "KPI unit") },
  { "owner", NC_("field", "Owner") },
  { "persona", NC_("field", "Persona") },
  { "score", NC_("field", "Feeling") },
  { "label", NC_("field", "Label") },
  { "from", NC_("field", "From") },
  { "to", NC_("field", "To") },
};

/**
 * cjm_merge_conflict_get_field_label:
 * @self: a conflict
 *
 * Returns: (nullable): what the field is called in the app, translated, or
 *   %NULL when one side deleted the element
 */
const char *
cjm_merge_conflict_get_field_label (CjmMergeConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->xml_name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].xml_name, self->xml_name) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "field", field_labels[i].label);

  return self->xml_name;
}

/**
 * cjm_merge_conflict_get_value:
 * @self: a conflict
 * @side: which version
 *
 * Returns: (nullable): the value of the field in that version, or %NULL
 *   where the element is not (or for a deletion)
 */
const GValue *
cjm_merge_conflict_get_value (CjmMergeConflict *self,
                              CjmMergeSide      side)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side < CJM_MERGE_N_SIDES, NULL);

  return G_IS_VALUE (&self->values[side]) ? &self->values[side] : NULL;
}

/* An element a value links to, named for the user. */
static char *
dup_linked_name (CjmMap     *map,
                 const char *id)
{
  CjmElement *element = map ? cjm_map_lookup (map, id) : NULL;

  return element != NULL ? _cjm_element_describe (element) : g_strdup (id);
}

/**
 * cjm_merge_conflict_dup_value_text:
 * @self: a conflict
 * @side: which version
 *
 * Returns: (transfer full): the value in that version for the user:
 *   texts as they are, choices by their label, links by the name of what
 *   they link to; for a deletion, whether the element was deleted, changed
 *   or left alone
 */
char *
cjm_merge_conflict_dup_value_text (CjmMergeConflict *self,
                                   CjmMergeSide      side)
{
  const GValue *value;
  CjmMap *map;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side < CJM_MERGE_N_SIDES, NULL);

  map = self->maps[side];

  if (self->kind == CJM_MERGE_CONFLICT_DELETED)
    {
      if (self->elements[side] == NULL)
        return g_strdup (_("Deleted"));
      if (side == CJM_MERGE_SIDE_BASE ||
          (self->elements[CJM_MERGE_SIDE_BASE] != NULL &&
           cjm_element_equal (self->elements[side], self->elements[CJM_MERGE_SIDE_BASE])))
        return g_strdup (_("Unchanged"));
      return g_strdup (_("Changed"));
    }

  value = cjm_merge_conflict_get_value (self, side);
  if (value == NULL)
    return g_strdup (_("(none)"));

  if (g_strcmp0 (self->field, CJM_MERGE_STAGE_FIELD) == 0)
    return dup_linked_name (map, g_value_get_string (value));

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == '\0')
        return g_strdup (_("(empty)"));

      if (self->pspec != NULL && g_str_has_suffix (self->pspec->name, "-id"))
        return dup_linked_name (map, text);

      return g_strdup (text);
    }

  if (G_VALUE_HOLDS_ENUM (value))
    {
      int number = g_value_get_enum (value);
      const char *label = cjm_enum_get_label (G_VALUE_TYPE (value), number);
      g_autoptr(GEnumClass) klass = NULL;
      GEnumValue *enum_value;

      if (label != NULL)
        return g_strdup (label);

      klass = g_type_class_ref (G_VALUE_TYPE (value));
      enum_value = g_enum_get_value (klass, number);
      if (number == 0)
        return g_strdup (_("(not set)"));

      return g_strdup (enum_value ? enum_value->value_nick : "?");
    }

  if (G_VALUE_HOLDS_INT (value))
    {
      if (self->xml_name != NULL && strcmp (self->xml_name, "score") == 0)
        {
          const char *label = cjm_emotion_score_get_label (g_value_get_int (value));

          if (label != NULL)
            return g_strdup (label);
        }

      return g_strdup_printf ("%d", g_value_get_int (value));
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *ids = g_value_get_boxed (value);
      g_autoptr(GString) text = g_string_new (NULL);

      if (ids == NULL || ids[0] == NULL)
        return g_strdup (_("(none)"));

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autofree char *name = dup_linked_name (map, ids[i]);

          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, name);
        }

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return g_strdup_value_contents (value);
}

CjmMergePick
cjm_merge_conflict_get_pick (CjmMergeConflict *self)
{
  g_return_val_if_fail (self != NULL, CJM_MERGE_PICK_MINE);

  return self->pick;
}

/**
 * cjm_merge_conflict_set_pick:
 * @self: a conflict
 * @pick: whose version the result takes
 *
 * For a deletion, picking the side that deleted the element deletes it;
 * picking the other keeps it as that side changed it.
 */
void
cjm_merge_conflict_set_pick (CjmMergeConflict *self,
                             CjmMergePick      pick)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (pick == CJM_MERGE_PICK_MINE || pick == CJM_MERGE_PICK_THEIRS);

  self->pick = pick;
}
