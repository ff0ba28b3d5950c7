//! Whole-process throughput of `numcheck check` against ripgrep scanning
//! the same files for numbers, run alternately in the same session (the
//! machines drift by 25–60% between runs, so only same-run ratios mean
//! much). Run with `scripts/bench.sh` or `cargo bench --bench compare`.
//!
//! Inputs are built at run time under `target/bench-inputs/` from
//! `../shared/corpus/bbc` when it is there, else from generated news-like
//! text: single files of 1, 10 and 100 MB, a tree of 10,000 articles, an
//! empty file, and a rules file with 1,000 facts. Nothing here asserts a
//! time: it prints a table.
//!
//! `NUMCHECK_BENCH_RUNS` sets how many runs each measurement takes the
//! median of (default 5); `NUMCHECK_BENCH_QUICK=1` leaves out the 100 MB file.

mod inputs;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use inputs::{FACTS, MB, concatenated, seed_active, thousand_facts};

const TREE_FILES: usize = 10_000;

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let numcheck = PathBuf::from(env!("CARGO_BIN_EXE_numcheck"));
    let runs: usize = std::env::var("NUMCHECK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let quick = std::env::var_os("NUMCHECK_BENCH_QUICK").is_some();
    let rg = which("rg");
    let dir = root.join("target/bench-inputs");
    if std::env::var_os("NUMCHECK_BENCH_PREPARE").is_some() {
        print!("{}", Inputs::write(root, &dir, quick));
        return;
    }
    // A child's peak memory counts the memory of the process that spawned
    // it, so the inputs (a 100 MB file among them) are written by a child,
    // and this process stays small.
    let prepared = Command::new(std::env::current_exe().expect("this benchmark's path"))
        .env("NUMCHECK_BENCH_PREPARE", "1")
        .stderr(Stdio::inherit())
        .output()
        .expect("inputs prepared");
    assert!(prepared.status.success(), "preparing the inputs failed");
    let source = String::from_utf8_lossy(&prepared.stdout).into_owned();
    let inputs = Inputs::at(root, &dir, quick, source);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);

    println!(
        "numcheck {} vs {} — text from {}, median of {runs} runs, {cores} cores\n",
        env!("CARGO_PKG_VERSION"),
        rg.as_ref().map_or_else(
            || "no ripgrep (install it for ratios)".to_string(),
            |rg| version(rg)
        ),
        inputs.source
    );
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| input | threads | numcheck | MB/s or files/s | peak RSS | rg | ratio |"
    );
    let _ = writeln!(table, "|---|---|---|---|---|---|---|");
    let check = |threads: &str, rules: &Path, path: &Path| -> Vec<String> {
        let mut args = vec![
            "check",
            "--quiet",
            "--format",
            "short",
            "--color",
            "never",
            "--max-filesize",
            "1G",
        ];
        if !threads.is_empty() {
            args.extend(["-j", threads]);
        }
        let mut v: Vec<String> = args.into_iter().map(String::from).collect();
        v.push("--rules".into());
        v.push(rules.display().to_string());
        v.push(path.display().to_string());
        v
    };
    let rg_args = |threads: &str, path: &Path| -> Vec<String> {
        let mut v: Vec<String> = vec!["--count-matches".into(), "--no-messages".into()];
        if !threads.is_empty() {
            v.extend(["-j".into(), threads.into()]);
        }
        v.push(r"\d[\d,.]*".into());
        v.push(path.display().to_string());
        v
    };

    let mut singles: Vec<(&str, &Path, usize)> =
        vec![("1 MB", &inputs.one, MB), ("10 MB", &inputs.ten, 10 * MB)];
    if let Some(h) = &inputs.hundred {
        singles.push(("100 MB", h, 100 * MB));
    }
    for (name, path, bytes) in &singles {
        for threads in ["1", ""] {
            let ours = measure(&numcheck, &check(threads, &inputs.seed, path), runs);
            let theirs = rg
                .as_ref()
                .map(|rg| measure(rg, &rg_args(threads, path), runs));
            row(
                &mut table,
                name,
                if threads.is_empty() { "all" } else { threads },
                &ours,
                Rate::Bytes(*bytes),
                theirs.as_ref(),
            );
        }
    }
    for threads in ["1", ""] {
        let ours = measure(&numcheck, &check(threads, &inputs.seed, &inputs.tree), runs);
        let theirs = rg
            .as_ref()
            .map(|rg| measure(rg, &rg_args(threads, &inputs.tree), runs));
        row(
            &mut table,
            &format!("tree of {TREE_FILES} files"),
            if threads.is_empty() { "all" } else { threads },
            &ours,
            Rate::Files(TREE_FILES),
            theirs.as_ref(),
        );
    }
    println!("{table}");

    let empty = measure(
        &numcheck,
        &check("1", &inputs.seed, &inputs.empty),
        runs.max(20),
    );
    println!(
        "start-up on an empty file: {:.1} ms (peak RSS {:.1} MiB)",
        ms(empty.time),
        mib(empty.rss_kib)
    );

    // Growth: the same text at 1, 10 and 100 MB should run at the same rate.
    let growth: Vec<String> = singles
        .iter()
        .map(|(name, path, bytes)| {
            let m = measure(&numcheck, &check("1", &inputs.seed, path), runs);
            format!(
                "{name} {:.1} MB/s, {:.0} MiB",
                mb_per_s(*bytes, m.time),
                mib(m.rss_kib)
            )
        })
        .collect();
    println!("growth, one thread: {}", growth.join(" → "));

    // The cost of rules: the seed story made to apply to every text (its
    // keywords removed), against a story of 1,000 facts that also applies.
    let seed = measure(
        &numcheck,
        &check("1", &inputs.seed_active, &inputs.ten),
        runs,
    );
    let big = measure(&numcheck, &check("1", &inputs.facts, &inputs.ten), runs);
    println!(
        "rules on 10 MB, one thread: seed story (14 facts, applying) {:.0} ms, \
         {FACTS} facts {:.0} ms: {:.2}× the seed",
        ms(seed.time),
        ms(big.time),
        big.time.as_secs_f64() / seed.time.as_secs_f64()
    );
}

/// Where inputs came from and where they are.
struct Inputs {
    source: String,
    one: PathBuf,
    ten: PathBuf,
    hundred: Option<PathBuf>,
    tree: PathBuf,
    empty: PathBuf,
    /// The shipped rules.toml.
    seed: PathBuf,
    /// The shipped story without keywords, so that it applies to every text.
    seed_active: PathBuf,
    /// One story of 1,000 facts that applies to every text.
    facts: PathBuf,
}

impl Inputs {
    /// Writes the inputs that are not there yet; returns where the text came from.
    fn write(root: &Path, dir: &Path, quick: bool) -> String {
        std::fs::create_dir_all(dir).expect("bench input folder");
        let (texts, source) = inputs::texts(root);
        let mut sizes = vec![("1mb.txt", MB), ("10mb.txt", 10 * MB)];
        if !quick {
            sizes.push(("100mb.txt", 100 * MB));
        }
        for (name, bytes) in sizes {
            let path = dir.join(name);
            if std::fs::metadata(&path).map_or(true, |m| m.len() as usize != bytes) {
                std::fs::write(&path, concatenated(&texts, bytes)).expect("bench input written");
            }
        }
        std::fs::write(dir.join("empty.txt"), "").expect("empty file");
        let tree = dir.join("tree");
        if !tree
            .join(format!("d{:02}/a{:05}.txt", 99, TREE_FILES - 1))
            .is_file()
        {
            for (i, text) in texts.iter().cycle().take(TREE_FILES).enumerate() {
                let sub = tree.join(format!("d{:02}", i % 100));
                std::fs::create_dir_all(&sub).expect("tree folder");
                std::fs::write(sub.join(format!("a{i:05}.txt")), text).expect("tree file");
            }
        }
        std::fs::write(dir.join("seed-active.toml"), seed_active(root)).expect("seed-active.toml");
        std::fs::write(dir.join("facts-1000.toml"), thousand_facts()).expect("facts-1000.toml");
        source
    }

    /// The inputs [`Inputs::write`] wrote.
    fn at(root: &Path, dir: &Path, quick: bool, source: String) -> Inputs {
        Inputs {
            source,
            one: dir.join("1mb.txt"),
            ten: dir.join("10mb.txt"),
            hundred: (!quick).then(|| dir.join("100mb.txt")),
            tree: dir.join("tree"),
            empty: dir.join("empty.txt"),
            seed: root.join("rules.toml"),
            seed_active: dir.join("seed-active.toml"),
            facts: dir.join("facts-1000.toml"),
        }
    }
}

/// The median of several runs of one command.
struct Measured {
    time: Duration,
    rss_kib: u64,
}

fn measure(program: &Path, args: &[String], runs: usize) -> Measured {
    let mut times = Vec::with_capacity(runs);
    let mut rss = 0;
    for _ in 0..runs {
        let (t, r) = run_once(program, args);
        times.push(t);
        rss = rss.max(r);
    }
    times.sort();
    Measured {
        time: times[times.len() / 2],
        rss_kib: rss,
    }
}

/// Wall time and peak resident memory of one run, from the kernel's
/// accounting of the child (`wait4`).
fn run_once(program: &Path, args: &[String]) -> (Duration, u64) {
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let pid = libc::pid_t::try_from(child.id()).expect("a pid fits pid_t");
    let mut status = 0;
    // SAFETY: `usage` is a plain C struct the kernel fills in; `pid` is our
    // own child, not yet reaped (std never waits on it: `child` is dropped
    // without `wait`, which does not kill or reap it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(
        got,
        pid,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    drop(child);
    (elapsed, u64::try_from(usage.ru_maxrss).unwrap_or(0))
}

enum Rate {
    Bytes(usize),
    Files(usize),
}

fn row(
    table: &mut String,
    input: &str,
    threads: &str,
    ours: &Measured,
    rate: Rate,
    rg: Option<&Measured>,
) {
    let rate_text = match rate {
        Rate::Bytes(b) => format!("{:.1} MB/s", mb_per_s(b, ours.time)),
        Rate::Files(n) => format!("{:.0} files/s", n as f64 / ours.time.as_secs_f64()),
    };
    let (rg_text, ratio) = match rg {
        Some(r) => (
            format!("{:.0} ms", ms(r.time)),
            format!("{:.1}×", ours.time.as_secs_f64() / r.time.as_secs_f64()),
        ),
        None => ("–".into(), "–".into()),
    };
    let _ = writeln!(
        table,
        "| {input} | {threads} | {:.0} ms | {rate_text} | {:.1} MiB | {rg_text} | {ratio} |",
        ms(ours.time),
        mib(ours.rss_kib)
    );
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / MB as f64 / t.as_secs_f64()
}

fn ms(t: Duration) -> f64 {
    t.as_secs_f64() * 1000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

fn version(program: &Path) -> String {
    Command::new(program)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_string))
        .unwrap_or_else(|| program.display().to_string())
}
