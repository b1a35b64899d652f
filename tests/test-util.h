/* test-util.h: what the tests of the file formats and of shared files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-core.h"

G_BEGIN_DECLS

/* Building maps */
void    test_util_add                 (CjmMap   *map,
                                       gpointer  element);
CjmMap *test_util_build_full_map      (void) G_GNUC_WARN_UNUSED_RESULT;

/* Comparing them */
char   *test_util_bytes_to_string     (GBytes   *bytes) G_GNUC_WARN_UNUSED_RESULT;
void    test_util_assert_bytes_equal  (GBytes   *a,
                                       GBytes   *b);
void    test_util_assert_maps_equal   (CjmMap   *a,
                                       CjmMap   *b);

/* What a reader found */
gboolean test_util_has_problem        (GPtrArray          *problems,
                                       CjmProblemSeverity  severity,
                                       int                 line,
                                       const char         *part);
void     test_util_print_problems     (GPtrArray          *problems,
                                       const char         *file_name);

/* Files: removes a folder and all it holds */
void     test_util_remove_tree        (const char         *path);

G_END_DECLS
