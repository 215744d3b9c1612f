#!/usr/bin/env bash
# Builds substitute base images for machines that cannot pull from a container
# registry, from the Debian archive (debootstrap) and this host's own `node`.
# Compose picks them up through the `.env` file this script writes, so
# `docker compose up --build` and `npm run lab` need no further flags.
#
#   sudo scripts/build-airgap-images.sh [--with-host-ca] [--force]
#
#   --with-host-ca  copy this host's CA bundle into the app's build context,
#                   for networks where the npm registry only answers with it
#                   (it is used while installing dependencies, never shipped).
#   --force         rebuild even if the images already exist.
set -euo pipefail

cd "$(dirname "$0")/.."
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
HOST_CA=${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

with_host_ca=0 force=0
for arg in "$@"; do
  case "$arg" in
    --with-host-ca) with_host_ca=1 ;;
    --force) force=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-airgap-images: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

die() { echo "build-airgap-images: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "debootstrap needs root; run it with sudo."
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)."
command -v node >/dev/null || die "node is missing on this host; its binary becomes the image's Node."
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer."

node_version=$(node -p 'process.versions.node')
node_bin=$(readlink -f "$(command -v node)")
npm_pkg=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
node_image="keepalive-lab/node-base:${node_version}-${SUITE}"
nginx_image="keepalive-lab/nginx-base:${SUITE}"

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

if [ "$force" = 1 ] || ! have_image "$node_image" || ! have_image "$nginx_image"; then
  work=$(mktemp -d /tmp/keepalive-lab-rootfs.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  rootfs="$work/rootfs"
  echo "==> debootstrap --variant=minbase $SUITE from $MIRROR (takes a minute or two)"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)."; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

  echo "==> $node_image (host node $node_version)"
  node_root="$work/node-root"
  cp -a "$rootfs" "$node_root"
  install -m 0755 "$node_bin" "$node_root/usr/local/bin/node"
  mkdir -p "$node_root/usr/local/lib/node_modules"
  cp -a "$npm_pkg" "$node_root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$node_root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$node_root/usr/local/bin/npx"
  tar -C "$node_root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' - "$node_image" >/dev/null
  rm -rf "$node_root"

  echo "==> $nginx_image (Debian's nginx-light)"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light curl >/dev/null' \
    || die "installing nginx-light into the rootfs failed."
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  : >"$rootfs/etc/resolv.conf"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["nginx", "-g", "daemon off;"]' - "$nginx_image" >/dev/null
else
  echo "==> base images already present (use --force to rebuild)"
fi

ca_dir=app/.build-ca
if [ "$with_host_ca" = 1 ]; then
  [ -f "$HOST_CA" ] || die "no CA bundle at $HOST_CA (set HOST_CA_BUNDLE)."
  cp "$HOST_CA" "$ca_dir/ca.pem"
  echo "==> copied $HOST_CA into $ca_dir/ca.pem (build stage only)"
fi

# Compose (v1 and v2) reads .env from the project directory; keep any other lines.
touch .env
grep -v -E '^(LAB_NODE_IMAGE|LAB_NGINX_IMAGE)=' .env >.env.tmp || true
printf 'LAB_NODE_IMAGE=%s\nLAB_NGINX_IMAGE=%s\n' "$node_image" "$nginx_image" >>.env.tmp
mv .env.tmp .env
echo "==> .env now points Compose at $node_image and $nginx_image"
