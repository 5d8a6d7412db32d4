//! What the fuzz targets share: the engine over the curated `data/`, the checks every rendered
//! answer must pass (Discord's limits, mentions defused), and arbitrary answers built from the
//! fuzzer's bytes. Every check panics, so that libFuzzer records the input as a crash.

use std::path::Path;
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use streambot::answer::{Added, Answer, AnswerKind, Citation, Fact, PlaceRef, Request, TitleCard};
use streambot::corpus::{KNOWN_SERVICES, Kind, Status};
use streambot::render::check;
use streambot::render::embed::{self, Embed, limits};
use streambot::search::Engine;

/// One engine per fuzzing process, built from the repository's `data/` into a temporary
/// directory that is removed once the reader has the segments open.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("streambot-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let data = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")];
        let (engine, _) = Engine::open(&dir, &data, "fuzz", &|_, _| {}).expect("index builds");
        let _ = std::fs::remove_dir_all(&dir);
        engine
    })
}

pub fn is_service_id(s: &str) -> bool {
    KNOWN_SERVICES.iter().any(|(id, _)| *id == s)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Every Discord limit, and no live mention ([`streambot::render::check`]).
pub fn assert_within_limits(embeds: &[Embed]) {
    let broken = check::violations(embeds);
    assert!(broken.is_empty(), "{broken:?}");
}

/// Embeds, terminal text and JSON of one answer, each checked.
pub fn check_render(a: &Answer) {
    assert_within_limits(&embed::embeds(a));
    let text = streambot::render::text(a);
    assert!(text.contains(&a.message), "the text leaves out the message");
    let json: serde_json::Value =
        serde_json::from_str(&streambot::render::json(a)).expect("the JSON parses");
    assert_eq!(json["message"].as_str(), Some(a.message.as_str()));
    assert_eq!(
        json["titles"].as_array().map(Vec::len),
        Some(a.titles.len())
    );
    assert!(chars(&embed::clip(&a.message, limits::CONTENT)) <= limits::CONTENT);
}

/// What a parsed request promises, whatever the input.
pub fn check_request(input: &str, request: &Request) {
    match request {
        Request::WhyNot { place, service } => {
            assert!(!place.trim().is_empty(), "{input:?}: empty place");
            assert!(service.as_deref().is_none_or(is_service_id), "{service:?}");
        }
        Request::Titles(a) => {
            assert!((1..=100_000).contains(&a.page));
            assert!(a.service.as_deref().is_none_or(is_service_id));
            for (lo, hi) in [a.years, a.added].into_iter().flatten() {
                assert!(lo <= hi && lo >= 1800 && hi <= 2200, "{lo}-{hi}");
            }
            for v in [&a.origin, &a.genre, &a.query].into_iter().flatten() {
                assert!(!v.trim().is_empty(), "{input:?}: an empty option");
            }
        }
        Request::Title { name, .. } => assert!(!name.trim().is_empty()),
        Request::Search { text, documents } => assert!(*documents || !text.trim().is_empty()),
        Request::Map { service, .. } => {
            assert!(service.as_deref().is_none_or(is_service_id), "{service:?}");
        }
        Request::Help => {}
    }
}

const PIECES: &[&str] = &[
    "@everyone",
    "@here",
    "<@123>",
    "<@&123>",
    "<#456>",
    "**",
    "`",
    "```",
    "\\",
    "> ",
    "[x](https://e.com)",
    "\u{200b}",
    "…",
    "\n",
    "\u{1}",
    "\u{2}",
    "中国",
    "👍🏽",
    "e\u{301}",
    " ",
];

/// A string from the fuzzer: its own bytes, mention and markdown pieces, or a long repetition.
pub fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0u8..=9)? {
        0..=4 => u.arbitrary::<String>()?,
        5..=7 => {
            let n = u.int_in_range(0usize..=12)?;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(u.choose(PIECES)?);
                if u.arbitrary()? {
                    s.push_str(&u.arbitrary::<String>()?);
                }
            }
            s
        }
        _ => {
            let piece = if u.arbitrary()? {
                u.choose(PIECES)?.to_string()
            } else {
                u.arbitrary::<char>()?.to_string()
            };
            piece.repeat(u.int_in_range(1usize..=6000)?)
        }
    })
}

fn list(u: &mut Unstructured, max: usize) -> Result<Vec<String>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| text(u)).collect()
}

fn source(u: &mut Unstructured) -> Result<String> {
    let t = text(u)?;
    Ok(match u.int_in_range(0u8..=3)? {
        0 => t,
        1 => format!("https://{t}"),
        2 => format!("doc:{t}"),
        _ => format!("http://a.example/{}", t.replace(' ', "")),
    })
}

fn sources(u: &mut Unstructured) -> Result<Vec<String>> {
    let n = u.int_in_range(0..=4)?;
    (0..n).map(|_| source(u)).collect()
}

fn count(u: &mut Unstructured) -> Result<usize> {
    if u.arbitrary()? {
        u.int_in_range(0..=30)
    } else {
        u.arbitrary()
    }
}

fn title_card(u: &mut Unstructured) -> Result<TitleCard> {
    let services = {
        let n = u.int_in_range(0..=4)?;
        let mut v = Vec::new();
        for _ in 0..n {
            v.push(if u.arbitrary()? {
                u.choose(&KNOWN_SERVICES)?.0.to_string()
            } else {
                text(u)?
            });
        }
        v
    };
    let added_n = u.int_in_range(0..=3)?;
    let mut added = Vec::new();
    for _ in 0..added_n {
        added.push(Added {
            service: text(u)?,
            date: text(u)?,
        });
    }
    Ok(TitleCard {
        id: text(u)?,
        title: text(u)?,
        aka: u.arbitrary::<bool>()?.then(|| text(u)).transpose()?,
        kind: if u.arbitrary()? {
            Kind::Movie
        } else {
            Kind::Tv
        },
        year: u.arbitrary()?,
        origin: list(u, 4)?,
        countries: list(u, 4)?,
        genres: list(u, 6)?,
        services,
        director: list(u, 3)?,
        cast: list(u, 30)?,
        rating: u.arbitrary::<bool>()?.then(|| text(u)).transpose()?,
        duration: u.arbitrary::<bool>()?.then(|| text(u)).transpose()?,
        description: text(u)?,
        added,
        sources: sources(u)?,
    })
}

/// An arbitrary answer: every field from the fuzzer, consistent or not.
pub fn answer(u: &mut Unstructured) -> Result<Answer> {
    let kind = *u.choose(&[
        AnswerKind::WhyNot,
        AnswerKind::Titles,
        AnswerKind::Title,
        AnswerKind::Search,
        AnswerKind::NotFound,
        AnswerKind::Help,
        AnswerKind::Map,
    ])?;
    let mut a = Answer::new(kind, text(u)?);
    a.service = u.arbitrary::<bool>()?.then(|| text(u)).transpose()?;
    if u.arbitrary()? {
        a.place = Some(PlaceRef {
            code: text(u)?,
            name: text(u)?,
        });
    }
    a.status = match u.int_in_range(0u8..=4)? {
        0 => None,
        1 => Some(Status::Available),
        2 => Some(Status::Unavailable),
        3 => Some(Status::Unknown),
        _ => Some(Status::Suspended),
    };
    for _ in 0..u.int_in_range(0..=40)? {
        let sources = sources(u)?;
        a.facts.push(Fact {
            label: text(u)?,
            value: text(u)?,
            source: sources.join("; "),
            sources,
            since: u.arbitrary::<bool>()?.then(|| text(u)).transpose()?,
            confidence: u.arbitrary::<bool>()?.then(|| text(u)).transpose()?,
        });
    }
    for _ in 0..u.int_in_range(0..=6)? {
        let text_ = text(u)?;
        let start: usize = if u.arbitrary()? {
            u.int_in_range(0..=100_000)?
        } else {
            u.arbitrary()?
        };
        let end = if u.arbitrary()? {
            start.saturating_add(text_.len())
        } else {
            u.arbitrary()?
        };
        let mut highlights = Vec::new();
        for _ in 0..u.int_in_range(0..=5)? {
            let x: usize = u.int_in_range(0..=500)?;
            let y: usize = u.int_in_range(0..=500)?;
            highlights.push([start.saturating_add(x), start.saturating_add(y)]);
        }
        a.citations.push(Citation {
            document: text(u)?,
            document_title: text(u)?,
            paragraph: u.arbitrary()?,
            start,
            end,
            text: text_,
            highlights,
        });
    }
    for _ in 0..u.int_in_range(0..=12)? {
        a.titles.push(title_card(u)?);
    }
    a.total = count(u)?;
    a.page = count(u)?;
    a.pages = count(u)?;
    a.message = text(u)?;
    a.suggestions = list(u, 4)?;
    Ok(a)
}
