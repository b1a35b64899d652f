#!/bin/bash
# Checks the Flatpak manifest: flatpak-builder parses it without a warning
# (an unknown or misspelt key is only a warning to it), and it asks for no
# more than the app needs.
#
# Usage: check-flatpak.sh MANIFEST APP_ID      (TAP output)
set -euo pipefail

manifest=$1
app_id=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }

echo "1..3"

if flatpak-builder --show-manifest "$manifest" > "$tmp/parsed.json" 2> "$tmp/stderr"; then
  if [ -s "$tmp/stderr" ]; then
    sed 's/^/# /' "$tmp/stderr"
    not_ok "flatpak-builder --show-manifest accepts $manifest, with warnings"
  else
    ok "flatpak-builder --show-manifest accepts $manifest"
  fi
else
  sed 's/^/# /' "$tmp/stderr"
  not_ok "flatpak-builder --show-manifest refuses $manifest"
fi

# What the manifest says, as flatpak-builder understood it.
if problems=$(python3 - "$tmp/parsed.json" "$app_id" <<'PYTHON'
import json
import sys

manifest = json.load(open(sys.argv[1]))
app_id = sys.argv[2]
problems = []

if manifest.get("id", manifest.get("app-id")) != app_id:
    problems.append("the id is not " + app_id)
if manifest.get("command") != "journey-mapper":
    problems.append("the command is not journey-mapper")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("not built on the GNOME runtime and SDK")

# What the app needs, and nothing more: files come through the portal.
needed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
          "--talk-name=org.gtk.vfs.*", "--filesystem=xdg-run/gvfsd"}
args = set(manifest.get("finish-args", []))
for arg in sorted(needed - args):
    problems.append("missing finish-arg " + arg)
for arg in sorted(args - needed):
    problems.append("finish-arg not justified in README.md: " + arg)

app = [m for m in manifest.get("modules", []) if isinstance(m, dict) and m.get("name") == "journey-mapper"]
if len(app) != 1:
    problems.append("no journey-mapper module")
else:
    module = app[0]
    if module.get("buildsystem") != "meson":
        problems.append("the app is not built with meson")
    if {"type": "dir", "path": "."} not in module.get("sources", []):
        problems.append("the app is not built from the repository (a dir source, path .)")
    if "-Dtests=false" not in module.get("config-opts", []):
        problems.append("the test tools are not in the SDK: -Dtests=false is needed")

print("\n".join(problems))
sys.exit(1 if problems else 0)
PYTHON
); then
  ok "id, command, runtime, SDK and module as expected"
else
  echo "$problems" | sed 's/^/# /'
  not_ok "the manifest's content"
fi

if grep -q -- '--filesystem=xdg-run/gvfsd' "$(dirname "$manifest")/README.md" &&
   grep -q -- '--talk-name=org.gtk.vfs' "$(dirname "$manifest")/README.md"; then
  ok "README.md explains the GVfs permissions"
else
  not_ok "README.md does not explain --talk-name=org.gtk.vfs.* and --filesystem=xdg-run/gvfsd"
fi

exit $failed
