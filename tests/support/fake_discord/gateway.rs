//! The gateway: one task per websocket, speaking Discord's opcodes (HELLO, IDENTIFY, READY, RESUME, heartbeats) and dispatching events.

use super::*;

pub(super) async fn ws_handler(
    AxumState(inner): AxumState<Arc<Inner>>,
    ws: WebSocketUpgrade,
) -> Response {
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
pub(super) struct ConnGuard {
    pub(super) inner: Arc<Inner>,
    pub(super) conn_id: u64,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        let mut w = self.inner.world();
        let id = self.conn_id;
        w.conns.retain(|c| c.id != id);
        w.ops.retain(|(c, _)| *c != id);
    }
}

pub(super) async fn run_connection(inner: Arc<Inner>, mut socket: WebSocket, conn_id: u64) {
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
pub(super) const CLOSE_MARKER: &str = "__close_with_code";

pub(super) async fn send_frame(socket: &mut WebSocket, frame: &Value) -> Result<(), axum::Error> {
    socket.send(WsMessage::Text(frame.to_string().into())).await
}

impl Inner {
    /// Handles one frame from the bot and returns the frames to send back.
    pub(super) fn on_client_frame(&self, conn_id: u64, frame: Value) -> Vec<Value> {
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
