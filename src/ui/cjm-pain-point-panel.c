/* cjm-pain-point-panel.c: the map's pain points and opportunities, as lists
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-pain-point-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cjm-element-editor.h"
#include "cjm-pain-point-panel-private.h"
#include "cjm-render-private.h"

/* Two pages, pain points and opportunities, each a list of the map's cards
 * of that kind through a filter (search, category or status) and a sorter,
 * over the map's own card list. The list and the canvas share the canvas's
 * selection: selecting a row selects its card and scrolls the map to it; a
 * card selected on the map selects its row. Below, the selected card's
 * fields, in a #CjmElementEditor. Every change goes through cjm-edit.h. */

typedef enum
{
  PAGE_PAIN_POINTS,
  PAGE_OPPORTUNITIES,
  N_PAGES
} PageIndex;

typedef struct _Page Page;

struct _Page
{
  CjmPainPointPanel  *self;
  CjmCardKind         kind;

  /* Template children */
  GtkSearchEntry     *search;
  GtkDropDown        *filter;
  GtkDropDown        *sort;
  GtkStack           *content;
  GtkListView        *list;

  GtkCustomFilter    *custom_filter;
  GtkCustomSorter    *custom_sorter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *bound;     /* the GtkListItems showing a card */
  CjmCard            *keep;      /* passes the filter while the map's changes are applied */
  guint               n_total;   /* cards of this kind in the map */
};

struct _CjmPainPointPanel
{
  GtkWidget        parent_instance;

  CjmCanvas       *canvas;
  CjmDocument     *document;
  CjmMap          *map;
  CjmSelection    *selection;
  GHashTable      *step_ranks;   /* step id → its column, from 1 */
  guint            refresh_id;

  Page             pages[N_PAGES];

  /* Template children */
  GtkPaned        *paned;
  GtkStack        *stack;
  GtkButton       *add_button;
  GtkButton       *delete_button;
  GtkToggleButton *list_toggle;
  GtkToggleButton *matrix_toggle;
  CjmImpactEffort *matrix;
  GtkLabel        *unrated_label;
  GtkStack        *editor_stack;
  AdwStatusPage   *editor_status;
  GtkBox          *editor_box;
  GtkWidget       *editor;

  guint            syncing : 1;
};

G_DEFINE_FINAL_TYPE (CjmPainPointPanel, cjm_pain_point_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (CjmPainPointPanel *self);

static Page *
page_for_kind (CjmPainPointPanel *self,
               CjmCardKind        kind)
{
  return &self->pages[kind == CJM_CARD_KIND_OPPORTUNITY ? PAGE_OPPORTUNITIES : PAGE_PAIN_POINTS];
}

/* The page one of its own widgets belongs to: its search entry, filter,
 * sort or list selection. */
static Page *
page_holding (CjmPainPointPanel *self,
              gpointer           widget)
{
  Page *opportunities = &self->pages[PAGE_OPPORTUNITIES];

  if (widget == (gpointer)opportunities->search || widget == (gpointer)opportunities->filter ||
      widget == (gpointer)opportunities->sort || widget == (gpointer)opportunities->selection)
    return opportunities;

  return &self->pages[PAGE_PAIN_POINTS];
}

static Page *
shown_page (CjmPainPointPanel *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return &self->pages[g_strcmp0 (name, "opportunities") == 0 ? PAGE_OPPORTUNITIES : PAGE_PAIN_POINTS];
}

static CjmCard *
page_get_selected (Page *page)
{
  return gtk_single_selection_get_selected_item (page->selection);
}

static CjmHistory *
get_history (CjmPainPointPanel *self)
{
  return self->document != NULL ? cjm_document_get_history (self->document) : NULL;
}

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

/* Where a card is: its stage and step */

static void
rebuild_step_ranks (CjmPainPointPanel *self)
{
  g_autoptr(GPtrArray) steps = NULL;

  g_hash_table_remove_all (self->step_ranks);
  if (self->map == NULL)
    return;

  steps = cjm_map_dup_steps (self->map);
  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (self->step_ranks,
                         g_strdup (cjm_element_get_id (g_ptr_array_index (steps, i))),
                         GUINT_TO_POINTER (i + 1));
}

static guint
step_rank (CjmPainPointPanel *self,
           CjmCard           *card)
{
  const char *step_id = cjm_card_get_step_id (card);
  guint rank = step_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->step_ranks, step_id)) : 0;

  return rank != 0 ? rank : G_MAXUINT;
}

static char *
dup_where (CjmPainPointPanel *self,
           CjmCard           *card)
{
  char *place = self->map != NULL ? cjm_labels_dup_step_place (self->map, cjm_card_get_step_id (card)) : NULL;

  return place != NULL ? place : g_strdup ("");
}

/* Filtering and sorting */

static gboolean
matches_search (Page    *page,
                CjmCard *card)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (page->search));
  const char *title = cjm_card_get_title (card);
  const char *description = cjm_card_get_description (card);

  if (text == NULL || text[0] == '\0')
    return TRUE;

  return (title != NULL && g_str_match_string (text, title, TRUE)) ||
         (description != NULL && g_str_match_string (text, description, TRUE));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  Page *page = user_data;
  CjmCard *card = item;
  guint wanted = gtk_drop_down_get_selected (page->filter);

  if (cjm_card_get_kind (card) != page->kind)
    return FALSE;
  if (card == page->keep)
    return TRUE;

  /* Position 0 is "all"; then the enumeration's values, from the first
   * after "unspecified" for categories, from the first for statuses. */
  if (wanted != 0 && wanted != GTK_INVALID_LIST_POSITION)
    {
      if (page->kind == CJM_CARD_KIND_PAIN_POINT &&
          cjm_card_get_category (card) != (CjmPainCategory)wanted)
        return FALSE;
      if (page->kind == CJM_CARD_KIND_OPPORTUNITY &&
          cjm_card_get_status (card) != (CjmOpportunityStatus)(wanted - 1))
        return FALSE;
    }

  return matches_search (page, card);
}

#define COMPARE(a, b) G_STMT_START { if ((a) != (b)) return (a) < (b) ? -1 : 1; } G_STMT_END

/* Not rated (0) after every rating */
static int
rating_or_last (int rating,
                int last)
{
  return rating > 0 ? rating : last;
}

static int
compare_titles (CjmCard *a,
                CjmCard *b)
{
  return g_utf8_collate (cjm_card_get_title (a) ? cjm_card_get_title (a) : "",
                         cjm_card_get_title (b) ? cjm_card_get_title (b) : "");
}

static int
pain_sort_func (gconstpointer item_a,
                gconstpointer item_b,
                gpointer      user_data)
{
  Page *page = user_data;
  CjmPainPointPanel *self = page->self;
  CjmCard *a = (CjmCard *)item_a;
  CjmCard *b = (CjmCard *)item_b;
  int severity_a = -cjm_card_get_severity (a);
  int severity_b = -cjm_card_get_severity (b);
  guint rank_a = step_rank (self, a);
  guint rank_b = step_rank (self, b);

  switch ((CjmPainSort)gtk_drop_down_get_selected (page->sort))
    {
    case CJM_PAIN_SORT_STAGE:
      COMPARE (rank_a, rank_b);
      COMPARE (severity_a, severity_b);
      break;

    case CJM_PAIN_SORT_CATEGORY:
      {
        int category_a = rating_or_last (cjm_card_get_category (a), G_MAXINT);
        int category_b = rating_or_last (cjm_card_get_category (b), G_MAXINT);

        COMPARE (category_a, category_b);
        COMPARE (severity_a, severity_b);
        COMPARE (rank_a, rank_b);
      }
      break;

    case CJM_PAIN_SORT_SEVERITY:
    default:
      COMPARE (severity_a, severity_b);
      COMPARE (rank_a, rank_b);
      break;
    }

  return compare_titles (a, b);
}

static int
opportunity_sort_func (gconstpointer item_a,
                       gconstpointer item_b,
                       gpointer      user_data)
{
  Page *page = user_data;
  CjmPainPointPanel *self = page->self;
  CjmCard *a = (CjmCard *)item_a;
  CjmCard *b = (CjmCard *)item_b;
  int impact_a = -cjm_card_get_impact (a);
  int impact_b = -cjm_card_get_impact (b);
  int effort_a = rating_or_last (cjm_card_get_effort (a), G_MAXINT);
  int effort_b = rating_or_last (cjm_card_get_effort (b), G_MAXINT);
  int quadrant_a = cjm_quadrant_for_rating (cjm_card_get_impact (a), cjm_card_get_effort (a));
  int quadrant_b = cjm_quadrant_for_rating (cjm_card_get_impact (b), cjm_card_get_effort (b));
  guint rank_a = step_rank (self, a);
  guint rank_b = step_rank (self, b);

  switch ((CjmOpportunitySort)gtk_drop_down_get_selected (page->sort))
    {
    case CJM_OPPORTUNITY_SORT_IMPACT:
      COMPARE (impact_a, impact_b);
      COMPARE (effort_a, effort_b);
      break;

    case CJM_OPPORTUNITY_SORT_EFFORT:
      COMPARE (effort_a, effort_b);
      COMPARE (impact_a, impact_b);
      break;

    case CJM_OPPORTUNITY_SORT_STAGE:
      COMPARE (rank_a, rank_b);
      COMPARE (quadrant_a, quadrant_b);
      break;

    case CJM_OPPORTUNITY_SORT_STATUS:
      COMPARE ((int)cjm_card_get_status (a), (int)cjm_card_get_status (b));
      COMPARE (quadrant_a, quadrant_b);
      COMPARE (impact_a, impact_b);
      break;

    case CJM_OPPORTUNITY_SORT_PRIORITY:
    default:
      COMPARE (quadrant_a, quadrant_b);
      COMPARE (impact_a, impact_b);
      COMPARE (effort_a, effort_b);
      break;
    }

  COMPARE (rank_a, rank_b);

  return compare_titles (a, b);
}

#undef COMPARE

/* Rows */

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
              Page                     *page)
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
update_row (Page        *page,
            GtkListItem *item)
{
  CjmCard *card = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (child), "cjm-row");
  const char *title = cjm_card_get_title (card);
  g_autofree char *where = dup_where (page->self, card);
  g_autofree char *rating = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  if (title == NULL || title[0] == '\0')
    title = page->kind == CJM_CARD_KIND_PAIN_POINT ? _("Untitled pain point") : _("Untitled opportunity");
  gtk_label_set_label (GTK_LABEL (row->title), title);
  gtk_widget_set_tooltip_text (row->title, title);

  if (page->kind == CJM_CARD_KIND_PAIN_POINT)
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
             Page                     *page)
{
  g_ptr_array_add (page->bound, item);
  update_row (page, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Page                     *page)
{
  g_ptr_array_remove_fast (page->bound, item);
}

/* What the page shows: the list, the matrix, or why there is nothing */

static void
update_content (Page *page)
{
  CjmPainPointPanel *self = page->self;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (page->selection));
  const char *name;

  if (n > 0)
    name = page->kind == CJM_CARD_KIND_OPPORTUNITY && gtk_toggle_button_get_active (self->matrix_toggle)
           ? "matrix" : "list";
  else if (page->n_total == 0)
    name = "empty";
  else
    name = "no-results";

  gtk_stack_set_visible_child_name (page->content, name);

  if (page->kind == CJM_CARD_KIND_OPPORTUNITY)
    {
      guint n_unrated = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CjmCard) card = g_list_model_get_item (G_LIST_MODEL (page->selection), i);

          if (cjm_quadrant_for_rating (cjm_card_get_impact (card), cjm_card_get_effort (card)) ==
              CJM_QUADRANT_NONE)
            n_unrated++;
        }

      if (n_unrated > 0)
        {
          g_autofree char *text =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u opportunity is not shown: rate its impact and effort.",
                                          "%u opportunities are not shown: rate their impact and effort.",
                                          n_unrated),
                             n_unrated);

          gtk_label_set_label (self->unrated_label, text);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->unrated_label), n_unrated > 0);
    }
}

static void
update_actions (CjmPainPointPanel *self)
{
  Page *page = shown_page (self);
  gboolean can_add = FALSE;

  if (self->map != NULL)
    {
      CjmLaneKind lane_kind = cjm_card_kind_get_lane_kind (page->kind);
      GListModel *lanes = cjm_map_get_lanes (self->map);

      for (guint i = 0; i < g_list_model_get_n_items (lanes) && !can_add; i++)
        {
          g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

          can_add = cjm_lane_get_kind (lane) == lane_kind;
        }
      can_add = can_add && g_hash_table_size (self->step_ranks) > 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain-points.add", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain-points.delete",
                                 self->document != NULL && page_get_selected (page) != NULL);

  if (page->kind == CJM_CARD_KIND_PAIN_POINT)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   can_add ? _("Add Pain Point")
                                           : _("Add a pain point lane and a step to the map first"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), _("Delete Pain Point"));
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   can_add ? _("Add Opportunity")
                                           : _("Add an opportunity lane and a step to the map first"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), _("Delete Opportunity"));
    }
}

/* The editor of the selected card */

static void
update_editor (CjmPainPointPanel *self)
{
  Page *page = shown_page (self);
  CjmCard *card = page_get_selected (page);

  if (card == NULL || self->document == NULL)
    {
      adw_status_page_set_description (self->editor_status,
                                       page->kind == CJM_CARD_KIND_PAIN_POINT
                                       ? _("Select a pain point to edit it")
                                       : _("Select an opportunity to edit it"));
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      if (self->editor != NULL)
        cjm_element_editor_set_element (CJM_ELEMENT_EDITOR (self->editor), NULL, NULL);
      return;
    }

  if (self->editor == NULL)
    {
      self->editor = cjm_element_editor_new ();
      gtk_box_append (self->editor_box, self->editor);
    }
  cjm_element_editor_set_element (CJM_ELEMENT_EDITOR (self->editor), self->document,
                                  CJM_ELEMENT (card));
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

/* Selection, both ways */

static guint
find_card (Page    *page,
           CjmCard *card)
{
  GListModel *model = G_LIST_MODEL (page->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) item = g_list_model_get_item (model, i);

      if (item == card)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
page_selected_cb (CjmPainPointPanel  *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  Page *page = page_holding (self, selection);
  CjmCard *card = page_get_selected (page);
  const char *id = card != NULL ? cjm_element_get_id (CJM_ELEMENT (card)) : NULL;

  if (page->kind == CJM_CARD_KIND_OPPORTUNITY)
    cjm_impact_effort_set_selected_id (self->matrix, id);
  if (page == shown_page (self))
    {
      update_editor (self);
      update_actions (self);
    }

  if (self->syncing || id == NULL || self->selection == NULL)
    return;

  self->syncing = TRUE;
  cjm_selection_select (self->selection, id);
  self->syncing = FALSE;

  if (self->canvas != NULL)
    cjm_canvas_scroll_to_element (self->canvas, id);
}

static void
list_activate_cb (GtkListView       *list,
                  guint              position,
                  CjmPainPointPanel *self)
{
  g_autoptr(CjmCard) card = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  if (card != NULL && self->canvas != NULL)
    cjm_canvas_scroll_to_element (self->canvas, cjm_element_get_id (CJM_ELEMENT (card)));
}

/* A row selected while the list was hidden comes into view when shown,
 * once the list is allocated: before, it cannot scroll. */
static gboolean
list_first_frame_cb (GtkWidget     *list,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  Page *page = data;
  guint position = gtk_single_selection_get_selected (page->selection);

  if (gtk_widget_get_height (list) == 0)
    return G_SOURCE_CONTINUE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);

  return G_SOURCE_REMOVE;
}

static void
list_map_cb (Page      *page,
             GtkWidget *list)
{
  gtk_widget_add_tick_callback (list, list_first_frame_cb, page, NULL);
}

static void
selection_changed_cb (CjmPainPointPanel *self,
                      CjmSelection      *selection)
{
  CjmCard *card = NULL;

  if (self->syncing)
    return;

  if (self->map != NULL && cjm_selection_get_n_ids (selection) == 1)
    card = cjm_map_lookup_typed (self->map, cjm_selection_get_id (selection, 0), CJM_TYPE_CARD);

  self->syncing = TRUE;
  for (guint p = 0; p < N_PAGES; p++)
    {
      Page *page = &self->pages[p];
      guint position = GTK_INVALID_LIST_POSITION;

      if (card != NULL && cjm_card_get_kind (card) == page->kind)
        {
          position = find_card (page, card);
          if (page != shown_page (self))
            _cjm_pain_point_panel_show_kind (self, page->kind);
        }

      gtk_single_selection_set_selected (page->selection, position);
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (GTK_WIDGET (page->list), "list.scroll-to-item", "u", position);
    }
  self->syncing = FALSE;
}

static void
matrix_card_activated_cb (CjmPainPointPanel *self,
                          CjmCard           *card)
{
  Page *page = &self->pages[PAGE_OPPORTUNITIES];
  guint position = find_card (page, card);

  /* Selects the row, which selects the card on the map and scrolls to it */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (page->selection, position);
  if (self->canvas != NULL)
    cjm_canvas_scroll_to_element (self->canvas, cjm_element_get_id (CJM_ELEMENT (card)));
}

/* Following the map */

static void
refresh (CjmPainPointPanel *self)
{
  GListModel *cards = self->map != NULL ? cjm_map_get_cards (self->map) : NULL;
  guint n = cards != NULL ? g_list_model_get_n_items (cards) : 0;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  rebuild_step_ranks (self);

  self->pages[PAGE_PAIN_POINTS].n_total = 0;
  self->pages[PAGE_OPPORTUNITIES].n_total = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (cjm_card_get_kind (card) == CJM_CARD_KIND_PAIN_POINT)
        self->pages[PAGE_PAIN_POINTS].n_total++;
      else if (cjm_card_get_kind (card) == CJM_CARD_KIND_OPPORTUNITY)
        self->pages[PAGE_OPPORTUNITIES].n_total++;
    }

  for (guint p = 0; p < N_PAGES; p++)
    {
      Page *page = &self->pages[p];

      /* The card being edited stays, even if its new title no longer
       * matches the search: its row, and its editor, do not vanish. */
      page->keep = page_get_selected (page);
      gtk_filter_changed (GTK_FILTER (page->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
      page->keep = NULL;
      gtk_sorter_changed (GTK_SORTER (page->custom_sorter), GTK_SORTER_CHANGE_DIFFERENT);
      for (guint i = 0; i < page->bound->len; i++)
        update_row (page, g_ptr_array_index (page->bound, i));
      update_content (page);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->matrix));
  update_actions (self);
  update_editor (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CjmPainPointPanel *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Coalesces the map's changes: a paste of many cards is one refresh. */
static void
map_changed_cb (CjmPainPointPanel *self,
                CjmMap            *map)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
page_items_changed_cb (Page       *page,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  update_content (page);
}

static void
set_document (CjmPainPointPanel *self,
              CjmDocument       *document)
{
  CjmMap *map;

  if (self->document == document)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_func (self->map, map_changed_cb, self);

  map = document != NULL ? cjm_document_get_map (document) : NULL;
  g_set_object (&self->document, document);
  g_set_object (&self->map, map);

  if (self->map != NULL)
    g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_step_ranks (self);
  for (guint p = 0; p < N_PAGES; p++)
    gtk_filter_list_model_set_model (self->pages[p].filtered,
                                     self->map != NULL ? cjm_map_get_cards (self->map) : NULL);

  refresh (self);
}

static void
canvas_document_cb (CjmPainPointPanel *self,
                    GParamSpec        *pspec,
                    CjmCanvas         *canvas)
{
  set_document (self, cjm_canvas_get_document (canvas));
}

/* Template callbacks */

static void
search_changed_cb (CjmPainPointPanel *self,
                   GtkSearchEntry    *entry)
{
  Page *page = page_holding (self, entry);

  gtk_filter_changed (GTK_FILTER (page->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_changed_cb (CjmPainPointPanel *self,
                   GParamSpec        *pspec,
                   GtkDropDown       *drop_down)
{
  Page *page = page_holding (self, drop_down);

  gtk_filter_changed (GTK_FILTER (page->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_changed_cb (CjmPainPointPanel *self,
                 GParamSpec        *pspec,
                 GtkDropDown       *drop_down)
{
  Page *page = page_holding (self, drop_down);

  gtk_sorter_changed (GTK_SORTER (page->custom_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
view_toggled_cb (CjmPainPointPanel *self,
                 GtkToggleButton   *button)
{
  update_content (&self->pages[PAGE_OPPORTUNITIES]);
}

static void
stack_visible_child_cb (CjmPainPointPanel *self,
                        GParamSpec        *pspec,
                        GtkStack          *stack)
{
  if (self->pages[PAGE_PAIN_POINTS].selection == NULL)
    return;

  update_actions (self);
  update_editor (self);
}

/* Actions */

static const char *
first_lane_id (CjmPainPointPanel *self,
               CjmLaneKind        kind)
{
  GListModel *lanes = cjm_map_get_lanes (self->map);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

      if (cjm_lane_get_kind (lane) == kind)
        return cjm_element_get_id (CJM_ELEMENT (lane));
    }

  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (widget);
  Page *page = shown_page (self);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  const char *lane_id;
  CjmCard *card;

  if (self->map == NULL)
    return;

  lane_id = first_lane_id (self, cjm_card_kind_get_lane_kind (page->kind));
  steps = cjm_map_dup_steps (self->map);
  if (lane_id == NULL || steps->len == 0)
    return;

  card = cjm_edit_add_card (get_history (self), page->kind, lane_id,
                            cjm_element_get_id (g_ptr_array_index (steps, 0)), -1,
                            page->kind == CJM_CARD_KIND_PAIN_POINT ? _("New pain point")
                                                                   : _("New opportunity"),
                            &error);
  if (card == NULL)
    {
      g_debug ("Cannot add a card: %s", error->message);
      return;
    }

  /* Show it, whatever the search and filter were */
  gtk_editable_set_text (GTK_EDITABLE (page->search), "");
  gtk_drop_down_set_selected (page->filter, 0);
  gtk_filter_changed (GTK_FILTER (page->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->selection != NULL)
    cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (card)));
  else
    gtk_single_selection_set_selected (page->selection, find_card (page, card));
  if (self->canvas != NULL)
    cjm_canvas_scroll_to_element (self->canvas, cjm_element_get_id (CJM_ELEMENT (card)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (widget);
  CjmCard *card = page_get_selected (shown_page (self));
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GError) error = NULL;

  if (card == NULL || self->document == NULL)
    return;

  elements = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (elements, g_object_ref (card));
  if (!cjm_edit_delete (get_history (self), elements, &error))
    g_debug ("Cannot delete %s: %s", cjm_element_get_id (CJM_ELEMENT (card)), error->message);
}

/* GObject */

static void
setup_page (CjmPainPointPanel *self,
            Page              *page,
            CjmCardKind        kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSortListModel *sorted;

  page->self = self;
  page->kind = kind;
  page->bound = g_ptr_array_new ();

  page->custom_filter = gtk_custom_filter_new (filter_func, page, NULL);
  page->custom_sorter = gtk_custom_sorter_new (kind == CJM_CARD_KIND_PAIN_POINT ? pain_sort_func
                                                                                 : opportunity_sort_func,
                                               page, NULL);
  page->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (page->custom_filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (page->filtered)),
                                    GTK_SORTER (g_object_ref (page->custom_sorter)));
  page->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (page->selection, FALSE);
  gtk_single_selection_set_can_unselect (page->selection, TRUE);
  gtk_single_selection_set_selected (page->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (page->selection, "notify::selected-item",
                           G_CALLBACK (page_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (page->selection, "items-changed", G_CALLBACK (page_items_changed_cb), page);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), page);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), page);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), page);
  gtk_list_view_set_factory (page->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (page->list, GTK_SELECTION_MODEL (page->selection));
  g_signal_connect (page->list, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_swapped (page->list, "map", G_CALLBACK (list_map_cb), page);
}

static void
cjm_pain_point_panel_dispose (GObject *object)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (object);

  cjm_pain_point_panel_set_canvas (self, NULL);
  set_document (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  for (guint p = 0; p < N_PAGES; p++)
    {
      Page *page = &self->pages[p];

      if (page->list != NULL)
        gtk_list_view_set_model (page->list, NULL);
      if (page->selection != NULL)
        g_signal_handlers_disconnect_by_data (page->selection, page);
      g_clear_object (&page->selection);
      g_clear_object (&page->filtered);
      g_clear_object (&page->custom_filter);
      g_clear_object (&page->custom_sorter);
      g_clear_pointer (&page->bound, g_ptr_array_unref);
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), CJM_TYPE_PAIN_POINT_PANEL);

  G_OBJECT_CLASS (cjm_pain_point_panel_parent_class)->dispose (object);
}

static void
cjm_pain_point_panel_finalize (GObject *object)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (object);

  g_clear_pointer (&self->step_ranks, g_hash_table_unref);

  G_OBJECT_CLASS (cjm_pain_point_panel_parent_class)->finalize (object);
}

static void
cjm_pain_point_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_pain_point_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CjmPainPointPanel *self = CJM_PAIN_POINT_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      cjm_pain_point_panel_set_canvas (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_PAGE_CHILD(name, page, field) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (CjmPainPointPanel, pages) + \
                                             (page) * sizeof (Page) + G_STRUCT_OFFSET (Page, field))

static void
cjm_pain_point_panel_class_init (CjmPainPointPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_pain_point_panel_dispose;
  object_class->finalize = cjm_pain_point_panel_finalize;
  object_class->get_property = cjm_pain_point_panel_get_property;
  object_class->set_property = cjm_pain_point_panel_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         CJM_TYPE_CANVAS,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CJM_TYPE_IMPACT_EFFORT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/JourneyMapper/cjm-pain-point-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, paned);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, matrix_toggle);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, matrix);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, unrated_label);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, editor_status);
  gtk_widget_class_bind_template_child (widget_class, CjmPainPointPanel, editor_box);
  BIND_PAGE_CHILD ("pain_search", PAGE_PAIN_POINTS, search);
  BIND_PAGE_CHILD ("pain_filter", PAGE_PAIN_POINTS, filter);
  BIND_PAGE_CHILD ("pain_sort", PAGE_PAIN_POINTS, sort);
  BIND_PAGE_CHILD ("pain_content", PAGE_PAIN_POINTS, content);
  BIND_PAGE_CHILD ("pain_list", PAGE_PAIN_POINTS, list);
  BIND_PAGE_CHILD ("opportunity_search", PAGE_OPPORTUNITIES, search);
  BIND_PAGE_CHILD ("opportunity_filter", PAGE_OPPORTUNITIES, filter);
  BIND_PAGE_CHILD ("opportunity_sort", PAGE_OPPORTUNITIES, sort);
  BIND_PAGE_CHILD ("opportunity_content", PAGE_OPPORTUNITIES, content);
  BIND_PAGE_CHILD ("opportunity_list", PAGE_OPPORTUNITIES, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_card_activated_cb);

  gtk_widget_class_install_action (widget_class, "pain-points.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "pain-points.delete", NULL, delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-pain-point-panel");
}

static void
cjm_pain_point_panel_init (CjmPainPointPanel *self)
{
  self->step_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_page (self, &self->pages[PAGE_PAIN_POINTS], CJM_CARD_KIND_PAIN_POINT);
  setup_page (self, &self->pages[PAGE_OPPORTUNITIES], CJM_CARD_KIND_OPPORTUNITY);
  cjm_impact_effort_set_model (self->matrix, G_LIST_MODEL (self->pages[PAGE_OPPORTUNITIES].selection));

  ensure_tag_css ();
  refresh (self);
}

/* Internal API, for the tests */

GtkSingleSelection *
_cjm_pain_point_panel_get_list_model (CjmPainPointPanel *self,
                                      CjmCardKind        kind)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return page_for_kind (self, kind)->selection;
}

GtkEditable *
_cjm_pain_point_panel_get_search (CjmPainPointPanel *self,
                                  CjmCardKind        kind)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return GTK_EDITABLE (page_for_kind (self, kind)->search);
}

GtkDropDown *
_cjm_pain_point_panel_get_filter (CjmPainPointPanel *self,
                                  CjmCardKind        kind)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return page_for_kind (self, kind)->filter;
}

GtkDropDown *
_cjm_pain_point_panel_get_sort (CjmPainPointPanel *self,
                                CjmCardKind        kind)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return page_for_kind (self, kind)->sort;
}

const char *
_cjm_pain_point_panel_get_content (CjmPainPointPanel *self,
                                   CjmCardKind        kind)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (page_for_kind (self, kind)->content);
}

CjmCardKind
_cjm_pain_point_panel_get_shown_kind (CjmPainPointPanel *self)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), CJM_CARD_KIND_PAIN_POINT);

  return shown_page (self)->kind;
}

void
_cjm_pain_point_panel_show_kind (CjmPainPointPanel *self,
                                 CjmCardKind        kind)
{
  g_return_if_fail (CJM_IS_PAIN_POINT_PANEL (self));
  g_return_if_fail (kind == CJM_CARD_KIND_PAIN_POINT || kind == CJM_CARD_KIND_OPPORTUNITY);

  gtk_stack_set_visible_child_name (self->stack,
                                    kind == CJM_CARD_KIND_OPPORTUNITY ? "opportunities" : "pain-points");
}

void
_cjm_pain_point_panel_show_matrix (CjmPainPointPanel *self,
                                   gboolean           matrix)
{
  g_return_if_fail (CJM_IS_PAIN_POINT_PANEL (self));

  gtk_toggle_button_set_active (matrix ? self->matrix_toggle : self->list_toggle, TRUE);
}

CjmImpactEffort *
_cjm_pain_point_panel_get_matrix (CjmPainPointPanel *self)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return self->matrix;
}

GtkWidget *
_cjm_pain_point_panel_get_editor (CjmPainPointPanel *self)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return self->editor;
}

/* Public API */

/**
 * cjm_pain_point_panel_new:
 *
 * Returns: a new panel; give it the canvas with cjm_pain_point_panel_set_canvas()
 */
GtkWidget *
cjm_pain_point_panel_new (void)
{
  return g_object_new (CJM_TYPE_PAIN_POINT_PANEL, NULL);
}

/**
 * cjm_pain_point_panel_get_canvas:
 * @self: a #CjmPainPointPanel
 *
 * Returns: (transfer none) (nullable): the canvas whose map and selection the panel shows
 */
CjmCanvas *
cjm_pain_point_panel_get_canvas (CjmPainPointPanel *self)
{
  g_return_val_if_fail (CJM_IS_PAIN_POINT_PANEL (self), NULL);

  return self->canvas;
}

/**
 * cjm_pain_point_panel_set_canvas:
 * @self: a #CjmPainPointPanel
 * @canvas: (nullable): the canvas
 *
 * The panel shows the cards of the canvas's document (following it when it
 * changes), shares the canvas's selection and scrolls the canvas to the
 * card selected in its lists.
 */
void
cjm_pain_point_panel_set_canvas (CjmPainPointPanel *self,
                                 CjmCanvas         *canvas)
{
  CjmSelection *selection;

  g_return_if_fail (CJM_IS_PAIN_POINT_PANEL (self));
  g_return_if_fail (canvas == NULL || CJM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, canvas_document_cb, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  selection = canvas != NULL ? cjm_canvas_get_selection (canvas) : NULL;
  g_set_object (&self->canvas, canvas);
  g_set_object (&self->selection, selection);

  if (self->canvas != NULL)
    g_signal_connect_object (self->canvas, "notify::document",
                             G_CALLBACK (canvas_document_cb), self, G_CONNECT_SWAPPED);
  if (self->selection != NULL)
    g_signal_connect_object (self->selection, "changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  set_document (self, canvas != NULL ? cjm_canvas_get_document (canvas) : NULL);
  if (self->selection != NULL)
    selection_changed_cb (self, self->selection);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}
