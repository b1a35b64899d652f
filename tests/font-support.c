/* font-support.c: letting go of the fonts at the end of a test program
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "font-support.h"

/* Pango keeps a font map for the thread and cairo keeps its fonts for the
 * life of the program: LeakSanitizer would report them. The font map goes
 * only once pango's own threads let go of it (its fontconfig set-up runs
 * in one, longer on a loaded machine), and cairo's static data may be
 * reset only once no font of it is alive, so the wait: without it, cairo
 * aborted at exit now and then. The bound is for a slow machine, not a
 * timing tested. */
void
font_support_release (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (map), (gpointer *)&map);
  pango_cairo_font_map_set_default (NULL);
  while (g_atomic_pointer_get (&map) != NULL && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  cairo_debug_reset_static_data ();
}
