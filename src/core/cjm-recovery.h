/* cjm-recovery.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long after an edit unsaved work is written to its recovery file
 * when the settings say nothing (seconds). */
#define CJM_RECOVERY_DEFAULT_INTERVAL 10

#define CJM_TYPE_RECOVERY_ENTRY (cjm_recovery_entry_get_type ())

/* Unsaved work left by an app that did not close: a crash, a power cut. */
typedef struct
{
  char      *id;
  char      *uri;           /* the map's file, or %NULL for an untitled map */
  char      *display_name;  /* the file's name, or "Untitled Map" */
  char      *title;         /* the map's title, nullable */
  GDateTime *modified;      /* when the work was last written */
  GFile     *map_file;      /* the unsaved map */
  GFile     *base_file;     /* nullable: the file as it was when the work started */
  GFile     *info_file;
} CjmRecoveryEntry;

GType             cjm_recovery_entry_get_type  (void) G_GNUC_CONST;
CjmRecoveryEntry *cjm_recovery_entry_copy      (const CjmRecoveryEntry  *self) G_GNUC_WARN_UNUSED_RESULT;
void              cjm_recovery_entry_free      (CjmRecoveryEntry        *self);
gboolean          cjm_recovery_entry_discard   (const CjmRecoveryEntry  *self,
                                                GError                 **error);
gboolean          cjm_recovery_entry_claim     (const CjmRecoveryEntry  *self,
                                                GError                 **error);

GFile            *cjm_recovery_get_dir         (void) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *cjm_recovery_list            (GCancellable            *cancellable,
                                                GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

#define CJM_TYPE_RECOVERY (cjm_recovery_get_type ())

G_DECLARE_FINAL_TYPE (CjmRecovery, cjm_recovery, CJM, RECOVERY, GObject)

CjmRecovery      *cjm_recovery_new             (const char              *id) G_GNUC_WARN_UNUSED_RESULT;
const char       *cjm_recovery_get_id          (CjmRecovery             *self);
gboolean          cjm_recovery_get_written     (CjmRecovery             *self);
void              cjm_recovery_write_async     (CjmRecovery             *self,
                                                GBytes                  *map,
                                                GBytes                  *base,
                                                GFile                   *file,
                                                const char              *title,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data);
gboolean          cjm_recovery_write_finish    (CjmRecovery             *self,
                                                GAsyncResult            *result,
                                                GError                 **error);
void              cjm_recovery_discard         (CjmRecovery             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmRecoveryEntry, cjm_recovery_entry_free)

G_END_DECLS
