//! Answers as Discord-style embeds, as plain data (no Discord types): title, description,
//! fields, footer, each kept inside Discord's limits by trimming with a clear "…and N more".
//! Text from the data is escaped so it can never ping anyone or break the formatting.

use crate::answer::{Answer, Body, Fact, TitlesPage, WhyNot};
use crate::corpus::{Status, service_name};
use crate::i18n::Lang;
use crate::t;

use super::card::{card, title_field};
pub use super::markdown::{citation_md, clip, defuse, escape};
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
/// many, "…and N more" in `lang`) until the whole fits in 6000 characters.
pub fn fit(mut e: Embed, lang: Lang) -> Embed {
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
    let e = match &a.body {
        Body::WhyNot(w) => why_not(a, w),
        Body::Titles(page) => titles(a, page),
        Body::Title(found) => {
            let mut e = card(&found.card, lang);
            if !a.message.is_empty() && a.message != found.card.title {
                e.description = format!("*{}*\n\n{}", escape(&a.message), e.description);
            }
            if let Some(p) = &found.in_place {
                // The answer is about the place: its colour, its reasons and passages.
                e.color = status_color(p.status);
                if !p.citations.is_empty() {
                    e.description
                        .push_str(&format!("\n\n**{}**", t!(lang, "render-from-documents")));
                    for (i, c) in p.citations.iter().enumerate() {
                        e.description.push_str("\n\n");
                        e.description.push_str(&citation_md(i + 1, c, lang));
                    }
                }
                e.fields.extend(p.facts.iter().map(|f| fact_field(f, lang)));
            }
            e
        }
        Body::Search(found) => {
            let mut description = escape(&a.message);
            for (i, c) in found.citations.iter().enumerate() {
                description.push_str("\n\n");
                description.push_str(&citation_md(i + 1, c, lang));
            }
            Embed {
                title: t!(lang, "render-search-title"),
                description,
                color: BLUE,
                fields: found
                    .titles
                    .iter()
                    .map(|t| title_field(None, t, lang))
                    .collect(),
                footer: defuse(&a.query),
            }
        }
        Body::NotFound(_) => Embed {
            title: t!(lang, "render-not-found-title"),
            description: escape(&a.message),
            color: GREY,
            fields: Vec::new(),
            footer: clip(&defuse(&a.query), 200),
        },
        Body::Map(data) => super::map::embed(a, data),
        Body::Settings(view) => Embed {
            title: t!(lang, "render-settings-title"),
            description: escape(&a.message),
            color: match view.done {
                crate::answer::settings::Done::Unavailable
                | crate::answer::settings::Done::Refused => GREY,
                _ => BLUE,
            },
            fields: Vec::new(),
            footer: clip(&defuse(&a.query), 200),
        },
        Body::Ranking(page) => {
            let mut description = escape(&a.message);
            description.push('\n');
            for r in &page.rows {
                description.push('\n');
                description.push_str(&escape(&super::ranking::line(page, r, lang)));
            }
            Embed {
                title: t!(lang, "render-ranking-title"),
                description,
                color: BLUE,
                fields: Vec::new(),
                footer: clip(&defuse(&super::ranking::footer(page, lang)), 1000),
            }
        }
        Body::Help => Embed {
            title: t!(lang, "render-help-title"),
            description: format!("```\n{}\n```", defuse(&a.message.replace("```", "'''"))),
            color: BLUE,
            ..Embed::default()
        },
    };
    vec![fit(e, lang)]
}

/// The colour of a status: green, red, amber, grey.
fn status_color(status: Status) -> u32 {
    match status {
        Status::Available => GREEN,
        Status::Unavailable => RED,
        Status::Suspended => AMBER,
        Status::Unknown => GREY,
    }
}

/// `Netflix in China: 🚫 not available`, the message, the other services and readings to try,
/// the quoted passages, and a field per fact.
fn why_not(a: &Answer, w: &WhyNot) -> Embed {
    let lang = a.lang;
    let service = service_name(&w.service);
    let place = words::place(&w.place.code, &w.place.name, lang);
    let color = status_color(w.status);
    let mut description = escape(&a.message);
    let also: Vec<String> = a.other_reading.iter().cloned().collect();
    for (key, list) in [
        ("render-other-services", &w.other_services),
        ("render-also", &also),
    ] {
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
    if !w.citations.is_empty() {
        description.push_str(&format!("\n\n**{}**", t!(lang, "render-from-documents")));
        for (i, c) in w.citations.iter().enumerate() {
            description.push_str("\n\n");
            description.push_str(&citation_md(i + 1, c, lang));
        }
    }
    let mut title = t!(
        lang,
        "render-why-not-title",
        service = escape(&service),
        place = escape(&place),
        badge = words::badge(w.status, lang)
    );
    if lang.is_chinese() {
        title = words::space_cjk(&title);
    }
    Embed {
        title,
        description,
        color,
        fields: w.facts.iter().map(|f| fact_field(f, lang)).collect(),
        footer: t!(lang, "render-why-not-footer"),
    }
}

/// A page of titles: a numbered field per title, and the page, total and query in the footer.
fn titles(a: &Answer, page: &TitlesPage) -> Embed {
    let lang = a.lang;
    let first = (page.page.max(1) - 1).saturating_mul(crate::search::PAGE_SIZE);
    Embed {
        title: t!(lang, "render-titles-title"),
        description: escape(&a.message),
        color: BLUE,
        fields: page
            .titles
            .iter()
            .enumerate()
            .map(|(i, t)| title_field(Some(first.saturating_add(i + 1)), t, lang))
            .collect(),
        footer: defuse(&t!(
            lang,
            "render-titles-footer",
            page = page.page.to_string(),
            pages = page.pages.to_string(),
            total = page.total.to_string(),
            query = &a.query
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Fact, PlaceRef};

    fn why_not(service: &str, code: &str, name: &str, status: Status, facts: Vec<Fact>) -> WhyNot {
        WhyNot {
            service: service.into(),
            place: PlaceRef {
                code: code.into(),
                name: name.into(),
            },
            status,
            facts,
            citations: Vec::new(),
            other_services: Vec::new(),
        }
    }

    fn page(total: usize, page: usize, pages: usize) -> TitlesPage {
        TitlesPage {
            service: None,
            place: None,
            titles: Vec::new(),
            total,
            page,
            pages,
            ignored: Vec::new(),
            similar_to: None,
        }
    }

    /// Found by the property tests: the question as typed went into footers as is, and data
    /// went unescaped into titles, the services line, ids and link targets.
    #[test]
    fn user_text_and_data_are_defused_everywhere() {
        let query = "/titles query:\"@everyone <@&1>\"";
        let mut a = Answer::new(query, "", Body::Titles(page(1, 1, 1)));
        let e = &embeds(&a)[0];
        assert_eq!(
            e.footer,
            "Page 1 of 1 · 1 titles · /titles query:\"@\u{200b}everyone <\u{200b}@\u{200b}&1>\""
        );
        let fact = Fact {
            label: "l".into(),
            value: "v".into(),
            source: String::new(),
            sources: vec!["https://medium.com/@everyone".into()],
            since: None,
            confidence: None,
        };
        let w = why_not("@here", "X", "*<@1>*", Status::Available, vec![fact]);
        a.body = Body::WhyNot(w);
        let e = &embeds(&a)[0];
        assert_eq!(
            e.title,
            "@\u{200b}here in \\*<\u{200b}@\u{200b}1\\>\\*: ✅ available"
        );
        assert_eq!(
            e.fields[0].value,
            "v\nSource: [medium.com](https://medium.com/%40everyone)"
        );
        a.body = Body::Help;
        a.message = "/why-not <place> @here".into();
        assert_eq!(
            embeds(&a)[0].description,
            "```\n/why-not <\u{200b}place> @\u{200b}here\n```"
        );
        assert_eq!(clip("abc", 0), "");
    }

    #[test]
    fn huge_answers_fit_every_limit() {
        let facts = (0..60)
            .map(|i| Fact {
                label: format!("label {i} {}", "x".repeat(400)),
                value: "v".repeat(3000),
                source: String::new(),
                sources: vec!["https://example.com/a".into(); 30],
                since: None,
                confidence: None,
            })
            .collect();
        let w = why_not("netflix", "CN", "China", Status::Unavailable, facts);
        let a = Answer::new("q", "m".repeat(10_000), Body::WhyNot(w));
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
        let fact = Fact {
            label: "Netflix".into(),
            value: "v".into(),
            source: String::new(),
            sources: vec!["https://help.netflix.com/x".into(), "doc:essay#3".into()],
            since: Some("2016".into()),
            confidence: None,
        };
        let mut w = why_not("netflix", "CN", "China", Status::Unavailable, vec![fact]);
        w.other_services = vec!["/why-not CN hulu".into()];
        let query = "/why-not place:CN service:netflix";
        let mut a = Answer::new(query, "", Body::WhyNot(w.clone()));
        a.lang = Lang::Zh;
        a.other_reading = Some("/titles origin:CN".into());
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
        w.place = PlaceRef {
            code: "ZZ".into(),
            name: "Atlantis".into(),
        };
        w.status = Status::Available;
        a.body = Body::WhyNot(w);
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
        let mut page = page(29, 1, 3);
        page.titles = vec![crate::render::fixtures::wandering_earth()];
        let mut a = Answer::new("/titles origin:CN", "", Body::Titles(page));
        a.lang = Lang::Zh;
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
        let e = fit(e, Lang::Zh);
        assert_eq!(e.fields.len(), limits::FIELDS);
        assert_eq!(e.fields.last().unwrap().value, "…另有 6 项未显示");
    }
}
