/* cjm-card.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-card"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-card.h"

struct _CjmCard
{
  CjmElement parent_instance;

  CjmCardKind kind;
  char *lane_id;
  char *step_id;
  int span;
  CjmPresence presence;
  CjmDirection direction;
  CjmDepartment department;
  CjmPainCategory category;
  int severity;
  CjmEvidenceKind evidence_kind;
  int impact;
  int effort;
  CjmOpportunityStatus status;
  char **persona_ids;
  char **pain_point_ids;
  char **touchpoint_ids;
  char *kpi_target;
  char *kpi_actual;
  char *kpi_unit;
  char *title;
  char *description;
  char *kpi_name;
  char *evidence;
  char *owner;
};

G_DEFINE_FINAL_TYPE (CjmCard, cjm_card, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LANE_ID,
  PROP_STEP_ID,
  PROP_SPAN,
  PROP_PRESENCE,
  PROP_DIRECTION,
  PROP_DEPARTMENT,
  PROP_CATEGORY,
  PROP_SEVERITY,
  PROP_EVIDENCE_KIND,
  PROP_IMPACT,
  PROP_EFFORT,
  PROP_STATUS,
  PROP_PERSONA_IDS,
  PROP_PAIN_POINT_IDS,
  PROP_TOUCHPOINT_IDS,
  PROP_KPI_TARGET,
  PROP_KPI_ACTUAL,
  PROP_KPI_UNIT,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KPI_NAME,
  PROP_EVIDENCE,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField card_fields[] = {
  { "kind", "kind", CJM_FIELD_ATTRIBUTE },
  { "lane-id", "lane", CJM_FIELD_ATTRIBUTE },
  { "step-id", "step", CJM_FIELD_ATTRIBUTE },
  { "span", "span", CJM_FIELD_ATTRIBUTE },
  { "presence", "presence", CJM_FIELD_ATTRIBUTE },
  { "direction", "direction", CJM_FIELD_ATTRIBUTE },
  { "department", "department", CJM_FIELD_ATTRIBUTE },
  { "category", "category", CJM_FIELD_ATTRIBUTE },
  { "severity", "severity", CJM_FIELD_ATTRIBUTE },
  { "evidence-kind", "evidence-kind", CJM_FIELD_ATTRIBUTE },
  { "impact", "impact", CJM_FIELD_ATTRIBUTE },
  { "effort", "effort", CJM_FIELD_ATTRIBUTE },
  { "status", "status", CJM_FIELD_ATTRIBUTE },
  { "persona-ids", "personas", CJM_FIELD_ATTRIBUTE },
  { "pain-point-ids", "pain-points", CJM_FIELD_ATTRIBUTE },
  { "touchpoint-ids", "touchpoints", CJM_FIELD_ATTRIBUTE },
  { "kpi-target", "kpi-target", CJM_FIELD_ATTRIBUTE },
  { "kpi-actual", "kpi-actual", CJM_FIELD_ATTRIBUTE },
  { "kpi-unit", "kpi-unit", CJM_FIELD_ATTRIBUTE },
  { "title", "title", CJM_FIELD_ELEMENT },
  { "description", "description", CJM_FIELD_ELEMENT },
  { "kpi-name", "kpi-name", CJM_FIELD_ELEMENT },
  { "evidence", "evidence", CJM_FIELD_ELEMENT },
  { "owner", "owner", CJM_FIELD_ELEMENT },
};

static void
cjm_card_finalize (GObject *object)
{
  CjmCard *self = (CjmCard *)object;

  g_clear_pointer (&self->lane_id, g_free);
  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->persona_ids, g_strfreev);
  g_clear_pointer (&self->pain_point_ids, g_strfreev);
  g_clear_pointer (&self->touchpoint_ids, g_strfreev);
  g_clear_pointer (&self->kpi_target, g_free);
  g_clear_pointer (&self->kpi_actual, g_free);
  g_clear_pointer (&self->kpi_unit, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->kpi_name, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (cjm_card_parent_class)->finalize (object);
}

static void
cjm_card_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CjmCard *self = CJM_CARD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LANE_ID:
      g_value_set_string (value, self->lane_id);
      break;

    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;

    case PROP_SPAN:
      g_value_set_int (value, self->span);
      break;

    case PROP_PRESENCE:
      g_value_set_enum (value, self->presence);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_DEPARTMENT:
      g_value_set_enum (value, self->department);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;

    case PROP_EVIDENCE_KIND:
      g_value_set_enum (value, self->evidence_kind);
      break;

    case PROP_IMPACT:
      g_value_set_int (value, self->impact);
      break;

    case PROP_EFFORT:
      g_value_set_int (value, self->effort);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PERSONA_IDS:
      g_value_set_boxed (value, self->persona_ids);
      break;

    case PROP_PAIN_POINT_IDS:
      g_value_set_boxed (value, self->pain_point_ids);
      break;

    case PROP_TOUCHPOINT_IDS:
      g_value_set_boxed (value, self->touchpoint_ids);
      break;

    case PROP_KPI_TARGET:
      g_value_set_string (value, self->kpi_target);
      break;

    case PROP_KPI_ACTUAL:
      g_value_set_string (value, self->kpi_actual);
      break;

    case PROP_KPI_UNIT:
      g_value_set_string (value, self->kpi_unit);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_KPI_NAME:
      g_value_set_string (value, self->kpi_name);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_card_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CjmCard *self = CJM_CARD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cjm_card_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_LANE_ID:
      cjm_card_set_lane_id (self, g_value_get_string (value));
      break;

    case PROP_STEP_ID:
      cjm_card_set_step_id (self, g_value_get_string (value));
      break;

    case PROP_SPAN:
      cjm_card_set_span (self, g_value_get_int (value));
      break;

    case PROP_PRESENCE:
      cjm_card_set_presence (self, g_value_get_enum (value));
      break;

    case PROP_DIRECTION:
      cjm_card_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_DEPARTMENT:
      cjm_card_set_department (self, g_value_get_enum (value));
      break;

    case PROP_CATEGORY:
      cjm_card_set_category (self, g_value_get_enum (value));
      break;

    case PROP_SEVERITY:
      cjm_card_set_severity (self, g_value_get_int (value));
      break;

    case PROP_EVIDENCE_KIND:
      cjm_card_set_evidence_kind (self, g_value_get_enum (value));
      break;

    case PROP_IMPACT:
      cjm_card_set_impact (self, g_value_get_int (value));
      break;

    case PROP_EFFORT:
      cjm_card_set_effort (self, g_value_get_int (value));
      break;

    case PROP_STATUS:
      cjm_card_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PERSONA_IDS:
      cjm_card_set_persona_ids (self, g_value_get_boxed (value));
      break;

    case PROP_PAIN_POINT_IDS:
      cjm_card_set_pain_point_ids (self, g_value_get_boxed (value));
      break;

    case PROP_TOUCHPOINT_IDS:
      cjm_card_set_touchpoint_ids (self, g_value_get_boxed (value));
      break;

    case PROP_KPI_TARGET:
      cjm_card_set_kpi_target (self, g_value_get_string (value));
      break;

    case PROP_KPI_ACTUAL:
      cjm_card_set_kpi_actual (self, g_value_get_string (value));
      break;

    case PROP_KPI_UNIT:
      cjm_card_set_kpi_unit (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      cjm_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      cjm_card_set_description (self, g_value_get_string (value));
      break;

    case PROP_KPI_NAME:
      cjm_card_set_kpi_name (self, g_value_get_string (value));
      break;

    case PROP_EVIDENCE:
      cjm_card_set_evidence (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      cjm_card_set_owner (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_card_class_init (CjmCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_card_finalize;
  object_class->get_property = cjm_card_get_property;
  object_class->set_property = cjm_card_set_property;

  element_class->xml_name = "card";
  element_class->id_prefix = "card";
  element_class->fields = card_fields;
  element_class->n_fields = G_N_ELEMENTS (card_fields);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CJM_TYPE_CARD_KIND,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_LANE_ID] =
    g_param_spec_string ("lane-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SPAN] =
    g_param_spec_int ("span", NULL, NULL,
                      1, 1000, 1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_PRESENCE] =
    g_param_spec_enum ("presence", NULL, NULL,
                       CJM_TYPE_PRESENCE,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       CJM_TYPE_DIRECTION,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPARTMENT] =
    g_param_spec_enum ("department", NULL, NULL,
                       CJM_TYPE_DEPARTMENT,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       CJM_TYPE_PAIN_CATEGORY,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_EVIDENCE_KIND] =
    g_param_spec_enum ("evidence-kind", NULL, NULL,
                       CJM_TYPE_EVIDENCE_KIND,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT] =
    g_param_spec_int ("impact", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_EFFORT] =
    g_param_spec_int ("effort", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CJM_TYPE_OPPORTUNITY_STATUS,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONA_IDS] =
    g_param_spec_boxed ("persona-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PAIN_POINT_IDS] =
    g_param_spec_boxed ("pain-point-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TOUCHPOINT_IDS] =
    g_param_spec_boxed ("touchpoint-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_KPI_TARGET] =
    g_param_spec_string ("kpi-target", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KPI_ACTUAL] =
    g_param_spec_string ("kpi-actual", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KPI_UNIT] =
    g_param_spec_string ("kpi-unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KPI_NAME] =
    g_param_spec_string ("kpi-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_card_init (CjmCard *self)
{
  self->span = 1;
}

/**
 * cjm_card_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmCard: a card placed at a lane and step, possibly spanning several steps.
 *
 * Returns: (transfer full): a new #CjmCard
 */
CjmCard *
cjm_card_new (const char *id)
{
  return g_object_new (CJM_TYPE_CARD,
                       "id", id,
                       NULL);
}

CjmCardKind
cjm_card_get_kind (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->kind;
}

const char *
cjm_card_get_lane_id (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->lane_id;
}

const char *
cjm_card_get_step_id (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->step_id;
}

int
cjm_card_get_span (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 1);

  return self->span;
}

CjmPresence
cjm_card_get_presence (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->presence;
}

CjmDirection
cjm_card_get_direction (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->direction;
}

CjmDepartment
cjm_card_get_department (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->department;
}

CjmPainCategory
cjm_card_get_category (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->category;
}

int
cjm_card_get_severity (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->severity;
}

CjmEvidenceKind
cjm_card_get_evidence_kind (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->evidence_kind;
}

int
cjm_card_get_impact (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->impact;
}

int
cjm_card_get_effort (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->effort;
}

CjmOpportunityStatus
cjm_card_get_status (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), 0);

  return self->status;
}

const char * const *
cjm_card_get_persona_ids (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return (const char * const *)self->persona_ids;
}

const char * const *
cjm_card_get_pain_point_ids (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return (const char * const *)self->pain_point_ids;
}

const char * const *
cjm_card_get_touchpoint_ids (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return (const char * const *)self->touchpoint_ids;
}

const char *
cjm_card_get_kpi_target (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->kpi_target;
}

const char *
cjm_card_get_kpi_actual (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->kpi_actual;
}

const char *
cjm_card_get_kpi_unit (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->kpi_unit;
}

const char *
cjm_card_get_title (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->title;
}

const char *
cjm_card_get_description (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->description;
}

const char *
cjm_card_get_kpi_name (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->kpi_name;
}

const char *
cjm_card_get_evidence (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->evidence;
}

const char *
cjm_card_get_owner (CjmCard *self)
{
  g_return_val_if_fail (CJM_IS_CARD (self), NULL);

  return self->owner;
}

void
cjm_card_set_kind (CjmCard *self,
                   CjmCardKind kind)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->kind == kind)
    return;

  self->kind = kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
cjm_card_set_lane_id (CjmCard *self,
                      const char *lane_id)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (lane_id != NULL && lane_id[0] == '\0')
    lane_id = NULL;

  if (g_strcmp0 (self->lane_id, lane_id) == 0)
    return;

  g_free (self->lane_id);
  self->lane_id = g_strdup (lane_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_ID]);
}

void
cjm_card_set_step_id (CjmCard *self,
                      const char *step_id)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (step_id != NULL && step_id[0] == '\0')
    step_id = NULL;

  if (g_strcmp0 (self->step_id, step_id) == 0)
    return;

  g_free (self->step_id);
  self->step_id = g_strdup (step_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_ID]);
}

void
cjm_card_set_span (CjmCard *self,
                   int         span)
{
  g_return_if_fail (CJM_IS_CARD (self));
  g_return_if_fail (span >= 1 && span <= 1000);

  if (self->span == span)
    return;

  self->span = span;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPAN]);
}

void
cjm_card_set_presence (CjmCard *self,
                       CjmPresence presence)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->presence == presence)
    return;

  self->presence = presence;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENCE]);
}

void
cjm_card_set_direction (CjmCard *self,
                        CjmDirection direction)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->direction == direction)
    return;

  self->direction = direction;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

void
cjm_card_set_department (CjmCard *self,
                         CjmDepartment department)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->department == department)
    return;

  self->department = department;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

void
cjm_card_set_category (CjmCard *self,
                       CjmPainCategory category)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->category == category)
    return;

  self->category = category;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

void
cjm_card_set_severity (CjmCard *self,
                       int         severity)
{
  g_return_if_fail (CJM_IS_CARD (self));
  g_return_if_fail (severity >= 0 && severity <= 5);

  if (self->severity == severity)
    return;

  self->severity = severity;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

void
cjm_card_set_evidence_kind (CjmCard *self,
                            CjmEvidenceKind evidence_kind)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->evidence_kind == evidence_kind)
    return;

  self->evidence_kind = evidence_kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_KIND]);
}

void
cjm_card_set_impact (CjmCard *self,
                     int         impact)
{
  g_return_if_fail (CJM_IS_CARD (self));
  g_return_if_fail (impact >= 0 && impact <= 5);

  if (self->impact == impact)
    return;

  self->impact = impact;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT]);
}

void
cjm_card_set_effort (CjmCard *self,
                     int         effort)
{
  g_return_if_fail (CJM_IS_CARD (self));
  g_return_if_fail (effort >= 0 && effort <= 5);

  if (self->effort == effort)
    return;

  self->effort = effort;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT]);
}

void
cjm_card_set_status (CjmCard *self,
                     CjmOpportunityStatus status)
{
  g_return_if_fail (CJM_IS_CARD (self));

  if (self->status == status)
    return;

  self->status = status;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
cjm_card_set_persona_ids (CjmCard *self,
                          const char * const *persona_ids)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty list is no list: both are written the same way. */
  if (persona_ids != NULL && persona_ids[0] == NULL)
    persona_ids = NULL;

  if (persona_ids == NULL && self->persona_ids == NULL)
    return;
  if (persona_ids != NULL && self->persona_ids != NULL &&
      g_strv_equal ((const char * const *)self->persona_ids, persona_ids))
    return;

  g_strfreev (self->persona_ids);
  self->persona_ids = g_strdupv ((char **)persona_ids);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_IDS]);
}

void
cjm_card_set_pain_point_ids (CjmCard *self,
                             const char * const *pain_point_ids)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty list is no list: both are written the same way. */
  if (pain_point_ids != NULL && pain_point_ids[0] == NULL)
    pain_point_ids = NULL;

  if (pain_point_ids == NULL && self->pain_point_ids == NULL)
    return;
  if (pain_point_ids != NULL && self->pain_point_ids != NULL &&
      g_strv_equal ((const char * const *)self->pain_point_ids, pain_point_ids))
    return;

  g_strfreev (self->pain_point_ids);
  self->pain_point_ids = g_strdupv ((char **)pain_point_ids);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_POINT_IDS]);
}

void
cjm_card_set_touchpoint_ids (CjmCard *self,
                             const char * const *touchpoint_ids)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty list is no list: both are written the same way. */
  if (touchpoint_ids != NULL && touchpoint_ids[0] == NULL)
    touchpoint_ids = NULL;

  if (touchpoint_ids == NULL && self->touchpoint_ids == NULL)
    return;
  if (touchpoint_ids != NULL && self->touchpoint_ids != NULL &&
      g_strv_equal ((const char * const *)self->touchpoint_ids, touchpoint_ids))
    return;

  g_strfreev (self->touchpoint_ids);
  self->touchpoint_ids = g_strdupv ((char **)touchpoint_ids);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCHPOINT_IDS]);
}

void
cjm_card_set_kpi_target (CjmCard *self,
                         const char *kpi_target)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (kpi_target != NULL && kpi_target[0] == '\0')
    kpi_target = NULL;

  if (g_strcmp0 (self->kpi_target, kpi_target) == 0)
    return;

  g_free (self->kpi_target);
  self->kpi_target = g_strdup (kpi_target);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_TARGET]);
}

void
cjm_card_set_kpi_actual (CjmCard *self,
                         const char *kpi_actual)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (kpi_actual != NULL && kpi_actual[0] == '\0')
    kpi_actual = NULL;

  if (g_strcmp0 (self->kpi_actual, kpi_actual) == 0)
    return;

  g_free (self->kpi_actual);
  self->kpi_actual = g_strdup (kpi_actual);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_ACTUAL]);
}

void
cjm_card_set_kpi_unit (CjmCard *self,
                       const char *kpi_unit)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (kpi_unit != NULL && kpi_unit[0] == '\0')
    kpi_unit = NULL;

  if (g_strcmp0 (self->kpi_unit, kpi_unit) == 0)
    return;

  g_free (self->kpi_unit);
  self->kpi_unit = g_strdup (kpi_unit);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_UNIT]);
}

void
cjm_card_set_title (CjmCard *self,
                    const char *title)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (title != NULL && title[0] == '\0')
    title = NULL;

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
cjm_card_set_description (CjmCard *self,
                          const char *description)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (description != NULL && description[0] == '\0')
    description = NULL;

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
cjm_card_set_kpi_name (CjmCard *self,
                       const char *kpi_name)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (kpi_name != NULL && kpi_name[0] == '\0')
    kpi_name = NULL;

  if (g_strcmp0 (self->kpi_name, kpi_name) == 0)
    return;

  g_free (self->kpi_name);
  self->kpi_name = g_strdup (kpi_name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_NAME]);
}

void
cjm_card_set_evidence (CjmCard *self,
                       const char *evidence)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (evidence != NULL && evidence[0] == '\0')
    evidence = NULL;

  if (g_strcmp0 (self->evidence, evidence) == 0)
    return;

  g_free (self->evidence);
  self->evidence = g_strdup (evidence);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

void
cjm_card_set_owner (CjmCard *self,
                    const char *owner)
{
  g_return_if_fail (CJM_IS_CARD (self));

  /* An empty text is no text: both are written the same way. */
  if (owner != NULL && owner[0] == '\0')
    owner = NULL;

  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}
