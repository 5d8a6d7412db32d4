//! Direct messages: any free text sent to the bot is answered like `/ask`; messages from bots
//! (including itself) and from servers are ignored, and a flood is told to slow down once.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::answer::AnswerError;
use crate::discord::Data;
use crate::discord::cooldown::slow_down;
use crate::discord::interaction::{buttons, response};
use crate::discord::retry::retrying;
use crate::i18n::Lang;
use crate::limit::Verdict;
use crate::render::embed;
use crate::telemetry::{self, Outcome};

/// How long a direct-message reply is retried when Discord fails.
const REPLY_WITHIN: Duration = Duration::from_secs(30);

pub async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) {
    if msg.author.bot || msg.guild_id.is_some() || msg.content.trim().is_empty() {
        return;
    }
    if let Verdict::Limited { retry_after, first } = data.may_ask(msg.author.id.get()) {
        tracing::info!(user = %msg.author.id, first, "cooldown (direct message)");
        telemetry::interaction("dm", Outcome::Cooldown);
        if first {
            send(
                ctx,
                msg,
                serenity::CreateMessage::new().content(slow_down(
                    retry_after,
                    data.config
                        .lang
                        .unwrap_or_else(|| Lang::of_text(&msg.content)),
                )),
            )
            .await;
        }
        return;
    }
    let text = msg.content.clone();
    let engine = data.engine.clone();
    let store = data.store.clone();
    let caller = crate::discord::interaction::caller(msg.author.id, None, None);
    let lang = data.config.lang.unwrap_or_else(|| Lang::of_text(&text));
    let result = tokio::task::spawn_blocking(move || {
        let who = crate::answer::Who::load(store.as_deref(), caller);
        let lang = who.asker.lang(lang);
        crate::answer::respond_for(&engine, &who, &text, lang)
    })
    .await;
    let mut out = serenity::CreateMessage::new();
    telemetry::interaction(
        "dm",
        match &result {
            Ok(Ok(_)) => Outcome::Answered,
            Ok(Err(AnswerError::Usage(_))) => Outcome::UsageError,
            _ => Outcome::Error,
        },
    );
    match result {
        Ok(Ok(answer)) => {
            for e in embed::embeds(&answer) {
                out = out.embed(response::to_serenity(&e));
            }
            out = out.components(buttons::suggestions(&answer));
        }
        Ok(Err(AnswerError::Usage(u))) => {
            out = out.content(embed::clip(&u.0, embed::limits::CONTENT))
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "answering a direct message failed");
            out = out.content(crate::t!(lang, "went-wrong"));
        }
        Err(e) => {
            tracing::error!(error = %e, "answering a direct message panicked");
            out = out.content(crate::t!(lang, "went-wrong"));
        }
    }
    send(ctx, msg, out).await;
}

/// Sends `out` to the message's channel with no mentions, retried where Discord allows.
async fn send(ctx: &serenity::Context, msg: &serenity::Message, out: serenity::CreateMessage) {
    let out = out.allowed_mentions(serenity::CreateAllowedMentions::new());
    let until = Instant::now() + REPLY_WITHIN;
    let sent = retrying("direct message reply", until, || {
        msg.channel_id.send_message(ctx, out.clone())
    })
    .await;
    if let Err(e) = sent {
        tracing::warn!(error = %e, "could not reply to a direct message");
    }
}
