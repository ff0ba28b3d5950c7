//! In-process throughput of the pipeline on real news text (divan):
//! extraction alone, and the whole check with the seed story and with a
//! story of 1,000 facts, all applying to the text. `cargo bench --bench
//! pipeline`; divan reports MB/s from the bytes counted.
//!
//! Two scaling series (issue 15), read by comparing their rows, not timed
//! in tests: columns of findings along one line of 1 to 16 MB, and rules
//! with 10,000 to 100,000 story keywords. Both should grow linearly.

mod inputs;

use std::path::Path;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use numcheck::engine;
use numcheck::facts::{self, FactTable};
use numcheck::load::Document;
use numcheck::source::SourceFile;

fn main() {
    divan::main();
}

static ROOT: LazyLock<&Path> = LazyLock::new(|| Path::new(env!("CARGO_MANIFEST_DIR")));

/// About 1 MB of articles.
static TEXT: LazyLock<String> = LazyLock::new(|| {
    let (texts, _) = inputs::texts(&ROOT);
    String::from_utf8(inputs::concatenated(&texts, inputs::MB)).expect("UTF-8 text")
});

static SEED: LazyLock<FactTable> = LazyLock::new(|| {
    facts::load_str("seed-active.toml", &inputs::seed_active(&ROOT)).expect("seed rules")
});

static THOUSAND: LazyLock<FactTable> = LazyLock::new(|| {
    facts::load_str("facts-1000.toml", &inputs::thousand_facts()).expect("1,000 facts")
});

#[divan::bench]
fn extract(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(TEXT.as_str()))
        .bench(|| numcheck::extract::extract(divan::black_box(TEXT.as_str())).len());
}

fn check_with(bencher: Bencher, table: &FactTable) {
    let doc = Document::new(SourceFile::new("bench.txt", TEXT.as_str()));
    bencher
        .counter(BytesCount::of_str(TEXT.as_str()))
        .bench(|| engine::check(&doc, table, &engine::Options::default()).len());
}

#[divan::bench]
fn check_seed_rules(bencher: Bencher) {
    check_with(bencher, &SEED);
}

#[divan::bench]
fn check_1000_facts(bencher: Bencher) {
    check_with(bencher, &THOUSAND);
}

/// A finding every kilobyte along one line of `mb` megabytes: the cost of
/// the columns every output computes.
#[divan::bench(args = [1, 2, 4, 8, 16])]
fn columns_on_one_line(bencher: Bencher, mb: usize) {
    let text = "Wagner has 80,000 personnel, the White House said. ".repeat(mb * (1 << 20) / 51);
    let file = SourceFile::new("one-line.txt", text);
    let offsets: Vec<usize> = (0..file.text().len()).step_by(1024).collect();
    bencher.counter(BytesCount::of_str(file.text())).bench(|| {
        let file = SourceFile::new("one-line.txt", file.text());
        offsets
            .iter()
            .map(|&o| file.line_col(o).column)
            .sum::<usize>()
    });
}

/// Loading a story of `n` keywords, each a few random words.
#[divan::bench(args = [10_000, 30_000, 100_000], sample_count = 3)]
fn load_keywords(bencher: Bencher, n: usize) {
    let mut seed: u64 = 15;
    let mut letter = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        b"abcdefghijklmnopqrstuvwxyz "[(seed >> 33) as usize % 27] as char
    };
    let keywords: Vec<String> = (0..n)
        .map(|i| {
            let word: String = (0..4 + i % 16).map(|_| letter()).collect();
            format!("\"k{i} {}\"", word.trim())
        })
        .collect();
    let rules = format!(
        "version = 1\n[[story]]\nid = \"s\"\nkeywords = [{}]\n",
        keywords.join(",")
    );
    bencher.bench(|| facts::load_str("keywords.toml", &rules).map(|t| t.stories.len()));
}
