/* cjm-pain-point-row.c: the rows of the pain-point panel's lists
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-pain-point-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cjm-pain-point-row-private.h"
#include "cjm-render-private.h"

/* A row shows a card: its title; a tag, coloured in the canvas's hue of
 * its category (pain points) or status (opportunities); its ratings; for
 * an opportunity, its owner and how many pain points it answers; where it
 * is on the map. The factory keeps the rows it has bound, to fill them
 * again when the map changes. */

typedef struct
{
  CjmCardKind               kind;
  CjmPainPointRowWhereFunc  where_func;
  gpointer                  user_data;
  GPtrArray                *bound;     /* the GtkListItems showing a card */
} Rows;

typedef struct
{
  GtkWidget *title;
  GtkWidget *tag;
  GtkWidget *tag_icon;
  GtkWidget *tag_label;
  GtkWidget *rating;
  GtkWidget *detail;
  GtkWidget *where;
} Row;

/* Colours: the tags of categories and statuses, in the canvas's hues */

static const char *
category_css_class (CjmPainCategory category)
{
  switch (category)
    {
    case CJM_PAIN_CATEGORY_FINANCIAL:
      return "financial";
    case CJM_PAIN_CATEGORY_PRODUCTIVITY:
      return "productivity";
    case CJM_PAIN_CATEGORY_PROCESS:
      return "process";
    case CJM_PAIN_CATEGORY_SUPPORT:
      return "support";
    case CJM_PAIN_CATEGORY_UNSPECIFIED:
    default:
      return "uncategorised";
    }
}

static const char *
status_css_class (CjmOpportunityStatus status)
{
  switch (status)
    {
    case CJM_OPPORTUNITY_STATUS_PLANNED:
      return "planned";
    case CJM_OPPORTUNITY_STATUS_IN_PROGRESS:
      return "in-progress";
    case CJM_OPPORTUNITY_STATUS_DONE:
      return "done";
    case CJM_OPPORTUNITY_STATUS_IDEA:
    default:
      return "idea";
    }
}

static char *
rgba_to_css (const CjmRgba *color,
             double         alpha)
{
  char alpha_text[G_ASCII_DTOSTR_BUF_SIZE];

  /* CSS wants a dot, whatever the locale's decimal mark (“0,28” in French). */
  g_ascii_formatd (alpha_text, sizeof alpha_text, "%.2f", alpha);

  return g_strdup_printf ("rgba(%d,%d,%d,%s)",
                          (int)(color->red * 255 + 0.5), (int)(color->green * 255 + 0.5),
                          (int)(color->blue * 255 + 0.5), alpha_text);
}

static void
append_tag_css (GString          *css,
                const CjmPalette *palette,
                const char       *css_class,
                CjmHue            hue)
{
  g_autofree char *fill = rgba_to_css (&palette->hues[hue], palette->dark ? 0.28 : 0.16);
  g_autofree char *ink = rgba_to_css (&palette->hues[hue], 1.0);

  g_string_append_printf (css,
                          ".cjm-tag.%s { background-color: %s; }\n"
                          ".cjm-tag.%s image { color: %s; }\n",
                          css_class, fill, css_class, ink);
}

static void
load_tag_css (GtkCssProvider *provider)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const CjmPalette *palette = _cjm_palette_for_theme (dark ? CJM_THEME_DARK : CJM_THEME_LIGHT);
  g_autoptr(GString) css = g_string_new (".cjm-tag { border-radius: 99px; padding: 1px 8px 1px 6px; "
                                         "font-size: smaller; font-weight: bold; }\n"
                                         ".cjm-tag image { -gtk-icon-size: 12px; }\n");

  for (CjmPainCategory category = CJM_PAIN_CATEGORY_UNSPECIFIED;
       category <= CJM_PAIN_CATEGORY_SUPPORT; category++)
    append_tag_css (css, palette, category_css_class (category), _cjm_pain_category_hue (category));
  for (CjmOpportunityStatus status = CJM_OPPORTUNITY_STATUS_IDEA;
       status <= CJM_OPPORTUNITY_STATUS_DONE; status++)
    append_tag_css (css, palette, status_css_class (status), _cjm_status_hue (status));

  gtk_css_provider_load_from_data (provider, css->str, css->len);
}

static void
style_dark_cb (GtkCssProvider *provider)
{
  load_tag_css (provider);
}

static void
ensure_tag_css (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  load_tag_css (provider);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_dark_cb), provider);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Building a row, and filling it */

static GtkWidget *
caption_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Rows                     *rows)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->title, "heading");
  gtk_box_append (GTK_BOX (box), row->title);

  row->tag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (row->tag, "cjm-tag");
  gtk_widget_set_valign (row->tag, GTK_ALIGN_CENTER);
  row->tag_icon = gtk_image_new ();
  row->tag_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (row->tag), row->tag_icon);
  gtk_box_append (GTK_BOX (row->tag), row->tag_label);
  gtk_box_append (GTK_BOX (line), row->tag);

  row->rating = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->rating, "caption");
  gtk_widget_add_css_class (row->rating, "numeric");
  gtk_box_append (GTK_BOX (line), row->rating);
  gtk_box_append (GTK_BOX (box), line);

  row->detail = caption_label ();
  gtk_box_append (GTK_BOX (box), row->detail);
  row->where = caption_label ();
  gtk_box_append (GTK_BOX (box), row->where);

  g_object_set_data_full (G_OBJECT (box), "cjm-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
set_tag (Row        *row,
         const char *css_class,
         const char *icon_name,
         const char *label)
{
  const char *classes[] = { "cjm-tag", css_class, NULL };

  gtk_widget_set_css_classes (row->tag, classes);
  gtk_image_set_from_icon_name (GTK_IMAGE (row->tag_icon), icon_name);
  gtk_label_set_label (GTK_LABEL (row->tag_label), label);
}

static const char *
category_icon_name (CjmPainCategory category)
{
  switch (category)
    {
    case CJM_PAIN_CATEGORY_FINANCIAL:
      return "cjm-pain-financial-symbolic";
    case CJM_PAIN_CATEGORY_PRODUCTIVITY:
      return "cjm-pain-productivity-symbolic";
    case CJM_PAIN_CATEGORY_PROCESS:
      return "cjm-pain-process-symbolic";
    case CJM_PAIN_CATEGORY_SUPPORT:
      return "cjm-pain-support-symbolic";
    case CJM_PAIN_CATEGORY_UNSPECIFIED:
    default:
      return "cjm-lane-pain-points-symbolic";
    }
}

static void
update_row (Rows        *rows,
            GtkListItem *item)
{
  CjmCard *card = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (child), "cjm-row");
  const char *title = cjm_card_get_title (card);
  g_autofree char *where = rows->where_func (card, rows->user_data);
  g_autofree char *rating = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  if (title == NULL || title[0] == '\0')
    title = rows->kind == CJM_CARD_KIND_PAIN_POINT ? _("Untitled pain point") : _("Untitled opportunity");
  gtk_label_set_label (GTK_LABEL (row->title), title);
  gtk_widget_set_tooltip_text (row->title, title);

  if (rows->kind == CJM_CARD_KIND_PAIN_POINT)
    {
      CjmPainCategory category = cjm_card_get_category (card);
      const char *label = cjm_pain_category_get_label (category);
      int severity = cjm_card_get_severity (card);

      set_tag (row, category_css_class (category), category_icon_name (category),
               label != NULL ? label : _("No category"));
      if (severity > 0)
        /* Translators: a pain point's severity, from 1 to 5 */
        rating = g_strdup_printf (_("Severity %d/5"), severity);
      else
        rating = g_strdup (_("Severity not rated"));

      gtk_widget_set_visible (row->detail, FALSE);
      accessible = g_strdup_printf ("%s, %s, %s, %s", title,
                                    label != NULL ? label : _("No category"), rating, where);
    }
  else
    {
      CjmOpportunityStatus status = cjm_card_get_status (card);
      const char *owner = cjm_card_get_owner (card);
      const char * const *pain_ids = cjm_card_get_pain_point_ids (card);
      guint n_pains = pain_ids != NULL ? g_strv_length ((char **)pain_ids) : 0;
      int impact = cjm_card_get_impact (card);
      int effort = cjm_card_get_effort (card);
      g_autofree char *links = NULL;

      set_tag (row, status_css_class (status), "cjm-lane-opportunities-symbolic",
               cjm_opportunity_status_get_label (status));
      if (impact > 0 && effort > 0)
        /* Translators: an opportunity's impact and effort, each from 1 to 5 */
        rating = g_strdup_printf (_("Impact %d · Effort %d"), impact, effort);
      else if (impact > 0)
        rating = g_strdup_printf (_("Impact %d · Effort not rated"), impact);
      else if (effort > 0)
        rating = g_strdup_printf (_("Impact not rated · Effort %d"), effort);
      else
        rating = g_strdup (_("Impact and effort not rated"));

      links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pain point", "%u pain points", n_pains),
                               n_pains);
      if (owner != NULL && owner[0] != '\0')
        /* Translators: an opportunity's owner, then how many pain points it answers */
        detail = g_strdup_printf (_("%s · %s"), owner, links);
      else
        detail = g_steal_pointer (&links);
      gtk_label_set_label (GTK_LABEL (row->detail), detail);
      gtk_widget_set_visible (row->detail, TRUE);
      accessible = g_strdup_printf ("%s, %s, %s, %s, %s", title,
                                    cjm_opportunity_status_get_label (status), rating, detail, where);
    }

  gtk_label_set_label (GTK_LABEL (row->rating), rating);
  gtk_label_set_label (GTK_LABEL (row->where), where);
  gtk_widget_set_visible (row->where, where[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Rows                     *rows)
{
  g_ptr_array_add (rows->bound, item);
  update_row (rows, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Rows                     *rows)
{
  g_ptr_array_remove_fast (rows->bound, item);
}

static void
rows_free (gpointer data)
{
  Rows *rows = data;

  g_clear_pointer (&rows->bound, g_ptr_array_unref);
  g_free (rows);
}

/* Internal API, for the panel */

GtkListItemFactory *
_cjm_pain_point_row_factory_new (CjmCardKind               kind,
                                 CjmPainPointRowWhereFunc  where_func,
                                 gpointer                  user_data)
{
  GtkListItemFactory *factory;
  Rows *rows;

  g_return_val_if_fail (kind == CJM_CARD_KIND_PAIN_POINT || kind == CJM_CARD_KIND_OPPORTUNITY, NULL);
  g_return_val_if_fail (where_func != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  rows = g_new0 (Rows, 1);
  rows->kind = kind;
  rows->where_func = where_func;
  rows->user_data = user_data;
  rows->bound = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (factory), "cjm-rows", rows, rows_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), rows);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), rows);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), rows);

  ensure_tag_css ();

  return factory;
}

void
_cjm_pain_point_row_factory_update (GtkListItemFactory *factory)
{
  Rows *rows;

  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));

  rows = g_object_get_data (G_OBJECT (factory), "cjm-rows");
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->bound->len; i++)
    update_row (rows, g_ptr_array_index (rows->bound, i));
}
