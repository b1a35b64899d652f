/* cjm-property-command.c: set one property of an object
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-property-command"

#include "config.h"

#include "cjm-property-command.h"

struct _CjmPropertyCommand
{
  CjmCommand parent_instance;

  GObject *object;
  GParamSpec *pspec;

  /* What apply sets, and what the object held before: read when applied,
   * so that the command is right whatever ran before it in a group. */
  GValue value;
  GValue old_value;
};

G_DEFINE_FINAL_TYPE (CjmPropertyCommand, cjm_property_command, CJM_TYPE_COMMAND)

static void
cjm_property_command_apply (CjmCommand *command)
{
  CjmPropertyCommand *self = (CjmPropertyCommand *)command;

  g_value_unset (&self->old_value);
  g_value_init (&self->old_value, self->pspec->value_type);
  g_object_get_property (self->object, self->pspec->name, &self->old_value);

  g_object_set_property (self->object, self->pspec->name, &self->value);
}

static void
cjm_property_command_revert (CjmCommand *command)
{
  CjmPropertyCommand *self = (CjmPropertyCommand *)command;

  g_assert (G_IS_VALUE (&self->old_value));

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static gboolean
cjm_property_command_merge (CjmCommand *command,
                            CjmCommand *next_command)
{
  CjmPropertyCommand *self = (CjmPropertyCommand *)command;
  CjmPropertyCommand *next;

  /* Only typing merges: consecutive changes to one text of one object. A
   * choice in a list or a number is one step each, like a move. */
  if (!CJM_IS_PROPERTY_COMMAND (next_command))
    return FALSE;

  next = CJM_PROPERTY_COMMAND (next_command);

  if (next->object != self->object ||
      next->pspec != self->pspec ||
      self->pspec->value_type != G_TYPE_STRING)
    return FALSE;

  g_value_unset (&self->value);
  g_value_init (&self->value, G_VALUE_TYPE (&next->value));
  g_value_copy (&next->value, &self->value);

  return TRUE;
}

static void
cjm_property_command_finalize (GObject *object)
{
  CjmPropertyCommand *self = (CjmPropertyCommand *)object;

  g_clear_object (&self->object);
  g_clear_pointer (&self->pspec, g_param_spec_unref);
  g_value_unset (&self->value);
  g_value_unset (&self->old_value);

  G_OBJECT_CLASS (cjm_property_command_parent_class)->finalize (object);
}

static void
cjm_property_command_class_init (CjmPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmCommandClass *command_class = CJM_COMMAND_CLASS (klass);

  object_class->finalize = cjm_property_command_finalize;

  command_class->apply = cjm_property_command_apply;
  command_class->revert = cjm_property_command_revert;
  command_class->merge = cjm_property_command_merge;
}

static void
cjm_property_command_init (CjmPropertyCommand *self)
{
}

/**
 * cjm_property_command_new:
 * @label: what the change is, for the user
 * @object: (type GObject): the object to change
 * @property_name: a writable property of @object
 * @value: the value to give it, of a type the property accepts
 *
 * Makes a command that sets one property of @object, and on revert gives
 * it back the value it had when the command was applied. Consecutive
 * commands setting the same text property of the same object merge into
 * one, so that typing a title is one step to undo.
 *
 * Returns: (transfer full): the command, not applied yet
 */
CjmCommand *
cjm_property_command_new (const char   *label,
                          gpointer      object,
                          const char   *property_name,
                          const GValue *value)
{
  CjmPropertyCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property_name != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property_name);

  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, NULL);
  g_return_val_if_fail (g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type), NULL);

  self = g_object_new (CJM_TYPE_PROPERTY_COMMAND,
                       "label", label,
                       NULL);
  self->object = g_object_ref (object);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->value);

  return CJM_COMMAND (self);
}

/**
 * cjm_property_command_get_object:
 * @self: a #CjmPropertyCommand
 *
 * Returns: (transfer none): the object the command changes
 */
GObject *
cjm_property_command_get_object (CjmPropertyCommand *self)
{
  g_return_val_if_fail (CJM_IS_PROPERTY_COMMAND (self), NULL);

  return self->object;
}

const char *
cjm_property_command_get_property_name (CjmPropertyCommand *self)
{
  g_return_val_if_fail (CJM_IS_PROPERTY_COMMAND (self), NULL);

  return self->pspec->name;
}

/**
 * cjm_property_command_get_value:
 * @self: a #CjmPropertyCommand
 *
 * Returns: (transfer none): the value the command sets
 */
const GValue *
cjm_property_command_get_value (CjmPropertyCommand *self)
{
  g_return_val_if_fail (CJM_IS_PROPERTY_COMMAND (self), NULL);

  return &self->value;
}
