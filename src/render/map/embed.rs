//! The embed that carries a map: what it shows, the places that are not available with their
//! since-dates (the picture cannot list them), and the name of the attached picture.

use crate::answer::{Answer, Figure, MapData};
use crate::corpus::Status;
use crate::render::embed::{Embed, EmbedField, defuse, escape, fit, limits};

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

fn field(name: &str, items: &[String]) -> Option<EmbedField> {
    if items.is_empty() {
        return None;
    }
    let mut value = String::new();
    let mut shown = 0;
    for item in items {
        let next = if value.is_empty() {
            escape(item)
        } else {
            format!(" · {}", escape(item))
        };
        // Room for the closing "…and N more".
        if value.chars().count() + next.chars().count() > limits::FIELD_VALUE - 30 {
            break;
        }
        value.push_str(&next);
        shown += 1;
    }
    if shown < items.len() {
        value.push_str(&format!(" …and {} more", items.len() - shown));
    }
    Some(EmbedField {
        name: format!("{name} ({})", items.len()),
        value,
        inline: false,
    })
}

/// The embed for a map answer (the picture itself is attached by the front end).
pub fn embed(a: &Answer) -> Embed {
    let Some(data) = &a.map else {
        return fit(Embed {
            title: "Map".into(),
            description: escape(&a.message),
            color: COLOR,
            ..Embed::default()
        });
    };
    let mut e = Embed {
        title: escape(&legend::title(data)),
        description: escape(&a.message),
        color: COLOR,
        fields: Vec::new(),
        footer: defuse(&super::source_line(data)),
    };
    match data.figure {
        None => {
            for (status, name) in [
                (Status::Unavailable, "🚫 Not available"),
                (Status::Suspended, "⏸️ Suspended"),
                (Status::Unknown, "❔ Unknown"),
            ] {
                if let Some(f) = field(name, &legend::places_in(data, status)) {
                    e.fields.push(f);
                }
            }
            let elsewhere = match data.elsewhere {
                Status::Available => "available",
                Status::Unavailable => "not available",
                Status::Suspended => "suspended",
                Status::Unknown => "unknown: no source covers them",
            };
            e.description.push_str(&format!(
                "\n\nEvery place not listed here is {elsewhere}. Ask `/why-not <place> {}` for the facts and their sources.",
                crate::answer::service_word(&data.service)
            ));
        }
        Some(figure) => {
            let mut top: Vec<(&String, &f64)> = data.values.iter().collect();
            top.sort_by(|x, y| y.1.total_cmp(x.1).then(x.0.cmp(y.0)));
            let places = crate::places::Places::global();
            let fmt = |(code, v): &(&String, &f64)| {
                let name = places
                    .by_code(code)
                    .map_or(code.as_str(), |p| p.name.as_str());
                match figure {
                    Figure::Library => format!("{name} {}", **v as u64),
                    Figure::Price => format!("{name} ${:.2}", v),
                }
            };
            let highest: Vec<String> = top.iter().take(5).map(fmt).collect();
            let lowest: Vec<String> = top.iter().rev().take(5).map(fmt).collect();
            e.fields.extend(field("Highest", &highest));
            e.fields.extend(field("Lowest", &lowest));
            e.description.push_str(
                "\n\nThese figures are from December 2021: they describe the catalogue then, not today (Netflix suspended its service in Russia in March 2022).",
            );
        }
    }
    fit(e)
}
