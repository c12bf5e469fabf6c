#!/usr/bin/env bash
# Fetches Apache Kafka's jars from Maven Central (nothing else) into tests/target/kafka/<version>/libs/,
# the class path of the live tests' broker JVMs, plus the stock jmx_prometheus_javaagent into
# tests/target/jmx-exporter/jmx_prometheus_javaagent.jar.
#
#   scripts/fetch-kafka-libs.sh                  the three versions of the root pom
#                                                (kafka.version, kafka.newest.version, kafka.legacy.version)
#   scripts/fetch-kafka-libs.sh 4.1.2 3.9.2      only these
#
# Not needed before `mvn verify` (it fetches the default version itself, and -Pall-kafka-versions all
# three; a test asking for another version fetches it too); useful to warm a machine or CI cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/harness/src/main/resources/dev/brokerwatch/harness/kafka-dist-pom.xml"
TARGET="$ROOT/tests/target"

prop() { sed -n "s:.*<$1>\\(.*\\)</$1>.*:\\1:p" "$ROOT/pom.xml" | head -n1; }

if [[ $# -gt 0 ]]; then
  versions=("$@")
else
  versions=("$(prop kafka.version)" "$(prop kafka.newest.version)" "$(prop kafka.legacy.version)")
fi

for v in "${versions[@]}"; do
  if [[ ! "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "fetch-kafka-libs: not a Kafka version: '$v'" >&2
    exit 2
  fi
  extra=()
  if [[ "${v%%.*}" -lt 4 ]]; then
    extra+=("-Dkafka.dist.log4j1=true")   # Kafka 3.x logs through reload4j, 4.x through log4j2
  fi
  echo "fetch-kafka-libs: Kafka $v -> $TARGET/kafka/$v/libs"
  mvn -B -q -f "$POM" package "-Dkafka.dist.version=$v" "-Dkafka.dist.dir=$TARGET/kafka/$v" "${extra[@]}"
  echo "fetch-kafka-libs: $(ls "$TARGET/kafka/$v/libs" | wc -l) jars"
done

jmx="$(prop jmx.exporter.version)"
echo "fetch-kafka-libs: jmx_prometheus_javaagent $jmx -> $TARGET/jmx-exporter/"
mvn -B -q -f "$POM" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  "-Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:$jmx" \
  "-DoutputDirectory=$TARGET/jmx-exporter" -Dmdep.stripVersion=true
echo "fetch-kafka-libs: done"
