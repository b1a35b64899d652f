/* cjm-render-palette.c: the colours of the renderer's themes
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-render"

#include "config.h"

#include "cjm-card.h"
#include "cjm-persona.h"
#include "cjm-render-private.h"
#include "cjm-stage.h"

/* The GNOME palette (https://developer.gnome.org/hig/reference/palette.html)
 * and libadwaita's named colours, light and dark. */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

static const CjmPalette light_palette = {
  .background = RGB (0xffffff),
  .stripe = RGBA (0x000000, 0.022),
  .header = RGBA (0x000000, 0.045),
  .foreground = RGBA (0x000000, 0.8),
  .dim = RGBA (0x000000, 0.55),
  .grid = RGBA (0x000000, 0.07),
  .grid_strong = RGBA (0x000000, 0.15),
  .card = RGB (0xffffff),
  .shadow = RGBA (0x000000, 0.07),
  .accent = RGB (0x3584e4),
  .connection = RGB (0x77767b),
  .face_ink = RGBA (0x241f31, 0.85),
  .hues = {
    [CJM_HUE_BLUE] = RGB (0x3584e4),
    [CJM_HUE_GREEN] = RGB (0x2ec27e),
    [CJM_HUE_YELLOW] = RGB (0xe5a50a),
    [CJM_HUE_ORANGE] = RGB (0xe66100),
    [CJM_HUE_RED] = RGB (0xe01b24),
    [CJM_HUE_PURPLE] = RGB (0x9141ac),
    [CJM_HUE_BROWN] = RGB (0x986a44),
    [CJM_HUE_TEAL] = RGB (0x2190a4),
    [CJM_HUE_GREY] = RGB (0x77767b),
  },
  .levels = {
    RGB (0xe01b24), RGB (0xff7800), RGB (0xf6d32d), RGB (0xdeddda),
    RGB (0x8ff0a4), RGB (0x57e389), RGB (0x33d17a),
  },
  .card_tint = 0.07,
  .border_tint = 0.30,
  .header_tint = 0.22,
  .zone_alpha = 0.06,
  .dark = FALSE,
};

static const CjmPalette dark_palette = {
  .background = RGB (0x1e1e1e),
  .stripe = RGBA (0xffffff, 0.025),
  .header = RGBA (0xffffff, 0.06),
  .foreground = RGB (0xffffff),
  .dim = RGBA (0xffffff, 0.6),
  .grid = RGBA (0xffffff, 0.07),
  .grid_strong = RGBA (0xffffff, 0.15),
  .card = RGB (0x303030),
  .shadow = RGBA (0x000000, 0.3),
  .accent = RGB (0x78aeed),
  .connection = RGB (0x9a9996),
  .face_ink = RGBA (0x241f31, 0.9),
  .hues = {
    [CJM_HUE_BLUE] = RGB (0x62a0ea),
    [CJM_HUE_GREEN] = RGB (0x57e389),
    [CJM_HUE_YELLOW] = RGB (0xf8e45c),
    [CJM_HUE_ORANGE] = RGB (0xffa348),
    [CJM_HUE_RED] = RGB (0xf66151),
    [CJM_HUE_PURPLE] = RGB (0xc061cb),
    [CJM_HUE_BROWN] = RGB (0xcdab8f),
    [CJM_HUE_TEAL] = RGB (0x5bc8d4),
    [CJM_HUE_GREY] = RGB (0x9a9996),
  },
  .levels = {
    RGB (0xf66151), RGB (0xffa348), RGB (0xf8e45c), RGB (0xc0bfbc),
    RGB (0x8ff0a4), RGB (0x57e389), RGB (0x33d17a),
  },
  .card_tint = 0.12,
  .border_tint = 0.40,
  .header_tint = 0.30,
  .zone_alpha = 0.045,
  .dark = TRUE,
};
/* Colours for personas and stages that have none of their own. */
static const guint32 persona_hues[] = {
  0x3584e4, 0xe66100, 0x2ec27e, 0x9141ac, 0xe01b24, 0x986a44,
};
static const guint32 stage_hues[] = {
  0x62a0ea, 0x57e389, 0xffbe6f, 0xdc8add, 0xf66151, 0xcdab8f,
};

const CjmPalette *
_cjm_palette_for_theme (CjmTheme theme)
{
  return theme == CJM_THEME_DARK ? &dark_palette : &light_palette;
}

/* Colour arithmetic */

CjmRgba
_cjm_rgba_mix (const CjmRgba *base,
               const CjmRgba *color,
               double         amount)
{
  CjmRgba mixed = {
    base->red + (color->red - base->red) * amount,
    base->green + (color->green - base->green) * amount,
    base->blue + (color->blue - base->blue) * amount,
    base->alpha + (color->alpha - base->alpha) * amount,
  };

  return mixed;
}

CjmRgba
_cjm_rgba_with_alpha (const CjmRgba *color,
                      double         alpha)
{
  CjmRgba result = *color;

  result.alpha *= alpha;

  return result;
}

static CjmRgba
from_hex (guint32 hex)
{
  CjmRgba color = RGB (hex);

  return color;
}

static gboolean
parse_color (const char *text,
             CjmRgba    *color)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  *color = from_hex ((guint32)value);

  return TRUE;
}

/* Colours picked by the user, made readable on a dark background. */
static CjmRgba
user_color (const CjmPalette *palette,
            const char       *text,
            guint32           fallback)
{
  static const CjmRgba white = RGB (0xffffff);
  CjmRgba color;

  if (!parse_color (text, &color))
    color = from_hex (fallback);
  if (palette->dark)
    color = _cjm_rgba_mix (&color, &white, 0.2);

  return color;
}

CjmRgba
_cjm_palette_persona_color (const CjmPalette *palette,
                            CjmPersona       *persona,
                            guint             index)
{
  return user_color (palette, cjm_persona_get_color (persona),
                     persona_hues[index % G_N_ELEMENTS (persona_hues)]);
}

CjmRgba
_cjm_palette_stage_color (const CjmPalette *palette,
                          CjmStage         *stage,
                          guint             index)
{
  return user_color (palette, cjm_stage_get_color (stage),
                     stage_hues[index % G_N_ELEMENTS (stage_hues)]);
}

CjmHue
_cjm_pain_category_hue (CjmPainCategory category)
{
  switch (category)
    {
    case CJM_PAIN_CATEGORY_FINANCIAL:
      return CJM_HUE_ORANGE;
    case CJM_PAIN_CATEGORY_PRODUCTIVITY:
      return CJM_HUE_PURPLE;
    case CJM_PAIN_CATEGORY_PROCESS:
      return CJM_HUE_YELLOW;
    case CJM_PAIN_CATEGORY_SUPPORT:
      return CJM_HUE_BROWN;
    case CJM_PAIN_CATEGORY_UNSPECIFIED:
    default:
      return CJM_HUE_RED;
    }
}

CjmHue
_cjm_status_hue (CjmOpportunityStatus status)
{
  switch (status)
    {
    case CJM_OPPORTUNITY_STATUS_PLANNED:
      return CJM_HUE_BLUE;
    case CJM_OPPORTUNITY_STATUS_IN_PROGRESS:
      return CJM_HUE_ORANGE;
    case CJM_OPPORTUNITY_STATUS_DONE:
      return CJM_HUE_GREEN;
    case CJM_OPPORTUNITY_STATUS_IDEA:
    default:
      return CJM_HUE_YELLOW;
    }
}

CjmHue
_cjm_card_hue (CjmCard *card)
{
  switch (cjm_card_get_kind (card))
    {
    case CJM_CARD_KIND_TOUCHPOINT:
      return CJM_HUE_BLUE;
    case CJM_CARD_KIND_NOTE:
      return CJM_HUE_YELLOW;
    case CJM_CARD_KIND_PAIN_POINT:
      return _cjm_pain_category_hue (cjm_card_get_category (card));
    case CJM_CARD_KIND_OPPORTUNITY:
      return _cjm_status_hue (cjm_card_get_status (card));
    case CJM_CARD_KIND_METRIC:
      return CJM_HUE_TEAL;
    case CJM_CARD_KIND_BACKSTAGE:
    default:
      return CJM_HUE_GREY;
    }
}

CjmHue
_cjm_icon_hue (CjmIcon icon)
{
  switch (icon)
    {
    case CJM_ICON_WEBSITE:
    case CJM_ICON_MOBILE_APP:
    case CJM_ICON_SOCIAL_NETWORK:
    case CJM_ICON_STORE:
    case CJM_ICON_CALL_CENTRE:
    case CJM_ICON_EMAIL:
    case CJM_ICON_LIVE_CHAT:
    case CJM_ICON_EVENT:
    case CJM_ICON_DEMO:
    case CJM_ICON_SALES_CALL:
    case CJM_ICON_CHANNEL:
      return CJM_HUE_BLUE;
    case CJM_ICON_EMOTION:
      return CJM_HUE_YELLOW;
    case CJM_ICON_PAIN_POINTS:
      return CJM_HUE_RED;
    case CJM_ICON_OPPORTUNITIES:
      return CJM_HUE_GREEN;
    case CJM_ICON_METRICS:
      return CJM_HUE_TEAL;
    case CJM_ICON_TEXT:
    case CJM_ICON_ACTIONS:
    case CJM_ICON_THOUGHTS:
    case CJM_ICON_QUOTES:
      return CJM_HUE_PURPLE;
    case CJM_ICON_BACKSTAGE:
    case CJM_ICON_NONE:
    default:
      return CJM_HUE_GREY;
    }
}
