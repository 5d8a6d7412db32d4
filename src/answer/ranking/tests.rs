use super::*;

#[test]
fn periods_and_values_are_said_in_both_languages() {
    for (lang, as_of, want) in [
        (Lang::En, "2025-01..2025-06", "January–June 2025"),
        (Lang::Zh, "2025-01..2025-06", "2025年1月至6月"),
        (Lang::En, "2021-12", "December 2021"),
        (Lang::Zh, "2021-12", "2021年12月"),
        (Lang::En, "soon", "soon"),
    ] {
        assert_eq!(period_said(lang, as_of), want, "{as_of}");
    }
    for (lang, metric, value, want) in [
        (Lang::En, Metric::Views, 164_700_000.0, "164,700,000 views"),
        (Lang::Zh, Metric::Hours, 313_000_000.0, "313,000,000 小时"),
        (Lang::En, Metric::PriceStandard, 12.12, "$12.12 a month"),
        (Lang::Zh, Metric::PriceBasic, 2.9, "每月 2.90 美元"),
        (Lang::En, Metric::Library, 6114.0, "6,114 titles"),
    ] {
        assert_eq!(value_said(lang, metric, value), want);
    }
}

#[test]
fn top_commands_read_and_write_back() {
    let read = |text: &str| match crate::answer::request::parse_command(text, Lang::En) {
        Some(Ok(crate::answer::Request::Top(a))) => a,
        other => panic!("{text}: {other:?}"),
    };
    for (typed, back) in [
        ("/top", "/top"),
        ("/top type:tv by:hours", "/top type:tv by:hours"),
        ("/top movies", "/top type:movie"),
        (
            "/top by:price_standard order:lowest",
            "/top by:price_standard order:lowest",
        ),
        (
            "/top by:price_basic place:US,India,Turkey",
            "/top by:price_basic place:US,India,Turkey",
        ),
        (
            "/top by:library place:\"hong kong, japan\"",
            "/top by:library place:\"hong kong,japan\"",
        ),
        (
            "/top year:2025 globally:no page:2",
            "/top year:2025 globally:no page:2",
        ),
    ] {
        assert_eq!(read(typed).command(), back, "{typed}");
    }
}
