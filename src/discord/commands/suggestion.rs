//! Suggestion buttons: an answer offers another reading or a next question as a button
//! (`/titles origin:KR` under the why-not answer to "Korea"); a click asks it, and the answer
//! comes as a new message. Anyone may click, and the usual cooldown applies.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::answer::AnswerError;
use crate::discord::Data;
use crate::discord::cooldown::slow_down;
use crate::discord::reply::{self, RUN_PREFIX};
use crate::discord::retry::retrying;
use crate::i18n::Lang;
use crate::limit::Verdict;
use crate::telemetry::{self, Outcome};

/// A click must be answered within Discord's 3 s, less a margin for the trip.
const ANSWER_WITHIN: Duration = Duration::from_millis(2800);

/// Answers a click on a suggestion button; other components are left to their collectors.
pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    press: &serenity::ComponentInteraction,
) {
    let Some(command) = press.data.custom_id.strip_prefix(RUN_PREFIX) else {
        return;
    };
    let started = Instant::now();
    let until = started + ANSWER_WITHIN;
    let lang = data
        .config
        .lang
        .or_else(|| Lang::parse(&press.locale))
        .unwrap_or_default();
    let mut outcome = Outcome::Answered;
    let message = match data.may_ask(press.user.id.get()) {
        Verdict::Limited { retry_after, .. } => {
            telemetry::cooldown_refused();
            outcome = Outcome::Cooldown;
            serenity::CreateInteractionResponseMessage::new()
                .content(slow_down(retry_after, lang))
                .ephemeral(true)
        }
        Verdict::Allowed => {
            let engine = data.engine.clone();
            let command = command.to_string();
            let result = tokio::task::spawn_blocking(move || {
                crate::answer::respond_in(&engine, &command, lang)
            })
            .await;
            match result {
                Ok(Ok(answer)) => serenity::CreateInteractionResponseMessage::new()
                    .embeds(
                        crate::render::embed::embeds(&answer)
                            .iter()
                            .map(reply::to_serenity)
                            .collect(),
                    )
                    .components(reply::suggestion_buttons(&answer)),
                Ok(Err(AnswerError::Usage(u))) => {
                    outcome = Outcome::UsageError;
                    serenity::CreateInteractionResponseMessage::new()
                        .content(crate::render::embed::clip(
                            &u.0,
                            crate::render::embed::limits::CONTENT,
                        ))
                        .ephemeral(true)
                }
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "answering a suggestion failed");
                    outcome = Outcome::Error;
                    apology(lang)
                }
                Err(e) => {
                    tracing::error!(error = %e, "answering a suggestion panicked");
                    outcome = Outcome::Error;
                    apology(lang)
                }
            }
        }
    };
    let response = serenity::CreateInteractionResponse::Message(
        message.allowed_mentions(serenity::CreateAllowedMentions::new()),
    );
    telemetry::interaction("button", outcome);
    match retrying("suggestion", until, || {
        press.create_response(ctx, response.clone())
    })
    .await
    {
        Ok(()) => telemetry::first_response(started.elapsed()),
        Err(e) => tracing::warn!(error = %e, "could not answer a suggestion button"),
    }
}

fn apology(lang: Lang) -> serenity::CreateInteractionResponseMessage {
    serenity::CreateInteractionResponseMessage::new()
        .content(crate::t!(lang, "went-wrong"))
        .ephemeral(true)
}
