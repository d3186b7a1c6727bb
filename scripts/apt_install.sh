#!/bin/sh
# Install Debian packages, waiting for the package manager's lock when another install holds it
# (instead of failing): apt's own lock timeout, and a retry of the whole step as a fallback.
# Usage: sh scripts/apt_install.sh PACKAGE...   (as root, or through sudo)
set -eu
export DEBIAN_FRONTEND=noninteractive
WAIT="-o DPkg::Lock::Timeout=600"

retry() {
    n=0
    until "$@"; do
        n=$((n + 1))
        if [ "$n" -ge 60 ]; then
            echo "apt_install: gave up after $n tries: $*" >&2
            return 1
        fi
        echo "apt_install: the package manager is busy (another install?); trying again in 10 s" >&2
        sleep 10
    done
}

retry apt-get $WAIT update -q >/dev/null
retry apt-get $WAIT install -y -q --no-install-recommends "$@" >/dev/null
