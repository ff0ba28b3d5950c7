//! The prose of a Markdown file, through pulldown-cmark: text of
//! paragraphs, headings, lists, block quotes and table cells; not code
//! blocks, inline code, link targets, HTML or front matter; image alt text
//! only when asked. The result has the file's length and byte offsets:
//! what is not prose is blanked, so a figure inside `**40,000**` is read as
//! 40,000 at its own column.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Prose;
use crate::source::Span;

/// `text` with everything but its prose blanked (each byte becomes a
/// space, line breaks stay, soft breaks inside a paragraph become spaces,
/// a new block or table cell starts a new line), and its HTML comments.
pub fn prose(text: &str, alt_text: bool) -> Prose {
    let bytes = text.as_bytes();
    let mut out = super::blank_bytes(bytes);
    let mut comments = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut code = 0usize;
    let mut image = 0usize;
    // An autolink's text is its URL.
    let mut autolink = 0usize;
    let mut metadata = false;
    let mut html: Option<std::ops::Range<usize>> = None;
    // Which cell of its row a table cell is.
    let mut cell = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_))
            && let Some(h) = html.take()
        {
            comments_in(text, h, &mut comments);
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => autolink += 1,
            Event::End(TagEnd::Link) => autolink = autolink.saturating_sub(1),
            // A block of HTML comes a line at a time: a comment may span several.
            Event::Html(_) | Event::InlineHtml(_) => {
                html = Some(html.map_or(range.clone(), |h| h.start..range.end));
                continue;
            }
            Event::Start(Tag::MetadataBlock(_)) => metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => metadata = false,
            // A block begins a new sentence: its marker ("-", "#", "1.")
            // becomes a line break.
            Event::Start(Tag::Item | Tag::Heading { .. } | Tag::Paragraph) => {
                if let Some(b) = out.get_mut(range.start).filter(|b| **b == b' ') {
                    *b = b'\n';
                }
            }
            // A table row is read like a fact box: its first cell labels the
            // rest ("Convicts: 40,000"), each further cell on a line.
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                cell = 0;
                for i in range.clone() {
                    if bytes[i] == b'|' || i == range.start {
                        out[i] = b'\n';
                    }
                }
            }
            Event::End(TagEnd::TableCell) => {
                if cell == 0 && bytes.get(range.end) == Some(&b'|') {
                    out[range.end] = b':';
                }
                cell += 1;
            }
            Event::Text(_)
                if code == 0 && !metadata && autolink == 0 && (image == 0 || alt_text) =>
            {
                out[range.clone()].copy_from_slice(&bytes[range]);
            }
            // A line break inside a paragraph does not end a sentence.
            Event::SoftBreak | Event::HardBreak => {
                for b in &mut out[range] {
                    *b = b' ';
                }
            }
            _ => {}
        }
    }
    if let Some(h) = html.take() {
        comments_in(text, h, &mut comments);
    }
    Prose {
        text: super::into_text(out),
        comments,
    }
}

/// The `<!-- … -->` comments inside a run of raw HTML.
fn comments_in(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Span>) {
    let mut at = range.start;
    while let Some(open) = text[at..range.end].find("<!--") {
        let start = at + open;
        let Some(close) = text[start + 4..range.end].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(Span::new(start, end));
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::prose_at as at;

    #[test]
    fn prose_keeps_offsets_and_drops_markup() {
        let text = "# Wagner\n\nIt has **40,000** convicts, see [the report](https://x.org/2022/50000).\n\n```\nlet n = 50000;\n```\n\nUse `50,000` here.\n";
        let p = prose(text, false).text;
        assert_eq!(p.len(), text.len());
        assert_eq!(at(&p, text, "40,000"), "40,000");
        assert_eq!(at(&p, text, "the report"), "the report");
        assert!(!p.contains("2022/50000"));
        assert!(!p.contains("let n"));
        assert!(!p.contains("`50,000`") && !p[text.find("`50,000`").unwrap()..].starts_with("`"));
        assert!(p.contains("It has   40,000   convicts"));
    }

    #[test]
    fn comments_are_found_across_lines_but_not_in_code() {
        let text = "<!-- numcheck-disable\nNC101 -->\nText <!-- numcheck-enable --> more.\n\n```\n<!-- not a comment -->\n```\n";
        let p = prose(text, false);
        let found: Vec<&str> = p.comments.iter().map(|c| c.slice(text)).collect();
        assert_eq!(
            found,
            [
                "<!-- numcheck-disable\nNC101 -->",
                "<!-- numcheck-enable -->"
            ]
        );
        assert!(!p.text.contains("numcheck"));
    }

    #[test]
    fn soft_breaks_join_and_blocks_split() {
        let text =
            "Wagner has 50,000\npersonnel in Ukraine.\n\n- 10,000 contractors\n- 40,000 convicts\n";
        let p = prose(text, false).text;
        assert!(p.contains("50,000 personnel"));
        assert!(
            p.contains("\n\n 10,000 contractors\n\n 40,000 convicts")
                || p.contains("\n 10,000 contractors\n\n 40,000"),
            "{p:?}"
        );
    }

    #[test]
    fn table_rows_read_as_labels_and_images_stay_out() {
        let text = "| Group | Number | Year |\n|---|---|---|\n| Convicts | 40,000 | 2022 |\n\n![50,000 fighters](x.png)\n";
        let p = prose(text, false).text;
        assert!(p.contains("\n Convicts : 40,000 \n 2022 \n"), "{p:?}");
        assert!(!p.contains("50,000 fighters"));
        assert!(prose(text, true).text.contains("50,000 fighters"));
    }
}
