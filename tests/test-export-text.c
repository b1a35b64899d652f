/* test-export-text.c: texts in exports: SVG text, CSV quoting, long French
 * texts and emoji that neither overflow nor overlap
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cjm-export-private.h"
#include "cjm-render-private.h"
#include "export-support.h"
#include "font-support.h"

/* Maps with long French texts */

static const char * const long_titles[] = {
  "Compare les prix des chaussures de course à pied sur trois sites différents avant de "
  "se décider 👟",
  "« C’est où, le moins cher ? » — hésite entre la boutique du centre-ville et l’appli",
  "Réserve une paire en pointure 42,5 et l’essaie en magasin après le travail 🏃‍♀️",
  "Reçoit un e-mail de confirmation : livraison prévue jeudi, entre 8 h et 13 h",
  "Anticonstitutionnellement-long-mot-sans-espace-qui-doit-être-coupé-quelque-part",
  "Ne comprend pas la différence entre « drop », « amorti » et « stabilité » ; abandonne "
  "la page produit, revient deux jours plus tard par une publicité, compare encore, "
  "demande conseil à une amie qui court des marathons, et finit par acheter en magasin "
  "une paire qu’elle aurait pu commander en ligne trois jours plus tôt 😅",
};

static CjmMap *
make_french_map (guint n_personas)
{
  static const char * const names[] = {
    "Camille Lefèvre", "Marc-Antoine Dubois", "Zoé", "Hélène de la Rochefoucauld", "Noé 🚴",
    "Élise Château",
  };
  CjmMap *map = cjm_map_new ("map");

  cjm_map_set_title (map, "Acheter sa première paire de chaussures de course : un parcours "
                          "semé d’embûches 🏃");
  cjm_map_set_reviewed (map, "2026-11-02");
  cjm_map_set_authors (map, "Équipe expérience client · Hélène, Noël & Zoé");

  for (guint i = 0; i < n_personas; i++)
    {
      g_autofree char *id = g_strdup_printf ("persona%u", i);
      CjmPersona *persona = export_add_persona (map, id, names[i % G_N_ELEMENTS (names)]);

      cjm_persona_set_profession (persona, "Graphiste indépendante dans une petite agence");
      cjm_persona_set_quote (persona, "Je veux des chaussures qui ne font pas mal, mais chaque "
                                      "site me dit autre chose.");
    }

  export_add_stage (map, "reflexion", "Réflexion", 2);
  export_add_stage (map, "evaluation", "Évaluation des modèles et des prix", 3);
  /* One step under a long name: its stage and step headers need many lines. */
  export_add_stage (map, "achat", "Achat en magasin ou en ligne, après une longue hésitation "
                                  "entre « la boutique du quartier » et l’appli 🛍️", 1);
  export_add_lane (map, "actions", CJM_LANE_KIND_TEXT, "Actions de la cliente");
  export_add_lane (map, "site", CJM_LANE_KIND_CHANNEL,
                   "Site web, application mobile et « retrait en magasin » de la boutique du "
                   "quartier 📱");
  export_add_lane (map, "emotions", CJM_LANE_KIND_EMOTION, "Courbe des émotions");
  export_add_lane (map, "frictions", CJM_LANE_KIND_PAIN_POINTS, "Points de friction");
  export_add_lane (map, "opportunites", CJM_LANE_KIND_OPPORTUNITIES, "Opportunités");

  {
    const char * const steps[] = {
      "reflexion-step0", "reflexion-step1", "evaluation-step0", "evaluation-step1",
      "evaluation-step2", "achat-step0",
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autofree char *a = g_strdup_printf ("action%u", i);
        g_autofree char *t = g_strdup_printf ("touch%u", i);
        g_autofree char *p = g_strdup_printf ("pain%u", i);
        CjmCard *card;

        card = export_add_card (map, a, CJM_CARD_KIND_NOTE, "actions", steps[i],
                                long_titles[i % G_N_ELEMENTS (long_titles)]);
        card = export_add_card (map, t, CJM_CARD_KIND_TOUCHPOINT, "site", steps[i],
                                long_titles[(i + 2) % G_N_ELEMENTS (long_titles)]);
        cjm_card_set_presence (card, CJM_PRESENCE_ONLINE);
        cjm_card_set_direction (card, CJM_DIRECTION_INBOUND);
        cjm_card_set_department (card, CJM_DEPARTMENT_AFTER_SALES);
        if (n_personas > 0)
          {
            g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
            g_auto(GStrv) ids = NULL;

            for (guint k = 0; k < n_personas; k++)
              {
                g_autofree char *id = g_strdup_printf ("persona%u", k);

                g_strv_builder_add (builder, id);
              }
            ids = g_strv_builder_end (builder);
            cjm_card_set_persona_ids (card, (const char * const *)ids);
          }
        if (i % 2 == 0)
          {
            card = export_add_card (map, p, CJM_CARD_KIND_PAIN_POINT, "frictions", steps[i],
                                    long_titles[(i + 4) % G_N_ELEMENTS (long_titles)]);
            cjm_card_set_category (card, CJM_PAIN_CATEGORY_PRODUCTIVITY);
            cjm_card_set_severity (card, 4);
            cjm_card_set_evidence_kind (card, CJM_EVIDENCE_KIND_SOCIAL_LISTENING);
          }
        for (guint k = 0; k < n_personas; k++)
          {
            g_autofree char *persona = g_strdup_printf ("persona%u", k);

            /* Several personas at one level share a column with the
             * labels of the others: long ones wrap many lines. */
            export_add_emotion (map, persona, steps[i], ((int)(i + k) % 7) - 3,
                                k % 2 == 0 ? "Déçue, perdue dans le jargon des fiches "
                                             "techniques 😕"
                                           : "Rassuré");
          }
      }
    cjm_card_set_span (export_add_card (map, "opportunite", CJM_CARD_KIND_OPPORTUNITY,
                                        "opportunites", "evaluation-step0",
                                        "Un guide d’achat en français clair, sans jargon ✨"), 3);
  }

  return map;
}

/* A text sink that keeps where each text goes. */

typedef struct
{
  CjmRect   logical;
  CjmRect   ink;
  char     *text;
  gboolean  ellipsized;
  gboolean  word_cut;   /* a line ends inside a word */
} Text;

typedef struct
{
  CjmTextSink  parent;
  GArray      *texts;
} Collector;

static void
text_clear (gpointer data)
{
  g_free (((Text *)data)->text);
}

static CjmRect
to_rect (const CjmTextBox     *box,
         const PangoRectangle *rectangle)
{
  return (CjmRect) { box->rect.x + (double)rectangle->x / PANGO_SCALE,
                     box->rect.y + (double)rectangle->y / PANGO_SCALE,
                     (double)rectangle->width / PANGO_SCALE,
                     (double)rectangle->height / PANGO_SCALE };
}

/* Whether a line of @layout but its last ends inside a word: between two
 * letters, not after a space or a hyphen. */
static gboolean
cuts_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      gunichar before = g_utf8_get_char (g_utf8_prev_char (end));
      gunichar after = g_utf8_get_char (end);

      if (g_unichar_isalnum (before) && g_unichar_isalnum (after))
        return TRUE;
    }

  return FALSE;
}

static void
collect_cb (CjmTextSink      *sink,
            cairo_t          *cr,
            const CjmTextBox *box,
            const CjmRgba    *color,
            const CjmRgba    *halo,
            double            halo_width)
{
  Collector *collector = (Collector *)sink;
  PangoRectangle ink, logical;
  Text text;

  pango_layout_get_extents (box->layout, &ink, &logical);
  text.logical = to_rect (box, &logical);
  text.ink = to_rect (box, &ink);
  text.text = g_strdup (pango_layout_get_text (box->layout));
  text.ellipsized = pango_layout_is_ellipsized (box->layout);
  text.word_cut = cuts_a_word (box->layout);
  g_array_append_val (collector->texts, text);
}

static GArray *
collect_texts (CjmLayout *layout)
{
  Collector collector = { { collect_cb }, g_array_new (FALSE, TRUE, sizeof (Text)) };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  CjmRenderOptions options;

  g_array_set_clear_func (collector.texts, text_clear);
  cjm_render_options_init (&options);
  options.simplify_below = 0;
  options.text_sink = &collector.parent;
  cjm_render_map (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return collector.texts;
}

static gboolean
rect_inside (const CjmRect *inner,
             const CjmRect *outer)
{
  const double slack = 0.5;

  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

static gboolean
rects_overlap (const CjmRect *a,
               const CjmRect *b)
{
  const double slack = 0.5;

  return a->x + slack < b->x + b->width && b->x + slack < a->x + a->width &&
         a->y + slack < b->y + b->height && b->y + slack < a->y + a->height;
}

/* Every text of a card inside the card; no two texts over each other;
 * everything inside the image. */
static void
check_texts (CjmLayout  *layout,
             const char *what,
             gboolean    with_cards)
{
  g_autoptr(GArray) texts = collect_texts (layout);
  GListModel *cards = cjm_map_get_cards (cjm_layout_get_map (layout));
  CjmRect page = { 0, 0, 0, 0 };
  guint n_in_cards = 0;

  cjm_layout_get_size (layout, &page.width, &page.height);
  g_assert_cmpuint (texts->len, >, with_cards ? 10 : 0);

  for (guint i = 0; i < texts->len; i++)
    {
      Text *text = &g_array_index (texts, Text, i);
      double cx = text->logical.x + text->logical.width / 2;
      double cy = text->logical.y + text->logical.height / 2;

      if (!rect_inside (&text->ink, &page) || !rect_inside (&text->logical, &page))
        g_error ("%s: “%s” is outside the image", what, text->text);

      for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
        {
          g_autoptr(CjmCard) card = g_list_model_get_item (cards, c);
          CjmRect rect;

          if (!cjm_layout_get_card_rect (layout, card, &rect) || !cjm_rect_contains (&rect, cx, cy))
            continue;
          n_in_cards++;
          if (!rect_inside (&text->ink, &rect) || !rect_inside (&text->logical, &rect))
            g_error ("%s: “%s” overflows its card (%g,%g %g×%g in %g,%g %g×%g)", what, text->text,
                     text->ink.x, text->ink.y, text->ink.width, text->ink.height,
                     rect.x, rect.y, rect.width, rect.height);
        }

      for (guint j = i + 1; j < texts->len; j++)
        {
          Text *other = &g_array_index (texts, Text, j);

          if (rects_overlap (&text->logical, &other->logical))
            g_error ("%s: “%s” and “%s” overlap", what, text->text, other->text);
        }
    }

  if (with_cards)
    g_assert_cmpuint (n_in_cards, >, 0);
}

/* Exports show every text whole: no card is truncated, no text is cut by
 * an ellipsis, no word of a lane header is cut over two lines, every text
 * of a stage, step or lane header, of a band or of an emotion lane's cell
 * (labels and moment tags) lies inside it, and no two cards are over each
 * other. */
static void
check_whole_texts (CjmLayout  *layout,
                   const char *what,
                   gboolean    with_cards)
{
  g_autoptr(GArray) texts = collect_texts (layout);
  g_autoptr(GArray) card_rects = g_array_new (FALSE, FALSE, sizeof (CjmRect));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (CjmRect));
  CjmMap *map = cjm_layout_get_map (layout);
  GListModel *cards = cjm_map_get_cards (map);
  GListModel *stages = cjm_map_get_stages (map);
  const CjmLayoutBands bands[] = {
    CJM_LAYOUT_BAND_HEADER, CJM_LAYOUT_BAND_PERSONAS, CJM_LAYOUT_BAND_LEGEND,
  };
  CjmRect rect;
  guint n_points = 0;

  g_assert_true (cjm_layout_get_full_texts (layout));

  for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, c);

      if (!cjm_layout_get_card_rect (layout, card, &rect))
        continue;
      if (cjm_layout_get_card_truncated (layout, card))
        g_error ("%s: the card “%s” is truncated", what, cjm_card_get_title (card));
      for (guint j = 0; j < card_rects->len; j++)
        if (rects_overlap (&rect, &g_array_index (card_rects, CjmRect, j)))
          g_error ("%s: the card “%s” is over another", what, cjm_card_get_title (card));
      g_array_append_val (card_rects, rect);
    }
  if (with_cards)
    g_assert_cmpuint (card_rects->len, >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);

      if (cjm_layout_get_stage_rect (layout, stage, &rect))
        g_array_append_val (frames, rect);
    }
  for (guint c = 0; cjm_layout_get_step_rect (layout, c, &rect); c++)
    g_array_append_val (frames, rect);
  for (guint l = 0; cjm_layout_get_lane_header_rect (layout, l, &rect); l++)
    g_array_append_val (frames, rect);
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    if (cjm_layout_get_band_rect (layout, bands[b], &rect))
      g_array_append_val (frames, rect);
  /* With no point, a placeholder spans the lane's cells. */
  if (cjm_layout_get_emotion_points (layout, &n_points) != NULL && n_points > 0)
    for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
      for (guint c = 0; cjm_lane_get_kind (cjm_layout_get_lane (layout, l)) ==
                       CJM_LANE_KIND_EMOTION &&
                       cjm_layout_get_cell_rect (layout, l, c, &rect); c++)
        g_array_append_val (frames, rect);

  for (guint i = 0; i < texts->len; i++)
    {
      Text *text = &g_array_index (texts, Text, i);
      double cx = text->logical.x + text->logical.width / 2;
      double cy = text->logical.y + text->logical.height / 2;

      if (text->ellipsized)
        g_error ("%s: “%s” is cut by an ellipsis", what, text->text);

      /* Lane names are short words: none is cut over two lines (the test
       * map's 80-letter word is in cards, which may). */
      for (guint l = 0; text->word_cut && cjm_layout_get_lane_header_rect (layout, l, &rect); l++)
        if (cjm_rect_contains (&rect, cx, cy))
          g_error ("%s: a word of “%s” is cut over two lines", what, text->text);

      for (guint f = 0; f < frames->len; f++)
        {
          const CjmRect *frame = &g_array_index (frames, CjmRect, f);

          if (cjm_rect_contains (frame, cx, cy) &&
              (!rect_inside (&text->ink, frame) || !rect_inside (&text->logical, frame)))
            g_error ("%s: “%s” overflows its box (%g,%g %g×%g in %g,%g %g×%g)", what,
                     text->text, text->logical.x, text->logical.y, text->logical.width,
                     text->logical.height, frame->x, frame->y, frame->width, frame->height);
        }
    }
}

static char *
look_folder (void)
{
  char *folder = g_test_build_filename (G_TEST_BUILT, "export-look", NULL);

  g_mkdir_with_parents (folder, 0755);

  return folder;
}

static void
export_to (CjmMap                 *map,
           const CjmExportOptions *options,
           const char             *folder,
           const char             *name)
{
  g_autoptr(GFile) file = export_file_in (folder, name);
  g_autoptr(GError) error = NULL;

  cjm_export_to_file (map, options, file, NULL, &error);
  g_assert_no_error (error);
}

static void
test_long_french_texts (void)
{
  g_autofree char *folder = look_folder ();
  const guint persona_counts[] = { 0, 1, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (persona_counts); i++)
    {
      g_autoptr(CjmMap) map = make_french_map (persona_counts[i]);
      g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
      g_autoptr(CjmLayout) layout = NULL;
      g_autoptr(CjmLayout) canvas = NULL;
      g_autoptr(GPtrArray) sheets = NULL;
      g_autofree char *what = g_strdup_printf ("French map, %u personas", persona_counts[i]);
      g_autofree char *name = NULL;

      options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;

      /* On the canvas, the longest titles are cut by an ellipsis after a
       * few lines (a tooltip shows them whole)... */
      canvas = cjm_layout_new (map);
      cjm_layout_set_bands (canvas, options->bands);
      g_assert_false (cjm_layout_get_full_texts (canvas));
      g_assert_true (cjm_layout_get_card_truncated (canvas, cjm_map_lookup_typed (map, "action5",
                                                                                  CJM_TYPE_CARD)));
      check_texts (canvas, what, TRUE);

      /* ...but an export shows every text whole: cards and headers grow. */
      layout = cjm_export_create_layout (map, options, NULL);
      check_texts (layout, what, TRUE);
      check_whole_texts (layout, what, TRUE);
      {
        CjmRect cut, whole;

        g_assert_true (cjm_layout_get_card_rect (canvas, cjm_map_lookup_typed (map, "action5",
                                                                               CJM_TYPE_CARD),
                                                 &cut));
        g_assert_true (cjm_layout_get_card_rect (layout, cjm_map_lookup_typed (map, "action5",
                                                                               CJM_TYPE_CARD),
                                                 &whole));
        g_assert_cmpfloat (whole.height, >, cut.height);
      }

      /* Larger text, as on slides, and the slides themselves. */
      cjm_layout_set_text_scale (layout, 2.0);
      check_texts (layout, what, TRUE);
      check_whole_texts (layout, what, TRUE);
      options->slides = CJM_EXPORT_SLIDES_BY_STAGE;
      sheets = _cjm_export_plan_sheets (map, options, NULL);
      for (guint s = 0; s < sheets->len; s++)
        {
          CjmLayout *sheet_layout = ((CjmExportSheet *)g_ptr_array_index (sheets, s))->layout;

          check_texts (sheet_layout, what, FALSE);
          check_whole_texts (sheet_layout, what, FALSE);
        }
      g_clear_pointer (&sheets, g_ptr_array_unref);

      /* Printed pages. */
      options->slides = CJM_EXPORT_SLIDES_NONE;
      options->format = CJM_EXPORT_FORMAT_PDF;
      options->page = CJM_EXPORT_PAGE_A4_LANDSCAPE;
      sheets = _cjm_export_plan_sheets (map, options, NULL);
      for (guint s = 0; s < sheets->len; s++)
        {
          CjmLayout *sheet_layout = ((CjmExportSheet *)g_ptr_array_index (sheets, s))->layout;

          check_texts (sheet_layout, what, FALSE);
          check_whole_texts (sheet_layout, what, FALSE);
        }
      options->format = CJM_EXPORT_FORMAT_PNG;
      options->page = CJM_EXPORT_PAGE_WHOLE_MAP;

      /* Pictures to look at: build/tests/export-look/. */
      options->slides = CJM_EXPORT_SLIDES_NONE;
      options->scale = 2;
      name = g_strdup_printf ("french-%u-personas.png", persona_counts[i]);
      export_to (map, options, folder, name);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("french-%u-personas.svg", persona_counts[i]);
      options->format = CJM_EXPORT_FORMAT_SVG;
      export_to (map, options, folder, name);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("french-%u-personas-slides.png", persona_counts[i]);
      options->format = CJM_EXPORT_FORMAT_PNG;
      options->scale = 1;
      options->slides = CJM_EXPORT_SLIDES_BY_STAGE;
      export_to (map, options, folder, name);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("french-%u-personas-a4.pdf", persona_counts[i]);
      options->format = CJM_EXPORT_FORMAT_PDF;
      options->slides = CJM_EXPORT_SLIDES_NONE;
      options->page = CJM_EXPORT_PAGE_A4_LANDSCAPE;
      export_to (map, options, folder, name);
    }
}

/* SVG: text as text */

static char *
export_svg_text (CjmMap *map)
{
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_SVG);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;
  cjm_export_to_stream (map, options, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_svg_text (void)
{
  g_autoptr(CjmMap) map = make_french_map (2);
  g_autofree char *svg = NULL;
  xmlDocPtr doc;

  cjm_card_set_title (cjm_map_lookup_typed (map, "touch0", CJM_TYPE_CARD),
                      "Fish & chips <ce soir> \"à emporter\"\x01 l’été");
  svg = export_svg_text (map);

  /* Well-formed, with the control character left out. */
  doc = xmlReadMemory (svg, strlen (svg), "export.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_nonnull (strstr (svg, ">Fish &amp; chips &lt;ce soir&gt; "));
  g_assert_nonnull (strstr (svg, "emporter&quot; l’été</tspan>"));
  g_assert_null (strchr (svg, '\x01'));

  /* Named fonts: Cantarell for the text, the emoji font for emoji. */
  g_assert_nonnull (strstr (svg, "<text xml:space=\"preserve\" "
                                 "font-family=\"Cantarell, sans-serif\" font-size=\"14\""));
  g_assert_nonnull (strstr (svg, "font-weight=\"700\""));
  g_assert_nonnull (strstr (svg, "<tspan font-family=\"'Noto Color Emoji'\">👟</tspan>"));

  /* The longest title is written whole, down to its last emoji, with no
   * ellipsis: exports show every text whole. */
  g_assert_nonnull (strstr (svg, "<tspan font-family=\"'Noto Color Emoji'\">😅</tspan>"));
  g_assert_null (strstr (svg, "commander…"));

  /* The emotion labels keep their halo under the letters. */
  g_assert_nonnull (strstr (svg, "paint-order=\"stroke\""));

  /* The map's title as the document's. */
  g_assert_nonnull (strstr (svg, "<title>Acheter sa première paire"));

  /* No glyph outlines. */
  g_assert_null (strstr (svg, "<symbol"));
  g_assert_null (strstr (svg, "glyph"));
}

static void
test_svg_like_png (void)
{
  static const char * const tools[] = { "xmllint", "rsvg-convert", NULL };
  g_autoptr(CjmMap) map = make_french_map (3);
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  g_autofree char *folder = NULL;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *rsvg = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *ours, *theirs;
  double different;

  if (!export_have_tools (tools))
    return;

  folder = export_make_tmp_dir ();
  png = g_build_filename (folder, "map.png", NULL);
  svg = g_build_filename (folder, "map.svg", NULL);
  rsvg = g_build_filename (folder, "rsvg.png", NULL);

  /* Transparent, to check that too. */
  options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;
  options->transparent = TRUE;
  export_to (map, options, folder, "map.png");
  options->format = CJM_EXPORT_FORMAT_SVG;
  export_to (map, options, folder, "map.svg");

  out = export_run_tool ((const char *[]) { "xmllint", "--noout", svg, NULL }, &error);
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  out = export_run_tool ((const char *[]) { "rsvg-convert", "-o", rsvg, svg, NULL }, &error);
  g_assert_no_error (error);

  ours = export_load_png (png);
  theirs = export_load_png (rsvg);
  different = export_compare_images (ours, theirs, 64);
  g_test_message ("%.3f %% of the pixels differ", different * 100);
  g_assert_cmpfloat (different, <=, 0.015);
  cairo_surface_flush (theirs);
  g_assert_cmphex (*(guint32 *)(gpointer)cairo_image_surface_get_data (theirs) >> 24, ==, 0);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);

  export_remove_dir (folder);
}

/* CSV */

static void
test_csv_quoting (void)
{
  static const char * const titles[] = {
    "Prix, délais et \"frais cachés\"",
    "Première ligne\nDeuxième ligne\r\nTroisième",
    "Économie d’énergie 👟 — « œuvre » ñ ß",
    "=HYPERLINK(\"http://exemple.org\",\"clic\")",
    "-10 % sur le site",
    "@SUM(A1:A2)",
    "Simple",
  };
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_CSV);
  CjmCard *card;

  export_add_stage (map, "etape", "Étape, première", 1);
  export_add_lane (map, "site", CJM_LANE_KIND_CHANNEL, "Site \"web\"");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *id = g_strdup_printf ("card%u", i);

      card = export_add_card (map, id, CJM_CARD_KIND_TOUCHPOINT, "site", "etape-step0", titles[i]);
      cjm_card_set_description (card, "Une description\navec deux lignes, et une virgule.");
      cjm_card_set_presence (card, CJM_PRESENCE_OFFLINE);
      cjm_card_set_kpi_target (card, "3,5");
    }

  for (guint bom = 0; bom < 2; bom++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      const char *start;
      GPtrArray *header;
      guint title_column = 0, stage_column = 0, lane_column = 0, presence_column = 0;

      options->csv_bom = bom;
      bytes = cjm_export_csv_table (map, options, CJM_EXPORT_TABLE_TOUCHPOINTS, &error);
      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpint (g_str_has_prefix (text, "\xef\xbb\xbf"), ==, bom);
      start = bom ? text + 3 : text;
      g_assert_true (g_str_has_prefix (start, "id,stage,step,span,lane,channel,title,"));

      rows = export_parse_csv (start, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (titles) + 1);
      header = g_ptr_array_index (rows, 0);
      for (guint c = 0; c < header->len; c++)
        {
          const char *name = g_ptr_array_index (header, c);

          if (g_str_equal (name, "title"))
            title_column = c;
          else if (g_str_equal (name, "stage"))
            stage_column = c;
          else if (g_str_equal (name, "lane"))
            lane_column = c;
          else if (g_str_equal (name, "presence"))
            presence_column = c;
        }

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          GPtrArray *row = g_ptr_array_index (rows, i + 1);
          const char *title = g_ptr_array_index (row, title_column);

          g_assert_cmpuint (row->len, ==, header->len);
          /* A formula is defused with an apostrophe; everything else is as typed. */
          if (strchr ("=+-@", titles[i][0]) != NULL)
            {
              g_assert_cmpint (title[0], ==, '\'');
              g_assert_cmpstr (title + 1, ==, titles[i]);
            }
          else
            g_assert_cmpstr (title, ==, titles[i]);
          g_assert_cmpstr (g_ptr_array_index (row, stage_column), ==, "Étape, première");
          g_assert_cmpstr (g_ptr_array_index (row, lane_column), ==, "Site \"web\"");
          g_assert_cmpstr (g_ptr_array_index (row, presence_column), ==, "Offline");
          {
            g_autofree char *id = g_strdup_printf ("card%u", i);

            g_assert_cmpstr (g_ptr_array_index (row, 0), ==, id);
          }
        }
    }
}

/* Under LeakSanitizer: fontconfig 2.14 leaks a little while it parses its
 * configuration files, once per process (as in test-layout.c). */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Export/long-french-texts", test_long_french_texts);
  g_test_add_func ("/Cjm/Export/svg-text", test_svg_text);
  g_test_add_func ("/Cjm/Export/svg-like-png", test_svg_like_png);
  g_test_add_func ("/Cjm/Export/csv-quoting", test_csv_quoting);

  status = g_test_run ();

  font_support_release ();
  xmlCleanupParser ();

  return status;
}
