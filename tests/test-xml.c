/* test-xml.c: reading and writing .cjm files
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cjm-core.h"
#include "cjm-element-private.h"
#include "cjm-map-check.h"
#include "cjm-map-check-private.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

#include "test-util.h"

static CjmMap *
read_ok (GBytes     *bytes,
         GPtrArray **problems_out)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  CjmMap *map = cjm_xml_read (bytes, "test.cjm", problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  else
    g_assert_cmpuint (problems->len, ==, 0);

  return map;
}

static GBytes *
read_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* "Every file the app writes validates against the schema": checked with
 * xmllint, as a user would. */
static void
assert_schema_valid (GBytes *bytes)
{
  const char *root = g_getenv ("CJM_SOURCE_ROOT");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int fd, status;

  g_assert_nonnull (root);
  g_assert_nonnull (xmllint);
  schema = g_build_filename (root, "data", "cjm.rng", NULL);

  fd = g_file_open_tmp ("cjm-written-XXXXXX.cjm", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                  NULL, &output, &status, &error);
  }
  g_assert_no_error (error);

  /* Kept when it fails, to look at. */
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("What the writer wrote does not validate against data/cjm.rng:\n%s", output);

  g_unlink (path);
}

/* Round trips */

static void
test_round_trip_full (void)
{
  g_autoptr(CjmMap) map = test_util_build_full_map ();
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(CjmMap) read = NULL;
  g_autoptr(CjmMap) read_again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autofree char *text = NULL;

  /* The map is consistent: checking it changes nothing. */
  cjm_map_check_and_repair (map, problems, NULL, NULL);
  test_util_print_problems (problems, "test.cjm");
  g_assert_cmpuint (problems->len, ==, 0);

  first = cjm_xml_write (map);
  text = test_util_bytes_to_string (first);
  g_test_message ("%s", text);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\""
                                         CJM_FORMAT_VERSION "\" id=\"map-full\""));
  g_assert_true (g_str_has_suffix (text, "</journey-map>\n"));
  /* \r survives as a reference; tabs and new lines in attributes too. */
  g_assert_nonnull (strstr (text, ">  Première ligne&#13;\nDeuxième\tligne"));
  g_assert_nonnull (strstr (text, "=\"  Première ligne&#13;&#10;Deuxième&#9;ligne"));
  g_assert_nonnull (strstr (text, "&lt;tag&gt; &amp; \"quotes\" 'apos' ]]&gt;"));
  g_assert_nonnull (strstr (text, "&quot;quotes&quot;"));

  read = read_ok (first, NULL);
  test_util_assert_maps_equal (map, read);

  second = cjm_xml_write (read);
  test_util_assert_bytes_equal (first, second);

  read_again = read_ok (second, NULL);
  third = cjm_xml_write (read_again);
  test_util_assert_bytes_equal (second, third);
}

static void
test_deterministic (void)
{
  g_autoptr(CjmMap) a = test_util_build_full_map ();
  g_autoptr(CjmMap) b = test_util_build_full_map ();
  g_autoptr(GBytes) first = cjm_xml_write (a);
  g_autoptr(GBytes) again = cjm_xml_write (a);
  g_autoptr(GBytes) other = cjm_xml_write (b);

  test_util_assert_bytes_equal (first, again);
  test_util_assert_bytes_equal (first, other);
}

static void
test_layout (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map-1");
  g_autoptr(CjmStage) stage = cjm_stage_new ("stage-1");
  g_autoptr(CjmStep) step = cjm_step_new ("step-1");
  g_autoptr(CjmConnection) connection = cjm_connection_new ("connection-1");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  cjm_map_set_title (map, "Buying running shoes");
  cjm_map_set_target (map, CJM_TARGET_B2C);
  cjm_stage_set_name (stage, "Reflection");
  g_list_store_append (_cjm_stage_get_step_store (stage), step);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), stage);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CONNECTION), connection);

  bytes = cjm_xml_write (map);
  text = test_util_bytes_to_string (bytes);
  g_assert_cmpstr (text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-1\" target=\"b2c\">\n"
                   "  <title>Buying running shoes</title>\n"
                   "  <stage id=\"stage-1\">\n"
                   "    <name>Reflection</name>\n"
                   "    <step id=\"step-1\"/>\n"
                   "  </stage>\n"
                   "  <connection id=\"connection-1\"/>\n"
                   "</journey-map>\n");
}

/* What XML cannot hold is replaced, so that the file can be read back. */
static void
test_write_sanitises (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map-1");
  g_autoptr(CjmPersona) persona = cjm_persona_new ("persona-1");
  g_autoptr(CjmMap) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CjmPersona) read_persona = NULL;

  cjm_map_set_title (map, "bell\a, escape\x1b, U+FFFF \xef\xbf\xbf and broken \xff UTF-8");
  cjm_persona_set_picture (persona, "\x01 in an attribute");
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);

  bytes = cjm_xml_write (map);
  read = read_ok (bytes, NULL);
  g_assert_cmpstr (cjm_map_get_title (read), ==,
                   "bell\xef\xbf\xbd, escape\xef\xbf\xbd, U+FFFF \xef\xbf\xbd and broken \xef\xbf\xbd UTF-8");
  read_persona = g_list_model_get_item (cjm_map_get_personas (read), 0);
  g_assert_cmpstr (cjm_persona_get_picture (read_persona), ==, "\xef\xbf\xbd in an attribute");
}

/* A colour or a date not of its form (a file edited by hand) is reported
 * and removed, so that what is saved validates against the schema. */
static void
test_formats_repaired (void)
{
  static const char source[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"map-a\" created=\"2026-02-30\" reviewed=\"2026-11-24\">\n"
    "  <revision id=\"revision-a\" date=\"yesterday\"/>\n"
    "  <persona id=\"persona-a\" color=\"red\" picture-type=\"png\">\n"
    "    <picture-data>not base64!</picture-data>\n"
    "  </persona>\n"
    "  <stage id=\"stage-a\" color=\"#62A0ea\">\n"
    "    <step id=\"step-a\"/>\n"
    "  </stage>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (source, sizeof source - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CjmMap) map = read_ok (bytes, &problems);
  g_autoptr(CjmPersona) persona = g_list_model_get_item (cjm_map_get_personas (map), 0);
  g_autoptr(CjmRevision) revision = g_list_model_get_item (cjm_map_get_revisions (map), 0);
  g_autoptr(CjmStage) stage = g_list_model_get_item (cjm_map_get_stages (map), 0);

  test_util_print_problems (problems, "test.cjm");
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 2, "“2026-02-30”"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 3, "“yesterday”"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 4, "“red”"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 4, "“png”"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 4, "“not base64!”"));

  g_assert_null (cjm_map_get_created (map));
  g_assert_cmpstr (cjm_map_get_reviewed (map), ==, "2026-11-24");
  g_assert_null (cjm_revision_get_date (revision));
  g_assert_null (cjm_persona_get_color (persona));
  g_assert_null (cjm_persona_get_picture_type (persona));
  g_assert_null (cjm_persona_get_picture_data (persona));
  g_assert_cmpstr (cjm_stage_get_color (stage), ==, "#62A0ea");

  {
    g_autoptr(GBytes) written = cjm_xml_write (map);

    assert_schema_valid (written);
  }
}

/* Extras may come from elsewhere (JSON, by hand): only what makes a
 * well-formed file is written. */
static void
test_write_checks_extras (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map-1");
  g_autoptr(CjmMap) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  CjmExtras *extras = _cjm_element_ensure_extras (CJM_ELEMENT (map));

  cjm_extras_add_namespace (extras, NULL, "urn:default");
  cjm_extras_add_namespace (extras, "xml", "urn:not-allowed");
  cjm_extras_add_namespace (extras, "bad prefix", "urn:bad");
  cjm_extras_add_namespace (extras, "ok", "urn:ok");
  cjm_extras_add_namespace (extras, "ok", "urn:twice");
  cjm_extras_add_namespace (extras, "baduri", "https://example.org/ns<persona/extension");
  cjm_extras_add_namespace (extras, "badxml", "http://www.w3.org/XML/1998/namespace");
  cjm_extras_add_namespace (extras, "badxmlns", "http://www.w3.org/2000/xmlns/");
  cjm_extras_add_attribute (extras, NULL, "target", "b2b");
  cjm_extras_add_attribute (extras, NULL, "version", "1.0");
  cjm_extras_add_attribute (extras, NULL, "xmlns:sneaky", "urn:sneaky");
  cjm_extras_add_attribute (extras, NULL, "not valid", "x");
  cjm_extras_add_attribute (extras, "urn:new", "new:glow", "yes");
  cjm_extras_add_attribute (extras, NULL, "nowhere:glow", "no");
  cjm_extras_add_attribute (extras, "not a URI", "spaced:glow", "no");
  cjm_extras_add_attribute (extras, "urn:ok", "ok:shine", "1");
  cjm_extras_add_attribute (extras, "urn:ok", "ok:shine", "2");
  cjm_extras_add_attribute (extras, NULL, "plain", "kept");
  cjm_extras_add_node (extras, "</journey-map><injected/>");
  cjm_extras_add_node (extras, "<open>");
  cjm_extras_add_node (extras, "<undeclared:x/>");
  cjm_extras_add_node (extras, "<!DOCTYPE x>");
  cjm_extras_add_node (extras, "&entity;");
  cjm_extras_add_node (extras, "<ok:fine new:too=\"1\"/>");

  bytes = cjm_xml_write (map);
  text = test_util_bytes_to_string (bytes);
  g_test_message ("%s", text);

  g_assert_null (strstr (text, "urn:default"));
  g_assert_null (strstr (text, "urn:not-allowed"));
  g_assert_null (strstr (text, "bad prefix"));
  g_assert_null (strstr (text, "urn:twice"));
  g_assert_null (strstr (text, "baduri"));
  g_assert_null (strstr (text, "badxml"));
  g_assert_null (strstr (text, "spaced"));
  g_assert_null (strstr (text, "b2b"));
  g_assert_null (strstr (text, "sneaky"));
  g_assert_null (strstr (text, "not valid"));
  g_assert_null (strstr (text, "nowhere"));
  g_assert_null (strstr (text, "injected"));
  g_assert_null (strstr (text, "<open>"));
  g_assert_null (strstr (text, "undeclared"));
  g_assert_null (strstr (text, "DOCTYPE"));
  g_assert_null (strstr (text, "entity"));
  g_assert_nonnull (strstr (text, " xmlns:ok=\"urn:ok\""));
  g_assert_nonnull (strstr (text, " xmlns:new=\"urn:new\" new:glow=\"yes\""));
  g_assert_nonnull (strstr (text, " ok:shine=\"1\""));
  g_assert_null (strstr (text, " ok:shine=\"2\""));
  g_assert_nonnull (strstr (text, " plain=\"kept\""));
  g_assert_nonnull (strstr (text, "  <ok:fine new:too=\"1\"/>\n"));

  read = read_ok (bytes, NULL);
}

/* Unknown content */

static void
test_newer_version_kept (void)
{
  g_autoptr(GBytes) original = read_corpus ("newer-version.cjm");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems_again = NULL;
  g_autoptr(CjmMap) map = read_ok (original, &problems);
  g_autoptr(CjmMap) map_again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *text = NULL;
  static const char *kept[] = {
    "version=\"1.3\"",
    " xmlns:ext=\"https://example.org/ns/extension\" ext:theme=\"dark\" layout=\"wide\">",
    "  <?journey-mapper hint=\"keep this\"?>\n",
    "<persona id=\"persona-a\" ext:mood=\"calm\">",
    "    <avatar-style xmlns:x=\"urn:example:x\" x:shape=\"round\">Pastel &amp; <b>bold</b></avatar-style>\n",
    "      <ext:note>A note &lt;kept&gt; as it was</ext:note>\n",
    "    <!-- a comment in a stage -->\n",
    "<card id=\"card-a\" lane=\"lane-a\" step=\"step-a\" confidence=\"high\">",
    "<attachment href=\"photo.jpg\" size=\"12\"/>",
    "<attachment href=\"notes.txt\">Tab\tand\nnewline, carriage&#13;return</attachment>",
    "    <foreign xmlns=\"urn:example:foreign\"><inner attr=\"a&#9;b&#10;c\"/></foreign>\n",
    "  <timeline id=\"timeline-1\">\n    <event at=\"2027-01-01\">Launch — été 🚀</event>\n  </timeline>\n",
  };

  test_util_print_problems (problems, "test.cjm");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_NOTE, 3, "newer version of Journey Mapper (format 1.3)"));

  g_assert_cmpstr (cjm_map_get_title (map), ==, "A map from the future");
  g_assert_cmpint (cjm_map_get_target (map), ==, CJM_TARGET_B2B);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (map)), ==, 1);

  first = cjm_xml_write (map);
  text = test_util_bytes_to_string (first);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      if (strstr (text, kept[i]) == NULL)
        g_error ("Not kept: %s", kept[i]);
    }

  /* Outside the map, there is nothing to keep it in. */
  g_assert_null (strstr (text, "after the map"));
  g_assert_null (strstr (text, "A map written by a future version"));

  map_again = read_ok (first, &problems_again);
  g_assert_cmpuint (problems_again->len, ==, 1);
  second = cjm_xml_write (map_again);
  test_util_assert_bytes_equal (first, second);
  test_util_assert_maps_equal (map, map_again);
}

/* A value a newer version added to an enumeration (a new channel, a new
 * card kind) is not understood, but not lost either: it is written back
 * while the field stays at its default, and gives way once it is set. */
static void
test_new_enum_values_kept (void)
{
  static const char source[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.4\" id=\"map-a\">\n"
    "  <stage id=\"stage-a\">\n"
    "    <step id=\"step-a\"/>\n"
    "  </stage>\n"
    "  <lane id=\"lane-a\" kind=\"channel\" channel=\"metaverse\"/>\n"
    "  <card id=\"card-a\" kind=\"touchpoint\" lane=\"lane-a\" step=\"step-a\" severity=\"9\"/>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (source, sizeof source - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems_again = NULL;
  g_autoptr(CjmMap) map = read_ok (bytes, &problems);
  g_autoptr(CjmMap) map_again = NULL;
  g_autoptr(CjmMap) from_json = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) through_json = NULL;
  g_autoptr(GBytes) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *set_text = NULL;
  CjmLane *lane;

  test_util_print_problems (problems, "test.cjm");
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_NOTE, 6, "“channel”"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_NOTE, 7, "“severity”"));
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((CjmProblem *)g_ptr_array_index (problems, i))->severity, ==, CJM_PROBLEM_NOTE);

  lane = cjm_map_lookup_typed (map, "lane-a", CJM_TYPE_LANE);
  g_assert_cmpint (cjm_lane_get_channel (lane), ==, CJM_CHANNEL_UNSPECIFIED);

  first = cjm_xml_write (map);
  text = test_util_bytes_to_string (first);
  g_assert_nonnull (strstr (text, "<lane id=\"lane-a\" channel=\"metaverse\"/>"));
  g_assert_nonnull (strstr (text, " severity=\"9\""));

  /* Stable through another reading, and through JSON. */
  map_again = read_ok (first, &problems_again);
  second = cjm_xml_write (map_again);
  test_util_assert_bytes_equal (first, second);

  json = cjm_json_write (map);
  from_json = cjm_json_read (json, "test.json", NULL, &error);
  g_assert_no_error (error);
  through_json = cjm_xml_write (from_json);
  test_util_assert_bytes_equal (first, through_json);

  /* Once the user picks a channel, it replaces the kept value. */
  cjm_lane_set_channel (lane, CJM_CHANNEL_WEBSITE);
  set = cjm_xml_write (map);
  set_text = test_util_bytes_to_string (set);
  g_assert_nonnull (strstr (set_text, "<lane id=\"lane-a\" channel=\"website\"/>"));
  g_assert_null (strstr (set_text, "metaverse"));
}

/* In a file of this version, an invalid value is a mistake: repaired, not
 * kept, so that what is saved validates against the schema. */
static void
test_invalid_values_repaired (void)
{
  static const char source[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"map-a\">\n"
    "  <stage id=\"stage-a\">\n"
    "    <step id=\"step-a\"/>\n"
    "  </stage>\n"
    "  <lane id=\"lane-a\" channel=\"metaverse\"/>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (source, sizeof source - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CjmMap) map = read_ok (bytes, &problems);
  g_autoptr(GBytes) written = cjm_xml_write (map);
  g_autofree char *text = test_util_bytes_to_string (written);

  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 6, "“channel”"));
  g_assert_nonnull (strstr (text, "<lane id=\"lane-a\"/>"));
  g_assert_null (strstr (text, "metaverse"));
}

static void
test_unknown_default_namespace (void)
{
  /* A known element written with a prefix, whose default namespace is not
   * ours: its unknown children keep their namespace when written back
   * inside the default namespace. */
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<j:journey-map xmlns:j=\"https://example.org/ns/journey-mapper\" xmlns=\"urn:example:d\" "
    "xmlns:amp=\"urn:a&amp;b\" version=\"1.0\" id=\"m\" amp:x=\"1\">\n"
    "  <j:title>Prefixed</j:title>\n"
    "  <glow/>\n"
    "  <none xmlns=\"\"><deep/></none>\n"
    "  <amp:y xmlns:amp2=\"urn:c&amp;d\"/>\n"
    "</j:journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(CjmMap) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *text = NULL;

  map = read_ok (bytes, NULL);
  g_assert_cmpstr (cjm_map_get_title (map), ==, "Prefixed");

  first = cjm_xml_write (map);
  text = test_util_bytes_to_string (first);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, " xmlns:j=\"https://example.org/ns/journey-mapper\""));
  g_assert_nonnull (strstr (text, "  <glow xmlns=\"urn:example:d\"/>\n"));
  g_assert_nonnull (strstr (text, "  <none xmlns=\"\"><deep/></none>\n"));
  /* libxml2 gives namespaces with "&" as "&#38;": read as they are written. */
  g_assert_nonnull (strstr (text, " xmlns:amp=\"urn:a&amp;b\" amp:x=\"1\">"));
  g_assert_nonnull (strstr (text, "  <amp:y xmlns:amp2=\"urn:c&amp;d\" xmlns=\"urn:example:d\"/>\n"));
  g_assert_cmpstr (((CjmExtraNamespace *)_cjm_element_get_extras (CJM_ELEMENT (map))->namespaces->pdata[1])->uri,
                   ==, "urn:a&b");

  again = read_ok (first, NULL);
  second = cjm_xml_write (again);
  test_util_assert_bytes_equal (first, second);
}

static void
test_xinclude_not_processed (void)
{
  g_autoptr(GBytes) bytes = read_corpus ("xinclude.cjm");
  g_autoptr(CjmMap) map = read_ok (bytes, NULL);
  g_autoptr(GBytes) written = cjm_xml_write (map);
  g_autofree char *text = test_util_bytes_to_string (written);
  g_autofree char *passwd = NULL;

  /* Kept as unknown content, never expanded. */
  g_assert_nonnull (strstr (text, "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"));
  g_assert_nonnull (strstr (text, "<xi:fallback>none</xi:fallback>"));
  g_assert_null (strstr (text, "root:"));

  if (g_file_get_contents ("/etc/hostname", &passwd, NULL, NULL) && g_strstrip (passwd)[0] != '\0')
    g_assert_null (strstr (text, passwd));
}

/* Hostile and broken files */

typedef struct
{
  const char *name;
  int         code;
  int         line;
} BadFile;

static void
assert_refused (GBytes     *bytes,
                const char *name,
                int         code,
                int         line)
{
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = NULL;
  g_autofree char *prefix = NULL;

  map = cjm_xml_read (bytes, name, problems, &error);
  g_assert_null (map);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, CJM_FORMAT_ERROR, code);
  /* Nothing is reported about a file that cannot be read. */
  g_assert_cmpuint (problems->len, ==, 0);

  /* FILE:LINE: message, like a compiler. */
  if (line > 0)
    {
      prefix = g_strdup_printf ("%s:%d: ", name, line);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  else
    {
      g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+: ", name);

      g_assert_true (g_regex_match_simple (pattern, error->message, 0, 0));
    }

  g_assert_null (strstr (error->message, "root:"));
}

static void
test_refused_corpus (void)
{
  static const BadFile bad[] = {
    { "billion-laughs.cjm", CJM_FORMAT_ERROR_UNSAFE, 2 },
    { "external-entity.cjm", CJM_FORMAT_ERROR_UNSAFE, 2 },
    { "parameter-entity.cjm", CJM_FORMAT_ERROR_UNSAFE, 2 },
    { "external-dtd.cjm", CJM_FORMAT_ERROR_UNSAFE, 2 },
    { "undefined-entity.cjm", CJM_FORMAT_ERROR_MALFORMED, 3 },
    { "truncated.cjm", CJM_FORMAT_ERROR_MALFORMED, -1 },
    { "not-xml.cjm", CJM_FORMAT_ERROR_MALFORMED, 1 },
    { "wrong-root.cjm", CJM_FORMAT_ERROR_NOT_A_MAP, 2 },
    { "wrong-namespace.cjm", CJM_FORMAT_ERROR_NOT_A_MAP, 2 },
    { "no-namespace.cjm", CJM_FORMAT_ERROR_NOT_A_MAP, 2 },
    { "bad-version.cjm", CJM_FORMAT_ERROR_INVALID, 2 },
    { "undeclared-prefix.cjm", CJM_FORMAT_ERROR_MALFORMED, 4 },
    { "empty.cjm", CJM_FORMAT_ERROR_MALFORMED, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = read_corpus (bad[i].name);

      g_test_message ("%s", bad[i].name);
      assert_refused (bytes, bad[i].name, bad[i].code, bad[i].line);
    }
}

static GBytes *
nested (guint levels)
{
  GString *text = g_string_new ("<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"m\">");

  /* The root is the first level. */
  for (guint i = 1; i < levels; i++)
    g_string_append (text, "<x>");
  for (guint i = 1; i < levels; i++)
    g_string_append (text, "</x>");
  g_string_append (text, "</journey-map>\n");

  return g_string_free_to_bytes (text);
}

static void
test_refused_deep (void)
{
  g_autoptr(GBytes) deepest = nested (CJM_MAX_DEPTH);
  g_autoptr(GBytes) too_deep = nested (CJM_MAX_DEPTH + 1);
  g_autoptr(GBytes) very_deep = nested (10000);
  g_autoptr(CjmMap) map = read_ok (deepest, NULL);
  g_autoptr(GBytes) written = cjm_xml_write (map);
  g_autoptr(CjmMap) again = read_ok (written, NULL);

  assert_refused (too_deep, "deep.cjm", CJM_FORMAT_ERROR_UNSAFE, 1);
  assert_refused (very_deep, "deep.cjm", CJM_FORMAT_ERROR_UNSAFE, 1);
}

static void
test_refused_binary (void)
{
  static const char broken_utf8_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"m\">\n"
    "  <title>caf\xff</title>\n"
    "</journey-map>\n";
  static const char latin1_xml[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"m\">\n"
    "  <title>Caf\xe9</title>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) valid = read_corpus ("xinclude.cjm");
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GConverterOutputStream) gzip = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) utf16 = NULL;
  g_autoptr(GBytes) utf16_no_bom = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) invalid_utf8 = NULL;
  g_autoptr(GBytes) latin1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *utf16_text = NULL;
  guint8 random_bytes[4096];
  gsize utf16_length;

  /* Compressed: refused, never decompressed. */
  gzip = G_CONVERTER_OUTPUT_STREAM (g_converter_output_stream_new (memory, G_CONVERTER (compressor)));
  g_output_stream_write_all (G_OUTPUT_STREAM (gzip), g_bytes_get_data (valid, NULL),
                             g_bytes_get_size (valid), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (gzip), NULL, &error);
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  assert_refused (compressed, "map.cjm.gz", CJM_FORMAT_ERROR_MALFORMED, 1);

  /* UTF-16, with and without a byte-order mark */
  utf16_text = g_convert (g_bytes_get_data (valid, NULL), g_bytes_get_size (valid),
                          "UTF-16", "UTF-8", NULL, &utf16_length, &error);
  g_assert_no_error (error);
  utf16 = g_bytes_new (utf16_text, utf16_length);
  assert_refused (utf16, "utf16.cjm", CJM_FORMAT_ERROR_MALFORMED, 1);
  utf16_no_bom = g_bytes_new (utf16_text + 2, utf16_length - 2);
  assert_refused (utf16_no_bom, "utf16.cjm", CJM_FORMAT_ERROR_MALFORMED, 1);

  /* Broken UTF-8 on line 3, and Latin-1 whatever the declaration says */
  invalid_utf8 = g_bytes_new_static (broken_utf8_xml, sizeof broken_utf8_xml - 1);
  assert_refused (invalid_utf8, "invalid.cjm", CJM_FORMAT_ERROR_MALFORMED, 3);
  latin1 = g_bytes_new_static (latin1_xml, sizeof latin1_xml - 1);
  assert_refused (latin1, "latin1.cjm", CJM_FORMAT_ERROR_MALFORMED, 3);

  /* Random bytes */
  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = g_rand_int_range (rand, 0, 256);
  garbage = g_bytes_new (random_bytes, sizeof random_bytes);
  assert_refused (garbage, "garbage.cjm", CJM_FORMAT_ERROR_MALFORMED, -1);
}

static void
test_refused_too_large (void)
{
  gsize size = CJM_MAX_FILE_SIZE + 1;
  /* Zeroed pages are not touched: the size is refused before anything is read. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = cjm_xml_read (bytes, "huge.cjm", NULL, &error);

  g_assert_null (map);
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.cjm: "));
}

static void
test_version (void)
{
  static const struct {
    const char *attribute;
    int         code;           /* -1: read */
    int         severity;       /* -1: no problem */
    const char *written;
  } cases[] = {
    { "version=\"1.0\"", -1, -1, "version=\"1.0\"" },
    { "", -1, CJM_PROBLEM_WARNING, "version=\"1.0\"" },
    { "version=\"1.1\"", -1, CJM_PROBLEM_NOTE, "version=\"1.1\"" },
    { "version=\"2.0\"", -1, CJM_PROBLEM_NOTE, "version=\"2.0\"" },
    { "version=\"0.9\"", -1, -1, "version=\"1.0\"" },
    { "version=\"1\"", CJM_FORMAT_ERROR_INVALID, -1, NULL },
    { "version=\"1.0.1\"", CJM_FORMAT_ERROR_INVALID, -1, NULL },
    { "version=\" 1.0\"", CJM_FORMAT_ERROR_INVALID, -1, NULL },
    { "version=\"-1.0\"", CJM_FORMAT_ERROR_INVALID, -1, NULL },
    { "version=\"\"", CJM_FORMAT_ERROR_INVALID, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("<?xml version=\"1.0\"?>\n"
                                           "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" ",
                                           cases[i].attribute, " id=\"m\"/>\n", NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GPtrArray) problems = cjm_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CjmMap) map = cjm_xml_read (bytes, "version.cjm", problems, &error);

      g_test_message ("%s", cases[i].attribute);

      if (cases[i].code >= 0)
        {
          assert_refused (bytes, "version.cjm", cases[i].code, 2);
        }
      else
        {
          g_autoptr(GBytes) written = NULL;
          g_autofree char *written_text = NULL;

          g_assert_no_error (error);
          if (cases[i].severity < 0)
            g_assert_cmpuint (problems->len, ==, 0);
          else
            g_assert_true (test_util_has_problem (problems, cases[i].severity, 2, ""));

          written = cjm_xml_write (map);
          written_text = test_util_bytes_to_string (written);
          g_assert_nonnull (strstr (written_text, cases[i].written));
        }
    }
}

/* Repairs */

static void
test_repairs (void)
{
  g_autoptr(GBytes) bytes = read_corpus ("broken-links.cjm");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) none = cjm_problems_new ();
  g_autoptr(CjmMap) map = read_ok (bytes, &problems);
  g_autoptr(CjmMap) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(CjmStage) empty_stage = NULL;
  static const struct {
    int         line;
    const char *part;
  } expected[] = {
    { 4, "its id is already used by an element before it" },
    { 5, "it has no steps; an empty step was added" },
    { 10, "its id is already used by an element before it" },
    { 13, "its lane “lane-missing” does not exist; it was moved to the lane “Web”" },
    { 14, "its lane “Web” is not for this kind of card; it was moved to the lane “Notes”" },
    { 15, "its lane “lane-nowhere” does not exist; it was moved to a new lane “Pain points”" },
    { 16, "its step “step-missing” does not exist; it was moved to the first step" },
    { 17, "it spans 5 steps, past the last step; it now spans 2 steps" },
    { 18, "it is in no lane; it was moved to a new lane “Opportunities”" },
    { 18, "it names personas that do not exist (persona-ghost)" },
    { 18, "it names pain points that do not exist (card-lost)" },
    { 18, "it names touchpoints that do not exist (card-pain)" },
    { 19, "“bad id” is not a valid id" },
    { 20, "“No id”" },
    { 21, "the value of “severity” is not valid" },
    { 21, "its lane “Web” is not for this kind of card; it was moved to the lane “Pain points”" },
    { 23, "an emotion before it has the same persona and step; it was removed" },
    { 24, "its persona “persona-ghost” does not exist; it was removed" },
    { 25, "its step “step-ghost” does not exist; it was removed" },
    { 27, "the card it leads to, “card-ghost”, does not exist; it was removed" },
    /* Found by fuzzing: the emotion was removed, and its id freed, before
     * the connections were checked. */
    { 29, "the card it leads to, “emotion-no-persona”, does not exist; it was removed" },
  };

  test_util_print_problems (problems, "test.cjm");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (!test_util_has_problem (problems, CJM_PROBLEM_WARNING, expected[i].line, expected[i].part))
        g_error ("No warning on line %d about: %s", expected[i].line, expected[i].part);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));

  /* In the order of the file. */
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (((CjmProblem *)problems->pdata[i - 1])->line, <=, ((CjmProblem *)problems->pdata[i])->line);

  /* A valid map: checking again finds nothing. */
  cjm_map_check_and_repair (map, none, NULL, NULL);
  test_util_print_problems (none, "test.cjm");
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_personas (map)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_stages (map)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_lanes (map)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (map)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_emotions (map)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (map)), ==, 2);

  empty_stage = g_list_model_get_item (cjm_map_get_stages (map), 0);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_stage_get_steps (empty_stage)), ==, 1);

  /* The stage with a duplicate id kept its step. */
  g_assert_nonnull (cjm_map_lookup_typed (map, "step-3", CJM_TYPE_STEP));
  g_assert_cmpint (cjm_card_get_span (cjm_map_lookup_typed (map, "card-span", CJM_TYPE_CARD)), ==, 2);
  g_assert_cmpint (cjm_card_get_severity (cjm_map_lookup_typed (map, "card-severity", CJM_TYPE_CARD)), ==, 0);

  /* The link to the element whose id was not valid follows it. */
  {
    CjmConnection *connection = cjm_map_lookup_typed (map, "connection-to-bad", CJM_TYPE_CONNECTION);
    const char *to_id = cjm_connection_get_to_id (connection);

    g_assert_true (g_str_has_prefix (to_id, "card-"));
    g_assert_true (cjm_element_id_is_valid (to_id));
    g_assert_nonnull (cjm_map_lookup_typed (map, to_id, CJM_TYPE_CARD));
  }

  /* Written and read again: nothing left to repair, and valid. */
  written = cjm_xml_write (map);
  assert_schema_valid (written);
  again = read_ok (written, NULL);
  test_util_assert_maps_equal (map, again);
}

static void
test_repairs_without_stages (void)
{
  static const char xml[] =
    "<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\"1.0\" id=\"bad map id!\">\n"
    "  <card id=\"card-1\" kind=\"metric\"/>\n"
    "  <card id=\"card-2\" kind=\"backstage\" span=\"3\"/>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) none = cjm_problems_new ();
  g_autoptr(CjmMap) map = read_ok (bytes, &problems);
  g_autoptr(CjmStage) stage = NULL;

  test_util_print_problems (problems, "test.cjm");
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 1, "“bad map id!” is not a valid id"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 1, "a stage with an empty step was added"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 2, "it is at no step"));
  g_assert_true (test_util_has_problem (problems, CJM_PROBLEM_WARNING, 3, "it now spans 1 step"));
  g_assert_true (cjm_element_id_is_valid (cjm_element_get_id (CJM_ELEMENT (map))));

  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_stages (map)), ==, 1);
  stage = g_list_model_get_item (cjm_map_get_stages (map), 0);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_stage_get_steps (stage)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_lanes (map)), ==, 2);

  cjm_map_check_and_repair (map, none, NULL, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Found by fuzzing: describing an element with a long title leaked. */
static void
test_describe (void)
{
  g_autoptr(CjmCard) card = cjm_card_new ("card-1");
  g_autoptr(CjmPersona) persona = cjm_persona_new ("persona-1");
  g_autofree char *long_title = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *untitled = NULL;

  cjm_card_set_kind (card, CJM_CARD_KIND_PAIN_POINT);
  cjm_card_set_title (card, "Été: a title much longer than forty characters, on two\nlines");
  long_title = _cjm_element_describe (CJM_ELEMENT (card));
  g_assert_cmpstr (long_title, ==, "Pain point “Été: a title much longer than forty cha…” (card-1)");

  cjm_card_set_title (card, "Short\r\nand on two lines");
  short_title = _cjm_element_describe (CJM_ELEMENT (card));
  g_assert_cmpstr (short_title, ==, "Pain point “Short” (card-1)");

  untitled = _cjm_element_describe (CJM_ELEMENT (persona));
  g_assert_cmpstr (untitled, ==, "Persona (persona-1)");
}

/* Inputs the fuzzer found (tests/fuzz/fuzz-load.c), kept as
 * tests/corpus/fuzz-*: whatever loads saves as a file that loads again
 * with nothing to repair, and saves to the same bytes. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "corpus", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CjmMap) map = NULL;
      g_autoptr(CjmMap) again = NULL;
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;

      if (!g_str_has_prefix (name, "fuzz-"))
        continue;

      g_test_message ("%s", name);
      bytes = read_corpus (name);
      map = cjm_map_read_bytes (bytes, name, NULL, &error);
      n_files++;

      if (map == NULL)
        {
          g_assert_true (error->domain == CJM_FORMAT_ERROR);
          continue;
        }

      first = cjm_xml_write (map);
      again = read_ok (first, &problems);
      test_util_print_problems (problems, "test.cjm");
      for (guint i = 0; i < problems->len; i++)
        g_assert_cmpint (((CjmProblem *)problems->pdata[i])->severity, ==, CJM_PROBLEM_NOTE);

      second = cjm_xml_write (again);
      test_util_assert_bytes_equal (first, second);
    }

  g_assert_cmpuint (n_files, >, 0);
}

/* The samples and templates: read without a warning, written back as they
 * were read. */
static void
test_shipped_maps (void)
{
  const char *root = g_getenv ("CJM_SOURCE_ROOT");
  static const char *folders[] = { "data/samples", "data/templates" };
  guint n_files = 0;

  /* Set by tests/meson.build: without it nothing would be checked. */
  g_assert_nonnull (root);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_build_filename (root, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GPtrArray) problems = cjm_problems_new ();
          g_autoptr(GError) error = NULL;
          g_autoptr(CjmMap) map = NULL;
          g_autoptr(CjmMap) again = NULL;
          g_autoptr(GBytes) first = NULL;
          g_autoptr(GBytes) second = NULL;
          char *contents;
          gsize length;

          if (!g_str_has_suffix (name, ".cjm"))
            continue;

          g_test_message ("%s", path);
          g_file_get_contents (path, &contents, &length, &error);
          g_assert_no_error (error);
          first = g_bytes_new_take (contents, length);

          map = cjm_xml_read (first, name, problems, &error);
          g_assert_no_error (error);
          test_util_print_problems (problems, "test.cjm");
          g_assert_cmpuint (problems->len, ==, 0);

          g_clear_pointer (&first, g_bytes_unref);
          first = cjm_xml_write (map);
          assert_schema_valid (first);
          again = read_ok (first, NULL);
          second = cjm_xml_write (again);
          test_util_assert_bytes_equal (first, second);
          n_files++;
        }
    }

  g_test_message ("%u files", n_files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Xml/round-trip-full", test_round_trip_full);
  g_test_add_func ("/Cjm/Xml/deterministic", test_deterministic);
  g_test_add_func ("/Cjm/Xml/layout", test_layout);
  g_test_add_func ("/Cjm/Xml/write-sanitises", test_write_sanitises);
  g_test_add_func ("/Cjm/Xml/write-checks-extras", test_write_checks_extras);
  g_test_add_func ("/Cjm/Xml/newer-version-kept", test_newer_version_kept);
  g_test_add_func ("/Cjm/Xml/formats-repaired", test_formats_repaired);
  g_test_add_func ("/Cjm/Xml/new-enum-values-kept", test_new_enum_values_kept);
  g_test_add_func ("/Cjm/Xml/invalid-values-repaired", test_invalid_values_repaired);
  g_test_add_func ("/Cjm/Xml/unknown-default-namespace", test_unknown_default_namespace);
  g_test_add_func ("/Cjm/Xml/xinclude-not-processed", test_xinclude_not_processed);
  g_test_add_func ("/Cjm/Xml/refused/corpus", test_refused_corpus);
  g_test_add_func ("/Cjm/Xml/refused/deep", test_refused_deep);
  g_test_add_func ("/Cjm/Xml/refused/binary", test_refused_binary);
  g_test_add_func ("/Cjm/Xml/refused/too-large", test_refused_too_large);
  g_test_add_func ("/Cjm/Xml/version", test_version);
  g_test_add_func ("/Cjm/Xml/repairs", test_repairs);
  g_test_add_func ("/Cjm/Xml/repairs-without-stages", test_repairs_without_stages);
  g_test_add_func ("/Cjm/Xml/describe", test_describe);
  g_test_add_func ("/Cjm/Xml/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/Cjm/Xml/shipped-maps", test_shipped_maps);

  return g_test_run ();
}
