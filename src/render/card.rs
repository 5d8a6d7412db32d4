//! Titles as embeds: one field per title in a list, and a whole card for a single title.

use crate::answer::TitleCard;
use crate::i18n::Lang;
use crate::t;

use super::embed::{BLUE, Embed, EmbedField, limits};
use super::markdown::{clip, defuse, escape, source_md};
use super::text::title_line;
use super::words;

pub(super) fn title_field(n: Option<usize>, t: &TitleCard, lang: Lang) -> EmbedField {
    let name = match n {
        Some(n) => format!("{n}. {}", title_line(t, lang)),
        None => title_line(t, lang),
    };
    let mut lines = Vec::new();
    if let Some(aka) = t.aka.as_ref().filter(|_| !words::aka_first(t, lang)) {
        lines.push(t!(lang, "render-also-known-as", aka = escape(aka)));
    }
    let mut facts = Vec::new();
    if !t.genres.is_empty() {
        facts.push(escape(&t.genres.join(", ")));
    }
    if let Some(r) = &t.rating {
        facts.push(escape(r));
    }
    if let Some(d) = &t.duration {
        facts.push(escape(d));
    }
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    if !t.description.is_empty() {
        lines.push(clip(&escape(&t.description), 300));
    }
    lines.push(format!("`{}`", defuse(&t.id.replace('`', "'"))));
    EmbedField {
        name: clip(&escape(&name), limits::FIELD_NAME),
        value: clip(&lines.join("\n"), limits::FIELD_VALUE),
        inline: false,
    }
}

pub(super) fn card(t: &TitleCard, lang: Lang) -> Embed {
    let mut e = Embed {
        title: clip(&escape(&words::name_year(t, lang)), limits::TITLE),
        description: clip(&escape(&t.description), 1500),
        color: BLUE,
        ..Embed::default()
    };
    let mut field = |key: &str, value: String, inline: bool| {
        if !value.is_empty() {
            e.fields.push(EmbedField {
                name: t!(lang, key),
                value: clip(&value, limits::FIELD_VALUE),
                inline,
            });
        }
    };
    // In Chinese the aka already leads the title.
    field(
        "render-card-aka",
        t.aka
            .as_deref()
            .filter(|_| !words::aka_first(t, lang))
            .map(escape)
            .unwrap_or_default(),
        true,
    );
    field(
        "render-card-type",
        match t.kind {
            crate::corpus::Kind::Movie => t!(lang, "render-card-movie"),
            crate::corpus::Kind::Tv => t!(lang, "render-card-tv"),
        },
        true,
    );
    field("render-card-origin", escape(&title_line_origin(t)), true);
    field("render-card-genres", escape(&t.genres.join(", ")), true);
    field(
        "render-card-rating",
        t.rating.as_deref().map(escape).unwrap_or_default(),
        true,
    );
    field(
        "render-card-duration",
        t.duration.as_deref().map(escape).unwrap_or_default(),
        true,
    );
    field("render-card-director", escape(&t.director.join(", ")), true);
    field(
        "render-card-cast",
        clip(&escape(&t.cast.join(", ")), 600),
        false,
    );
    let on: Vec<String> = t
        .services
        .iter()
        .map(|s| match t.added.iter().find(|a| &a.service == s) {
            Some(a) => t!(
                lang,
                "render-card-added-on",
                service = escape(&words::service_on(t, s)),
                date = escape(&a.date)
            ),
            None => escape(&words::service_on(t, s)),
        })
        .collect();
    field("render-card-on", on.join(", "), false);
    field(
        "render-card-sources",
        t.sources
            .iter()
            .map(|s| source_md(s, lang))
            .collect::<Vec<_>>()
            .join(" · "),
        false,
    );
    e.footer = defuse(&t!(lang, "render-card-footer", id = &t.id));
    e
}

fn title_line_origin(t: &TitleCard) -> String {
    if t.countries.is_empty() {
        t.origin.join(", ")
    } else {
        t.countries.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Body, TitleFound};
    use crate::render::embed::embeds;

    #[test]
    fn a_title_card_in_chinese_leads_with_its_aka() {
        let found = TitleFound {
            service: None,
            card: crate::render::fixtures::wandering_earth(),
            close_names: Vec::new(),
            in_place: None,
        };
        let mut a = Answer::new("/title 流浪地球", "", Body::Title(Box::new(found)));
        a.lang = Lang::Zh;
        let e = &embeds(&a)[0];
        assert_eq!(e.title, "流浪地球 (The Wandering Earth) (2019)");
        assert_eq!(
            crate::render::fixtures::fields(e),
            vec![
                ("类型", "电影"),
                ("出品国家/地区", "China"),
                ("题材", "Sci-Fi"),
                ("导演", "Frant Gwo"),
                ("上架平台", "Netflix（2019-05-06 上架）"),
            ]
        );
        assert_eq!(e.footer, "编号 netflix:s42");
        a.lang = Lang::En;
        let e = &embeds(&a)[0];
        assert_eq!(e.title, "The Wandering Earth (2019)");
        assert_eq!(e.fields[0].name, "Also known as");
        assert_eq!(e.fields[0].value, "流浪地球");
        assert_eq!(e.fields[5].value, "Netflix (added 2019-05-06)");
        assert_eq!(e.footer, "id netflix:s42");
    }
}
