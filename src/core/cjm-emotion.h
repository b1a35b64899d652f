/* cjm-emotion.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_EMOTION (cjm_emotion_get_type ())

G_DECLARE_FINAL_TYPE (CjmEmotion, cjm_emotion, CJM, EMOTION, CjmElement)

CjmEmotion *cjm_emotion_new            (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char *cjm_emotion_get_persona_id (CjmEmotion *self);
const char *cjm_emotion_get_step_id    (CjmEmotion *self);
int         cjm_emotion_get_score      (CjmEmotion *self);
const char *cjm_emotion_get_label      (CjmEmotion *self);
const char *cjm_emotion_get_quote      (CjmEmotion *self);
void        cjm_emotion_set_persona_id (CjmEmotion *self,
                                        const char *persona_id);
void        cjm_emotion_set_step_id    (CjmEmotion *self,
                                        const char *step_id);
void        cjm_emotion_set_score      (CjmEmotion *self,
                                        int         score);
void        cjm_emotion_set_label      (CjmEmotion *self,
                                        const char *label);
void        cjm_emotion_set_quote      (CjmEmotion *self,
                                        const char *quote);

G_END_DECLS
