/* cjm-document-io.c: reading and saving the file of a document
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

/* Reading the file */


void
_cjm_document_read_data_free (gpointer data)
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
  g_clear_pointer (&read->lock_owner, cjm_lock_info_free);
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
gboolean
_cjm_document_read_and_parse (ReadData      *read,
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
  else if (!_cjm_document_read_and_parse (read, cancellable, &error))
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
      g_autoptr(CjmLockInfo) owner = cjm_lock_query_owner (read->file, cancellable, NULL);

      read->read_only = TRUE;

      /* Say who edits it, if someone does. */
      if (owner != NULL && !cjm_lock_info_is_stale (owner, read->stale_age ? read->stale_age : CJM_LOCK_STALE_AGE))
        read->lock_owner = g_steal_pointer (&owner);
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
  g_task_set_task_data (task, read, _cjm_document_read_data_free);
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
  _cjm_document_set_disk_version (self, read->bytes, read->state);
  self->read_only = read->read_only;
  self->lock_owner = g_steal_pointer (&read->lock_owner);
  _cjm_document_set_lock (self, read->lock);

  if (read->entry != NULL)
    {
      /* Go on writing the same recovery entry, now ours. */
      g_clear_object (&self->recovery);
      self->recovery = cjm_recovery_new (read->entry->id);
      cjm_history_forget_saved (self->history);
    }

  _cjm_document_start_watching (self);

  return self;
}

/**
 * cjm_document_load_result_get_file:
 * @result: the result given to the callback of a load or restore
 *
 * For the callback to know which file failed to open (locked, say) and
 * open it again with other flags.
 *
 * Returns: (transfer none) (nullable): the file being opened
 */
GFile *
cjm_document_load_result_get_file (GAsyncResult *result)
{
  ReadData *read;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cjm_document_load_async, NULL);

  read = g_task_get_task_data (G_TASK (result));

  return read->file;
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

  _cjm_document_set_busy (self, FALSE);
  if (self->monitor != NULL && save->same_file)
    cjm_file_monitor_unpause (self->monitor);

  if (!g_task_propagate_boolean (inner, &error))
    {
      if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK))
        _cjm_document_set_changed_on_disk (self, TRUE, FALSE);
      else if (g_error_matches (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK))
        _cjm_document_set_changed_on_disk (self, TRUE, TRUE);
      g_task_return_error (task, error);
      return;
    }

  /* Closed while writing: written, but nothing more to watch or lock. */
  if (self->closed)
    {
      if (save->lock != NULL)
        cjm_lock_release (save->lock);
      cjm_history_set_saved_position (self->history, save->position);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!save->same_file)
    {
      _cjm_document_set_lock (self, save->lock);
      _cjm_document_set_file (self, save->file);
      _cjm_document_set_read_only (self, FALSE);
    }
  else if (save->lock != NULL)
    {
      _cjm_document_set_lock (self, save->lock);
    }

  /* What is on disk is what the history had when the save began: edits
   * made while writing stay unsaved. */
  _cjm_document_set_disk_version (self, save->bytes, save->state);
  _cjm_document_set_changed_on_disk (self, FALSE, FALSE);
  cjm_history_set_saved_position (self->history, save->position);

  if (!save->same_file || self->monitor == NULL)
    _cjm_document_start_watching (self);

  if (!cjm_document_get_modified (self))
    cjm_recovery_discard (self->recovery);
  else
    _cjm_document_schedule_autosave (self);

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

  _cjm_document_set_busy (self, TRUE);
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
