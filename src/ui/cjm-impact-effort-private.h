/* cjm-impact-effort-private.h: the matrix's geometry, for the tests
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-impact-effort.h"

G_BEGIN_DECLS

/* Where a rating goes in the plot, as fractions of its width and height
 * from its top left corner: effort grows to the right, impact upwards.
 * Returns %FALSE (and places nothing) if impact or effort is not rated. */
gboolean  _cjm_impact_effort_place (int              impact,
                                    int              effort,
                                    double          *x,
                                    double          *y);
/* The rectangle of the plot inside the widget, in widget coordinates. */
void      _cjm_impact_effort_get_plot (CjmImpactEffort *self,
                                       graphene_rect_t *plot);
/* The opportunity whose dot is at (@x, @y) in widget coordinates, or %NULL. */
CjmCard  *_cjm_impact_effort_pick  (CjmImpactEffort *self,
                                    double           x,
                                    double           y);
/* Where the dot of @card is drawn, in widget coordinates. */
gboolean  _cjm_impact_effort_get_dot (CjmImpactEffort *self,
                                      CjmCard         *card,
                                      double          *x,
                                      double          *y);

G_END_DECLS
