/* cjm-template-chooser.h: the "New From Template" window
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-core.h"
#include "cjm-template.h"

G_BEGIN_DECLS

#define CJM_TYPE_TEMPLATE_CHOOSER (cjm_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (CjmTemplateChooser, cjm_template_chooser, CJM, TEMPLATE_CHOOSER, AdwWindow)

GtkWidget *cjm_template_chooser_new (GtkWindow *parent);

G_END_DECLS
