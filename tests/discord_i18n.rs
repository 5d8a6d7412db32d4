//! Languages and user installs through the real client and the fake Discord: a zh-CN user gets
//! Chinese, an en-US user English; a Chinese direct message is answered in Chinese; a command
//! of the app installed to a user's account is answered in a group DM the bot is not in.

mod support;

use serde_json::json;
use support::bot::*;
use support::fake_discord::{self as fake};

/// A group DM the bot is not a member of.
const GROUP_DM: u64 = 1_210_000_000_000_000_401;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_user_gets_chinese_buttons_and_an_english_user_english() {
    let bot = start("i18n-buttons").await;
    for (locale, previous, next) in [("zh-CN", "上一页", "下一页"), ("en-US", "Previous", "Next")]
    {
        let (id, p) = alice_asks("titles", "origin", "CN");
        let body = callback(&bot, id, fake::with_locale(p, locale)).await;
        assert_eq!(body["type"], 4);
        let buttons = &body["data"]["components"][0]["components"];
        assert_eq!(buttons[0]["label"], previous, "{locale}");
        assert_eq!(buttons[1]["label"], next, "{locale}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_installed_command_answers_in_a_group_dm() {
    let bot = start("i18n-group-dm").await;
    let id = next_id();
    let p = fake::slash_in_group_dm(
        id,
        GROUP_DM,
        ALICE,
        "en-US",
        "why-not",
        json!([fake::option("place", 3, json!("china"))]),
    );
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4, "answered in the interaction response");
    assert_eq!(embed(&body)["title"], "Netflix in China: 🚫 not available");
    // Nothing was posted to the channel itself: the bot is not in it.
    let posted = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.path.contains(&format!("/channels/{GROUP_DM}/")))
        .count();
    assert_eq!(posted, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_user_is_told_to_slow_down_in_chinese() {
    let bot = start_with(
        "i18n-cooldown",
        Default::default(),
        &[
            ("COOLDOWN_BURST", "1".to_string()),
            ("COOLDOWN_PER_MINUTE", "1".to_string()),
        ],
    )
    .await;
    let mut last = json!(null);
    for _ in 0..2 {
        let (id, p) = alice_asks("why-not", "place", "china");
        last = callback(&bot, id, fake::with_locale(p, "zh-CN")).await;
    }
    let content = last["data"]["content"].as_str().unwrap();
    assert!(
        content.starts_with("你问得太快了，我有点跟不上——请等 "),
        "{content}"
    );
}
