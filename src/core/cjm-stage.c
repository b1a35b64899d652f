/* cjm-stage.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-stage"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

struct _CjmStage
{
  CjmElement parent_instance;

  GListStore *steps;

  char *color;
  char *name;
  char *description;
  char *goal;
};

G_DEFINE_FINAL_TYPE (CjmStage, cjm_stage, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField stage_fields[] = {
  { "color", "color", CJM_FIELD_ATTRIBUTE },
  { "name", "name", CJM_FIELD_ELEMENT },
  { "description", "description", CJM_FIELD_ELEMENT },
  { "goal", "goal", CJM_FIELD_ELEMENT },
};

static void
cjm_stage_finalize (GObject *object)
{
  CjmStage *self = (CjmStage *)object;

  g_clear_object (&self->steps);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->goal, g_free);

  G_OBJECT_CLASS (cjm_stage_parent_class)->finalize (object);
}

static void
cjm_stage_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CjmStage *self = CJM_STAGE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_stage_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CjmStage *self = CJM_STAGE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      cjm_stage_set_color (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      cjm_stage_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      cjm_stage_set_description (self, g_value_get_string (value));
      break;

    case PROP_GOAL:
      cjm_stage_set_goal (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_stage_class_init (CjmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_stage_finalize;
  object_class->get_property = cjm_stage_get_property;
  object_class->set_property = cjm_stage_set_property;

  element_class->xml_name = "stage";
  element_class->id_prefix = "stage";
  element_class->fields = stage_fields;
  element_class->n_fields = G_N_ELEMENTS (stage_fields);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
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

  properties[PROP_GOAL] =
    g_param_spec_string ("goal", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_stage_init (CjmStage *self)
{
  self->steps = g_list_store_new (CJM_TYPE_STEP);
}

/**
 * cjm_stage_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmStage: a stage of the journey, holding ordered steps.
 *
 * Returns: (transfer full): a new #CjmStage
 */
CjmStage *
cjm_stage_new (const char *id)
{
  return g_object_new (CJM_TYPE_STAGE,
                       "id", id,
                       NULL);
}

const char *
cjm_stage_get_color (CjmStage *self)
{
  g_return_val_if_fail (CJM_IS_STAGE (self), NULL);

  return self->color;
}

const char *
cjm_stage_get_name (CjmStage *self)
{
  g_return_val_if_fail (CJM_IS_STAGE (self), NULL);

  return self->name;
}

const char *
cjm_stage_get_description (CjmStage *self)
{
  g_return_val_if_fail (CJM_IS_STAGE (self), NULL);

  return self->description;
}

const char *
cjm_stage_get_goal (CjmStage *self)
{
  g_return_val_if_fail (CJM_IS_STAGE (self), NULL);

  return self->goal;
}

void
cjm_stage_set_color (CjmStage *self,
                     const char *color)
{
  g_return_if_fail (CJM_IS_STAGE (self));

  /* An empty text is no text: both are written the same way. */
  if (color != NULL && color[0] == '\0')
    color = NULL;

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
cjm_stage_set_name (CjmStage *self,
                    const char *name)
{
  g_return_if_fail (CJM_IS_STAGE (self));

  /* An empty text is no text: both are written the same way. */
  if (name != NULL && name[0] == '\0')
    name = NULL;

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
cjm_stage_set_description (CjmStage *self,
                           const char *description)
{
  g_return_if_fail (CJM_IS_STAGE (self));

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
cjm_stage_set_goal (CjmStage *self,
                    const char *goal)
{
  g_return_if_fail (CJM_IS_STAGE (self));

  /* An empty text is no text: both are written the same way. */
  if (goal != NULL && goal[0] == '\0')
    goal = NULL;

  if (g_strcmp0 (self->goal, goal) == 0)
    return;

  g_free (self->goal);
  self->goal = g_strdup (goal);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
}

/**
 * cjm_stage_get_steps:
 * @self: a #CjmStage
 *
 * Returns: (transfer none): the stage's ordered #CjmStep list
 */
GListModel *
cjm_stage_get_steps (CjmStage *self)
{
  g_return_val_if_fail (CJM_IS_STAGE (self), NULL);

  return G_LIST_MODEL (self->steps);
}

GListStore *
_cjm_stage_get_step_store (CjmStage *self)
{
  g_assert (CJM_IS_STAGE (self));

  return self->steps;
}
