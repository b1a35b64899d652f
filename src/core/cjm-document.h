/* cjm-document.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-lock.h"
#include "cjm-merge.h"
#include "cjm-recovery.h"
#include "cjm-save.h"
#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_DOCUMENT (cjm_document_get_type ())

G_DECLARE_FINAL_TYPE (CjmDocument, cjm_document, CJM, DOCUMENT, GObject)

typedef enum
{
  CJM_OPEN_FLAGS_NONE        = 0,
  /* Open without taking the lock; saving over the file is refused. */
  CJM_OPEN_FLAGS_READ_ONLY   = 1 << 0,
  /* Open for editing even though someone else holds the lock. */
  CJM_OPEN_FLAGS_IGNORE_LOCK = 1 << 1,
} CjmOpenFlags;

CjmDocument       *cjm_document_new                  (CjmMap               *map,
                                                      GFile                *file) G_GNUC_WARN_UNUSED_RESULT;
CjmMap            *cjm_document_get_map              (CjmDocument          *self);
CjmHistory        *cjm_document_get_history          (CjmDocument          *self);
GFile             *cjm_document_get_file             (CjmDocument          *self);
char              *cjm_document_dup_display_name     (CjmDocument          *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean           cjm_document_get_modified         (CjmDocument          *self);
gboolean           cjm_document_get_busy             (CjmDocument          *self);
gboolean           cjm_document_get_read_only        (CjmDocument          *self);
gboolean           cjm_document_get_changed_on_disk  (CjmDocument          *self);
gboolean           cjm_document_get_deleted_on_disk  (CjmDocument          *self);
gboolean           cjm_document_get_lock_held        (CjmDocument          *self);
const CjmLockInfo *cjm_document_get_lock_owner       (CjmDocument          *self);
const CjmFileState *cjm_document_get_disk_state      (CjmDocument          *self);
GBytes            *cjm_document_get_base             (CjmDocument          *self);
gboolean           cjm_document_get_polling          (CjmDocument          *self);
guint              cjm_document_get_autosave_interval (CjmDocument         *self);
void               cjm_document_set_autosave_interval (CjmDocument         *self,
                                                       guint                seconds);
const char        *cjm_document_get_recovery_id      (CjmDocument          *self);
void               cjm_document_set_poll_interval    (CjmDocument          *self,
                                                      guint                 milliseconds);
void               cjm_document_set_lock_timing      (CjmDocument          *self,
                                                      guint                 refresh_interval,
                                                      guint                 stale_age);

void               cjm_document_load_async           (GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void               cjm_document_load_full_async      (GFile                *file,
                                                      CjmOpenFlags          flags,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void               cjm_document_restore_async        (const CjmRecoveryEntry *entry,
                                                      CjmOpenFlags          flags,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
CjmDocument       *cjm_document_load_finish          (GAsyncResult         *result,
                                                      GPtrArray           **problems,
                                                      GError              **error) G_GNUC_WARN_UNUSED_RESULT;
GFile             *cjm_document_load_result_get_file (GAsyncResult         *result);

void               cjm_document_save_async           (CjmDocument          *self,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void               cjm_document_save_full_async      (CjmDocument          *self,
                                                      GFile                *file,
                                                      CjmSaveFlags          flags,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean           cjm_document_save_finish          (CjmDocument          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void               cjm_document_check_disk           (CjmDocument          *self);
void               cjm_document_reload_async         (CjmDocument          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean           cjm_document_reload_finish        (CjmDocument          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void               cjm_document_merge_async          (CjmDocument          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
CjmMerge          *cjm_document_merge_finish         (CjmDocument          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           cjm_document_apply_merge          (CjmDocument          *self,
                                                      CjmMerge             *merge,
                                                      GPtrArray            *problems);
void               cjm_document_autosave_now         (CjmDocument          *self);
void               cjm_document_close                (CjmDocument          *self);

G_END_DECLS
