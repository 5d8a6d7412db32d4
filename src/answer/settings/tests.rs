//! `/settings` read from its options and carried out against an in-memory store.

use super::*;

fn read(options: &[(&str, &str)], free: &str) -> Result<SettingsArgs, UsageError> {
    let options = options
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    settings_args(options, free, Lang::En)
}

fn svc(ids: &[&str]) -> Vec<Service> {
    ids.iter().map(|i| Service::from_id(i).unwrap()).collect()
}

#[test]
fn services_are_read_as_people_list_them() {
    let cases: &[(&str, &[&str])] = &[
        ("netflix, disney+", &["netflix", "disney_plus"]),
        ("Hulu netflix", &["netflix", "hulu"]),
        ("prime video/hulu", &["amazon_prime", "hulu"]),
        ("网飞、迪士尼", &["netflix", "disney_plus"]),
        ("netflix and hulu", &["netflix", "hulu"]),
        ("all", &["netflix", "amazon_prime", "disney_plus", "hulu"]),
        ("none", &[]),
        ("netflix,netflix", &["netflix"]),
    ];
    for (v, want) in cases {
        assert_eq!(services_option(v, Lang::En).unwrap(), svc(want), "{v}");
    }
    let bad = services_option("netflix, peacock", Lang::En).unwrap_err();
    assert!(bad.0.contains("peacock"), "{bad}");
}

#[test]
fn options_become_a_change_and_forget_stands_alone() {
    let args = read(&[("region", "hong kong"), ("language", "zh")], "").unwrap();
    assert_eq!(args.change.region, Some(Some("HK".into())));
    assert_eq!(args.change.language, Some(Some(Lang::Zh)));
    assert_eq!(args.command(), "/settings region:HK language:zh");
    let args = read(&[("region", "none"), ("language", "auto")], "").unwrap();
    assert_eq!(args.command(), "/settings region:none language:auto");
    assert_eq!(read(&[], "forget").unwrap().forget, Some(Forget::Me));
    assert_eq!(
        read(&[], "forget server").unwrap().forget,
        Some(Forget::Server)
    );
    assert!(read(&[("region", "HK")], "forget").is_err());
    assert!(read(&[], "hong kong").is_err());
    assert!(
        read(&[("region", "Atlantis")], "")
            .unwrap_err()
            .0
            .contains("Atlantis")
    );
    assert!(read(&[("language", "klingon")], "").is_err());
}

#[test]
fn settings_are_saved_shown_and_forgotten_through_a_store() {
    let store = Store::in_memory().unwrap();
    let me = Caller {
        owner: Owner::User(7),
        guild: Some(9),
        manages_guild: false,
    };
    let empty = settings(Some(&store), &me, &SettingsArgs::default(), Lang::En);
    assert!(
        empty.message.contains("/settings region:"),
        "{}",
        empty.message
    );
    let saved = settings(
        Some(&store),
        &me,
        &read(&[("region", "HK"), ("services", "netflix,disney")], "").unwrap(),
        Lang::En,
    );
    let Body::Settings(view) = &saved.body else {
        panic!()
    };
    assert_eq!(view.done, Done::Saved);
    assert_eq!(
        view.yours.as_ref().unwrap().services,
        svc(&["netflix", "disney_plus"])
    );
    assert!(saved.message.contains("Hong Kong"), "{}", saved.message);
    // A member without Manage Server cannot set the server's region.
    let server = read(&[("server_region", "JP")], "").unwrap();
    let refused = settings(Some(&store), &me, &server, Lang::En);
    assert!(matches!(&refused.body, Body::Settings(v) if v.done == Done::Refused));
    let moderator = Caller {
        manages_guild: true,
        ..me
    };
    let set = settings(Some(&store), &moderator, &server, Lang::En);
    assert!(matches!(&set.body, Body::Settings(v) if v.server_region.as_deref() == Some("JP")));
    let forgot = settings(Some(&store), &me, &read(&[], "forget").unwrap(), Lang::En);
    assert!(matches!(&forgot.body, Body::Settings(v) if v.done == Done::Forgot));
    assert_eq!(store.get(Owner::User(7)).unwrap(), Settings::default());
    assert_eq!(
        store.get(Owner::Guild(9)).unwrap().region.as_deref(),
        Some("JP")
    );
    let none = settings(None, &me, &SettingsArgs::default(), Lang::Zh);
    assert!(matches!(&none.body, Body::Settings(v) if v.done == Done::Unavailable));
}
