# driver.sh: runs headless Journey Mappers (cjm-share-driver) side by side
# and checks what they answer, for the shared-file tests. Source it.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   drv_start NAME [ENV=VALUE...] [-- DRIVER OPTIONS...]
#   drv NAME COMMAND...     sends a command; $REPLY is its answer, $DETAILS
#                           the lines before it; true if "ok"
#   drv_kill NAME           SIGKILL, as a crash
#   drv_stop NAME           quit, as closing the app
#   check DESCRIPTION COMMAND...   a TAP test line
#   check_reply DESCRIPTION PATTERN   whether $REPLY matches PATTERN (a glob)

: "${CJM_SHARE_DRIVER:?set by meson}"

n_checks=0
n_failures=0
drivers=()

check () {
  local description=$1
  shift
  n_checks=$((n_checks + 1))
  if "$@"; then
    echo "ok $n_checks - $description"
  else
    echo "not ok $n_checks - $description"
    echo "#   last reply: ${REPLY:-}"
    n_failures=$((n_failures + 1))
  fi
}

matches () {
  # shellcheck disable=SC2053
  [[ $1 == $2 ]]
}

check_reply () {
  check "$1" matches "$REPLY" "$2"
}

drv_start () {
  local name=$1
  shift
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    envs+=("$1")
    shift
  done
  [ "${1:-}" = "--" ] && shift

  rm -f "$workdir/$name.in" "$workdir/$name.out"
  mkfifo "$workdir/$name.in" "$workdir/$name.out"
  (
    # Not the other drivers' pipes: they would never see their end.
    for other in "${drivers[@]}"; do
      eval "fd=\${in_$other:-}"
      [ -n "$fd" ] && eval "exec $fd>&-"
      eval "fd=\${out_$other:-}"
      [ -n "$fd" ] && eval "exec $fd<&-"
    done
    exec env "${envs[@]}" "$CJM_SHARE_DRIVER" "$@" \
      <"$workdir/$name.in" >"$workdir/$name.out" 2>>"$workdir/$name.err"
  ) &
  eval "pid_$name=$!"
  local fd
  exec {fd}>"$workdir/$name.in"
  eval "in_$name=$fd"
  exec {fd}<"$workdir/$name.out"
  eval "out_$name=$fd"
  drivers+=("$name")
  drv_read "$name" 30 "(start)"
}

# drv_read NAME TIMEOUT COMMAND: reads up to the answer.
drv_read () {
  local name=$1 timeout=$2 command=$3 outfd line
  eval "outfd=\$out_$name"
  DETAILS=""
  while IFS= read -r -t "$timeout" -u "$outfd" line; do
    case $line in
      ok*|error*)
        REPLY=$line
        echo "# $name> $command => $line"
        [[ $line == ok* ]]
        return
        ;;
      *)
        DETAILS+="$line"$'\n'
        ;;
    esac
  done
  REPLY="error timeout: $name did not answer “$command” in $timeout s"
  echo "# $REPLY"
  return 1
}

drv () {
  local name=$1 infd
  shift
  eval "infd=\$in_$name"
  echo "$*" >&"$infd"
  drv_read "$name" 60 "$*"
}

drv_close_fds () {
  local name=$1 infd outfd
  eval "infd=\${in_$name:-} outfd=\${out_$name:-}"
  [ -n "$infd" ] && exec {infd}>&-
  [ -n "$outfd" ] && exec {outfd}<&-
  eval "in_$name= out_$name="
}

drv_kill () {
  local name=$1 pid
  eval "pid=\$pid_$name"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  drv_close_fds "$name"
}

drv_stop () {
  local name=$1 pid
  eval "pid=\$pid_$name"
  drv "$name" quit >/dev/null
  drv_close_fds "$name"
  wait "$pid" 2>/dev/null
}

drv_stop_all () {
  local name pid
  for name in "${drivers[@]}"; do
    eval "pid=\${pid_$name:-}"
    drv_close_fds "$name"
    if [ -n "$pid" ]; then
      # A driver that does not quit within 10 s once its input is closed
      # has hung: kill it rather than hang the test.
      timeout 10 tail --pid="$pid" -f /dev/null || kill -KILL "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
    fi
  done
  drivers=()
}

# Whether the drivers said nothing wrong on their standard error: no GLib
# warning or critical, no sanitizer report (leaks at exit included).
check_driver_logs () {
  local label=$1 bad
  bad=$(grep -lE 'CRITICAL|WARNING|ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:' \
          "$workdir"/*.err 2>/dev/null)
  if [ -n "$bad" ]; then
    for file in $bad; do
      sed 's/^/# /' "$file" | head -n 40
    done
  fi
  check "$label: no app printed a warning or a sanitizer report" test -z "$bad"
}
