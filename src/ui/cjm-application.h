/* cjm-application.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CJM_TYPE_APPLICATION (cjm_application_get_type ())

G_DECLARE_FINAL_TYPE (CjmApplication, cjm_application, CJM, APPLICATION, AdwApplication)

CjmApplication *cjm_application_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
