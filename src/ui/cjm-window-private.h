/* cjm-window-private.h: what the window's files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-window.h"

G_BEGIN_DECLS

/* cjm-window-map.c: the map view, presentation mode, templates */
void _cjm_window_map_class_init (GtkWidgetClass *widget_class);
void _cjm_window_map_init       (CjmWindow      *self);

G_END_DECLS
