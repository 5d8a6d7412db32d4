//! Commands as each language sees them — names, descriptions, options and choices from the
//! Fluent files (`locales/*/discord.ftl`) — and where each command may be installed and used:
//! every question in servers, the bot's DM and group DMs, for guild and user installs;
//! `/reindex` in servers only.

use poise::serenity_prelude as serenity;

use crate::answer::commands::{Command, Opt, Value};
use crate::i18n::{Lang, tr};

/// The Discord locales that get texts of their own, and the language of each; every other
/// locale sees English.
const LOCALES: [(&str, Lang); 2] = [("zh-CN", Lang::Zh), ("zh-TW", Lang::ZhTw)];

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

/// What Discord is sent for one row of the command table: its texts in English with the other
/// languages as localisations, its options and choices, and where it may be installed and used.
pub fn slash(row: &Command) -> serenity::CreateCommand {
    let key = format!("cmd-{}", row.name);
    let desc = format!("{key}-desc");
    let mut command = serenity::CreateCommand::new(row.name).description(tr(Lang::En, &desc));
    for (locale, lang) in LOCALES {
        command = command
            .name_localized(locale, tr(lang, &key))
            .description_localized(locale, tr(lang, &desc));
    }
    if row.home_only {
        command = command
            .default_member_permissions(serenity::Permissions::MANAGE_GUILD)
            .integration_types(vec![serenity::InstallationContext::Guild])
            .contexts(vec![serenity::InteractionContext::Guild]);
    } else {
        command = command
            .integration_types(vec![
                serenity::InstallationContext::Guild,
                serenity::InstallationContext::User,
            ])
            .contexts(vec![
                serenity::InteractionContext::Guild,
                serenity::InteractionContext::BotDm,
                serenity::InteractionContext::PrivateChannel,
            ]);
    }
    for opt in row.options.iter().filter(|o| o.on_discord) {
        command = command.add_option(option(&key, opt));
    }
    command
}

fn option(command_key: &str, opt: &Opt) -> serenity::CreateCommandOption {
    let key = format!("{command_key}-{}", opt.name);
    let desc = format!("{key}-desc");
    let kind = match opt.value {
        Value::Text => serenity::CommandOptionType::String,
        Value::Choice(_) => serenity::CommandOptionType::Integer,
        Value::File => serenity::CommandOptionType::Attachment,
    };
    let mut option = serenity::CreateCommandOption::new(kind, opt.name, tr(Lang::En, &desc))
        .required(opt.required)
        .set_autocomplete(opt.complete.is_some());
    for (locale, lang) in LOCALES {
        option = option
            .name_localized(locale, tr(lang, &key))
            .description_localized(locale, tr(lang, &desc));
    }
    if let Value::Choice(choices) = opt.value {
        for (i, choice) in choices.list().iter().enumerate() {
            let ckey = format!("choice-{}", slug(choice.label));
            let names: Vec<(&str, String)> = LOCALES
                .iter()
                .map(|&(locale, lang)| (locale, tr(lang, &ckey)))
                .collect();
            option = option.add_int_choice_localized(
                tr(Lang::En, &ckey),
                i as i32,
                names.iter().map(|(l, n)| (*l, n.as_str())),
            );
        }
    }
    if let Some(max) = opt.max_length {
        option = option.max_length(max);
    }
    option
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
