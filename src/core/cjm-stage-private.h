/* cjm-stage-private.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-stage.h"

G_BEGIN_DECLS

GListStore *_cjm_stage_get_step_store (CjmStage *self);

G_END_DECLS
