/* cjm-lane.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_LANE (cjm_lane_get_type ())

G_DECLARE_FINAL_TYPE (CjmLane, cjm_lane, CJM, LANE, CjmElement)

CjmLane     *cjm_lane_new           (const char *id) G_GNUC_WARN_UNUSED_RESULT;
CjmLaneKind  cjm_lane_get_kind      (CjmLane *self);
CjmChannel   cjm_lane_get_channel   (CjmLane *self);
CjmTextKind  cjm_lane_get_text_kind (CjmLane *self);
const char  *cjm_lane_get_name      (CjmLane *self);
void         cjm_lane_set_kind      (CjmLane     *self,
                                     CjmLaneKind  kind);
void         cjm_lane_set_channel   (CjmLane     *self,
                                     CjmChannel   channel);
void         cjm_lane_set_text_kind (CjmLane     *self,
                                     CjmTextKind  text_kind);
void         cjm_lane_set_name      (CjmLane     *self,
                                     const char  *name);

G_END_DECLS
