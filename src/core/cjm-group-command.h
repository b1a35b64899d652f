/* cjm-group-command.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-command.h"

G_BEGIN_DECLS

#define CJM_TYPE_GROUP_COMMAND (cjm_group_command_get_type ())

G_DECLARE_FINAL_TYPE (CjmGroupCommand, cjm_group_command, CJM, GROUP_COMMAND, CjmCommand)

CjmGroupCommand *cjm_group_command_new            (const char      *label) G_GNUC_WARN_UNUSED_RESULT;
guint            cjm_group_command_get_n_commands (CjmGroupCommand *self);
CjmCommand      *cjm_group_command_get_command    (CjmGroupCommand *self,
                                                   guint            position);
void             cjm_group_command_add            (CjmGroupCommand *self,
                                                   CjmCommand      *command);

G_END_DECLS
