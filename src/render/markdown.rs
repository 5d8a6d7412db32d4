//! Discord Markdown for text from data or users: cut to a limit, escaped so that it can never
//! ping anyone or break the formatting, and sources and citations written as links and quotes.

use crate::answer::Citation;
use crate::i18n::Lang;
use crate::t;

use super::text::highlight;

pub(super) fn count(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `s` to at most `max` characters, ending with `…` when it cut.
pub fn clip(s: &str, max: usize) -> String {
    if count(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Escapes Discord markdown and defuses mentions (`@everyone`, `<@123>`) in text from data or users.
/// Invisible formatting characters (bidirectional overrides among them) are dropped first.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::strip_invisible(s).chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            '<' => out.push_str("<\u{200b}"),
            _ => out.push(c),
        }
    }
    out
}

/// Defuses mentions only (`@everyone`, `<@123>`), for text Discord shows without Markdown
/// (footers) or inside code, where a backslash would show.
pub fn defuse(s: &str) -> String {
    crate::text::strip_invisible(s)
        .replace('@', "@\u{200b}")
        .replace('<', "<\u{200b}")
}

/// A URL as a link target: characters that could start a mention are percent-encoded, which
/// leaves the address the same.
fn link_target(url: &str) -> String {
    url.replace('@', "%40")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// A source as Markdown: a link for URLs, escaped text otherwise.
pub(super) fn source_md(s: &str, lang: Lang) -> String {
    if (s.starts_with("https://") || s.starts_with("http://")) && !s.contains([' ', ')', '(']) {
        let host = s.split('/').nth(2).unwrap_or(s);
        format!(
            "[{}]({})",
            escape(host.trim_start_matches("www.")),
            link_target(s)
        )
    } else if let Some(doc) = s.strip_prefix("doc:") {
        let (id, para) = doc.split_once('#').unwrap_or((doc, ""));
        if para.is_empty() {
            t!(lang, "render-document", id = escape(id))
        } else {
            t!(
                lang,
                "render-document-paragraph",
                id = escape(id),
                paragraph = escape(para)
            )
        }
    } else {
        escape(s)
    }
}

/// A citation as a numbered reference with matched words in bold, its labels in `lang`.
pub fn citation_md(i: usize, c: &Citation, lang: Lang) -> String {
    const MARK_OPEN: &str = "\u{1}";
    const MARK_CLOSE: &str = "\u{2}";
    // Marker characters in the text itself would turn into bold; they become spaces (one byte
    // each, so the byte ranges still hold).
    let plain;
    let c = if c.text.contains(['\u{1}', '\u{2}']) {
        plain = Citation {
            text: c.text.replace(['\u{1}', '\u{2}'], " "),
            ..c.clone()
        };
        &plain
    } else {
        c
    };
    let marked = highlight(c, MARK_OPEN, MARK_CLOSE);
    let quoted = escape(&marked)
        .replace(MARK_OPEN, "**")
        .replace(MARK_CLOSE, "**");
    format!(
        "**[{i}]** {} ¶{} ({})\n> {}",
        escape(&c.document_title),
        c.paragraph,
        t!(
            lang,
            "render-citation-bytes",
            start = c.start.to_string(),
            end = c.end.to_string()
        ),
        quoted
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_and_markdown_are_defused() {
        assert_eq!(
            escape("@everyone *bold* <@123>"),
            "@\u{200b}everyone \\*bold\\* <\u{200b}@\u{200b}123\\>"
        );
        assert_eq!(
            escape("[click](https://x.example)"),
            "\\[click\\](https://x.example)"
        );
    }
}
