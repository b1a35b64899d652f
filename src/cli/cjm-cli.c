/* cjm-cli.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-cli"

#include "config.h"

#include <string.h>

#include "cjm-cli.h"

/* STUB: to be written. */
gboolean
cjm_cli_wants_command_line (int    argc,
                            char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--validate") == 0 || strcmp (argv[i], "--export") == 0)
        return TRUE;
    }

  return FALSE;
}

int
cjm_cli_run (int    argc,
             char **argv)
{
  return 2;
}
