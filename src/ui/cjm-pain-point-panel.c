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
#include "cjm-pain-point-row-private.h"

/* Two pages, pain points and opportunities, each a list of the map's cards
 * of that kind through a filter (search, category or status) and a sorter,
 * over the map's own card list. The list and the canvas share the canvas's
 * selection: selecting a row selects its card and scrolls the map to it; a
 * card selected on the map selects its row. Below, the selected card's
 * fields, in a #CjmElementEditor. Every change goes through cjm-edit.h.
 * Which cards pass and their order: cjm-pain-point-order.c; how a row
 * shows its card: cjm-pain-point-row.c. */

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
  GtkListItemFactory *rows;      /* builds the list's rows, and fills them again */
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

/* Where a card is: its stage and step */

static void
rebuild_step_ranks (CjmPainPointPanel *self)
{
  g_clear_pointer (&self->step_ranks, g_hash_table_unref);
  self->step_ranks = _cjm_pain_point_order_new_step_ranks (self->map);
}

static char *
dup_where_cb (CjmCard  *card,
              gpointer  data)
{
  CjmPainPointPanel *self = data;
  char *place = self->map != NULL ? cjm_labels_dup_step_place (self->map, cjm_card_get_step_id (card)) : NULL;

  return place != NULL ? place : g_strdup ("");
}

/* Filtering and sorting, by the page's search, filter and sort */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  Page *page = user_data;
  CjmCard *card = item;

  if (cjm_card_get_kind (card) != page->kind)
    return FALSE;
  if (card == page->keep)
    return TRUE;

  return _cjm_pain_point_order_matches (card, gtk_drop_down_get_selected (page->filter),
                                        gtk_editable_get_text (GTK_EDITABLE (page->search)));
}

static int
pain_sort_func (gconstpointer item_a,
                gconstpointer item_b,
                gpointer      user_data)
{
  Page *page = user_data;
  CjmPainSort sort = gtk_drop_down_get_selected (page->sort);

  return _cjm_pain_point_order_compare_pain_points ((CjmCard *)item_a, (CjmCard *)item_b,
                                                    sort, page->self->step_ranks);
}

static int
opportunity_sort_func (gconstpointer item_a,
                       gconstpointer item_b,
                       gpointer      user_data)
{
  Page *page = user_data;
  CjmOpportunitySort sort = gtk_drop_down_get_selected (page->sort);

  return _cjm_pain_point_order_compare_opportunities ((CjmCard *)item_a, (CjmCard *)item_b,
                                                      sort, page->self->step_ranks);
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
      _cjm_pain_point_row_factory_update (page->rows);
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
  GtkSortListModel *sorted;

  page->self = self;
  page->kind = kind;

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

  page->rows = _cjm_pain_point_row_factory_new (kind, dup_where_cb, self);
  gtk_list_view_set_factory (page->list, page->rows);
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
      g_clear_object (&page->rows);
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
  self->step_ranks = _cjm_pain_point_order_new_step_ranks (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_page (self, &self->pages[PAGE_PAIN_POINTS], CJM_CARD_KIND_PAIN_POINT);
  setup_page (self, &self->pages[PAGE_OPPORTUNITIES], CJM_CARD_KIND_OPPORTUNITY);
  cjm_impact_effort_set_model (self->matrix, G_LIST_MODEL (self->pages[PAGE_OPPORTUNITIES].selection));

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
