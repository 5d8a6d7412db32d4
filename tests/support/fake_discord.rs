//! A fake Discord on 127.0.0.1 (REST under `/api/v10` plus the gateway at `/ws`) so end-to-end tests can run the real serenity/poise bot without a network, and see what Discord would have accepted or refused.
//!
//! Layout of this file:
//! 1. ids and constants, [`FakeOptions`], [`Recorded`];
//! 2. [`FakeDiscord`]: start, controls and inspection used by tests;
//! 3. the gateway (one task per websocket);
//! 4. the REST routes;
//! 5. Discord's limits ([`validate_message`] and friends);
//! 6. payload builders (pure functions returning `serde_json::Value`);
//! 7. small helpers (multipart parsing, JSON snippets).
//!
//! Facts about serenity 0.12.5 / poise 0.7.1 this relies on are in
//! `/work/shared/docs/discord-testing.md`.

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

// ---------------------------------------------------------------------------
// 1. Ids, constants, options, records
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// 2. FakeDiscord: the handle tests hold
// ---------------------------------------------------------------------------

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

impl FakeDiscord {
    /// Starts the fake on 127.0.0.1 with a free port, served by a task of the current runtime.
    pub async fn start() -> FakeDiscord {
        Self::start_with(FakeOptions::default()).await
    }

    pub async fn start_with(options: FakeOptions) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        let shard_count = options.shards.max(1);
        let inner = Arc::new(Inner {
            port,
            options,
            state: Mutex::new(World {
                next_snowflake: 1_300_000_000_000_000_000,
                shard_count,
                ..World::default()
            }),
            wake: watch::channel(0).0,
        });
        let app = Router::new()
            .route("/ws", get(ws_handler))
            .fallback(rest_handler)
            .layer(DefaultBodyLimit::max(64 * 1024 * 1024))
            .with_state(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord { inner }
    }

    pub fn port(&self) -> u16 {
        self.inner.port
    }

    /// `http://127.0.0.1:PORT`, for `HttpBuilder::proxy`.
    pub fn base_url(&self) -> String {
        self.inner.base_url()
    }

    /// `ws://127.0.0.1:PORT/ws`, what `GET /gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.inner.gateway_url()
    }

    /// True once READY was sent and the bot registered its commands (any `PUT .../commands`).
    pub fn is_connected(&self) -> bool {
        let w = self.inner.world();
        w.ready_sent && (w.global_commands.is_some() || !w.guild_commands.is_empty())
    }

    /// Waits (polling every 10 ms) until [`Self::is_connected`]; false on timeout.
    pub async fn wait_connected(&self, timeout: Duration) -> bool {
        poll_until(timeout, || self.is_connected().then_some(()))
            .await
            .is_some()
    }

    /// Sends a dispatch (`op 0`, `t`, next `s`, `d`) on the live connection, or queues it until a
    /// connection has sent READY/RESUMED. INTERACTION_CREATE and MESSAGE_CREATE payloads also
    /// teach the fake about the interaction (token, timing) and the channel (guild or DM).
    pub fn dispatch(&self, t: &str, d: Value) {
        {
            let mut w = self.inner.world();
            match t {
                "INTERACTION_CREATE" => w.learn_interaction(&d),
                "MESSAGE_CREATE" => w.learn_message(&d),
                _ => {}
            }
            w.outbox.push_back((t.to_string(), d));
        }
        self.inner.wake_connections();
    }

    /// For the HTTP interactions endpoint: learns the interaction `d` as if Discord had just
    /// POSTed it to the app (its token then works, its 3 s start now), without the gateway.
    /// The endpoint's HTTP response is then relayed to the callback route, which checks it like
    /// any callback.
    pub fn expect_http_interaction(&self, d: &Value) {
        let mut w = self.inner.world();
        w.learn_interaction(d);
        if let Some(ix) = id_of(d, "/id").and_then(|id| w.interactions.get_mut(&id)) {
            ix.dispatched_at = Some(Instant::now());
        }
    }

    /// Sends `{"op": op, "d": d}` on the current socket (RECONNECT is `send_op(7, Value::Null)`,
    /// INVALID_SESSION is `send_op(9, json!(false))`). False if no socket is open.
    /// INVALID_SESSION with `false` also forgets the session, so only a new IDENTIFY works.
    pub fn send_op(&self, op: u8, d: Value) -> bool {
        {
            let mut w = self.inner.world();
            let Some(conn) = w.conns.last_mut() else {
                return false;
            };
            let (id, shard) = (conn.id, conn.shard);
            if op == 9 && d == Value::Bool(false) {
                conn.ready = false;
                w.sessions.remove(&shard);
            }
            w.ops.push_back((id, json!({ "op": op, "d": d })));
        }
        self.inner.wake_connections();
        true
    }

    /// Closes the current socket without a close frame (its task is aborted). False if none.
    pub fn drop_connection(&self) -> bool {
        let conn = self.inner.world().conns.pop();
        match conn {
            Some(conn) => {
                conn.abort.abort();
                true
            }
            None => false,
        }
    }

    /// The shards that have a connection ready for dispatches, in order.
    pub fn ready_shards(&self) -> Vec<u32> {
        let w = self.inner.world();
        let mut shards: Vec<u32> = (w.conns.iter().filter(|c| c.ready))
            .map(|c| c.shard)
            .collect();
        shards.sort_unstable();
        shards
    }

    /// The shard whose connection an interaction went out on.
    pub fn delivered_on_shard(&self, interaction_id: u64) -> Option<u32> {
        self.inner.world().interactions.get(&interaction_id)?.shard
    }

    /// Every REST request so far, oldest first.
    pub fn requests(&self) -> Vec<Recorded> {
        self.inner.world().requests.clone()
    }

    /// The first recorded request matching `pred`, waiting (polling every 10 ms) up to `timeout`.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Option<Recorded> {
        poll_until(timeout, || {
            self.inner
                .world()
                .requests
                .iter()
                .find(|r| pred(r))
                .cloned()
        })
        .await
    }

    /// The first callback request for `interaction_id` (accepted or not).
    pub async fn wait_for_callback(
        &self,
        interaction_id: u64,
        timeout: Duration,
    ) -> Option<Recorded> {
        self.wait_for(
            |r| r.is_callback() && r.interaction_id == Some(interaction_id),
            timeout,
        )
        .await
    }

    /// Number of IDENTIFYs received.
    pub fn identify_count(&self) -> u32 {
        self.inner.world().identify_count
    }

    /// Number of successful RESUMEs (answered with RESUMED; a RESUME of an unknown session is
    /// answered with INVALID_SESSION and only shows in [`Self::gateway_log`]).
    pub fn resume_count(&self) -> u32 {
        self.inner.world().resume_count
    }

    /// Every gateway frame the bot sent (IDENTIFY, heartbeats, RESUME, presence...).
    pub fn gateway_log(&self) -> Vec<Value> {
        self.inner.world().gateway_log.clone()
    }

    /// Serves `bytes` at `/attachments/{id}/{name}` on this server and returns the full URL.
    pub fn serve_attachment(&self, name: &str, bytes: Vec<u8>) -> String {
        let mut w = self.inner.world();
        let id = w.snowflake();
        let key = format!("{id}/{name}");
        w.files
            .insert(key.clone(), (guess_content_type(name).to_string(), bytes));
        format!("{}/attachments/{key}", self.inner.base_url())
    }

    /// The next request whose path contains `path_contains` is answered with `status` and `body`
    /// instead of being handled (once). For 429 a `Retry-After` header is derived from
    /// `body.retry_after` (seconds), e.g. `fail_next("/callback", 429, json!({"message": "You are being rate limited.", "retry_after": 0.5, "global": false}))`.
    pub fn fail_next(&self, path_contains: &str, status: u16, body: Value) {
        self.inner.world().failures.push_back(InjectedFailure {
            path_contains: path_contains.to_string(),
            status,
            body,
        });
    }

    /// Time from sending INTERACTION_CREATE to the arrival of its first callback request
    /// (whatever the fake answered). None if either has not happened.
    pub fn first_response_latency(&self, interaction_id: u64) -> Option<Duration> {
        let w = self.inner.world();
        let ix = w.interactions.get(&interaction_id)?;
        Some(
            ix.first_callback_at?
                .saturating_duration_since(ix.dispatched_at?),
        )
    }

    /// The `@original` response message as the user sees it now (after edits; a deferred
    /// response that was never filled in still has the LOADING flag and empty content).
    pub fn original_response(&self, interaction_id: u64) -> Option<Value> {
        self.inner
            .world()
            .interactions
            .get(&interaction_id)?
            .original
            .clone()
    }

    /// Follow-up messages of an interaction (not counting the one that filled a deferral).
    pub fn followups(&self, interaction_id: u64) -> Vec<Value> {
        self.inner
            .world()
            .interactions
            .get(&interaction_id)
            .map(|ix| ix.followups.clone())
            .unwrap_or_default()
    }

    /// The last successfully registered commands: global ones, then each guild's.
    pub fn registered_commands(&self) -> Vec<Value> {
        let w = self.inner.world();
        let mut all: Vec<Value> = w.global_commands.clone().unwrap_or_default();
        for cmds in w.guild_commands.values() {
            all.extend(cmds.iter().cloned());
        }
        all
    }
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

// ---------------------------------------------------------------------------
// 3. Gateway
// ---------------------------------------------------------------------------

async fn ws_handler(AxumState(inner): AxumState<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| async move {
        // Register the connection (with its abort handle) before it can receive anything.
        let mut w = inner.world();
        w.next_conn_id += 1;
        let id = w.next_conn_id;
        let task = tokio::spawn(run_connection(inner.clone(), socket, id));
        if w.shard_count == 1 {
            w.conns.clear();
        }
        w.conns.push(Conn {
            id,
            ready: false,
            shard: 0,
            abort: task.abort_handle(),
        });
    })
}

/// Forgets the connection when its task ends, however it ends (including abort).
struct ConnGuard {
    inner: Arc<Inner>,
    conn_id: u64,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        let mut w = self.inner.world();
        let id = self.conn_id;
        w.conns.retain(|c| c.id != id);
        w.ops.retain(|(c, _)| *c != id);
    }
}

async fn run_connection(inner: Arc<Inner>, mut socket: WebSocket, conn_id: u64) {
    let _guard = ConnGuard {
        inner: inner.clone(),
        conn_id,
    };
    let mut wake = inner.wake.subscribe();
    let hello =
        json!({ "op": 10, "d": { "heartbeat_interval": inner.options.heartbeat_interval_ms } });
    if send_frame(&mut socket, &hello).await.is_err() {
        return;
    }
    loop {
        loop {
            let frame = inner.world().next_frame(conn_id);
            let Some(frame) = frame else { break };
            if send_frame(&mut socket, &frame).await.is_err() {
                return;
            }
        }
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(WsMessage::Text(text))) => {
                    let replies = match serde_json::from_str::<Value>(text.as_str()) {
                        Ok(frame) => inner.on_client_frame(conn_id, frame),
                        Err(_) => Vec::new(),
                    };
                    for reply in replies {
                        if let Some(code) = reply.get(CLOSE_MARKER).and_then(Value::as_u64) {
                            let reason = match code {
                                4010 => "Invalid shard.",
                                _ => "Authentication failed.",
                            };
                            let frame = axum::extract::ws::CloseFrame {
                                code: code as u16,
                                reason: reason.into(),
                            };
                            let _ = socket.send(WsMessage::Close(Some(frame))).await;
                            return;
                        }
                        if send_frame(&mut socket, &reply).await.is_err() {
                            return;
                        }
                    }
                }
                Some(Ok(WsMessage::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
            changed = wake.changed() => if changed.is_err() { return },
        }
    }
}

/// A reply "frame" that means: close the socket with this close code.
const CLOSE_MARKER: &str = "__close_with_code";

async fn send_frame(socket: &mut WebSocket, frame: &Value) -> Result<(), axum::Error> {
    socket.send(WsMessage::Text(frame.to_string().into())).await
}

impl Inner {
    /// Handles one frame from the bot and returns the frames to send back.
    fn on_client_frame(&self, conn_id: u64, frame: Value) -> Vec<Value> {
        let mut guard = self.world();
        let w = &mut *guard;
        w.gateway_log.push(frame.clone());
        match frame.get("op").and_then(Value::as_u64) {
            // HEARTBEAT → HEARTBEAT_ACK
            Some(1) => vec![json!({ "op": 11 })],
            // IDENTIFY → READY (a new session; sequence numbers restart), or a close with 4004
            // when the token is not the accepted one
            Some(2) => {
                w.identify_count += 1;
                if let Some(token) = &self.options.token
                    && frame.pointer("/d/token").and_then(Value::as_str) != Some(token.as_str())
                {
                    return vec![json!({ CLOSE_MARKER: 4004 })];
                }
                let session_id = format!("fake-session-{}", w.identify_count);
                let shard = frame.pointer("/d/shard").cloned().unwrap_or(json!([0, 1]));
                let (id, total) = (shard[0].as_u64(), shard[1].as_u64());
                let Some(id) =
                    id.filter(|&i| total == Some(w.shard_count.into()) && i < total.unwrap_or(0))
                else {
                    return vec![json!({ CLOSE_MARKER: 4010 })];
                };
                let id = id as u32;
                w.sessions.insert(
                    id,
                    Session {
                        id: session_id.clone(),
                        seq: 1,
                        log: Vec::new(),
                    },
                );
                w.mark_ready(conn_id, id);
                w.ready_sent = true;
                let d = json!({
                    "v": 10,
                    "user": bot_user(),
                    "guilds": [],
                    "session_id": session_id,
                    "resume_gateway_url": self.gateway_url(),
                    "shard": shard,
                    "application": { "id": APP_ID.to_string(), "flags": 0 },
                    "private_channels": [],
                    "relationships": [],
                    "presences": [],
                    "geo_ordered_rtc_regions": [],
                });
                vec![json!({ "op": 0, "t": "READY", "s": 1, "d": d })]
            }
            // RESUME → replay what the bot missed, then RESUMED; unknown session → INVALID_SESSION
            Some(6) => {
                let wanted = frame.pointer("/d/session_id").and_then(Value::as_str);
                let client_seq = frame.pointer("/d/seq").and_then(Value::as_u64).unwrap_or(0);
                let found = (w.sessions.iter_mut()).find(|(_, s)| Some(s.id.as_str()) == wanted);
                match found {
                    Some((&shard, session)) => {
                        let mut out: Vec<Value> = session
                            .log
                            .iter()
                            .filter(|(seq, _)| *seq > client_seq)
                            .map(|(_, f)| f.clone())
                            .collect();
                        session.seq += 1;
                        out.push(json!({ "op": 0, "t": "RESUMED", "s": session.seq, "d": {} }));
                        w.resume_count += 1;
                        w.mark_ready(conn_id, shard);
                        out
                    }
                    _ => vec![json!({ "op": 9, "d": false })],
                }
            }
            _ => Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------
// 4. REST
// ---------------------------------------------------------------------------

/// What a route answers.
struct Outcome {
    status: u16,
    body: Body,
    rejected: Option<String>,
    late: bool,
    headers: Vec<(&'static str, String)>,
}

enum Body {
    Json(Value),
    Empty,
    Raw(String, Vec<u8>),
}

impl Outcome {
    fn json(body: Value) -> Self {
        Self {
            status: 200,
            body: Body::Json(body),
            rejected: None,
            late: false,
            headers: Vec::new(),
        }
    }

    fn no_content() -> Self {
        Self {
            status: 204,
            body: Body::Empty,
            rejected: None,
            late: false,
            headers: Vec::new(),
        }
    }

    /// An error the way Discord words it (`{"message", "code"}`), recorded with `reason`.
    fn error(status: u16, code: u64, message: &str, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        Self {
            status,
            body: Body::Json(json!({ "message": message, "code": code, "fake_reason": reason })),
            rejected: Some(reason),
            late: false,
            headers: Vec::new(),
        }
    }

    /// 400 Invalid Form Body; serenity shows `message`, so the reason goes in there too.
    fn invalid(reason: String) -> Self {
        Self::error(400, 50035, &format!("Invalid Form Body: {reason}"), reason)
    }

    fn not_found(reason: &str) -> Self {
        Self::error(404, 0, "404: Not Found", reason)
    }

    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = match self.body {
            Body::Json(v) => (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                v.to_string(),
            )
                .into_response(),
            Body::Empty => status.into_response(),
            Body::Raw(content_type, bytes) => {
                (status, [(header::CONTENT_TYPE, content_type)], bytes).into_response()
            }
        };
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(name), value);
            }
        }
        response
    }
}

/// A request body, decoded.
struct Parsed {
    json: Value,
    files: Vec<RecordedFile>,
    error: Option<String>,
}

async fn rest_handler(
    AxumState(inner): AxumState<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let at = Instant::now();
    let path = uri.path().to_string();
    let parsed = parse_body(&headers, &body);
    let mut w = inner.world();
    let interaction_id = w.interaction_of_path(&path);
    if let (Some(id), true) = (interaction_id, path.ends_with("/callback"))
        && let Some(ix) = w.interactions.get_mut(&id)
    {
        ix.first_callback_at.get_or_insert(at);
    }
    let authorized = match (&inner.options.token, headers.get(header::AUTHORIZATION)) {
        (None, _) => true,
        // Discord serves the gateway URL to anyone.
        _ if path == "/api/v10/gateway" => true,
        (Some(token), Some(given)) => {
            given.to_str().ok().map(|g| g.trim_start_matches("Bot ")) == Some(token.as_str())
        }
        (Some(_), None) => false,
    };
    let outcome = if !authorized {
        Outcome::error(
            401,
            0,
            "401: Unauthorized",
            String::from("wrong or missing bot token"),
        )
    } else if let Some(pos) = w
        .failures
        .iter()
        .position(|f| path.contains(&f.path_contains))
    {
        let failure = w.failures.remove(pos).expect("position is valid");
        injected(failure)
    } else if let Some(error) = &parsed.error {
        Outcome::error(
            400,
            50109,
            "The request body contains invalid JSON.",
            error.clone(),
        )
    } else {
        w.route(&inner, method.as_str(), &path, &parsed, at)
    };
    w.requests.push(Recorded {
        method: method.to_string(),
        path,
        query: uri.query().map(str::to_string),
        json: parsed.json,
        files: parsed.files,
        status: outcome.status,
        rejected: outcome.rejected.clone(),
        late: outcome.late,
        interaction_id,
        at,
    });
    drop(w);
    outcome.into_response()
}

fn injected(failure: InjectedFailure) -> Outcome {
    let mut outcome = Outcome {
        status: failure.status,
        body: Body::Json(failure.body.clone()),
        rejected: Some(format!("injected failure {}", failure.status)),
        late: false,
        headers: Vec::new(),
    };
    if failure.status == 429 {
        let secs = failure
            .body
            .get("retry_after")
            .and_then(Value::as_f64)
            .unwrap_or(1.0);
        outcome
            .headers
            .push(("retry-after", format!("{}", secs.ceil() as u64)));
        outcome
            .headers
            .push(("x-ratelimit-scope", "user".to_string()));
    }
    outcome
}

impl World {
    /// The interaction a callback or webhook path belongs to.
    fn interaction_of_path(&self, path: &str) -> Option<u64> {
        let seg: Vec<&str> = path.strip_prefix("/api/v10/")?.split('/').collect();
        match seg.as_slice() {
            ["interactions", id, _, "callback"] => id.parse().ok(),
            ["webhooks", _, token, ..] => self.tokens.get(*token).copied(),
            _ => None,
        }
    }

    fn route(
        &mut self,
        inner: &Inner,
        method: &str,
        path: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        if let Some(key) = path.strip_prefix("/attachments/") {
            return match (method, self.files.get(key)) {
                ("GET", Some((content_type, bytes))) => Outcome {
                    status: 200,
                    body: Body::Raw(content_type.clone(), bytes.clone()),
                    rejected: None,
                    late: false,
                    headers: Vec::new(),
                },
                _ => Outcome::not_found("unknown attachment"),
            };
        }
        let Some(api) = path.strip_prefix("/api/v10/") else {
            return Outcome::not_found("not under /api/v10");
        };
        let seg: Vec<&str> = api.split('/').collect();
        match (method, seg.as_slice()) {
            ("GET", ["gateway"]) => Outcome::json(json!({ "url": inner.gateway_url() })),
            ("GET", ["gateway", "bot"]) => Outcome::json(json!({
                "url": inner.gateway_url(),
                "shards": inner.options.shards,
                "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1 },
            })),
            ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
                Outcome::json(application_info())
            }
            ("GET", ["users", "@me"]) => Outcome::json(current_user()),
            ("PUT", ["applications", app, "commands"]) => self.put_commands(app, None, &body.json),
            ("PUT", ["applications", app, "guilds", guild, "commands"]) => {
                match guild.parse::<u64>() {
                    Ok(guild) => self.put_commands(app, Some(guild), &body.json),
                    Err(_) => Outcome::not_found("bad guild id"),
                }
            }
            ("GET", ["applications", _, "commands"]) => Outcome::json(Value::Array(
                self.global_commands.clone().unwrap_or_default(),
            )),
            ("GET", ["applications", _, "guilds", guild, "commands"]) => {
                let cmds = guild
                    .parse()
                    .ok()
                    .and_then(|g: u64| self.guild_commands.get(&g).cloned());
                Outcome::json(Value::Array(cmds.unwrap_or_default()))
            }
            ("POST", ["interactions", id, token, "callback"]) => {
                self.callback(inner, id, token, body, at)
            }
            ("POST", ["webhooks", app, token]) => self.followup(inner, app, token, body, at),
            (_, ["webhooks", app, token, "messages", message]) => {
                self.webhook_message(inner, method, app, token, message, body, at)
            }
            ("POST", ["channels", channel, "messages"]) => {
                self.create_channel_message(inner, channel, body)
            }
            ("PATCH" | "DELETE", ["channels", _, "messages", message]) => {
                self.edit_channel_message(inner, method, message, body)
            }
            ("POST", ["channels", _, "typing"]) => Outcome::no_content(),
            ("GET", ["channels", channel]) => match channel.parse::<u64>() {
                Ok(channel) => Outcome::json(self.channel_json(channel)),
                Err(_) => Outcome::not_found("bad channel id"),
            },
            ("POST", ["users", "@me", "channels"]) => self.open_dm(&body.json),
            ("GET", ["guilds", guild]) => match guild.parse::<u64>() {
                Ok(guild) => Outcome::json(self.guild_json(guild)),
                Err(_) => Outcome::not_found("bad guild id"),
            },
            ("GET", ["guilds", guild, "roles"]) => match guild.parse::<u64>() {
                Ok(guild) => Outcome::json(Value::Array(self.roles_json(guild))),
                Err(_) => Outcome::not_found("bad guild id"),
            },
            ("GET", ["guilds", guild, "members", user]) => {
                match (guild.parse::<u64>(), user.parse::<u64>()) {
                    (Ok(guild), Ok(user)) => Outcome::json(self.member_json(guild, user)),
                    _ => Outcome::not_found("bad guild or user id"),
                }
            }
            _ => Outcome::not_found("unknown route"),
        }
    }

    // --- commands ---

    fn put_commands(&mut self, app: &str, guild: Option<u64>, body: &Value) -> Outcome {
        if app != APP_ID.to_string() {
            return Outcome::error(
                404,
                10002,
                "Unknown Application",
                format!("application id {app} is not APP_ID"),
            );
        }
        let Some(commands) = body.as_array() else {
            return Outcome::invalid("command registration body is not an array".into());
        };
        if let Err(reason) = validate_commands(commands) {
            return Outcome::invalid(reason);
        }
        let echoed: Vec<Value> = commands.iter().map(|c| echo_command(c, guild)).collect();
        match guild {
            Some(guild) => {
                self.guild_commands.insert(guild, echoed.clone());
            }
            None => self.global_commands = Some(echoed.clone()),
        }
        Outcome::json(Value::Array(echoed))
    }

    // --- interactions ---

    fn callback(
        &mut self,
        inner: &Inner,
        id: &str,
        token: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let unknown = |reason: &str| Outcome::error(404, 10062, "Unknown interaction", reason);
        let Some(id) = id.parse::<u64>().ok() else {
            return unknown("interaction id is not a number");
        };
        let next_id = self.snowflake();
        let base = inner.base_url();
        let Some(ix) = self.interactions.get_mut(&id) else {
            return unknown("interaction was never dispatched");
        };
        if ix.token != token {
            return unknown("token does not match the interaction");
        }
        let Some(sent) = ix.dispatched_at else {
            return unknown("INTERACTION_CREATE was not sent yet");
        };
        if ix.acked {
            return Outcome::error(
                400,
                40060,
                "Interaction has already been acknowledged.",
                "second initial response",
            );
        }
        let waited = at.saturating_duration_since(sent);
        if waited > inner.options.ack_deadline {
            let mut outcome = unknown(&format!(
                "late: callback {} ms after INTERACTION_CREATE",
                waited.as_millis()
            ));
            outcome.late = true;
            return outcome;
        }
        let kind = body.json.get("type").and_then(Value::as_u64).unwrap_or(0);
        let allowed: &[u64] = match ix.kind {
            2 => &[4, 5, 9],
            3 => &[4, 5, 6, 7, 9],
            4 => &[8],
            5 => &[4, 5, 6, 7],
            _ => &[],
        };
        if !allowed.contains(&kind) {
            return Outcome::invalid(format!(
                "callback type {kind} is not valid for interaction type {}",
                ix.kind
            ));
        }
        let data = body.json.get("data").cloned().unwrap_or(Value::Null);
        let checked = match kind {
            4 => validate_message(&data, body.files.len(), true),
            7 => validate_message(&data, body.files.len(), false),
            8 => validate_choices(&data),
            9 => validate_modal(&data),
            _ => Ok(()),
        };
        if let Err(reason) = checked {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        ix.acked = true;
        ix.response_type = Some(kind);
        let attachments = self.store_files(&base, &body.files);
        let ix = self.interactions.get_mut(&id).expect("looked up above");
        match kind {
            4 => ix.original = Some(interaction_message(next_id, id, ix, &data, attachments)),
            5 => {
                let flags =
                    (data.get("flags").and_then(Value::as_u64).unwrap_or(0) & EPHEMERAL) | LOADING;
                let placeholder = json!({ "content": "", "flags": flags });
                ix.original = Some(interaction_message(
                    next_id,
                    id,
                    ix,
                    &placeholder,
                    Vec::new(),
                ));
            }
            6 => ix.original = ix.source_message.clone(),
            7 => {
                let mut message = ix.source_message.clone().unwrap_or(Value::Null);
                apply_edit(&mut message, &data, attachments);
                ix.original = Some(message);
            }
            _ => {}
        }
        Outcome::no_content()
    }

    /// Finds the interaction of a webhook token and checks the token may be used now.
    fn webhook_interaction(
        &self,
        inner: &Inner,
        app: &str,
        token: &str,
        at: Instant,
    ) -> Result<u64, Outcome> {
        if app != APP_ID.to_string() {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                format!("application id {app} is not APP_ID"),
            ));
        }
        let Some(&id) = self.tokens.get(token) else {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                "unknown interaction token",
            ));
        };
        let ix = &self.interactions[&id];
        if let Some(sent) = ix.dispatched_at
            && at.saturating_duration_since(sent) > inner.options.token_lifetime
        {
            return Err(Outcome::error(
                401,
                50027,
                "Invalid Webhook Token",
                "interaction token expired",
            ));
        }
        if !ix.acked {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                "webhook used before the initial response",
            ));
        }
        Ok(id)
    }

    fn followup(
        &mut self,
        inner: &Inner,
        app: &str,
        token: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let id = match self.webhook_interaction(inner, app, token, at) {
            Ok(id) => id,
            Err(outcome) => return outcome,
        };
        if let Err(reason) = validate_message(&body.json, body.files.len(), true) {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        let message_id = self.snowflake();
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let ix = self
            .interactions
            .get_mut(&id)
            .expect("token maps to an interaction");
        // After a deferral (type 5) the first follow-up replaces the "thinking" message and keeps
        // the deferral's ephemerality.
        let deferred_original = ix.response_type == Some(5)
            && ix
                .original
                .as_ref()
                .is_some_and(|m| flags_of(m) & LOADING != 0);
        if deferred_original {
            let original = ix.original.as_mut().expect("checked above");
            apply_edit(original, &body.json, attachments);
            original["edited_timestamp"] = Value::Null;
            return Outcome::json(original.clone());
        }
        let message = interaction_message(message_id, id, ix, &body.json, attachments);
        ix.followups.push(message.clone());
        Outcome::json(message)
    }

    #[allow(clippy::too_many_arguments)]
    fn webhook_message(
        &mut self,
        inner: &Inner,
        method: &str,
        app: &str,
        token: &str,
        message: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let id = match self.webhook_interaction(inner, app, token, at) {
            Ok(id) => id,
            Err(outcome) => return outcome,
        };
        if method == "PATCH" {
            if let Err(reason) = validate_message(&body.json, body.files.len(), false) {
                return Outcome::invalid(reason);
            }
            if let Some(outcome) = oversized_file(&body.files) {
                return outcome;
            }
        }
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let ix = self
            .interactions
            .get_mut(&id)
            .expect("token maps to an interaction");
        let unknown_message =
            || Outcome::error(404, 10008, "Unknown Message", "no such interaction message");
        let target: Option<&mut Value> = if message == "@original" {
            ix.original.as_mut()
        } else {
            ix.followups
                .iter_mut()
                .chain(ix.original.as_mut())
                .find(|m| m["id"].as_str() == Some(message))
        };
        match method {
            "GET" => target.map_or_else(unknown_message, |m| Outcome::json(m.clone())),
            "PATCH" => match target {
                Some(m) => {
                    apply_edit(m, &body.json, attachments);
                    Outcome::json(m.clone())
                }
                None => unknown_message(),
            },
            "DELETE" => {
                if target.is_none() {
                    return unknown_message();
                }
                if message == "@original" {
                    ix.original = None;
                } else {
                    ix.followups.retain(|m| m["id"].as_str() != Some(message));
                    if ix
                        .original
                        .as_ref()
                        .is_some_and(|m| m["id"].as_str() == Some(message))
                    {
                        ix.original = None;
                    }
                }
                Outcome::no_content()
            }
            _ => Outcome::not_found("unknown route"),
        }
    }

    // --- channels, users, guilds ---

    fn create_channel_message(&mut self, inner: &Inner, channel: &str, body: &Parsed) -> Outcome {
        let Ok(channel) = channel.parse::<u64>() else {
            return Outcome::not_found("bad channel id");
        };
        if let Err(reason) = validate_message(&body.json, body.files.len(), true) {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        let id = self.snowflake();
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let kind = if body
            .json
            .get("message_reference")
            .is_some_and(|r| !r.is_null())
        {
            19
        } else {
            0
        };
        let message = message_json(id, channel, bot_user(), &body.json, attachments, kind);
        self.channel_messages.insert(id, message.clone());
        Outcome::json(message)
    }

    fn edit_channel_message(
        &mut self,
        inner: &Inner,
        method: &str,
        message: &str,
        body: &Parsed,
    ) -> Outcome {
        let Ok(message) = message.parse::<u64>() else {
            return Outcome::not_found("bad message id");
        };
        if method == "DELETE" {
            return match self.channel_messages.remove(&message) {
                Some(_) => Outcome::no_content(),
                None => Outcome::error(404, 10008, "Unknown Message", "no such channel message"),
            };
        }
        if let Err(reason) = validate_message(&body.json, body.files.len(), false) {
            return Outcome::invalid(reason);
        }
        let attachments = self.store_files(&inner.base_url(), &body.files);
        match self.channel_messages.get_mut(&message) {
            Some(m) => {
                apply_edit(m, &body.json, attachments);
                Outcome::json(m.clone())
            }
            None => Outcome::error(404, 10008, "Unknown Message", "no such channel message"),
        }
    }

    fn open_dm(&mut self, body: &Value) -> Outcome {
        let Some(recipient) = id_of(body, "/recipient_id") else {
            return Outcome::invalid("recipient_id is required".into());
        };
        let existing = self
            .dm_channels
            .iter()
            .find(|&(_, &user)| user == recipient)
            .map(|(&channel, _)| channel);
        let channel = existing.unwrap_or_else(|| {
            let channel = self.snowflake();
            self.dm_channels.insert(channel, recipient);
            channel
        });
        Outcome::json(dm_channel_json(channel, recipient))
    }

    fn channel_json(&self, channel: u64) -> Value {
        if let Some(&user) = self.dm_channels.get(&channel) {
            return dm_channel_json(channel, user);
        }
        let guild = self
            .channel_guild
            .get(&channel)
            .copied()
            .unwrap_or(GUILD_ID);
        json!({
            "id": channel.to_string(),
            "type": 0,
            "guild_id": guild.to_string(),
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": false,
            "topic": null,
            "last_message_id": null,
            "rate_limit_per_user": 0,
            "parent_id": null,
            "flags": 0,
        })
    }

    fn roles_json(&self, guild: u64) -> Vec<Value> {
        let mut roles = vec![role_json(guild, "@everyone", MEMBER_PERMISSIONS, 0)];
        for (position, role) in self
            .guild_roles
            .get(&guild)
            .into_iter()
            .flatten()
            .enumerate()
        {
            roles.push(role_json(
                *role,
                &format!("role-{role}"),
                0,
                position as u64 + 1,
            ));
        }
        roles
    }

    fn guild_json(&self, guild: u64) -> Value {
        json!({
            "id": guild.to_string(),
            "name": "Fake Guild",
            "icon": null,
            "icon_hash": null,
            "splash": null,
            "discovery_splash": null,
            "owner_id": OWNER_ID.to_string(),
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": self.roles_json(guild),
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": null,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "rules_channel_id": null,
            "max_presences": null,
            "max_members": 500_000,
            "vanity_url_code": null,
            "description": null,
            "banner": null,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": null,
            "max_video_channel_users": 25,
            "nsfw_level": 0,
            "stickers": [],
            "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null,
            "widget_enabled": false,
            "widget_channel_id": null,
        })
    }

    fn member_json(&self, guild: u64, user_id: u64) -> Value {
        let roles = self
            .member_roles
            .get(&(guild, user_id))
            .cloned()
            .unwrap_or_default();
        let user = if user_id == BOT_ID {
            bot_user()
        } else {
            user(user_id)
        };
        member_json(user, &roles, None)
    }
}

fn oversized_file(files: &[RecordedFile]) -> Option<Outcome> {
    let big = files
        .iter()
        .find(|f| f.bytes.len() as u64 > ATTACHMENT_SIZE_LIMIT)?;
    Some(Outcome::error(
        413,
        40005,
        "Request entity too large",
        format!(
            "file {} is {} bytes (max {ATTACHMENT_SIZE_LIMIT})",
            big.filename,
            big.bytes.len()
        ),
    ))
}

/// A message sent through an interaction (original response or follow-up).
fn interaction_message(
    id: u64,
    interaction_id: u64,
    ix: &InteractionState,
    body: &Value,
    attachments: Vec<Value>,
) -> Value {
    let mut message = message_json(
        id,
        ix.channel_id,
        bot_user(),
        body,
        attachments,
        if ix.kind == 2 { 20 } else { 0 },
    );
    message["webhook_id"] = json!(APP_ID.to_string());
    message["application_id"] = json!(APP_ID.to_string());
    let mut metadata = json!({
        "id": interaction_id.to_string(),
        "type": ix.kind,
        "user": ix.user,
        "authorizing_integration_owners": {},
    });
    // serenity requires these per type (MessageComponentInteractionMetadata and
    // MessageModalSubmitInteractionMetadata); without them the whole Message fails to parse.
    match ix.kind {
        3 => {
            let clicked = ix
                .source_message
                .as_ref()
                .map(|m| m["id"].clone())
                .unwrap_or(json!("1"));
            metadata["interacted_message_id"] = clicked;
        }
        5 => {
            metadata["triggering_interaction_metadata"] = json!({
                "id": interaction_id.to_string(),
                "type": 2,
                "user": ix.user,
                "authorizing_integration_owners": {},
            });
        }
        _ => {}
    }
    message["interaction_metadata"] = metadata;
    message["interaction"] = json!({
        "id": interaction_id.to_string(),
        "type": ix.kind,
        "name": ix.command_name,
        "user": ix.user,
    });
    message
}

/// Applies a PATCH body (or an UPDATE_MESSAGE callback) to a stored message.
fn apply_edit(message: &mut Value, body: &Value, new_attachments: Vec<Value>) {
    if !message.is_object() {
        *message = json!({});
    }
    for (key, empty) in [
        ("content", json!("")),
        ("embeds", json!([])),
        ("components", json!([])),
    ] {
        if let Some(v) = body.get(key) {
            message[key] = if v.is_null() { empty } else { v.clone() };
        }
    }
    let mut attachments: Vec<Value> = match body.get("attachments").and_then(Value::as_array) {
        // `attachments` in an edit lists the existing attachments to keep.
        Some(keep) => {
            let keep: Vec<String> = keep
                .iter()
                .filter_map(|a| a.get("id"))
                .map(id_string)
                .collect();
            message["attachments"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| keep.contains(&id_string(&a["id"])))
                .cloned()
                .collect()
        }
        None => message["attachments"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    };
    attachments.extend(new_attachments);
    message["attachments"] = Value::Array(attachments);
    // Ephemerality is fixed at creation; editing (or filling a deferral) clears LOADING.
    let old = flags_of(message);
    let new = match body.get("flags").and_then(Value::as_u64) {
        Some(flags) => (flags & !(EPHEMERAL | LOADING)) | (old & EPHEMERAL),
        None => old & !LOADING,
    };
    message["flags"] = json!(new);
    message["edited_timestamp"] = json!(now_timestamp());
}

// ---------------------------------------------------------------------------
// 5. Discord's limits
// ---------------------------------------------------------------------------

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// Checks a message body (create or edit) against Discord's limits. `files` counts uploaded
/// files; `creating` also rejects a message with nothing in it. Lengths are Unicode scalars.
pub fn validate_message(body: &Value, files: usize, creating: bool) -> Result<(), String> {
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    if chars(content) > 2000 {
        return Err(format!(
            "content is {} characters (max 2000)",
            chars(content)
        ));
    }
    let embeds = body
        .get("embeds")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    validate_embeds(embeds)?;
    let rows = body
        .get("components")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    validate_components(rows)?;
    let has_attachments = files > 0
        || body
            .get("attachments")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
    let has_other = ["sticker_ids", "poll"]
        .iter()
        .any(|k| body.get(*k).is_some_and(|v| !v.is_null()));
    if creating
        && content.is_empty()
        && embeds.is_empty()
        && rows.is_empty()
        && !has_attachments
        && !has_other
    {
        return Err("Cannot send an empty message".into());
    }
    Ok(())
}

fn validate_embeds(embeds: &[Value]) -> Result<(), String> {
    if embeds.len() > 10 {
        return Err(format!("{} embeds (max 10)", embeds.len()));
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        for (pointer, max) in [
            ("/title", 256),
            ("/description", 4096),
            ("/footer/text", 2048),
            ("/author/name", 256),
        ] {
            let n = str_at(embed, pointer).map_or(0, chars);
            if n > max {
                return Err(format!(
                    "embeds[{i}]{pointer} is {n} characters (max {max})"
                ));
            }
            total += n;
        }
        let fields = embed
            .get("fields")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if fields.len() > 25 {
            return Err(format!("embeds[{i}] has {} fields (max 25)", fields.len()));
        }
        for (j, field) in fields.iter().enumerate() {
            for (key, max) in [("name", 256), ("value", 1024)] {
                let n = field.get(key).and_then(Value::as_str).map_or(0, chars);
                if n == 0 {
                    return Err(format!("embeds[{i}].fields[{j}].{key} is empty (required)"));
                }
                if n > max {
                    return Err(format!(
                        "embeds[{i}].fields[{j}].{key} is {n} characters (max {max})"
                    ));
                }
                total += n;
            }
        }
    }
    if total > 6000 {
        return Err(format!("embeds total {total} characters (max 6000)"));
    }
    Ok(())
}

fn validate_components(rows: &[Value]) -> Result<(), String> {
    if rows.len() > 5 {
        return Err(format!("{} action rows (max 5)", rows.len()));
    }
    let mut custom_ids = BTreeSet::new();
    for (i, row) in rows.iter().enumerate() {
        if row.get("type").and_then(Value::as_u64) != Some(1) {
            return Err(format!("components[{i}] is not an action row (type 1)"));
        }
        let children = row
            .get("components")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let buttons = children
            .iter()
            .filter(|c| c.get("type").and_then(Value::as_u64) == Some(2))
            .count();
        if buttons > 5 {
            return Err(format!("action row {i} has {buttons} buttons (max 5)"));
        }
        if children.is_empty() || children.len() > 5 {
            return Err(format!(
                "action row {i} has {} components (1 to 5)",
                children.len()
            ));
        }
        for (j, child) in children.iter().enumerate() {
            let kind = child.get("type").and_then(Value::as_u64).unwrap_or(0);
            let at = format!("components[{i}].components[{j}]");
            if matches!(kind, 3 | 5 | 6 | 7 | 8) && children.len() > 1 {
                return Err(format!(
                    "{at}: a select menu must be alone in its action row"
                ));
            }
            if let Some(id) = child.get("custom_id").and_then(Value::as_str) {
                if chars(id) > 100 {
                    return Err(format!(
                        "{at}.custom_id is {} characters (max 100)",
                        chars(id)
                    ));
                }
                if !custom_ids.insert(id.to_string()) {
                    return Err(format!(
                        "{at}.custom_id {id:?} is used twice in the message"
                    ));
                }
            }
            if kind == 2 {
                let label = child.get("label").and_then(Value::as_str).map_or(0, chars);
                if label > 80 {
                    return Err(format!("{at}.label is {label} characters (max 80)"));
                }
                let style = child.get("style").and_then(Value::as_u64).unwrap_or(0);
                if style == 5 && child.get("url").is_none() {
                    return Err(format!("{at}: a link button needs a url"));
                }
                if !matches!(style, 5 | 6) && child.get("custom_id").is_none() {
                    return Err(format!("{at}: a button needs a custom_id"));
                }
            }
            if kind == 3 {
                let options = child
                    .get("options")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                if options == 0 || options > 25 {
                    return Err(format!("{at} has {options} options (1 to 25)"));
                }
            }
        }
    }
    Ok(())
}

/// Autocomplete result (callback type 8): at most 25 choices, names 1–100, string values ≤ 100.
pub fn validate_choices(data: &Value) -> Result<(), String> {
    let Some(choices) = data.get("choices").and_then(Value::as_array) else {
        return Err("autocomplete result needs data.choices".into());
    };
    if choices.len() > 25 {
        return Err(format!("{} autocomplete choices (max 25)", choices.len()));
    }
    for (i, choice) in choices.iter().enumerate() {
        let name = choice.get("name").and_then(Value::as_str).map_or(0, chars);
        if name == 0 || name > 100 {
            return Err(format!("choices[{i}].name is {name} characters (1 to 100)"));
        }
        if let Some(value) = choice.get("value").and_then(Value::as_str)
            && chars(value) > 100
        {
            return Err(format!(
                "choices[{i}].value is {} characters (max 100)",
                chars(value)
            ));
        }
    }
    Ok(())
}

/// Modal (callback type 9): a title of at most 45 characters, a custom_id, 1–5 rows.
fn validate_modal(data: &Value) -> Result<(), String> {
    let title = data.get("title").and_then(Value::as_str).map_or(0, chars);
    if title == 0 || title > 45 {
        return Err(format!("modal title is {title} characters (1 to 45)"));
    }
    if data.get("custom_id").and_then(Value::as_str).is_none() {
        return Err("modal needs a custom_id".into());
    }
    let rows = data
        .get("components")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if rows == 0 || rows > 5 {
        return Err(format!("modal has {rows} rows (1 to 5)"));
    }
    Ok(())
}

/// Command registration: what Discord refuses with 400 (which leaves poise's setup failed and
/// every later event hanging).
fn validate_commands(commands: &[Value]) -> Result<(), String> {
    if commands.len() > 100 {
        return Err(format!("{} commands (max 100)", commands.len()));
    }
    let mut seen = BTreeSet::new();
    for (i, command) in commands.iter().enumerate() {
        let kind = command.get("type").and_then(Value::as_u64).unwrap_or(1);
        let name = command.get("name").and_then(Value::as_str).unwrap_or("");
        if !seen.insert((kind, name.to_string())) {
            return Err(format!("commands[{i}]: duplicate name {name:?}"));
        }
        let at = format!("commands[{i}] ({name})");
        if kind == 1 {
            validate_chat_input(&at, command, 0)?;
        } else {
            let n = chars(name);
            if n == 0 || n > 32 {
                return Err(format!("{at}: name is {n} characters (1 to 32)"));
            }
        }
    }
    Ok(())
}

/// Discord's locales (the ones a command's texts may be localised for).
const LOCALES: [&str; 34] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko", "ar", "he",
];

/// A name as Discord accepts it: 1 to 32 characters, lowercase, letters, digits, `-`, `_`, `'`.
fn validate_name(at: &str, name: &str) -> Result<(), String> {
    let n = chars(name);
    if n == 0 || n > 32 {
        return Err(format!("{at}: name is {n} characters (1 to 32)"));
    }
    if name
        .chars()
        .any(|c| c.is_uppercase() || !(c.is_alphanumeric() || c == '-' || c == '_' || c == '\''))
    {
        return Err(format!(
            "{at}: name {name:?} must be lowercase letters, digits, '-' or '_'"
        ));
    }
    Ok(())
}

/// `name_localizations` and `description_localizations` of a command, option or choice.
fn validate_localizations(at: &str, item: &Value, names_are_labels: bool) -> Result<(), String> {
    for (field, max) in [
        ("name_localizations", 32),
        ("description_localizations", 100),
    ] {
        let Some(map) = item.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let map = map
            .as_object()
            .ok_or_else(|| format!("{at}: {field} is not an object"))?;
        for (locale, text) in map {
            if !LOCALES.contains(&locale.as_str()) {
                return Err(format!("{at}: {field} has an unknown locale {locale:?}"));
            }
            let text = text.as_str().unwrap_or("");
            let n = chars(text);
            if n == 0 || n > max {
                return Err(format!(
                    "{at}: {field}[{locale}] is {n} characters (1 to {max})"
                ));
            }
            if field == "name_localizations" && !names_are_labels {
                validate_name(&format!("{at}: {field}[{locale}]"), text)?;
            }
        }
    }
    Ok(())
}

/// `integration_types` (0 guild, 1 user install) and `contexts` (0 guild, 1 bot DM, 2 private
/// channel) of a top-level command.
fn validate_contexts(at: &str, command: &Value) -> Result<(), String> {
    for (field, allowed) in [("integration_types", 0..=1), ("contexts", 0..=2)] {
        let Some(list) = command.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let list = list
            .as_array()
            .ok_or_else(|| format!("{at}: {field} is not an array"))?;
        if list.is_empty()
            || list
                .iter()
                .any(|v| !v.as_u64().is_some_and(|n| allowed.contains(&n)))
        {
            return Err(format!(
                "{at}: {field} {list:?} is not a list of {allowed:?}"
            ));
        }
    }
    Ok(())
}

/// A slash command or one of its options; `depth` 0 is the command itself.
fn validate_chat_input(at: &str, item: &Value, depth: usize) -> Result<(), String> {
    validate_localizations(at, item, false)?;
    if depth == 0 {
        validate_contexts(at, item)?;
    }
    if let Some(choices) = item.get("choices").and_then(Value::as_array) {
        for (k, choice) in choices.iter().enumerate() {
            validate_localizations(&format!("{at}.choices[{k}]"), choice, true)?;
        }
    }
    let name = item.get("name").and_then(Value::as_str).unwrap_or("");
    validate_name(at, name)?;
    let description = item
        .get("description")
        .and_then(Value::as_str)
        .map_or(0, chars);
    if description == 0 || description > 100 {
        return Err(format!(
            "{at}: description is {description} characters (1 to 100)"
        ));
    }
    let choices = item
        .get("choices")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if choices > 25 {
        return Err(format!("{at}: {choices} choices (max 25)"));
    }
    let options = item
        .get("options")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    if options.len() > 25 {
        return Err(format!("{at}: {} options (max 25)", options.len()));
    }
    let mut optional_seen = false;
    for (j, option) in options.iter().enumerate() {
        let option_at = format!("{at}.options[{j}]");
        let kind = option.get("type").and_then(Value::as_u64).unwrap_or(0);
        let required = option
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !matches!(kind, 1 | 2) {
            if required && optional_seen {
                return Err(format!(
                    "{option_at}: required options must come before optional ones"
                ));
            }
            optional_seen |= !required;
        }
        if depth > 2 {
            return Err(format!("{option_at}: options nested too deep"));
        }
        validate_chat_input(&option_at, option, depth + 1)?;
    }
    Ok(())
}

/// What Discord answers to a registered command: the body plus ids and defaults.
fn echo_command(command: &Value, guild: Option<u64>) -> Value {
    let mut out = command.clone();
    let name = command.get("name").and_then(Value::as_str).unwrap_or("");
    if let Some(obj) = out.as_object_mut() {
        obj.insert("id".into(), json!(command_id(name).to_string()));
        obj.insert("application_id".into(), json!(APP_ID.to_string()));
        obj.insert("version".into(), json!("1"));
        obj.entry("type").or_insert(json!(1));
        obj.entry("description").or_insert(json!(""));
        obj.entry("default_member_permissions")
            .or_insert(Value::Null);
        obj.entry("nsfw").or_insert(json!(false));
        if let Some(guild) = guild {
            obj.insert("guild_id".into(), json!(guild.to_string()));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// 6. Payload builders
// ---------------------------------------------------------------------------

/// The deterministic command id the builders use and the fake answers at registration.
pub fn command_id(name: &str) -> u64 {
    // FNV-1a, folded into a non-zero snowflake-sized number.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    1_000_000_000_000_000_000 + hash % 1_000_000_000_000_000_000
}

/// The token the builders give interaction `interaction_id`.
pub fn token_for(interaction_id: u64) -> String {
    format!("fake-interaction-token-{interaction_id}")
}

/// A user object (`username` is `user{id % 10000}`).
pub fn user(id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "username": format!("user{}", id % 10_000),
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": false,
        "public_flags": 0,
    })
}

/// The bot user as in READY.
pub fn bot_user() -> Value {
    json!({
        "id": BOT_ID.to_string(),
        "username": BOT_NAME,
        "discriminator": "0000",
        "global_name": null,
        "avatar": null,
        "bot": true,
        "public_flags": 0,
    })
}

fn current_user() -> Value {
    let mut me = bot_user();
    me["verified"] = json!(true);
    me["mfa_enabled"] = json!(false);
    me["email"] = Value::Null;
    me["flags"] = json!(0);
    me["locale"] = json!("en-US");
    me
}

fn application_info() -> Value {
    json!({
        "id": APP_ID.to_string(),
        "name": BOT_NAME,
        "icon": null,
        "description": "A Discord bot that answers questions about streaming availability",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0".repeat(64),
        "owner": {
            "id": OWNER_ID.to_string(),
            "username": "owner",
            "discriminator": "0",
            "global_name": null,
            "avatar": null,
            "public_flags": 0,
            "flags": 0,
        },
        "team": null,
        "flags": 0,
        "summary": "",
        "bot": bot_user(),
    })
}

fn member_json(user: Value, roles: &[u64], permissions: Option<u64>) -> Value {
    let mut member = json!({
        "user": user,
        "nick": null,
        "avatar": null,
        "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    });
    if let Some(permissions) = permissions {
        member["permissions"] = json!(permissions.to_string());
    }
    member
}

fn role_json(id: u64, name: &str, permissions: u64, position: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

fn dm_channel_json(channel: u64, recipient: u64) -> Value {
    json!({
        "id": channel.to_string(),
        "type": 1,
        "last_message_id": null,
        "recipients": [user(recipient)],
        "flags": 0,
    })
}

/// A full Message object (REST shape: no guild_id).
fn message_json(
    id: u64,
    channel_id: u64,
    author: Value,
    body: &Value,
    attachments: Vec<Value>,
    kind: u64,
) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": body.get("content").and_then(Value::as_str).unwrap_or(""),
        "timestamp": now_timestamp(),
        "edited_timestamp": null,
        "tts": body.get("tts").and_then(Value::as_bool).unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": body.get("embeds").filter(|v| v.is_array()).cloned().unwrap_or(json!([])),
        "components": body.get("components").filter(|v| v.is_array()).cloned().unwrap_or(json!([])),
        "pinned": false,
        "type": kind,
        "flags": flags_of(body),
    })
}

/// Fields every interaction has.
fn interaction_base(interaction_id: u64, kind: u64, channel_id: u64, channel_type: u64) -> Value {
    json!({
        "id": interaction_id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": token_for(interaction_id),
        "version": 1,
        "channel_id": channel_id.to_string(),
        "channel": { "id": channel_id.to_string(), "type": channel_type },
        "locale": "en-US",
        "entitlements": [],
        "app_permissions": BOT_APP_PERMISSIONS.to_string(),
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    })
}

fn in_guild(
    mut payload: Value,
    guild_id: u64,
    user_id: u64,
    roles: &[u64],
    permissions: u64,
) -> Value {
    payload["guild_id"] = json!(guild_id.to_string());
    payload["guild_locale"] = json!("en-US");
    payload["member"] = member_json(user(user_id), roles, Some(permissions));
    payload["authorizing_integration_owners"] = json!({ "0": guild_id.to_string() });
    payload["context"] = json!(0);
    payload
}

fn in_dm(mut payload: Value, user_id: u64) -> Value {
    payload["user"] = user(user_id);
    payload["authorizing_integration_owners"] = json!({ "0": "0" });
    payload["context"] = json!(1);
    payload
}

fn command_data(command: &str, options: Value) -> Value {
    json!({
        "id": command_id(command).to_string(),
        "name": command,
        "type": 1,
        "options": if options.is_null() { json!([]) } else { options },
    })
}

/// INTERACTION_CREATE `d` for a slash command used in a guild. `options` is the array of
/// `{name, type, value}` (see [`option`], [`subcommand`], [`attachment_option`]).
#[allow(clippy::too_many_arguments)]
pub fn slash_in_guild(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    roles: &[u64],
    permissions: u64,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 2, channel_id, 0),
        guild_id,
        user_id,
        roles,
        permissions,
    );
    payload["data"] = command_data(command, options);
    payload
}

/// INTERACTION_CREATE `d` for a slash command used in the bot's DM.
pub fn slash_in_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = in_dm(interaction_base(interaction_id, 2, channel_id, 1), user_id);
    payload["data"] = command_data(command, options);
    payload
}

/// INTERACTION_CREATE `d` for a slash command of the app installed to `user_id`'s account,
/// used in a group DM (a private channel the bot is not a member of): no guild, `context` 2,
/// the user as the authorising owner of a user install (`"1"`).
pub fn slash_in_group_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    locale: &str,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = interaction_base(interaction_id, 2, channel_id, 3);
    payload["user"] = user(user_id);
    payload["locale"] = json!(locale);
    payload["authorizing_integration_owners"] = json!({ "1": user_id.to_string() });
    payload["context"] = json!(2);
    payload["data"] = command_data(command, options);
    payload
}

/// Sets the user's Discord language of an interaction payload (`zh-CN`, `en-US`…).
pub fn with_locale(mut payload: Value, locale: &str) -> Value {
    payload["locale"] = json!(locale);
    payload
}

/// INTERACTION_CREATE `d` for autocomplete (type 4) in a guild. One option must carry
/// `focused: true` and a *string* value (serenity requires a string there even for numbers);
/// see [`focused_option`].
pub fn autocomplete(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    command: &str,
    options_with_focused: Value,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 4, channel_id, 0),
        guild_id,
        user_id,
        &[],
        MEMBER_PERMISSIONS,
    );
    payload["data"] = command_data(command, options_with_focused);
    payload
}

/// INTERACTION_CREATE `d` for a click on button `custom_id` of the bot's message `message_id`
/// in a guild (type 3). The message names `user_id` as the user of the original command.
pub fn button_click(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    custom_id: &str,
    message_id: u64,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 3, channel_id, 0),
        guild_id,
        user_id,
        &[],
        MEMBER_PERMISSIONS,
    );
    payload["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    payload["message"] = component_message(message_id, channel_id, user_id, custom_id);
    payload
}

/// Like [`button_click`], in the bot's DM.
pub fn button_click_in_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    custom_id: &str,
    message_id: u64,
) -> Value {
    let mut payload = in_dm(interaction_base(interaction_id, 3, channel_id, 1), user_id);
    payload["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    payload["message"] = component_message(message_id, channel_id, user_id, custom_id);
    payload
}

/// The bot's message carrying the clicked button (as Discord embeds it in a component interaction).
fn component_message(message_id: u64, channel_id: u64, user_id: u64, custom_id: &str) -> Value {
    let button = json!({ "type": 2, "style": 1, "label": custom_id, "custom_id": custom_id });
    let body = json!({ "components": [{ "type": 1, "components": [button] }] });
    let mut message = message_json(message_id, channel_id, bot_user(), &body, Vec::new(), 20);
    message["webhook_id"] = json!(APP_ID.to_string());
    message["application_id"] = json!(APP_ID.to_string());
    message["interaction_metadata"] = json!({
        "id": message_id.to_string(),
        "type": 2,
        "user": user(user_id),
        "authorizing_integration_owners": {},
    });
    message
}

/// MESSAGE_CREATE `d` for a DM (no guild_id, no member).
pub fn dm_message(
    message_id: u64,
    channel_id: u64,
    author_id: u64,
    bot: bool,
    content: &str,
) -> Value {
    let mut author = if author_id == BOT_ID {
        bot_user()
    } else {
        user(author_id)
    };
    author["bot"] = json!(bot);
    let mut message = message_json(
        message_id,
        channel_id,
        author,
        &json!({ "content": content }),
        Vec::new(),
        0,
    );
    message["nonce"] = json!(message_id.to_string());
    message
}

/// A command option `{name, type, value}` (3 string, 4 integer, 5 boolean, 10 number...).
pub fn option(name: &str, kind: u8, value: Value) -> Value {
    json!({ "name": name, "type": kind, "value": value })
}

/// The focused option of an autocomplete: `partial` is what the user has typed so far.
pub fn focused_option(name: &str, kind: u8, partial: &str) -> Value {
    json!({ "name": name, "type": kind, "value": partial, "focused": true })
}

/// A subcommand (type 1) with its options.
pub fn subcommand(name: &str, options: Value) -> Value {
    json!({ "name": name, "type": 1, "options": options })
}

/// An Attachment object (for `data.resolved.attachments` or a message).
pub fn attachment(id: u64, filename: &str, size: u64, url: &str, content_type: &str) -> Value {
    json!({
        "id": id.to_string(),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
    })
}

/// An attachment option (type 11): its value is the attachment's id. The attachment itself must
/// also be put in `data.resolved.attachments` with [`with_resolved_attachments`].
pub fn attachment_option(name: &str, attachment: &Value) -> Value {
    json!({ "name": name, "type": 11, "value": attachment["id"].clone() })
}

/// Adds `attachments` (from [`attachment`]) to `data.resolved.attachments` of an interaction.
pub fn with_resolved_attachments(mut payload: Value, attachments: &[Value]) -> Value {
    let mut map = Map::new();
    for a in attachments {
        map.insert(id_string(&a["id"]), a.clone());
    }
    let data = &mut payload["data"];
    if !data["resolved"].is_object() {
        data["resolved"] = json!({});
    }
    data["resolved"]["attachments"] = Value::Object(map);
    payload
}

// ---------------------------------------------------------------------------
// 7. Helpers
// ---------------------------------------------------------------------------

fn now_timestamp() -> String {
    serenity::model::Timestamp::now().to_string()
}

fn flags_of(v: &Value) -> u64 {
    v.get("flags").and_then(Value::as_u64).unwrap_or(0)
}

/// A snowflake given as a string or a number.
fn snowflake_value(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// The shard Discord sends a dispatch on: `(guild_id >> 22) % shards`, or shard 0 without a
/// guild (direct messages).
pub fn shard_of(d: &Value, shards: u32) -> u32 {
    id_of(d, "/guild_id").map_or(0, |g| ((g >> 22) % u64::from(shards.max(1))) as u32)
}

fn id_of(v: &Value, pointer: &str) -> Option<u64> {
    v.pointer(pointer).and_then(snowflake_value)
}

fn id_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn guess_content_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Decodes a JSON or multipart/form-data body.
fn parse_body(headers: &HeaderMap, body: &[u8]) -> Parsed {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        return match parse_multipart(content_type, body) {
            Ok((json, files)) => Parsed {
                json,
                files,
                error: None,
            },
            Err(error) => Parsed {
                json: Value::Null,
                files: Vec::new(),
                error: Some(error),
            },
        };
    }
    if body.is_empty() {
        return Parsed {
            json: Value::Null,
            files: Vec::new(),
            error: None,
        };
    }
    match serde_json::from_slice(body) {
        Ok(json) => Parsed {
            json,
            files: Vec::new(),
            error: None,
        },
        Err(e) => Parsed {
            json: Value::String(String::from_utf8_lossy(body).into_owned()),
            files: Vec::new(),
            error: Some(format!("invalid JSON body: {e}")),
        },
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Splits a multipart/form-data body: `payload_json` becomes the JSON, file parts become
/// [`RecordedFile`]s, other text fields are added to the JSON object.
fn parse_multipart(content_type: &str, body: &[u8]) -> Result<(Value, Vec<RecordedFile>), String> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .ok_or("multipart body without boundary")?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let mut json = Value::Null;
    let mut fields = Map::new();
    let mut files = Vec::new();
    let mut pos =
        find(body, &delimiter, 0).ok_or("multipart body without its boundary")? + delimiter.len();
    loop {
        let rest = &body[pos..];
        if rest.starts_with(b"--") {
            break;
        }
        if !rest.starts_with(b"\r\n") {
            return Err("malformed multipart delimiter".into());
        }
        let start = pos + 2;
        let next = find(body, &delimiter, start).ok_or("unterminated multipart part")?;
        let end = next
            .checked_sub(2)
            .filter(|&e| e >= start)
            .ok_or("malformed multipart part")?;
        let part = &body[start..end];
        let header_end = find(part, b"\r\n\r\n", 0).ok_or("multipart part without headers")?;
        let head = String::from_utf8_lossy(&part[..header_end]).into_owned();
        let content = &part[header_end + 4..];
        let (mut name, mut filename, mut part_type) = (
            String::new(),
            None,
            String::from("application/octet-stream"),
        );
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for param in value.split(';').map(str::trim) {
                        if let Some(v) = param.strip_prefix("name=") {
                            name = v.trim_matches('"').to_string();
                        } else if let Some(v) = param.strip_prefix("filename=") {
                            filename = Some(v.trim_matches('"').to_string());
                        }
                    }
                }
                "content-type" => part_type = value.trim().to_string(),
                _ => {}
            }
        }
        if name == "payload_json" {
            json = serde_json::from_slice(content)
                .map_err(|e| format!("invalid payload_json: {e}"))?;
        } else if let Some(filename) = filename {
            files.push(RecordedFile {
                field: name,
                filename,
                content_type: part_type,
                bytes: content.to_vec(),
            });
        } else {
            fields.insert(
                name,
                Value::String(String::from_utf8_lossy(content).into_owned()),
            );
        }
        pos = next + delimiter.len();
    }
    if !fields.is_empty() {
        match &mut json {
            Value::Object(obj) => obj.extend(fields),
            Value::Null => json = Value::Object(fields),
            _ => {}
        }
    }
    Ok((json, files))
}

/// Runs `fut` with a deadline, panicking with `what` if it takes longer. For test steps.
pub async fn within<T>(limit: Duration, what: &str, fut: impl Future<Output = T>) -> T {
    match tokio::time::timeout(limit, fut).await {
        Ok(v) => v,
        Err(_) => panic!("timed out after {limit:?}: {what}"),
    }
}
