/* cjm-map-check.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cjm-types.h"

G_BEGIN_DECLS

/* Returns the line of the file an element was read from, or 0. */
typedef int (*CjmLineFunc) (gpointer element,
                            gpointer user_data);

void cjm_map_check_and_repair (CjmMap      *map,
                               GPtrArray   *problems,
                               CjmLineFunc  line_func,
                               gpointer     user_data);

G_END_DECLS
