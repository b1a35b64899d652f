#!/bin/bash
# test-cli.sh: the command line, run as a user would, without a display.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

. "$(dirname "$0")/cli-common.sh"

# A map whose links lead nowhere, at known lines.
cat >broken.cjm <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<journey-map xmlns="https://example.org/ns/journey-mapper" version="1.0" id="map-broken">
  <title>Broken links</title>
  <stage id="stage-1">
    <step id="step-1"/>
  </stage>
  <lane id="lane-1" kind="channel"/>
  <card id="card-1" lane="lane-missing" step="step-1"/>
  <card id="card-2" lane="lane-1" step="step-1" personas="persona-missing"/>
  <connection id="connection-1" from="card-1" to="card-missing"/>
</journey-map>
EOF

cat >broken.json <<'EOF'
{
  "format": "journey-mapper",
  "version": "1.0",
  "map": {
    "id": "map-broken",
    "stages": [{"id": "stage-1", "steps": [{"id": "step-1"}]}],
    "lanes": [{"id": "lane-1"}],
    "cards": [
      {
        "id": "card-1",
        "lane": "lane-missing",
        "step": "step-1"
      }
    ]
  }
}
EOF

# Not well-formed: the element on line 4 is never closed.
cat >malformed.cjm <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<journey-map xmlns="https://example.org/ns/journey-mapper" version="1.0" id="map-bad">
  <title>Cut short</title>
  <stage id="stage-1">
</journey-map>
EOF

cat >malformed.json <<'EOF'
{
  "format": "journey-mapper",
  "version": "1.0",
  "map": {
    "id": "map-1",
    "title": "Trailing comma",
  }
}
EOF

# A good file: silence and success.
run --validate "$sample"
check "--validate on a good file exits 0" test "$status" -eq 0
check "--validate on a good file prints nothing" test -z "$out$err"

# Broken links: one FILE:LINE: message per problem, the name as typed.
run --validate broken.cjm
check "--validate on broken links exits 1" test "$status" -eq 1
check "--validate reports the card of line 8" grep -q '^broken\.cjm:8: ' stderr.txt
check "--validate reports the card of line 9" grep -q '^broken\.cjm:9: ' stderr.txt
check "--validate reports the connection of line 10" grep -q '^broken\.cjm:10: ' stderr.txt
check "--validate prints only FILE:LINE: lines" \
  bash -c '! grep -v "^broken\.cjm:[0-9][0-9]*: " stderr.txt'
check "--validate prints nothing on stdout" test -z "$out"

run --validate ./broken.cjm
check "--validate names the file as typed" grep -q '^\./broken\.cjm:8: ' stderr.txt

run --validate broken.json
check "--validate on broken links in JSON exits 1" test "$status" -eq 1
check "--validate gives the line of the card in JSON" grep -q '^broken\.json:10: ' stderr.txt

run --validate malformed.cjm
check "--validate on malformed XML exits 1" test "$status" -eq 1
check "--validate on malformed XML gives FILE:LINE" grep -q '^malformed\.cjm:[0-9][0-9]*: ' stderr.txt

run --validate malformed.json
check "--validate on malformed JSON exits 1" test "$status" -eq 1
check "--validate on malformed JSON gives the line" grep -q '^malformed\.json:6: ' stderr.txt

run --validate missing.cjm
check "--validate on a missing file exits 1" test "$status" -eq 1
check "--validate on a missing file names it" grep -q '^missing\.cjm: ' stderr.txt

# Several files: every one is checked, the worst status wins.
run --validate "$sample" broken.cjm missing.cjm
check "--validate on several files exits 1" test "$status" -eq 1
check "--validate checks every file" \
  bash -c 'grep -q "^broken\.cjm:" stderr.txt && grep -q "^missing\.cjm:" stderr.txt'

run --validate
check "--validate without a file is a usage error" test "$status" -eq 2

# Exporting: .cjm → .json → .cjm gives the same bytes, and back again.
run --export normal.cjm "$sample"
check "--export to .cjm exits 0" test "$status" -eq 0
check "--export of a normal .cjm keeps its bytes" cmp -s normal.cjm "$sample"

run --export map.json normal.cjm
check "--export to .json exits 0" test "$status" -eq 0
check "--export to .json writes JSON" grep -q '"format": "journey-mapper"' map.json

run --export again.cjm map.json
check "--export from .json exits 0" test "$status" -eq 0
check ".cjm → .json → .cjm gives the same bytes" cmp -s again.cjm normal.cjm

run --export again.json again.cjm
check ".json → .cjm → .json gives the same bytes" cmp -s again.json map.json

run --export MAP.JSON normal.cjm
check "extensions are read in any case" cmp -s MAP.JSON map.json

# OUT may be FILE: the map is rewritten in its normal form.
cp map.json same.json
run --export same.json same.json
check "--export onto its own input exits 0" test "$status" -eq 0
check "--export onto its own input keeps the content" cmp -s same.json map.json

run --export out.cjm broken.cjm
check "--export repairs and says what it repaired" \
  bash -c 'test '"$status"' -eq 0 && grep -q "^broken\.cjm:8: " stderr.txt && test -s out.cjm'

run --export out.txt "$sample"
check "--export to an unknown extension fails" test "$status" -ne 0
check "--export to an unknown extension says so" grep -q 'unknown format' stderr.txt
check "--export to an unknown extension lists the formats" grep -q '\.cjm, \.json' stderr.txt
check "--export to an unknown extension writes nothing" test ! -e out.txt

run --export out.json missing.cjm
check "--export of a missing file fails" test "$status" -eq 1
check "--export of a missing file writes nothing" test ! -e out.json

run --export out.json malformed.cjm
check "--export of a malformed file fails with FILE:LINE" \
  bash -c 'test '"$status"' -eq 1 && grep -q "^malformed\.cjm:[0-9][0-9]*: " stderr.txt'

run --export no-such-folder/out.json "$sample"
check "--export into a missing folder fails" test "$status" -eq 1

run --export out.json "$sample" broken.cjm
check "--export of two files is a usage error" test "$status" -eq 2

run --validate --export out.json "$sample"
check "--validate with --export is a usage error" test "$status" -eq 2

run --validate --frobnicate "$sample"
check "an unknown option is a usage error" test "$status" -eq 2

# Help and version.
run --help
check "--help exits 0" test "$status" -eq 0
check "--help describes --validate and --export" \
  bash -c 'grep -q -- "--validate" stdout.txt && grep -q -- "--export" stdout.txt'
check "--help lists the export formats" bash -c 'grep -q "\.json" stdout.txt'

run --version
check "--version exits 0" test "$status" -eq 0
check "--version prints the version" grep -q '^journey-mapper [0-9]' stdout.txt

finish
