#!/usr/bin/env bash
# Measures `check` and `check + compile` of a generated pack of 2,000 alerts (plus the curated catalog)
# with JMH, in one warmed-up JVM: the time a CI job spends after the JVM has started.
#
#   scripts/bench-compiler.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -ntp -pl rules-dsl,compiler -am install -DskipTests
mvn -B -q -ntp -pl compiler test-compile exec:exec -Dexec.executable=java \
  -Dexec.classpathScope=test "-Dexec.args=-cp %classpath dev.brokerwatch.compiler.bench.CompileBenchmark"
