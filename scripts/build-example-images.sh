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
# the packages then come from Debian's mirror (inside docker build, where the
# LBs' are installed from the host; apt fetches over plain HTTP, so a host CA
# bundle is not needed). A name that is not an example: one line, exit 2.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "build-example-images: $*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

# The examples: every directory under examples/ with a Dockerfile.
available=()
for dockerfile in examples/*/Dockerfile; do available+=("$(basename "$(dirname "$dockerfile")")"); done

names=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    -*) echo "build-example-images: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    *) names+=("${arg%/}") ;;
  esac
done
[ "${#names[@]}" -gt 0 ] || names=("${available[@]}")
for i in "${!names[@]}"; do
  names[i]=${names[i]#examples/}
  if [ ! -f "examples/${names[i]}/Dockerfile" ]; then
    echo "build-example-images: no example '${names[i]}' (the examples: ${available[*]})." >&2
    exit 2
  fi
done

base=${LAB_DEBIAN_IMAGE:-}
if [ -z "$base" ] && [ -f .env ]; then
  base=$(sed -n 's/^LAB_DEBIAN_IMAGE=//p' .env | tail -n 1)
  # A .env from an older build-airgap-images.sh names the LBs' substitutes but not this one: no registry here.
  if [ -z "$base" ] && grep -q '^LAB_NGINX_IMAGE=' .env; then
    die ".env names substitute base images but no LAB_DEBIAN_IMAGE: run sudo scripts/build-airgap-images.sh again (it adds keepalive-lab/debian-base)."
  fi
fi
build_args=()
[ -z "$base" ] || build_args=(--build-arg "BASE_IMAGE=$base")
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer."

for name in "${names[@]}"; do
  image="keepalive-lab/example-$name"
  echo "==> $image from examples/$name${base:+ (base $base)}"
  log=$(mktemp)
  if ! docker build -q ${build_args[@]+"${build_args[@]}"} -t "$image" "examples/$name" >"$log" 2>&1; then
    tail -n 20 "$log" >&2; rm -f "$log"
    die "building examples/$name failed (log above)."
  fi
  rm -f "$log"
done
