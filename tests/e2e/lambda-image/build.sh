#!/usr/bin/env bash
# Builds the stand-in python3.13 Lambda base image: only for machines that cannot pull the official one.
# usage: build.sh TAG   (root: debootstrap; Docker running; python3 with pip on PATH)
# The Debian mirror is the one this machine's apt uses (its main archive), never a fixed host.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tag="${1:?usage: build.sh TAG}"
suite=trixie   # the Debian release whose python3 is 3.13, like the Lambda runtime's
. /etc/os-release
mirror="$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(TARGET_OF)' 2>/dev/null \
          | awk -v c="$VERSION_CODENAME" '$2 == c && $3 == "deb" {print $1; exit}')"
[ -n "$mirror" ] || { echo "build.sh: no Debian archive for '$VERSION_CODENAME' in this machine's apt sources (run apt-get update)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "build.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
echo "stand-in Lambda image: debootstrap $suite from $mirror"
debootstrap --variant=minbase --include=python3.13 --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
  "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The runtime's own packages, as in the official image: the runtime interface client and boto3.
python3 -m pip install -q --disable-pip-version-check --no-warn-conflicts --target "$root/var/runtime" --python-version 3.13 \
  --platform manylinux2014_x86_64 --implementation cp --only-binary=:all: awslambdaric boto3
install -m 0755 "$here/bootstrap" "$root/var/runtime/bootstrap"
mkdir -p "$root/var/lang/bin" "$root/var/lang/lib/python3.13/site-packages" "$root/var/task" "$root/opt"
ln -sf /usr/bin/python3.13 "$root/var/lang/bin/python3"; ln -sf python3 "$root/var/lang/bin/python3.13"
ln -sf python3 "$root/var/lang/bin/python"
chmod 1777 "$root/tmp"
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
mkdir "$work/context"
tar -C "$root" -cf "$work/context/rootfs.tar" .
rm -rf "$root"
cp "$here/Dockerfile" "$work/context/"
docker build -q -t "$tag" "$work/context" > "$work/docker-build.log" 2>&1 || { cat "$work/docker-build.log" >&2; exit 1; }
echo "stand-in Lambda image: built $tag"
