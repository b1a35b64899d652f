/* cjm-command.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-command"

#include "config.h"

#include "cjm-command.h"

typedef struct
{
  char *label;
} CjmCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CjmCommand, cjm_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cjm_command_real_merge (CjmCommand *self,
                        CjmCommand *next)
{
  return FALSE;
}

static void
cjm_command_finalize (GObject *object)
{
  CjmCommand *self = (CjmCommand *)object;
  CjmCommandPrivate *priv = cjm_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (cjm_command_parent_class)->finalize (object);
}

static void
cjm_command_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmCommand *self = CJM_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, cjm_command_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_command_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmCommand *self = CJM_COMMAND (object);
  CjmCommandPrivate *priv = cjm_command_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_assert (priv->label == NULL);
      priv->label = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_command_class_init (CjmCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_command_finalize;
  object_class->get_property = cjm_command_get_property;
  object_class->set_property = cjm_command_set_property;

  klass->merge = cjm_command_real_merge;

  /**
   * CjmCommand:label:
   *
   * What the command does, in words for the user, already translated:
   * the menu shows "Undo " followed by it, e.g. "Undo Move Touchpoint".
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_command_init (CjmCommand *self)
{
}

/**
 * cjm_command_get_label:
 * @self: a #CjmCommand
 *
 * Returns: (nullable): what the command does, in words for the user
 */
const char *
cjm_command_get_label (CjmCommand *self)
{
  CjmCommandPrivate *priv = cjm_command_get_instance_private (self);

  g_return_val_if_fail (CJM_IS_COMMAND (self), NULL);

  return priv->label;
}

/**
 * cjm_command_apply:
 * @self: a #CjmCommand
 *
 * Makes the change: the first time, when the history records the
 * command, and again on redo.
 */
void
cjm_command_apply (CjmCommand *self)
{
  g_return_if_fail (CJM_IS_COMMAND (self));
  g_return_if_fail (CJM_COMMAND_GET_CLASS (self)->apply != NULL);

  CJM_COMMAND_GET_CLASS (self)->apply (self);
}

/**
 * cjm_command_revert:
 * @self: a #CjmCommand
 *
 * Takes the change back, leaving the map exactly as it was before
 * cjm_command_apply().
 */
void
cjm_command_revert (CjmCommand *self)
{
  g_return_if_fail (CJM_IS_COMMAND (self));
  g_return_if_fail (CJM_COMMAND_GET_CLASS (self)->revert != NULL);

  CJM_COMMAND_GET_CLASS (self)->revert (self);
}

/**
 * cjm_command_merge:
 * @self: a #CjmCommand, the last one applied before @next
 * @next: a #CjmCommand, already applied
 *
 * Absorbs @next into @self when both are one edit to the user, such as
 * consecutive changes to the text of one field while typing. After a
 * successful merge, reverting @self takes back both.
 *
 * Returns: %TRUE if @self absorbed @next, which can then be dropped
 */
gboolean
cjm_command_merge (CjmCommand *self,
                   CjmCommand *next)
{
  g_return_val_if_fail (CJM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (CJM_IS_COMMAND (next), FALSE);

  if (self == next)
    return FALSE;

  return CJM_COMMAND_GET_CLASS (self)->merge (self, next);
}
