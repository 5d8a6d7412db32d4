//! Rankings (issue 22), computed here straight from the CSVs in `../shared/data`: the top rows of
//! Netflix's engagement report by views and by hours, the cheapest and dearest country per plan,
//! the library extremes and a comparison of named countries, in both languages, and what the
//! figures cannot rank said instead of a wrong list.

use std::path::Path;

use serde_json::Value;
use streambot::answer::respond;
use streambot::i18n::Lang;
use streambot::search::Engine;

use crate::support::datasets::{open_engine, shared_dir};

/// One engagement row as the CSV has it: title, release date, hours, views.
struct Row {
    title: String,
    released: String,
    hours: u64,
    views: Option<u64>,
}

fn engagement(dir: &Path, kind: &str) -> Vec<Row> {
    let path = dir.join(format!("netflix_engagement_2025H1_{kind}.csv"));
    let mut rdr = csv::Reader::from_path(&path).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                title: r[0].to_string(),
                released: r[2].to_string(),
                hours: r[3].parse().unwrap(),
                views: r[5].parse().ok(),
            }
        })
        .collect()
}

/// Country code (upper case), then the three plans' prices and the library size.
fn fees(dir: &Path) -> Vec<(String, [f64; 3], u64)> {
    let mut rdr = csv::Reader::from_path(dir.join("netflix_subscription_fee_dec2021.csv")).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let p = |i: usize| r[i].trim().parse::<f64>().unwrap();
            (
                r[0].to_uppercase(),
                [p(5), p(6), p(7)],
                r[2].parse().unwrap(),
            )
        })
        .collect()
}

fn ask(engine: &Engine, q: &str, lang: Lang) -> Value {
    let a = respond(engine, q, lang).unwrap();
    serde_json::from_str(&streambot::render::json(&a)).unwrap()
}

/// The names of a ranking's rows.
fn names(j: &Value) -> Vec<String> {
    j["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows: {j}"))
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_report_ranks_as_the_csvs_say() {
    let Some(dir) = shared_dir("rankings") else {
        return;
    };
    let engine = open_engine("ranking", Some(&dir));
    let (movies, shows) = (engagement(&dir, "movies"), engagement(&dir, "shows"));
    // Both files, by views, highest first; a stable sort keeps the load order (films first).
    let mut all: Vec<&Row> = movies
        .iter()
        .chain(&shows)
        .filter(|r| r.views.is_some())
        .collect();
    all.sort_by_key(|r| std::cmp::Reverse(r.views));
    let want: Vec<String> = all.iter().take(10).map(|r| r.title.clone()).collect();
    for q in [
        "most watched on netflix",
        "/top",
        "what's popular on netflix right now",
    ] {
        let j = ask(&engine, q, Lang::En);
        assert_eq!(j["kind"], "ranking", "{q}: {j}");
        assert_eq!(names(&j), want, "{q}");
        assert_eq!(j["total"], all.len(), "{q}");
        assert_eq!(j["metric"], "views");
        assert_eq!(j["as_of"], "2025-01..2025-06");
        let first = &j["rows"][0];
        assert_eq!(first["value"].as_f64(), all[0].views.map(|v| v as f64));
        assert_eq!(first["hours"], all[0].hours);
        assert!(
            j["message"].as_str().unwrap().contains("January–June 2025"),
            "{q}: {}",
            j["message"]
        );
    }
    // Shows by hours viewed, in English and in Chinese.
    let mut by_hours: Vec<&Row> = shows.iter().collect();
    by_hours.sort_by_key(|r| std::cmp::Reverse(r.hours));
    let want: Vec<String> = by_hours.iter().take(10).map(|r| r.title.clone()).collect();
    for (q, lang) in [
        ("/top type:tv by:hours", Lang::En),
        (
            "which shows have the most hours viewed on netflix",
            Lang::En,
        ),
        ("网飞上观看时长最多的剧", Lang::Zh),
    ] {
        let j = ask(&engine, q, lang);
        assert_eq!(names(&j), want, "{q}");
        assert_eq!(j["total"], shows.len(), "{q}");
    }
    // Shows by views, in Chinese: the same rows as in English.
    let mut show_views: Vec<&Row> = shows.iter().filter(|r| r.views.is_some()).collect();
    show_views.sort_by_key(|r| std::cmp::Reverse(r.views));
    let want: Vec<String> = show_views
        .iter()
        .take(10)
        .map(|r| r.title.clone())
        .collect();
    for (q, lang) in [
        ("most watched shows on netflix", Lang::En),
        ("网飞上最受欢迎的剧", Lang::Zh),
    ] {
        assert_eq!(names(&ask(&engine, q, lang)), want, "{q}");
    }
    // Films released in 2025: the count the CSV gives.
    let released = movies
        .iter()
        .filter(|r| r.released.starts_with("2025") && r.views.is_some())
        .count();
    let j = ask(&engine, "/top type:movie year:2025", Lang::En);
    assert_eq!(j["total"], released);
    // A report row about a catalogue title opens its card.
    let squid = ask(&engine, "/top type:tv by:hours", Lang::En);
    assert_eq!(squid["rows"][0]["title"], "Squid Game", "{squid}");
    assert!(
        squid["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "/title name:\"Squid Game\"")
    );
}

#[test]
fn prices_and_libraries_rank_as_the_csv_says() {
    let Some(dir) = shared_dir("price rankings") else {
        return;
    };
    let engine = open_engine("ranking-prices", Some(&dir));
    let fees = fees(&dir);
    let name = |code: &str| {
        streambot::places::Places::global()
            .by_code(code)
            .unwrap()
            .name
            .clone()
    };
    // Each plan, cheapest and dearest (any of the countries tied on the price).
    for (plan, i) in [("basic", 0), ("standard", 1), ("premium", 2)] {
        let tied = |price: f64| -> Vec<String> {
            fees.iter()
                .filter(|f| f.1[i] == price)
                .map(|f| name(&f.0))
                .collect()
        };
        let low = fees.iter().map(|f| f.1[i]).fold(f64::INFINITY, f64::min);
        let high = fees.iter().map(|f| f.1[i]).fold(0.0, f64::max);
        let j = ask(
            &engine,
            &format!("/top by:price_{plan} order:lowest"),
            Lang::En,
        );
        assert_eq!(j["total"], fees.len());
        assert_eq!(j["rows"][0]["value"].as_f64(), Some(low), "cheapest {plan}");
        let first = j["rows"][0]["name"].as_str().unwrap().to_string();
        assert!(tied(low).contains(&first), "cheapest {plan}: {first}");
        let j = ask(&engine, &format!("/top by:price_{plan}"), Lang::En);
        assert_eq!(j["rows"][0]["value"].as_f64(), Some(high), "dearest {plan}");
        let first = j["rows"][0]["name"].as_str().unwrap().to_string();
        assert!(tied(high).contains(&first), "dearest {plan}: {first}");
        assert!(j["message"].as_str().unwrap().contains("December 2021"));
    }
    // Free text ranks the Standard plan and says so.
    let mut standard: Vec<&(String, [f64; 3], u64)> = fees.iter().collect();
    standard.sort_by(|a, b| a.1[1].total_cmp(&b.1[1]));
    for (q, lang, says) in [
        ("cheapest country for netflix", Lang::En, "Standard"),
        ("哪个国家的网飞最便宜", Lang::Zh, "标准"),
    ] {
        let j = ask(&engine, q, lang);
        assert_eq!(j["metric"], "price_standard", "{q}");
        assert_eq!(
            j["rows"][0]["value"].as_f64(),
            Some(standard[0].1[1]),
            "{q}"
        );
        assert!(
            j["message"].as_str().unwrap().contains(says),
            "{q}: {}",
            j["message"]
        );
    }
    // The biggest and smallest libraries.
    let biggest = fees.iter().max_by_key(|f| f.2).unwrap();
    let smallest = fees.iter().min_by_key(|f| f.2).unwrap();
    let j = ask(
        &engine,
        "which country has the biggest netflix library",
        Lang::En,
    );
    assert_eq!(j["rows"][0]["place"]["code"], biggest.0.as_str(), "{j}");
    assert_eq!(j["rows"][0]["value"].as_f64(), Some(biggest.2 as f64));
    let j = ask(&engine, "smallest netflix library", Lang::En);
    assert_eq!(j["rows"][0]["place"]["code"], smallest.0.as_str(), "{j}");
    // Named countries side by side, with every plan's price.
    let figures = |code: &str| fees.iter().find(|f| f.0 == code).unwrap();
    for (q, lang) in [
        ("Netflix price US vs India vs Turkey", Lang::En),
        ("美国、印度和土耳其的网飞价格", Lang::Zh),
    ] {
        let j = ask(&engine, q, lang);
        let rows = j["rows"].as_array().unwrap();
        let mut codes: Vec<&str> = rows
            .iter()
            .map(|r| r["place"]["code"].as_str().unwrap())
            .collect();
        let mut want = vec!["US", "IN", "TR"];
        // Ranked by the Standard plan, dearest first.
        want.sort_by(|a, b| figures(b).1[1].total_cmp(&figures(a).1[1]));
        assert_eq!(codes, want, "{q}");
        for r in rows {
            let f = figures(r["place"]["code"].as_str().unwrap());
            assert_eq!(r["value"].as_f64(), Some(f.1[1]), "{q}");
            let also = r["also"].as_array().unwrap();
            let value = |m: &str| {
                also.iter()
                    .find(|a| a["metric"] == m)
                    .and_then(|a| a["value"].as_f64())
            };
            assert_eq!(value("price_basic"), Some(f.1[0]), "{q}");
            assert_eq!(value("price_premium"), Some(f.1[2]), "{q}");
            assert_eq!(value("library"), Some(f.2 as f64), "{q}");
        }
        codes.clear();
    }
    // One country's figures lead the answer.
    let j = ask(&engine, "how much is netflix in turkey", Lang::En);
    assert_eq!(j["rows"][0]["place"]["code"], "TR");
    assert!(
        j["message"]
            .as_str()
            .unwrap()
            .starts_with("Netflix in Turkey, December 2021"),
        "{j}"
    );
    let source = j["sources"][0].as_str().unwrap();
    assert!(
        source.starts_with("netflix_subscription_fee_dec2021.csv"),
        "{source}"
    );
}

#[test]
fn what_the_figures_cannot_rank_is_said() {
    let Some(dir) = shared_dir("ranking limits") else {
        return;
    };
    let engine = open_engine("ranking-limits", Some(&dir));
    for (q, lang, says) in [
        ("most popular on hulu", Lang::En, "Hulu"),
        (
            "most watched korean shows on netflix",
            Lang::En,
            "where titles were made",
        ),
        ("most popular horror movies", Lang::En, "genres"),
        ("what's most watched in japan", Lang::En, "Japan"),
        ("迪士尼上最火的电影", Lang::Zh, "Disney+"),
        ("top rated movies on disney+", Lang::En, "age ratings"),
    ] {
        let j = ask(&engine, q, lang);
        assert_eq!(j["kind"], "not_found", "{q}: {j}");
        assert!(
            j["message"].as_str().unwrap().contains(says),
            "{q}: {}",
            j["message"]
        );
        assert!(j.get("rows").is_none(), "{q}");
    }
    // "Best" is answered by popularity, saying the catalogues have no review scores.
    for (q, lang, says) in [
        ("best movies on netflix", Lang::En, "not review scores"),
        ("网飞评分最高的电影", Lang::Zh, "没有评分"),
    ] {
        let j = ask(&engine, q, lang);
        assert_eq!(j["kind"], "ranking", "{q}: {j}");
        assert!(
            j["message"].as_str().unwrap().contains(says),
            "{q}: {}",
            j["message"]
        );
    }
}
