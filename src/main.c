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

#ifdef HAVE_GUI
# include "cjm-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  const char *localedir;

  setlocale (LC_ALL, "");

  /* Run from the build tree (build-aux/run-app), the translations are
   * there rather than where they will be installed. */
  localedir = g_getenv ("CJM_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Validating and exporting need no display: they never touch GTK. */
  if (cjm_cli_wants_command_line (argc, argv))
    return cjm_cli_run (argc, argv);

#ifdef HAVE_GUI
  {
    g_autoptr(CjmApplication) app = NULL;

    g_set_application_name (_("Journey Mapper"));
    app = cjm_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr ("%s\n", _("This build has no graphical interface; see --help."));
  return 1;
#endif
}
