/* cjm-export.c: exporting a map as images, slides and tables
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-export-private.h"
#include "cjm-file.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-stage.h"
#include "cjm-step.h"

G_DEFINE_BOXED_TYPE (CjmExportOptions, cjm_export_options,
                     cjm_export_options_copy, cjm_export_options_free)

G_DEFINE_QUARK (cjm-export-error-quark, cjm_export_error)

static const struct
{
  CjmExportFormat  format;
  const char      *extension;
  const char      *mime_type;
} formats[] = {
  { CJM_EXPORT_FORMAT_PNG, ".png", "image/png" },
  { CJM_EXPORT_FORMAT_SVG, ".svg", "image/svg+xml" },
  { CJM_EXPORT_FORMAT_PDF, ".pdf", "application/pdf" },
  { CJM_EXPORT_FORMAT_CSV, ".csv", "text/csv" },
  { CJM_EXPORT_FORMAT_JSON, ".json", "application/json" },
  { CJM_EXPORT_FORMAT_CJM, ".cjm", "application/x-journey-map" },
};

/* Options */

/**
 * cjm_export_options_new:
 * @format: the format to export to
 *
 * Returns: (transfer full): options for the whole map, without bands, in
 *   the light theme on white, at scale 1, the PDF on one page, no slides,
 *   every CSV table without a byte order mark
 */
CjmExportOptions *
cjm_export_options_new (CjmExportFormat format)
{
  CjmExportOptions *options = g_new0 (CjmExportOptions, 1);

  options->format = format;
  options->scope = CJM_EXPORT_SCOPE_MAP;
  options->bands = CJM_LAYOUT_BAND_NONE;
  options->theme = CJM_THEME_LIGHT;
  options->scale = 1.0;
  options->page = CJM_EXPORT_PAGE_WHOLE_MAP;
  options->slides = CJM_EXPORT_SLIDES_NONE;
  options->slide_steps = 4;
  options->tables = CJM_EXPORT_TABLE_ALL;

  return options;
}

CjmExportOptions *
cjm_export_options_copy (const CjmExportOptions *options)
{
  CjmExportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->element_ids = g_strdupv (options->element_ids);
  copy->stage_ids = g_strdupv (options->stage_ids);
  copy->lane_ids = g_strdupv (options->lane_ids);

  return copy;
}

void
cjm_export_options_free (CjmExportOptions *options)
{
  if (options == NULL)
    return;

  g_strfreev (options->element_ids);
  g_strfreev (options->stage_ids);
  g_strfreev (options->lane_ids);
  g_free (options);
}

/* Formats */

/**
 * cjm_export_format_for_name:
 * @name: a file name or path
 * @format: (out): where to store the format its extension stands for
 *
 * Returns: %TRUE if the extension of @name, in any case, is one of an
 *   export format, and more than the whole name
 */
gboolean
cjm_export_format_for_name (const char      *name,
                            CjmExportFormat *format)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  basename = g_path_get_basename (name);
  lower = g_ascii_strdown (basename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension) &&
        strlen (lower) > strlen (formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/**
 * cjm_export_format_get_extension:
 * @format: an export format
 *
 * Returns: its file name extension, with the dot: ".png"
 */
const char *
cjm_export_format_get_extension (CjmExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;

  g_return_val_if_reached (NULL);
}

const char *
cjm_export_format_get_mime_type (CjmExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].mime_type;

  g_return_val_if_reached (NULL);
}

gboolean
cjm_export_format_is_image (CjmExportFormat format)
{
  return format == CJM_EXPORT_FORMAT_PNG || format == CJM_EXPORT_FORMAT_SVG ||
         format == CJM_EXPORT_FORMAT_PDF;
}

/* Scope */

/* The steps of the map in order, each with the id of its stage. */
typedef struct
{
  GPtrArray  *stage_ids;   /* of const char *, by step position */
  GHashTable *positions;   /* step id → position + 1 */
} StepIndex;

static void
step_index_init (StepIndex *index,
                 CjmMap    *map)
{
  GListModel *stages = cjm_map_get_stages (map);

  index->stage_ids = g_ptr_array_new ();
  index->positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = cjm_stage_get_steps (stage);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(CjmElement) step = g_list_model_get_item (steps, j);

          g_ptr_array_add (index->stage_ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (stage)));
          g_hash_table_insert (index->positions, (gpointer)cjm_element_get_id (step),
                               GUINT_TO_POINTER (index->stage_ids->len));
        }
    }
}

static void
step_index_clear (StepIndex *index)
{
  g_clear_pointer (&index->stage_ids, g_ptr_array_unref);
  g_clear_pointer (&index->positions, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StepIndex, step_index_clear)

static const char *
step_index_stage_of (StepIndex  *index,
                     const char *step_id)
{
  guint position = step_id != NULL
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (index->positions, step_id)) : 0;

  return position > 0 ? g_ptr_array_index (index->stage_ids, position - 1) : NULL;
}

/* Adds the stages of the steps @card covers to @stages. */
static void
add_stages_of_span (StepIndex  *index,
                    CjmCard    *card,
                    GHashTable *stages)
{
  const char *step_id = cjm_card_get_step_id (card);
  guint span = MAX (cjm_card_get_span (card), 1);
  guint first = step_id != NULL
                ? GPOINTER_TO_UINT (g_hash_table_lookup (index->positions, step_id)) : 0;

  if (first == 0)
    return;

  for (guint i = first - 1; i < index->stage_ids->len && i < first - 1 + span; i++)
    g_hash_table_add (stages, g_ptr_array_index (index->stage_ids, i));
}

static void
add_card_scope (StepIndex  *index,
                CjmCard    *card,
                GHashTable *stages,
                GHashTable *lanes)
{
  if (card == NULL)
    return;

  g_hash_table_add (lanes, (gpointer)cjm_card_get_lane_id (card));
  add_stages_of_span (index, card, stages);
}

/* The ids of the set, in the order of @model; NULL if the set is empty. */
static char **
ids_in_order (GListModel *model,
              GHashTable *set)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = g_list_model_get_n_items (model);

  if (g_hash_table_size (set) == 0)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);
      const char *id = cjm_element_get_id (element);

      if (g_hash_table_contains (set, id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static gboolean
check_ids (CjmMap              *map,
           const char * const  *ids,
           GType                type,
           const char          *empty_message,
           GError             **error)
{
  if (ids == NULL)
    return TRUE;

  if (ids[0] == NULL)
    {
      g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY, empty_message);
      return FALSE;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    if (cjm_map_lookup_typed (map, ids[i], type) == NULL)
      {
        g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_UNKNOWN_ID,
                     type == CJM_TYPE_STAGE ? _("The map has no stage “%s”")
                                            : _("The map has no lane “%s”"),
                     ids[i]);
        return FALSE;
      }

  return TRUE;
}

/* The stages and lanes an image shows: the selection shows the stages and
 * lanes its elements touch — a card its lane and the stages of the steps
 * it covers, a stage or a step its stage and every lane, a lane itself in
 * every stage, a connection its two cards, an emotion its stage and the
 * emotion lanes. NULL stands for all of them. */
gboolean
_cjm_export_resolve_scope (CjmMap                  *map,
                           const CjmExportOptions  *options,
                           char                  ***stage_ids,
                           char                  ***lane_ids,
                           GError                 **error)
{
  g_autoptr(GHashTable) stages = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_auto(StepIndex) steps = { NULL, NULL };

  *stage_ids = NULL;
  *lane_ids = NULL;

  switch (options->scope)
    {
    case CJM_EXPORT_SCOPE_STAGES_AND_LANES:
      if (!check_ids (map, (const char * const *)options->stage_ids, CJM_TYPE_STAGE,
                      _("No stage is chosen"), error) ||
          !check_ids (map, (const char * const *)options->lane_ids, CJM_TYPE_LANE,
                      _("No lane is chosen"), error))
        return FALSE;
      *stage_ids = g_strdupv (options->stage_ids);
      *lane_ids = g_strdupv (options->lane_ids);
      return TRUE;

    case CJM_EXPORT_SCOPE_SELECTION:
      break;

    case CJM_EXPORT_SCOPE_MAP:
    default:
      return TRUE;
    }

  if (options->element_ids == NULL || options->element_ids[0] == NULL)
    {
      g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY,
                           _("Nothing is selected"));
      return FALSE;
    }

  stages = g_hash_table_new (g_str_hash, g_str_equal);
  lanes = g_hash_table_new (g_str_hash, g_str_equal);
  step_index_init (&steps, map);

  for (guint i = 0; options->element_ids[i] != NULL; i++)
    {
      CjmElement *element = cjm_map_lookup (map, options->element_ids[i]);

      if (element == NULL)
        {
          g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_UNKNOWN_ID,
                       _("The map has nothing with the id “%s”"), options->element_ids[i]);
          return FALSE;
        }

      if (CJM_IS_CARD (element))
        add_card_scope (&steps, CJM_CARD (element), stages, lanes);
      else if (CJM_IS_STAGE (element))
        g_hash_table_add (stages, (gpointer)cjm_element_get_id (element));
      else if (CJM_IS_STEP (element))
        {
          const char *stage = step_index_stage_of (&steps, cjm_element_get_id (element));

          if (stage != NULL)
            g_hash_table_add (stages, (gpointer)stage);
        }
      else if (CJM_IS_LANE (element))
        g_hash_table_add (lanes, (gpointer)cjm_element_get_id (element));
      else if (CJM_IS_CONNECTION (element))
        {
          CjmConnection *connection = CJM_CONNECTION (element);

          const char *from = cjm_connection_get_from_id (connection);
          const char *to = cjm_connection_get_to_id (connection);

          add_card_scope (&steps, cjm_map_lookup_typed (map, from, CJM_TYPE_CARD), stages, lanes);
          add_card_scope (&steps, cjm_map_lookup_typed (map, to, CJM_TYPE_CARD), stages, lanes);
        }
      else if (CJM_IS_EMOTION (element))
        {
          const char *stage = step_index_stage_of (&steps,
                                                   cjm_emotion_get_step_id (CJM_EMOTION (element)));
          GListModel *model = cjm_map_get_lanes (map);

          if (stage != NULL)
            g_hash_table_add (stages, (gpointer)stage);
          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(CjmLane) lane = g_list_model_get_item (model, j);

              if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION)
                g_hash_table_add (lanes, (gpointer)cjm_element_get_id (CJM_ELEMENT (lane)));
            }
        }
      /* A persona, the map itself: the whole map. */
    }

  *stage_ids = ids_in_order (cjm_map_get_stages (map), stages);
  *lane_ids = ids_in_order (cjm_map_get_lanes (map), lanes);

  return TRUE;
}

static gboolean
card_in_stages (StepIndex  *steps,
                CjmCard    *card,
                GHashTable *stage_set)
{
  g_autoptr(GHashTable) stages = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;

  add_stages_of_span (steps, card, stages);
  g_hash_table_iter_init (&iter, stages);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (stage_set, id))
      return TRUE;

  return FALSE;
}

static GHashTable *
set_of (const char * const *ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer)ids[i]);

  return set;
}

/* The cards a table holds (a set of CjmCard), or NULL for all: in the
 * chosen stages and lanes, the cards shown there; of a selection, the
 * cards selected and the cards of the stages, steps and lanes selected. */
GHashTable *
_cjm_export_covered_cards (CjmMap                  *map,
                           const CjmExportOptions  *options,
                           GError                 **error)
{
  g_autoptr(GHashTable) cards = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) stage_set = NULL;
  g_autoptr(GHashTable) lane_set = NULL;
  g_autoptr(GHashTable) step_set = NULL;
  g_auto(StepIndex) steps = { NULL, NULL };
  GListModel *model = cjm_map_get_cards (map);
  guint n_cards = g_list_model_get_n_items (model);

  if (options->scope == CJM_EXPORT_SCOPE_MAP)
    return NULL;

  step_index_init (&steps, map);

  if (options->scope == CJM_EXPORT_SCOPE_STAGES_AND_LANES)
    {
      g_auto(GStrv) stage_ids = NULL;
      g_auto(GStrv) lane_ids = NULL;

      if (!_cjm_export_resolve_scope (map, options, &stage_ids, &lane_ids, error))
        return NULL;

      stage_set = set_of ((const char * const *)stage_ids);
      lane_set = set_of ((const char * const *)lane_ids);
      for (guint i = 0; i < n_cards; i++)
        {
          g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

          if ((lane_ids == NULL || g_hash_table_contains (lane_set, cjm_card_get_lane_id (card))) &&
              (stage_ids == NULL || card_in_stages (&steps, card, stage_set)))
            g_hash_table_add (cards, card);
        }

      return g_steal_pointer (&cards);
    }

  if (options->element_ids == NULL || options->element_ids[0] == NULL)
    {
      g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY,
                           _("Nothing is selected"));
      return NULL;
    }

  stage_set = g_hash_table_new (g_str_hash, g_str_equal);
  lane_set = g_hash_table_new (g_str_hash, g_str_equal);
  step_set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; options->element_ids[i] != NULL; i++)
    {
      CjmElement *element = cjm_map_lookup (map, options->element_ids[i]);

      if (element == NULL)
        {
          g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_UNKNOWN_ID,
                       _("The map has nothing with the id “%s”"), options->element_ids[i]);
          return NULL;
        }

      if (CJM_IS_CARD (element))
        g_hash_table_add (cards, element);
      else if (CJM_IS_STAGE (element))
        g_hash_table_add (stage_set, (gpointer)cjm_element_get_id (element));
      else if (CJM_IS_STEP (element))
        g_hash_table_add (step_set, (gpointer)cjm_element_get_id (element));
      else if (CJM_IS_LANE (element))
        g_hash_table_add (lane_set, (gpointer)cjm_element_get_id (element));
      else if (CJM_IS_CONNECTION (element))
        {
          CjmConnection *connection = CJM_CONNECTION (element);
          gpointer from = cjm_map_lookup_typed (map, cjm_connection_get_from_id (connection),
                                                CJM_TYPE_CARD);
          gpointer to = cjm_map_lookup_typed (map, cjm_connection_get_to_id (connection),
                                              CJM_TYPE_CARD);

          if (from != NULL)
            g_hash_table_add (cards, from);
          if (to != NULL)
            g_hash_table_add (cards, to);
        }
    }

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

      if (g_hash_table_contains (lane_set, cjm_card_get_lane_id (card)) ||
          g_hash_table_contains (step_set, cjm_card_get_step_id (card)) ||
          (g_hash_table_size (stage_set) > 0 && card_in_stages (&steps, card, stage_set)))
        g_hash_table_add (cards, card);
    }

  return g_steal_pointer (&cards);
}

/**
 * cjm_export_create_layout:
 * @map: a map
 * @options: the options of an image export
 * @error: where to report unknown ids or an empty selection
 *
 * Returns: (transfer full) (nullable): the layout an image export of the
 *   whole map (not slides or pages) draws: the scope's stages and lanes,
 *   the bands asked for, text at scale 1, every text whole
 *   (cjm_layout_set_full_texts())
 */
CjmLayout *
cjm_export_create_layout (CjmMap                  *map,
                          const CjmExportOptions  *options,
                          GError                 **error)
{
  g_autoptr(CjmLayout) layout = NULL;
  g_auto(GStrv) stage_ids = NULL;
  g_auto(GStrv) lane_ids = NULL;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!_cjm_export_resolve_scope (map, options, &stage_ids, &lane_ids, error))
    return NULL;

  layout = cjm_layout_new (map);
  cjm_layout_set_stage_ids (layout, (const char * const *)stage_ids);
  cjm_layout_set_lane_ids (layout, (const char * const *)lane_ids);
  cjm_layout_set_bands (layout, options->bands);
  cjm_layout_set_full_texts (layout, TRUE);
  cjm_layout_update (layout);

  return g_steal_pointer (&layout);
}

/* Drawing, for every image format */

void
_cjm_export_render_options (const CjmExportOptions *options,
                            CjmRenderOptions       *render)
{
  cjm_render_options_init (render);
  render->theme = options->theme;
  render->transparent = options->transparent;
  /* Every text drawn as text, whatever the scale. */
  render->simplify_below = 0;
}

double
_cjm_export_png_scale (const CjmExportOptions *options)
{
  if (options->dpi > 0)
    return options->dpi / 96.0;

  return options->scale > 0 ? options->scale : 1.0;
}

/* Cairo's image surfaces, and so PNG export, stop at 32767 pixels a side;
 * a quarter of a gigapixel (1 GiB of memory) is the most we try. */
gboolean
_cjm_export_check_size (double   width,
                        double   height,
                        GError **error)
{
  if (width < 1 || height < 1 || width > 32767 || height > 32767 || width * height > (1 << 28))
    {
      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels, more than can be exported: "
                     "choose a smaller scale, or fewer stages and lanes"),
                   ceil (width), ceil (height));
      return FALSE;
    }

  return TRUE;
}

/* Writing */

cairo_status_t
_cjm_export_write_cb (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  CjmExportWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable,
                                  &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
_cjm_export_writer_finish (CjmExportWriter  *writer,
                           cairo_status_t    status,
                           GError          **error)
{
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (status == CAIRO_STATUS_NO_MEMORY || status == CAIRO_STATUS_INVALID_SIZE)
        g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_TOO_LARGE,
                     _("The map is too large to export this way: %s"),
                     cairo_status_to_string (status));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the map: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Outputs */

static guint
n_tables (CjmExportTables tables)
{
  return !!(tables & CJM_EXPORT_TABLE_TOUCHPOINTS) + !!(tables & CJM_EXPORT_TABLE_PAIN_POINTS) +
         !!(tables & CJM_EXPORT_TABLE_OPPORTUNITIES);
}

static const char *
table_name (CjmExportTables table)
{
  switch (table)
    {
    case CJM_EXPORT_TABLE_TOUCHPOINTS:
      return "touchpoints";
    case CJM_EXPORT_TABLE_PAIN_POINTS:
      return "pain-points";
    case CJM_EXPORT_TABLE_OPPORTUNITIES:
      return "opportunities";
    case CJM_EXPORT_TABLE_ALL:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Several files are named after @file: its name without the extension,
 * then “-” and what tells them apart, then the extension. */
static GFile *
sibling (GFile           *file,
         CjmExportFormat  format,
         const char      *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  const char *extension = cjm_export_format_get_extension (format);
  gsize length = strlen (basename);
  g_autofree char *name = NULL;

  if (length > strlen (extension) &&
      g_ascii_strcasecmp (basename + length - strlen (extension), extension) == 0)
    basename[length - strlen (extension)] = '\0';

  name = g_strconcat (basename, "-", suffix, extension, NULL);

  return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
}

static gboolean
writes_slide_files (const CjmExportOptions *options)
{
  return options->slides != CJM_EXPORT_SLIDES_NONE &&
         (options->format == CJM_EXPORT_FORMAT_PNG || options->format == CJM_EXPORT_FORMAT_SVG);
}

static GFile *
slide_file (GFile                  *file,
            const CjmExportOptions *options,
            const CjmExportSheet   *sheet,
            guint                   number,
            guint                   n_sheets)
{
  int digits = MAX (2, (int)floor (log10 (MAX (n_sheets, 1))) + 1);
  g_autofree char *suffix = NULL;

  if (sheet->slug != NULL && *sheet->slug != '\0')
    suffix = g_strdup_printf ("%0*u-%s", digits, number, sheet->slug);
  else
    suffix = g_strdup_printf ("%0*u", digits, number);

  return sibling (file, options->format, suffix);
}

/**
 * cjm_export_list_files:
 * @map: a map
 * @options: how to export it
 * @file: the file the user chose
 * @error: where to report that the scope is wrong
 *
 * Lists the files an export to @file writes: @file itself, or for slides
 * in PNG or SVG one file per slide (“name-01-stage.png”), for several CSV
 * tables one file per table (“name-touchpoints.csv”).
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files
 */
GPtrArray *
cjm_export_list_files (CjmMap                  *map,
                       const CjmExportOptions  *options,
                       GFile                   *file,
                       GError                 **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (options->format == CJM_EXPORT_FORMAT_CSV && n_tables (options->tables) > 1)
    {
      for (CjmExportTables table = CJM_EXPORT_TABLE_TOUCHPOINTS;
           table <= CJM_EXPORT_TABLE_OPPORTUNITIES;
           table <<= 1)
        if (options->tables & table)
          g_ptr_array_add (files, sibling (file, options->format, table_name (table)));
    }
  else if (writes_slide_files (options))
    {
      g_autoptr(GPtrArray) sheets = _cjm_export_plan_sheets (map, options, error);

      if (sheets == NULL)
        return NULL;
      for (guint i = 0; i < sheets->len; i++)
        g_ptr_array_add (files, slide_file (file, options, g_ptr_array_index (sheets, i),
                                            i + 1, sheets->len));
    }
  else
    {
      g_ptr_array_add (files, g_object_ref (file));
    }

  return g_steal_pointer (&files);
}

static gboolean
write_bytes (GOutputStream  *stream,
             GBytes         *bytes,
             GCancellable   *cancellable,
             GError        **error)
{
  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL, cancellable, error);
}

/* One output, to @stream. */
static gboolean
export_one (CjmMap                  *map,
            const CjmExportOptions  *options,
            const CjmExportSheet    *sheet,
            CjmExportTables          table,
            GOutputStream           *stream,
            GCancellable            *cancellable,
            GError                 **error)
{
  switch (options->format)
    {
    case CJM_EXPORT_FORMAT_PNG:
    case CJM_EXPORT_FORMAT_SVG:
      {
        g_autoptr(CjmLayout) layout = NULL;

        if (sheet == NULL)
          {
            layout = cjm_export_create_layout (map, options, error);
            if (layout == NULL)
              return FALSE;
          }

        if (options->format == CJM_EXPORT_FORMAT_SVG)
          return _cjm_export_svg (layout, sheet, options, stream, cancellable, error);
        if (sheet != NULL)
          return _cjm_export_png_sheet (sheet, options, stream, cancellable, error);
        return _cjm_export_png (layout, options, stream, cancellable, error);
      }

    case CJM_EXPORT_FORMAT_PDF:
      return _cjm_export_pdf (map, options, stream, cancellable, error);

    case CJM_EXPORT_FORMAT_CSV:
      {
        g_autoptr(GBytes) bytes = _cjm_export_csv (map, options, table, error);

        return bytes != NULL && write_bytes (stream, bytes, cancellable, error);
      }

    case CJM_EXPORT_FORMAT_JSON:
    case CJM_EXPORT_FORMAT_CJM:
      {
        g_autoptr(GBytes) bytes = NULL;

        bytes = cjm_map_to_bytes (map, options->format == CJM_EXPORT_FORMAT_JSON
                                       ? CJM_FILE_FORMAT_JSON : CJM_FILE_FORMAT_CJM);
        return write_bytes (stream, bytes, cancellable, error);
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The whole output is made in memory, then the file replaced at once: a
 * failed export leaves no half-written file behind. */
static gboolean
export_to_one_file (CjmMap                  *map,
                    const CjmExportOptions  *options,
                    const CjmExportSheet    *sheet,
                    CjmExportTables          table,
                    GFile                   *file,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  if (!export_one (map, options, sheet, table, memory, cancellable, error) ||
      !g_output_stream_close (memory, cancellable, error))
    return FALSE;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

static CjmExportTables
single_table (CjmExportTables tables)
{
  for (CjmExportTables table = CJM_EXPORT_TABLE_TOUCHPOINTS;
       table <= CJM_EXPORT_TABLE_OPPORTUNITIES;
       table <<= 1)
    if (tables & table)
      return table;

  return CJM_EXPORT_TABLE_TOUCHPOINTS;
}

/**
 * cjm_export_to_file:
 * @map: a map
 * @options: how to export it
 * @file: the file to write, or the name the files written are named after
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Exports @map to the files cjm_export_list_files() lists, replacing
 * them if they exist: ask the user first. Each file is written whole or
 * not at all. It reads @map and nothing else: run it in a thread on a
 * map no one else uses.
 *
 * Returns: %TRUE if every file was written
 */
gboolean
cjm_export_to_file (CjmMap                  *map,
                    const CjmExportOptions  *options,
                    GFile                   *file,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_return_val_if_fail (CJM_IS_MAP (map), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->format == CJM_EXPORT_FORMAT_CSV && n_tables (options->tables) > 1)
    {
      for (CjmExportTables table = CJM_EXPORT_TABLE_TOUCHPOINTS;
           table <= CJM_EXPORT_TABLE_OPPORTUNITIES;
           table <<= 1)
        {
          g_autoptr(GFile) out = NULL;

          if (!(options->tables & table))
            continue;
          out = sibling (file, options->format, table_name (table));
          if (!export_to_one_file (map, options, NULL, table, out, cancellable, error))
            return FALSE;
        }

      return TRUE;
    }

  if (writes_slide_files (options))
    {
      g_autoptr(GPtrArray) sheets = _cjm_export_plan_sheets (map, options, error);

      if (sheets == NULL)
        return FALSE;
      for (guint i = 0; i < sheets->len; i++)
        {
          const CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
          g_autoptr(GFile) out = slide_file (file, options, sheet, i + 1, sheets->len);

          if (!export_to_one_file (map, options, sheet, 0, out, cancellable, error))
            return FALSE;
        }

      return TRUE;
    }

  return export_to_one_file (map, options, NULL, single_table (options->tables), file,
                             cancellable, error);
}

/**
 * cjm_export_to_stream:
 * @map: a map
 * @options: how to export it: to one output only
 * @stream: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Exports @map to @stream, which is left open. Slides as PNG or SVG and
 * several CSV tables make several files: they fail with
 * %CJM_EXPORT_ERROR_SEVERAL_FILES (use cjm_export_to_file()).
 *
 * Returns: %TRUE if the export was written
 */
gboolean
cjm_export_to_stream (CjmMap                  *map,
                      const CjmExportOptions  *options,
                      GOutputStream           *stream,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_return_val_if_fail (CJM_IS_MAP (map), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writes_slide_files (options) ||
      (options->format == CJM_EXPORT_FORMAT_CSV && n_tables (options->tables) > 1))
    {
      g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_SEVERAL_FILES,
                           _("This export writes several files"));
      return FALSE;
    }

  return export_one (map, options, NULL, single_table (options->tables), stream, cancellable,
                     error);
}

/**
 * cjm_export_csv_table:
 * @map: a map
 * @options: the scope and the byte order mark
 * @table: one of the tables
 * @error: where to report that the scope is wrong
 *
 * Returns: (transfer full) (nullable): the table as CSV
 */
GBytes *
cjm_export_csv_table (CjmMap                  *map,
                      const CjmExportOptions  *options,
                      CjmExportTables          table,
                      GError                 **error)
{
  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (n_tables (table) == 1, NULL);

  return _cjm_export_csv (map, options, table, error);
}

/**
 * cjm_export_render_preview:
 * @map: a map
 * @options: the options of an image export
 * @max_width: the largest width of the preview, in pixels
 * @max_height: the largest height
 * @n_pages: (out) (optional): how many pages or slides the export has
 * @error: where to report that the scope is wrong
 *
 * Draws the first image, page or slide of an export, as the export does,
 * at the scale that fits it in @max_width × @max_height.
 *
 * Returns: (transfer full) (nullable): an image surface
 */
cairo_surface_t *
cjm_export_render_preview (CjmMap                  *map,
                           const CjmExportOptions  *options,
                           int                      max_width,
                           int                      max_height,
                           guint                   *n_pages,
                           GError                 **error)
{
  g_autoptr(CjmLayout) layout = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  CjmExportSheet whole = { 0 };
  const CjmExportSheet *sheet;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;
  int width, height;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (max_width > 0 && max_height > 0, NULL);

  if (options->slides != CJM_EXPORT_SLIDES_NONE ||
      (options->format == CJM_EXPORT_FORMAT_PDF && options->page != CJM_EXPORT_PAGE_WHOLE_MAP))
    {
      sheets = _cjm_export_plan_sheets (map, options, error);
      if (sheets == NULL)
        return NULL;
      sheet = g_ptr_array_index (sheets, 0);
      if (n_pages != NULL)
        *n_pages = sheets->len;
    }
  else
    {
      layout = cjm_export_create_layout (map, options, error);
      if (layout == NULL)
        return NULL;
      whole.layout = layout;
      whole.scale = 1;
      cjm_layout_get_size (layout, &whole.width, &whole.height);
      sheet = &whole;
      if (n_pages != NULL)
        *n_pages = 1;
    }

  scale = MIN (max_width / sheet->width, max_height / sheet->height);
  width = MAX (1, (int)ceil (sheet->width * scale));
  height = MAX (1, (int)ceil (sheet->height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  _cjm_export_draw_sheet (cr, sheet, options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}
