/* cjm-canvas.h: the map, drawn and edited
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-core.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_CANVAS (cjm_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CjmCanvas, cjm_canvas, CJM, CANVAS, GtkWidget)

#define CJM_CANVAS_ZOOM_MIN 0.1
#define CJM_CANVAS_ZOOM_MAX 4.0

GtkWidget    *cjm_canvas_new               (void);
CjmDocument  *cjm_canvas_get_document      (CjmCanvas   *self);
CjmSelection *cjm_canvas_get_selection     (CjmCanvas   *self);
CjmLayout    *cjm_canvas_get_layout        (CjmCanvas   *self);
double        cjm_canvas_get_zoom          (CjmCanvas   *self);
gboolean      cjm_canvas_get_presenting    (CjmCanvas   *self);
void          cjm_canvas_set_document      (CjmCanvas   *self,
                                            CjmDocument *document);
void          cjm_canvas_set_zoom          (CjmCanvas   *self,
                                            double       zoom);
void          cjm_canvas_set_zoom_at       (CjmCanvas   *self,
                                            double       zoom,
                                            double       x,
                                            double       y);
void          cjm_canvas_set_presenting    (CjmCanvas   *self,
                                            gboolean     presenting);
void          cjm_canvas_zoom_to_fit       (CjmCanvas   *self);
void          cjm_canvas_zoom_to_rect      (CjmCanvas   *self,
                                            const CjmRect *rect);
void          cjm_canvas_scroll_to_element (CjmCanvas   *self,
                                            const char  *id);
void          cjm_canvas_map_to_widget     (CjmCanvas   *self,
                                            double       map_x,
                                            double       map_y,
                                            double      *x,
                                            double      *y);
void          cjm_canvas_widget_to_map     (CjmCanvas   *self,
                                            double       x,
                                            double       y,
                                            double      *map_x,
                                            double      *map_y);
void          cjm_canvas_edit_element      (CjmCanvas   *self,
                                            const char  *id);

G_END_DECLS
