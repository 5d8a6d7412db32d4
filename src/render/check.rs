//! Checks a set of embeds against every Discord limit and against surviving mention syntax, so
//! the renderer's promises can be verified (by the property tests, the fuzzers and the bot
//! before it sends) with one definition of what "within limits" means.

use super::embed::{Embed, limits};

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Why `s` could still ping someone, if it could: a raw `@everyone`, `@here`, `<@` or `<#`, or
/// an `@`/`<` not followed by a zero-width space (or the `…` of a cut).
pub fn undefused(s: &str) -> Option<String> {
    if let Some(bad) = ["@everyone", "@here", "<@", "<#"]
        .into_iter()
        .find(|bad| s.contains(bad))
    {
        return Some(format!("contains {bad:?}"));
    }
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '@' || c == '<' {
            let next = it.peek().copied();
            if !matches!(next, Some('\u{200b}') | Some('…')) {
                return Some(format!("{c:?} followed by {next:?}"));
            }
        }
    }
    None
}

/// Every way `embeds` breaks a Discord limit or leaves mention syntax alive; empty when the
/// message can be sent as is.
pub fn violations(embeds: &[Embed]) -> Vec<String> {
    let mut out = Vec::new();
    let mut over = |what: &str, n: usize, max: usize| {
        if n > max {
            out.push(format!("{what}: {n} > {max}"));
        }
    };
    over("embeds", embeds.len(), limits::EMBEDS);
    over(
        "characters in all embeds",
        embeds.iter().map(Embed::chars).sum(),
        limits::TOTAL,
    );
    for e in embeds {
        over("title", chars(&e.title), limits::TITLE);
        over("description", chars(&e.description), limits::DESCRIPTION);
        over("footer", chars(&e.footer), limits::FOOTER);
        over("fields", e.fields.len(), limits::FIELDS);
        for f in &e.fields {
            over("field name", chars(&f.name), limits::FIELD_NAME);
            over("field value", chars(&f.value), limits::FIELD_VALUE);
        }
    }
    if embeds.is_empty() {
        out.push("no embed".into());
    }
    for e in embeds {
        for f in &e.fields {
            // Discord refuses blank field names and values.
            if f.name.trim().is_empty() || f.value.trim().is_empty() {
                out.push(format!("blank field {:?}: {:?}", f.name, f.value));
            }
        }
        let parts = [
            ("title", &e.title),
            ("description", &e.description),
            ("footer", &e.footer),
        ];
        let fields = e
            .fields
            .iter()
            .flat_map(|f| [("field name", &f.name), ("field value", &f.value)]);
        for (what, s) in parts.into_iter().chain(fields) {
            if let Some(why) = undefused(s) {
                out.push(format!("{what} {why}: {s:?}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::embed::EmbedField;

    fn embed(title: &str, fields: usize) -> Embed {
        Embed {
            title: title.into(),
            fields: (0..fields)
                .map(|i| EmbedField {
                    name: format!("n{i}"),
                    value: "v".into(),
                    inline: false,
                })
                .collect(),
            ..Embed::default()
        }
    }

    #[test]
    fn each_broken_limit_is_named() {
        assert_eq!(violations(&[embed("ok", 2)]), Vec::<String>::new());
        assert_eq!(
            violations(&[embed(&"t".repeat(257), 0)]),
            vec!["title: 257 > 256"]
        );
        assert_eq!(violations(&[embed("ok", 26)]), vec!["fields: 26 > 25"]);
        assert_eq!(violations(&[]), vec!["no embed"]);
        assert_eq!(
            violations(&[embed("hi @everyone", 0)]),
            vec!["title contains \"@everyone\": \"hi @everyone\""]
        );
    }

    #[test]
    fn defused_mentions_pass() {
        assert_eq!(undefused("@\u{200b}everyone <\u{200b}@\u{200b}&1\\>"), None);
        assert_eq!(undefused("a@b"), Some("'@' followed by Some('b')".into()));
    }
}
