//! ## What it does
//! Flags a percentage that disagrees with the count and base it is stated
//! with: "900 of the 1,000 fighters killed (80%) were convicts", or "90% of
//! the 1,000 fighters killed, or 800 men, were convicts".
//!
//! ## Why is this bad?
//! When a text gives both the count and its share, one of them was
//! miscopied. Readers who do the division lose trust in both.
//!
//! ## Example
//! ```text
//! Of the 1,000 fighters killed, 800 (90%) were convicts.
//! ```
//! Use instead:
//! ```text
//! Of the 1,000 fighters killed, 900 (90%) were convicts.
//! ```
//!
//! ## Configuration
//! None. The percentage may differ by half a unit of its last digit
//! ("33%" for 1 in 3), and by a point when a figure has a qualifier.
//! When a figure is bound to a fact and disagrees with it, the value checks
//! report it instead.

use rust_decimal::Decimal;

use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Base, Kind, Quantity};
use crate::facts::format_number;

pub static META: Meta = Meta {
    code: "NC202",
    name: "percent-of-base-mismatch",
    summary: "percentage disagrees with the count and base stated with it",
    severity: Severity::Error,
    family: Family::Arithmetic,
    source: include_str!("percent_of_base.rs"),
};

pub struct Check;

/// Whether only a bracket, ", or" or a dash (after at most three words such
/// as "killed in Bakhmut") stands between two figures.
fn joined(text: &str, from: usize, to: usize) -> bool {
    if from > to {
        return false;
    }
    let mut rest = text[from..to].trim_start();
    for _ in 0..3 {
        let word = rest.find(|c: char| !c.is_lowercase()).unwrap_or(rest.len());
        if word == 0 {
            break;
        }
        rest = rest[word..].trim_start();
    }
    let gap = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    matches!(
        gap.as_str(),
        "(" | ", or" | "— or" | "—" | "–" | "(or" | ", ("
    )
}

/// Half a unit of the last digit written: "90%" may be 89.5–90.5.
fn rounding(q: &Quantity) -> Decimal {
    Decimal::new(5, q.value.scale() + 1)
}

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &cx.ex.quantities;
        for (l, q) in qs.iter().enumerate() {
            let Some(Base::Quantity(g)) = q.syntax.base else {
                continue;
            };
            let Some(b) = g.checked_sub(cx.ex.first_index).filter(|&b| b < qs.len()) else {
                continue;
            };
            // "800 of the 1,000 (80%)" or "80% of the 1,000 fighters, or 800 men".
            let (m, p, anchor, next) = match q.kind {
                Kind::Count => {
                    // "180 of the 900 applications (15%)": the percentage after both.
                    let Some(p) = (l.max(b) + 1..qs.len()).find(|&i| qs[i].kind == Kind::Percent)
                    else {
                        continue;
                    };
                    (
                        l,
                        p,
                        q.syntax.np_end.max(qs[b].syntax.np_end),
                        qs[p].span.start,
                    )
                }
                Kind::Percent => {
                    let Some(m) = qs.get(b + 1) else { continue };
                    (b + 1, l, qs[b].syntax.np_end, m.span.start)
                }
                _ => continue,
            };
            let kinds_fit = qs[m].kind == Kind::Count
                && qs[p].kind == Kind::Percent
                && qs[b].kind == Kind::Count;
            if !kinds_fit
                || m == b
                || qs[b].value.is_zero()
                || qs[m].unit != qs[b].unit
                || !joined(cx.text, anchor, next)
            {
                continue;
            }
            if [b, m, p].iter().any(|&x| cx.disagrees(x)) {
                continue;
            }
            let share = qs[m].value * Decimal::from(100) / qs[b].value;
            let approximate = [b, m, p].iter().any(|&x| qs[x].qualifier.is_some());
            let tolerance = rounding(&qs[p])
                + if approximate {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                };
            if (share - qs[p].value).abs() <= tolerance {
                continue;
            }
            let (count, base, pct) = (
                format_number(qs[m].value),
                format_number(qs[b].value),
                format_number(qs[p].value),
            );
            let would_be =
                format_number((qs[p].value * qs[b].value / Decimal::from(100)).round_dp(1));
            let d = Diagnostic::new(
                &META,
                META.severity,
                format!(
                    "{count} of {base} is {}%, not {pct}%",
                    format_number(share.round_dp(1))
                ),
                cx.label(
                    qs[p].figure,
                    format!("{pct}% of {base} would be {would_be}"),
                ),
            )
            .with_secondary(cx.label(qs[m].figure, "the count"))
            .with_secondary(cx.label(qs[b].figure, "the base"))
            .with_help("check the count, the base and the percentage against the source");
            out.push(d);
        }
    }
}
