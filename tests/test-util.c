/* test-util.c: what the tests of the file formats and of shared files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

#include "cjm-element-private.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

/* Texts that are hard to keep: line ends of every kind, tabs, white space
 * at both ends, accents, emoji, and the characters XML treats apart. */
static const char *hard_texts[] = {
  "  Première ligne\r\nDeuxième\tligne — café ☕ et 🏃‍♀️\n<tag> & \"quotes\" 'apos' ]]>  ",
  "\n\nStarts with new lines, ends with spaces   ",
  "\r",
  "   ",
  "Tabs\tand\ttabs\r\n\r\nÉté à Noël 🎄 &amp; not an entity",
  "Plain",
  "Back\\slash: \\n and \\u00e9 are no escapes, nor \\\"; a / solidus",
};

static gboolean
is_link_or_kind (const char *property)
{
  static const char *names[] = {
    "kind", "lane-id", "step-id", "span", "persona-id", "from-id", "to-id",
    "persona-ids", "pain-point-ids", "touchpoint-ids",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (names[i], property) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Sets every stored field but links and kinds to a value that is not its
 * default, texts from the hard ones. */
static void
fill_fields (gpointer element,
             guint    variant)
{
  const CjmField *fields;
  guint n_fields;

  fields = cjm_element_get_fields (element, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), fields[i].property);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      if (is_link_or_kind (fields[i].property))
        continue;

      g_value_init (&value, type);

      if (type == G_TYPE_STRING && g_str_equal (fields[i].property, "color"))
        {
          /* Fields with a form get a valid value: the loader repairs others. */
          g_value_set_string (&value, variant % 2 ? "#3584E4" : "#e01b24");
        }
      else if (type == G_TYPE_STRING &&
               (g_str_equal (fields[i].property, "created") ||
                g_str_equal (fields[i].property, "reviewed") ||
                g_str_equal (fields[i].property, "date")))
        {
          g_value_set_string (&value, variant % 2 ? "2024-02-29" : "2026-11-24");
        }
      else if (type == G_TYPE_STRING && g_str_equal (fields[i].property, "picture-type"))
        {
          g_value_set_string (&value, variant % 2 ? "image/png" : "image/svg+xml");
        }
      else if (type == G_TYPE_STRING && g_str_equal (fields[i].property, "picture-data"))
        {
          g_value_set_string (&value, variant % 2 ? "iVBORw0KGgo=" : "PHN2Zy8+\n  AAAA");
        }
      else if (type == G_TYPE_STRING)
        {
          g_value_set_string (&value, hard_texts[(variant + i) % G_N_ELEMENTS (hard_texts)]);
        }
      else if (type == G_TYPE_INT)
        {
          GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

          g_value_set_int (&value, ispec->maximum != ispec->default_value ? ispec->maximum : ispec->minimum);
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_value_set_enum (&value, enum_class->values[enum_class->n_values - 1].value);
        }
      else
        {
          g_assert_not_reached ();
        }

      g_object_set_property (G_OBJECT (element), fields[i].property, &value);
      g_assert_false (g_param_value_defaults (pspec, &value));
    }
}

/**
 * test_util_add:
 * @map: a map
 * @element: (transfer full): an element of any kind but a step
 *
 * Appends @element to the list of its kind in @map.
 */
void
test_util_add (CjmMap   *map,
               gpointer  element)
{
  g_return_if_fail (CJM_IS_MAP (map));
  g_return_if_fail (CJM_IS_ELEMENT (element));

  g_list_store_append (_cjm_map_get_store (map, G_OBJECT_TYPE (element)), element);
  g_object_unref (element);
}

/* Keeps content from a newer version on @element: a namespace, attributes
 * with and without one, an element with its own declaration, a comment. */
static void
add_extras (gpointer    element,
            const char *tag)
{
  CjmExtras *extras = _cjm_element_ensure_extras (CJM_ELEMENT (element));
  g_autofree char *node = g_strdup_printf ("<ext:%s xmlns:ext=\"urn:example:ext\" level=\"2\">"
                                           "<ext:inner>text &amp; more</ext:inner></ext:%s>",
                                           tag, tag);

  cjm_extras_add_namespace (extras, "ext", "urn:example:ext");
  cjm_extras_add_attribute (extras, "urn:example:ext", "ext:glow", "soft \"and\" <warm>");
  cjm_extras_add_attribute (extras, NULL, "future-flag", "yes");
  cjm_extras_add_node (extras, node);
  cjm_extras_add_node (extras, "<!-- a comment kept from a newer version -->");
}

/**
 * test_util_build_full_map:
 *
 * Builds a map with every kind of element, every lane and card kind, every
 * stored field set to a value other than its default (texts hard to keep
 * in either format), links that all lead somewhere, elements with nothing
 * but a name, and content from a newer version on elements of every kind.
 * Two calls give equal maps.
 *
 * Returns: (transfer full): the map
 */
CjmMap *
test_util_build_full_map (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map-full");
  CjmStage *stages[2];
  CjmPersona *personas[2];
  CjmStep *steps[3];
  CjmLane *lanes[CJM_LANE_KIND_BACKSTAGE + 1];
  CjmCard *cards[CJM_CARD_KIND_BACKSTAGE + 1];
  static const CjmLaneKind lane_for_card[] = {
    CJM_LANE_KIND_CHANNEL, CJM_LANE_KIND_TEXT, CJM_LANE_KIND_PAIN_POINTS,
    CJM_LANE_KIND_OPPORTUNITIES, CJM_LANE_KIND_METRICS, CJM_LANE_KIND_BACKSTAGE,
  };
  guint variant = 0;

  fill_fields (map, variant++);
  add_extras (map, "map-extension");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("revision-%u", i);
      CjmRevision *revision = cjm_revision_new (id);

      fill_fields (revision, variant++);
      test_util_add (map, revision);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("persona-%u", i);

      personas[i] = cjm_persona_new (id);
      fill_fields (personas[i], variant++);
      test_util_add (map, personas[i]);
    }
  add_extras (personas[1], "persona-extension");

  {
    /* Its other fields left at their defaults, not written. */
    CjmPersona *persona = cjm_persona_new ("persona-plain");

    cjm_persona_set_name (persona, "Marc");
    test_util_add (map, persona);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);

      steps[i] = cjm_step_new (id);
      fill_fields (steps[i], variant++);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%u", i);

      stages[i] = cjm_stage_new (id);
      fill_fields (stages[i], variant++);
    }
  add_extras (steps[1], "step-extension");
  g_list_store_append (_cjm_stage_get_step_store (stages[0]), steps[0]);
  g_list_store_append (_cjm_stage_get_step_store (stages[0]), steps[1]);
  g_list_store_append (_cjm_stage_get_step_store (stages[1]), steps[2]);
  for (guint i = 0; i < 3; i++)
    g_object_unref (steps[i]);
  test_util_add (map, stages[0]);
  test_util_add (map, stages[1]);

  for (guint kind = 0; kind < G_N_ELEMENTS (lanes); kind++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%u", kind);

      lanes[kind] = cjm_lane_new (id);
      cjm_lane_set_kind (lanes[kind], kind);
      fill_fields (lanes[kind], variant++);
      test_util_add (map, lanes[kind]);
    }
  add_extras (lanes[CJM_LANE_KIND_METRICS], "lane-extension");

  for (guint kind = 0; kind < G_N_ELEMENTS (cards); kind++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u", kind);
      const char *persona_ids[] = { "persona-0", "persona-1", NULL };

      cards[kind] = cjm_card_new (id);
      cjm_card_set_kind (cards[kind], kind);
      cjm_card_set_lane_id (cards[kind], cjm_element_get_id (CJM_ELEMENT (lanes[lane_for_card[kind]])));
      cjm_card_set_step_id (cards[kind], kind % 2 ? "step-1" : "step-0");
      cjm_card_set_span (cards[kind], 2);
      cjm_card_set_persona_ids (cards[kind], persona_ids);
      fill_fields (cards[kind], variant++);
      test_util_add (map, cards[kind]);
    }

  {
    const char *pain_points[] = { "card-2", NULL };
    const char *touchpoints[] = { "card-0", NULL };
    CjmExtras *extras = _cjm_element_ensure_extras (CJM_ELEMENT (cards[CJM_CARD_KIND_OPPORTUNITY]));

    cjm_card_set_pain_point_ids (cards[CJM_CARD_KIND_OPPORTUNITY], pain_points);
    cjm_card_set_touchpoint_ids (cards[CJM_CARD_KIND_OPPORTUNITY], touchpoints);

    /* Kept from a newer version, as the reader keeps it. */
    cjm_extras_add_namespace (extras, "ext", "urn:example:ext");
    cjm_extras_add_attribute (extras, "urn:example:ext", "ext:glow", "yes & \"no\"");
    cjm_extras_add_node (extras, "<ext:sparkle level=\"3\">Été &amp; <b/></ext:sparkle>");
    cjm_extras_add_node (extras, "<!-- a comment -->");
  }

  {
    CjmCard *card = cjm_card_new ("card-plain");

    cjm_card_set_lane_id (card, "lane-0");
    cjm_card_set_step_id (card, "step-2");
    cjm_card_set_title (card, "Reads reviews");
    test_util_add (map, card);
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("emotion-%u", i);
      CjmEmotion *emotion = cjm_emotion_new (id);

      cjm_emotion_set_persona_id (emotion, i ? "persona-1" : "persona-0");
      cjm_emotion_set_step_id (emotion, i ? "step-2" : "step-0");
      fill_fields (emotion, variant++);
      if (i == 1)
        add_extras (emotion, "emotion-extension");
      test_util_add (map, emotion);
    }

  {
    CjmConnection *connection = cjm_connection_new ("connection-0");

    cjm_connection_set_from_id (connection, "card-0");
    cjm_connection_set_to_id (connection, "card-2");
    fill_fields (connection, variant++);
    add_extras (connection, "connection-extension");
    test_util_add (map, connection);
  }

  return g_steal_pointer (&map);
}

/* Says what differs, to make a failure easier to read. */
static void
describe_difference (CjmElement *a,
                     CjmElement *b)
{
  const CjmField *fields;
  guint n_fields;

  g_test_message ("%s %s differs from %s", cjm_element_get_xml_name (a),
                  cjm_element_get_id (a), cjm_element_get_id (b));

  fields = cjm_element_get_fields (a, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), fields[i].property);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *ta = NULL;
      g_autofree char *tb = NULL;

      g_object_get_property (G_OBJECT (a), pspec->name, &va);
      g_object_get_property (G_OBJECT (b), pspec->name, &vb);
      ta = g_strdup_value_contents (&va);
      tb = g_strdup_value_contents (&vb);
      if (g_strcmp0 (ta, tb) != 0 || g_param_values_cmp (pspec, &va, &vb) != 0)
        g_test_message ("  %s: %s ≠ %s", pspec->name, ta, tb);
    }

  if (!cjm_extras_equal (_cjm_element_get_extras (a), _cjm_element_get_extras (b)))
    g_test_message ("  what was kept from a newer version differs");
}

static void
assert_models_equal (GListModel *a,
                     GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) ea = g_list_model_get_item (a, i);
      g_autoptr(CjmElement) eb = g_list_model_get_item (b, i);

      if (!cjm_element_equal (ea, eb))
        describe_difference (ea, eb);
      g_assert_true (cjm_element_equal (ea, eb));

      if (CJM_IS_STAGE (ea))
        assert_models_equal (cjm_stage_get_steps (CJM_STAGE (ea)), cjm_stage_get_steps (CJM_STAGE (eb)));
    }
}

/**
 * test_util_assert_maps_equal:
 * @a: a map
 * @b: another
 *
 * Asserts that @a and @b hold equal elements in the same order, saying
 * which fields differ if not.
 */
void
test_util_assert_maps_equal (CjmMap *a,
                             CjmMap *b)
{
  g_return_if_fail (CJM_IS_MAP (a));
  g_return_if_fail (CJM_IS_MAP (b));

  if (!cjm_element_equal (CJM_ELEMENT (a), CJM_ELEMENT (b)))
    describe_difference (CJM_ELEMENT (a), CJM_ELEMENT (b));
  g_assert_true (cjm_element_equal (CJM_ELEMENT (a), CJM_ELEMENT (b)));
  assert_models_equal (cjm_map_get_revisions (a), cjm_map_get_revisions (b));
  assert_models_equal (cjm_map_get_personas (a), cjm_map_get_personas (b));
  assert_models_equal (cjm_map_get_stages (a), cjm_map_get_stages (b));
  assert_models_equal (cjm_map_get_lanes (a), cjm_map_get_lanes (b));
  assert_models_equal (cjm_map_get_cards (a), cjm_map_get_cards (b));
  assert_models_equal (cjm_map_get_emotions (a), cjm_map_get_emotions (b));
  assert_models_equal (cjm_map_get_connections (a), cjm_map_get_connections (b));
}

/**
 * test_util_bytes_to_string:
 * @bytes: bytes
 *
 * Returns: (transfer full): @bytes as a nul-terminated string
 */
char *
test_util_bytes_to_string (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * test_util_assert_bytes_equal:
 * @a: bytes
 * @b: other bytes
 *
 * Asserts that @a and @b are equal; if not, shows the first line of text
 * that differs rather than both whole.
 */
void
test_util_assert_bytes_equal (GBytes *a,
                              GBytes *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  guint i;

  g_return_if_fail (a != NULL);
  g_return_if_fail (b != NULL);

  if (g_bytes_equal (a, b))
    return;

  ta = test_util_bytes_to_string (a);
  tb = test_util_bytes_to_string (b);
  la = g_strsplit (ta, "\n", -1);
  lb = g_strsplit (tb, "\n", -1);
  for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
    {
      if (strcmp (la[i], lb[i]) != 0)
        break;
    }

  g_test_message ("the texts differ at line %u", i + 1);
  g_assert_cmpstr (la[i], ==, lb[i]);
  g_assert_true (g_bytes_equal (a, b));
}

/**
 * test_util_has_problem:
 * @problems: the problems a reader found
 * @severity: how serious
 * @line: the line, or -1 for any
 * @part: what the message says, in part
 *
 * Returns: whether one of @problems is of @severity, at @line, and says @part
 */
gboolean
test_util_has_problem (GPtrArray          *problems,
                       CjmProblemSeverity  severity,
                       int                 line,
                       const char         *part)
{
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (part != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity && (line < 0 || problem->line == line) &&
          strstr (problem->message, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * test_util_print_problems:
 * @problems: the problems a reader found
 * @file_name: the name of the file read
 *
 * Tells each of @problems as the app would, as test messages.
 */
void
test_util_print_problems (GPtrArray  *problems,
                          const char *file_name)
{
  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = cjm_problem_format (g_ptr_array_index (problems, i), file_name);

      g_test_message ("%s", text);
    }
}

/* Files */

void
test_util_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A link is removed, not followed. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_util_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}
