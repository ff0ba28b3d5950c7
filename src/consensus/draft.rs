//! `consensus --emit-rules FILE`: a first rules.toml from what the
//! documents agree on, for an editor to review. Each consensus becomes a
//! fact with the majority value, the nouns that named it as `terms` (or,
//! for figures no noun names, the words their sentences share as
//! `context`), the qualifiers outlets used as `accept`, and the support as
//! a comment.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use rust_decimal::Decimal;

use super::{Claim, Group, Outcome};
use crate::extract::{Kind, Unit};
use crate::facts::{Measure, format_value, qualifier_phrase};
use crate::load::Document;
use crate::source::Span;

/// A TOML string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// The most common item, ties to the first seen.
fn most_common<T: Ord + Clone>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(t, _)| t)
}

/// A fact's value as rules.toml reads it.
fn value(c: &Claim) -> Option<String> {
    let number = |d: Decimal| d.normalize().to_string();
    Some(match (c.kind, c.unit) {
        (Kind::Count, _) => number(c.value),
        (Kind::Percent, _) => quoted(&format!("{}%", number(c.value))),
        (Kind::Money, Some(Unit::Currency(cur))) => {
            quoted(&format_value(c.value, Measure::Money(cur), c.per))
        }
        _ => return None,
    })
}

/// The lowercase words of a sentence worth binding by.
fn sentence_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .filter(|w| !super::claim::STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Words that name a figure with no noun: the two words nearest it in
/// each member's clause, leaving out words most claims' sentences use (a
/// fact's context words are any-of, so "founded" and "established" both
/// bind the year the group began).
fn context_words(
    claims: &[Claim],
    groups: &[&Group],
    gi: usize,
    docs: &[Document],
    keyword: &str,
) -> Vec<String> {
    let g = groups[gi];
    // Words of the other agreed figures' sentences would bind them too;
    // a sentence that states this figure as well says nothing either way.
    let ours: BTreeSet<(usize, Span)> = g
        .members
        .iter()
        .map(|&m| (claims[m].doc, claims[m].sentence))
        .collect();
    let elsewhere: BTreeSet<String> = groups
        .iter()
        .enumerate()
        .filter(|(o, _)| *o != gi)
        .flat_map(|(_, o)| o.members.iter())
        .map(|&m| &claims[m])
        .filter(|c| !ours.contains(&(c.doc, c.sentence)))
        .flat_map(|c| sentence_words(c.sentence.slice(docs[c.doc].prose())))
        .collect();
    let mut out = BTreeSet::new();
    for &m in &g.members {
        let c = &claims[m];
        let text = docs[c.doc].prose();
        let mut near: Vec<(usize, String)> = Vec::new();
        let mut at = c.clause.start;
        for w in c.clause.slice(text).split(|ch: char| !ch.is_alphabetic()) {
            let start = at;
            at += w.len() + 1;
            let lower = w.to_lowercase();
            if w.len() <= 3
                || lower == keyword
                || super::claim::STOPWORDS.contains(&lower.as_str())
                || elsewhere.contains(&lower)
                || (c.span.start <= start && start < c.span.end)
            {
                continue;
            }
            let distance = if start < c.span.start {
                c.span.start - start
            } else {
                start - c.span.end
            };
            near.push((distance, lower));
        }
        near.sort();
        out.extend(near.into_iter().map(|(_, w)| w).take(2));
    }
    out.into_iter().collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The draft rules for `outcome`: one story, one fact a consensus.
pub fn rules(outcome: &Outcome, docs: &[Document], min_docs: usize) -> String {
    let claims = &outcome.claims;
    let names: Vec<String> = docs.iter().map(|d| d.file.name().to_string()).collect();
    let mut out = String::from(
        "# Drafted by `numcheck consensus --emit-rules` from what the documents agree on.\n\
         # Review every value against a source before relying on it.\n\n",
    );
    // The story's keyword: the capitalised word in most documents.
    let mut in_docs: HashMap<String, (BTreeSet<usize>, usize)> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        for w in d.prose().split(|c: char| !c.is_alphanumeric()) {
            let name = w.len() > 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase);
            if name {
                let e = in_docs.entry(w.to_string()).or_default();
                e.0.insert(i);
                e.1 += 1;
            }
        }
    }
    let keyword = in_docs
        .iter()
        .max_by(|a, b| {
            (a.1.0.len(), a.1.1)
                .cmp(&(b.1.0.len(), b.1.1))
                .then(b.0.cmp(a.0))
        })
        .map(|(w, _)| w.clone())
        .unwrap_or_else(|| "story".into());
    let mut groups: Vec<&Group> = outcome
        .groups
        .iter()
        .filter(|g| g.docs.len() >= min_docs)
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.docs.len()));
    // Who the figures belong to: the keyword, and the names most documents
    // use in the sentences that state the agreed figures ("Prigozhin",
    // "Kirby"), so "the group … is spending" binds where Kirby is named.
    let mut subject = vec![keyword.clone()];
    let half = docs.len().div_ceil(2);
    let mut names_near: Vec<(&String, usize)> = in_docs
        .iter()
        .filter(|(w, (ds, _))| **w != keyword && ds.len() >= half)
        .map(|(w, _)| {
            // In how many documents it is named beside an agreed figure.
            let near: BTreeSet<usize> = groups
                .iter()
                .flat_map(|g| g.members.iter())
                .map(|&m| &claims[m])
                .filter(|c| c.sentence.slice(docs[c.doc].prose()).contains(w.as_str()))
                .map(|c| c.doc)
                .collect();
            (w, near.len())
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    names_near.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    subject.extend(names_near.into_iter().take(5).map(|(w, _)| w.clone()));
    // What the keyword names, as copy refers back to it: "the Wagner
    // Group" → "the group" (counted where "the" comes before the keyword).
    let mut after: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let words: Vec<&str> = d.prose().split_whitespace().collect();
        for three in words.windows(3) {
            let next = three[2]
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if three[0].eq_ignore_ascii_case("the")
                && three[1] == keyword
                && next.len() > 2
                && next.chars().all(char::is_alphabetic)
            {
                after.entry(next).or_default().insert(i);
            }
        }
    }
    if let Some((noun, _)) = after
        .iter()
        .filter(|(_, ds)| ds.len() >= half)
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
    {
        subject.push(format!("the {noun}"));
    }
    let _ = writeln!(
        out,
        "[[story]]\nid = {}\nkeywords = [{}]\nsubject = {}\n",
        quoted(&slug(&keyword)),
        quoted(&keyword),
        list(&subject)
    );
    // How many claims' sentences use each word: rare words name a figure.
    let mut seen_in: HashMap<String, usize> = HashMap::new();
    for c in claims {
        for w in sentence_words(c.sentence.slice(docs[c.doc].prose())) {
            *seen_in.entry(w).or_default() += 1;
        }
    }
    // A noun goes to the consensus that uses it most: "mercenaries" for
    // 50,000 in one outlet and 10,000 in another names neither for sure.
    let mut noun_home: HashMap<String, (usize, usize)> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &m in &g.members {
            if let Some(n) = &claims[m].noun {
                *counts.entry(n.as_str()).or_default() += 1;
            }
        }
        for (n, k) in counts {
            // A tie goes to the larger figure: a noun that names a total in
            // one outlet and a part in another names the whole more often.
            let e = noun_home.entry(n.to_string()).or_insert((gi, 0));
            let larger = |a: usize, b: usize| {
                claims[groups[a].members[0]].value > claims[groups[b].members[0]].value
            };
            if k > e.1 || (k == e.1 && e.0 != gi && larger(gi, e.0)) {
                *e = (gi, k);
            }
        }
    }
    // Ids first: a total names its parts by id.
    let mut ids: Vec<Option<String>> = vec![None; groups.len()];
    let mut taken = BTreeSet::new();
    let mut plans = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let rep = &claims[g.members[0]];
        let terms: Vec<String> = g
            .members
            .iter()
            .filter_map(|&m| claims[m].noun.clone())
            .filter(|n| n.len() > 2 && n.chars().all(|c| c.is_alphabetic() || c == '-'))
            .filter(|n| noun_home.get(n).is_some_and(|h| h.0 == gi))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let context = context_words(claims, &groups, gi, docs, &keyword.to_lowercase());
        let (line, tail) = match rep.kind {
            Kind::Date => match rep.when {
                Some(w) => (format!("date = {}", quoted(&w.iso())), w.iso()),
                None => continue,
            },
            _ => match value(rep) {
                Some(v) => (format!("value = {v}"), rep.value.normalize().to_string()),
                None => continue,
            },
        };
        // A share may still be named by its base and what it is a share of.
        if terms.is_empty() && context.is_empty() && rep.kind != Kind::Percent {
            continue;
        }
        let base = terms
            .first()
            .or(context.first())
            .cloned()
            .unwrap_or_else(|| rep.kind.as_str().to_string());
        let mut id = format!("{}-{}", slug(&base), slug(&tail));
        while !taken.insert(id.clone()) {
            id.push('x');
        }
        ids[gi] = Some(id);
        plans.push((gi, line, terms, context));
    }
    // A share names its base and what it is a share of: "90% of those
    // 1,000 fighters were convicts" is a share of the 1,000 killed, and its
    // terms are the other consensus's nouns its sentences all use.
    let all_terms: Vec<(usize, &String)> = plans
        .iter()
        .flat_map(|(gi, _, terms, _)| terms.iter().map(move |t| (*gi, t)))
        .collect();
    let mut shares: HashMap<usize, (usize, Vec<String>)> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        if claims[g.members[0]].kind != Kind::Percent {
            continue;
        }
        let with = |b: usize| {
            g.members.iter().all(|&m| {
                let c = &claims[m];
                groups[b]
                    .members
                    .iter()
                    .any(|&o| claims[o].doc == c.doc && claims[o].sentence == c.sentence)
            })
        };
        let Some(base) = (0..groups.len())
            .filter(|&b| claims[groups[b].members[0]].kind == Kind::Count && ids[b].is_some())
            .find(|&b| with(b))
        else {
            continue;
        };
        let in_all = |t: &str| {
            g.members.iter().all(|&m| {
                let c = &claims[m];
                sentence_words(c.sentence.slice(docs[c.doc].prose())).contains(t)
            })
        };
        let terms: Vec<String> = all_terms
            .iter()
            .filter(|(home, t)| *home != base && in_all(t))
            .map(|(_, t)| (*t).clone())
            .collect();
        if !terms.is_empty() {
            shares.insert(gi, (base, terms));
        }
    }
    for plan in &mut plans {
        if let Some((_, terms)) = shares.get(&plan.0) {
            plan.2 = terms.clone();
        }
    }
    // Nothing can bind a fact with no words: leave it out.
    plans.retain(|(gi, _, terms, context)| {
        let named = !terms.is_empty() || !context.is_empty();
        if !named {
            ids[*gi] = None;
        }
        named
    });
    for (gi, line, terms, context) in plans {
        let g = groups[gi];
        let rep = &claims[g.members[0]];
        let id = ids[gi].clone().unwrap_or_default();
        let support = format!(
            "# {} of {} documents: {}",
            g.docs.len(),
            docs.len(),
            g.docs
                .iter()
                .map(|&d| names[d].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let approx: Vec<Option<&'static str>> = g
            .members
            .iter()
            .map(|&m| {
                claims[m]
                    .approx
                    .map(|a| qualifier_phrase(a, Measure::Count))
            })
            .collect();
        let qualifier = most_common(approx.iter().copied()).flatten();
        let accept: Vec<String> = approx
            .iter()
            .flatten()
            .filter(|a| Some(**a) != qualifier)
            .map(|a| a.to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let _ = writeln!(out, "{support}\n[[fact]]\nid = {}\n{line}", quoted(&id));
        if rep.kind == Kind::Count {
            let _ = writeln!(out, "unit = \"person\"");
        }
        if rep.kind != Kind::Date {
            if let Some(q) = qualifier {
                let _ = writeln!(out, "qualifier = {}", quoted(q));
            }
            if !accept.is_empty() {
                let _ = writeln!(out, "accept = {}", list(&accept));
            }
        }
        if !terms.is_empty() {
            let _ = writeln!(out, "terms = {}", list(&terms));
        }
        // Context where nothing else names the figure, and for a share's
        // base: its context keeps the count the share implies (90% of
        // 1,000 convicts) from competing for every "convicts".
        let is_base = shares.values().any(|(base, _)| *base == gi);
        if !context.is_empty() && (terms.is_empty() || rep.kind == Kind::Date || is_base) {
            let _ = writeln!(out, "context = {}", list(&context));
        }
        if let Some((base, _)) = shares.get(&gi)
            && let Some(base) = &ids[*base]
        {
            let _ = writeln!(out, "of = {}", quoted(base));
        }
        let parts = parts_of(claims, &groups, gi);
        if let Some((a, b)) = parts
            && let (Some(a), Some(b)) = (&ids[a], &ids[b])
        {
            let _ = writeln!(out, "parts = {}", list(&[a.clone(), b.clone()]));
        }
        out.push('\n');
    }
    out
}

/// Two other counts that add up to group `gi`'s, stated in one sentence
/// with it somewhere: its parts ("50,000, including 10,000 contractors and
/// 40,000 convicts").
fn parts_of(claims: &[Claim], groups: &[&Group], gi: usize) -> Option<(usize, usize)> {
    let total = &claims[groups[gi].members[0]];
    if total.kind != Kind::Count {
        return None;
    }
    let together = |a: usize, b: usize| {
        groups[gi].members.iter().any(|&t| {
            let t = &claims[t];
            let near = |g: usize| {
                groups[g]
                    .members
                    .iter()
                    .any(|&m| claims[m].doc == t.doc && claims[m].sentence == t.sentence)
            };
            near(a) && near(b)
        })
    };
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            let (x, y) = (&claims[groups[a].members[0]], &claims[groups[b].members[0]]);
            if a != gi
                && b != gi
                && x.kind == Kind::Count
                && y.kind == Kind::Count
                && x.value + y.value == total.value
                && together(a, b)
            {
                return Some((a, b));
            }
        }
    }
    None
}
