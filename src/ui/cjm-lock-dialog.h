/* cjm-lock-dialog.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-window.h"

G_BEGIN_DECLS

void cjm_lock_dialog_present (CjmWindow  *window,
                              GFile      *file,
                              const char *message);

G_END_DECLS
