//! Discord failing the bot: callbacks and follow-ups answered with 500 or 429 are retried where
//! Discord allows and given up (and logged) when it does not; a gateway socket killed without a
//! close frame is resumed; per-user cooldowns stop a flood politely. After each fault, later
//! interactions are still answered.

mod support;

use std::time::Duration;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::{self as fake, EPHEMERAL, FakeOptions, MEMBER_PERMISSIONS};
use support::logs;

/// Every callback request the fake saw for `id`, in order, as (status, body).
fn callbacks(bot: &Bot, id: u64) -> Vec<(u16, Value)> {
    bot.fake
        .requests()
        .into_iter()
        .filter(|r| r.is_callback() && r.interaction_id == Some(id))
        .map(|r| (r.status, r.json))
        .collect()
}

/// Waits until `id` has an accepted (204) callback and returns its body.
async fn accepted_callback(bot: &Bot, id: u64) -> Value {
    let r = bot
        .fake
        .wait_for(
            |r| r.is_callback() && r.interaction_id == Some(id) && r.status == 204,
            STEP,
        )
        .await
        .unwrap_or_else(|| {
            panic!(
                "interaction {id} was never answered: {:?}",
                callbacks(bot, id)
            )
        });
    r.json
}

async fn still_answers(bot: &Bot) {
    let (id, p) = alice_asks("why-not", "place", "syria");
    assert_eq!(
        embed(&callback(bot, id, p).await)["title"],
        "Netflix in Syria: 🚫 not available"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_answered_with_500_is_retried_once_it_works() {
    let bot = start("cb500").await;
    bot.fake.fail_next(
        "/callback",
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
    );
    let (id, p) = alice_asks("why-not", "place", "china");
    bot.fake.dispatch("INTERACTION_CREATE", p);
    let body = accepted_callback(&bot, id).await;
    assert_eq!(embed(&body)["title"], "Netflix in China: 🚫 not available");
    let seen: Vec<u16> = callbacks(&bot, id).iter().map(|c| c.0).collect();
    assert_eq!(seen, vec![500, 204], "one failure, one retry, no duplicate");
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_callback_waits_and_is_retried_within_three_seconds() {
    let bot = start("cb429").await;
    bot.fake.fail_next(
        "/callback",
        429,
        json!({"message": "You are being rate limited.", "retry_after": 0.4, "global": false}),
    );
    let (id, p) = alice_asks("why-not", "place", "russia");
    bot.fake.dispatch("INTERACTION_CREATE", p);
    let body = accepted_callback(&bot, id).await;
    assert_eq!(embed(&body)["title"], "Netflix in Russia: ⏸️ suspended");
    let tries = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.is_callback() && r.interaction_id == Some(id))
        .collect::<Vec<_>>();
    assert_eq!(tries.len(), 2);
    assert_eq!((tries[0].status, tries[1].status), (429, 204));
    let waited = tries[1].at.duration_since(tries[0].at);
    assert!(
        waited >= Duration::from_millis(400),
        "retried after {waited:?}, before the rate limit had passed"
    );
    assert!(!tries[1].late, "the retry still met the 3 s deadline");
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_answered_with_500_is_retried() {
    let bot = start("fu500").await;
    // /reindex defers, then fills the deferral in with a follow-up.
    bot.fake.fail_next(
        "/webhooks/",
        503,
        json!({"message": "Service Unavailable", "code": 0}),
    );
    let (id, p) = moderator_reindex();
    let first = callback(&bot, id, p).await;
    assert_eq!(first["type"], 5);
    let text = final_text(&bot, id).await;
    assert!(text.starts_with("Reindexed in"), "{text}");
    // The follow-up that fills the deferral in (later edits, such as progress becoming the
    // final text on a slow machine, are PATCHes of that message).
    let webhook: Vec<u16> = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| {
            r.method == "POST"
                && r.path.starts_with("/api/v10/webhooks/")
                && r.interaction_id == Some(id)
        })
        .map(|r| r.status)
        .collect();
    assert_eq!(webhook, vec![503, 200]);
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_that_keeps_failing_is_given_up_logged_and_apologised_for() {
    let logs = logs::capture();
    let bot = start("giveup").await;
    for _ in 0..4 {
        bot.fake.fail_next(
            "/callback",
            502,
            json!({"message": "Bad Gateway", "code": 0}),
        );
    }
    let (id, p) = alice_asks("why-not", "place", "china");
    bot.fake.dispatch("INTERACTION_CREATE", p);
    // The answer: the first try and three retries (200, 400, 800 ms apart), then given up; the
    // apology that follows gets through, still within the 3 s deadline.
    let body = accepted_callback(&bot, id).await;
    assert_eq!(
        body["data"]["content"],
        "Sorry, something went wrong answering that. Please try again in a moment."
    );
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    let seen: Vec<u16> = callbacks(&bot, id).iter().map(|c| c.0).collect();
    assert_eq!(seen, vec![502, 502, 502, 502, 204]);
    let text = logs.text();
    let line = text
        .lines()
        .find(|l| l.contains("gave up sending to Discord"))
        .unwrap_or_else(|| panic!("nothing logged:\n{text}"));
    assert!(
        line.contains("what=\"reply\"")
            && line.contains("status=502")
            && line.contains("attempts=4"),
        "{line}"
    );
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_gateway_socket_is_resumed() {
    // Short heartbeats, so the dead socket is noticed quickly.
    let options = FakeOptions {
        heartbeat_interval_ms: 1_000,
        ..FakeOptions::default()
    };
    let bot = start_with("drop", options, &[]).await;
    let identified = bot.fake.identify_count();
    assert!(bot.fake.drop_connection(), "a socket was open");
    for _ in 0..300 {
        if bot.fake.resume_count() >= 1 && bot.fake.is_connected() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(bot.fake.resume_count(), 1, "the bot resumed its session");
    assert_eq!(
        bot.fake.identify_count(),
        identified,
        "no new session was needed"
    );
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_user_flooding_is_told_to_slow_down_and_others_are_not() {
    let limits = [
        ("COOLDOWN_BURST", "2".to_string()),
        ("COOLDOWN_PER_MINUTE", "6".to_string()),
    ];
    let bot = start_with("cooldown", FakeOptions::default(), &limits).await;
    for place in ["china", "russia"] {
        let (id, p) = alice_asks("why-not", "place", place);
        assert_eq!(callback(&bot, id, p).await["type"], 4);
    }
    let (id, p) = alice_asks("why-not", "place", "syria");
    let body = callback(&bot, id, p).await;
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert_eq!(
        body["data"]["content"],
        "You're asking faster than I can keep up with — please wait 10 s and try again."
    );
    assert!(body["data"]["embeds"].as_array().is_none_or(Vec::is_empty));

    // Bob is not affected.
    let (id, p) = slash(
        "why-not",
        BOB,
        &[],
        MEMBER_PERMISSIONS,
        json!([fake::option("place", 3, json!("syria"))]),
    );
    assert_eq!(
        embed(&callback(&bot, id, p).await)["title"],
        "Netflix in Syria: 🚫 not available"
    );

    // Turning a page computes an answer too: Alice's page button is told to wait as well.
    let click = next_id();
    let mut press = fake::button_click(
        click,
        support::fake_discord::GUILD_ID,
        support::fake_discord::CHANNEL_ID,
        ALICE,
        "page:2:/titles origin:CN",
        next_id(),
    );
    press["message"]["interaction_metadata"]["user"] = fake::user(ALICE);
    let body = callback(&bot, click, press).await;
    assert_eq!(body["type"], 4, "a new private message, not a page turn");
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("You're asking faster than I can keep up with — please wait"),
        "{body}"
    );

    // Autocomplete is never limited: Alice still gets choices while typing.
    let id = next_id();
    let ac = fake::autocomplete(
        id,
        support::fake_discord::GUILD_ID,
        support::fake_discord::CHANNEL_ID,
        ALICE,
        "why-not",
        json!([fake::focused_option("place", 3, "jap")]),
    );
    let body = callback(&bot, id, ac).await;
    assert_eq!(body["type"], 8);
    assert_eq!(body["data"]["choices"][0]["value"], "JP");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_direct_messages_is_told_once() {
    let limits = [
        ("COOLDOWN_BURST", "2".to_string()),
        ("COOLDOWN_PER_MINUTE", "6".to_string()),
    ];
    let bot = start_with("dmflood", FakeOptions::default(), &limits).await;
    let path = format!("/api/v10/channels/{DM_CHANNEL}/messages");
    for _ in 0..5 {
        bot.fake.dispatch(
            "MESSAGE_CREATE",
            fake::dm_message(next_id(), DM_CHANNEL, ALICE, false, "why not china"),
        );
    }
    let replies = |bot: &Bot| -> Vec<Value> {
        bot.fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .map(|r| r.json)
            .collect()
    };
    for _ in 0..100 {
        if replies(&bot).len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Give a fourth or fifth reply (which must not come) a moment to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got = replies(&bot);
    assert_eq!(got.len(), 3, "two answers and one slow-down: {got:?}");
    let answered = got
        .iter()
        .filter(|m| m["embeds"][0]["title"] == "Netflix in China: 🚫 not available")
        .count();
    assert_eq!(answered, 2);
    let told: Vec<&str> = got.iter().filter_map(|m| m["content"].as_str()).collect();
    assert_eq!(
        told,
        vec!["You're asking faster than I can keep up with — please wait 10 s and try again."]
    );
    assert!(
        got.iter()
            .all(|m| m["allowed_mentions"]["parse"] == json!([]))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_of_an_outdated_shape_still_get_an_answer() {
    // A client with stale command definitions sends `type` as text instead of a choice index.
    let bot = start("stale").await;
    let (id, p) = slash(
        "titles",
        ALICE,
        &[],
        MEMBER_PERMISSIONS,
        json!([fake::option("type", 3, json!("movie"))]),
    );
    let body = callback(&bot, id, p).await;
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert_eq!(
        body["data"]["content"],
        "Discord sent this command in an older form — it was just updated. Please try again in a minute."
    );
    still_answers(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_reindexes_at_once_one_runs_and_the_other_is_told() {
    let bot = start("tworeindex").await;
    // Enough titles that a reindex takes a moment.
    let mut csv = String::from("show_id,type,title,country,release_year,description\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "r{i},Movie,Reindex Load Film {i},Mongolia,2001,Number {i}.\n"
        ));
    }
    std::fs::write(bot.root.join("data/titles/disney_plus_titles.csv"), csv).unwrap();
    let (a, pa) = moderator_reindex();
    let (b, pb) = moderator_reindex();
    bot.fake.dispatch("INTERACTION_CREATE", pa);
    bot.fake.dispatch("INTERACTION_CREATE", pb);
    let mut texts = vec![final_text(&bot, a).await, final_text(&bot, b).await];
    texts.sort();
    assert!(texts[1].starts_with("Reindexed in"), "{texts:?}");
    // The refused one names the process building the index (the other reindex's child).
    let refused = &texts[0];
    let pid = refused
        .strip_prefix("Reindex failed: another reindex is already running on this index (process ")
        .and_then(|rest| {
            rest.strip_suffix(
                "); try again when it finishes. The previous data and index are still in use.",
            )
        })
        .unwrap_or_else(|| panic!("{refused}"));
    assert!(
        pid.parse::<u32>().is_ok_and(|p| p != std::process::id()),
        "{refused}"
    );
    assert_eq!(bot.engine.info().titles, 8 + 25 + 20_000);
    still_answers(&bot).await;
}

/// Waits for the process (not this one) that holds the lock on the bot's index.
async fn index_lock_holder(bot: &Bot) -> u32 {
    for _ in 0..(30_000 / 20) {
        if let Some(pid) = streambot::search::lock::holder(&bot.root.join("index"))
            && pid != std::process::id()
        {
            return pid;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no reindexing child ever took the index lock");
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reindexing_child_killed_mid_way_leaves_the_old_index_serving() {
    let bot = start("killchild").await;
    let before = bot.engine.info();
    let mut csv = String::from("show_id,type,title,country,release_year,description\n");
    for i in 0..60_000 {
        csv.push_str(&format!(
            "k{i},Movie,Killed Build Film {i},Mongolia,2001,Number {i}.\n"
        ));
    }
    std::fs::write(bot.root.join("data/titles/disney_plus_titles.csv"), csv).unwrap();
    let (id, p) = moderator_reindex();
    assert_eq!(callback(&bot, id, p).await["type"], 5);
    // The moderator sees the child's progress while it builds.
    let mut progress = None;
    for _ in 0..(30_000 / 20) {
        progress = bot.fake.original_response(id).and_then(|m| {
            m["content"]
                .as_str()
                .filter(|c| is_progress(c))
                .map(str::to_string)
        });
        if progress.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let progress = progress.expect("a progress line within the build");
    assert!(
        progress.ends_with("Answers still come from the current index."),
        "{progress}"
    );
    // Questions are answered while it builds.
    still_answers(&bot).await;
    let child = index_lock_holder(&bot).await;
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &child.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(
        final_text(&bot, id).await,
        "Reindex failed: the rebuild stopped before it finished (details are in the log). The previous data and index are still in use."
    );
    assert_eq!(bot.engine.info().built_at, before.built_at);
    assert_eq!(bot.engine.info().titles, 8 + 25);
    still_answers(&bot).await;
    // The dead child's lock went with it: the next reindex runs and is served.
    let (id, p) = moderator_reindex();
    callback(&bot, id, p).await;
    let text = final_text(&bot, id).await;
    assert!(text.starts_with("Reindexed in"), "{text}");
    assert_eq!(bot.engine.info().titles, 8 + 25 + 60_000);
    let (id, p) = alice_asks("title", "name", "Killed Build Film 59999");
    let body = callback(&bot, id, p).await;
    assert_eq!(embed(&body)["title"], "Killed Build Film 59999 (2001)");
}
