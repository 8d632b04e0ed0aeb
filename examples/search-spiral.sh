#!/usr/bin/env bash
# Activation search on the two-spiral task: 200 candidates from the default grammar (Ramachandran et al.
# 2017), 5 seeds each, evolution, then the 5 best against relu, gelu, silu and tanh on 5 fresh seeds.
# About 5-10 minutes on 2 cores. The report is in runs/search-spiral/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
npx actlab search --data spiral --budget 200 --seeds 5 --seed 1 --out runs/search-spiral "$@"
# A smaller, hand-written space, enumerated exhaustively (7 unary × 3 binary operators, depth 1):
npx actlab search --data spiral --space examples/search-space-small.json --strategy exhaustive --budget 60 --seeds 5 --seed 1 --out runs/search-spiral-small "$@"
