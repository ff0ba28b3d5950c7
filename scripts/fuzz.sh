#!/usr/bin/env bash
# Fuzz every target for SECONDS each (default 600), seeding the corpora
# from the fixtures. Needs nightly Rust and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
# A crash leaves its input in fuzz/artifacts/TARGET/; reproduce it with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract loaders rules)

seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    case $target in
        extract)
            find fixtures -name '*.txt' -exec cp {} "$dir/" \; ;;
        loaders)
            # The first byte picks the format: 0 Markdown, 1 HTML, 2 text.
            local f n=0
            while IFS= read -r f; do
                case $f in
                    *.md) printf '\0' ;;
                    *.html) printf '\1' ;;
                    *) printf '\2' ;;
                esac > "$dir/seed-$n"
                cat "$f" >> "$dir/seed-$n"
                n=$((n + 1))
            done < <(find fixtures \( -name '*.md' -o -name '*.html' -o -name '*.txt' \) | sort) ;;
        rules)
            find . -path ./target -prune -o -path ./fuzz -prune -o -name '*.toml' -print \
                | grep -v Cargo.toml | while IFS= read -r f; do
                    cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
                done ;;
    esac
}

for target in "${targets[@]}"; do
    seed "$target"
    echo "== fuzzing $target for ${seconds}s"
    cargo +nightly fuzz run "$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144
done
