//! Inputs the benchmarks share: the corpus's articles (or generated text
//! when it is absent) and the rules they run with.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

pub const MB: usize = 1_000_000;
/// How many facts the large rules file has.
pub const FACTS: usize = 1_000;

/// The seed rules with the story's keywords removed, so that its facts
/// apply to every text (the shipped story applies only to texts naming Wagner).
pub fn seed_active(root: &Path) -> String {
    std::fs::read_to_string(root.join("rules.toml"))
        .expect("rules.toml")
        .lines()
        .filter(|l| !l.starts_with("keywords"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The articles of `../shared/corpus/bbc` if it is there, else generated
/// text, and where they came from.
pub fn texts(root: &Path) -> (Vec<String>, String) {
    let corpus = root.join("../shared/corpus/bbc");
    match articles(&corpus) {
        Some(t) if !t.is_empty() => {
            let source = format!("{} ({} articles)", corpus.display(), t.len());
            (t, source)
        }
        _ => (generated(), "generated text".to_string()),
    }
}

/// Every article of the corpus, in path order.
pub fn articles(dir: &Path) -> Option<Vec<String>> {
    let mut paths = Vec::new();
    for topic in std::fs::read_dir(dir).ok()? {
        let topic = topic.ok()?.path();
        for f in std::fs::read_dir(&topic).ok()? {
            let f = f.ok()?.path();
            if f.extension().is_some_and(|e| e == "txt") {
                paths.push(f);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// News-like paragraphs with figures, for machines without the corpus.
pub fn generated() -> Vec<String> {
    let subjects = [
        "The council",
        "The company",
        "Ministers",
        "The agency",
        "Police",
    ];
    let nouns = ["jobs", "homes", "patients", "votes", "staff", "students"];
    (0..400)
        .map(|i| {
            let s = subjects[i % subjects.len()];
            let n = nouns[i % nouns.len()];
            format!(
                "{s} said on Tuesday that about {} {n} had been affected since March {}, \
                 up from {} a year earlier. Officials expect the figure to rise by {}% \
                 over the next two years, costing £{}m a year.\n\n\
                 The report, published last month, found that {} in ten {n} were \
                 satisfied, and that spending had reached ${}.{} billion.",
                1_000 + i * 37,
                2000 + i % 25,
                900 + i * 29,
                i % 40 + 1,
                i % 90 + 10,
                i % 9 + 1,
                i % 20 + 1,
                i % 10
            )
        })
        .collect()
}

/// Articles joined by blank lines, cut at a paragraph to exactly `bytes`.
pub fn concatenated(texts: &[String], bytes: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes + 64 * 1024);
    for t in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.extend_from_slice(t.as_bytes());
        out.extend_from_slice(b"\n\n");
    }
    out.truncate(bytes);
    // A cut inside a character would make the file invalid UTF-8.
    while std::str::from_utf8(&out).is_err() {
        out.pop();
        out.push(b' ');
    }
    out
}

/// A story of 1,000 facts over everyday news nouns, applying to every text:
/// terms, context words and templates, so that binding has work to do.
pub fn thousand_facts() -> String {
    let adjectives = [
        "new",
        "local",
        "public",
        "young",
        "older",
        "foreign",
        "british",
        "american",
        "private",
        "full-time",
        "part-time",
        "extra",
        "former",
        "senior",
        "junior",
        "rural",
        "urban",
        "skilled",
        "unemployed",
        "registered",
        "elderly",
        "disabled",
        "temporary",
        "permanent",
        "qualified",
        "international",
        "domestic",
        "independent",
        "regional",
        "national",
        "retired",
        "trained",
        "licensed",
        "volunteer",
        "migrant",
        "seasonal",
        "agency",
        "contract",
        "frontline",
        "essential",
    ];
    let nouns = [
        "jobs",
        "homes",
        "patients",
        "voters",
        "staff",
        "students",
        "workers",
        "teachers",
        "nurses",
        "doctors",
        "pupils",
        "drivers",
        "officers",
        "families",
        "children",
        "customers",
        "users",
        "players",
        "fans",
        "members",
        "residents",
        "visitors",
        "shops",
        "schools",
        "firms",
    ];
    let verbs = [
        "hired", "lost", "cut", "added", "employs", "treated", "counted", "recorded",
    ];
    let mut out = String::from(
        "# Generated for the benchmark: one story of 1,000 facts that applies to every text.\n\
         version = 1\n\n[[story]]\nid = \"bench\"\n\n",
    );
    for (i, (a, n)) in adjectives
        .iter()
        .flat_map(|a| nouns.iter().map(move |n| (a, n)))
        .take(FACTS)
        .enumerate()
    {
        let _ = write!(
            out,
            "[[fact]]\nid = \"f{i:04}\"\nvalue = {}\nunit = \"person\"\nqualifier = \"about\"\n\
             terms = [\"{a} {n}\"]\ncontext = [\"{}\"]\ntemplates = [\"{{n}} {a} {n}\"]\n\n",
            1_000 + i * 13,
            verbs[i % verbs.len()]
        );
    }
    out
}
