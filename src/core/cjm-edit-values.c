/* cjm-edit-values.c: changing one property of an element
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
#include "cjm-edit-private.h"
#include "cjm-history.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-property-command.h"

typedef struct
{
  /* The element's XML name, or NULL for any element. */
  const char *xml_name;
  const char *property;
  const char *label;
  /* The value is picked (a colour, a date, a picture), not typed: two
   * picks in a row are two steps to undo, not one. */
  gboolean picked;
} PropertyLabel;

/* The properties cjm_edit_set_value() changes, with the label of the
 * change. Those missing are placement and links, changed by the edits
 * that keep the map whole: cjm_edit_move_card() and the like. */
static const PropertyLabel property_labels[] = {
  { "persona", "name", N_("Rename Persona"), FALSE },
  { "stage", "name", N_("Rename Stage"), FALSE },
  { "step", "name", N_("Rename Step"), FALSE },
  { "lane", "name", N_("Rename Lane"), FALSE },
  { "lane", "kind", N_("Change Lane Kind"), FALSE },
  { "lane", "text-kind", N_("Change Lane Kind"), FALSE },
  { "lane", "channel", N_("Change Channel"), FALSE },
  { "emotion", "label", N_("Edit Emotion Label"), FALSE },
  { "emotion", "score", N_("Change Emotion"), FALSE },
  { "connection", "label", N_("Edit Connection Label"), FALSE },
  { "revision", "date", N_("Change Revision Date"), TRUE },
  { "revision", "author", N_("Edit Revision Author"), FALSE },
  { "revision", "note", N_("Edit Revision Note"), FALSE },
  { "journey-map", "target", N_("Change Target"), FALSE },
  { "journey-map", "scope-start", N_("Edit Scope Start"), FALSE },
  { "journey-map", "scope-end", N_("Edit Scope End"), FALSE },
  { "journey-map", "segment", N_("Edit Segment"), FALSE },
  { "journey-map", "offer", N_("Edit Offer"), FALSE },
  { "journey-map", "authors", N_("Edit Authors"), FALSE },
  { "journey-map", "created", N_("Change Creation Date"), TRUE },
  { "journey-map", "reviewed", N_("Change Review Date"), TRUE },
  { "persona", "environment", N_("Change Environment"), FALSE },
  { "persona", "picture", N_("Change Picture"), TRUE },
  { "persona", "picture-type", N_("Change Picture"), TRUE },
  { "persona", "picture-data", N_("Change Picture"), TRUE },
  { "persona", "profession", N_("Edit Profession"), FALSE },
  { "persona", "location", N_("Edit Location"), FALSE },
  { "persona", "family", N_("Edit Family"), FALSE },
  { "persona", "gender", N_("Edit Gender"), FALSE },
  { "persona", "age-range", N_("Edit Age Range"), FALSE },
  { "persona", "income", N_("Edit Income"), FALSE },
  { "persona", "personality", N_("Edit Personality"), FALSE },
  { "persona", "behaviour", N_("Edit Behaviour"), FALSE },
  { "persona", "information-sources", N_("Edit Information Sources"), FALSE },
  { "persona", "short-term-goals", N_("Edit Short-Term Goals"), FALSE },
  { "persona", "long-term-goals", N_("Edit Long-Term Goals"), FALSE },
  { "persona", "frustrations", N_("Edit Frustrations"), FALSE },
  { "persona", "desired-solutions", N_("Edit Desired Solutions"), FALSE },
  { "stage", "goal", N_("Edit Goal"), FALSE },
  { "card", "presence", N_("Change Online or Offline"), FALSE },
  { "card", "direction", N_("Change Inbound or Outbound"), FALSE },
  { "card", "department", N_("Change Owner Department"), FALSE },
  { "card", "owner", N_("Edit Owner"), FALSE },
  { "card", "category", N_("Change Pain Point Category"), FALSE },
  { "card", "severity", N_("Change Severity"), FALSE },
  { "card", "evidence-kind", N_("Change Evidence Source"), FALSE },
  { "card", "evidence", N_("Edit Evidence"), FALSE },
  { "card", "impact", N_("Change Impact"), FALSE },
  { "card", "effort", N_("Change Effort"), FALSE },
  { "card", "status", N_("Change Status"), FALSE },
  { "card", "persona-ids", N_("Change Personas"), FALSE },
  { "card", "pain-point-ids", N_("Change Linked Pain Points"), FALSE },
  { "card", "touchpoint-ids", N_("Change Linked Touchpoints"), FALSE },
  { "card", "kpi-name", N_("Edit KPI"), FALSE },
  { "card", "kpi-target", N_("Edit KPI Target"), FALSE },
  { "card", "kpi-actual", N_("Edit KPI Actual Value"), FALSE },
  { "card", "kpi-unit", N_("Edit KPI Unit"), FALSE },
  { NULL, "title", N_("Edit Title"), FALSE },
  { NULL, "description", N_("Edit Description"), FALSE },
  { NULL, "color", N_("Change Color"), TRUE },
  { NULL, "quote", N_("Edit Quote"), FALSE },
};

static const PropertyLabel *
find_property_label (CjmElement *element,
                     const char *property)
{
  const char *xml_name = cjm_element_get_xml_name (element);

  for (guint i = 0; i < G_N_ELEMENTS (property_labels); i++)
    {
      const PropertyLabel *entry = &property_labels[i];

      if ((entry->xml_name == NULL || strcmp (entry->xml_name, xml_name) == 0) &&
          strcmp (entry->property, property) == 0)
        return entry;
    }

  return NULL;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  /* Setters store an empty text or list as none: compare them that way. */
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

      return sa == sb || (sa != NULL && sb != NULL && g_strv_equal (sa, sb));
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * cjm_edit_set_value:
 * @history: the history of the map to change
 * @object: (type CjmElement): the map, or an element of it
 * @property: a property of @object the formats store
 * @value: the new value, of the property's type and in its range
 *
 * Changes one property, as a step labelled after it ("Rename Step",
 * "Edit Title"). Changing a text again right after merges into the same
 * step, so that typing is one step; call cjm_history_break_merge() when
 * the user leaves the field. Setting the value the property already has
 * records nothing.
 *
 * Placement and links (a card's lane, step, span and kind; an emotion's
 * persona and step; a connection's ends) are not changed this way but by
 * the edits that keep the map whole, such as cjm_edit_move_card(); nor
 * is the kind of a lane that holds cards.
 */
void
cjm_edit_set_value (CjmHistory   *history,
                    gpointer      object,
                    const char   *property,
                    const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) checked = G_VALUE_INIT;
  const PropertyLabel *entry;
  GParamSpec *pspec;
  gboolean property_is_editable;
  gboolean value_is_valid;

  g_return_if_fail (CJM_IS_HISTORY (history));
  g_return_if_fail (CJM_IS_ELEMENT (object));
  g_return_if_fail (_cjm_edit_has_element (cjm_history_get_map (history), object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  entry = find_property_label (object, property);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  property_is_editable = entry != NULL && pspec != NULL;
  g_return_if_fail (property_is_editable);
  g_return_if_fail (g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type));

  if (CJM_IS_LANE (object) && strcmp (property, "kind") == 0)
    {
      gboolean lane_is_empty = !cjm_map_lane_holds_cards (cjm_history_get_map (history), object);

      g_return_if_fail (lane_is_empty);
    }

  g_value_init (&checked, pspec->value_type);
  g_value_copy (value, &checked);
  value_is_valid = !g_param_value_validate (pspec, &checked);
  g_return_if_fail (value_is_valid);

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, property, &current);
  if (values_equal (pspec, &current, value))
    return;

  if (entry->picked)
    cjm_history_break_merge (history);

  _cjm_edit_push (history, cjm_property_command_new (_(entry->label), object, property, value));

  if (entry->picked)
    cjm_history_break_merge (history);
}

/**
 * cjm_edit_set_string:
 * @history: the history of the map to change
 * @object: (type CjmElement): the map, or an element of it
 * @property: a text property of @object the formats store
 * @text: (nullable): the new text
 *
 * Like cjm_edit_set_value(), for text.
 */
void
cjm_edit_set_string (CjmHistory *history,
                     gpointer    object,
                     const char *property,
                     const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  cjm_edit_set_value (history, object, property, &value);
}

/**
 * cjm_edit_set_int:
 * @history: the history of the map to change
 * @object: (type CjmElement): the map, or an element of it
 * @property: a number or enumeration property of @object the formats store
 * @number: the new number, or enumeration value
 *
 * Like cjm_edit_set_value(), for numbers and choices in a list.
 */
void
cjm_edit_set_int (CjmHistory *history,
                  gpointer    object,
                  const char *property,
                  int         number)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail (pspec->value_type == G_TYPE_INT || G_TYPE_IS_ENUM (pspec->value_type));

  g_value_init (&value, pspec->value_type);
  if (G_TYPE_IS_ENUM (pspec->value_type))
    g_value_set_enum (&value, number);
  else
    g_value_set_int (&value, number);

  cjm_edit_set_value (history, object, property, &value);
}

