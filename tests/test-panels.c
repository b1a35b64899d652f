/* test-panels.c: the inspector and the persona panel, on a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "cjm-canvas.h"
#include "cjm-core.h"
#include "cjm-document-private.h"
#include "cjm-emotion-curve.h"
#include "cjm-field.h"
#include "cjm-inspector.h"
#include "cjm-persona-panel.h"
#include "cjm-ui-resources.h"

/* Run under Xvfb (tests/meson.build): the panels sit beside a canvas on
 * the sample map; each test edits through their rows as a user would
 * (setting an entry's text, picking in a combo row, ticking a box), then
 * checks the model, that undo puts it back, and that the rows follow. */

typedef struct
{
  GtkWidget       *window;
  CjmCanvas       *canvas;
  CjmInspector    *inspector;
  CjmPersonaPanel *personas;
  CjmDocument     *document;
  CjmMap          *map;
  CjmHistory      *history;
} Fixture;

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  /* Then whatever is still due, such as the inspector catching up at low
   * priority on a busy machine. */
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  map = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->document = cjm_document_new (map, NULL);
  fixture->map = cjm_document_get_map (fixture->document);
  fixture->history = cjm_document_get_history (fixture->document);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  fixture->canvas = CJM_CANVAS (cjm_canvas_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->canvas), TRUE);
  fixture->inspector = CJM_INSPECTOR (cjm_inspector_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->inspector), 360, -1);
  fixture->personas = CJM_PERSONA_PANEL (cjm_persona_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->personas), 360, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->inspector));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->personas));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);

  cjm_canvas_set_document (fixture->canvas, fixture->document);
  cjm_inspector_set_canvas (fixture->inspector, fixture->canvas);
  cjm_persona_panel_set_canvas (fixture->personas, fixture->canvas);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  CjmDocument *document = g_steal_pointer (&fixture->document);
  CjmInspector *inspector = g_object_ref (fixture->inspector);
  CjmPersonaPanel *personas = g_object_ref (fixture->personas);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (inspector);
  g_assert_finalize_object (personas);
  g_assert_finalize_object (document);
}

static gpointer
lookup (Fixture    *fixture,
        const char *id)
{
  CjmElement *element = cjm_map_lookup (fixture->map, id);

  g_assert_nonnull (element);

  return element;
}

static void
select_ids (Fixture    *fixture,
            const char *first_id,
            ...)
{
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);

  ids = g_strv_builder_end (builder);
  cjm_selection_set_ids (selection, (const char * const *)ids);
  /* The inspector follows after the frame. */
  settle ();
}

/* The first widget under @root of @type, titled @title if that is not
 * NULL (a preferences row's title), or NULL. */
static gpointer
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;

      if ((found = find_widget (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static GtkTextView *
find_text_view (GtkWidget *root)
{
  return find_widget (root, GTK_TYPE_TEXT_VIEW, NULL);
}

static GtkCheckButton *
find_check (GtkWidget *root)
{
  return find_widget (root, GTK_TYPE_CHECK_BUTTON, NULL);
}

static gpointer
get_row (GtkWidget  *root,
         GType       type,
         const char *title)
{
  gpointer row = find_widget (root, type, title);

  if (row == NULL)
    g_error ("no %s row titled “%s”", g_type_name (type), title);

  return row;
}

static guint
find_string (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_error ("no choice “%s”", text);
  return 0;
}

#define INSPECTOR(fixture) GTK_WIDGET ((fixture)->inspector)

static void
test_inspector_follows_selection (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* Nothing selected: the map's own fields and its revision log. */
  g_assert_true (cjm_inspector_get_element (fixture->inspector) == CJM_ELEMENT (fixture->map));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Add a Revision Note"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Target"));

  /* A pain point: its own fields, not an opportunity's. */
  select_ids (fixture, "card-pain-jargon", NULL);
  g_assert_true (cjm_inspector_get_element (fixture->inspector) == lookup (fixture, "card-pain-jargon"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Category"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Severity"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_EXPANDER_ROW, "Touchpoints"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Source"));
  g_assert_null (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Impact"));
  g_assert_null (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Online or Offline"));

  /* A touchpoint: channel fields and its KPI. */
  select_ids (fixture, "card-buying-guide", NULL);
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Online or Offline"));
  g_assert_cmpstr (gtk_editable_get_text (get_row (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Target")), ==, "20000");

  /* Several: no fields, a count. */
  select_ids (fixture, "card-pain-jargon", "card-buying-guide", NULL);
  g_assert_null (cjm_inspector_get_element (fixture->inspector));

  /* A connection, an emotion, a lane. */
  select_ids (fixture, "lane-website", NULL);
  g_assert_true (cjm_inspector_get_element (fixture->inspector) == lookup (fixture, "lane-website"));
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Channel"));
  g_assert_null (find_widget (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "What It Holds"));
  /* The lane holds cards: its kind cannot change. */
  g_assert_false (gtk_widget_get_sensitive (get_row (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Kind")));

  /* A deleted element is no longer shown. */
  select_ids (fixture, "card-pain-jargon", NULL);
  {
    g_autoptr(GPtrArray) elements = g_ptr_array_new ();

    g_ptr_array_add (elements, lookup (fixture, "card-pain-jargon"));
    g_assert_true (cjm_edit_delete (fixture->history, elements, NULL));
  }
  settle ();
  g_assert_true (cjm_inspector_get_element (fixture->inspector) != lookup (fixture, "card-buying-guide"));
  g_assert_null (cjm_map_lookup (fixture->map, "card-pain-jargon"));
  g_assert_true (cjm_inspector_get_element (fixture->inspector) == CJM_ELEMENT (fixture->map));
}

static void
test_text_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *title = g_strdup (cjm_map_get_title (fixture->map));
  GtkEditable *row = get_row (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Title");
  GtkEditable *reviewed = get_row (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Last Reviewed");
  g_autofree char *reviewed_before = g_strdup (cjm_map_get_reviewed (fixture->map));
  g_autofree char *description = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;

  g_assert_cmpstr (gtk_editable_get_text (row), ==, title);

  /* Typing is one step to undo; the row follows the undo. */
  gtk_editable_set_text (row, "Buying running shoes");
  gtk_editable_set_text (row, "Buying running shoes, again");
  g_assert_cmpstr (cjm_map_get_title (fixture->map), ==, "Buying running shoes, again");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_map_get_title (fixture->map), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, title);

  /* A date half typed is not written, and the row says so. */
  gtk_editable_set_text (reviewed, "2026-13-4");
  g_assert_cmpstr (cjm_map_get_reviewed (fixture->map), !=, "2026-13-4");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reviewed), "error"));
  gtk_editable_set_text (reviewed, "2026-11-24");
  g_assert_cmpstr (cjm_map_get_reviewed (fixture->map), ==, "2026-11-24");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (reviewed), "error"));
  /* Retyping the date is one step, back to the date before. */
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_map_get_reviewed (fixture->map), ==, reviewed_before);
  g_assert_cmpstr (gtk_editable_get_text (reviewed), ==, reviewed_before);

  /* Paragraphs. */
  select_ids (fixture, "card-buying-guide", NULL);
  description = g_strdup (cjm_card_get_description (lookup (fixture, "card-buying-guide")));
  view = find_text_view (get_row (INSPECTOR (fixture), ADW_TYPE_PREFERENCES_ROW, "Description"));
  g_assert_nonnull (view);
  /* Its paragraphs are shown, not only held. */
  settle ();
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 2 * 14);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_set_text (buffer, "Comparatif des modèles « débutant »\nSecond paragraph", -1);
  g_assert_cmpstr (cjm_card_get_description (lookup (fixture, "card-buying-guide")), ==,
                   "Comparatif des modèles « débutant »\nSecond paragraph");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_description (lookup (fixture, "card-buying-guide")), ==, description);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, description != NULL ? description : "");
  }
}

static void
test_choice_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  CjmCard *pain = lookup (fixture, "card-pain-jargon");
  CjmCard *guide = lookup (fixture, "card-buying-guide");
  AdwComboRow *category;
  AdwComboRow *severity;
  AdwComboRow *step;

  select_ids (fixture, "card-pain-jargon", NULL);
  category = get_row (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Category");
  severity = get_row (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Severity");
  g_assert_cmpuint (adw_combo_row_get_selected (category), ==,
                    find_string (category, cjm_pain_category_get_label (CJM_PAIN_CATEGORY_SUPPORT)));

  adw_combo_row_set_selected (category, find_string (category, cjm_pain_category_get_label (CJM_PAIN_CATEGORY_PROCESS)));
  g_assert_cmpint (cjm_card_get_category (pain), ==, CJM_PAIN_CATEGORY_PROCESS);
  adw_combo_row_set_selected (severity, find_string (severity, "1 · Very Low"));
  g_assert_cmpint (cjm_card_get_severity (pain), ==, 1);

  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpint (cjm_card_get_severity (pain), ==, 4);
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpint (cjm_card_get_category (pain), ==, CJM_PAIN_CATEGORY_SUPPORT);
  g_assert_cmpuint (adw_combo_row_get_selected (category), ==,
                    find_string (category, cjm_pain_category_get_label (CJM_PAIN_CATEGORY_SUPPORT)));

  /* The place in the journey: a move, one step to undo. */
  select_ids (fixture, "card-buying-guide", NULL);
  step = get_row (INSPECTOR (fixture), ADW_TYPE_COMBO_ROW, "Step");
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-search-online");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (step)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (step), i);

      if (g_str_has_suffix (gtk_string_object_get_string (item), "· Buys a pair"))
        adw_combo_row_set_selected (step, i);
    }
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-buy");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-search-online");
}

static void
test_link_rows (Fixture       *fixture,
                gconstpointer  data)
{
  CjmCard *opportunity = lookup (fixture, "card-opportunity-shoe-finder");
  AdwExpanderRow *links;
  GtkWidget *stock;
  const char * const *ids;

  select_ids (fixture, "card-opportunity-shoe-finder", NULL);
  links = get_row (INSPECTOR (fixture), ADW_TYPE_EXPANDER_ROW, "Pain Points");
  stock = get_row (GTK_WIDGET (links), ADW_TYPE_ACTION_ROW,
                   cjm_card_get_title (lookup (fixture, "card-pain-stock")));

  gtk_check_button_set_active (find_check (stock), TRUE);
  ids = cjm_card_get_pain_point_ids (opportunity);
  g_assert_true (g_strv_contains (ids, "card-pain-jargon"));
  g_assert_true (g_strv_contains (ids, "card-pain-stock"));

  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_false (g_strv_contains (cjm_card_get_pain_point_ids (opportunity), "card-pain-stock"));
  g_assert_false (gtk_check_button_get_active (find_check (stock)));

  /* A card's personas: untick Camille from a card of both. */
  select_ids (fixture, "card-pain-price-gap", NULL);
  links = get_row (INSPECTOR (fixture), ADW_TYPE_EXPANDER_ROW, "Personas");
  gtk_check_button_set_active (find_check (get_row (GTK_WIDGET (links), ADW_TYPE_ACTION_ROW, "Camille")), FALSE);
  ids = cjm_card_get_persona_ids (lookup (fixture, "card-pain-price-gap"));
  g_assert_cmpuint (g_strv_length ((char **)ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "persona-marc");
}

static void
test_revision_log (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *revisions = cjm_map_get_revisions (fixture->map);
  guint n = g_list_model_get_n_items (revisions);
  GtkWidget *entry = get_row (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Add a Revision Note");
  g_autoptr(CjmRevision) revision = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Reviewed after the spring survey");
  g_signal_emit_by_name (entry, "apply");

  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, n + 1);
  revision = g_list_model_get_item (revisions, n);
  g_assert_cmpstr (cjm_revision_get_note (revision), ==, "Reviewed after the spring survey");
  g_assert_true (cjm_date_text_is_valid (cjm_revision_get_date (revision)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_nonnull (find_widget (INSPECTOR (fixture), ADW_TYPE_ACTION_ROW, "Reviewed after the spring survey"));

  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, n);
  g_assert_null (find_widget (INSPECTOR (fixture), ADW_TYPE_ACTION_ROW, "Reviewed after the spring survey"));
}

static guint
count_emotions_of (Fixture    *fixture,
                   CjmPersona *persona)
{
  GListModel *emotions = cjm_map_get_emotions (fixture->map);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (emotions, i);

      if (g_strcmp0 (cjm_emotion_get_persona_id (emotion), cjm_element_get_id (CJM_ELEMENT (persona))) == 0)
        count++;
    }

  return count;
}

static void
test_persona_panel (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *panel = GTK_WIDGET (fixture->personas);
  GListModel *personas = cjm_map_get_personas (fixture->map);
  CjmPersona *camille = lookup (fixture, "persona-camille");
  CjmPersona *marc = lookup (fixture, "persona-marc");
  CjmLayout *layout = cjm_canvas_get_layout (fixture->canvas);
  CjmPersona *copy;
  guint64 position;

  /* The first persona is edited at first, all fields grouped. */
  g_assert_true (cjm_persona_panel_get_persona (fixture->personas) == camille);
  gtk_editable_set_text (get_row (panel, ADW_TYPE_ENTRY_ROW, "Profession"), "Illustratrice");
  g_assert_cmpstr (cjm_persona_get_profession (camille), ==, "Illustratrice");
  g_assert_nonnull (find_widget (panel, ADW_TYPE_COMBO_ROW, "Urban or Rural"));
  g_assert_nonnull (find_widget (panel, ADW_TYPE_PREFERENCES_ROW, "Solutions They Want"));
  g_assert_true (cjm_history_undo (fixture->history));

  /* Choosing on the canvas chooses here: an emotion is its persona's. */
  select_ids (fixture, "persona-marc", NULL);
  g_assert_true (cjm_persona_panel_get_persona (fixture->personas) == marc);

  /* Add, duplicate (with the journey's emotions), delete; each undone. */
  g_assert_true (gtk_widget_activate_action (panel, "persona.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 3);
  g_assert_cmpstr (cjm_persona_get_name (cjm_persona_panel_get_persona (fixture->personas)), ==, "New Persona");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  g_assert_nonnull (cjm_persona_panel_get_persona (fixture->personas));

  cjm_persona_panel_set_persona (fixture->personas, camille);
  g_assert_true (gtk_widget_activate_action (panel, "persona.duplicate", NULL));
  copy = cjm_persona_panel_get_persona (fixture->personas);
  g_assert_true (copy != camille);
  g_assert_cmpstr (cjm_persona_get_name (copy), ==, "Camille (Copy)");
  g_assert_cmpuint (count_emotions_of (fixture, copy), ==, count_emotions_of (fixture, camille));
  g_assert_cmpuint (count_emotions_of (fixture, copy), >, 0);
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);

  g_assert_true (gtk_widget_activate_action (panel, "persona.move-down", NULL));
  {
    g_autoptr(CjmPersona) second = g_list_model_get_item (personas, 1);

    g_assert_true (second == camille);
  }
  g_assert_true (cjm_history_undo (fixture->history));

  cjm_persona_panel_set_persona (fixture->personas, marc);
  g_assert_true (gtk_widget_activate_action (panel, "persona.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 1);
  g_assert_true (cjm_persona_panel_get_persona (fixture->personas) == camille);
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);

  /* Which curves the map shows: a view, not an edit. */
  g_assert_null (cjm_layout_get_persona_ids (layout));
  position = cjm_history_get_position (fixture->history);
  cjm_persona_panel_set_shown (fixture->personas, marc, FALSE);
  g_assert_cmpuint (g_strv_length ((char **)cjm_layout_get_persona_ids (layout)), ==, 1);
  g_assert_cmpstr (cjm_layout_get_persona_ids (layout)[0], ==, "persona-camille");
  g_assert_cmpuint (cjm_history_get_position (fixture->history), ==, position);

  cjm_persona_panel_set_persona (fixture->personas, marc);
  g_assert_true (gtk_widget_activate_action (panel, "persona.show-only", NULL));
  g_assert_cmpstr (cjm_layout_get_persona_ids (layout)[0], ==, "persona-marc");
  g_assert_true (cjm_persona_panel_get_shown (fixture->personas, marc));
  g_assert_false (cjm_persona_panel_get_shown (fixture->personas, camille));

  g_assert_true (gtk_widget_activate_action (panel, "persona.show-all", NULL));
  g_assert_null (cjm_layout_get_persona_ids (layout));
}

/* A read-only document cannot be edited from the panels. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *panel = GTK_WIDGET (fixture->personas);

  _cjm_document_set_read_only (fixture->document, TRUE);
  g_assert_false (gtk_widget_is_sensitive (get_row (INSPECTOR (fixture), ADW_TYPE_ENTRY_ROW, "Title")));
  gtk_widget_activate_action (panel, "persona.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_personas (fixture->map)), ==, 2);
}

/* turn_wheel: turns the mouse wheel over the middle of WIDGET, through
 * xdotool (the X server's test device, as a real wheel): BUTTON is "4" up,
 * "5" down, "6" left or "7" right; SHIFT holds Shift meanwhile. */
static void
turn_wheel (GtkWidget  *widget,
            const char *button,
            gboolean    shift)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  double x, y, surface_x, surface_y;
  int status;

  if (xdotool == NULL)
    g_test_message ("xdotool is missing: run build-aux/install-deps --test");
  g_assert_nonnull (xdotool);
  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0,
                                                   &x, &y));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);

  g_ptr_array_add (argv, g_strdup (xdotool));
  /* No --sync: it waits for a motion, which never comes when the pointer
   * is there already; the X server takes the motion and the clicks in
   * order anyway. */
  g_ptr_array_add (argv, g_strdup ("mousemove"));
  g_ptr_array_add (argv, g_strdup ("--window"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (x + surface_x)));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (y + surface_y)));
  if (shift)
    {
      g_ptr_array_add (argv, g_strdup ("keydown"));
      g_ptr_array_add (argv, g_strdup ("shift"));
    }
  g_ptr_array_add (argv, g_strdup ("click"));
  g_ptr_array_add (argv, g_strdup (button));
  if (shift)
    {
      g_ptr_array_add (argv, g_strdup ("keyup"));
      g_ptr_array_add (argv, g_strdup ("shift"));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* wait_for_change: runs the main loop until ADJUSTMENT's value is no longer
 * VALUE and the window has drawn the change, and returns the new value. Gives
 * up after 30 s: a bound on the X server's round trip, not a timing tested;
 * what the caller asserts next then fails. */
static double
wait_for_change (GtkWidget     *window,
                 GtkAdjustment *adjustment,
                 double         value)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_adjustment_get_value (adjustment) == value && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  gtk_test_widget_wait_for_draw (window);

  return gtk_adjustment_get_value (adjustment);
}

/* The wheel over the persona's emotion curve, which scrolls sideways in a
 * scrolled window of its own: turned up or down it scrolls the panel (the
 * curve's scrolled window used to take it, scroll nothing, and stop the
 * page under the pointer); with Shift, or tilted, it scrolls the curve. */
static void
test_persona_curve_wheel (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *curve = find_widget (GTK_WIDGET (fixture->personas), CJM_TYPE_EMOTION_CURVE, NULL);
  GtkWidget *strip = gtk_widget_get_ancestor (curve, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (strip), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *down = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (strip));
  double top, left;

  gtk_test_widget_wait_for_draw (fixture->window);

  /* Both can scroll: the form is taller than the panel, the curve wider
   * than its frame. */
  g_assert_nonnull (page);
  g_assert_cmpfloat (gtk_adjustment_get_upper (down), >, gtk_adjustment_get_page_size (down));
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), >, gtk_adjustment_get_page_size (across));
  g_assert_cmpfloat (gtk_adjustment_get_value (down), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (across), ==, 0);

  /* Down and up: the panel scrolls, the curve stays. */
  turn_wheel (strip, "5", FALSE);
  top = wait_for_change (fixture->window, down, 0);
  g_assert_cmpfloat (top, >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (across), ==, 0);

  turn_wheel (strip, "4", FALSE);
  g_assert_cmpfloat (wait_for_change (fixture->window, down, top), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (across), ==, 0);

  /* Shift+wheel, then a tilt to the left: the curve scrolls sideways, the
   * panel stays. */
  turn_wheel (strip, "5", TRUE);
  left = wait_for_change (fixture->window, across, 0);
  g_assert_cmpfloat (left, >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (down), ==, 0);

  turn_wheel (strip, "6", FALSE);
  g_assert_cmpfloat (wait_for_change (fixture->window, across, left), <, left);
  g_assert_cmpfloat (gtk_adjustment_get_value (down), ==, 0);
}

#define ADD(name, func) \
  g_test_add ("/Cjm/Panels/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The resources live in a static library: registered by hand, as the app does. */
  g_resources_register (cjm_ui_get_resource ());

  ADD ("inspector-follows-selection", test_inspector_follows_selection);
  ADD ("text-rows", test_text_rows);
  ADD ("choice-rows", test_choice_rows);
  ADD ("link-rows", test_link_rows);
  ADD ("revision-log", test_revision_log);
  ADD ("persona-panel", test_persona_panel);
  ADD ("read-only", test_read_only);
  ADD ("persona-curve-wheel", test_persona_curve_wheel);

  return g_test_run ();
}
