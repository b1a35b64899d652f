/* cjm-conflict-dialog.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-window.h"

G_BEGIN_DECLS

#define CJM_TYPE_CONFLICT_DIALOG (cjm_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CjmConflictDialog, cjm_conflict_dialog, CJM, CONFLICT_DIALOG, AdwMessageDialog)

void cjm_conflict_dialog_present (CjmWindow    *window,
                                  CjmDocument  *document,
                                  const GError *error,
                                  gboolean      saving);

/* What the dialog and the window's file bar do. */
void cjm_file_reload             (CjmWindow    *window,
                                  CjmDocument  *document);
void cjm_file_overwrite          (CjmWindow    *window,
                                  CjmDocument  *document);
void cjm_file_merge              (CjmWindow    *window,
                                  CjmDocument  *document,
                                  gboolean      save_after);

G_END_DECLS
