//! The benchmark's questions: a seeded set of each shape (why-not, titles by origin and type,
//! free text, misspelled names, a title in a place, routing in English and mixed Chinese, autocomplete, maps), in a
//! form both our engine and the FTS5 peer can answer.

use super::map;
use super::synthetic::{Rng, typo};
use crate::corpus::{Kind, Title};
use crate::places::Places;

/// One question, in the form both engines can answer.
#[derive(Debug, Clone)]
pub(super) enum Q {
    WhyNot(String),
    OriginType(String, Kind),
    Text(String),
    Fuzzy(String),
    Route(String),
    Complete(String, String),
    /// `/map <service>`, drawn as a PNG.
    Map(&'static str),
    /// `/title name:…` asked by one of [`SETTINGS_USERS`] users, answered for the region their
    /// settings hold (read from the SQLite store each time).
    Saved(u64, String),
}

/// How many users the settings shape's store holds.
pub(super) const SETTINGS_USERS: u64 = 10_000;

impl Q {
    pub(super) fn input(&self) -> String {
        match self {
            Q::WhyNot(p) => format!("/why-not {p}"),
            Q::OriginType(c, k) => format!("/titles origin:{c} type:{}", k.as_str()),
            Q::Text(w) => format!("/titles query:{w}"),
            Q::Fuzzy(n) => format!("/title {n}"),
            Q::Route(t) => t.clone(),
            Q::Complete(t, _) => t.clone(),
            Q::Map(s) => format!("/map {s}"),
            Q::Saved(_, t) => format!("/title name:\"{t}\""),
        }
    }
}

/// Words of at least four letters from real descriptions, for text queries.
fn desc_words(t: &Title) -> Vec<String> {
    t.description
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

pub(super) fn queries(rng: &mut Rng, n: usize, titles: &[Title]) -> Vec<(&'static str, Vec<Q>)> {
    let places = Places::global().all();
    let common = [
        "china",
        "russia",
        "north korea",
        "syria",
        "iran",
        "crimea",
        "cuba",
        "PRC",
        "中国",
        "United States",
        "india",
        "japan",
    ];
    let place_name = |rng: &mut Rng| -> String {
        match rng.below(10) {
            0..=3 => rng.pick(&common).to_string(),
            4..=5 => rng.pick(places).code.clone(),
            6..=7 => {
                let name = rng.pick(places).name.clone();
                let edits = 1 + rng.below(2);
                typo(rng, &name, edits)
            }
            _ => rng.pick(places).name.clone(),
        }
    };
    let mut why = Vec::with_capacity(n);
    let mut origin = Vec::with_capacity(n);
    let mut text = Vec::with_capacity(n);
    let mut fuzzy = Vec::with_capacity(n);
    let mut route = Vec::with_capacity(n);
    let mut mixed = Vec::with_capacity(n);
    let mut ranking = Vec::with_capacity(n);
    let chinese_places = crate::lexicon::Lexicon::global().place_names();
    let services = [
        "Netflix",
        "Hulu",
        "Prime Video",
        "Disney+",
        "网飞",
        "迪士尼",
        "亚马逊",
    ];
    let mut complete = Vec::with_capacity(n);
    let mut in_place = Vec::with_capacity(n);
    let mut saved = Vec::with_capacity(n);
    let genres = [
        "comedy",
        "drama",
        "horror",
        "documentary",
        "action",
        "romantic",
    ];
    for _ in 0..n {
        why.push(Q::WhyNot(place_name(rng)));
        let t = rng.pick(titles);
        let code = t.origin.first().cloned().unwrap_or_else(|| "US".into());
        let kind = if rng.chance(50) {
            Kind::Movie
        } else {
            Kind::Tv
        };
        origin.push(Q::OriginType(code, kind));
        let words = desc_words(rng.pick(titles));
        let q = if words.is_empty() {
            "family".to_string()
        } else if rng.chance(50) {
            rng.pick(&words).clone()
        } else {
            format!("{} {}", rng.pick(&words), rng.pick(&words))
        };
        text.push(Q::Text(q));
        let name = &rng.pick(titles).title;
        let edits = 1 + rng.below(2);
        fuzzy.push(Q::Fuzzy(typo(rng, name, edits)));
        let place = rng.pick(places);
        let adjective = Places::global()
            .adjective(&place.code)
            .unwrap_or("Korean")
            .to_string();
        let title = &rng.pick(titles).title;
        let service = rng.pick(&services);
        let month = rng.pick(&MONTHS);
        let year = 2016 + rng.below(6);
        let r = match rng.below(14) {
            0 => format!("{adjective} movies on Netflix"),
            1 => format!("why can't I watch Netflix in {}?", place.name),
            2 => format!("{adjective} {} shows", rng.pick(&genres)),
            3 => format!("is Netflix available in {}", place.name),
            4 => format!("{} movies from {}", rng.pick(&genres), place.name),
            5 => format!("where can I watch {title}?"),
            6 => format!("is {title} on {service}"),
            7 => format!("what's new on {service}"),
            8 => format!("how many {adjective} movies are on {service}"),
            // Issue 21: months and added verbs, relative dates, uncovered services, asides.
            10 => format!("hey, what did {service} add in {month} {year}?"),
            11 => format!("{adjective} shows added to {service} last year"),
            12 => format!("can I get Peacock in {}", place.name),
            13 => format!(
                "sup, anything new on {service} this week?? {}",
                rng.pick(&words_or(&words))
            ),
            _ => format!("movies about {}", rng.pick(&words_or(&words))),
        };
        route.push(Q::Route(r));
        let (cn_place, _) = rng.pick(chinese_places);
        let m = match rng.below(12) {
            0 => format!("{cn_place}电影"),
            1 => format!("{service}最新的{cn_place}电视剧"),
            2 => format!("为什么{cn_place}不能看{service}"),
            3 => format!("{title}在哪里看"),
            4 => format!("{}年的{cn_place}电视剧", 1990 + rng.below(32)),
            5 => format!("{adjective} movies 在 {service} 上有多少"),
            6 => format!("{service}在{cn_place}能用吗？"),
            8 => format!("{year}年{}月{service}上了哪些电影", 1 + rng.below(12)),
            9 => format!("嗨，去年{service}上架的{cn_place}电影"),
            10 => rng.pick(&ESSAY_QUESTIONS).to_string(),
            11 => format!("爱奇艺在{cn_place}能看吗"),
            _ => format!("{cn_place}的纪录片 on {service}"),
        };
        mixed.push(Q::Route(m));
        // A title in a place, as a command, in English and in Chinese.
        let named = &rng.pick(titles).title;
        in_place.push(Q::Route(match rng.below(3) {
            0 => format!("/title {named} place:{}", place_name(rng)),
            1 => format!("can I watch {named} in {}?", rng.pick(&common)),
            _ => format!("在{cn_place}能看{named}吗"),
        }));
        // Rankings (issue 22): commands and questions, both languages, places compared.
        let (other_cn, _) = rng.pick(chinese_places);
        ranking.push(Q::Route(match rng.below(8) {
            0 => "/top".to_string(),
            1 => "/top type:tv by:hours".to_string(),
            2 => format!("/top type:movie year:{}", 2015 + rng.below(11)),
            3 => "cheapest country for netflix".to_string(),
            4 => format!("how much is netflix in {}", place.name),
            5 => format!("{cn_place}和{other_cn}的网飞价格"),
            6 => "网飞上最受欢迎的剧".to_string(),
            _ => format!("/top by:library page:{}", 1 + rng.below(7)),
        }));
        let user = 1 + rng.below(SETTINGS_USERS as usize) as u64;
        saved.push(Q::Saved(user, rng.pick(titles).title.clone()));
        let title = &rng.pick(titles).title;
        let cut: String = title.chars().take(1 + rng.below(6)).collect();
        let pcut: String = place.name.chars().take(1 + rng.below(4)).collect();
        complete.push(Q::Complete(cut, pcut));
    }
    vec![
        ("why_not", why),
        ("titles_origin_type", origin),
        ("titles_text", text),
        ("title_fuzzy", fuzzy),
        ("title_in_place", in_place),
        ("settings_read", saved),
        ("route", route),
        ("route_mixed", mixed),
        ("ranking", ranking),
        ("autocomplete", complete),
        ("map", map::questions(n)),
    ]
}

/// Month names as English questions write them.
const MONTHS: [&str; 6] = ["March", "sept", "October", "January", "june", "December"];

/// Chinese questions about the English essay (the glossary's terms).
const ESSAY_QUESTIONS: [&str; 4] = [
    "文章提到字幕组了吗",
    "作者怎么评价Netflix原创剧",
    "文章怎么说翻墙",
    "作者如何看待审查",
];

fn words_or(words: &[String]) -> Vec<String> {
    if words.is_empty() {
        vec!["love".to_string()]
    } else {
        words.to_vec()
    }
}
