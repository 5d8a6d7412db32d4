//! `/reindex [file]` for moderators: reread the data directories (optionally adding a checked
//! file first) and rebuild the index while answers keep flowing.

use std::time::Instant;

use poise::serenity_prelude as serenity;

use crate::config::Config;
use crate::corpus::upload::{MAX_UPLOAD_BYTES, UploadKind, validate_and_store};
use crate::discord::download::{self, DownloadError};
use crate::discord::{Context, Error, reply};
use crate::search::SearchError;
use crate::telemetry::{self, Outcome, ReindexOutcome};

/// Whether this caller may reindex: Manage Server in this guild, a moderator role, or an owner.
pub fn may_reindex(
    permissions: Option<serenity::Permissions>,
    roles: &[serenity::RoleId],
    user: serenity::UserId,
    config: &Config,
) -> bool {
    config.owner_ids.contains(&user.get())
        || permissions.is_some_and(|p| p.manage_guild() || p.administrator())
        || roles
            .iter()
            .any(|r| config.moderator_role_ids.contains(&r.get()))
}

/// Moderators: reread the data and rebuild the index, optionally adding a file first.
#[poise::command(slash_command, default_member_permissions = "MANAGE_GUILD", ephemeral)]
pub async fn reindex(
    ctx: Context<'_>,
    #[description = "A titles CSV (<service>_titles.csv) or a .txt/.md document to add"]
    file: Option<serenity::Attachment>,
) -> Result<(), Error> {
    let user = ctx.author();
    let (permissions, roles) = match ctx {
        poise::Context::Application(app) => match &app.interaction.member {
            Some(m) => (m.permissions, m.roles.clone()),
            None => (None, Vec::new()),
        },
        poise::Context::Prefix(_) => (None, Vec::new()),
    };
    let allowed = ctx.guild_id().is_some() || ctx.data().config.owner_ids.contains(&user.id.get());
    if !allowed || !may_reindex(permissions, &roles, user.id, &ctx.data().config) {
        tracing::warn!(user = %user.id, guild = ?ctx.guild_id(), "reindex refused: not a moderator");
        reply::mark(ctx, Outcome::Refused).await;
        reply::send(ctx, reply::ephemeral_text(
            "Only moderators (Manage Server, a moderator role, or an owner) can reindex. Nothing was changed.",
        ))
        .await?;
        return Ok(());
    }
    reply::defer(ctx, true).await?;
    let started = Instant::now();
    let who = format!("{} ({})", user.name, user.id);
    let data_dirs = ctx.data().config.data_dirs.clone();

    let mut stored = None;
    let mut lines = Vec::new();
    if let Some(att) = file {
        if att.size as usize > MAX_UPLOAD_BYTES {
            let msg = format!(
                "`{}` is {} bytes; the limit is {MAX_UPLOAD_BYTES}. Nothing was changed.",
                att.filename.replace('`', "'"),
                att.size
            );
            reply::send(ctx, reply::ephemeral_text(&msg)).await?;
            return Ok(());
        }
        let bytes = match download::capped(&att.url, MAX_UPLOAD_BYTES).await {
            Ok(b) => b,
            Err(DownloadError::TooLarge(max)) => {
                let msg = format!(
                    "`{}` is larger than {max} bytes, the limit. Nothing was changed.",
                    att.filename.replace('`', "'")
                );
                reply::send(ctx, reply::ephemeral_text(&msg)).await?;
                return Ok(());
            }
            Err(e) => {
                tracing::warn!(error = %e, file = %att.filename, "could not download an attachment");
                reply::send(
                    ctx,
                    reply::ephemeral_text(
                        "I could not download that file from Discord. Nothing was changed.",
                    ),
                )
                .await?;
                return Ok(());
            }
        };
        let Some(first_dir) = data_dirs.first().cloned() else {
            reply::send(
                ctx,
                reply::ephemeral_text("No data directory is configured. Nothing was changed."),
            )
            .await?;
            return Ok(());
        };
        let name = att.filename.clone();
        let result =
            tokio::task::spawn_blocking(move || validate_and_store(&first_dir, &name, &bytes))
                .await?;
        match result {
            Ok(s) => {
                lines.push(match &s.kind {
                    UploadKind::Titles { service, rows } => {
                        format!("Added `{}`: {rows} titles for {service}.", s.path.display())
                    }
                    UploadKind::Document { paragraphs } => format!(
                        "Added `{}`: a document of {paragraphs} paragraphs.",
                        s.path.display()
                    ),
                });
                for n in &s.report.notes {
                    lines.push(format!("line {}: {}", n.line, n.detail));
                }
                stored = Some(s);
            }
            Err(e) => {
                tracing::info!(user = %who, file = %att.filename, error = %e, "reindex upload refused");
                let msg = format!(
                    "`{}` was refused: {e}\nNothing was changed.",
                    att.filename.replace('`', "'")
                );
                reply::send(ctx, reply::ephemeral_text(&msg)).await?;
                return Ok(());
            }
        }
    }

    let engine = ctx.data().engine.clone();
    let by = who.clone();
    let result =
        tokio::task::spawn_blocking(move || engine.reindex(&data_dirs, &by, &|_, _| {})).await?;
    let took = started.elapsed();
    telemetry::reindex(
        match &result {
            Ok(rebuilt) => {
                telemetry::index_loaded(&rebuilt.info);
                ReindexOutcome::Done
            }
            Err(SearchError::Busy) => ReindexOutcome::Busy,
            Err(_) => ReindexOutcome::Failed,
        },
        took,
    );
    match result {
        Ok(rebuilt) => {
            let info = &rebuilt.info;
            tracing::info!(user = %who, titles = info.titles, passages = info.passages, ms = took.as_millis() as u64, "reindex done");
            lines.push(format!(
                "Reindexed in {:.1} s: {} titles, {} passages, {} facts from {} files.",
                took.as_secs_f32(),
                info.titles,
                info.passages,
                info.facts,
                info.files.len()
            ));
            let skipped: Vec<String> = rebuilt
                .report
                .notes
                .iter()
                .filter(|n| n.action == crate::corpus::Action::Skipped)
                .map(|n| n.to_string())
                .collect();
            if skipped.is_empty() {
                lines.push(format!(
                    "No rows skipped ({} repaired, {} merged).",
                    info.repaired_rows, info.merged_rows
                ));
            } else {
                lines.push(format!("{} rows skipped:", skipped.len()));
                lines.extend(skipped.into_iter().take(15));
            }
        }
        Err(e) => {
            let undone = stored.map(|s| s.undo());
            if matches!(e, SearchError::Busy) {
                tracing::info!(user = %who, ?undone, "reindex refused: another one is running");
            } else {
                tracing::error!(user = %who, error = %e, ?undone, "reindex failed");
            }
            let why = match e {
                SearchError::Busy => {
                    "another reindex is already running; try again when it finishes".to_string()
                }
                SearchError::Corpus(c) => c.to_string(),
                _ => "the index could not be written (details are in the log)".to_string(),
            };
            lines = vec![format!(
                "Reindex failed: {why}. The previous data and index are still in use."
            )];
        }
    }
    reply::send(ctx, reply::ephemeral_text(&lines.join("\n"))).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_may_reindex() {
        let cfg = Config::from_lookup(|k| match k {
            "MODERATOR_ROLE_IDS" => Some("55".into()),
            "OWNER_IDS" => Some("7".into()),
            _ => None,
        })
        .unwrap();
        let u = serenity::UserId::new(1);
        assert!(!may_reindex(
            Some(serenity::Permissions::SEND_MESSAGES),
            &[],
            u,
            &cfg
        ));
        assert!(may_reindex(
            Some(serenity::Permissions::MANAGE_GUILD),
            &[],
            u,
            &cfg
        ));
        assert!(may_reindex(None, &[serenity::RoleId::new(55)], u, &cfg));
        assert!(may_reindex(None, &[], serenity::UserId::new(7), &cfg));
        assert!(!may_reindex(None, &[serenity::RoleId::new(56)], u, &cfg));
    }
}
