#!/usr/bin/env bash
# The SDK as a user gets it: pack @incidentops/sdk (its prepack builds dist/), install the
# tarball with npm into examples/sdk-consumer (a project outside the workspace), type-check and
# compile the consumer against the published types, then run it against a live API on real
# PostgreSQL (packages/sdk/test/consumer, with the test suite's database setup).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
sdk="$root/packages/sdk"
consumer="$root/examples/sdk-consumer"
version="$(node -p 'require("./packages/sdk/package.json").version')"
tarball="$sdk/incidentops-sdk-$version.tgz"

echo "sdk-consumer: packing @incidentops/sdk $version"
rm -f "$sdk"/incidentops-sdk-*.tgz
pnpm --filter @incidentops/sdk pack --pack-destination "$sdk"
test -f "$tarball" || { echo "sdk-consumer: $tarball was not produced" >&2; exit 1; }

# The tarball holds the build, the README and the manifest: nothing from the workspace.
contents="$(tar -tzf "$tarball" | sort | tr '\n' ' ')"
expected="package/README.md package/dist/index.d.ts package/dist/index.js package/package.json "
if [ "$contents" != "$expected" ]; then
  echo "sdk-consumer: unexpected tarball contents: $contents" >&2
  exit 1
fi
manifest="$(tar -xzOf "$tarball" package/package.json)"
if grep -Eq '"(workspace|catalog):|@incidentops/source' <<<"$manifest"; then
  echo "sdk-consumer: the packed package.json still refers to the workspace:" >&2
  echo "$manifest" >&2
  exit 1
fi

echo "sdk-consumer: installing the tarball into examples/sdk-consumer (npm, outside the workspace)"
cd "$consumer"
rm -rf node_modules/@incidentops dist
npm install --no-package-lock --no-audit --no-fund --loglevel=error

echo "sdk-consumer: type-checking and compiling the consumer against the published types"
./node_modules/.bin/tsc -p tsconfig.json

echo "sdk-consumer: running the consumer against a live API"
cd "$root"
pnpm exec vitest run --config packages/sdk/vitest.consumer.config.ts
