/* cjm-field.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean  cjm_field_value_from_string (GParamSpec    *pspec,
                                       const char    *text,
                                       GValue        *value,
                                       GError       **error);
char     *cjm_field_value_to_string   (GParamSpec    *pspec,
                                       const GValue  *value) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cjm_field_text_is_valid     (GParamSpec    *pspec,
                                       const char    *text);
gboolean  cjm_date_text_is_valid      (const char    *text);

G_END_DECLS
