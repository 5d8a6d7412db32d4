//! Hostile files sent to /reindex by a moderator: too large (declared or real), not UTF-8, a CSV
//! with a 1 MB cell or a million columns, names like `../../x.csv`, a document pretending to
//! be a CSV and a CSV pretending to be titles. Each is refused with a clear reason (or, for a
//! path in the name, stored under the data directory only), nothing is written anywhere else,
//! and nothing is lost. Data with `@everyone`, role mentions and markdown never pings or breaks.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::json;
use support::bot::*;
use support::fake_discord::{self as fake, MEMBER_PERMISSIONS};

/// Every file under `root` with its contents.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &mut out);
    out
}

/// The moderator uploads `bytes` as `name`; returns the final reply.
async fn upload(bot: &Bot, name: &str, bytes: &[u8]) -> String {
    let (id, p) = reindex_with_file(MODERATOR, &[MOD_ROLE], MEMBER_PERMISSIONS, bot, name, bytes);
    assert_eq!(callback(bot, id, p).await["type"], 5, "deferred first");
    final_text(bot, id).await
}

/// Uploads `bytes` as `name`, expects it refused with `reason`, and checks that nothing changed
/// on disk (the bot's whole directory: data and index) nor in the index. (It used to read the
/// whole temporary directory and compare only the bot's part: with a CI checkout under /tmp
/// that meant reading gigabytes of build output.)
async fn refused(bot: &Bot, name: &str, bytes: &[u8], reason: &str) {
    let before = snapshot(&bot.root);
    let titles = bot.engine.info().titles;
    let text = upload(bot, name, bytes).await;
    assert!(
        text.contains(reason),
        "{name}: wanted {reason:?} in {text:?}"
    );
    assert!(text.ends_with("Nothing was changed."), "{name}: {text}");
    assert_eq!(bot.engine.info().titles, titles, "{name}");
    let after = snapshot(&bot.root);
    let changed: Vec<_> = after
        .keys()
        .chain(before.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(changed.is_empty(), "{name} changed {changed:?}");
    assert!(!bot.root.join("data/uploads").exists(), "{name}");
}

const HEADER: &str = "show_id,type,title,country,release_year,description\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_malformed_files_are_refused_with_a_reason() {
    let bot = start("hostile").await;

    // Over 5 MB, as Discord declares it: refused before it is even downloaded.
    let big = vec![b'a'; 6 * 1024 * 1024];
    refused(&bot, "hulu_titles.csv", &big, "the limit is 5242880").await;

    // Over 5 MB in fact, though the payload says 100 bytes: the download stops at the limit.
    let before = snapshot(&bot.root);
    let url = bot.fake.serve_attachment("hulu_titles.csv", big.clone());
    let att = fake::attachment(next_id(), "hulu_titles.csv", 100, &url, "text/csv");
    let (id, p) = slash(
        "reindex",
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        json!([fake::attachment_option("file", &att)]),
    );
    callback(&bot, id, fake::with_resolved_attachments(p, &[att])).await;
    assert_eq!(
        final_text(&bot, id).await,
        "`hulu_titles.csv` is larger than 5242880 bytes, the limit. Nothing was changed."
    );
    assert_eq!(snapshot(&bot.root), before);

    // Not UTF-8.
    let latin1 = b"Un document en Latin-1: caf\xe9, cr\xe8me br\xfbl\xe9e.\n".to_vec();
    refused(&bot, "notes.txt", &latin1, "the file is not UTF-8 text").await;

    // A 1 MB cell.
    let mut csv = HEADER.to_string();
    csv.push_str(&format!(
        "h1,Movie,Huge,China,2020,{}\n",
        "x".repeat(1 << 20)
    ));
    refused(
        &bot,
        "hulu_titles.csv",
        csv.as_bytes(),
        "line 2 has a cell of 1048576 bytes; the limit is 8192 bytes",
    )
    .await;

    // A million columns.
    let wide = format!("{}\n", vec!["c"; 1_000_000].join(","));
    refused(
        &bot,
        "hulu_titles.csv",
        wide.as_bytes(),
        "the CSV has 1000000 columns; a titles CSV has at most 64",
    )
    .await;

    // A path in the name, and a name that is no titles file once the path is gone.
    refused(
        &bot,
        "../../x.csv",
        format!("{HEADER}h1,Movie,Escape,China,2020,none\n").as_bytes(),
        "only titles CSVs named `<service>_titles.csv`",
    )
    .await;

    // A document pretending to be a CSV, and a CSV that is really prose.
    refused(
        &bot,
        "notes.txt",
        format!("{HEADER}h1,Movie,Sneaky,China,2020,none\n").as_bytes(),
        "only titles CSVs named",
    )
    .await;
    refused(
        &bot,
        "hulu_titles.csv",
        "Dear moderators,\nplease add these films: Alpha, Beta and Gamma.\nThanks!\n".as_bytes(),
        "the file has no usable rows",
    )
    .await;

    // Still answering, with the data it had.
    let (id, p) = alice_asks("why-not", "place", "china");
    assert_eq!(
        embed(&callback(&bot, id, p).await)["title"],
        "Netflix in China: 🚫 not available"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_path_in_the_name_is_stored_inside_the_data_directory_only() {
    let bot = start("traversal").await;
    let outside = bot.root.parent().unwrap().join("hulu_titles.csv");
    let _ = std::fs::remove_file(&outside);
    let before = snapshot(&bot.root);
    let csv = format!("{HEADER}t1,Movie,Traversal Test Film,Mongolia,2021,A test.\n");
    let text = upload(&bot, "../../hulu_titles.csv", csv.as_bytes()).await;
    let stored = bot.root.join("data/uploads/hulu_titles.csv");
    assert!(
        text.starts_with("Added `uploads/hulu_titles.csv`: 1 titles for hulu."),
        "{text}"
    );
    assert!(!outside.exists());
    let after = snapshot(&bot.root);
    let added: Vec<&PathBuf> = after
        .keys()
        .filter(|k| !before.contains_key(*k) && !k.starts_with(bot.root.join("index")))
        .collect();
    assert_eq!(added, vec![&stored]);
    // Nothing lost: every data file is still there, unchanged.
    for (path, bytes) in before
        .iter()
        .filter(|(p, _)| p.starts_with(bot.root.join("data")))
    {
        assert_eq!(after.get(path), Some(bytes), "{}", path.display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_and_markdown_in_data_never_ping_or_break_formatting() {
    let bot = start("mentions").await;
    let csv = format!(
        "{HEADER}m1,Movie,@everyone **Gotcha** <@&{MOD_ROLE}> `x` ||spoiler||,Mongolia,2022,\"Hi @here, see <@{ALICE}> and [a link](https://example.com) _now_\"\n"
    );
    let text = upload(&bot, "hulu_titles.csv", csv.as_bytes()).await;
    assert!(text.contains("1 titles for hulu"), "{text}");

    let (id, p) = alice_asks("titles", "origin", "mongolia");
    let body = callback(&bot, id, p).await;
    let no_mentions = json!({"parse": [], "roles": [], "users": []});
    assert_eq!(body["data"]["allowed_mentions"], no_mentions);
    let rendered = body["data"]["embeds"].to_string();
    for raw in [
        "@everyone",
        "@here",
        "<@&",
        "<@1",
        "**Gotcha**",
        "||spoiler||",
        "[a link](",
    ] {
        assert!(!rendered.contains(raw), "{raw:?} left as is in {rendered}");
    }
    let field = &embed(&body)["fields"][0];
    assert_eq!(
        field["name"],
        "1. @\u{200b}everyone \\*\\*Gotcha\\*\\* <\u{200b}@\u{200b}&1210000000000000201\\> \\`x\\` \\|\\|spoiler\\|\\| (2022) · movie · Mongolia · Hulu"
    );

    // The same through a direct message.
    let r = alice_dms(&bot, "@everyone mongolian movies").await;
    assert_eq!(r.json["allowed_mentions"], no_mentions);
    assert!(!r.json.to_string().contains("@everyone"), "{}", r.json);
}

/// An attachment whose URL is not on Discord's attachment hosts (nor the configured API base)
/// is never fetched: the moderator is told it could not be downloaded and nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attachment_off_discords_hosts_is_never_fetched() {
    let bot = start("offhost").await;
    let elsewhere = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    elsewhere.set_nonblocking(true).unwrap();
    let url = format!(
        "http://{}/attachments/1/2/hulu_titles.csv",
        elsewhere.local_addr().unwrap()
    );
    let before = snapshot(&bot.root);
    let att = fake::attachment(next_id(), "hulu_titles.csv", 100, &url, "text/csv");
    let (id, p) = slash(
        "reindex",
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        json!([fake::attachment_option("file", &att)]),
    );
    callback(&bot, id, fake::with_resolved_attachments(p, &[att])).await;
    assert_eq!(
        final_text(&bot, id).await,
        "I could not download that file from Discord. Nothing was changed."
    );
    assert_eq!(snapshot(&bot.root), before);
    assert!(
        elsewhere.accept().is_err(),
        "the bot connected to the off-host address"
    );
}

/// The bot is public: whoever adds it to their own server is that server's administrator.
/// `/reindex` from there (or from a user install in a home server) is refused, and the data
/// directory and index stay byte-identical.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_servers_admin_cannot_change_what_everyone_is_told() {
    let bot = start("otherguild").await;
    const OTHER_GUILD: u64 = 1_210_000_000_000_000_999;
    // Administrator and Manage Server.
    const ADMIN: &str = "40";
    let before = snapshot(&bot.root);
    let titles = bot.engine.info().titles;
    let csv = format!("{HEADER}h1,Movie,Planted,China,2020,everyone sees this\n");
    let (id, mut p) = reindex_with_file(
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        &bot,
        "netflix_titles.csv",
        csv.as_bytes(),
    );
    p["guild_id"] = json!(OTHER_GUILD.to_string());
    p["authorizing_integration_owners"] = json!({ "0": OTHER_GUILD.to_string() });
    p["member"]["permissions"] = json!(ADMIN);
    let body = callback(&bot, id, p).await;
    let text = body["data"]["content"].as_str().unwrap().to_string();
    assert!(
        text.starts_with("Only moderators can reindex, and only in the bot operator's own servers"),
        "{text}"
    );
    // The home server, but the app only user-installed there: refused too.
    let (id, mut p) = reindex_with_file(
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        &bot,
        "netflix_titles.csv",
        csv.as_bytes(),
    );
    p["authorizing_integration_owners"] = json!({ "1": MODERATOR.to_string() });
    p["member"]["permissions"] = json!(ADMIN);
    let body = callback(&bot, id, p).await;
    assert_eq!(body["data"]["content"].as_str().unwrap(), text);
    assert_eq!(snapshot(&bot.root), before);
    assert_eq!(bot.engine.info().titles, titles);
}
