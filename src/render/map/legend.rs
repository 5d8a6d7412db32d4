//! What a map's colours mean: one legend entry per status (or per band of a figure), with how
//! many places on the map have it, and the same in words for screen readers.

use tiny_skia::ColorU8 as Color;

use super::world::World;
use crate::answer::{Figure, MapData};
use crate::corpus::Status;
use crate::i18n::Lang;
use crate::t;

/// Colours, chosen to stay apart for the common kinds of colour blindness.
pub mod colors {
    use tiny_skia::ColorU8 as Color;

    pub const BACKGROUND: Color = rgb(0xf7, 0xf6, 0xf2);
    pub const OCEAN: Color = rgb(0xd4, 0xe4, 0xf0);
    pub const BORDER: Color = rgb(0xff, 0xff, 0xff);
    pub const TEXT: Color = rgb(0x22, 0x26, 0x2b);
    pub const MUTED: Color = rgb(0x5c, 0x63, 0x6b);
    pub const AVAILABLE: Color = rgb(0x2f, 0x9e, 0x6a);
    pub const UNAVAILABLE: Color = rgb(0xd1, 0x3f, 0x3b);
    pub const SUSPENDED: Color = rgb(0xf2, 0xa5, 0x2a);
    pub const UNKNOWN: Color = rgb(0xb9, 0xbd, 0xc4);
    /// Areas without a code, and places without a figure.
    pub const NO_DATA: Color = rgb(0xe6, 0xe4, 0xde);
    pub const MARKER_EDGE: Color = rgb(0x22, 0x26, 0x2b);
    /// Five bands of a figure, light to dark (viridis).
    pub const BANDS: [Color; 5] = [
        rgb(0xfd, 0xe7, 0x25),
        rgb(0x5e, 0xc9, 0x62),
        rgb(0x21, 0x91, 0x8c),
        rgb(0x3b, 0x52, 0x8b),
        rgb(0x44, 0x01, 0x54),
    ];

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color::from_rgba(r, g, b, 255)
    }
}

/// One line of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    pub color: Color,
    /// Places on the map drawn in this colour.
    pub count: usize,
    /// For statuses: which.
    pub status: Option<Status>,
}

/// The colour of a status.
pub fn status_color(s: Status) -> Color {
    match s {
        Status::Available => colors::AVAILABLE,
        Status::Unavailable => colors::UNAVAILABLE,
        Status::Suspended => colors::SUSPENDED,
        Status::Unknown => colors::UNKNOWN,
    }
}

/// Statuses in legend order.
pub const STATUSES: [Status; 4] = [
    Status::Available,
    Status::Unavailable,
    Status::Suspended,
    Status::Unknown,
];

fn status_label(s: Status, lang: Lang) -> String {
    t!(
        lang,
        &format!("render-map-legend-{}", crate::render::words::status_key(s))
    )
}

/// The places on the map: every coded feature of the world.
fn codes(world: &World) -> impl Iterator<Item = &str> {
    world
        .features
        .iter()
        .map(|f| f.code.as_str())
        .filter(|c| !c.is_empty())
}

/// Band edges (lowest value of bands 2..=5) for a figure: quantiles of the values.
pub fn band_edges(data: &MapData) -> Vec<f64> {
    let mut v: Vec<f64> = data.values.values().copied().collect();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return Vec::new();
    }
    let mut edges: Vec<f64> = (1..colors::BANDS.len())
        .map(|k| v[k * v.len() / colors::BANDS.len()])
        .collect();
    edges.dedup();
    edges
}

/// The band a value falls in.
pub fn band(edges: &[f64], value: f64) -> usize {
    edges.iter().filter(|&&e| value >= e).count()
}

/// The colour a place is filled with.
pub fn fill_of(data: &MapData, edges: &[f64], code: &str) -> Color {
    if code.is_empty() {
        return colors::NO_DATA;
    }
    match data.figure {
        Some(_) => data
            .values
            .get(code)
            .map_or(colors::NO_DATA, |v| colors::BANDS[band(edges, *v)]),
        None => status_color(data.status_of(code)),
    }
}

fn amount(figure: Figure, v: f64) -> String {
    match figure {
        Figure::Library => {
            let n = v.round() as u64;
            if n >= 1000 {
                format!("{},{:03}", n / 1000, n % 1000)
            } else {
                n.to_string()
            }
        }
        Figure::Price => format!("${v:.2}"),
    }
}

/// The legend for `data` on `world`, its labels in `lang`.
pub fn entries(world: &World, data: &MapData, lang: Lang) -> Vec<Entry> {
    let Some(figure) = data.figure else {
        return STATUSES
            .iter()
            .map(|&s| Entry {
                label: status_label(s, lang),
                color: status_color(s),
                count: codes(world).filter(|c| data.status_of(c) == s).count(),
                status: Some(s),
            })
            .collect();
    };
    let edges = band_edges(data);
    let mut sorted: Vec<f64> = data.values.values().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let mut out = Vec::new();
    for b in 0..=edges.len() {
        let in_band: Vec<f64> = sorted
            .iter()
            .copied()
            .filter(|v| band(&edges, *v) == b)
            .collect();
        let (Some(lo), Some(hi)) = (in_band.first(), in_band.last()) else {
            continue;
        };
        out.push(Entry {
            label: format!("{} – {}", amount(figure, *lo), amount(figure, *hi)),
            color: colors::BANDS[b],
            count: codes(world)
                .filter(|c| data.values.get(*c).is_some_and(|v| band(&edges, *v) == b))
                .count(),
            status: None,
        });
    }
    out.push(Entry {
        label: t!(lang, "render-map-legend-no-figure"),
        color: colors::NO_DATA,
        count: codes(world)
            .filter(|c| !data.values.contains_key(*c))
            .count(),
        status: None,
    });
    out
}

/// The map's title: the service and the date of its newest fact (or the figures' month).
/// In `lang`.
pub fn title(data: &MapData, lang: Lang) -> String {
    let service = data.service_name();
    match data.figure {
        Some(f) => t!(
            lang,
            "render-map-figure-title",
            service = service,
            figure = t!(
                lang,
                match f {
                    Figure::Library => "render-map-figure-library",
                    Figure::Price => "render-map-figure-price",
                }
            ),
            date = data
                .values_as_of
                .as_deref()
                .map(|m| crate::answer::words::month(m, lang))
                .unwrap_or_else(|| t!(lang, "render-map-date-unknown"))
        ),
        None => t!(
            lang,
            "render-map-availability-title",
            service = service,
            date = data
                .newest
                .clone()
                .unwrap_or_else(|| t!(lang, "render-map-undated"))
        ),
    }
}

/// Names of the places with facts of their own in `status`, with since-dates, in `lang`
/// (Chinese names for the places the essay names).
pub fn places_in(data: &MapData, status: Status, lang: Lang) -> Vec<String> {
    data.places
        .values()
        .filter(|p| p.status == status)
        .map(|p| {
            let name = crate::render::words::place(&p.code, &p.name, lang);
            match &p.since {
                Some(s) => t!(lang, "render-map-since", place = name, since = s),
                None => name,
            }
        })
        .collect()
}

/// The picture in words, for screen readers (at most `max` characters), in `lang`.
pub fn alt_text(world: &World, data: &MapData, max: usize, lang: Lang) -> String {
    let legend = entries(world, data, lang);
    let (stop, comma) = match lang {
        Lang::En => (". ", ", "),
        Lang::Zh | Lang::ZhTw => ("。", "、"),
    };
    let mut out = t!(lang, "render-map-alt-start", title = title(data, lang));
    out.push_str(match lang {
        Lang::En => " ",
        Lang::Zh | Lang::ZhTw => "",
    });
    let count = |e: &Entry| {
        t!(
            lang,
            "render-map-alt-count",
            label = &e.label,
            count = e.count.to_string()
        )
    };
    match data.figure {
        Some(_) => {
            out.push_str(&t!(lang, "render-map-alt-darker"));
            out.push_str(match lang {
                Lang::En => " ",
                Lang::Zh | Lang::ZhTw => "",
            });
            for e in &legend {
                out.push_str(&count(e));
                out.push_str(stop);
            }
        }
        None => {
            for e in &legend {
                let Some(s) = e.status else { continue };
                out.push_str(&count(e));
                let named = places_in(data, s, lang);
                if s != Status::Available && !named.is_empty() && named.len() <= 12 {
                    match lang {
                        Lang::En => out.push_str(&format!(" ({})", named.join(comma))),
                        Lang::Zh | Lang::ZhTw => {
                            out.push_str(&format!("（{}）", named.join(comma)))
                        }
                    }
                }
                out.push_str(stop);
            }
        }
    }
    crate::render::embed::clip(out.trim_end(), max)
}
