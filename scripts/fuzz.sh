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
[ ${#targets[@]} -gt 0 ] || targets=(extract loaders rules lsp tree extends baseline)

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
        lsp)
            # Message bodies separated by NUL bytes (see fuzz_targets/lsp.rs).
            python3 - "$dir" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
seeds = sorted(pathlib.Path("fixtures").rglob("*.txt"))[:40] + sorted(pathlib.Path("fixtures").rglob("*.md"))[:20]
for n, path in enumerate(seeds):
    uri = path.resolve().as_uri()
    text = path.read_text(encoding="utf-8", errors="replace")
    lang = "markdown" if path.suffix == ".md" else "plaintext"
    msgs = [
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": {"line": 2, "character": 3}, "end": {"line": 2, "character": 9}}, "text": "45,000"}]}},
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 5}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}}, "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
    ]
    (out / f"seed-{n}").write_bytes(b"\0".join(json.dumps(m, ensure_ascii=False).encode() for m in msgs))
PY
            ;;
        tree | extends | baseline)
            # Operations that build a tree (see fuzz_targets/common/tree.rs):
            # drafts, rules extending each other, links in and out, a FIFO.
            printf '\x06\x00\x00\x03\x03\x00\x00\x03\x05\x08\x00\x02\x07\x07\x03\x06\x01\x00\x01\x02\x08' > "$dir/seed-tree"
            printf '\x04\x03\x03\x08\x01\x02\x00\x0c\x07\x02\x10\x02\x0e' > "$dir/seed-links" ;;
    esac
}

for target in "${targets[@]}"; do
    seed "$target"
    echo "== fuzzing $target for ${seconds}s"
    cargo +nightly fuzz run "$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144
done
