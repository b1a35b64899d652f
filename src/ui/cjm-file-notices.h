/* cjm-file-notices.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-window.h"

G_BEGIN_DECLS

#define CJM_TYPE_FILE_NOTICES (cjm_file_notices_get_type ())

G_DECLARE_FINAL_TYPE (CjmFileNotices, cjm_file_notices, CJM, FILE_NOTICES, GObject)

void cjm_file_notices_attach (CjmWindow *window,
                              GtkBox    *box);

G_END_DECLS
