/* cjm-connection.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-connection"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-connection.h"

struct _CjmConnection
{
  CjmElement parent_instance;

  char *from_id;
  char *to_id;
  char *label;
};

G_DEFINE_FINAL_TYPE (CjmConnection, cjm_connection, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField connection_fields[] = {
  { "from-id", "from", CJM_FIELD_ATTRIBUTE },
  { "to-id", "to", CJM_FIELD_ATTRIBUTE },
  { "label", "label", CJM_FIELD_ELEMENT },
};

static void
cjm_connection_finalize (GObject *object)
{
  CjmConnection *self = (CjmConnection *)object;

  g_clear_pointer (&self->from_id, g_free);
  g_clear_pointer (&self->to_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (cjm_connection_parent_class)->finalize (object);
}

static void
cjm_connection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CjmConnection *self = CJM_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_FROM_ID:
      g_value_set_string (value, self->from_id);
      break;

    case PROP_TO_ID:
      g_value_set_string (value, self->to_id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_connection_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CjmConnection *self = CJM_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_FROM_ID:
      cjm_connection_set_from_id (self, g_value_get_string (value));
      break;

    case PROP_TO_ID:
      cjm_connection_set_to_id (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      cjm_connection_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_connection_class_init (CjmConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_connection_finalize;
  object_class->get_property = cjm_connection_get_property;
  object_class->set_property = cjm_connection_set_property;

  element_class->xml_name = "connection";
  element_class->id_prefix = "connection";
  element_class->fields = connection_fields;
  element_class->n_fields = G_N_ELEMENTS (connection_fields);

  properties[PROP_FROM_ID] =
    g_param_spec_string ("from-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TO_ID] =
    g_param_spec_string ("to-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_connection_init (CjmConnection *self)
{
}

/**
 * cjm_connection_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmConnection: a directed link between two cards.
 *
 * Returns: (transfer full): a new #CjmConnection
 */
CjmConnection *
cjm_connection_new (const char *id)
{
  return g_object_new (CJM_TYPE_CONNECTION,
                       "id", id,
                       NULL);
}

const char *
cjm_connection_get_from_id (CjmConnection *self)
{
  g_return_val_if_fail (CJM_IS_CONNECTION (self), NULL);

  return self->from_id;
}

const char *
cjm_connection_get_to_id (CjmConnection *self)
{
  g_return_val_if_fail (CJM_IS_CONNECTION (self), NULL);

  return self->to_id;
}

const char *
cjm_connection_get_label (CjmConnection *self)
{
  g_return_val_if_fail (CJM_IS_CONNECTION (self), NULL);

  return self->label;
}

void
cjm_connection_set_from_id (CjmConnection *self,
                            const char *from_id)
{
  g_return_if_fail (CJM_IS_CONNECTION (self));

  /* An empty text is no text: both are written the same way. */
  if (from_id != NULL && from_id[0] == '\0')
    from_id = NULL;

  if (g_strcmp0 (self->from_id, from_id) == 0)
    return;

  g_free (self->from_id);
  self->from_id = g_strdup (from_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ID]);
}

void
cjm_connection_set_to_id (CjmConnection *self,
                          const char *to_id)
{
  g_return_if_fail (CJM_IS_CONNECTION (self));

  /* An empty text is no text: both are written the same way. */
  if (to_id != NULL && to_id[0] == '\0')
    to_id = NULL;

  if (g_strcmp0 (self->to_id, to_id) == 0)
    return;

  g_free (self->to_id);
  self->to_id = g_strdup (to_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_ID]);
}

void
cjm_connection_set_label (CjmConnection *self,
                          const char *label)
{
  g_return_if_fail (CJM_IS_CONNECTION (self));

  /* An empty text is no text: both are written the same way. */
  if (label != NULL && label[0] == '\0')
    label = NULL;

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
