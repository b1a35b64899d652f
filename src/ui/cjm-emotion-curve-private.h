/* cjm-emotion-curve-private.h: what the tests drive of the widget
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-emotion-curve.h"

G_BEGIN_DECLS

/* The same functions the gestures and the key controller call, in widget
 * coordinates. */
CjmLayout  *_cjm_emotion_curve_get_layout       (CjmEmotionCurve *self);
gboolean    _cjm_emotion_curve_get_point_position (CjmEmotionCurve *self,
                                                   CjmEmotion      *emotion,
                                                   double          *x,
                                                   double          *y);
double      _cjm_emotion_curve_get_score_y      (CjmEmotionCurve *self,
                                                 int              score);
double      _cjm_emotion_curve_get_column_x     (CjmEmotionCurve *self,
                                                 guint            column);
void        _cjm_emotion_curve_drag_begin       (CjmEmotionCurve *self,
                                                 double           x,
                                                 double           y);
void        _cjm_emotion_curve_drag_update      (CjmEmotionCurve *self,
                                                 double           x,
                                                 double           y);
void        _cjm_emotion_curve_drag_end         (CjmEmotionCurve *self,
                                                 double           x,
                                                 double           y);
gboolean    _cjm_emotion_curve_key              (CjmEmotionCurve *self,
                                                 guint            keyval,
                                                 GdkModifierType  state);
CjmEmotion *_cjm_emotion_curve_get_focused      (CjmEmotionCurve *self,
                                                 int             *column);
GtkPopover *_cjm_emotion_curve_get_popover      (CjmEmotionCurve *self);

G_END_DECLS
