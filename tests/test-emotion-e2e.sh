#!/bin/bash
# test-emotion-e2e.sh: an emotion point dragged on the canvas, under Xvfb.
#
# Starts the real app on a copy of the sample map, shows the whole map,
# drags Camille's point at "Decide to run" (score +2) down two levels with
# xdotool, saves with Ctrl+S and checks the score written (0); then undoes
# with Ctrl+Z, saves, and checks +2 is back.
#
# Where the point is comes from the app (see e2e-common.sh): emotions are
# written there too, as their faces.
#
# Usage: test-emotion-e2e.sh path/to/journey-mapper     (TAP on stdout)
set -u

APP=${1:?usage: test-emotion-e2e.sh path/to/journey-mapper}
# The tools, the display, TAP, start_app, where, drag, xpath.
. "$(dirname "$0")/e2e-common.sh"

MAP=$WORK/map.cjm
cp "$SAMPLE" "$MAP"
EMOTION="//*[local-name()='emotion'][@id='emotion-camille-decide']"

# score: the point's score in the map saved, "none" without the point. A
# score of 0 is the format's default, written as no attribute at all.
score () {
  local value

  if [ "$(xpath "$MAP" "count($EMOTION)")" != 1 ]; then
    echo none
    return
  fi
  value=$(xpath "$MAP" "$EMOTION/@score")
  echo "${value:-0}"
}

# wait_for_score VALUE: waits (30 s at most) until the map saved says VALUE.
wait_for_score () {
  for _ in $(seq 300); do
    [ "$(score)" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}

echo "1..4"

if ! start_app "$MAP"; then
  not_ok "the app shows its window"
  exit 1
fi
# The whole map in view, for the emotion lane to be.
xdotool key --clearmodifiers ctrl+9
sleep 1.5

# The face: its centre, and two levels from its size (a face is 22 units
# wide at 100 %, two levels 56 units apart).
read -r X0 Y0 < <(where emotion-camille-decide 0.5 0.5)
DY=$(awk '$1 == "emotion-camille-decide" { printf "%d\n", $5 * 56 / 22 }' "$GEOMETRY")
if [ -z "${X0:-}" ] || [ -z "$DY" ] || [ "$(score)" != 2 ]; then
  not_ok "the emotion point is drawn (score: $(score))"
  exit 1
fi
ok "the emotion point is drawn"

drag "$X0" "$Y0" "$X0" $(( Y0 + DY ))
xdotool key --clearmodifiers ctrl+s
if wait_for_score 0; then
  ok "the point dragged two levels down is saved with score 0"
else
  not_ok "the point dragged two levels down is saved with score 0 (score: $(score))"
fi

if "$APP" --validate "$MAP" >/dev/null 2>&1; then
  ok "the saved map is valid"
else
  not_ok "the saved map is valid"
fi

xdotool key --clearmodifiers ctrl+z
sleep 0.3
xdotool key --clearmodifiers ctrl+s
if wait_for_score 2; then
  ok "Ctrl+Z undoes the drag in one step"
else
  not_ok "Ctrl+Z undoes the drag in one step (score: $(score))"
fi

exit $FAILED
