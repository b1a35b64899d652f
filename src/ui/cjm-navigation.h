/* cjm-navigation.h: moving the keyboard focus over the map, and saying
 * what has it
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-core.h"

G_BEGIN_DECLS

/* The canvas draws its cards rather than making a widget of each (a map of
 * a thousand cards stays fast), so the keyboard focus moves between drawn
 * elements: the cards and the stage, step and lane headers. Like
 * cjm-drop.h, this knows no GTK. */

typedef enum
{
  CJM_NAVIGATE_LEFT,
  CJM_NAVIGATE_RIGHT,
  CJM_NAVIGATE_UP,
  CJM_NAVIGATE_DOWN,
  CJM_NAVIGATE_FIRST,  /* the first card: top left */
  CJM_NAVIGATE_LAST,   /* the last card: bottom right */
} CjmNavigation;

const char *cjm_navigate             (CjmLayout     *layout,
                                      const char    *from_id,
                                      CjmNavigation  direction);
const char *cjm_navigate_nearest     (CjmLayout     *layout,
                                      double         x,
                                      double         y);
gboolean    cjm_navigation_can_focus (CjmElement    *element);
char       *cjm_describe_element     (CjmMap        *map,
                                      const char    *id) G_GNUC_WARN_UNUSED_RESULT;
char       *cjm_describe_card_short  (CjmCard       *card) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
