//! Closed classes of English words the grammar heuristics need. These are
//! facts about English, not about any story: nothing here names a group,
//! a figure or an event.

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words,
/// which are in none of these classes.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

macro_rules! word_class {
    ($(#[$doc:meta])* $name:ident: $($w:literal)|+) => {
        $(#[$doc])*
        pub fn $name(word: &str) -> bool {
            let mut buf = [0u8; 24];
            matches!(lower(word, &mut buf), Some($($w)|+))
        }
    };
}

word_class!(
    /// Words whose full stop does not end a sentence.
    is_abbreviation: "mr" | "mrs" | "ms" | "dr" | "st" | "jr" | "sr" | "prof" | "gen" | "gov"
        | "sen" | "rep" | "lt" | "col" | "capt" | "sgt" | "maj" | "rev" | "no" | "nos" | "vs"
        | "etc" | "inc" | "ltd" | "co" | "corp" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul"
        | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" | "mt" | "approx" | "est" | "fig"
        | "vol" | "dept" | "adm" | "brig" | "cmdr" | "supt" | "hon" | "e.g" | "i.e" | "op"
        | "p" | "pp" | "para" | "paras" | "figs" | "vols"
);

word_class!(
    /// Forms of "be" that join a subject to what it is.
    is_copula: "is" | "are" | "was" | "were" | "be" | "been" | "being"
);

word_class!(
    /// Relatives, who stand where a name would: "his son, 19".
    is_kin: "son" | "daughter" | "wife" | "husband" | "father" | "mother" | "brother" | "sister"
        | "grandson" | "granddaughter" | "nephew" | "niece" | "cousin" | "uncle" | "aunt"
);

word_class!(
    /// Pronouns that stand for someone or something named before.
    is_personal_pronoun: "it" | "its" | "he" | "his" | "she" | "her" | "they" | "their"
);

word_class!(
    /// Pronouns that open a relative clause about the noun before them.
    is_relative: "who" | "whom" | "that" | "which" | "whose"
);

word_class!(
    /// Pronouns that stand for an earlier quantity after "of" ("40,000 of these").
    is_partitive_pronoun: "these" | "them" | "those" | "whom" | "which"
);

word_class!(
    /// Words that may come between "of" and the base of a partitive.
    is_determiner: "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "your"
        | "these" | "those" | "this" | "that" | "some" | "estimated" | "reported" | "roughly"
        | "about" | "around" | "nearly" | "almost" | "approximately"
);

word_class!(
    /// Local currency abbreviations written onto an amount: "KSh35m", "Rp3.8 billion".
    is_glued_currency: "ksh" | "rp" | "rm"
);

word_class!(
    /// Time zones written as letters: "8:15am ET", "1300 GMT".
    is_time_zone: "et" | "edt" | "est" | "ct" | "cdt" | "cst" | "mt" | "mdt" | "mst" | "pt"
        | "pdt" | "pst" | "gmt" | "utc" | "bst" | "ist" | "cet" | "cest" | "aest" | "aedt"
);

word_class!(
    /// Words that start a new clause inside a sentence.
    is_clause_break: "but" | "while" | "whereas" | "although" | "though" | "because"
        | "however" | "yet" | "unless" | "whilst"
);

word_class!(
    /// Non-numeric quantifiers: a relation after "most of them" is about most, not the figure.
    is_vague_quantifier: "most" | "many" | "some" | "half" | "majority" | "minority" | "few"
        | "none" | "all" | "both" | "each" | "several" | "rest" | "remainder" | "others"
        | "much" | "part" | "dozens" | "hundreds" | "thousands" | "millions"
);

word_class!(
    /// Words that never belong to the noun phrase after a number.
    is_np_stop: "of" | "in" | "on" | "at" | "by" | "for" | "from" | "to" | "with" | "into"
        | "onto" | "over" | "under" | "about" | "after" | "before" | "during" | "since"
        | "until" | "against" | "among" | "between" | "through" | "across" | "per" | "than"
        | "as" | "like" | "via" | "within" | "without" | "including" | "and" | "or" | "but"
        | "nor" | "so" | "yet" | "while" | "whereas" | "although" | "though" | "because"
        | "if" | "when" | "where" | "he" | "she" | "it" | "they" | "we" | "you" | "i" | "him"
        | "them" | "us" | "me" | "who" | "whom" | "which" | "that" | "what" | "whose" | "this"
        | "these" | "those" | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has"
        | "have" | "had" | "do" | "does" | "did" | "will" | "would" | "shall" | "should"
        | "can" | "could" | "may" | "might" | "must" | "said" | "say" | "says" | "told"
        | "according" | "also" | "now" | "still" | "just" | "only" | "even" | "already"
        | "more" | "less" | "most" | "very" | "too" | "then" | "there" | "here" | "not"
        | "never" | "ago" | "each" | "every" | "a" | "an" | "the" | "all" | "both" | "its"
        | "their" | "his" | "her" | "our" | "a-month" | "a-year" | "a-week" | "a-day"
        | "apiece" | "each-month" | "last" | "next" | "this-year" | "earlier" | "later"
        | "respectively" | "altogether" | "overall" | "total" | "alongside" | "amid" | "amidst"
        | "amongst" | "beside" | "besides" | "despite" | "near" | "toward" | "towards" | "upon"
        | "outside" | "inside" | "behind" | "beyond" | "along" | "around" | "throughout"
        | "underneath" | "versus" | "unlike"
        // Past tenses too short or irregular to read as participles: "12
        // people died", "two dozen ships left", "250 workers lost their jobs".
        | "died" | "fled" | "left" | "lost" | "won" | "fell" | "rose" | "grew" | "went"
        | "came" | "took" | "gave" | "got" | "sent" | "spent" | "fought" | "began" | "met"
        | "saw" | "stood" | "kept" | "became" | "remain" | "remains"
);

word_class!(
    /// Universal words that claim something of every member of a group.
    is_universal: "all" | "every" | "entirely" | "exclusively" | "solely" | "wholly" | "only"
        | "universally" | "each"
);

word_class!(
    /// Words that claim something of no member of a group.
    is_negative_universal: "no" | "none" | "never" | "nobody" | "neither"
);

/// A cardinal number written as one word: "two", "forty", "twenty-five",
/// "hundred", "million", "dozen".
pub fn is_cardinal_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    lower(word, &mut buf).is_some_and(is_cardinal_lower)
}

/// [`is_cardinal_word`] for a word already in lower case.
pub fn is_cardinal_lower(w: &str) -> bool {
    let unit = |u: &str| {
        matches!(
            u,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
        )
    };
    let tens = |t: &str| {
        matches!(
            t,
            "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
        )
    };
    if let Some((t, u)) = w.split_once('-') {
        return tens(t) && unit(u);
    }
    unit(w)
        || tens(w)
        || matches!(
            w,
            "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fourteen"
                | "fifteen"
                | "sixteen"
                | "seventeen"
                | "eighteen"
                | "nineteen"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "dozen"
        )
}

word_class!(
    /// What a number word may measure in a hyphenated compound: "two-year-old",
    /// "ten-month", "million-strong".
    is_compound_unit: "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"
        | "hour" | "hours" | "decade" | "decades" | "strong"
);

/// The month a word names, 1–12, from its full name or abbreviation.
pub fn month(word: &str) -> Option<u8> {
    let mut buf = [0u8; 24];
    month_lower(lower(word, &mut buf)?)
}

/// [`month`] for a word already in lower case.
pub fn month_lower(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The weekday a word names, 0 = Monday.
pub fn weekday(word: &str) -> Option<u8> {
    let mut buf = [0u8; 24];
    weekday_lower(lower(word, &mut buf)?)
}

/// [`weekday`] for a word already in lower case.
pub fn weekday_lower(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_ignore_case() {
        assert!(is_copula("Were"));
        assert!(is_abbreviation("Dec"));
        assert!(!is_np_stop("convicts"));
        assert!(is_np_stop("Died"));
        assert!(!is_np_stop("paid"));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(weekday("Thursday"), Some(3));
        assert!(!is_copula(
            "a-very-long-word-that-is-longer-than-the-buffer"
        ));
    }
}
