/* cjm-impact-effort.c: opportunities on an impact/effort matrix
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-impact-effort"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cjm-impact-effort-private.h"
#include "cjm-render-private.h"

/* Each opportunity of the model is a dot placed by its effort (x, growing
 * to the right) and its impact (y, growing upwards), over four labelled
 * quadrants: where to act first is the top left, the quick wins. Hovering
 * a dot tells its title; clicking it, or Enter on the dot the keyboard
 * focuses (arrows move between dots), emits #CjmImpactEffort::card-activated.
 * Opportunities not rated on both scales are left out. */

#define RATING_MAX   5
#define RATING_HIGH  3     /* this or more is high */
#define MARK_RADIUS   7.0
#define PAD          8.0
#define LABEL_ROOM   20.0

struct _CjmImpactEffort
{
  GtkWidget   parent_instance;

  GListModel *model;
  char       *selected_id;
  int         focus_index;  /* among the placed dots, or -1 */
};

G_DEFINE_FINAL_TYPE (CjmImpactEffort, cjm_impact_effort, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CjmCard *card;  /* borrowed from the model */
  double   x;
  double   y;
} Dot;

/* Geometry */

/* Where a rating from 1 to RATING_MAX goes along an axis, from 0 to 1: the
 * low ratings share the low half evenly and the high ones the high half,
 * so that each lies inside its quadrant, never on the line between. */
static double
axis_fraction (int rating)
{
  const int n_low = RATING_HIGH - 1;
  const int n_high = RATING_MAX - RATING_HIGH + 1;

  if (rating < RATING_HIGH)
    return 0.5 * ((rating - 1) + 0.5) / n_low;

  return 0.5 + 0.5 * ((rating - RATING_HIGH) + 0.5) / n_high;
}

gboolean
_cjm_impact_effort_place (int     impact,
                          int     effort,
                          double *x,
                          double *y)
{
  if (impact < 1 || impact > RATING_MAX || effort < 1 || effort > RATING_MAX)
    return FALSE;

  *x = axis_fraction (effort);
  *y = 1.0 - axis_fraction (impact);

  return TRUE;
}

void
_cjm_impact_effort_get_plot (CjmImpactEffort *self,
                             graphene_rect_t *plot)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (plot, PAD, LABEL_ROOM,
                      MAX (1.0, width - 2 * PAD),
                      MAX (1.0, height - 2 * LABEL_ROOM));
}

/* The dots in widget coordinates, in the model's order. Dots of the same
 * rating are spread side by side. */
static GArray *
compute_dots (CjmImpactEffort *self)
{
  GArray *dots = g_array_new (FALSE, FALSE, sizeof (Dot));
  graphene_rect_t plot;
  guint n;

  if (self->model == NULL)
    return dots;

  _cjm_impact_effort_get_plot (self, &plot);
  n = g_list_model_get_n_items (self->model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (self->model, i);
      Dot dot = { card, 0, 0 };
      double fx, fy;

      if (!_cjm_impact_effort_place (cjm_card_get_impact (card), cjm_card_get_effort (card),
                                     &fx, &fy))
        continue;

      dot.x = plot.origin.x + fx * plot.size.width;
      dot.y = plot.origin.y + fy * plot.size.height;
      g_array_append_val (dots, dot);
    }

  /* Spread dots at the same place */
  for (guint i = 0; i < dots->len; i++)
    {
      Dot *dot = &g_array_index (dots, Dot, i);
      guint same = 0;
      guint rank = 0;

      for (guint j = 0; j < dots->len; j++)
        {
          Dot *other = &g_array_index (dots, Dot, j);

          if (cjm_card_get_impact (other->card) == cjm_card_get_impact (dot->card) &&
              cjm_card_get_effort (other->card) == cjm_card_get_effort (dot->card))
            {
              if (j < i)
                rank++;
              same++;
            }
        }

      if (same > 1)
        dot->x += (rank - (same - 1) / 2.0) * (2 * MARK_RADIUS + 3);
    }

  return dots;
}

static int
pick_index (CjmImpactEffort *self,
            GArray          *dots,
            double           x,
            double           y)
{
  int best = -1;
  double best_distance = (MARK_RADIUS + 3) * (MARK_RADIUS + 3);

  for (guint i = 0; i < dots->len; i++)
    {
      const Dot *dot = &g_array_index (dots, Dot, i);
      double distance = (dot->x - x) * (dot->x - x) + (dot->y - y) * (dot->y - y);

      if (distance <= best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  return best;
}

CjmCard *
_cjm_impact_effort_pick (CjmImpactEffort *self,
                         double           x,
                         double           y)
{
  g_autoptr(GArray) dots = NULL;
  int index;

  g_return_val_if_fail (CJM_IS_IMPACT_EFFORT (self), NULL);

  dots = compute_dots (self);
  index = pick_index (self, dots, x, y);

  return index >= 0 ? g_array_index (dots, Dot, index).card : NULL;
}

gboolean
_cjm_impact_effort_get_dot (CjmImpactEffort *self,
                            CjmCard         *card,
                            double          *x,
                            double          *y)
{
  g_autoptr(GArray) dots = NULL;

  g_return_val_if_fail (CJM_IS_IMPACT_EFFORT (self), FALSE);

  dots = compute_dots (self);
  for (guint i = 0; i < dots->len; i++)
    {
      const Dot *dot = &g_array_index (dots, Dot, i);

      if (dot->card == card)
        {
          *x = dot->x;
          *y = dot->y;
          return TRUE;
        }
    }

  return FALSE;
}

/* Drawing */

static void
set_source_gdk (cairo_t       *cr,
                const GdkRGBA *color,
                double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (CjmImpactEffort *self,
           cairo_t         *cr,
           const char      *text,
           double           x,
           double           y,
           double           xalign,
           gboolean         bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
cjm_impact_effort_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CjmImpactEffort *self = CJM_IMPACT_EFFORT (widget);
  static const struct { CjmQuadrant quadrant; CjmHue hue; double alpha; int column, row; } quadrants[] = {
    { CJM_QUADRANT_QUICK_WINS, CJM_HUE_GREEN, 0.16, 0, 0 },
    { CJM_QUADRANT_BIG_BETS, CJM_HUE_BLUE, 0.10, 1, 0 },
    { CJM_QUADRANT_FILL_INS, CJM_HUE_GREY, 0.08, 0, 1 },
    { CJM_QUADRANT_MONEY_PITS, CJM_HUE_RED, 0.10, 1, 1 },
  };
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const CjmPalette *palette = _cjm_palette_for_theme (dark ? CJM_THEME_DARK : CJM_THEME_LIGHT);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GArray) dots = compute_dots (self);
  graphene_rect_t plot;
  GdkRGBA fg;
  GdkRGBA accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
    accent = fg;

  _cjm_impact_effort_get_plot (self, &plot);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The quadrants and their names */
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      double qw = plot.size.width / 2;
      double qh = plot.size.height / 2;
      double qx = plot.origin.x + quadrants[i].column * qw;
      double qy = plot.origin.y + quadrants[i].row * qh;
      CjmRgba tint = _cjm_rgba_with_alpha (&palette->hues[quadrants[i].hue], quadrants[i].alpha);

      _cjm_set_source (cr, &tint);
      cairo_rectangle (cr, qx, qy, qw, qh);
      cairo_fill (cr);

      set_source_gdk (cr, &fg, 0.6);
      if (quadrants[i].column == 0)
        draw_text (self, cr, cjm_quadrant_get_label (quadrants[i].quadrant), qx + 6, qy + 4, 0, TRUE);
      else
        draw_text (self, cr, cjm_quadrant_get_label (quadrants[i].quadrant), qx + qw - 6, qy + 4, 1, TRUE);
    }

  set_source_gdk (cr, &fg, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, plot.origin.x + 0.5, plot.origin.y + 0.5,
                   plot.size.width - 1, plot.size.height - 1);
  cairo_move_to (cr, plot.origin.x + plot.size.width / 2, plot.origin.y);
  cairo_rel_line_to (cr, 0, plot.size.height);
  cairo_move_to (cr, plot.origin.x, plot.origin.y + plot.size.height / 2);
  cairo_rel_line_to (cr, plot.size.width, 0);
  cairo_stroke (cr);

  /* The axes */
  set_source_gdk (cr, &fg, 0.55);
  /* Translators: the vertical axis of the impact/effort matrix */
  draw_text (self, cr, _("Impact ↑"), plot.origin.x, 2, 0, FALSE);
  /* Translators: the horizontal axis of the impact/effort matrix */
  draw_text (self, cr, _("Effort →"), plot.origin.x + plot.size.width,
             plot.origin.y + plot.size.height + 3, 1, FALSE);

  /* The dots */
  for (guint i = 0; i < dots->len; i++)
    {
      const Dot *dot = &g_array_index (dots, Dot, i);
      const CjmRgba *hue = &palette->hues[_cjm_status_hue (cjm_card_get_status (dot->card))];
      gboolean selected = self->selected_id != NULL &&
                          g_strcmp0 (self->selected_id, cjm_element_get_id (CJM_ELEMENT (dot->card))) == 0;

      cairo_new_path (cr);
      if (selected)
        {
          set_source_gdk (cr, &accent, 1.0);
          cairo_set_line_width (cr, 2.5);
          cairo_arc (cr, dot->x, dot->y, MARK_RADIUS + 3.5, 0, 2 * G_PI);
          cairo_stroke (cr);
        }

      _cjm_set_source (cr, hue);
      cairo_arc (cr, dot->x, dot->y, MARK_RADIUS, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      _cjm_set_source (cr, &palette->background);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      if ((int)i == self->focus_index && gtk_widget_has_visible_focus (widget))
        {
          double dashes[] = { 2, 2 };

          set_source_gdk (cr, &fg, 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_new_path (cr);
          cairo_arc (cr, dot->x, dot->y, MARK_RADIUS + 7, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  cairo_destroy (cr);
}

static void
cjm_impact_effort_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 300;
    }
  else
    {
      *minimum = 180;
      *natural = for_size > 0 ? MAX (180, for_size * 4 / 5) : 240;
    }
}

/* Input */

static void
activate_card (CjmImpactEffort *self,
               CjmCard         *card)
{
  cjm_impact_effort_set_selected_id (self, cjm_element_get_id (CJM_ELEMENT (card)));
  g_signal_emit (self, signals[CARD_ACTIVATED], 0, card);
}

static void
click_pressed_cb (CjmImpactEffort *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  g_autoptr(GArray) dots = compute_dots (self);
  int index = pick_index (self, dots, x, y);

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;

  self->focus_index = index;
  activate_card (self, g_array_index (dots, Dot, index).card);
}

static gboolean
query_tooltip_cb (CjmImpactEffort *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autoptr(GArray) dots = compute_dots (self);
  int index = keyboard ? self->focus_index : pick_index (self, dots, x, y);
  g_autofree char *text = NULL;
  CjmCard *card;

  if (index < 0 || index >= (int)dots->len)
    return FALSE;

  card = g_array_index (dots, Dot, index).card;
  /* Translators: a tooltip on the impact/effort matrix: the opportunity's
   * title, its quadrant ("Quick Wins"), then its impact and effort out of 5 */
  text = g_strdup_printf (_("%s\n%s · impact %d, effort %d"),
                          cjm_card_get_title (card) ? cjm_card_get_title (card) : _("Untitled"),
                          cjm_quadrant_get_label (cjm_quadrant_for_rating (cjm_card_get_impact (card),
                                                                           cjm_card_get_effort (card))),
                          cjm_card_get_impact (card), cjm_card_get_effort (card));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static gboolean
key_pressed_cb (CjmImpactEffort       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_autoptr(GArray) dots = compute_dots (self);
  int n = dots->len;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      self->focus_index = self->focus_index <= 0 ? n - 1 : self->focus_index - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      self->focus_index = self->focus_index < 0 || self->focus_index >= n - 1 ? 0 : self->focus_index + 1;
      break;
    case GDK_KEY_Home:
      self->focus_index = 0;
      break;
    case GDK_KEY_End:
      self->focus_index = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_index >= 0 && self->focus_index < n)
        activate_card (self, g_array_index (dots, Dot, self->focus_index).card);
      return TRUE;
    default:
      return FALSE;
    }

  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static void
model_items_changed_cb (CjmImpactEffort *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  self->focus_index = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
cjm_impact_effort_dispose (GObject *object)
{
  CjmImpactEffort *self = CJM_IMPACT_EFFORT (object);

  cjm_impact_effort_set_model (self, NULL);

  G_OBJECT_CLASS (cjm_impact_effort_parent_class)->dispose (object);
}

static void
cjm_impact_effort_finalize (GObject *object)
{
  CjmImpactEffort *self = CJM_IMPACT_EFFORT (object);

  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (cjm_impact_effort_parent_class)->finalize (object);
}

static void
cjm_impact_effort_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CjmImpactEffort *self = CJM_IMPACT_EFFORT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_impact_effort_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CjmImpactEffort *self = CJM_IMPACT_EFFORT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cjm_impact_effort_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ID:
      cjm_impact_effort_set_selected_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_impact_effort_class_init (CjmImpactEffortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_impact_effort_dispose;
  object_class->finalize = cjm_impact_effort_finalize;
  object_class->get_property = cjm_impact_effort_get_property;
  object_class->set_property = cjm_impact_effort_set_property;

  widget_class->snapshot = cjm_impact_effort_snapshot;
  widget_class->measure = cjm_impact_effort_measure;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmImpactEffort::card-activated:
   * @self: the matrix
   * @card: the opportunity clicked, or activated with the keyboard
   */
  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CJM_TYPE_CARD);

  gtk_widget_class_set_css_name (widget_class, "cjm-impact-effort");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cjm_impact_effort_init (CjmImpactEffort *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->focus_index = -1;

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Impact and effort of the opportunities"),
                                  -1);
}

/* Public API */

/**
 * cjm_quadrant_for_rating:
 * @impact: from 1 (low) to 5, or 0 if not rated
 * @effort: from 1 (low) to 5, or 0 if not rated
 *
 * Which quadrant of the matrix an opportunity falls in: 3 and more is high.
 *
 * Returns: the quadrant, %CJM_QUADRANT_NONE if either is not rated
 */
CjmQuadrant
cjm_quadrant_for_rating (int impact,
                         int effort)
{
  gboolean high_impact = impact >= RATING_HIGH;
  gboolean high_effort = effort >= RATING_HIGH;

  if (impact < 1 || impact > RATING_MAX || effort < 1 || effort > RATING_MAX)
    return CJM_QUADRANT_NONE;

  if (high_impact)
    return high_effort ? CJM_QUADRANT_BIG_BETS : CJM_QUADRANT_QUICK_WINS;

  return high_effort ? CJM_QUADRANT_MONEY_PITS : CJM_QUADRANT_FILL_INS;
}

/**
 * cjm_quadrant_get_label:
 * @quadrant: a #CjmQuadrant
 *
 * Returns: the quadrant's name, translated
 */
const char *
cjm_quadrant_get_label (CjmQuadrant quadrant)
{
  switch (quadrant)
    {
    case CJM_QUADRANT_QUICK_WINS:
      return _("Quick Wins");
    case CJM_QUADRANT_BIG_BETS:
      return _("Big Bets");
    case CJM_QUADRANT_FILL_INS:
      return _("Fill-Ins");
    case CJM_QUADRANT_MONEY_PITS:
      return _("Money Pits");
    case CJM_QUADRANT_NONE:
    default:
      return _("Not Rated");
    }
}

GtkWidget *
cjm_impact_effort_new (void)
{
  return g_object_new (CJM_TYPE_IMPACT_EFFORT, NULL);
}

GListModel *
cjm_impact_effort_get_model (CjmImpactEffort *self)
{
  g_return_val_if_fail (CJM_IS_IMPACT_EFFORT (self), NULL);

  return self->model;
}

const char *
cjm_impact_effort_get_selected_id (CjmImpactEffort *self)
{
  g_return_val_if_fail (CJM_IS_IMPACT_EFFORT (self), NULL);

  return self->selected_id;
}

/**
 * cjm_impact_effort_set_model:
 * @self: a #CjmImpactEffort
 * @model: (nullable): a list of #CjmCard, the opportunities to show
 */
void
cjm_impact_effort_set_model (CjmImpactEffort *self,
                             GListModel      *model)
{
  g_return_if_fail (CJM_IS_IMPACT_EFFORT (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->focus_index = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
cjm_impact_effort_set_selected_id (CjmImpactEffort *self,
                                   const char      *id)
{
  g_return_if_fail (CJM_IS_IMPACT_EFFORT (self));

  if (g_strcmp0 (self->selected_id, id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}
