//! The base of an inflected English verb: "raised", "raising" and "raises"
//! are forms of "raise"; "sold" of "sell". A cue word in a rules file then
//! matches the other forms of its verb, so a table need not list them.
//!
//! The verbs and their irregular forms are WordNet's (`lexicon/`, made by
//! `scripts/lexicon`); the regular suffixes are WordNet's own morphology
//! rules, each tried only where it leaves a verb WordNet knows ("need" is
//! no form of "nee", "bed" none of "be").

use std::sync::OnceLock;

use foldhash::{HashMap, HashSet};

const VERBS: &str = include_str!("lexicon/verbs.txt");
const FORMS: &str = include_str!("lexicon/verb-forms.txt");

struct Lexicon {
    verbs: HashSet<&'static str>,
    forms: HashMap<&'static str, &'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let lines = |s: &'static str| s.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        Lexicon {
            verbs: lines(VERBS).collect(),
            // Some entries give a word as its own form ("bed bed"): no inflection.
            forms: lines(FORMS)
                .filter_map(|l| l.split_once(' '))
                .filter(|(form, base)| form != base)
                .collect(),
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

#[cfg(test)]
mod tests {
    use super::verb_base;

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
    fn bases_and_words_that_only_look_inflected_are_left_alone() {
        for word in [
            "raise", "need", "bed", "red", "sing", "thing", "news", "table", "the",
        ] {
            assert_eq!(verb_base(word), None, "{word}");
        }
    }
}
