//! `numcheck consensus`: many versions of one story, no fact sheet. The
//! figures most documents agree on are the first guess; the document that
//! states one of them differently is the one to check.
//!
//! Claims that state a figure the same way (kind, unit, period, value, or
//! the same fact when there are rules) form a group; a group stated by at
//! least `min_docs` documents is a consensus. A claim is an outlier when a
//! consensus of more documents says the same thing with another figure:
//! its words are mostly the consensus's own (weighted by how rare they are
//! across all claims), its value is a plausible slip from the consensus's
//! (a digit, a scale, a currency, a period, one part of a date), and its
//! document does not state the consensus figure in the same sentence (a
//! sentence that lists 50,000 and 40,000 states two things, not one twice).

mod claim;
pub mod draft;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rust_decimal::Decimal;

pub use claim::Claim;

use crate::checks::compare::{Verdict, compare};
use crate::checks::consensus_outlier::META as OUTLIER;
use crate::checks::table_disputed::META as DISPUTED;
use crate::diagnostic::{Diagnostic, Label};
use crate::engine;
use crate::extract::Kind;
use crate::facts::FactTable;
use crate::load::Document;
use crate::source::SourceFile;
use crate::time::Precision;

/// How consensus is judged.
#[derive(Clone, Debug)]
pub struct Options {
    /// How many documents must state a figure for it to be a consensus.
    pub min_docs: usize,
    /// How far apart two figures may be and still agree, as a share (0.02 = 2%).
    pub tolerance: Decimal,
    /// How much of a claim's informative wording must be the consensus's.
    pub similarity: f64,
    pub engine: engine::Options,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            min_docs: 2,
            tolerance: Decimal::ZERO,
            similarity: 0.25,
            engine: engine::Options::default(),
        }
    }
}

/// Claims that state one figure the same way.
#[derive(Debug)]
pub struct Group {
    pub members: Vec<usize>,
    pub docs: BTreeSet<usize>,
    /// Every member's words, with how many members use each.
    pub words: HashMap<String, usize>,
}

/// What consensus found.
pub struct Outcome {
    pub claims: Vec<Claim>,
    pub groups: Vec<Group>,
    /// Findings, each in the document (or rules file) it is about.
    pub findings: Vec<Diagnostic>,
}

/// How many of the smaller document's names two documents must share to
/// be on the same story.
const SAME_STORY: f64 = 0.35;

/// In more documents than this (or a tenth of them), a name is too
/// common to tell stories apart.
const COMMON_NAME: usize = 10;

/// The names a text uses: capitalised words in the middle of a sentence
/// ("Kirby", "Wagner", "Bakhmut"), where a capital means a name.
fn names(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut previous = '.';
    for word in text.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let mid_sentence = !matches!(previous, '.' | '!' | '?' | '"' | '“' | ':');
        if mid_sentence && w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase) {
            out.insert(w.to_string());
        }
        previous = word.chars().last().unwrap_or('.');
    }
    out
}

/// Whether two values agree within `tolerance` (a share of the larger).
fn agree(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    let big = a.abs().max(b.abs());
    (a - b).abs() <= big * tolerance
}

/// Whether `a` is `b` with one slip: a digit changed, two swapped, one
/// added or dropped, or a power of a thousand (a scale word).
fn plausible_slip(a: Decimal, b: Decimal) -> bool {
    if a.is_zero() || b.is_zero() {
        return false;
    }
    let (big, small) = if a.abs() > b.abs() { (a, b) } else { (b, a) };
    if let Some(ratio) = big.checked_div(small) {
        let ratio = ratio.normalize();
        if ["1000", "1000000", "1000000000"].contains(&ratio.to_string().as_str()) {
            return true;
        }
    }
    let digits = |d: Decimal| -> Vec<u8> {
        d.normalize()
            .to_string()
            .bytes()
            .filter(u8::is_ascii_digit)
            .collect()
    };
    let (x, y) = (digits(a), digits(b));
    if x.len() == y.len() {
        let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
        return match diff.as_slice() {
            [_] => true,
            [i, j] => *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i],
            _ => false,
        };
    }
    // One digit more or fewer: 1,000 for 10,000.
    let (long, short) = if x.len() > y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    long.len() == short.len() + 1
        && (0..long.len()).any(|i| {
            let mut l = long.clone();
            l.remove(i);
            &l == short
        })
}

/// Whether `c` could be a slip for a claim of group `rep`: the same kind,
/// and a value (or date) one slip away, or the same value said in another
/// currency or period.
fn plausible(c: &Claim, rep: &Claim) -> bool {
    if c.kind != rep.kind {
        return false;
    }
    if c.kind == Kind::Date {
        let fields = |x: &Claim| -> Option<(Option<i16>, Option<i8>, Option<i8>)> {
            match (x.when, x.parts) {
                (Some(w), _) => {
                    let month = (w.precision != Precision::Year).then(|| w.start.month());
                    let day = (w.precision == Precision::Day).then(|| w.start.day());
                    Some((Some(w.start.year()), month, day))
                }
                (None, Some(p)) => Some((p.year, p.month.map(|m| m as i8), p.day.map(|d| d as i8))),
                (None, None) => None,
            }
        };
        let (Some(a), Some(b)) = (fields(c), fields(rep)) else {
            return false;
        };
        // As precise as each other, and one part apart: a month, a year, a day.
        let same_shape = a.0.is_some() == b.0.is_some()
            && a.1.is_some() == b.1.is_some()
            && a.2.is_some() == b.2.is_some();
        let differ = usize::from(a.0 != b.0) + usize::from(a.1 != b.1) + usize::from(a.2 != b.2);
        return same_shape && differ == 1;
    }
    if c.value == rep.value {
        return c.unit != rep.unit || c.per != rep.per;
    }
    // 9% and 9.1%, "about 1,000" and 1,040: one is the other rounded.
    let rounded = |x: Decimal, to: Decimal| x.round_dp(to.normalize().scale()) == to.normalize();
    if rounded(c.value, rep.value) || rounded(rep.value, c.value) {
        return false;
    }
    plausible_slip(c.value, rep.value)
}

/// How much wording a slip needs to be believed, relative to a digit: the
/// same number in another currency or period, or exactly a thousand times
/// it, is too specific to be chance, so less wording must agree.
fn slip_weight(c: &Claim, rep: &Claim) -> f64 {
    let scaled = !c.value.is_zero()
        && !rep.value.is_zero()
        && [
            Decimal::from(1000),
            Decimal::from(1_000_000),
            Decimal::from(1_000_000_000),
        ]
        .iter()
        .any(|k| c.value == rep.value * k || rep.value == c.value * k);
    if c.kind == Kind::Money && (c.value == rep.value || scaled) {
        0.6
    } else {
        1.0
    }
}

/// How rare each word is across all claims: ln(claims / claims using it).
fn rarity(claims: &[Claim]) -> HashMap<&str, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for c in claims {
        for w in &c.words {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n = claims.len().max(1) as f64;
    df.into_iter()
        .map(|(w, d)| (w, (n / d as f64).ln() + 0.1))
        .collect()
}

/// How much of `c`'s wording, weighted by rarity, the group uses too.
fn similarity(c: &Claim, g: &Group, rarity: &HashMap<&str, f64>) -> f64 {
    let weight = |w: &str| rarity.get(w).copied().unwrap_or(0.1);
    let total: f64 = c.words.iter().map(|w| weight(w)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let shared: f64 = c
        .words
        .iter()
        .filter(|w| g.words.contains_key(*w))
        .map(|w| weight(w))
        .sum();
    shared / total
}

/// Groups claims: by fact when bound, else by how they state their figure
/// (values within tolerance join the first group they agree with).
fn group(claims: &[Claim], tolerance: Decimal) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        let key = match c.fact {
            Some(f) => format!("fact|{f}|{}", c.key()),
            None => c.key(),
        };
        let found = by_key.get(&key).copied().or_else(|| {
            (!tolerance.is_zero() && c.kind != Kind::Date)
                .then(|| {
                    groups.iter().position(|g| {
                        let r = &claims[g.members[0]];
                        r.kind == c.kind
                            && r.unit == c.unit
                            && r.per == c.per
                            && r.fact == c.fact
                            && agree(r.value, c.value, tolerance)
                    })
                })
                .flatten()
        });
        let at = found.unwrap_or_else(|| {
            groups.push(Group {
                members: Vec::new(),
                docs: BTreeSet::new(),
                words: HashMap::new(),
            });
            groups.len() - 1
        });
        by_key.insert(key, at);
        let g = &mut groups[at];
        g.members.push(i);
        g.docs.insert(c.doc);
        for w in &c.words {
            *g.words.entry(w.clone()).or_default() += 1;
        }
    }
    groups
}

/// Runs consensus over `docs` with `table` (empty without rules).
pub fn run(docs: &[Document], table: &FactTable, opts: &Options) -> Outcome {
    let claims: Vec<Claim> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| claim::claims(d, i, table, &opts.engine))
        .collect();
    let rarity = rarity(&claims);
    let groups = group(&claims, opts.tolerance);
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| grp.members.iter().map(move |&m| (m, g)))
        .collect();
    let strong: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].docs.len() >= opts.min_docs)
        .collect();

    // Only documents on the same story count for or against a claim: a
    // folder of unrelated articles agrees on "3" and "2004" by chance.
    let mut names: Vec<BTreeSet<String>> = docs.iter().map(|d| names(d.prose())).collect();
    // Names most documents use ("UK", "US") say nothing of the story.
    let mut used_by: HashMap<&String, usize> = HashMap::new();
    for n in names.iter().flatten() {
        *used_by.entry(n).or_default() += 1;
    }
    let common: BTreeSet<String> = used_by
        .into_iter()
        .filter(|(_, k)| *k > COMMON_NAME.max(docs.len() / 10))
        .map(|(n, _)| n.clone())
        .collect();
    for set in &mut names {
        set.retain(|n| !common.contains(n));
    }
    let same_story: Vec<Vec<bool>> = (0..docs.len())
        .map(|a| {
            (0..docs.len())
                .map(|b| {
                    let shared = names[a].intersection(&names[b]).count();
                    let smaller = names[a].len().min(names[b].len()).max(1);
                    a == b || shared as f64 / smaller as f64 >= SAME_STORY
                })
                .collect()
        })
        .collect();
    let related = |a: usize, b: usize| same_story[a][b];
    let support = |g: &Group, doc: usize| g.docs.iter().filter(|&&d| related(doc, d)).count();

    // Each claim's best consensus that says the same thing another way.
    let mut outliers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let own = support(&groups[group_of[&i]], c.doc);
        let best = strong
            .iter()
            .copied()
            .filter(|&g| {
                let grp = &groups[g];
                let rep = &claims[grp.members[0]];
                let backing = support(grp, c.doc);
                backing >= opts.min_docs
                    && backing > own
                    && !grp
                        .members
                        .iter()
                        .any(|&m| claims[m].doc == c.doc && claims[m].sentence == c.sentence)
                    && match (c.fact, rep.fact) {
                        // Bound to one fact: the same thing by the table's word.
                        (Some(a), Some(b)) => a == b,
                        _ => {
                            plausible(c, rep)
                                && similarity(c, grp, &rarity)
                                    >= opts.similarity * slip_weight(c, rep)
                        }
                    }
            })
            .max_by(|&a, &b| {
                let score = |g: usize| (similarity(c, &groups[g], &rarity), groups[g].docs.len());
                score(a)
                    .partial_cmp(&score(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        if let Some(g) = best {
            outliers.entry(g).or_default().push(i);
        }
    }

    let mut findings = Vec::new();
    for (g, odd) in &outliers {
        let grp = &groups[*g];
        for &i in odd {
            let doc = claims[i].doc;
            // Counted among the documents on this one's story only.
            let backers: BTreeSet<usize> = grp
                .docs
                .iter()
                .copied()
                .filter(|&d| related(doc, d))
                .collect();
            let stating: BTreeSet<usize> = backers
                .iter()
                .copied()
                .chain(
                    odd.iter()
                        .map(|&o| claims[o].doc)
                        .filter(|&d| related(doc, d)),
                )
                .collect();
            findings.push(outlier_finding(
                docs,
                &claims,
                grp,
                i,
                &backers,
                stating.len(),
            ));
        }
    }
    // Each fact's majority: the group of its claims most documents state.
    let mut majority: BTreeMap<usize, usize> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if let Some(f) = claims[grp.members[0]].fact {
            let best = majority.entry(f).or_insert(g);
            if grp.docs.len() > groups[*best].docs.len() {
                *best = g;
            }
        }
    }
    for &g in majority.values() {
        if let Some(d) = disputed(&claims, table, &groups[g], opts.min_docs) {
            findings.push(d);
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Outcome {
        claims,
        groups,
        findings,
    }
}

fn file(docs: &[Document], c: &Claim) -> Arc<SourceFile> {
    Arc::clone(&docs[c.doc].file)
}

fn outlier_finding(
    docs: &[Document],
    claims: &[Claim],
    grp: &Group,
    i: usize,
    backers: &BTreeSet<usize>,
    stating: usize,
) -> Diagnostic {
    let c = &claims[i];
    let rep = &claims[grp.members[0]];
    let name = |doc: usize| docs[doc].file.name().to_string();
    let mut d = Diagnostic::new(
        &OUTLIER,
        OUTLIER.severity,
        format!(
            "{} of {stating} documents: {}; this one: {}",
            backers.len(),
            rep.figure(),
            c.figure()
        ),
        Label::new(
            &file(docs, c),
            c.span,
            format!("{} elsewhere", rep.figure()),
        ),
    )
    .with_help(
        "check the figure against the source; if it is right, the others may need correcting",
    );
    let mut seen = BTreeSet::new();
    for &m in &grp.members {
        let other = &claims[m];
        if backers.contains(&other.doc) && seen.insert(other.doc) {
            d = d.with_secondary(Label::new(
                &file(docs, other),
                other.span,
                format!("{}: {}", name(other.doc), other.text),
            ));
        }
    }
    let listed: Vec<String> = backers.iter().map(|&doc| name(doc)).collect();
    d.with_note(format!("{}: {}", listed.join(", "), rep.figure()))
        .with_note(format!("{}: {}", name(c.doc), c.figure()))
}

/// A consensus the rules table disagrees with: reported on the fact.
fn disputed(
    claims: &[Claim],
    table: &FactTable,
    grp: &Group,
    min_docs: usize,
) -> Option<Diagnostic> {
    let rep = &claims[grp.members[0]];
    let f = table.facts.get(rep.fact?)?;
    if grp.docs.len() < min_docs {
        return None;
    }
    let q_like = crate::extract::Quantity {
        span: rep.span,
        figure: rep.span,
        kind: rep.kind,
        value: rep.value,
        high: rep.high,
        unit: rep.unit,
        per: rep.per.map(|p| (p, rep.span)),
        qualifier: None,
        written: crate::extract::Written::Digits,
        scale: None,
        date: None,
        relative: None,
        syntax: crate::extract::Syntax::default(),
    };
    if rep.kind == Kind::Date || compare(&q_like, f) == Verdict::Agrees {
        return None;
    }
    Some(
        Diagnostic::new(
            &DISPUTED,
            DISPUTED.severity,
            format!(
                "{} documents say {} for `{}`; the table says {}",
                grp.docs.len(),
                rep.figure(),
                f.id,
                f.describe()
            ),
            Label::new(
                &f.file,
                f.span,
                format!("{} documents disagree", grp.docs.len()),
            ),
        )
        .with_fact(f.id.clone())
        .with_help("check the source: the table may be what is out of date"),
    )
}
