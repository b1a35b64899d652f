#!/bin/bash
# test-export-cli.sh: journey-mapper --export to every format, as a user
# would run it, without a display.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

. "$(dirname "$0")/cli-common.sh"

# magic FILE BYTES: the file starts with these bytes (as printf writes them).
magic () {
  local expected
  expected=$(printf "$2" | od -An -tx1)
  test "$(head -c "$(printf "$2" | wc -c)" "$1" | od -An -tx1)" = "$expected"
}

# png_size FILE: "WIDTH HEIGHT" from the PNG header.
png_size () {
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# Images
run --export map.png "$sample"
check "--export to .png exits 0 and prints nothing" \
  bash -c 'test '"$status"' -eq 0 && test -z "$(cat stdout.txt stderr.txt)"'
check "--export to .png writes a PNG" magic map.png '\x89PNG\r\n\x1a\n'
read -r width height < <(png_size map.png)

run --export map2.png --scale 2 "$sample"
read -r width2 height2 < <(png_size map2.png)
check "--scale 2 doubles the size" test "$width2" -eq $((2 * width)) -a "$height2" -eq $((2 * height))

run --export map-dpi.png --dpi 192 "$sample"
read -r width_dpi _ < <(png_size map-dpi.png)
check "--dpi 192 is scale 2" test "$width_dpi" -eq $((2 * width))

run --export bands.png --header --personas --legend --background transparent "$sample"
read -r _ height_bands < <(png_size bands.png)
check "--header, --personas and --legend add bands" test "$height_bands" -gt "$height"
check "--background transparent keeps an alpha channel" \
  test "$(od -An -tu1 -j25 -N1 bands.png | tr -d ' ')" -eq 6

run --export map.svg --header "$sample"
check "--export to .svg exits 0" test "$status" -eq 0
check "--export to .svg writes SVG with text" \
  bash -c 'grep -q "<svg" map.svg && grep -q "<text " map.svg && grep -q "Buying a first pair" map.svg'

run --export map.pdf "$sample"
check "--export to .pdf writes a PDF" magic map.pdf '%%PDF-'
if command -v pdfinfo >/dev/null; then
  check "--export to .pdf writes one page" bash -c 'pdfinfo map.pdf | grep -q "^Pages: *1$"'
  run --export a3.pdf --page a3 --legend "$sample"
  check "--page a3 writes A3 landscape pages" bash -c 'pdfinfo a3.pdf | grep -q "(A3)"'
fi

# Slides
run --export deck.png --slides --header "$sample"
check "--slides exits 0" test "$status" -eq 0
check "--slides prints the files it wrote" \
  bash -c 'test "$(wc -l < stdout.txt)" -ge 3 && while read -r f; do test -f "$f" || exit 1; done < stdout.txt'
check "--slides numbers the slides after the stages" \
  bash -c 'head -n 1 stdout.txt | grep -q "^deck-01-reflection" && grep -q "^deck-[0-9][0-9]-purchase" stdout.txt'
check "--slides writes 1920 × 1080 images" \
  bash -c 'for f in deck-*.png; do test "$(od -An -tu1 -j16 -N8 "$f" | awk "{ print \$3 * 256 + \$4, \$7 * 256 + \$8 }")" = "1920 1080" || exit 1; done'

run --export steps.svg --slide-steps 3 "$sample"
check "--slide-steps 3 writes SVG slides" \
  bash -c 'test '"$status"' -eq 0 && head -n 1 stdout.txt | grep -q "^steps-01\.svg$" && grep -q "viewBox=\"0 0 1920 1080\"" steps-01.svg'

run --export deck.pdf --slides "$sample"
check "--slides to .pdf writes one file" bash -c 'test '"$status"' -eq 0 && test -s deck.pdf && test -z "$(cat stdout.txt)"'

mkdir sub
run --export sub/deck.png --slides "$sample"
check "the files of --slides are named as OUT was typed" grep -q '^sub/deck-01-' stdout.txt

# Tables
run --export data.csv "$sample"
check "--export to .csv writes the three tables" \
  bash -c 'test -s data-touchpoints.csv && test -s data-pain-points.csv && test -s data-opportunities.csv'
check "the tables start with their header" \
  bash -c 'head -c 3 data-touchpoints.csv | grep -q "^id," && grep -q "^id,stage,step" data-pain-points.csv'
check "the tables end their lines with CRLF" bash -c 'head -n 1 data-opportunities.csv | grep -q $'"'"'\r$'"'"

run --export pains.csv --table pain-points --bom "$sample"
check "--table writes one table as OUT itself" bash -c 'test -s pains.csv && test ! -e pains-pain-points.csv'
check "--bom starts with a byte order mark" magic pains.csv '\xef\xbb\xbf'

# Scope
run --export some.png --stages stage-evaluation --lanes lane-website,lane-emotions "$sample"
check "--stages and --lanes export part of the map" test "$status" -eq 0
read -r width_some _ < <(png_size some.png)
check "part of the map is narrower" test "$width_some" -lt "$width"

run --export none.png --stages stage-nowhere "$sample"
check "an unknown stage is a usage error" \
  bash -c 'test '"$status"' -eq 2 && grep -q "stage-nowhere" stderr.txt && test ! -e none.png'

run --export sel.csv --select card-pain-jargon --table pain-points "$sample"
check "--select exports the selected card's row" test "$(grep -c '^card-' sel.csv)" -eq 1

# Options that do not fit the format
run --export wrong.csv --scale 2 "$sample"
check "--scale with .csv is a usage error" bash -c 'test '"$status"' -eq 2 && test ! -e wrong.csv'
run --export wrong.png --page a4 "$sample"
check "--page with .png is a usage error" test "$status" -eq 2
run --export wrong.png --scale 5 "$sample"
check "--scale 5 is a usage error" test "$status" -eq 2
run --export wrong.png --background pink "$sample"
check "--background pink is a usage error" test "$status" -eq 2
run --export wrong.json --legend "$sample"
check "--legend with .json is a usage error" test "$status" -eq 2
run --validate --scale 2 "$sample"
check "export options without --export are a usage error" test "$status" -eq 2

run --help
check "--help lists the image formats" \
  bash -c 'grep -q "\.png" stdout.txt && grep -q "\.svg" stdout.txt && grep -q "\.pdf" stdout.txt && grep -q "\.csv" stdout.txt'
check "--help describes the export options" \
  bash -c 'grep -q -- "--scale" stdout.txt && grep -q -- "--slides" stdout.txt && grep -q -- "--page" stdout.txt'

# Every sample and template to every format.
for file in "$CJM_SOURCE_ROOT"/data/samples/*.cjm "$CJM_SOURCE_ROOT"/data/templates/*.cjm; do
  name=$(basename "$file" .cjm)
  for extension in png svg pdf csv json cjm; do
    run --export "all-$name.$extension" "$file"
    check "$name to .$extension" test "$status" -eq 0
  done
done

finish
