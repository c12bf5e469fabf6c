#!/usr/bin/env bash
# Installs what brokerwatch's live tests need on a Debian 12 machine (run as root).
#
#   scripts/install-test-deps.sh            Prometheus + promtool (Debian package "prometheus")
#   scripts/install-test-deps.sh --docker   also the Docker engine pieces (docker.io, debootstrap)
#
# Idempotent: packages already present are left alone, and running it twice does nothing new.
# The Debian package ships a service that would start a Prometheus on :9090; the tests start their
# own Prometheus on free loopback ports, so the service is kept from starting (policy-rc.d) and, if
# it did start anyway, it is stopped and disabled. Kafka itself comes from Maven Central through the
# tests module's build (see tests/README.md), not from here.
set -euo pipefail

WANT_DOCKER=0
for arg in "$@"; do
  case "$arg" in
    --docker) WANT_DOCKER=1 ;;
    -h|--help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    *) echo "install-test-deps: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "install-test-deps: $*"; }

if [[ "$(id -u)" != 0 ]]; then
  echo "install-test-deps: must run as root (apt-get install)" >&2
  exit 1
fi

APT_UPDATED=0
apt_update_once() {
  if [[ "$APT_UPDATED" == 0 ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# A policy-rc.d that answers 101 ("action forbidden") keeps invoke-rc.d / deb-systemd-invoke from
# starting services while packages are installed. An existing one (containers often have it) is
# kept as it is; one we add is removed again on exit.
POLICY=/usr/sbin/policy-rc.d
OUR_POLICY=0
deny_service_starts() {
  if [[ -e "$POLICY" ]]; then
    log "$POLICY already present; leaving it as it is"
    return
  fi
  printf '#!/bin/sh\n# temporary, written by brokerwatch scripts/install-test-deps.sh\nexit 101\n' > "$POLICY"
  chmod 0755 "$POLICY"
  OUR_POLICY=1
  log "wrote a temporary $POLICY so that installed services do not start"
}
restore_service_starts() {
  if [[ "$OUR_POLICY" == 1 ]]; then
    rm -f "$POLICY"
    log "removed the temporary $POLICY"
  fi
}
trap restore_service_starts EXIT

apt_install() {
  local missing=()
  for p in "$@"; do
    if is_installed "$p"; then
      log "$p is already installed ($(dpkg-query -W -f='${Version}' "$p"))"
    else
      missing+=("$p")
    fi
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_update_once
    deny_service_starts
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

systemd_running() { [[ -d /run/systemd/system ]]; }

# Make sure the packaged Prometheus service neither runs now nor starts at boot.
keep_prometheus_service_stopped() {
  if systemd_running; then
    if systemctl is-active --quiet prometheus 2>/dev/null; then
      log "stopping the prometheus systemd service"
      systemctl stop prometheus
    fi
  elif [[ -x /etc/init.d/prometheus ]] && /etc/init.d/prometheus status >/dev/null 2>&1; then
    # No systemd (a container): the sysvinit script manages /run/prometheus.pid.
    log "stopping the prometheus init.d service"
    /etc/init.d/prometheus stop || true
  fi
  # Not at boot either. systemctl enable/disable also works offline (no systemd running).
  if command -v systemctl >/dev/null && systemctl is-enabled --quiet prometheus 2>/dev/null; then
    log "disabling the prometheus service at boot"
    systemctl disable --quiet prometheus >/dev/null 2>&1 || true
  fi
  log "the packaged prometheus service is not running (tests start their own)"
}

install_prometheus() {
  apt_install prometheus
  keep_prometheus_service_stopped
  for bin in /usr/bin/prometheus /usr/bin/promtool; do
    if [[ ! -x "$bin" ]]; then
      echo "install-test-deps: $bin is missing after installing the prometheus package" >&2
      exit 1
    fi
  done
  log "prometheus: $(/usr/bin/prometheus --version 2>&1 | head -n1)"
  log "promtool:   $(/usr/bin/promtool --version 2>&1 | head -n1)"
}

# Later work (Testcontainers route, shared/facts/testcontainers-offline.md): the Docker engine and
# debootstrap for building local images. Not installed unless --docker is given; the daemon is never
# started here (the tests start it themselves and stop it by pid).
install_docker() {
  apt_install docker.io debootstrap
  if systemd_running; then
    for unit in docker.service docker.socket containerd.service; do
      systemctl stop "$unit" >/dev/null 2>&1 || true
      systemctl disable --quiet "$unit" >/dev/null 2>&1 || true
    done
  fi
  log "docker: $(docker --version 2>&1 | head -n1) (daemon not started; tests start dockerd themselves)"
}

install_prometheus
if [[ "$WANT_DOCKER" == 1 ]]; then
  install_docker
else
  log "Docker engine not requested (pass --docker to install docker.io and debootstrap)"
fi
log "done"
