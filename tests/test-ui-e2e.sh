#!/bin/bash
# test-ui-e2e.sh: the real app under Xvfb, driven with xdotool.
#
# 1. Drags a card to another cell and a stage header to another place,
#    saves with Ctrl+S, and checks the file written.
# 2. Edits a card's title in place (Enter, type, Enter), saves and checks
#    it, undoes with Ctrl+Z, saves and checks the title is back.
# 3. Edits a card while another editor replaces the file: Ctrl+S shows the
#    conflict dialog, and Overwrite (Alt+O) writes mine over theirs.
#
# Where to click comes from the app itself (see e2e-common.sh).
#
# Usage: test-ui-e2e.sh path/to/journey-mapper     (TAP on stdout)
set -u

APP=${1:?usage: test-ui-e2e.sh path/to/journey-mapper}
# The tools, the display, TAP, start_app, where, drag, xpath, wait_for.
. "$(dirname "$0")/e2e-common.sh"

card () {
  echo "//*[local-name()='card'][@id='$1']"
}

# 1. Drags: a card to another cell, a stage header past the next stage.
MAP=$WORK/drag.cjm
cp "$SAMPLE" "$MAP"
if ! start_app "$MAP"; then
  not_ok "the app shows its window"
  echo "1..$N"
  exit 1
fi
ok "the app shows its window"

read -r X0 Y0 < <(where card-buying-guide 0.3 0.5)
read -r X1 _ < <(where step-decide-to-run 0.5 0.5)
read -r _ Y1 < <(where lane-mobile-app 0.5 0.85)
drag "$X0" "$Y0" "$X1" "$Y1"

# The whole map in view (Ctrl+9), for the stages to be.
sleep 0.5
xdotool key --clearmodifiers ctrl+9
sleep 1
read -r X0 Y0 < <(where stage-reflection 0.3 0.5)
read -r X1 Y1 < <(where stage-evaluation 0.85 0.5)
drag "$X0" "$Y0" "$X1" "$Y1"

xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$(card card-buying-guide)/@lane" lane-mobile-app &&
   [ "$(xpath "$MAP" "$(card card-buying-guide)/@step")" = step-decide-to-run ]; then
  ok "the card dragged to another cell is saved in its new lane and step"
else
  not_ok "the card dragged to another cell is saved in its new lane and step (lane: $(xpath "$MAP" "$(card card-buying-guide)/@lane"), step: $(xpath "$MAP" "$(card card-buying-guide)/@step"))"
fi

if [ "$(xpath "$MAP" "//*[local-name()='stage'][1]/@id")" = stage-evaluation ] &&
   [ "$(xpath "$MAP" "//*[local-name()='stage'][2]/@id")" = stage-reflection ]; then
  ok "the stage dragged past the next one is saved after it"
else
  not_ok "the stage dragged past the next one is saved after it (stages: $(xmllint --xpath "//*[local-name()='stage']/@id" "$MAP" | tr '\n' ' '))"
fi
stop_app

# 2. Edit in place, then undo.
MAP=$WORK/edit.cjm
cp "$SAMPLE" "$MAP"
TITLE=$(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']")
start_app "$MAP"

read -r X0 Y0 < <(where card-sponsored-posts 0.3 0.5)
xdotool mousemove --sync "$X0" "$Y0" click 1
sleep 0.3
xdotool key --clearmodifiers Return
sleep 0.3
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 20 "Checkout in three clicks"
xdotool key --clearmodifiers Return
sleep 0.3
xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']" "Checkout in three clicks"; then
  ok "the title typed in place is saved"
else
  not_ok "the title typed in place is saved (title: $(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']"))"
fi

xdotool key --clearmodifiers ctrl+z
sleep 0.3
xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']" "$TITLE"; then
  ok "Ctrl+Z undoes the edit in one step, and the title saved is the old one"
else
  not_ok "Ctrl+Z undoes the edit in one step (title: $(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']"))"
fi

# Escape drops what was typed.
xdotool key --clearmodifiers Return
sleep 0.3
xdotool type --delay 20 "Dropped"
xdotool key --clearmodifiers Escape
sleep 0.3
xdotool key --clearmodifiers ctrl+s
sleep 1
if [ "$(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']")" = "$TITLE" ]; then
  ok "Escape drops what was typed"
else
  not_ok "Escape drops what was typed"
fi

# A double-click edits in place too.
read -r X0 Y0 < <(where card-running-club 0.3 0.5)
xdotool mousemove --sync "$X0" "$Y0" click --repeat 2 --delay 80 1
sleep 0.4
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 20 "Our club"
xdotool key --clearmodifiers Return
sleep 0.3
xdotool key --clearmodifiers ctrl+s
if wait_for "$MAP" "$(card card-running-club)/*[local-name()='title']" "Our club"; then
  ok "a double-click edits a title in place"
else
  not_ok "a double-click edits a title in place (title: $(xpath "$MAP" "$(card card-running-club)/*[local-name()='title']"))"
fi

# The file is still a valid map.
if "$APP" --validate "$MAP" >/dev/null 2>&1; then
  ok "the saved map is valid"
else
  not_ok "the saved map is valid"
fi
stop_app

# 3. Someone else saved the map meanwhile: Ctrl+S asks what to do, and
#    Overwrite puts mine in place of theirs.
MAP=$WORK/conflict.cjm
cp "$SAMPLE" "$MAP"
CLUB=$(xpath "$MAP" "$(card card-running-club)/*[local-name()='title']")
start_app "$MAP"

# Mine: a title edited in place, not saved.
read -r X0 Y0 < <(where card-sponsored-posts 0.3 0.5)
xdotool mousemove --sync "$X0" "$Y0" click 1 sleep 0.3 key --clearmodifiers Return sleep 0.3 \
  key --clearmodifiers ctrl+a
# (type takes the rest of the line as its text)
xdotool type --delay 20 "Mine"
xdotool key --clearmodifiers Return sleep 0.3

# Theirs: another editor writes its version beside the map and renames it over.
sed "s|<title>$CLUB</title>|<title>Theirs</title>|" "$MAP" >"$WORK/theirs.cjm"
mv "$WORK/theirs.cjm" "$MAP"
sleep 0.5
xdotool windowfocus --sync "$WINDOW" 2>/dev/null
xdotool key --clearmodifiers ctrl+s

# The dialog: a second window of the app (30 s at most).
DIALOG=
for _ in $(seq 300); do
  DIALOG=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | grep -vx "$WINDOW" | head -n 1)
  [ -n "$DIALOG" ] && break
  sleep 0.1
done
if [ -n "$DIALOG" ] &&
   [ "$(xpath "$MAP" "$(card card-running-club)/*[local-name()='title']")" = Theirs ] &&
   [ "$(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']")" != Mine ]; then
  ok "saving over a map someone else saved asks what to do, and writes nothing yet"
else
  not_ok "saving over a map someone else saved asks what to do, and writes nothing yet (dialog: ${DIALOG:-none})"
fi

# Overwrite, from the keyboard (its mnemonic).
sleep 0.5
[ -n "$DIALOG" ] && xdotool windowfocus --sync "$DIALOG" 2>/dev/null
xdotool key --clearmodifiers alt+o
if wait_for "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']" Mine &&
   [ "$(xpath "$MAP" "$(card card-running-club)/*[local-name()='title']")" = "$CLUB" ]; then
  ok "Overwrite writes my version in place of theirs"
else
  not_ok "Overwrite writes my version in place of theirs (titles: $(xpath "$MAP" "$(card card-sponsored-posts)/*[local-name()='title']"), $(xpath "$MAP" "$(card card-running-club)/*[local-name()='title']"))"
fi
if [ -z "$(find "$WORK" -maxdepth 1 \( -name '*.tmp' -o -name '*.bak' -o -name '*~' \))" ]; then
  ok "Overwrite leaves no temporary file or backup beside the map"
else
  not_ok "Overwrite leaves no temporary file or backup beside the map ($(ls -A "$WORK" | tr '\n' ' '))"
fi
stop_app

echo "1..$N"
exit $FAILED
