/* cjm-map-private.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-map.h"

G_BEGIN_DECLS

/* The store holding the map's elements of @element_type (steps excepted:
 * they live in their stage). Only the loader and undoable commands change
 * the stores; everything else reads the GListModels. */
GListStore *_cjm_map_get_store (CjmMap *self,
                                GType   element_type);

G_END_DECLS
