/* cjm-field-rows.c: one libadwaita row per field of an element
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-field-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-field.h"
#include "cjm-field-rows.h"

/* Each row reads its field from the element, and writes what the user
 * types or picks back through cjm-edit.h, so that every change is one
 * step to undo. When the model changes (an undo, a reload, another
 * panel), the editor calls cjm_field_row_sync(), which shows the new
 * value without writing it back: `syncing` tells the handlers apart. */

/* Pictures are embedded in the file: keep them to a sensible size. */
#define PICTURE_MAX_BYTES (2 * 1024 * 1024)

struct _CjmFieldRow
{
  CjmFieldContext     context;
  const CjmFieldSpec *spec;
  GParamSpec         *pspec;

  GtkWidget          *widget;   /* the row, as added to a group */
  GtkWidget          *input;    /* what holds the value, if not the row */
  GtkStringList      *strings;  /* the words of a combo row */
  GArray             *values;   /* the values of a combo row, as ints */
  GPtrArray          *ids;      /* the elements listed: steps, lanes, cards */
  GPtrArray          *checks;   /* the check buttons of a list to tick */
  GPtrArray          *children; /* the rows of a list to tick */
  GPtrArray          *connected;/* objects whose signals call back here */

  guint               syncing;
};

static CjmMap *
row_map (CjmFieldRow *row)
{
  return cjm_history_get_map (row->context.history);
}

static void
report (CjmFieldRow *row,
        const char  *message)
{
  if (row->context.report != NULL)
    row->context.report (row->context.user_data, message);
}

static void
connect (CjmFieldRow *row,
         gpointer     instance,
         const char  *signal,
         GCallback    callback)
{
  g_signal_connect_swapped (instance, signal, callback, row);
  g_ptr_array_add (row->connected, g_object_ref (instance));
}

static char *
get_string (CjmFieldRow *row)
{
  char *text = NULL;

  g_object_get (row->context.element, row->spec->property, &text, NULL);
  return text;
}

static int
get_int (CjmFieldRow *row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, row->pspec->value_type);
  g_object_get_property (G_OBJECT (row->context.element), row->spec->property, &value);

  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);

  return g_value_get_int (&value);
}

static void
break_merge_cb (CjmFieldRow *row)
{
  /* A date left empty is cleared then, not while it is being retyped. */
  if (row->spec->kind == CJM_FIELD_DATE &&
      gtk_editable_get_text (GTK_EDITABLE (row->widget))[0] == '\0')
    cjm_edit_set_string (row->context.history, row->context.element, row->spec->property, NULL);

  /* Typing in a field is one step; the next field starts another. */
  cjm_history_break_merge (row->context.history);
}

static void
add_focus_leave (CjmFieldRow *row,
                 GtkWidget   *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  connect (row, focus, "leave", G_CALLBACK (break_merge_cb));
  gtk_widget_add_controller (widget, focus);
}

/* Names of elements, as the panels list them */

static const char *
or_untitled (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : _("Untitled");
}

static char *
dup_element_name (CjmMap     *map,
                  const char *id)
{
  CjmElement *element = id != NULL ? cjm_map_lookup (map, id) : NULL;

  if (CJM_IS_PERSONA (element))
    return g_strdup (or_untitled (cjm_persona_get_name (CJM_PERSONA (element))));
  if (CJM_IS_STEP (element))
    return g_strdup (or_untitled (cjm_step_get_name (CJM_STEP (element))));
  if (CJM_IS_STAGE (element))
    return g_strdup (or_untitled (cjm_stage_get_name (CJM_STAGE (element))));
  if (CJM_IS_LANE (element))
    return g_strdup (or_untitled (cjm_lane_get_name (CJM_LANE (element))));
  if (CJM_IS_CARD (element))
    return g_strdup (or_untitled (cjm_card_get_title (CJM_CARD (element))));

  return g_strdup (_("None"));
}

/* Where a step is in the journey, or "None". */
static char *
dup_step_place (CjmMap     *map,
                const char *step_id)
{
  char *place = cjm_labels_dup_step_place (map, step_id);

  return place != NULL ? place : g_strdup (_("None"));
}

/* One line of text */

static void
text_changed_cb (CjmFieldRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->widget));

  if (row->syncing)
    return;

  if (row->spec->kind == CJM_FIELD_DATE)
    {
      /* A date half typed is not written; the row says it is not one yet.
       * Emptied, it is written when the user leaves it (break_merge_cb). */
      gtk_widget_remove_css_class (row->widget, "error");
      if (text[0] != '\0' && !cjm_date_text_is_valid (text))
        gtk_widget_add_css_class (row->widget, "error");
      if (text[0] == '\0' || !cjm_date_text_is_valid (text))
        return;
    }

  cjm_edit_set_string (row->context.history, row->context.element, row->spec->property, text);
}

static void
sync_text (CjmFieldRow *row)
{
  g_autofree char *value = get_string (row);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->widget)), value != NULL ? value : "") != 0)
    {
      row->syncing++;
      gtk_editable_set_text (GTK_EDITABLE (row->widget), value != NULL ? value : "");
      row->syncing--;
    }

  gtk_widget_remove_css_class (row->widget, "error");
}

static void
day_selected_cb (CjmFieldRow *row,
                 GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row->widget), text);
}

static void
calendar_show_cb (CjmFieldRow *row,
                  GtkPopover  *popover)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *value = get_string (row);
  g_autoptr(GDateTime) date = NULL;

  /* The calendar opens on the date the field holds, or today. */
  if (value != NULL && cjm_date_text_is_valid (value))
    {
      g_autofree char *iso = g_strconcat (value, "T12:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  row->syncing++;
  gtk_calendar_select_day (calendar, date);
  row->syncing--;

  gtk_widget_grab_focus (GTK_WIDGET (calendar));
}

static void
calendar_day_selected_cb (CjmFieldRow *row,
                          GtkCalendar *calendar)
{
  if (!row->syncing)
    day_selected_cb (row, calendar);
}

static void
build_text (CjmFieldRow *row)
{
  row->widget = adw_entry_row_new ();
  connect (row, row->widget, "changed", G_CALLBACK (text_changed_cb));
  add_focus_leave (row, row->widget);

  if (row->spec->kind == CJM_FIELD_DATE)
    {
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *calendar = gtk_calendar_new ();

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (button, _("Pick a Date"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_popover_set_child (GTK_POPOVER (popover), calendar);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
      connect (row, popover, "show", G_CALLBACK (calendar_show_cb));
      connect (row, calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->widget), button);
    }
}

/* Paragraphs */

static void
long_text_changed_cb (CjmFieldRow   *row,
                      GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (row->syncing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cjm_edit_set_string (row->context.history, row->context.element, row->spec->property, text);
}

static void
sync_long_text (CjmFieldRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
  g_autofree char *value = get_string (row);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value != NULL ? value : "") == 0)
    return;

  row->syncing++;
  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  row->syncing--;
}

static void
build_long_text (CjmFieldRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(row->spec->label));
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled;

  row->widget = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->widget), FALSE);
  gtk_widget_add_css_class (row->widget, "cjm-long-text-row");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  /* Room for the descenders of the last line. */
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "cjm-long-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  /* In a scrolled window that grows with the text up to a limit: a bare
   * text view in a list row measures no height until it has been laid
   * out on screen (GTK 4.8), so it would show no lines. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 60);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->widget), box);


  row->input = view;
  connect (row, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
           G_CALLBACK (long_text_changed_cb));
  add_focus_leave (row, view);
}

/* Choices: enumerations, levels, scores */

static const char *
level_label (int level)
{
  switch (level)
    {
    case 1: return _("1 · Very Low");
    case 2: return _("2 · Low");
    case 3: return _("3 · Medium");
    case 4: return _("4 · High");
    case 5: return _("5 · Very High");
    default: return _("Not Set");
    }
}

static void
add_choice (CjmFieldRow *row,
            int          value,
            const char  *label)
{
  g_array_append_val (row->values, value);
  gtk_string_list_append (row->strings, label != NULL ? label : _("Not Set"));
}

static void
fill_choices (CjmFieldRow *row)
{
  if (row->spec->kind == CJM_FIELD_LEVEL)
    {
      for (int level = 0; level <= 5; level++)
        add_choice (row, level, level_label (level));
    }
  else if (row->spec->kind == CJM_FIELD_SCORE)
    {
      for (int score = CJM_EMOTION_SCORE_MAX; score >= CJM_EMOTION_SCORE_MIN; score--)
        {
          /* Translators: an emotion score and its name, e.g. "+3 · Delighted" */
          g_autofree char *label = g_strdup_printf (_("%+d · %s"), score, cjm_emotion_score_get_label (score));

          add_choice (row, score, label);
        }
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (row->pspec->value_type);

      for (guint i = 0; i < klass->n_values; i++)
        add_choice (row, klass->values[i].value,
                    cjm_enum_get_label (row->pspec->value_type, klass->values[i].value));
    }
}

static void
choice_selected_cb (CjmFieldRow *row)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->widget));
  CjmCard *card;
  const char *id;
  g_autoptr(GError) error = NULL;

  if (row->syncing || selected >= row->values->len)
    return;

  switch (row->spec->kind)
    {
    case CJM_FIELD_STEP:
    case CJM_FIELD_LANE:
      card = CJM_CARD (row->context.element);
      id = g_ptr_array_index (row->ids, selected);
      if (!cjm_edit_move_card (row->context.history, card,
                               row->spec->kind == CJM_FIELD_LANE ? id : cjm_card_get_lane_id (card),
                               row->spec->kind == CJM_FIELD_STEP ? id : cjm_card_get_step_id (card),
                               -1, &error))
        {
          report (row, error->message);
          cjm_field_row_sync (row);
        }
      break;

    case CJM_FIELD_CHOICE:
    case CJM_FIELD_LEVEL:
    case CJM_FIELD_SCORE:
    case CJM_FIELD_TEXT:
    case CJM_FIELD_LONG_TEXT:
    case CJM_FIELD_COLOR:
    case CJM_FIELD_DATE:
    case CJM_FIELD_PICTURE:
    case CJM_FIELD_PERSONAS:
    case CJM_FIELD_LINKS:
    case CJM_FIELD_REFERENCE:
    default:
      cjm_edit_set_int (row->context.history, row->context.element, row->spec->property,
                        g_array_index (row->values, int, selected));
      break;
    }
}

static void
sync_choice (CjmFieldRow *row)
{
  int value = get_int (row);

  row->syncing++;
  for (guint i = 0; i < row->values->len; i++)
    {
      if (g_array_index (row->values, int, i) == value)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->widget), i);
    }
  row->syncing--;

  /* A lane's kind says what its cards are: it changes only while empty. */
  if (CJM_IS_LANE (row->context.element) && g_str_equal (row->spec->property, "kind"))
    {
      gboolean holds_cards = cjm_map_lane_holds_cards (row_map (row), CJM_LANE (row->context.element));

      gtk_widget_set_sensitive (row->widget, !holds_cards);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->widget),
                                   holds_cards ? _("Only an empty lane can change its kind") : NULL);
    }
}

static void
build_choice (CjmFieldRow *row)
{
  row->widget = adw_combo_row_new ();
  row->strings = gtk_string_list_new (NULL);
  row->values = g_array_new (FALSE, FALSE, sizeof (int));

  if (row->spec->kind != CJM_FIELD_STEP && row->spec->kind != CJM_FIELD_LANE)
    fill_choices (row);

  adw_combo_row_set_model (ADW_COMBO_ROW (row->widget), G_LIST_MODEL (row->strings));
  connect (row, row->widget, "notify::selected", G_CALLBACK (choice_selected_cb));
}

/* A card's place: the lists of steps and lanes follow the map. */

static GPtrArray *
dup_place_candidates (CjmFieldRow *row)
{
  CjmMap *map = row_map (row);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  if (row->spec->kind == CJM_FIELD_STEP)
    {
      g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);

      for (guint i = 0; i < steps->len; i++)
        g_ptr_array_add (ids, g_strdup (cjm_element_get_id (g_ptr_array_index (steps, i))));
    }
  else
    {
      GListModel *lanes = cjm_map_get_lanes (map);
      CjmLaneKind kind = cjm_card_kind_get_lane_kind (cjm_card_get_kind (CJM_CARD (row->context.element)));

      for (guint i = 0, n = g_list_model_get_n_items (lanes); i < n; i++)
        {
          g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

          if (cjm_lane_get_kind (lane) == kind)
            g_ptr_array_add (ids, g_strdup (cjm_element_get_id (CJM_ELEMENT (lane))));
        }
    }

  return ids;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_strings (GtkStringList *a,
              GtkStringList *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  if (n != g_list_model_get_n_items (G_LIST_MODEL (b)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (a, i), gtk_string_list_get_string (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
sync_place (CjmFieldRow *row)
{
  CjmCard *card = CJM_CARD (row->context.element);
  g_autoptr(GPtrArray) ids = dup_place_candidates (row);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  const char *current;

  row->syncing++;

  /* Names change as the user types them: the words are made anew. */
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *label = row->spec->kind == CJM_FIELD_STEP
                               ? dup_step_place (row_map (row), id)
                               : dup_element_name (row_map (row), id);

      gtk_string_list_append (strings, label);
    }

  /* Only when they changed: the combo row may be telling of a choice. */
  if (!same_strings (row->strings, strings))
    {
      g_set_object (&row->strings, strings);
      adw_combo_row_set_model (ADW_COMBO_ROW (row->widget), G_LIST_MODEL (row->strings));
    }
  g_array_set_size (row->values, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_array_index (row->values, int, i) = (int)i;
  g_clear_pointer (&row->ids, g_ptr_array_unref);
  row->ids = g_steal_pointer (&ids);

  current = row->spec->kind == CJM_FIELD_STEP ? cjm_card_get_step_id (card) : cjm_card_get_lane_id (card);
  for (guint i = 0; i < row->ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (row->ids, i), current) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->widget), i);
    }

  row->syncing--;
}

/* Colours */

static void
color_set_cb (CjmFieldRow *row)
{
  GdkRGBA rgba;
  g_autofree char *text = NULL;

  if (row->syncing)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (row->input), &rgba);
  text = g_strdup_printf ("#%02x%02x%02x",
                          (guint)(CLAMP (rgba.red, 0., 1.) * 255. + .5),
                          (guint)(CLAMP (rgba.green, 0., 1.) * 255. + .5),
                          (guint)(CLAMP (rgba.blue, 0., 1.) * 255. + .5));
  cjm_edit_set_string (row->context.history, row->context.element, row->spec->property, text);
}

static void
sync_color (CjmFieldRow *row)
{
  g_autofree char *value = get_string (row);
  GdkRGBA rgba;

  /* No colour of its own: the button shows a neutral grey. */
  if (value == NULL || !gdk_rgba_parse (&rgba, value))
    gdk_rgba_parse (&rgba, "#9a9996");

  row->syncing++;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row->input), &rgba);
  row->syncing--;
}

static void
build_color (CjmFieldRow *row)
{
  row->widget = adw_action_row_new ();
  row->input = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (row->input), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (row->input), _(row->spec->label));
  gtk_widget_set_valign (row->input, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->widget), row->input);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->widget), row->input);
  connect (row, row->input, "color-set", G_CALLBACK (color_set_cb));
}

/* A persona's picture, embedded in the map so that it travels with it */

static void
sync_picture (CjmFieldRow *row)
{
  CjmPersona *persona = CJM_PERSONA (row->context.element);
  g_autoptr(GBytes) picture = cjm_persona_dup_picture_bytes (persona);
  g_autoptr(GdkTexture) texture = picture != NULL ? gdk_texture_new_from_bytes (picture, NULL) : NULL;

  adw_avatar_set_text (ADW_AVATAR (row->input), cjm_persona_get_name (persona));

  adw_avatar_set_custom_image (ADW_AVATAR (row->input), GDK_PAINTABLE (texture));
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row->widget), "remove"), texture != NULL);
}

static void
set_picture (CjmFieldRow *row,
             const char  *data,
             const char  *type)
{
  CjmHistory *history = row->context.history;

  cjm_history_begin_group (history, _("Change Picture"));
  cjm_edit_set_string (history, row->context.element, "picture-data", data);
  cjm_edit_set_string (history, row->context.element, "picture-type", type);
  /* The embedded picture is the one shown; no stale path is left beside it. */
  cjm_edit_set_string (history, row->context.element, "picture", NULL);
  cjm_history_end_group (history);
}

static void
picture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  CjmFieldRow *row = g_object_get_data (G_OBJECT (widget), "cjm-field-row");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *data = NULL;
  g_autofree char *type = NULL;
  g_autofree char *content_type = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  /* The editor moved on to another element meanwhile. */
  if (row == NULL)
    return;

  if (bytes == NULL)
    {
      report (row, error->message);
      return;
    }

  if (g_bytes_get_size (bytes) > PICTURE_MAX_BYTES)
    {
      report (row, _("This picture is larger than 2 MB: choose a smaller one, as it is kept inside the map file"));
      return;
    }

  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    {
      report (row, _("This file is not a picture Journey Mapper can read: choose a PNG or JPEG picture"));
      return;
    }

  content_type = g_content_type_guess (NULL, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  type = g_content_type_get_mime_type (content_type);
  data = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_picture (row, data, type);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GtkWidget *widget = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_load_bytes_async (file, NULL, picture_loaded_cb, g_object_ref (widget));
    }

  g_object_unref (widget);

  g_object_unref (chooser);
}

static void
choose_picture_cb (CjmFieldRow *row)
{
  GtkRoot *root = gtk_widget_get_root (row->widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Picture"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (row->widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_picture_cb (CjmFieldRow *row)
{
  set_picture (row, NULL, NULL);
}

static void
build_picture (CjmFieldRow *row)
{
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  row->widget = adw_action_row_new ();
  row->input = adw_avatar_new (48, NULL, TRUE);
  gtk_widget_set_margin_top (row->input, 6);
  gtk_widget_set_margin_bottom (row->input, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row->widget), row->input);

  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Picture"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Picture"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->widget), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->widget), remove);
  g_object_set_data (G_OBJECT (row->widget), "remove", remove);
  connect (row, choose, "clicked", G_CALLBACK (choose_picture_cb));
  connect (row, remove, "clicked", G_CALLBACK (remove_picture_cb));
}

/* Lists to tick: a card's personas, a pain point's touchpoints, an
 * opportunity's pain points */

static GPtrArray *
dup_check_candidates (CjmFieldRow *row)
{
  CjmMap *map = row_map (row);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *model;
  CjmCardKind kind;

  if (row->spec->kind == CJM_FIELD_PERSONAS)
    {
      model = cjm_map_get_personas (map);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CjmElement) persona = g_list_model_get_item (model, i);

          g_ptr_array_add (ids, g_strdup (cjm_element_get_id (persona)));
        }
      return ids;
    }

  kind = g_str_equal (row->spec->property, "touchpoint-ids") ? CJM_CARD_KIND_TOUCHPOINT : CJM_CARD_KIND_PAIN_POINT;
  model = cjm_map_get_cards (map);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

      if (cjm_card_get_kind (card) == kind)
        g_ptr_array_add (ids, g_strdup (cjm_element_get_id (CJM_ELEMENT (card))));
    }

  return ids;
}

static const char * const *
get_checked_ids (CjmFieldRow *row)
{
  CjmCard *card = CJM_CARD (row->context.element);

  if (row->spec->kind == CJM_FIELD_PERSONAS)
    return cjm_card_get_persona_ids (card);
  if (g_str_equal (row->spec->property, "touchpoint-ids"))
    return cjm_card_get_touchpoint_ids (card);
  return cjm_card_get_pain_point_ids (card);
}

static void
check_toggled_cb (CjmFieldRow    *row,
                  GtkCheckButton *check)
{
  CjmCard *card = CJM_CARD (row->context.element);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  guint index;
  CjmCard *other;

  if (row->syncing || !g_ptr_array_find (row->checks, check, &index))
    return;

  if (row->spec->kind == CJM_FIELD_PERSONAS)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      /* The personas in the map's order, whatever order they are ticked in. */
      for (guint i = 0; i < row->checks->len; i++)
        {
          if (gtk_check_button_get_active (g_ptr_array_index (row->checks, i)))
            g_strv_builder_add (builder, g_ptr_array_index (row->ids, i));
        }
      ids = g_strv_builder_end (builder);
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, ids);
      cjm_edit_set_value (row->context.history, card, "persona-ids", &value);
      return;
    }

  other = cjm_map_lookup_typed (row_map (row), g_ptr_array_index (row->ids, index), CJM_TYPE_CARD);
  g_return_if_fail (other != NULL);

  if (!active)
    cjm_edit_unlink_cards (row->context.history, card, other);
  else if (g_str_equal (row->spec->property, "touchpoint-ids")
           ? !cjm_edit_link_pain_point (row->context.history, card, other, &error)
           : !cjm_edit_link_opportunity (row->context.history, card, other, &error))
    {
      report (row, error->message);
      cjm_field_row_sync (row);
    }
}

static void
rebuild_checks (CjmFieldRow *row,
                GPtrArray   *ids)
{
  for (guint i = 0; i < row->children->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row->widget), g_ptr_array_index (row->children, i));
  g_ptr_array_set_size (row->children, 0);
  g_ptr_array_set_size (row->checks, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      GtkWidget *child = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (child), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row->widget), child);
      connect (row, check, "toggled", G_CALLBACK (check_toggled_cb));
      g_ptr_array_add (row->children, child);
      g_ptr_array_add (row->checks, check);
    }

  g_clear_pointer (&row->ids, g_ptr_array_unref);
  row->ids = g_ptr_array_ref (ids);
}

static void
sync_checks (CjmFieldRow *row)
{
  CjmMap *map = row_map (row);
  g_autoptr(GPtrArray) ids = dup_check_candidates (row);
  const char * const *checked = get_checked_ids (row);
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_checked = 0;

  row->syncing++;

  if (!same_ids (row->ids, ids))
    rebuild_checks (row, ids);

  for (guint i = 0; i < row->ids->len; i++)
    {
      const char *id = g_ptr_array_index (row->ids, i);
      GtkWidget *child = g_ptr_array_index (row->children, i);
      g_autofree char *name = dup_element_name (map, id);
      gboolean active = checked != NULL && g_strv_contains (checked, id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), name);
      if (row->spec->kind == CJM_FIELD_LINKS)
        {
          CjmCard *card = cjm_map_lookup_typed (map, id, CJM_TYPE_CARD);
          g_autofree char *place = dup_step_place (map, cjm_card_get_step_id (card));

          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), place);
        }
      gtk_check_button_set_active (g_ptr_array_index (row->checks, i), active);

      if (active)
        {
          if (n_checked++ > 0)
            g_string_append (summary, _(", "));
          g_string_append (summary, name);
        }
    }

  row->syncing--;

  if (n_checked == 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->widget),
                                   row->spec->kind == CJM_FIELD_PERSONAS ? _("All personas") : _("None"));
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->widget), summary->str);

  if (row->ids->len == 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->widget),
                                   row->spec->kind == CJM_FIELD_PERSONAS
                                   ? _("The map has no personas yet")
                                   : g_str_equal (row->spec->property, "touchpoint-ids")
                                   ? _("The map has no touchpoints yet")
                                   : _("The map has no pain points yet"));
  gtk_widget_set_sensitive (row->widget, row->ids->len > 0);
}

static void
build_checks (CjmFieldRow *row)
{
  row->widget = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->widget), FALSE);
  row->checks = g_ptr_array_new ();
  row->children = g_ptr_array_new ();
}

/* Another element, named */

static void
sync_reference (CjmFieldRow *row)
{
  g_autofree char *id = get_string (row);
  g_autofree char *name = NULL;

  if (CJM_IS_EMOTION (row->context.element) && g_str_equal (row->spec->property, "step-id"))
    name = dup_step_place (row_map (row), id);
  else
    name = dup_element_name (row_map (row), id);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->widget), name);
}

static void
build_reference (CjmFieldRow *row)
{
  row->widget = adw_action_row_new ();
  gtk_widget_add_css_class (row->widget, "property");
}

/* Public API */

/**
 * cjm_field_row_new:
 * @context: the history and element the row edits
 * @spec: (not nullable): the field, static
 *
 * Returns: (transfer full): a row showing the field's current value
 */
CjmFieldRow *
cjm_field_row_new (const CjmFieldContext *context,
                   const CjmFieldSpec    *spec)
{
  CjmFieldRow *row;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (CJM_IS_HISTORY (context->history), NULL);
  g_return_val_if_fail (CJM_IS_ELEMENT (context->element), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  row = g_new0 (CjmFieldRow, 1);
  row->context = *context;
  g_object_ref (row->context.element);
  row->spec = spec;
  row->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (context->element), spec->property);
  row->connected = g_ptr_array_new_with_free_func (g_object_unref);
  g_return_val_if_fail (row->pspec != NULL, (cjm_field_row_free (row), NULL));

  switch (spec->kind)
    {
    case CJM_FIELD_TEXT:
    case CJM_FIELD_DATE:
      build_text (row);
      break;

    case CJM_FIELD_LONG_TEXT:
      build_long_text (row);
      break;

    case CJM_FIELD_CHOICE:
    case CJM_FIELD_LEVEL:
    case CJM_FIELD_SCORE:
    case CJM_FIELD_STEP:
    case CJM_FIELD_LANE:
      build_choice (row);
      break;

    case CJM_FIELD_COLOR:
      build_color (row);
      break;

    case CJM_FIELD_PICTURE:
      build_picture (row);
      break;

    case CJM_FIELD_PERSONAS:
    case CJM_FIELD_LINKS:
      build_checks (row);
      break;

    case CJM_FIELD_REFERENCE:
    default:
      build_reference (row);
      break;
    }

  if (row->spec->kind != CJM_FIELD_LONG_TEXT)
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->widget), _(spec->label));
  g_object_ref_sink (row->widget);
  g_object_set_data (G_OBJECT (row->widget), "cjm-field-row", row);

  cjm_field_row_sync (row);

  return row;
}

void
cjm_field_row_free (CjmFieldRow *row)
{
  if (row == NULL)
    return;

  for (guint i = 0; i < row->connected->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (row->connected, i), row);
  g_ptr_array_unref (row->connected);

  if (row->widget != NULL)
    {
      /* A picture still loading finds no row and does nothing. */
      g_object_set_data (G_OBJECT (row->widget), "cjm-field-row", NULL);
      g_object_unref (row->widget);
    }

  g_clear_object (&row->strings);
  g_clear_pointer (&row->values, g_array_unref);
  g_clear_pointer (&row->ids, g_ptr_array_unref);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->children, g_ptr_array_unref);
  g_object_unref (row->context.element);
  g_free (row);
}

/**
 * cjm_field_row_get_widget:
 * @row: a #CjmFieldRow
 *
 * Returns: (transfer none): the row, to add to an #AdwPreferencesGroup
 */
GtkWidget *
cjm_field_row_get_widget (CjmFieldRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->widget;
}

const char *
cjm_field_row_get_property (CjmFieldRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->spec->property;
}

/**
 * cjm_field_row_sync:
 * @row: a #CjmFieldRow
 *
 * Shows the field's value as the model has it now, without editing it.
 */
void
cjm_field_row_sync (CjmFieldRow *row)
{
  g_return_if_fail (row != NULL);

  switch (row->spec->kind)
    {
    case CJM_FIELD_TEXT:
    case CJM_FIELD_DATE:
      sync_text (row);
      break;

    case CJM_FIELD_LONG_TEXT:
      sync_long_text (row);
      break;

    case CJM_FIELD_CHOICE:
    case CJM_FIELD_LEVEL:
    case CJM_FIELD_SCORE:
      sync_choice (row);
      break;

    case CJM_FIELD_STEP:
    case CJM_FIELD_LANE:
      sync_place (row);
      break;

    case CJM_FIELD_COLOR:
      sync_color (row);
      break;

    case CJM_FIELD_PICTURE:
      sync_picture (row);
      break;

    case CJM_FIELD_PERSONAS:
    case CJM_FIELD_LINKS:
      sync_checks (row);
      break;

    case CJM_FIELD_REFERENCE:
    default:
      sync_reference (row);
      break;
    }
}
