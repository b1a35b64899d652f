/* cjm-stage.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_STAGE (cjm_stage_get_type ())

G_DECLARE_FINAL_TYPE (CjmStage, cjm_stage, CJM, STAGE, CjmElement)

CjmStage   *cjm_stage_new             (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char *cjm_stage_get_color       (CjmStage *self);
const char *cjm_stage_get_name        (CjmStage *self);
const char *cjm_stage_get_description (CjmStage *self);
const char *cjm_stage_get_goal        (CjmStage *self);
void        cjm_stage_set_color       (CjmStage   *self,
                                       const char *color);
void        cjm_stage_set_name        (CjmStage   *self,
                                       const char *name);
void        cjm_stage_set_description (CjmStage   *self,
                                       const char *description);
void        cjm_stage_set_goal        (CjmStage   *self,
                                       const char *goal);
GListModel *cjm_stage_get_steps       (CjmStage *self);

G_END_DECLS
