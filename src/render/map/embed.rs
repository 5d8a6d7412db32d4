//! The embed that carries a map: what it shows, the places that are not available with their
//! since-dates (the picture cannot list them), and the name of the attached picture.

use crate::answer::{Answer, Figure, MapData};
use crate::corpus::Status;
use crate::i18n::Lang;
use crate::render::embed::{Embed, EmbedField, defuse, escape, fit, limits};
use crate::render::words;
use crate::t;

use super::legend;

const COLOR: u32 = 0x34_98_db;

/// `netflix-map.png`, `netflix-library-map.png`.
pub fn attachment_name(data: &MapData) -> String {
    let service: String = data
        .service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    match data.figure {
        Some(f) => format!("{service}-{}-map.png", f.as_str()),
        None => format!("{service}-map.png"),
    }
}

fn field(name: &str, items: &[String], lang: Lang) -> Option<EmbedField> {
    if items.is_empty() {
        return None;
    }
    let mut value = String::new();
    let mut shown = 0;
    for item in items {
        let next = match (value.is_empty(), lang) {
            (true, _) => escape(item),
            (false, Lang::En) => format!(" · {}", escape(item)),
            (false, Lang::Zh | Lang::ZhTw) => format!("、{}", escape(item)),
        };
        // Room for the closing "…and N more".
        if value.chars().count() + next.chars().count() > limits::FIELD_VALUE - 30 {
            break;
        }
        value.push_str(&next);
        shown += 1;
    }
    if shown < items.len() {
        value.push(' ');
        value.push_str(&t!(
            lang,
            "render-map-and-more",
            count = (items.len() - shown).to_string()
        ));
    }
    Some(EmbedField {
        name: t!(
            lang,
            "render-map-field-count",
            name = name,
            count = items.len().to_string()
        ),
        value,
        inline: false,
    })
}

/// The embed for a map answer (the picture itself is attached by the front end), in the
/// answer's language, like the picture's own text.
pub fn embed(a: &Answer, data: &MapData) -> Embed {
    let lang = a.lang;
    let mut e = Embed {
        title: escape(&legend::title(data, lang)),
        description: escape(&a.message),
        color: COLOR,
        fields: Vec::new(),
        footer: defuse(&super::source_line(data, lang)),
    };
    match data.figure {
        None => {
            for (status, key) in [
                (Status::Unavailable, "render-map-field-unavailable"),
                (Status::Suspended, "render-map-field-suspended"),
                (Status::Unknown, "render-map-field-unknown"),
            ] {
                let places = legend::places_in(data, status, lang);
                if let Some(f) = field(&t!(lang, key), &places, lang) {
                    e.fields.push(f);
                }
            }
            let elsewhere = t!(
                lang,
                &format!("render-map-elsewhere-{}", words::status_key(data.elsewhere))
            );
            e.description.push_str("\n\n");
            e.description.push_str(&t!(
                lang,
                "render-map-elsewhere",
                status = elsewhere,
                service = crate::domain::service_word(&data.service)
            ));
        }
        Some(figure) => {
            let mut top: Vec<(&String, &f64)> = data.values.iter().collect();
            top.sort_by(|x, y| y.1.total_cmp(x.1).then(x.0.cmp(y.0)));
            let places = crate::places::Places::global();
            let fmt = |(code, v): &(&String, &f64)| {
                let name = places
                    .by_code(code)
                    .map_or(code.to_string(), |p| words::place(&p.code, &p.name, lang));
                match figure {
                    Figure::Library => format!("{name} {}", **v as u64),
                    Figure::Price => format!("{name} ${:.2}", v),
                }
            };
            let highest: Vec<String> = top.iter().take(5).map(fmt).collect();
            let lowest: Vec<String> = top.iter().rev().take(5).map(fmt).collect();
            e.fields
                .extend(field(&t!(lang, "render-map-highest"), &highest, lang));
            e.fields
                .extend(field(&t!(lang, "render-map-lowest"), &lowest, lang));
            e.description.push_str("\n\n");
            e.description
                .push_str(&t!(lang, "render-map-figures-dated"));
        }
    }
    fit(e, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Body, MapPlace};

    fn netflix_map(lang: Lang) -> Answer {
        let mut places = std::collections::BTreeMap::new();
        for (code, name, status, since) in [
            ("CN", "China", Status::Unavailable, Some("2016-01-06")),
            ("KP", "North Korea", Status::Unavailable, None),
            ("RU", "Russia", Status::Suspended, Some("2022-03-06")),
        ] {
            places.insert(
                code.to_string(),
                MapPlace {
                    code: code.into(),
                    name: name.into(),
                    status,
                    since: since.map(String::from),
                },
            );
        }
        let data = MapData {
            service: "netflix".into(),
            figure: None,
            places,
            elsewhere: Status::Available,
            newest: Some("2022-03-06".into()),
            values: Default::default(),
            values_as_of: None,
            sources: vec!["a".into(), "b".into()],
        };
        let mut a = Answer::new("/map service:netflix", "m", Body::Map(data));
        a.lang = lang;
        a
    }

    fn embed(a: &Answer) -> Embed {
        super::embed(a, a.map().unwrap())
    }

    #[test]
    fn map_embeds_in_both_languages() {
        for (lang, title, description, footer) in [
            (
                Lang::En,
                "Netflix availability · newest fact 2022-03-06",
                "m\n\nEvery place not listed here is available. Ask `/why-not <place> netflix` for the facts and their sources.",
                "Facts: 2 sources in streambot's data/countries.csv (/why-not <\u{200b}place> cites them) · Shapes: Natural Earth (public domain) · Equal Earth projection",
            ),
            (
                Lang::Zh,
                "Netflix 可用情况 · 最新事实日期 2022-03-06",
                "m\n\n此处未列出的其他地方：可用。用 `/why-not <地方> netflix` 查看事实及其来源。",
                "事实：streambot 的 data/countries.csv 中的 2 个来源（/why-not <\u{200b}地方> 会引用它们） · 国界形状：Natural Earth（公有领域）· Equal Earth 投影",
            ),
        ] {
            let e = embed(&netflix_map(lang));
            assert_eq!(
                (e.title.as_str(), e.description.as_str(), e.footer.as_str()),
                (title, description, footer)
            );
        }
        let e = embed(&netflix_map(Lang::En));
        assert_eq!(
            e.fields[0],
            EmbedField {
                name: "🚫 Not available (2)".into(),
                value: "China (since 2016-01-06) · North Korea".into(),
                inline: false,
            }
        );
        let a = netflix_map(Lang::Zh);
        assert_eq!(
            crate::render::fixtures::fields(&embed(&a)),
            vec![
                ("🚫 不可用（2）", "中国（自 2016-01-06 起）、朝鲜"),
                ("⏸️ 已暂停（1）", "俄罗斯（自 2022-03-06 起）"),
            ]
        );
        let world = super::super::world::world().unwrap();
        let alt = legend::alt_text(world, a.map().unwrap(), 1024, Lang::Zh);
        assert!(
            alt.starts_with("世界地图。Netflix 可用情况 · 最新事实日期 2022-03-06。可用："),
            "{alt}"
        );
        assert!(
            alt.contains("不可用：2 个地方（中国（自 2016-01-06 起）、朝鲜）。"),
            "{alt}"
        );
    }
}
