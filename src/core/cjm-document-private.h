/* cjm-document-private.h: what the document's files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-document.h"
#include "cjm-file-monitor.h"

G_BEGIN_DECLS

struct _CjmDocument
{
  GObject         parent_instance;

  CjmMap         *map;
  CjmHistory     *history;
  GFile          *file;

  /* What the file held when last read, written or merged. */
  GBytes         *base;
  CjmFileState   *disk_state;

  CjmLock        *lock;
  /* Who holds the lock of a map opened read-only. */
  CjmLockInfo    *lock_owner;
  CjmFileMonitor *monitor;
  /* A change seen while the previous one was being reloaded. */
  CjmFileState   *pending_state;
  GBytes         *pending_contents;
  CjmRecovery    *recovery;
  GCancellable   *cancellable;

  guint           autosave_interval;
  guint           autosave_id;
  guint           poll_interval;
  guint           lock_refresh_interval;
  guint           lock_stale_age;

  guint           busy : 1;
  guint           read_only : 1;
  guint           changed_on_disk : 1;
  guint           deleted_on_disk : 1;
  guint           autosaving : 1;
  guint           autosave_again : 1;
  guint           reloading : 1;
  guint           closed : 1;
};

/* What a worker thread reads: a file to open, reload or merge. */
typedef struct
{
  GFile            *file;
  CjmOpenFlags      flags;
  CjmRecoveryEntry *entry;
  GBytes           *base;
  guint             stale_age;
  /* Given instead of read, when a monitor read it already. */
  GBytes           *given_bytes;
  CjmFileState     *given_state;
  /* Results */
  GPtrArray        *problems;
  CjmMap           *map;
  CjmMap           *base_map;
  GBytes           *bytes;
  CjmFileState     *state;
  CjmLock          *lock;
  CjmLockInfo      *lock_owner;
  gboolean          read_only;
} ReadData;

/* cjm-document.c */
void     _cjm_document_emit_changed_on_disk (CjmDocument        *self,
                                             gboolean            deleted);
void     _cjm_document_emit_reloaded        (CjmDocument        *self);
void     _cjm_document_set_busy             (CjmDocument        *self,
                                             gboolean            busy);
void     _cjm_document_set_read_only        (CjmDocument        *self,
                                             gboolean            read_only);
void     _cjm_document_set_changed_on_disk  (CjmDocument        *self,
                                             gboolean            changed,
                                             gboolean            deleted);
void     _cjm_document_set_file             (CjmDocument        *self,
                                             GFile              *file);
void     _cjm_document_set_disk_version     (CjmDocument        *self,
                                             GBytes             *bytes,
                                             const CjmFileState *state);
void     _cjm_document_set_lock             (CjmDocument        *self,
                                             CjmLock            *lock);
void     _cjm_document_schedule_autosave    (CjmDocument        *self);

/* cjm-document-io.c */
void     _cjm_document_read_data_free       (gpointer            data);
gboolean _cjm_document_read_and_parse       (ReadData           *read,
                                             GCancellable       *cancellable,
                                             GError            **error);

/* cjm-document-watch.c */
void     _cjm_document_start_watching       (CjmDocument        *self);
void     _cjm_document_stop_watching        (CjmDocument        *self);

G_END_DECLS
