# scenarios.sh: two (or three) apps editing one map in a folder, local or
# shared. Source driver.sh first, then call shared_map_scenarios.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

: "${CJM_SOURCE_ROOT:?set by meson}"

seed_map="$CJM_SOURCE_ROOT/tests/shared-drive/seed.cjm"

# lock_of LOCATION: the lock file of a map ('#' escaped in a URI).
lock_of () {
  local dir=${1%/*} name=${1##*/}
  if [[ $1 == *://* ]]; then
    echo "$dir/.~lock.$name%23"
  else
    echo "$dir/.~lock.$name#"
  fi
}

# retry COMMAND...: runs COMMAND until it works, 10 times at most: on a
# Samba share, a file another client has open is busy for a moment.
retry () {
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    "$@" 2>/dev/null && return 0
    sleep 0.3
  done
  "$@"
}

# exists LOCATION: whether there is a file there.
exists () {
  gio info "$1" >/dev/null 2>&1
}

# no_leftovers DIR: whether no temporary file, backup or lock file is in
# DIR (those found are told).
no_leftovers () {
  local left
  left=$(gio list -h "$1" | grep -E '\.tmp$|\.bak$|^\.~lock\.')
  [ -z "$left" ] && return 0
  sed 's/^/# left: /' <<<"$left"
  return 1
}

# put_seed LOCATION: writes the seed map there (modified now), as a third
# app would.
put_seed () {
  retry bash -c 'gio save "$1" <"$2" >/dev/null' _ "$1" "$seed_map"
}

# wait_for_mtime LOCATION SECONDS [ENV]: waits until LOCATION, looked at
# with ENV, shows that modification time (a FUSE mount's cache may show the
# old one for a moment after it was set on the server's disk); 30 s at most.
wait_for_mtime () {
  local location=$1 mtime=$2 env=${3:-CJM_APP=}
  for _ in $(seq 150); do
    env "$env" gio info -a time::modified "$location" 2>/dev/null |
      grep -qx "  time::modified: $mtime" && return 0
    sleep 0.2
  done
  echo "# $location never showed the modification time $mtime"
  return 1
}

# metadata_of REPLY: the etag, size and time in a driver's state.
metadata_of () {
  sed -n 's/.*\(etag=[^ ]* size=[^ ]* mtime=[^ ]*\).*/\1/p' <<<"$1"
}

# shared_map_scenarios DIR_A DIR_B LABEL DISK_DIR [ENV_A] [ENV_B]
#   DIR_A, DIR_B: the same folder, as app A and app B reach it (the same
#   path or URI, or an smb:// URI and its GVfs FUSE path); DISK_DIR: that
#   folder on the local disk (the share's backing folder), where the test
#   sets files' times; ENV_A, ENV_B: environment for each app (e.g.
#   GIO_USE_VFS=local for a FUSE path).
shared_map_scenarios () {
  local dir_a=$1 dir_b=$2 label=$3 disk_dir=$4 env_a=${5:-CJM_APP=A} env_b=${6:-CJM_APP=B}
  local opts=(-- --poll-ms 300 --lock-refresh 1 --lock-stale 600)
  local map_a map_b seed_mtime seen_b hash_now

  map_a="$dir_a/locks.cjm"
  map_b="$dir_b/locks.cjm"
  put_seed "$map_a"

  # Locks
  drv_start a "$env_a" "${opts[@]}"
  drv_start b "$env_b" "${opts[@]}"
  drv a open "$map_a"
  check_reply "$label: the first app takes the lock" "ok opened lock=held read-only=0*"
  drv b open "$map_b"
  check_reply "$label: the second is told who edits the map" \
    "error locked: open: Being edited by * on $(hostname) since *"
  drv b open "$map_b" read-only
  check_reply "$label: it can open it read-only" "ok opened lock=not-held read-only=1*"
  drv b title "Read-only edit"
  drv b save
  check_reply "$label: read-only refuses to save over the file" "error read-only:*Save As*"
  drv b open "$map_b" anyway
  check_reply "$label: or open it anyway, the lock staying the other's" "ok opened lock=not-held read-only=0*owner=*"
  drv_stop a
  drv b wait-change 10 lock-taken
  check_reply "$label: the lock is taken once the other closes" "ok*lock-taken*"
  drv_stop b

  # A crashed app leaves a stale lock: taken over.
  drv_start a "$env_a" "${opts[@]}"
  drv a open "$map_a"
  drv_kill a
  check "$label: a crashed app leaves its lock file" exists "$(lock_of "$map_a")"
  drv_start b "$env_b" "${opts[@]}"
  drv b open "$map_b"
  check_reply "$label: its stale lock (dead process) is taken over" "ok opened lock=held*"
  drv_stop b
  check "$label: closing removes the lock file" bash -c "! gio info '$(lock_of "$map_a")' >/dev/null 2>&1"

  # Two saves that look alike: over SMB the etag is the modification time
  # in whole seconds, so two saves of the same size within one second
  # leave size, etag and time as they were. Rather than race the clock,
  # the other app's save is given back, on the server's disk, the time the
  # first version had: only the content hash can tell them apart.
  map_a="$dir_a/second.cjm"
  map_b="$dir_b/second.cjm"
  put_seed "$map_a"
  # An hour before: the other app's save changes the time, for sure.
  seed_mtime=$(($(date +%s) - 3600))
  touch -m -d "@$seed_mtime" "$disk_dir/second.cjm"
  wait_for_mtime "$map_a" "$seed_mtime" "$env_a"
  wait_for_mtime "$map_b" "$seed_mtime" "$env_b"
  drv_start a "$env_a" "${opts[@]}"
  drv_start b "$env_b" "${opts[@]}"
  drv_start c "$env_b" "${opts[@]}"
  drv a open "$map_a"
  drv b open "$map_b" anyway
  check_reply "$label: B opens the map as it was when given its time" "ok opened * mtime=$seed_mtime.000000 *"
  seen_b=$(metadata_of "$REPLY")
  drv c open "$map_b" read-only
  drv a card-title card-1 Guide AAAA
  drv b card-title card-2 Reviews BBBB
  drv a save
  check_reply "$label: A saves" "ok saved modified=0*"
  drv c wait-change 10 reloaded
  check_reply "$label: an app with nothing unsaved reloads by itself (polling)" "ok*reloaded*"
  # A's version, the same size, at the time the seed had.
  touch -m -d "@$seed_mtime" "$disk_dir/second.cjm"
  wait_for_mtime "$map_b" "$seed_mtime" "$env_b"
  drv b disk-state
  check "$label: the other's save now has the etag, size and time B saw ($seen_b)" \
    test "$(metadata_of "$REPLY")" = "$seen_b"
  hash_now=$(sed -n 's/^ok .* hash=\([0-9a-f]\+\)$/\1/p' <<<"$REPLY")
  drv b state
  check "$label: only the content hash differs (${hash_now:-none}, not ${REPLY##* hash=})" \
    test -n "$hash_now" -a "$hash_now" != "${REPLY##* hash=}"
  drv b save
  check_reply "$label: the second save is refused: changed on disk" \
    "error changed-on-disk:*reload it, merge your changes*"
  check "$label: the other's version is intact" grep -q "<title>Guide AAAA</title>" "$disk_dir/second.cjm"
  drv b status
  check_reply "$label: the refused map stays open and modified" "ok modified=1 * changed-on-disk=1*"
  drv c get-card card-1
  check_reply "$label: and shows the other's change" "ok Guide AAAA|*"
  drv c undo
  drv c get-card card-1
  check_reply "$label: undo takes the reload back" "ok Guide aaaa|*"
  drv c redo

  # Merge: changes to different cards combine.
  drv a forget-events
  drv b merge
  check_reply "$label: merging the other's version finds no conflict" "ok merged conflicts=0 modified=1"
  drv b save
  check_reply "$label: the merged map saves" "ok saved modified=0*"
  drv a wait-change 10 reloaded
  drv a get-card card-1
  check_reply "$label: both changes are in the file (mine)" "ok Guide AAAA|*"
  drv a get-card card-2
  check_reply "$label: both changes are in the file (theirs)" "ok Reviews BBBB|*"

  # The same card changed by both: a conflict to pick.
  drv a forget-events
  drv b forget-events
  drv a card-title card-3 Note from A
  drv b card-title card-3 Note from B
  drv b card-title card-1 Guide from B
  drv a save
  check_reply "$label: A saves" "ok saved*"
  drv b wait-change 10 changed
  check_reply "$label: B, with unsaved changes, is told the file changed" "ok*changed*"
  drv b merge theirs
  check "$label: the conflict names the card, the field and the three values" \
    grep -q "^conflict card-3 title base=Note cccc mine=Note from B theirs=Note from A" <<<"$DETAILS"
  check_reply "$label: one conflict" "ok merged conflicts=1*"
  drv b get-card card-3
  check_reply "$label: their value was picked" "ok Note from A|*"
  drv b get-card card-1
  check_reply "$label: my other change stays" "ok Guide from B|*"
  drv b save
  check_reply "$label: and saves" "ok saved modified=0*"

  # A file deleted while open.
  drv a wait-change 10 reloaded
  drv a forget-events
  retry gio remove "$map_a"
  drv a wait-change 15 deleted
  check_reply "$label: a deleted file is noticed" "ok*deleted*"
  drv a title Still here
  drv a save
  check_reply "$label: saving does not recreate it silently" "error deleted-on-disk:*"
  drv a save overwrite
  check_reply "$label: unless told to" "ok saved modified=0*"
  check "$label: the file is back" exists "$map_a"

  drv_stop_all
  check "$label: no temporary file, backup or lock is left" no_leftovers "$dir_a"
}
