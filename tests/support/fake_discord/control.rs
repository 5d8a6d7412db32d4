//! What tests do with the fake: start it, steer it (failures, events, users) and read what it recorded.

use super::*;

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
