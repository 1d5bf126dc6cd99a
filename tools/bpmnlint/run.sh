#!/usr/bin/env sh
# Lints the BPMN models in processes/ with bpmnlint (recommended rules).
# Usage: tools/bpmnlint/run.sh   (from anywhere; needs node >= 20 and npm)
set -eu

cd "$(dirname "$0")"

npm ci --no-audit --no-fund --silent
exec node lint.js
