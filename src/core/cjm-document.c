/* cjm-document.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-document.h"
#include "cjm-file.h"
#include "cjm-file-monitor.h"
#include "cjm-format.h"
#include "cjm-history.h"
#include "cjm-map.h"
#include "cjm-map-sync.h"
#include "cjm-problem.h"

/* A map being edited: the map, its undo history and the file it belongs
 * to. Everything that touches the file runs in a worker thread, so that a
 * big file on a slow network drive never freezes the window.
 *
 * The file may be shared (see doc/shared-files.md): the document keeps
 * what the file held when last read or written (its state: size, etag,
 * time, content hash, and the bytes themselves, the base of a merge),
 * holds a lock file beside it while open for editing, watches it for
 * changes made by others (reloading by itself when there is nothing
 * unsaved, as one undoable step), never saves over someone else's
 * changes without being told to, and writes unsaved work to a recovery
 * file a few seconds after each edit.
 */

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
  CjmFileMonitor *monitor;
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

G_DEFINE_FINAL_TYPE (CjmDocument, cjm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_READ_ONLY,
  PROP_CHANGED_ON_DISK,
  PROP_DELETED_ON_DISK,
  PROP_LOCK_HELD,
  PROP_AUTOSAVE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED_ON_DISK,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_watching  (CjmDocument *self);
static void stop_watching   (CjmDocument *self);
static void schedule_autosave (CjmDocument *self);

static void
history_notify_modified_cb (CjmDocument *self,
                            GParamSpec  *pspec,
                            CjmHistory  *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  schedule_autosave (self);
}

static void
map_changed_cb (CjmDocument *self,
                CjmMap      *map)
{
  schedule_autosave (self);
}

static void
set_busy (CjmDocument *self,
          gboolean     busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_read_only (CjmDocument *self,
               gboolean     read_only)
{
  read_only = !!read_only;

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_changed_on_disk (CjmDocument *self,
                     gboolean     changed,
                     gboolean     deleted)
{
  changed = !!changed;
  deleted = !!deleted && changed;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->changed_on_disk != changed)
    {
      self->changed_on_disk = changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
    }

  if (self->deleted_on_disk != deleted)
    {
      self->deleted_on_disk = deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED_ON_DISK]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_file (CjmDocument *self,
          GFile       *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_disk_version (CjmDocument        *self,
                  GBytes             *bytes,
                  const CjmFileState *state)
{
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = bytes ? g_bytes_ref (bytes) : NULL;

  g_clear_pointer (&self->disk_state, cjm_file_state_free);
  self->disk_state = state ? cjm_file_state_copy (state) : NULL;

  if (self->monitor != NULL && state != NULL)
    cjm_file_monitor_set_state (self->monitor, state);
}

static void
lock_notify_held_cb (CjmDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_HELD]);
}

static void
set_lock (CjmDocument *self,
          CjmLock     *lock)
{
  if (self->lock == lock)
    return;

  if (self->lock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lock, self);
      cjm_lock_release (self->lock);
      g_clear_object (&self->lock);
    }

  if (lock != NULL)
    {
      self->lock = g_object_ref (lock);
      g_signal_connect_object (lock, "notify::held", G_CALLBACK (lock_notify_held_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_HELD]);
}

static void
cjm_document_constructed (GObject *object)
{
  CjmDocument *self = (CjmDocument *)object;

  G_OBJECT_CLASS (cjm_document_parent_class)->constructed (object);

  if (self->map == NULL)
    self->map = cjm_map_new (NULL);

  self->history = cjm_history_new (self->map);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_notify_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "changed",
                           G_CALLBACK (map_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
cjm_document_dispose (GObject *object)
{
  CjmDocument *self = (CjmDocument *)object;

  cjm_document_close (self);

  g_clear_object (&self->recovery);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cjm_document_parent_class)->dispose (object);
}

static void
cjm_document_finalize (GObject *object)
{
  CjmDocument *self = (CjmDocument *)object;

  g_clear_pointer (&self->base, g_bytes_unref);
  g_clear_pointer (&self->disk_state, cjm_file_state_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cjm_document_parent_class)->finalize (object);
}

static void
cjm_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, cjm_document_get_modified (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;

    case PROP_DELETED_ON_DISK:
      g_value_set_boolean (value, self->deleted_on_disk);
      break;

    case PROP_LOCK_HELD:
      g_value_set_boolean (value, cjm_document_get_lock_held (self));
      break;

    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CjmDocument *self = CJM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_AUTOSAVE_INTERVAL:
      cjm_document_set_autosave_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_document_class_init (CjmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cjm_document_constructed;
  object_class->dispose = cjm_document_dispose;
  object_class->finalize = cjm_document_finalize;
  object_class->get_property = cjm_document_get_property;
  object_class->set_property = cjm_document_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         CJM_TYPE_MAP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         CJM_TYPE_HISTORY,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CjmDocument:read-only:
   *
   * Whether the map is open read-only (by choice, or because the file
   * cannot be written): saving over its file is refused; saving a copy
   * elsewhere makes it editable again.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CjmDocument:changed-on-disk:
   *
   * Whether the file was changed (or deleted) by someone else and the
   * map, having unsaved changes, was not reloaded: the UI offers to
   * reload or merge. Cleared by saving, reloading or merging.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_DELETED_ON_DISK] =
    g_param_spec_boolean ("deleted-on-disk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CjmDocument:lock-held:
   *
   * Whether this document holds the lock file of its file.
   */
  properties[PROP_LOCK_HELD] =
    g_param_spec_boolean ("lock-held", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CjmDocument:autosave-interval:
   *
   * How many seconds after an edit unsaved work is written to a recovery
   * file; 0 never.
   */
  properties[PROP_AUTOSAVE_INTERVAL] =
    g_param_spec_uint ("autosave-interval", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmDocument::changed-on-disk:
   * @self: the document
   * @deleted: whether the file was deleted (or moved away)
   *
   * Someone else changed the file, and the map was not reloaded because
   * it has unsaved changes (or the file is gone).
   */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * CjmDocument::reloaded:
   * @self: the document
   *
   * The map was replaced by what the file holds now, as one step that undo
   * takes back: by itself (someone else saved the file and nothing was
   * unsaved here) or when asked. Not emitted when nothing changed.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cjm_document_init (CjmDocument *self)
{
  self->cancellable = g_cancellable_new ();
  self->recovery = cjm_recovery_new (NULL);
}

/**
 * cjm_document_new:
 * @map: (nullable): the map, or %NULL for an empty one
 * @file: (nullable): the file the map belongs to, or %NULL if not saved yet
 *
 * A document made this way knows nothing of what its file holds: its
 * first save writes without checking. Open files with
 * cjm_document_load_async().
 *
 * Returns: (transfer full): a new #CjmDocument
 */
CjmDocument *
cjm_document_new (CjmMap *map,
                  GFile  *file)
{
  g_return_val_if_fail (!map || CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (CJM_TYPE_DOCUMENT,
                       "map", map,
                       "file", file,
                       NULL);
}

CjmMap *
cjm_document_get_map (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return self->map;
}

CjmHistory *
cjm_document_get_history (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * cjm_document_get_file:
 * @self: a #CjmDocument
 *
 * Returns: (transfer none) (nullable): the file, or %NULL if never saved
 */
GFile *
cjm_document_get_file (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * cjm_document_dup_display_name:
 * @self: a #CjmDocument
 *
 * Returns: (transfer full): the name to show for the document: its file's
 *   name, or "Untitled Map"
 */
char *
cjm_document_dup_display_name (CjmDocument *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Map"));

  /* From the name alone: asking the file system would block on a
   * network drive that went away. */
  basename = g_file_get_basename (self->file);

  return g_filename_display_name (basename);
}

gboolean
cjm_document_get_modified (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return cjm_history_get_modified (self->history);
}

/**
 * cjm_document_get_busy:
 * @self: a #CjmDocument
 *
 * Returns: %TRUE while the document is being saved
 */
gboolean
cjm_document_get_busy (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

gboolean
cjm_document_get_read_only (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

gboolean
cjm_document_get_changed_on_disk (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->changed_on_disk;
}

gboolean
cjm_document_get_deleted_on_disk (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->deleted_on_disk;
}

gboolean
cjm_document_get_lock_held (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->lock != NULL && cjm_lock_get_held (self->lock);
}

/**
 * cjm_document_get_lock_owner:
 * @self: a #CjmDocument
 *
 * Returns: (nullable): who else holds the lock of the file, when the map
 *   was opened anyway or the lock was taken over; %NULL otherwise
 */
const CjmLockInfo *
cjm_document_get_lock_owner (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  if (self->lock == NULL || cjm_lock_get_held (self->lock))
    return NULL;

  return cjm_lock_get_owner (self->lock);
}

/**
 * cjm_document_get_disk_state:
 * @self: a #CjmDocument
 *
 * Returns: (nullable): what the file held when last read, written or
 *   merged, or %NULL if unknown
 */
const CjmFileState *
cjm_document_get_disk_state (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return self->disk_state;
}

/**
 * cjm_document_get_base:
 * @self: a #CjmDocument
 *
 * Returns: (transfer none) (nullable): the content of the file when last
 *   read, written or merged: the base of a merge
 */
GBytes *
cjm_document_get_base (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return self->base;
}

/**
 * cjm_document_get_polling:
 * @self: a #CjmDocument
 *
 * Returns: %TRUE if the file is looked at periodically for changes (it is
 *   on a network drive, or cannot be monitored)
 */
gboolean
cjm_document_get_polling (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);

  return self->monitor != NULL && cjm_file_monitor_get_polling (self->monitor);
}

guint
cjm_document_get_autosave_interval (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), 0);

  return self->autosave_interval;
}

/**
 * cjm_document_set_autosave_interval:
 * @self: a #CjmDocument
 * @seconds: how long after an edit unsaved work is written to a recovery
 *   file, or 0 for never
 */
void
cjm_document_set_autosave_interval (CjmDocument *self,
                                    guint        seconds)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  if (self->autosave_interval == seconds)
    return;

  self->autosave_interval = seconds;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  schedule_autosave (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_INTERVAL]);
}

/**
 * cjm_document_get_recovery_id:
 * @self: a #CjmDocument
 *
 * Returns: the id of the document's recovery entry (written or not)
 */
const char *
cjm_document_get_recovery_id (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return cjm_recovery_get_id (self->recovery);
}

/**
 * cjm_document_set_poll_interval:
 * @self: a #CjmDocument
 * @milliseconds: how often a file on a network drive is looked at, 0 for
 *   %CJM_FILE_MONITOR_POLL_INTERVAL
 *
 * Takes effect when the file is next watched (after loading, saving
 * elsewhere, or now if it is watched).
 */
void
cjm_document_set_poll_interval (CjmDocument *self,
                                guint        milliseconds)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  self->poll_interval = milliseconds;

  if (self->monitor != NULL)
    start_watching (self);
}

/**
 * cjm_document_set_lock_timing:
 * @self: a #CjmDocument
 * @refresh_interval: how often the lock file is rewritten (seconds), 0
 *   for %CJM_LOCK_REFRESH_INTERVAL
 * @stale_age: after how long without refresh another's lock is stale
 *   (seconds), 0 for %CJM_LOCK_STALE_AGE
 */
void
cjm_document_set_lock_timing (CjmDocument *self,
                              guint        refresh_interval,
                              guint        stale_age)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  self->lock_refresh_interval = refresh_interval;
  self->lock_stale_age = stale_age;

  if (self->lock != NULL)
    {
      cjm_lock_set_stale_age (self->lock, stale_age ? stale_age : CJM_LOCK_STALE_AGE);
      cjm_lock_start_refreshing (self->lock, refresh_interval);
    }
}

/* Autosave */

static void
autosave_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CjmDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosaving = FALSE;

  if (!cjm_recovery_write_finish (CJM_RECOVERY (object), result, &error))
    g_warning ("Unsaved changes could not be written to a recovery file: %s", error->message);

  if (self->autosave_again)
    {
      self->autosave_again = FALSE;
      schedule_autosave (self);
    }
}

/**
 * cjm_document_autosave_now:
 * @self: a #CjmDocument
 *
 * Writes the map to its recovery file now if it has unsaved changes (or
 * removes the recovery file if it has none), without waiting for the
 * autosave interval.
 */
void
cjm_document_autosave_now (CjmDocument *self)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (CJM_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->closed)
    return;

  if (!cjm_document_get_modified (self))
    {
      cjm_recovery_discard (self->recovery);
      return;
    }

  if (self->autosaving)
    {
      self->autosave_again = TRUE;
      return;
    }

  self->autosaving = TRUE;
  bytes = cjm_map_to_bytes (self->map, CJM_FILE_FORMAT_CJM);
  cjm_recovery_write_async (self->recovery, bytes, self->base, self->file,
                            cjm_map_get_title (self->map), NULL,
                            autosave_cb, g_object_ref (self));
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  CjmDocument *self = user_data;

  self->autosave_id = 0;
  cjm_document_autosave_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (CjmDocument *self)
{
  if (self->closed || self->autosave_interval == 0 || self->autosave_id != 0)
    return;

  /* Nothing unsaved and nothing written: nothing to do. */
  if (!cjm_document_get_modified (self) && !cjm_recovery_get_written (self->recovery))
    return;

  self->autosave_id = g_timeout_add_seconds (self->autosave_interval, autosave_timeout_cb, self);
}

/* Reading the file */

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
  gboolean          read_only;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_object (&read->file);
  g_clear_pointer (&read->entry, cjm_recovery_entry_free);
  g_clear_pointer (&read->base, g_bytes_unref);
  g_clear_pointer (&read->given_bytes, g_bytes_unref);
  g_clear_pointer (&read->given_state, cjm_file_state_free);
  g_clear_pointer (&read->problems, g_ptr_array_unref);
  g_clear_object (&read->map);
  g_clear_object (&read->base_map);
  g_clear_pointer (&read->bytes, g_bytes_unref);
  g_clear_pointer (&read->state, cjm_file_state_free);
  g_clear_object (&read->lock);
  g_free (read);
}

/* How messages name a file: as a path relative to the current directory
 * when it is in it, as typed on a command line; else its full path or URI. */
static char *
dup_message_name (GFile *file)
{
  g_autofree char *cwd_path = g_get_current_dir ();
  g_autoptr(GFile) cwd = g_file_new_for_path (cwd_path);
  g_autofree char *relative = g_file_get_relative_path (cwd, file);

  if (relative != NULL)
    return g_filename_display_name (relative);

  return g_file_get_parse_name (file);
}

/* Reads the file (or takes what was given), and parses it. */
static gboolean
read_and_parse (ReadData      *read,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *name = dup_message_name (read->file);

  if (read->given_bytes != NULL)
    {
      read->bytes = g_bytes_ref (read->given_bytes);
      read->state = cjm_file_state_copy (read->given_state);
    }
  else
    {
      read->state = cjm_file_state_query (read->file, &read->bytes, cancellable, error);
      if (read->state == NULL)
        return FALSE;

      /* Gone: let reading say so, in its own words. */
      if (read->bytes == NULL)
        {
          read->bytes = cjm_file_read_bytes (read->file, CJM_MAX_FILE_SIZE, cancellable, error);
          if (read->bytes == NULL)
            return FALSE;
          g_clear_pointer (&read->state, cjm_file_state_free);
          read->state = cjm_file_state_new_for_bytes (read->bytes);
        }
    }

  read->map = cjm_map_read_bytes (read->bytes, name, read->problems, error);

  return read->map != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *read = task_data;
  GError *error = NULL;

  if (read->entry != NULL)
    {
      /* Restoring: the unsaved map, and the file as it was under it. */
      read->map = cjm_map_load (read->entry->map_file, read->problems, cancellable, &error);
      if (read->map == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      if (read->entry->base_file != NULL)
        read->bytes = cjm_file_read_bytes (read->entry->base_file, CJM_MAX_FILE_SIZE,
                                           cancellable, NULL);
      if (read->bytes != NULL)
        read->state = cjm_file_state_new_for_bytes (read->bytes);

      if (!cjm_recovery_entry_claim (read->entry, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (!read_and_parse (read, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (read->file == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (read->flags & CJM_OPEN_FLAGS_READ_ONLY)
    {
      read->read_only = TRUE;
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;

      /* A file nobody may write opens read-only, said so in the window. */
      info = g_file_query_info (read->file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL &&
          g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
          !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
        read->read_only = TRUE;
    }

  if (!read->read_only)
    {
      read->lock = cjm_lock_new (read->file);
      if (read->stale_age != 0)
        cjm_lock_set_stale_age (read->lock, read->stale_age);

      if (!cjm_lock_acquire (read->lock, cancellable, &error))
        {
          if (!g_error_matches (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED) ||
              !(read->flags & CJM_OPEN_FLAGS_IGNORE_LOCK))
            {
              g_task_return_error (task, error);
              return;
            }

          /* Opened anyway: the lock is theirs; it may become ours later. */
          g_clear_error (&error);
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
start_load (ReadData            *read,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  read->problems = cjm_problems_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cjm_document_load_async);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cjm_document_load_async:
 * @file: the file to open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: data for @callback
 *
 * Opens @file for editing: cjm_document_load_full_async() with no flags.
 */
void
cjm_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  cjm_document_load_full_async (file, CJM_OPEN_FLAGS_NONE, cancellable, callback, user_data);
}

/**
 * cjm_document_load_full_async:
 * @file: the file to open
 * @flags: #CjmOpenFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: data for @callback
 *
 * Reads @file (a .cjm or JSON map) in a worker thread, and takes its lock
 * unless opening read-only. If someone else holds the lock, loading fails
 * with %CJM_LOCK_ERROR_LOCKED, the message saying "Being edited by NAME on
 * HOST since TIME", unless @flags has %CJM_OPEN_FLAGS_IGNORE_LOCK. A file
 * that cannot be written opens read-only.
 */
void
cjm_document_load_full_async (GFile               *file,
                              CjmOpenFlags         flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ReadData *read;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (file);
  read->flags = flags;

  start_load (read, cancellable, callback, user_data);
}

/**
 * cjm_document_restore_async:
 * @entry: unsaved work from cjm_recovery_list()
 * @flags: #CjmOpenFlags for the map's file, if it has one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when read
 * @user_data: data for @callback
 *
 * Reopens unsaved work left by a crash: the document has the recovered
 * map, unsaved, and the file it belonged to (none if it was untitled).
 * Saving checks the file against what it held when the work started, so
 * that if someone changed it since, the work can be merged into it.
 * cjm_document_load_finish() gives the document.
 */
void
cjm_document_restore_async (const CjmRecoveryEntry *entry,
                            CjmOpenFlags            flags,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  ReadData *read;

  g_return_if_fail (entry != NULL);

  read = g_new0 (ReadData, 1);
  read->entry = cjm_recovery_entry_copy (entry);
  read->file = entry->uri ? g_file_new_for_uri (entry->uri) : NULL;
  read->flags = flags;

  start_load (read, cancellable, callback, user_data);
}

/**
 * cjm_document_load_finish:
 * @result: the result given to the callback
 * @problems: (out) (optional) (transfer full) (element-type CjmProblem): where
 *   to store what was found and repaired while reading
 * @error: where to store why the file could not be opened
 *
 * Returns: (transfer full) (nullable): the document, watching its file,
 *   or %NULL on error
 */
CjmDocument *
cjm_document_load_finish (GAsyncResult  *result,
                          GPtrArray    **problems,
                          GError       **error)
{
  GTask *task = G_TASK (result);
  ReadData *read;
  CjmDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == cjm_document_load_async, NULL);

  read = g_task_get_task_data (task);

  if (problems != NULL)
    *problems = g_ptr_array_ref (read->problems);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  self = cjm_document_new (read->map, read->file);
  set_disk_version (self, read->bytes, read->state);
  self->read_only = read->read_only;
  set_lock (self, read->lock);

  if (read->entry != NULL)
    {
      /* Go on writing the same recovery entry, now ours. */
      g_clear_object (&self->recovery);
      self->recovery = cjm_recovery_new (read->entry->id);
      cjm_history_forget_saved (self->history);
    }

  start_watching (self);

  return self;
}

/* Watching the file */

static void apply_disk_version (CjmDocument        *self,
                                CjmMap             *map,
                                GBytes             *bytes,
                                const CjmFileState *state);

static void
auto_reload_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CjmDocument) self = user_data;
  ReadData *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->reloading = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Not a map (a half-written file?), or closed meanwhile: tell. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("The changed file could not be read: %s", error->message);
          set_changed_on_disk (self, TRUE, FALSE);
          g_signal_emit (self, signals[CHANGED_ON_DISK], 0, FALSE);
        }
      return;
    }

  /* Edited while the file was read: no reloading over that. */
  if (cjm_document_get_modified (self) || self->busy)
    {
      set_changed_on_disk (self, TRUE, FALSE);
      g_signal_emit (self, signals[CHANGED_ON_DISK], 0, FALSE);
      return;
    }

  apply_disk_version (self, read->map, read->bytes, read->state);
}

static void parse_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable);

static void
monitor_changed_cb (CjmDocument        *self,
                    const CjmFileState *state,
                    GBytes             *contents,
                    CjmFileMonitor     *monitor)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  if (self->closed || self->busy)
    return;

  if (!state->exists)
    {
      set_changed_on_disk (self, TRUE, TRUE);
      g_signal_emit (self, signals[CHANGED_ON_DISK], 0, TRUE);
      return;
    }

  /* Back as it was (our own version restored): nothing changed after all. */
  if (self->disk_state != NULL && cjm_file_state_same_content (state, self->disk_state))
    {
      set_changed_on_disk (self, FALSE, FALSE);
      return;
    }

  if (cjm_document_get_modified (self) || self->reloading)
    {
      set_changed_on_disk (self, TRUE, FALSE);
      g_signal_emit (self, signals[CHANGED_ON_DISK], 0, FALSE);
      return;
    }

  /* Nothing unsaved: take their version, as a step undo takes back. */
  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (self->file);
  read->given_bytes = g_bytes_ref (contents);
  read->given_state = cjm_file_state_copy (state);
  read->problems = cjm_problems_new ();

  self->reloading = TRUE;
  task = g_task_new (NULL, self->cancellable, auto_reload_cb, g_object_ref (self));
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, parse_thread);
}

static void
stop_watching (CjmDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
}

static void
start_watching (CjmDocument *self)
{
  stop_watching (self);

  if (self->file == NULL || self->closed)
    return;

  self->monitor = cjm_file_monitor_new (self->file, self->disk_state, self->poll_interval);
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (monitor_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (self->lock != NULL)
    {
      cjm_lock_set_stale_age (self->lock,
                              self->lock_stale_age ? self->lock_stale_age : CJM_LOCK_STALE_AGE);
      cjm_lock_start_refreshing (self->lock, self->lock_refresh_interval);
    }
}

/**
 * cjm_document_check_disk:
 * @self: a #CjmDocument
 *
 * Looks at the file now rather than at the next poll (when the window gets
 * the focus back, say): a change is handled as the monitor would.
 */
void
cjm_document_check_disk (CjmDocument *self)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  if (self->monitor != NULL)
    cjm_file_monitor_check (self->monitor);
}

/* Makes the map what the file holds, as one undoable step. */
static void
apply_disk_version (CjmDocument        *self,
                    CjmMap             *map,
                    GBytes             *bytes,
                    const CjmFileState *state)
{
  gboolean changed = cjm_map_sync (self->history, map, _("Reload"));

  cjm_history_set_saved (self->history);
  set_disk_version (self, bytes, state);
  set_changed_on_disk (self, FALSE, FALSE);

  /* Only a change undo can take back is worth telling. */
  if (changed)
    g_signal_emit (self, signals[RELOADED], 0);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReadData *read = task_data;
  GError *error = NULL;

  if (!read_and_parse (read, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (read->base != NULL)
    {
      g_autoptr(GError) base_error = NULL;

      read->base_map = cjm_map_read_bytes (read->base, "base", NULL, &base_error);
      if (read->base_map == NULL)
        g_debug ("The base could not be read: %s", base_error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
start_read (CjmDocument         *self,
            gpointer             source_tag,
            gboolean             with_base,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The map was never saved: there is no file to read."));
      return;
    }

  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (self->file);
  read->problems = cjm_problems_new ();
  if (with_base && self->base != NULL)
    read->base = g_bytes_ref (self->base);

  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, parse_thread);
}

/**
 * cjm_document_reload_async:
 * @self: a #CjmDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Replaces the map with what the file holds now, discarding unsaved
 * changes, as one undoable step: undo brings them back.
 */
void
cjm_document_reload_async (CjmDocument         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  start_read (self, cjm_document_reload_async, FALSE, cancellable, callback, user_data);
}

gboolean
cjm_document_reload_finish (CjmDocument   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  ReadData *read;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  read = g_task_get_task_data (G_TASK (result));
  apply_disk_version (self, read->map, read->bytes, read->state);

  return TRUE;
}

/**
 * cjm_document_merge_async:
 * @self: a #CjmDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads what the file holds now and compares it with the map and with
 * the version the map started from: cjm_document_merge_finish() gives the
 * merge, whose conflicts the user picks from, then
 * cjm_document_apply_merge() applies it.
 */
void
cjm_document_merge_async (CjmDocument         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  start_read (self, cjm_document_merge_async, TRUE, cancellable, callback, user_data);
}

/**
 * cjm_document_merge_finish:
 * @self: a #CjmDocument
 * @result: the result given to the callback
 * @error: where to report a failure
 *
 * Returns: (transfer full) (nullable): the merge of the file's version
 *   into the map, nothing applied yet
 */
CjmMerge *
cjm_document_merge_finish (CjmDocument   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  ReadData *read;
  CjmMerge *merge;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  read = g_task_get_task_data (G_TASK (result));
  merge = cjm_merge_new (read->base_map, self->map, read->map);

  /* What the file held, to know it once merged. */
  g_object_set_data_full (G_OBJECT (merge), "cjm-document-theirs-bytes",
                          g_bytes_ref (read->bytes), (GDestroyNotify)g_bytes_unref);
  g_object_set_data_full (G_OBJECT (merge), "cjm-document-theirs-state",
                          cjm_file_state_copy (read->state), (GDestroyNotify)cjm_file_state_free);
  g_object_set_data_full (G_OBJECT (merge), "cjm-document-theirs-map",
                          g_object_ref (read->map), g_object_unref);

  return merge;
}

/**
 * cjm_document_apply_merge:
 * @self: a #CjmDocument
 * @merge: a merge from cjm_document_merge_finish(), conflicts picked
 * @problems: (nullable) (element-type CjmProblem): where to report what
 *   had to be repaired in the result
 *
 * Makes the map the result of @merge, as one undoable step. The file's
 * version is now the one the map started from: saving next writes the
 * merged map over it (unless someone saved again meanwhile).
 *
 * Returns: %TRUE if the map changed
 */
gboolean
cjm_document_apply_merge (CjmDocument *self,
                          CjmMerge    *merge,
                          GPtrArray   *problems)
{
  g_autoptr(CjmMap) result = NULL;
  GBytes *theirs_bytes;
  CjmFileState *theirs_state;
  CjmMap *theirs_map;
  gboolean changed;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CJM_IS_MERGE (merge), FALSE);

  theirs_bytes = g_object_get_data (G_OBJECT (merge), "cjm-document-theirs-bytes");
  theirs_state = g_object_get_data (G_OBJECT (merge), "cjm-document-theirs-state");
  theirs_map = g_object_get_data (G_OBJECT (merge), "cjm-document-theirs-map");
  g_return_val_if_fail (theirs_bytes != NULL && theirs_state != NULL, FALSE);

  result = cjm_merge_build_result (merge, problems);
  changed = cjm_map_sync (self->history, result, _("Merge Changes"));

  set_disk_version (self, theirs_bytes, theirs_state);
  set_changed_on_disk (self, FALSE, FALSE);

  /* Merged into exactly what the file holds: nothing left to save. */
  if (theirs_map != NULL && cjm_map_equal (self->map, theirs_map))
    cjm_history_set_saved (self->history);

  return changed;
}

/* Saving */

typedef struct
{
  GFile        *file;
  GBytes       *bytes;
  CjmFileState *expected;
  CjmSaveFlags  flags;
  guint64       position;
  gboolean      same_file;
  gboolean      take_lock;
  guint         stale_age;
  /* Results */
  CjmFileState *state;
  CjmLock      *lock;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_pointer (&save->expected, cjm_file_state_free);
  g_clear_pointer (&save->state, cjm_file_state_free);
  g_clear_object (&save->lock);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  /* Saving as another file: not over a map someone is editing. */
  if (save->take_lock)
    {
      save->lock = cjm_lock_new (save->file);
      if (save->stale_age != 0)
        cjm_lock_set_stale_age (save->lock, save->stale_age);

      if (!cjm_lock_acquire (save->lock, cancellable, &error))
        {
          if (!g_error_matches (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED) ||
              !(save->flags & CJM_SAVE_FLAGS_OVERWRITE))
            {
              g_clear_object (&save->lock);
              g_task_return_error (task, error);
              return;
            }
          g_clear_error (&error);
        }
    }

  save->state = cjm_save_bytes (save->file, save->bytes, save->expected, save->flags,
                                cancellable, &error);
  if (save->state == NULL)
    {
      if (save->lock != NULL)
        cjm_lock_release (save->lock);
      g_clear_object (&save->lock);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CjmDocument *self = CJM_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  GTask *inner = G_TASK (result);
  SaveData *save = g_task_get_task_data (inner);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (self->monitor != NULL && save->same_file)
    cjm_file_monitor_unpause (self->monitor);

  if (!g_task_propagate_boolean (inner, &error))
    {
      if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK))
        set_changed_on_disk (self, TRUE, FALSE);
      else if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK))
        set_changed_on_disk (self, TRUE, TRUE);
      g_task_return_error (task, error);
      return;
    }

  if (!save->same_file)
    {
      set_lock (self, save->lock);
      set_file (self, save->file);
      set_read_only (self, FALSE);
    }
  else if (save->lock != NULL)
    {
      set_lock (self, save->lock);
    }

  /* What is on disk is what the history had when the save began: edits
   * made while writing stay unsaved. */
  set_disk_version (self, save->bytes, save->state);
  set_changed_on_disk (self, FALSE, FALSE);
  cjm_history_set_saved_position (self->history, save->position);

  if (!save->same_file || self->monitor == NULL)
    start_watching (self);

  if (!cjm_document_get_modified (self))
    cjm_recovery_discard (self->recovery);
  else
    schedule_autosave (self);

  g_task_return_boolean (task, TRUE);
}

/**
 * cjm_document_save_async:
 * @self: a #CjmDocument
 * @file: (nullable): where to save, or %NULL for the document's own file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * cjm_document_save_full_async() with no flags.
 */
void
cjm_document_save_async (CjmDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  cjm_document_save_full_async (self, file, CJM_SAVE_FLAGS_NONE, cancellable, callback, user_data);
}

/**
 * cjm_document_save_full_async:
 * @self: a #CjmDocument
 * @file: (nullable): where to save, or %NULL for the document's own file
 * @flags: #CjmSaveFlags: %CJM_SAVE_FLAGS_OVERWRITE to save over changes
 *   someone else made (or over a map someone else is editing)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the map, in the format its file name asks for (.cjm or .json),
 * safely (see cjm_save_bytes()). Saving to the document's own file fails
 * with %CJM_SAVE_ERROR_CHANGED_ON_DISK (or %CJM_SAVE_ERROR_DELETED_ON_DISK)
 * if someone else changed it since it was read, with
 * %CJM_SAVE_ERROR_READ_ONLY if opened read-only; saving to another file
 * fails with %CJM_LOCK_ERROR_LOCKED if someone is editing that one. On
 * failure the document stays as it was, with its changes, and the
 * message says what happened and what to do.
 */
void
cjm_document_save_full_async (CjmDocument         *self,
                              GFile               *file,
                              CjmSaveFlags         flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autofree char *name = NULL;
  CjmFileFormat format;
  SaveData *save;

  g_return_if_fail (CJM_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  if (file == NULL)
    file = self->file;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cjm_document_save_async);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->flags = flags;
  save->same_file = self->file != NULL && g_file_equal (file, self->file);

  if (self->read_only && save->same_file)
    {
      g_autofree char *display_name = cjm_document_dup_display_name (self);

      save_data_free (save);
      g_task_return_new_error (task, CJM_SAVE_ERROR, CJM_SAVE_ERROR_READ_ONLY,
                               _("“%s” is open read-only: your changes were not saved over it. Save them as a copy with “Save As”."),
                               display_name);
      return;
    }

  if (self->busy)
    {
      save_data_free (save);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The map is being saved already."));
      return;
    }

  name = g_file_get_basename (file);
  format = cjm_file_format_for_name (name);
  if (format == CJM_FILE_FORMAT_UNKNOWN)
    format = CJM_FILE_FORMAT_CJM;

  save->bytes = cjm_map_to_bytes (self->map, format);
  save->position = cjm_history_get_position (self->history);
  save->expected = save->same_file && self->disk_state ? cjm_file_state_copy (self->disk_state) : NULL;
  save->take_lock = !save->same_file || self->lock == NULL;
  save->stale_age = self->lock_stale_age;

  set_busy (self, TRUE);
  if (self->monitor != NULL && save->same_file)
    cjm_file_monitor_pause (self->monitor);

  inner = g_task_new (self, cancellable, save_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, save, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
cjm_document_save_finish (CjmDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cjm_document_close:
 * @self: a #CjmDocument
 *
 * The map is closed for good (saved, or its changes discarded): stops
 * watching the file, removes the lock file, and removes the recovery file.
 * Called when the document is disposed, if not before. A crash does
 * neither: the lock is then stale, and the recovery file is offered back
 * at the next start.
 */
void
cjm_document_close (CjmDocument *self)
{
  g_return_if_fail (CJM_IS_DOCUMENT (self));

  if (self->closed)
    return;

  self->closed = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  stop_watching (self);

  if (self->lock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lock, self);
      cjm_lock_release (self->lock);
      g_clear_object (&self->lock);
    }

  if (self->recovery != NULL)
    cjm_recovery_discard (self->recovery);
}
