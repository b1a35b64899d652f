/* cjm-template.h: the maps a new map can start from
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_TEMPLATE (cjm_template_get_type ())

G_DECLARE_FINAL_TYPE (CjmTemplate, cjm_template, CJM, TEMPLATE, GObject)

GListModel  *cjm_template_list_all           (void) G_GNUC_WARN_UNUSED_RESULT;
CjmTemplate *cjm_template_lookup             (const char   *id) G_GNUC_WARN_UNUSED_RESULT;
const char  *cjm_template_get_id             (CjmTemplate  *self);
const char  *cjm_template_get_title          (CjmTemplate  *self);
const char  *cjm_template_get_description    (CjmTemplate  *self);
const char  *cjm_template_get_resource_path  (CjmTemplate  *self);
CjmMap      *cjm_template_instantiate        (CjmTemplate  *self,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;

guint        cjm_map_translate_texts         (CjmMap       *map,
                                              const char   *domain);

G_END_DECLS
