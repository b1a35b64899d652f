/* cjm-file-monitor.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-save.h"

G_BEGIN_DECLS

/* How often a file on a network drive is looked at (milliseconds). */
#define CJM_FILE_MONITOR_POLL_INTERVAL 5000

#define CJM_TYPE_FILE_MONITOR (cjm_file_monitor_get_type ())

G_DECLARE_FINAL_TYPE (CjmFileMonitor, cjm_file_monitor, CJM, FILE_MONITOR, GObject)

CjmFileMonitor     *cjm_file_monitor_new              (GFile              *file,
                                                       const CjmFileState *state,
                                                       guint               poll_interval) G_GNUC_WARN_UNUSED_RESULT;
GFile              *cjm_file_monitor_get_file         (CjmFileMonitor     *self);
const CjmFileState *cjm_file_monitor_get_state        (CjmFileMonitor     *self);
void                cjm_file_monitor_set_state        (CjmFileMonitor     *self,
                                                       const CjmFileState *state);
gboolean            cjm_file_monitor_get_polling      (CjmFileMonitor     *self);
void                cjm_file_monitor_pause            (CjmFileMonitor     *self);
void                cjm_file_monitor_unpause          (CjmFileMonitor     *self);
void                cjm_file_monitor_check            (CjmFileMonitor     *self);

G_END_DECLS
