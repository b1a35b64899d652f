/* cjm-clipboard.h: cards as bytes, for the clipboard between processes
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-types.h"

G_BEGIN_DECLS

/* The MIME type of copied cards on the clipboard: a small .cjm document
 * holding the cards, the connections between them, and what they stand
 * in (the stages, steps and lanes of their map, the personas they name). */
#define CJM_CLIPBOARD_CARDS_MIME_TYPE "application/x-journey-mapper-cards"

GBytes   *cjm_clipboard_write_cards (CjmMap      *map,
                                     GPtrArray   *cards) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cjm_clipboard_read_cards  (GBytes      *bytes,
                                     GPtrArray  **cards,
                                     GPtrArray  **connections,
                                     GError     **error);

G_END_DECLS
