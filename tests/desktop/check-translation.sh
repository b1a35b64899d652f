#!/bin/bash
# Checks that a translation is complete against the sources as they are now,
# not against a template made earlier: a string added anywhere and not yet
# translated fails this test (run build-aux/update-po, then translate).
#
# Usage: check-translation.sh SRCROOT app LANG     the app: po/LANG.po
#        check-translation.sh SRCROOT help LANG    the help: help/LANG/LANG.po
# TAP output.
set -euo pipefail

src=$1
what=$2
lang=$3
cd "$src"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }

if [ "$what" = app ]; then
  po=po/$lang.po
  echo "1..4"

  # 1. POTFILES.in lists every file with texts for translators, sorted.
  build-aux/list-potfiles > "$tmp/POTFILES.expected"
  if diff -u po/POTFILES.in "$tmp/POTFILES.expected" > "$tmp/potfiles.diff"; then
    ok "po/POTFILES.in lists every file with translatable texts, sorted"
  else
    sed 's/^/# /' "$tmp/potfiles.diff"
    not_ok "po/POTFILES.in is not up to date: run build-aux/update-po"
  fi

  # 2. A template made now, as meson's journey-mapper-pot target makes it
  #    (i18n.gettext's 'glib' preset, the ITS rules of data/its/).
  if GETTEXTDATADIRS=$src/data xgettext --package-name=journey-mapper \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       --files-from="$tmp/POTFILES.expected" --directory="$src" \
       --output="$tmp/template.pot" 2> "$tmp/xgettext.log"; then
    ok "xgettext extracted $(grep -c '^msgid ' "$tmp/template.pot") messages"
  else
    sed 's/^/# /' "$tmp/xgettext.log"
    not_ok "xgettext failed"
  fi
else
  po=help/$lang/$lang.po
  echo "1..4"
  pages=$(sed -n "s/^ *'\([a-z-]*\.page\)',\?$/\1/p" help/meson.build)
  (cd help/C && ls *.page) | LC_ALL=C sort > "$tmp/pages.found"
  printf '%s\n' $pages | LC_ALL=C sort > "$tmp/pages.listed"
  if diff -u "$tmp/pages.listed" "$tmp/pages.found" > "$tmp/pages.diff"; then
    ok "help/meson.build lists every page of help/C"
  else
    sed 's/^/# /' "$tmp/pages.diff"
    not_ok "help/meson.build does not list the pages of help/C"
  fi
  if itstool -o "$tmp/template.pot" $(printf 'help/C/%s ' $pages) 2> "$tmp/itstool.log"; then
    ok "itstool extracted $(grep -c '^msgid ' "$tmp/template.pot") messages"
  else
    sed 's/^/# /' "$tmp/itstool.log"
    not_ok "itstool failed"
  fi
fi

# 3. The translation merged with that template: nothing untranslated or fuzzy.
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/template.pot"
if ! stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1); then
  echo "$stats" | sed 's/^/# /'
  not_ok "msgfmt --check finds errors in $po merged with the sources' messages"
elif echo "$stats" | grep -q 'untranslated\|fuzzy'; then
  echo "# $po: $stats"
  { msgattrib --untranslated --no-wrap --no-location "$tmp/merged.po"
    msgattrib --only-fuzzy --no-wrap --no-location "$tmp/merged.po"
  } | grep '^msgid "[^"]' | head -n 40 | sed 's/^/# missing: /' || true  # only a listing
  not_ok "$po is not complete: run build-aux/update-po and translate what is missing"
else
  ok "$po translates every message: $stats"
fi

# 4. The file itself, as committed, passes msgfmt --check (the build compiles it).
if msgfmt --check -o /dev/null "$po" 2> "$tmp/msgfmt.log"; then
  ok "$po passes msgfmt --check"
else
  sed 's/^/# /' "$tmp/msgfmt.log"
  not_ok "$po does not pass msgfmt --check"
fi

exit $failed
