/* cjm-pain-point-panel.h: the map's pain points and opportunities, as lists
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-canvas.h"

G_BEGIN_DECLS

#define CJM_TYPE_PAIN_POINT_PANEL (cjm_pain_point_panel_get_type ())

G_DECLARE_FINAL_TYPE (CjmPainPointPanel, cjm_pain_point_panel, CJM, PAIN_POINT_PANEL, GtkWidget)

GtkWidget *cjm_pain_point_panel_new        (void);
CjmCanvas *cjm_pain_point_panel_get_canvas (CjmPainPointPanel *self);
void       cjm_pain_point_panel_set_canvas (CjmPainPointPanel *self,
                                            CjmCanvas         *canvas);

G_END_DECLS
