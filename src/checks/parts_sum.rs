//! ## What it does
//! Flags an enumeration whose parts do not add up to its total, when the
//! text says the parts are all of it: "the 1,200-strong workforce is made
//! up of 700 engineers and 600 technicians" (1,300), or "700 engineers and
//! 600 technicians, a total of 1,200".
//!
//! ## Why is this bad?
//! Readers add the numbers up. A total that disagrees with its own parts
//! means one of the three figures is wrong, whatever the source said.
//!
//! ## Example
//! ```text
//! The force of 50,000 is made up of 10,000 contractors and 45,000 convicts.
//! ```
//! Use instead:
//! ```text
//! The force of 50,000 is made up of 10,000 contractors and 40,000 convicts.
//! ```
//!
//! ## Configuration
//! None. Only enumerations that claim to be complete are added up ("made
//! up of", "comprising", "consisting of", "split between", "divided into",
//! "a total of"); "including" lists some parts, not all. When a figure is
//! bound to a fact and disagrees with it, the value checks report it
//! instead. Parts with a qualifier ("about") may differ from the total by 5%.

use rust_decimal::Decimal;

use super::amount;
use super::{Context, Family, Meta};
use crate::diagnostic::{Diagnostic, Severity};

pub static META: Meta = Meta {
    code: "NC201",
    name: "parts-sum-mismatch",
    summary: "parts of a complete enumeration do not add up to its total",
    severity: Severity::Error,
    family: Family::Arithmetic,
    source: include_str!("parts_sum.rs"),
};

pub struct Check;

impl super::Check for Check {
    fn meta(&self) -> &'static Meta {
        &META
    }

    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &cx.ex.quantities;
        for (l0, total) in qs.iter().enumerate() {
            let Some(m) = total.syntax.member.filter(|m| m.is_total && m.exhaustive) else {
                continue;
            };
            let global = cx.ex.first_index + l0;
            if m.total != global {
                continue;
            }
            let parts: Vec<usize> = (0..qs.len())
                .filter(|&l| {
                    qs[l]
                        .syntax
                        .member
                        .is_some_and(|pm| !pm.is_total && pm.total == global)
                })
                .collect();
            let same_unit = parts.iter().all(|&p| {
                qs[p].unit == total.unit && qs[p].per.map(|x| x.0) == total.per.map(|x| x.0)
            });
            let ranged = total.high.is_some() || parts.iter().any(|&p| qs[p].high.is_some());
            let bound = cx.disagrees(l0) || parts.iter().any(|&p| cx.disagrees(p));
            if parts.len() < 2 || !same_unit || ranged || bound {
                continue;
            }
            let sum: Decimal = parts.iter().map(|&p| qs[p].value).sum();
            let approximate =
                total.qualifier.is_some() || parts.iter().any(|&p| qs[p].qualifier.is_some());
            let tolerance = if approximate {
                total.value * Decimal::new(5, 2)
            } else {
                Decimal::ZERO
            };
            if (sum - total.value).abs() <= tolerance {
                continue;
            }
            let terms: Vec<String> = parts.iter().map(|&p| amount(&qs[p], qs[p].value)).collect();
            let (sum_s, total_s) = (amount(total, sum), amount(total, total.value));
            let mut d = Diagnostic::new(
                &META,
                META.severity,
                format!("the parts add up to {sum_s}, not {total_s}"),
                cx.label(total.figure, format!("total: {total_s}")),
            )
            .with_note(format!("{} = {sum_s}", terms.join(" + ")))
            .with_help("check which of the figures is wrong; the parts are said to be the whole");
            for &p in &parts {
                d = d.with_secondary(cx.label(qs[p].figure, "a part"));
            }
            out.push(d);
        }
    }
}
