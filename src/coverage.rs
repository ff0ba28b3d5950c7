//! What a check of one document left out, and why: the warnings that keep
//! a run from passing silently. A draft whose front matter names a story
//! the table lacks, a draft no story applies to, a date in front matter
//! that is no date: each is checked only for what needs no facts, and the
//! run says so. The engine decides which stories apply
//! ([`engine::active_stories`]); this module only explains the outcome.

use crate::engine;
use crate::facts::FactTable;
use crate::load::Document;

/// One way a document was checked less than it seems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// One sentence, without the document's name (the caller puts it in front).
    pub message: String,
    /// The writer asked for something that is not there (a story the
    /// table lacks): a CI run must not pass on it. Other gaps (a draft no
    /// story applies to, a front-matter date that is no date) fail a run
    /// only under `--deny warnings`.
    pub fails: bool,
}

impl Gap {
    fn warn(message: String) -> Gap {
        Gap {
            message,
            fails: false,
        }
    }
}

/// Why a document was checked less than it seems.
pub fn gaps(doc: &Document, table: &FactTable) -> Vec<Gap> {
    let mut out = Vec::new();
    let Some(front) = &doc.front else {
        return no_story(doc, table, out);
    };
    if front.off {
        return out;
    }
    out.extend(front.problems.iter().cloned().map(Gap::warn));
    if let Some(id) = &front.story {
        if !table.stories.iter().any(|s| &s.id == id) {
            out.push(Gap {
                message: format!("its front matter {}", unknown_story(id, table)),
                fails: true,
            });
        }
        return out;
    }
    no_story(doc, table, out)
}

/// Adds "no story applies" when the table has stories and none applies.
fn no_story(doc: &Document, table: &FactTable, mut out: Vec<Gap>) -> Vec<Gap> {
    if !table.stories.is_empty() && engine::active_stories(table, doc).is_empty() {
        let how = if table.stories.iter().all(|s| s.paths.is_some()) {
            "no story's `paths` cover it"
        } else {
            "it matches no story's keywords"
        };
        out.push(Gap::warn(format!(
            "no story applies ({how}, and its front matter names none): only the \
             story-independent checks ran"
        )));
    }
    out
}

/// "front matter names story `foo`, which the rules do not define (did you
/// mean `fo`?)".
pub fn unknown_story(id: &str, table: &FactTable) -> String {
    let nearest = table
        .stories
        .iter()
        .map(|s| (strsim::jaro_winkler(id, &s.id), &s.id))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s);
    let known = match nearest {
        Some(s) => format!("did you mean `{s}`?"),
        None if table.stories.is_empty() => "it defines none".to_string(),
        None => format!(
            "it defines {}",
            table
                .stories
                .iter()
                .map(|s| format!("`{}`", s.id))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!(
        "names story `{}`, which the rules do not define ({known}): only the \
         story-independent checks ran",
        crate::load::one_line(id)
    )
}
