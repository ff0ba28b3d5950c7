fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for q in numcheck::extract::extract(&text) {
        let s = &q.syntax;
        println!(
            "{:>9} {:<28} v={} hi={:?} unit={:?} per={:?} q={:?} noun={:?} pred={:?} base={:?} mem={:?} coref={:?} conv={:?}",
            q.kind.as_str(),
            format!("{:?}", &text[q.span.range()]),
            q.value.normalize(),
            q.high,
            q.unit.map(|u| u.name()),
            q.per.map(|p| p.0.as_str()),
            q.qualifier.map(|x| x.approx.as_str()),
            s.noun.map(|n| &text[n.range()]),
            s.predicate.map(|n| &text[n.range()]),
            s.base.map(|b| match b {
                numcheck::extract::Base::Quantity(i) => format!("Q{i}"),
                numcheck::extract::Base::Words(w) => text[w.range()].to_string(),
            }),
            s.member.map(|m| format!(
                "{}{}{}",
                m.total,
                if m.is_total { "T" } else { "P" },
                if m.exhaustive { "!" } else { "" }
            )),
            s.coref,
            s.conversion_of,
        );
    }
}
