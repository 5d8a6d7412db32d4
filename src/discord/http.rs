//! The HTTP interactions endpoint (`streambot http`): Discord POSTs each interaction here
//! instead of over the gateway. Requests are checked (Ed25519 signature over timestamp + body
//! with `DISCORD_PUBLIC_KEY`, a fresh timestamp, a sane size), then answered through the same
//! mapping as the gateway bot ([`super::interaction`]) in the HTTP response within Discord's 3 s;
//! slower answers (and maps, whose picture cannot ride in a JSON body) are deferred and then
//! completed with `PATCH /webhooks/{app}/{token}/messages/@original` through `DISCORD_API_BASE`.
//! Nothing is kept between requests, so any number of replicas can serve one app.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ::serenity::builder::Builder as _;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use poise::serenity_prelude as serenity;
use serde_json::{Value, json};
use serenity::interactions_endpoint::Verifier;

use super::commands::reindex::interaction_may_reindex;
use super::interaction::{self, Action, Reply, buttons, complete};
use super::retry::{follow_up_backoff, retrying_with};
use super::{DEFER_AFTER, Data};
use crate::config::Config;
use crate::limit::Verdict;
use crate::search::Engine;
use crate::telemetry::Outcome;

/// The largest request accepted; Discord's interactions are a few kilobytes.
pub const MAX_BODY: usize = 256 * 1024;
/// How far a request's timestamp may be from our clock (replayed requests are older).
pub const MAX_SKEW: Duration = Duration::from_secs(300);
/// Autocomplete has no deferral: choices not found by then are not offered.
const COMPLETE_WITHIN: Duration = Duration::from_millis(2500);
/// How long a follow-up is retried when Discord fails.
const FOLLOW_UP_WITHIN: Duration = Duration::from_secs(30);
/// The paths the endpoint answers on (set either as the Interactions Endpoint URL).
pub const PATHS: [&str; 2] = ["/", "/interactions"];

struct Endpoint {
    data: Data,
    verifier: Verifier,
    http: Arc<serenity::Http>,
}

/// Checks the settings the endpoint needs and builds its state.
fn endpoint(config: Config, engine: Arc<Engine>) -> anyhow::Result<Endpoint> {
    let Some(key) = config.public_key else {
        anyhow::bail!(
            "DISCORD_PUBLIC_KEY is not set (Developer Portal → your application → General Information → Public Key)"
        );
    };
    let Some(app) = config.application_id else {
        anyhow::bail!(
            "DISCORD_APPLICATION_ID is not set (Developer Portal → your application → General Information → Application ID)"
        );
    };
    let verifier = Verifier::try_new(key)
        .map_err(|_| anyhow::anyhow!("DISCORD_PUBLIC_KEY is not a valid Ed25519 public key"))?;
    // Webhook routes (follow-ups) are authorised by the interaction's token, but serenity sends
    // an Authorization header with every request: without a token it would be an empty `Bot `,
    // which Discord may refuse, so the token is required.
    let Some(token) = config
        .discord_token
        .as_ref()
        .map(|t| t.expose().to_string())
    else {
        anyhow::bail!(
            "DISCORD_TOKEN is not set (Developer Portal → your application → Bot): deferred answers are edited through Discord's API with it"
        );
    };
    let mut http =
        serenity::HttpBuilder::new(token).application_id(serenity::ApplicationId::new(app));
    if let Some(base) = &config.api_base {
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let config = Arc::new(config);
    Ok(Endpoint {
        data: Data::new(engine, config),
        verifier,
        http: Arc::new(http.build()),
    })
}

/// The endpoint's routes, for a listener of the caller's choosing.
pub fn router(config: Config, engine: Arc<Engine>) -> anyhow::Result<Router> {
    let state = Arc::new(endpoint(config, engine)?);
    let mut router = Router::new();
    for path in PATHS {
        router = router.route(path, post(handle));
    }
    Ok(router
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state))
}

/// Serves the endpoint on `listen` (`HOST:PORT`) until Ctrl-C or SIGTERM.
pub async fn serve(config: Config, engine: Arc<Engine>, listen: &str) -> anyhow::Result<()> {
    // The recorder is installed by `serve`: what is recorded before it is lost.
    if let Some(addr) = config.metrics_addr {
        let bound = crate::telemetry::serve(addr, crate::telemetry::Readiness::INDEX_ONLY).await?;
        tracing::info!(%bound, "serving /metrics, /healthz and /readyz");
    }
    crate::telemetry::index_loaded(&engine.info());
    super::watch_index(engine.clone());
    let router = router(config, engine)?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "HTTP interactions endpoint listening");
    eprintln!("streambot: HTTP interactions endpoint on http://{addr}/");
    crate::listen::serve(
        listener,
        router,
        crate::listen::Timeouts::DEFAULT,
        super::shutdown_signal(),
    )
    .await;
    Ok(())
}

impl Endpoint {
    /// Why a request is refused, if it is: missing headers, a stale timestamp, a bad signature.
    fn check(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), &'static str> {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let signature = text("x-signature-ed25519").ok_or("no X-Signature-Ed25519")?;
        let timestamp = text("x-signature-timestamp").ok_or("no X-Signature-Timestamp")?;
        let at: u64 = timestamp.parse().map_err(|_| "timestamp is not a number")?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if now.abs_diff(at) > MAX_SKEW.as_secs() {
            return Err("stale timestamp");
        }
        self.verifier
            .verify(signature, timestamp, body)
            .map_err(|()| "bad signature")
    }
}

/// The request's body, read within [`crate::listen::BODY_WITHIN`] and at most [`MAX_BODY`].
async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, Response> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response());
    }
    match tokio::time::timeout(
        crate::listen::BODY_WITHIN,
        axum::body::to_bytes(body, MAX_BODY),
    )
    .await
    {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => {
            tracing::info!(error = %e, "refused a request body");
            Err(StatusCode::PAYLOAD_TOO_LARGE.into_response())
        }
        Err(_) => {
            tracing::info!("a request body did not arrive in time");
            Err(StatusCode::REQUEST_TIMEOUT.into_response())
        }
    }
}

async fn handle(State(s): State<Arc<Endpoint>>, headers: HeaderMap, body: Body) -> Response {
    let started = Instant::now();
    let body = match read_body(&headers, body).await {
        Ok(b) => b,
        Err(refused) => return refused,
    };
    if let Err(why) = s.check(&headers, &body) {
        tracing::info!(why, "refused a request");
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let interaction: serenity::Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "a signed request that is not an interaction");
            return (StatusCode::BAD_REQUEST, "not an interaction").into_response();
        }
    };
    match interaction {
        serenity::Interaction::Ping(_) => json_body(&json!({ "type": 1 })),
        serenity::Interaction::Command(c) => s.command(c, started).await,
        serenity::Interaction::Autocomplete(a) => s.autocomplete(a, started).await,
        serenity::Interaction::Component(c) => s.component(c, started).await,
        _ => (StatusCode::BAD_REQUEST, "unsupported interaction type").into_response(),
    }
}

fn json_body(value: &Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

/// The callback carrying `reply`: a new message (type 4) or an update of the clicked one (7).
fn callback(reply: &Reply, update: bool) -> Response {
    let message = reply.to_message();
    let response = if update && !reply.ephemeral {
        serenity::CreateInteractionResponse::UpdateMessage(message)
    } else {
        serenity::CreateInteractionResponse::Message(message)
    };
    match serde_json::to_value(&response) {
        Ok(v) => json_body(&v),
        Err(e) => {
            tracing::error!(error = %e, "could not write a response");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What a finished computation shows: the reply, or an apology (details go to the log).
fn settle(
    joined: Result<anyhow::Result<Reply>, tokio::task::JoinError>,
    lang: crate::i18n::Lang,
) -> Reply {
    match joined {
        Ok(Ok(reply)) => reply,
        Ok(Err(e)) => {
            tracing::error!(error = ?e, "answering an interaction failed");
            Reply::private(&crate::t!(lang, "went-wrong"), Outcome::Error)
        }
        Err(e) => {
            tracing::error!(error = %e, "answering an interaction panicked");
            Reply::private(&crate::t!(lang, "went-wrong"), Outcome::Error)
        }
    }
}

impl Endpoint {
    async fn command(&self, c: serenity::CommandInteraction, started: Instant) -> Response {
        let lang = interaction::lang(self.data.config.lang, &c.locale, c.guild_locale.as_deref());
        let name = c.data.name.clone();
        let work = match Action::from_command(&c.data, lang) {
            None => {
                tracing::warn!(command = %name, "a command this bot does not have");
                Err(Reply::private(
                    &crate::t!(lang, "error-unknown-command"),
                    Outcome::Error,
                ))
            }
            // Only the operator's moderators learn how reindexing works here; everyone else is
            // refused as on the gateway.
            Some(Action::Reindex) if !interaction_may_reindex(&c, &self.data.config) => {
                tracing::warn!(user = %c.user.id, guild = ?c.guild_id, "reindex refused: not the operator's moderator here");
                Err(Reply::private(
                    &crate::t!(lang, "reindex-refused"),
                    Outcome::Refused,
                ))
            }
            Some(Action::Reindex) => Ok(Action::Reindex),
            Some(action) => match self.data.may_ask(c.user.id.get()) {
                Verdict::Allowed => Ok(action),
                Verdict::Limited { retry_after, first } => {
                    tracing::info!(user = %c.user.id, first, "cooldown");
                    Err(Reply::private(
                        &super::cooldown::slow_down(retry_after, lang),
                        Outcome::Cooldown,
                    ))
                }
            },
        };
        let from = Asking {
            token: c.token,
            caller: interaction::caller(c.user.id, c.guild_id, c.member.as_deref()),
        };
        self.respond(&name, from, work, lang, false, started).await
    }

    async fn component(&self, c: serenity::ComponentInteraction, started: Instant) -> Response {
        let lang = interaction::lang(self.data.config.lang, &c.locale, None);
        let Some(plan) = buttons::plan(&self.data, &c, lang) else {
            tracing::info!(custom_id = %c.data.custom_id, "a button that is not ours");
            return callback(
                &Reply::private(&crate::t!(lang, "went-wrong"), Outcome::Error),
                false,
            );
        };
        let from = Asking {
            token: c.token,
            caller: interaction::caller(c.user.id, c.guild_id, c.member.as_ref()),
        };
        self.respond("button", from, plan.work, lang, plan.update, started)
            .await
    }

    async fn autocomplete(&self, a: serenity::CommandInteraction, started: Instant) -> Response {
        let found = a.data.autocomplete().and_then(|o| {
            Some((
                complete::field_of(&a.data.name, o.name)?,
                o.value.to_string(),
            ))
        });
        let choices = match found {
            None => Vec::new(),
            Some((field, partial)) => {
                let engine = self.data.engine.clone();
                let task = tokio::task::spawn_blocking(move || {
                    complete::choices(&engine, field, &partial)
                });
                match tokio::time::timeout(COMPLETE_WITHIN, task).await {
                    Ok(Ok(found)) => found,
                    Ok(Err(e)) => {
                        tracing::warn!(error = %e, "autocomplete lookup panicked");
                        Vec::new()
                    }
                    Err(_) => {
                        tracing::warn!("autocomplete lookup too slow");
                        Vec::new()
                    }
                }
            }
        };
        let response =
            serenity::CreateInteractionResponse::Autocomplete(complete::response(choices));
        // Autocomplete is not counted as an interaction (as on the gateway); the log has it.
        tracing::debug!(
            ms = started.elapsed().as_millis() as u64,
            "autocomplete answered"
        );
        match serde_json::to_value(&response) {
            Ok(v) => json_body(&v),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    }

    /// Answers in the HTTP response when the reply is ready within [`DEFER_AFTER`] and has no
    /// picture; otherwise defers (type 5, or 6 for a page turn) and edits the original response
    /// when the reply is ready.
    async fn respond(
        &self,
        what: &str,
        from: Asking,
        work: Result<Action, Reply>,
        lang: crate::i18n::Lang,
        update: bool,
        started: Instant,
    ) -> Response {
        let Asking { token, caller } = from;
        let action = match work {
            Ok(action) => action,
            Err(ready) => {
                interaction::finished(what, ready.outcome, started.elapsed());
                return callback(&ready, update);
            }
        };
        let private = action.is_private();
        let engine = self.data.engine.clone();
        let store = self.data.store.clone();
        let mut task = tokio::task::spawn_blocking(move || {
            interaction::compute(&engine, store.as_deref(), caller, &action, lang)
        });
        let reply = match tokio::time::timeout(DEFER_AFTER, &mut task).await {
            Ok(joined) => {
                let reply = settle(joined, lang);
                if reply.picture.is_none() {
                    interaction::finished(what, reply.outcome, started.elapsed());
                    return callback(&reply, update);
                }
                FollowUp::Ready(reply)
            }
            Err(_) => FollowUp::Pending(task),
        };
        let private = private || matches!(&reply, FollowUp::Ready(r) if r.ephemeral);
        let http = self.http.clone();
        let command = what.to_string();
        tokio::spawn(async move {
            let reply = match reply {
                FollowUp::Ready(r) => r,
                FollowUp::Pending(task) => settle(task.await, lang),
            };
            crate::telemetry::interaction(&command, reply.outcome);
            let edit = reply.to_edit();
            let until = Instant::now() + FOLLOW_UP_WITHIN;
            let sent = retrying_with("follow-up", until, follow_up_backoff, || {
                edit.clone().execute(&*http, &token)
            })
            .await;
            if let Err(e) = sent {
                tracing::warn!(error = %e, "could not complete a deferred response");
            }
        });
        // The deferral is the first response; the interaction is counted when its reply is ready.
        crate::telemetry::first_response(started.elapsed());
        if update {
            json_body(&json!({ "type": 6 }))
        } else if private {
            json_body(&json!({ "type": 5, "data": { "flags": 64 } }))
        } else {
            json_body(&json!({ "type": 5 }))
        }
    }
}

/// Who an interaction came from: its token (for the follow-up) and its caller (for settings).
struct Asking {
    token: String,
    caller: crate::answer::Caller,
}

/// A reply still to send as an edit of the deferred response.
enum FollowUp {
    Ready(Reply),
    Pending(tokio::task::JoinHandle<anyhow::Result<Reply>>),
}
