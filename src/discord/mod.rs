//! The Discord front end: poise slash commands and direct messages over the gateway, and the
//! HTTP interactions endpoint, both answering through one mapping ([`interaction`]) that parses,
//! calls the core, renders and replies — nothing else. Only this module and `main.rs` name
//! serenity or poise.

mod commands;
mod cooldown;
mod download;
mod errors;
pub mod http;
pub mod interaction;
mod localize;
pub mod register;
mod reply;
mod retry;

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use crate::config::Config;
use crate::limit::RateLimiter;
use crate::search::Engine;
use crate::store::Store;
use crate::telemetry::{self, GatewayState};

/// Shared state of every command.
pub struct Data {
    pub engine: Arc<Engine>,
    pub config: Arc<Config>,
    /// Per-user cooldowns for questions (slash commands and direct messages).
    pub limiter: RateLimiter,
    /// Where people's settings live; `None` when it could not be opened (settings are then
    /// unavailable, every other answer works).
    pub store: Option<Arc<Store>>,
}

impl Data {
    /// The state both fronts share; opens the settings store (a SQLite file is opened now, a
    /// PostgreSQL database on first use).
    pub fn new(engine: Arc<Engine>, config: Arc<Config>) -> Data {
        let store = match Store::open(&config.database) {
            Ok(s) => {
                tracing::info!(backend = s.backend(), location = ?config.database, "settings store opened");
                Some(Arc::new(s))
            }
            Err(e) => {
                tracing::error!(error = %e, location = ?config.database, "settings store unavailable; answering without settings");
                None
            }
        };
        Data {
            engine,
            limiter: RateLimiter::new(config.cooldown),
            config,
            store,
        }
    }
}

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// The gateway's commands: one per row of the command table, in its order.
fn commands() -> Vec<poise::Command<Data, Error>> {
    crate::answer::commands::COMMANDS
        .iter()
        .map(commands::gateway)
        .collect()
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    match event {
        serenity::FullEvent::Message { new_message } => {
            commands::dm::on_message(framework.serenity_context, framework.user_data, new_message)
                .await;
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(press),
        } => {
            commands::suggestion::on_component(
                framework.serenity_context,
                framework.user_data,
                press,
            )
            .await;
        }
        serenity::FullEvent::Ready { .. } | serenity::FullEvent::Resume { .. } => {
            telemetry::gateway(
                framework.serenity_context.shard_id.0,
                GatewayState::Connected,
            );
        }
        serenity::FullEvent::ShardStageUpdate { event } => {
            telemetry::gateway(event.shard_id.0, gateway_state(event.new));
        }
        _ => {}
    }
    Ok(())
}

/// serenity's connection stages as the metrics name them.
fn gateway_state(stage: serenity::ConnectionStage) -> GatewayState {
    match stage {
        serenity::ConnectionStage::Connected => GatewayState::Connected,
        serenity::ConnectionStage::Resuming => GatewayState::Resuming,
        serenity::ConnectionStage::Disconnected => GatewayState::Disconnected,
        _ => GatewayState::Connecting,
    }
}

/// Counts a command that returned normally, with the outcome it noted (see [`reply::mark`]).
async fn post_command(ctx: Context<'_>) {
    reply::count(ctx, None).await;
}

/// Connects to Discord (or to `DISCORD_API_BASE`) and serves until the connection ends for good.
pub async fn run(config: Config, engine: Arc<Engine>) -> anyhow::Result<()> {
    let Some(token) = config.discord_token.clone() else {
        anyhow::bail!("DISCORD_TOKEN is not set");
    };
    let mut http = serenity::HttpBuilder::new(token.expose());
    if let Some(base) = &config.api_base {
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let http = http.build();
    // The recorder is installed by `serve`: what is recorded before it is lost.
    if let Some(addr) = config.metrics_addr {
        let bound = telemetry::serve(addr, telemetry::Readiness::GATEWAY).await?;
        tracing::info!(%bound, "serving /metrics, /healthz and /readyz");
    }
    telemetry::index_loaded(&engine.info());
    telemetry::gateway_starting();
    watch_index(engine.clone());
    let config = Arc::new(config);
    let setup_config = config.clone();
    let data = Data::new(engine, config.clone());
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands(),
            on_error: |e| Box::pin(errors::on_error(e)),
            command_check: Some(|ctx| Box::pin(cooldown::command_check(ctx))),
            post_command: |ctx| Box::pin(post_command(ctx)),
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            ..Default::default()
        })
        .setup(move |ctx, ready, _framework| {
            Box::pin(async move {
                register::put(&ctx.http, &setup_config).await?;
                tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord; commands registered");
                Ok(data)
            })
        })
        .build();
    let intents =
        serenity::GatewayIntents::non_privileged() | serenity::GatewayIntents::DIRECT_MESSAGES;
    let mut client = serenity::ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "could not create the Discord client: {}",
                redact(&e.to_string(), token.expose())
            )
        })?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    let started = match config.shards {
        // serenity's range runs from its start to its end inclusive.
        Some(s) => {
            tracing::info!(
                first = s.first,
                last = s.last,
                total = s.total,
                "starting gateway shards"
            );
            client.start_shard_range(s.first..s.last, s.total).await
        }
        // As many shards as Discord recommends (`GET /gateway/bot`), all in this process.
        None => client.start_autosharded().await,
    };
    started.map_err(|e| match e {
        // Closed with 4004 on IDENTIFY, or 401 to `GET /gateway/bot` (autosharding asks first).
        serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication) => token_refused(),
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401 =>
        {
            token_refused()
        }
        e => anyhow::anyhow!(
            "Discord connection failed: {}",
            redact(&e.to_string(), token.expose())
        ),
    })?;
    Ok(())
}

/// What an operator reads when Discord refuses the token.
fn token_refused() -> anyhow::Error {
    anyhow::anyhow!(
        "Discord refused the bot token: DISCORD_TOKEN is wrong or was reset. Copy a new one \
         from the Developer Portal (your application → Bot → Reset Token)."
    )
}

/// How often a serving process looks for a build committed by another process.
const INDEX_WATCH_EVERY: Duration = Duration::from_secs(5);

/// Picks up builds committed by other processes (`streambot index` run by an operator, a
/// replica sharing the index directory), so no process has to restart to serve new data.
pub(crate) fn watch_index(engine: Arc<Engine>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(INDEX_WATCH_EVERY);
        tick.tick().await;
        loop {
            tick.tick().await;
            let e = engine.clone();
            match tokio::task::spawn_blocking(move || e.reload_if_changed()).await {
                Ok(Ok(Some(info))) => {
                    telemetry::index_loaded(&info);
                    tracing::info!(
                        titles = info.titles,
                        built_by = %info.built_by,
                        "serving a new build of the index"
                    );
                }
                Ok(Ok(None)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "could not reload the index"),
                Err(e) => tracing::warn!(error = %e, "reloading the index panicked"),
            }
        }
    });
}

/// Ctrl-C, or SIGTERM (what service managers and `docker stop` send).
pub(crate) async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Removes the token from a message, whatever a library put in it.
fn redact(message: &str, token: &str) -> String {
    if token.len() < 8 {
        return message.to_string();
    }
    message.replace(token, "***")
}

/// How long a command may take before it defers (Discord allows 3 s for the first response).
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);
