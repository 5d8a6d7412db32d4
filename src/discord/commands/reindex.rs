//! `/reindex [file]` for moderators: reread the data directories (optionally adding a checked
//! file first) and rebuild the index in a child process (`streambot index --json`, see
//! [`crate::reindex`]) while answers keep flowing from the current one, showing its progress.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;
use tokio::sync::watch;

use crate::config::Config;
use crate::corpus::upload::{MAX_UPLOAD_BYTES, UploadKind, validate_and_store};
use crate::discord::download::{self, DownloadError};
use crate::discord::{Context, Error, reply};
use crate::reindex::{Child, Outcome, Summary};
use crate::telemetry::{self, ReindexOutcome};

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
        reply::mark(ctx, telemetry::Outcome::Refused).await;
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

    let config = &ctx.data().config;
    let child = Child::new(
        config.reindex_exe.clone(),
        data_dirs,
        config.index_dir.clone(),
        &who,
    );
    let mut shown = None;
    let outcome = follow(ctx, &child, started, &mut shown).await;
    let took = started.elapsed();
    let counted = match &outcome {
        Outcome::Done(_) => ReindexOutcome::Done,
        Outcome::Busy { .. } => ReindexOutcome::Busy,
        _ => ReindexOutcome::Failed,
    };
    let failed =
        |why: &str| format!("Reindex failed: {why}. The previous data and index are still in use.");
    match outcome {
        Outcome::Done(summary) => {
            let engine = ctx.data().engine.clone();
            match tokio::task::spawn_blocking(move || engine.reload()).await? {
                Ok(info) => {
                    telemetry::index_loaded(&info);
                    telemetry::reindex(counted, took);
                    tracing::info!(user = %who, titles = summary.titles, passages = summary.passages, ms = took.as_millis() as u64, "reindex done");
                    lines.extend(done_lines(&summary, took));
                }
                Err(e) => {
                    telemetry::reindex(ReindexOutcome::Failed, took);
                    tracing::error!(user = %who, error = %e, "the new index could not be opened");
                    lines = vec![failed(
                        "the new index could not be opened (details are in the log)",
                    )];
                }
            }
        }
        outcome => {
            telemetry::reindex(counted, took);
            let undone = stored.map(|s| s.undo());
            let why = match outcome {
                Outcome::Busy { pid } => {
                    tracing::info!(user = %who, ?pid, ?undone, "reindex refused: another one is running");
                    let holder = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
                    format!(
                        "another reindex is already running on this index{holder}; try again when it finishes"
                    )
                }
                Outcome::DataError(message) => {
                    tracing::warn!(user = %who, error = %message, ?undone, "reindex failed on the data");
                    message
                }
                Outcome::Failed { detail } => {
                    tracing::error!(user = %who, detail, ?undone, "reindex failed");
                    "the rebuild stopped before it finished (details are in the log)".to_string()
                }
                Outcome::Done(_) => unreachable!("handled above"),
            };
            lines = vec![failed(&why)];
        }
    }
    show(ctx, &mut shown, &lines.join("\n")).await?;
    Ok(())
}

/// How often the moderator's reply shows the child's progress.
const PROGRESS_EVERY: Duration = Duration::from_secs(2);

/// Runs the child, showing its progress in the deferred reply every [`PROGRESS_EVERY`].
async fn follow<'a>(
    ctx: Context<'a>,
    child: &Child,
    started: Instant,
    shown: &mut Option<poise::ReplyHandle<'a>>,
) -> Outcome {
    let (tx, mut rx) = watch::channel(None);
    let run = child.run(tx);
    tokio::pin!(run);
    let mut tick = tokio::time::interval_at((started + PROGRESS_EVERY).into(), PROGRESS_EVERY);
    loop {
        tokio::select! {
            biased;
            outcome = &mut run => return outcome,
            _ = tick.tick() => {
                if !rx.has_changed().unwrap_or(false) {
                    continue;
                }
                let Some((done, total)) = *rx.borrow_and_update() else { continue };
                let text = progress_text(done, total, started.elapsed());
                if let Err(e) = show(ctx, shown, &text).await {
                    tracing::warn!(error = %e, "could not show reindex progress");
                }
            }
        }
    }
}

/// The progress line; it starts with "Reindexing…" (tests and moderators can tell it apart).
fn progress_text(done: u64, total: u64, elapsed: Duration) -> String {
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    format!(
        "Reindexing… {percent}% ({done} of {total} records, {} s so far). Answers still come from the current index.",
        elapsed.as_secs()
    )
}

/// Fills in the deferred reply the first time, then edits it.
async fn show<'a>(
    ctx: Context<'a>,
    shown: &mut Option<poise::ReplyHandle<'a>>,
    text: &str,
) -> Result<(), serenity::Error> {
    let reply = reply::ephemeral_text(text);
    match shown {
        None => *shown = Some(reply::send(ctx, reply).await?),
        Some(handle) => reply::edit(ctx, handle, reply).await?,
    }
    Ok(())
}

/// What the moderator reads after a reindex that worked.
fn done_lines(summary: &Summary, took: Duration) -> Vec<String> {
    let mut lines = vec![format!(
        "Reindexed in {:.1} s: {} titles, {} passages, {} facts from {} files.",
        took.as_secs_f32(),
        summary.titles,
        summary.passages,
        summary.facts,
        summary.files
    )];
    if summary.skipped.is_empty() {
        lines.push(format!(
            "No rows skipped ({} repaired, {} merged).",
            summary.repaired, summary.merged
        ));
    } else {
        lines.push(format!("{} rows skipped:", summary.skipped.len()));
        lines.extend(summary.skipped.iter().take(15).cloned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_in_plain_words() {
        assert_eq!(
            progress_text(450, 1800, Duration::from_millis(4900)),
            "Reindexing… 25% (450 of 1800 records, 4 s so far). Answers still come from the current index."
        );
        assert!(progress_text(0, 0, Duration::ZERO).starts_with("Reindexing… 0% (0 of 0"));
    }

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
