/* cjm-recovery.c: unsaved work written aside, to survive a crash
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-recovery"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cjm-lock.h"
#include "cjm-recovery.h"

/* A few seconds after an edit, the document writes its map to
 * $XDG_STATE_HOME/journey-mapper/recovery/ (~/.local/state/...):
 *
 *   ID.cjm    the map with the unsaved changes
 *   ID.base   the file as it was when they started (the base to merge
 *             them into the file if someone changed it since)
 *   ID.info   the index entry: the map's file URI (none for an untitled
 *             map), its name and title, when it was written, and which
 *             process writes it (as in a lock file)
 *
 * The index is the set of .info files rather than one file, so that two
 * app processes never overwrite each other's entries. Saving the map or
 * closing it removes its entry; after a crash the entries stay, and the
 * next start lists those whose process is gone to offer them back. An
 * entry restored is claimed by the new process (its .info rewritten) and
 * goes on being written under the same id.
 */

#define INFO_GROUP "Recovery"

G_DEFINE_BOXED_TYPE (CjmRecoveryEntry, cjm_recovery_entry,
                     cjm_recovery_entry_copy, cjm_recovery_entry_free)

/**
 * cjm_recovery_get_dir:
 *
 * Returns: (transfer full): the folder of recovery files
 */
GFile *
cjm_recovery_get_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "journey-mapper",
                                            "recovery", NULL);

  return g_file_new_for_path (path);
}

static GFile *
get_file (const char *id,
          const char *extension)
{
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_file_get_child (dir, name);
}

CjmRecoveryEntry *
cjm_recovery_entry_copy (const CjmRecoveryEntry *self)
{
  CjmRecoveryEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CjmRecoveryEntry, 1);
  copy->id = g_strdup (self->id);
  copy->uri = g_strdup (self->uri);
  copy->display_name = g_strdup (self->display_name);
  copy->title = g_strdup (self->title);
  copy->modified = self->modified ? g_date_time_ref (self->modified) : NULL;
  g_set_object (&copy->map_file, self->map_file);
  g_set_object (&copy->base_file, self->base_file);
  g_set_object (&copy->info_file, self->info_file);

  return copy;
}

void
cjm_recovery_entry_free (CjmRecoveryEntry *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->uri);
  g_free (self->display_name);
  g_free (self->title);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->map_file);
  g_clear_object (&self->base_file);
  g_clear_object (&self->info_file);
  g_free (self);
}

static void
delete_quietly (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (file != NULL && !g_file_delete (file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("A recovery file could not be deleted: %s", error->message);
}

/**
 * cjm_recovery_entry_discard:
 * @self: a #CjmRecoveryEntry
 * @error: where to report a failure
 *
 * Deletes the recovered work: the user does not want it.
 *
 * Returns: %TRUE if deleted
 */
gboolean
cjm_recovery_entry_discard (const CjmRecoveryEntry  *self,
                            GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* The index entry first: a half-deleted entry is not listed. */
  if (!g_file_delete (self->info_file, NULL, error))
    return FALSE;

  delete_quietly (self->map_file);
  delete_quietly (self->base_file);

  return TRUE;
}

static GBytes *
info_to_bytes (const char *uri,
               const char *display_name,
               const char *title)
{
  g_autoptr(CjmLockInfo) owner = cjm_lock_info_new_for_self ();
  g_autoptr(GBytes) owner_bytes = cjm_lock_info_to_bytes (owner);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format_iso8601 (now);
  gsize size;
  const char *data = g_bytes_get_data (owner_bytes, &size);
  char *contents;

  /* Who writes it, as a lock file says it. */
  g_key_file_load_from_data (key_file, data, size, G_KEY_FILE_NONE, NULL);

  g_key_file_set_string (key_file, INFO_GROUP, "Uri", uri ? uri : "untitled");
  g_key_file_set_string (key_file, INFO_GROUP, "DisplayName", display_name);
  if (title != NULL && title[0] != '\0')
    g_key_file_set_string (key_file, INFO_GROUP, "Title", title);
  g_key_file_set_string (key_file, INFO_GROUP, "Modified", modified);

  contents = g_key_file_to_data (key_file, &size, NULL);

  return g_bytes_new_take (contents, size);
}

static gboolean
write_file (GFile   *file,
            GBytes  *bytes,
            GError **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* Locally, GIO writes a temporary file and renames it: a crash while
   * writing leaves the previous recovery file. */
  return g_file_replace_contents (file, data, size, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/**
 * cjm_recovery_entry_claim:
 * @self: a #CjmRecoveryEntry
 * @error: where to report a failure
 *
 * Makes this process the one writing the entry, so that no other lists it
 * while the restored map is open.
 *
 * Returns: %TRUE if claimed
 */
gboolean
cjm_recovery_entry_claim (const CjmRecoveryEntry  *self,
                          GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  bytes = info_to_bytes (self->uri, self->display_name, self->title);

  return write_file (self->info_file, bytes, error);
}

static CjmRecoveryEntry *
read_entry (GFile      *dir,
            const char *name)
{
  g_autoptr(GFile) info_file = g_file_get_child (dir, name);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(CjmLockInfo) owner = NULL;
  g_autoptr(CjmRecoveryEntry) entry = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *modified = NULL;
  gsize size;
  const char *data;

  bytes = g_file_load_bytes (info_file, NULL, NULL, NULL);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!g_key_file_load_from_data (key_file, data ? data : "", size, G_KEY_FILE_NONE, NULL))
    return NULL;

  /* Still being written by a running app: not lost. */
  owner = cjm_lock_info_parse (bytes, NULL);
  if (owner != NULL && cjm_lock_info_is_process_alive (owner))
    return NULL;

  entry = g_new0 (CjmRecoveryEntry, 1);
  entry->id = g_strndup (name, strlen (name) - strlen (".info"));
  entry->info_file = g_object_ref (info_file);
  entry->map_file = get_file (entry->id, ".cjm");
  entry->base_file = get_file (entry->id, ".base");

  uri = g_key_file_get_string (key_file, INFO_GROUP, "Uri", NULL);
  if (uri != NULL && g_strcmp0 (uri, "untitled") != 0)
    entry->uri = g_steal_pointer (&uri);

  entry->display_name = g_key_file_get_string (key_file, INFO_GROUP, "DisplayName", NULL);
  if (entry->display_name == NULL)
    entry->display_name = g_strdup (_("Untitled Map"));
  entry->title = g_key_file_get_string (key_file, INFO_GROUP, "Title", NULL);

  modified = g_key_file_get_string (key_file, INFO_GROUP, "Modified", NULL);
  if (modified != NULL)
    entry->modified = g_date_time_new_from_iso8601 (modified, NULL);
  if (entry->modified == NULL)
    entry->modified = g_date_time_new_now_utc ();

  if (!g_file_query_exists (entry->map_file, NULL))
    return NULL;
  if (!g_file_query_exists (entry->base_file, NULL))
    g_clear_object (&entry->base_file);

  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CjmRecoveryEntry *entry_a = *(const CjmRecoveryEntry **)a;
  const CjmRecoveryEntry *entry_b = *(const CjmRecoveryEntry **)b;

  return g_date_time_compare (entry_b->modified, entry_a->modified);
}

/**
 * cjm_recovery_list:
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Lists the unsaved work left by apps that did not close (their process
 * is gone), newest first. Entries still written by a running app (another
 * window's, this one's) are not listed.
 *
 * Returns: (transfer full) (element-type CjmRecoveryEntry): the entries,
 *   maybe none
 */
GPtrArray *
cjm_recovery_list (GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)cjm_recovery_entry_free);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&entries);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;
      CjmRecoveryEntry *entry;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (!g_str_has_suffix (name, ".info"))
        continue;

      entry = read_entry (dir, name);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);

  return g_steal_pointer (&entries);
}

struct _CjmRecovery
{
  GObject  parent_instance;

  char    *id;

  /* Shared with the thread writing: held while a file is written or
   * deleted. A write asked for before a discard is not made after it. */
  GMutex   mutex;
  guint    generation;
  guint    written : 1;

  /* The hash of the base last written, not to write it again. */
  char    *base_hash;
};

G_DEFINE_FINAL_TYPE (CjmRecovery, cjm_recovery, G_TYPE_OBJECT)

static void
cjm_recovery_finalize (GObject *object)
{
  CjmRecovery *self = (CjmRecovery *)object;

  g_mutex_clear (&self->mutex);
  g_free (self->id);
  g_free (self->base_hash);

  G_OBJECT_CLASS (cjm_recovery_parent_class)->finalize (object);
}

static void
cjm_recovery_class_init (CjmRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_recovery_finalize;
}

static void
cjm_recovery_init (CjmRecovery *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * cjm_recovery_new:
 * @id: (nullable): the id of an entry to go on writing (one restored), or
 *   %NULL for a new one
 *
 * Returns: (transfer full): a recovery writer for one document; nothing is
 *   written until cjm_recovery_write_async()
 */
CjmRecovery *
cjm_recovery_new (const char *id)
{
  CjmRecovery *self = g_object_new (CJM_TYPE_RECOVERY, NULL);

  if (id != NULL)
    {
      self->id = g_strdup (id);
      self->written = TRUE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

      self->id = g_strdup_printf ("%s-%08x", stamp, g_random_int ());
    }

  return self;
}

const char *
cjm_recovery_get_id (CjmRecovery *self)
{
  g_return_val_if_fail (CJM_IS_RECOVERY (self), NULL);

  return self->id;
}

/**
 * cjm_recovery_get_written:
 * @self: a #CjmRecovery
 *
 * Returns: %TRUE if an entry may exist on disk (written and not discarded)
 */
gboolean
cjm_recovery_get_written (CjmRecovery *self)
{
  gboolean written;

  g_return_val_if_fail (CJM_IS_RECOVERY (self), FALSE);

  g_mutex_lock (&self->mutex);
  written = self->written;
  g_mutex_unlock (&self->mutex);

  return written;
}

typedef struct
{
  GBytes *map;
  GBytes *base;
  char   *base_hash;
  char   *uri;
  char   *display_name;
  char   *title;
  guint   generation;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_pointer (&write->map, g_bytes_unref);
  g_clear_pointer (&write->base, g_bytes_unref);
  g_free (write->base_hash);
  g_free (write->uri);
  g_free (write->display_name);
  g_free (write->title);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CjmRecovery *self = source_object;
  WriteData *write = task_data;
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autoptr(GFile) map_file = get_file (self->id, ".cjm");
  g_autoptr(GFile) base_file = get_file (self->id, ".base");
  g_autoptr(GFile) info_file = get_file (self->id, ".info");
  g_autoptr(GBytes) info = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->mutex);

  /* Discarded since asked for: the work was saved or thrown away. */
  if (write->generation != self->generation)
    {
      g_mutex_unlock (&self->mutex);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    {
      int saved_errno = errno;

      g_mutex_unlock (&self->mutex);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s", g_strerror (saved_errno));
      return;
    }

  /* The map, then the base, then the index entry that makes them listed. */
  info = info_to_bytes (write->uri, write->display_name, write->title);
  if (!write_file (map_file, write->map, &error) ||
      (write->base != NULL && g_strcmp0 (write->base_hash, self->base_hash) != 0 &&
       !write_file (base_file, write->base, &error)) ||
      !write_file (info_file, info, &error))
    {
      g_mutex_unlock (&self->mutex);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (write->base == NULL)
    delete_quietly (base_file);

  g_free (self->base_hash);
  self->base_hash = g_strdup (write->base_hash);
  self->written = TRUE;
  g_mutex_unlock (&self->mutex);

  g_task_return_boolean (task, TRUE);
}

/**
 * cjm_recovery_write_async:
 * @self: a #CjmRecovery
 * @map: the map with the unsaved work, as a .cjm file
 * @base: (nullable): the map's file as it was when the work started
 * @file: (nullable): the map's file, %NULL if untitled
 * @title: (nullable): the map's title
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when written
 * @user_data: data for @callback
 *
 * Writes the recovery files in a worker thread.
 */
void
cjm_recovery_write_async (CjmRecovery         *self,
                          GBytes              *map,
                          GBytes              *base,
                          GFile               *file,
                          const char          *title,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (CJM_IS_RECOVERY (self));
  g_return_if_fail (map != NULL);

  write = g_new0 (WriteData, 1);
  write->map = g_bytes_ref (map);
  if (base != NULL)
    {
      write->base = g_bytes_ref (base);
      write->base_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, base);
    }
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      write->uri = g_file_get_uri (file);
      write->display_name = g_filename_display_name (basename);
    }
  else
    {
      write->display_name = g_strdup (_("Untitled Map"));
    }
  write->title = g_strdup (title);

  g_mutex_lock (&self->mutex);
  write->generation = self->generation;
  g_mutex_unlock (&self->mutex);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cjm_recovery_write_async);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
cjm_recovery_write_finish (CjmRecovery   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CJM_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cjm_recovery_discard:
 * @self: a #CjmRecovery
 *
 * Deletes the recovery files: the work was saved, or the map closed
 * without saving. A write under way finishes first; one asked for but not
 * started yet is not made.
 */
void
cjm_recovery_discard (CjmRecovery *self)
{
  g_autoptr(GFile) map_file = NULL;
  g_autoptr(GFile) base_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_if_fail (CJM_IS_RECOVERY (self));

  g_mutex_lock (&self->mutex);
  self->generation++;

  if (self->written)
    {
      info_file = get_file (self->id, ".info");
      map_file = get_file (self->id, ".cjm");
      base_file = get_file (self->id, ".base");

      delete_quietly (info_file);
      delete_quietly (map_file);
      delete_quietly (base_file);

      self->written = FALSE;
      g_clear_pointer (&self->base_hash, g_free);
    }

  g_mutex_unlock (&self->mutex);
}
