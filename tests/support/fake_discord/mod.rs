//! A fake Discord on 127.0.0.1 (REST under `/api/v10` plus the gateway at `/ws`) so end-to-end tests can run the real serenity/poise bot without a network, and see what Discord would have accepted or refused.
//!
//! This module holds the ids and constants, [`FakeOptions`], [`Recorded`] and the shared state;
//! `control.rs` is [`FakeDiscord`]'s start, controls and inspection used by tests;
//! `gateway.rs` the gateway (one task per websocket); `rest.rs` the REST dispatcher, with
//! `interactions.rs` (commands, callbacks, webhooks) and `channels.rs` (messages, DMs, guilds);
//! `limits.rs` Discord's limits ([`validate_message`] and friends); `payloads.rs` the payload
//! builders (pure functions returning `serde_json::Value`); `helpers.rs` multipart parsing and
//! JSON snippets.
//!
//! Facts about serenity 0.12.5 / poise 0.7.1 this relies on are in
//! `../shared/docs/discord-testing.md`.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{DefaultBodyLimit, State as AxumState};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Map, Value, json};
use tokio::sync::watch;
use tokio::task::AbortHandle;

mod channels;
mod control;
mod gateway;
mod helpers;
mod interactions;
mod limits;
mod payloads;
mod rest;

use gateway::*;
use helpers::*;
use interactions::*;
use limits::*;
use rest::*;

// What tests call as `fake::…`; each test crate uses only some of it.
#[allow(unused_imports)]
pub use helpers::{shard_of, within};
#[allow(unused_imports)]
pub use limits::{validate_choices, validate_message};
#[allow(unused_imports)]
pub use payloads::*;

/// The application id (READY, `/oauth2/applications/@me`, webhook routes).
pub const APP_ID: u64 = 1_210_000_000_000_000_001;
/// The bot user's id (READY, `/users/@me`, author of every message the bot sends).
pub const BOT_ID: u64 = 1_210_000_000_000_000_002;
/// The owner of the application (`/oauth2/applications/@me` → `owner`).
pub const OWNER_ID: u64 = 1_210_000_000_000_000_003;
/// A guild id tests can use when they don't care which guild.
pub const GUILD_ID: u64 = 1_210_000_000_000_000_010;
/// A guild text channel id tests can use when they don't care which channel.
pub const CHANNEL_ID: u64 = 1_210_000_000_000_000_020;
/// The bot's username.
pub const BOT_NAME: &str = "streambot";
/// Discord's per-file upload limit (also sent as `attachment_size_limit`).
pub const ATTACHMENT_SIZE_LIMIT: u64 = 26_214_400;
/// `app_permissions` in interaction payloads: view, send, embed links, attach files, read
/// history, add reactions, external emojis, use application commands, send in threads.
pub const BOT_APP_PERMISSIONS: u64 = (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 18)
    | (1 << 31)
    | (1 << 38);
/// `member.permissions` for builders that take no permissions argument (an ordinary member).
pub const MEMBER_PERMISSIONS: u64 =
    (1 << 6) | (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31);
/// Message flag: ephemeral.
pub const EPHEMERAL: u64 = 1 << 6;
/// Message flag: "the bot is thinking" (a deferred response not yet filled in).
pub const LOADING: u64 = 1 << 7;

/// Knobs; `FakeOptions::default()` is what Discord does.
#[derive(Clone, Debug)]
pub struct FakeOptions {
    /// Sent in HELLO. serenity heartbeats once per interval and reconnects if an ACK is missing.
    pub heartbeat_interval_ms: u64,
    /// How long after INTERACTION_CREATE was sent the initial callback is accepted (Discord: 3 s).
    pub ack_deadline: Duration,
    /// How long after INTERACTION_CREATE the webhook token works (Discord: 15 min).
    pub token_lifetime: Duration,
    /// The bot token Discord accepts. `Some`: any other token is refused as Discord does (REST
    /// 401, IDENTIFY closed with 4004 "Authentication failed"). `None`: every token works.
    pub token: Option<String>,
    /// Gateway shards (`GET /gateway/bot` recommends this many; an IDENTIFY for another count
    /// is closed with 4010 "Invalid shard"). Guild events go to shard `(guild_id >> 22) % shards`,
    /// everything else (DMs) to shard 0, each on the connection that identified as that shard.
    pub shards: u32,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            heartbeat_interval_ms: 41_250,
            ack_deadline: Duration::from_secs(3),
            token_lifetime: Duration::from_secs(15 * 60),
            token: None,
            shards: 1,
        }
    }
}

/// One REST request as the fake saw it, with the answer it gave.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Full path, e.g. `/api/v10/interactions/123/tok/callback` (query string in `query`).
    pub path: String,
    pub query: Option<String>,
    /// The JSON body; for multipart bodies the `payload_json` part. `Null` if there was none.
    pub json: Value,
    /// Files of a multipart body.
    pub files: Vec<RecordedFile>,
    /// The status the fake answered with.
    pub status: u16,
    /// Why the fake refused the request (limits, late, unknown route, injected failure...).
    pub rejected: Option<String>,
    /// An interaction callback that came after the ack deadline.
    pub late: bool,
    /// The interaction this request answers (callbacks and webhook routes of known tokens).
    pub interaction_id: Option<u64>,
    pub at: Instant,
}

impl Recorded {
    /// `POST /interactions/{id}/{token}/callback`.
    pub fn is_callback(&self) -> bool {
        self.method == "POST"
            && self.path.starts_with("/api/v10/interactions/")
            && self.path.ends_with("/callback")
    }

    /// The callback `type` (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete).
    pub fn callback_type(&self) -> Option<u64> {
        if self.is_callback() {
            self.json.get("type").and_then(Value::as_u64)
        } else {
            None
        }
    }

    /// The message content: `data.content` for callbacks, `content` otherwise.
    pub fn content(&self) -> Option<&str> {
        let body = if self.is_callback() {
            self.json.get("data")?
        } else {
            &self.json
        };
        body.get("content").and_then(Value::as_str)
    }
}

/// A file part of a multipart request.
#[derive(Clone, Debug)]
pub struct RecordedFile {
    /// The form field, e.g. `files[0]`.
    pub field: String,
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The fake Discord server. Cheap to clone; all clones share one server.
#[derive(Clone)]
pub struct FakeDiscord {
    inner: Arc<Inner>,
}

struct Inner {
    port: u16,
    options: FakeOptions,
    state: Mutex<World>,
    /// Bumped whenever something is queued for the gateway; connection tasks watch it.
    wake: watch::Sender<u64>,
}

/// Everything the fake knows. Guarded by a std mutex that is never held across an await.
#[derive(Default)]
struct World {
    requests: Vec<Recorded>,
    failures: VecDeque<InjectedFailure>,
    /// Served at `/attachments/{key}`: (content type, bytes).
    files: HashMap<String, (String, Vec<u8>)>,
    next_snowflake: u64,

    // --- gateway ---
    /// Open sockets: the latest one, or with several shards one per shard.
    conns: Vec<Conn>,
    shard_count: u32,
    next_conn_id: u64,
    /// Sessions by shard.
    sessions: HashMap<u32, Session>,
    /// Dispatches waiting for a connection that has sent READY/RESUMED.
    outbox: VecDeque<(String, Value)>,
    /// Raw ops (RECONNECT, INVALID_SESSION, ...) for one specific connection.
    ops: VecDeque<(u64, Value)>,
    identify_count: u32,
    resume_count: u32,
    ready_sent: bool,
    /// Every frame the bot sent on any socket.
    gateway_log: Vec<Value>,

    // --- REST world ---
    global_commands: Option<Vec<Value>>,
    guild_commands: HashMap<u64, Vec<Value>>,
    interactions: HashMap<u64, InteractionState>,
    tokens: HashMap<String, u64>,
    /// DM channel id → recipient user id.
    dm_channels: HashMap<u64, u64>,
    /// Guild channel id → guild id (learned from dispatched payloads).
    channel_guild: HashMap<u64, u64>,
    /// (guild, user) → role ids (learned from dispatched payloads).
    member_roles: HashMap<(u64, u64), Vec<u64>>,
    guild_roles: HashMap<u64, BTreeSet<u64>>,
    /// Messages created with `POST /channels/{id}/messages`, by id.
    channel_messages: HashMap<u64, Value>,
}

struct Conn {
    id: u64,
    /// READY or RESUMED has been sent on it, so dispatches may flow.
    ready: bool,
    /// The shard it identified (or resumed) as.
    shard: u32,
    abort: AbortHandle,
}

struct Session {
    id: String,
    seq: u64,
    /// Every dispatch sent in this session, for replay on RESUME.
    log: Vec<(u64, Value)>,
}

struct InteractionState {
    token: String,
    /// Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.
    kind: u64,
    channel_id: u64,
    command_name: String,
    user: Value,
    /// For component interactions: the message the component sits on.
    source_message: Option<Value>,
    dispatched_at: Option<Instant>,
    first_callback_at: Option<Instant>,
    acked: bool,
    response_type: Option<u64>,
    /// The shard whose connection the INTERACTION_CREATE went out on.
    shard: Option<u32>,
    /// The `@original` message as the user would see it now.
    original: Option<Value>,
    followups: Vec<Value>,
}

struct InjectedFailure {
    path_contains: String,
    status: u16,
    body: Value,
}

/// Calls `probe` every 10 ms until it yields something or `timeout` passes.
async fn poll_until<T>(timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(found) = probe() {
            return Some(found);
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

impl Inner {
    fn world(&self) -> MutexGuard<'_, World> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn gateway_url(&self) -> String {
        format!("ws://127.0.0.1:{}/ws", self.port)
    }

    fn wake_connections(&self) {
        self.wake.send_modify(|n| *n = n.wrapping_add(1));
    }
}

impl World {
    fn snowflake(&mut self) -> u64 {
        self.next_snowflake += 1;
        self.next_snowflake
    }

    /// Makes uploaded files downloadable and returns their Attachment objects.
    fn store_files(&mut self, base_url: &str, files: &[RecordedFile]) -> Vec<Value> {
        files
            .iter()
            .map(|file| {
                let id = self.snowflake();
                let key = format!("{id}/{}", file.filename);
                self.files
                    .insert(key.clone(), (file.content_type.clone(), file.bytes.clone()));
                let url = format!("{base_url}/attachments/{key}");
                attachment(
                    id,
                    &file.filename,
                    file.bytes.len() as u64,
                    &url,
                    &file.content_type,
                )
            })
            .collect()
    }

    fn learn_interaction(&mut self, d: &Value) {
        let Some(id) = id_of(d, "/id") else { return };
        let guild_id = id_of(d, "/guild_id");
        let channel_id = id_of(d, "/channel_id").unwrap_or(0);
        let user = d
            .pointer("/member/user")
            .or_else(|| d.get("user"))
            .cloned()
            .unwrap_or(Value::Null);
        let user_id = id_of(&user, "/id");
        if let Some(guild_id) = guild_id {
            self.channel_guild.insert(channel_id, guild_id);
            let roles: Vec<u64> = d
                .pointer("/member/roles")
                .and_then(Value::as_array)
                .map(|roles| roles.iter().filter_map(snowflake_value).collect())
                .unwrap_or_default();
            self.guild_roles
                .entry(guild_id)
                .or_default()
                .extend(roles.iter().copied());
            if let Some(user_id) = user_id {
                self.member_roles.insert((guild_id, user_id), roles);
            }
        } else if let Some(user_id) = user_id {
            self.dm_channels.insert(channel_id, user_id);
        }
        let token = d
            .get("token")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let kind = d.get("type").and_then(Value::as_u64).unwrap_or(0);
        self.tokens.insert(token.clone(), id);
        self.interactions.insert(
            id,
            InteractionState {
                token,
                kind,
                channel_id,
                command_name: d
                    .pointer("/data/name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                user,
                source_message: if kind == 3 {
                    d.get("message").cloned()
                } else {
                    None
                },
                dispatched_at: None,
                first_callback_at: None,
                acked: false,
                response_type: None,
                shard: None,
                original: None,
                followups: Vec::new(),
            },
        );
    }

    fn learn_message(&mut self, d: &Value) {
        let (Some(channel_id), Some(author_id)) = (id_of(d, "/channel_id"), id_of(d, "/author/id"))
        else {
            return;
        };
        match id_of(d, "/guild_id") {
            Some(guild_id) => {
                self.channel_guild.insert(channel_id, guild_id);
            }
            None if author_id != BOT_ID => {
                self.dm_channels.insert(channel_id, author_id);
            }
            None => {}
        }
    }

    fn is_current(&self, conn_id: u64) -> bool {
        self.conns.iter().any(|c| c.id == conn_id)
    }

    fn mark_ready(&mut self, conn_id: u64, shard: u32) {
        if let Some(conn) = self.conns.iter_mut().find(|c| c.id == conn_id) {
            conn.ready = true;
            conn.shard = shard;
        }
    }

    /// The next frame for connection `conn_id`: a raw op addressed to it, else (once it is
    /// ready) the next queued dispatch, numbered and logged for replay.
    fn next_frame(&mut self, conn_id: u64) -> Option<Value> {
        if !self.is_current(conn_id) {
            return None;
        }
        if let Some(pos) = self.ops.iter().position(|(c, _)| *c == conn_id) {
            return self.ops.remove(pos).map(|(_, frame)| frame);
        }
        let conn = self.conns.iter().find(|c| c.id == conn_id)?;
        let shard = conn.shard;
        if !conn.ready || !self.sessions.contains_key(&shard) {
            return None;
        }
        let total = self.shard_count;
        let pos = (self.outbox.iter()).position(|(_, d)| shard_of(d, total) == shard)?;
        let (t, d) = self.outbox.remove(pos)?;
        if t == "INTERACTION_CREATE"
            && let Some(ix) = id_of(&d, "/id").and_then(|id| self.interactions.get_mut(&id))
        {
            ix.dispatched_at.get_or_insert_with(Instant::now);
            ix.shard = Some(shard);
        }
        let session = self.sessions.get_mut(&shard)?;
        session.seq += 1;
        let frame = json!({ "op": 0, "t": t, "s": session.seq, "d": d });
        session.log.push((session.seq, frame.clone()));
        Some(frame)
    }
}
