/* cjm-step.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-step"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-step.h"

struct _CjmStep
{
  CjmElement parent_instance;

  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (CjmStep, cjm_step, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField step_fields[] = {
  { "name", "name", CJM_FIELD_ELEMENT },
  { "description", "description", CJM_FIELD_ELEMENT },
};

static void
cjm_step_finalize (GObject *object)
{
  CjmStep *self = (CjmStep *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cjm_step_parent_class)->finalize (object);
}

static void
cjm_step_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CjmStep *self = CJM_STEP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_step_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CjmStep *self = CJM_STEP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cjm_step_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      cjm_step_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_step_class_init (CjmStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_step_finalize;
  object_class->get_property = cjm_step_get_property;
  object_class->set_property = cjm_step_set_property;

  element_class->xml_name = "step";
  element_class->id_prefix = "step";
  element_class->fields = step_fields;
  element_class->n_fields = G_N_ELEMENTS (step_fields);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_step_init (CjmStep *self)
{
}

/**
 * cjm_step_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmStep: one moment of the journey: a column of the map.
 *
 * Returns: (transfer full): a new #CjmStep
 */
CjmStep *
cjm_step_new (const char *id)
{
  return g_object_new (CJM_TYPE_STEP,
                       "id", id,
                       NULL);
}

const char *
cjm_step_get_name (CjmStep *self)
{
  g_return_val_if_fail (CJM_IS_STEP (self), NULL);

  return self->name;
}

const char *
cjm_step_get_description (CjmStep *self)
{
  g_return_val_if_fail (CJM_IS_STEP (self), NULL);

  return self->description;
}

void
cjm_step_set_name (CjmStep *self,
                   const char *name)
{
  g_return_if_fail (CJM_IS_STEP (self));

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
cjm_step_set_description (CjmStep *self,
                          const char *description)
{
  g_return_if_fail (CJM_IS_STEP (self));

  /* An empty text is no text: both are written the same way. */
  if (description != NULL && description[0] == '\0')
    description = NULL;

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
