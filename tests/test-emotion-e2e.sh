#!/bin/bash
# test-emotion-e2e.sh: an emotion point dragged on the canvas, under Xvfb.
#
# Starts the real app on a copy of the sample map, shows the whole map,
# drags Camille's point at "Decide to run" (score +2) down two levels with
# xdotool, saves with Ctrl+S and checks the score written (0); then undoes
# with Ctrl+Z, saves, and checks +2 is back.
#
# Where the point is comes from the app: with CJM_TEST_GEOMETRY set, the
# canvas writes where each element (emotions too: their faces) is drawn.
#
# Usage: test-emotion-e2e.sh path/to/journey-mapper     (TAP on stdout)
set -u

APP=${1:?usage: test-emotion-e2e.sh path/to/journey-mapper}
SAMPLE=${CJM_SOURCE_ROOT:?CJM_SOURCE_ROOT is not set}/data/samples/running-shoes.cjm

for tool in xvfb-run dbus-run-session xdotool xmllint; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..1"
    echo "not ok 1 - $tool is missing: run build-aux/install-deps --test"
    exit 1
  fi
done

if [ -z "${CJM_E2E_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" \
    dbus-run-session -- env CJM_E2E_DISPLAY=1 bash "$0" "$@"
fi

WORK=$(mktemp -d)
APP_PID=
cleanup () {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

N=0
FAILED=0
ok () { N=$((N + 1)); echo "ok $N - $1"; }
not_ok () {
  N=$((N + 1)); FAILED=1; echo "not ok $N - $1"
  [ -f "$WORK/app.log" ] && sed 's/^/# /' "$WORK/app.log" | tail -n 20
}

GEOMETRY=$WORK/geometry
MAP=$WORK/map.cjm
cp "$SAMPLE" "$MAP"
EMOTION="//*[local-name()='emotion'][@id='emotion-camille-decide']/@score"
xpath () { xmllint --xpath "string($2)" "$1" 2>/dev/null; }
wait_for () {
  for _ in $(seq 50); do
    [ "$(xpath "$1" "$2")" = "$3" ] && return 0
    sleep 0.1
  done
  return 1
}

echo "1..3"

env -u G_DEBUG CJM_TEST_GEOMETRY="$GEOMETRY" "$APP" "$MAP" >"$WORK/app.log" 2>&1 &
APP_PID=$!
WINDOW=
for _ in $(seq 100); do
  WINDOW=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1)
  [ -n "$WINDOW" ] && [ -s "$GEOMETRY" ] && break
  sleep 0.1
done
if [ -z "$WINDOW" ]; then
  not_ok "the app shows its window"
  exit 1
fi
xdotool windowsize --sync "$WINDOW" 1300 850 2>/dev/null
xdotool windowfocus --sync "$WINDOW" 2>/dev/null
sleep 1
# The whole map in view, for the emotion lane to be.
xdotool key --clearmodifiers ctrl+9
sleep 1.5
eval "$(xdotool getwindowgeometry --shell "$WINDOW")"

# The face: its centre, and the zoom from its size (a face is 22 units wide
# at 100 %, two levels 56 units apart).
read -r X0 Y0 DY < <(awk -v wx="$X" -v wy="$Y" '$1 == "emotion-camille-decide" {
    printf "%d %d %d\n", wx + $2 + $4 / 2, wy + $3 + $5 / 2, $5 * 56 / 22; found = 1 }
  END { if (!found) exit 1 }' "$GEOMETRY")
if [ -z "${X0:-}" ]; then
  not_ok "the emotion point is drawn"
  exit 1
fi
ok "the emotion point is drawn"

xdotool mousemove --sync "$X0" "$Y0" mousedown 1
sleep 0.2
for i in 1 2 3 4 5 6 7 8; do
  xdotool mousemove --sync "$X0" $(( Y0 + DY * i / 8 ))
  sleep 0.05
done
sleep 0.2
xdotool mouseup 1
sleep 0.5
xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$EMOTION" 0; then
  ok "the point dragged two levels down is saved with score 0"
else
  not_ok "the point dragged two levels down is saved with score 0 (score: $(xpath "$MAP" "$EMOTION"))"
fi

xdotool key --clearmodifiers ctrl+z
sleep 0.3
xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$EMOTION" 2; then
  ok "Ctrl+Z undoes the drag in one step"
else
  not_ok "Ctrl+Z undoes the drag in one step (score: $(xpath "$MAP" "$EMOTION"))"
fi

exit $FAILED
