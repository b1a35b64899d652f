/* cjm-preferences-window.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-preferences-window.h"

/* The Preferences window edits settings of org.example.JourneyMapper
 * (data/org.example.JourneyMapper.gschema.xml) through g_settings_bind():
 * a change applies at once, in every window. */

struct _CjmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *style_row;
  GtkSpinButton        *autosave_spin;
  AdwComboRow          *scale_row;
};

G_DEFINE_FINAL_TYPE (CjmPreferencesWindow, cjm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the style combo, in the order of the .ui file. */
static const char * const style_variants[] = { "follow", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    {
      if (g_str_equal (nick, style_variants[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_variants))
    return NULL;

  return g_variant_new_string (style_variants[selected]);
}

/* The scale combo's rows are 1× to 4×; the setting is the factor. */
static gboolean
scale_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  guint32 scale = g_variant_get_uint32 (variant);

  g_value_set_uint (value, CLAMP (scale, 1, 4) - 1);

  return TRUE;
}

static GVariant *
scale_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > 3)
    return NULL;

  return g_variant_new_uint32 (selected + 1);
}

static void
cjm_preferences_window_dispose (GObject *object)
{
  CjmPreferencesWindow *self = (CjmPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cjm_preferences_window_parent_class)->dispose (object);
}

static void
cjm_preferences_window_class_init (CjmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/JourneyMapper/cjm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, scale_row);
}

static void
cjm_preferences_window_init (CjmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cjm_preferences_window_new:
 * @transient_for: (nullable): the window the preferences are opened from
 * @settings: the app's settings (org.example.JourneyMapper)
 *
 * Returns: (transfer full): a new Preferences window, bound to @settings
 */
CjmPreferencesWindow *
cjm_preferences_window_new (GtkWindow *transient_for,
                            GSettings *settings)
{
  CjmPreferencesWindow *self;

  g_return_val_if_fail (!transient_for || GTK_IS_WINDOW (transient_for), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CJM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (settings, "autosave-interval",
                   self->autosave_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "export-scale",
                                self->scale_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scale_get_mapping, scale_set_mapping,
                                NULL, NULL);

  return self;
}

static void
apply_style (GSettings *settings)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

static void
style_variant_changed_cb (GSettings  *settings,
                          const char *key,
                          gpointer    user_data)
{
  apply_style (settings);
}

/**
 * cjm_preferences_follow_style:
 * @settings: the app's settings (org.example.JourneyMapper)
 *
 * Applies the "style-variant" setting (follow the system, light or dark)
 * to libadwaita's style manager now and whenever the setting changes, for
 * as long as @settings lives. Call once, when the application starts.
 */
void
cjm_preferences_follow_style (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  apply_style (settings);
  g_signal_connect (settings, "changed::style-variant",
                    G_CALLBACK (style_variant_changed_cb), NULL);
}
