#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of the hand-written libraries from their current public surface:
# symbols the analyzer reports as undeclared (RS0016) are added by its own code fix (dotnet format),
# and declared symbols that no longer exist (RS0017) are removed from both lists.
# Usage: build/update-public-api.sh [path/to/Project.csproj ...]   (default: every tracked library present)
# Review the diff: every line added or removed is a change to what users compile against.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for name in JiraSdk.Core JiraSdk JiraSdk.Webhooks JiraSdk.Webhooks.AspNetCore; do
    [ -f "src/$name/$name.csproj" ] && projects+=("src/$name/$name.csproj")
  done
fi
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  for list in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$list" ] || printf '#nullable enable\n' > "$dir/$list"
  done
  echo "== $project"
  # Removed symbols first, so the code fix sees a consistent list.
  touch "$dir/PublicAPI.Unshipped.txt" # forces the compile (and so the analyzer) to run
  dotnet build "$project" -p:JiraSdkPublicApiUpdate=true -v q -nologo 2>&1 \
    | sed -n "s/.*warning RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" \
    | sort -u > "$dir/.removed-api.txt" || true
  if [ -s "$dir/.removed-api.txt" ]; then
    for list in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
      grep -vxF -f "$dir/.removed-api.txt" "$dir/$list" > "$dir/$list.tmp" || true
      mv "$dir/$list.tmp" "$dir/$list"
    done
    echo "   removed $(wc -l < "$dir/.removed-api.txt") symbol(s)"
  fi
  rm -f "$dir/.removed-api.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn -v q
  # Keep the header first and the rest sorted, so merges of two branches' additions stay simple.
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  echo "   $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped, $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) shipped"
done
