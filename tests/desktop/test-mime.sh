#!/bin/bash
# Installs the MIME type of .cjm maps into a temporary data folder, as
# update-mime-database does on a user's system, and checks with GIO (what
# Files and the file chooser use) that maps are recognised: by their name,
# and by their content when the name has no extension.
#
# Usage: test-mime.sh MIME_XML SAMPLE.cjm      (TAP output)
set -euo pipefail

mime_xml=$1
sample=$2
type=application/x-journey-map

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export XDG_DATA_HOME=$tmp/data
export XDG_DATA_DIRS=/usr/local/share:/usr/share
# No GVfs: GIO reads the local files itself.
export GIO_USE_VFS=local

mkdir -p "$tmp/data/mime/packages"
cp "$mime_xml" "$tmp/data/mime/packages/"
update-mime-database "$tmp/data/mime"


cp "$sample" "$tmp/map.cjm"
cp "$sample" "$tmp/map-without-extension"
cp "$sample" "$tmp/MAP.CJM"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n' > "$tmp/other-xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<journey-map xmlns="https://example.org/ns/other"/>\n' > "$tmp/other-namespace"

content_type () {
  gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

n=0
failed=0
check () {
  local what=$1 file=$2 expected=$3 got
  n=$((n + 1))
  got=$(content_type "$file")
  if [ "$got" = "$expected" ]; then
    echo "ok $n - $what: $got"
  else
    echo "not ok $n - $what: expected $expected, got '$got'"
    failed=1
  fi
}

echo "1..8"
check "a sample map named .cjm" "$tmp/map.cjm" "$type"
check "the same map without extension (content sniffing)" "$tmp/map-without-extension" "$type"
check "a map named in capitals" "$tmp/MAP.CJM" "$type"
check "other XML is not a map" "$tmp/other-xml" "image/svg+xml"
check "a journey-map root in another namespace is not ours" "$tmp/other-namespace" "application/xml"

n=$((n + 1))
parents=$(grep -c '<sub-class-of type="application/xml"/>' "$tmp/data/mime/$type.xml" 2>/dev/null || true)
if [ "${parents:-0}" -ge 1 ]; then
  echo "ok $n - $type is a sub-class of application/xml"
else
  echo "not ok $n - $type is not a sub-class of application/xml in the installed database"
  failed=1
fi

n=$((n + 1))
if grep -q "^$type\$" "$tmp/data/mime/types"; then
  echo "ok $n - $type is in the database's list of types"
else
  echo "not ok $n - $type is missing from the database's list of types"
  failed=1
fi

n=$((n + 1))
if grep -q '<comment xml:lang="fr">' "$mime_xml"; then
  echo "ok $n - the type's description is translated into French"
else
  echo "not ok $n - the type's description has no French translation"
  failed=1
fi

exit $failed
