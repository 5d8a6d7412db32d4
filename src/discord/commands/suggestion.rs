//! Button clicks reaching the gateway bot: suggestion buttons (`/titles origin:KR` under the
//! why-not answer to "Korea") ask their question in a new message, anyone may click them and
//! the usual cooldown applies; page buttons turn the page for the person who asked. What a click
//! does is [`crate::discord::interaction::buttons::plan`], shared with the HTTP endpoint.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::discord::Data;
use crate::discord::interaction::{self, Reply, buttons};
use crate::discord::retry::retrying;
use crate::telemetry::Outcome;

/// A click must be answered within Discord's 3 s, less a margin for the trip.
const ANSWER_WITHIN: Duration = Duration::from_millis(2800);

/// Answers a click on one of our buttons; other components are left alone.
pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    press: &serenity::ComponentInteraction,
) {
    let started = Instant::now();
    let until = started + ANSWER_WITHIN;
    let lang = interaction::lang(data.config.lang, &press.locale, None);
    let Some(plan) = buttons::plan(data, press, lang) else {
        return;
    };
    let reply = match plan.work {
        Err(ready) => ready,
        Ok(action) => {
            let engine = data.engine.clone();
            let store = data.store.clone();
            let caller = interaction::caller(press.user.id, press.guild_id, press.member.as_ref());
            let computed = tokio::task::spawn_blocking(move || {
                interaction::compute(&engine, store.as_deref(), caller, &action, lang)
            })
            .await;
            match computed {
                Ok(Ok(reply)) => reply,
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "answering a button failed");
                    Reply::private(&crate::t!(lang, "went-wrong"), Outcome::Error)
                }
                Err(e) => {
                    tracing::error!(error = %e, "answering a button panicked");
                    Reply::private(&crate::t!(lang, "went-wrong"), Outcome::Error)
                }
            }
        }
    };
    let update = plan.update && !reply.ephemeral;
    let message = reply.to_message();
    let response = if update {
        serenity::CreateInteractionResponse::UpdateMessage(message)
    } else {
        serenity::CreateInteractionResponse::Message(message)
    };
    let sent = retrying("button", until, || {
        press.create_response(ctx, response.clone())
    })
    .await;
    match sent {
        Ok(_) => interaction::finished("button", reply.outcome, started.elapsed()),
        Err(e) => {
            tracing::warn!(error = %e, "could not answer a button");
            crate::telemetry::interaction("button", Outcome::Error);
        }
    }
}
