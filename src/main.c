/* main.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cjm-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Validating and exporting need no display: they never touch GTK. */
  if (cjm_cli_wants_command_line (argc, argv))
    return cjm_cli_run (argc, argv);

  g_printerr ("%s\n", _("This build has no graphical interface; see --help."));
  return 1;
}
