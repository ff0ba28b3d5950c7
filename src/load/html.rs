//! The visible text of an HTML file, through html5gum: text between tags,
//! not scripts, styles, code or markup; image alt text only when asked.
//! Like Markdown, the result keeps the file's length and byte offsets, so a
//! finding points at the figure in the original file. Block elements start
//! a new paragraph; a character reference is decoded where it stands and
//! padded with spaces to its length in the source.

use html5gum::emitters::default::DefaultEmitter;
use html5gum::{Span as HtmlSpan, Token, Tokenizer};

use super::Prose;
use crate::source::Span;

/// Elements whose content is not prose.
const HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"code",
    b"pre",
    b"svg",
    b"math",
    b"head",
];

/// Elements that begin and end a block of text.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"br",
    b"caption",
    b"dd",
    b"details",
    b"div",
    b"dl",
    b"dt",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"section",
    b"summary",
    b"table",
    b"td",
    b"th",
    b"tr",
    b"ul",
];

/// The prose of `text` read as HTML, and its comments' spans.
pub fn prose(text: &str, alt_text: bool) -> Prose {
    let src = text.as_bytes();
    let mut out = super::blank_bytes(src);
    let mut comments = Vec::new();
    let mut hidden = 0usize;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style content is raw text, not markup: without switching
    // states, `<p>` inside a script string would start a paragraph.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name: &[u8] = &tag.name;
                if is_in(HIDDEN, name) && !tag.self_closing {
                    hidden += 1;
                }
                if is_in(BLOCKS, name) {
                    paragraph(&mut out, tag.span);
                }
                if alt_text
                    && hidden == 0
                    && name == b"img"
                    && let Some(alt) = tag.attributes.get(b"alt".as_slice())
                {
                    place(src, alt.span, &alt.value, &mut out);
                    paragraph_after(&mut out, alt.span);
                }
            }
            Token::EndTag(tag) => {
                let name: &[u8] = &tag.name;
                if is_in(HIDDEN, name) {
                    hidden = hidden.saturating_sub(1);
                }
                if is_in(BLOCKS, name) {
                    paragraph(&mut out, tag.span);
                }
            }
            Token::String(s) if hidden == 0 => place(src, s.span, &s.value, &mut out),
            Token::Comment(c) => comments.push(Span::new(c.span.start, c.span.end)),
            _ => {}
        }
    }
    Prose {
        text: super::into_text(out),
        comments,
    }
}

fn is_in(names: &[&[u8]], name: &[u8]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A tag of a block element becomes a paragraph break.
fn paragraph(out: &mut [u8], span: HtmlSpan<usize>) {
    for b in out
        .get_mut(span.start..span.end)
        .into_iter()
        .flatten()
        .take(2)
    {
        *b = b'\n';
    }
}

/// Alt text stands as a paragraph of its own.
fn paragraph_after(out: &mut [u8], span: HtmlSpan<usize>) {
    if let Some(b) = out.get_mut(span.end).filter(|b| **b == b' ') {
        *b = b'\n';
    }
}

/// Writes `decoded`, the text html5gum read from `src[span]`, into `out`
/// at the same offsets. Where the two differ a character reference was
/// decoded: each reference is decoded on its own and written at its start.
fn place(src: &[u8], span: HtmlSpan<usize>, decoded: &[u8], out: &mut [u8]) {
    let Some(raw) = src.get(span.start..span.end) else {
        return;
    };
    if raw == decoded || !raw.contains(&b'&') {
        out[span.start..span.end].copy_from_slice(raw);
        keep_text(out, span.start, span.end);
        return;
    }
    let mut i = 0;
    while i < raw.len() {
        let at = span.start + i;
        if raw[i] != b'&' {
            out[at] = raw[i];
            i += 1;
            continue;
        }
        let len = reference_len(&raw[i..]);
        let reference = &raw[i..i + len];
        let text = decode_reference(reference);
        if text.len() <= len && text != reference {
            // A no-break space is a space to the reader.
            let text: &[u8] = if text == "\u{a0}".as_bytes() {
                b" "
            } else {
                &text
            };
            out[at..at + text.len()].copy_from_slice(text);
        } else {
            out[at..at + len].copy_from_slice(reference);
        }
        i += len;
    }
    keep_text(out, span.start, span.end);
}

/// Tab and form feed are spaces to the tokenizer; carriage returns stay
/// line ends. Nothing else needs fixing: the copy is whole characters.
fn keep_text(out: &mut [u8], start: usize, end: usize) {
    for b in &mut out[start..end] {
        if *b == b'\x0c' {
            *b = b' ';
        }
    }
}

/// The length of the character reference at the start of `s`: `&name;`,
/// `&#123;`, `&#x1F;`, or a legacy name without its semicolon.
fn reference_len(s: &[u8]) -> usize {
    let body = s[1..]
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    if s.get(1 + body) == Some(&b';') {
        body + 2
    } else {
        body + 1
    }
}

/// One character reference decoded by the HTML tokenizer itself.
fn decode_reference(reference: &[u8]) -> Vec<u8> {
    let mut text = Vec::new();
    for token in Tokenizer::new(reference) {
        let Ok(token) = token;
        if let Token::String(s) = token {
            text.extend_from_slice(&s);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::prose_at as at;

    #[test]
    fn visible_text_at_its_offsets() {
        let text = "<html><head><title>T</title><style>p{}</style></head><body>\n<p>It has <b>40,000</b> convicts.</p><script>var x = '<p>50,000</p>';</script><p>Code <code>10,000</code> here.</p></body></html>";
        let p = prose(text, false);
        assert_eq!(p.text.len(), text.len());
        assert_eq!(at(&p.text, text, "40,000"), "40,000");
        assert!(p.text.contains("It has    40,000     convicts."));
        assert!(!p.text.contains("50,000"));
        assert!(!p.text.contains("10,000"));
        assert!(!p.text.contains("p{}"));
    }

    #[test]
    fn references_are_decoded_in_place() {
        let text = "<p>Wagner&nbsp;has 50,000 &amp; more &#8220;contractors&#8221; x&lt;y</p>";
        let p = prose(text, false);
        assert_eq!(p.text.len(), text.len());
        assert_eq!(at(&p.text, text, "50,000"), "50,000");
        assert_eq!(at(&p.text, text, "&nbsp;"), "      ");
        assert_eq!(at(&p.text, text, "&amp;"), "&    ");
        assert!(at(&p.text, text, "&#8220;").starts_with('\u{201c}'));
        assert_eq!(at(&p.text, text, "&lt;"), "<   ");
        // Not references: left as they are.
        let text = "<p>AT&T and R&D &foo; cost $5</p>";
        assert!(
            prose(text, false)
                .text
                .contains("AT&T and R&D &foo; cost $5")
        );
    }

    #[test]
    fn blocks_split_comments_are_found_and_alt_text_is_optional() {
        let text = "<ul><li>10,000 contractors</li><li>40,000 convicts</li></ul><!-- numcheck-disable NC101 --><img alt=\"50,000 fighters\" src=x.png>";
        let p = prose(text, false);
        assert!(
            p.text.contains("\n\n  10,000 contractors\n\n"),
            "{:?}",
            p.text
        );
        assert_eq!(p.comments.len(), 1);
        assert_eq!(p.comments[0].slice(text), "<!-- numcheck-disable NC101 -->");
        assert!(!p.text.contains("50,000 fighters"));
        let with_alt = prose(text, true);
        assert_eq!(
            at(&with_alt.text, text, "50,000 fighters"),
            "50,000 fighters"
        );
    }

    #[test]
    fn any_bytes_give_text_of_the_same_length() {
        for text in [
            "<",
            "<p",
            "&",
            "&#",
            "&#x;",
            "<!--",
            "<script>",
            "</p>&amp",
            "a\u{0}b<p>é&eacute;",
        ] {
            let p = prose(text, true);
            assert_eq!(p.text.len(), text.len(), "{text:?}");
        }
    }
}
