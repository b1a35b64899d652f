/* cjm-emotion-curve.h: the personas' emotion curves, to read and edit
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-core.h"

G_BEGIN_DECLS

#define CJM_TYPE_EMOTION_CURVE (cjm_emotion_curve_get_type ())

G_DECLARE_FINAL_TYPE (CjmEmotionCurve, cjm_emotion_curve, CJM, EMOTION_CURVE, GtkWidget)

GtkWidget          *cjm_emotion_curve_new             (void);
CjmDocument        *cjm_emotion_curve_get_document    (CjmEmotionCurve    *self);
const char * const *cjm_emotion_curve_get_persona_ids (CjmEmotionCurve    *self);
CjmSelection       *cjm_emotion_curve_get_selection   (CjmEmotionCurve    *self);
void                cjm_emotion_curve_set_document    (CjmEmotionCurve    *self,
                                                       CjmDocument        *document);
void                cjm_emotion_curve_set_persona_ids (CjmEmotionCurve    *self,
                                                       const char * const *persona_ids);
void                cjm_emotion_curve_set_selection   (CjmEmotionCurve    *self,
                                                       CjmSelection       *selection);

G_END_DECLS
