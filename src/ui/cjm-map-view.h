/* cjm-map-view.h: the canvas with its palette, zoom controls and side panels
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-canvas.h"

G_BEGIN_DECLS

#define CJM_TYPE_MAP_VIEW (cjm_map_view_get_type ())

G_DECLARE_FINAL_TYPE (CjmMapView, cjm_map_view, CJM, MAP_VIEW, GtkWidget)

GtkWidget   *cjm_map_view_new              (void);
CjmCanvas   *cjm_map_view_get_canvas       (CjmMapView  *self);
AdwViewStack *cjm_map_view_get_panels      (CjmMapView  *self);
CjmDocument *cjm_map_view_get_document     (CjmMapView  *self);
gboolean     cjm_map_view_get_show_panels  (CjmMapView  *self);
gboolean     cjm_map_view_get_show_palette (CjmMapView  *self);
gboolean     cjm_map_view_get_presenting   (CjmMapView  *self);
void         cjm_map_view_set_document     (CjmMapView  *self,
                                            CjmDocument *document);
void         cjm_map_view_set_show_panels  (CjmMapView  *self,
                                            gboolean     show_panels);
void         cjm_map_view_set_show_palette (CjmMapView  *self,
                                            gboolean     show_palette);
void         cjm_map_view_set_presenting   (CjmMapView  *self,
                                            gboolean     presenting);

G_END_DECLS
