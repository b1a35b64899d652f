/* cjm-inspector.h: the fields of what is selected on the map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-canvas.h"

G_BEGIN_DECLS

#define CJM_TYPE_INSPECTOR (cjm_inspector_get_type ())

G_DECLARE_FINAL_TYPE (CjmInspector, cjm_inspector, CJM, INSPECTOR, GtkWidget)

GtkWidget  *cjm_inspector_new         (void);
CjmCanvas  *cjm_inspector_get_canvas  (CjmInspector *self);
CjmElement *cjm_inspector_get_element (CjmInspector *self);
void        cjm_inspector_set_canvas  (CjmInspector *self,
                                       CjmCanvas    *canvas);

G_END_DECLS
