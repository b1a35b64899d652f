/* cjm-file-monitor.c: noticing that someone else changed a file
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-file-monitor"

#include "config.h"

#include <string.h>

#include "cjm-file-monitor.h"

/* A GFileMonitor tells when a file on a local disk changes. On network
 * drives it stays silent about what other machines do: inotify only sees
 * this kernel's writes (NFS, CIFS, GVfs FUSE paths), GVfs SMB has no
 * monitor at all (GIO falls back to polling the etag, which is in whole
 * seconds there). So where the file system is remote, a FUSE mount, or
 * cannot be monitored, the file is also looked at every few seconds.
 *
 * Events are coalesced (an editor saving makes several) and the file is
 * then read and hashed: "changed" is emitted only when the content
 * differs from what was seen last. Polls compare metadata only, except
 * just after the state was seen: a change in the same second with the
 * same size would look like nothing, so polls read the file too until one
 * has read it RACY_WINDOW after (by then a change would show in the time).
 *
 * While paused (the document is saving), nothing is looked at; what
 * happened meanwhile is looked at once unpaused.
 */

/* Events this close together make one check (milliseconds). */
#define COALESCE_DELAY 250
/* How long after the state was seen polls read the whole file (µs). */
#define RACY_WINDOW (2500 * G_TIME_SPAN_MILLISECOND)

struct _CjmFileMonitor
{
  GObject       parent_instance;

  GFile        *file;
  CjmFileState *state;
  GFileMonitor *monitor;
  GCancellable *cancellable;

  guint         poll_interval;
  guint         poll_id;
  guint         coalesce_id;
  guint         pause_count;

  /* Until when polls read the whole file, and whether one did after. */
  gint64        racy_until;
  guint         racy_checked : 1;

  guint         polling : 1;
  guint         checking : 1;
  guint         pending : 1;
  /* The pending check was asked for by an event: read the file. */
  guint         pending_full : 1;
};

G_DEFINE_FINAL_TYPE (CjmFileMonitor, cjm_file_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void check (CjmFileMonitor *self,
                   gboolean        full);

static void
state_seen (CjmFileMonitor *self)
{
  self->racy_until = g_get_monotonic_time () + RACY_WINDOW;
  self->racy_checked = FALSE;
}

static void
cjm_file_monitor_dispose (GObject *object)
{
  CjmFileMonitor *self = (CjmFileMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->coalesce_id, g_source_remove);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (cjm_file_monitor_parent_class)->dispose (object);
}

static void
cjm_file_monitor_finalize (GObject *object)
{
  CjmFileMonitor *self = (CjmFileMonitor *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->state, cjm_file_state_free);

  G_OBJECT_CLASS (cjm_file_monitor_parent_class)->finalize (object);
}

static void
cjm_file_monitor_class_init (CjmFileMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_file_monitor_dispose;
  object_class->finalize = cjm_file_monitor_finalize;

  /**
   * CjmFileMonitor::changed:
   * @self: the monitor
   * @state: what the file holds now (`exists` is %FALSE if it is gone)
   * @contents: (nullable): its content, or %NULL if it is gone
   *
   * The content of the file differs from what was seen last.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CJM_TYPE_FILE_STATE, G_TYPE_BYTES);
}

static void
cjm_file_monitor_init (CjmFileMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

static gboolean
coalesce_cb (gpointer user_data)
{
  CjmFileMonitor *self = user_data;

  self->coalesce_id = 0;
  check (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (CjmFileMonitor    *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      if (self->coalesce_id == 0)
        self->coalesce_id = g_timeout_add (COALESCE_DELAY, coalesce_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    default:
      break;
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  CjmFileMonitor *self = user_data;

  check (self, !self->racy_checked);

  return G_SOURCE_CONTINUE;
}

static void
start_polling (CjmFileMonitor *self)
{
  if (self->polling)
    return;

  self->polling = TRUE;
  self->poll_id = g_timeout_add (self->poll_interval, poll_cb, self);
}

/* Network and FUSE file systems: the monitor cannot be trusted. */
static gboolean
file_system_needs_polling (GFileInfo *info)
{
  const char *type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  static const char * const remote_types[] = {
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "9p", "afs", "ceph", "davfs",
    "ncpfs", "sshfs", "glusterfs", "lustre",
  };

  if (g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
    return TRUE;

  if (type == NULL)
    return FALSE;

  /* GVfs FUSE paths, sshfs, the Flatpak document portal... */
  if (g_str_has_prefix (type, "fuse"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (remote_types); i++)
    if (g_ascii_strcasecmp (type, remote_types[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
query_filesystem_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CjmFileMonitor) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_filesystem_info_finish (G_FILE (object), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Nothing known about it: look at it, to be safe. */
  if (info == NULL || file_system_needs_polling (info))
    {
      g_debug ("Polling the file: %s",
               info == NULL ? error->message : "a network or FUSE file system");
      start_polling (self);
    }
}

typedef struct
{
  GFile        *file;
  CjmFileState *known;
  gboolean      full;
  gint64        started;
  /* Results */
  CjmFileState *state;
  GBytes       *contents;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_clear_object (&check->file);
  g_clear_pointer (&check->known, cjm_file_state_free);
  g_clear_pointer (&check->state, cjm_file_state_free);
  g_clear_pointer (&check->contents, g_bytes_unref);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *check = task_data;
  GError *error = NULL;

  if (!check->full && check->known != NULL)
    {
      g_autoptr(CjmFileState) info = cjm_file_state_query_info (check->file, cancellable, &error);

      if (info == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      if (cjm_file_state_same_metadata (info, check->known))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  check->state = cjm_file_state_query (check->file, &check->contents, cancellable, &error);
  if (check->state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CjmFileMonitor *self = CJM_FILE_MONITOR (object);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->checking = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A drive gone for a moment: the next poll tells. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not look at the file: %s", error->message);
    }
  else if (self->pause_count > 0)
    {
      /* Paused while looking: what was read may be our own save, half
       * done. Look again once unpaused. */
      self->pending = TRUE;
      self->pending_full = TRUE;
    }
  else if (data->state != NULL)
    {
      gboolean changed = self->state == NULL ||
                         !cjm_file_state_same_content (data->state, self->state);

      if (changed || !cjm_file_state_same_metadata (data->state, self->state))
        {
          g_clear_pointer (&self->state, cjm_file_state_free);
          self->state = g_steal_pointer (&data->state);
          state_seen (self);
        }
      else if (data->started > self->racy_until)
        {
          self->racy_checked = TRUE;
        }

      if (changed)
        g_signal_emit (self, signals[CHANGED], 0, self->state, data->contents);
    }

  if (self->pending && self->pause_count == 0 && !g_cancellable_is_cancelled (self->cancellable))
    {
      gboolean full = self->pending_full;

      self->pending = FALSE;
      self->pending_full = FALSE;
      check (self, full);
    }
}

static void
check (CjmFileMonitor *self,
       gboolean        full)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (self->pause_count > 0 || self->checking)
    {
      self->pending = TRUE;
      self->pending_full |= full;
      return;
    }

  data = g_new0 (CheckData, 1);
  data->file = g_object_ref (self->file);
  data->known = self->state ? cjm_file_state_copy (self->state) : NULL;
  data->full = full;
  data->started = g_get_monotonic_time ();

  self->checking = TRUE;
  task = g_task_new (self, self->cancellable, check_cb, NULL);
  g_task_set_source_tag (task, check);
  g_task_set_task_data (task, data, check_data_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * cjm_file_monitor_new:
 * @file: the file to watch
 * @state: (nullable): what it holds, as last read or written
 * @poll_interval: how often to look at it where monitors stay silent, in
 *   milliseconds, 0 for %CJM_FILE_MONITOR_POLL_INTERVAL
 *
 * Starts watching @file.
 *
 * Returns: (transfer full): a new monitor
 */
CjmFileMonitor *
cjm_file_monitor_new (GFile              *file,
                      const CjmFileState *state,
                      guint               poll_interval)
{
  CjmFileMonitor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CJM_TYPE_FILE_MONITOR, NULL);
  self->file = g_object_ref (file);
  self->state = state ? cjm_file_state_copy (state) : NULL;
  self->poll_interval = poll_interval ? poll_interval : CJM_FILE_MONITOR_POLL_INTERVAL;
  state_seen (self);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, &error);

  /* GIO's fallback polls the etag, blind to changes within a second: we
   * poll better ourselves. */
  if (self->monitor != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (self->monitor), "GPollFileMonitor") == 0)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, 500);
      g_signal_connect_object (self->monitor, "changed",
                               G_CALLBACK (monitor_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_debug ("No file monitor: %s", error ? error->message : "only polling available");
      start_polling (self);
    }

  g_file_query_filesystem_info_async (file,
                                      G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE ","
                                      G_FILE_ATTRIBUTE_FILESYSTEM_TYPE,
                                      G_PRIORITY_DEFAULT, self->cancellable,
                                      query_filesystem_cb, g_object_ref (self));

  return self;
}

/**
 * cjm_file_monitor_get_file:
 * @self: a #CjmFileMonitor
 *
 * Returns: (transfer none): the file watched
 */
GFile *
cjm_file_monitor_get_file (CjmFileMonitor *self)
{
  g_return_val_if_fail (CJM_IS_FILE_MONITOR (self), NULL);

  return self->file;
}

/**
 * cjm_file_monitor_get_state:
 * @self: a #CjmFileMonitor
 *
 * Returns: (nullable): what the file held when last seen
 */
const CjmFileState *
cjm_file_monitor_get_state (CjmFileMonitor *self)
{
  g_return_val_if_fail (CJM_IS_FILE_MONITOR (self), NULL);

  return self->state;
}

/**
 * cjm_file_monitor_set_state:
 * @self: a #CjmFileMonitor
 * @state: what the file holds now, as the document read or wrote it
 *
 * Tells the monitor what the file holds, so that only changes from there
 * are reported: call it after saving or reloading.
 */
void
cjm_file_monitor_set_state (CjmFileMonitor     *self,
                            const CjmFileState *state)
{
  g_return_if_fail (CJM_IS_FILE_MONITOR (self));
  g_return_if_fail (state != NULL);

  g_clear_pointer (&self->state, cjm_file_state_free);
  self->state = cjm_file_state_copy (state);
  state_seen (self);
}

/**
 * cjm_file_monitor_get_polling:
 * @self: a #CjmFileMonitor
 *
 * Returns: %TRUE if the file is looked at periodically, as on network
 *   drives
 */
gboolean
cjm_file_monitor_get_polling (CjmFileMonitor *self)
{
  g_return_val_if_fail (CJM_IS_FILE_MONITOR (self), FALSE);

  return self->polling;
}

/**
 * cjm_file_monitor_pause:
 * @self: a #CjmFileMonitor
 *
 * Stops reporting changes until cjm_file_monitor_unpause() is called as
 * many times: while the document writes the file itself.
 */
void
cjm_file_monitor_pause (CjmFileMonitor *self)
{
  g_return_if_fail (CJM_IS_FILE_MONITOR (self));

  self->pause_count++;
}

void
cjm_file_monitor_unpause (CjmFileMonitor *self)
{
  g_return_if_fail (CJM_IS_FILE_MONITOR (self));
  g_return_if_fail (self->pause_count > 0);

  if (--self->pause_count == 0 && self->pending)
    {
      gboolean full = self->pending_full;

      self->pending = FALSE;
      self->pending_full = FALSE;
      check (self, full);
    }
}

/**
 * cjm_file_monitor_check:
 * @self: a #CjmFileMonitor
 *
 * Reads the file now (when the window gets the focus back, say) and
 * reports a change.
 */
void
cjm_file_monitor_check (CjmFileMonitor *self)
{
  g_return_if_fail (CJM_IS_FILE_MONITOR (self));

  check (self, TRUE);
}
