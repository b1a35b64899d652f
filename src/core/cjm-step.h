/* cjm-step.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_STEP (cjm_step_get_type ())

G_DECLARE_FINAL_TYPE (CjmStep, cjm_step, CJM, STEP, CjmElement)

CjmStep    *cjm_step_new             (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char *cjm_step_get_name        (CjmStep *self);
const char *cjm_step_get_description (CjmStep *self);
void        cjm_step_set_name        (CjmStep    *self,
                                      const char *name);
void        cjm_step_set_description (CjmStep    *self,
                                      const char *description);

G_END_DECLS
