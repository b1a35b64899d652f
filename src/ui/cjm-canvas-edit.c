/* cjm-canvas-edit.c: editing in place, the clipboard, adding, and the
 * context menus of the canvas
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"
#include "cjm-clipboard.h"

/* Cards on the clipboard, between maps and windows of this process: copies
 * made when copied, so that later edits of the map do not change them.
 * Other processes (another instance of the app) get them as a small .cjm
 * document (CJM_CLIPBOARD_CARDS_MIME_TYPE, cjm-clipboard.h), and other
 * apps get their titles as text. */

#define CJM_TYPE_COPIED_CARDS (cjm_copied_cards_get_type ())

G_DECLARE_FINAL_TYPE (CjmCopiedCards, cjm_copied_cards, CJM, COPIED_CARDS, GObject)

struct _CjmCopiedCards
{
  GObject    parent_instance;

  GPtrArray *cards;
  GPtrArray *connections;
};

G_DEFINE_FINAL_TYPE (CjmCopiedCards, cjm_copied_cards, G_TYPE_OBJECT)

static void
cjm_copied_cards_finalize (GObject *object)
{
  CjmCopiedCards *self = (CjmCopiedCards *)object;

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->connections, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_copied_cards_parent_class)->finalize (object);
}

static void
cjm_copied_cards_class_init (CjmCopiedCardsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cjm_copied_cards_finalize;
}

static void
cjm_copied_cards_init (CjmCopiedCards *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Editing in place */

static const char *
name_property (CjmElement *element)
{
  if (CJM_IS_CARD (element))
    return "title";
  if (CJM_IS_STAGE (element) || CJM_IS_STEP (element) || CJM_IS_LANE (element))
    return "name";
  if (CJM_IS_CONNECTION (element))
    return "label";
  return NULL;
}

/* Where the entry goes over an element: a card or a header, or the label
 * of a connection (where a label would go if it has none). */
static gboolean
editor_rect (CjmCanvas *self,
             CjmRect   *rect)
{
  CjmElement *element = self->map != NULL ? cjm_map_lookup (self->map, self->editing_id) : NULL;
  CjmArrow arrow;

  if (CJM_IS_CONNECTION (element))
    {
      if (!cjm_layout_get_connection_arrow (self->layout, CJM_CONNECTION (element), &arrow))
        return FALSE;

      if (arrow.label_rect.width > 0)
        {
          /* Room to type more than the label holds. */
          double width = MAX (arrow.label_rect.width, 240);

          *rect = arrow.label_rect;
          rect->x -= (width - rect->width) / 2;
          rect->width = width;
        }
      else
        {
          /* The middle of the Bézier: at t = 1/2. */
          double x = (arrow.start.x + 3 * arrow.control1.x + 3 * arrow.control2.x + arrow.end.x) / 8;
          double y = (arrow.start.y + 3 * arrow.control1.y + 3 * arrow.control2.y + arrow.end.y) / 8;

          *rect = (CjmRect) { x - 80, y - 14, 160, 28 };
        }
      return TRUE;
    }

  return cjm_layout_get_element_rect (self->layout, self->editing_id, rect);
}

/**
 * _cjm_canvas_allocate_editor:
 * @self: a #CjmCanvas
 *
 * Puts the entry over the element edited, where it is now drawn.
 */
void
_cjm_canvas_allocate_editor (CjmCanvas *self)
{
  GtkAllocation allocation;
  int minimum, natural;
  double x, y;
  CjmRect rect;

  if (self->editor == NULL || !gtk_widget_get_visible (self->editor))
    return;

  if (self->layout == NULL || !editor_rect (self, &rect))
    {
      gtk_widget_set_visible (self->editor, FALSE);
      return;
    }

  cjm_canvas_map_to_widget (self, rect.x, rect.y, &x, &y);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  allocation.x = (int)x;
  allocation.y = (int)y;
  allocation.width = MAX ((int)(rect.width * self->zoom), 160);
  /* Over the whole card, hiding the text it replaces. */
  allocation.height = MAX (natural, (int)(rect.height * self->zoom));
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, natural, &minimum, NULL, NULL, NULL);
  allocation.width = MAX (allocation.width, minimum);
  gtk_widget_size_allocate (self->editor, &allocation, -1);
}

/**
 * _cjm_canvas_stop_editing:
 * @self: a #CjmCanvas
 * @commit: whether to keep what was typed
 *
 * Ends editing in place. What was typed becomes one undoable edit.
 */
void
_cjm_canvas_stop_editing (CjmCanvas *self,
                          gboolean   commit)
{
  g_autofree char *id = NULL;
  g_autofree char *property = NULL;
  CjmElement *element;

  if (self->editor == NULL || !gtk_widget_get_visible (self->editor))
    return;

  id = g_steal_pointer (&self->editing_id);
  property = g_steal_pointer (&self->editing_property);
  element = self->map != NULL && id != NULL ? cjm_map_lookup (self->map, id) : NULL;

  if (commit && element != NULL && property != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
      g_autofree char *current = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      g_object_get (element, property, &current, NULL);
      if (g_strcmp0 (*stripped ? stripped : NULL, current) != 0)
        {
          cjm_history_break_merge (self->history);
          cjm_edit_set_string (self->history, element, property, *stripped ? stripped : NULL);
        }
    }

  /* Hidden before the focus moves, so that losing the focus commits once. */
  gtk_widget_set_visible (self->editor, FALSE);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  _cjm_canvas_render_invalidate_overlay (self);
}

static void
editor_activate_cb (CjmCanvas *self)
{
  _cjm_canvas_stop_editing (self, TRUE);
}

static gboolean
editor_key_pressed_cb (CjmCanvas             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      _cjm_canvas_stop_editing (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

static void
editor_focus_leave_cb (CjmCanvas *self)
{
  _cjm_canvas_stop_editing (self, TRUE);
}

static void
ensure_editor (CjmCanvas *self)
{
  GtkEventController *controller;

  if (self->editor != NULL)
    return;

  self->editor = gtk_entry_new ();
  gtk_widget_add_css_class (self->editor, "cjm-canvas-editor");
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  g_signal_connect_object (self->editor, "activate", G_CALLBACK (editor_activate_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, controller);
}

/**
 * cjm_canvas_edit_element:
 * @self: a #CjmCanvas
 * @id: the id of a card, stage, step, lane or connection
 *
 * Opens an entry over the element, for its title, name or label: Enter keeps
 * what was typed, as one undoable edit, Escape drops it.
 */
void
cjm_canvas_edit_element (CjmCanvas  *self,
                         const char *id)
{
  CjmElement *element;
  const char *property;
  g_autofree char *text = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->map == NULL || self->presenting || id == NULL ||
      (element = cjm_map_lookup (self->map, id)) == NULL ||
      (property = name_property (element)) == NULL)
    return;

  _cjm_canvas_stop_editing (self, TRUE);
  ensure_editor (self);

  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  g_free (self->editing_property);
  self->editing_property = g_strdup (property);

  g_object_get (element, property, &text, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  CJM_IS_CARD (element) ? _("Card title") :
                                  CJM_IS_CONNECTION (element) ? _("Connection label") : _("Name"),
                                  -1);

  cjm_selection_set_focused (self->selection, id);
  cjm_canvas_scroll_to_element (self, id);
  gtk_widget_set_visible (self->editor, TRUE);
  _cjm_canvas_allocate_editor (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
}

/* The clipboard */

static void
copy_cards (CjmCanvas *self)
{
  g_autoptr(GPtrArray) cards = _cjm_canvas_dup_selected_cards (self);
  g_autoptr(CjmCopiedCards) copied = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GdkContentProvider *providers[3];
  GListModel *connections;
  guint n;

  if (cards->len == 0)
    return;

  copied = g_object_new (CJM_TYPE_COPIED_CARDS, NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      const char *id = cjm_element_get_id (CJM_ELEMENT (card));

      /* Copies keep the ids: the paste gives new ones, and knows from
       * these whether the steps are of its own map. */
      g_ptr_array_add (copied->cards, cjm_element_copy (CJM_ELEMENT (card), id));
      g_hash_table_add (ids, (gpointer)id);
      if (cjm_card_get_title (card) != NULL)
        g_string_append_printf (text, "%s\n", cjm_card_get_title (card));
    }

  connections = cjm_map_get_connections (self->map);
  n = g_list_model_get_n_items (connections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);

      if (g_hash_table_contains (ids, cjm_connection_get_from_id (connection)) &&
          g_hash_table_contains (ids, cjm_connection_get_to_id (connection)))
        g_ptr_array_add (copied->connections,
                         cjm_element_copy (CJM_ELEMENT (connection),
                                           cjm_element_get_id (CJM_ELEMENT (connection))));
    }

  providers[0] = gdk_content_provider_new_typed (CJM_TYPE_COPIED_CARDS, copied);
  {
    g_autoptr(GBytes) fragment = cjm_clipboard_write_cards (self->map, cards);

    providers[1] = gdk_content_provider_new_for_bytes (CJM_CLIPBOARD_CARDS_MIME_TYPE, fragment);
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);

    providers[2] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  }
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  copy_cards (CJM_CANVAS (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  g_autoptr(GPtrArray) cards = _cjm_canvas_dup_selected_cards (self);
  g_autoptr(GError) error = NULL;

  if (cards->len == 0)
    return;

  copy_cards (self);
  if (!cjm_edit_delete (self->history, cards, &error))
    _cjm_canvas_show_error (self, error);
}

/* Where a paste or an added card goes: the cell of the context menu, or
 * of the focused card, or under the focused header; else the first. */
static void
target_cell (CjmCanvas *self,
             int       *lane,
             int       *column,
             int       *index)
{
  CjmElement *focused = _cjm_canvas_get_focused_element (self);

  *lane = 0;
  *column = 0;
  *index = -1;

  if (self->context_lane >= 0 && self->context_column >= 0)
    {
      *lane = self->context_lane;
      *column = self->context_column;
      return;
    }

  if (CJM_IS_CARD (focused))
    {
      g_autoptr(GPtrArray) cards = NULL;
      guint position;

      *lane = MAX (0, cjm_layout_find_lane (self->layout, cjm_card_get_lane_id (CJM_CARD (focused))));
      *column = MAX (0, cjm_layout_find_column (self->layout, cjm_card_get_step_id (CJM_CARD (focused))));
      cards = cjm_layout_get_cell_cards (self->layout, *lane, *column);
      if (g_ptr_array_find (cards, focused, &position))
        *index = position + 1;
    }
  else if (CJM_IS_LANE (focused))
    *lane = MAX (0, cjm_layout_find_lane (self->layout, cjm_element_get_id (focused)));
  else if (CJM_IS_STEP (focused))
    *column = MAX (0, cjm_layout_find_column (self->layout, cjm_element_get_id (focused)));
  else if (CJM_IS_STAGE (focused))
    {
      GListModel *steps = cjm_stage_get_steps (CJM_STAGE (focused));

      if (g_list_model_get_n_items (steps) > 0)
        {
          g_autoptr(CjmStep) step = g_list_model_get_item (steps, 0);

          *column = MAX (0, cjm_layout_find_column (self->layout, cjm_element_get_id (CJM_ELEMENT (step))));
        }
    }
}

typedef struct
{
  CjmCanvas *self;
  char      *lane_id;
  char      *step_id;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->self);
  g_free (data->lane_id);
  g_free (data->step_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteData, paste_data_free)

static void
paste_cards (PasteData *data,
             GPtrArray *cards,
             GPtrArray *connections)
{
  CjmCanvas *self = data->self;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;

  if (self->map == NULL)
    return;

  if (cards == NULL || cards->len == 0)
    {
      _cjm_canvas_show_message (self, _("There are no cards to paste"));
      return;
    }

  if (data->step_id == NULL || cjm_map_lookup (self->map, data->step_id) == NULL)
    {
      _cjm_canvas_show_message (self, _("The map needs a step to paste cards into"));
      return;
    }

  pasted = cjm_edit_paste_cards (self->history, cards, connections,
                                 data->lane_id, data->step_id, &error);
  if (pasted == NULL)
    {
      _cjm_canvas_show_error (self, error);
      return;
    }

  _cjm_canvas_select_cards (self, pasted);
}

/* Cards copied in this process. */
static void
paste_value_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL);
  if (value == NULL || !G_VALUE_HOLDS (value, CJM_TYPE_COPIED_CARDS))
    {
      paste_cards (data, NULL, NULL);
      return;
    }

  paste_cards (data, CJM_COPIED_CARDS (g_value_get_object (value))->cards,
               CJM_COPIED_CARDS (g_value_get_object (value))->connections);
}

/* Cards copied in another process: the whole fragment read, then parsed. */
static void
paste_splice_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  GOutputStream *output = G_OUTPUT_STREAM (object);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (output, result, &error) < 0)
    {
      g_debug ("Cannot read the cards on the clipboard: %s", error->message);
      paste_cards (data, NULL, NULL);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
  if (!cjm_clipboard_read_cards (bytes, &cards, &connections, &error))
    {
      g_debug ("Cannot read the cards on the clipboard: %s", error->message);
      paste_cards (data, NULL, NULL);
      return;
    }

  paste_cards (data, cards, connections);
}

static void
paste_stream_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (input == NULL)
    {
      g_debug ("Cannot read the cards on the clipboard: %s", error->message);
      paste_cards (data, NULL, NULL);
      return;
    }

  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, paste_splice_cb, g_steal_pointer (&data));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  GdkClipboard *clipboard;
  GdkContentFormats *formats;
  PasteData *data;
  CjmLane *lane;
  CjmStep *step;
  int lane_index, column, index;

  if (self->layout == NULL)
    return;

  /* Where it goes is decided now: the clipboard answers later. */
  target_cell (self, &lane_index, &column, &index);
  self->context_lane = self->context_column = -1;
  lane = cjm_layout_get_lane (self->layout, lane_index);
  step = cjm_layout_get_step (self->layout, column);

  data = g_new0 (PasteData, 1);
  data->self = g_object_ref (self);
  data->lane_id = lane != NULL ? g_strdup (cjm_element_get_id (CJM_ELEMENT (lane))) : NULL;
  data->step_id = step != NULL ? g_strdup (cjm_element_get_id (CJM_ELEMENT (step))) : NULL;

  clipboard = gtk_widget_get_clipboard (widget);
  formats = gdk_clipboard_get_formats (clipboard);
  if (gdk_content_formats_contain_gtype (formats, CJM_TYPE_COPIED_CARDS))
    gdk_clipboard_read_value_async (clipboard, CJM_TYPE_COPIED_CARDS,
                                    G_PRIORITY_DEFAULT, NULL, paste_value_cb, data);
  else if (gdk_content_formats_contain_mime_type (formats, CJM_CLIPBOARD_CARDS_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, (const char *[]) { CJM_CLIPBOARD_CARDS_MIME_TYPE, NULL },
                              G_PRIORITY_DEFAULT, NULL, paste_stream_cb, data);
  else
    {
      g_autoptr(PasteData) nothing = data;

      paste_cards (nothing, NULL, NULL);
    }
}

/* Adding */

static CjmStage *
focused_stage (CjmCanvas *self,
               guint     *step_position)
{
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  const char *step_id = NULL;

  *step_position = G_MAXUINT;

  if (CJM_IS_STAGE (focused))
    return CJM_STAGE (focused);
  if (CJM_IS_STEP (focused))
    step_id = cjm_element_get_id (focused);
  else if (CJM_IS_CARD (focused))
    step_id = cjm_card_get_step_id (CJM_CARD (focused));
  else if (self->context_column >= 0)
    step_id = cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_step (self->layout, self->context_column)));

  return step_id != NULL ? cjm_map_find_stage_of_step (self->map, step_id, step_position) : NULL;
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  guint step_position;
  CjmStage *after = focused_stage (self, &step_position);
  int position = after != NULL ? cjm_list_model_index_of (cjm_map_get_stages (self->map), after) + 1 : -1;
  CjmStage *stage;

  stage = cjm_edit_add_stage (self->history, position, _("New stage"));
  self->context_lane = self->context_column = -1;
  cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (stage)));
  cjm_canvas_edit_element (self, cjm_element_get_id (CJM_ELEMENT (stage)));
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  GListModel *stages = cjm_map_get_stages (self->map);
  guint step_position;
  g_autoptr(CjmStage) stage = NULL;
  int position = -1;
  CjmStep *step;

  stage = focused_stage (self, &step_position);
  if (stage != NULL)
    {
      g_object_ref (stage);
      if (step_position != G_MAXUINT)
        position = step_position + 1;
    }
  else if (g_list_model_get_n_items (stages) > 0)
    stage = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  else
    stage = g_object_ref (cjm_edit_add_stage (self->history, -1, _("New stage")));

  step = cjm_edit_add_step (self->history, stage, position, _("New step"));
  self->context_lane = self->context_column = -1;
  cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (step)));
  cjm_canvas_edit_element (self, cjm_element_get_id (CJM_ELEMENT (step)));
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *kind_name = param != NULL ? g_variant_get_string (param, NULL) : "";
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  CjmLaneKind kind = CJM_LANE_KIND_TEXT;
  CjmChannel channel = CJM_CHANNEL_UNSPECIFIED;
  CjmPaletteItem item;
  CjmLane *after = NULL;
  const char *name;
  int position = -1;
  CjmLane *lane;

  if (cjm_palette_item_parse (kind_name, &item))
    {
      kind = cjm_card_kind_get_lane_kind (item.kind);
      channel = item.channel;
    }
  else if (g_str_equal (kind_name, "emotion"))
    kind = CJM_LANE_KIND_EMOTION;

  if (CJM_IS_LANE (focused))
    after = CJM_LANE (focused);
  else if (CJM_IS_CARD (focused))
    after = cjm_map_lookup_typed (self->map, cjm_card_get_lane_id (CJM_CARD (focused)), CJM_TYPE_LANE);
  else if (self->context_lane >= 0)
    after = cjm_layout_get_lane (self->layout, self->context_lane);
  if (after != NULL)
    position = cjm_list_model_index_of (cjm_map_get_lanes (self->map), after) + 1;

  name = channel != CJM_CHANNEL_UNSPECIFIED ? cjm_channel_get_label (channel) : cjm_lane_kind_get_label (kind);

  cjm_history_begin_group (self->history, _("Add Lane"));
  lane = cjm_edit_add_lane (self->history, position, kind, name);
  if (channel != CJM_CHANNEL_UNSPECIFIED)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, CJM_TYPE_CHANNEL);
      g_value_set_enum (&value, channel);
      cjm_edit_set_value (self->history, lane, "channel", &value);
    }
  cjm_history_end_group (self->history);

  self->context_lane = self->context_column = -1;
  cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (lane)));
  cjm_canvas_edit_element (self, cjm_element_get_id (CJM_ELEMENT (lane)));
}

static int
first_lane_for (CjmLayout   *layout,
                CjmCardKind  kind)
{
  guint n = cjm_layout_get_n_lanes (layout);

  for (guint i = 0; i < n; i++)
    if (cjm_lane_get_kind (cjm_layout_get_lane (layout, i)) == cjm_card_kind_get_lane_kind (kind))
      return i;

  return -1;
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *text = param != NULL ? g_variant_get_string (param, NULL) : "";
  g_autoptr(GError) error = NULL;
  CjmPaletteItem item = { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_UNSPECIFIED };
  int lane, column, index;
  CjmCard *card;

  if (self->layout == NULL)
    return;

  target_cell (self, &lane, &column, &index);
  self->context_lane = self->context_column = -1;

  if (cjm_layout_get_n_columns (self->layout) == 0)
    {
      _cjm_canvas_show_message (self, _("Add a step first: cards go in the steps"));
      return;
    }

  if (!cjm_palette_item_parse (text, &item))
    {
      /* The kind the lane takes. */
      CjmLane *target = cjm_layout_get_lane (self->layout, lane);
      int kind = target != NULL ? cjm_lane_kind_get_card_kind (cjm_lane_get_kind (target)) : -1;

      if (kind < 0)
        {
          _cjm_canvas_show_message (self, target != NULL ? _("Emotion lanes hold no cards: set the emotions in the persona panel")
                                                         : _("Add a lane first: cards go in the lanes"));
          return;
        }
      item.kind = kind;
    }
  else if (item.channel == CJM_CHANNEL_UNSPECIFIED &&
           (cjm_layout_get_lane (self->layout, lane) == NULL ||
            cjm_lane_get_kind (cjm_layout_get_lane (self->layout, lane)) != cjm_card_kind_get_lane_kind (item.kind)))
    {
      /* Asked for a kind the lane does not take: the first lane that does. */
      lane = first_lane_for (self->layout, item.kind);
      index = -1;
      if (lane < 0)
        lane = 0;
    }

  card = cjm_drop_create (self->history, self->layout, &item, lane, column, index, &error);
  if (card == NULL)
    {
      _cjm_canvas_show_error (self, error);
      return;
    }

  cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (card)));
  cjm_canvas_edit_element (self, cjm_element_get_id (CJM_ELEMENT (card)));
}

/* Context menus */

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (target != NULL)
    g_menu_item_set_action_and_target (item, action, "s", target);
  else
    g_menu_item_set_detailed_action (item, action);
  g_menu_append_item (menu, item);
}

static GMenu *
lane_kinds_menu (void)
{
  GMenu *menu = g_menu_new ();

  append_item (menu, _("_Channel"), "canvas.add-lane", "card:touchpoint");
  append_item (menu, _("_Text"), "canvas.add-lane", "card:note");
  append_item (menu, _("_Emotion Curve"), "canvas.add-lane", "emotion");
  append_item (menu, _("_Pain Points"), "canvas.add-lane", "card:pain-point");
  append_item (menu, _("_Opportunities"), "canvas.add-lane", "card:opportunity");
  append_item (menu, _("_KPIs"), "canvas.add-lane", "card:metric");
  append_item (menu, _("_Backstage"), "canvas.add-lane", "card:backstage");

  return menu;
}

static GMenuModel *
context_menu_model (CjmCanvas *self)
{
  CjmElement *focused = _cjm_canvas_get_focused_element (self);
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) lanes = lane_kinds_menu ();
  GMenu *menu = g_menu_new ();
  gboolean on_element = focused != NULL && cjm_selection_get_n_ids (self->selection) > 0;

  if (on_element && CJM_IS_CARD (focused))
    {
      append_item (edit, _("_Edit Title"), "canvas.edit", NULL);
      append_item (edit, _("_Duplicate"), "canvas.duplicate", NULL);
      append_item (edit, _("C_onnect To…"), "canvas.connect", NULL);
      append_item (edit, _("_Delete"), "canvas.delete", NULL);
      append_item (clipboard, _("Cu_t"), "canvas.cut", NULL);
      append_item (clipboard, _("_Copy"), "canvas.copy", NULL);
    }
  else if (on_element && CJM_IS_STAGE (focused))
    {
      append_item (edit, _("_Rename Stage"), "canvas.edit", NULL);
      append_item (edit, _("_Duplicate Stage"), "canvas.duplicate", NULL);
      append_item (edit, _("_Delete Stage"), "canvas.delete", NULL);
    }
  else if (on_element && CJM_IS_STEP (focused))
    {
      append_item (edit, _("_Rename Step"), "canvas.edit", NULL);
      append_item (edit, _("_Delete Step"), "canvas.delete", NULL);
    }
  else if (on_element && CJM_IS_LANE (focused))
    {
      append_item (edit, _("_Rename Lane"), "canvas.edit", NULL);
      append_item (edit, _("_Delete Lane"), "canvas.delete", NULL);
    }
  else if (on_element && CJM_IS_CONNECTION (focused))
    {
      append_item (edit, _("Edit _Label"), "canvas.edit", NULL);
      append_item (edit, _("_Delete Connection"), "canvas.delete", NULL);
    }
  else if (on_element)
    append_item (edit, _("_Delete"), "canvas.delete", NULL);

  append_item (clipboard, _("_Paste Here"), "canvas.paste", NULL);

  append_item (add, _("Add _Card Here"), "canvas.add-card", "");
  append_item (add, _("Add _Step"), "canvas.add-step", NULL);
  append_item (add, _("Add St_age"), "canvas.add-stage", NULL);
  g_menu_append_submenu (add, _("Add _Lane"), G_MENU_MODEL (lanes));

  if (g_menu_model_get_n_items (G_MENU_MODEL (edit)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));

  return G_MENU_MODEL (menu);
}

static gboolean
forget_context_cell_cb (gpointer user_data)
{
  CjmCanvas *self = user_data;

  self->context_lane = self->context_column = -1;
  self->forget_context_id = 0;

  return G_SOURCE_REMOVE;
}

static void
context_menu_closed_cb (CjmCanvas *self)
{
  /* After the action the menu may have activated, which uses the cell.
   * No reference: a canvas going away takes the idle with it. */
  if (self->forget_context_id == 0)
    self->forget_context_id = g_idle_add_full (G_PRIORITY_LOW, forget_context_cell_cb, self, NULL);
}

/**
 * _cjm_canvas_popup_menu:
 * @self: a #CjmCanvas
 * @x: where, in widget coordinates
 * @y: where
 *
 * Opens the context menu of what is focused, or of the cell there.
 */
void
_cjm_canvas_popup_menu (CjmCanvas *self,
                        double     x,
                        double     y)
{
  g_autoptr(GMenuModel) model = context_menu_model (self);

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      g_signal_connect_object (self->context_menu, "closed", G_CALLBACK (context_menu_closed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *id = cjm_selection_get_focused (self->selection);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;
  CjmRect rect;

  if (id != NULL && self->layout != NULL && cjm_layout_get_element_rect (self->layout, id, &rect))
    {
      cjm_canvas_scroll_to_element (self, id);
      cjm_canvas_map_to_widget (self, rect.x + rect.width / 2, rect.y + rect.height, &x, &y);
      if (!cjm_selection_contains (self->selection, id))
        cjm_selection_select (self->selection, id);
    }

  self->context_lane = self->context_column = -1;
  _cjm_canvas_popup_menu (self, x, y);
}

void
_cjm_canvas_edit_dispose (CjmCanvas *self)
{
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->editing_id, g_free);
  g_clear_pointer (&self->editing_property, g_free);
}

void
_cjm_canvas_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", "s", add_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", "s", add_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  /* Menus show the binding added last: the usual one goes last. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-card", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "canvas.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.add-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "canvas.add-lane", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
}
