/* cjm-window.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-application.h"
#include "cjm-document.h"
#include "cjm-map-view.h"

G_BEGIN_DECLS

#define CJM_TYPE_WINDOW (cjm_window_get_type ())

G_DECLARE_FINAL_TYPE (CjmWindow, cjm_window, CJM, WINDOW, AdwApplicationWindow)

CjmWindow   *cjm_window_new             (CjmApplication *application);
CjmDocument *cjm_window_get_document    (CjmWindow      *self);
void         cjm_window_set_document    (CjmWindow      *self,
                                         CjmDocument    *document);
void         cjm_window_open_file       (CjmWindow      *self,
                                         GFile          *file);
gboolean     cjm_window_is_showing_file (CjmWindow      *self,
                                         GFile          *file);
gboolean     cjm_window_is_blank        (CjmWindow      *self);
void         cjm_window_show_toast      (CjmWindow      *self,
                                         const char     *message);
void         cjm_window_add_toast       (CjmWindow      *self,
                                         AdwToast       *toast);
void         cjm_window_open_file_full  (CjmWindow      *self,
                                         GFile          *file,
                                         CjmOpenFlags    flags);
CjmCanvas   *cjm_window_get_canvas      (CjmWindow      *self);
CjmMapView  *cjm_window_get_map_view    (CjmWindow      *self);
gboolean     cjm_window_new_map         (CjmWindow      *self,
                                         const char     *template_id);

G_END_DECLS
