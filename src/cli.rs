//! The command line: the only module that knows clap.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use numcheck::baseline::Baseline;
use numcheck::checks;
use numcheck::diagnostic::{Diagnostic, Severity};
use numcheck::discover::Rules;
use numcheck::emit::{self, FileReport, Format, Problem, Report, Style};
use numcheck::error::Error;
use numcheck::source::SourceFile;
use numcheck::{engine, load, walk};

/// Catches numeric discrepancies in prose before it is published.
#[derive(Parser, Debug)]
#[command(name = "numcheck", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour output; NO_COLOR is honoured under `auto`.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files and directories against the canonical table.
    Check(CheckArgs),
    /// Show what was extracted from a file and what it bound to.
    Extract(ExtractArgs),
    /// Print the documentation of a check.
    Explain(ExplainArgs),
    /// Run the language server on standard input and output.
    Lsp(LspArgs),
    /// Compare many documents on one story: report the figures most of
    /// them state differently, without (or against) a canonical table.
    Consensus(ConsensusArgs),
    /// Write a commented starter rules file (from the drafts' consensus
    /// when drafts are given).
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `numcheck man > numcheck.1`.
    Man,
}

#[derive(Args, Debug)]
struct InitArgs {
    /// Drafts on one story: the table is drafted from the figures most of
    /// them agree on (as `consensus --emit-rules`), for you to review.
    drafts: Vec<PathBuf>,
    /// Where to write it; an existing file is never replaced.
    #[arg(long, short, value_name = "FILE", default_value = "rules.toml")]
    output: PathBuf,
}

#[derive(Args, Debug)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
struct ConsensusArgs {
    /// Files or directories holding the documents. Default: the current directory.
    paths: Vec<PathBuf>,
    /// A rules file: figures bound to one fact are compared as one, and
    /// facts most documents contradict are reported. Not discovered: only
    /// this option names one.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// How many documents must state a figure for it to be a consensus.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u16).range(2..))]
    min_docs: u16,
    /// How far apart two figures may be and still agree, in percent.
    #[arg(long, value_name = "PCT", default_value = "0", value_parser = parse_percent)]
    tolerance: rust_decimal::Decimal,
    /// Write a draft rules file of the figures the documents agree on.
    #[arg(long, value_name = "FILE")]
    emit_rules: Option<PathBuf>,
    /// The date the documents were written, for those whose front matter states none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Print findings only, without the summary line.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    read: ReadArgs,
}

fn parse_percent(s: &str) -> Result<rust_decimal::Decimal, String> {
    let n: rust_decimal::Decimal = s
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{s}` is not a percentage"))?;
    if n.is_sign_negative() || n > rust_decimal::Decimal::from(100) {
        return Err(format!("`{s}` is not between 0 and 100"));
    }
    Ok(n / rust_decimal::Decimal::from(100))
}

#[derive(Args, Debug)]
struct LspArgs {
    /// The rules file for every document, instead of discovering
    /// numcheck.toml or rules.toml upward from each.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Check the alt text of images in Markdown and HTML as prose.
    #[arg(long)]
    alt_text: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Files or directories; `-` reads standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    /// The rules file to use instead of discovering numcheck.toml or rules.toml upward from each file.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Exit with 1 on warnings as well as errors.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// Read the document from standard input.
    #[arg(long)]
    stdin: bool,
    /// The path standard input stands for: names it in output and finds its rules.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Print findings only, without the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// The date the documents were written, for those whose front matter states none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    #[command(flatten)]
    read: ReadArgs,
    /// How many files to check at once. Default: one per core.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Stream mode: read `{"id", "text", "date"?, "story"?, "format"?}` JSON
    /// lines on standard input, write one line of findings for each.
    #[arg(long, conflicts_with_all = ["paths", "stdin", "format", "baseline", "write_baseline", "max_findings"])]
    jsonl: bool,
    /// Report at most N findings (the exit code still counts them all).
    #[arg(long, value_name = "N")]
    max_findings: Option<usize>,
    /// Do not report the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding of this run as the baseline in FILE, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Correct the figures that have one safe correction, in place; report the rest.
    #[arg(long, conflicts_with_all = ["diff", "jsonl", "write_baseline"])]
    fix: bool,
    /// With --fix, write read-only files too (they stay read-only).
    #[arg(long, requires = "fix")]
    fix_read_only: bool,
    /// Print the corrections --fix would make as a unified diff; change nothing.
    #[arg(long, conflicts_with_all = ["jsonl", "write_baseline"])]
    diff: bool,
    /// Pass a run that checked nothing, or checked drafts without their
    /// story: no rules file found, a story that does not exist, a folder
    /// with no file to check. They are still reported as warnings.
    #[arg(long)]
    allow_empty: bool,
    /// Walk folders without reading .gitignore (hidden files are still skipped).
    #[arg(long)]
    no_ignore: bool,
}

/// How documents are read, for `check` and `extract` alike.
#[derive(Args, Debug)]
struct ReadArgs {
    /// Check the alt text of images in Markdown and HTML as prose.
    #[arg(long)]
    alt_text: bool,
    /// Skip files larger than this many bytes (suffixes K, M, G).
    #[arg(long, value_name = "BYTES", value_parser = parse_size, default_value = "16M")]
    max_filesize: u64,
}

impl ReadArgs {
    fn load(&self) -> load::LoadOptions {
        load::LoadOptions {
            alt_text: self.alt_text,
        }
    }
}

/// "16M" as bytes, for `--max-filesize`.
fn parse_size(s: &str) -> Result<u64, String> {
    let upper = s.trim().to_ascii_uppercase();
    let (digits, scale) = match upper.strip_suffix(['K', 'M', 'G']) {
        Some(d) => (
            d,
            1u64 << (10 * (1 + "KMG".find(&upper[upper.len() - 1..]).unwrap_or(0))),
        ),
        None => (upper.as_str(), 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| format!("`{s}` is not a size such as 500000, 512K or 16M"))
}

/// "2022-12-22" as a calendar date, for `--date`.
fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e| format!("`{s}` is not a date in the form YYYY-MM-DD ({e})"))
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// The file to read; `-` reads standard input.
    file: PathBuf,
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
    format: ExtractFormat,
    /// The date the document was written, if its front matter states none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    /// A code (NC111) or name (wrong-relation).
    code: Option<String>,
    /// List every code with its summary.
    #[arg(long, conflicts_with = "code")]
    list: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Human,
    Short,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExtractFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Deny {
    /// Warnings fail the run as errors do.
    Warnings,
    /// Notes and warnings fail the run.
    Notes,
}

/// Exit codes: 0 clean, 1 findings at or above the threshold, 2 trouble.
const FINDINGS: u8 = 1;
const TROUBLE: u8 = 2;

fn use_color(when: ColorWhen, stream_is_tty: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

pub fn run() -> Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { TROUBLE } else { 0 };
            e.print()?;
            return Ok(ExitCode::from(code));
        }
    };
    if let Command::Lsp(args) = cli.command {
        // The server owns standard output: nothing else may lock it.
        let clean = numcheck::lsp::run(numcheck::lsp::Options {
            rules: args.rules,
            load: load::LoadOptions {
                alt_text: args.alt_text,
            },
        })?;
        if !clean {
            eprintln!("numcheck lsp: the editor ended the session without `shutdown`");
        }
        // The protocol's exit codes: 0 after shutdown, 1 without.
        return Ok(ExitCode::from(u8::from(!clean)));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Check(args) => check(args, cli.color, &mut out)?,
        Command::Extract(args) => extract(args, &mut out)?,
        Command::Explain(args) => explain(args, &mut out)?,
        Command::Consensus(args) => consensus(args, cli.color, &mut out)?,
        Command::Init(args) => init(args)?,
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut cmd, "numcheck", &mut out);
            0
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            write_or_pipe_closed(clap_mangen::Man::new(cmd).render(&mut out))?;
            0
        }
        Command::Lsp(_) => unreachable!("the server returned above"),
    };
    // The last of the output may meet a closed pipe only here: the exit
    // code must still be the findings', not success.
    write_or_pipe_closed(out.flush())?;
    Ok(ExitCode::from(code))
}

/// Prints rules-file errors as compiler diagnostics on standard error.
fn report_error(e: &Error, color: ColorWhen) {
    // Rendering writes in small pieces: unbuffered, each would be a system call.
    let mut err = io::BufWriter::new(io::stderr().lock());
    match e {
        Error::Rules { diagnostics, .. } => {
            let color = use_color(color, io::stderr().is_terminal());
            let _ = emit::render_human(diagnostics, color, &mut err);
            let _ = writeln!(err, "error: {e}");
        }
        other => {
            let _ = writeln!(err, "error: {other}");
        }
    }
}

/// Standard input, up to `max` bytes: more is skipped as a file would be.
fn read_stdin(name: &str, max: u64) -> Result<load::Read, Error> {
    let bytes = load::read_up_to(io::stdin().lock(), max).map_err(|source| Error::Io {
        path: name.to_string(),
        source,
    })?;
    load::text_of(name.to_string(), bytes, max)
}

/// How every document of a run is read and checked.
struct Run {
    rules: Rules,
    /// numcheck.toml's `[check]` or pyproject.toml's `[tool.numcheck]`.
    config: numcheck::config::Config,
    engine: engine::Options,
    load: load::LoadOptions,
    max_size: u64,
}

fn check(args: CheckArgs, color: ColorWhen, out: &mut dyn Write) -> Result<u8> {
    let config = match numcheck::config::Config::discover(Path::new(".")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(TROUBLE);
        }
    };
    let run = Run {
        rules: Rules::new(args.rules.as_deref()),
        config,
        engine: engine::Options { date: args.date },
        load: args.read.load(),
        max_size: args.read.max_filesize,
    };
    if args.jsonl {
        return jsonl(&args, &run, color, out);
    }
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(TROUBLE);
        }
    };
    let mut paths = args.paths.clone();
    let stdin_wanted = args.stdin || paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    if paths.is_empty() && !stdin_wanted {
        paths.push(PathBuf::from("."));
    }
    let walk::Walk {
        files,
        problems: walk_problems,
        skipped: walk_skipped,
        empty: walk_empty,
    } = walk::files_with(
        &paths,
        walk::Options {
            no_ignore: args.no_ignore,
        },
    );
    // `exclude` leaves out what a walk found, never a file named on the
    // command line (as ruff does without --force-exclude).
    let walked = files.len();
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| paths.contains(f) || !run.config.excludes(f))
        .collect();
    let excluded = walked - files.len();
    let as_problem = |(path, message): (String, String)| Problem::new(path, message);
    let mut problems: Vec<Problem> = walk_problems.into_iter().map(as_problem).collect();

    let bar = progress(
        matches!(args.format, FormatArg::Human) && !args.quiet && io::stderr().is_terminal(),
        files.len(),
    );
    let check_all = || -> Vec<Outcome> {
        files
            .par_iter()
            .map(|path| {
                let outcome = run.check_path(path);
                bar.tick_file();
                outcome
            })
            .collect()
    };
    let outcomes = match args.threads {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build()
        {
            Ok(pool) => pool.install(check_all),
            Err(e) => {
                eprintln!("error: cannot start {n} threads: {e}");
                return Ok(TROUBLE);
            }
        },
        None => check_all(),
    };
    bar.done();
    let mut report = Report {
        skipped: walk_skipped.into_iter().map(as_problem).collect(),
        ..Report::default()
    };
    // Folders with no file to check: a run that checks nothing must not
    // look like a clean one.
    let empty_run = files.is_empty() && !stdin_wanted;
    if empty_run && walk_empty.is_empty() && excluded > 0 {
        let from = run
            .config
            .file
            .as_deref()
            .map_or_else(|| "the configuration".to_string(), load::display_path);
        report.warnings.push(Problem::new(
            from.clone(),
            format!(
                "no file to check: the {excluded} found are all excluded by `exclude` in {from}"
            ),
        ));
    }
    report
        .warnings
        .extend(walk_empty.into_iter().map(as_problem));
    let mut missing = Missing::default();
    let mut trouble = false;
    if stdin_wanted {
        let shown = args
            .stdin_filename
            .as_deref()
            .map_or_else(|| "<stdin>".to_string(), load::display_path);
        let at = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("stdin"));
        let outcome = match read_stdin(&shown, run.max_size) {
            Ok(load::Read::Text(file)) => match run.check_source(&at, file) {
                // Named by --stdin-filename, yet not read from there.
                Outcome::Checked(r, gaps) => Outcome::Checked(FileReport { path: None, ..r }, gaps),
                other => other,
            },
            Ok(load::Read::Skipped(why)) => Outcome::Skipped(shown.clone(), why),
            Err(e) => Outcome::Failed(e),
        };
        trouble |= collect(outcome, &mut report, &mut problems, &mut missing);
    }
    for outcome in outcomes {
        trouble |= collect(outcome, &mut report, &mut problems, &mut missing);
    }
    if let Some(first) = missing.unruled.first() {
        missing.fails = true;
        let files = match missing.unruled.len() {
            1 => String::new(),
            n => format!(" and {} more", file_count(n - 1)),
        };
        report.warnings.push(Problem::new(
            first.clone(),
            format!(
                "no rules file found for {first}{files} (no numcheck.toml or rules.toml in \
                 its folder or any above, and no --rules): only the story-independent \
                 checks ran"
            ),
        ));
    }
    for path in run.rules.foreign() {
        report.skipped.push(Problem::new(
            load::display_path(&path),
            "not a numcheck rules file (it has no `version` key): passed over, and \
             rules were looked for further up",
        ));
    }
    if !args.quiet && !matches!(args.format, FormatArg::Json) {
        for s in &report.skipped {
            eprintln!("note: skipped {}: {}", s.path, s.message);
        }
    }
    let mut rules_problems = Vec::new();
    for failure in run.rules.failures() {
        trouble = true;
        report_error(&failure, color);
        match &*failure {
            Error::Rules { diagnostics, .. } => {
                rules_problems.extend(Problem::of_rules(diagnostics))
            }
            other => rules_problems.push(Problem::new(error_path(other), other.to_string())),
        }
    }
    for p in &problems {
        trouble = true;
        eprintln!("error: {}", p.message);
    }
    problems.extend(rules_problems);
    for w in &report.warnings {
        eprintln!("warning: {}", w.message);
    }
    report.problems = problems;
    if let Some(path) = &args.write_baseline {
        return Ok(match numcheck::baseline::write(path, &report) {
            Ok(n) => {
                eprintln!(
                    "wrote {} to the baseline {}",
                    findings(n),
                    load::display_path(path)
                );
                if trouble { TROUBLE } else { 0 }
            }
            Err(e) => {
                eprintln!("error: {e}");
                TROUBLE
            }
        });
    }
    if let Some(b) = &baseline {
        let hidden = b.apply(&mut report);
        if hidden > 0 && !args.quiet {
            eprintln!("note: {} in the baseline not reported", findings(hidden));
        }
    }
    if args.fix || args.diff {
        let stdin_at = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("stdin"));
        let recheck = |at: Option<&Path>, name: &str, text: &str| -> Vec<Diagnostic> {
            let at = at.unwrap_or(&stdin_at);
            let Outcome::Checked(file, _) = run.check_source(at, SourceFile::new(name, text))
            else {
                return Vec::new();
            };
            let mut one = Report {
                files: vec![file],
                ..Report::default()
            };
            if let Some(b) = &baseline {
                b.apply(&mut one);
            }
            one.files.pop().map(|f| f.diagnostics).unwrap_or_default()
        };
        let guard = numcheck::apply::Guard::new(&paths, args.fix_read_only);
        let fixed = fix_files(&mut report, args.diff, &guard, &recheck, out)?;
        trouble |= fixed.failed;
        if args.diff {
            if !args.quiet && fixed.findings > 0 {
                eprintln!(
                    "note: {} can be fixed in {} (--fix applies them)",
                    findings(fixed.findings),
                    file_count(fixed.files)
                );
            }
            return Ok(if trouble {
                TROUBLE
            } else if fixed.findings > 0 {
                FINDINGS
            } else {
                0
            });
        }
        if !args.quiet && fixed.findings > 0 {
            eprintln!(
                "note: fixed {} in {}",
                findings(fixed.findings),
                file_count(fixed.files)
            );
        }
    }
    let threshold = threshold(args.deny);
    let failing = report.diagnostics().any(|d| d.severity >= threshold);
    if let Some(max) = args.max_findings {
        let total = report.diagnostics().count();
        let mut left = max;
        for f in &mut report.files {
            let keep = f.diagnostics.len().min(left);
            f.diagnostics.truncate(keep);
            left -= keep;
        }
        report.not_shown = total.saturating_sub(max);
        if total > max && !args.quiet {
            let more = total - max;
            let noun = if more == 1 { "finding" } else { "findings" };
            eprintln!("note: {more} more {noun} not shown (--max-findings {max})");
        }
    }
    // A run that checked drafts without any rules, or against a story
    // that does not exist, fails where no person may read the warning (the
    // machine formats); any warning fails it under --deny. --allow-empty
    // passes both.
    let machine = !matches!(args.format, FormatArg::Human);
    let warned = !report.warnings.is_empty();
    let failing = failing
        || (!args.allow_empty && ((machine && missing.fails) || (args.deny.is_some() && warned)));
    let trouble = trouble || (empty_run && !args.allow_empty);
    write_report(&report, args.format, color, args.quiet, out)?;
    Ok(exit_code(trouble, failing))
}

/// The path an error is about.
fn error_path(e: &Error) -> String {
    match e {
        Error::Io { path, .. } | Error::NotUtf8 { path, .. } | Error::Rules { path, .. } => {
            path.clone()
        }
    }
}

/// Stream mode. Exit status as for `check`: 2 when the rules cannot be
/// used, else 1 when a line has a finding at or above the threshold
/// (errors; `--deny warnings` or `notes` lowers it) or names a story the
/// rules lack (unless `--allow-empty`), else 0. A reader that closes the
/// pipe early ends the stream; the status still counts what was read.
fn jsonl(args: &CheckArgs, run: &Run, color: ColorWhen, out: &mut dyn Write) -> Result<u8> {
    let at = Path::new("stdin");
    let no_rules = !run.rules.found_for(at);
    if no_rules {
        eprintln!(
            "warning: no rules file found for standard input (no numcheck.toml or rules.toml \
             in the current folder or any above, and no --rules): only the \
             story-independent checks ran"
        );
    }
    let stdin = io::stdin();
    let summary = numcheck::stream::run(
        stdin.lock(),
        out,
        &run.rules,
        &run.engine,
        run.load,
        run.max_size,
    )?;
    let failures = run.rules.failures();
    for failure in &failures {
        report_error(failure, color);
    }
    if !failures.is_empty() {
        return Ok(TROUBLE);
    }
    let failing = summary.worst.is_some_and(|s| s >= threshold(args.deny))
        || (!args.allow_empty
            && (summary.fails || no_rules || (args.deny.is_some() && summary.warned)));
    Ok(if failing { FINDINGS } else { 0 })
}

/// The least severity that fails a run.
fn threshold(deny: Option<Deny>) -> Severity {
    match deny {
        None => Severity::Error,
        Some(Deny::Warnings) => Severity::Warning,
        Some(Deny::Notes) => Severity::Note,
    }
}

/// Writes `report` in the chosen format to standard output.
fn write_report(
    report: &Report,
    format: FormatArg,
    color: ColorWhen,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let format = match format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let style = Style {
        color: use_color(color, io::stdout().is_terminal()),
        quiet,
    };
    write_or_pipe_closed(emit::emit(format, report, style, out))?;
    Ok(())
}

/// 2 for trouble, else 1 for findings that fail the run, else 0.
fn exit_code(trouble: bool, failing: bool) -> u8 {
    if trouble {
        TROUBLE
    } else if failing {
        FINDINGS
    } else {
        0
    }
}

/// "1 finding", "3 findings".
fn findings(n: usize) -> String {
    if n == 1 {
        "1 finding".into()
    } else {
        format!("{n} findings")
    }
}

/// "1 file", "3 files".
fn file_count(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}

/// What `--fix` or `--diff` did.
struct Fixed {
    findings: usize,
    files: usize,
    /// A file could not be written.
    failed: bool,
}

/// Checks a fixed text again: the document's path (`None` for standard
/// input), its shown name, and the text.
type Recheck<'a> = dyn Fn(Option<&Path>, &str, &str) -> Vec<Diagnostic> + 'a;

/// Applies (or with `diff_only`, prints as a diff) the corrections of every
/// file's findings, checking each file again with `recheck` until nothing
/// is left to correct; a fixed file's report becomes that of its new text.
/// Standard input is never written: `--fix` prints an error for it.
fn fix_files(
    report: &mut Report,
    diff_only: bool,
    guard: &numcheck::apply::Guard,
    recheck: &Recheck,
    out: &mut dyn Write,
) -> Result<Fixed> {
    use numcheck::apply::{WriteError, Written};
    let mut done = Fixed {
        findings: 0,
        files: 0,
        failed: false,
    };
    for f in &mut report.files {
        let name = f.file.name().to_string();
        let old = f.file.text();
        let converged = numcheck::apply::converge(old, f.diagnostics.clone(), |text| {
            recheck(f.path.as_deref(), &name, text)
        });
        if converged.fixed == 0 {
            continue;
        }
        if diff_only {
            let diff = numcheck::apply::diff(&name, old, &converged.text);
            write_or_pipe_closed(out.write_all(diff.as_bytes()))?;
        } else {
            let Some(path) = &f.path else {
                eprintln!("error: {name}: standard input cannot be fixed in place; use --diff");
                done.failed = true;
                continue;
            };
            match numcheck::apply::write(path, old, &converged.text, guard) {
                Ok(Written::Fixed { links }) if links > 1 => eprintln!(
                    "note: {name} had {links} hard links: it is a new file now, and the \
                     other names keep the old text"
                ),
                Ok(_) => {}
                Err(e @ WriteError::Refused { .. }) => {
                    eprintln!("note: {e}");
                    continue;
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    done.failed = true;
                    continue;
                }
            }
            f.file = converged
                .remaining
                .first()
                .map(|d| Arc::clone(&d.primary.file))
                .unwrap_or_else(|| SourceFile::new(name.clone(), converged.text.clone()));
            f.diagnostics = converged.remaining;
        }
        done.findings += converged.fixed;
        done.files += 1;
    }
    Ok(done)
}

/// A progress bar on standard error for a long run of `check`: shown only
/// for human output on a terminal, and only once the run has taken
/// longer than [`Progress::MOMENT`], so a quick run prints nothing extra.
/// Never in machine formats or a pipe, where it would be noise in a log.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    const MOMENT: std::time::Duration = std::time::Duration::from_millis(300);

    fn tick_file(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if bar.is_hidden() && bar.elapsed() > Self::MOMENT {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn progress(show: bool, files: usize) -> Progress {
    let bar = show.then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(files as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files checked, {elapsed} ({eta} left)",
        ) {
            bar.set_style(style);
        }
        bar
    });
    Progress { bar }
}

/// What a check of one file left out.
struct Gaps {
    /// Why it was checked without its story.
    notes: Vec<numcheck::coverage::Gap>,
    /// No rules file applies to it.
    no_rules: bool,
}

/// What became of one file.
enum Outcome {
    Checked(FileReport, Gaps),
    /// Not a document (binary, too large): its path and why.
    Skipped(String, String),
    /// Its rules file is broken; that is reported once, on its own.
    RulesBroken,
    Failed(Error),
}

impl Run {
    /// Checks the text of the document at `at`.
    fn check_source(&self, at: &Path, file: Arc<SourceFile>) -> Outcome {
        match self.rules.for_path(at) {
            Ok(table) => {
                let doc = load::Document::load(file, Some(at.to_path_buf()), self.load);
                let mut diagnostics = engine::check(&doc, &table, &self.engine);
                self.config.apply(Some(at), &mut diagnostics);
                let gaps = Gaps {
                    notes: numcheck::coverage::gaps(&doc, &table),
                    no_rules: !self.rules.found_for(at),
                };
                Outcome::Checked(
                    FileReport {
                        file: doc.file,
                        path: Some(at.to_path_buf()),
                        diagnostics,
                    },
                    gaps,
                )
            }
            Err(_) => Outcome::RulesBroken,
        }
    }

    fn check_path(&self, path: &Path) -> Outcome {
        match load::read(path, self.max_size) {
            Ok(load::Read::Text(file)) => self.check_source(path, file),
            Ok(load::Read::Skipped(why)) => Outcome::Skipped(load::display_path(path), why),
            Err(e) => Outcome::Failed(e),
        }
    }
}

/// What the files of a run were checked without.
#[derive(Default)]
struct Missing {
    /// The files no rules file applies to.
    unruled: Vec<String>,
    /// A warning that fails a CI run: a story that does not exist.
    fails: bool,
}

/// Adds an outcome to the report, and what its file lacked to `missing`;
/// true if it was trouble.
fn collect(
    outcome: Outcome,
    report: &mut Report,
    problems: &mut Vec<Problem>,
    missing: &mut Missing,
) -> bool {
    match outcome {
        Outcome::Checked(r, gaps) => {
            let name = r.file.name().to_string();
            for gap in gaps.notes {
                missing.fails |= gap.fails;
                report.warnings.push(Problem::new(
                    name.clone(),
                    format!("{name}: {}", gap.message),
                ));
            }
            let unruled = &mut missing.unruled;
            if gaps.no_rules {
                unruled.push(name);
            }
            report.files.push(r);
            false
        }
        Outcome::Skipped(path, message) => {
            report.skipped.push(Problem::new(path, message));
            false
        }
        Outcome::RulesBroken => true,
        Outcome::Failed(e) => {
            problems.push(Problem::new(error_path(&e), e.to_string()));
            true
        }
    }
}

/// A reader that closed the pipe (`numcheck … | head`) is not an error.
fn write_or_pipe_closed(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn consensus(args: ConsensusArgs, color: ColorWhen, out: &mut dyn Write) -> Result<u8> {
    let table = match &args.rules {
        Some(path) => match numcheck::discover::load_rules(path) {
            Ok(t) => t,
            Err(e) => {
                report_error(&e, color);
                return Ok(TROUBLE);
            }
        },
        None => numcheck::facts::FactTable::empty(),
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let walked = walk::files(&paths);
    let mut trouble = false;
    for (_, message) in &walked.problems {
        eprintln!("error: {message}");
        trouble = true;
    }
    let load_opts = args.read.load();
    let mut docs = Vec::new();
    for path in &walked.files {
        match load::read(path, args.read.max_filesize) {
            Ok(load::Read::Text(file)) => {
                docs.push(load::Document::load(file, Some(path.clone()), load_opts));
            }
            Ok(load::Read::Skipped(why)) => {
                if !args.quiet {
                    eprintln!("note: skipped {}: {why}", load::display_path(path));
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                trouble = true;
            }
        }
    }
    let opts = numcheck::consensus::Options {
        min_docs: usize::from(args.min_docs),
        tolerance: args.tolerance,
        engine: engine::Options { date: args.date },
        ..numcheck::consensus::Options::default()
    };
    let outcome = numcheck::consensus::run(&docs, &table, &opts);
    if let Some(path) = &args.emit_rules {
        let text = numcheck::consensus::draft::rules(&outcome, &docs, opts.min_docs);
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: {}: {e}", load::display_path(path));
            return Ok(TROUBLE);
        }
        if !args.quiet {
            eprintln!("wrote draft rules to {}", load::display_path(path));
        }
    }
    let mut report = Report::default();
    for doc in &docs {
        report.files.push(FileReport {
            file: Arc::clone(&doc.file),
            path: None,
            diagnostics: Vec::new(),
        });
    }
    let found = !outcome.findings.is_empty();
    for d in outcome.findings {
        let at = report
            .files
            .iter()
            .position(|f| Arc::ptr_eq(&f.file, &d.primary.file));
        match at {
            Some(i) => report.files[i].diagnostics.push(d),
            None => report.files.push(FileReport {
                file: Arc::clone(&d.primary.file),
                path: None,
                diagnostics: vec![d],
            }),
        }
    }
    report
        .files
        .sort_by(|a, b| a.file.name().cmp(b.file.name()));
    write_report(&report, args.format, color, args.quiet, out)?;
    Ok(exit_code(trouble, found))
}

/// The starter table `init` writes without drafts: one made-up story, each
/// part commented. tests/init.rs checks that it loads and is schema-valid.
const STARTER: &str = include_str!("init/starter.toml");

fn init(args: InitArgs) -> Result<u8> {
    let shown = load::display_path(&args.output);
    let text = if args.drafts.is_empty() {
        STARTER.to_string()
    } else {
        let walked = walk::files(&args.drafts);
        let mut docs = Vec::new();
        for path in &walked.files {
            match load::read(path, load::MAX_SIZE) {
                Ok(load::Read::Text(file)) => docs.push(load::Document::load(
                    file,
                    Some(path.clone()),
                    load::LoadOptions::default(),
                )),
                Ok(load::Read::Skipped(why)) => {
                    eprintln!("note: skipped {}: {why}", load::display_path(path))
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    return Ok(TROUBLE);
                }
            }
        }
        if docs.len() < 2 {
            eprintln!(
                "error: init drafts a table from what several drafts agree on; {} found",
                file_count(docs.len())
            );
            return Ok(TROUBLE);
        }
        let opts = numcheck::consensus::Options::default();
        let outcome = numcheck::consensus::run(&docs, &numcheck::facts::FactTable::empty(), &opts);
        numcheck::consensus::draft::rules(&outcome, &docs, opts.min_docs)
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.output);
    match file.and_then(|mut f| f.write_all(text.as_bytes())) {
        Ok(()) => {
            eprintln!("wrote {shown}; check it with `numcheck check DRAFT`");
            Ok(0)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!("error: {shown} exists; init never replaces a file (use --output)");
            Ok(TROUBLE)
        }
        Err(e) => {
            eprintln!("error: {shown}: {e}");
            Ok(TROUBLE)
        }
    }
}

fn extract(args: ExtractArgs, out: &mut dyn Write) -> Result<u8> {
    let rules = Rules::new(args.rules.as_deref());
    let stdin = args.file.as_os_str() == "-";
    let max = args.read.max_filesize;
    let file = if stdin {
        read_stdin("<stdin>", max)
    } else {
        load::read(&args.file, max)
    };
    let file = match file {
        Ok(load::Read::Text(f)) => f,
        Ok(load::Read::Skipped(why)) => {
            eprintln!(
                "error: cannot read {} as a document: {why}",
                load::display_path(&args.file)
            );
            return Ok(TROUBLE);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(TROUBLE);
        }
    };
    let table = match rules.for_path(if stdin {
        Path::new("stdin")
    } else {
        &args.file
    }) {
        Ok(t) => t,
        Err(e) => {
            report_error(&e, ColorWhen::Auto);
            return Ok(TROUBLE);
        }
    };
    let opts = engine::Options { date: args.date };
    let path = (!stdin).then(|| args.file.clone());
    let doc = load::Document::load(file, path, args.read.load());
    let listing = numcheck::listing::list(&doc, &table, &opts);
    let written = match args.format {
        ExtractFormat::Json => numcheck::listing::write_json(&listing, out),
        ExtractFormat::Human => numcheck::listing::write_human(&listing, out),
    };
    write_or_pipe_closed(written)?;
    Ok(0)
}

fn explain(args: ExplainArgs, out: &mut dyn Write) -> Result<u8> {
    if args.list || args.code.is_none() {
        for m in checks::ALL {
            writeln!(
                out,
                "{}  {:<26} {:<8} {}",
                m.code,
                m.name,
                m.severity.as_str(),
                m.summary
            )?;
        }
        return Ok(0);
    }
    let code = args.code.unwrap_or_default();
    match checks::find(&code) {
        Some(m) => {
            writeln!(out, "# {} {}: {}\n", m.code, m.name, m.summary)?;
            writeln!(out, "Default severity: {}\n", m.severity.as_str())?;
            write!(out, "{}", m.explanation())?;
            Ok(0)
        }
        None => {
            eprintln!("error: no check `{code}`; `numcheck explain --list` lists them");
            Ok(TROUBLE)
        }
    }
}
