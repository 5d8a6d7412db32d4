//! Answers as plain, readable terminal text; matched words are marked `**like this**`.

use std::fmt::Write;

use crate::answer::{Answer, Body, Citation, Fact, MapData, TitleCard};
use crate::corpus::Status;
use crate::corpus::{Kind, service_name};
use crate::i18n::Lang;
use crate::places::Places;
use crate::t;

use super::words;

/// The cited text with its matched words wrapped in `open`/`close`.
pub fn highlight(c: &Citation, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut at = c.start;
    for &[a, b] in &c.highlights {
        if a < at || b > c.end || a > b {
            continue;
        }
        let (Some(before), Some(word)) = (
            c.text.get(at - c.start..a - c.start),
            c.text.get(a - c.start..b - c.start),
        ) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = b;
    }
    out.push_str(c.text.get(at - c.start..).unwrap_or_default());
    out
}

fn origin_names(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| {
            Places::global()
                .by_code(c)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| c.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line describing a title: `Breaking Bad (2013) · TV · United States · Netflix`; in
/// Chinese the `aka` leads:
/// `流浪地球 (The Wandering Earth) (2019) · 电影 · China · Netflix`.
pub fn title_line(t: &TitleCard, lang: Lang) -> String {
    let mut parts = vec![words::name_year(t, lang)];
    parts.push(match t.kind {
        Kind::Movie => t!(lang, "render-kind-movie"),
        Kind::Tv => t!(lang, "render-kind-tv"),
    });
    if !t.origin.is_empty() {
        parts.push(origin_names(&t.origin));
    } else if !t.countries.is_empty() {
        parts.push(t.countries.join(", "));
    }
    parts.push(
        t.services
            .iter()
            .map(|s| words::service_on(t, s))
            .collect::<Vec<_>>()
            .join(", "),
    );
    parts.join(" · ")
}

fn card(out: &mut String, t: &TitleCard, lang: Lang) {
    let _ = writeln!(out, "{}", title_line(t, lang));
    let colon = colon(lang);
    if let Some(aka) = t.aka.as_ref().filter(|_| !words::aka_first(t, lang)) {
        let _ = writeln!(out, "  {}{colon}{aka}", t!(lang, "render-text-aka"));
    }
    let mut row = |key: &str, value: String| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {}{colon}{value}", t!(lang, key));
        }
    };
    row("render-text-genres", t.genres.join(", "));
    row("render-text-rating", t.rating.clone().unwrap_or_default());
    row(
        "render-text-duration",
        t.duration.clone().unwrap_or_default(),
    );
    row("render-text-director", t.director.join(", "));
    row(
        "render-text-cast",
        crate::text::truncate(&t.cast.join(", "), 300),
    );
    row(
        "render-text-added",
        t.added
            .iter()
            .map(|a| {
                t!(
                    lang,
                    "render-text-added-on",
                    service = service_name(&a.service),
                    date = &a.date
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    );
    row("render-text-about", t.description.clone());
    row("render-text-sources", t.sources.join("; "));
    row("render-text-id", t.id.clone());
}

/// The answer as terminal text, in the answer's language.
pub fn text(a: &Answer) -> String {
    let lang = a.lang;
    let mut out = String::new();
    match &a.body {
        Body::WhyNot(w) => {
            let _ = writeln!(out, "[{}] {}", words::tag(w.status, lang), a.message);
            let also: Vec<String> = a.other_reading.iter().cloned().collect();
            for (key, list) in [
                ("render-other-services", &w.other_services),
                ("render-also", &also),
            ] {
                if !list.is_empty() {
                    let _ = writeln!(out, "{}", t!(lang, key, commands = list.join(" · ")));
                }
            }
            facts(&mut out, &w.facts, lang);
            citations(&mut out, &w.citations, lang);
        }
        Body::NotFound(_) => {
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "render-text-not-found", message = &a.message)
            );
        }
        Body::Map(data) => {
            let _ = writeln!(out, "{}", a.message);
            if data.figure.is_none() {
                map_places(&mut out, data, lang);
            }
        }
        Body::Titles(page) => {
            let _ = writeln!(out, "{}", a.message);
            title_list(&mut out, &page.titles, page.page, lang);
            if !page.titles.is_empty() {
                if page.page < page.pages {
                    let next = page.page.saturating_add(1).to_string();
                    let _ = writeln!(out, "\n{}", t!(lang, "render-text-more", page = next));
                }
                // Another reading of the question ("Netflix from China": whether Netflix can
                // be used there).
                if let Some(also) = &a.other_reading {
                    let _ = writeln!(out, "{}", t!(lang, "render-also", commands = also));
                }
            }
        }
        Body::Title(found) => {
            match &found.in_place {
                Some(p) => {
                    let _ = writeln!(out, "[{}] {}\n", words::tag(p.status, lang), a.message);
                }
                None => {
                    let _ = writeln!(out, "{}\n", a.message);
                }
            }
            card(&mut out, &found.card, lang);
            if let Some(p) = &found.in_place {
                facts(&mut out, &p.facts, lang);
                citations(&mut out, &p.citations, lang);
            }
        }
        Body::Search(found) => {
            let _ = writeln!(out, "{}", a.message);
            citations(&mut out, &found.citations, lang);
            title_list(&mut out, &found.titles, 0, lang);
        }
        Body::Help | Body::Settings(_) => {
            let _ = writeln!(out, "{}", a.message);
        }
        Body::Ranking(page) => {
            let _ = writeln!(out, "{}\n", a.message);
            for r in &page.rows {
                let _ = writeln!(out, "{}", super::ranking::line(page, r, lang));
            }
            let _ = writeln!(out, "\n{}", super::ranking::footer(page, lang));
            if page.page < page.pages {
                let next = page.page.saturating_add(1).to_string();
                let _ = writeln!(out, "{}", t!(lang, "render-text-more", page = next));
            }
        }
    }
    out
}

/// A colon after a label: `Genres: …`, `题材：…`.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh | Lang::ZhTw => "：",
    }
}

fn facts(out: &mut String, facts: &[Fact], lang: Lang) {
    if facts.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", t!(lang, "render-text-facts"));
    for f in facts {
        let label = match &f.since {
            Some(s) => t!(lang, "render-since", label = &f.label, since = s),
            None => f.label.clone(),
        };
        let _ = writeln!(out, "  • {label}{}{}", colon(lang), f.value);
        let source = t!(lang, "render-text-fact-source", source = &f.source);
        let _ = writeln!(out, "    {source}");
    }
}

fn citations(out: &mut String, citations: &[Citation], lang: Lang) {
    if citations.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", t!(lang, "render-text-from-documents"));
    for (i, c) in citations.iter().enumerate() {
        let bytes = t!(
            lang,
            "render-citation-bytes",
            start = c.start.to_string(),
            end = c.end.to_string()
        );
        let _ = writeln!(
            out,
            "  [{}] {} ¶{} ({bytes}){}“{}”",
            i + 1,
            c.document_title,
            c.paragraph,
            colon(lang),
            highlight(c, "**", "**")
        );
    }
}

/// Numbered cards, numbered from page `page`'s first (page 0 and 1 both start at 1).
fn title_list(out: &mut String, titles: &[TitleCard], page: usize, lang: Lang) {
    if titles.is_empty() {
        return;
    }
    let _ = writeln!(out);
    let first = page
        .saturating_sub(1)
        .saturating_mul(crate::search::PAGE_SIZE);
    for (i, t) in titles.iter().enumerate() {
        let _ = write!(out, "{:>3}. ", first.saturating_add(i + 1));
        card(out, t, lang);
    }
}

/// A status map's places without the service, by status, and the status everywhere else.
fn map_places(out: &mut String, data: &MapData, lang: Lang) {
    let comma = match lang {
        Lang::En => ", ",
        Lang::Zh | Lang::ZhTw => "、",
    };
    for (status, key) in [
        (Status::Unavailable, "render-text-not-available"),
        (Status::Suspended, "render-text-suspended"),
        (Status::Unknown, "render-text-unknown"),
    ] {
        let places = super::map::legend::places_in(data, status, lang);
        if !places.is_empty() {
            let _ = writeln!(
                out,
                "{}{}{}",
                t!(lang, key),
                colon(lang),
                places.join(comma)
            );
        }
    }
    let elsewhere = match lang {
        // The status code, as before localisation.
        Lang::En => data.elsewhere.as_str().to_string(),
        Lang::Zh | Lang::ZhTw => words::status_word(data.elsewhere, lang),
    };
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "render-text-elsewhere", status = elsewhere)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_wrap_exactly_the_matched_words() {
        let c = Citation {
            document: "d".into(),
            document_title: "D".into(),
            paragraph: 1,
            start: 10,
            end: 27,
            text: "Netflix in China".into(),
            highlights: vec![[10, 17], [21, 26], [40, 45]],
        };
        assert_eq!(highlight(&c, "**", "**"), "**Netflix** in **China**");
    }

    /// Found by the property tests: a page number near `usize::MAX` overflowed the numbering.
    #[test]
    fn huge_page_numbers_do_not_overflow() {
        let card = TitleCard {
            id: "netflix:s1".into(),
            title: "T".into(),
            aka: None,
            kind: Kind::Movie,
            year: None,
            origin: Vec::new(),
            countries: Vec::new(),
            genres: Vec::new(),
            services: Vec::new(),
            director: Vec::new(),
            cast: Vec::new(),
            rating: None,
            duration: None,
            description: String::new(),
            added: Vec::new(),
            sources: Vec::new(),
            yours: Vec::new(),
        };
        let page = crate::answer::TitlesPage {
            service: None,
            place: None,
            titles: vec![card],
            total: 1,
            page: usize::MAX,
            pages: 0,
            ignored: Vec::new(),
            similar_to: None,
        };
        let a = Answer::new("q", "", Body::Titles(page));
        assert!(
            text(&a).contains(&format!("{}. T", usize::MAX)),
            "{}",
            text(&a)
        );
        let e = &crate::render::embed::embeds(&a)[0];
        assert_eq!(e.fields[0].name, format!("{}. T · movie · ", usize::MAX));
    }
}

#[cfg(test)]
mod chinese {
    use super::*;
    use crate::answer::{Fact, PlaceRef, TitlesPage, WhyNot};

    #[test]
    fn terminal_text_in_chinese() {
        let w = WhyNot {
            service: "netflix".into(),
            place: PlaceRef {
                code: "CN".into(),
                name: "China".into(),
            },
            status: Status::Unavailable,
            facts: vec![Fact {
                label: "Netflix".into(),
                value: "v".into(),
                source: "https://help.netflix.com/x".into(),
                sources: vec!["https://help.netflix.com/x".into()],
                since: Some("2016".into()),
                confidence: None,
            }],
            citations: Vec::new(),
            other_services: vec!["/why-not CN hulu".into()],
        };
        let query = "/why-not place:CN service:netflix";
        let mut a = Answer::new(query, "Netflix 在中国不可用。", Body::WhyNot(w));
        a.lang = Lang::Zh;
        a.other_reading = Some("/titles origin:CN".into());
        assert_eq!(
            text(&a),
            "[不可用] Netflix 在中国不可用。\n此地的其他服务：/why-not CN hulu\n你也可能想问：/titles origin:CN\n\n事实：\n  • Netflix（自 2016 起）：v\n    来源：https://help.netflix.com/x\n"
        );
        a.lang = Lang::En;
        assert_eq!(
            text(&a),
            "[UNAVAILABLE] Netflix 在中国不可用。\nOther services here: /why-not CN hulu\nYou may also mean: /titles origin:CN\n\nFacts:\n  • Netflix (since 2016): v\n    source: https://help.netflix.com/x\n"
        );

        let page = TitlesPage {
            service: None,
            place: None,
            titles: vec![crate::render::fixtures::wandering_earth()],
            total: 29,
            page: 1,
            pages: 3,
            ignored: Vec::new(),
            similar_to: None,
        };
        let mut a = Answer::new("/titles origin:CN", "29 部", Body::Titles(page));
        a.lang = Lang::Zh;
        assert_eq!(
            text(&a),
            "29 部\n\n  1. 流浪地球 (The Wandering Earth) (2019) · 电影 · China · Netflix\n  题材：Sci-Fi\n  导演：Frant Gwo\n  上架：Netflix（2019-05-06）\n  编号：netflix:s42\n\n更多：加上 page:2 查看下一页。\n"
        );
        a.lang = Lang::En;
        assert_eq!(
            text(&a),
            "29 部\n\n  1. The Wandering Earth (2019) · movie · China · Netflix\n  Also known as: 流浪地球\n  Genres: Sci-Fi\n  Director: Frant Gwo\n  Added: Netflix on 2019-05-06\n  Id: netflix:s42\n\nMore: add page:2 to see the next page.\n"
        );
        // The other reading of the question, when there are titles.
        a.other_reading = Some("/why-not place:CN".into());
        assert!(
            text(&a).ends_with("page.\nYou may also mean: /why-not place:CN\n"),
            "{}",
            text(&a)
        );
        if let Body::Titles(page) = &mut a.body {
            page.titles.clear();
        }
        assert!(!text(&a).contains("You may also mean"));
    }
}
