#!/usr/bin/env bash
# A Docker engine of brokerwatch's own for the Testcontainers tests (docs/testcontainers.md).
#
#   scripts/docker-engine.sh start    start dockerd in the background (idempotent), wait until it answers
#   scripts/docker-engine.sh stop     stop exactly the dockerd that `start` recorded, undo its mounts
#   scripts/docker-engine.sh status   running or not (exit 0 / 3), with its pid and socket
#   scripts/docker-engine.sh env      print `export DOCKER_HOST=...` for this engine (eval "$(... env)")
#   scripts/docker-engine.sh image    build the local JRE image if it is missing (tests/docker/build-jre-image.sh)
#
# Installs nothing: `scripts/install-test-deps.sh --docker` installs docker.io and debootstrap. Run as root.
# The engine has no bridge network, no iptables/ip forwarding/masquerading (only the `host` and `none`
# networks exist), its own data root (kept between runs: the image cache), exec root, pid file, config
# file and unix socket, so it does not clash with another Docker on the machine. Images are never pulled.
#
# Environment (all optional):
#   BROKERWATCH_DOCKER_CACHE  data root and logs   (default /var/cache/brokerwatch/docker)
#   BROKERWATCH_DOCKER_RUN    socket, pid, exec root (default /run/brokerwatch-docker)
#   BROKERWATCH_DOCKER_START_TIMEOUT  seconds to wait for `docker info` (default 60)
set -euo pipefail

CACHE="${BROKERWATCH_DOCKER_CACHE:-/var/cache/brokerwatch/docker}"
RUN="${BROKERWATCH_DOCKER_RUN:-/run/brokerwatch-docker}"
DATA_ROOT="$CACHE/data"
EXEC_ROOT="$RUN/exec"
SOCKET="$RUN/docker.sock"
PIDFILE="$RUN/dockerd.pid"
CONFIG="$RUN/daemon.json"
LOG="$CACHE/dockerd.log"
LOCK="$RUN/lock"
NETNS_STATE="$RUN/netns-default-was-mounted"
START_TIMEOUT="${BROKERWATCH_DOCKER_START_TIMEOUT:-60}"
DOCKER_HOST_URL="unix://$SOCKET"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "docker-engine: $*" >&2; }
die() { echo "docker-engine: $*" >&2; exit 1; }

# Debian's client (20.10) talks to Debian's daemon; another client earlier on the PATH also works
# (API version negotiation), but prefer the matching one.
docker_cli() {
  if [[ -x /usr/bin/docker ]]; then
    DOCKER_HOST="$DOCKER_HOST_URL" /usr/bin/docker "$@"
  else
    DOCKER_HOST="$DOCKER_HOST_URL" docker "$@"
  fi
}

recorded_pid() {
  [[ -s "$PIDFILE" ]] && cat "$PIDFILE" || true
}

# True if the recorded pid is a live dockerd (not a recycled pid of something else).
our_dockerd_alive() {
  local pid
  pid="$(recorded_pid)"
  [[ -n "$pid" ]] || return 1
  [[ -r "/proc/$pid/comm" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]]
}

answers() {
  timeout 10 bash -c "$(declare -f docker_cli); DOCKER_HOST_URL='$DOCKER_HOST_URL' docker_cli info >/dev/null 2>&1"
}

require_root() {
  [[ "$(id -u)" == 0 ]] || die "must run as root (dockerd needs it)"
}

# Mount points below a directory, deepest first.
mounts_below() {
  local dir="$1"
  awk -v d="$dir/" 'index($2 "/", d) == 1 { print $2 }' /proc/self/mounts | sort -r
}

unmount_leftovers() {
  local m
  for dir in "$EXEC_ROOT" "$DATA_ROOT"; do
    while read -r m; do
      [[ -n "$m" ]] || continue
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "could not unmount $m"
    done < <(mounts_below "$dir")
  done
  # dockerd's default network namespace file: under our exec root normally, but older daemons use
  # /run/docker/netns/default. Unmount that one only if it was not mounted before our start.
  if [[ -f "$NETNS_STATE" && "$(cat "$NETNS_STATE")" == no ]] && mountpoint -q /run/docker/netns/default 2>/dev/null; then
    umount /run/docker/netns/default 2>/dev/null || umount -l /run/docker/netns/default 2>/dev/null || true
  fi
  rm -f "$NETNS_STATE"
}

cmd_start() {
  require_root
  command -v dockerd >/dev/null || die "dockerd is not installed: run scripts/install-test-deps.sh --docker"
  mkdir -p "$RUN" "$DATA_ROOT" "$EXEC_ROOT"
  exec 9>"$LOCK"
  flock -w 120 9 || die "another docker-engine.sh holds $LOCK"

  if our_dockerd_alive; then
    if answers; then
      log "already running (pid $(recorded_pid), $DOCKER_HOST_URL)"
      echo "export DOCKER_HOST=$DOCKER_HOST_URL"
      return 0
    fi
    die "dockerd pid $(recorded_pid) is alive but does not answer on $SOCKET; run: $0 stop"
  fi
  # a stale pid file or socket from an engine that died
  rm -f "$PIDFILE" "$SOCKET"
  unmount_leftovers

  if mountpoint -q /run/docker/netns/default 2>/dev/null; then echo yes >"$NETNS_STATE"; else echo no >"$NETNS_STATE"; fi
  # an empty config file of our own: /etc/docker/daemon.json (if any) must not change this engine
  echo '{}' >"$CONFIG"
  : >"$LOG"
  log "starting dockerd (data root $DATA_ROOT, socket $SOCKET, log $LOG)"
  # fd 9 (the lock) is closed for dockerd, or it would hold the lock for its whole life.
  # setsid: its own session, so a Ctrl-C in the calling shell does not reach it; stopped by pid only
  setsid dockerd \
    --config-file "$CONFIG" \
    --data-root "$DATA_ROOT" \
    --exec-root "$EXEC_ROOT" \
    --pidfile "$PIDFILE" \
    --host "$DOCKER_HOST_URL" \
    --bridge=none \
    --iptables=false \
    --ip6tables=false \
    --ip-forward=false \
    --ip-masq=false \
    --userland-proxy=false \
    --log-level=warn \
    </dev/null >>"$LOG" 2>&1 9>&- &
  local launched=$!
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$launched" 2>/dev/null && ! our_dockerd_alive; then
      tail -n 30 "$LOG" >&2 || true
      rm -f "$PIDFILE"
      unmount_leftovers
      die "dockerd exited while starting (see $LOG)"
    fi
    if answers; then
      # dockerd wrote its own pid file (setsid does not fork here, so it is normally $launched)
      our_dockerd_alive || echo "$launched" >"$PIDFILE"
      log "running: pid $(recorded_pid), $(docker_cli version --format '{{.Server.Version}}' 2>/dev/null), networks: $(docker_cli network ls --format '{{.Name}}' | tr '\n' ' ')"
      echo "export DOCKER_HOST=$DOCKER_HOST_URL"
      return 0
    fi
    sleep 0.2
  done
  tail -n 30 "$LOG" >&2 || true
  kill -TERM "$launched" 2>/dev/null || true
  sleep 2
  kill -KILL "$launched" 2>/dev/null || true
  rm -f "$PIDFILE"
  unmount_leftovers
  die "dockerd did not answer within ${START_TIMEOUT}s (see $LOG); stopped it again"
}

cmd_stop() {
  require_root
  mkdir -p "$RUN"
  exec 9>"$LOCK"
  flock -w 120 9 || die "another docker-engine.sh holds $LOCK"
  if ! our_dockerd_alive; then
    log "not running"
    rm -f "$PIDFILE" "$SOCKET"
    unmount_leftovers
    return 0
  fi
  local pid
  pid="$(recorded_pid)"
  # containers left over by a test that died: stop them first (a broker gets its controlled shutdown)
  local left
  left="$(docker_cli ps -q 2>/dev/null || true)"
  if [[ -n "$left" ]]; then
    log "stopping leftover containers: $(echo "$left" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    timeout 60 bash -c "$(declare -f docker_cli); DOCKER_HOST_URL='$DOCKER_HOST_URL' docker_cli stop -t 10 $left >/dev/null 2>&1" || true
  fi
  log "stopping dockerd pid $pid"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd pid $pid still alive after 30s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PIDFILE" "$SOCKET"
  unmount_leftovers
  log "stopped"
}

cmd_status() {
  if our_dockerd_alive && answers; then
    echo "running: pid $(recorded_pid), DOCKER_HOST=$DOCKER_HOST_URL, data root $DATA_ROOT"
    return 0
  fi
  if our_dockerd_alive; then
    echo "dockerd pid $(recorded_pid) alive but not answering on $SOCKET"
    return 1
  fi
  echo "not running (DOCKER_HOST would be $DOCKER_HOST_URL)"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) echo "export DOCKER_HOST=$DOCKER_HOST_URL" ;;
  image)
    shift
    our_dockerd_alive && answers || die "the engine is not running: $0 start"
    DOCKER_HOST="$DOCKER_HOST_URL" BROKERWATCH_DOCKER_CACHE="$CACHE" \
      exec "$HERE/../tests/docker/build-jre-image.sh" "$@" ;;
  -h|--help|"")
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    [[ -n "${1:-}" ]] ;;
  *) die "unknown command: $1 (start|stop|status|env|image)" ;;
esac
