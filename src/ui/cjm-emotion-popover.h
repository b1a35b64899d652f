/* cjm-emotion-popover.h: editing an emotion's label and quote
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-core.h"

G_BEGIN_DECLS

#define CJM_TYPE_EMOTION_POPOVER (cjm_emotion_popover_get_type ())

G_DECLARE_FINAL_TYPE (CjmEmotionPopover, cjm_emotion_popover, CJM, EMOTION_POPOVER, GtkPopover)

CjmEmotionPopover *cjm_emotion_popover_popup   (GtkWidget          *parent,
                                                CjmHistory         *history,
                                                CjmEmotion         *emotion,
                                                const GdkRectangle *pointing_to);
CjmEmotion        *cjm_emotion_popover_get_emotion (CjmEmotionPopover *self);
void               cjm_emotion_popover_set_texts   (CjmEmotionPopover *self,
                                                    const char        *label,
                                                    const char        *quote);
void               cjm_emotion_popover_commit      (CjmEmotionPopover *self);

char              *cjm_emotion_describe            (CjmMap            *map,
                                                    CjmEmotion        *emotion) G_GNUC_WARN_UNUSED_RESULT;

void               cjm_emotion_popover_replace (CjmEmotionPopover **popover,
                                                CjmEmotionPopover  *replacement);

G_END_DECLS
