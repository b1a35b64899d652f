/* cjm-canvas-input.c: the pointer on the canvas: clicks, drags, scrolling
 * and drops from the palette
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-canvas"

#include "config.h"

#include <math.h>

#include "cjm-canvas-private.h"
#include "cjm-emotion-popover.h"
#include "cjm-palette.h"

/* How far from an edge of the view a drag starts scrolling it, and how fast. */
#define AUTOSCROLL_EDGE   32.0
#define AUTOSCROLL_SPEED  18.0

static gboolean
drag_threshold_passed (CjmCanvas *self,
                       double     x,
                       double     y)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);

  return hypot (x - self->drag.start_x, y - self->drag.start_y) > threshold;
}

static void
drag_clear (CjmDrag *drag)
{
  g_clear_object (&drag->element);
  g_clear_pointer (&drag->cards, g_ptr_array_unref);
  g_clear_pointer (&drag->band_base, g_strfreev);
  memset (drag, 0, sizeof *drag);
  cjm_drop_init (&drag->drop);
  drag->mode = DRAG_NONE;
}

static void
stop_autoscroll (CjmCanvas *self)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
}

/**
 * _cjm_canvas_drag_cancel:
 * @self: a #CjmCanvas
 *
 * Ends a drag doing nothing: Escape, or the map changed under it.
 */
void
_cjm_canvas_drag_cancel (CjmCanvas *self)
{
  gboolean had_drag = self->drag.mode != DRAG_NONE;

  stop_autoscroll (self);
  drag_clear (&self->drag);

  if (had_drag)
    {
      if (self->drag_gesture != NULL)
        gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      _cjm_canvas_render_invalidate_overlay (self);
    }
}

/* The cards a drag starting on @card moves: the selected ones if it is one
 * of them, in the map's order; else @card alone. */
static GPtrArray *
dragged_cards (CjmCanvas *self,
               CjmCard   *card)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = cjm_map_get_cards (self->map);
  guint n = g_list_model_get_n_items (model);

  if (!cjm_selection_contains (self->selection, cjm_element_get_id (CJM_ELEMENT (card))))
    {
      g_ptr_array_add (cards, g_object_ref (card));
      return cards;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) item = g_list_model_get_item (model, i);

      if (cjm_selection_contains (self->selection, cjm_element_get_id (CJM_ELEMENT (item))))
        g_ptr_array_add (cards, g_steal_pointer (&item));
    }

  return cards;
}

static void
select_on_press (CjmCanvas       *self,
                 const char      *id,
                 GdkModifierType  state)
{
  if (state & GDK_CONTROL_MASK)
    {
      cjm_selection_toggle (self->selection, id);
      cjm_selection_set_focused (self->selection, id);
    }
  else if (state & GDK_SHIFT_MASK)
    {
      cjm_selection_add (self->selection, id);
      cjm_selection_set_focused (self->selection, id);
    }
  else if (!cjm_selection_contains (self->selection, id))
    cjm_selection_select (self->selection, id);
  else
    /* Already selected: the selection is dragged as it is; a click without
     * a drag selects this one alone, on release. */
    cjm_selection_set_focused (self->selection, id);
}

/**
 * _cjm_canvas_press:
 * @self: a #CjmCanvas
 * @x: where the primary button went down, in widget coordinates
 * @y: where it went down
 * @state: the modifiers held
 *
 * Selects what was pressed and gets ready for the drag that may follow:
 * a card moves, a card's right edge resizes it, its handle connects it, a
 * header moves, empty space draws a rubber band; with Space held, the
 * view pans.
 */
void
_cjm_canvas_press (CjmCanvas       *self,
                   double           x,
                   double           y,
                   GdkModifierType  state)
{
  CjmDrag *drag = &self->drag;
  double map_x, map_y;
  CjmHit hit;

  if (self->layout == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  _cjm_canvas_set_focus_visible (self, FALSE);
  _cjm_canvas_stop_editing (self, TRUE);
  drag_clear (drag);

  drag->mode = DRAG_PENDING;
  drag->pending = DRAG_NONE;
  drag->start_x = drag->x = x;
  drag->start_y = drag->y = y;
  drag->start_value_x = gtk_adjustment_get_value (self->hadjustment);
  drag->start_value_y = gtk_adjustment_get_value (self->vadjustment);
  drag->state = state;

  if (self->space_held || self->presenting)
    {
      drag->pending = DRAG_PAN;
      return;
    }

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  switch (hit.kind)
    {
    case CJM_HIT_CARD_CONNECT:
      drag->pending = DRAG_CONNECT;
      break;

    case CJM_HIT_CARD_RESIZE:
      drag->pending = DRAG_RESIZE;
      break;

    case CJM_HIT_CARD:
      drag->pending = DRAG_CARDS;
      break;

    case CJM_HIT_STAGE_HEADER:
    case CJM_HIT_STEP_HEADER:
    case CJM_HIT_LANE_HEADER:
      drag->pending = DRAG_HEADER;
      break;

    case CJM_HIT_EMOTION_POINT:
      drag->pending = DRAG_EMOTION;
      drag->emotion_score = cjm_emotion_get_score (CJM_EMOTION (hit.element));
      break;

    case CJM_HIT_CONNECTION:
    case CJM_HIT_PERSONA:
    case CJM_HIT_TITLE_BAND:
      break;

    case CJM_HIT_CELL:
    case CJM_HIT_NONE:
    default:
      if (!(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        cjm_selection_clear (self->selection);
      else
        drag->band_base = cjm_selection_dup_ids (self->selection);
      drag->pending = DRAG_RUBBER_BAND;
      return;
    }

  drag->element = g_object_ref (hit.element);
  drag->grab_rect = hit.rect;

  if (hit.kind == CJM_HIT_CARD_RESIZE || hit.kind == CJM_HIT_CARD_CONNECT)
    cjm_selection_set_focused (self->selection, cjm_element_get_id (hit.element));
  else
    select_on_press (self, cjm_element_get_id (hit.element), state);
}

static void
update_rubber_band (CjmCanvas *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) cards = NULL;
  g_auto(GStrv) ids = NULL;
  double x0, y0, x1, y1;
  CjmRect rect;

  cjm_canvas_widget_to_map (self, self->drag.start_x, self->drag.start_y, &x0, &y0);
  cjm_canvas_widget_to_map (self, self->drag.x, self->drag.y, &x1, &y1);
  rect = (CjmRect) { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };

  if (self->drag.band_base != NULL)
    g_strv_builder_addv (builder, (const char **)self->drag.band_base);

  cards = cjm_layout_get_cards_in_rect (self->layout, &rect);
  for (guint i = 0; i < cards->len; i++)
    {
      const char *id = cjm_element_get_id (g_ptr_array_index (cards, i));

      if (self->drag.band_base == NULL || !g_strv_contains ((const char * const *)self->drag.band_base, id))
        g_strv_builder_add (builder, id);
    }

  ids = g_strv_builder_end (builder);
  cjm_selection_set_ids (self->selection, (const char * const *)ids);
}

/* Emotion points: dragged up or down to another score (snapped to whole
 * levels), a click on a step with no score adds one, a double-click edits
 * the label and quote in the emotion popover, and a tooltip tells them. */

static int
emotion_score_at (CjmCanvas  *self,
                  CjmEmotion *emotion,
                  double      map_y)
{
  const CjmEmotionPoint *points;
  guint n_points;
  int index = cjm_layout_find_emotion_point (self->layout, emotion);

  if (index < 0)
    return cjm_emotion_get_score (emotion);

  points = cjm_layout_get_emotion_points (self->layout, &n_points);

  return cjm_layout_get_score_at (self->layout, points[index].lane, map_y);
}

static void
apply_emotion_drag (CjmCanvas  *self,
                    CjmEmotion *emotion,
                    int         score)
{
  g_autoptr(GError) error = NULL;

  if (score == cjm_emotion_get_score (emotion))
    return;

  if (cjm_edit_set_emotion (self->history, cjm_emotion_get_persona_id (emotion),
                            cjm_emotion_get_step_id (emotion), score, &error) == NULL &&
      error != NULL)
    _cjm_canvas_show_error (self, error);
}

/* A click in an emotion lane at a step: the first persona shown who has
 * no score there gets one, at the level clicked. */
static gboolean
add_emotion_at (CjmCanvas    *self,
                const CjmHit *hit)
{
  CjmLane *lane;
  CjmStep *step;
  GListModel *personas;
  const char * const *shown;
  const CjmEmotionPoint *points;
  guint n_points, n_personas;

  if (hit->kind != CJM_HIT_CELL || hit->lane < 0 || hit->column < 0)
    return FALSE;

  lane = cjm_layout_get_lane (self->layout, hit->lane);
  step = cjm_layout_get_step (self->layout, hit->column);
  if (lane == NULL || step == NULL || cjm_lane_get_kind (lane) != CJM_LANE_KIND_EMOTION)
    return FALSE;

  personas = cjm_map_get_personas (self->map);
  n_personas = g_list_model_get_n_items (personas);
  shown = cjm_layout_get_persona_ids (self->layout);
  points = cjm_layout_get_emotion_points (self->layout, &n_points);

  for (guint i = 0; i < n_personas; i++)
    {
      g_autoptr(CjmPersona) persona = g_list_model_get_item (personas, i);
      const char *id = cjm_element_get_id (CJM_ELEMENT (persona));
      gboolean scored = FALSE;
      g_autoptr(GError) error = NULL;
      CjmEmotion *emotion;

      if (shown != NULL && !g_strv_contains (shown, id))
        continue;

      for (guint j = 0; j < n_points && !scored; j++)
        scored = points[j].persona == persona && (int)points[j].column == hit->column &&
                 (int)points[j].lane == hit->lane;
      if (scored)
        continue;

      emotion = cjm_edit_set_emotion (self->history, id, cjm_element_get_id (CJM_ELEMENT (step)),
                                      hit->score, &error);
      if (emotion == NULL && error != NULL)
        _cjm_canvas_show_error (self, error);
      else if (emotion != NULL)
        cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (emotion)));
      return TRUE;
    }

  return FALSE;
}

static void
edit_emotion_texts (CjmCanvas  *self,
                    CjmEmotion *emotion,
                    const CjmRect *rect)
{
  double x, y;
  GdkRectangle pointing_to;

  cjm_canvas_map_to_widget (self, rect->x, rect->y, &x, &y);
  pointing_to = (GdkRectangle) { (int)x, (int)y, (int)(rect->width * self->zoom) + 1,
                                 (int)(rect->height * self->zoom) + 1 };
  cjm_emotion_popover_replace (&self->emotion_popover, NULL);
  cjm_emotion_popover_replace (&self->emotion_popover,
                               cjm_emotion_popover_popup (GTK_WIDGET (self), self->history,
                                                          emotion, &pointing_to));
}

/**
 * _cjm_canvas_snapshot_emotion_drag:
 * @self: a #CjmCanvas
 * @snapshot: where to draw
 * @origin_x: where the map's origin is, in widget pixels
 * @origin_y: where it is
 *
 * Draws where the emotion point being dragged would go.
 */
void
_cjm_canvas_snapshot_emotion_drag (CjmCanvas   *self,
                                   GtkSnapshot *snapshot,
                                   int          origin_x,
                                   int          origin_y)
{
  const CjmEmotionPoint *points;
  CjmRenderOptions options;
  guint n_points;
  int index;
  double top, bottom;
  cairo_t *cr;

  if (self->drag.mode != DRAG_EMOTION || !CJM_IS_EMOTION (self->drag.element) ||
      (index = cjm_layout_find_emotion_point (self->layout, CJM_EMOTION (self->drag.element))) < 0)
    return;

  points = cjm_layout_get_emotion_points (self->layout, &n_points);
  top = cjm_layout_get_score_y (self->layout, points[index].lane, CJM_EMOTION_SCORE_MAX);
  bottom = cjm_layout_get_score_y (self->layout, points[index].lane, CJM_EMOTION_SCORE_MIN);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (origin_x + (points[index].centre.x - 40) * self->zoom,
                                                       origin_y + (top - 40) * self->zoom,
                                                       80 * self->zoom,
                                                       (bottom - top + 80) * self->zoom));
  cairo_translate (cr, origin_x, origin_y);
  cairo_scale (cr, self->zoom, self->zoom);
  _cjm_canvas_init_render_options (self, &options);
  options.visible = (CjmRect) { 0 };
  cjm_render_emotion_preview (cr, self->layout, &points[index], self->drag.emotion_score, &options);
  cairo_destroy (cr);
}

static void
resolve_drop (CjmCanvas *self)
{
  CjmDrag *drag = &self->drag;
  double map_x, map_y;

  cjm_canvas_widget_to_map (self, drag->x, drag->y, &map_x, &map_y);

  switch (drag->mode)
    {
    case DRAG_CARDS:
      cjm_drop_resolve_cards (self->layout, drag->cards, CJM_CARD (drag->element), map_x, map_y, &drag->drop);
      break;

    case DRAG_RESIZE:
      cjm_drop_resolve_resize (self->layout, CJM_CARD (drag->element), map_x, &drag->drop);
      break;

    case DRAG_CONNECT:
      cjm_drop_resolve_connect (self->layout, CJM_CARD (drag->element), map_x, map_y, &drag->drop);
      break;

    case DRAG_HEADER:
      cjm_drop_resolve_header (self->layout, drag->element, map_x, map_y, &drag->drop);
      break;

    case DRAG_PALETTE:
      cjm_drop_resolve_palette (self->layout, &drag->item, map_x, map_y, &drag->drop);
      break;

    case DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;

    case DRAG_EMOTION:
      drag->emotion_score = emotion_score_at (self, CJM_EMOTION (drag->element), map_y);
      break;

    case DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, drag->start_value_x - (drag->x - drag->start_x));
      gtk_adjustment_set_value (self->vadjustment, drag->start_value_y - (drag->y - drag->start_y));
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }
}

static gboolean
autoscroll_cb (gpointer user_data)
{
  CjmCanvas *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx = 0, dy = 0;

  if (self->drag.x < AUTOSCROLL_EDGE)
    dx = -AUTOSCROLL_SPEED;
  else if (self->drag.x > width - AUTOSCROLL_EDGE)
    dx = AUTOSCROLL_SPEED;
  if (self->drag.y < AUTOSCROLL_EDGE)
    dy = -AUTOSCROLL_SPEED;
  else if (self->drag.y > height - AUTOSCROLL_EDGE)
    dy = AUTOSCROLL_SPEED;

  if (dx == 0 && dy == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  _cjm_canvas_scroll_by (self, dx, dy);
  resolve_drop (self);
  _cjm_canvas_render_invalidate_overlay (self);

  return G_SOURCE_CONTINUE;
}

static void
update_autoscroll (CjmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean near_edge;

  if (self->drag.mode == DRAG_PAN || self->drag.mode == DRAG_PENDING || self->drag.mode == DRAG_NONE)
    return;

  near_edge = self->drag.x < AUTOSCROLL_EDGE || self->drag.x > width - AUTOSCROLL_EDGE ||
              self->drag.y < AUTOSCROLL_EDGE || self->drag.y > height - AUTOSCROLL_EDGE;

  if (near_edge && self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (16, autoscroll_cb, self);
  else if (!near_edge)
    stop_autoscroll (self);
}

static const char *
cursor_for_drag (CjmDragMode mode)
{
  switch (mode)
    {
    case DRAG_CARDS:
    case DRAG_HEADER:
    case DRAG_PAN:
      return "grabbing";
    case DRAG_RESIZE:
      return "ew-resize";
    case DRAG_EMOTION:
      return "ns-resize";
    case DRAG_CONNECT:
      return "crosshair";
    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_PALETTE:
    default:
      return NULL;
    }
}

/**
 * _cjm_canvas_motion:
 * @self: a #CjmCanvas
 * @x: where the pointer is, the button held
 * @y: where the pointer is
 *
 * Starts the drag once the pointer went far enough, then follows it:
 * resolves where it would drop, for the highlight.
 */
void
_cjm_canvas_motion (CjmCanvas *self,
                    double     x,
                    double     y)
{
  CjmDrag *drag = &self->drag;

  if (drag->mode == DRAG_NONE)
    return;

  drag->x = x;
  drag->y = y;

  if (drag->mode == DRAG_PENDING)
    {
      if (drag->pending == DRAG_NONE || !drag_threshold_passed (self, x, y))
        return;

      drag->mode = drag->pending;
      if (drag->mode == DRAG_CARDS)
        drag->cards = dragged_cards (self, CJM_CARD (drag->element));
      if (drag->mode != DRAG_RUBBER_BAND && self->drag_gesture != NULL)
        gtk_gesture_set_state (self->drag_gesture, GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for_drag (drag->mode));
      /* The hovered card's handles go. */
      _cjm_canvas_render_invalidate_overlay (self);
    }

  resolve_drop (self);
  update_autoscroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _cjm_canvas_release:
 * @self: a #CjmCanvas
 * @x: where the button went up
 * @y: where it went up
 *
 * Ends the drag: applies its drop, as one undoable edit, or says why it
 * cannot. A press that never became a drag is a click.
 */
void
_cjm_canvas_release (CjmCanvas *self,
                     double     x,
                     double     y)
{
  CjmDrag *drag = &self->drag;
  g_autoptr(GError) error = NULL;

  if (drag->mode == DRAG_NONE)
    return;

  _cjm_canvas_motion (self, x, y);
  stop_autoscroll (self);

  switch (drag->mode)
    {
    case DRAG_PENDING:
      /* A click on a card of the selection selects it alone. */
      if (drag->element != NULL && drag->pending != DRAG_NONE &&
          !(drag->state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) &&
          drag->pending != DRAG_RESIZE && drag->pending != DRAG_CONNECT)
        cjm_selection_select (self->selection, cjm_element_get_id (drag->element));
      break;

    case DRAG_CARDS:
    case DRAG_RESIZE:
    case DRAG_CONNECT:
    case DRAG_HEADER:
      {
        CjmDrop drop = drag->drop;
        g_autoptr(GPtrArray) cards = drag->cards ? g_ptr_array_ref (drag->cards) : NULL;
        g_autoptr(CjmElement) element = drag->element ? g_object_ref (drag->element) : NULL;

        /* The edit changes the layout: the drag is over before it. */
        drag_clear (drag);
        if (!cjm_drop_apply (self->history, self->layout, &drop, cards, element, &error))
          _cjm_canvas_show_error (self, error);
      }
      break;

    case DRAG_EMOTION:
      {
        g_autoptr(CjmElement) element = g_object_ref (drag->element);
        int score = drag->emotion_score;

        drag_clear (drag);
        apply_emotion_drag (self, CJM_EMOTION (element), score);
      }
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_PAN:
    case DRAG_PALETTE:
    case DRAG_NONE:
    default:
      break;
    }

  drag_clear (drag);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _cjm_canvas_render_invalidate_overlay (self);
}

/* The primary button */

static void
drag_begin_cb (CjmCanvas      *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  _cjm_canvas_press (self, x, y, state);
}

static void
drag_update_cb (CjmCanvas      *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _cjm_canvas_motion (self, x + offset_x, y + offset_y);
}

static void
drag_end_cb (CjmCanvas      *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _cjm_canvas_release (self, x + offset_x, y + offset_y);
}

static void
drag_cancel_cb (CjmCanvas        *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  if (self->drag.mode != DRAG_PALETTE)
    _cjm_canvas_drag_cancel (self);
}

/* The middle button pans. */

static void
pan_begin_cb (CjmCanvas      *self,
              double          x,
              double          y,
              GtkGestureDrag *gesture)
{
  drag_clear (&self->drag);
  self->drag.mode = DRAG_PAN;
  self->drag.start_x = self->drag.x = x;
  self->drag.start_y = self->drag.y = y;
  self->drag.start_value_x = gtk_adjustment_get_value (self->hadjustment);
  self->drag.start_value_y = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (CjmCanvas      *self,
               double          offset_x,
               double          offset_y,
               GtkGestureDrag *gesture)
{
  if (self->drag.mode != DRAG_PAN)
    return;

  self->drag.x = self->drag.start_x + offset_x;
  self->drag.y = self->drag.start_y + offset_y;
  resolve_drop (self);
}

static void
pan_end_cb (CjmCanvas      *self,
            double          offset_x,
            double          offset_y,
            GtkGestureDrag *gesture)
{
  if (self->drag.mode == DRAG_PAN)
    {
      drag_clear (&self->drag);
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

/* The secondary button opens the context menu. */

static void
click_pressed_cb (CjmCanvas       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double map_x, map_y;
  CjmHit hit;

  if (self->layout == NULL)
    return;

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  if (button == GDK_BUTTON_SECONDARY && !self->presenting)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      if (hit.element != NULL && !CJM_IS_MAP (hit.element) && hit.kind != CJM_HIT_CELL)
        {
          const char *id = cjm_element_get_id (hit.element);

          if (!cjm_selection_contains (self->selection, id))
            cjm_selection_select (self->selection, id);
          else
            cjm_selection_set_focused (self->selection, id);
        }
      else
        {
          cjm_selection_clear (self->selection);
        }

      self->context_lane = hit.lane;
      self->context_column = hit.column;
      _cjm_canvas_popup_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

/* On the release of a double-click, after the press (which ends any
 * editing) is over. */
static void
click_released_cb (CjmCanvas       *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double map_x, map_y;
  CjmHit hit;

  if (self->layout == NULL || button != GDK_BUTTON_PRIMARY || self->presenting)
    return;

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  if (n_press == 1 && !(gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) &
                        (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    add_emotion_at (self, &hit);

  if (n_press != 2)
    return;

  if (hit.kind == CJM_HIT_EMOTION_POINT)
    {
      _cjm_canvas_drag_cancel (self);
      edit_emotion_texts (self, CJM_EMOTION (hit.element), &hit.rect);
      return;
    }

  if (hit.element != NULL && cjm_navigation_can_focus (hit.element))
    {
      _cjm_canvas_drag_cancel (self);
      cjm_canvas_edit_element (self, cjm_element_get_id (hit.element));
    }
}

/* Scrolling: the scrolled window pans; with Ctrl held, the canvas zooms
 * around the pointer. */

static gboolean
scroll_cb (CjmCanvas                *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x;
  double y = self->pointer_y;
  double factor;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (1.1, -dy);
  else
    factor = exp (-dy * 0.01);

  cjm_canvas_set_zoom_at (self, cjm_canvas_get_zoom (self) * factor, x, y);

  return TRUE;
}

/* Pinching on a touchpad or screen zooms too. */

static void
zoom_begin_cb (CjmCanvas        *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->pinch_zoom = cjm_canvas_get_zoom (self);
}

static void
zoom_scale_changed_cb (CjmCanvas      *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  cjm_canvas_set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

/* Hovering shows a card's handles and the cursor for what lies under it. */

static void
motion_cb (CjmCanvas                *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *hovered = NULL;
  const char *cursor = NULL;
  double map_x, map_y;
  CjmHit hit;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->layout == NULL || self->drag.mode != DRAG_NONE)
    return;

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  switch (hit.kind)
    {
    case CJM_HIT_CARD:
      hovered = cjm_element_get_id (hit.element);
      break;

    case CJM_HIT_CARD_RESIZE:
      hovered = cjm_element_get_id (hit.element);
      cursor = "ew-resize";
      break;

    case CJM_HIT_CARD_CONNECT:
      hovered = cjm_element_get_id (hit.element);
      cursor = "crosshair";
      break;

    case CJM_HIT_STAGE_HEADER:
    case CJM_HIT_STEP_HEADER:
    case CJM_HIT_LANE_HEADER:
      cursor = "grab";
      break;

    case CJM_HIT_EMOTION_POINT:
      cursor = "ns-resize";
      break;

    case CJM_HIT_NONE:
    case CJM_HIT_CELL:
    case CJM_HIT_CONNECTION:
    case CJM_HIT_TITLE_BAND:
    case CJM_HIT_PERSONA:
    default:
      break;
    }

  if (self->space_held || self->presenting)
    cursor = "grab";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  if (g_strcmp0 (hovered, self->hovered_id) != 0)
    {
      g_free (self->hovered_id);
      self->hovered_id = g_strdup (hovered);
      _cjm_canvas_render_invalidate_overlay (self);
    }
}

static void
leave_cb (CjmCanvas *self)
{
  if (self->hovered_id != NULL)
    {
      g_clear_pointer (&self->hovered_id, g_free);
      _cjm_canvas_render_invalidate_overlay (self);
    }
}

/* A truncated card shows its whole title in a tooltip. */
static gboolean
query_tooltip_cb (CjmCanvas  *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  double map_x, map_y;
  CjmHit hit;

  if (self->layout == NULL || keyboard || self->drag.mode != DRAG_NONE)
    return FALSE;

  cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  cjm_layout_hit_test (self->layout, map_x, map_y, &hit);

  if (hit.kind == CJM_HIT_EMOTION_POINT)
    {
      g_autofree char *text = cjm_emotion_describe (self->map, CJM_EMOTION (hit.element));

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  if (hit.kind == CJM_HIT_CARD && cjm_layout_get_card_truncated (self->layout, CJM_CARD (hit.element)))
    {
      g_autofree char *text = cjm_describe_card_short (CJM_CARD (hit.element));

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  return FALSE;
}

/* Space held makes the primary button pan. */

static gboolean
key_pressed_cb (CjmCanvas             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) &&
      (self->editor == NULL || !gtk_widget_get_visible (self->editor)))
    {
      if (!self->space_held)
        {
          self->space_held = TRUE;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
        }
      return TRUE;
    }

  return FALSE;
}

static void
key_released_cb (CjmCanvas             *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space && self->space_held)
    {
      self->space_held = FALSE;
      if (self->drag.mode == DRAG_NONE)
        gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

/* Drops from the palette */

static GdkDragAction
drop_motion_cb (CjmCanvas     *self,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  const CjmPaletteItem *item;

  if (self->layout == NULL || self->presenting || value == NULL || !G_VALUE_HOLDS (value, CJM_TYPE_PALETTE_ITEM))
    return 0;

  item = g_value_get_boxed (value);
  if (self->drag.mode != DRAG_PALETTE)
    {
      drag_clear (&self->drag);
      self->drag.mode = DRAG_PALETTE;
    }

  self->drag.item = *item;
  self->drag.x = x;
  self->drag.y = y;
  resolve_drop (self);
  update_autoscroll (self);
  _cjm_canvas_render_invalidate_overlay (self);

  return self->drag.drop.kind == CJM_DROP_CREATE ? GDK_ACTION_COPY : 0;
}

static void
drop_leave_cb (CjmCanvas     *self,
               GtkDropTarget *target)
{
  if (self->drag.mode == DRAG_PALETTE)
    _cjm_canvas_drag_cancel (self);
}

static gboolean
drop_cb (CjmCanvas     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GError) error = NULL;
  const CjmPaletteItem *item;
  CjmCard *card;
  CjmDrop drop;

  if (self->layout == NULL || !G_VALUE_HOLDS (value, CJM_TYPE_PALETTE_ITEM))
    return FALSE;

  item = g_value_get_boxed (value);
  _cjm_canvas_drag_cancel (self);

  {
    double map_x, map_y;

    cjm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
    cjm_drop_resolve_palette (self->layout, item, map_x, map_y, &drop);
  }

  if (drop.kind != CJM_DROP_CREATE)
    {
      _cjm_canvas_show_message (self, drop.message);
      return FALSE;
    }

  card = cjm_drop_create (self->history, self->layout, item, drop.lane, drop.column, drop.index, &error);
  if (card == NULL)
    {
      _cjm_canvas_show_error (self, error);
      return FALSE;
    }

  /* A new card is named right away. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  cjm_selection_select (self->selection, cjm_element_get_id (CJM_ELEMENT (card)));
  cjm_canvas_edit_element (self, cjm_element_get_id (CJM_ELEMENT (card)));

  return TRUE;
}

void
_cjm_canvas_input_init (CjmCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *drop;

  drag_clear (&self->drag);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (pan_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (pan_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "key-released", G_CALLBACK (key_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drop = gtk_drop_target_new (CJM_TYPE_PALETTE_ITEM, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect_object (drop, "motion", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "enter", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
