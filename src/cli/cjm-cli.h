/* cjm-cli.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cjm_cli_wants_command_line (int    argc,
                                     char **argv);
int      cjm_cli_run                (int    argc,
                                     char **argv);

G_END_DECLS
