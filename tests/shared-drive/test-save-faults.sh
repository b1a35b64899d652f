#!/bin/bash
# test-save-faults.sh: saving when things go wrong, on local file systems:
# a full drive, a read-only folder, a file deleted or replaced while open,
# a lock held by another process, two processes saving in turn, a crash.
# After each: nothing lost, the right error, the document still open.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Mounts small tmpfs file systems: needs root (CI runs as root). Without
# the right to mount, the test fails, saying so: it does not skip.

set -u

: "${CJM_SOURCE_ROOT:?set by meson}"

here="$CJM_SOURCE_ROOT/tests/shared-drive"
# shellcheck source=driver.sh
. "$here/driver.sh"
# shellcheck source=scenarios.sh
. "$here/scenarios.sh"

workdir=$(mktemp -d /tmp/cjm-faults.XXXXXX)
mounts=()
export XDG_STATE_HOME="$workdir/state"
mkdir -p "$XDG_STATE_HOME"

cleanup () {
  drv_stop_all
  for m in "${mounts[@]}"; do
    umount -l "$m" 2>/dev/null
  done
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# small_tmpfs DIR SIZE: mounts a tmpfs of SIZE on DIR.
small_tmpfs () {
  mkdir -p "$1"
  if ! mount -t tmpfs -o "size=$2,mode=0777" cjm-test "$1"; then
    echo "Bail out! cannot mount a tmpfs (uid $(id -u)): these tests need root, as in CI"
    exit 1
  fi
  mounts+=("$1")
}

sample="$CJM_SOURCE_ROOT/data/samples/running-shoes.cjm"
long_title=$(head -c 40000 /dev/zero | tr '\0' 'x')
mid_title=$(head -c 3000 /dev/zero | tr '\0' 'y')

# --- A full drive ------------------------------------------------------
full="$workdir/full"
small_tmpfs "$full" 64k
cp "$sample" "$full/map.cjm"
cp "$sample" "$workdir/original.cjm"
drv_start a
drv a open "$full/map.cjm"
drv a title "$long_title"
drv a save
check_reply "full drive: the save fails, saying so" "error no-space: save: There is not enough space on the drive to save “map.cjm”. The file on the drive was not changed. Free some space*"
check "full drive: the file is unchanged" cmp -s "$full/map.cjm" "$workdir/original.cjm"
check "full drive: no temporary file or backup is left" test "$(ls -A "$full")" = "$(printf '%s\n' .~lock.map.cjm\# map.cjm)"
drv a status
check_reply "full drive: the map stays open, modified" "ok modified=1 *"

# Room for the new file, not for a copy of the old one: of the 16 pages of
# 4 KiB, the map takes 7 and its lock 1; the new map takes 8. The backup
# is a hard link, the replace a rename: it saves.
drv a title "$mid_title"
drv a save
check_reply "nearly full drive: the new version fits, and is saved" "ok saved modified=0*"
check "nearly full drive: the new content is there" grep -q "<title>yyyy" "$full/map.cjm"
check "nearly full drive: no temporary file or backup is left" test "$(ls -A "$full" | wc -l)" = 2
cp "$full/map.cjm" "$workdir/saved.cjm"

# Full to the last byte: nothing fits.
head -c 1m /dev/zero >"$full/filler" 2>/dev/null
drv a title "Short again"
drv a save
check_reply "full drive: still refused" "error no-space:*"
check "full drive: the saved version is unchanged" cmp -s "$full/map.cjm" "$workdir/saved.cjm"
rm -f "$full/filler"
drv a save
check_reply "full drive: once there is room, the save works" "ok saved modified=0*"
check "full drive: the new content is there" grep -q "<title>Short again</title>" "$full/map.cjm"
drv_stop a

# --- A read-only folder --------------------------------------------------
ro="$workdir/ro"
small_tmpfs "$ro" 1m
cp "$sample" "$ro/map.cjm"
drv_start a
drv a open "$ro/map.cjm"
mount -o remount,ro "$ro"
drv a title "Changed on a read-only drive"
drv a save
check_reply "read-only drive: the save fails, saying why and what to do" \
  "error permission-denied: save: You cannot save “map.cjm” in the folder “$ro”: *Read-only file system*The file on the drive was not changed. Save a copy elsewhere*"
check "read-only drive: the file is unchanged" cmp -s "$ro/map.cjm" "$sample"
drv a status
check_reply "read-only drive: the map stays open, modified" "ok modified=1 *"
drv a save-as "$workdir/copy.cjm"
check_reply "read-only drive: a copy can be saved elsewhere" "ok saved modified=0*"
check "read-only drive: the copy has the change" grep -q "Changed on a read-only drive" "$workdir/copy.cjm"
drv_stop a
drv_start a
drv a open "$ro/map.cjm"
check_reply "read-only drive: a file there opens read-only" "ok opened lock=not-held read-only=1*"
drv_stop a

# As a user who may write the file but not the folder (root ignores
# permissions: the app runs as nobody here).
perm="$workdir/perm"
mkdir -p "$perm/state"
chmod 0777 "$perm/state"
cp "$sample" "$perm/map.cjm"
chmod 0666 "$perm/map.cjm"
chmod 0555 "$perm"
chmod 0755 "$workdir"
if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  CJM_SHARE_DRIVER_REAL=$CJM_SHARE_DRIVER
  CJM_SHARE_DRIVER="$workdir/as-nobody"
  printf '#!/bin/sh\nexec setpriv --reuid=nobody --regid=nogroup --clear-groups "%s" "$@"\n' \
    "$CJM_SHARE_DRIVER_REAL" >"$CJM_SHARE_DRIVER"
  chmod 0755 "$CJM_SHARE_DRIVER"
  drv_start n XDG_STATE_HOME="$perm/state" HOME="$perm/state"
  drv n open "$perm/map.cjm"
  check_reply "read-only folder: the map opens (no lock file can be made there)" "ok opened lock=not-held read-only=0*"
  drv n title "Changed in a read-only folder"
  drv n save
  check_reply "read-only folder: the save fails: permission denied" \
    "error permission-denied: save: You cannot save “map.cjm” in the folder “$perm”: *Permission denied*"
  check "read-only folder: the file is unchanged" cmp -s "$perm/map.cjm" "$sample"
  drv n status
  check_reply "read-only folder: the map stays open, modified" "ok modified=1 *"
  drv_stop n

  # A shared folder with the sticky bit (as /tmp), the map another user's:
  # renaming over it is refused ("Operation not permitted"), writing it is
  # allowed. The content is copied over it, the backup kept meanwhile.
  sticky="$workdir/sticky"
  mkdir -p "$sticky"
  chmod 1777 "$sticky"
  cp "$sample" "$sticky/map.cjm"
  chmod 0666 "$sticky/map.cjm"
  drv_start n XDG_STATE_HOME="$perm/state" HOME="$perm/state"
  drv n open "$sticky/map.cjm"
  drv n title "Copied over the file"
  drv n save
  check_reply "rename refused (sticky folder): saved by copying over the file" "ok saved modified=0*"
  check "rename refused: the new content is there" grep -q "<title>Copied over the file</title>" "$sticky/map.cjm"
  check "rename refused: the file is still its owner's (rewritten, not replaced)" \
    test "$(stat -c %U "$sticky/map.cjm")" = root
  drv_stop n
  check "rename refused: no temporary file, backup or lock is left" test "$(ls -A "$sticky")" = map.cjm
  CJM_SHARE_DRIVER=$CJM_SHARE_DRIVER_REAL
else
  check "read-only folder: setpriv and the nobody user are available" false
fi
chmod 0755 "$perm"

# --- Deleted, replaced while open ----------------------------------------
local_dir="$workdir/local"
mkdir -p "$local_dir"
cp "$sample" "$local_dir/map.cjm"
drv_start a
drv a open "$local_dir/map.cjm"
drv a title "Mine"
rm "$local_dir/map.cjm"
drv a wait-change 10 deleted
check_reply "deleted while open: noticed" "ok*deleted*"
drv a save
check_reply "deleted while open: not recreated silently" "error deleted-on-disk: save: “map.cjm” was deleted or moved*"
drv a save overwrite
check_reply "deleted while open: recreated when told to" "ok saved modified=0*"
check "deleted while open: the file holds the map" grep -q "<title>Mine</title>" "$local_dir/map.cjm"

# Replaced by another editor (write a copy, rename it over).
drv a forget-events
sed 's|<title>Mine</title>|<title>Theirs</title>|' "$local_dir/map.cjm" >"$local_dir/new.cjm"
mv "$local_dir/new.cjm" "$local_dir/map.cjm"
drv a wait-change 10 reloaded
check_reply "replaced while open, nothing unsaved: reloaded" "ok*reloaded*"
drv a get-title
check_reply "replaced while open: their version shows" "ok Theirs"
drv a undo
drv a get-title
check_reply "replaced while open: undo brings mine back" "ok Mine"
drv a forget-events
drv a card-title card-reviews-site Mine too
sed 's|<title>Mine</title>|<title>Theirs again</title>|; s|<title>Theirs</title>|<title>Theirs again</title>|' \
  "$local_dir/map.cjm" >"$local_dir/new.cjm"
mv "$local_dir/new.cjm" "$local_dir/map.cjm"
drv a wait-change 10 changed
check_reply "replaced while open, with unsaved changes: told, not reloaded" "ok*changed*"
drv a save
check_reply "replaced while open: my save is refused" "error changed-on-disk:*"
check "replaced while open: their file is intact" grep -q "<title>Theirs again</title>" "$local_dir/map.cjm"
drv_stop a

# --- Locks, two processes, in turn ----------------------------------------
shared_map_scenarios "$local_dir" "$local_dir" "local folder" "$local_dir"

# A foreign lock, fresh or abandoned (another host: its process cannot be seen).
cp "$sample" "$local_dir/foreign.cjm"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
printf '[Lock]\nUser=marc\nRealName=Marc Durand\nHost=laptop-marc\nPid=1\nSince=%s\nRefreshed=%s\nToken=abc\n' \
  "$now" "$now" >"$local_dir/.~lock.foreign.cjm#"
drv_start a
drv a open "$local_dir/foreign.cjm"
check_reply "a lock from another computer: who, where, since when" \
  "error locked: open: Being edited by Marc Durand on laptop-marc since *"
printf '[Lock]\nUser=marc\nHost=laptop-marc\nPid=1\nSince=2020-01-01T10:00:00Z\nRefreshed=2020-01-01T10:00:00Z\nToken=abc\n' \
  >"$local_dir/.~lock.foreign.cjm#"
drv a open "$local_dir/foreign.cjm"
check_reply "a lock not refreshed for long is stale: taken over" "ok opened lock=held*"
drv_stop a

# --- A crash: the next start recovers the edits --------------------------
drv_start a -- --autosave 1
drv a open "$local_dir/map.cjm"
drv a title "Edited before the crash"
drv a card-title card-reviews-site Crash-proof
drv a wait-autosave 10
check_reply "crash: the edits are written to a recovery file" "ok autosaved *"
drv_kill a
drv_start b -- --autosave 1
drv b list-recovery
check_reply "crash: the next start finds one document to recover" "ok 1"
check "crash: with its file" grep -q "^recovery .* uri=file://$local_dir/map.cjm title=Edited before the crash" <<<"$DETAILS"
drv b restore-first
check_reply "crash: restored" "ok opened lock=held*"
drv b get-title
check_reply "crash: the title edit is back" "ok Edited before the crash"
drv b get-card card-reviews-site
check_reply "crash: the card edit is back" "ok Crash-proof|*"
drv b status
check_reply "crash: restored as unsaved changes" "ok modified=1 *"
drv b save
check_reply "crash: it saves over its file" "ok saved modified=0*"
drv b list-recovery
check_reply "crash: once saved, nothing is left to recover" "ok 0"
drv_stop b

# An untitled map, never saved.
drv_start a -- --autosave 1
drv a new
drv a title "Never saved"
drv a wait-autosave 10
drv_kill a
drv_start b
drv b list-recovery
check "crash: an untitled map is recovered too" grep -q "^recovery .* uri=untitled title=Never saved" <<<"$DETAILS"
drv b restore-first
drv b get-title
check_reply "crash: the untitled map is back" "ok Never saved"
drv b close
drv b list-recovery
check_reply "crash: closing without saving discards it" "ok 0"
drv_stop b

drv_stop_all
check_driver_logs "faults"

echo "1..$n_checks"
[ "$n_failures" -eq 0 ]
