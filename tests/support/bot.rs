//! A running bot for end-to-end tests: the real serenity/poise client on a scratch copy of
//! data/, connected to a fresh fake Discord, plus helpers to build and send interactions.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use streambot::config::Config;
use streambot::search::Engine;

use super::fake_discord::{
    self as fake, CHANNEL_ID, FakeDiscord, FakeOptions, GUILD_ID, MEMBER_PERMISSIONS, OWNER_ID,
};
use super::fs::copy_dir;

pub const STEP: Duration = Duration::from_secs(10);
pub const ALICE: u64 = 1_210_000_000_000_000_101;
pub const BOB: u64 = 1_210_000_000_000_000_102;
pub const MODERATOR: u64 = 1_210_000_000_000_000_103;
pub const MOD_ROLE: u64 = 1_210_000_000_000_000_201;
pub const DM_CHANNEL: u64 = 1_210_000_000_000_000_301;

pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1_210_000_000_000_100_000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A running bot: its fake Discord, its engine, and its scratch data directory.
pub struct Bot {
    pub fake: FakeDiscord,
    pub engine: Arc<Engine>,
    pub root: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// 25 Chinese titles, so that `/titles origin:cn` has three pages.
pub fn many_chinese_titles() -> String {
    let mut csv = String::from("show_id,type,title,country,release_year,listed_in,description\n");
    for i in 0..25 {
        csv.push_str(&format!(
            "h{i},Movie,Fixture Film {i:02},China,{},Dramas,Film number {i}.\n",
            2000 + i
        ));
    }
    csv
}

pub async fn start(name: &str) -> Bot {
    start_with(name, FakeOptions::default(), &[]).await
}

/// Starts the bot on a copy of data/ (plus 25 Chinese fixture titles) against a new fake
/// Discord, with `extra` settings added to (or overriding) the usual test configuration.
pub async fn start_with(name: &str, options: FakeOptions, extra: &[(&str, String)]) -> Bot {
    let bot = launch(name, FakeDiscord::start_with(options).await, extra).await;
    assert!(
        bot.fake.wait_connected(STEP).await,
        "the bot never connected and registered its commands"
    );
    bot
}

/// A fresh scratch directory `streambot-{kind}-{name}-{pid}` holding a copy of data/ plus 25
/// Chinese fixture titles (as Hulu's), for a bot or an HTTP replica to serve.
pub fn scratch_data(kind: &str, name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("streambot-{kind}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &root.join("data"),
    );
    std::fs::write(
        root.join("data/titles/hulu_titles.csv"),
        many_chinese_titles(),
    )
    .unwrap();
    root
}

/// Like [`start_with`] on a fake Discord already running, without waiting for the bot to
/// connect.
pub async fn launch(name: &str, fake: FakeDiscord, extra: &[(&str, String)]) -> Bot {
    let root = scratch_data("e2e", name);
    let vars = [
        ("DISCORD_TOKEN", "fake-token-e2e".to_string()),
        ("DISCORD_API_BASE", fake.base_url()),
        ("DISCORD_GUILD_ID", GUILD_ID.to_string()),
        ("MODERATOR_ROLE_IDS", MOD_ROLE.to_string()),
        ("OWNER_IDS", OWNER_ID.to_string()),
        ("STREAMBOT_DATA", root.join("data").display().to_string()),
        ("STREAMBOT_INDEX", root.join("index").display().to_string()),
        // The bot runs in this test process: /reindex runs the real binary as its child.
        ("STREAMBOT_EXE", env!("CARGO_BIN_EXE_streambot").to_string()),
    ];
    let config = Config::from_lookup(|k| {
        extra
            .iter()
            .chain(vars.iter())
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.clone())
    })
    .unwrap();
    let (data, index) = (config.data_dirs.clone(), config.index_dir.clone());
    let engine = tokio::task::spawn_blocking(move || {
        Engine::open(&index, &data, "test", &|_, _| {}).unwrap().0
    })
    .await
    .unwrap();
    let engine = Arc::new(engine);
    let task = tokio::spawn({
        let engine = engine.clone();
        async move {
            if let Err(e) = streambot::discord::run(config, engine).await {
                eprintln!("bot stopped: {e}");
            }
        }
    });
    Bot {
        fake,
        engine,
        root,
        task,
    }
}

pub fn slash(
    command: &str,
    user: u64,
    roles: &[u64],
    permissions: u64,
    options: Value,
) -> (u64, Value) {
    let id = next_id();
    (
        id,
        fake::slash_in_guild(
            id,
            GUILD_ID,
            CHANNEL_ID,
            user,
            roles,
            permissions,
            command,
            options,
        ),
    )
}

/// An ordinary member's slash command with one string option.
pub fn alice_asks(command: &str, option: &str, value: &str) -> (u64, Value) {
    slash(
        command,
        ALICE,
        &[],
        MEMBER_PERMISSIONS,
        json!([fake::option(option, 3, json!(value))]),
    )
}

/// Dispatches an interaction and returns its first callback's JSON body.
pub async fn callback(bot: &Bot, id: u64, payload: Value) -> Value {
    bot.fake.dispatch("INTERACTION_CREATE", payload);
    let r = bot
        .fake
        .wait_for_callback(id, STEP)
        .await
        .unwrap_or_else(|| panic!("no callback for interaction {id}"));
    assert_eq!(r.status, 204, "rejected: {:?}", r.rejected);
    assert!(
        bot.fake.first_response_latency(id).unwrap() < Duration::from_secs(3),
        "first response later than 3 s"
    );
    r.json
}

/// Alice types `partial` into `option` of `command`; returns the choices the bot offers.
pub async fn alice_autocompletes(bot: &Bot, command: &str, option: &str, partial: &str) -> Value {
    let id = next_id();
    let p = fake::autocomplete(
        id,
        GUILD_ID,
        CHANNEL_ID,
        ALICE,
        command,
        json!([fake::focused_option(option, 3, partial)]),
    );
    let body = callback(bot, id, p).await;
    assert_eq!(body["type"], 8, "an autocomplete result");
    body["data"]["choices"].clone()
}

pub fn embed(body: &Value) -> &Value {
    &body["data"]["embeds"][0]
}

/// Alice sends the bot a direct message; returns the bot's reply request.
pub async fn alice_dms(bot: &Bot, text: &str) -> super::fake_discord::Recorded {
    bot.fake.dispatch(
        "MESSAGE_CREATE",
        fake::dm_message(next_id(), DM_CHANNEL, ALICE, false, text),
    );
    let path = format!("/api/v10/channels/{DM_CHANNEL}/messages");
    bot.fake
        .wait_for(|r| r.method == "POST" && r.path == path, STEP)
        .await
        .expect("a reply to the DM")
}

/// A moderator's `/reindex` without a file.
pub fn moderator_reindex() -> (u64, Value) {
    slash(
        "reindex",
        MODERATOR,
        &[MOD_ROLE],
        MEMBER_PERMISSIONS,
        json!([]),
    )
}

pub fn reindex_with_file(
    user: u64,
    roles: &[u64],
    permissions: u64,
    bot: &Bot,
    name: &str,
    bytes: &[u8],
) -> (u64, Value) {
    // Discord's CDN serves a file under a URL-safe version of its name.
    let url = bot
        .fake
        .serve_attachment(&name.replace(['/', '\\'], "_"), bytes.to_vec());
    let att = fake::attachment(next_id(), name, bytes.len() as u64, &url, "text/csv");
    let (id, p) = slash(
        "reindex",
        user,
        roles,
        permissions,
        json!([fake::attachment_option("file", &att)]),
    );
    (id, fake::with_resolved_attachments(p, &[att]))
}

/// Whether a reply is /reindex's progress line rather than its outcome.
pub fn is_progress(text: &str) -> bool {
    text.starts_with("Reindexing… ") || text.starts_with("正在重建索引… ")
}

/// The text of the deferred reply, once it is filled in (past any progress lines).
pub async fn final_text(bot: &Bot, id: u64) -> String {
    // Generous: a reindex of the full datasets in an unoptimised build takes a while.
    for _ in 0..(60_000 / 50) {
        if let Some(m) = bot.fake.original_response(id)
            && let Some(c) = m["content"]
                .as_str()
                .filter(|c| !c.is_empty() && !is_progress(c))
        {
            return c.to_string();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the deferred reply to {id} was never filled in");
}
