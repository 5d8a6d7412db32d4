//! Titles like a title (issue 22): the judgement recorded in README ("Similar titles") —
//! across a fixed sample of the catalogues' titles, the share of results that have one of the
//! title's specific genres (not "International Movies" or "Dramas") — and the behaviour people
//! see: the title and its other entries left out, type and service kept, both languages.

use serde_json::Value;
use streambot::answer::respond;
use streambot::i18n::Lang;

use crate::support::datasets::{open_engine, shared_dir};

/// Genres too broad to say two titles are alike.
const GENERIC: &[&str] = &[
    "international tv shows",
    "international movies",
    "tv shows",
    "movies",
    "tv dramas",
    "dramas",
    "comedies",
    "tv comedies",
    "drama",
    "comedy",
    "documentaries",
    "docuseries",
    "documentary",
    "action",
    "independent movies",
    "children & family movies",
    "kids' tv",
    "family",
    "animation",
    "reality tv",
    "romantic movies",
    "thrillers",
];

fn ask(engine: &streambot::search::Engine, q: &str, lang: Lang) -> Value {
    let a = respond(engine, q, lang).unwrap();
    serde_json::from_str(&streambot::render::json(&a)).unwrap()
}

#[test]
fn similar_titles_share_what_makes_a_title_what_it_is() {
    let Some(dir) = shared_dir("similar titles") else {
        return;
    };
    let engine = open_engine("similar", Some(&dir));
    // Every 100th Netflix and Hulu row with a specific genre and a description.
    let mut sample = Vec::new();
    for file in ["netflix_titles.csv", "hulu_titles.csv"] {
        let mut rdr = csv::Reader::from_path(dir.join(file)).unwrap();
        for (i, r) in rdr.records().enumerate() {
            let r = r.unwrap();
            let genres: Vec<String> = r[10].split(',').map(|g| g.trim().to_lowercase()).collect();
            if i % 100 == 0
                && genres
                    .iter()
                    .any(|g| !g.is_empty() && !GENERIC.contains(&g.as_str()))
                && r[11].len() > 40
            {
                sample.push((r[2].replace('"', ""), genres));
            }
        }
    }
    assert!(sample.len() >= 60, "{} titles", sample.len());
    let (mut shown, mut sharing) = (0, 0);
    for (title, genres) in &sample {
        let j = ask(&engine, &format!("/similar title:\"{title}\""), Lang::En);
        let Some(rows) = j["titles"].as_array().filter(|_| j["kind"] == "titles") else {
            continue;
        };
        for t in rows {
            assert_ne!(t["title"], j["similar_to"]["title"], "{title}: itself");
            shown += 1;
            let theirs: Vec<String> = t["genres"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g.as_str().unwrap().to_lowercase())
                .collect();
            if theirs
                .iter()
                .any(|g| genres.contains(g) && !GENERIC.contains(&g.as_str()))
            {
                sharing += 1;
            }
        }
    }
    let share = sharing as f64 / shown as f64;
    eprintln!("similar: {sharing} of {shown} results share a specific genre ({share:.3})");
    assert!(shown >= 500, "{shown} results");
    assert!(share >= 0.8, "{share:.3} of results share a specific genre");
}

#[test]
fn like_questions_keep_type_and_service_in_both_languages() {
    let Some(dir) = shared_dir("similar questions") else {
        return;
    };
    let engine = open_engine("similar-questions", Some(&dir));
    for (q, lang, of, kind, service) in [
        (
            "shows like Stranger Things on Netflix",
            Lang::En,
            "Stranger Things",
            "tv",
            Some("netflix"),
        ),
        (
            "something like Parasite",
            Lang::En,
            "Parasite",
            "movie",
            None,
        ),
        ("类似鱿鱼游戏的剧", Lang::Zh, "Squid Game", "tv", None),
        (
            "/similar title:Frozen service:disney",
            Lang::En,
            "Frozen",
            "movie",
            Some("disney_plus"),
        ),
    ] {
        let j = ask(&engine, q, lang);
        assert_eq!(j["kind"], "titles", "{q}: {j}");
        assert_eq!(j["similar_to"]["title"], of, "{q}");
        let rows = j["titles"].as_array().unwrap();
        assert_eq!(rows.len(), 10, "{q}");
        for t in rows {
            assert_eq!(t["type"], kind, "{q}: {}", t["title"]);
            assert_ne!(t["title"], of, "{q}");
            if let Some(s) = service {
                assert!(
                    t["services"].as_array().unwrap().iter().any(|x| x == s),
                    "{q}"
                );
            }
        }
    }
    let j = ask(&engine, "/similar title:qwertyuiopasdf", Lang::En);
    assert_eq!(j["kind"], "not_found");
    assert!(
        j["message"]
            .as_str()
            .unwrap()
            .contains("not in these catalogues")
    );
}
