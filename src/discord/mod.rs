//! The Discord front end: poise slash commands and direct messages that parse, call the core,
//! render and reply — nothing else. Only this module and `main.rs` name serenity or poise.

mod commands;
mod reply;

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use crate::config::Config;
use crate::search::Engine;

/// Shared state of every command.
pub struct Data {
    pub engine: Arc<Engine>,
    pub config: Arc<Config>,
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
            let _ = ctx
                .send(reply::ephemeral_text(
                    "I could not read one of the options; /help shows how to write them.",
                ))
                .await;
        }
        poise::FrameworkError::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => {
            let _ = ctx
                .send(reply::ephemeral_text(&format!(
                    "Easy there — try again in {:.1} s.",
                    remaining_cooldown.as_secs_f32()
                )))
                .await;
        }
        poise::FrameworkError::MissingUserPermissions { ctx, .. }
        | poise::FrameworkError::NotAnOwner { ctx, .. } => {
            let _ = ctx
                .send(reply::ephemeral_text(
                    "You are not allowed to use this command.",
                ))
                .await;
        }
        other => {
            tracing::warn!(error = %other, "framework error");
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
        config: config.clone(),
    };
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands(),
            on_error: |e| Box::pin(on_error(e)),
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
        if tokio::signal::ctrl_c().await.is_ok() {
            tracing::info!("shutting down");
            shards.shutdown_all().await;
        }
    });
    client.start().await.map_err(|e| {
        anyhow::anyhow!(
            "Discord connection failed: {}",
            redact(&e.to_string(), token.expose())
        )
    })?;
    Ok(())
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
