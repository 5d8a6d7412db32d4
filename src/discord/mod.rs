//! The Discord front end: poise slash commands and direct messages that parse, call the core,
//! render and reply — nothing else. Only this module and `main.rs` name serenity or poise.

mod commands;
mod download;
mod reply;
mod retry;

use std::sync::Arc;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::config::Config;
use crate::limit::{RateLimiter, Verdict};
use crate::search::Engine;

/// Shared state of every command.
pub struct Data {
    pub engine: Arc<Engine>,
    pub config: Arc<Config>,
    /// Per-user cooldowns for questions (slash commands and direct messages).
    pub limiter: RateLimiter,
}

impl Data {
    /// Whether `user` may ask now; owners are never limited.
    fn may_ask(&self, user: u64) -> Verdict {
        if self.config.owner_ids.contains(&user) {
            return Verdict::Allowed;
        }
        self.limiter.check(user)
    }
}

/// The polite refusal when someone asks too fast.
fn slow_down(retry_after: Duration) -> String {
    format!(
        "You're asking faster than I can keep up with — please wait {} s and try again.",
        retry_after.as_secs_f64().ceil().max(1.0)
    )
}

/// Runs before every command: notes when handling began (for Discord's deadline) and applies
/// the per-user cooldown. Autocomplete and moderators' /reindex are not limited.
async fn command_check(ctx: Context<'_>) -> Result<bool, Error> {
    if let poise::Context::Application(a) = ctx
        && a.interaction_type == poise::CommandInteractionType::Autocomplete
    {
        return Ok(true);
    }
    ctx.set_invocation_data(reply::Started(Instant::now()))
        .await;
    if ctx.command().name == "reindex" {
        return Ok(true);
    }
    let user = ctx.author().id.get();
    match ctx.data().may_ask(user) {
        Verdict::Allowed => Ok(true),
        Verdict::Limited { retry_after, first } => {
            tracing::info!(
                user,
                first,
                retry_after_ms = retry_after.as_millis() as u64,
                "cooldown"
            );
            reply::send(ctx, reply::ephemeral_text(&slow_down(retry_after))).await?;
            Ok(false)
        }
    }
}

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// All commands, in the order `/help` lists them.
pub fn commands() -> Vec<poise::Command<Data, Error>> {
    vec![
        commands::why_not::why_not(),
        commands::titles::titles(),
        commands::title::title(),
        commands::ask::ask(),
        commands::sources::sources(),
        commands::help::help(),
        commands::reindex::reindex(),
    ]
}

/// Errors reach the user as a short, friendly, ephemeral message; details go to the log.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command failed");
            reply::apologise(ctx).await;
        }
        poise::FrameworkError::ArgumentParse { ctx, input, .. } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, "bad argument");
            let _ = reply::send(
                ctx,
                reply::ephemeral_text(
                    "I could not read one of the options; /help shows how to write them.",
                ),
            )
            .await;
        }
        // Refused by `command_check`, which already told the user why.
        poise::FrameworkError::CommandCheckFailed { error: None, .. } => {}
        poise::FrameworkError::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command check failed");
            reply::apologise(ctx).await;
        }
        poise::FrameworkError::MissingUserPermissions { ctx, .. }
        | poise::FrameworkError::NotAnOwner { ctx, .. } => {
            let _ = reply::send(
                ctx,
                reply::ephemeral_text("You are not allowed to use this command."),
            )
            .await;
        }
        // Discord sent options of an older shape: registered commands were out of date (global
        // registration can take an hour to reach every client).
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(command = %ctx.command().qualified_name, description, "options of an unexpected shape");
            let _ = reply::send(
                poise::Context::Application(ctx),
                reply::ephemeral_text(
                    "Discord sent this command in an older form — it was just updated. Please try again in a minute.",
                ),
            )
            .await;
        }
        poise::FrameworkError::UnknownInteraction {
            interaction,
            framework,
            ..
        } => {
            tracing::warn!(command = %interaction.data.name, "a command this bot does not have");
            let msg = serenity::CreateInteractionResponseMessage::new()
                .content("I don't have that command any more — /help lists what I can do.")
                .ephemeral(true);
            let _ = interaction
                .create_response(
                    framework.serenity_context,
                    serenity::CreateInteractionResponse::Message(msg),
                )
                .await;
        }
        other => {
            tracing::warn!(error = %other, "framework error");
            // Whatever it was, the interaction still gets an answer.
            if let Some(ctx) = other.ctx() {
                reply::apologise(ctx).await;
            }
        }
    }
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    if let serenity::FullEvent::Message { new_message } = event {
        commands::dm::on_message(framework.serenity_context, framework.user_data, new_message)
            .await;
    }
    Ok(())
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
    let config = Arc::new(config);
    let guild = config.guild_id;
    let data = Data {
        engine,
        limiter: RateLimiter::new(config.cooldown),
        config: config.clone(),
    };
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands(),
            on_error: |e| Box::pin(on_error(e)),
            command_check: Some(|ctx| Box::pin(command_check(ctx))),
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let cmds = &framework.options().commands;
                match guild {
                    Some(g) => {
                        poise::builtins::register_in_guild(ctx, cmds, serenity::GuildId::new(g))
                            .await?
                    }
                    None => poise::builtins::register_globally(ctx, cmds).await?,
                }
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
    client.start().await.map_err(|e| match e {
        serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication) => {
            anyhow::anyhow!(
                "Discord refused the bot token: DISCORD_TOKEN is wrong or was reset. Copy a new one \
                 from the Developer Portal (your application → Bot → Reset Token)."
            )
        }
        e => anyhow::anyhow!(
            "Discord connection failed: {}",
            redact(&e.to_string(), token.expose())
        ),
    })?;
    Ok(())
}

/// Ctrl-C, or SIGTERM (what service managers and `docker stop` send).
async fn shutdown_signal() {
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
