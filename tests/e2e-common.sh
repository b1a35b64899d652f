# e2e-common.sh: what the end-to-end tests share, sourced by them.
#
# Checks the tools, runs the sourcing script again under a display of its
# own, and gives it a work directory, TAP results (ok, not_ok) and ways to
# start the app and find where it drew things. The script sets APP first.
#
# Where to click comes from the app itself: with CJM_TEST_GEOMETRY set, the
# canvas writes where each element is drawn, in the window's pixels.

# Without the tools, fail saying so: CI installs them.
for tool in xvfb-run dbus-run-session xdotool xmllint; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..1"
    echo "not ok 1 - $tool is missing: run build-aux/install-deps --test"
    exit 1
  fi
done

# Run the rest under a display of our own.
if [ -z "${CJM_E2E_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" \
    dbus-run-session -- env CJM_E2E_DISPLAY=1 bash "$0" "$@"
fi

SAMPLE=${CJM_SOURCE_ROOT:?CJM_SOURCE_ROOT is not set}/data/samples/running-shoes.cjm
WORK=$(mktemp -d)
# Unsaved work of an app stopped on a failed check must not be offered
# back to the next start, nor to the user's own app.
export XDG_STATE_HOME=$WORK/state
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
ok () {
  N=$((N + 1))
  echo "ok $N - $1"
}
not_ok () {
  N=$((N + 1))
  FAILED=1
  echo "not ok $N - $1"
  [ -f "$WORK/app.log" ] && sed 's/^/# /' "$WORK/app.log" | tail -n 20
}

GEOMETRY=$WORK/geometry
WINDOW=
WINDOW_X=0
WINDOW_Y=0

# start_app FILE: runs the app on FILE and waits for its window and map.
start_app () {
  rm -f "$GEOMETRY"
  # The app, not a unit test: the desktop's warnings (no network places
  # here) must not stop it.
  env -u G_DEBUG CJM_TEST_GEOMETRY="$GEOMETRY" "$APP" "$1" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # Generous: on a loaded machine the app can take long to start.
  for _ in $(seq 600); do
    WINDOW=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1)
    [ -n "$WINDOW" ] && [ -s "$GEOMETRY" ] && break
    sleep 0.1
  done
  [ -n "$WINDOW" ] && [ -s "$GEOMETRY" ] || return 1
  xdotool windowsize --sync "$WINDOW" 1300 850 2>/dev/null
  xdotool windowfocus --sync "$WINDOW" 2>/dev/null
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$WINDOW")"
  WINDOW_X=$X
  WINDOW_Y=$Y
}

stop_app () {
  kill "$APP_PID" 2>/dev/null
  wait "$APP_PID" 2>/dev/null
  APP_PID=
}

# where ID FX FY: prints the screen point FX and FY of the way across the
# element ID as the app last drew it.
where () {
  awk -v id="$1" -v fx="$2" -v fy="$3" -v wx="$WINDOW_X" -v wy="$WINDOW_Y" \
    '$1 == id { printf "%d %d\n", wx + $2 + $4 * fx, wy + $3 + $5 * fy; found = 1 }
     END { if (!found) exit 1 }' "$GEOMETRY"
}

# drag X0 Y0 X1 Y1: presses at one point, moves in steps, releases at the other.
drag () {
  xdotool mousemove --sync "$1" "$2" mousedown 1
  sleep 0.2
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove --sync $(( $1 + ($3 - $1) * i / 8 )) $(( $2 + ($4 - $2) * i / 8 ))
    sleep 0.05
  done
  sleep 0.2
  xdotool mouseup 1
  sleep 0.5
}

# xpath FILE EXPR: the string value of EXPR in FILE.
xpath () {
  xmllint --xpath "string($2)" "$1" 2>/dev/null
}

# wait_for FILE EXPR VALUE: waits (30 s at most) until the file says VALUE.
wait_for () {
  for _ in $(seq 300); do
    [ "$(xpath "$1" "$2")" = "$3" ] && return 0
    sleep 0.1
  done
  return 1
}
