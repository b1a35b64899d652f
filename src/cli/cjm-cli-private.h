/* cjm-cli-private.h: what the command line's files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cjm-core.h"

G_BEGIN_DECLS

/* Exit statuses, as documented in --help. */
enum
{
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

/* The export options, as typed; parsed once the format is known. */
typedef struct
{
  char     *scale;
  char     *dpi;
  char     *background;
  char     *theme;
  char     *page;
  char     *stages;
  char     *lanes;
  char     *select;
  char     *tables;
  int       slide_steps;
  gboolean  slides;
  gboolean  header;
  gboolean  personas;
  gboolean  legend;
  gboolean  bom;
} CjmCliExportArgs;

int      _cjm_cli_usage_error              (const char        *format,
                                            ...) G_GNUC_PRINTF (1, 2);
void     _cjm_cli_print_problem            (const CjmProblem  *problem,
                                            const char        *path);
void     _cjm_cli_print_file_error         (const char        *path,
                                            const GError      *error);
CjmMap  *_cjm_cli_load_map                 (const char        *path,
                                            GPtrArray         *problems,
                                            GError           **error);

void     _cjm_cli_export_add_entries       (GOptionContext    *context,
                                            CjmCliExportArgs  *args);
gboolean _cjm_cli_export_args_given        (const CjmCliExportArgs *args);
void     _cjm_cli_export_args_clear        (CjmCliExportArgs  *args);
char    *_cjm_cli_export_dup_description  (void);
int      _cjm_cli_run_export               (const char        *out_path,
                                            char             **paths,
                                            CjmCliExportArgs  *args);

G_END_DECLS
