//! In-process throughput of the pipeline on real news text (divan):
//! extraction alone, and the whole check with the seed story and with a
//! story of 1,000 facts, all applying to the text. `cargo bench --bench
//! pipeline`; divan reports MB/s from the bytes counted.

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
