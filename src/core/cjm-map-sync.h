/* cjm-map-sync.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-types.h"

G_BEGIN_DECLS

gboolean cjm_map_sync           (CjmHistory *history,
                                 CjmMap     *target,
                                 const char *label);
gboolean cjm_map_equal          (CjmMap     *map,
                                 CjmMap     *other);
CjmMap  *cjm_map_copy           (CjmMap     *map) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
