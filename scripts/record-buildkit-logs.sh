#!/usr/bin/env bash
# Record real BuildKit logs for the parser tests (test/buildkit/parse-log.test.ts) into
# fixtures/buildkit-logs/, from the fixtures in fixtures/cache/ built on a temporary copy.
# Needs a running engine: run scripts/setup-docker.sh first. Re-running overwrites the logs and
# ENGINE.md (the engine versions they came from); the tests only rely on facts stable across runs.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/fixtures/buildkit-logs"
DOCKER=${DOCKER:-/usr/bin/docker}
COMPOSE=${COMPOSE:-docker-compose}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# The Debian client (embedded BuildKit) must win over a newer client that needs the buildx plugin.
export PATH="$(dirname "$DOCKER"):$PATH" DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1 BUILDKIT_PROGRESS=plain

build() { # build LOGFILE DIR [docker build args…]: plain progress, output of a failing build kept too
  local log=$1 dir=$2
  shift 2
  "$DOCKER" build --progress=plain --network=none "$@" "$dir" >"$out/$log" 2>&1 || true
  echo "recorded $log" >&2
}

cp -a "$repo/fixtures/cache/good" "$work/good"
cp -a "$repo/fixtures/cache/bad" "$work/bad"
cp -a "$repo/fixtures/cache/compose" "$work/compose"

# 1. good fixture: a cold build, then a rebuild where every step is CACHED.
build plain-first.log "$work/good" --no-cache
build plain-cached.log "$work/good"

# 2. bad fixture: a source edit after a first build reruns `COPY . .` and the install.
build plain-bad-first.log "$work/bad"
echo "// edited $(date +%s%N)" >>"$work/bad/src/greet.js"
build plain-bad-source-change.log "$work/bad"

# 3. a failing step while a parallel stage still runs: ERROR and CANCELED.
mkdir -p "$work/error"
cat >"$work/error/Dockerfile" <<'DOCKERFILE'
FROM local/busybox:1 AS slow
RUN echo "slow stage starting" && sleep 5 && echo never-printed

FROM local/busybox:1 AS broken
RUN echo "about to fail" && exit 3

FROM local/busybox:1
COPY --from=slow /bin/busybox /slow
COPY --from=broken /bin/busybox /broken
DOCKERFILE
build plain-error.log "$work/error" --no-cache

# 4. docker-compose 1.x: every service built in turn, each announced by "Building <service>".
if command -v "$COMPOSE" >/dev/null 2>&1; then
  (cd "$work/compose" && "$COMPOSE" -p recordlogs build --no-cache >"$out/compose-v1-first.log" 2>&1) || true
  echo "// edited $(date +%s%N)" >>"$work/compose/api/src/index.js"
  (cd "$work/compose" && "$COMPOSE" -p recordlogs build >"$out/compose-v1-api-source-change.log" 2>&1) || true
  echo "recorded compose-v1-*.log" >&2
  "$DOCKER" image rm recordlogs_api recordlogs_worker >/dev/null 2>&1 || true
fi

{
  echo "# Recorded BuildKit logs"
  echo
  echo "Recorded by \`scripts/record-buildkit-logs.sh\` on $(date -u +%Y-%m-%d) from the fixtures in \`fixtures/cache/\`."
  echo
  echo "- Docker client: $("$DOCKER" version --format '{{.Client.Version}}') ($DOCKER, embedded BuildKit, \`DOCKER_BUILDKIT=1 docker build --progress=plain\`)"
  echo "- Docker engine: $("$DOCKER" version --format '{{.Server.Version}}'), storage driver $("$DOCKER" info --format '{{.Driver}}')"
  if command -v "$COMPOSE" >/dev/null 2>&1; then
    echo "- Compose: $("$COMPOSE" version --short 2>/dev/null || "$COMPOSE" version | head -1) with \`COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 BUILDKIT_PROGRESS=plain\`"
  fi
  echo
  echo "No buildx plugin was available, so the rawjson and buildx-plain cases in the tests are hand-made,"
  echo "following BuildKit's SolveStatus JSON and buildx's plain printer."
  echo
  echo "| Log | What it shows |"
  echo "| --- | --- |"
  echo "| plain-first.log | good fixture, \`--no-cache\`: every step runs (DONE) |"
  echo "| plain-cached.log | good fixture rebuilt unchanged: every instruction CACHED |"
  echo "| plain-bad-first.log | bad fixture, first build (may be partly cached from earlier runs) |"
  echo "| plain-bad-source-change.log | bad fixture after editing src/greet.js: \`COPY . .\` and \`RUN npm ci\` run again |"
  echo "| plain-error.log | a RUN exits 3 while a parallel stage sleeps: ERROR, and CANCELED for the other |"
  echo "| compose-v1-first.log | docker-compose 1.29 \`build --no-cache\` of services api and worker |"
  echo "| compose-v1-api-source-change.log | the same after editing api/src/index.js: api's build stage reruns, worker fully CACHED |"
} >"$out/ENGINE.md"
echo "done: $out" >&2
