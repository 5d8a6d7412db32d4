//! Answers as plain, readable terminal text; matched words are marked `**like this**`.

use std::fmt::Write;

use crate::answer::{Answer, AnswerKind, Citation, TitleCard};
use crate::corpus::{Kind, service_name};
use crate::places::Places;

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

/// One line describing a title: `Breaking Bad (2013) · TV · United States · Netflix`.
pub fn title_line(t: &TitleCard) -> String {
    let mut parts = vec![match t.year {
        Some(y) => format!("{} ({y})", t.title),
        None => t.title.clone(),
    }];
    parts.push(match t.kind {
        Kind::Movie => "movie".to_string(),
        Kind::Tv => "TV".to_string(),
    });
    if !t.origin.is_empty() {
        parts.push(origin_names(&t.origin));
    } else if !t.countries.is_empty() {
        parts.push(t.countries.join(", "));
    }
    parts.push(
        t.services
            .iter()
            .map(|s| service_name(s))
            .collect::<Vec<_>>()
            .join(", "),
    );
    parts.join(" · ")
}

fn card(out: &mut String, t: &TitleCard) {
    let _ = writeln!(out, "{}", title_line(t));
    if let Some(aka) = &t.aka {
        let _ = writeln!(out, "  Also known as: {aka}");
    }
    let mut row = |label: &str, value: String| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {label}: {value}");
        }
    };
    row("Genres", t.genres.join(", "));
    row("Rating", t.rating.clone().unwrap_or_default());
    row("Duration", t.duration.clone().unwrap_or_default());
    row("Director", t.director.join(", "));
    row("Cast", crate::text::truncate(&t.cast.join(", "), 300));
    row(
        "Added",
        t.added
            .iter()
            .map(|a| format!("{} on {}", service_name(&a.service), a.date))
            .collect::<Vec<_>>()
            .join("; "),
    );
    row("About", t.description.clone());
    row("Sources", t.sources.join("; "));
    row("Id", t.id.clone());
}

/// The answer as terminal text.
pub fn text(a: &Answer) -> String {
    let mut out = String::new();
    match a.kind {
        AnswerKind::WhyNot => {
            let status = a
                .status
                .map(|s| s.as_str().to_uppercase())
                .unwrap_or_default();
            let _ = writeln!(out, "[{status}] {}", a.message);
            if !a.suggestions.is_empty() {
                let _ = writeln!(out, "Other services here: {}", a.suggestions.join(" · "));
            }
        }
        AnswerKind::NotFound => {
            let _ = writeln!(out, "Not found: {}", a.message);
        }
        AnswerKind::Map => {
            let _ = writeln!(out, "{}", a.message);
            if let Some(data) = a.map.as_ref().filter(|d| d.figure.is_none()) {
                for (status, name) in [
                    (crate::corpus::Status::Unavailable, "Not available"),
                    (crate::corpus::Status::Suspended, "Suspended"),
                    (crate::corpus::Status::Unknown, "Unknown"),
                ] {
                    let places = super::map::legend::places_in(data, status);
                    if !places.is_empty() {
                        let _ = writeln!(out, "{name}: {}", places.join(", "));
                    }
                }
                let _ = writeln!(out, "Everywhere else: {}", data.elsewhere.as_str());
            }
        }
        _ => {
            let _ = writeln!(out, "{}", a.message);
        }
    }
    if !a.facts.is_empty() {
        let _ = writeln!(out, "\nFacts:");
        for f in &a.facts {
            let since = f
                .since
                .as_deref()
                .map(|s| format!(" (since {s})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  • {}{since}: {}", f.label, f.value);
            let _ = writeln!(out, "    source: {}", f.source);
        }
    }
    if !a.citations.is_empty() {
        let _ = writeln!(out, "\nFrom the documents:");
        for (i, c) in a.citations.iter().enumerate() {
            let _ = writeln!(
                out,
                "  [{}] {} ¶{} (bytes {}–{}): “{}”",
                i + 1,
                c.document_title,
                c.paragraph,
                c.start,
                c.end,
                highlight(c, "**", "**")
            );
        }
    }
    if !a.titles.is_empty() {
        let _ = writeln!(out);
        if a.kind == AnswerKind::Title {
            card(&mut out, &a.titles[0]);
        } else {
            let first = a
                .page
                .saturating_sub(1)
                .saturating_mul(crate::search::PAGE_SIZE);
            for (i, t) in a.titles.iter().enumerate() {
                let _ = write!(out, "{:>3}. ", first.saturating_add(i + 1));
                card(&mut out, t);
            }
            if a.kind == AnswerKind::Titles && a.page < a.pages {
                let _ = writeln!(out, "\nMore: add page:{} to see the next page.", a.page + 1);
            }
        }
    }
    out
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
        let mut a = Answer::new(AnswerKind::Titles, "q");
        a.page = usize::MAX;
        a.titles = vec![TitleCard {
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
        }];
        assert!(
            text(&a).contains(&format!("{}. T", usize::MAX)),
            "{}",
            text(&a)
        );
        let e = &crate::render::embed::embeds(&a)[0];
        assert_eq!(e.fields[0].name, format!("{}. T · movie · ", usize::MAX));
    }
}
