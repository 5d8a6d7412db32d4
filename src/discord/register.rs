//! `streambot register`: puts the commands (the same definitions the gateway bot registers at
//! start-up) on Discord over REST, globally or in one guild, for apps served by the HTTP
//! endpoint, which never connects to the gateway.

use poise::serenity_prelude as serenity;

use crate::answer::commands::COMMANDS;
use crate::config::Config;

/// Where each command is registered: everything but `/reindex` globally (or, with
/// `DISCORD_GUILD_ID`, everything in that server, for instant updates), and `/reindex` in each
/// home server. Returns the global commands and each home server's.
pub fn plan(
    config: &Config,
) -> (
    Vec<serenity::CreateCommand>,
    Vec<(u64, Vec<serenity::CreateCommand>)>,
) {
    let slash = |home_only: bool| -> Vec<serenity::CreateCommand> {
        COMMANDS
            .iter()
            .filter(|c| c.home_only == home_only)
            .map(super::localize::slash)
            .collect()
    };
    let (global, mut guilds) = match config.guild_id {
        Some(g) => {
            let mut all = slash(false);
            all.extend(slash(true));
            (Vec::new(), vec![(g, all)])
        }
        None => {
            let mut global = slash(false);
            // Owners reindex from their DM with the bot: a DM-only `/reindex` (the check
            // refuses everyone else there).
            if !config.owner_ids.is_empty() {
                global.extend(slash(true).into_iter().map(|c| {
                    c.contexts(vec![serenity::InteractionContext::BotDm])
                        .integration_types(vec![serenity::InstallationContext::Guild])
                }));
            }
            (global, Vec::new())
        }
    };
    for g in config.home_guilds() {
        if Some(g) != config.guild_id {
            guilds.push((g, slash(true)));
        }
    }
    (global, guilds)
}

/// Puts [`plan`]'s commands on Discord; returns how many commands were registered in all.
pub async fn put(http: &serenity::Http, config: &Config) -> Result<usize, serenity::Error> {
    let (global, guilds) = plan(config);
    let mut done = 0;
    // Without DISCORD_GUILD_ID the global set is replaced (dropping a /reindex registered
    // there by an older version); with it, global commands are left as they are.
    if config.guild_id.is_none() {
        done += http.create_global_commands(&global).await?.len();
    }
    for (g, cmds) in guilds {
        done += http
            .create_guild_commands(serenity::GuildId::new(g), &cmds)
            .await?
            .len();
    }
    Ok(done)
}

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
    let done = match guild {
        Some(g) => {
            let one = Config {
                guild_id: Some(g),
                ..config.clone()
            };
            put(&http, &one).await
        }
        None => put(&http, config).await,
    };
    let done = done.map_err(|e| {
        anyhow::anyhow!(
            "Discord refused the commands: {}",
            super::redact(&e.to_string(), token.expose())
        )
    })?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cmds: &[serenity::CreateCommand]) -> Vec<String> {
        cmds.iter()
            .map(|c| {
                serde_json::to_value(c).unwrap()["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn reindex_is_registered_only_in_home_servers() {
        let home_only = || {
            COMMANDS
                .iter()
                .find(|c| c.home_only)
                .unwrap()
                .name
                .to_string()
        };
        let config = |vars: &'static [(&str, &str)]| {
            Config::from_lookup(|k| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            })
            .unwrap()
        };
        let (global, guilds) = plan(&config(&[("HOME_GUILD_IDS", "5,6")]));
        assert_eq!(names(&global).len(), COMMANDS.len() - 1);
        assert!(!names(&global).contains(&home_only()));
        let homes: Vec<(u64, Vec<String>)> = guilds.iter().map(|(g, c)| (*g, names(c))).collect();
        assert_eq!(
            homes,
            vec![(5, vec!["reindex".into()]), (6, vec!["reindex".into()])]
        );

        let (global, guilds) = plan(&config(&[
            ("DISCORD_GUILD_ID", "5"),
            ("HOME_GUILD_IDS", "5,6"),
        ]));
        assert!(global.is_empty());
        assert_eq!(guilds[0].0, 5);
        assert_eq!(names(&guilds[0].1).len(), COMMANDS.len());
        assert_eq!(names(&guilds[1].1), vec!["reindex".to_string()]);
        assert_eq!(guilds.len(), 2);

        let (global, guilds) = plan(&config(&[]));
        assert!(guilds.is_empty(), "no home server: reindex nowhere");
        assert!(!names(&global).contains(&home_only()));

        // Owners get a DM-only /reindex in the global set.
        let (global, _) = plan(&config(&[("OWNER_IDS", "7")]));
        let dm = global
            .iter()
            .map(|c| serde_json::to_value(c).unwrap())
            .find(|c| c["name"] == home_only())
            .expect("a DM /reindex for owners");
        assert_eq!(dm["contexts"], serde_json::json!([1]));
        assert_eq!(dm["integration_types"], serde_json::json!([0]));
    }

    /// What Discord is sent, pinned: a change to any command, option, choice, localisation or
    /// context shows here (`STREAMBOT_BLESS=1` rewrites the file after a deliberate change).
    #[test]
    fn the_registration_payload_is_as_pinned() {
        let config = Config::from_lookup(|k| match k {
            "OWNER_IDS" => Some("7".to_string()),
            "HOME_GUILD_IDS" => Some("5".to_string()),
            _ => None,
        })
        .unwrap();
        let (global, guilds) = plan(&config);
        let got = serde_json::json!({
            "global": global,
            "guilds": guilds.iter().map(|(g, c)| serde_json::json!({"id": g, "commands": c})).collect::<Vec<_>>(),
        });
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/registration.json"
        );
        if std::env::var_os("STREAMBOT_BLESS").is_some() {
            std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        }
        let pinned: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(got, pinned, "the registration payload changed");
    }
}
