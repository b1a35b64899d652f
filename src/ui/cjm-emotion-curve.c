/* cjm-emotion-curve.c: the personas' emotion curves, to read and edit
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-emotion-curve"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cjm-emotion-curve-private.h"
#include "cjm-emotion-popover.h"

/* The widget draws one emotion lane of the map with the core's layout and
 * renderer, as the canvas and the exports do: its own CjmLayout of the map
 * shows only the map's first emotion lane (or one of its own if the map has
 * none) and the personas chosen, its columns stretched or the whole drawing
 * scaled to the widget's width.
 *
 * The keyboard focus is a persona and a step (a column): Left and Right
 * move it between steps, Page Up and Page Down between personas, Up and
 * Down change the score (adding a neutral one where there is none), Enter
 * edits the label and quote, Delete clears the score. */

#define FOCUS_COLOR "#3584e4"

/* A step's column at 100 % (the layout's), and how narrow and how small
 * the drawing gets before it asks for more room. */
#define COLUMN_WIDTH     240.0
#define MIN_COLUMN_SCALE 0.5
#define MIN_SCALE        0.6

struct _CjmEmotionCurve
{
  GtkWidget     parent_instance;

  CjmDocument  *document;
  CjmMap       *map;
  CjmHistory   *history;
  CjmLayout    *layout;
  CjmSelection *selection;
  char        **persona_ids;

  double        scale;          /* widget pixels per map unit */
  guint         fitting : 1;    /* the layout changes because it is fitted */

  /* The focus: a persona shown and a column */
  char         *focus_persona_id;
  int           focus_column;

  /* A point being dragged */
  CjmEmotion   *drag_emotion;
  int           drag_point;     /* its index among the layout's points */
  int           drag_score;
  guint         dragging : 1;

  CjmEmotionPopover *popover;   /* the last one opened: a child */
};

G_DEFINE_FINAL_TYPE (CjmEmotionCurve, cjm_emotion_curve, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_IDS,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Geometry */

static void
widget_to_map (CjmEmotionCurve *self,
               double           x,
               double           y,
               double          *map_x,
               double          *map_y)
{
  *map_x = x / self->scale;
  *map_y = y / self->scale;
}

/* Sets the layout up for @width pixels: columns stretched to fill them, or
 * the whole drawing scaled down if even the narrowest columns do not fit. */
static void
fit (CjmEmotionCurve *self,
     int              width)
{
  double natural_width, fitted_width, height, column_scale;
  guint n_columns;

  if (self->layout == NULL)
    return;

  self->fitting = TRUE;
  cjm_layout_set_column_scale (self->layout, 1.0);
  cjm_layout_get_size (self->layout, &natural_width, &height);
  n_columns = cjm_layout_get_n_columns (self->layout);

  if (width <= 0 || n_columns == 0)
    self->scale = 1.0;
  else
    {
      /* Wider or narrower columns first, then a smaller drawing, down to
       * what stays readable: below that the widget asks for more room and
       * its scrolled window scrolls. */
      column_scale = 1.0 + (width - natural_width) / (n_columns * COLUMN_WIDTH);
      cjm_layout_set_column_scale (self->layout, MAX (column_scale, MIN_COLUMN_SCALE));
      cjm_layout_get_size (self->layout, &fitted_width, &height);
      self->scale = CLAMP (width / fitted_width, MIN_SCALE, 1.0);
    }

  cjm_layout_update (self->layout);
  self->fitting = FALSE;
}

/* The narrowest the widget draws readably: the narrowest columns at the
 * smallest scale. */
static int
minimum_width (CjmEmotionCurve *self)
{
  double width, height;

  self->fitting = TRUE;
  cjm_layout_set_column_scale (self->layout, MIN_COLUMN_SCALE);
  cjm_layout_get_size (self->layout, &width, &height);
  self->fitting = FALSE;

  return (int)ceil (width * MIN_SCALE);
}

static GPtrArray *
dup_shown_personas (CjmEmotionCurve *self)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *personas;
  guint n;

  if (self->map == NULL)
    return shown;

  personas = cjm_map_get_personas (self->map);
  n = g_list_model_get_n_items (personas);
  for (guint i = 0; i < n; i++)
    {
      CjmPersona *persona = g_list_model_get_item (personas, i);
      const char *id = cjm_element_get_id (CJM_ELEMENT (persona));

      if (self->persona_ids == NULL || g_strv_contains ((const char * const *)self->persona_ids, id))
        g_ptr_array_add (shown, persona);
      else
        g_object_unref (persona);
    }

  return shown;
}

static int
focus_curve (CjmEmotionCurve *self)
{
  g_autoptr(GPtrArray) shown = dup_shown_personas (self);

  for (guint k = 0; k < shown->len; k++)
    if (g_strcmp0 (cjm_element_get_id (g_ptr_array_index (shown, k)), self->focus_persona_id) == 0)
      return (int)k;

  return -1;
}

static const CjmEmotionPoint *
find_point (CjmEmotionCurve *self,
            int              curve,
            int              column)
{
  const CjmEmotionPoint *points;
  guint n_points;

  if (self->layout == NULL)
    return NULL;

  points = cjm_layout_get_emotion_points (self->layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    if (points[i].lane == 0 && (int)points[i].curve == curve && (int)points[i].column == column)
      return &points[i];

  return NULL;
}

static CjmPersona *
get_focus_persona (CjmEmotionCurve *self)
{
  if (self->map == NULL || self->focus_persona_id == NULL)
    return NULL;

  return cjm_map_lookup_typed (self->map, self->focus_persona_id, CJM_TYPE_PERSONA);
}

/* Keeps the focus on a persona shown and a column that exists. */
static void
validate_focus (CjmEmotionCurve *self)
{
  guint n_columns = self->layout != NULL ? cjm_layout_get_n_columns (self->layout) : 0;

  if (focus_curve (self) < 0)
    {
      g_autoptr(GPtrArray) shown = dup_shown_personas (self);

      g_free (self->focus_persona_id);
      self->focus_persona_id = shown->len > 0
                               ? g_strdup (cjm_element_get_id (g_ptr_array_index (shown, 0)))
                               : NULL;
    }

  self->focus_column = n_columns > 0 ? CLAMP (self->focus_column, 0, (int)n_columns - 1) : 0;
}

/* What is said and shown */

static char *
describe (CjmEmotionCurve *self,
          CjmPersona      *persona,
          CjmStep         *step,
          CjmEmotion      *emotion)
{
  if (persona == NULL || step == NULL)
    return g_strdup ("");

  if (emotion != NULL)
    return cjm_emotion_describe (self->map, emotion);

  /* Translators: e.g. "Camille at “Searches online”: no score" */
  return g_strdup_printf (_("%s at “%s”: no score"),
                          cjm_persona_get_name (persona), cjm_step_get_name (step));
}

static void
update_accessible (CjmEmotionCurve *self)
{
  CjmPersona *persona = get_focus_persona (self);
  CjmStep *step = NULL;
  const CjmEmotionPoint *point = NULL;
  g_autofree char *text = NULL;

  if (self->layout != NULL && persona != NULL &&
      self->focus_column < (int)cjm_layout_get_n_columns (self->layout))
    {
      step = cjm_layout_get_step (self->layout, self->focus_column);
      point = find_point (self, focus_curve (self), self->focus_column);
    }

  text = describe (self, persona, step, point != NULL ? point->emotion : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Emotion curve"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double)CJM_EMOTION_SCORE_MIN,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double)CJM_EMOTION_SCORE_MAX,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  point != NULL ? (double)point->score : 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
set_focus (CjmEmotionCurve *self,
           const char      *persona_id,
           int              column)
{
  const CjmEmotionPoint *point;

  if (g_strcmp0 (persona_id, self->focus_persona_id) != 0)
    {
      g_free (self->focus_persona_id);
      self->focus_persona_id = g_strdup (persona_id);
    }
  self->focus_column = column;
  validate_focus (self);

  point = find_point (self, focus_curve (self), self->focus_column);
  if (point != NULL && self->selection != NULL)
    cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (point->emotion)));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Edits */

static void
set_score (CjmEmotionCurve *self,
           const char      *persona_id,
           CjmStep         *step,
           int              score)
{
  g_autoptr(GError) error = NULL;

  score = CLAMP (score, CJM_EMOTION_SCORE_MIN, CJM_EMOTION_SCORE_MAX);
  if (cjm_edit_set_emotion (self->history, persona_id, cjm_element_get_id (CJM_ELEMENT (step)),
                            score, &error) == NULL && error != NULL)
    g_warning ("%s", error->message);
}

static void
edit_texts (CjmEmotionCurve *self,
            const CjmEmotionPoint *point)
{
  GdkRectangle rect = {
    (int)((point->centre.x - point->radius) * self->scale),
    (int)((point->centre.y - point->radius) * self->scale),
    (int)(2 * point->radius * self->scale) + 1,
    (int)(2 * point->radius * self->scale) + 1,
  };

  cjm_emotion_popover_replace (&self->popover, NULL);
  cjm_emotion_popover_replace (&self->popover,
                               cjm_emotion_popover_popup (GTK_WIDGET (self), self->history,
                                                          point->emotion, &rect));
}

/* The pointer */

void
_cjm_emotion_curve_drag_begin (CjmEmotionCurve *self,
                               double           x,
                               double           y)
{
  const CjmEmotionPoint *points;
  guint n_points;
  double map_x, map_y;
  CjmHit hit;

  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));

  g_clear_object (&self->drag_emotion);
  self->dragging = FALSE;
  if (self->layout == NULL)
    return;

  widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);
  if (hit.kind != CJM_HIT_EMOTION_POINT)
    return;

  points = cjm_layout_get_emotion_points (self->layout, &n_points);
  self->drag_point = cjm_layout_find_emotion_point (self->layout, CJM_EMOTION (hit.element));
  if (self->drag_point < 0)
    return;

  self->drag_emotion = g_object_ref (CJM_EMOTION (hit.element));
  self->drag_score = points[self->drag_point].score;
  set_focus (self, cjm_emotion_get_persona_id (self->drag_emotion),
             (int)points[self->drag_point].column);
}

void
_cjm_emotion_curve_drag_update (CjmEmotionCurve *self,
                                double           x,
                                double           y)
{
  double map_x, map_y;
  int score;

  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));

  if (self->drag_emotion == NULL)
    return;

  widget_to_map (self, x, y, &map_x, &map_y);
  score = cjm_layout_get_score_at (self->layout, 0, map_y);
  if (score != self->drag_score || !self->dragging)
    {
      self->dragging = TRUE;
      self->drag_score = score;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
_cjm_emotion_curve_drag_end (CjmEmotionCurve *self,
                             double           x,
                             double           y)
{
  g_autoptr(CjmEmotion) emotion = NULL;

  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));

  if (self->drag_emotion == NULL)
    return;

  _cjm_emotion_curve_drag_update (self, x, y);
  emotion = g_steal_pointer (&self->drag_emotion);
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* One undoable edit for the whole drag, if the score changed. */
  if (self->drag_score != cjm_emotion_get_score (emotion))
    {
      g_autoptr(GError) error = NULL;

      if (cjm_edit_set_emotion (self->history, cjm_emotion_get_persona_id (emotion),
                                cjm_emotion_get_step_id (emotion), self->drag_score, &error) == NULL &&
          error != NULL)
        g_warning ("%s", error->message);
    }
}

static void
drag_begin_cb (CjmEmotionCurve *self,
               double           x,
               double           y,
               GtkGestureDrag  *gesture)
{
  _cjm_emotion_curve_drag_begin (self, x, y);
  if (self->drag_emotion != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (CjmEmotionCurve *self,
                double           dx,
                double           dy,
                GtkGestureDrag  *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _cjm_emotion_curve_drag_update (self, x + dx, y + dy);
}

static void
drag_end_cb (CjmEmotionCurve *self,
             double           dx,
             double           dy,
             GtkGestureDrag  *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _cjm_emotion_curve_drag_end (self, x + dx, y + dy);
}

/* A click on a step with no score for the persona focused adds one, at
 * the level clicked; a double-click on a point edits its texts. */
static void
click_pressed_cb (CjmEmotionCurve *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  double map_x, map_y;
  CjmHit hit;
  int curve;

  if (self->layout == NULL || self->map == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  if (hit.kind == CJM_HIT_EMOTION_POINT)
    {
      int index = cjm_layout_find_emotion_point (self->layout, CJM_EMOTION (hit.element));
      const CjmEmotionPoint *points;
      guint n_points;

      if (index < 0)
        return;
      points = cjm_layout_get_emotion_points (self->layout, &n_points);
      set_focus (self, cjm_emotion_get_persona_id (CJM_EMOTION (hit.element)),
                 (int)points[index].column);
      if (n_press == 2)
        edit_texts (self, &points[index]);
      return;
    }

  if (hit.kind != CJM_HIT_CELL || hit.column < 0 || n_press != 1)
    return;

  validate_focus (self);
  curve = focus_curve (self);
  if (curve < 0)
    return;

  set_focus (self, self->focus_persona_id, hit.column);
  if (find_point (self, curve, hit.column) == NULL)
    {
      set_score (self, self->focus_persona_id, cjm_layout_get_step (self->layout, hit.column),
                 hit.score);
      set_focus (self, self->focus_persona_id, hit.column);
    }
}

static gboolean
query_tooltip_cb (CjmEmotionCurve *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = NULL;
  CjmEmotion *emotion = NULL;
  double map_x, map_y;
  CjmHit hit;

  if (self->layout == NULL || self->map == NULL || self->dragging)
    return FALSE;

  if (keyboard)
    {
      const CjmEmotionPoint *point = find_point (self, focus_curve (self), self->focus_column);

      emotion = point != NULL ? point->emotion : NULL;
    }
  else
    {
      widget_to_map (self, x, y, &map_x, &map_y);
      cjm_layout_hit_test (self->layout, map_x, map_y, &hit);
      if (hit.kind == CJM_HIT_EMOTION_POINT)
        emotion = CJM_EMOTION (hit.element);
    }

  if (emotion == NULL)
    return FALSE;

  text = describe (self,
                   cjm_map_lookup_typed (self->map, cjm_emotion_get_persona_id (emotion), CJM_TYPE_PERSONA),
                   cjm_map_lookup_typed (self->map, cjm_emotion_get_step_id (emotion), CJM_TYPE_STEP),
                   emotion);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* The keyboard */

gboolean
_cjm_emotion_curve_key (CjmEmotionCurve *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  g_autoptr(GPtrArray) shown = NULL;
  const CjmEmotionPoint *point;
  guint n_columns;
  int curve;

  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), FALSE);

  if (self->layout == NULL || self->map == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return FALSE;

  validate_focus (self);
  n_columns = cjm_layout_get_n_columns (self->layout);
  curve = focus_curve (self);
  if (curve < 0 || n_columns == 0)
    return FALSE;

  point = find_point (self, curve, self->focus_column);
  shown = dup_shown_personas (self);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (self->focus_column == 0)
        return FALSE;
      set_focus (self, self->focus_persona_id, self->focus_column - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->focus_column + 1 >= (int)n_columns)
        return FALSE;
      set_focus (self, self->focus_persona_id, self->focus_column + 1);
      return TRUE;

    case GDK_KEY_Home:
      set_focus (self, self->focus_persona_id, 0);
      return TRUE;

    case GDK_KEY_End:
      set_focus (self, self->focus_persona_id, (int)n_columns - 1);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      {
        int next = (curve + (keyval == GDK_KEY_Page_Up ? -1 : 1) + (int)shown->len) % (int)shown->len;

        set_focus (self, cjm_element_get_id (g_ptr_array_index (shown, next)), self->focus_column);
        return TRUE;
      }

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        int delta = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? 1 : -1;
        int score = point != NULL ? point->score + delta : 0;

        if (point != NULL && (score > CJM_EMOTION_SCORE_MAX || score < CJM_EMOTION_SCORE_MIN))
          {
            gtk_widget_error_bell (GTK_WIDGET (self));
            return TRUE;
          }
        set_score (self, self->focus_persona_id,
                   cjm_layout_get_step (self->layout, self->focus_column), score);
        set_focus (self, self->focus_persona_id, self->focus_column);
        return TRUE;
      }

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (point == NULL)
        return FALSE;
      cjm_edit_clear_emotion (self->history, self->focus_persona_id,
                              cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_step (self->layout,
                                                                                    self->focus_column))));
      set_focus (self, self->focus_persona_id, self->focus_column);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (point == NULL)
        return FALSE;
      edit_texts (self, point);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (CjmEmotionCurve       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return _cjm_emotion_curve_key (self, keyval, state);
}

static void
focus_changed_cb (CjmEmotionCurve *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The model */

/* The first emotion lane of the map, or the layout's own if none. */
static void
update_lane_filter (CjmEmotionCurve *self)
{
  GListModel *lanes = cjm_map_get_lanes (self->map);
  guint n = g_list_model_get_n_items (lanes);
  const char *ids[2] = { "", NULL };
  g_autoptr(CjmLane) emotion_lane = NULL;

  for (guint i = 0; i < n && emotion_lane == NULL; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

      if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION)
        emotion_lane = g_steal_pointer (&lane);
    }

  if (emotion_lane != NULL)
    ids[0] = cjm_element_get_id (CJM_ELEMENT (emotion_lane));

  if (cjm_layout_get_lane_ids (self->layout) == NULL ||
      g_strcmp0 (cjm_layout_get_lane_ids (self->layout)[0], ids[0]) != 0)
    cjm_layout_set_lane_ids (self->layout, ids);
}

static void
layout_changed_cb (CjmEmotionCurve *self)
{
  if (self->fitting)
    return;

  update_lane_filter (self);
  validate_focus (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
selection_changed_cb (CjmEmotionCurve *self)
{
  const char *id = cjm_selection_get_focused (self->selection);
  CjmEmotion *emotion;
  int index;

  if (self->map == NULL || id == NULL || self->layout == NULL)
    return;

  emotion = cjm_map_lookup_typed (self->map, id, CJM_TYPE_EMOTION);
  if (emotion == NULL || (index = cjm_layout_find_emotion_point (self->layout, emotion)) < 0)
    return;

  {
    guint n_points;
    const CjmEmotionPoint *points = cjm_layout_get_emotion_points (self->layout, &n_points);

    if ((int)points[index].column != self->focus_column ||
        g_strcmp0 (self->focus_persona_id, cjm_emotion_get_persona_id (emotion)) != 0)
      {
        g_free (self->focus_persona_id);
        self->focus_persona_id = g_strdup (cjm_emotion_get_persona_id (emotion));
        self->focus_column = (int)points[index].column;
        update_accessible (self);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
  }
}

static void
reload (CjmEmotionCurve *self)
{
  if (self->layout != NULL)
    g_signal_handlers_disconnect_by_data (self->layout, self);
  g_clear_object (&self->layout);
  g_clear_object (&self->drag_emotion);
  self->map = self->document != NULL ? cjm_document_get_map (self->document) : NULL;
  self->history = self->document != NULL ? cjm_document_get_history (self->document) : NULL;

  if (self->map != NULL)
    {
      self->layout = cjm_layout_new (self->map);
      cjm_layout_set_emotion_fallback (self->layout, TRUE);
      cjm_layout_set_persona_ids (self->layout, (const char * const *)self->persona_ids);
      update_lane_filter (self);
      g_signal_connect_object (self->layout, "changed", G_CALLBACK (layout_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  validate_focus (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* GtkWidget */

static GtkSizeRequestMode
cjm_emotion_curve_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cjm_emotion_curve_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CjmEmotionCurve *self = CJM_EMOTION_CURVE (widget);
  double width = 0, height = 0;

  if (self->layout == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = minimum_width (self);
      fit (self, -1);
      cjm_layout_get_size (self->layout, &width, &height);
      *natural = MAX (*minimum, (int)ceil (width));
    }
  else
    {
      double scale;

      /* No width given (a scrolled window asks so): the narrowest. */
      fit (self, for_size >= 0 ? for_size : minimum_width (self));
      cjm_layout_get_size (self->layout, &width, &height);
      scale = self->scale;
      *minimum = *natural = (int)ceil (height * scale);
      /* Back to the width allocated. */
      if (gtk_widget_get_width (widget) > 0)
        fit (self, gtk_widget_get_width (widget));
    }
}

static void
cjm_emotion_curve_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CjmEmotionCurve *self = CJM_EMOTION_CURVE (widget);

  fit (self, width);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
draw_focus (CjmEmotionCurve *self,
            cairo_t         *cr)
{
  const CjmEmotionPoint *point = find_point (self, focus_curve (self), self->focus_column);
  GdkRGBA color;
  double x, y, radius;

  if (point != NULL)
    {
      x = point->centre.x;
      y = point->centre.y;
      radius = point->radius + 8;
    }
  else
    {
      const double dashes[] = { 3, 3 };
      CjmRect rect;

      if (!cjm_layout_get_step_rect (self->layout, self->focus_column, &rect))
        return;
      x = rect.x + rect.width / 2;
      y = cjm_layout_get_score_y (self->layout, 0, 0);
      radius = 12;
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }

  gdk_rgba_parse (&color, FOCUS_COLOR);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2.5);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
cjm_emotion_curve_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CjmEmotionCurve *self = CJM_EMOTION_CURVE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CjmRenderOptions options;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cjm_render_options_init (&options);
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                  ? CJM_THEME_DARK : CJM_THEME_LIGHT;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->scale, self->scale);
  cjm_render_map (cr, self->layout, &options);

  if (self->drag_emotion != NULL && self->dragging && self->drag_point >= 0)
    {
      guint n_points;
      const CjmEmotionPoint *points = cjm_layout_get_emotion_points (self->layout, &n_points);

      if ((guint)self->drag_point < n_points)
        cjm_render_emotion_preview (cr, self->layout, &points[self->drag_point], self->drag_score,
                                    &options);
    }

  if (gtk_widget_has_visible_focus (widget))
    draw_focus (self, cr);

  cairo_destroy (cr);
}

/* GObject */

static void
cjm_emotion_curve_dispose (GObject *object)
{
  CjmEmotionCurve *self = (CjmEmotionCurve *)object;

  cjm_emotion_popover_replace (&self->popover, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->layout != NULL)
    g_signal_handlers_disconnect_by_data (self->layout, self);
  g_clear_object (&self->layout);
  g_clear_object (&self->drag_emotion);
  g_clear_object (&self->document);
  self->map = NULL;
  self->history = NULL;

  G_OBJECT_CLASS (cjm_emotion_curve_parent_class)->dispose (object);
}

static void
cjm_emotion_curve_finalize (GObject *object)
{
  CjmEmotionCurve *self = (CjmEmotionCurve *)object;

  g_clear_pointer (&self->persona_ids, g_strfreev);
  g_clear_pointer (&self->focus_persona_id, g_free);

  G_OBJECT_CLASS (cjm_emotion_curve_parent_class)->finalize (object);
}

static void
cjm_emotion_curve_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CjmEmotionCurve *self = CJM_EMOTION_CURVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PERSONA_IDS:
      g_value_set_boxed (value, self->persona_ids);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_emotion_curve_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CjmEmotionCurve *self = CJM_EMOTION_CURVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_emotion_curve_set_document (self, g_value_get_object (value));
      break;

    case PROP_PERSONA_IDS:
      cjm_emotion_curve_set_persona_ids (self, g_value_get_boxed (value));
      break;

    case PROP_SELECTION:
      cjm_emotion_curve_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_emotion_curve_class_init (CjmEmotionCurveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_emotion_curve_dispose;
  object_class->finalize = cjm_emotion_curve_finalize;
  object_class->get_property = cjm_emotion_curve_get_property;
  object_class->set_property = cjm_emotion_curve_set_property;

  widget_class->get_request_mode = cjm_emotion_curve_get_request_mode;
  widget_class->measure = cjm_emotion_curve_measure;
  widget_class->size_allocate = cjm_emotion_curve_size_allocate;
  widget_class->snapshot = cjm_emotion_curve_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CJM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_IDS] =
    g_param_spec_boxed ("persona-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CJM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "emotioncurve");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
cjm_emotion_curve_init (CjmEmotionCurve *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  self->scale = 1.0;
  self->drag_point = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_accessible (self);
}

/* For the tests */

CjmLayout *
_cjm_emotion_curve_get_layout (CjmEmotionCurve *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  return self->layout;
}

gboolean
_cjm_emotion_curve_get_point_position (CjmEmotionCurve *self,
                                       CjmEmotion      *emotion,
                                       double          *x,
                                       double          *y)
{
  const CjmEmotionPoint *points;
  guint n_points;
  int index;

  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), FALSE);
  g_return_val_if_fail (CJM_IS_EMOTION (emotion), FALSE);

  if (self->layout == NULL || (index = cjm_layout_find_emotion_point (self->layout, emotion)) < 0)
    return FALSE;

  points = cjm_layout_get_emotion_points (self->layout, &n_points);
  *x = points[index].centre.x * self->scale;
  *y = points[index].centre.y * self->scale;

  return TRUE;
}

double
_cjm_emotion_curve_get_score_y (CjmEmotionCurve *self,
                                int              score)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NAN);
  g_return_val_if_fail (self->layout != NULL, NAN);

  return cjm_layout_get_score_y (self->layout, 0, score) * self->scale;
}

double
_cjm_emotion_curve_get_column_x (CjmEmotionCurve *self,
                                 guint            column)
{
  CjmRect rect;

  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NAN);
  g_return_val_if_fail (self->layout != NULL, NAN);

  if (!cjm_layout_get_step_rect (self->layout, column, &rect))
    return NAN;

  return (rect.x + rect.width / 2) * self->scale;
}

CjmEmotion *
_cjm_emotion_curve_get_focused (CjmEmotionCurve *self,
                                int             *column)
{
  const CjmEmotionPoint *point;

  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  if (column != NULL)
    *column = self->focus_column;
  point = find_point (self, focus_curve (self), self->focus_column);

  return point != NULL ? point->emotion : NULL;
}

GtkPopover *
_cjm_emotion_curve_get_popover (CjmEmotionCurve *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  return self->popover != NULL ? GTK_POPOVER (self->popover) : NULL;
}

/* Public API */

/**
 * cjm_emotion_curve_new:
 *
 * Returns: (transfer floating): a new emotion curve widget, showing nothing
 *   until it is given a document
 */
GtkWidget *
cjm_emotion_curve_new (void)
{
  return g_object_new (CJM_TYPE_EMOTION_CURVE, NULL);
}

/**
 * cjm_emotion_curve_get_document:
 * @self: a #CjmEmotionCurve
 *
 * Returns: (transfer none) (nullable): the document whose curves it shows
 */
CjmDocument *
cjm_emotion_curve_get_document (CjmEmotionCurve *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  return self->document;
}

/**
 * cjm_emotion_curve_get_persona_ids:
 * @self: a #CjmEmotionCurve
 *
 * Returns: (nullable): the ids of the personas whose curves are shown, or
 *   %NULL for all of them
 */
const char * const *
cjm_emotion_curve_get_persona_ids (CjmEmotionCurve *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  return (const char * const *)self->persona_ids;
}

/**
 * cjm_emotion_curve_get_selection:
 * @self: a #CjmEmotionCurve
 *
 * Returns: (transfer none) (nullable): the selection the focused emotion
 *   goes to
 */
CjmSelection *
cjm_emotion_curve_get_selection (CjmEmotionCurve *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_CURVE (self), NULL);

  return self->selection;
}

/**
 * cjm_emotion_curve_set_document:
 * @self: a #CjmEmotionCurve
 * @document: (nullable): the document whose curves to show and edit
 */
void
cjm_emotion_curve_set_document (CjmEmotionCurve *self,
                                CjmDocument     *document)
{
  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));
  g_return_if_fail (document == NULL || CJM_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (!g_set_object (&self->document, document))
    return;
  if (document != NULL)
    g_signal_connect_object (document, "notify::map", G_CALLBACK (reload), self,
                             G_CONNECT_SWAPPED);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cjm_emotion_curve_set_persona_ids:
 * @self: a #CjmEmotionCurve
 * @persona_ids: (nullable) (array zero-terminated=1): the ids of the
 *   personas whose curves to show, or %NULL for all of them
 */
void
cjm_emotion_curve_set_persona_ids (CjmEmotionCurve    *self,
                                   const char * const *persona_ids)
{
  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));

  if (persona_ids == NULL && self->persona_ids == NULL)
    return;
  if (persona_ids != NULL && self->persona_ids != NULL &&
      g_strv_equal (persona_ids, (const char * const *)self->persona_ids))
    return;

  g_strfreev (self->persona_ids);
  self->persona_ids = g_strdupv ((char **)persona_ids);
  if (self->layout != NULL)
    cjm_layout_set_persona_ids (self->layout, persona_ids);
  validate_focus (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_IDS]);
}

/**
 * cjm_emotion_curve_set_selection:
 * @self: a #CjmEmotionCurve
 * @selection: (nullable): the selection to put the focused emotion in,
 *   and whose focused emotion to follow
 */
void
cjm_emotion_curve_set_selection (CjmEmotionCurve *self,
                                 CjmSelection    *selection)
{
  g_return_if_fail (CJM_IS_EMOTION_CURVE (self));
  g_return_if_fail (selection == NULL || CJM_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (!g_set_object (&self->selection, selection))
    return;
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
