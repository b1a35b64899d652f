/* cjm-export-dialog.h: the Export dialog
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-core.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_EXPORT_DIALOG (cjm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CjmExportDialog, cjm_export_dialog, CJM, EXPORT_DIALOG, AdwWindow)

CjmExportDialog        *cjm_export_dialog_new         (GtkWindow        *parent,
                                                       CjmDocument      *document,
                                                       CjmSelection     *selection,
                                                       AdwToastOverlay  *toast_overlay);
CjmDocument            *cjm_export_dialog_get_document (CjmExportDialog *self);
const CjmExportOptions *cjm_export_dialog_get_options (CjmExportDialog  *self);
void                    cjm_export_dialog_export_to   (CjmExportDialog  *self,
                                                       GFile            *file);

G_END_DECLS
