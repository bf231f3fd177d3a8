#!/usr/bin/env bash
# CI step: builds the whole-pipeline fuzzer and runs it for one minute on one core.
# A crash, a sanitizer report, an input slower than 5 s or hungrier than 2 GB fails the step;
# the input is left in fuzz/artifacts/ (add it as a fixture once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
exec fuzz/run-pipeline.sh 60 1
