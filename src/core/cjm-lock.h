/* cjm-lock.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CJM_LOCK_ERROR (cjm_lock_error_quark ())

typedef enum
{
  CJM_LOCK_ERROR_LOCKED,  /* someone else is editing the file */
} CjmLockError;

/* Lock files are refreshed this often (seconds)... */
#define CJM_LOCK_REFRESH_INTERVAL 60
/* ...and a lock not refreshed for this long is stale (seconds). */
#define CJM_LOCK_STALE_AGE        (15 * 60)

#define CJM_TYPE_LOCK_INFO (cjm_lock_info_get_type ())

/* Who holds a lock, as its lock file says. */
typedef struct
{
  char      *user;         /* login name */
  char      *real_name;    /* nullable */
  char      *host;
  char      *boot_id;      /* nullable: the boot of @host the process runs in */
  gint64     pid;
  guint64    pid_start;    /* when the process started, in clock ticks after boot; 0 unknown */
  GDateTime *since;
  GDateTime *refreshed;
  char      *token;        /* tells two locks of one process apart */
} CjmLockInfo;

GQuark       cjm_lock_error_quark            (void);

GType        cjm_lock_info_get_type          (void) G_GNUC_CONST;
CjmLockInfo *cjm_lock_info_new_for_self      (void) G_GNUC_WARN_UNUSED_RESULT;
CjmLockInfo *cjm_lock_info_parse             (GBytes             *bytes,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes      *cjm_lock_info_to_bytes          (const CjmLockInfo  *self) G_GNUC_WARN_UNUSED_RESULT;
CjmLockInfo *cjm_lock_info_copy              (const CjmLockInfo  *self) G_GNUC_WARN_UNUSED_RESULT;
void         cjm_lock_info_free              (CjmLockInfo        *self);
const char  *cjm_lock_info_get_name          (const CjmLockInfo  *self);
char        *cjm_lock_info_dup_message       (const CjmLockInfo  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean     cjm_lock_info_is_stale          (const CjmLockInfo  *self,
                                              guint               stale_age);
gboolean     cjm_lock_info_is_process_alive  (const CjmLockInfo  *self);

#define CJM_TYPE_LOCK (cjm_lock_get_type ())

G_DECLARE_FINAL_TYPE (CjmLock, cjm_lock, CJM, LOCK, GObject)

GFile       *cjm_lock_get_lock_file          (GFile              *file) G_GNUC_WARN_UNUSED_RESULT;
CjmLockInfo *cjm_lock_query_owner            (GFile              *file,
                                              GCancellable       *cancellable,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;

CjmLock     *cjm_lock_new                    (GFile              *file) G_GNUC_WARN_UNUSED_RESULT;
GFile       *cjm_lock_get_file               (CjmLock            *self);
gboolean     cjm_lock_get_held               (CjmLock            *self);
const CjmLockInfo *cjm_lock_get_owner        (CjmLock            *self);
void         cjm_lock_set_stale_age          (CjmLock            *self,
                                              guint               seconds);
gboolean     cjm_lock_acquire                (CjmLock            *self,
                                              GCancellable       *cancellable,
                                              GError            **error);
void         cjm_lock_start_refreshing       (CjmLock            *self,
                                              guint               interval);
void         cjm_lock_refresh_async          (CjmLock            *self,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean     cjm_lock_refresh_finish         (CjmLock            *self,
                                              GAsyncResult       *result,
                                              GError            **error);
void         cjm_lock_release                (CjmLock            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmLockInfo, cjm_lock_info_free)

G_END_DECLS
