/* cjm-persona-panel.c: the map's personas, whose journeys it shows
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-persona-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-element-editor.h"
#include "cjm-emotion-curve.h"
#include "cjm-persona-panel.h"

/* The list of personas, each with a box to tick whether the map shows its
 * emotion curve (ticking some makes the other personas' touchpoints fade),
 * and below it the chosen persona's fields, grouped as practitioners do.
 * Which curves are shown is a view of the map, not part of it: it is not
 * saved and not undone. */

struct _CjmPersonaPanel
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkListBox        *list;
  GtkWidget         *curve_group;
  CjmEmotionCurve   *curve;
  CjmElementEditor  *editor;

  CjmCanvas         *canvas;
  CjmDocument       *document;
  CjmSelection      *selection;
  CjmPersona        *persona;   /* the one being edited */
  GHashTable        *hidden;    /* ids of the personas whose curves are hidden */

  guint              selecting : 1;
};

G_DEFINE_FINAL_TYPE (CjmPersonaPanel, cjm_persona_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CjmMap *
get_map (CjmPersonaPanel *self)
{
  return self->document != NULL ? cjm_document_get_map (self->document) : NULL;
}

static CjmHistory *
get_history (CjmPersonaPanel *self)
{
  return cjm_document_get_history (self->document);
}

static GListModel *
get_personas (CjmPersonaPanel *self)
{
  return cjm_map_get_personas (get_map (self));
}

static int
persona_position (CjmPersonaPanel *self,
                  CjmPersona      *persona)
{
  GListModel *personas = get_personas (self);

  for (guint i = 0, n = g_list_model_get_n_items (personas); i < n; i++)
    {
      g_autoptr(CjmPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        return (int)i;
    }

  return -1;
}

/* Which curves the map shows */

static void
apply_shown (CjmPersonaPanel *self)
{
  CjmLayout *layout = self->canvas != NULL ? cjm_canvas_get_layout (self->canvas) : NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  GListModel *personas;

  if (layout == NULL || self->document == NULL)
    return;

  /* None hidden: all of them, those added later too. */
  if (g_hash_table_size (self->hidden) == 0)
    {
      cjm_layout_set_persona_ids (layout, NULL);
      return;
    }

  builder = g_strv_builder_new ();
  personas = get_personas (self);
  for (guint i = 0, n = g_list_model_get_n_items (personas); i < n; i++)
    {
      g_autoptr(CjmElement) persona = g_list_model_get_item (personas, i);
      const char *id = cjm_element_get_id (persona);

      if (!g_hash_table_contains (self->hidden, id))
        g_strv_builder_add (builder, id);
    }

  ids = g_strv_builder_end (builder);
  cjm_layout_set_persona_ids (layout, (const char * const *)ids);
}

static void
sync_checks (CjmPersonaPanel *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CjmPersona *persona = g_object_get_data (G_OBJECT (row), "persona");
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (persona != NULL && check != NULL)
        gtk_check_button_set_active (check, cjm_persona_panel_get_shown (self, persona));
    }
}

static void
check_toggled_cb (CjmPersonaPanel *self,
                  GtkCheckButton  *check)
{
  CjmPersona *persona = g_object_get_data (G_OBJECT (check), "persona");

  cjm_persona_panel_set_shown (self, persona, gtk_check_button_get_active (check));
}

/* The rows */

static void
draw_color_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  CjmPersonaPanel *self = user_data;
  CjmPersona *persona = g_object_get_data (G_OBJECT (area), "persona");
  CjmLayout *layout = self->canvas != NULL ? cjm_canvas_get_layout (self->canvas) : NULL;
  double red, green, blue;

  if (layout == NULL || persona_position (self, persona) < 0)
    return;

  cjm_render_get_persona_color (layout, persona,
                                adw_style_manager_get_dark (adw_style_manager_get_default ())
                                ? CJM_THEME_DARK : CJM_THEME_LIGHT,
                                &red, &green, &blue);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2., 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_row (GtkWidget  *row,
            GParamSpec *pspec)
{
  CjmPersona *persona = g_object_get_data (G_OBJECT (row), "persona");
  AdwAvatar *avatar = g_object_get_data (G_OBJECT (row), "avatar");
  const char *name = cjm_persona_get_name (persona);
  g_autoptr(GBytes) picture = cjm_persona_dup_picture_bytes (persona);
  g_autoptr(GdkTexture) texture = picture != NULL ? gdk_texture_new_from_bytes (picture, NULL) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && name[0] != '\0' ? name : _("Unnamed Persona"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cjm_persona_get_profession (persona));
  adw_avatar_set_text (avatar, name);
  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));

  gtk_widget_queue_draw (g_object_get_data (G_OBJECT (row), "color"));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CjmPersonaPanel *self = user_data;
  CjmPersona *persona = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *color = gtk_drawing_area_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Show the Emotion Curve"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cjm_persona_panel_get_shown (self, persona));
  g_object_set_data (G_OBJECT (check), "persona", persona);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (color), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (color), 14);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (color), draw_color_cb, self, NULL);
  g_object_set_data (G_OBJECT (color), "persona", persona);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), color);

  g_object_set_data_full (G_OBJECT (row), "persona", g_object_ref (persona), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  g_object_set_data (G_OBJECT (row), "color", color);

  /* Each check is labelled by its persona for screen readers. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);

  g_signal_connect_object (persona, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row, NULL);

  return row;
}

/* The persona being edited */

static void
update_actions (CjmPersonaPanel *self)
{
  gboolean editable = self->document != NULL && !cjm_document_get_read_only (self->document);
  int position = self->persona != NULL ? persona_position (self, self->persona) : -1;
  guint n = self->document != NULL ? g_list_model_get_n_items (get_personas (self)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.duplicate", editable && position >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.delete", editable && position >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.move-up", editable && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.move-down",
                                 editable && position >= 0 && (guint)position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.show-all", g_hash_table_size (self->hidden) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.show-only", position >= 0 && n > 1);
}

static void
select_row_of (CjmPersonaPanel *self,
               CjmPersona      *persona)
{
  int position = persona != NULL ? persona_position (self, persona) : -1;
  GtkListBoxRow *row = position >= 0 ? gtk_list_box_get_row_at_index (self->list, position) : NULL;

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;
}

static void
sync_personas (CjmPersonaPanel *self)
{
  guint n = self->document != NULL ? g_list_model_get_n_items (get_personas (self)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "personas" : "empty");

  /* A persona deleted, or undone away: edit its neighbour. */
  if (self->persona != NULL && persona_position (self, self->persona) < 0)
    g_clear_object (&self->persona);
  if (self->persona == NULL && n > 0)
    {
      g_autoptr(CjmPersona) first = g_list_model_get_item (get_personas (self), 0);

      cjm_persona_panel_set_persona (self, first);
    }
  else
    {
      select_row_of (self, self->persona);
      update_actions (self);
    }

  /* Forget hidden personas that are gone, so that "all" stays all. */
  if (g_hash_table_size (self->hidden) > 0)
    {
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, self->hidden);
      while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
        {
          if (cjm_map_lookup_typed (get_map (self), id, CJM_TYPE_PERSONA) == NULL)
            g_hash_table_iter_remove (&iter);
        }
      apply_shown (self);
    }
}

static void
personas_changed_cb (CjmPersonaPanel *self)
{
  sync_personas (self);
}

static void
row_selected_cb (CjmPersonaPanel *self,
                 GtkListBoxRow   *row)
{
  if (self->selecting || row == NULL)
    return;

  cjm_persona_panel_set_persona (self, g_object_get_data (G_OBJECT (row), "persona"));
}

/* A persona chosen on the canvas (its band, one of its emotion points)
 * is the one the panel edits. */
static void
selection_changed_cb (CjmPersonaPanel *self)
{
  CjmElement *element;

  if (self->document == NULL || cjm_selection_get_n_ids (self->selection) != 1)
    return;

  element = cjm_map_lookup (get_map (self), cjm_selection_get_id (self->selection, 0));
  if (CJM_IS_EMOTION (element))
    element = cjm_map_lookup (get_map (self), cjm_emotion_get_persona_id (CJM_EMOTION (element)));

  if (CJM_IS_PERSONA (element))
    cjm_persona_panel_set_persona (self, CJM_PERSONA (element));
}

static void
set_document (CjmPersonaPanel *self,
              CjmDocument     *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (get_personas (self), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_clear_object (&self->persona);
  g_hash_table_remove_all (self->hidden);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      gtk_list_box_bind_model (self->list, get_personas (self), create_row_cb, self, NULL);
      /* After the list box made its rows. */
      g_signal_connect_object (get_personas (self), "items-changed",
                               G_CALLBACK (personas_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_actions),
                               self, G_CONNECT_SWAPPED);
    }
  else
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  cjm_element_editor_set_element (self->editor, NULL, NULL);
  cjm_emotion_curve_set_document (self->curve, document);
  sync_personas (self);
}

static void
canvas_document_cb (CjmPersonaPanel *self)
{
  set_document (self, cjm_canvas_get_document (self->canvas));
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);
  CjmPersona *persona;

  persona = cjm_edit_add_persona (get_history (self), -1, _("New Persona"));
  cjm_persona_panel_set_persona (self, persona);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);

  if (self->persona != NULL)
    cjm_persona_panel_set_persona (self, cjm_edit_duplicate_persona (get_history (self), self->persona));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int position;

  if (self->persona == NULL)
    return;

  position = persona_position (self, self->persona);
  g_ptr_array_add (elements, self->persona);
  if (!cjm_edit_delete (get_history (self), elements, &error))
    {
      gtk_widget_activate_action (widget, "win.show-message", "s", error->message);
      return;
    }

  /* The one that took its place, or the one before it at the end. */
  if (g_list_model_get_n_items (get_personas (self)) > 0)
    {
      guint n = g_list_model_get_n_items (get_personas (self));
      g_autoptr(CjmPersona) next = g_list_model_get_item (get_personas (self),
                                                          MIN ((guint)position, n - 1));

      cjm_persona_panel_set_persona (self, next);
    }
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);
  int position;

  if (self->persona == NULL)
    return;

  position = persona_position (self, self->persona);
  position += g_str_equal (action_name, "persona.move-up") ? -1 : 1;
  if (position < 0)
    return;

  cjm_edit_move_persona (get_history (self), self->persona, position);
  select_row_of (self, self->persona);
  update_actions (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);

  g_hash_table_remove_all (self->hidden);
  apply_shown (self);
  sync_checks (self);
  update_actions (self);
}

static void
show_only_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (widget);
  GListModel *personas;

  if (self->persona == NULL)
    return;

  personas = get_personas (self);
  for (guint i = 0, n = g_list_model_get_n_items (personas); i < n; i++)
    {
      g_autoptr(CjmPersona) persona = g_list_model_get_item (personas, i);

      if (persona != self->persona)
        g_hash_table_add (self->hidden, g_strdup (cjm_element_get_id (CJM_ELEMENT (persona))));
    }
  g_hash_table_remove (self->hidden, cjm_element_get_id (CJM_ELEMENT (self->persona)));

  apply_shown (self);
  sync_checks (self);
  update_actions (self);
}

/* The curve scrolls sideways in a scrolled window of its own, inside the
 * panel's. GTK 4.8's GtkScrolledWindow stops every scroll event as soon as
 * it can scroll along one axis, even a delta along the other that it cannot
 * use (its vscrollbar-policy "never" changes nothing there), so a wheel
 * turned over the curve would scroll nothing and the page would stop under
 * the pointer. No public API hands an event on to the outer scrolled
 * window, so this handler, in the capture phase on the curve's scrolled
 * window (see the .ui), scrolls the page itself by the deltas that are
 * mostly vertical, by the steps GtkScrolledWindow takes (a wheel's notch
 * page_size^(2/3), a touchpad's unit 2.5 pixels). Shift+wheel (which the
 * scrolled window turns sideways) and mostly horizontal deltas (a tilting
 * wheel, a touchpad) go on to the curve's scrolled window, kinetic
 * scrolling and all. */
static gboolean
curve_scroll_cb (CjmPersonaPanel          *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double step;

  if ((state & GDK_SHIFT_MASK) != 0 || fabs (dy) <= fabs (dx))
    return GDK_EVENT_PROPAGATE;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (page), 2.0 / 3.0);
  else
    step = 2.5;
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + dy * step);

  return GDK_EVENT_STOP;
}

/* GObject */

static void
cjm_persona_panel_dispose (GObject *object)
{
  CjmPersonaPanel *self = (CjmPersonaPanel *)object;

  cjm_persona_panel_set_canvas (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_PERSONA_PANEL);

  G_OBJECT_CLASS (cjm_persona_panel_parent_class)->dispose (object);
}

static void
cjm_persona_panel_finalize (GObject *object)
{
  CjmPersonaPanel *self = (CjmPersonaPanel *)object;

  g_hash_table_unref (self->hidden);

  G_OBJECT_CLASS (cjm_persona_panel_parent_class)->finalize (object);
}

static void
cjm_persona_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;

    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_persona_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CjmPersonaPanel *self = CJM_PERSONA_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      cjm_persona_panel_set_canvas (self, g_value_get_object (value));
      break;

    case PROP_PERSONA:
      cjm_persona_panel_set_persona (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_persona_panel_class_init (CjmPersonaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_persona_panel_dispose;
  object_class->finalize = cjm_persona_panel_finalize;
  object_class->get_property = cjm_persona_panel_get_property;
  object_class->set_property = cjm_persona_panel_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         CJM_TYPE_CANVAS,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL,
                         CJM_TYPE_PERSONA,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CJM_TYPE_ELEMENT_EDITOR);
  g_type_ensure (CJM_TYPE_EMOTION_CURVE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/JourneyMapper/cjm-persona-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, list);
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, curve_group);
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, curve);
  gtk_widget_class_bind_template_child (widget_class, CjmPersonaPanel, editor);
  gtk_widget_class_bind_template_callback (widget_class, curve_scroll_cb);

  gtk_widget_class_install_action (widget_class, "persona.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "persona.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "persona.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "persona.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "persona.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "persona.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "persona.show-only", NULL, show_only_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-persona-panel");
}

static void
cjm_persona_panel_init (CjmPersonaPanel *self)
{
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

GtkWidget *
cjm_persona_panel_new (void)
{
  return g_object_new (CJM_TYPE_PERSONA_PANEL, NULL);
}

/**
 * cjm_persona_panel_get_canvas:
 * @self: a #CjmPersonaPanel
 *
 * Returns: (transfer none) (nullable): the canvas the panel follows
 */
CjmCanvas *
cjm_persona_panel_get_canvas (CjmPersonaPanel *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA_PANEL (self), NULL);

  return self->canvas;
}

/**
 * cjm_persona_panel_get_persona:
 * @self: a #CjmPersonaPanel
 *
 * Returns: (transfer none) (nullable): the persona whose fields are shown
 */
CjmPersona *
cjm_persona_panel_get_persona (CjmPersonaPanel *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA_PANEL (self), NULL);

  return self->persona;
}

/**
 * cjm_persona_panel_get_shown:
 * @self: a #CjmPersonaPanel
 * @persona: a persona of the map
 *
 * Returns: whether the map shows @persona's emotion curve
 */
gboolean
cjm_persona_panel_get_shown (CjmPersonaPanel *self,
                             CjmPersona      *persona)
{
  g_return_val_if_fail (CJM_IS_PERSONA_PANEL (self), FALSE);
  g_return_val_if_fail (CJM_IS_PERSONA (persona), FALSE);

  return !g_hash_table_contains (self->hidden, cjm_element_get_id (CJM_ELEMENT (persona)));
}

/**
 * cjm_persona_panel_set_canvas:
 * @self: a #CjmPersonaPanel
 * @canvas: (nullable): the canvas whose document to show and whose
 *   personas' curves to choose
 */
void
cjm_persona_panel_set_canvas (CjmPersonaPanel *self,
                              CjmCanvas       *canvas)
{
  g_return_if_fail (CJM_IS_PERSONA_PANEL (self));
  g_return_if_fail (canvas == NULL || CJM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_set_object (&self->canvas, canvas);

  if (canvas != NULL)
    {
      self->selection = g_object_ref (cjm_canvas_get_selection (canvas));
      cjm_emotion_curve_set_selection (self->curve, self->selection);
      g_signal_connect_object (canvas, "notify::document", G_CALLBACK (canvas_document_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  set_document (self, canvas != NULL ? cjm_canvas_get_document (canvas) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

/**
 * cjm_persona_panel_set_persona:
 * @self: a #CjmPersonaPanel
 * @persona: (nullable): a persona of the map, to edit
 */
void
cjm_persona_panel_set_persona (CjmPersonaPanel *self,
                               CjmPersona      *persona)
{
  g_return_if_fail (CJM_IS_PERSONA_PANEL (self));
  g_return_if_fail (persona == NULL || CJM_IS_PERSONA (persona));

  if (self->persona != persona)
    {
      const char *ids[] = { persona != NULL ? cjm_element_get_id (CJM_ELEMENT (persona)) : NULL, NULL };

      g_set_object (&self->persona, persona);
      /* The curve of the persona edited, to drag its points here. */
      cjm_emotion_curve_set_persona_ids (self->curve, ids);
      cjm_element_editor_set_element (self->editor, persona != NULL ? self->document : NULL,
                                      CJM_ELEMENT (persona));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
    }

  select_row_of (self, persona);
  update_actions (self);
}

/**
 * cjm_persona_panel_set_shown:
 * @self: a #CjmPersonaPanel
 * @persona: a persona of the map
 * @shown: whether the map shows its emotion curve
 *
 * With some personas shown and not others, the touchpoints of the others
 * fade on the map.
 */
void
cjm_persona_panel_set_shown (CjmPersonaPanel *self,
                             CjmPersona      *persona,
                             gboolean         shown)
{
  const char *id;

  g_return_if_fail (CJM_IS_PERSONA_PANEL (self));
  g_return_if_fail (CJM_IS_PERSONA (persona));

  id = cjm_element_get_id (CJM_ELEMENT (persona));
  if (shown == !g_hash_table_contains (self->hidden, id))
    return;

  if (shown)
    g_hash_table_remove (self->hidden, id);
  else
    g_hash_table_add (self->hidden, g_strdup (id));

  apply_shown (self);
  sync_checks (self);
  update_actions (self);
}
