//! The real bot (serenity + poise) against the fake Discord on 127.0.0.1: registration, slash
//! commands, pagination buttons, autocomplete, direct messages, moderator reindexing, gateway
//! reconnects and deferral. Every step has a deadline; nothing talks to the network.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::{
    self as fake, CHANNEL_ID, EPHEMERAL, GUILD_ID, MEMBER_PERMISSIONS, OWNER_ID,
};
use support::fs::copy_dir;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_carries_every_command_and_option() {
    let bot = start("register").await;
    let commands = bot.fake.registered_commands();
    let mut names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ask", "help", "map", "new", "reindex", "settings", "similar", "sources", "title",
            "titles", "top", "why-not"
        ]
    );
    let options = |name: &str| -> Vec<String> {
        let c = commands.iter().find(|c| c["name"] == name).unwrap();
        c["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(options("why-not"), ["place", "service"]);
    assert_eq!(
        options("top"),
        ["type", "by", "year", "globally", "order", "place"]
    );
    assert_eq!(options("similar"), ["title", "type", "service"]);
    assert_eq!(
        options("titles"),
        [
            "origin", "type", "service", "genre", "year", "added", "director", "cast", "query",
            "sort", "place"
        ]
    );
    assert_eq!(options("new"), ["service", "origin", "type"]);
    assert_eq!(options("title"), ["name", "service", "place"]);
    assert_eq!(options("ask"), ["question"]);
    assert_eq!(options("reindex"), ["file"]);
    assert_eq!(options("map"), ["service", "figure"]);
    assert_eq!(
        options("settings"),
        ["region", "services", "language", "server_region", "forget"]
    );
    let reindex = commands.iter().find(|c| c["name"] == "reindex").unwrap();
    assert_eq!(reindex["default_member_permissions"], "32", "Manage Server");
    // Moderators reindex in servers; every question can be asked anywhere, installed anywhere.
    assert_eq!(reindex["integration_types"], json!([0]));
    assert_eq!(reindex["contexts"], json!([0]));
    for c in commands.iter().filter(|c| c["name"] != "reindex") {
        assert_eq!(c["integration_types"], json!([0, 1]), "{}", c["name"]);
        assert_eq!(c["contexts"], json!([0, 1, 2]), "{}", c["name"]);
    }
    // Chinese names, descriptions, options and choices for zh-CN clients, in traditional
    // characters for zh-TW ones.
    let why_not = commands.iter().find(|c| c["name"] == "why-not").unwrap();
    assert_eq!(why_not["name_localizations"]["zh-CN"], "为什么看不了");
    assert_eq!(why_not["name_localizations"]["zh-TW"], "為什麼看不了");
    assert_eq!(why_not["options"][0]["name_localizations"]["zh-TW"], "地點");
    assert_eq!(
        why_not["description_localizations"]["zh-CN"],
        "为什么某地看不了某个流媒体平台？现状、有出处的事实和原文引用。"
    );
    assert_eq!(why_not["options"][0]["name_localizations"]["zh-CN"], "地点");
    let titles = commands.iter().find(|c| c["name"] == "titles").unwrap();
    let kind = &titles["options"][1];
    assert_eq!(kind["name_localizations"]["zh-CN"], "类型");
    assert_eq!(kind["choices"][0]["name"], "movie");
    assert_eq!(kind["choices"][0]["name_localizations"]["zh-CN"], "电影");
    for c in &commands {
        let zh = c["name_localizations"]["zh-CN"].as_str().unwrap_or("");
        assert!(
            !zh.is_empty() && zh != c["name"],
            "{} has no Chinese name",
            c["name"]
        );
    }
    for c in &commands {
        let d = c["description"].as_str().unwrap();
        assert!(!d.is_empty() && d.chars().count() <= 100, "{d}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn why_not_china_gets_status_facts_and_citations() {
    let bot = start("whynot").await;
    let (id, p) = alice_asks("why-not", "place", "china");
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    let e = embed(&body);
    assert_eq!(e["title"], "Netflix in China: 🚫 not available");
    let description = e["description"].as_str().unwrap();
    assert!(
        description.starts_with("Netflix is not available in China."),
        "{description}"
    );
    assert!(
        description.contains("**[1]** Why Netflix is absent from China (essay) ¶3"),
        "{description}"
    );
    assert!(description.contains("**China**"), "{description}");
    let fields = e["fields"].as_array().unwrap();
    assert_eq!(fields[0]["name"], "Regulation");
    assert!(
        fields
            .iter()
            .all(|f| f["value"].as_str().unwrap().contains("\nSource: "))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_arrives_as_an_embed_with_its_picture_attached() {
    let bot = start("map").await;
    let (id, p) = slash("map", ALICE, &[], MEMBER_PERMISSIONS, json!([]));
    bot.fake.dispatch("INTERACTION_CREATE", p);
    // Drawn off the async threads: the answer may come at once or after a deferral.
    let r = bot
        .fake
        .wait_for(
            |r| r.interaction_id == Some(id) && !r.files.is_empty(),
            STEP,
        )
        .await
        .expect("a reply carrying the map");
    assert_eq!(r.status / 100, 2, "rejected: {:?}", r.rejected);
    assert_eq!(r.files.len(), 1);
    assert_eq!(r.files[0].filename, "netflix-map.png");
    assert_eq!(&r.files[0].bytes[..8], b"\x89PNG\r\n\x1a\n");
    let body = if r.is_callback() {
        &r.json["data"]
    } else {
        &r.json
    };
    assert_eq!(body["allowed_mentions"]["parse"], json!([]));
    let e = &body["embeds"][0];
    assert_eq!(e["title"], "Netflix availability · newest fact 2022-05");
    assert_eq!(e["image"]["url"], "attachment://netflix-map.png");
    assert_eq!(e["fields"][1]["value"], "Russia (since 2022-03-06)");
    let alt = body["attachments"][0]["description"].as_str().unwrap();
    assert!(
        alt.starts_with(
            "World map. Netflix availability · newest fact 2022-05. Available: 234 places."
        ),
        "{alt}"
    );
    let message = bot.fake.original_response(id).expect("the message exists");
    assert_eq!(message["attachments"][0]["filename"], "netflix-map.png");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn titles_pages_with_buttons_only_for_the_asker() {
    let bot = start("titles").await;
    let (id, p) = alice_asks("titles", "origin", "CN");
    let body = callback(&bot, id, p).await;
    let e = embed(&body);
    assert!(
        e["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Page 1 of 3 · 29 titles"),
        "{e}"
    );
    let buttons = &body["data"]["components"][0]["components"];
    assert_eq!(buttons[0]["disabled"], true, "Previous is off on page 1");
    let next = buttons[1]["custom_id"].as_str().unwrap().to_string();
    assert_eq!(
        next, "page:2:/titles origin:CN",
        "the button carries its page and command"
    );
    let message_id = next_id();
    // The clicked message was Alice's answer (Discord says so in its interaction metadata).
    let click_on = |click: u64, user: u64, custom_id: &str| {
        let mut p = fake::button_click(click, GUILD_ID, CHANNEL_ID, user, custom_id, message_id);
        p["message"]["interaction_metadata"]["user"] = fake::user(ALICE);
        p
    };

    // Bob's click is refused, privately, and the page does not move.
    let click = next_id();
    let body = callback(&bot, click, click_on(click, BOB, &next)).await;
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("Only the person who asked")
    );

    // Alice pages forward twice and back once, each time with the buttons she was shown.
    let mut footers = Vec::new();
    let mut shown = buttons.clone();
    for which in [1, 1, 0] {
        let custom = shown[which]["custom_id"].as_str().unwrap().to_string();
        let click = next_id();
        let body = callback(&bot, click, click_on(click, ALICE, &custom)).await;
        assert_eq!(body["type"], 7);
        footers.push(
            embed(&body)["footer"]["text"]
                .as_str()
                .unwrap()
                .split(" · ")
                .next()
                .unwrap()
                .to_string(),
        );
        shown = body["data"]["components"][0]["components"].clone();
    }
    assert_eq!(shown[1]["disabled"], false, "Next is on again on page 2");
    assert_eq!(footers, ["Page 2 of 3", "Page 3 of 3", "Page 2 of 3"]);

    // Forged custom ids with huge pages (one used to allocate ~51 GB and abort the process)
    // answer the last page that exists, and the bot goes on answering.
    for forged in [
        "page:99999999999:/titles origin:CN",
        "page:18446744073709551615:/titles origin:CN",
    ] {
        let click = next_id();
        let body = callback(&bot, click, click_on(click, ALICE, forged)).await;
        assert_eq!(body["type"], 7, "{forged}");
        let footer = embed(&body)["footer"]["text"].as_str().unwrap().to_string();
        assert!(
            footer.starts_with("Page 3 of 3 · 29 titles"),
            "{forged}: {footer}"
        );
    }
    let (id, p) = alice_asks("titles", "origin", "CN");
    assert!(
        embed(&callback(&bot, id, p).await)["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Page 1 of 3")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_matching_places() {
    let bot = start("autocomplete").await;
    let choices = alice_autocompletes(&bot, "why-not", "place", "chin").await;
    let choices = choices.as_array().unwrap();
    assert!(choices.len() <= 25);
    assert_eq!(choices[0], json!({"name": "China (CN)", "value": "CN"}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn direct_messages_are_answered_and_bots_ignored() {
    let bot = start("dm").await;
    let sent = alice_dms(&bot, "why can't I watch Netflix in Russia?").await;
    let path = format!("/api/v10/channels/{DM_CHANNEL}/messages");
    assert_eq!(sent.status, 200, "{:?}", sent.rejected);
    assert_eq!(
        sent.json["embeds"][0]["title"],
        "Netflix in Russia: ⏸️ suspended"
    );
    assert_eq!(sent.json["allowed_mentions"]["parse"], json!([]));

    let before = bot.fake.requests().len();
    bot.fake.dispatch(
        "MESSAGE_CREATE",
        fake::dm_message(next_id(), DM_CHANNEL, BOB, true, "/why-not china"),
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after: Vec<_> = bot
        .fake
        .requests()
        .into_iter()
        .skip(before)
        .filter(|r| r.path == path)
        .collect();
    assert!(after.is_empty(), "the bot answered a bot: {after:?}");
}

const MONGOLIAN: &str =
    "show_id,type,title,country,release_year\nm1,Movie,Steppe Test Film,Mongolia,2020\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_is_refused_to_plain_members() {
    let bot = start("refused").await;
    let built_at = bot.engine.info().built_at;
    let (id, p) = reindex_with_file(
        ALICE,
        &[],
        MEMBER_PERMISSIONS,
        &bot,
        "hulu_titles.csv",
        MONGOLIAN.as_bytes(),
    );
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("Only moderators")
    );
    assert_eq!(bot.engine.info().built_at, built_at);
    assert!(!bot.root.join("data/uploads").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_adds_titles_and_they_are_found() {
    let bot = start("upload").await;
    let (id, p) = reindex_with_file(
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        &bot,
        "hulu_titles.csv",
        MONGOLIAN.as_bytes(),
    );
    let first = callback(&bot, id, p).await;
    assert_eq!(first["type"], 5, "reindexing defers first");
    let text = final_text(&bot, id).await;
    assert!(
        text.contains("Added `") && text.contains("1 titles for hulu"),
        "{text}"
    );
    assert!(text.contains("Reindexed in"), "{text}");
    assert!(
        bot.engine
            .info()
            .built_by
            .ends_with(&format!("({MODERATOR})")),
        "{}",
        bot.engine.info().built_by
    );

    let (id, p) = alice_asks("titles", "origin", "mongolia");
    let body = callback(&bot, id, p).await;
    let e = embed(&body);
    assert_eq!(
        e["fields"][0]["name"],
        "1. Steppe Test Film (2020) · movie · Mongolia · Hulu"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_upload_reports_lines_and_changes_nothing() {
    let bot = start("malformed").await;
    let titles = bot.engine.info().titles;
    let bad = "show_id,type,title,country\nb1,Movie,Fine,China\nb2,Gadget,Broken,China\nb3,Movie,,China\n";
    let (id, p) = reindex_with_file(
        OWNER_ID,
        &[],
        MEMBER_PERMISSIONS,
        &bot,
        "hulu_titles.csv",
        bad.as_bytes(),
    );
    callback(&bot, id, p).await;
    let text = final_text(&bot, id).await;
    assert!(text.contains("line 3: unknown type \"Gadget\""), "{text}");
    assert!(text.contains("line 4: empty title"), "{text}");
    assert!(text.ends_with("Nothing was changed."), "{text}");
    assert_eq!(bot.engine.info().titles, titles);
    assert!(!bot.root.join("data/uploads/hulu_titles.csv").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interactions_are_answered_after_reconnect_and_invalid_session() {
    let bot = start("gateway").await;
    assert!(bot.fake.send_op(7, Value::Null), "RECONNECT sent");
    for _ in 0..200 {
        if bot.fake.resume_count() >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(bot.fake.resume_count(), 1);
    let (id, p) = alice_asks("why-not", "place", "russia");
    assert_eq!(
        embed(&callback(&bot, id, p).await)["title"],
        "Netflix in Russia: ⏸️ suspended"
    );

    let identified = bot.fake.identify_count();
    assert!(bot.fake.send_op(9, json!(false)), "INVALID_SESSION sent");
    for _ in 0..300 {
        if bot.fake.identify_count() > identified && bot.fake.is_connected() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(bot.fake.identify_count(), identified + 1);
    let (id, p) = alice_asks("why-not", "place", "syria");
    assert_eq!(
        embed(&callback(&bot, id, p).await)["title"],
        "Netflix in Syria: 🚫 not available"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_work_is_deferred_within_three_seconds() {
    let bot = start("defer").await;
    // Reindexing the full public datasets takes about a second: it must defer first.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if shared.is_dir() {
        copy_dir(&shared, &bot.root.join("data/full"));
    }
    let (id, p) = slash(
        "reindex",
        MODERATOR,
        &[],
        MEMBER_PERMISSIONS | 32,
        json!([]),
    );
    let first = callback(&bot, id, p).await;
    assert_eq!(first["type"], 5);
    assert_eq!(
        first["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL,
        EPHEMERAL
    );
    let text = final_text(&bot, id).await;
    assert!(text.starts_with("Reindexed in"), "{text}");
}

/// A right-to-left override (U+202E) or another invisible control in a question never comes
/// back in the reply, where it would make a public message read backwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bidirectional_overrides_are_never_echoed() {
    let bot = start("bidi").await;
    for (command, option, value) in [
        ("titles", "query", "\u{202E}evol\u{2066}"),
        ("title", "name", "Breaking\u{202E} Bad\u{200F}"),
        (
            "ask",
            "question",
            "why not netflix in \u{202E}china\u{FEFF}",
        ),
    ] {
        let (id, p) = alice_asks(command, option, value);
        let body = callback(&bot, id, p).await.to_string();
        for c in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{FEFF}'] {
            assert!(!body.contains(c), "{command}: {c:?} echoed in {body}");
        }
    }
}
