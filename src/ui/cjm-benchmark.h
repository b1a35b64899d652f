/* cjm-benchmark.h: measuring the canvas's frames
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-window.h"

G_BEGIN_DECLS

GBytes *cjm_benchmark_generate_map (guint      n_touchpoints) G_GNUC_WARN_UNUSED_RESULT;
void    cjm_benchmark_run          (CjmWindow *window,
                                    guint      n_frames,
                                    gint64     started_at);

G_END_DECLS
