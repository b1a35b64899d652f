/* cjm-layout-bands.c: the bands a layout adds for exports: title, personas, legend
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-layout-private.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-stage.h"
#include "cjm-step.h"

/* Bands */

static char *
format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);

  /* Translators: a date as g_date_time_format() writes it, e.g. "2 November 2026" */
  return g_date_time_format (date, C_("date", "%-d %B %Y"));
}

double
_cjm_layout_title_band (CjmLayout *self,
                   double     top)
{
  double width = self->width - 2 * MARGIN;
  const char *title = cjm_map_get_title (self->map);
  const char *start = cjm_map_get_scope_start (self->map);
  const char *end = cjm_map_get_scope_end (self->map);
  g_autofree char *reviewed = format_date (cjm_map_get_reviewed (self->map));
  g_autofree char *created = format_date (cjm_map_get_created (self->map));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  double height;

  if (reviewed != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Reviewed on %s"), reviewed));
  else if (created != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Created on %s"), created));
  if (start != NULL && end != NULL)
    /* Translators: the scope of the journey, where it starts and where it ends */
    g_ptr_array_add (parts, g_strdup_printf (_("From “%s” to “%s”"), start, end));
  if (cjm_map_get_authors (self->map) != NULL)
    g_ptr_array_add (parts, g_strdup (cjm_map_get_authors (self->map)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  self->band_title = _cjm_layout_measure (self, CJM_TEXT_BAND_TITLE,
                                          title != NULL ? title : _("Untitled journey map"),
                                          width, _cjm_layout_max_lines (self, 2),
                                          PANGO_ALIGN_LEFT);
  self->band_subtitle = _cjm_layout_measure (self, CJM_TEXT_BAND_SUBTITLE, subtitle, width,
                                             _cjm_layout_max_lines (self, 2), PANGO_ALIGN_LEFT);
  _cjm_text_box_move (&self->band_title, MARGIN, top);
  _cjm_text_box_move (&self->band_subtitle, MARGIN, top + self->band_title.rect.height + 4);

  height = self->band_title.rect.height +
           (self->band_subtitle.layout != NULL ? 4 + self->band_subtitle.rect.height : 0);
  self->band_rects[0] = _cjm_rect_make (MARGIN, top, width, ceil (height));

  return ceil (height);
}

static char *
initials_of (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (name == NULL)
    return NULL;

  words = g_strsplit_set (name, " -", -1);
  for (guint i = 0; words[i] != NULL && g_utf8_strlen (initials->str, -1) < 2; i++)
    {
      gunichar c = g_utf8_get_char_validated (words[i], -1);

      if (c == 0 || c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (c));
    }

  return initials->len > 0 ? g_string_free (g_steal_pointer (&initials), FALSE) : NULL;
}

double
_cjm_layout_persona_band (CjmLayout *self,
                     double     top)
{
  double right = self->width - MARGIN;
  double box_width = _cjm_layout_widened (self, PERSONA_WIDTH);
  double pad = _cjm_layout_scaled (self, 12);
  double avatar = _cjm_layout_scaled (self, AVATAR_SIZE);
  double x = MARGIN, y = top, row_height = 0;

  for (guint i = 0; i < self->shown_personas->len; i++)
    {
      CjmPersona *persona = g_ptr_array_index (self->shown_personas, i);
      double text_x, text_width, height;
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *initials = initials_of (cjm_persona_get_name (persona));
      CjmPersonaBox box = { 0 };

      if (x > MARGIN && x + box_width > right)
        {
          x = MARGIN;
          y += row_height + 12;
          row_height = 0;
        }

      box.persona = persona;
      box.persona_index = g_array_index (self->shown_persona_indices, guint, i);
      box.avatar = _cjm_rect_make (x + pad, y + pad, avatar, avatar);
      text_x = box.avatar.x + avatar + pad;
      text_width = x + box_width - pad - text_x;

      if (cjm_persona_get_profession (persona) != NULL)
        g_string_append (details, cjm_persona_get_profession (persona));
      if (cjm_persona_get_quote (persona) != NULL)
        {
          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: a persona's quote, in quotation marks */
          g_string_append_printf (details, _("“%s”"), cjm_persona_get_quote (persona));
        }

      box.initials = _cjm_layout_measure (self, CJM_TEXT_AVATAR, initials, -1, 0, PANGO_ALIGN_LEFT);
      _cjm_text_box_move (&box.initials, box.avatar.x + (avatar - box.initials.rect.width) / 2,
                          box.avatar.y + (avatar - box.initials.rect.height) / 2);
      box.name = _cjm_layout_measure (self, CJM_TEXT_PERSONA_NAME,
                                      cjm_persona_get_name (persona) != NULL
                                      ? cjm_persona_get_name (persona) : _("Unnamed persona"),
                                      text_width, _cjm_layout_max_lines (self, 1),
                                      PANGO_ALIGN_LEFT);
      _cjm_text_box_move (&box.name, text_x, y + pad);
      box.details = _cjm_layout_measure (self, CJM_TEXT_PERSONA_TEXT, details->str, text_width,
                                         _cjm_layout_max_lines (self, 4), PANGO_ALIGN_LEFT);
      _cjm_text_box_move (&box.details, text_x, y + pad + box.name.rect.height + 2);

      height = 2 * pad + MAX (avatar, box.name.rect.height + 2 + box.details.rect.height);
      box.rect = _cjm_rect_make (x, y, box_width, ceil (height));
      row_height = MAX (row_height, box.rect.height);
      x += box_width + 12;

      g_array_append_val (self->persona_boxes, box);
    }

  /* Every box of a row as tall as the tallest: it reads as a row of cards. */
  for (guint i = 0; i < self->persona_boxes->len; i++)
    {
      CjmPersonaBox *box = &g_array_index (self->persona_boxes, CjmPersonaBox, i);

      if (box->rect.y == y)
        box->rect.height = row_height;
    }

  if (self->persona_boxes->len == 0)
    return 0;

  self->band_rects[1] = _cjm_rect_make (MARGIN, top, right - MARGIN, y + row_height - top);

  return self->band_rects[1].height;
}

static void
legend_add (CjmLayout     *self,
            GArray        *group,
            CjmLegendKind  kind,
            int            value,
            const char    *text)
{
  CjmLegendItem item = { 0 };

  item.kind = kind;
  item.value = value;
  item.text = _cjm_layout_measure (self,
                                   kind == CJM_LEGEND_HEADING ? CJM_TEXT_LEGEND_HEADING
                                                              : CJM_TEXT_LEGEND,
                                   text, -1, 0, PANGO_ALIGN_LEFT);
  g_array_append_val (group, item);
}

/* Flows the group's items down a column at @x, @y; returns its width. */
static double
legend_place_group (CjmLayout *self,
                    GArray    *group,
                    double     x,
                    double     y,
                    double    *height)
{
  double swatch = _cjm_layout_scaled (self, 18);
  double width = 0;
  double y0 = y;

  for (guint i = 0; i < group->len; i++)
    {
      CjmLegendItem *item = &g_array_index (group, CjmLegendItem, i);

      if (item->kind == CJM_LEGEND_HEADING)
        {
          _cjm_text_box_move (&item->text, x, y);
          width = MAX (width, item->text.rect.width);
          y += item->text.rect.height + 8;
          continue;
        }

      item->swatch = _cjm_rect_make (x, y, swatch, swatch);
      _cjm_text_box_move (&item->text, x + swatch + 8, y + (swatch - item->text.rect.height) / 2);
      width = MAX (width, swatch + 8 + item->text.rect.width);
      y += MAX (swatch, item->text.rect.height) + 6;
    }

  *height = y - y0;

  return width;
}

double
_cjm_layout_legend_band (CjmLayout *self,
                    double     top)
{
  g_autoptr(GArray) lanes = g_array_new (FALSE, TRUE, sizeof (CjmLegendItem));
  g_autoptr(GArray) pains = g_array_new (FALSE, TRUE, sizeof (CjmLegendItem));
  g_autoptr(GArray) statuses = g_array_new (FALSE, TRUE, sizeof (CjmLegendItem));
  g_autoptr(GArray) emotions = g_array_new (FALSE, TRUE, sizeof (CjmLegendItem));
  GArray *groups[] = { lanes, pains, statuses, emotions };
  guint icons_seen = 0;
  gboolean any_pain = FALSE, any_opportunity = FALSE, any_emotion = FALSE;
  double right = self->width - MARGIN;
  double x = MARGIN, y = top, row_height = 0;

  legend_add (self, lanes, CJM_LEGEND_HEADING, 0, C_("legend", "Lanes"));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, i);
      CjmLaneKind kind = cjm_lane_get_kind (lane->lane);

      any_pain |= kind == CJM_LANE_KIND_PAIN_POINTS;
      any_opportunity |= kind == CJM_LANE_KIND_OPPORTUNITIES;
      any_emotion |= lane->is_emotion;
      if (icons_seen & (1u << lane->icon))
        continue;
      icons_seen |= 1u << lane->icon;
      legend_add (self, lanes, CJM_LEGEND_LANE, lane->icon, cjm_labels_get_lane_kind (lane->lane));
    }
  for (guint i = 0; i < self->cards->len; i++)
    {
      CjmCardKind kind = cjm_card_get_kind (g_array_index (self->cards, CjmCardBox, i).card);

      any_pain |= kind == CJM_CARD_KIND_PAIN_POINT;
      any_opportunity |= kind == CJM_CARD_KIND_OPPORTUNITY;
    }

  if (any_pain)
    {
      legend_add (self, pains, CJM_LEGEND_HEADING, 0, C_("legend", "Pain points"));
      for (CjmPainCategory c = CJM_PAIN_CATEGORY_FINANCIAL; c <= CJM_PAIN_CATEGORY_SUPPORT; c++)
        legend_add (self, pains, CJM_LEGEND_PAIN_CATEGORY, c, cjm_pain_category_get_label (c));
    }
  if (any_opportunity)
    {
      legend_add (self, statuses, CJM_LEGEND_HEADING, 0, C_("legend", "Opportunities"));
      for (CjmOpportunityStatus s = CJM_OPPORTUNITY_STATUS_IDEA;
           s <= CJM_OPPORTUNITY_STATUS_DONE;
           s++)
        legend_add (self, statuses, CJM_LEGEND_STATUS, s, cjm_opportunity_status_get_label (s));
    }
  if (any_emotion)
    {
      legend_add (self, emotions, CJM_LEGEND_HEADING, 0, C_("legend", "Emotions"));
      for (int score = CJM_EMOTION_SCORE_MAX; score >= CJM_EMOTION_SCORE_MIN; score--)
        legend_add (self, emotions, CJM_LEGEND_EMOTION, score, cjm_emotion_score_get_label (score));
    }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GArray) probe = NULL;
      double width, height;

      if (groups[g]->len <= 1)
        continue;

      /* Measure where it would go; move to a new row if it does not fit. */
      probe = g_array_copy (groups[g]);
      width = legend_place_group (self, probe, x, y, &height);
      if (x > MARGIN && x + width > right)
        {
          x = MARGIN;
          y += row_height + 16;
          row_height = 0;
        }
      width = legend_place_group (self, groups[g], x, y, &height);
      row_height = MAX (row_height, height);
      x += width + _cjm_layout_scaled (self, 48);
      g_array_append_vals (self->legend_items, groups[g]->data, groups[g]->len);
    }

  if (self->legend_items->len == 0)
    return 0;

  self->band_rects[2] = _cjm_rect_make (MARGIN, top, right - MARGIN, ceil (y + row_height - top));

  return self->band_rects[2].height;
}
