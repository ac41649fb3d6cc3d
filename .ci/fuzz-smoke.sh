#!/bin/sh
# A short fuzz run for CI: the decoder mutation test and 30 s of the live-server fuzzer with a fresh seed.
# Failing inputs are written to bundles/mam-core/target/fuzz-crashes; replay one with FUZZ_SEED=<seed> and the
# connection number printed in the failure (connection n uses seed + n).
# Long run (not in CI): FUZZ_SECONDS=3600 .ci/fuzz-smoke.sh
set -eu
cd "$(dirname "$0")/.."
seed="${FUZZ_SEED:-$(date +%s)}"
seconds="${FUZZ_SECONDS:-30}"
echo "fuzz-smoke: seed $seed, $seconds s against a live MAM"
mvn -B -q -pl bundles/protocol,bundles/mam-core -am test \
    -Dtest='DecoderMutationTest,LiveServerFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.seed="$seed" -Dfuzz.seconds="$seconds"
