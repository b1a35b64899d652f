/* cjm-preferences-window.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CJM_TYPE_PREFERENCES_WINDOW (cjm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CjmPreferencesWindow, cjm_preferences_window, CJM, PREFERENCES_WINDOW, AdwPreferencesWindow)

CjmPreferencesWindow *cjm_preferences_window_new  (GtkWindow *transient_for,
                                                   GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;
void                  cjm_preferences_follow_style (GSettings *settings);

G_END_DECLS
