/* cjm-list-command.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-command.h"

G_BEGIN_DECLS

#define CJM_TYPE_LIST_COMMAND (cjm_list_command_get_type ())

G_DECLARE_FINAL_TYPE (CjmListCommand, cjm_list_command, CJM, LIST_COMMAND, CjmCommand)

CjmCommand *cjm_list_command_new_insert (const char     *label,
                                         GListStore     *store,
                                         guint           position,
                                         gpointer        item) G_GNUC_WARN_UNUSED_RESULT;
CjmCommand *cjm_list_command_new_remove (const char     *label,
                                         GListStore     *store,
                                         gpointer        item) G_GNUC_WARN_UNUSED_RESULT;
CjmCommand *cjm_list_command_new_move   (const char     *label,
                                         GListStore     *store,
                                         gpointer        item,
                                         guint           position) G_GNUC_WARN_UNUSED_RESULT;
GListStore *cjm_list_command_get_store  (CjmListCommand *self);
gpointer    cjm_list_command_get_item   (CjmListCommand *self);

G_END_DECLS
