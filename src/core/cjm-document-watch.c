/* cjm-document-watch.c: changes made by others: reloading, merging
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

/* Watching the file */

static void apply_disk_version (CjmDocument        *self,
                                CjmMap             *map,
                                GBytes             *bytes,
                                const CjmFileState *state);

static void monitor_changed_cb (CjmDocument        *self,
                                const CjmFileState *state,
                                GBytes             *contents,
                                CjmFileMonitor     *monitor);

/* A change seen while the previous one was being read: its turn now. */
static void
take_pending_change (CjmDocument *self)
{
  g_autoptr(CjmFileState) state = g_steal_pointer (&self->pending_state);
  g_autoptr(GBytes) contents = g_steal_pointer (&self->pending_contents);

  if (state != NULL && !self->closed)
    monitor_changed_cb (self, state, contents, self->monitor);
}

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
          _cjm_document_set_changed_on_disk (self, TRUE, FALSE);
          _cjm_document_emit_changed_on_disk (self, FALSE);
        }
    }
  /* Edited while the file was read: no reloading over that. */
  else if (cjm_document_get_modified (self) || self->busy)
    {
      _cjm_document_set_changed_on_disk (self, TRUE, FALSE);
      _cjm_document_emit_changed_on_disk (self, FALSE);
    }
  else
    {
      apply_disk_version (self, read->map, read->bytes, read->state);
    }

  take_pending_change (self);
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

  /* Read while the previous change is parsed: taken after it. */
  if (self->reloading)
    {
      g_clear_pointer (&self->pending_state, cjm_file_state_free);
      g_clear_pointer (&self->pending_contents, g_bytes_unref);
      self->pending_state = cjm_file_state_copy (state);
      self->pending_contents = contents ? g_bytes_ref (contents) : NULL;
      return;
    }

  if (!state->exists)
    {
      _cjm_document_set_changed_on_disk (self, TRUE, TRUE);
      _cjm_document_emit_changed_on_disk (self, TRUE);
      return;
    }

  /* Back as it was (our own version restored): nothing changed after all. */
  if (self->disk_state != NULL && cjm_file_state_same_content (state, self->disk_state))
    {
      _cjm_document_set_changed_on_disk (self, FALSE, FALSE);
      return;
    }

  if (cjm_document_get_modified (self))
    {
      _cjm_document_set_changed_on_disk (self, TRUE, FALSE);
      _cjm_document_emit_changed_on_disk (self, FALSE);
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
  g_task_set_task_data (task, read, _cjm_document_read_data_free);
  g_task_run_in_thread (task, parse_thread);
}

void
_cjm_document_stop_watching (CjmDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
}

void
_cjm_document_start_watching (CjmDocument *self)
{
  _cjm_document_stop_watching (self);

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
  _cjm_document_set_disk_version (self, bytes, state);
  _cjm_document_set_changed_on_disk (self, FALSE, FALSE);

  /* Only a change undo can take back is worth telling. */
  if (changed)
    _cjm_document_emit_reloaded (self);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReadData *read = task_data;
  GError *error = NULL;

  if (!_cjm_document_read_and_parse (read, cancellable, &error))
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

  g_task_set_task_data (task, read, _cjm_document_read_data_free);
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

  _cjm_document_set_disk_version (self, theirs_bytes, theirs_state);
  _cjm_document_set_changed_on_disk (self, FALSE, FALSE);

  /* Merged into exactly what the file holds: nothing left to save. */
  if (theirs_map != NULL && cjm_map_equal (self->map, theirs_map))
    cjm_history_set_saved (self->history);

  return changed;
}
