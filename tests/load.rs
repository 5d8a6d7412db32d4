//! Load through the fake Discord: many users sending a mix of slash commands and autocomplete
//! at a steady rate while a moderator reindexes every few seconds. Every interaction must be
//! answered exactly once, within Discord's 3-second deadline. The bot is the real binary, so its
//! peak memory is its own. The small run is part of CI; the
//! full one (5,000 interactions from 200 users in under a minute over the four public datasets,
//! a reindex every 10 s) is
//! `cargo test --release --test load -- --ignored --nocapture` and prints its figures.

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::bot::{MOD_ROLE, is_progress, moderator_reindex, next_id};
use support::fake_discord::{self as fake, CHANNEL_ID, FakeDiscord, GUILD_ID, MEMBER_PERMISSIONS};
use support::fs::Scratch;

struct Spec {
    name: &'static str,
    users: u64,
    per_user: u64,
    /// Time over which the interactions are spread.
    over: Duration,
    reindex_every: Duration,
    /// Also load the four public datasets (`../shared/data`), when they are there.
    full_data: bool,
}

/// A deterministic PRNG (SplitMix64), so every run sends the same interactions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "china",
    "russia",
    "crimea",
    "north korea",
    "syria",
    "japan",
    "CN",
    "中国",
    "hong kong",
    "germny",
    "brasil",
    "atlantis",
];
const ORIGINS: &[&str] = &["cn", "kr", "jp", "in", "us", "gb", "france", "mongolia"];
const NAMES: &[&str] = &[
    "Breaking Bad",
    "brekaing bad",
    "The Wandering Earth",
    "Day and Night",
    "The Long Season",
    "no such title at all",
];
const QUESTIONS: &[&str] = &[
    "why can't I watch Netflix in China?",
    "korean tv shows",
    "chinese movies from 2019",
    "为什么中国不能看Netflix",
    "what is netflix",
];

/// Interaction number `n` of user `user`: (command, payload). Kinds: why-not, titles, title,
/// ask, autocomplete, help, sources.
fn interaction(rng: &mut Rng, id: u64, user: u64) -> (&'static str, Value) {
    let guild = |command: &str, options: Value| {
        fake::slash_in_guild(
            id,
            GUILD_ID,
            CHANNEL_ID,
            user,
            &[],
            MEMBER_PERMISSIONS,
            command,
            options,
        )
    };
    let text = |name: &str, value: &str| fake::option(name, 3, json!(value));
    match rng.next() % 100 {
        0..30 => (
            "why-not",
            guild("why-not", json!([text("place", rng.pick(PLACES))])),
        ),
        30..55 => {
            // A choice option carries the choice's index: 0 movie, 1 tv.
            let kind = rng.next() % 2;
            let opts = json!([
                text("origin", rng.pick(ORIGINS)),
                fake::option("type", 4, json!(kind))
            ]);
            ("titles", guild("titles", opts))
        }
        55..70 => (
            "title",
            guild("title", json!([text("name", rng.pick(NAMES))])),
        ),
        70..85 => (
            "ask",
            guild("ask", json!([text("question", rng.pick(QUESTIONS))])),
        ),
        85..95 => {
            let (command, option, partial) = match rng.next() % 3 {
                0 => (
                    "why-not",
                    "place",
                    rng.pick(&["ch", "ru", "jap", "kor", "中"]),
                ),
                1 => ("titles", "origin", "ch"),
                _ => ("title", "name", "brea"),
            };
            let opts = json!([fake::focused_option(option, 3, partial)]);
            (
                "autocomplete",
                fake::autocomplete(id, GUILD_ID, CHANNEL_ID, user, command, opts),
            )
        }
        95..98 => ("help", guild("help", json!([]))),
        _ => ("sources", guild("sources", json!([]))),
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The real `streambot` binary connected to a fresh fake Discord, on a scratch copy of data/
/// (plus the public datasets when asked for); killed on drop.
struct Running {
    fake: FakeDiscord,
    child: Child,
    _scratch: Scratch,
}

impl Running {
    async fn start(name: &str, full_data: bool) -> Running {
        let scratch = Scratch::new(name);
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        if full_data && shared.is_dir() {
            support::fs::copy_dir(&shared, &scratch.data().join("full"));
        }
        // The index is built beforehand, as on a server that has run before: the bot's peak
        // memory is then serving and reindexing, not its first build.
        let built = Command::new(env!("CARGO_BIN_EXE_streambot"))
            .arg("--data")
            .arg(scratch.data())
            .arg("--index")
            .arg(scratch.index())
            .arg("index")
            .output()
            .unwrap();
        assert!(built.status.success(), "{built:?}");
        let fake = FakeDiscord::start().await;
        let child = Command::new(env!("CARGO_BIN_EXE_streambot"))
            .env("DISCORD_TOKEN", "fake-token-load")
            .env("DISCORD_API_BASE", fake.base_url())
            .env("DISCORD_GUILD_ID", GUILD_ID.to_string())
            .env("MODERATOR_ROLE_IDS", MOD_ROLE.to_string())
            .env("STREAMBOT_DATA", scratch.data())
            .env("STREAMBOT_INDEX", scratch.index())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let running = Running {
            fake,
            child,
            _scratch: scratch,
        };
        assert!(
            running.fake.wait_connected(Duration::from_secs(180)).await,
            "the bot never connected"
        );
        running
    }

    /// The bot process's peak resident memory so far (`VmHWM`), in MB.
    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn run(spec: Spec) {
    let bot = Running::start(spec.name, spec.full_data).await;
    let total = spec.users * spec.per_user;
    let gap = spec.over.div_f64(total as f64);
    let mut rng = Rng(0x5EED);
    let mut sent: Vec<(u64, &'static str)> = Vec::new();
    let mut reindexes: Vec<u64> = Vec::new();
    let began = Instant::now();
    let mut next_reindex = spec.reindex_every;
    for n in 0..total {
        // Round-robin over users, so each one asks at a steady pace (as a person would).
        let user = 1_300_000_000_000_000_000 + n % spec.users;
        let id = next_id();
        let (kind, payload) = interaction(&mut rng, id, user);
        bot.fake.dispatch("INTERACTION_CREATE", payload);
        sent.push((id, kind));
        if began.elapsed() >= next_reindex {
            next_reindex += spec.reindex_every;
            let (id, p) = moderator_reindex();
            bot.fake.dispatch("INTERACTION_CREATE", p);
            reindexes.push(id);
        }
        let due = began + gap * (n as u32 + 1);
        tokio::time::sleep_until(due.into()).await;
    }
    let sending = began.elapsed();

    // Wait for the last answers (and the last reindex's filled-in reply).
    let deadline = Instant::now() + Duration::from_secs(60);
    let all: Vec<u64> = sent
        .iter()
        .map(|s| s.0)
        .chain(reindexes.iter().copied())
        .collect();
    loop {
        let answered = all
            .iter()
            .filter(|id| bot.fake.first_response_latency(**id).is_some())
            .count();
        let filled = reindexes.iter().all(|id| {
            bot.fake.original_response(*id).is_some_and(|m| {
                m["content"]
                    .as_str()
                    .is_some_and(|c| !c.is_empty() && !is_progress(c))
            })
        });
        if (answered == all.len() && filled) || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let mut callbacks: HashMap<u64, Vec<(u16, Option<u64>, bool)>> = HashMap::new();
    for r in bot.fake.requests() {
        if let (true, Some(id)) = (r.is_callback(), r.interaction_id) {
            callbacks
                .entry(id)
                .or_default()
                .push((r.status, r.callback_type(), r.late));
        }
    }
    let unanswered: Vec<&(u64, &str)> = sent
        .iter()
        .filter(|s| !callbacks.contains_key(&s.0))
        .collect();
    assert!(
        unanswered.is_empty(),
        "{} of {} never answered, e.g. {:?}; {} rejected requests: {:?}",
        unanswered.len(),
        sent.len(),
        &unanswered[..unanswered.len().min(5)],
        bot.fake
            .requests()
            .iter()
            .filter(|r| r.rejected.is_some())
            .count(),
        bot.fake
            .requests()
            .iter()
            .filter(|r| r.rejected.is_some())
            .take(3)
            .map(|r| (&r.path, &r.rejected))
            .collect::<Vec<_>>()
    );
    let mut latencies = Vec::new();
    let mut by_kind: HashMap<&str, usize> = HashMap::new();
    let mut cooled = 0;
    for &(id, kind) in &sent {
        let got = callbacks.get(&id).cloned().unwrap_or_default();
        assert_eq!(
            got.len(),
            1,
            "{kind} {id}: expected exactly one callback, got {got:?}"
        );
        let (status, ty, late) = got[0];
        assert_eq!(status, 204, "{kind} {id} refused: {got:?}");
        assert!(!late, "{kind} {id} answered after 3 s");
        let expected = if kind == "autocomplete" { 8 } else { 4 };
        assert!(
            ty == Some(expected) || (ty == Some(5) && kind != "autocomplete"),
            "{kind} {id}: callback type {ty:?}"
        );
        let latency = bot.fake.first_response_latency(id).unwrap();
        assert!(latency < Duration::from_secs(3), "{kind} {id}: {latency:?}");
        latencies.push(latency);
        *by_kind.entry(kind).or_default() += 1;
        if bot.fake.original_response(id).is_some_and(|m| {
            m["content"]
                .as_str()
                .is_some_and(|c| c.starts_with("You're asking faster"))
        }) {
            cooled += 1;
        }
    }
    let mut reindex_outcomes: HashMap<String, usize> = HashMap::new();
    for &id in &reindexes {
        let got = callbacks.get(&id).cloned().unwrap_or_default();
        assert_eq!(got.len(), 1, "reindex {id}: {got:?}");
        assert_eq!(got[0].0, 204, "reindex {id}: {got:?}");
        let text = bot.fake.original_response(id).unwrap()["content"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let outcome = if text.starts_with("Reindexed in") {
            "reindexed"
        } else if text.contains("already running") || text.contains("in progress") {
            "told one is running"
        } else {
            panic!("reindex {id}: unexpected reply {text:?}")
        };
        *reindex_outcomes.entry(outcome.to_string()).or_default() += 1;
    }
    // Nothing was sent twice: no follow-up messages beyond filled-in deferrals.
    for &(id, kind) in &sent {
        assert!(
            bot.fake.followups(id).is_empty(),
            "{kind} {id} got extra messages"
        );
    }
    latencies.sort();
    let report = json!({
        "interactions": sent.len(),
        "full_data": spec.full_data,
        "users": spec.users,
        "sent_over_s": (sending.as_secs_f64() * 10.0).round() / 10.0,
        "reindexes": reindexes.len(),
        "reindex_outcomes": reindex_outcomes,
        "by_kind": by_kind,
        "cooldown_replies": cooled,
        "first_response_p50_ms": percentile(&latencies, 50.0).as_secs_f64() * 1000.0,
        "first_response_p99_ms": percentile(&latencies, 99.0).as_secs_f64() * 1000.0,
        "first_response_max_ms": latencies.last().unwrap().as_secs_f64() * 1000.0,
        "bot_peak_rss_mb": bot.peak_rss_mb(),
    });
    println!("load report: {report}");
    assert_eq!(sent.len() as u64, total);
    assert!(
        !reindexes.is_empty(),
        "at least one reindex ran during the load"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_load_is_answered_exactly_once_within_the_deadline() {
    run(Spec {
        name: "load-small",
        users: 20,
        per_user: 15,
        over: Duration::from_secs(6),
        reindex_every: Duration::from_secs(2),
        full_data: false,
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a minute long; run with --release --ignored --nocapture"]
async fn five_thousand_interactions_from_two_hundred_users_in_under_a_minute() {
    run(Spec {
        name: "load-full",
        users: 200,
        per_user: 25,
        over: Duration::from_secs(50),
        // LOAD_REINDEX_EVERY_S changes the pace (for measuring what reindexing costs).
        reindex_every: Duration::from_secs(
            std::env::var("LOAD_REINDEX_EVERY_S")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(10),
        ),
        full_data: true,
    })
    .await;
}
