/* fuzz-load.c: libFuzzer target for loading maps in either format
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the input, loading must not crash, leak or trip a sanitizer.
 * When a .cjm file loads, the map must save as a .cjm file that loads again
 * with nothing left to repair and saves to the same bytes. When a JSON file
 * loads, the map must save as a .cjm file that loads; from there on, the
 * same holds.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cjm-core.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical warning is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

static void G_GNUC_NORETURN
fail (const char *what,
      GBytes     *bytes)
{
  g_printerr ("%s\n%.*s\n", what, (int)g_bytes_get_size (bytes),
              (const char *)g_bytes_get_data (bytes, NULL));
  abort ();
}

static gboolean
looks_like_json (const uint8_t *data,
                 size_t         size)
{
  size_t i = 0;

  if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i < size && data[i] == '{';
}

/* Saves @map as a .cjm file and loads it again: it must load, with nothing
 * left to repair, and save to the same bytes. */
static GBytes *
check_round_trip (CjmMap *map)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) again = NULL;
  g_autoptr(GBytes) first = cjm_xml_write (map);
  g_autoptr(GBytes) second = NULL;

  again = cjm_xml_read (first, "fuzz.cjm", problems, &error);
  if (again == NULL)
    fail (error->message, first);

  for (guint i = 0; i < problems->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != CJM_PROBLEM_NOTE)
        fail (problem->message, first);
    }

  second = cjm_xml_write (again);
  if (!g_bytes_equal (first, second))
    fail ("Saving again gave other bytes", second);

  return g_steal_pointer (&first);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) json = NULL;

  map = cjm_map_read_bytes (bytes, "fuzz.cjm", problems, &error);
  if (map == NULL)
    {
      if (error == NULL || error->domain != CJM_FORMAT_ERROR)
        abort ();
      return 0;
    }

  json = cjm_json_write (map);

  if (!looks_like_json (data, size))
    {
      written = check_round_trip (map);
    }
  else
    {
      /* What the JSON reader lets through must make a .cjm file that loads;
       * from there on, the same holds as for .cjm files. */
      g_autoptr(CjmMap) from_cjm = NULL;

      written = cjm_xml_write (map);
      from_cjm = cjm_xml_read (written, "fuzz.cjm", NULL, &error);
      if (from_cjm == NULL)
        fail (error->message, written);

      g_clear_pointer (&written, g_bytes_unref);
      written = check_round_trip (from_cjm);
    }

  return 0;
}
