/* cjm-lane.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-lane"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-lane.h"

struct _CjmLane
{
  CjmElement parent_instance;

  CjmLaneKind kind;
  CjmChannel channel;
  CjmTextKind text_kind;
  char *name;
};

G_DEFINE_FINAL_TYPE (CjmLane, cjm_lane, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CHANNEL,
  PROP_TEXT_KIND,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField lane_fields[] = {
  { "kind", "kind", CJM_FIELD_ATTRIBUTE },
  { "channel", "channel", CJM_FIELD_ATTRIBUTE },
  { "text-kind", "text-kind", CJM_FIELD_ATTRIBUTE },
  { "name", "name", CJM_FIELD_ELEMENT },
};

static void
cjm_lane_finalize (GObject *object)
{
  CjmLane *self = (CjmLane *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (cjm_lane_parent_class)->finalize (object);
}

static void
cjm_lane_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CjmLane *self = CJM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_TEXT_KIND:
      g_value_set_enum (value, self->text_kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_lane_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CjmLane *self = CJM_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cjm_lane_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CHANNEL:
      cjm_lane_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_TEXT_KIND:
      cjm_lane_set_text_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      cjm_lane_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_lane_class_init (CjmLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_lane_finalize;
  object_class->get_property = cjm_lane_get_property;
  object_class->set_property = cjm_lane_set_property;

  element_class->xml_name = "lane";
  element_class->id_prefix = "lane";
  element_class->fields = lane_fields;
  element_class->n_fields = G_N_ELEMENTS (lane_fields);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CJM_TYPE_LANE_KIND,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       CJM_TYPE_CHANNEL,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT_KIND] =
    g_param_spec_enum ("text-kind", NULL, NULL,
                       CJM_TYPE_TEXT_KIND,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_lane_init (CjmLane *self)
{
}

/**
 * cjm_lane_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmLane: a row of the map, of one kind.
 *
 * Returns: (transfer full): a new #CjmLane
 */
CjmLane *
cjm_lane_new (const char *id)
{
  return g_object_new (CJM_TYPE_LANE,
                       "id", id,
                       NULL);
}

CjmLaneKind
cjm_lane_get_kind (CjmLane *self)
{
  g_return_val_if_fail (CJM_IS_LANE (self), 0);

  return self->kind;
}

CjmChannel
cjm_lane_get_channel (CjmLane *self)
{
  g_return_val_if_fail (CJM_IS_LANE (self), 0);

  return self->channel;
}

CjmTextKind
cjm_lane_get_text_kind (CjmLane *self)
{
  g_return_val_if_fail (CJM_IS_LANE (self), 0);

  return self->text_kind;
}

const char *
cjm_lane_get_name (CjmLane *self)
{
  g_return_val_if_fail (CJM_IS_LANE (self), NULL);

  return self->name;
}

void
cjm_lane_set_kind (CjmLane *self,
                   CjmLaneKind kind)
{
  g_return_if_fail (CJM_IS_LANE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
cjm_lane_set_channel (CjmLane *self,
                      CjmChannel channel)
{
  g_return_if_fail (CJM_IS_LANE (self));

  if (self->channel == channel)
    return;

  self->channel = channel;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

void
cjm_lane_set_text_kind (CjmLane *self,
                        CjmTextKind text_kind)
{
  g_return_if_fail (CJM_IS_LANE (self));

  if (self->text_kind == text_kind)
    return;

  self->text_kind = text_kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_KIND]);
}

void
cjm_lane_set_name (CjmLane *self,
                   const char *name)
{
  g_return_if_fail (CJM_IS_LANE (self));

  /* An empty text is no text: both are written the same way. */
  if (name != NULL && name[0] == '\0')
    name = NULL;

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
