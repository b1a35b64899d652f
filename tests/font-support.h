/* font-support.h: letting go of the fonts at the end of a test program
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void font_support_release (void);

G_END_DECLS
