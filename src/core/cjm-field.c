/* cjm-field.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-field"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-field.h"
#include "cjm-format.h"

G_DEFINE_QUARK (cjm-format-error-quark, cjm_format_error)

/**
 * cjm_field_value_from_string:
 * @pspec: the property the text is for
 * @text: the text, as written in a file
 * @value: (out caller-allocates): an uninitialised value to fill
 * @error: where to report a text that does not fit the property
 *
 * Turns the text of an attribute or element into a value for @pspec:
 * integers in the property's range, enum values by their nick, lists of
 * ids separated by white space.
 *
 * Returns: %TRUE on success; on failure @value is left unset
 */
gboolean
cjm_field_value_from_string (GParamSpec  *pspec,
                             const char  *text,
                             GValue      *value,
                             GError     **error)
{
  GType type;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      return TRUE;
    }

  if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      gint64 number;

      if (!g_ascii_string_to_signed (text, 10, ispec->minimum, ispec->maximum, &number, NULL))
        {
          g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_INVALID,
                       _("“%s” is not a whole number from %d to %d"),
                       text, ispec->minimum, ispec->maximum);
          return FALSE;
        }

      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int)number);
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, text);

      if (enum_value == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; i < enum_class->n_values; i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "", enum_class->values[i].value_nick);

          g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_INVALID,
                       _("“%s” is not one of: %s"), text, known->str);
          return FALSE;
        }

      g_value_init (value, type);
      g_value_set_enum (value, enum_value->value);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; words[i] != NULL; i++)
        {
          if (words[i][0] != '\0')
            g_strv_builder_add (builder, words[i]);
        }

      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/**
 * cjm_field_value_to_string:
 * @pspec: the property @value belongs to
 * @value: a value of the property
 *
 * Turns a property value into the text a file stores for it.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @value is the
 *   property's default, which files leave out
 */
char *
cjm_field_value_to_string (GParamSpec   *pspec,
                           const GValue *value)
{
  GType type;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (g_param_value_defaults (pspec, (GValue *)value))
    return NULL;

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);

  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));

  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *enum_value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                 g_value_get_enum (value));

      return enum_value ? g_strdup (enum_value->value_nick) : NULL;
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      if (strv == NULL || strv[0] == NULL)
        return NULL;

      return g_strjoinv (" ", (char **)strv);
    }

  g_return_val_if_reached (NULL);
}

/**
 * cjm_field_text_is_valid:
 * @pspec: a property of an element
 * @text: a text as a file stores it
 *
 * Returns: %TRUE if @text reads as a value of @pspec
 */
gboolean
cjm_field_text_is_valid (GParamSpec *pspec,
                         const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return cjm_field_value_from_string (pspec, text, &value, NULL);
}

/**
 * cjm_date_text_is_valid:
 * @text: a text
 *
 * Dates (a map's creation and review dates, a revision's) are a real day
 * of the calendar, written YYYY-MM-DD.
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
cjm_date_text_is_valid (const char *text)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  parts = g_strsplit (text, "-", 3);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL))
    return FALSE;

  return g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}
