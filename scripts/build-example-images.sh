#!/usr/bin/env bash
# Builds the example servers under examples/ (Python gunicorn and uvicorn, Go
# net/http, Jetty) as images keepalive-lab/example-<dir>, to put behind the
# lab's LB with --app-image:
#
#   scripts/build-example-images.sh [<dir>...]      (default: every example)
#
# Their Dockerfiles start FROM debian:bookworm-slim and install Debian's own
# packages. A machine without a container registry builds from
# LAB_DEBIAN_IMAGE instead (the environment, else .env), which
# scripts/build-airgap-images.sh builds (keepalive-lab/debian-base:bookworm);
# the packages then come from Debian's mirror, as the LBs' do. With
# NODE_EXTRA_CA_CERTS set, nothing changes: apt fetches over plain HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "build-example-images: $*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

names=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    -*) echo "build-example-images: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    *) names+=("${arg%/}") ;;
  esac
done
if [ "${#names[@]}" -eq 0 ]; then
  for dir in examples/*/Dockerfile; do names+=("$(basename "$(dirname "$dir")")"); done
fi

base=${LAB_DEBIAN_IMAGE:-}
if [ -z "$base" ] && [ -f .env ]; then base=$(sed -n 's/^LAB_DEBIAN_IMAGE=//p' .env | tail -n 1); fi
build_args=()
[ -z "$base" ] || build_args=(--build-arg "BASE_IMAGE=$base")
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer."

for name in "${names[@]}"; do
  name=${name#examples/}
  [ -f "examples/$name/Dockerfile" ] || die "no examples/$name/Dockerfile (the examples: $(ls examples | tr '\n' ' '))."
  image="keepalive-lab/example-$name"
  echo "==> $image from examples/$name${base:+ (base $base)}"
  log=$(mktemp)
  if ! docker build -q "${build_args[@]}" -t "$image" "examples/$name" >"$log" 2>&1; then
    tail -n 20 "$log" >&2; rm -f "$log"
    die "building examples/$name failed (log above)."
  fi
  rm -f "$log"
done
