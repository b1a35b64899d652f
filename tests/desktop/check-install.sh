#!/bin/bash
# Installs the build into a temporary folder and checks what a desktop and a
# Flatpak see of it: every file in an exported location (applications,
# icons, metainfo, MIME packages, D-Bus services) is named after the app id,
# and the installed help, in English and in each translation, is valid
# Mallard.
#
# Usage: check-install.sh BUILDDIR APP_ID      (TAP output)
set -euo pipefail

build=$1
app_id=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" > "$tmp/install.log" 2>&1; then
  echo "1..1"
  sed 's/^/# /' "$tmp/install.log"
  not_ok "meson install"
  exit 1
fi

share=$(find "$tmp/root" -type d -name applications -path '*/share/applications' | head -n 1)
share=${share%/applications}
languages=$(ls "$share/help")
echo "1..$((3 + $(echo "$languages" | wc -w)))"

exported=$(cd "$share" &&
           for dir in applications icons metainfo mime/packages dbus-1/services; do
             if [ -d "$dir" ]; then find "$dir" -type f; fi
           done | sort)
bad=$(echo "$exported" | while read -r file; do
        case "$(basename "$file")" in
          "$app_id".*|"$app_id"-*) ;;
          *) echo "$file" ;;
        esac
      done)
if [ -z "$bad" ]; then
  ok "$(echo "$exported" | wc -l) exported files, all named after $app_id"
else
  echo "$bad" | sed 's/^/# not named after the app id: /'
  not_ok "exported files not named after $app_id"
fi

for file in "applications/$app_id.desktop" "metainfo/$app_id.metainfo.xml" \
            "mime/packages/$app_id.mime.xml" "icons/hicolor/scalable/apps/$app_id.svg" \
            "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
            "glib-2.0/schemas/$app_id.gschema.xml"; do
  [ -f "$share/$file" ] || missing="${missing:-} $file"
done
if [ -z "${missing:-}" ]; then
  ok "desktop file, metainfo, MIME type, icons and settings schema installed"
else
  not_ok "not installed:$missing"
fi

if [ -f "$share/help/C/$app_id/index.page" ]; then
  ok "the help is installed where help:$app_id finds it"
else
  not_ok "no $share/help/C/$app_id/index.page"
fi

for lang in $languages; do
  if out=$(cd "$share/help/$lang/$app_id" && yelp-check validate *.page 2>&1); then
    ok "the installed help in '$lang' is valid Mallard ($(ls "$share/help/$lang/$app_id" | grep -c '\.page$') pages)"
  else
    echo "$out" | sed 's/^/# /'
    not_ok "the installed help in '$lang' does not validate"
  fi
done

exit $failed
