/* cjm-connection.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_CONNECTION (cjm_connection_get_type ())

G_DECLARE_FINAL_TYPE (CjmConnection, cjm_connection, CJM, CONNECTION, CjmElement)

CjmConnection *cjm_connection_new         (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char    *cjm_connection_get_from_id (CjmConnection *self);
const char    *cjm_connection_get_to_id   (CjmConnection *self);
const char    *cjm_connection_get_label   (CjmConnection *self);
void           cjm_connection_set_from_id (CjmConnection *self,
                                           const char    *from_id);
void           cjm_connection_set_to_id   (CjmConnection *self,
                                           const char    *to_id);
void           cjm_connection_set_label   (CjmConnection *self,
                                           const char    *label);

G_END_DECLS
