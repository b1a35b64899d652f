/* cjm-card.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_CARD (cjm_card_get_type ())

G_DECLARE_FINAL_TYPE (CjmCard, cjm_card, CJM, CARD, CjmElement)

CjmCard              *cjm_card_new                (const char *id) G_GNUC_WARN_UNUSED_RESULT;
CjmCardKind           cjm_card_get_kind           (CjmCard *self);
const char           *cjm_card_get_lane_id        (CjmCard *self);
const char           *cjm_card_get_step_id        (CjmCard *self);
int                   cjm_card_get_span           (CjmCard *self);
CjmPresence           cjm_card_get_presence       (CjmCard *self);
CjmDirection          cjm_card_get_direction      (CjmCard *self);
CjmDepartment         cjm_card_get_department     (CjmCard *self);
CjmPainCategory       cjm_card_get_category       (CjmCard *self);
int                   cjm_card_get_severity       (CjmCard *self);
CjmEvidenceKind       cjm_card_get_evidence_kind  (CjmCard *self);
int                   cjm_card_get_impact         (CjmCard *self);
int                   cjm_card_get_effort         (CjmCard *self);
CjmOpportunityStatus  cjm_card_get_status         (CjmCard *self);
const char * const   *cjm_card_get_persona_ids    (CjmCard *self);
const char * const   *cjm_card_get_pain_point_ids (CjmCard *self);
const char * const   *cjm_card_get_touchpoint_ids (CjmCard *self);
const char           *cjm_card_get_kpi_target     (CjmCard *self);
const char           *cjm_card_get_kpi_actual     (CjmCard *self);
const char           *cjm_card_get_kpi_unit       (CjmCard *self);
const char           *cjm_card_get_title          (CjmCard *self);
const char           *cjm_card_get_description    (CjmCard *self);
const char           *cjm_card_get_kpi_name       (CjmCard *self);
const char           *cjm_card_get_evidence       (CjmCard *self);
const char           *cjm_card_get_owner          (CjmCard *self);
void                  cjm_card_set_kind           (CjmCard              *self,
                                                   CjmCardKind           kind);
void                  cjm_card_set_lane_id        (CjmCard              *self,
                                                   const char           *lane_id);
void                  cjm_card_set_step_id        (CjmCard              *self,
                                                   const char           *step_id);
void                  cjm_card_set_span           (CjmCard              *self,
                                                   int                   span);
void                  cjm_card_set_presence       (CjmCard              *self,
                                                   CjmPresence           presence);
void                  cjm_card_set_direction      (CjmCard              *self,
                                                   CjmDirection          direction);
void                  cjm_card_set_department     (CjmCard              *self,
                                                   CjmDepartment         department);
void                  cjm_card_set_category       (CjmCard              *self,
                                                   CjmPainCategory       category);
void                  cjm_card_set_severity       (CjmCard              *self,
                                                   int                   severity);
void                  cjm_card_set_evidence_kind  (CjmCard              *self,
                                                   CjmEvidenceKind       evidence_kind);
void                  cjm_card_set_impact         (CjmCard              *self,
                                                   int                   impact);
void                  cjm_card_set_effort         (CjmCard              *self,
                                                   int                   effort);
void                  cjm_card_set_status         (CjmCard              *self,
                                                   CjmOpportunityStatus  status);
void                  cjm_card_set_persona_ids    (CjmCard              *self,
                                                   const char * const   *persona_ids);
void                  cjm_card_set_pain_point_ids (CjmCard              *self,
                                                   const char * const   *pain_point_ids);
void                  cjm_card_set_touchpoint_ids (CjmCard              *self,
                                                   const char * const   *touchpoint_ids);
void                  cjm_card_set_kpi_target     (CjmCard              *self,
                                                   const char           *kpi_target);
void                  cjm_card_set_kpi_actual     (CjmCard              *self,
                                                   const char           *kpi_actual);
void                  cjm_card_set_kpi_unit       (CjmCard              *self,
                                                   const char           *kpi_unit);
void                  cjm_card_set_title          (CjmCard              *self,
                                                   const char           *title);
void                  cjm_card_set_description    (CjmCard              *self,
                                                   const char           *description);
void                  cjm_card_set_kpi_name       (CjmCard              *self,
                                                   const char           *kpi_name);
void                  cjm_card_set_evidence       (CjmCard              *self,
                                                   const char           *evidence);
void                  cjm_card_set_owner          (CjmCard              *self,
                                                   const char           *owner);

G_END_DECLS
