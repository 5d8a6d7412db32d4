//! Answers for the person asking (issue 20): a saved region answers a bare title, "where can I
//! watch X" and `/title X` for that place (a place in the question wins), a server's default
//! region stands in for members without their own, `service:mine` narrows lists to the asker's
//! services with the same counts as asking for those services by name, and title cards say
//! which services are theirs. Against the full datasets.

use crate::support;

use std::sync::OnceLock;

use streambot::answer::{AnswerKind, Asker, Caller, RegionFrom, Who, respond, respond_for};
use streambot::domain::Service;
use streambot::i18n::Lang;
use streambot::search::Engine;
use streambot::store::{Change, Owner, Store};

fn engine() -> Option<&'static Engine> {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let shared = support::datasets::shared_dir("the settings tests")?;
    Some(ENGINE.get_or_init(|| support::datasets::open_engine("settings", Some(&shared))))
}

fn svc(ids: &[&str]) -> Vec<Service> {
    ids.iter().map(|i| Service::from_id(i).unwrap()).collect()
}

fn asker(region: Option<&str>, services: &[&str]) -> Who<'static> {
    Who {
        store: None,
        caller: Caller::LOCAL,
        asker: Asker {
            region: region.map(|r| (r.to_string(), RegionFrom::Yours)),
            services: svc(services),
            ..Asker::default()
        },
    }
}

fn json(a: &streambot::answer::Answer) -> serde_json::Value {
    serde_json::from_str(&streambot::render::json(a)).unwrap()
}

#[test]
fn a_saved_region_answers_a_title_for_that_place_and_a_named_place_wins() {
    let Some(engine) = engine() else { return };
    let in_russia = asker(Some("RU"), &[]);
    // (question, language, the place answered for, the title's status there)
    let cases = [
        ("squid game", Lang::En, "RU", "suspended"),
        ("where can I watch Squid Game?", Lang::En, "RU", "suspended"),
        ("/title The Mandalorian", Lang::En, "RU", "unavailable"),
        ("鱿鱼游戏在哪里看", Lang::Zh, "RU", "suspended"),
        // The question's own place wins over the saved one.
        (
            "can I watch The Mandalorian in Japan?",
            Lang::En,
            "JP",
            "available",
        ),
        (
            "/title name:Loki place:china",
            Lang::En,
            "CN",
            "unavailable",
        ),
    ];
    for (q, lang, place, status) in cases {
        let a = respond_for(engine, &in_russia, q, lang).unwrap();
        let j = json(&a);
        assert_eq!(j["kind"], "title", "{q}");
        assert_eq!(j["place"]["code"], place, "{q}");
        assert_eq!(j["status"], status, "{q}");
        let noted = a.message.contains("saved region") || a.message.contains("你保存的地区");
        assert_eq!(noted, place == "RU", "{q}: {}", a.message);
    }
    // Without a region, the same question is the title's card, no place.
    let plain = respond(engine, "where can I watch Squid Game?", Lang::En).unwrap();
    assert_eq!(json(&plain)["place"], serde_json::Value::Null);
    // Why-not and list questions are not changed by a region.
    let why = respond_for(engine, &in_russia, "/why-not china", Lang::En).unwrap();
    assert_eq!(json(&why)["place"]["code"], "CN");
}

#[test]
fn a_servers_default_region_stands_in_for_members_without_their_own() {
    let Some(engine) = engine() else { return };
    let store = Store::in_memory().unwrap();
    let (guild, member, traveller) = (5, 6, 7);
    let cn = |code: &str| Change {
        region: Some(Some(code.into())),
        ..Change::default()
    };
    store.change(Owner::Guild(guild), &cn("CN")).unwrap();
    store.change(Owner::User(traveller), &cn("IN")).unwrap();
    let caller = |user| Caller {
        owner: Owner::User(user),
        guild: Some(guild),
        manages_guild: false,
    };
    let ask = |user| {
        let who = Who::load(Some(&store), caller(user));
        json(&respond_for(engine, &who, "Breaking Bad", Lang::En).unwrap())
    };
    let m = ask(member);
    assert_eq!(
        (m["place"]["code"].as_str(), m["status"].as_str()),
        (Some("CN"), Some("unavailable"))
    );
    assert!(
        m["message"]
            .as_str()
            .unwrap()
            .contains("this server's default region")
    );
    let t = ask(traveller);
    assert_eq!(
        (t["place"]["code"].as_str(), t["status"].as_str()),
        (Some("IN"), Some("available"))
    );
    // In a DM the server's region does not apply.
    let dm = Who::load(
        Some(&store),
        Caller {
            owner: Owner::User(member),
            guild: None,
            manages_guild: false,
        },
    );
    let d = json(&respond_for(engine, &dm, "Breaking Bad", Lang::En).unwrap());
    assert_eq!(d["place"], serde_json::Value::Null);
}

#[test]
fn my_services_count_exactly_what_naming_them_counts_and_cards_mark_them() {
    let Some(engine) = engine() else { return };
    let total = |who: &Who<'_>, q: &str| {
        let a = respond_for(engine, who, q, Lang::En).unwrap();
        assert_eq!(a.kind(), AnswerKind::Titles, "{q}: {}", a.message);
        a.total()
    };
    let nobody = asker(None, &[]);
    let netflix_only = asker(None, &["netflix"]);
    assert_eq!(
        total(&netflix_only, "/titles service:mine origin:kr type:movie"),
        total(&nobody, "/titles service:netflix origin:kr type:movie")
    );
    // Two services: the titles on either, each counted once (some are on both).
    let two = asker(None, &["netflix", "hulu"]);
    let both = total(&two, "/titles service:mine origin:jp");
    let (n, h) = (
        total(&nobody, "/titles service:netflix origin:jp"),
        total(&nobody, "/titles service:hulu origin:jp"),
    );
    assert!(both <= n + h && both >= n.max(h), "{both} vs {n} + {h}");
    // Free text in both languages means the same list.
    assert_eq!(
        total(&two, "Japanese shows on my services"),
        total(&two, "/titles service:mine origin:jp type:tv")
    );
    let zh = respond_for(engine, &two, "我的平台上的日本剧", Lang::Zh).unwrap();
    assert_eq!(zh.query, "/titles origin:JP type:tv service:mine");
    assert_eq!(
        zh.total(),
        total(&two, "/titles service:mine origin:jp type:tv")
    );
    // Every card shows which of its services are the asker's; JSON lists them as `yours`.
    let a = respond_for(engine, &two, "/new service:mine", Lang::En).unwrap();
    for card in json(&a)["titles"].as_array().unwrap() {
        let yours: Vec<&str> = card["yours"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(
            !yours.is_empty() && yours.iter().all(|s| ["netflix", "hulu"].contains(s)),
            "{card}"
        );
    }
    // With no services saved, `mine` says how to save them.
    let none = respond_for(engine, &nobody, "/titles service:mine", Lang::En).unwrap();
    assert_eq!(none.kind(), AnswerKind::NotFound);
    assert!(
        none.message.contains("/settings services:"),
        "{}",
        none.message
    );
}

#[test]
fn a_store_that_is_down_leaves_answers_working_and_says_settings_are_unavailable() {
    let Some(engine) = engine() else { return };
    let down =
        Store::open(&streambot::store::Location::parse("postgres://x@127.0.0.1:1/x").unwrap())
            .unwrap();
    let caller = Caller {
        owner: Owner::User(1),
        guild: None,
        manages_guild: false,
    };
    let who = Who::load(Some(&down), caller);
    let a = respond_for(engine, &who, "/why-not china", Lang::En).unwrap();
    assert_eq!(json(&a)["status"], "unavailable");
    assert!(
        a.message.ends_with(
            "(Your saved settings are unavailable right now, so this answer does not use them.)"
        ),
        "{}",
        a.message
    );
    let s = respond_for(engine, &who, "/settings region:HK", Lang::En).unwrap();
    assert_eq!(json(&s)["settings"]["available"], false);
    assert_eq!(
        s.message,
        "Settings are unavailable right now; every other answer still works. Try again in a little while."
    );
}
