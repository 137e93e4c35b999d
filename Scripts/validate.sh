#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The checks a change must pass, locally and in CI: format, a build with warnings as errors, tests.
#   Scripts/validate.sh            all three
#   Scripts/validate.sh format     the format lint only (seconds)
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. Format (.swift-format; Tests/.swift-format relaxes imports and `try!`): every Swift file git
#    tracks, except the generated lexicon and the files on Scripts/format-pending.txt.
generated="Sources/FailwatchCore/Classify/VaderLexiconData.swift"
files=()
while IFS= read -r file; do files+=("$file"); done < <(
    git ls-files '*.swift' | grep -vxF -e "$generated" -f <(grep -v '^#' Scripts/format-pending.txt))
echo "validate: swift format lint (${#files[@]} files)"
swift format lint --strict --parallel "${files[@]}"
[ "${1:-}" = "format" ] && exit 0

# 2. Build, warnings as errors in failwatch's own targets (FAILWATCH_STRICT, see Package.swift).
#    The layers are targets; importing a target that is not a declared dependency is an error too.
echo "validate: swift build (warnings as errors)"
FAILWATCH_STRICT=1 swift build --build-tests --explicit-target-dependency-import-check error

# 3. Tests, on the build above.
echo "validate: swift test"
FAILWATCH_STRICT=1 swift test --skip-build
