/* cjm-json.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-types.h"

G_BEGIN_DECLS

CjmMap *cjm_json_read  (GBytes      *bytes,
                        const char  *display_name,
                        GPtrArray   *problems,
                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes *cjm_json_write (CjmMap      *map) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
