#!/usr/bin/env bash
# Partition churn at full size on a live Kafka 4.1.2 node with brokerwatch's agent: 10,000 partitions that stay,
# 1,000 more (topics of 50) created and deleted every cycle under the same names, 8 threads scraping back to back
# and a Prometheus scraping every 5 s. Prints the report and PASS, or FAIL with the reasons (exit 1): a failed
# scrape, an incomplete or unparseable answer, a counter that went backwards, an MBean index that differs from
# the broker's MBeans, or agent heap that did not return to its level before the churn. Same scenario as
# PartitionChurnIT (tests/src/main/java/dev/brokerwatch/tests/churn/), which runs it at CI size.
#
#   scripts/soak-churn.sh [--partitions 10000] [--churn 1000] [--topic-partitions 50] [--cycles 5]
#                         [--scrapers 8] [--prometheus-interval 5] [--heap 3g]
#
# Needs /usr/bin/prometheus (scripts/install-test-deps.sh). Logs: tests/target/live/ChurnSoak/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -ntp -pl javaagent -am package -DskipTests
# the reactor's own classes on the class path: nothing is installed into the local repository
mvn -B -q -ntp -pl tests -am compile dependency:build-classpath -Dmdep.outputFile="$PWD/tests/target/soak.classpath"
cd tests
# a private copy of the classes, so that another build of tests/ during the run cannot pull them away
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
cp -r target/classes/. "$classes/"
java -Xmx1g -cp "$classes:$(cat target/soak.classpath)" \
  -Dbrokerwatch.tests.basedir="$PWD" -Dbrokerwatch.maven.home="$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.brokerwatch.tests.churn.ChurnSoak "$@"
