#!/usr/bin/env bash
# Installs what brokerwatch's live tests need on a Debian 12 machine (run as root).
#
#   scripts/install-test-deps.sh            Prometheus + promtool (Debian package "prometheus"), Alertmanager +
#                                           amtool (Debian package "prometheus-alertmanager")
#   scripts/install-test-deps.sh --docker   also the Docker engine pieces (docker.io, debootstrap)
#
# Idempotent: packages already present are left alone, and running it twice does nothing new.
# The Debian packages ship services that would start a Prometheus on :9090 and an Alertmanager on
# :9093; the tests start their own on free loopback ports, so the services are kept from starting
# (policy-rc.d) and, if they did start anyway, they are stopped and disabled. Kafka itself comes from Maven Central through the
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

# Make sure a packaged service ($1: prometheus, prometheus-alertmanager) neither runs now nor starts at boot.
keep_service_stopped() {
  local unit="$1"
  if systemd_running; then
    if systemctl is-active --quiet "$unit" 2>/dev/null; then
      log "stopping the $unit systemd service"
      systemctl stop "$unit"
    fi
  elif [[ -x "/etc/init.d/$unit" ]] && "/etc/init.d/$unit" status >/dev/null 2>&1; then
    # No systemd (a container): the sysvinit script manages its pid file.
    log "stopping the $unit init.d service"
    "/etc/init.d/$unit" stop || true
  fi
  # Not at boot either. systemctl enable/disable also works offline (no systemd running).
  if command -v systemctl >/dev/null && systemctl is-enabled --quiet "$unit" 2>/dev/null; then
    log "disabling the $unit service at boot"
    systemctl disable --quiet "$unit" >/dev/null 2>&1 || true
  fi
  log "the packaged $unit service is not running (tests start their own)"
}

install_prometheus() {
  apt_install prometheus
  keep_service_stopped prometheus
  for bin in /usr/bin/prometheus /usr/bin/promtool; do
    if [[ ! -x "$bin" ]]; then
      echo "install-test-deps: $bin is missing after installing the prometheus package" >&2
      exit 1
    fi
  done
  log "prometheus: $(/usr/bin/prometheus --version 2>&1 | head -n1)"
  log "promtool:   $(/usr/bin/promtool --version 2>&1 | head -n1)"
}

install_alertmanager() {
  apt_install prometheus-alertmanager
  keep_service_stopped prometheus-alertmanager
  for bin in /usr/bin/prometheus-alertmanager /usr/bin/amtool; do
    if [[ ! -x "$bin" ]]; then
      echo "install-test-deps: $bin is missing after installing the prometheus-alertmanager package" >&2
      exit 1
    fi
  done
  log "alertmanager: $(/usr/bin/prometheus-alertmanager --version 2>&1 | head -n1)"
  log "amtool:       $(/usr/bin/amtool --version 2>&1 | head -n1)"
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
install_alertmanager
if [[ "$WANT_DOCKER" == 1 ]]; then
  install_docker
else
  log "Docker engine not requested (pass --docker to install docker.io and debootstrap)"
fi
log "done"
