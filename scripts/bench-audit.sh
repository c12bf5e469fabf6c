#!/usr/bin/env bash
# Measures `brokerwatch audit` of a generated input (1,000 alerts, 50 dashboards of ten panels, a 200-rule
# jmx_exporter config over the recorded Kafka 4.1.2 broker inventory) with JMH, in one warmed-up JVM: the time the
# command takes after the JVM has started.
#
#   scripts/bench-audit.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -ntp -pl rules-dsl,compiler -am install -DskipTests
mvn -B -q -ntp -pl compiler test-compile exec:exec -Dexec.executable=java \
  -Dexec.classpathScope=test "-Dexec.args=-cp %classpath dev.brokerwatch.compiler.bench.AuditBenchmark"
