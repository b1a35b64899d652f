/* cjm-map-check.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-map-check"

#include "config.h"

#include "cjm-map-check.h"

/* STUB: to be written. */
void
cjm_map_check_and_repair (CjmMap      *map,
                          GPtrArray   *problems,
                          CjmLineFunc  line_func,
                          gpointer     user_data)
{
}
