//! Answers as Discord-style embeds, as plain data (no Discord types): title, description,
//! fields, footer, each kept inside Discord's limits by trimming with a clear "…and N more".
//! Text from the data is escaped so it can never ping anyone or break the formatting.

use crate::answer::{Answer, AnswerKind, Fact};
use crate::corpus::{Status, service_name};
use crate::i18n::Lang;
use crate::t;

use super::card::{card, title_field};
pub use super::markdown::{citation_md, citation_md_in, clip, defuse, escape};
use super::markdown::{count, source_md};
use super::words;

/// Discord's limits, in characters.
pub mod limits {
    pub const CONTENT: usize = 2000;
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const TOTAL: usize = 6000;
    pub const EMBEDS: usize = 10;
    pub const CHOICES: usize = 25;
    pub const CHOICE_NAME: usize = 100;
    pub const CUSTOM_ID: usize = 100;
    pub const BUTTON_LABEL: usize = 80;
    pub const BUTTONS_PER_ROW: usize = 5;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

/// One embed, ready to be turned into the Discord library's builder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    pub title: String,
    pub description: String,
    pub color: u32,
    pub fields: Vec<EmbedField>,
    pub footer: String,
}

impl Embed {
    /// Characters counted against the 6000 limit.
    pub fn chars(&self) -> usize {
        count(&self.title)
            + count(&self.description)
            + count(&self.footer)
            + self
                .fields
                .iter()
                .map(|f| count(&f.name) + count(&f.value))
                .sum::<usize>()
    }
}

const GREEN: u32 = 0x2e_cc_71;
const RED: u32 = 0xe7_4c_3c;
const AMBER: u32 = 0xf3_9c_12;
pub(super) const BLUE: u32 = 0x34_98_db;
const GREY: u32 = 0x95_a5_a6;

fn fact_field(f: &Fact, lang: Lang) -> EmbedField {
    let name = match &f.since {
        Some(s) => t!(lang, "render-since", label = &f.label, since = s),
        None => f.label.clone(),
    };
    let sources: Vec<String> = f.sources.iter().map(|s| source_md(s, lang)).collect();
    let tail = format!(
        "\n{}",
        t!(lang, "render-source-line", sources = sources.join(" · "))
    );
    let room = limits::FIELD_VALUE.saturating_sub(count(&tail));
    let body = clip(&escape(&f.value), room.max(200));
    EmbedField {
        name: clip(&escape(&name), limits::FIELD_NAME),
        value: clip(&format!("{body}{tail}"), limits::FIELD_VALUE),
        inline: false,
    }
}

/// Puts an embed inside every limit: trims texts, and drops fields from the end (saying how
/// many) until the whole fits in 6000 characters.
pub fn fit(e: Embed) -> Embed {
    fit_in(e, Lang::En)
}

/// [`fit`], saying "…and N more" in `lang`.
pub fn fit_in(mut e: Embed, lang: Lang) -> Embed {
    e.title = clip(&e.title, limits::TITLE);
    e.description = clip(&e.description, limits::DESCRIPTION);
    e.footer = clip(&e.footer, limits::FOOTER);
    for f in &mut e.fields {
        f.name = clip(&f.name, limits::FIELD_NAME);
        f.value = clip(&f.value, limits::FIELD_VALUE);
        if f.name.trim().is_empty() {
            f.name = "\u{200b}".into();
        }
        if f.value.trim().is_empty() {
            f.value = "\u{200b}".into();
        }
    }
    // Drop fields from the end until the rest, plus a closing "…and N more" field, fits.
    const NOTE: usize = 40;
    let mut dropped = 0;
    while !e.fields.is_empty()
        && (e.fields.len() > limits::FIELDS
            || (dropped > 0 && e.fields.len() >= limits::FIELDS)
            || e.chars() + NOTE > limits::TOTAL)
    {
        e.fields.pop();
        dropped += 1;
    }
    if dropped > 0 {
        e.fields.push(EmbedField {
            name: "…".into(),
            value: t!(lang, "render-more-not-shown", count = dropped.to_string()),
            inline: false,
        });
    }
    if e.chars() > limits::TOTAL {
        let room = limits::TOTAL.saturating_sub(e.chars() - count(&e.description));
        e.description = clip(&e.description, room);
    }
    e
}

/// The embeds for an answer (one, inside every limit), in the answer's language.
pub fn embeds(a: &Answer) -> Vec<Embed> {
    let lang = a.lang;
    let e = match a.kind {
        AnswerKind::WhyNot => {
            let service = a.service.as_deref().map(service_name).unwrap_or_default();
            let place = a
                .place
                .as_ref()
                .map(|p| words::place(&p.code, &p.name, lang))
                .unwrap_or_default();
            let (badge, color) = match a.status {
                Some(s) => (
                    words::badge(s, lang),
                    match s {
                        Status::Available => GREEN,
                        Status::Unavailable => RED,
                        Status::Suspended => AMBER,
                        Status::Unknown => GREY,
                    },
                ),
                None => (String::new(), GREY),
            };
            let mut description = escape(&a.message);
            let (services, also) = words::why_not_suggestions(a);
            for (key, list) in [("render-other-services", services), ("render-also", also)] {
                if list.is_empty() {
                    continue;
                }
                let tries: Vec<String> = list
                    .iter()
                    .map(|s| format!("`{}`", defuse(&s.replace('`', "'"))))
                    .collect();
                description.push_str("\n\n");
                description.push_str(&t!(lang, key, commands = tries.join(" · ")));
            }
            if !a.citations.is_empty() {
                description.push_str(&format!("\n\n**{}**", t!(lang, "render-from-documents")));
                for (i, c) in a.citations.iter().enumerate() {
                    description.push_str("\n\n");
                    description.push_str(&citation_md_in(i + 1, c, lang));
                }
            }
            let mut title = t!(
                lang,
                "render-why-not-title",
                service = escape(&service),
                place = escape(&place),
                badge = badge
            );
            if lang == Lang::Zh {
                title = words::space_cjk(&title);
            }
            Embed {
                title,
                description,
                color,
                fields: a.facts.iter().map(|f| fact_field(f, lang)).collect(),
                footer: t!(lang, "render-why-not-footer"),
            }
        }
        AnswerKind::Titles => Embed {
            title: t!(lang, "render-titles-title"),
            description: escape(&a.message),
            color: BLUE,
            fields: a
                .titles
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let first = (a.page.max(1) - 1).saturating_mul(crate::search::PAGE_SIZE);
                    title_field(Some(first.saturating_add(i + 1)), t, lang)
                })
                .collect(),
            footer: defuse(&t!(
                lang,
                "render-titles-footer",
                page = a.page.to_string(),
                pages = a.pages.to_string(),
                total = a.total.to_string(),
                query = &a.query
            )),
        },
        AnswerKind::Title => match a.titles.first() {
            Some(t) => {
                let mut e = card(t, lang);
                if !a.message.is_empty() && a.message != t.title {
                    e.description = format!("*{}*\n\n{}", escape(&a.message), e.description);
                }
                e
            }
            None => Embed {
                title: t!(lang, "render-title-title"),
                description: escape(&a.message),
                color: GREY,
                ..Embed::default()
            },
        },
        AnswerKind::Search => {
            let mut description = escape(&a.message);
            for (i, c) in a.citations.iter().enumerate() {
                description.push_str("\n\n");
                description.push_str(&citation_md_in(i + 1, c, lang));
            }
            Embed {
                title: t!(lang, "render-search-title"),
                description,
                color: BLUE,
                fields: a
                    .titles
                    .iter()
                    .map(|t| title_field(None, t, lang))
                    .collect(),
                footer: defuse(&a.query),
            }
        }
        AnswerKind::NotFound => Embed {
            title: t!(lang, "render-not-found-title"),
            description: escape(&a.message),
            color: GREY,
            fields: Vec::new(),
            footer: clip(&defuse(&a.query), 200),
        },
        AnswerKind::Map => super::map::embed(a),
        AnswerKind::Help => Embed {
            title: t!(lang, "render-help-title"),
            description: format!("```\n{}\n```", defuse(&a.message.replace("```", "'''"))),
            color: BLUE,
            ..Embed::default()
        },
    };
    vec![fit_in(e, lang)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, AnswerKind, Fact};

    /// Found by the property tests: the question as typed went into footers as is, and data
    /// went unescaped into titles, the services line, ids and link targets.
    #[test]
    fn user_text_and_data_are_defused_everywhere() {
        let mut a = Answer::new(AnswerKind::Titles, "/titles query:\"@everyone <@&1>\"");
        a.page = 1;
        a.pages = 1;
        a.total = 1;
        let e = &embeds(&a)[0];
        assert_eq!(
            e.footer,
            "Page 1 of 1 · 1 titles · /titles query:\"@\u{200b}everyone <\u{200b}@\u{200b}&1>\""
        );
        a.kind = AnswerKind::WhyNot;
        a.service = Some("@here".into());
        a.place = Some(crate::answer::PlaceRef {
            code: "X".into(),
            name: "*<@1>*".into(),
        });
        a.facts.push(Fact {
            label: "l".into(),
            value: "v".into(),
            source: String::new(),
            sources: vec!["https://medium.com/@everyone".into()],
            since: None,
            confidence: None,
        });
        let e = &embeds(&a)[0];
        assert_eq!(e.title, "@\u{200b}here in \\*<\u{200b}@\u{200b}1\\>\\*: ");
        assert_eq!(
            e.fields[0].value,
            "v\nSource: [medium.com](https://medium.com/%40everyone)"
        );
        a.kind = AnswerKind::Help;
        a.message = "/why-not <place> @here".into();
        assert_eq!(
            embeds(&a)[0].description,
            "```\n/why-not <\u{200b}place> @\u{200b}here\n```"
        );
        assert_eq!(clip("abc", 0), "");
    }

    #[test]
    fn huge_answers_fit_every_limit() {
        let mut a = Answer::new(AnswerKind::WhyNot, "q");
        a.message = "m".repeat(10_000);
        for i in 0..60 {
            a.facts.push(Fact {
                label: format!("label {i} {}", "x".repeat(400)),
                value: "v".repeat(3000),
                source: String::new(),
                sources: vec!["https://example.com/a".into(); 30],
                since: None,
                confidence: None,
            });
        }
        let e = &embeds(&a)[0];
        assert!(e.fields.len() <= limits::FIELDS);
        assert!(e.chars() <= limits::TOTAL, "{}", e.chars());
        assert!(e.description.chars().count() <= limits::DESCRIPTION);
        assert!(
            e.fields
                .iter()
                .all(|f| f.value.chars().count() <= limits::FIELD_VALUE)
        );
        assert!(
            e.fields.last().unwrap().value.starts_with("…and "),
            "{:?}",
            e.fields.last()
        );
    }

    #[test]
    fn a_why_not_embed_in_chinese() {
        let mut a = Answer::new(AnswerKind::WhyNot, "/why-not place:CN service:netflix");
        a.lang = Lang::Zh;
        a.service = Some("netflix".into());
        a.place = Some(crate::answer::PlaceRef {
            code: "CN".into(),
            name: "China".into(),
        });
        a.status = Some(Status::Unavailable);
        a.suggestions = vec!["/why-not CN hulu".into(), "/titles origin:CN".into()];
        a.facts.push(Fact {
            label: "Netflix".into(),
            value: "v".into(),
            source: String::new(),
            sources: vec!["https://help.netflix.com/x".into(), "doc:essay#3".into()],
            since: Some("2016".into()),
            confidence: None,
        });
        let e = &embeds(&a)[0];
        assert_eq!(e.title, "Netflix 在中国：🚫 不可用");
        assert_eq!(
            e.description,
            "\n\n此地的其他服务：`/why-not CN hulu`\n\n你也可能想问：`/titles origin:CN`"
        );
        assert_eq!(e.fields[0].name, "Netflix（自 2016 起）");
        assert_eq!(
            e.fields[0].value,
            "v\n来源：[help.netflix.com](https://help.netflix.com/x) · 文档 essay ¶3"
        );
        assert_eq!(
            e.footer,
            "事实均注明来源；引文与已索引文档的原文逐字一致。/sources 列出全部来源。"
        );
        // A place without a Chinese name keeps the data's, set apart by spaces.
        a.place = Some(crate::answer::PlaceRef {
            code: "ZZ".into(),
            name: "Atlantis".into(),
        });
        a.status = Some(Status::Available);
        assert_eq!(embeds(&a)[0].title, "Netflix 在 Atlantis：✅ 可用");
        // English is unchanged.
        a.lang = Lang::En;
        assert_eq!(embeds(&a)[0].title, "Netflix in Atlantis: ✅ available");
        assert_eq!(
            embeds(&a)[0].fields[0].value,
            "v\nSource: [help.netflix.com](https://help.netflix.com/x) · document essay ¶3"
        );
    }

    #[test]
    fn a_titles_footer_and_list_in_chinese() {
        let mut a = Answer::new(AnswerKind::Titles, "/titles origin:CN");
        a.lang = Lang::Zh;
        a.page = 1;
        a.pages = 3;
        a.total = 29;
        a.titles = vec![crate::render::fixtures::wandering_earth()];
        let e = &embeds(&a)[0];
        assert_eq!(e.title, "作品");
        assert_eq!(e.footer, "第 1 页，共 3 页 · 29 部作品 · /titles origin:CN");
        assert_eq!(
            e.fields[0].name,
            "1. 流浪地球 (The Wandering Earth) (2019) · 电影 · China · Netflix"
        );
        assert_eq!(e.fields[0].value, "Sci-Fi\n`netflix:s42`");
        a.lang = Lang::En;
        let e = &embeds(&a)[0];
        assert_eq!(e.footer, "Page 1 of 3 · 29 titles · /titles origin:CN");
        assert_eq!(
            e.fields[0].name,
            "1. The Wandering Earth (2019) · movie · China · Netflix"
        );
        assert_eq!(
            e.fields[0].value,
            "Also known as 流浪地球\nSci-Fi\n`netflix:s42`"
        );
    }

    #[test]
    fn dropped_fields_are_counted_in_chinese() {
        let mut e = Embed::default();
        for i in 0..30 {
            e.fields.push(EmbedField {
                name: format!("n{i}"),
                value: "v".into(),
                inline: false,
            });
        }
        let e = fit_in(e, Lang::Zh);
        assert_eq!(e.fields.len(), limits::FIELDS);
        assert_eq!(e.fields.last().unwrap().value, "…另有 6 项未显示");
    }
}
