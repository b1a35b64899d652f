/* cjm-history.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-command.h"
#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_HISTORY (cjm_history_get_type ())

G_DECLARE_FINAL_TYPE (CjmHistory, cjm_history, CJM, HISTORY, GObject)

CjmHistory *cjm_history_new                (CjmMap     *map) G_GNUC_WARN_UNUSED_RESULT;
CjmMap     *cjm_history_get_map            (CjmHistory *self);
gboolean    cjm_history_get_can_undo       (CjmHistory *self);
gboolean    cjm_history_get_can_redo       (CjmHistory *self);
const char *cjm_history_get_undo_label     (CjmHistory *self);
const char *cjm_history_get_redo_label     (CjmHistory *self);
gboolean    cjm_history_get_modified       (CjmHistory *self);
guint64     cjm_history_get_position       (CjmHistory *self);
void        cjm_history_push               (CjmHistory *self,
                                            CjmCommand *command);
gboolean    cjm_history_undo               (CjmHistory *self);
gboolean    cjm_history_redo               (CjmHistory *self);
void        cjm_history_begin_group        (CjmHistory *self,
                                            const char *label);
void        cjm_history_end_group          (CjmHistory *self);
void        cjm_history_break_merge        (CjmHistory *self);
void        cjm_history_set_saved          (CjmHistory *self);
void        cjm_history_set_saved_position (CjmHistory *self,
                                            guint64     position);
void        cjm_history_forget_saved       (CjmHistory *self);
void        cjm_history_clear              (CjmHistory *self);

G_END_DECLS
