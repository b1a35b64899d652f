/* cjm-document.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-document-private.h"
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
 * file a few seconds after each edit. Reading and saving are in
 * cjm-document-io.c, watching, reloading and merging in
 * cjm-document-watch.c.
 */

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


static void
history_notify_modified_cb (CjmDocument *self,
                            GParamSpec  *pspec,
                            CjmHistory  *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  _cjm_document_schedule_autosave (self);
}

static void
map_changed_cb (CjmDocument *self,
                CjmMap      *map)
{
  _cjm_document_schedule_autosave (self);
}

void
_cjm_document_emit_changed_on_disk (CjmDocument *self,
                                    gboolean     deleted)
{
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0, deleted);
}

void
_cjm_document_emit_reloaded (CjmDocument *self)
{
  g_signal_emit (self, signals[RELOADED], 0);
}

void
_cjm_document_set_busy (CjmDocument *self,
          gboolean     busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_cjm_document_set_read_only (CjmDocument *self,
               gboolean     read_only)
{
  read_only = !!read_only;

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
_cjm_document_set_changed_on_disk (CjmDocument *self,
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

void
_cjm_document_set_file (CjmDocument *self,
          GFile       *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_cjm_document_set_disk_version (CjmDocument        *self,
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

void
_cjm_document_set_lock (CjmDocument *self,
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
  g_clear_pointer (&self->lock_owner, cjm_lock_info_free);
  g_clear_pointer (&self->pending_state, cjm_file_state_free);
  g_clear_pointer (&self->pending_contents, g_bytes_unref);
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
 *   was opened anyway, or read-only, or the lock was taken over; %NULL
 *   otherwise
 */
const CjmLockInfo *
cjm_document_get_lock_owner (CjmDocument *self)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  if (self->lock == NULL)
    return self->read_only ? self->lock_owner : NULL;

  if (cjm_lock_get_held (self->lock))
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
  _cjm_document_schedule_autosave (self);

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
    _cjm_document_start_watching (self);
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
      _cjm_document_schedule_autosave (self);
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

void
_cjm_document_schedule_autosave (CjmDocument *self)
{
  if (self->closed || self->autosave_interval == 0 || self->autosave_id != 0)
    return;

  /* Nothing unsaved and nothing written: nothing to do. */
  if (!cjm_document_get_modified (self) && !cjm_recovery_get_written (self->recovery))
    return;

  self->autosave_id = g_timeout_add_seconds (self->autosave_interval, autosave_timeout_cb, self);
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
  _cjm_document_stop_watching (self);

  if (self->lock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lock, self);
      cjm_lock_release (self->lock);
      g_clear_object (&self->lock);
    }

  if (self->recovery != NULL)
    cjm_recovery_discard (self->recovery);
}
