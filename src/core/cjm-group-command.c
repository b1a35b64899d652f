/* cjm-group-command.c: several commands that are one step to the user
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-group-command"

#include "config.h"

#include "cjm-group-command.h"

struct _CjmGroupCommand
{
  CjmCommand parent_instance;

  /* Of CjmCommand, in the order they are applied. */
  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (CjmGroupCommand, cjm_group_command, CJM_TYPE_COMMAND)

static void
cjm_group_command_apply (CjmCommand *command)
{
  CjmGroupCommand *self = (CjmGroupCommand *)command;

  for (guint i = 0; i < self->commands->len; i++)
    cjm_command_apply (g_ptr_array_index (self->commands, i));
}

static void
cjm_group_command_revert (CjmCommand *command)
{
  CjmGroupCommand *self = (CjmGroupCommand *)command;

  /* Each command was applied to the map the ones before it left: take
   * them back last first, so each finds the map as it left it. */
  for (guint i = self->commands->len; i > 0; i--)
    cjm_command_revert (g_ptr_array_index (self->commands, i - 1));
}

static void
cjm_group_command_finalize (GObject *object)
{
  CjmGroupCommand *self = (CjmGroupCommand *)object;

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_group_command_parent_class)->finalize (object);
}

static void
cjm_group_command_class_init (CjmGroupCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmCommandClass *command_class = CJM_COMMAND_CLASS (klass);

  object_class->finalize = cjm_group_command_finalize;

  command_class->apply = cjm_group_command_apply;
  command_class->revert = cjm_group_command_revert;
}

static void
cjm_group_command_init (CjmGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cjm_group_command_new:
 * @label: what the whole change is, for the user
 *
 * Makes an empty group. Applying it applies its commands in the order
 * they were added; reverting it reverts them in the opposite order.
 *
 * Returns: (transfer full): a new #CjmGroupCommand
 */
CjmGroupCommand *
cjm_group_command_new (const char *label)
{
  return g_object_new (CJM_TYPE_GROUP_COMMAND,
                       "label", label,
                       NULL);
}

guint
cjm_group_command_get_n_commands (CjmGroupCommand *self)
{
  g_return_val_if_fail (CJM_IS_GROUP_COMMAND (self), 0);

  return self->commands->len;
}

/**
 * cjm_group_command_get_command:
 * @self: a #CjmGroupCommand
 * @position: the index of a command of the group
 *
 * Returns: (transfer none): the command at @position
 */
CjmCommand *
cjm_group_command_get_command (CjmGroupCommand *self,
                               guint            position)
{
  g_return_val_if_fail (CJM_IS_GROUP_COMMAND (self), NULL);
  g_return_val_if_fail (position < self->commands->len, NULL);

  return g_ptr_array_index (self->commands, position);
}

/**
 * cjm_group_command_add:
 * @self: a #CjmGroupCommand
 * @command: a #CjmCommand
 *
 * Adds @command at the end of the group. It is not applied: the caller
 * applies it, or applies the whole group later.
 */
void
cjm_group_command_add (CjmGroupCommand *self,
                       CjmCommand      *command)
{
  g_return_if_fail (CJM_IS_GROUP_COMMAND (self));
  g_return_if_fail (CJM_IS_COMMAND (command));
  g_return_if_fail (command != CJM_COMMAND (self));

  g_ptr_array_add (self->commands, g_object_ref (command));
}
