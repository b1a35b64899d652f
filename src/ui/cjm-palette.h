/* cjm-palette.h: the kinds of card and the channels, to drag onto the map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-drop.h"

G_BEGIN_DECLS

/* What a drag from the palette carries: a #CjmPaletteItem, as a boxed value. */
#define CJM_TYPE_PALETTE_ITEM (cjm_palette_item_get_type ())
#define CJM_TYPE_PALETTE      (cjm_palette_get_type ())

GType cjm_palette_item_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CjmPalette, cjm_palette, CJM, PALETTE, GtkWidget)

GtkWidget *cjm_palette_new (void);

G_END_DECLS
