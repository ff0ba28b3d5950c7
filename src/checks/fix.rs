//! Corrections in the document's own style: a figure's digits rewritten
//! with the canonical value, keeping its currency, scale word and
//! separators ("$120m" → "$100m", "45,000" → "40,000", "45000" → "40000").
//! Where the style cannot be kept (words, ranges, a value the scale cannot
//! write exactly), there is no edit: a wrong correction is worse than none.

use rust_decimal::Decimal;

use crate::diagnostic::Edit;
use crate::extract::{Currency, Period, Quantity, Written};
use crate::source::Span;

/// The digits of a figure: the first run of digits with the separators and
/// decimal point between them.
fn digits_span(text: &str, figure: Span) -> Option<Span> {
    let s = figure.slice(text);
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let mut end = start;
    let bytes = s.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            i += 1;
            end = i;
        } else if (c == b',' || c == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    Some(Span::new(figure.start + start, figure.start + end))
}

/// How the digits were grouped: the thousands separator, if any.
fn separator(digits: &str) -> Option<char> {
    let comma = digits.contains(',');
    let int_part = digits.split('.').next().unwrap_or(digits);
    match (comma, int_part.len()) {
        (true, _) => Some(','),
        // Four or more digits without a comma: the writer does not group.
        (false, n) if n >= 4 => None,
        // Too short to tell: news style groups thousands.
        _ => Some(','),
    }
}

/// `value` written with `sep` between thousands.
fn write_number(value: Decimal, sep: Option<char>) -> String {
    let value = value.normalize();
    let plain = value.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if let Some(sep) = sep
            && i > 0
            && (int.len() - i) % 3 == 0
        {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The edit that makes `q` state `canonical`, in `q`'s style.
pub fn replace_value(text: &str, q: &Quantity, canonical: Decimal) -> Option<Edit> {
    if q.written != Written::Digits || q.high.is_some() {
        return None;
    }
    let digits = digits_span(text, q.figure)?;
    let written = digits.slice(text);
    let as_written: Decimal = written.replace(',', "").parse().ok()?;
    if as_written.is_zero() {
        return None;
    }
    // What the scale word multiplies by: "$120 million" is 120 × 10⁶.
    let factor = q.value.checked_div(as_written)?;
    if factor.is_zero() {
        return None;
    }
    let new = canonical.checked_div(factor)?.normalize();
    // A value the scale writes only with many decimals ("$0.0417 billion")
    // is not how anyone writes it.
    if new.scale() > 2 || new * factor != canonical {
        return None;
    }
    let replacement = write_number(new, separator(written));
    (replacement != written).then_some(Edit {
        span: digits,
        replacement,
    })
}

/// The edit that puts `canonical`'s symbol where `q`'s currency symbol is
/// ("£100m" → "$100m"); none for a currency written as a word or code, or
/// glued to letters ("US$"), where swapping one sign would misread.
pub fn replace_currency(text: &str, q: &Quantity, canonical: Currency) -> Option<Edit> {
    let symbol = canonical.symbol()?;
    let figure = q.figure.slice(text);
    let (i, c) = figure
        .char_indices()
        .find(|(_, c)| matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽'))?;
    if figure[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let start = q.figure.start + i;
    (c.to_string() != symbol).then(|| Edit {
        span: Span::new(start, start + c.len_utf8()),
        replacement: symbol.to_string(),
    })
}

/// Scale words by style, smallest first: written out, and abbreviated.
const SCALE_WORDS: [&[&str]; 2] = [
    &["thousand", "million", "billion", "trillion"],
    &["k", "m", "bn", "tn"],
];

/// The edit that gives `q`'s digits the scale that makes `canonical`
/// ("$100 billion" → "$100 million", "$100bn" → "$100m").
pub fn replace_scale(text: &str, q: &Quantity, canonical: Decimal) -> Option<Edit> {
    let span = q.scale?;
    let written = span.slice(text);
    let lower = written.to_ascii_lowercase();
    let (style, old) = SCALE_WORDS.iter().enumerate().find_map(|(style, words)| {
        let alias = match lower.as_str() {
            "mn" | "mln" => "m",
            "b" | "bln" => "bn",
            "trn" => "tn",
            other => other,
        };
        words.iter().position(|w| *w == alias).map(|i| (style, i))
    })?;
    let factor = |i: usize| Decimal::from(1000u64.pow(i as u32 + 1));
    let digits = q.value.checked_div(factor(old))?;
    let new = (0..4).find(|&i| digits.checked_mul(factor(i)) == Some(canonical))?;
    let mut replacement = SCALE_WORDS[style][new].to_string();
    if written.chars().all(|c| c.is_ascii_uppercase()) {
        replacement.make_ascii_uppercase();
    }
    (new != old).then_some(Edit { span, replacement })
}

/// The edit that makes a rate's period `canonical` ("a year" → "a month",
/// "annually" → "monthly"), keeping the words around it.
pub fn replace_period(text: &str, span: Span, canonical: Period) -> Option<Edit> {
    let adverb = |p: Period| match p {
        Period::Hour => "hourly",
        Period::Day => "daily",
        Period::Week => "weekly",
        Period::Month => "monthly",
        Period::Quarter => "quarterly",
        Period::Year => "annually",
        Period::Decade => "",
    };
    let said = span.slice(text);
    let mut at = 0;
    for word in said.split(|c: char| !c.is_alphabetic()) {
        let start = span.start + at;
        at += word.len() + 1;
        let Some(old) = Period::parse(word) else {
            continue;
        };
        let lower = word.to_ascii_lowercase();
        let replacement = if lower.ends_with("ly") || lower == "annually" {
            adverb(canonical).to_string()
        } else if lower == old.as_str() {
            canonical.as_str().to_string()
        } else {
            // "years", "yr": a plural or an abbreviation has no safe twin here.
            return None;
        };
        if replacement.is_empty() || canonical == old {
            return None;
        }
        let replacement = match word.chars().next() {
            Some(c) if c.is_uppercase() => capitalise(&replacement),
            _ => replacement,
        };
        return Some(Edit {
            span: Span::new(start, start + word.len()),
            replacement,
        });
    }
    None
}

/// The edit that makes a qualifier the canonical one ("fewer than" →
/// "more than"), keeping a capital letter.
pub fn replace_qualifier(text: &str, span: Span, canonical: &str) -> Option<Edit> {
    let said = span.slice(text);
    let replacement = match said.chars().next() {
        Some(c) if c.is_uppercase() => capitalise(canonical),
        _ => canonical.to_string(),
    };
    (replacement != said).then_some(Edit { span, replacement })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Why a finding of check `code` carries no edit.
pub fn why_none(code: &str) -> &'static str {
    match code {
        "NC101" | "NC102" | "NC103" | "NC104" | "NC105" | "NC106" | "NC301" | "NC304" | "NC305" => {
            "no correction keeps this figure's style: it is in words, a range, or a value its scale or unit cannot write"
        }
        "NC111" | "NC112" | "NC113" => "the sentence needs rewording, which is the writer's to do",
        "NC201" | "NC202" | "NC203" | "NC204" => {
            "which of the figures is wrong is for the writer to decide"
        }
        "NC107" => {
            "which fact the figure states, and so what it should be, is for the writer to say"
        }
        "NC302" => "a relative date is reworded, not replaced: name the date meant",
        "NC303" => "the weekday or the date may be the wrong one",
        "NC306" => "the month or the day may be the wrong one",
        "NC005" => "remove the comment, or correct what it names",
        _ => "a rules file is corrected by hand",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_of_prose_says_why_it_has_no_fix() {
        for meta in crate::checks::ALL {
            if ["NC1", "NC2", "NC3"]
                .iter()
                .any(|f| meta.code.starts_with(f))
            {
                assert_ne!(
                    why_none(meta.code),
                    why_none("NC001"),
                    "{} has no reason of its own",
                    meta.code
                );
            }
        }
    }

    #[test]
    fn numbers_keep_their_grouping() {
        assert_eq!(write_number(Decimal::from(40_000), Some(',')), "40,000");
        assert_eq!(write_number(Decimal::from(40_000), None), "40000");
        assert_eq!(write_number(Decimal::new(25, 1), Some(',')), "2.5");
        assert_eq!(
            write_number(Decimal::from(1_234_567), Some(',')),
            "1,234,567"
        );
        assert_eq!(separator("45,000"), Some(','));
        assert_eq!(separator("45000"), None);
        assert_eq!(separator("450"), Some(','));
    }

    fn fix(text: &str, canonical: i64) -> Option<String> {
        let mut ex = crate::extract::Extraction::default();
        crate::extract::Extractor::default().extract_window(
            text,
            Span::new(0, text.len()),
            0,
            &mut ex,
        );
        let q = ex.quantities.first().expect("a quantity");
        let edit = replace_value(text, q, Decimal::from(canonical))?;
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.replacement);
        Some(out)
    }

    #[test]
    fn corrections_keep_the_writers_style() {
        assert_eq!(
            fix("It has 45,000 convicts.", 40_000).as_deref(),
            Some("It has 40,000 convicts.")
        );
        assert_eq!(
            fix("It has 45000 convicts.", 40_000).as_deref(),
            Some("It has 40000 convicts.")
        );
        assert_eq!(
            fix("It spends $120m a month.", 100_000_000).as_deref(),
            Some("It spends $100m a month.")
        );
        assert_eq!(
            fix("It spends $1.2 billion a year.", 1_000_000_000).as_deref(),
            Some("It spends $1 billion a year.")
        );
        assert_eq!(
            fix("It has about 900 men.", 1_000).as_deref(),
            Some("It has about 1,000 men.")
        );
        // No safe correction: words, ranges, a scale that cannot say it.
        assert_eq!(fix("It has forty-five thousand convicts.", 40_000), None);
        assert_eq!(fix("It has 40,000 to 45,000 convicts.", 50_000), None);
        assert_eq!(fix("It spends $1bn a year.", 1_234_567), None);
    }

    #[test]
    fn digits_are_found_inside_the_figure() {
        let text = "about $120.5m a month";
        let figure = Span::new(6, 13);
        assert_eq!(
            digits_span(text, figure).map(|s| s.slice(text)),
            Some("120.5")
        );
    }
}
