//! Rendering: any answer stays inside every Discord limit, with mentions defused.

use super::*;

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Every Discord limit and no live mention ([`streambot::render::check`]), and each embed's
/// character count is the sum of its parts.
fn assert_within_limits(embeds: &[Embed]) -> Result<(), TestCaseError> {
    let broken = check::violations(embeds);
    prop_assert!(broken.is_empty(), "{:?}", broken);
    for e in embeds {
        let counted = chars(&e.title)
            + chars(&e.description)
            + chars(&e.footer)
            + e.fields
                .iter()
                .map(|f| chars(&f.name) + chars(&f.value))
                .sum::<usize>();
        prop_assert_eq!(e.chars(), counted);
    }
    Ok(())
}

/// The embeds, the terminal text and the JSON of one answer, each checked.
pub(crate) fn assert_renders(a: &Answer) -> Result<(), TestCaseError> {
    assert_within_limits(&embed::embeds(a))?;
    let text = streambot::render::text(a);
    prop_assert!(text.contains(&a.message), "the text leaves out the message");
    let json: serde_json::Value =
        serde_json::from_str(&streambot::render::json(a)).expect("the JSON parses");
    prop_assert_eq!(json["message"].as_str(), Some(a.message.as_str()));
    prop_assert_eq!(json["query"].as_str(), Some(a.query.as_str()));
    prop_assert_eq!(
        json["titles"].as_array().map(Vec::len),
        Some(a.titles().len())
    );
    prop_assert_eq!(
        json["facts"].as_array().map(Vec::len),
        Some(a.facts().len())
    );
    Ok(())
}

fn source() -> impl Strategy<Value = String> {
    prop_oneof![
        short(),
        short().prop_map(|s| format!("https://{s}")),
        "https?://[a-z@<>.&#]{1,12}/[a-z@<>()\\[\\]_*`]{0,12}",
        short().prop_map(|s| format!("doc:{s}")),
        (short(), short()).prop_map(|(d, p)| format!("doc:{d}#{p}")),
    ]
}

fn fact() -> impl Strategy<Value = Fact> {
    (
        hostile(),
        hostile(),
        prop::collection::vec(source(), 0..5),
        prop::option::of(short()),
        prop::option::of(short()),
    )
        .prop_map(|(label, value, sources, since, confidence)| Fact {
            label,
            value,
            source: sources.join("; "),
            sources,
            since,
            confidence,
        })
}

fn citation() -> impl Strategy<Value = Citation> {
    let consistent = (
        0..100_000usize,
        hostile(),
        prop::collection::vec((0..400usize, 0..400usize), 0..6),
    )
        .prop_map(|(start, text, spans)| {
            let end = start + text.len();
            let highlights = spans
                .into_iter()
                .map(|(a, b)| [start + a, start + b])
                .collect();
            (start, end, text, highlights)
        });
    let arbitrary = (
        any::<usize>(),
        any::<usize>(),
        hostile(),
        prop::collection::vec(any::<[usize; 2]>(), 0..4),
    );
    (
        short(),
        short(),
        any::<u32>(),
        prop_oneof![3 => consistent, 1 => arbitrary],
    )
        .prop_map(
            |(document, document_title, paragraph, (start, end, text, highlights))| Citation {
                document,
                document_title,
                paragraph,
                start,
                end,
                text,
                highlights,
            },
        )
}

fn service() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(service_ids()).prop_map(String::from),
        short(),
    ]
}

fn title_card() -> impl Strategy<Value = TitleCard> {
    let names = (
        short(),
        hostile(),
        prop::option::of(short()),
        prop::sample::select(vec![Kind::Movie, Kind::Tv]),
        prop::option::of(any::<u16>()),
    );
    let lists = (
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec!["CN", "KP", "UA-43", "SUHH", "US"])
                    .prop_map(String::from),
                short()
            ],
            0..5,
        ),
        prop::collection::vec(short(), 0..5),
        prop::collection::vec(short(), 0..8),
        prop::collection::vec(service(), 0..5),
        prop::collection::vec(short(), 0..4),
        prop::collection::vec(short(), 0..40),
    );
    let rest = (
        prop::option::of(short()),
        prop::option::of(short()),
        hostile(),
        prop::collection::vec((service(), short()), 0..4),
        prop::collection::vec(source(), 0..5),
    );
    (names, lists, rest).prop_map(
        |(
            (id, title, aka, kind, year),
            (origin, countries, genres, services, director, cast),
            (rating, duration, description, added, sources),
        )| TitleCard {
            id,
            title,
            aka,
            kind,
            year,
            origin,
            countries,
            genres,
            services,
            director,
            cast,
            rating,
            duration,
            description,
            added: added
                .into_iter()
                .map(|(service, date)| Added { service, date })
                .collect(),
            sources,
            yours: Vec::new(),
        },
    )
}

fn arbitrary_answer() -> impl Strategy<Value = Answer> {
    let kinds = vec![
        AnswerKind::WhyNot,
        AnswerKind::Titles,
        AnswerKind::Title,
        AnswerKind::Search,
        AnswerKind::NotFound,
        AnswerKind::Help,
        AnswerKind::Map,
        AnswerKind::Ranking,
    ];
    let counts = prop_oneof![0..30usize, any::<usize>()];
    let head = (
        prop::sample::select(kinds),
        hostile(),
        prop::option::of(service()),
        prop::option::of((short(), short()).prop_map(|(code, name)| PlaceRef { code, name })),
        prop::option::of(prop::sample::select(vec![
            Status::Available,
            Status::Unavailable,
            Status::Suspended,
            Status::Unknown,
        ])),
    );
    let body = (
        prop::collection::vec(fact(), 0..40),
        prop::collection::vec(citation(), 0..8),
        prop::collection::vec(title_card(), 0..14),
    );
    let tail = (
        counts.clone(),
        counts.clone(),
        counts,
        hostile(),
        prop::collection::vec(short(), 0..5),
        prop::sample::select(streambot::i18n::Lang::ALL.to_vec()),
    );
    (head, body, tail).prop_map(
        |(
            (kind, query, service, place, status),
            (facts, citations, titles),
            (total, page, pages, message, suggestions, lang),
        )| {
            let service = service.unwrap_or_else(|| "netflix".to_string());
            let place = place.unwrap_or_else(|| PlaceRef {
                code: "CN".into(),
                name: "China".into(),
            });
            let body = match kind {
                AnswerKind::WhyNot => Body::WhyNot(WhyNot {
                    service,
                    place,
                    status: status.unwrap_or(Status::Unknown),
                    facts,
                    citations,
                    other_services: suggestions,
                }),
                AnswerKind::Titles => Body::Titles(TitlesPage {
                    service: Some(service),
                    place: Some(place),
                    titles,
                    total,
                    page,
                    pages,
                    ignored: Vec::new(),
                    similar_to: None,
                }),
                AnswerKind::Title => match titles.into_iter().next() {
                    // With a place half the time (the status decides which).
                    Some(card) => Body::Title(Box::new(TitleFound {
                        in_place: status.map(|status| streambot::answer::InPlace {
                            place,
                            status,
                            availability: vec![streambot::answer::Availability {
                                service: service.clone(),
                                status,
                                since: None,
                                category: None,
                            }],
                            facts,
                            citations,
                            available_there: Vec::new(),
                            why_not: Vec::new(),
                            saved_region: false,
                        }),
                        service: Some(service),
                        card,
                        close_names: suggestions,
                    })),
                    None => Body::Help,
                },
                AnswerKind::Search => Body::Search(Found { citations, titles }),
                AnswerKind::Settings => Body::Settings(streambot::answer::SettingsView {
                    yours: None,
                    server_region: None,
                    done: streambot::answer::settings::Done::Unavailable,
                }),
                AnswerKind::NotFound => Body::NotFound(NotFound {
                    service: Some(service),
                    place: Some(place),
                    total,
                    page,
                    pages,
                    close_names: suggestions.clone(),
                    examples: suggestions,
                    ..NotFound::default()
                }),
                AnswerKind::Ranking => Body::Ranking(streambot::answer::ranking::RankingPage {
                    metric: streambot::domain::Metric::Views,
                    unit: "views",
                    as_of: Some("2025-01..2025-06".into()),
                    sources: suggestions.clone(),
                    lowest: false,
                    rows: titles
                        .iter()
                        .enumerate()
                        .map(|(i, t)| streambot::answer::ranking::RankRow {
                            rank: i + 1,
                            name: t.title.clone(),
                            value: total.wrapping_mul(1_000_003) as f64,
                            place: None,
                            title: Some(t.title.clone()),
                            kind: Some(t.kind),
                            release_date: Some(message.clone()),
                            available_globally: Some(i % 2 == 0),
                            views: Some(total as u64),
                            hours: Some(page as u64),
                            also: Vec::new(),
                        })
                        .collect(),
                    total,
                    page,
                    pages,
                }),
                AnswerKind::Help | AnswerKind::Map => Body::Help,
            };
            let mut a = Answer::new(query, message, body);
            a.lang = lang;
            a.other_reading = status.map(|s| format!("/why-not {}", s.as_str()));
            a
        },
    )
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn any_answer_renders_inside_every_discord_limit(a in arbitrary_answer()) {
        assert_renders(&a)?;
    }

    /// Usage errors are sent as message content: clipped to 2,000 characters, a prefix of the
    /// message when cut and the whole message otherwise.
    #[test]
    fn clip_keeps_content_inside_the_limit(s in hostile(), max in 1..5000usize) {
        let c = embed::clip(&s, max);
        prop_assert!(chars(&c) <= max);
        if chars(&s) <= max {
            prop_assert_eq!(&c, &s);
        } else {
            let kept = c.strip_suffix('…').expect("a cut ends with …");
            prop_assert!(s.starts_with(kept));
        }
        prop_assert!(chars(&embed::clip(&s, limits::CONTENT)) <= limits::CONTENT);
    }

    #[test]
    fn escaped_text_is_defused(s in hostile()) {
        let escaped = embed::escape(&s);
        prop_assert_eq!(check::undefused(&escaped), None, "{:?}", escaped);
    }
}
