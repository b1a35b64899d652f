/* cjm-bench.c: generates large maps and times loading and saving them
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench-core runs it and prints the figures beside
 * `xmllint --noout` parsing the same files.
 *
 *   cjm-bench generate N FILE   writes a map with N touchpoints
 *   cjm-bench load FILE RUNS    prints the best load time and the peak memory
 *   cjm-bench save FILE RUNS    prints the best time to write the loaded map
 *   cjm-bench parse FILE RUNS   prints the best time libxml2 takes to parse the
 *                               file into a tree and free it, as `xmllint --noout`
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <libxml/parser.h>

#include "cjm-core.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

static const char *channel_names[] = { "Website", "Mobile app", "Store", "Call centre", "E-mail" };
static const CjmChannel channels[] = {
  CJM_CHANNEL_WEBSITE, CJM_CHANNEL_MOBILE_APP, CJM_CHANNEL_STORE,
  CJM_CHANNEL_CALL_CENTRE, CJM_CHANNEL_EMAIL,
};

/* A map shaped like a big real one: 6 stages, 4 lanes of channels, cards
 * spread over the cells with real-looking texts, personas and emotions. */
static CjmMap *
generate (guint n_touchpoints)
{
  g_autoptr(CjmMap) map = cjm_map_new (NULL);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  guint n_steps = MAX (6, n_touchpoints / 40);

  cjm_map_set_title (map, "Generated benchmark map");
  cjm_map_set_description (map, "A map generated to measure loading and saving.");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CjmPersona) persona = cjm_persona_new (NULL);
      g_autofree char *name = g_strdup_printf ("Persona %u", i + 1);

      cjm_persona_set_name (persona, name);
      cjm_persona_set_quote (persona, "« Je veux comprendre avant d’acheter. »");
      cjm_persona_set_color (persona, "#3584e4");
      g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);
    }

  for (guint s = 0; s < 6; s++)
    {
      g_autoptr(CjmStage) stage = cjm_stage_new (NULL);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      cjm_stage_set_name (stage, name);
      cjm_stage_set_goal (stage, "Understand the offer and decide quickly.");

      for (guint i = s * n_steps / 6; i < (s + 1) * n_steps / 6; i++)
        {
          g_autoptr(CjmStep) step = cjm_step_new (NULL);
          g_autofree char *step_name = g_strdup_printf ("Step %u", i + 1);

          cjm_step_set_name (step, step_name);
          g_list_store_append (_cjm_stage_get_step_store (stage), step);
          g_ptr_array_add (steps, step);
        }

      g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), stage);
    }

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autoptr(CjmLane) lane = cjm_lane_new (NULL);

      cjm_lane_set_kind (lane, CJM_LANE_KIND_CHANNEL);
      cjm_lane_set_channel (lane, channels[i]);
      cjm_lane_set_name (lane, channel_names[i]);
      g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_LANE), lane);
      g_ptr_array_add (lanes, lane);
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autoptr(CjmCard) card = cjm_card_new (NULL);
      g_autofree char *title = g_strdup_printf ("Touchpoint %u: compares prices and reads reviews", i + 1);

      cjm_card_set_kind (card, CJM_CARD_KIND_TOUCHPOINT);
      cjm_card_set_lane_id (card, cjm_element_get_id (g_ptr_array_index (lanes, i % lanes->len)));
      cjm_card_set_step_id (card, cjm_element_get_id (g_ptr_array_index (steps, (i / lanes->len) % steps->len)));
      cjm_card_set_title (card, title);
      cjm_card_set_description (card, "The customer opens the site from a newsletter,\nfilters by size and price, and reads three reviews.");
      cjm_card_set_presence (card, i % 2 ? CJM_PRESENCE_ONLINE : CJM_PRESENCE_OFFLINE);
      cjm_card_set_direction (card, CJM_DIRECTION_INBOUND);
      cjm_card_set_department (card, CJM_DEPARTMENT_DIGITAL);
      cjm_card_set_kpi_name (card, "Conversion rate");
      cjm_card_set_kpi_target (card, "3.5");
      cjm_card_set_kpi_actual (card, "2.1");
      cjm_card_set_kpi_unit (card, "%");
      g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CARD), card);
    }

  return g_steal_pointer (&map);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc == 4 && g_str_equal (argv[1], "generate"))
    {
      g_autoptr(CjmMap) map = generate (atoi (argv[2]));
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[3]);

      if (!cjm_map_save (map, file, CJM_FILE_FORMAT_CJM, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (argc == 4 && (g_str_equal (argv[1], "load") || g_str_equal (argv[1], "save")))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      int runs = MAX (1, atoi (argv[3]));
      gboolean save = g_str_equal (argv[1], "save");
      g_autoptr(CjmMap) loaded = NULL;
      double best = G_MAXDOUBLE;

      if (save && !(loaded = cjm_map_load (file, NULL, NULL, &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      for (int i = 0; i < runs; i++)
        {
          double start = now_ms ();

          if (save)
            {
              g_autofree char *out_path = g_strconcat (argv[2], ".saved.cjm", NULL);
              g_autoptr(GFile) out = g_file_new_for_path (out_path);

              if (!cjm_map_save (loaded, out, CJM_FILE_FORMAT_CJM, NULL, &error))
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
            }
          else
            {
              g_autoptr(CjmMap) map = cjm_map_load (file, NULL, NULL, &error);

              if (map == NULL)
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
            }

          best = MIN (best, now_ms () - start);
        }

      g_print ("%.2f %ld\n", best, peak_rss_kib ());
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "parse"))
    {
      int runs = MAX (1, atoi (argv[3]));
      double best = G_MAXDOUBLE;

      for (int i = 0; i < runs; i++)
        {
          double start = now_ms ();
          xmlDocPtr doc = xmlReadFile (argv[2], NULL, XML_PARSE_NONET);

          if (doc == NULL)
            return 1;
          xmlFreeDoc (doc);
          best = MIN (best, now_ms () - start);
        }

      g_print ("%.2f %ld\n", best, peak_rss_kib ());
      return 0;
    }

  g_printerr ("usage: cjm-bench generate N FILE | load FILE RUNS | save FILE RUNS | parse FILE RUNS\n");
  return 2;
}
