/* cjm-merge-dialog.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-core.h"

G_BEGIN_DECLS

#define CJM_TYPE_MERGE_DIALOG (cjm_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CjmMergeDialog, cjm_merge_dialog, CJM, MERGE_DIALOG, AdwWindow)

CjmMergeDialog *cjm_merge_dialog_new       (GtkWindow      *parent,
                                            CjmMerge       *merge);
CjmMerge       *cjm_merge_dialog_get_merge (CjmMergeDialog *self);

G_END_DECLS
