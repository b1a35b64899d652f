/* cjm-window-map.c: the window's map view, presentation mode and templates
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-window"

#include "config.h"

#include "cjm-map-view.h"
#include "cjm-template.h"
#include "cjm-template-chooser.h"
#include "cjm-window-private.h"

/* The window's part in editing the map: the header bar's Add menu and the
 * zoom buttons act on the canvas through win.* actions passed on to its
 * canvas.* ones; F5 presents the map, full screen, with nothing but the
 * map; F9 shows the side panels; F8 the palette. */

static CjmMapView *
get_map_view (CjmWindow *self)
{
  return CJM_MAP_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self), CJM_TYPE_WINDOW, "map_view"));
}

/**
 * cjm_window_get_canvas:
 * @self: a #CjmWindow
 *
 * Returns: (transfer none): the canvas showing the window's map
 */
CjmCanvas *
cjm_window_get_canvas (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);

  return cjm_map_view_get_canvas (get_map_view (self));
}

/**
 * cjm_window_get_map_view:
 * @self: a #CjmWindow
 *
 * Returns: (transfer none): the view holding the canvas and the side panels
 */
CjmMapView *
cjm_window_get_map_view (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);

  return get_map_view (self);
}

/* Actions passed on to the canvas */

static const struct {
  const char *window_action;
  const char *canvas_action;
  const char *parameter_type;
} forwarded[] = {
  { "win.zoom-in", "canvas.zoom-in", NULL },
  { "win.zoom-out", "canvas.zoom-out", NULL },
  { "win.zoom-reset", "canvas.zoom-reset", NULL },
  { "win.zoom-fit", "canvas.zoom-fit", NULL },
  { "win.add-card", "canvas.add-card", "s" },
  { "win.add-stage", "canvas.add-stage", NULL },
  { "win.add-step", "canvas.add-step", NULL },
  { "win.add-lane", "canvas.add-lane", "s" },
};

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CjmCanvas *canvas = cjm_window_get_canvas (CJM_WINDOW (widget));

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    if (g_str_equal (action_name, forwarded[i].window_action))
      {
        gtk_widget_activate_action_variant (GTK_WIDGET (canvas), forwarded[i].canvas_action, param);
        gtk_widget_grab_focus (GTK_WIDGET (canvas));
        return;
      }
}

/* Presentation mode */

typedef struct
{
  double zoom;
  double x;
  double y;
} ViewPlace;

static void
set_presenting (CjmWindow *self,
                gboolean   presenting)
{
  CjmMapView *view = get_map_view (self);
  GtkWidget *header_bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), CJM_TYPE_WINDOW,
                                                                     "header_bar"));

  if (cjm_map_view_get_presenting (view) == presenting)
    return;

  gtk_widget_set_visible (header_bar, !presenting);
  cjm_map_view_set_presenting (view, presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", presenting);

  if (presenting)
    {
      CjmCanvas *canvas = cjm_map_view_get_canvas (view);
      ViewPlace *place = g_new0 (ViewPlace, 1);

      /* Where the view was, to come back to. */
      place->zoom = cjm_canvas_get_zoom (canvas);
      place->x = gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)));
      place->y = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)));
      g_object_set_data_full (G_OBJECT (self), "cjm-place-before-presenting", place, g_free);

      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The whole map first; the arrow keys then step through the stages. */
      cjm_canvas_zoom_to_fit (canvas);
    }
  else
    {
      CjmCanvas *canvas = cjm_map_view_get_canvas (view);
      ViewPlace *place = g_object_get_data (G_OBJECT (self), "cjm-place-before-presenting");

      gtk_window_unfullscreen (GTK_WINDOW (self));
      if (place != NULL)
        {
          cjm_canvas_set_zoom (canvas, place->zoom);
          gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), place->x);
          gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)), place->y);
          g_object_set_data (G_OBJECT (self), "cjm-place-before-presenting", NULL);
        }
    }
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  set_presenting (self, !cjm_map_view_get_presenting (get_map_view (self)));
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  set_presenting (CJM_WINDOW (widget), FALSE);
}

static void
fullscreened_cb (CjmWindow *self)
{
  /* Left full screen some other way (the window manager's key): the
   * presentation is over too. */
  if (!gtk_window_is_fullscreen (GTK_WINDOW (self)) && cjm_map_view_get_presenting (get_map_view (self)))
    set_presenting (self, FALSE);
}

static void
toggle_panels_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CjmMapView *view = get_map_view (CJM_WINDOW (widget));

  if (!cjm_map_view_get_presenting (view))
    cjm_map_view_set_show_panels (view, !cjm_map_view_get_show_panels (view));
}

static void
toggle_palette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CjmMapView *view = get_map_view (CJM_WINDOW (widget));

  if (!cjm_map_view_get_presenting (view))
    cjm_map_view_set_show_palette (view, !cjm_map_view_get_show_palette (view));
}

/* Templates */

/**
 * cjm_window_new_map:
 * @self: a #CjmWindow
 * @template_id: the id of a template, as cjm_template_lookup() knows it
 *
 * Shows a new map made from a template: untitled and unmodified, so that
 * closing it without a change asks nothing.
 *
 * Returns: %TRUE if the template could be read
 */
gboolean
cjm_window_new_map (CjmWindow  *self,
                    const char *template_id)
{
  g_autoptr(CjmTemplate) template = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CJM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  template = cjm_template_lookup (template_id);
  if (template == NULL || (map = cjm_template_instantiate (template, &error)) == NULL)
    {
      g_warning ("Cannot read the template “%s”: %s", template_id,
                 error != NULL ? error->message : "no such template");
      return FALSE;
    }

  document = cjm_document_new (map, NULL);
  cjm_window_set_document (self, document);

  return TRUE;
}

static void
template_chosen_cb (CjmWindow   *self,
                    CjmTemplate *template)
{
  CjmWindow *target = self;

  /* One document per window: a window holding something opens another. */
  if (!cjm_window_is_blank (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      target = cjm_window_new (CJM_APPLICATION (app));
    }

  if (cjm_window_new_map (target, cjm_template_get_id (template)))
    gtk_window_present (GTK_WINDOW (target));
  else if (target != self)
    gtk_window_destroy (GTK_WINDOW (target));
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  GtkWidget *chooser = cjm_template_chooser_new (GTK_WINDOW (self));

  g_signal_connect_object (chooser, "template-chosen", G_CALLBACK (template_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
show_message_cb (CjmWindow  *self,
                 const char *message)
{
  cjm_window_show_toast (self, message);
}

void
_cjm_window_map_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (CJM_TYPE_MAP_VIEW);

  gtk_widget_class_bind_template_child_full (widget_class, "map_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "header_bar", FALSE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i].window_action,
                                     forwarded[i].parameter_type, forward_action);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panels", NULL, toggle_panels_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL, toggle_palette_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, new_from_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panels", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-palette", NULL);
}

void
_cjm_window_map_init (CjmWindow *self)
{
  CjmMapView *view = get_map_view (self);

  g_object_bind_property (self, "document", view, "document", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (cjm_map_view_get_canvas (view), "show-message",
                           G_CALLBACK (show_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", FALSE);
}
