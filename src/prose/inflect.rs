//! The base of an inflected English verb: "raised", "raising" and "raises"
//! are forms of "raise"; "sold" of "sell". A cue word in a rules file then
//! matches the other forms of its verb, so a table need not list them.
//!
//! The verbs and their irregular forms are WordNet's (`lexicon/`, made by
//! `scripts/lexicon`); the regular suffixes are WordNet's own morphology
//! rules, each tried only where it leaves a verb WordNet knows ("need" is
//! no form of "nee", "bed" none of "be").
//!
//! A verb's nouns of the act are its forms too, for cue words: "failed"
//! matches "failure", "withdrawals" matches "withdrew" (WordNet's
//! derivational links from a verb to a noun of an act, event, statement,
//! state, process or possession; `lexicon/derivations.txt`).

use std::sync::OnceLock;

use foldhash::{HashMap, HashSet};

const VERBS: &str = include_str!("lexicon/verbs.txt");
const FORMS: &str = include_str!("lexicon/verb-forms.txt");
const DERIVATIONS: &str = include_str!("lexicon/derivations.txt");

struct Lexicon {
    verbs: HashSet<&'static str>,
    forms: HashMap<&'static str, &'static str>,
    /// The irregular forms of each verb: "sell" → "sold".
    irregular: HashMap<&'static str, Vec<&'static str>>,
    /// The verb a noun of the act is derived from: "failure" → "fail".
    verb_of: HashMap<&'static str, &'static str>,
    /// The nouns of the act of each verb: "fail" → "failure".
    nouns: HashMap<&'static str, Vec<&'static str>>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let lines = |s: &'static str| s.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        // Some entries give a word as its own form ("bed bed"): no inflection.
        let forms: HashMap<&'static str, &'static str> = lines(FORMS)
            .filter_map(|l| l.split_once(' '))
            .filter(|(form, base)| form != base)
            .collect();
        let mut irregular: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for (&form, &base) in &forms {
            irregular.entry(base).or_default().push(form);
        }
        // A noun of several verbs is the one it shares most letters with:
        // "closure" is of "close", not of "shut".
        let mut verb_of: HashMap<&'static str, &'static str> = HashMap::default();
        let shared =
            |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        for (noun, verb) in lines(DERIVATIONS).filter_map(|l| l.split_once(' ')) {
            let better = verb_of
                .get(noun)
                .is_none_or(|&old| shared(noun, verb) > shared(noun, old));
            if better {
                verb_of.insert(noun, verb);
            }
        }
        let mut nouns: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for (&noun, &verb) in &verb_of {
            nouns.entry(verb).or_default().push(noun);
        }
        Lexicon {
            verbs: lines(VERBS).collect(),
            forms,
            irregular,
            verb_of,
            nouns,
        }
    })
}

/// WordNet's detachment rules for verbs, in its order.
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The verb `word` (lower case) is a form of, when it is an inflected form
/// and not the base itself: `Some("raise")` for "raised", `None` for
/// "raise" or "table".
pub fn verb_base(word: &str) -> Option<&'static str> {
    let lex = lexicon();
    if let Some(base) = lex.forms.get(word) {
        return Some(base);
    }
    let inflected = word.ends_with('s') || word.ends_with("ed") || word.ends_with("ing");
    if !inflected || lex.verbs.contains(word) {
        return None;
    }
    let mut base = String::with_capacity(word.len() + 1);
    SUFFIXES.iter().find_map(|(suffix, ending)| {
        let stem = word.strip_suffix(suffix)?;
        // One letter left is no verb's stem: "bed", "red", "sing".
        if stem.chars().count() < 2 {
            return None;
        }
        base.clear();
        base.push_str(stem);
        base.push_str(ending);
        lex.verbs.get(base.as_str()).copied()
    })
}

/// `word` as a verb WordNet knows, in its base form: `Some("fail")`.
pub fn verb(word: &str) -> Option<&'static str> {
    lexicon().verbs.get(word).copied()
}

/// The verb a noun of the act (singular, lower case) is derived from:
/// `Some("fail")` for "failure", `Some("withdraw")` for "withdrawal".
pub fn derived_verb(noun: &str) -> Option<&'static str> {
    lexicon().verb_of.get(noun).copied()
}

/// The nouns of the act derived from `verb`, with the verb as the lexicon
/// holds it: "fail" → ("failure", "fail").
pub fn nouns_of(verb: &str) -> Vec<(&'static str, &'static str)> {
    let lex = lexicon();
    lex.nouns
        .get_key_value(verb)
        .map(|(&v, list)| list.iter().map(|&n| (n, v)).collect())
        .unwrap_or_default()
}

/// Every word that may be a form of `base`: the regular endings, with a
/// final "e" or "y" dropped or a final consonant doubled, and WordNet's
/// irregular forms. A superset: `verb_base` decides.
pub fn forms_of(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let cut = |n: usize| base.get(..base.len().saturating_sub(n)).unwrap_or(base);
    for suffix in ["s", "es", "ed", "d", "ing"] {
        out.push(format!("{base}{suffix}"));
    }
    out.push(format!("{}ing", cut(1)));
    out.push(format!("{}ies", cut(1)));
    out.push(format!("{}ied", cut(1)));
    if let Some(last) = base.chars().last() {
        out.push(format!("{base}{last}ed"));
        out.push(format!("{base}{last}ing"));
    }
    if let Some(irregular) = lexicon().irregular.get(base) {
        out.extend(irregular.iter().map(|f| f.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{derived_verb, forms_of, nouns_of, verb_base};

    #[test]
    fn the_forms_of_a_verb_include_every_word_that_is_one() {
        for (form, base) in [
            ("raised", "raise"),
            ("raising", "raise"),
            ("using", "use"),
            ("carried", "carry"),
            ("stopped", "stop"),
            ("sold", "sell"),
            ("went", "go"),
        ] {
            assert!(forms_of(base).iter().any(|f| f == form), "{form} of {base}");
        }
    }

    #[test]
    fn regular_and_irregular_forms_find_their_verb() {
        for (form, base) in [
            ("raised", "raise"),
            ("raising", "raise"),
            ("raises", "raise"),
            ("opened", "open"),
            ("closing", "close"),
            ("died", "die"),
            ("carries", "carry"),
            ("sold", "sell"),
            ("withdrew", "withdraw"),
            ("withdrawn", "withdraw"),
            ("found", "find"),
        ] {
            assert_eq!(verb_base(form), Some(base), "{form}");
        }
    }

    #[test]
    fn nouns_of_the_act_lead_to_their_verb_and_back() {
        for (noun, verb) in [
            ("failure", "fail"),
            ("withdrawal", "withdraw"),
            ("announcement", "announce"),
            ("closure", "close"),
            ("disappearance", "disappear"),
        ] {
            assert_eq!(derived_verb(noun), Some(verb), "{noun}");
            assert!(nouns_of(verb).contains(&(noun, verb)), "{verb}");
        }
        // A noun of a person or a thing is no act: "runner", "bakery".
        assert_eq!(derived_verb("runner"), None);
        assert_eq!(derived_verb("table"), None);
    }

    #[test]
    fn bases_and_words_that_only_look_inflected_are_left_alone() {
        for word in [
            "raise", "need", "bed", "red", "sing", "thing", "news", "table", "the",
        ] {
            assert_eq!(verb_base(word), None, "{word}");
        }
    }
}
