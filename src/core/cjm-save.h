/* cjm-save.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CJM_SAVE_ERROR (cjm_save_error_quark ())

/* Why a map was not saved. Whatever the reason, the file on disk is what
 * it was before (or, when even that failed, the message names the backup
 * holding it), and the document stays open with its changes. */
typedef enum
{
  CJM_SAVE_ERROR_CHANGED_ON_DISK,    /* someone else saved the file since it was read */
  CJM_SAVE_ERROR_DELETED_ON_DISK,    /* the file was deleted or moved since it was read */
  CJM_SAVE_ERROR_READ_ONLY,          /* the document was opened read-only */
  CJM_SAVE_ERROR_NO_SPACE,           /* the drive is full */
  CJM_SAVE_ERROR_PERMISSION_DENIED,  /* no right to write there, or a read-only drive */
  CJM_SAVE_ERROR_NOT_REACHABLE,      /* the drive or the folder is gone */
  CJM_SAVE_ERROR_NOT_VERIFIED,       /* what was read back differs from what was written */
  CJM_SAVE_ERROR_FAILED,             /* anything else */
} CjmSaveError;

typedef enum
{
  CJM_SAVE_FLAGS_NONE      = 0,
  /* Write even if the file changed on disk since it was read. */
  CJM_SAVE_FLAGS_OVERWRITE = 1 << 0,
} CjmSaveFlags;

#define CJM_TYPE_FILE_STATE (cjm_file_state_get_type ())

/* What a file held when it was last read or written: enough to tell
 * whether someone changed it since. Etags and modification times are only
 * hints: over GVfs SMB the etag is the modification time in whole seconds,
 * so two saves in one second look alike; the size and a hash of the
 * content decide. */
typedef struct
{
  gboolean  exists;
  char     *etag;          /* nullable */
  goffset   size;
  guint64   mtime;         /* seconds, 0 when unknown */
  guint32   mtime_usec;
  char     *hash;          /* SHA-256 of the content, hex; nullable when not read */
} CjmFileState;

GQuark        cjm_save_error_quark             (void);

GType         cjm_file_state_get_type          (void) G_GNUC_CONST;
CjmFileState *cjm_file_state_new_for_bytes     (GBytes              *bytes) G_GNUC_WARN_UNUSED_RESULT;
CjmFileState *cjm_file_state_copy              (const CjmFileState  *self) G_GNUC_WARN_UNUSED_RESULT;
void          cjm_file_state_free              (CjmFileState        *self);
gboolean      cjm_file_state_same_metadata     (const CjmFileState  *self,
                                                const CjmFileState  *other);
gboolean      cjm_file_state_same_content      (const CjmFileState  *self,
                                                const CjmFileState  *other);
CjmFileState *cjm_file_state_query             (GFile               *file,
                                                GBytes             **contents,
                                                GCancellable        *cancellable,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
CjmFileState *cjm_file_state_query_info        (GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char         *cjm_file_state_dup_hash          (GBytes              *bytes) G_GNUC_WARN_UNUSED_RESULT;

GFile        *cjm_save_get_backup_file         (GFile               *file) G_GNUC_WARN_UNUSED_RESULT;
CjmFileState *cjm_save_bytes                   (GFile               *file,
                                                GBytes              *bytes,
                                                const CjmFileState  *expected,
                                                CjmSaveFlags         flags,
                                                GCancellable        *cancellable,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void          cjm_save_bytes_async             (GFile               *file,
                                                GBytes              *bytes,
                                                const CjmFileState  *expected,
                                                CjmSaveFlags         flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
CjmFileState *cjm_save_bytes_finish            (GAsyncResult        *result,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmFileState, cjm_file_state_free)

G_END_DECLS
