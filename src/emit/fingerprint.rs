//! Fingerprints that name a finding across edits: SARIF's
//! `partialFingerprints` and the baseline match on them. A fingerprint is
//! made of what the finding says and the words it points at, never of
//! line numbers, so lines inserted above it leave it the same; the same
//! claim made twice in one file is told apart by its order.

use std::collections::HashMap;

use super::Report;
use crate::diagnostic::Diagnostic;

/// FNV-1a, 64 bits: small, stable across platforms and releases (unlike
/// `std`'s hasher, which may change), and enough to tell findings apart.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The claim's words, whitespace folded, so re-wrapping a line keeps them.
fn claim(d: &Diagnostic) -> String {
    let text = d.primary.file.text();
    text.get(d.primary.span.range())
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One fingerprint a diagnostic, in the report's order.
pub fn all(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for f in &report.files {
        let mut seen: HashMap<(u64, &str), usize> = HashMap::new();
        for d in &f.diagnostics {
            let words = claim(d);
            let base = fnv1a(&[
                d.code,
                f.file.name(),
                d.fact.as_deref().unwrap_or_default(),
                &words,
            ]);
            let n = seen.entry((base, d.code)).or_default();
            *n += 1;
            out.push(format!("{base:016x}:{n}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        // The FNV-1a test vector for "a", with our part separator after it.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        h ^= u64::from(b'a');
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        assert_eq!(h, 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }
}
