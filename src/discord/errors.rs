//! Framework errors: every one still answers the interaction with a short, friendly, private
//! message; the details go to the log.

use poise::serenity_prelude as serenity;

use super::localize::lang_of;
use super::{Data, Error, reply};
use crate::i18n::Lang;
use crate::t;
use crate::telemetry::{self, Outcome};

/// Errors reach the user as a short, friendly, ephemeral message; details go to the log.
pub(super) async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command failed");
            reply::count(ctx, Some(Outcome::Error)).await;
            reply::apologise(ctx).await;
        }
        poise::FrameworkError::ArgumentParse { ctx, input, .. } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, "bad argument");
            reply::count(ctx, Some(Outcome::UsageError)).await;
            let _ = reply::send(
                ctx,
                reply::ephemeral_text(&t!(lang_of(ctx), "error-bad-option")),
            )
            .await;
        }
        // Refused by `command_check`, which already told the user why (and counted it).
        poise::FrameworkError::CommandCheckFailed { error: None, .. } => {}
        poise::FrameworkError::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command check failed");
            reply::count(ctx, Some(Outcome::Error)).await;
            reply::apologise(ctx).await;
        }
        poise::FrameworkError::MissingUserPermissions { ctx, .. }
        | poise::FrameworkError::NotAnOwner { ctx, .. } => {
            reply::count(ctx, Some(Outcome::Refused)).await;
            let _ = reply::send(
                ctx,
                reply::ephemeral_text(&t!(lang_of(ctx), "error-not-allowed")),
            )
            .await;
        }
        // Discord sent options of an older shape: registered commands were out of date (global
        // registration can take an hour to reach every client).
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(command = %ctx.command().qualified_name, description, "options of an unexpected shape");
            reply::count(poise::Context::Application(ctx), Some(Outcome::Error)).await;
            let _ = reply::send(
                poise::Context::Application(ctx),
                reply::ephemeral_text(&t!(
                    lang_of(poise::Context::Application(ctx)),
                    "error-outdated-command"
                )),
            )
            .await;
        }
        poise::FrameworkError::UnknownInteraction {
            interaction,
            framework,
            ..
        } => {
            tracing::warn!(command = %interaction.data.name, "a command this bot does not have");
            telemetry::interaction(telemetry::OTHER, Outcome::Error);
            let msg = serenity::CreateInteractionResponseMessage::new()
                .content(t!(
                    Lang::parse(&interaction.locale).unwrap_or_default(),
                    "error-unknown-command"
                ))
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
                reply::count(ctx, Some(Outcome::Error)).await;
                reply::apologise(ctx).await;
            }
        }
    }
}
