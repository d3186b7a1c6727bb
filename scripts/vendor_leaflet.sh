#!/usr/bin/env bash
# Copy Leaflet's dist files from the npm registry into the package (run by hand, never at run time).
set -euo pipefail
version="${1:-1.9.4}"
dest="$(dirname "$0")/../src/counterclaim/web/static/vendor/leaflet"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "leaflet@$version" >/dev/null && tar xzf "leaflet-$version.tgz")
sha256sum "$tmp/leaflet-$version.tgz"
mkdir -p "$dest"
cp "$tmp/package/dist/leaflet.js" "$tmp/package/dist/leaflet.css" "$tmp/package/LICENSE" "$dest/"
rm -rf "$dest/images" && cp -r "$tmp/package/dist/images" "$dest/images"
echo "vendored leaflet@$version into $dest; update the README there with the SHA-256 above"
