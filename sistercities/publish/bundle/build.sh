#!/usr/bin/env bash
# Rebuild ../assets/plotly-site.min.js: plotly.js with only the traces the static edition draws.
#
# The version must be the plotly.js that the installed plotly (Python) package ships
# (plotly/package_data/plotly.min.js; tests/test_publish.py checks it). After upgrading plotly,
# set the same version in package.json and run: bash sistercities/publish/bundle/build.sh
# Needs node and npm (the npm registry) at build time only; the bundle is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --ignore-scripts >/dev/null
version="$(node -p "require('plotly.js/package.json').version")"
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly \
  --define:global=window --define:define.amd=false --define:process.env.NODE_DEBUG=false \
  --target=es2016 --legal-comments=eof --log-level=warning \
  --banner:js="/* plotly.js v$version partial bundle (scatter, bar, scattergeo, choropleth), MIT licence; built by sistercities/publish/bundle/build.sh */" \
  --outfile="$work/out/plotly-site.min.js"
# maplibre's stylesheet comes along as a separate .css file: map traces only, not used here
cp "$work/out/plotly-site.min.js" "$here/../assets/plotly-site.min.js"
echo "wrote $here/../assets/plotly-site.min.js (plotly.js v$version)"
