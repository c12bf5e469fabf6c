#!/usr/bin/env bash
# Runs every brokerwatch test on a fresh Debian 12 machine, installing what the tests need first:
# Debian's prometheus package (prometheus and promtool), docker.io and debootstrap for the Testcontainers
# backend (the script starts its own Docker engine on a private socket, with no bridge network, and stops
# it by its pid at the end); Kafka and the stock jmx exporter come from Maven Central through the build,
# Grafana's schema from the npm registry. Unit tests, golden files, promtool on every emitted file, live
# Kafka brokers with the agent, a real Prometheus, the live alert proof's default subset, Kafka in containers.
#
# At the end it prints how long each test class (each live scenario) took, and fails when the whole run,
# installs included, took longer than its budget: BROKERWATCH_TEST_BUDGET_MINUTES, default 40, what CI from a
# clean clone of this project promises on its 2-core machine (37 minutes on 2026-12-07), so that a suite that creeps
# up is made faster before anything is added to it. A slower machine sets its own budget.
#
#   scripts/test.sh                                 everything
#   scripts/test.sh -pl rules-dsl,compiler -am      extra arguments go to Maven
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STARTED=$(date +%s)
BUDGET_MINUTES=${BROKERWATCH_TEST_BUDGET_MINUTES:-40}

SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "test.sh: run as root (or with sudo available): it installs packages and starts a Docker engine" >&2
    exit 2
  fi
  SUDO=sudo
fi

$SUDO scripts/install-test-deps.sh --docker

$SUDO scripts/docker-engine.sh start
trap '$SUDO scripts/docker-engine.sh stop' EXIT
eval "$(scripts/docker-engine.sh env)"
$SUDO scripts/docker-engine.sh image

rc=0
# install, not only verify: every module is installed into the local Maven repository before the next one is built,
# so that the tests module's OutsideProjectIT can build a project outside this checkout against the harness, the
# compiler and the agent as a user's build gets them
mvn -B -ntp install -Ptestcontainers "$@" || rc=$?

scripts/test-timings.sh --top 40 || true
ELAPSED=$(( $(date +%s) - STARTED ))
printf 'test.sh: wall time %dm%02ds (budget %d minutes), Maven exit code %d\n' \
  $((ELAPSED / 60)) $((ELAPSED % 60)) "$BUDGET_MINUTES" "$rc"
if [[ "$rc" == 0 && "$ELAPSED" -gt $((BUDGET_MINUTES * 60)) ]]; then
  echo "test.sh: the suite took longer than its budget of $BUDGET_MINUTES minutes: make it faster before adding to it" >&2
  exit 1
fi
exit "$rc"
