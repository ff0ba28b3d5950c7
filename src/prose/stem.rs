//! The normal form words are compared in: lower case, straight apostrophes,
//! no possessive, no plural "s". Rules files and prose go through the same
//! function, so "prisons" in a draft meets "prison" in a rule.

/// Writes the normal form of `word` into `out` (cleared first).
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '‑' | '–' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
    strip_plural(out);
}

/// The normal form of `word`.
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

fn strip_plural(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n <= 3 || !b.is_ascii() || b[n - 1] != b's' {
        return;
    }
    if w.ends_with("ies") && n > 4 {
        w.truncate(n - 3);
        w.push('y');
    } else if ["sses", "xes", "ches", "shes", "zes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        w.truncate(n - 2);
    } else if !matches!(b[n - 2], b's' | b'u' | b'i' | b'\'') {
        w.truncate(n - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn plurals_possessives_and_case() {
        for (word, want) in [
            ("Prisons", "prison"),
            ("prison", "prison"),
            ("mercenaries", "mercenary"),
            ("Wagner’s", "wagner"),
            ("convicts'", "convict"),
            ("ex-servicemen", "ex-servicemen"),
            ("crosses", "cross"),
            ("this", "this"),
            ("was", "was"),
            ("bus", "bus"),
            ("status", "status"),
            ("Jails", "jail"),
            ("receives", "receive"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }
}
