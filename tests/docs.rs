//! docs/checks.md is `numcheck explain` for every check, in one page the
//! language server links each diagnostic to. This test keeps it in step;
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites it.

use numcheck::checks;

fn generate() -> String {
    let mut out = String::from(
        "# numcheck's checks\n\n\
         Generated from the checks' own documentation (`numcheck explain CODE`);\n\
         do not edit by hand: `UPDATE_DOCS=1 cargo test --test docs` rewrites it.\n",
    );
    for m in checks::ALL {
        out.push_str(&format!(
            "\n## {} {}\n\n{} (default severity: {}).\n\n",
            m.code,
            m.name,
            m.summary,
            m.severity.as_str()
        ));
        let mut in_code = false;
        for line in m.explanation().lines() {
            in_code ^= line.starts_with("```");
            // The explanation's own headings sit under the check's.
            if !in_code && line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn checks_md_is_the_explain_text_of_every_check() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/checks.md");
    let want = generate();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("docs/checks.md written");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/checks.md is out of date: run UPDATE_DOCS=1 cargo test --test docs"
    );
    for m in checks::ALL {
        assert!(have.contains(&format!("\n## {} {}\n", m.code, m.name)));
    }
}
