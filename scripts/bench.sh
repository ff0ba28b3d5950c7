#!/usr/bin/env bash
# The benchmark table: numcheck against ripgrep on the same files, then the
# in-process pipeline benchmarks and the language server's latency. Needs
# ripgrep on PATH for the ratios (apt-get install ripgrep). Inputs are built
# under target/bench-inputs/ from ../shared/corpus/bbc, or generated when it
# is absent.
# Usage: scripts/bench.sh [--quick]   (--quick: no 100 MB file, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--quick" ]; then
    export NUMCHECK_BENCH_QUICK=1 NUMCHECK_BENCH_RUNS=${NUMCHECK_BENCH_RUNS:-3}
fi
command -v rg >/dev/null || echo "note: ripgrep is not installed; the table has no ratios" >&2
cargo bench --locked --bench compare
cargo bench --locked --bench pipeline
cargo bench --locked --bench lsp_latency
