//! `streambot register`: puts the commands (the same definitions the gateway bot registers at
//! start-up) on Discord over REST, globally or in one guild, for apps served by the HTTP
//! endpoint, which never connects to the gateway.

use poise::serenity_prelude as serenity;

use crate::config::Config;

/// Registers every command; returns how many Discord now has.
pub async fn register(config: &Config, guild: Option<u64>) -> anyhow::Result<usize> {
    let Some(token) = &config.discord_token else {
        anyhow::bail!("DISCORD_TOKEN is not set: registering commands needs the bot token");
    };
    let Some(app) = config.application_id else {
        anyhow::bail!(
            "DISCORD_APPLICATION_ID is not set (Developer Portal → your application → General Information)"
        );
    };
    let mut http = serenity::HttpBuilder::new(token.expose())
        .application_id(serenity::ApplicationId::new(app));
    if let Some(base) = &config.api_base {
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let http = http.build();
    let commands = poise::builtins::create_application_commands(&super::commands());
    let done = match guild.or(config.guild_id) {
        Some(g) => {
            http.create_guild_commands(serenity::GuildId::new(g), &commands)
                .await
        }
        None => http.create_global_commands(&commands).await,
    };
    let done = done.map_err(|e| {
        anyhow::anyhow!(
            "Discord refused the commands: {}",
            super::redact(&e.to_string(), token.expose())
        )
    })?;
    Ok(done.len())
}
