//! Free text and the commands issue 9 added, through the real client and the fake Discord:
//! `/new`, `/title … service:`, `director:` autocomplete, a Chinese direct message, and the
//! suggestion button that asks the other reading of an ambiguous question.

mod support;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::{self as fake};

fn field_names(body: &Value) -> Vec<String> {
    embed(body)["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_lists_the_latest_additions_first() {
    let bot = start("new").await;
    let (id, p) = alice_asks("new", "origin", "China");
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4);
    let e = embed(&body);
    let description = e["description"].as_str().unwrap();
    assert!(
        description.contains("Newest additions first (this catalogue's latest: 2023-07-07)."),
        "{description}"
    );
    // The curated Chinese titles have dates (2023, 2019, 2018); the 25 fixtures have none.
    let names = field_names(&body);
    assert!(names[0].contains("The Longest Promise"), "{names:?}");
    assert!(names[1].contains("The Wandering Earth"), "{names:?}");
    assert!(names[2].contains("Day and Night"), "{names:?}");
    assert!(
        e["footer"]["text"]
            .as_str()
            .unwrap()
            .ends_with("/titles origin:CN sort:added"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn title_with_a_service_answers_whether_it_is_there() {
    let bot = start("title-service").await;
    let (id, p) = slash(
        "title",
        ALICE,
        &[],
        fake::MEMBER_PERMISSIONS,
        json!([
            fake::option("name", 3, json!("流浪地球")),
            // A choice option carries the choice's index: Netflix, Prime Video, Disney+, Hulu.
            fake::option("service", 4, json!(3)),
        ]),
    );
    let body = callback(&bot, id, p).await;
    let e = embed(&body);
    assert_eq!(e["title"], "The Wandering Earth (2019)", "{e}");
    assert!(
        e["description"].as_str().unwrap().starts_with(
            "*The Wandering Earth is not on Hulu; it is on Netflix, added 2019-05-06.*"
        ),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn director_names_are_autocompleted() {
    let bot = start("autocomplete-director").await;
    let choices = alice_autocompletes(&bot, "titles", "director", "frant").await;
    assert_eq!(
        choices,
        json!([{"name": "Frant Gwo", "value": "Frant Gwo"}])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_direct_message_lists_titles() {
    let bot = start("dm-chinese").await;
    let sent = alice_dms(&bot, "中国电影有哪些？").await;
    assert_eq!(sent.status, 200, "{:?}", sent.rejected);
    let footer = sent.json["embeds"][0]["footer"]["text"].as_str().unwrap();
    // 25 fixture films plus The Wandering Earth; a Chinese DM is answered in Chinese.
    assert_eq!(
        footer,
        "第 1 页，共 3 页 · 26 部作品 · /titles origin:CN type:movie"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_other_reading_is_a_button_that_asks_it() {
    let bot = start("suggestion").await;
    let sent = alice_dms(&bot, "China").await;
    assert_eq!(sent.status, 200, "{:?}", sent.rejected);
    assert_eq!(
        sent.json["embeds"][0]["title"],
        "Netflix in China: 🚫 not available"
    );
    let button = &sent.json["components"][0]["components"][0];
    assert_eq!(button["label"], "/titles origin:CN");
    let custom_id = button["custom_id"].as_str().unwrap().to_string();
    assert_eq!(custom_id, "run:/titles origin:CN");

    let click = next_id();
    let body = callback(
        &bot,
        click,
        fake::button_click_in_dm(click, DM_CHANNEL, BOB, &custom_id, next_id()),
    )
    .await;
    assert_eq!(body["type"], 4, "a new message with the answer");
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    assert_eq!(
        embed(&body)["footer"]["text"],
        "Page 1 of 3 · 29 titles · /titles origin:CN"
    );
}
