#!/bin/bash
# test-shared-drive.sh: two apps editing one map on a real network drive.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts Samba's smbd on loopback (a private configuration, port 4455 or
# the next free one, a guest share in a temporary folder), then, in a
# private D-Bus session,
# GVfs: gvfsd, which mounts the share with `gio mount -a` and exposes it
# through FUSE in $XDG_RUNTIME_DIR/gvfs. The apps (cjm-share-driver, the
# core without a display) reach the share as GNOME users do:
#
#   - by its URI, smb://127.0.0.1:4455/share/… (GIO's GVfs backend: no
#     file monitor, whole-second etags, replace deleting then renaming);
#   - by its FUSE path, $XDG_RUNTIME_DIR/gvfs/smb-share:port=4455,server=
#     127.0.0.1,share=share/… opened as a plain local file (GIO_USE_VFS=
#     local, as in a sandbox): inotify sees nothing, files cannot be opened
#     to be rewritten, etags are whole seconds again;
#   - one app each way, on the same file.
#
# Needs samba, gvfs-backends, gvfs-fuse, dbus and /dev/fuse (build-aux/
# install-deps --test); fails, saying what is missing, without them.

set -u

: "${CJM_SOURCE_ROOT:?set by meson}"
: "${CJM_SHARE_DRIVER:?set by meson}"

here="$CJM_SOURCE_ROOT/tests/shared-drive"

if [ "${1:-}" != "--inside-session" ]; then
  missing=()
  for program in smbd dbus-run-session gio smbclient; do
    command -v "$program" >/dev/null || missing+=("$program")
  done
  [ -x /usr/libexec/gvfsd ] || missing+=("gvfsd (gvfs)")
  [ -x /usr/libexec/gvfsd-smb ] || missing+=("gvfsd-smb (gvfs-backends)")
  [ -x /usr/libexec/gvfsd-fuse ] || missing+=("gvfsd-fuse (gvfs-fuse)")
  [ -c /dev/fuse ] || missing+=("/dev/fuse")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Bail out! missing: ${missing[*]} (run build-aux/install-deps --test)"
    exit 1
  fi

  started=$(date +%s%N)
  top=$(mktemp -d /tmp/cjm-share.XXXXXX)
  chmod 0755 "$top"
  mkdir -p "$top/share" "$top/samba"/{private,lock,state,cache,pid,log,ncalrpc}
  chmod 0777 "$top/share"
  user=$(id -un)

  write_config () {
    cat >"$top/smb.conf" <<EOF
[global]
  server role = standalone server
  smb ports = $port
  interfaces = lo
  bind interfaces only = yes
  disable netbios = yes
  server min protocol = SMB2
  private dir = $top/samba/private
  lock directory = $top/samba/lock
  state directory = $top/samba/state
  cache directory = $top/samba/cache
  pid directory = $top/samba/pid
  ncalrpc dir = $top/samba/ncalrpc
  log file = $top/samba/log/log.%m
  log level = 1
  map to guest = Bad User
  guest account = $user
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
[share]
  path = $top/share
  read only = no
  guest ok = yes
  guest only = yes
  force user = $user
EOF
  }

  smbd_pid=""
  stop_smbd () {
    local children
    [ -n "$smbd_pid" ] || return 0
    children=$(pgrep -P "$smbd_pid" 2>/dev/null)
    kill "$smbd_pid" $children 2>/dev/null
    wait "$smbd_pid" 2>/dev/null
    smbd_pid=""
  }
  cleanup () {
    stop_smbd
    rm -rf "$top"
  }
  trap cleanup EXIT
  trap 'exit 1' INT TERM HUP

  # Is our share the one served there (not another build's tests' server)?
  served () {
    smbclient -N -p "$port" //127.0.0.1/share -c 'get .cjm-test-share -' 2>/dev/null | grep -qx "$top"
  }
  echo "$top" >"$top/share/.cjm-test-share"

  # The first port where our smbd starts: another build's tests may hold
  # 4455 at the same time. One test at a time picks its port (smbd binds
  # with SO_REUSEPORT: two could share one and take each other's clients).
  exec {port_lock}>/tmp/cjm-test-smb-port.lock
  flock "$port_lock"
  port=""
  for candidate in ${CJM_TEST_SMB_PORT:-$(seq 4455 4474)}; do
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && continue
    port=$candidate
    write_config
    # In a session of its own: an smbd that cannot bind its port signals
    # its whole process group on the way out, this script included.
    setsid smbd --foreground --no-process-group --debug-stdout -s "$top/smb.conf" \
      >"$top/samba/log/smbd.out" 2>&1 &
    smbd_pid=$!
    for _ in $(seq 100); do
      served && break
      kill -0 "$smbd_pid" 2>/dev/null || break
      sleep 0.1
    done
    served && break
    stop_smbd
    port=""
  done
  flock -u "$port_lock"
  exec {port_lock}>&-
  if [ -z "$port" ]; then
    echo "Bail out! smbd did not start on any port of ${CJM_TEST_SMB_PORT:-4455-4474}:"
    sed 's/^/# /' "$top/samba/log/smbd.out" | tail -n 20
    exit 1
  fi
  echo "# smbd $(smbd --version | sed 's/Version //') on 127.0.0.1:$port, share in $top/share," \
       "up in $((($(date +%s%N) - started) / 1000000)) ms"

  CJM_TEST_TOP=$top CJM_TEST_SMBD_PID=$smbd_pid CJM_TEST_PORT=$port \
    dbus-run-session -- bash "$0" --inside-session 2> >(grep -v 'Failed to set fd limit' >&2)
  status=$?
  echo "# the network suite took $((($(date +%s%N) - started) / 1000000)) ms"
  exit $status
fi

# Inside the private D-Bus session.
top=$CJM_TEST_TOP
port=$CJM_TEST_PORT
workdir="$top/work"
mkdir -p "$workdir"
# shellcheck source=driver.sh
. "$here/driver.sh"
# shellcheck source=scenarios.sh
. "$here/scenarios.sh"

export XDG_RUNTIME_DIR="$top/runtime"
export XDG_STATE_HOME="$top/state"
# No disk or phone monitors: they have nothing to do with this.
export GIO_USE_VOLUME_MONITOR=unix
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_STATE_HOME"
chmod 0700 "$XDG_RUNTIME_DIR"

/usr/libexec/gvfsd --replace >"$top/gvfsd.log" 2>&1 &
gvfsd_pid=$!
uri="smb://127.0.0.1:$port/share"
fuse="$XDG_RUNTIME_DIR/gvfs/smb-share:port=$port,server=127.0.0.1,share=share"

finish () {
  drv_stop_all
  timeout 10 gio mount -u "$uri" >/dev/null 2>&1
  kill "$gvfsd_pid" 2>/dev/null
  wait "$gvfsd_pid" 2>/dev/null
}
trap finish EXIT
trap 'exit 1' INT TERM HUP

for _ in $(seq 100); do
  mountpoint -q "$XDG_RUNTIME_DIR/gvfs" && break
  sleep 0.1
done

mount_started=$(date +%s%N)
if ! timeout 30 gio mount -a "$uri" </dev/null >"$top/mount.log" 2>&1; then
  echo "Bail out! gio mount -a $uri failed:"
  sed 's/^/# /' "$top/mount.log"
  exit 1
fi
echo "# gio mount -a $uri: $((($(date +%s%N) - mount_started) / 1000000)) ms"
gio mount -l 2>/dev/null | grep -i "smb://" | sed 's/^/# /'

check "the share is mounted through GVfs" bash -c "gio mount -l 2>/dev/null | grep -q 'smb://127.0.0.1:$port/share'"
check "its FUSE path is $fuse" test -d "$fuse"
check "GIO sees a remote file system (filesystem::remote)" \
  bash -c "gio info -f '$uri/' | grep -q 'filesystem::remote: TRUE'"

gio mkdir "$uri/uri" "$uri/mixed"
mkdir "$fuse/fuse"

scenario_started=$(date +%s%N)
shared_map_scenarios "$uri/uri" "$uri/uri" "smb:// URI" "$top/share/uri"
echo "# smb:// URI: $((($(date +%s%N) - scenario_started) / 1000000)) ms"

scenario_started=$(date +%s%N)
shared_map_scenarios "$fuse/fuse" "$fuse/fuse" "FUSE path" "$top/share/fuse" GIO_USE_VFS=local GIO_USE_VFS=local
echo "# FUSE path: $((($(date +%s%N) - scenario_started) / 1000000)) ms"

scenario_started=$(date +%s%N)
shared_map_scenarios "$uri/mixed" "$fuse/mixed" "URI and FUSE path" "$top/share/mixed" CJM_APP=A GIO_USE_VFS=local
echo "# URI and FUSE path: $((($(date +%s%N) - scenario_started) / 1000000)) ms"

# What the apps wrote is what the server has.
check "the server holds the maps written through the share" \
  grep -qs "<title>Note from A</title>" "$top"/share/uri/second.cjm

# Watching: no monitor over SMB, so the apps poll.
put_seed "$uri/poll.cjm"
drv_start a -- --poll-ms 500
drv_start b GIO_USE_VFS=local -- --poll-ms 500
drv a open "$uri/poll.cjm"
drv b open "$fuse/poll.cjm" read-only
sleep 1
drv a status
check_reply "smb:// URI: the file is polled (GVfs SMB has no monitor)" "ok * polling=1 *"
drv b status
check_reply "FUSE path: the file is polled (inotify sees nothing from the server)" "ok * polling=1 *"
drv a title Polled title
drv a save
drv b wait-change 10 reloaded
check_reply "FUSE path: a change saved through the URI is seen" "ok*reloaded*"
drv b get-title
check_reply "FUSE path: and shown" "ok Polled title"
drv_stop_all

# The drive goes away while a map is open with changes.
put_seed "$uri/gone.cjm"
cp "$top/share/gone.cjm" "$workdir/gone-before.cjm"
drv_start a
drv_start b GIO_USE_VFS=local
drv a open "$uri/gone.cjm"
drv b open "$fuse/gone.cjm" anyway
drv a title Unsaved when the drive went away
drv b title Unsaved when the drive went away too
kill -KILL $(pgrep -P "$CJM_TEST_SMBD_PID") 2>/dev/null
kill -KILL "$CJM_TEST_SMBD_PID" 2>/dev/null
drv a save
check_reply "drive gone (URI): the save fails and says what to do" \
  "error *: save: *“gone.cjm”*save a copy elsewhere*"
drv a status
check_reply "drive gone (URI): the map stays open, modified" "ok modified=1 *"
drv b save
check_reply "drive gone (FUSE path): the save fails and says what to do" \
  "error *: save: *“gone.cjm”*save a copy elsewhere*"
drv b status
check_reply "drive gone (FUSE path): the map stays open, modified" "ok modified=1 *"
check "drive gone: the file on the server is unchanged" cmp -s "$top/share/gone.cjm" "$workdir/gone-before.cjm"
drv a save-as "$workdir/rescued.cjm"
check_reply "drive gone: the map can be saved elsewhere" "ok saved modified=0*"
check "drive gone: with the changes" grep -q "Unsaved when the drive went away" "$workdir/rescued.cjm"
drv_kill a
drv_kill b

drv_stop_all
check_driver_logs "shared drive"

echo "1..$n_checks"
[ "$n_failures" -eq 0 ]
