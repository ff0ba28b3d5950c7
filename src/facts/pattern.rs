//! Phrases from rules.toml and the matcher that finds them in a sentence.
//!
//! A phrase is words separated by spaces. Each word matches itself in any
//! case, singular or plural, with or without a possessive ("prison" matches
//! "Prisons" and "prison's"), and a verb any inflected form of it ("raise"
//! matches "raised", "sold" matches "selling"; `prose::verb_base`) and the
//! nouns of its act ("failed" matches "failure"; `prose::nouns_of`),
//! though a verb's base form in the text matches only itself ("closed" is
//! not "the close" of trading) unless it can only be a verb ("the largest
//! bank to fail"). A determiner inside a phrase, and "no", "not" (also
//! of "aren't"), "first" or "last" anywhere in it, may take a modifier or
//! two before the next word ("into the dive" matches "into its planned
//! dive", "no bank failures" "no U.S. bank failures"). Three tokens are
//! special: `*` matches exactly
//! one word, `**` up to three, and `{n}` (templates only) the figure.
//! Punctuation between words in the text stops a phrase from matching across
//! it, except quotes, apostrophes and hyphens.
//!
//! All phrases of a story live in one [`Matcher`], indexed by their first
//! word, so matching costs one hash lookup per word of the sentence however
//! many facts the story has.

use foldhash::HashMap;

use crate::prose::{Tok, Tokenizer, derived_verb, forms_of, nouns_of, stem, verb, verb_base};
use crate::source::Span;

/// How many wildcards one phrase may hold.
pub const MAX_WILDCARDS: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A word's stem, and the verb whose forms it matches (its own base,
    /// or the stem); `None` matches the word in no other form. The flag
    /// says it was written as a possessive ("the bank's shares").
    Word(String, Option<String>, bool),
    /// `*`: exactly one word.
    One,
    /// `**`: zero to three words.
    UpTo3,
    /// `{n}`: a quantity.
    Figure,
}

/// A compiled phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub elems: Vec<Elem>,
    /// Its verbs match the nouns of their act too ("failed", "failure"):
    /// a cue's do, a relation's claim ("recruited from prisons") does not.
    pub nouns: bool,
}

impl Pattern {
    /// Compiles `text`; `{n}` is allowed only when `template` is set, and then required.
    pub fn compile(text: &str, template: bool) -> Result<Pattern, String> {
        let mut elems = Vec::new();
        // "{n}-strong" is "{n}" then "strong".
        let spaced = text.replace("{n}", " {n} ");
        for chunk in spaced.split_whitespace() {
            match chunk {
                "*" => elems.push(Elem::One),
                "**" => elems.push(Elem::UpTo3),
                "{n}" if template => elems.push(Elem::Figure),
                "{n}" => return Err("`{n}` belongs in `templates`, not here".into()),
                _ if chunk.contains(['{', '}']) => {
                    return Err(format!(
                        "`{chunk}`: the only placeholder is `{{n}}`, written on its own"
                    ));
                }
                _ => {
                    for tok in Tokenizer::new(chunk, 0, chunk.len()) {
                        if matches!(tok.kind, Tok::Word | Tok::Num | Tok::AlNum) {
                            let word = tok.text(chunk);
                            let stem = stem(word);
                            let lemma = verb_base(&word.to_lowercase())
                                .or_else(|| derived_verb(&stem))
                                .map_or_else(|| stem.clone(), str::to_string);
                            elems.push(Elem::Word(stem, Some(lemma), possessive(word)));
                        }
                    }
                }
            }
        }
        match elems.first() {
            None => return Err("the phrase has no words".into()),
            Some(Elem::One | Elem::UpTo3) => {
                return Err("a phrase cannot start with `*` or `**`".into());
            }
            _ => {}
        }
        if matches!(elems.last(), Some(Elem::One | Elem::UpTo3)) {
            return Err("a phrase cannot end with `*` or `**`".into());
        }
        // Each `**` multiplies the ways a phrase can match by four: a few
        // are all a phrase needs, and many would make matching explode.
        let wildcards = elems
            .iter()
            .filter(|e| matches!(e, Elem::One | Elem::UpTo3))
            .count();
        if wildcards > MAX_WILDCARDS {
            return Err(format!(
                "a phrase may hold at most {MAX_WILDCARDS} of `*` and `**`; this one has {wildcards}"
            ));
        }
        let figures = elems.iter().filter(|e| **e == Elem::Figure).count();
        if template && figures != 1 {
            return Err("a template needs exactly one `{n}` where the figure goes".into());
        }
        Ok(Pattern { elems, nouns: true })
    }

    /// The phrase in exactly its own forms: "pays" is not "is paid".
    pub fn exact(mut self) -> Pattern {
        for e in &mut self.elems {
            if let Elem::Word(_, lemma, _) = e {
                *lemma = None;
            }
        }
        self.nouns = false;
        self
    }

    /// The phrase in its verbs' forms but not their nouns: "recruited from
    /// prisons" is a claim about a group, which "recruitment in prisons"
    /// does not make.
    pub fn verbs_only(mut self) -> Pattern {
        self.nouns = false;
        self
    }
}

/// A word of a sentence as the matcher sees it.
#[derive(Clone, Debug)]
pub struct WordTok {
    pub span: Span,
    pub stem: String,
    /// The verb it is an inflected form of: "raise" for "raised", filled
    /// in by [`Matcher::inflect`] for the verbs a matcher's phrases hold.
    pub base: Option<&'static str>,
    /// The verb it is a noun of the act of: "fail" for "failure".
    pub noun_of: Option<&'static str>,
    /// Punctuation other than quotes, apostrophes and hyphens came before it.
    pub after_break: bool,
    /// Written as a possessive: "bank's", "banks'".
    pub possessive: bool,
    /// A verb's form used as a noun, between a determiner and "of" ("the
    /// remains of"), filled in by [`Matcher::inflect`].
    pub noun: bool,
}

/// Whether `word` is written as a possessive: "bank's", "bank’s", "banks'".
fn possessive(word: &str) -> bool {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|p| word.len() > p.len() && word.ends_with(p))
}

/// The words of `text[span]`, for matching.
pub fn words_of(text: &str, span: Span, out: &mut Vec<WordTok>) {
    out.clear();
    let mut after_break = false;
    for tok in Tokenizer::new(text, span.start, span.end) {
        match tok.kind {
            Tok::Word | Tok::Num | Tok::AlNum => {
                let raw = tok.text(text);
                if let Some(w) = out.last_mut().filter(|w| {
                    raw.len() == 1
                        && abbreviation(text, w, tok.start)
                        && text[..tok.start].ends_with('.')
                }) {
                    extend(text, w, tok.end);
                    continue;
                }
                // "$250,000-a-seat": a rate written onto its figure is "per
                // seat", a word of its own.
                let glued = text[..tok.start].ends_with('-')
                    && text[..tok.start - 1].ends_with(|c: char| c.is_ascii_digit());
                let rate = ["a-", "an-"].iter().find(|a| {
                    glued && raw.len() > a.len() && raw[..a.len()].eq_ignore_ascii_case(a)
                });
                let (start, raw) = match rate {
                    Some(a) => {
                        out.push(WordTok {
                            span: Span::new(tok.start, tok.start + a.len() - 1),
                            stem: "per".to_string(),
                            base: None,
                            noun_of: None,
                            after_break,
                            possessive: false,
                            noun: false,
                        });
                        (tok.start + a.len(), &raw[a.len()..])
                    }
                    None => (tok.start, raw),
                };
                // "aren't", "isn’t": the verb, then "not".
                let negated = ["n't", "n’t"]
                    .iter()
                    .find(|n| raw.len() > n.len() + 1 && raw.ends_with(*n))
                    .map(|n| n.len());
                let (raw, end) = match negated {
                    Some(n) => (&raw[..raw.len() - n], tok.end - n),
                    None => (raw, tok.end),
                };
                let owner = possessive(raw);
                let mut stem = stem(raw);
                // "per head" and "per capita" are "per person".
                if matches!(stem.as_str(), "head" | "capita")
                    && !after_break
                    && out.last().is_some_and(|w: &WordTok| w.stem == "per")
                {
                    stem = "person".to_string();
                }
                out.push(WordTok {
                    span: Span::new(start, end),
                    stem,
                    base: None,
                    noun_of: None,
                    after_break,
                    possessive: owner,
                    noun: false,
                });
                if end < tok.end {
                    out.push(WordTok {
                        span: Span::new(end, tok.end),
                        stem: "not".to_string(),
                        base: None,
                        noun_of: None,
                        after_break: false,
                        possessive: false,
                        noun: false,
                    });
                }
                after_break = false;
            }
            Tok::Punct(
                '"' | '“' | '”' | '‘' | '’' | '\'' | '-' | '‑' | '\\' | '$' | '£' | '€' | '%',
            ) => {}
            // "U.S.", "U.K.": an abbreviation's stops are part of its one
            // word, not breaks.
            Tok::Punct('.') => match out.last_mut() {
                Some(w) if abbreviation(text, w, tok.start) => extend(text, w, tok.end),
                // "St. John's", "Rear Adm. John Mauger": the stop of a title
                // or a short form breaks no phrase, as it ends no sentence.
                Some(w)
                    if w.span.end == tok.start
                        && crate::prose::words::is_abbreviation(&text[w.span.range()]) => {}
                _ => after_break = true,
            },
            Tok::Punct(_) | Tok::Url => after_break = true,
        }
    }
}

/// Runs word `w` on to `end`, its stem with it.
fn extend(text: &str, w: &mut WordTok, end: usize) {
    w.span = Span::new(w.span.start, end);
    w.stem = stem(&text[w.span.range()]);
}

/// Whether `w`, ending at `at`, is an abbreviation of capitals and stops
/// so far ("U", "U.", "U.S"), so that a stop or a capital at `at` goes on it.
fn abbreviation(text: &str, w: &WordTok, at: usize) -> bool {
    let raw = &text[w.span.range()];
    w.span.end == at
        && raw.len() <= 5
        && raw
            .split('.')
            .all(|part| part.len() <= 1 && part.bytes().all(|b| b.is_ascii_uppercase()))
}

/// How many keys [`prefix`] has: three places of a letter or nothing.
const PREFIXES: usize = 27 * 27 * 27;

/// The first three letters of a word, as a number below [`PREFIXES`]; a
/// shorter word pads with nothing. `None` when they are not all letters.
fn prefix(word: &str) -> Option<usize> {
    let mut key = 0;
    let mut bytes = word.bytes();
    for _ in 0..3 {
        let digit = match bytes.next() {
            None => 0,
            Some(b) if b.is_ascii_alphabetic() => usize::from(b.to_ascii_lowercase() - b'a') + 1,
            Some(_) => return None,
        };
        key = key * 27 + digit;
    }
    Some(key)
}

/// A quantity in word indices: words `first..next` of the sentence.
#[derive(Clone, Copy, Debug)]
pub struct FigureAt {
    pub first: usize,
    pub next: usize,
    /// The quantity's index in the document.
    pub quantity: usize,
}

/// One phrase found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// Index into the matcher's patterns.
    pub pattern: usize,
    /// Word indices, inclusive.
    pub first: usize,
    pub last: usize,
    /// The quantity a template's `{n}` matched.
    pub figure: Option<usize>,
}

/// Many patterns, indexed by first word.
#[derive(Default, Debug)]
pub struct Matcher {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    /// The same patterns by the verb their first word is a form of.
    by_first_verb: HashMap<String, Vec<usize>>,
    /// How the forms of the phrases' verbs begin ("rai" for "raised"), a
    /// bit per [`prefix`]: only a word that begins so is looked up as a
    /// verb form, so most words cost one bit test.
    verb_prefixes: Vec<u64>,
    /// Those forms and their verbs: "raised" → "raise".
    verb_forms: HashMap<String, &'static str>,
    /// The verbs themselves, a form of their own only as a verb: "to fail".
    verb_bases: HashMap<String, &'static str>,
    /// The nouns of the verbs' acts: "failures" → "fail".
    noun_forms: HashMap<String, &'static str>,
    figure_first: Vec<usize>,
}

impl Matcher {
    /// Adds a pattern; returns its index.
    pub fn add(&mut self, pattern: Pattern) -> usize {
        let id = self.patterns.len();
        match &pattern.elems[0] {
            Elem::Word(w, lemma, _) => {
                self.by_first.entry(w.clone()).or_default().push(id);
                if let Some(lemma) = lemma.as_ref().filter(|l| *l != w) {
                    self.by_first_verb
                        .entry(lemma.clone())
                        .or_default()
                        .push(id);
                }
            }
            Elem::Figure => self.figure_first.push(id),
            Elem::One | Elem::UpTo3 => unreachable!("compile rejects a leading wildcard"),
        }
        for e in &pattern.elems {
            if let Elem::Word(_, Some(lemma), _) = e {
                for form in forms_of(lemma) {
                    let (Some(base), Some(key)) = (verb_base(&form), prefix(&form)) else {
                        continue;
                    };
                    if base != lemma {
                        continue;
                    }
                    self.mark_prefix(key);
                    self.verb_forms.insert(form, base);
                }
                if let Some(v) = verb(lemma) {
                    self.verb_bases.insert(v.to_string(), v);
                }
                // "failure" and "failures" for "failed".
                for (noun, verb) in nouns_of(lemma) {
                    for form in [noun.to_string(), format!("{noun}s"), format!("{noun}es")] {
                        let Some(key) = prefix(&form) else { continue };
                        self.mark_prefix(key);
                        self.noun_forms.insert(form, verb);
                    }
                }
            }
        }
        self.patterns.push(pattern);
        id
    }

    /// Notes that a form of a verb begins with prefix `key`.
    fn mark_prefix(&mut self, key: usize) {
        if self.verb_prefixes.is_empty() {
            self.verb_prefixes = vec![0; PREFIXES.div_ceil(64)];
        }
        self.verb_prefixes[key / 64] |= 1 << (key % 64);
    }

    /// Marks the words of a sentence that are forms of this matcher's
    /// verbs. "UK Limited" is a name, not a form of "limit": capitalised
    /// words are left as they are.
    /// A verb's base form is one of its forms only where it cannot be a
    /// noun: after "to" or an auxiliary ("the largest bank to fail", "will
    /// close"), not in "the close of trading".
    pub fn inflect(&self, text: &str, words: &mut [WordTok]) {
        for i in 0..words.len() {
            if words[i].base.is_some() {
                continue;
            }
            let word = &text[words[i].span.range()];
            if word.starts_with(|c: char| c.is_ascii_lowercase())
                && prefix(word).is_some_and(|k| {
                    self.verb_prefixes
                        .get(k / 64)
                        .is_some_and(|bits| bits & (1 << (k % 64)) != 0)
                })
            {
                let verbal = i > 0 && !words[i].after_break && verbal_at(text, words, i - 1);
                // "the remains of the Titanic": between a determiner and
                // "of", a verb's form is a noun, and no form of the verb.
                let noun_phrase = i > 0
                    && matches!(
                        words[i - 1].stem.as_str(),
                        "the" | "its" | "their" | "his" | "her" | "these" | "those"
                    )
                    && words
                        .get(i + 1)
                        .is_some_and(|w| w.stem == "of" && !w.after_break);
                words[i].base = self
                    .verb_forms
                    .get(word)
                    .or_else(|| self.verb_bases.get(word).filter(|_| verbal))
                    .copied()
                    .filter(|_| !noun_phrase);
                words[i].noun = noun_phrase;
                words[i].noun_of = self.noun_forms.get(word).copied();
            }
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match in `words`, in order of first word.
    pub fn find_all(&self, words: &[WordTok], figures: &[FigureAt], out: &mut Vec<Match>) {
        out.clear();
        let mut candidates: Vec<usize> = Vec::new();
        for i in 0..words.len() {
            let starting_figure = figures.iter().any(|f| f.first == i);
            candidates.clear();
            candidates.extend(self.by_first.get(&words[i].stem).into_iter().flatten());
            // "raised" finds the phrases that start with "raise" or "raising".
            if let Some(base) = words[i].base.or(words[i].noun_of) {
                let verbs = [&self.by_first, &self.by_first_verb];
                candidates.extend(verbs.iter().filter_map(|m| m.get(base)).flatten());
                candidates.sort_unstable();
                candidates.dedup();
            }
            candidates.extend(self.figure_first.iter().filter(|_| starting_figure));
            for &p in &candidates {
                let pattern = &self.patterns[p];
                if let Some((next, figure)) =
                    go(pattern.nouns, &pattern.elems, words, figures, i, true, None)
                {
                    out.push(Match {
                        pattern: p,
                        first: i,
                        last: next - 1,
                        figure,
                    });
                }
            }
        }
    }
}

/// Whether the word at `k` makes the base form after it a verb of what
/// happened: a modal or "do", or "to" after a noun ("the largest bank to
/// fail"). After a verb or its object ("allowed him to sell", "plans to
/// raise") the infinitive is what was planned or allowed.
fn verbal_at(text: &str, words: &[WordTok], k: usize) -> bool {
    if words[k].stem == "to" {
        return k > 0
            && !words[k].after_break
            && words[k - 1].base.is_none()
            && verb_base(&text[words[k - 1].span.range()].to_lowercase()).is_none()
            && !matches!(
                words[k - 1].stem.as_str(),
                "him" | "her" | "them" | "us" | "me" | "it" | "you"
            );
    }
    matches!(
        words[k].stem.as_str(),
        "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "should"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
    )
}

/// How many words a determiner inside a phrase may take before the
/// phrase goes on: "the vessel's", "its ill-fated".
const MODIFIERS: usize = 2;

/// Matches `elems` at word `i` (their verbs matching the nouns of their
/// acts when `nouns`); returns the word after the match and the figure matched.
fn go(
    nouns: bool,
    elems: &[Elem],
    words: &[WordTok],
    figures: &[FigureAt],
    i: usize,
    first: bool,
    figure: Option<usize>,
) -> Option<(usize, Option<usize>)> {
    let Some((elem, rest)) = elems.split_first() else {
        return Some((i, figure));
    };
    let joins = |k: usize| k < words.len() && (first && k == i || !words[k].after_break);
    match elem {
        Elem::Word(w, lemma, owner) => {
            let as_verb = |t: &WordTok| {
                let of = |b: Option<&str>| b.is_some() && b == lemma.as_deref();
                of(t.base) || nouns && of(t.noun_of)
            };
            // "into the dive" is "into its dive" and "into their dive": inside
            // a phrase, one definite determiner stands for the others.
            let definite = |t: &str| matches!(t, "the" | "its" | "their" | "his" | "her");
            let same_determiner =
                !first && definite(w) && words.get(i).is_some_and(|t| definite(&t.stem));
            // "the remains of the Titanic" is no form of the cue "remain":
            // a verb's cue meets a plural noun only as the noun of its act.
            let other_noun = |t: &WordTok| {
                t.noun
                    && t.span.len() > w.len()
                    && t.noun_of != lemma.as_deref()
                    && lemma.as_deref() == Some(w.as_str())
                    && verb(w).is_some()
            };
            if !(joins(i)
                && (words[i].stem == *w && !other_noun(&words[i])
                    || as_verb(&words[i])
                    || same_determiner))
            {
                return None;
            }
            // "bank shares" are shares in banks, "the bank's shares" one
            // bank's: a word that modifies the next is no possessive of it
            // unless the phrase says so.
            let modifies_next = matches!(rest.first(), Some(Elem::Word(..)));
            if modifies_next && words[i].possessive && !owner {
                return None;
            }
            // "St. John's" is a place, "John" a man: a possessive written
            // in the phrase is matched only by one.
            if *owner && !words[i].possessive {
                return None;
            }
            // "into the vessel's dive", "into its planned dive": the
            // determiner may take a modifier or two before the next word;
            // so may "no", "not", "first" and "last" ("no U.S. bank
            // failures" is "no bank failures", "aren't FDIC insured" "not
            // insured").
            let quantifier = matches!(w.as_str(), "no" | "not" | "first" | "last")
                && words[i].stem == *w
                && !rest.is_empty();
            let modifiers = if same_determiner || quantifier {
                MODIFIERS
            } else {
                0
            };
            let modifies = |k: usize| joins(k) && !crate::prose::words::is_np_stop(&words[k].stem);
            (0..=modifiers).find_map(|extra| {
                let run = i + 1..i + 1 + extra;
                if run.clone().all(modifies) {
                    go(nouns, rest, words, figures, run.end, false, figure)
                } else {
                    None
                }
            })
        }
        Elem::One => {
            if joins(i) {
                go(nouns, rest, words, figures, i + 1, false, figure)
            } else {
                None
            }
        }
        Elem::UpTo3 => (0..=3).find_map(|skip| {
            if (i..i + skip).all(joins) {
                go(nouns, rest, words, figures, i + skip, false, figure)
            } else {
                None
            }
        }),
        Elem::Figure => {
            let f = figures.iter().find(|f| f.first == i)?;
            go(nouns, rest, words, figures, f.next, false, Some(f.quantity))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(patterns: &[(&str, bool)], text: &str) -> Vec<(usize, String)> {
        let mut m = Matcher::default();
        for (p, template) in patterns {
            m.add(Pattern::compile(p, *template).unwrap());
        }
        let mut words = Vec::new();
        words_of(text, Span::new(0, text.len()), &mut words);
        m.inflect(text, &mut words);
        let figures: Vec<FigureAt> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.stem.starts_with(|c: char| c.is_ascii_digit()))
            .map(|(i, _)| FigureAt {
                first: i,
                next: i + 1,
                quantity: i,
            })
            .collect();
        let mut out = Vec::new();
        m.find_all(&words, &figures, &mut out);
        out.iter()
            .map(|mt| {
                (
                    mt.pattern,
                    text[words[mt.first].span.start..words[mt.last].span.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_verb_matches_its_inflected_forms_but_a_base_only_itself() {
        let found = |pattern: &str, text: &str| !find(&[(pattern, false)], text).is_empty();
        assert!(found("raise", "the bank raised $2bn"));
        assert!(found("shut down", "it was shutting down"));
        assert!(found("sold", "it sells bonds"));
        assert!(found("withdrew", "savers have withdrawn"));
        assert!(!found("closed", "shares fell at the close"));
        assert!(!found("limit", "Silicon Valley Bank UK Limited"));
        assert!(!found("remaining", "to survey the remains of the Titanic"));
        assert!(!found("remain", "to survey the remains of the Titanic"));
        assert!(found("collapse", "after the collapse of the bank"));
        assert!(found("remaining", "what remains of the air"));
    }

    #[test]
    fn words_match_in_any_number_and_case() {
        assert_eq!(
            find(
                &[("from ** prison", false)],
                "recruited directly from Russia's Prisons."
            ),
            vec![(0, "from Russia's Prisons".into())]
        );
        assert_eq!(
            find(&[("from ** prison", false)], "from a, b prisons"),
            vec![]
        );
    }

    #[test]
    fn a_modifier_is_no_possessive_unless_written_so() {
        let found = |pattern: &str, text: &str| !find(&[(pattern, false)], text).is_empty();
        assert!(found("bank shares", "a fall in bank shares"));
        assert!(!found("bank shares", "wiped from the bank's shares"));
        assert!(!found("bank shares", "wiped from the bank’s shares"));
        assert!(found("bank's shares", "wiped from the bank’s shares"));
        assert!(found("Signature Bank", "Signature Bank's deposits"));
        assert!(found("St. John's", "set off from St. John’s"));
        assert!(!found("John's", "said Rear Adm. John Mauger"));
    }

    #[test]
    fn a_determiner_inside_a_phrase_stands_for_the_others() {
        let found = |pattern: &str, text: &str| !find(&[(pattern, false)], text).is_empty();
        assert!(found("into the dive", "an hour into their dive"));
        assert!(found("into the dive", "an hour into the vessel's dive"));
        assert!(found("into the dive", "an hour into its planned deep dive"));
        assert!(!found(
            "into the dive",
            "an hour into the night before a dive"
        ));
        assert!(!found(
            "into the dive",
            "an hour into its three long planned dives"
        ));
        assert!(found("into the dive", "an hour into its dive"));
        assert!(!found("into the dive", "an hour into a dive"));
        assert!(!found("the bank", "their bank failed"));
    }

    #[test]
    fn no_first_and_last_may_take_a_modifier() {
        let found = |pattern: &str, text: &str| !find(&[(pattern, false)], text).is_empty();
        assert!(found(
            "no bank failures",
            "three years with no U.S. bank failures"
        ));
        assert!(found(
            "first bank failure",
            "the first major U.S. bank failure"
        ));
        assert!(found("last failure", "since the last such failure"));
        assert!(!found(
            "no bank failures",
            "no fewer than three small regional bank failures"
        ));
        assert!(!found("the bank", "the rival bank"));
        assert!(found("not insured", "97% of deposits aren’t FDIC insured"));
        assert!(found("not insured", "deposits that were not fully insured"));
    }

    #[test]
    fn templates_capture_the_figure() {
        assert_eq!(
            find(
                &[("numbers {n}", true), ("{n} of these are convict", true)],
                "It numbers 50,000; 40,000 of these are convicts"
            ),
            vec![
                (0, "numbers 50,000".into()),
                (1, "40,000 of these are convicts".into())
            ]
        );
    }

    #[test]
    fn bad_patterns_are_rejected() {
        assert!(Pattern::compile("", false).is_err());
        assert!(Pattern::compile("** prisons", false).is_err());
        assert!(Pattern::compile("{n} convicts", false).is_err());
        assert!(Pattern::compile("convicts", true).is_err());
        assert!(Pattern::compile("{x} convicts", true).is_err());
        assert!(Pattern::compile("{n} of {n}", true).is_err());
        assert!(Pattern::compile("from ** to ** in ** of * prisons", false).is_err());
        assert!(Pattern::compile("from ** to ** in ** prisons", false).is_ok());
        assert_eq!(
            Pattern::compile("{n}-strong", true).unwrap().elems,
            vec![
                Elem::Figure,
                Elem::Word("strong".into(), Some("strong".into()), false)
            ]
        );
    }
}
