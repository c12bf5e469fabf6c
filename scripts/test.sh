#!/usr/bin/env bash
# Runs every brokerwatch test on a fresh Debian 12 machine, installing what the tests need first:
# Debian's prometheus package (prometheus and promtool); Kafka and the stock jmx exporter come from
# Maven Central through the build. Unit tests, golden files, promtool on every emitted file, live
# Kafka brokers with the agent, a real Prometheus.
#
#   scripts/test.sh            everything
#   scripts/test.sh -pl rules-dsl,compiler -am    extra arguments go to Maven
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "$(id -u)" == 0 ]]; then
  scripts/install-test-deps.sh
elif command -v sudo >/dev/null 2>&1; then
  sudo scripts/install-test-deps.sh
else
  echo "test.sh: run as root (or with sudo available) so that scripts/install-test-deps.sh can install prometheus" >&2
  exit 2
fi

exec mvn -B -ntp verify "$@"
