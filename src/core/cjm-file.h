/* cjm-file.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-types.h"

G_BEGIN_DECLS

typedef enum
{
  CJM_FILE_FORMAT_UNKNOWN,
  CJM_FILE_FORMAT_CJM,
  CJM_FILE_FORMAT_JSON,
} CjmFileFormat;

CjmFileFormat  cjm_file_format_for_name (const char    *name);
GBytes        *cjm_file_read_bytes      (GFile         *file,
                                         gsize          max_size,
                                         GCancellable  *cancellable,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CjmMap        *cjm_map_read_bytes       (GBytes        *bytes,
                                         const char    *display_name,
                                         GPtrArray     *problems,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
CjmMap        *cjm_map_load             (GFile         *file,
                                         GPtrArray     *problems,
                                         GCancellable  *cancellable,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes        *cjm_map_to_bytes         (CjmMap        *map,
                                         CjmFileFormat  format) G_GNUC_WARN_UNUSED_RESULT;
gboolean       cjm_map_save             (CjmMap        *map,
                                         GFile         *file,
                                         CjmFileFormat  format,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
