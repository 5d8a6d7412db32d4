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
    for (locale, previous, next, footer) in [
        (
            "zh-CN",
            "上一页",
            "下一页",
            "第 1 页，共 3 页 · 29 部作品 · /titles origin:CN",
        ),
        (
            "en-US",
            "Previous",
            "Next",
            "Page 1 of 3 · 29 titles · /titles origin:CN",
        ),
    ] {
        let (id, p) = alice_asks("titles", "origin", "CN");
        let body = callback(&bot, id, fake::with_locale(p, locale)).await;
        assert_eq!(body["type"], 4);
        assert_eq!(embed(&body)["footer"]["text"], footer, "{locale}");
        let buttons = &body["data"]["components"][0]["components"];
        assert_eq!(buttons[0]["label"], previous, "{locale}");
        assert_eq!(buttons[1]["label"], next, "{locale}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_direct_message_is_answered_in_chinese() {
    let bot = start("i18n-dm").await;
    let sent = alice_dms(&bot, "为什么中国不能看Netflix？").await;
    assert_eq!(sent.status, 200, "{:?}", sent.rejected);
    let e = &sent.json["embeds"][0];
    assert_eq!(e["title"], "Netflix 在中国：🚫 不可用");
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .starts_with("Netflix 在中国不可用。"),
        "{e}"
    );
    // The essay is quoted as written, in English.
    assert!(
        e["description"].as_str().unwrap().contains("**China**"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_installed_command_answers_in_a_group_dm() {
    let bot = start("i18n-group-dm").await;
    let id = next_id();
    let p = fake::slash_in_group_dm(
        id,
        GROUP_DM,
        ALICE,
        "zh-CN",
        "why-not",
        json!([fake::option("place", 3, json!("china"))]),
    );
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4, "answered in the interaction response");
    assert_eq!(embed(&body)["title"], "Netflix 在中国：🚫 不可用");
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_moderator_reindexes_in_chinese() {
    let bot = start("i18n-reindex").await;
    let (id, p) = moderator_reindex();
    let first = callback(&bot, id, fake::with_locale(p, "zh-CN")).await;
    assert_eq!(first["type"], 5);
    let text = final_text(&bot, id).await;
    let info = bot.engine.info();
    assert_eq!(
        text.lines().next().unwrap().split_once("秒：").unwrap().1,
        format!(
            "{} 部作品、{} 个段落、{} 条事实，来自 {} 个文件。",
            info.titles,
            info.passages,
            info.facts,
            info.files.len()
        )
    );
    assert!(text.starts_with("索引已重建，用时 "), "{text}");

    // Not a moderator: refused, in Chinese.
    let (id, p) = slash("reindex", ALICE, &[], fake::MEMBER_PERMISSIONS, json!([]));
    let refused = callback(&bot, id, fake::with_locale(p, "zh-CN")).await;
    assert_eq!(
        refused["data"]["content"],
        "只有管理员才能重建索引，而且只能在机器人运营者自己的服务器里（在那里拥有“管理服务器”权限或管理员角色，或是机器人所有者）：机器人的数据对所有服务器都一样，其他服务器不能更改。没有做任何改动。"
    );
}
