/* cjm-recovery-dialog.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-window.h"

G_BEGIN_DECLS

void cjm_recovery_dialog_present_if_needed (CjmWindow *window);

G_END_DECLS
