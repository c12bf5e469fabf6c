#!/usr/bin/env bash
# Scrape cost on a live Kafka 4.1.2 broker with ~2,000 and ~10,000 partitions, side by side in one broker JVM:
# brokerwatch's agent, the Strimzi Metrics Reporter 0.2.0 (a metric.reporters plugin, no JMX; its allowlist set to
# the catalog's metrics under its naming), the stock jmx_prometheus_javaagent 1.0.1 with the generated config and
# with a catch-all config, plus two floors (the same MBean attributes read in a loop inside the broker, through the
# MBean server and from Kafka's Yammer metric objects) and the agent's retained heap.
# Prints a Markdown table (also written to tests/target/bench/results.md). Takes several minutes.
#
#   scripts/bench-agent.sh [--partitions 2000,10000] [--scrapes 50] [--warmup 5] [--alloc-scrapes 5]
#                          [--solo-scrapes 20] [--heap 3g] [--profile true] [--reporter-libs DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -ntp -pl javaagent -am package -DskipTests
# the reactor's own classes on the class path: nothing is installed into the local repository
mvn -B -q -ntp -pl tests -am compile dependency:build-classpath -Dmdep.outputFile="$PWD/tests/target/bench.classpath"
cd tests
# the Strimzi Metrics Reporter and its dependencies from Maven Central, for the broker's class path
mvn -B -q -ntp -f strimzi-reporter/pom.xml package -Dreporter.dir="$PWD/target/strimzi-reporter/libs"
# the harness fetches Kafka's jars and the stock agent from Maven Central when they are missing
# a private copy of the classes, so that another build of tests/ during the run cannot pull them away
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
cp -r target/classes/. "$classes/"
java -Xmx1g -cp "$classes:$(cat target/bench.classpath)" \
  -Dbrokerwatch.tests.basedir="$PWD" -Dbrokerwatch.maven.home="$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.brokerwatch.tests.bench.ScrapeBenchmark "$@"
