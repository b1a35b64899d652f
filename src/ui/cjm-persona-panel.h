/* cjm-persona-panel.h: the map's personas, whose journeys it shows
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-canvas.h"

G_BEGIN_DECLS

#define CJM_TYPE_PERSONA_PANEL (cjm_persona_panel_get_type ())

G_DECLARE_FINAL_TYPE (CjmPersonaPanel, cjm_persona_panel, CJM, PERSONA_PANEL, GtkWidget)

GtkWidget  *cjm_persona_panel_new             (void);
CjmCanvas  *cjm_persona_panel_get_canvas      (CjmPersonaPanel    *self);
CjmPersona *cjm_persona_panel_get_persona     (CjmPersonaPanel    *self);
gboolean    cjm_persona_panel_get_shown       (CjmPersonaPanel    *self,
                                               CjmPersona         *persona);
void        cjm_persona_panel_set_canvas      (CjmPersonaPanel    *self,
                                               CjmCanvas          *canvas);
void        cjm_persona_panel_set_persona     (CjmPersonaPanel    *self,
                                               CjmPersona         *persona);
void        cjm_persona_panel_set_shown       (CjmPersonaPanel    *self,
                                               CjmPersona         *persona,
                                               gboolean            shown);

G_END_DECLS
