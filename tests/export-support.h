/* export-support.h: what the export tests share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cjm-core.h"

G_BEGIN_DECLS

/* The programs the tests check the output with (build-aux/install-deps --test). */
gboolean          export_have_tools    (const char * const *tools);
char             *export_run_tool      (const char * const *argv,
                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;

char             *export_make_tmp_dir  (void) G_GNUC_WARN_UNUSED_RESULT;
void              export_remove_dir    (const char         *path);
GFile            *export_file_in       (const char         *folder,
                                        const char         *name) G_GNUC_WARN_UNUSED_RESULT;
char             *export_read_text     (GFile              *file) G_GNUC_WARN_UNUSED_RESULT;

CjmMap           *export_load_map      (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *export_list_maps     (void) G_GNUC_WARN_UNUSED_RESULT;

cairo_surface_t  *export_load_png      (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
double            export_png_dpi       (const char         *path);
double            export_compare_images (cairo_surface_t   *a,
                                        cairo_surface_t    *b,
                                        int                 tolerance);

GPtrArray        *export_parse_csv     (const char         *text,
                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;
char             *export_normalize     (const char         *text) G_GNUC_WARN_UNUSED_RESULT;

/* Building maps */
CjmPersona       *export_add_persona   (CjmMap             *map,
                                        const char         *id,
                                        const char         *name);
CjmStage         *export_add_stage     (CjmMap             *map,
                                        const char         *id,
                                        const char         *name,
                                        guint               n_steps);
CjmLane          *export_add_lane      (CjmMap             *map,
                                        const char         *id,
                                        CjmLaneKind         kind,
                                        const char         *name);
CjmCard          *export_add_card      (CjmMap             *map,
                                        const char         *id,
                                        CjmCardKind         kind,
                                        const char         *lane_id,
                                        const char         *step_id,
                                        const char         *title);
CjmEmotion       *export_add_emotion   (CjmMap             *map,
                                        const char         *persona_id,
                                        const char         *step_id,
                                        int                 score,
                                        const char         *label);

G_END_DECLS
