#!/usr/bin/env bash
# Runs one Wharf local server and takes it down when the JVM that started it goes away.
# The JVM holds this script's stdin open; end of input means the JVM is gone (even after
# SIGKILL), so the server is stopped: TERM first, KILL after the grace period.
# Usage: guard.sh <grace-seconds> <command> [args...]
set -u
grace=$1
shift

exec 3<&0 0</dev/null
"$@" 3<&- &
child=$!

stop() {
  kill -TERM "$child" 2>/dev/null
  local i
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$child" 2>/dev/null || return 0
    sleep 0.1
  done
  pkill -KILL -P "$child" 2>/dev/null
  kill -KILL "$child" 2>/dev/null
}

trap 'stop; kill "$watcher" 2>/dev/null; exit 143' TERM INT HUP
( while IFS= read -r _ <&3; do :; done; kill -TERM $$ ) &
watcher=$!
exec 3<&-

wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
