/* cjm-property-command.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-command.h"

G_BEGIN_DECLS

#define CJM_TYPE_PROPERTY_COMMAND (cjm_property_command_get_type ())

G_DECLARE_FINAL_TYPE (CjmPropertyCommand, cjm_property_command, CJM, PROPERTY_COMMAND, CjmCommand)

CjmCommand   *cjm_property_command_new               (const char         *label,
                                                      gpointer            object,
                                                      const char         *property_name,
                                                      const GValue       *value) G_GNUC_WARN_UNUSED_RESULT;
GObject      *cjm_property_command_get_object        (CjmPropertyCommand *self);
const char   *cjm_property_command_get_property_name (CjmPropertyCommand *self);
const GValue *cjm_property_command_get_value         (CjmPropertyCommand *self);

G_END_DECLS
