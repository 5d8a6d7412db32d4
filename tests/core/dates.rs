//! The data's age (issue 21): every "newest first" answer says how recent the catalogue is —
//! the newest `date_added` of the service asked about (of all four without one), computed here
//! straight from the title files — and an `added:` answer says what the catalogue runs to.

use crate::support;

use streambot::answer::respond;
use streambot::i18n::Lang;

/// `September 25, 2021` → `2021-09-25`.
fn iso(cell: &str) -> Option<String> {
    let (y, m, d) = support::datasets::day_of(cell)?;
    Some(format!("{y}-{m:02}-{d:02}"))
}

fn newest(files: &[std::path::PathBuf]) -> String {
    let mut best = String::new();
    for f in files.iter().filter(|f| f.exists()) {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(f)
            .unwrap();
        let col = rdr
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "date_added")
            .unwrap();
        for r in rdr.records() {
            if let Some(d) = r.unwrap().get(col).and_then(iso) {
                best = best.max(d);
            }
        }
    }
    best
}

#[test]
fn newest_first_answers_say_how_recent_each_catalogue_is() {
    let Some(shared) = support::datasets::shared_dir("the data-age test") else {
        return;
    };
    let engine = support::datasets::open_engine("dates", Some(&shared));
    let root = support::datasets::crate_root();
    let files = |service: &str| {
        vec![
            root.join(format!("data/titles/{service}_titles.csv")),
            shared.join(format!("{service}_titles.csv")),
        ]
    };
    let mut all = String::new();
    for service in ["netflix", "amazon_prime", "disney_plus", "hulu"] {
        let latest = newest(&files(service));
        all = all.clone().max(latest.clone());
        let a = respond(&engine, &format!("/new {service}"), Lang::En).unwrap();
        assert!(
            a.message
                .contains(&format!("(this catalogue's latest: {latest})")),
            "{service}: {}",
            a.message
        );
        let zh = respond(&engine, &format!("/new {service}"), Lang::Zh).unwrap();
        assert!(
            zh.message
                .contains(&format!("本数据最新一部上线于 {latest}")),
            "{}",
            zh.message
        );
    }
    let a = respond(&engine, "what's new", Lang::En).unwrap();
    assert!(
        a.message.contains(&format!("latest: {all})")),
        "{}",
        a.message
    );
    let added = respond(&engine, "/titles service:hulu added:2021", Lang::En).unwrap();
    assert!(
        added.message.ends_with(&format!(
            "This catalogue runs to {}.",
            newest(&files("hulu"))
        )),
        "{}",
        added.message
    );
}
