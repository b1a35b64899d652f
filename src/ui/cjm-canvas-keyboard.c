/* cjm-canvas-keyboard.c: the canvas's actions and keys for the focus, the
 * selection and moves, and what a screen reader hears
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"

/* Every edit the mouse can make, the keyboard can: each is a canvas.*
 * action, bound to keys here and listed in gtk/help-overlay.ui; the
 * context menus and the window's Add menu activate the same actions. */

/* Helpers */

CjmElement *
_cjm_canvas_get_focused_element (CjmCanvas *self)
{
  const char *id = cjm_selection_get_focused (self->selection);

  return self->map != NULL && id != NULL ? cjm_map_lookup (self->map, id) : NULL;
}

/* The selected elements of the map, in the order they were selected; the
 * focused one if nothing is selected. */
static GPtrArray *
selected_elements (CjmCanvas *self)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = cjm_selection_get_n_ids (self->selection);

  if (self->map == NULL)
    return elements;

  for (guint i = 0; i < n; i++)
    {
      CjmElement *element = cjm_map_lookup (self->map, cjm_selection_get_id (self->selection, i));

      if (element != NULL && !CJM_IS_MAP (element))
        g_ptr_array_add (elements, g_object_ref (element));
    }

  if (elements->len == 0 && _cjm_canvas_get_focused_element (self) != NULL && !CJM_IS_MAP (_cjm_canvas_get_focused_element (self)))
    g_ptr_array_add (elements, g_object_ref (_cjm_canvas_get_focused_element (self)));

  return elements;
}

/* The selected cards, in the map's order; the focused one if none is. */
GPtrArray *
_cjm_canvas_dup_selected_cards (CjmCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n;

  if (self->map == NULL)
    return cards;

  model = cjm_map_get_cards (self->map);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

      if (cjm_selection_contains (self->selection, cjm_element_get_id (CJM_ELEMENT (card))))
        g_ptr_array_add (cards, g_steal_pointer (&card));
    }

  if (cards->len == 0 && CJM_IS_CARD (_cjm_canvas_get_focused_element (self)))
    g_ptr_array_add (cards, g_object_ref (_cjm_canvas_get_focused_element (self)));

  return cards;
}

gboolean
_cjm_canvas_get_focus_shown (CjmCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->presenting || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return FALSE;

  /* After keys, until the pointer is pressed again, as GTK's own focus
   * rings: the canvas's keys are bindings the window does not see. */
  return self->focus_visible ||
         root == NULL || !GTK_IS_WINDOW (root) || gtk_window_get_focus_visible (GTK_WINDOW (root));
}

/**
 * _cjm_canvas_focus_element:
 * @self: a #CjmCanvas
 * @id: (nullable): the element to focus
 * @scroll: whether to scroll it into view
 */
void
_cjm_canvas_focus_element (CjmCanvas  *self,
                           const char *id,
                           gboolean    scroll)
{
  cjm_selection_set_focused (self->selection, id);
  if (scroll && id != NULL)
    cjm_canvas_scroll_to_element (self, id);
}

/* What a screen reader hears */

void
_cjm_canvas_update_accessible (CjmCanvas *self)
{
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  g_autofree char *label = NULL;
  const char *description;

  if (self->map != NULL)
    label = cjm_describe_element (self->map, cjm_selection_get_focused (self->selection));

  if (CJM_IS_CONNECTION (focused) && label != NULL &&
      cjm_connection_get_label (CJM_CONNECTION (focused)) != NULL)
    {
      /* Translators: a connection and its label, e.g. "Connection from Ad to Guide, labelled: leads to" */
      g_autofree char *with_label = g_strdup_printf (_("%s, labelled: %s"), label,
                                                     cjm_connection_get_label (CJM_CONNECTION (focused)));

      g_free (label);
      label = g_steal_pointer (&with_label);
    }

  if (label == NULL)
    {
      const char *title = self->map != NULL ? cjm_map_get_title (self->map) : NULL;

      /* Translators: the name of the canvas for a screen reader, with the map's title */
      label = title != NULL ? g_strdup_printf (_("Journey map: %s"), title) : g_strdup (_("Journey map"));
    }

  if (self->connect_from_id != NULL)
    description = _("Making a connection: arrow keys move to the card to connect to, Enter "
                    "connects it, Escape gives up.");
  else if (CJM_IS_CONNECTION (focused))
    description = _("C goes to the card's next connection and back to the card, Escape goes back "
                    "to the card, Enter edits the label, Delete removes the connection, "
                    "Shift+F10 opens its menu.");
  else
    description = _("Arrow keys move between cards and headers, Alt and an arrow key "
                    "moves the focused card, C goes through its connections, Enter renames it, "
                    "Delete removes it, Shift+F10 opens its menu.");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Action states */

void
_cjm_canvas_update_actions (CjmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->map != NULL && !self->presenting;
  gboolean has_selection = editable && (cjm_selection_get_n_ids (self->selection) > 0 ||
                                        _cjm_canvas_get_focused_element (self) != NULL);
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  gboolean any_card = FALSE;

  if (has_selection)
    {
      g_autoptr(GPtrArray) cards = _cjm_canvas_dup_selected_cards (self);

      any_card = cards->len > 0;
    }

  gtk_widget_action_set_enabled (widget, "canvas.delete", has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate",
                                 editable && (any_card || CJM_IS_STAGE (focused)));
  gtk_widget_action_set_enabled (widget, "canvas.copy", editable && any_card);
  gtk_widget_action_set_enabled (widget, "canvas.cut", editable && any_card);
  gtk_widget_action_set_enabled (widget, "canvas.paste", editable);
  gtk_widget_action_set_enabled (widget, "canvas.edit", editable && focused != NULL &&
                                 (cjm_navigation_can_focus (focused) || CJM_IS_CONNECTION (focused)));
  gtk_widget_action_set_enabled (widget, "canvas.connect", editable && CJM_IS_CARD (focused));
  gtk_widget_action_set_enabled (widget, "canvas.focus-connection",
                                 editable && (CJM_IS_CARD (focused) || CJM_IS_CONNECTION (focused)));
  gtk_widget_action_set_enabled (widget, "canvas.nudge", editable && focused != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.add-card", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-stage", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-step", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-lane", editable);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", editable);
  gtk_widget_action_set_enabled (widget, "canvas.context-menu", editable);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-in", self->zoom < CJM_CANVAS_ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out", self->zoom > CJM_CANVAS_ZOOM_MIN);
}

static void
selection_changed_cb (CjmCanvas *self)
{
  _cjm_canvas_render_invalidate_overlay (self);
  _cjm_canvas_update_actions (self);
  _cjm_canvas_update_accessible (self);
}

/* Focus and selection */

static CjmNavigation
parse_direction (GVariant *param)
{
  const char *name = param != NULL ? g_variant_get_string (param, NULL) : "";

  if (g_str_equal (name, "left"))
    return CJM_NAVIGATE_LEFT;
  if (g_str_equal (name, "right"))
    return CJM_NAVIGATE_RIGHT;
  if (g_str_equal (name, "up"))
    return CJM_NAVIGATE_UP;
  if (g_str_equal (name, "down"))
    return CJM_NAVIGATE_DOWN;
  if (g_str_equal (name, "last"))
    return CJM_NAVIGATE_LAST;

  return CJM_NAVIGATE_FIRST;
}

/* In presentation mode, the arrows step through the stages. */
static void
present_stage (CjmCanvas *self,
               int        step)
{
  GListModel *stages = cjm_map_get_stages (self->map);
  int n = g_list_model_get_n_items (stages);
  int current = -1;
  g_autoptr(CjmStage) stage = NULL;
  CjmRect rect;

  if (n == 0)
    return;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) item = g_list_model_get_item (stages, i);

      if (g_strcmp0 (cjm_selection_get_focused (self->selection),
                     cjm_element_get_id (CJM_ELEMENT (item))) == 0)
        current = i;
    }

  current = current < 0 ? (step > 0 ? 0 : n - 1) : CLAMP (current + step, 0, n - 1);
  stage = g_list_model_get_item (stages, current);
  cjm_selection_set_focused (self->selection, cjm_element_get_id (CJM_ELEMENT (stage)));

  if (!cjm_layout_get_stage_rect (self->layout, stage, &rect))
    return;

  /* The stage across the whole width, from its header down: the lanes
   * below scroll into view. */
  rect.x -= 16;
  rect.width += 32;
  rect.y -= 16;
  rect.height = rect.width * gtk_widget_get_height (GTK_WIDGET (self)) / MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  cjm_canvas_zoom_to_rect (self, &rect);
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmNavigation direction = parse_direction (param);
  const char *id;

  if (self->layout == NULL)
    return;

  if (self->presenting)
    {
      if (direction == CJM_NAVIGATE_LEFT || direction == CJM_NAVIGATE_UP)
        present_stage (self, -1);
      else if (direction == CJM_NAVIGATE_RIGHT || direction == CJM_NAVIGATE_DOWN)
        present_stage (self, 1);
      return;
    }

  id = cjm_navigate (self->layout, cjm_selection_get_focused (self->selection), direction);
  if (id == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The selection follows the focus, as in a list. */
  cjm_selection_select (self->selection, id);
  cjm_canvas_scroll_to_element (self, id);
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *focused = cjm_selection_get_focused (self->selection);
  const char *id;

  if (self->layout == NULL || self->presenting)
    return;

  if (focused != NULL)
    cjm_selection_add (self->selection, focused);

  id = cjm_navigate (self->layout, focused, parse_direction (param));
  if (id == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  cjm_selection_add (self->selection, id);
  _cjm_canvas_focus_element (self, id, TRUE);
}

static void
toggle_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *focused = cjm_selection_get_focused (self->selection);

  if (focused != NULL)
    cjm_selection_toggle (self->selection, focused);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GListModel *cards;
  guint n;

  if (self->map == NULL)
    return;

  cards = cjm_map_get_cards (self->map);
  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      g_strv_builder_add (builder, cjm_element_get_id (CJM_ELEMENT (card)));
    }

  ids = g_strv_builder_end (builder);
  cjm_selection_set_ids (self->selection, (const char * const *)ids);
}

/* Connections: drawn between cards, they are reached from a card. C goes
 * from the focused card to its connections (those leaving it and those
 * coming to it, in the map's order) one after the other, then back to the
 * card; Shift+C goes the other way. The selection follows, so that Delete
 * removes the connection and Enter edits its label. */

/* The card the focused @connection was reached from: the one C went
 * from, if it is one of its ends; else where it starts. */
static const char *
connection_card (CjmCanvas     *self,
                 CjmConnection *connection)
{
  if (self->connection_card_id != NULL &&
      (g_strcmp0 (self->connection_card_id, cjm_connection_get_from_id (connection)) == 0 ||
       g_strcmp0 (self->connection_card_id, cjm_connection_get_to_id (connection)) == 0))
    return self->connection_card_id;

  return cjm_connection_get_from_id (connection);
}

/* The connections of the card @card_id that are drawn. */
static GPtrArray *
card_connections (CjmCanvas  *self,
                  const char *card_id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *connections = cjm_map_get_connections (self->map);
  guint n = g_list_model_get_n_items (connections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      CjmArrow arrow;

      if ((g_strcmp0 (cjm_connection_get_from_id (connection), card_id) == 0 ||
           g_strcmp0 (cjm_connection_get_to_id (connection), card_id) == 0) &&
          cjm_layout_get_connection_arrow (self->layout, connection, &arrow))
        g_ptr_array_add (found, g_steal_pointer (&connection));
    }

  return found;
}

static void
focus_connection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  gboolean backwards = param != NULL && g_str_equal (g_variant_get_string (param, NULL), "previous");
  g_autofree char *card_id = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  const char *target;
  int current = -1;
  int n;

  if (self->layout == NULL || self->presenting)
    return;

  if (CJM_IS_CONNECTION (focused))
    card_id = g_strdup (connection_card (self, CJM_CONNECTION (focused)));
  else if (CJM_IS_CARD (focused))
    card_id = g_strdup (cjm_element_get_id (focused));
  else
    {
      gtk_widget_error_bell (widget);
      return;
    }

  connections = card_connections (self, card_id);
  n = connections->len;
  if (n == 0)
    {
      _cjm_canvas_show_message (self, _("This card has no connections"));
      return;
    }

  /* The card is at -1, before its connections. */
  if (CJM_IS_CONNECTION (focused))
    {
      guint position;

      if (g_ptr_array_find (connections, focused, &position))
        current = position;
    }

  current += backwards ? -1 : 1;
  if (current >= n)
    current = -1;
  else if (current < -1)
    current = n - 1;

  target = current < 0 ? card_id : cjm_element_get_id (g_ptr_array_index (connections, current));

  g_free (self->connection_card_id);
  self->connection_card_id = g_strdup (card_id);
  cjm_selection_select (self->selection, target);
  cjm_canvas_scroll_to_element (self, target);
}

/* Connecting without the mouse: Ctrl+K on a card, the arrow keys to the
 * card to connect it to, Enter; Escape gives up. */

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmElement *focused = _cjm_canvas_get_focused_element (self);

  if (self->presenting || !CJM_IS_CARD (focused))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_free (self->connect_from_id);
  self->connect_from_id = g_strdup (cjm_element_get_id (focused));
  _cjm_canvas_show_message (self, _("Move to the card to connect to, then press Enter"));
  _cjm_canvas_update_accessible (self);
}

/* Returns: %TRUE if a connection was being made (and now is, or not) */
static gboolean
finish_connecting (CjmCanvas *self,
                   gboolean   commit)
{
  g_autofree char *from_id = g_steal_pointer (&self->connect_from_id);
  const char *to_id = cjm_selection_get_focused (self->selection);
  g_autoptr(GError) error = NULL;
  CjmConnection *connection;

  if (from_id == NULL)
    return FALSE;

  if (commit)
    {
      if (self->map == NULL || cjm_map_lookup_typed (self->map, from_id, CJM_TYPE_CARD) == NULL ||
          cjm_map_lookup_typed (self->map, to_id, CJM_TYPE_CARD) == NULL ||
          g_strcmp0 (from_id, to_id) == 0)
        _cjm_canvas_show_message (self, _("A connection goes from one card to another"));
      else if ((connection = cjm_edit_connect (self->history, from_id, to_id, NULL, &error)) == NULL)
        _cjm_canvas_show_error (self, error);
      else
        {
          /* On the new connection, ready for C, Enter (its label) or Delete. */
          g_free (self->connection_card_id);
          self->connection_card_id = g_strdup (from_id);
          cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (connection)));
        }
    }

  _cjm_canvas_update_accessible (self);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  if (self->drag.mode != DRAG_NONE)
    {
      _cjm_canvas_drag_cancel (self);
      return TRUE;
    }

  /* In presentation mode, Escape is the window's: it leaves the mode. */
  if (self->presenting)
    return FALSE;

  if (finish_connecting (self, FALSE))
    return TRUE;

  /* From a connection, back to the card it was reached from. */
  if (CJM_IS_CONNECTION (_cjm_canvas_get_focused_element (self)))
    {
      g_autofree char *card_id = g_strdup (connection_card (self, CJM_CONNECTION (_cjm_canvas_get_focused_element (self))));

      cjm_selection_select (self->selection, card_id);
      cjm_canvas_scroll_to_element (self, card_id);
      return TRUE;
    }

  if (cjm_selection_get_n_ids (self->selection) == 0)
    return FALSE;

  cjm_selection_clear (self->selection);

  return TRUE;
}

/* Editing actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  if (finish_connecting (self, TRUE))
    return;

  cjm_canvas_edit_element (self, cjm_selection_get_focused (self->selection));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmElement *element = _cjm_canvas_get_focused_element (self);
  g_autoptr(GError) error = NULL;
  int dx = 0, dy = 0;

  if (element == NULL || self->presenting)
    return;

  switch (parse_direction (param))
    {
    case CJM_NAVIGATE_LEFT:
      dx = -1;
      break;
    case CJM_NAVIGATE_RIGHT:
      dx = 1;
      break;
    case CJM_NAVIGATE_UP:
      dy = -1;
      break;
    case CJM_NAVIGATE_DOWN:
      dy = 1;
      break;
    case CJM_NAVIGATE_FIRST:
    case CJM_NAVIGATE_LAST:
    default:
      return;
    }

  if (!cjm_drop_nudge (self->history, self->layout, element, dx, dy, &error))
    {
      if (error != NULL)
        _cjm_canvas_show_error (self, error);
      else
        gtk_widget_error_bell (widget);
      return;
    }

  cjm_canvas_scroll_to_element (self, cjm_element_get_id (element));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  g_autoptr(GPtrArray) elements = selected_elements (self);
  g_autoptr(GError) error = NULL;
  const char *next = NULL;
  g_autofree char *next_id = NULL;

  if (elements->len == 0)
    return;

  /* From a connection, the focus goes back to its card; else on to a
   * neighbour that stays. */
  if (CJM_IS_CONNECTION (_cjm_canvas_get_focused_element (self)))
    {
      const char *card_id = connection_card (self, CJM_CONNECTION (_cjm_canvas_get_focused_element (self)));

      if (!cjm_selection_contains (self->selection, card_id))
        next = card_id;
    }

  for (CjmNavigation d = CJM_NAVIGATE_RIGHT; next == NULL && d <= CJM_NAVIGATE_DOWN; d++)
    {
      const char *candidate = cjm_navigate (self->layout, cjm_selection_get_focused (self->selection), d);

      if (candidate != NULL && !cjm_selection_contains (self->selection, candidate))
        next = candidate;
    }
  next_id = g_strdup (next);

  if (!cjm_edit_delete (self->history, elements, &error))
    {
      _cjm_canvas_show_error (self, error);
      return;
    }

  cjm_selection_clear (self->selection);
  if (next_id != NULL && cjm_map_lookup (self->map, next_id) != NULL)
    cjm_selection_select (self->selection, next_id);
}

/* Selects @cards, focusing the first. */
void
_cjm_canvas_select_cards (CjmCanvas *self,
                          GPtrArray *cards)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (cards == NULL || cards->len == 0)
    return;

  for (guint i = 0; i < cards->len; i++)
    g_strv_builder_add (builder, cjm_element_get_id (g_ptr_array_index (cards, i)));

  ids = g_strv_builder_end (builder);
  cjm_selection_set_ids (self->selection, (const char * const *)ids);
  _cjm_canvas_focus_element (self, ids[0], TRUE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  if (CJM_IS_STAGE (focused) && cjm_selection_get_n_ids (self->selection) <= 1)
    {
      CjmStage *copy = cjm_edit_duplicate_stage (self->history, CJM_STAGE (focused));

      cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (copy)));
      cjm_canvas_scroll_to_element (self, cjm_element_get_id (CJM_ELEMENT (copy)));
      return;
    }

  cards = _cjm_canvas_dup_selected_cards (self);
  if (cards->len == 0)
    return;

  copies = g_ptr_array_new ();
  if (cards->len > 1)
    cjm_history_begin_group (self->history, _("Duplicate Cards"));
  for (guint i = 0; i < cards->len; i++)
    g_ptr_array_add (copies, cjm_edit_duplicate_card (self->history, g_ptr_array_index (cards, i)));
  if (cards->len > 1)
    cjm_history_end_group (self->history);

  _cjm_canvas_select_cards (self, copies);
}

/* Zoom */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  cjm_canvas_set_zoom (CJM_CANVAS (widget), cjm_canvas_get_zoom (CJM_CANVAS (widget)) * 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  cjm_canvas_set_zoom (CJM_CANVAS (widget), cjm_canvas_get_zoom (CJM_CANVAS (widget)) / 1.25);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  cjm_canvas_set_zoom (CJM_CANVAS (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  cjm_canvas_zoom_to_fit (CJM_CANVAS (widget));
}

/* Focus */

static void
focus_enter_cb (CjmCanvas *self)
{
  /* Tabbing in focuses the card nearest the top left of the view. */
  if (self->layout != NULL && _cjm_canvas_get_focused_element (self) == NULL)
    {
      CjmRect visible;
      const char *id;

      _cjm_canvas_get_visible_rect (self, &visible);
      id = cjm_navigate_nearest (self->layout, visible.x, visible.y);
      if (id != NULL)
        cjm_selection_set_focused (self->selection, id);
    }

  _cjm_canvas_render_invalidate_overlay (self);
}

/* Any key on the canvas shows where the focus is. */
static gboolean
key_pressed_cb (CjmCanvas             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  _cjm_canvas_set_focus_visible (self, TRUE);

  return FALSE;
}

void
_cjm_canvas_set_focus_visible (CjmCanvas *self,
                               gboolean   visible)
{
  if (self->focus_visible == !!visible)
    return;

  self->focus_visible = !!visible;
  _cjm_canvas_render_invalidate_overlay (self);
}

static void
focus_leave_cb (CjmCanvas *self)
{
  _cjm_canvas_render_invalidate_overlay (self);
}

static void
root_focus_visible_cb (CjmCanvas *self)
{
  _cjm_canvas_render_invalidate_overlay (self);
}

static void
root_changed_cb (CjmCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::focus-visible", G_CALLBACK (root_focus_visible_cb),
                             self, G_CONNECT_SWAPPED);
}

void
_cjm_canvas_keyboard_init (CjmCanvas *self)
{
  GtkEventController *controller;

  g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);

  _cjm_canvas_update_actions (self);
  _cjm_canvas_update_accessible (self);
}

void
_cjm_canvas_keyboard_dispose (CjmCanvas *self)
{
  g_clear_pointer (&self->connection_card_id, g_free);
  g_clear_pointer (&self->connect_from_id, g_free);
  _cjm_canvas_edit_dispose (self);
}

static void
add_arrow_bindings (GtkWidgetClass  *widget_class,
                    GdkModifierType  modifiers,
                    const char      *action)
{
  static const struct {
    guint keyval;
    guint keypad;
    const char *direction;
  } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, "left" },
    { GDK_KEY_Right, GDK_KEY_KP_Right, "right" },
    { GDK_KEY_Up, GDK_KEY_KP_Up, "up" },
    { GDK_KEY_Down, GDK_KEY_KP_Down, "down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].keyval, modifiers,
                                           action, "s", arrows[i].direction);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].keypad, modifiers,
                                           action, "s", arrows[i].direction);
    }
}

void
_cjm_canvas_keyboard_class_init (GtkWidgetClass *widget_class)
{
  _cjm_canvas_edit_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "canvas.focus", "s", focus_action);
  gtk_widget_class_install_action (widget_class, "canvas.extend", "s", extend_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-connection", "s", focus_connection_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "s", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-selected", NULL, toggle_selected_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);

  add_arrow_bindings (widget_class, 0, "canvas.focus");
  add_arrow_bindings (widget_class, GDK_SHIFT_MASK, "canvas.extend");
  add_arrow_bindings (widget_class, GDK_ALT_MASK, "canvas.nudge");
  add_arrow_bindings (widget_class, GDK_CONTROL_MASK, "canvas.nudge");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "canvas.focus", "s", "first");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "canvas.focus", "s", "last");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "canvas.focus", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "canvas.focus", "s", "right");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "canvas.connect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "canvas.focus-connection", "s", "next");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_SHIFT_MASK, "canvas.focus-connection", "s", "previous");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "canvas.toggle-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  /* Menus show the binding added last: the usual one goes last. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);



  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
}
