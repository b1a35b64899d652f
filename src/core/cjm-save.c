/* cjm-save.c: saving a file so that nothing is ever lost
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-save"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cjm-file.h"
#include "cjm-format.h"
#include "cjm-save.h"

/* How a map is saved (see doc/shared-files.md):
 *
 * 1. The file on the drive is read and compared, by size and content hash,
 *    with what the document last read or wrote: if someone else saved it
 *    meanwhile, nothing is written (CJM_SAVE_ERROR_CHANGED_ON_DISK).
 * 2. The new content is written whole to a hidden temporary file beside
 *    it, flushed, and read back. A full drive or a refused write stops
 *    here, with the file untouched.
 * 3. The current file is kept as a hidden backup beside it: a hard link
 *    where the file system has them (no room needed, on a drive too full
 *    for a copy), else a copy, read back.
 * 4. The temporary file is renamed over the file: atomic on local and
 *    most network file systems. Where renaming onto an existing file fails
 *    (Samba shares answer "File exists" or "Text file busy"; GVfs FUSE
 *    mounts cannot open a file to rewrite it) the content is copied over
 *    the file instead (not when the backup is a hard link: that would
 *    write into the backup too), or the file deleted and the temporary
 *    renamed. Without a backup (no room for a copy) only the atomic rename
 *    is tried: the old file is never at risk.
 * 5. The file is read back and compared with what was meant. If anything
 *    failed after step 3, the backup is put back.
 * 6. The backup and the temporary file are deleted. A backup that could not
 *    be put back stays, and the error message names it.
 */

#define FILE_STATE_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_ETAG_VALUE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

/* How many times a file read while someone writes it is read again. */
#define MAX_READ_ATTEMPTS 4
/* How many symbolic links are followed to the real file. */
#define MAX_SYMLINKS 8
/* How many times what was just written is read again before giving up. */
#define READ_BACK_ATTEMPTS 7

static gboolean wait_to_read_again (guint         attempt);
static gboolean is_busy            (const GError *error);

G_DEFINE_QUARK (cjm-save-error-quark, cjm_save_error)
G_DEFINE_BOXED_TYPE (CjmFileState, cjm_file_state, cjm_file_state_copy, cjm_file_state_free)

/**
 * cjm_file_state_dup_hash:
 * @bytes: content
 *
 * Returns: (transfer full): the SHA-256 of @bytes, in hex
 */
char *
cjm_file_state_dup_hash (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * cjm_file_state_new_for_bytes:
 * @bytes: the content of a file
 *
 * Returns: (transfer full): the state of a file holding @bytes, with no
 *   etag or modification time
 */
CjmFileState *
cjm_file_state_new_for_bytes (GBytes *bytes)
{
  CjmFileState *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (CjmFileState, 1);
  self->exists = TRUE;
  self->size = g_bytes_get_size (bytes);
  self->hash = cjm_file_state_dup_hash (bytes);

  return self;
}

CjmFileState *
cjm_file_state_copy (const CjmFileState *self)
{
  CjmFileState *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->etag = g_strdup (self->etag);
  copy->hash = g_strdup (self->hash);

  return copy;
}

void
cjm_file_state_free (CjmFileState *self)
{
  if (self == NULL)
    return;

  g_free (self->etag);
  g_free (self->hash);
  g_free (self);
}

/**
 * cjm_file_state_same_metadata:
 * @self: a #CjmFileState
 * @other: another
 *
 * Whether the file looks unchanged without reading it: same existence,
 * size, etag and modification time. Over GVfs SMB a file rewritten with
 * the same size in the same second looks unchanged: only
 * cjm_file_state_same_content() can tell.
 *
 * Returns: %TRUE if nothing the file system tells differs
 */
gboolean
cjm_file_state_same_metadata (const CjmFileState *self,
                              const CjmFileState *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (self->exists != other->exists)
    return FALSE;

  if (!self->exists)
    return TRUE;

  return self->size == other->size &&
         g_strcmp0 (self->etag, other->etag) == 0 &&
         self->mtime == other->mtime &&
         self->mtime_usec == other->mtime_usec;
}

/**
 * cjm_file_state_same_content:
 * @self: a #CjmFileState with a hash
 * @other: another, with a hash
 *
 * Returns: %TRUE if both files exist and hold the same bytes, or neither
 *   exists
 */
gboolean
cjm_file_state_same_content (const CjmFileState *self,
                             const CjmFileState *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (self->exists != other->exists)
    return FALSE;

  if (!self->exists)
    return TRUE;

  return self->size == other->size &&
         self->hash != NULL &&
         g_strcmp0 (self->hash, other->hash) == 0;
}

static CjmFileState *
state_new_for_info (GFileInfo *info)
{
  CjmFileState *self = g_new0 (CjmFileState, 1);

  if (info == NULL)
    return self;

  self->exists = TRUE;
  self->size = g_file_info_get_size (info);
  self->etag = g_strdup (g_file_info_get_etag (info));
  self->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  self->mtime_usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return self;
}

/* Queries the metadata of @file: NULL with no error when it does not exist. */
static GFileInfo *
query_info (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  info = g_file_query_info (file, FILE_STATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return info;
}

/**
 * cjm_file_state_query:
 * @file: a file
 * @contents: (out) (optional) (transfer full) (nullable): where to store
 *   the content read, %NULL when the file does not exist
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Reads @file and its metadata, so that they match even if someone writes
 * it meanwhile (it is read again then). A file that does not exist is not
 * an error: the state says so.
 *
 * Returns: (transfer full) (nullable): the state, with the hash of the
 *   content, or %NULL with @error set
 */
CjmFileState *
cjm_file_state_query (GFile         *file,
                      GBytes       **contents,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GFileInfo) before = NULL;
      g_autoptr(GFileInfo) after = NULL;
      g_autoptr(CjmFileState) state = NULL;
      g_autoptr(CjmFileState) state_after = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      before = query_info (file, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (before == NULL)
        {
          if (contents != NULL)
            *contents = NULL;
          return state_new_for_info (NULL);
        }

      bytes = cjm_file_read_bytes (file, CJM_MAX_FILE_SIZE, cancellable, &local_error);
      if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          attempt < MAX_READ_ATTEMPTS)
        continue;
      /* Being written by another client of a Samba share. */
      if (bytes == NULL && is_busy (local_error) && wait_to_read_again (attempt))
        continue;
      if (bytes == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      after = query_info (file, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      state = state_new_for_info (before);
      state_after = state_new_for_info (after);

      /* Written while read: read again, or take what was read last. */
      if ((!cjm_file_state_same_metadata (state, state_after) ||
           (goffset)g_bytes_get_size (bytes) != state->size) &&
          attempt < MAX_READ_ATTEMPTS)
        continue;

      g_clear_pointer (&state, cjm_file_state_free);
      state = g_steal_pointer (&state_after);
      state->size = g_bytes_get_size (bytes);
      state->hash = cjm_file_state_dup_hash (bytes);

      if (contents != NULL)
        *contents = g_steal_pointer (&bytes);

      return g_steal_pointer (&state);
    }
}

/**
 * cjm_file_state_query_info:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Returns: (transfer full) (nullable): the state of @file as its metadata
 *   tells, without a hash, or %NULL with @error set
 */
CjmFileState *
cjm_file_state_query_info (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = query_info (file, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return state_new_for_info (info);
}

/**
 * cjm_save_get_backup_file:
 * @file: a file
 *
 * Returns: (transfer full): the hidden file beside @file where its previous
 *   version is kept while it is saved: ".NAME.bak"
 */
GFile *
cjm_save_get_backup_file (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  name = g_strdup_printf (".%s.bak", basename);

  return g_file_get_child (parent, name);
}

/* Follows symbolic links, so that saving replaces the file a link points
 * to rather than the link. */
static GFile *
resolve_symlinks (GFile        *file,
                  GCancellable *cancellable)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint i = 0; i < MAX_SYMLINKS; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                cancellable, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info))
        break;

      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      if (target == NULL || parent == NULL)
        break;

      g_object_unref (current);
      current = g_file_resolve_relative_path (parent, target);
    }

  return g_steal_pointer (&current);
}

static char *
dup_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "");
}

static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent ? g_file_get_parse_name (parent) : g_file_get_parse_name (file);
}

static CjmSaveError
classify_error (const GError *error)
{
  static const GIOErrorEnum unreachable[] = {
    G_IO_ERROR_NOT_FOUND,          /* the folder is gone */
    G_IO_ERROR_NOT_MOUNTED,
    G_IO_ERROR_HOST_NOT_FOUND,
    G_IO_ERROR_HOST_UNREACHABLE,
    G_IO_ERROR_NETWORK_UNREACHABLE,
    G_IO_ERROR_CONNECTION_REFUSED,
    G_IO_ERROR_CONNECTION_CLOSED,  /* also G_IO_ERROR_BROKEN_PIPE */
    G_IO_ERROR_NOT_CONNECTED,
    G_IO_ERROR_TIMED_OUT,
  };

  if (error->domain != G_IO_ERROR)
    return CJM_SAVE_ERROR_FAILED;

  if (error->code == G_IO_ERROR_NO_SPACE)
    return CJM_SAVE_ERROR_NO_SPACE;

  if (error->code == G_IO_ERROR_PERMISSION_DENIED || error->code == G_IO_ERROR_READ_ONLY)
    return CJM_SAVE_ERROR_PERMISSION_DENIED;

  for (guint i = 0; i < G_N_ELEMENTS (unreachable); i++)
    if (error->code == (int)unreachable[i])
      return CJM_SAVE_ERROR_NOT_REACHABLE;

  return CJM_SAVE_ERROR_FAILED;
}

/* Sets @error to say what happened to @file, in what state the file on
 * the drive is (unchanged, or its previous version in @kept_backup), and
 * what the user can do. */
static void
set_error (GError       **error,
           CjmSaveError   code,
           GFile         *file,
           const GError  *cause,
           GFile         *kept_backup)
{
  g_autofree char *name = dup_name (file);
  g_autofree char *folder = dup_folder_name (file);
  g_autofree char *what = NULL;
  g_autofree char *state = NULL;
  const char *todo;
  const char *reason = cause ? cause->message : "";

  switch (code)
    {
    case CJM_SAVE_ERROR_NO_SPACE:
      what = g_strdup_printf (_("There is not enough space on the drive to save “%s”."), name);
      todo = _("Free some space and save again, or save a copy elsewhere with “Save As”.");
      break;

    case CJM_SAVE_ERROR_PERMISSION_DENIED:
      /* Translators: the file, the folder, then why (e.g. “Permission denied”) */
      what = g_strdup_printf (_("You cannot save “%s” in the folder “%s”: %s."), name, folder, reason);
      todo = _("Save a copy elsewhere with “Save As”, or ask for the right to write there.");
      break;

    case CJM_SAVE_ERROR_NOT_REACHABLE:
      /* Translators: the file, the folder, then why (e.g. “Host is down”) */
      what = g_strdup_printf (_("“%s” could not be saved: the folder “%s” cannot be reached (%s)."),
                              name, folder, reason);
      todo = _("Check that the drive is still connected, then save again, or save a copy elsewhere with “Save As”.");
      break;

    case CJM_SAVE_ERROR_NOT_VERIFIED:
      what = g_strdup_printf (_("“%s” was written, but what was read back from the drive differs from the map."),
                              name);
      todo = _("Save again, or save a copy elsewhere with “Save As”.");
      break;

    case CJM_SAVE_ERROR_CHANGED_ON_DISK:
    case CJM_SAVE_ERROR_DELETED_ON_DISK:
    case CJM_SAVE_ERROR_READ_ONLY:
    case CJM_SAVE_ERROR_FAILED:
    default:
      /* Translators: the file, then why */
      what = g_strdup_printf (_("“%s” could not be saved: %s."), name, reason);
      todo = _("Save again, or save a copy elsewhere with “Save As”.");
      break;
    }

  if (kept_backup != NULL)
    {
      g_autofree char *backup_name = dup_name (kept_backup);

      state = g_strdup_printf (_("The file on the drive may be damaged: its previous version is kept as the hidden file “%s” in the same folder."),
                               backup_name);
    }
  else
    {
      state = g_strdup (_("The file on the drive was not changed."));
    }

  g_set_error (error, CJM_SAVE_ERROR, code, "%s %s %s", what, state, todo);
}

static void
set_io_error (GError       **error,
              GFile         *file,
              const GError  *cause,
              GFile         *kept_backup)
{
  set_error (error, classify_error (cause), file, cause, kept_backup);
}

static gboolean
delete_if_exists (GFile   *file,
                  GError **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_delete (file, NULL, &local_error) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      /* Open by another client of a Samba share, for a moment. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY) ||
          !wait_to_read_again (attempt))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

/* Waits a little longer each time something just written is not there
 * yet: GVfs FUSE mounts hand a file over to the server after close()
 * returns, so reading it back at once can find nothing, or the old
 * content. Returns FALSE once waited long enough (about 3 s in all). */
static gboolean
wait_to_read_again (guint attempt)
{
  if (attempt >= READ_BACK_ATTEMPTS)
    return FALSE;

  g_usleep (MIN (50 << attempt, 800) * G_TIME_SPAN_MILLISECOND);

  return TRUE;
}

/* A file another client has open is busy for a moment on Samba shares (a
 * "sharing violation": "Device or resource busy", "Text file busy"). */
static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY);
}

/* Renames @from to @to, trying again while @to is busy. */
static gboolean
move_file (GFile           *from,
           GFile           *to,
           GFileCopyFlags   flags,
           GError         **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (from, to, flags | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       NULL, NULL, NULL, &local_error))
        return TRUE;

      if (!is_busy (local_error) || !wait_to_read_again (attempt))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Busy (%s): renaming again", local_error->message);
    }
}

/* Writes @bytes over @file in place (or as GVfs does), trying again while
 * it is busy. */
static gboolean
write_over (GFile   *file,
            GBytes  *bytes,
            GError **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                   NULL, NULL, &local_error))
        return TRUE;

      if (!is_busy (local_error) || !wait_to_read_again (attempt))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Busy (%s): writing again", local_error->message);
    }
}

/* Whether @file holds exactly @hash. */
static gboolean
file_has_hash (GFile        *file,
               const char   *hash,
               GCancellable *cancellable,
               GError      **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *read_hash = NULL;

      bytes = cjm_file_read_bytes (file, CJM_MAX_FILE_SIZE, cancellable, &local_error);
      if (bytes != NULL)
        {
          read_hash = cjm_file_state_dup_hash (bytes);
          if (g_strcmp0 (read_hash, hash) == 0)
            return TRUE;

          g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("what was read back differs from what was written"));
        }

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          !(bytes != NULL || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
            is_busy (local_error)) ||
          !wait_to_read_again (attempt))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Read back too early (%s): reading again", local_error->message);
    }
}

/* Writes @bytes to a new hidden file beside @target, flushed to the disk,
 * and reads it back. */
static GFile *
write_temporary (GFile         *target,
                 GBytes        *bytes,
                 const char    *hash,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *basename = g_file_get_basename (target);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  for (guint i = 0; stream == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%06x.tmp", basename,
                                               g_random_int () & 0xffffff);

      g_clear_error (&local_error);
      g_clear_object (&temp);
      temp = g_file_get_child (parent, name);
      stream = g_file_create (temp, G_FILE_CREATE_NONE, cancellable, &local_error);

      if (stream == NULL &&
          (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || i >= 16))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL,
                                  cancellable, &local_error))
    goto failed;

  /* On a local disk, make sure the bytes are on it before the rename
   * makes them the file: a power cut must leave the old or the new. */
  if (G_IS_FILE_DESCRIPTOR_BASED (stream) &&
      fsync (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream))) != 0 &&
      errno != EINVAL && errno != EROFS)
    {
      int saved_errno = errno;

      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      goto failed;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    goto failed;

  if (!file_has_hash (temp, hash, cancellable, &local_error))
    goto failed;

  return g_steal_pointer (&temp);

failed:
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
  delete_if_exists (temp, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/* Copies the file the permissions of the one it replaces: a map shared in
 * a group-writable folder must stay writable by the group. */
static void
copy_mode (GFile *from,
           GFile *to)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (from, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    {
      guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

      g_file_set_attribute_uint32 (to, G_FILE_ATTRIBUTE_UNIX_MODE, mode & 07777,
                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }
}

static gboolean
copy_over (GFile   *from,
           GFile   *to,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint attempt = 0; ; attempt++)
    {
      g_clear_error (&local_error);
      if (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
        return TRUE;
      if (!is_busy (local_error) || !wait_to_read_again (attempt))
        break;
    }

  /* GVfs FUSE mounts cannot open an existing file to rewrite it. */
  g_debug ("Copying over a file failed (%s): deleting it first", local_error->message);
  g_clear_error (&local_error);

  return delete_if_exists (to, error) &&
         g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* Puts the previous version back after a failed replace. */
static gboolean
restore_backup (GFile      *backup,
                GFile      *target,
                const char *hash)
{
  g_autoptr(GError) error = NULL;

  if (!copy_over (backup, target, &error) ||
      !file_has_hash (target, hash, NULL, &error))
    {
      g_warning ("Could not put back the previous version of a file from its backup: %s",
                 error->message);
      return FALSE;
    }

  return TRUE;
}

typedef enum
{
  BACKUP_NONE,      /* no room for one */
  BACKUP_LINK,      /* a hard link to the file */
  BACKUP_COPY,      /* a copy, read back */
  BACKUP_FAILED,
} BackupKind;

/* Keeps the current version of @target in @backup. */
static BackupKind
make_backup (GFile         *target,
             GFile         *backup,
             const char    *hash,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *target_path = g_file_peek_path (target);
  const char *backup_path = g_file_peek_path (backup);
  GStatBuf st;

  if (!delete_if_exists (backup, error))
    return BACKUP_FAILED;

  /* A hard link: instant, and needs no room. Only to a file of ours: one
   * of another user's could not be removed from a sticky folder. */
  if (target_path != NULL && backup_path != NULL &&
      g_stat (target_path, &st) == 0 && st.st_uid == geteuid () &&
      link (target_path, backup_path) == 0)
    return BACKUP_LINK;

  if (copy_over (target, backup, &local_error) &&
      file_has_hash (backup, hash, cancellable, &local_error))
    return BACKUP_COPY;

  delete_if_exists (backup, NULL);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return BACKUP_NONE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));

  return BACKUP_FAILED;
}

/* Makes @temp the content of @target, as atomically as the file system
 * allows. */
static gboolean
replace_with (GFile        *temp,
              GFile        *target,
              gboolean      target_exists,
              GFile        *backup,
              BackupKind    backup_kind,
              const char   *hash,
              GBytes       *bytes,
              gboolean     *touched,
              GError      **error)
{
  g_autoptr(GError) move_error = NULL;
  g_autoptr(GError) copy_error = NULL;

  if (move_file (temp, target, G_FILE_COPY_OVERWRITE, &move_error))
    return TRUE;

  /* Nothing to fall back on without a backup. */
  if (!target_exists || backup_kind == BACKUP_NONE)
    {
      g_propagate_error (error, g_steal_pointer (&move_error));
      return FALSE;
    }

  /* Renaming onto the file failed: "File exists", "Text file busy"... Copy
   * over it instead (GVfs rewrites it, in place if it must); not into a
   * file the backup shares: make the backup a copy first. */
  g_debug ("Renaming onto the file failed (%s): copying over it", move_error->message);

  if (backup_kind == BACKUP_LINK)
    {
      g_autoptr(GError) backup_error = NULL;

      if (delete_if_exists (backup, &backup_error) &&
          copy_over (target, backup, &backup_error) &&
          file_has_hash (backup, hash, NULL, &backup_error))
        {
          backup_kind = BACKUP_COPY;
        }
      else
        {
          /* The backup may be gone: the caller must not count on it. */
          g_debug ("No room for a copy of the backup (%s)", backup_error->message);
          g_propagate_error (error, g_steal_pointer (&move_error));
          return FALSE;
        }
    }

  /* From here on, the file may be half written: the backup matters. */
  *touched = TRUE;

  if (backup_kind == BACKUP_COPY)
    {
      if (write_over (target, bytes, &copy_error))
        return TRUE;

      g_debug ("Copying over the file failed (%s)", copy_error->message);
    }

  /* Last resort, the backup being safe: delete the file, then rename. */
  g_debug ("Deleting the file, then renaming");

  if (!delete_if_exists (target, error))
    return FALSE;

  g_clear_error (&move_error);
  if (move_file (temp, target, G_FILE_COPY_NONE, &move_error))
    return TRUE;

  g_debug ("Renaming to the file failed (%s): copying", move_error->message);

  return g_file_copy (temp, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/**
 * cjm_save_bytes:
 * @file: where to save
 * @bytes: the whole new content
 * @expected: (nullable): what the file held when last read or written, or
 *   %NULL to write whatever it holds (a new file, "Save As")
 * @flags: %CJM_SAVE_FLAGS_OVERWRITE to write even if the file changed
 * @cancellable: (nullable): a #GCancellable, heeded until the file itself
 *   is touched
 * @error: where to report a failure, in the %CJM_SAVE_ERROR domain
 *
 * Writes @bytes to @file safely (see the top of this file): the file holds
 * either its previous content or @bytes whatever fails, a copy of the
 * previous content is kept until @bytes are read back from the file, and a
 * change made by someone else since @expected is never overwritten
 * silently: the content on the drive is compared by size and hash, since
 * etags and times cannot tell two saves in one second apart.
 *
 * Blocks: call it in a thread, or use cjm_save_bytes_async().
 *
 * Returns: (transfer full) (nullable): the state of the file as written,
 *   or %NULL with @error set
 */
CjmFileState *
cjm_save_bytes (GFile               *file,
                GBytes              *bytes,
                const CjmFileState  *expected,
                CjmSaveFlags         flags,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(CjmFileState) current = NULL;
  g_autoptr(CjmFileState) before_replace = NULL;
  g_autoptr(CjmFileState) written = NULL;
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  BackupKind backup_kind = BACKUP_NONE;
  gboolean touched = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = resolve_symlinks (file, cancellable);
  hash = cjm_file_state_dup_hash (bytes);

  /* 1. Is the file still the one the document knows? */
  current = cjm_file_state_query (target, NULL, cancellable, &local_error);
  if (current == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, file, local_error, NULL);
      return NULL;
    }

  if (expected != NULL && !(flags & CJM_SAVE_FLAGS_OVERWRITE))
    {
      g_autofree char *name = dup_name (file);

      if (expected->exists && !current->exists)
        {
          g_set_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK,
                       _("“%s” was deleted or moved since it was opened, maybe by someone else. Your changes were not saved: save again to create the file anew, or save a copy elsewhere with “Save As”."),
                       name);
          return NULL;
        }

      if (!cjm_file_state_same_content (expected, current))
        {
          g_set_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed on the drive since it was opened, maybe by someone else. Your changes were not saved over it: reload it, merge your changes into it, save them as a copy, or overwrite it."),
                       name);
          return NULL;
        }
    }

  /* 2. The new content, whole, beside the file. */
  temp = write_temporary (target, bytes, hash, cancellable, &local_error);
  if (temp == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, file, local_error, NULL);
      return NULL;
    }

  /* 3. The previous version, kept until the new one is safe. */
  if (current->exists)
    {
      copy_mode (target, temp);

      backup = cjm_save_get_backup_file (target);
      backup_kind = make_backup (target, backup, current->hash, cancellable, &local_error);
      if (backup_kind == BACKUP_FAILED)
        {
          delete_if_exists (temp, NULL);
          delete_if_exists (backup, NULL);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            set_io_error (error, file, local_error, NULL);
          return NULL;
        }

      if (backup_kind == BACKUP_NONE)
        {
          g_debug ("No room for a backup (%s): only an atomic rename will do",
                   local_error->message);
          g_clear_error (&local_error);
          g_clear_object (&backup);
        }

      /* The last moment someone else could have saved: look again. */
      before_replace = cjm_file_state_query_info (target, NULL, NULL);
      if (expected != NULL && !(flags & CJM_SAVE_FLAGS_OVERWRITE) &&
          (before_replace == NULL || !cjm_file_state_same_metadata (before_replace, current)))
        {
          g_autofree char *name = dup_name (file);

          delete_if_exists (temp, NULL);
          delete_if_exists (backup, NULL);
          g_set_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed on the drive since it was opened, maybe by someone else. Your changes were not saved over it: reload it, merge your changes into it, save them as a copy, or overwrite it."),
                       name);
          return NULL;
        }
    }

  /* 4. and 5. From here on, nothing is cancelled halfway. */
  if (!replace_with (temp, target, current->exists, backup, backup_kind, current->hash, bytes,
                     &touched, &local_error))
    {
      gboolean restored = !current->exists || !touched ||
                          restore_backup (backup, target, current->hash);

      delete_if_exists (temp, NULL);
      if (restored && backup != NULL)
        delete_if_exists (backup, NULL);
      set_io_error (error, file, local_error, restored ? NULL : backup);
      return NULL;
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_clear_pointer (&written, cjm_file_state_free);
      g_clear_pointer (&read_back, g_bytes_unref);
      g_clear_error (&local_error);

      written = cjm_file_state_query (target, &read_back, NULL, &local_error);
      if ((written != NULL && read_back != NULL && g_strcmp0 (written->hash, hash) == 0) ||
          (written == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) ||
          !wait_to_read_again (attempt))
        break;
    }

  if (written == NULL || read_back == NULL || g_strcmp0 (written->hash, hash) != 0)
    {
      gboolean restored;

      if (current->exists)
        restored = backup != NULL && restore_backup (backup, target, current->hash);
      else
        restored = delete_if_exists (target, NULL);

      delete_if_exists (temp, NULL);
      if (restored && backup != NULL)
        delete_if_exists (backup, NULL);

      if (written == NULL)
        set_io_error (error, file, local_error, restored ? NULL : backup);
      else
        set_error (error, CJM_SAVE_ERROR_NOT_VERIFIED, file, NULL, restored ? NULL : backup);
      return NULL;
    }

  /* 6. Safe: the backup has done its job. */
  delete_if_exists (temp, NULL);
  if (backup != NULL && !delete_if_exists (backup, &local_error))
    g_debug ("Could not delete the backup: %s", local_error->message);

  return g_steal_pointer (&written);
}

typedef struct
{
  GFile        *file;
  GBytes       *bytes;
  CjmFileState *expected;
  CjmSaveFlags  flags;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_pointer (&save->expected, cjm_file_state_free);
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
  CjmFileState *state;

  state = cjm_save_bytes (save->file, save->bytes, save->expected, save->flags,
                          cancellable, &error);
  if (state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify)cjm_file_state_free);
}

/**
 * cjm_save_bytes_async:
 * @file: where to save
 * @bytes: the whole new content
 * @expected: (nullable): what the file held when last read or written
 * @flags: #CjmSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs cjm_save_bytes() in a worker thread.
 */
void
cjm_save_bytes_async (GFile               *file,
                      GBytes              *bytes,
                      const CjmFileState  *expected,
                      CjmSaveFlags         flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = g_bytes_ref (bytes);
  save->expected = expected ? cjm_file_state_copy (expected) : NULL;
  save->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cjm_save_bytes_async);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * cjm_save_bytes_finish:
 * @result: the result given to the callback
 * @error: where to report a failure
 *
 * Returns: (transfer full) (nullable): the state of the file as written
 */
CjmFileState *
cjm_save_bytes_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
