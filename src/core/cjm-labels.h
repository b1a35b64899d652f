/* cjm-labels.h: the words for the values of the model's enumerations
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-enums.h"
#include "cjm-types.h"

G_BEGIN_DECLS

/* Translated labels, in the words of the glossary, for the UI, the
 * renderer and the exports. The "unspecified" value of an enumeration has
 * no label: these return %NULL for it, and for values they do not know.
 * Then what lanes and cards are, in those words, as the map shows them. */

#define CJM_EMOTION_SCORE_MIN (-3)
#define CJM_EMOTION_SCORE_MAX 3

const char *cjm_target_get_label             (CjmTarget             target);
const char *cjm_environment_get_label        (CjmEnvironment        environment);
const char *cjm_lane_kind_get_label          (CjmLaneKind           kind);
const char *cjm_channel_get_label            (CjmChannel            channel);
const char *cjm_text_kind_get_label          (CjmTextKind           text_kind);
const char *cjm_card_kind_get_label          (CjmCardKind           kind);
const char *cjm_presence_get_label           (CjmPresence           presence);
const char *cjm_direction_get_label          (CjmDirection          direction);
const char *cjm_department_get_label         (CjmDepartment         department);
const char *cjm_pain_category_get_label      (CjmPainCategory       category);
const char *cjm_evidence_kind_get_label      (CjmEvidenceKind       evidence_kind);
const char *cjm_opportunity_status_get_label (CjmOpportunityStatus  status);
const char *cjm_emotion_score_get_label      (int                   score);
const char *cjm_enum_get_label               (GType                 enum_type,
                                              int                   value);
const char *cjm_labels_get_lane_kind         (CjmLane              *lane);
char       *cjm_labels_dup_card_meta         (CjmCard              *card,
                                              CjmLane              *lane) G_GNUC_WARN_UNUSED_RESULT;
char       *cjm_labels_dup_step_place        (CjmMap               *map,
                                              const char           *step_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
