//! Commands as each language sees them — names, descriptions, options and choices from the
//! Fluent files (`locales/*/discord.ftl`) — and where each command may be installed and used:
//! every question in servers, the bot's DM and group DMs, for guild and user installs;
//! `/reindex` in servers only.

use poise::serenity_prelude as serenity;

use super::{Data, Error};
use crate::i18n::{Lang, tr};

/// The Discord locales that get texts of their own, and the language of each; every other
/// locale sees English.
const LOCALES: [(&str, Lang); 2] = [("zh-CN", Lang::Zh), ("zh-TW", Lang::ZhTw)];

/// Commands only moderators use, in servers.
const GUILD_ONLY: [&str; 1] = ["reindex"];

/// `Prime Video` → `prime-video`: a choice's key.
fn slug(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

fn localized(
    key: &str,
) -> Vec<(
    std::borrow::Cow<'static, str>,
    std::borrow::Cow<'static, str>,
)> {
    LOCALES
        .iter()
        .map(|(locale, lang)| ((*locale).into(), tr(*lang, key).into()))
        .collect()
}

/// Sets every command's texts from the Fluent files and its install and use contexts.
pub fn localize(commands: &mut [poise::Command<Data, Error>]) {
    for cmd in commands {
        let key = format!("cmd-{}", cmd.name);
        cmd.description = Some(tr(Lang::En, &format!("{key}-desc")).into());
        cmd.name_localizations = localized(&key).into();
        cmd.description_localizations = localized(&format!("{key}-desc")).into();
        for p in &mut cmd.parameters {
            let pkey = format!("{key}-{}", p.name);
            p.description = Some(tr(Lang::En, &format!("{pkey}-desc")).into());
            p.name_localizations = localized(&pkey).into();
            p.description_localizations = localized(&format!("{pkey}-desc")).into();
            let choices: Vec<poise::CommandParameterChoice> = p
                .choices
                .iter()
                .map(|c| {
                    let ckey = format!("choice-{}", slug(&c.name));
                    let mut c = c.clone();
                    c.name = tr(Lang::En, &ckey).into();
                    c.localizations = localized(&ckey).into();
                    c
                })
                .collect();
            p.choices = choices.into();
        }
        if GUILD_ONLY.contains(&cmd.name.as_ref()) {
            cmd.install_context = Some(vec![serenity::InstallationContext::Guild]);
            cmd.interaction_context = Some(vec![serenity::InteractionContext::Guild]);
        } else {
            cmd.install_context = Some(vec![
                serenity::InstallationContext::Guild,
                serenity::InstallationContext::User,
            ]);
            cmd.interaction_context = Some(vec![
                serenity::InteractionContext::Guild,
                serenity::InteractionContext::BotDm,
                serenity::InteractionContext::PrivateChannel,
            ]);
        }
    }
}

/// The language to answer a slash command in: `STREAMBOT_LANG` if set, else the user's
/// Discord language, else the server's.
pub fn lang_of(ctx: super::Context<'_>) -> Lang {
    match ctx {
        poise::Context::Application(a) => super::interaction::lang(
            ctx.data().config.lang,
            &a.interaction.locale,
            a.interaction.guild_locale.as_deref(),
        ),
        poise::Context::Prefix(_) => ctx.data().config.lang.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_have_keys() {
        assert_eq!(slug("Prime Video"), "prime-video");
        assert_eq!(slug("Disney+"), "disney");
        assert_eq!(slug("newest added"), "newest-added");
    }
}
