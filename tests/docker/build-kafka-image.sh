#!/usr/bin/env bash
# Builds brokerwatch/kafka:<version>: the local JRE image plus Kafka <version>'s Maven Central jars at
# /opt/kafka/libs (the official image's layout), without any registry (DOCKER_BUILDKIT=0, FROM a local image).
#
#   tests/docker/build-kafka-image.sh [version]      default: 4.1.2; jars from tests/target/kafka/<version>/libs
#
# Then: mvn verify -Ptestcontainers -Dbrokerwatch.kafka.image=brokerwatch/kafka:<version>
# Needs DOCKER_HOST (eval "$(scripts/docker-engine.sh env)") and the JRE image (scripts/docker-engine.sh image).
set -euo pipefail
VERSION="${1:-4.1.2}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIBS="$HERE/../target/kafka/$VERSION/libs"
BASE="${BROKERWATCH_JRE_IMAGE:-brokerwatch/jre17:bookworm-1}"
DOCKER=docker
[[ -x /usr/bin/docker ]] && DOCKER=/usr/bin/docker
if [[ ! -f "$LIBS/kafka_2.13-$VERSION.jar" ]]; then
  "$HERE/../../scripts/fetch-kafka-libs.sh" "$VERSION"
fi
CTX="$(mktemp -d)"
trap 'rm -rf "$CTX"' EXIT
cp "$HERE/kafka-image/Dockerfile" "$CTX/"
cp -r "$LIBS" "$CTX/libs"
DOCKER_BUILDKIT=0 "$DOCKER" build -q --pull=false --build-arg "BASE=$BASE" -t "brokerwatch/kafka:$VERSION" "$CTX" >/dev/null
echo "built brokerwatch/kafka:$VERSION from $BASE and $LIBS"
