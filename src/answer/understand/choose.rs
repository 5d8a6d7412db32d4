//! Choosing the question from a tagged text. The order of the rules is the documented
//! precedence (README, "What the bot understands"): a title's whole name; the documents; a
//! place with a why or an availability word; a title with where/what words; people; filters
//! (titles); and last a search of the words that are left.

use super::names::{ARTICLES, close_to_a_title, found, name_in, person_alone, person_near, title};
use super::reading::Reading;
use super::tag::{Mark, Tagged};
use super::{Understanding, UsageError};
use crate::answer::request::{Request, TitlesArgs};
use crate::lexicon::Tag;
use crate::search::{Engine, Role, TitleSort};

/// Punctuation around a whole question (`Okja?`, `「流浪地球」`).
fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && !crate::text::is_cjk(c))
}

/// Whether a tag is about how a question is asked rather than what it is about.
fn is_question_word(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Filler
            | Tag::Why
            | Tag::Available
            | Tag::Where
            | Tag::Info
            | Tag::Docs
            | Tag::Help
            | Tag::Count
            | Tag::Recent
            | Tag::Added
            | Tag::Released
            | Tag::Similar
            | Tag::Director
            | Tag::Cast
            | Tag::Person
            | Tag::Map
    )
}

/// The words a search should look for: everything but question and filler words, and whole
/// glossary phrases even when they hold a filler character (`科学上网`).
fn content_words(t: &Tagged) -> String {
    let glossed = crate::lexicon::Lexicon::global().gloss_spans(&t.tokens);
    let keep = (0..t.tokens.len()).filter(|&i| {
        glossed.iter().any(|(span, _)| span.contains(&i))
            || t.span_of[i].is_none_or(|s| {
                !t.spans[s]
                    .marks
                    .iter()
                    .all(|m| matches!(m, Mark::Tag(tag) if is_question_word(tag)))
            })
    });
    t.words_of(keep)
}

/// The text after the where/what words, up to a trailing service or question words: the
/// name in "where can I watch The Chinese Botanist's Daughters on Netflix?".
fn tail_after_question(t: &Tagged) -> Option<(usize, usize)> {
    let asked = t
        .spans
        .iter()
        .position(|s| s.has(&Tag::Where) || s.has(&Tag::Info))?;
    let from = t.spans[asked].to;
    let mut to = t.tokens.len();
    while to > from
        && t.span_of[to - 1].is_some_and(|s| {
            t.spans[s].marks.iter().all(|m| {
                matches!(m, Mark::Tag(tag) if is_question_word(tag) || matches!(tag, Tag::Service(_)))
            })
        })
    {
        to -= 1;
    }
    (to > from).then_some((from, to))
}

pub(super) fn choose(engine: &Engine, t: &Tagged) -> Result<Understanding, UsageError> {
    let mut r = Reading::of(t);
    let only = |request| Ok(Understanding::only(request));
    let whole = trim_punct(t.text);
    let one_phrase = t.spans.len() == 1 && t.spans[0].from == 0 && t.spans[0].to == t.tokens.len();

    // 1. A title's whole name ("The Witcher", "New Girl", "流浪地球").
    if !one_phrase && found(engine.title_exists(whole)) {
        return only(Request::Title {
            name: whole.to_string(),
            service: None,
            place: None,
        });
    }
    // 2. The documents ("what does the essay say about censorship?").
    if r.docs {
        return only(Request::Search {
            text: content_words(t),
            documents: true,
        });
    }
    // 2a. A service this bot does not cover ("can I get Peacock in Japan", "爱奇艺在美国能看吗"),
    // unless a covered one is named too: said so, never answered with another's facts.
    if let (Some(name), None) = (&r.other, &r.service) {
        return only(Request::Uncovered { name: name.clone() });
    }
    // 2b. A map ("show me the Netflix map", "which countries have Hulu", "网飞在哪些国家能看").
    if r.map && r.place.is_none() {
        return only(map_request(&r));
    }
    let runs = t.loose_runs();
    let title = runs
        .iter()
        .find_map(|&run| title(engine, t, run))
        .or_else(|| {
            let tail = tail_after_question(t)?;
            let name = t.text_of(tail.0, tail.1);
            found(engine.title_exists(name)).then(|| (name.to_string(), tail))
        })
        .or_else(|| {
            let (name, span) = r.titles.first()?;
            Some((name.clone(), (t.spans[*span].from, t.spans[*span].to)))
        });
    // A date inside a title's name ("Reply 1988", "August Rush") is part of the name, not a
    // filter.
    if let Some((_, (from, to))) = &title
        && t.spans
            .iter()
            .any(|s| s.from >= *from && s.to <= *to && s.marks.iter().any(Mark::is_date))
    {
        r.years = None;
        r.added = None;
        r.relative = None;
    }
    // A covered and an uncovered service with nothing to list ("is Netflix better than
    // iQIYI"): the uncovered one is the question; never dropped silently.
    if let Some(name) = &r.other
        && title.is_none()
        && !r.filters()
        && r.place.is_none()
        && r.origin.is_none()
    {
        return only(Request::Uncovered { name: name.clone() });
    }
    // "the movie Okja": a kind word with an article, just before the name, describes it.
    let described = title.as_ref().is_some_and(|(_, (from, _))| {
        t.span_of
            .get(from.wrapping_sub(1))
            .copied()
            .flatten()
            .is_some_and(|k| {
                let kind = &t.spans[k];
                kind.marks
                    .iter()
                    .all(|m| matches!(m, Mark::Tag(Tag::Kind(_))))
                    && kind.from > 0
                    && ARTICLES.contains(&t.tokens[kind.from - 1].text.as_str())
            })
    });
    // The place asked about with a title, unless it is a word of the title's name.
    let title_place = match (&title, &r.place, r.place_span) {
        (Some((_, (from, to))), Some(place), Some(span))
            if t.spans[span].to <= *from || t.spans[span].from >= *to =>
        {
            Some(place.clone())
        }
        _ => None,
    };
    let title_request = |name: String| Request::Title {
        name,
        service: r.service.clone(),
        place: title_place.clone(),
    };

    // 3a. A title in a place: "can I watch The Mandalorian in China?", "is Loki available in
    //     Crimea", "我在中国怎么看鱿鱼游戏" — answered for the title's services there. "Why is
    //     Netflix not in China lol" asks about the service, whatever `lol` is.
    if let Some((name, _)) = &title
        && title_place.is_some()
        && !(r.why && r.service.is_some())
        && (r.where_ || r.available || r.why || r.info || !r.filters())
    {
        return only(title_request(name.clone()));
    }

    // 2c. A ranking: most watched, cheapest, biggest library, prices compared.
    if let Some(args) = super::ranking::ranking(&r, title.is_some()) {
        return only(Request::Top(args));
    }

    // 3. A place, and why or whether a service is there.
    // "为什么中国的影视作品在海外不受欢迎" asks why about a place but not about a service: the
    // documents answer it.
    let untagged = (0..t.tokens.len()).filter(|&i| t.is_untagged(i)).count();
    if r.place.is_some() && r.why && r.service.is_none() && !r.available && untagged >= 2 {
        return only(Request::Search {
            text: content_words(t),
            documents: true,
        });
    }
    if let Some(place) = &r.place
        && (r.why || r.available || (title.is_none() && !r.filters()))
    {
        let also = (!r.why && !r.available && r.service.is_none()).then(|| {
            Request::Titles(TitlesArgs {
                origin: Some(place.clone()),
                page: 1,
                ..TitlesArgs::default()
            })
        });
        return Ok(Understanding {
            request: Request::WhyNot {
                place: place.clone(),
                service: r.service.clone(),
            },
            also,
        });
    }
    // 3b. Titles like a title ("shows like Stranger Things on Netflix", "类似鱿鱼游戏的剧").
    if r.similar
        && let Some((name, _)) = &title
    {
        return only(Request::Similar {
            name: name.clone(),
            service: r.service.clone(),
            kind: r.kind,
        });
    }
    // 4. A title by its name, with where/what words or a service ("is Parasite on Hulu").
    if let Some((name, _)) = title.clone()
        && (r.where_ || r.info || r.why || !r.filters() || (described && !r.filters_but_kind()))
    {
        return only(title_request(name));
    }
    // 5. Why, without a place: "why can't Chinese people use Netflix" is about China;
    //    "why do Chinese productions struggle abroad" is a question for the documents.
    if r.why {
        if let (Some(origin), Some(_)) = (&r.origin, &r.service) {
            return only(Request::WhyNot {
                place: origin.clone(),
                service: r.service.clone(),
            });
        }
        return only(Request::Search {
            text: content_words(t),
            documents: true,
        });
    }
    // 6. People: "films directed by Bong Joon Ho", "Lee Jung-jae主演的剧", "Bong Joon Ho".
    let mut person = r
        .people
        .iter()
        .find_map(|&(marker, role)| person_near(engine, t, marker, role));
    if person.is_none()
        && let Some((name, span)) = r.names.first()
    {
        let c = found(engine.credits(name));
        let wanted = r.people.iter().find_map(|&(_, role)| role);
        let role = match wanted {
            Some(role) => role,
            None if c.directed >= c.acted && c.directed > 0 => Role::Director,
            None => Role::Cast,
        };
        let s = &t.spans[*span];
        person = Some((role, name.clone(), (s.from, s.to)));
    }
    if person.is_none() && title.is_none() {
        person = runs
            .iter()
            .find_map(|&run| person_alone(engine, t, run).map(|(role, name)| (role, name, run)));
    }
    // 7. Where/what about a name that is not a title's exact name: the title answer finds the
    //    closest names, or says it is in none of the catalogues.
    if person.is_none()
        && (r.where_ || r.info)
        && let Some((a, b)) = tail_after_question(t).or_else(|| runs.first().copied())
    {
        let name = if (a..b).all(|i| t.is_loose(i)) {
            t.text_of(a, b).to_string()
        } else {
            t.words_of((a..b).filter(|&i| t.is_untagged(i)))
        };
        if (a..b).any(|i| t.is_untagged(i)) {
            return only(title_request(name));
        }
    }
    // "is Sqiud Game on Netflix": a service and one misspelled name, nothing else.
    if person.is_none()
        && r.service.is_some()
        && !r.filters()
        && r.origin.is_none()
        && let [run] = runs.as_slice()
    {
        let name = name_in(t, *run);
        // "is Oppenheimer on Prime?": the shape asks about one title, found or not (the title
        // answer says it is in none of the catalogues, with close names), never a text search.
        if close_to_a_title(engine, &name) || asks_is_it_on(t, *run) {
            return only(title_request(name));
        }
    }
    // "where is Hulu available?": a service, where or availability words, nothing else.
    if person.is_none()
        && title.is_none()
        && r.service.is_some()
        && (r.where_ || r.available)
        && r.place.is_none()
        && r.origin.is_none()
        && !r.filters()
        && runs.is_empty()
    {
        return only(map_request(&r));
    }
    // 8. Titles by their filters.
    let any_filter = r.filters()
        || person.is_some()
        || r.service.is_some()
        || r.origin.is_some()
        || r.place.is_some();
    if any_filter {
        return Ok(titles(engine, t, &r, person));
    }
    // 9. Words alone: a misspelled title's name, or a search. Greetings get the help; text
    //    without a word gets "nothing matches".
    let content = content_words(t);
    if content.is_empty() {
        if t.tokens.is_empty() {
            return only(Request::Search {
                text: t.text.to_string(),
                documents: false,
            });
        }
        return only(Request::Help);
    }
    if let [run] = runs.as_slice() {
        let name = name_in(t, *run);
        if close_to_a_title(engine, &name) {
            return only(title_request(name));
        }
    }
    only(Request::Search {
        text: content,
        documents: false,
    })
}

/// Whether the question is "is <run> on|available on <service>" (`is Oppenheimer on prime`,
/// `is Barbie available on Netflix?`): the run (which holds the filler around the name) starts
/// the question and ends at the word before the service.
fn asks_is_it_on(t: &Tagged, (from, to): (usize, usize)) -> bool {
    const ASK: &[&str] = &["is", "isnt", "are", "was"];
    const ON: &[&str] = &["on", "available", "streaming"];
    let word = |i: usize| t.tokens.get(i).map(|w| w.text.as_str());
    from == 0
        && to >= 2
        && word(0).is_some_and(|w| ASK.contains(&w))
        && (word(to - 1).is_some_and(|w| ON.contains(&w))
            || word(to).is_some_and(|w| ON.contains(&w)))
}

/// A map of the service named (or Netflix), shaded by a figure if one was named.
fn map_request(r: &Reading) -> Request {
    Request::Map {
        service: r.service.clone(),
        figure: r.figure.as_deref().and_then(crate::answer::Figure::parse),
    }
}

/// A titles question from the filters, with the words no tag took as the query.
fn titles(
    engine: &Engine,
    t: &Tagged,
    r: &Reading,
    person: Option<(Role, String, (usize, usize))>,
) -> Understanding {
    // "Korean shows I can watch in Hong Kong": made in Korea, watched in Hong Kong.
    let (origin, watch_in) = match (&r.origin, &r.place) {
        (Some(o), Some(p)) => (Some(o.clone()), Some(p.clone())),
        _ => (r.place.clone().or_else(|| r.origin.clone()), None),
    };
    let mut args = TitlesArgs {
        origin,
        watch_in,
        kind: r.kind,
        service: r.service.clone(),
        years: r.years,
        added: r.added,
        sort: r.recent.then_some(TitleSort::Added),
        count: r.count,
        mine: r.mine && r.service.is_none(),
        page: 1,
        ..TitlesArgs::default()
    };
    // "this year", "去年": read by the newest addition of the service asked about (or any).
    if let Some((when, words, released)) = &r.relative
        && let Some(newest) = engine
            .info()
            .latest_added(r.service.as_deref())
            .and_then(crate::corpus::parse_day)
    {
        let span = when.resolve(newest.month_of());
        if *released {
            args.years = Some((span.from.year, span.to.year));
        } else {
            args.added = Some(span);
        }
        args.relative = Some(words.clone());
    }
    let mut genres = r.genres.clone();
    let mut used = Vec::new();
    if let Some((role, name, span)) = person {
        match role {
            Role::Director => args.director = Some(name),
            Role::Cast => args.cast = Some(name),
        }
        used.push(span);
    }
    let mut rest = Vec::new();
    for i in 0..t.tokens.len() {
        if !t.is_untagged(i) || used.iter().any(|&(a, b)| (a..b).contains(&i)) {
            continue;
        }
        let word = &t.tokens[i];
        if !word.cjk && engine.is_genre_word(&word.text) {
            if !genres.contains(&word.text) {
                genres.push(word.text.clone());
            }
        } else {
            rest.push(i);
        }
    }
    if !genres.is_empty() {
        args.genre = Some(genres.join(" "));
    }
    let query = t.words_of(rest);
    if !query.is_empty() {
        args.query = Some(query);
        args.loose_query = true;
    }
    let also = match (
        &args.origin,
        r.filters() || args.query.is_some() || args.service.is_some(),
    ) {
        (Some(origin), false) if args.director.is_none() && args.cast.is_none() => {
            Some(Request::WhyNot {
                place: origin.clone(),
                service: None,
            })
        }
        // "Netflix from China" may also ask whether Netflix can be used there.
        (Some(origin), true) if r.from_place && !r.filters() && args.query.is_none() => {
            Some(Request::WhyNot {
                place: origin.clone(),
                service: args.service.clone(),
            })
        }
        _ => None,
    };
    Understanding {
        request: Request::Titles(args),
        also,
    }
}
