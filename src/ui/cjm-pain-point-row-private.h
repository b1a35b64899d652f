/* cjm-pain-point-row-private.h: the rows of the pain-point panel's lists
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-core.h"

G_BEGIN_DECLS

/* Where @card is on the map, as one line ("" if nowhere): a new string. */
typedef char *(*CjmPainPointRowWhereFunc) (CjmCard  *card,
                                           gpointer  user_data);

/* A factory of rows for the cards of @kind (CJM_CARD_KIND_PAIN_POINT or
 * CJM_CARD_KIND_OPPORTUNITY): title, a coloured tag (category or status),
 * ratings and where the card is, from @where_func. */
GtkListItemFactory *_cjm_pain_point_row_factory_new    (CjmCardKind               kind,
                                                        CjmPainPointRowWhereFunc  where_func,
                                                        gpointer                  user_data)
                                                        G_GNUC_WARN_UNUSED_RESULT;
/* Fills again every row the factory's list shows, after the cards changed. */
void                _cjm_pain_point_row_factory_update (GtkListItemFactory       *factory);

G_END_DECLS
