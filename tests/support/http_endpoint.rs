//! The HTTP interactions endpoint under test: a fixed Ed25519 key pair standing in for
//! Discord's, signed requests, an endpoint served in-process on 127.0.0.1 next to a fake
//! Discord, and the relay of each HTTP response to the fake's callback route so that the
//! same limit checker judges it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer, SigningKey};
use serde_json::Value;
use streambot::config::Config;
use streambot::search::Engine;

use super::bot::STEP;
use super::fake_discord::{APP_ID, FakeDiscord, FakeOptions, GUILD_ID, OWNER_ID};

/// The test key pair's seed (fixed: every run signs alike).
pub const SEED: [u8; 32] = [42; 32];

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&SEED)
}

/// `DISCORD_PUBLIC_KEY` for the test key pair.
pub fn public_key_hex() -> String {
    hex(signing_key().verifying_key().as_bytes())
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// `X-Signature-Ed25519` for `timestamp + body`.
pub fn sign(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex(&key.sign(&message).to_bytes())
}

/// An endpoint serving on loopback, its fake Discord and its scratch data.
pub struct Endpoint {
    pub fake: FakeDiscord,
    pub url: String,
    pub engine: Arc<Engine>,
    pub root: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The environment of an HTTP replica talking to `fake`.
pub fn replica_env(fake: &FakeDiscord, root: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("DISCORD_API_BASE", fake.base_url()),
        ("DISCORD_TOKEN", "fake-token-http".to_string()),
        ("DISCORD_APPLICATION_ID", APP_ID.to_string()),
        ("DISCORD_PUBLIC_KEY", public_key_hex()),
        ("DISCORD_GUILD_ID", GUILD_ID.to_string()),
        ("OWNER_IDS", OWNER_ID.to_string()),
        ("STREAMBOT_DATA", root.join("data").display().to_string()),
        ("STREAMBOT_INDEX", root.join("index").display().to_string()),
    ]
}

/// A scratch copy of data/ plus 25 Chinese fixture titles (as the gateway tests use).
pub fn scratch_data(name: &str) -> PathBuf {
    super::bot::scratch_data("http", name)
}

pub async fn start(name: &str, extra: &[(&str, String)]) -> Endpoint {
    let root = scratch_data(name);
    let fake = FakeDiscord::start_with(FakeOptions::default()).await;
    let vars = replica_env(&fake, &root);
    let config = Config::from_lookup(|k| {
        extra
            .iter()
            .map(|(n, v)| (*n, v.clone()))
            .chain(vars.iter().cloned())
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v)
    })
    .unwrap();
    let (data, index) = (config.data_dirs.clone(), config.index_dir.clone());
    let engine = tokio::task::spawn_blocking(move || {
        Engine::open(&index, &data, "test", &|_, _| {}).unwrap().0
    })
    .await
    .unwrap();
    let engine = Arc::new(engine);
    let router = streambot::discord::http::router(config, engine.clone()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let task = tokio::spawn(streambot::listen::serve(
        listener,
        router,
        streambot::listen::Timeouts::DEFAULT,
        std::future::pending(),
    ));
    Endpoint {
        fake,
        url,
        engine,
        root,
        task,
    }
}

/// POSTs `body` with the given signature headers; returns the status and the body.
pub async fn post_raw(url: &str, body: &[u8], headers: &[(&str, String)]) -> (u16, String) {
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    let mut request = CLIENT
        .get_or_init(reqwest::Client::new)
        .post(url)
        .header("content-type", "application/json")
        .timeout(STEP)
        .body(body.to_vec());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let response = request.send().await.expect("the endpoint answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// POSTs `payload` signed with the test key, now.
pub async fn post_signed(url: &str, payload: &Value) -> (u16, String) {
    let body = payload.to_string();
    let timestamp = now_secs().to_string();
    let signature = sign(&signing_key(), &timestamp, body.as_bytes());
    post_raw(
        url,
        body.as_bytes(),
        &[
            ("x-signature-ed25519", signature),
            ("x-signature-timestamp", timestamp),
        ],
    )
    .await
}

/// Sends an interaction as Discord would: the fake learns it, the endpoint gets it signed,
/// and the endpoint's response goes to the fake's callback route, where it must be accepted
/// (limits, callback type, 3 s). Returns the response body.
pub async fn interact(ep: &Endpoint, payload: Value) -> Value {
    ep.fake.expect_http_interaction(&payload);
    let (status, text) = post_signed(&ep.url, &payload).await;
    assert_eq!(status, 200, "{text}");
    let body: Value = serde_json::from_str(&text).expect("a JSON response");
    let id = payload["id"].as_str().unwrap();
    let token = payload["token"].as_str().unwrap();
    let relay = reqwest::Client::new()
        .post(format!(
            "{}/api/v10/interactions/{id}/{token}/callback",
            ep.fake.base_url()
        ))
        .header("content-type", "application/json")
        .body(body.to_string())
        .timeout(STEP)
        .send()
        .await
        .unwrap();
    let id: u64 = id.parse().unwrap();
    let recorded = ep
        .fake
        .wait_for_callback(id, Duration::from_secs(1))
        .await
        .expect("the relayed callback");
    assert_eq!(
        relay.status().as_u16(),
        204,
        "the fake refused the response: {:?}\n{body}",
        recorded.rejected
    );
    assert!(
        ep.fake.first_response_latency(id).unwrap() < Duration::from_secs(3),
        "first response later than 3 s"
    );
    body
}

/// Starts `streambot http` as `cmd` (stderr piped) and waits for the address it prints; the
/// rest of its stderr is drained so it never blocks.
pub fn spawn_replica(cmd: &mut std::process::Command) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = cmd.stderr(std::process::Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the replica printed its address")
            .unwrap();
        if let Some(rest) = line.split("endpoint on ").nth(1) {
            break rest.trim().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, url)
}
