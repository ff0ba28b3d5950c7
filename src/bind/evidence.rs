//! The evidence one quantity carries for each fact, scored.
//!
//! First, scope: a figure binds by its own words only when its clause names
//! who the story's figures belong to (the story's `subject`), places it
//! nowhere else (`places`), dates it in no other year and not "since"
//! something, and holds none of the `unless` words. A figure tied to a bound
//! one by structure (a partitive's base) needs no scope of its own.
//!
//! Then the evidence: a template is the strongest (4), then the noun after
//! the figure, a copula's complement or a noun before it ("a force of")
//! (3), context words in the clause (2), a term earlier in the clause (1).
//! Some evidence rules a fact out instead: a noun that names other facts
//! but not this one ("1,000 civilians" is no count of fighters), a fact
//! whose `context` words are absent from the clause, or a fact without
//! context when the clause holds another fact's context words ("1,000
//! contractors killed" counts deaths, not contractors). A sum named by a
//! noun the fact does not know ("a salary of $3,000") does not bind.

use super::{Binding, Bindings, How, SentenceView, compatible};
use crate::checks::compare::plausible_magnitude;
use crate::extract::{Approx, Base, Extraction, Kind, Quantity, Relative, Unit};
use crate::facts::{FactId, FactTable, Measure, Role};
use crate::prose::words;
use crate::source::Span;

fn term(r: Role) -> Option<FactId> {
    match r {
        Role::Term(f) => Some(f),
        _ => None,
    }
}

fn context(r: Role) -> Option<FactId> {
    match r {
        Role::Context(f) => Some(f),
        _ => None,
    }
}

/// Direction words count as context for the flow they describe.
fn flow(r: Role) -> Option<FactId> {
    match r {
        Role::Right(f) | Role::Wrong(f) => Some(f),
        _ => None,
    }
}

/// A fact's score and the strongest evidence behind it.
struct Tally {
    score: i32,
    how: How,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            score: 0,
            how: How::Unbound,
        }
    }
}

impl Tally {
    fn add(&mut self, points: i32, why: How) {
        self.score += points;
        if points >= 3 || self.how == How::Unbound {
            self.how = why;
        }
    }
}

/// The fact a base of a partitive or share is bound to.
fn base_fact(
    table: &FactTable,
    ex: &Extraction,
    bound: &Bindings,
    view: &SentenceView,
    base: Base,
    active: &[usize],
) -> Option<FactId> {
    match base {
        Base::Quantity(i) => bound.fact_of(ex, i),
        Base::Words(span) => {
            // "those killed", "the dead": a base named by context words or terms.
            let by_context = view.within(table, span, context);
            let by_term = view.suffix_terms(table, span, term);
            let pick = |list: Vec<FactId>| -> Option<FactId> {
                let list: Vec<FactId> = list
                    .into_iter()
                    .filter(|&f| {
                        active.contains(&table.facts[f].story) && table.facts[f].derived.is_none()
                    })
                    .collect();
                (list.len() == 1).then(|| list[0])
            };
            pick(by_context).or_else(|| {
                // A term shared with a fact that needs context: keep the one whose context is absent from the base.
                let plain: Vec<FactId> = by_term
                    .into_iter()
                    .filter(|&f| !table.facts[f].has_context)
                    .collect();
                pick(plain)
            })
        }
    }
}

/// How many sentences back a list's heading may name the story's subject.
pub(crate) const TOPIC_REACH: usize = 12;

/// Words that make the proper name before them a source, not an owner.
fn attributes(stem: &str) -> bool {
    matches!(
        stem,
        "said"
            | "say"
            | "says"
            | "told"
            | "tell"
            | "added"
            | "estimated"
            | "estimate"
            | "believe"
            | "believed"
            | "stated"
            | "noted"
            | "explained"
            | "claimed"
            | "claim"
            | "reported"
            | "warned"
            | "confirmed"
            | "announced"
            | "announces"
            | "disclosed"
            | "revealed"
            | "according"
            | "spokesman"
            | "spokeswoman"
            | "official"
            | "officials"
    )
}

/// Whether a clause names an owner other than the story's subject before
/// the figure ("Russia has lost…", "Putin mobilised…"), or anywhere as a
/// possessive ("Ukraine's armed forces"): a proper name that is not a
/// source ("Kirby said"), a title, a month, a place of the story, a
/// nationality ("Russian prisons"), or a function word opening the sentence.
/// Names after the figure are attributions or places ("according to John Kirby").
fn other_owner(
    text: &str,
    table: &FactTable,
    (story, subject): (usize, Role),
    view: &SentenceView,
    clause: Span,
    (figure, measure): (Span, bool),
    noun: Option<Span>,
) -> bool {
    let st = &table.stories[story];
    let ws = &view.words;
    let capitalised =
        |w: &crate::facts::pattern::WordTok| text[w.span.range()].starts_with(char::is_uppercase);
    // The `n`th word before the name that starts at `at`, past "the" and
    // the name's capitalised words.
    let before_name_by = |at: usize, n: usize| {
        let mut k = ws.partition_point(|w| w.span.start < at);
        while k > 0 && (ws[k - 1].stem == "the" || capitalised(&ws[k - 1])) {
            k -= 1;
        }
        k.checked_sub(n).map(|k| ws[k].stem.as_str())
    };
    let before_name = |at: usize| before_name_by(at, 1);
    // "the wreckage of the RMS Titanic 13,000 feet below": a name after a
    // preposition is where or what, not whose.
    let after_preposition = |at: usize| {
        matches!(
            before_name(at),
            Some("of" | "to" | "from" | "in" | "at" | "on" | "near" | "off" | "by")
        )
    };
    let covered: Vec<(Span, bool)> = view
        .matches
        .iter()
        .filter(|(s, m)| {
            // "Signature Bank's shares dropped 32%": the subject of one
            // fact ("Signature Bank" for its closure) owns figures the
            // story's subject does not.
            // A measure is not owned that way: "the Titanic lies 370 miles
            // off the coast" is where the story happens.
            let own_facts = matches!(subject, Role::SubjectOf(_)) || measure;
            *s == story
                && match st.roles[m.pattern] {
                    Role::SubjectOf(_) => own_facts || after_preposition(view.match_span(m).start),
                    Role::Subject
                    | Role::Place
                    | Role::Term(_)
                    | Role::Context(_)
                    | Role::Right(_)
                    | Role::Wrong(_) => true,
                    _ => false,
                }
        })
        .map(|(_, m)| {
            let owner = matches!(
                st.roles[m.pattern],
                Role::Subject | Role::SubjectOf(_) | Role::Place
            );
            (view.match_span(m), !owner)
        })
        .collect();
    let headline = std::cell::OnceCell::new();
    for (i, w) in ws.iter().enumerate() {
        // The figure's own words ("US$250,000", "USD 2.25 billion"), or a
        // code written onto it ("US£250,000"), are no owner.
        let in_figure =
            figure.start <= w.span.start && w.span.end <= figure.end || w.span.end == figure.start;
        if w.span.start < clause.start || w.span.end > clause.end || in_figure {
            continue;
        }
        let raw_text = &text[w.span.range()];
        // After the figure only a possessive or a word of its own noun
        // phrase ("100,000 Russian soldiers") names an owner.
        let own_noun = noun.is_some_and(|n| n.start <= w.span.start && w.span.end <= n.end);
        if w.span.start >= figure.end
            && !own_noun
            && !(raw_text.ends_with("'s") || raw_text.ends_with("’s"))
        {
            continue;
        }
        let raw = &text[w.span.range()];
        // "Ukraine's armed forces": a possessive names an owner, even a place of the story.
        let possessive = raw.ends_with("'s") || raw.ends_with("’s");
        // "Silvergate Capital": a cue word ending someone's name is the
        // name's, unless the cue is the whole name ("General Atlantic").
        let name_before = (i > 0 && !w.after_break)
            .then(|| &ws[i - 1])
            .filter(|p| !words::is_np_stop(&p.stem) && capitalised(p));
        let known = covered.iter().any(|&(c, cue)| {
            c.start <= w.span.start
                && w.span.end <= c.end
                && !(cue && name_before.is_some_and(|p| c.start > p.span.start))
        });
        // "The RMS Titanic's resting place is 370 miles off…": a measure of
        // a name the story knows is where the story happens, even in the
        // possessive.
        if !raw.chars().next().is_some_and(char::is_uppercase) || known && (!possessive || measure)
        {
            continue;
        }
        // "Pieces of missing Sub were discovered": the noun the subject is
        // named by, capitalised on its own, is the subject, not a name.
        // Not "any U.S. Bank" nor "another Bank": other banks.
        let lower_before = i > 0
            && text[ws[i - 1].span.range()].starts_with(char::is_lowercase)
            && !matches!(
                ws[i - 1].stem.as_str(),
                "any" | "another" | "other" | "every" | "each" | "a" | "an"
            );
        let own_head = lower_before
            && !possessive
            && raw.eq_ignore_ascii_case(&w.stem)
            && st.subject_heads.contains(&w.stem);
        if own_head {
            continue;
        }
        // The first word of a sentence, or of what follows a label's colon.
        let starts = i == 0 || text[ws[i - 1].span.end..w.span.start].contains(':');
        let opening = starts
            && (words::is_np_stop(&w.stem)
                || words::is_partitive_pronoun(&w.stem)
                || common_word(text, view, w.span));
        // "Titan Submarine: All 5 Passengers Aboard…": in a headline every
        // word is capitalised; one the text also writes in lower case is
        // no name.
        let headline_word =
            *headline.get_or_init(|| title_case(text, view)) && common_word(text, view, w.span);
        let title = matches!(
            w.stem.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "president" | "general" | "secretary"
        );
        // "7 a.m. Eastern Standard Time on Thursday", "8:15am ET": a time
        // zone is when, not whose.
        let zone = words::is_time_zone(raw)
            || raw == "Time"
                && i > 0
                && matches!(
                    &text[ws[i - 1].span.range()],
                    "Standard"
                        | "Daylight"
                        | "Summer"
                        | "Mean"
                        | "Eastern"
                        | "Pacific"
                        | "Central"
                        | "Mountain"
                        | "Universal"
                );
        let dated = words::month(raw).is_some() || words::weekday(raw).is_some() || zone;
        // "One day after…", "Two rivals…": a number word is no name.
        let number = crate::extract::small_number(&w.stem).is_some();
        // "Russian prisons", "Ukrainian city": a nationality before a noun is no owner.
        let lower_next = ws.get(i + 1).is_some_and(|n| {
            text[n.span.range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        // But "the Russian army" is an owner.
        let institution = ws.get(i + 1).is_some_and(|n| {
            matches!(
                n.stem.as_str(),
                "army"
                    | "force"
                    | "military"
                    | "government"
                    | "troop"
                    | "navy"
                    | "ministry"
                    | "official"
                    | "authority"
                    | "state"
            )
        });
        let nationality = ["ian", "ish", "ese", "ean", "ican"]
            .iter()
            .any(|e| w.stem.ends_with(e))
            && lower_next
            && !possessive
            && !institution;
        let modifier = !possessive && !institution && acronym_modifier(text, ws, i);
        // A name runs on through capitalized words to its last one; a source is followed by a verb of saying.
        let name_goes_on = ws.get(i + 1).is_some_and(capitalised);
        let source = ws.get(i + 1).is_some_and(|n| attributes(&n.stem))
            || i > 0 && ws[i - 1].stem == "to" && i > 1 && ws[i - 2].stem == "according";
        // "went missing off the coast of Newfoundland, Canada": a name after
        // a preposition of place, or the coast of one, is where, not whose;
        // so is the next name of a list of places.
        let after_locative = |k: usize| {
            k > 0
                && (matches!(
                    ws[k - 1].stem.as_str(),
                    "in" | "off" | "near" | "at" | "across" | "outside" | "inside" | "toward"
                ) || ws[k - 1].stem == "of"
                    && k > 1
                    && matches!(
                        ws[k - 2].stem.as_str(),
                        "coast" | "shore" | "south" | "north" | "east" | "west" | "water"
                    ))
        };
        let place = after_locative(i)
            || i > 1
                && text[ws[i - 1].span.end..w.span.start].contains(',')
                && capitalised(&ws[i - 1])
                && after_locative(i - 1);
        // "was closed by California regulators": the agent of a passive
        // acts on the story's subject; it owns nothing.
        let agent = before_name(w.span.start) == Some("by");
        // "lost contact with its mothership MV Polar Prince after 1 hour
        // 45 minutes": the name after "with", or after "with" and a common
        // noun in apposition, is whom the subject acted with, when a
        // preposition follows it; "with JPMorgan losing $22 billion" makes
        // the name the subject of what follows.
        let mut e = i;
        while ws.get(e + 1).is_some_and(capitalised) {
            e += 1;
        }
        let preposition_after = ws.get(e + 1).is_some_and(|n| {
            matches!(
                n.stem.as_str(),
                "after" | "before" | "for" | "in" | "on" | "at" | "over" | "until" | "since"
            )
        });
        let partner = preposition_after && {
            let at = |n: usize| before_name_by(w.span.start, n);
            at(1) == Some("with")
                || at(2) == Some("with") && at(1).is_some_and(|x| !words::is_np_stop(x))
                || at(3) == Some("with")
                    && at(2).is_some_and(words::is_determiner)
                    && at(1).is_some_and(|x| !words::is_np_stop(x))
        };
        if !(opening
            || headline_word
            || title
            || dated
            || number
            || nationality
            || modifier
            || name_goes_on
            || source
            || place
            || agent
            || partner)
        {
            return true;
        }
    }
    false
}

/// "the go-to bank for U.S. tech startups", "advice to FDIC staff": an
/// acronym after a preposition, before a common noun, sorts the noun; it
/// names no owner. "U.S." is read as the words "U" and "S".
fn acronym_modifier(text: &str, ws: &[crate::facts::pattern::WordTok], i: usize) -> bool {
    let is_part = |c: char| c.is_ascii_uppercase() || c == '.';
    let at = ws[i].span.start;
    let start = text[..at].trim_end_matches(is_part).len();
    let end = at + text[at..].len() - text[at..].trim_start_matches(is_part).len();
    // The whole word: "JPMorgan" is a name, not the acronym "JPM".
    let whole = !text[..start].ends_with(char::is_alphanumeric)
        && !text[end..].starts_with(char::is_alphanumeric);
    let letters = text[start..end]
        .chars()
        .filter(char::is_ascii_uppercase)
        .count();
    let first = ws.partition_point(|w| w.span.start < start);
    let next = ws.iter().find(|w| w.span.start >= end);
    whole
        && letters >= 2
        && first > 0
        && matches!(
            ws[first - 1].stem.as_str(),
            "for" | "to" | "from" | "with" | "among" | "at"
        )
        && next.is_some_and(|n| text[n.span.range()].starts_with(|c: char| c.is_ascii_lowercase()))
}

/// How far either side of a word "elsewhere in the document" reaches: an
/// article, not the archive a long file may hold (searching all of a
/// 100 MB file for each word made binding quadratic).
const DOCUMENT_REACH: usize = 16 * 1024;

/// Whether the capitalised word at `at`, opening a sentence, is an ordinary
/// word, not a name: a participle ("Equipped with 96 hours of oxygen,
/// it…") or a word the document also writes in lower case ("Investors
/// pulled…" where "investors" appears elsewhere).
fn common_word(text: &str, view: &SentenceView, at: Span) -> bool {
    if let Some(&(_, known)) = view.common.borrow().iter().find(|(s, _)| *s == at.start) {
        return known;
    }
    let lower = text[at.range()].to_lowercase();
    let participle = (lower.ends_with("ed") || lower.ends_with("ing"))
        && crate::prose::verb_base(&lower).is_some();
    let near = Span::new(
        at.start.saturating_sub(DOCUMENT_REACH),
        (at.end + DOCUMENT_REACH).min(text.len()),
    );
    let common = participle || written_lower(&text.as_bytes()[near.range()], &lower);
    view.common.borrow_mut().push((at.start, common));
    common
}

/// Whether a sentence is written in title case, as headlines are: most of
/// its longer words capitalised, at least three of them.
fn title_case(text: &str, view: &SentenceView) -> bool {
    let long = view.words.iter().filter(|w| w.span.len() > 3);
    let (mut n, mut capital) = (0, 0);
    for w in long {
        n += 1;
        capital += usize::from(text[w.span.range()].starts_with(char::is_uppercase));
    }
    capital >= 3 && capital * 4 >= n * 3
}

/// Whether `lower` occurs in `bytes` as a whole word in lower case.
fn written_lower(bytes: &[u8], lower: &str) -> bool {
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|at| {
        let end = at + lower.len();
        let boundary = |b: Option<&u8>| b.is_none_or(|c| !c.is_ascii_alphanumeric());
        boundary(at.checked_sub(1).and_then(|k| bytes.get(k))) && boundary(bytes.get(end))
    })
}

/// Whether the figure is in a relative clause ("the harbour bridge, which
/// will cost £150m") whose antecedent is not one the story knows: the
/// figure is the antecedent's, not the subject's.
fn relative_to_other(
    text: &str,
    table: &FactTable,
    (story, subject): (usize, Role),
    view: &SentenceView,
    clause: Span,
    figure: Span,
) -> bool {
    let ws = &view.words;
    let Some(i) = ws.iter().rposition(|w| {
        w.span.start >= clause.start
            && w.span.end <= figure.start
            && w.after_break
            && matches!(w.stem.as_str(), "which" | "who" | "whose")
    }) else {
        return false;
    };
    // "five passengers (two of whom were billionaires) who paid": the
    // antecedent comes before a bracketed aside.
    let gap_start = i.checked_sub(1).map_or(clause.start, |h| ws[h].span.end);
    let head = if text[gap_start..ws[i].span.start].contains(')') {
        text[..gap_start]
            .rfind('(')
            .and_then(|open| ws.iter().rposition(|w| w.span.end <= open))
    } else {
        i.checked_sub(1)
    };
    let Some(head) = head else {
        return false;
    };
    // The antecedent's noun phrase, up to a few words back: "the Titan
    // submersible, which…" is the Titan's.
    let mut first = head;
    while first > 0 && head - first < 3 && !ws[first].after_break {
        first -= 1;
    }
    let antecedent = Span::new(ws[first].span.start, ws[head].span.end);
    let st = &table.stories[story];
    // "Signature, which had $110.36 billion": another fact's subject is
    // another owner to the story's figures.
    let own_facts = matches!(subject, Role::SubjectOf(_));
    !view.matches.iter().any(|(s, m)| {
        let sp = view.match_span(m);
        *s == story
            && match st.roles[m.pattern] {
                Role::SubjectOf(_) => own_facts,
                Role::Subject | Role::Term(_) | Role::Context(_) => true,
                _ => false,
            }
            && sp.end > antecedent.start
            && sp.start < antecedent.end
    })
}

/// Whether the figure opens a parenthesis after a name that is not the
/// owner `subject` stands for: in "Signature Bank ($110.4 billion in
/// assets)" the figure is Signature's, whatever else the clause names.
fn apposed_to_other(
    text: &str,
    table: &FactTable,
    (story, subject): (usize, Role),
    view: &SentenceView,
    figure: Span,
) -> bool {
    let before = text[..figure.start].trim_end();
    // One lowercase word may come first: "(with $209 billion in assets)".
    let open = before.strip_suffix('(').or_else(|| {
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
        let rest = before[..before.len() - word.len()].trim_end();
        (!word.is_empty() && word.starts_with(char::is_lowercase))
            .then(|| rest.strip_suffix('('))
            .flatten()
    });
    let Some(open) = open else {
        return false;
    };
    let ws = &view.words;
    let Some(name) = ws.iter().rposition(|w| w.span.end <= open.len()) else {
        return false;
    };
    let w = &ws[name];
    if !text[w.span.end..open.len()].trim().is_empty() {
        return false;
    }
    let st = &table.stories[story];
    let roles: Vec<Role> = view
        .matches
        .iter()
        .filter(|(s, m)| *s == story && view.match_span(m).contains(w.span))
        .map(|(_, m)| st.roles[m.pattern])
        .collect();
    if roles.iter().any(|&r| r == subject || r == Role::Place) {
        return false;
    }
    if roles.iter().any(|r| matches!(r, Role::SubjectOf(_))) {
        return true;
    }
    let raw = &text[w.span.range()];
    roles.is_empty()
        && raw.starts_with(char::is_uppercase)
        && words::month(raw).is_none()
        && words::weekday(raw).is_none()
}

/// How many words after a figure's noun phrase a place still belongs to
/// it: "1,000 men in Mali", "50,000 personnel deployed in Syria"; not
/// "50,000 mercenaries drawn from prisons across Russia".
const PLACE_REACH: usize = 3;

/// Whether a quantity's clause lets the figures of `story` bind to it.
fn in_scope(
    text: &str,
    table: &FactTable,
    ex: &Extraction,
    (view, prev): (&SentenceView, &[SentenceView]),
    story: usize,
    subject: Role,
    q: &Quantity,
) -> bool {
    let clause = q.syntax.clause.cover(q.syntax.noun.unwrap_or(q.figure));
    let st = &table.stories[story];
    let is = |v: &SentenceView, m: &crate::facts::pattern::Match, s: usize, role: Role| {
        s == story && st.roles[m.pattern] == role && v.words.len() > m.last
    };
    let here = |role: Role| {
        view.matches.iter().any(|(s, m)| {
            is(view, m, *s, role)
                && view.match_span(m).start >= clause.start
                && view.match_span(m).end <= clause.end
        })
    };
    // "unless" words anywhere in the sentence: "froze the assets of 8 individuals and 3 entities".
    if view
        .matches
        .iter()
        .any(|(s, m)| is(view, m, *s, Role::Unless(None)))
    {
        return false;
    }
    // The subject named in the clause; or, continuing a topic, in the
    // sentence or the one before, with no other owner named in the clause.
    let names_subject = st.roles.contains(&subject);
    let near = |v: &SentenceView| v.matches.iter().any(|(s, m)| is(v, m, *s, subject));
    // A line of a fact box ("Convicts: about 45,000") continues the list's
    // heading; prose continues the two sentences before it.
    let labelled = q
        .syntax
        .lead
        .is_some_and(|l| text[l.end..q.span.start].trim_start().starts_with(':'));
    // A fact with a subject of its own ("the White House" for a briefing)
    // must name it in the sentence: other speakers fill the sentences around.
    // "The Titanic lies 370 miles off Newfoundland. It sank in 1912": a
    // sentence opening with a pronoun goes on about the one named before.
    let pronoun_opens = view
        .words
        .first()
        .is_some_and(|w| words::is_personal_pronoun(&w.stem));
    let reach = if matches!(subject, Role::SubjectOf(_)) {
        usize::from(pronoun_opens).min(prev.len())
    } else if labelled {
        prev.len()
    } else {
        prev.len().min(2)
    };
    // "Nearly three years with no U.S. bank failures…": the qualifier that
    // opens a sentence is the figure's, no name.
    let figure = q.qualifier.map_or(q.figure, |x| x.span.cover(q.figure));
    // "Signature, which had $110.36 billion in assets and $88.59 billion in
    // deposits": the figures of one list share the first one's clause.
    let list_clause = q
        .syntax
        .listed_with
        .and_then(|g| ex.get(g))
        .filter(|first| first.syntax.sentence == q.syntax.sentence)
        .map_or(clause, |first| clause.cover(first.syntax.clause));
    if relative_to_other(text, table, (story, subject), view, list_clause, q.figure)
        || apposed_to_other(text, table, (story, subject), view, q.figure)
    {
        return false;
    }
    // A relative clause starts the figure's own clause: in "agencies search
    // for a submersible that went missing on Sunday" the agencies are not
    // who went missing (`relative_to_other` has judged the antecedent).
    let own = {
        let from = view
            .words
            .iter()
            .rev()
            .filter(|w| w.span.start >= clause.start && w.span.end <= q.figure.start)
            .find(|w| matches!(w.stem.as_str(), "that" | "which" | "who"))
            .map_or(clause.start, |w| w.span.end);
        Span::new(from, clause.end.max(from))
    };
    let pronoun_of_other = pronoun_opens
        && prev.last().is_some_and(|p| {
            // Only the name that opens it: "Carter Trust failed…".
            let name = p.words.iter().take_while(|w| {
                w.stem == "the" || text[w.span.range()].starts_with(char::is_uppercase)
            });
            let (Some(first), Some(last), Some(end)) =
                (p.words.first(), name.last(), p.words.last())
            else {
                return false;
            };
            let whole = first.span.cover(last.span);
            let after = Span::new(end.span.end, end.span.end);
            // A headline, with no full stop, names what the text is about.
            let headline = !text[end.span.end..]
                .trim_start_matches(['"', '”', '’', '\''])
                .starts_with(['.', '!', '?']);
            !headline
                && !near(p)
                && other_owner(
                    text,
                    table,
                    (story, subject),
                    p,
                    whole,
                    (after, false),
                    None,
                )
        });
    let earlier = &prev[prev.len() - reach..];
    let continued = (near(view) || earlier.iter().any(near))
        && (!pronoun_of_other || near(view))
        && !other_owner(
            text,
            table,
            (story, subject),
            view,
            own,
            (figure, q.kind == Kind::Measure),
            q.syntax.noun,
        );
    // Ownership by default: in an article about the story, a figure is the
    // story's unless its clause gives it to another owner. A fact with a
    // subject of its own still needs that subject named.
    // "Carter Trust failed in 2009. It held $15 billion…": the pronoun is
    // the other owner named before, when the subject is not named there.
    let by_default = subject == Role::Subject
        && !pronoun_of_other
        && !other_owner(
            text,
            table,
            (story, subject),
            view,
            own,
            (figure, q.kind == Kind::Measure),
            q.syntax.noun,
        );
    if names_subject && !here(subject) && !continued && !by_default {
        return false;
    }
    let continued_by_pronoun = !here(subject) && !near(view) && continued;
    // "Silvergate announced it was shutting down March 8 before SVB
    // failed": a date whose clause names another owner before it, and the
    // subject only after it, dates the other's event.
    if q.kind == Kind::Date {
        let before = Span::new(own.start, q.figure.start.max(own.start));
        let event = Span::new(clause.start, event_span(ex, view, q, q.syntax.clause).end);
        let subject_in_event = view
            .matches
            .iter()
            .any(|(s, m)| is(view, m, *s, subject) && event.contains(view.match_span(m)));
        if !subject_in_event
            && other_owner(
                text,
                table,
                (story, subject),
                view,
                before,
                (figure, false),
                None,
            )
        {
            return false;
        }
        // "Prior to Washington Mutual, the failure of Continental Illinois
        // in 1984": a date is the event of the one it is "of", when that
        // one is named after the subject.
        let last_subject = view
            .matches
            .iter()
            .filter(|(s, m)| is(view, m, *s, subject))
            .map(|(_, m)| view.match_span(m).end)
            .filter(|&end| own.start <= end && end <= q.figure.start)
            .max();
        let ws = &view.words;
        // Or the one that opens the clause after it: "Before Northgate,
        // Ashby Bank was founded in 1871".
        let capitalised = |n: &crate::facts::pattern::WordTok| {
            n.span.end <= q.figure.start && text[n.span.range()].starts_with(char::is_uppercase)
        };
        let of_a_name = |end: usize| {
            ws.iter().enumerate().any(|(i, w)| {
                let next = match ws.get(i + 1) {
                    Some(n) if n.stem == "the" => ws.get(i + 2),
                    n => n,
                };
                // "the California Department of Financial Protection":
                // an "of" inside a name is the name's.
                let in_name = i > 0 && capitalised(&ws[i - 1]);
                w.span.start >= end
                    && (w.stem == "of" && !in_name && next.is_some_and(capitalised)
                        || w.after_break && text[end..w.span.start].contains(',') && capitalised(w))
            })
        };
        if let Some(end) = last_subject
            && of_a_name(end)
            && other_owner(
                text,
                table,
                (story, subject),
                view,
                Span::new(end, q.figure.start),
                (figure, false),
                None,
            )
        {
            return false;
        }
    }
    // Place and time scope figures; dates, ages and durations carry their own time.
    if !q.is_numeric_fact_kind() {
        return true;
    }
    if q.kind != Kind::Measure && names_group_of_others(text, st, view, clause) {
        return false;
    }
    // "1,000 men in Mali", "$5m a month across Africa": a place in the
    // figure's own phrase (a few words after it) that is not the story's.
    if st.has_places {
        let np_end = q.syntax.noun.map_or(q.figure.end, |n| n.end);
        let phrase_end = view
            .words
            .iter()
            .filter(|w| w.span.start >= np_end)
            .nth(PLACE_REACH)
            .map_or(clause.end, |w| w.span.start.min(clause.end));
        let places: Vec<Span> = view
            .matches
            .iter()
            .filter(|(s, m)| *s == story && st.roles[m.pattern] == Role::Place)
            .map(|(_, m)| view.match_span(m))
            .collect();
        for (i, w) in view.words.iter().enumerate() {
            let after = w.span.start >= q.figure.end && w.span.end <= phrase_end;
            if !after || !matches!(w.stem.as_str(), "in" | "across" | "throughout") {
                continue;
            }
            let mut k = i + 1;
            if view.words.get(k).is_some_and(|n| n.stem == "the") {
                k += 1;
            }
            let Some(next) = view.words.get(k) else {
                continue;
            };
            let name = &text[next.span.range()];
            let capital = name.chars().next().is_some_and(char::is_uppercase);
            // "in Wagner's ranks" names the owner, not a place.
            let owner = view.matches.iter().any(|(s, m)| {
                *s == story
                    && st.roles[m.pattern] == Role::Subject
                    && view.match_span(m).start == next.span.start
            });
            if capital
                && !owner
                && words::month(name).is_none()
                && !places.iter().any(|p| p.start == next.span.start)
            {
                return false;
            }
        }
    }
    // "By 2017 it had 2,500 men", "5,000 fighters in 2021", "lost 100,000
    // since February": a figure of another time. Only a date close to the
    // figure, with no comma between, dates it ("the group, founded in 2014,
    // now has…" does not).
    let story_year = st.date.and_then(|d| d.year);
    let close = |s: Span| near_figure(text, view, q, s);
    // "As of 31 December 2022, it had…", "at the end of 2022" beside a
    // balance sheet: the time a figure holds at, which its own fact
    // judges (`as_of`), not another time.
    let held_at = |y: i16| {
        st.facts
            .iter()
            .any(|&f| table.facts[f].as_of.is_some_and(|at| at.start.year() == y))
    };
    let other_year = view.quantities.iter().map(|&k| &ex.quantities[k]).any(|d| {
        d.kind == Kind::Date
            && close(d.figure)
            && !says_as_of(text, d)
            && matches!((d.date.and_then(|p| p.year), story_year), (Some(a), Some(b)) if a != b && !held_at(a))
    });
    // "since the 5 men aboard were killed": a "since" whose clause the
    // figure opens gives a reason, not a time.
    let opens_its_clause = |at: Span| {
        view.words
            .iter()
            .filter(|w| w.span.start >= at.end && w.span.end <= q.figure.start)
            .all(|w| words::is_determiner(&w.stem) || w.stem == "all")
    };
    let since = view.words.iter().any(|w| {
        w.stem == "since"
            && q.syntax.sentence.contains(w.span)
            && close(w.span)
            && !(w.span.end <= q.figure.start && opens_its_clause(w.span))
    });
    // "sold $30 million of stock over the last two years": a sum gathered
    // over a span of its own, not the story's.
    let span_of_years = over_years(view).any(|at| q.syntax.sentence.contains(at) && close(at));
    // "Becker has been selling over the last two years. He sold … netting
    // $29.5 million": a sentence that goes on about the one named before
    // goes on in its time too.
    let earlier_span = pronoun_opens
        && continued_by_pronoun
        && prev.last().is_some_and(|p| over_years(p).next().is_some());
    !other_year && !since && !span_of_years && !earlier_span
}

/// Where a sentence says "over the last two years", "during the past
/// decade": a span of time of its own.
fn over_years(view: &SentenceView) -> impl Iterator<Item = Span> + '_ {
    let ws = &view.words;
    ws.windows(3).enumerate().filter_map(move |(i, w)| {
        let long = |k: usize| {
            ws.get(k)
                .is_some_and(|x| matches!(x.stem.as_str(), "year" | "month" | "decade"))
        };
        (matches!(w[0].stem.as_str(), "over" | "during" | "in" | "for")
            && w[1].stem == "the"
            && matches!(w[2].stem.as_str(), "last" | "past")
            && (long(i + 3) || long(i + 4)))
        .then_some(w[0].span)
    })
}

/// How many words before a plural head "one of" may stand: "one of the
/// technology industry's largest lenders".
const ONE_OF_REACH: usize = 7;

/// Whether a clause names the story's subject's kind in the plural, a
/// group of others: "the country's four largest banks lost $52 billion",
/// "$100 billion in market value from US banks", "off bank stocks". Not
/// "one of the largest banks", which is the subject again.
fn names_group_of_others(
    text: &str,
    st: &crate::facts::Story,
    view: &SentenceView,
    clause: Span,
) -> bool {
    if st.subject_heads.is_empty() {
        return false;
    }
    let ws = &view.words;
    let head = |w: &crate::facts::pattern::WordTok| st.subject_heads.contains(&w.stem);
    let plural = |w: &crate::facts::pattern::WordTok| {
        let raw = &text[w.span.range()];
        raw.len() > w.stem.len() && raw.ends_with('s')
    };
    ws.iter().enumerate().any(|(i, w)| {
        if !clause.contains(w.span) || !head(w) {
            return false;
        }
        // "bank stocks" are many banks'; "the bank's shares" its own.
        let raw = &text[w.span.range()];
        let possessive = raw.ends_with("'s") || raw.ends_with("’s");
        let own = possessive
            || i > 0
                && matches!(
                    ws[i - 1].stem.as_str(),
                    "the" | "it" | "its" | "this" | "that"
                );
        let group = plural(w) && !possessive
            || !own
                && ws
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.stem.as_str(), "stock" | "share") && plural(n));
        // "one of the technology industry's largest lenders": one of them.
        let before = &ws[i.saturating_sub(ONE_OF_REACH)..i];
        let one_of = before
            .iter()
            .any(|p| matches!(p.stem.as_str(), "of" | "among"))
            && before.iter().any(|p| p.stem == "one");
        group && !one_of
    })
}

/// Whether a date is introduced by "as of": the time a figure holds at.
pub(crate) fn says_as_of(text: &str, d: &Quantity) -> bool {
    let ends_with = |s: &str, tail: &str| {
        s.len() >= tail.len()
            && s.get(s.len() - tail.len()..)
                .is_some_and(|w| w.eq_ignore_ascii_case(tail))
    };
    let mut before = text[d.syntax.sentence.start..d.span.start].trim_end();
    // "as of the end of last year" is as of its last day, and so is "at
    // the end of 2022" (but not a bare "at").
    let mut edged = false;
    for edge in [
        "the end of",
        "the close of",
        "the start of",
        "the beginning of",
    ] {
        if ends_with(before, edge) {
            before = before[..before.len() - edge.len()].trim_end();
            edged = true;
            break;
        }
    }
    ends_with(before, "as of") || ends_with(before, "as at") || edged && ends_with(before, " at")
}

/// Whether an "as of" date names another time than the one a figure holds
/// at: "Feb. 28" is not 31 December 2022. A day or a year off on the same
/// date ("Dec. 30", "Dec. 31, 2021") is a misdated statement of the figure,
/// which the date's own fact judges; so is a date with only a year.
fn dated_otherwise(d: crate::extract::DateParts, at: &crate::time::Interval) -> bool {
    let Some(month) = d.month.and_then(|m| i8::try_from(m).ok()) else {
        return false;
    };
    let day = d.day.and_then(|x| i8::try_from(x).ok()).unwrap_or(15);
    let of_year = |m: i8, x: i8| i32::from(m) * 31 + i32::from(x);
    let apart = (of_year(month, day) - of_year(at.start.month(), at.start.day())).abs();
    apart.min(12 * 31 - apart) > 31
}

/// The time a date beside a figure says it holds at: "the end of 2024"
/// and "the end of last year" are its last day, "the start of 2024" its
/// first; "last year" is the year before the story's.
fn held_at(
    text: &str,
    table: &FactTable,
    active: &[usize],
    d: &Quantity,
) -> Option<crate::extract::DateParts> {
    let story_year = || {
        active
            .iter()
            .find_map(|&s| table.stories[s].date.and_then(|x| x.year))
    };
    let story_date = active.iter().find_map(|&s| table.stories[s].date);
    let mut parts = match d.relative {
        None => d.date?,
        Some(Relative::Last(crate::extract::Period::Year)) => crate::extract::DateParts {
            year: Some(story_year()?.checked_sub(1)?),
            ..Default::default()
        },
        Some(Relative::This(crate::extract::Period::Year)) => crate::extract::DateParts {
            year: Some(story_year()?),
            ..Default::default()
        },
        // "On the morning of the 10th": that day near the story's date.
        Some(Relative::DayOfMonth(x)) => {
            let day = crate::time::day_of_month_near(crate::time::to_date(story_date?)?, x)?;
            crate::extract::DateParts::new(
                Some(day.year()),
                u8::try_from(day.month()).ok(),
                u8::try_from(day.day()).ok(),
            )
        }
        Some(_) => return None,
    };
    // "at the end of December" in a March story: last year's December;
    // "from April" in a February one, this year's (news looks back, but
    // not past a month or two ahead).
    if let (Some(m), None) = (parts.month, parts.year)
        && let Some(story) = story_date
        && let (Some(y), Some(sm)) = (story.year, story.month)
    {
        parts.year = Some(if m > sm + 2 { y - 1 } else { y });
    }
    if parts.month.is_none() && parts.year.is_some() {
        let mut from = d.figure.start.saturating_sub(24);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text[from..d.figure.start].trim_end().to_ascii_lowercase();
        let before = before.strip_suffix(" the").unwrap_or(&before);
        if before.ends_with("end of") {
            (parts.month, parts.day) = (Some(12), Some(31));
        } else if before.ends_with("start of") || before.ends_with("beginning of") {
            (parts.month, parts.day) = (Some(1), Some(1));
        }
    }
    Some(parts)
}

/// Whether a full date ("March 10") is another day than a figure held on
/// one day only: a share's fall on 9 March is not the fall "on March 10".
fn on_another_day(d: crate::extract::DateParts, at: &crate::time::Interval) -> bool {
    let (Some(m), Some(x)) = (d.month, d.day) else {
        return false;
    };
    at.precision == crate::time::Precision::Day
        && (i8::try_from(m).ok() != Some(at.start.month())
            || i8::try_from(x).ok() != Some(at.start.day()))
}

/// How many words from a figure a date still dates it.
const DATE_REACH: usize = 6;

/// For a sum whose only evidence is a word of the wrong direction: whether
/// what comes before that word in the clause names the story's subject and
/// no member of it. A word of the right direction needs no such test.
fn wrong_agent_is_subject(
    table: &FactTable,
    story: usize,
    view: &SentenceView,
    q: &Quantity,
    f: FactId,
) -> bool {
    let st = &table.stories[story];
    let clause = q.syntax.clause;
    let role_at = |m: &crate::facts::pattern::Match| st.roles[m.pattern];
    let in_clause = |s: Span| s.start >= clause.start && s.end <= clause.end;
    let right = view
        .matches
        .iter()
        .any(|(s, m)| *s == story && role_at(m) == Role::Right(f) && in_clause(view.match_span(m)));
    if right {
        return true;
    }
    let Some(first_wrong) = view
        .matches
        .iter()
        .filter(|(s, m)| {
            *s == story && role_at(m) == Role::Wrong(f) && in_clause(view.match_span(m))
        })
        .map(|(_, m)| view.match_span(m).start)
        .min()
    else {
        return true;
    };
    let before = |s: Span| s.start >= clause.start && s.end <= first_wrong;
    let subjects: Vec<Span> = view
        .matches
        .iter()
        .filter(|(s, m)| *s == story && role_at(m) == Role::Subject && before(view.match_span(m)))
        .map(|(_, m)| view.match_span(m))
        .collect();
    // "the mercenary group": a term inside the subject's name is no member.
    let member = view.matches.iter().any(|(s, m)| {
        let sp = view.match_span(m);
        *s == story
            // Only what a count counts is a member: a person's name is not.
            && matches!(role_at(m), Role::Term(g) if table.facts[g].measure == Measure::Count)
            && before(sp)
            && !subjects
                .iter()
                .any(|x| x.start <= sp.start && sp.end <= x.end)
    });
    !subjects.is_empty() && !member
}

/// The words before a figure, nearest first.
fn words_before<'v>(
    view: &'v SentenceView,
    q: &Quantity,
) -> impl Iterator<Item = &'v crate::facts::pattern::WordTok> {
    let start = q.figure.start;
    view.words.iter().rev().filter(move |w| w.span.end <= start)
}

/// A verb of saying or charging: the time next to it is the statement's.
fn saying(stem: &str) -> bool {
    matches!(
        stem,
        "said"
            | "say"
            | "told"
            | "tell"
            | "announced"
            | "declared"
            | "warned"
            | "confirmed"
            | "stated"
            | "added"
            | "accused"
            | "accuse"
            | "alleged"
            | "allege"
            | "claimed"
            | "claim"
            | "charged"
            | "reported"
            | "denied"
            | "revealed"
            | "disclosed"
            | "letter"
            | "statement"
    )
}

/// A word that begins another event in the sentence: a verb of saying,
/// "according to", or a conjunction of time or cause. A date belongs to
/// the event between the nearest of them on each side.
fn starts_event(stem: &str) -> bool {
    saying(stem)
        || matches!(
            stem,
            "that"
                | "which"
                | "who"
                | "according"
                | "after"
                | "before"
                | "following"
                | "amid"
                | "since"
                | "when"
                | "while"
                | "until"
                | "because"
                | "although"
                | "though"
        )
}

/// The verb of saying a date is the time of, if any: right after it ("on
/// Thursday said", "On 18 June, the sub was declared lost", a few words of
/// subject between), or before it with only its object or agent between
/// ("said Thursday", "announced by the Coast Guard Thursday"), no other verb.
fn said_near(view: &SentenceView, q: &Quantity) -> Option<Span> {
    let verb_like = |s: &str| s.len() > 4 && (s.ends_with("ed") || s.ends_with("ing"));
    // Past a comma only from a date that opens the sentence: "in October,
    // the White House said" dates the delivery before it; so does "But
    // Wednesday, SVB announced".
    let opens = view
        .words
        .iter()
        .take_while(|w| w.span.end <= q.figure.start)
        .all(|w| {
            matches!(
                w.stem.as_str(),
                "on" | "in"
                    | "at"
                    | "by"
                    | "the"
                    | "also"
                    | "but"
                    | "and"
                    | "yet"
                    | "then"
                    | "late"
                    | "early"
                    | "later"
            )
        });
    let after = view
        .words
        .iter()
        .filter(|w| w.span.start >= q.figure.end)
        .take(6)
        .enumerate()
        .take_while(|(k, w)| !w.after_break || *k == 0 && opens)
        .map(|(_, w)| w)
        .find(|w| saying(&w.stem) || verb_like(&w.stem) || starts_event(&w.stem))
        .filter(|w| saying(&w.stem));
    let before = words_before(view, q)
        .take(8)
        .find(|w| saying(&w.stem) || verb_like(&w.stem) || w.after_break)
        .filter(|w| saying(&w.stem));
    after.or(before).map(|w| w.span)
}

/// Whether the one who says, in a statement dated by `q` with its verb at
/// `verb`, is the statement fact's own subject or the story's: "SVB
/// announced on Wednesday" is SVB's statement, "On March 10, the DFPI
/// announced" and "announced on Friday by the FDIC" are another's. A
/// statement with no one named ("it was announced on Thursday") is the
/// fact's.
fn speaker_is_own(
    table: &FactTable,
    view: &SentenceView,
    q: &Quantity,
    verb: Span,
    f: FactId,
) -> bool {
    let ws = &view.words;
    let mut spans = Vec::new();
    if verb.start >= q.figure.end {
        spans.push(Span::new(q.figure.end, verb.start));
    } else {
        spans.push(Span::new(verb.end, q.figure.start));
    }
    // "announced on Friday by the FDIC": an agent after the date.
    let next = ws.partition_point(|w| w.span.start < q.figure.end);
    if ws.get(next).is_some_and(|w| w.stem == "by") {
        let end = ws[next + 1..]
            .iter()
            .take(6)
            .take_while(|w| !w.after_break)
            .last()
            .map_or(ws[next].span.end, |w| w.span.end);
        spans.push(Span::new(ws[next].span.start, end));
    }
    let filler = |stem: &str| {
        matches!(
            stem,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "it"
                | "they"
                | "he"
                | "she"
                | "we"
                | "was"
                | "were"
                | "is"
                | "are"
                | "ha"
                | "has"
                | "have"
                | "had"
                | "been"
                | "be"
                | "on"
                | "in"
                | "at"
                | "by"
                | "also"
                | "which"
                | "who"
                | "officially"
                | "later"
                | "then"
                | "first"
                | "finally"
                | "publicly"
                | "formally"
                | "itself"
                // "announced last Thursday", "said late Friday".
                | "last"
                | "next"
                | "late"
                | "early"
        )
    };
    let story = table.facts[f].story;
    let own = |w: &crate::facts::pattern::WordTok| {
        view.matches.iter().any(|(s, m)| {
            let names = match table.stories[*s].roles[m.pattern] {
                Role::Subject => !table.facts[f].own_subject,
                // "reported overdue Sunday": what was said is no speaker.
                Role::SubjectOf(x) | Role::Term(x) | Role::Context(x) => x == f,
                _ => false,
            };
            *s == story && names && view.match_span(m).contains(w.span)
        })
    };
    // "the submersible was declared lost": a passive's subject is not
    // who declared it; only its agent ("by the Coast Guard") is.
    let at = ws.partition_point(|w| w.span.start < verb.start);
    let passive = verb.start >= q.figure.end
        && at > 0
        && matches!(
            ws[at - 1].stem.as_str(),
            "was" | "were" | "been" | "be" | "is" | "are"
        );
    if passive {
        spans.remove(0);
    }
    // The one a statement's attribution names made it: "US Coast Guard
    // press conference" for "announced by the US Coast Guard".
    let source: Vec<String> = table.facts[f]
        .attribution
        .as_deref()
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(crate::prose::stem)
        .collect();
    let mut named = ws
        .iter()
        .filter(|w| spans.iter().any(|s| s.contains(w.span)) && !filler(&w.stem))
        .peekable();
    named.peek().is_none() || named.any(|w| own(w) || source.contains(&w.stem))
}

/// The stretch of `clause` that holds the event a date dates: from the
/// last word before it that begins another event to the first after it.
fn event_span(ex: &Extraction, view: &SentenceView, q: &Quantity, clause: Span) -> Span {
    // "on that Sunday": a determiner, not a relative clause.
    let determiner = |w: &crate::facts::pattern::WordTok| {
        w.stem == "that"
            && view
                .words
                .iter()
                .find(|n| n.span.start >= w.span.end)
                .is_some_and(|n| n.span.start >= q.figure.start)
    };
    // "missing since Sunday", "air until Thursday": a conjunction right
    // before the date is the date's own preposition, not a new clause.
    // "until around 5 a.m. on Thursday": a time of day between them too, or
    // a determiner ("since the 2008 crisis").
    let time_of_day = |w: &&crate::facts::pattern::WordTok| {
        w.stem.starts_with(|c: char| c.is_ascii_digit())
            || words::is_time_zone(&w.stem)
            || matches!(
                w.stem.as_str(),
                "a" | "p"
                    | "m"
                    | "am"
                    | "pm"
                    | "at"
                    | "on"
                    | "around"
                    | "about"
                    | "roughly"
                    | "approximately"
                    | "noon"
                    | "midnight"
            )
    };
    let last_before = words_before(view, q)
        .find(|w| !time_of_day(w) && !words::is_determiner(&w.stem))
        .map(|w| w.span);
    // "since the financial crisis of 2008": the year of the preposition's
    // own noun, with no verb between.
    let noun_before = words_before(view, q).take(5).collect::<Vec<_>>();
    let of_its_noun = |w: &crate::facts::pattern::WordTok| {
        let Some(k) = noun_before.iter().position(|n| n.span == w.span) else {
            return false;
        };
        k >= 2
            && matches!(noun_before[0].stem.as_str(), "of" | "in")
            && noun_before[1..k]
                .iter()
                .all(|n| !n.after_break && !starts_event(&n.stem) && !n.stem.ends_with("ed"))
            && !noun_before[0].after_break
    };
    let own_preposition = |w: &crate::facts::pattern::WordTok| {
        (Some(w.span) == last_before || of_its_noun(w))
            && matches!(w.stem.as_str(), "since" | "until" | "after" | "before")
    };
    // "lost contact after nearly two hours on Sunday": a preposition of a
    // length of time is that length's, not another event's.
    let of_a_length = |w: &crate::facts::pattern::WordTok| {
        matches!(w.stem.as_str(), "after" | "before" | "following" | "within")
            && view.quantities.iter().map(|&k| &ex.quantities[k]).any(|d| {
                d.kind == Kind::Duration
                    && d.span.end <= q.figure.start
                    && view
                        .words
                        .iter()
                        .find(|n| n.span.start >= w.span.end)
                        .is_some_and(|n| n.span.start >= d.span.start && n.span.end <= d.span.end)
            })
    };
    let start = view
        .words
        .iter()
        .rev()
        .find(|w| {
            w.span.end <= q.figure.start
                && w.span.start >= clause.start
                && starts_event(&w.stem)
                && !determiner(w)
                && !own_preposition(w)
                && !of_a_length(w)
        })
        .map_or(clause.start, |w| w.span.end);
    // "said on Wednesday that it planned…": a "that" right after the date
    // opens what was said, which names the statement. "On Monday, tragedy
    // struck when the sub went missing": what happened "when" happened
    // on that day too.
    let first_after = view.words.iter().position(|w| w.span.start >= q.figure.end);
    let purpose = |k: usize| infinitive_at(view, k);
    let end = view
        .words
        .iter()
        .enumerate()
        .find(|(k, w)| {
            w.span.start >= q.figure.end
                && w.span.end <= clause.end
                && (starts_event(&w.stem) || purpose(*k))
                && !(w.stem == "that" && Some(*k) == first_after)
                && w.stem != "when"
        })
        .map_or(clause.end, |(_, w)| w.span.start);
    Span::new(start, end.max(start))
}

/// Whether word `k` opens an infinitive of purpose: "set off on Sunday *to*
/// survey the wreck" is another event than the setting off; "to the
/// wreck", "to 2,000" are not.
fn infinitive_at(view: &SentenceView, k: usize) -> bool {
    let ws = &view.words;
    // "became the largest American bank to fail", "the first lender to…":
    // after a superlative or an ordinal the infinitive says what the noun
    // did, the event itself.
    let ranked = ws[k.saturating_sub(6)..k].iter().any(|w| {
        matches!(
            w.stem.as_str(),
            "first" | "second" | "third" | "last" | "only"
        ) || w.stem.len() > 5 && w.stem.ends_with("est")
    });
    ws[k].stem == "to"
        && !ranked
        && ws.get(k + 1).is_some_and(|n| {
            n.stem.chars().all(|c| c.is_ascii_lowercase())
                && !words::is_determiner(&n.stem)
                && !words::is_np_stop(&n.stem)
                && !n.after_break
        })
}

/// Narrows a date's event span to its side of the dates around it: in
/// "after its disappearance on Sunday, it was expected to run out of oxygen
/// on Thursday", the words past the comma are Thursday's. Without a comma
/// between two dates, the words between are shared.
fn between_dates(text: &str, date: Span, others: &[Span], span: Span) -> Span {
    // "today, Monday, June 19", "Monday morning, March 13": one date told twice.
    let apposed = |a: usize, b: usize| {
        text.get(a.min(b)..a.max(b)).is_some_and(|gap| {
            gap.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                <= 1
        })
    };
    let others: Vec<Span> = others
        .iter()
        .copied()
        .filter(|o| !apposed(o.end.min(date.end), o.start.max(date.start)))
        .collect();
    let (mut start, mut end) = (span.start, span.end);
    if let Some(next) = others
        .iter()
        .filter(|o| o.start >= date.end)
        .map(|o| o.start)
        .min()
    {
        let cut = text[date.end..next]
            .find(',')
            .map_or(next, |k| date.end + k);
        end = end.min(cut);
    }
    if let Some(prev) = others
        .iter()
        .filter(|o| o.end <= date.start)
        .map(|o| o.end)
        .max()
    {
        let cut = text[prev..date.start]
            .rfind(',')
            .map_or(prev, |k| prev + k + 1);
        start = start.max(cut);
    }
    Span::new(start, end.max(start))
}

/// Whether `s` is within a few words of the figure, with no comma between.
///
/// After the figure, any distance within its clause counts ("100,000
/// soldiers have been killed or wounded since February"); before it, only a
/// few words, or a time opening the sentence ("In 2014, Wagner had…").
pub(super) fn near_figure(text: &str, view: &SentenceView, q: &Quantity, s: Span) -> bool {
    let breaks = |a: usize, b: usize| text[a..b].contains([',', ';', '(', ')', '—', '–']);
    if s.start >= q.figure.end {
        // "$45bn (£36bn) in deposits as of 31 December": from the end of
        // the figure's noun, past an aside before it.
        let from = q.figure.end.max(q.syntax.np_end).min(s.start);
        return !breaks(from, s.start);
    }
    if s.end > q.figure.start {
        return true;
    }
    let opening = view
        .words
        .iter()
        .take_while(|w| w.span.end <= s.start)
        .all(|w| {
            matches!(
                w.stem.as_str(),
                "in" | "on"
                    | "by"
                    | "since"
                    | "until"
                    | "as"
                    | "of"
                    | "during"
                    | "from"
                    | "mid"
                    | "early"
                    | "late"
                    | "the"
                    // "On the morning of the 10th", "At the end of 2022".
                    | "at"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "end"
                    | "start"
                    | "beginning"
                    | "close"
            )
        });
    let between = || {
        view.words
            .iter()
            .filter(|w| w.span.start >= s.end && w.span.end <= q.figure.start)
    };
    // "was found in 1985 and is about 400 miles off": a verb after "and"
    // starts another predicate, which the date does not reach.
    let new_predicate = || {
        between().zip(between().skip(1)).any(|(a, b)| {
            matches!(a.stem.as_str(), "and" | "but")
                && (words::is_copula(&b.stem)
                    || matches!(b.stem.as_str(), "has" | "have" | "had" | "will")
                    || crate::prose::verb_base(&b.stem).is_some())
        })
    };
    opening || between().count() <= DATE_REACH && !breaks(s.end, q.figure.start) && !new_predicate()
}

/// Whether a date mention can state a dated fact at all, whatever the words
/// around it. A bare weekday names a day of the story's week, never a
/// founding year or a month; a date coarser than the fact's in another
/// year ("in 2021", "July 2019" beside a dive on 18 June 2023) is another
/// time, not a misdated event, when the fact is of the story's own year. A
/// wrong year on a full date still binds, and so does a bare year for a
/// background fact ("sank in 1910" for the Titanic's 1912).
fn date_can_name(table: &FactTable, q: &Quantity, fact: &crate::facts::Fact) -> bool {
    use crate::time::Precision;
    if fact.measure != Measure::Date {
        return true;
    }
    // "last year", "this month", "on Wednesday" point from the writing: they
    // name events of the story's time, not a founding in 1983 or a crisis
    // of 2008 (within a year of the story's date; a weekday, its fortnight).
    let weekday_alone = q.date.is_some_and(|p| {
        q.relative.is_none() && p.year.is_none() && p.month.is_none() && p.weekday.is_some()
    });
    let reach = if weekday_alone {
        Some(10)
    } else if q.relative.is_some() {
        Some(400)
    } else {
        None
    };
    let story_day = table.stories[fact.story]
        .date
        .and_then(crate::time::to_date);
    if let (Some(reach), Some(day), Some(when)) = (reach, story_day, fact.when) {
        let before = (when.start - day).get_days();
        let after = (day - when.end).get_days();
        if before.max(after) > reach {
            return false;
        }
    }
    let (Some(p), Some(when)) = (q.date, fact.when) else {
        return true;
    };
    if weekday_alone {
        return when.precision == Precision::Day;
    }
    let coarser = match (p.month, p.day) {
        (None, _) => when.precision < Precision::Year,
        (Some(_), None) => when.precision < Precision::Month,
        _ => false,
    };
    let other_year = p
        .year
        .is_some_and(|y| y < when.start.year() || y > when.end.year());
    let of_story_year = table.stories[fact.story]
        .date
        .and_then(|d| d.year)
        .is_some_and(|y| y >= when.start.year() && y <= when.end.year());
    !(coarser && other_year && of_story_year)
}

/// For an age whose phrase names no one: the people named right before it
/// as its subject ("Nargeolet is a 77-year-old …") or with an appositive
/// comma ("Nargeolet, a 77-year-old …"). A possessive ("Harding's
/// 12-year-old daughter") names someone else.
fn described_person(
    text: &str,
    table: &FactTable,
    (view, prev): (&SentenceView, &[SentenceView]),
    q: &Quantity,
) -> Vec<FactId> {
    let ws = &view.words;
    // "his 19-year-old son, Suleman": a name set after the age's noun.
    if let Some(n) = q.syntax.noun {
        let next = ws.partition_point(|w| w.span.start < n.end);
        if let Some(w) = ws
            .get(next)
            .filter(|w| w.after_break && text[w.span.range()].starts_with(char::is_uppercase))
        {
            let mut named: Vec<FactId> = view
                .matches
                .iter()
                .filter(|(_, m)| view.match_span(m).start == w.span.start)
                .filter_map(|(s, m)| match table.stories[*s].roles[m.pattern] {
                    Role::Term(f) if table.facts[f].measure == Measure::Age => Some(f),
                    _ => None,
                })
                .collect();
            named.sort_unstable();
            named.dedup();
            if let [f] = named[..] {
                return vec![f];
            }
        }
    }
    let mut i = ws.partition_point(|w| w.span.start < q.figure.start);
    if i > 0 && matches!(ws[i - 1].stem.as_str(), "a" | "an") {
        i -= 1;
    }
    let copula = i > 0 && matches!(ws[i - 1].stem.as_str(), "is" | "was" | "be" | "been");
    // "Shahzada Dawood, a businessman who … . He was 48.": a pronoun
    // opening the sentence is the person who opened the one before.
    let contracted = i == 1 && {
        let raw = text[ws[0].span.range()].to_lowercase();
        raw.ends_with("'s") || raw.ends_with("’s")
    };
    let pronoun = (contracted || copula && i == 2) && matches!(ws[0].stem.as_str(), "he" | "she");
    if pronoun {
        let Some(before) = prev.last() else {
            return Vec::new();
        };
        let opening = before.words.first().map(|w| w.span.start);
        return before
            .matches
            .iter()
            .filter(|(_, m)| Some(before.match_span(m).start) == opening)
            .filter_map(|(s, m)| match table.stories[*s].roles[m.pattern] {
                Role::Term(f) if table.facts[f].measure == Measure::Age => Some(f),
                _ => None,
            })
            .take(1)
            .collect();
    }
    // An appositive closes where its phrase ends: "Nargeolet, a 77-year-old
    // French explorer, first dived…", not a list running on.
    let closed = q.syntax.noun.is_none_or(|n| {
        let next = ws.partition_point(|w| w.span.start < n.end);
        ws.get(next).is_none_or(|w| w.after_break)
    });
    let name_end = if copula {
        i - 1
    } else if i > 0 && ws[i].after_break && closed {
        i
    } else {
        return Vec::new();
    };
    let Some(end) = name_end.checked_sub(1).map(|k| ws[k].span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (s, m) in &view.matches {
        if view.match_span(m).end != end {
            continue;
        }
        if let Role::Term(f) = table.stories[*s].roles[m.pattern]
            && table.facts[f].measure == Measure::Age
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    out
}

/// The words "left" that follow a figure's noun phrase at once ("three
/// days left", "40 hours of oxygen left"): they say what remains.
fn left_as_remaining(ex: &Extraction, view: &SentenceView) -> Vec<Span> {
    let ws = &view.words;
    view.quantities
        .iter()
        .map(|&k| &ex.quantities[k])
        .filter(|d| d.kind != Kind::Date)
        .filter_map(|d| {
            let end = d.span.end.max(d.syntax.np_end);
            let next = ws.partition_point(|w| w.span.start < end);
            // Past "of oxygen", "of breathable air".
            let of = ws.get(next).is_some_and(|w| w.stem == "of");
            let after = if of {
                next + 1..(next + 4).min(ws.len())
            } else {
                next..next + 1
            };
            ws.get(after)?
                .iter()
                .take_while(|w| !w.after_break)
                .find(|w| w.stem == "left")
                .map(|w| w.span)
        })
        .collect()
}

/// "takes eight hours including the descent": what a figure is said to
/// include, or to leave out, is a part of it, not what it is.
fn included(view: &SentenceView, q: &Quantity) -> Vec<Span> {
    let ws = &view.words;
    let at = ws.partition_point(|w| w.span.start < q.figure.end);
    let includes = |w: &crate::facts::pattern::WordTok| {
        matches!(
            w.stem.as_str(),
            "including" | "include" | "excluding" | "exclude" | "plus" | "besides"
        )
    };
    // "$600 million, including the fees": a comma may come before it.
    let Some(k) = ws[at..]
        .iter()
        .take(4)
        .take_while(|w| w.span.end <= q.syntax.sentence.end)
        .enumerate()
        .take_while(|(j, w)| *j == 0 || !w.after_break || includes(w))
        .position(|(_, w)| includes(w))
    else {
        return Vec::new();
    };
    phrase_from(ws, at + k + 1).into_iter().collect()
}

/// The words from `k` to the next break, as one span.
fn phrase_from(ws: &[crate::facts::pattern::WordTok], k: usize) -> Option<Span> {
    ws.get(k..)?
        .iter()
        .enumerate()
        .take_while(|(j, w)| *j == 0 || !w.after_break)
        .map(|(_, w)| w.span)
        .reduce(|a, b| a.cover(b))
}

/// "In addition to the share sale, … options worth $1.3 million": what a
/// phrase of "in addition to", "apart from" or "aside from" names is
/// something else than a figure outside it.
fn set_apart(view: &SentenceView, q: &Quantity) -> Vec<Span> {
    let ws = &view.words;
    let opens = |k: usize| {
        let stem = |j: usize| ws.get(j).map_or("", |w| w.stem.as_str());
        match stem(k) {
            "in" => stem(k + 1) == "addition" && stem(k + 2) == "to",
            "apart" | "aside" => stem(k + 1) == "from",
            _ => false,
        }
    };
    (0..ws.len())
        .filter(|&k| opens(k))
        .filter_map(|k| {
            let phrase = phrase_from(ws, k + if ws[k].stem == "in" { 3 } else { 2 })?;
            (!phrase.contains(q.figure)).then_some(phrase)
        })
        .collect()
}

/// "began swarming the area", "started to pull their money": a verb of
/// beginning or going on before another verb is that verb's aspect, and
/// names no event of its own.
fn aspectual(text: &str, view: &SentenceView) -> Vec<Span> {
    let ws = &view.words;
    ws.windows(2)
        .filter(|pair| {
            let (w, next) = (&pair[0], &pair[1]);
            let verb = w.base.unwrap_or(w.stem.as_str());
            let of_aspect = matches!(
                verb,
                "begin" | "start" | "continue" | "resume" | "keep" | "stop" | "finish"
            ) || matches!(w.stem.as_str(), "began" | "begun" | "started" | "kept");
            let raw = &text[next.span.range()];
            let verb_next = next.stem == "to" || raw.len() > 4 && raw.ends_with("ing");
            of_aspect && !next.after_break && verb_next
        })
        .map(|pair| pair[0].span)
        .collect()
}

/// Whether a copula or a verb of amounting stands right before the figure:
/// "was 209 billion dollars", "totalled $175 billion", "stood at $9bn".
fn copula_before(view: &SentenceView, q: &Quantity) -> Option<Span> {
    let ws = &view.words;
    let at = ws.partition_point(|w| w.span.start < q.span.start);
    let word = |k: usize| at.checked_sub(k).map(|i| ws[i].stem.as_str());
    if matches!(
        word(1),
        Some("is" | "was" | "are" | "were" | "totaled" | "totalled" | "totaling" | "totalling")
    ) {
        return Some(ws[at - 1].span);
    }
    matches!(
        (word(2), word(1)),
        (Some("stood" | "amounted" | "came"), Some("at" | "to"))
    )
    .then(|| ws[at - 2].span)
}

/// The terms that head the subject of a copula ending at `before`, among
/// its first few words: "the asset size of the bank", not "the amount of
/// deposits not covered by deposit insurance", whose term a verb or
/// negation after it qualifies away, and whose "deposit insurance" is far
/// from its head.
fn equated_terms(table: &FactTable, view: &SentenceView, before: Span) -> Vec<FactId> {
    let ws = &view.words;
    let inside: Vec<&crate::facts::pattern::WordTok> =
        ws.iter().filter(|w| before.contains(w.span)).collect();
    let opening = inside.iter().rposition(|w| w.after_break).unwrap_or(0);
    let Some(head_end) = inside[opening..]
        .iter()
        .take(4)
        .next_back()
        .map(|w| w.span.end)
    else {
        return Vec::new();
    };
    let qualified = |from: usize| {
        ws.iter()
            .filter(|w| w.span.start >= from && w.span.end <= before.end)
            .any(|w| {
                matches!(w.stem.as_str(), "not" | "no" | "that" | "which" | "who")
                    || w.stem.len() > 4 && (w.stem.ends_with("ed") || w.stem.ends_with("ing"))
            })
    };
    let mut out = Vec::new();
    for (s, m) in &view.matches {
        let sp = view.match_span(m);
        if let Role::Term(f) = table.stories[*s].roles[m.pattern]
            && before.contains(sp)
            && sp.start >= inside[opening].span.start
            && sp.end <= head_end
            && !qualified(sp.end)
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    out
}

/// Which aspects of a length the words around a figure name: "lies 12,500
/// feet down", "the 22-foot submersible" (a thing's size, when nothing else
/// is said), "900 miles off Cape Cod".
fn length_aspects(text: &str, view: &SentenceView, q: &Quantity) -> u8 {
    use crate::extract::measure::{Dimension, aspect};
    if super::physical_dimension(q) != Some(Dimension::Length) {
        return 0;
    }
    let clause = q.syntax.clause;
    let ws = &view.words;
    let at = ws.partition_point(|w| w.span.start < q.figure.start);
    let end = q.syntax.noun.map_or(q.span.end, |n| n.end.max(q.span.end));
    let after = ws.partition_point(|w| w.span.start < end);
    // "the US Coast Guard", "East Timor": a word of a name names no aspect.
    let first = ws.first().map(|w| w.span.start);
    let named = |words: &[crate::facts::pattern::WordTok]| {
        words
            .iter()
            .filter(|w| clause.contains(w.span))
            .filter(|w| {
                Some(w.span.start) == first || !text[w.span.range()].starts_with(char::is_uppercase)
            })
            .map(|w| aspect::of_word(&w.stem))
            .fold(0, |a, b| a | b)
    };
    let attributive = adjectival(text, q);
    // "the 21-foot vessel that set off from St. John's": what follows the
    // noun of an adjective of length is said of the noun, and the length is
    // the noun's size; unless the noun is a journey ("a 13,000ft journey
    // below the surface"), whose length is how far or how deep it goes.
    if attributive
        && !ws
            .get(after.saturating_sub(1))
            .is_some_and(|w| journey(&w.stem))
    {
        let own = named(&ws[at..after]);
        return if own == 0 { aspect::SIZE } else { own };
    }
    // What follows a length says what it is ("1,600 feet from the bow");
    // what precedes it may belong to another phrase ("on the seabed about
    // 1,600 feet"), so it speaks only when the words after are silent.
    let following = named(&ws[at..(after + 4).min(ws.len())]);
    let near = if following != 0 {
        following
    } else {
        named(&ws[at.saturating_sub(3)..at])
    };
    if near == 0 && attributive {
        aspect::SIZE
    } else {
        near
    }
}

/// Whether a figure is an adjective before its noun: "the 21-foot vessel",
/// "its 2-hour descent".
fn adjectival(text: &str, q: &Quantity) -> bool {
    q.syntax.noun.is_some() && text[q.figure.range()].contains('-')
}

/// Nouns of a journey, whose length is the way it goes.
fn journey(stem: &str) -> bool {
    matches!(
        stem,
        "journey"
            | "trip"
            | "voyage"
            | "trek"
            | "expedition"
            | "dive"
            | "descent"
            | "route"
            | "flight"
    )
}

/// The words of a sentence that name a trading session other than the
/// day's close: "after-hours", "pre-market", "in extended trading".
fn trading_sessions(view: &SentenceView) -> Vec<Span> {
    let ws = &view.words;
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let one = matches!(
            w.stem.as_str(),
            "after-hour"
                | "premarket"
                | "pre-market"
                | "pre-opening"
                | "intraday"
                | "extended-hour"
        );
        let two = ws.get(i + 1).is_some_and(|n| {
            matches!(
                (w.stem.as_str(), n.stem.as_str()),
                ("after", "hour")
                    | ("pre", "market" | "opening")
                    | ("extended" | "early" | "late", "trading")
                    | ("extended", "hour")
            )
        });
        if one {
            out.push(w.span);
        } else if two {
            out.push(w.span.cover(ws[i + 1].span));
        }
    }
    out
}

/// The facts whose `unless` words the figure's sentence holds. A word in
/// another clause that sits nearer another figure of the same kind is that
/// figure's: in "72 hours of oxygen left, and it has life support of 96
/// hours", "left" says nothing of the 96.
fn unless_words(
    table: &FactTable,
    ex: &Extraction,
    view: &SentenceView,
    q: &Quantity,
) -> Vec<FactId> {
    let clause = q.syntax.clause;
    let gap = |a: Span, b: Span| a.start.max(b.start).saturating_sub(a.end.min(b.end));
    let another_figures = |at: Span| {
        view.quantities
            .iter()
            .map(|&n| &ex.quantities[n])
            .any(|o| o.figure != q.figure && o.kind == q.kind && gap(o.span, at) < gap(q.span, at))
    };
    let mut out = Vec::new();
    for (story, m) in &view.matches {
        let Role::Unless(Some(f)) = table.stories[*story].roles[m.pattern] else {
            continue;
        };
        let at = view.match_span(m);
        let inside = |s: Span| s.start <= at.start && at.end <= s.end;
        let counts = inside(q.syntax.sentence) && (inside(clause) || !another_figures(at));
        if counts && !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Scores every fact of the active stories for quantity `l` of the window.
pub(crate) fn score(
    text: &str,
    table: &FactTable,
    active: &[usize],
    ex: &Extraction,
    bound: &Bindings,
    views: (&SentenceView, &[SentenceView]),
    l: usize,
) -> Vec<(FactId, i32, How)> {
    let view = views.0;
    let q = &ex.quantities[l];
    if q.syntax.conversion_of.is_some() || q.syntax.restates.is_some() {
        return Vec::new();
    }
    // "our June 21 story", "the Monday report": the date of a piece of
    // writing, not of an event.
    if q.kind == Kind::Date {
        let next = view.words.iter().find(|w| w.span.start >= q.figure.end);
        if next.is_some_and(|w| {
            matches!(
                w.stem.as_str(),
                "story" | "article" | "report" | "piece" | "column" | "edition" | "newsletter"
            )
        }) {
            return Vec::new();
        }
        if year_of_another_name(text, table, view, q) {
            return Vec::new();
        }
    }
    // "in the coming weeks", "next month": plans, not the events facts record.
    if matches!(
        q.relative,
        Some(Relative::Coming(_) | Relative::Next(_) | Relative::Tomorrow)
    ) {
        return Vec::new();
    }
    // "said Thursday that North Korea shipped…", "on Thursday said…": the
    // time of the saying, which names only a fact whose context is that
    // verb (`statements` below) or a template ("said on {n}").
    let saying = if q.kind == Kind::Date {
        said_near(view, q)
    } else {
        None
    };
    let global = ex.first_index + l;
    let clause = q.syntax.clause;
    // "1,000 of Wagner's fighters have been killed": with a death word in the
    // clause, the base's noun is what is counted, not a group it is part of.
    let contexts_all = view.within(table, clause, context);
    let base_words = match q.syntax.base {
        Some(Base::Words(span)) => Some(span),
        _ => None,
    };
    // "all 17 of its branches" counts the branches, not a part of them.
    let all_of = view
        .words
        .iter()
        .rev()
        .find(|w| w.span.end <= q.figure.start)
        .is_some_and(|w| w.stem == "all" && w.span.start >= q.syntax.sentence.start);
    let base_is_noun = base_words.is_some_and(|span| {
        view.suffix_terms(table, span, term)
            .iter()
            .any(|f| all_of || table.facts[*f].has_context && contexts_all.contains(f))
    });
    // "$175.4 billion in deposits", "$21 billion of securities": what a sum
    // is in names it as a noun after it would.
    let noun_span = q
        .syntax
        .noun
        .or(if base_is_noun { base_words } else { None })
        .or(q.syntax.in_noun.filter(|_| q.kind == Kind::Money));
    // A person is named anywhere in an age's phrase ("a 58-year-old
    // British billionaire Hamish Harding"); other figures count their head.
    let nouns = noun_span.map(|n| {
        if q.kind == Kind::Age {
            view.within(table, n, term)
        } else {
            view.suffix_terms(table, n, term)
        }
    });
    // "Nargeolet, a 77-year-old French explorer", "Rush was a 61-year-old
    // pilot": the person the age's phrase describes is named just before it.
    let described = if q.kind == Kind::Age && nouns.as_ref().is_none_or(Vec::is_empty) {
        described_person(text, table, views, q)
    } else {
        Vec::new()
    };
    let preds = q
        .syntax
        .predicate
        .map(|p| view.suffix_terms(table, p, term));
    let leads = q
        .syntax
        .lead
        .filter(|_| noun_span.is_none())
        .map(|n| view.suffix_terms(table, n, term));
    let named = noun_span.is_some() || q.syntax.predicate.is_some() || q.syntax.base.is_some();
    // A bare count after its verb is the verb's object ("fighters killed
    // 300" counts victims): only context after it describes it. Sums and
    // shares are named before as often as after ("a budget of £120m").
    let context_span = if q.kind == Kind::Date {
        let others: Vec<Span> = view
            .quantities
            .iter()
            .map(|&k| &ex.quantities[k])
            .filter(|d| d.kind == Kind::Date)
            .map(|d| d.figure)
            .filter(|&d| d != q.figure)
            .collect();
        between_dates(text, q.figure, &others, event_span(ex, view, q, clause))
    } else if named || q.kind != Kind::Count {
        clause
    } else {
        Span::new(q.figure.start, clause.end)
    };
    // A label's words are the figure's too: "Spending: $100m a month".
    let with_lead = |s: Span| q.syntax.lead.map_or(s, |l| s.cover(l));
    let mut contexts = view.within(table, with_lead(context_span), context);
    // "40 hours of oxygen left until … Thursday": "left" after a figure's
    // noun phrase is what remains, not a leaving the date could be of.
    let mut remaining = if q.kind == Kind::Date && !contexts.is_empty() {
        left_as_remaining(ex, view)
    } else {
        Vec::new()
    };
    if !contexts.is_empty() {
        remaining.extend(aspectual(text, view));
        remaining.extend(included(view, q));
        remaining.extend(set_apart(view, q));
    }
    if !remaining.is_empty() {
        contexts.retain(|&f| {
            view.matches.iter().any(|(s, m)| {
                let sp = view.match_span(m);
                table.stories[*s].roles[m.pattern] == Role::Context(f)
                    && with_lead(context_span).contains(sp)
                    && !remaining.iter().any(|r| r.contains(sp))
            })
        });
    }
    // "announced on Thursday", "was declared on 22 June": a fact whose
    // context is the verb of saying itself is the statement the date is of.
    let statements: Vec<FactId> = saying.map_or_else(Vec::new, |at| {
        // "was reported overdue Sunday night": the verb's complement before
        // the date says what was stated.
        let between = view
            .words
            .iter()
            .filter(|w| w.span.start >= at.end && w.span.end <= q.figure.start)
            .count();
        let stated = if at.end <= q.figure.start && between <= 2 {
            at.cover(Span::new(at.end, q.figure.start))
        } else {
            at
        };
        view.within(table, stated, context)
            .into_iter()
            .filter(|&f| speaker_is_own(table, view, q, at, f))
            .collect()
    });
    for &f in &statements {
        if !contexts.contains(&f) {
            contexts.push(f);
        }
    }
    let flows = view.within(table, with_lead(clause), flow);
    let unless = unless_words(table, ex, view, q);
    let templates: Vec<FactId> = view
        .matches
        .iter()
        .filter(|(_, m)| m.figure == Some(global))
        .filter_map(|(s, m)| match table.stories[*s].roles[m.pattern] {
            Role::Template(f) => Some(f),
            _ => None,
        })
        .collect();
    let subject = if noun_span.is_none() && q.syntax.predicate.is_none() {
        view.within(table, Span::new(clause.start, q.span.start), term)
    } else {
        Vec::new()
    };
    // "the asset size of the bank was 209 billion dollars", "deposits
    // totalled $175 billion": the subject of a copula right before the
    // figure is what the figure is.
    let equated = copula_before(view, q)
        .map(|copula| equated_terms(table, view, Span::new(clause.start, copula.start)))
        .unwrap_or_default();
    let base = if base_is_noun {
        None
    } else {
        q.syntax
            .base
            .and_then(|b| base_fact(table, ex, bound, view, b, active))
    };
    let baseless_shares = || {
        active.iter().any(|&s| {
            table.stories[s]
                .facts
                .iter()
                .any(|&f| baseless_share(&table.facts[f]))
        })
    };
    if q.syntax.base.is_some()
        && !base_is_noun
        && base.is_none()
        && q.kind == Kind::Percent
        && !baseless_shares()
    {
        // A share of something we cannot place is not a share we can check.
        return Vec::new();
    }
    // The nouns a sum is named by, none of which may be foreign to its fact.
    let money_nouns: Vec<Span> = [q.syntax.noun, q.syntax.lead, q.syntax.in_noun]
        .into_iter()
        .flatten()
        .collect();
    // The parts of an enumeration are in the scope of their total.
    let scope_of = q
        .syntax
        .member
        .filter(|m| !m.is_total)
        .and_then(|m| ex.get(m.total))
        .filter(|t| t.syntax.sentence == q.syntax.sentence)
        .unwrap_or(q);
    let scoped: Vec<bool> = (0..table.stories.len())
        .map(|s| {
            active.contains(&s) && in_scope(text, table, ex, views, s, Role::Subject, scope_of)
        })
        .collect();
    // A fact with a subject of its own ("the White House" for a briefing) is in scope by that.
    // An age whose phrase names the person needs no other mention of them.
    let names_person = |f: FactId| {
        q.kind == Kind::Age
            && [&nouns, &leads]
                .into_iter()
                .flatten()
                .chain([&described])
                .any(|list| list.contains(&f))
    };
    let fact_scoped = |f: FactId| {
        let fact = &table.facts[f];
        if names_person(f) {
            true
        } else if fact.own_subject {
            in_scope(
                text,
                table,
                ex,
                views,
                fact.story,
                Role::SubjectOf(f),
                scope_of,
            )
        } else {
            scoped[fact.story]
        }
    };
    // Only a fact named by some evidence can score: with no base to relate
    // it to, the others are not looked at, so the cost of a figure does
    // not grow with the size of the table.
    let mut named_by_evidence: Option<Vec<FactId>> = base.is_none().then(|| {
        let mut e: Vec<FactId> = [&templates, &contexts, &flows, &subject]
            .into_iter()
            .flatten()
            .chain(&described)
            .chain([&nouns, &preds, &leads].into_iter().flatten().flatten())
            .copied()
            .collect();
        e.sort_unstable();
        e.dedup();
        e
    });
    let aspects = length_aspects(text, view, q);
    // "four other people", "the other four": the rest of a group, never
    // its total.
    let rest = {
        let at = view
            .words
            .partition_point(|w| w.span.start < q.figure.start);
        let after = view.words.partition_point(|w| w.span.start < q.figure.end);
        (at > 0 && view.words[at - 1].stem == "other")
            || view.words.get(after).is_some_and(|w| w.stem == "other")
    };
    // "an hour and 45 minutes into its voyage" is a time into an event, not
    // the event's length: only a fact whose context says "into" is named.
    let into = view
        .words
        .iter()
        .find(|w| w.span.start >= q.span.end)
        .filter(|w| w.stem == "into" && super::physical_dimension(q).is_some())
        .map(|w| w.span);
    // "fell 15% in after-hours trading": a price move of another session
    // than the day's, which only a fact whose context names it states.
    let sessions = if q.is_numeric_fact_kind() {
        trading_sessions(view)
    } else {
        Vec::new()
    };
    // "an hour and 45 minutes into its voyage", "… after it began its
    // dive": a time into a journey, which names the facts that are one
    // (`elapsed`). "Heard again four hours later" is no such time.
    let elapsed_at =
        if super::physical_dimension(q) == Some(crate::extract::measure::Dimension::Time) {
            let at = view.words.partition_point(|w| w.span.start < q.span.end);
            let after = &view.words[at..];
            after
                .first()
                .filter(|w| match w.stem.as_str() {
                    "into" => true,
                    "after" | "following" => after.iter().skip(1).take(6).any(|w| journey(&w.stem)),
                    _ => false,
                })
                .map(|w| w.span.start)
        } else {
            None
        };
    let elapsed_mark = elapsed_at.is_some();
    // "… after starting its descent": the journey after the mark is what
    // the time is counted from, not what the figure is.
    let names_only_the_start = |f: FactId| {
        elapsed_at.is_some_and(|at| {
            !view.matches.iter().any(|(s, m)| {
                let sp = view.match_span(m);
                table.stories[*s].roles[m.pattern] == Role::Context(f)
                    && context_span.contains(sp)
                    && sp.start < at
            })
        })
    };
    // "its 2-hour descent": an adjective of time is its noun's length.
    let attributive = adjectival(text, q);
    let says_marks = |f: FactId| {
        let fact = &table.facts[f];
        if fact.elapsed && (attributive || !elapsed_mark) && !templates.contains(&f) {
            return !attributive && into.is_none();
        }
        sessions
            .iter()
            .chain(if fact.elapsed { None } else { into.as_ref() })
            .all(|&at| {
                view.matches.iter().any(|(s, m)| {
                    table.stories[*s].roles[m.pattern] == Role::Context(f)
                        && view.match_span(m).contains(at)
                })
            })
    };
    // A length is also named by its aspect: the story's depth for "lies
    // 12,500 feet down". The facts of a story are few; lengths fewer.
    if let Some(e) = named_by_evidence.as_mut().filter(|_| aspects != 0) {
        for &s in active {
            for &f in &table.stories[s].facts {
                if table.facts[f].aspects & aspects != 0 && !e.contains(&f) {
                    e.push(f);
                }
            }
        }
    }
    // "That's $4.2 billion an hour": a rate over a period only one fact of
    // the table has is named by that period, as a length is by its class.
    let sole_rate = q.per.and_then(|(p, _)| {
        let mut rates = active
            .iter()
            .flat_map(|&s| table.stories[s].rates.iter().copied())
            .filter(|&f| table.facts[f].per == Some(p) && compatible(q, table.facts[f].measure));
        let first = rates.next()?;
        rates.next().is_none().then_some(first)
    });
    // "the 23,000-pound submersible": a measure of a dimension only one
    // fact has (the story's one weight) is named by its unit, as a rate
    // is by its period. Times are too common to name a fact so.
    let sole_measure = super::physical_dimension(q)
        .filter(|&d| d != crate::extract::measure::Dimension::Time)
        .and_then(|d| {
            let mut of_d = active
                .iter()
                .flat_map(|&s| table.stories[s].measures.iter().copied())
                .filter(|&f| table.facts[f].measure == Measure::Physical(d));
            let first = of_d.next()?;
            of_d.next().is_none().then_some(first)
        });
    // "a cost of $250,000" in a story with one sum: a sum in a currency
    // only one fact has, neither of them a rate, is named by its class.
    let sole_money = match q.unit {
        Some(Unit::Currency(c)) if q.kind == Kind::Money && q.per.is_none() => {
            let in_currency =
                |f: &FactId| matches!(table.facts[*f].measure, Measure::Money(x) if x == c);
            let any_rate = active
                .iter()
                .any(|&s| table.stories[s].rates.iter().any(&in_currency));
            let mut sums = active
                .iter()
                .flat_map(|&s| table.stories[s].sums.iter().copied())
                .filter(in_currency);
            sums.next().filter(|_| !any_rate && sums.next().is_none())
        }
        _ => None,
    };
    let elapsed: Vec<FactId> = if elapsed_mark && !attributive {
        active
            .iter()
            .flat_map(|&s| table.stories[s].measures.iter().copied())
            .filter(|&f| table.facts[f].elapsed)
            .collect()
    } else {
        Vec::new()
    };
    // "Washington Mutual’s $307 billion": a possessive right before the
    // figure that is a fact's own subject names that subject's facts.
    let possessed: Vec<FactId> = view
        .matches
        .iter()
        .filter_map(|(s, m)| match table.stories[*s].roles[m.pattern] {
            Role::SubjectOf(f) => Some((view.match_span(m), f)),
            _ => None,
        })
        .filter(|&(sp, _)| {
            sp.end <= q.span.start && {
                let name = &text[sp.range()];
                let gap = text[sp.end..q.span.start].trim();
                (name.ends_with("'s") || name.ends_with("’s")) && gap.is_empty()
                    || matches!(gap, "'s" | "’s")
            }
        })
        .map(|(_, f)| f)
        .collect();
    for &f in [sole_rate, sole_measure, sole_money]
        .iter()
        .flatten()
        .chain(&elapsed)
        .chain(&possessed)
    {
        if let Some(e) = named_by_evidence.as_mut()
            && !e.contains(&f)
        {
            e.push(f);
        }
    }
    // A figure far larger or smaller than a fact counts something else,
    // unless it is a count whose own noun names that fact alone ("3
    // shares" for 12,451).
    let of_likely_size = |f: FactId| {
        plausible_magnitude(q, &table.facts[f]) && elapsed_of_likely_size(table, q, f)
            || q.kind == Kind::Count && nouns.as_deref() == Some(&[f][..])
    };
    // "$165 billion in deposits as of Feb. 28": a figure held at another
    // time than the one its fact holds at (`as_of`) is not that fact.
    // "at the end of 2021" beside a figure held at 2022, or "in 2022" beside
    // one of the story's own time, dates it to another year.
    let close_dates: Vec<(crate::extract::DateParts, bool)> = view
        .quantities
        .iter()
        .map(|&k| &ex.quantities[k])
        .filter(|d| {
            q.is_numeric_fact_kind() && d.kind == Kind::Date && near_figure(text, view, q, d.figure)
        })
        .filter_map(|d| Some((held_at(text, table, active, d)?, says_as_of(text, d))))
        .collect();
    let held_otherwise = |f: FactId| {
        let fact = &table.facts[f];
        let story_year = table.stories[fact.story].date.and_then(|d| d.year);
        close_dates.iter().any(|&(d, as_of)| match fact.as_of {
            Some(at) if as_of => dated_otherwise(d, &at),
            Some(at) => {
                d.year.is_some_and(|y| y != at.start.year())
                    || on_another_day(d, &at)
                    || d.day.is_none() && dated_otherwise(d, &at)
            }
            None => d.year.is_some() && d.year != story_year,
        })
    };
    let compatible_facts: Vec<FactId> = match &named_by_evidence {
        Some(e) => e
            .iter()
            .copied()
            .filter(|&f| active.contains(&table.facts[f].story))
            .filter(|&f| compatible(q, table.facts[f].measure))
            .filter(|&f| of_likely_size(f))
            .collect(),
        None => active
            .iter()
            .flat_map(|&s| table.stories[s].facts.iter().copied())
            .filter(|&f| compatible(q, table.facts[f].measure))
            .filter(|&f| of_likely_size(f))
            .collect(),
    };
    // Context words of any fact of this kind present in the clause, of a
    // fact the clause could be about: "all 5 passengers aboard confirmed
    // dead" without the Titanic named is not the Titanic's dead.
    let context_present = contexts.iter().any(|&f| {
        active.contains(&table.facts[f].story)
            && compatible(q, table.facts[f].measure)
            && fact_scoped(f)
    });
    // "Washington Mutual, which had $307 billion in assets": the owner named
    // last before the figure is whose it is, when a fact has that owner.
    let owners: Vec<(usize, Role)> = view
        .matches
        .iter()
        .map(|(s, m)| (view.match_span(m), table.stories[*s].roles[m.pattern]))
        .filter(|&(sp, role)| {
            clause.start <= sp.start
                && sp.end <= q.span.start
                && matches!(role, Role::Subject | Role::SubjectOf(_))
        })
        .map(|(sp, role)| (sp.start, role))
        .collect();
    let last_owner = owners.iter().map(|&(at, _)| at).max();
    let named_last = |f: FactId| {
        owners
            .iter()
            .any(|&(at, role)| Some(at) == last_owner && role == Role::SubjectOf(f))
    };
    let own_phrases: Vec<Span> = [noun_span, q.syntax.lead].into_iter().flatten().collect();
    let own_context: Vec<FactId> = own_phrases
        .iter()
        .flat_map(|&n| {
            view.within_longest(table, n, context, |f| compatible(q, table.facts[f].measure))
        })
        .collect();
    // "900 miles off Cape Cod", with "Cape Cod" a context word of the
    // distance: a place a length is measured from, named by the fact
    // itself, places the figure, whoever else the clause names.
    let names_its_place = |f: FactId| {
        matches!(table.facts[f].measure, Measure::Physical(_))
            && super::physical_dimension(q).is_some()
            && view.matches.iter().any(|(s, m)| {
                let at = view.match_span(m);
                table.stories[*s].roles[m.pattern] == Role::Context(f)
                    && clause.contains(at)
                    && view.words.first().is_some_and(|w| w.span.start < at.start)
                    && text[at.range()].starts_with(char::is_uppercase)
            })
    };
    let mut out = Vec::new();
    for f in compatible_facts {
        let fact = &table.facts[f];
        let money = matches!(fact.measure, Measure::Money(_));
        let template = templates.contains(&f);
        let mut t = Tally::default();
        // The base decides first: a part or share of another base is ruled out.
        let has_base = match base {
            // "85 percent of SVB's deposits were uninsured": a share the
            // table gives no base of may be of any; its words decide.
            Some(_) if baseless_share(fact) => false,
            Some(b) => {
                let fits = match fact.derived {
                    Some((_, db)) => db == b,
                    None => fact.of == Some(b) || f != b && table.is_within(f, b),
                };
                if !fits {
                    continue;
                }
                true
            }
            None => false,
        };
        if !has_base && !fact_scoped(f) && !names_its_place(f)
            || held_otherwise(f)
            || unless.contains(&f)
            || !date_can_name(table, q, fact)
            || !says_marks(f)
            || rest && !fact.parts.is_empty()
        {
            continue;
        }
        if template {
            t.add(4, How::Template);
        } else if saying.is_some() && !statements.contains(&f) {
            continue;
        }
        // A figure in a unit of measure is named by its unit: the noun
        // after it is what it measures ("the 21-foot submersible").
        let physical = matches!(fact.measure, Measure::Physical(_));
        if physical {
            t.add(1, How::Class);
        }
        // A length of the aspect the fact measures binds by that class; one
        // of another aspect ("900 miles off" for a depth) cannot.
        let by_aspect = fact.aspects & aspects != 0;
        if fact.aspects != 0 && aspects != 0 && !by_aspect {
            continue;
        }
        if by_aspect {
            t.add(2, How::Class);
        }
        let by_period = sole_rate == Some(f)
            || sole_measure == Some(f)
            || sole_money == Some(f)
            || elapsed.contains(&f);
        if possessed.contains(&f) {
            t.add(2, How::Subject);
        }
        if by_period {
            t.add(2, How::Class);
        }
        // "up to 4,000 metres": a maximum names a fact that is one.
        if physical
            && matches!(q.qualifier.map(|x| x.approx), Some(Approx::UpTo))
            && fact.qualifier == Some(Approx::UpTo)
        {
            t.add(1, How::Class);
        }
        match &nouns {
            Some(list) if list.contains(&f) => t.add(3, How::Noun),
            _ if described.contains(&f) => t.add(3, How::Predicate),
            // A noun that names nothing in the table, or names other facts.
            Some(_) if !money && !physical && q.kind != Kind::Percent && !template => continue,
            _ => {}
        }
        match &preds {
            Some(list) if list.contains(&f) => t.add(3, How::Predicate),
            Some(list) if !list.is_empty() && !money && !physical => continue,
            _ => {}
        }
        if leads.as_ref().is_some_and(|list| list.contains(&f)) {
            t.add(3, How::Noun);
        } else if fact.measure == Measure::Age && q.syntax.lead.is_some() {
            // "Dmitry Utkin, 52,": an age is the age of the name before it.
            continue;
        }
        if money && !money_nouns.is_empty() {
            let known = money_nouns.iter().any(|&n| {
                let mine = |r: Role| matches!(r, Role::Term(x) | Role::Context(x) | Role::Right(x) | Role::Wrong(x) if x == f);
                view.matches.iter().any(|(s, m)| {
                    let span = view.match_span(m);
                    mine(table.stories[*s].roles[m.pattern]) && span.start < n.end && n.start < span.end
                })
            });
            // "$42 billion of deposits were withdrawn": a sum is named by
            // the verb of its fact as well as by its noun.
            if !known && !contexts.contains(&f) {
                continue;
            }
        }
        if contexts.contains(&f) && !fact.elapsed && names_only_the_start(f) {
            continue;
        }
        if contexts.contains(&f) {
            // More of a fact's context words say more: "announced new
            // restrictions on technology exports" is the restrictions, not
            // just any announcement.
            let span = with_lead(context_span);
            let mut seen: Vec<Span> = Vec::new();
            for (s, m) in &view.matches {
                let sp = view.match_span(m);
                if table.stories[*s].roles[m.pattern] == Role::Context(f)
                    && span.contains(sp)
                    && !seen.iter().any(|x| x.start == sp.start)
                {
                    seen.push(sp);
                }
            }
            t.add(
                2 * i32::try_from(seen.len().clamp(1, 3)).unwrap_or(1),
                How::Context,
            );
            // "Equipped with 96 hours of oxygen, it began its expedition on
            // Sunday for a trip to the wreckage": a date is the time of a
            // verb, so a cue that is the verb before it outweighs a noun.
            // Not "was missing for a third day on Tuesday", a state; nor a
            // verb with other figures between ("closed down with $209
            // billion … as of the end of last year").
            let its_verb = |sp: &Span| {
                let between = Span::new(sp.end, q.figure.start.max(sp.end));
                sp.end <= q.figure.start
                    && !view
                        .quantities
                        .iter()
                        .any(|&k| between.contains(ex.quantities[k].figure))
                    && view
                        .words
                        .iter()
                        .find(|w| w.span.start == sp.start)
                        .is_some_and(|w| w.base.is_some() && !text[w.span.range()].ends_with("ing"))
            };
            if q.kind == Kind::Date && seen.iter().any(its_verb) {
                t.add(1, How::Context);
            }
            // "losses of $1.8 billion", "a $1.8 billion loss": a context
            // word that is the figure's own noun names it as a term would,
            // unless the noun names another fact too ("in sales of its
            // shares" is a sale and a share issue).
            if own_context.iter().all(|&o| o == f)
                && seen
                    .iter()
                    .any(|sp| own_phrases.iter().any(|n| n.contains(*sp)))
            {
                t.add(3, How::Noun);
            }
        } else if fact.has_context
            && !(has_base || template || by_aspect || by_period || money && flows.contains(&f))
        {
            continue;
        }
        if !fact.has_context && context_present && !money && !template && !has_base {
            continue;
        }
        if equated.contains(&f) {
            t.add(3, How::Noun);
        }
        if money {
            if flows.contains(&f) {
                t.add(2, How::Context);
            }
            if t.score == 0 {
                continue;
            }
            // Bound by "receives", "earns", "gets" alone, a sum must be
            // received by the story's subject itself ("the group receives
            // $100m in aid"), not by its members ("fighters earn $5,000")
            // or anyone else ("North Korea received $50m").
            if t.how == How::Context
                && !contexts.contains(&f)
                && !wrong_agent_is_subject(table, fact.story, view, q, f)
            {
                continue;
            }
        }
        if has_base {
            t.add(3, How::Partitive);
        } else if fact.derived.is_some() && t.how == How::Context {
            // A count implied by a share is named by the share's terms or
            // reached through its base, never by context alone.
            continue;
        }
        if subject.contains(&f) || named_last(f) {
            t.add(1, How::Subject);
        }
        // "$42 billion" is the day's withdrawals, "$4.2 billion an hour"
        // their rate: a figure's period, or its lack of one, names the
        // fact that has the same.
        if t.score > 0 && q.per.map(|(p, _)| p) == fact.per {
            t.add(1, How::Context);
        }
        // "said on Thursday": a date its statement verb gives to a fact.
        if t.how == How::Context && statements.contains(&f) {
            t.how = How::Statement;
        }
        if t.score > 0 {
            out.push((f, t.score, t.how));
        }
    }
    out
}

/// "The 1984 Continental Illinois bankruptcy", "the 2008 Lehman collapse":
/// a year between a determiner and a name the story does not know dates
/// that name's event, not one of the story's.
fn year_of_another_name(text: &str, table: &FactTable, view: &SentenceView, q: &Quantity) -> bool {
    if q.date.is_none_or(|d| d.month.is_some() || d.year.is_none()) || q.relative.is_some() {
        return false;
    }
    let ws = &view.words;
    let at = ws.partition_point(|w| w.span.start < q.figure.end);
    let Some(next) = ws.get(at).filter(|w| !w.after_break) else {
        return false;
    };
    let raw = &text[next.span.range()];
    let determined = at >= 2
        && ws[at - 1].span.start >= q.figure.start
        && matches!(
            ws[at - 2].stem.as_str(),
            "the" | "a" | "its" | "their" | "his" | "her"
        );
    let known = view.matches.iter().any(|(s, m)| {
        let sp = view.match_span(m);
        !matches!(
            table.stories[*s].roles[m.pattern],
            crate::facts::Role::Context(_)
        ) && sp.start <= next.span.start
            && next.span.end <= sp.end
    });
    determined
        && raw.starts_with(char::is_uppercase)
        && words::month(raw).is_none()
        && words::weekday(raw).is_none()
        && !known
}

/// How many times longer or shorter than the time since a fact's date a
/// length of time may be and still state it.
const ELAPSED_REACH: f64 = 30.0;

/// For a time since a date (`since`): whether a length of time is near
/// the time elapsed by the story's date. "For 8 days" is not the 111
/// years since 1912.
fn elapsed_of_likely_size(table: &FactTable, q: &Quantity, f: FactId) -> bool {
    let fact = &table.facts[f];
    let (Measure::Duration, Some(when), Some(Unit::Time(p))) = (fact.measure, fact.when, q.unit)
    else {
        return true;
    };
    let Some(on) = table.stories[fact.story]
        .date
        .and_then(crate::time::to_date)
    else {
        return true;
    };
    let (Some(elapsed), Some(said)) = (
        crate::time::elapsed(when.start, on, p),
        rust_decimal::prelude::ToPrimitive::to_f64(&q.value),
    ) else {
        return true;
    };
    elapsed <= 0.0
        || said <= 0.0
        || (said / elapsed < ELAPSED_REACH && elapsed / said < ELAPSED_REACH)
}

/// A percentage the table gives no base of (`of`) and does not derive.
fn baseless_share(fact: &crate::facts::Fact) -> bool {
    fact.measure == Measure::Percent && fact.of.is_none() && fact.derived.is_none()
}

/// The unique best-scoring fact, or unbound with the ties listed.
pub(crate) fn decide(scores: &[(FactId, i32, How)]) -> Binding {
    let Some(best) = scores.iter().map(|(_, s, _)| *s).max() else {
        return Binding::unbound();
    };
    let top: Vec<&(FactId, i32, How)> = scores.iter().filter(|(_, s, _)| *s == best).collect();
    if top.len() == 1 {
        Binding::to(top[0].0, top[0].2)
    } else {
        Binding {
            fact: None,
            how: How::Ambiguous,
            candidates: top.iter().map(|(f, _, _)| *f).collect(),
        }
    }
}
