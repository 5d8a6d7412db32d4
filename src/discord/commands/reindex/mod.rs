//! `/reindex [file]` for moderators: reread the data directories (optionally adding a checked
//! file first) and rebuild the index in a child process (`streambot index --json`, see
//! [`crate::reindex`]) while answers keep flowing from the current one, showing its progress.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;
use tokio::sync::watch;

use crate::corpus::upload::{
    MAX_UPLOAD_BYTES, UploadError, UploadKind, validate_and_store, within_budget,
};
use crate::discord::download::{self, DownloadError};
use crate::discord::localize::lang_of;
use crate::discord::{Context, Error, reply};
use crate::i18n::Lang;
use crate::reindex::{Child, Outcome, Summary};
use crate::t;
use crate::telemetry::{self, ReindexOutcome};

mod trust;
pub use trust::interaction_may_reindex;

/// Moderators: reread the data and rebuild the index, optionally adding a file first.
#[poise::command(slash_command, default_member_permissions = "MANAGE_GUILD", ephemeral)]
pub async fn reindex(
    ctx: Context<'_>,
    #[description = "A titles CSV (<service>_titles.csv) or a .txt/.md document to add"]
    file: Option<serenity::Attachment>,
) -> Result<(), Error> {
    let user = ctx.author();
    let lang = lang_of(ctx);
    let allowed = match ctx {
        poise::Context::Application(app) => {
            interaction_may_reindex(app.interaction, &ctx.data().config)
        }
        poise::Context::Prefix(_) => false,
    };
    if !allowed {
        tracing::warn!(user = %user.id, guild = ?ctx.guild_id(), "reindex refused: not the operator's moderator here");
        reply::mark(ctx, telemetry::Outcome::Refused).await;
        reply::send(ctx, reply::ephemeral_text(&t!(lang, "reindex-refused"))).await?;
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
            let msg = t!(
                lang,
                "reindex-too-large",
                file = att.filename.replace('`', "'"),
                size = att.size.to_string(),
                limit = MAX_UPLOAD_BYTES.to_string()
            );
            reply::send(ctx, reply::ephemeral_text(&msg)).await?;
            return Ok(());
        }
        let budget = ctx.data().config.upload_budget;
        if let Some(dir) = data_dirs.first()
            && let Err(e) = within_budget(dir, &att.filename, att.size as usize, budget)
        {
            tracing::info!(user = %who, file = %att.filename, error = %e, "reindex upload over budget");
            reply::send(
                ctx,
                reply::ephemeral_text(&upload_refused(lang, &att.filename, &e)),
            )
            .await?;
            return Ok(());
        }
        let hosts = download::Allowed::new(ctx.data().config.api_base.as_deref());
        let bytes = match download::capped(&att.url, MAX_UPLOAD_BYTES, &hosts).await {
            Ok(b) => b,
            Err(DownloadError::TooLarge(max)) => {
                let msg = t!(
                    lang,
                    "reindex-larger-than",
                    file = att.filename.replace('`', "'"),
                    limit = max.to_string()
                );
                reply::send(ctx, reply::ephemeral_text(&msg)).await?;
                return Ok(());
            }
            Err(e) => {
                tracing::warn!(error = %e, file = %att.filename, "could not download an attachment");
                reply::send(
                    ctx,
                    reply::ephemeral_text(&t!(lang, "reindex-download-failed")),
                )
                .await?;
                return Ok(());
            }
        };
        let Some(first_dir) = data_dirs.first().cloned() else {
            reply::send(ctx, reply::ephemeral_text(&t!(lang, "reindex-no-data-dir"))).await?;
            return Ok(());
        };
        let name = att.filename.clone();
        let result =
            tokio::task::spawn_blocking(move || validate_and_store(&first_dir, &name, &bytes))
                .await?;
        match result {
            Ok(s) => {
                lines.push(match &s.kind {
                    UploadKind::Titles { service, rows } => t!(
                        lang,
                        "reindex-added-titles",
                        path = shown_path(&s.path),
                        rows = rows.to_string(),
                        service = service.to_string()
                    ),
                    UploadKind::Document { paragraphs } => t!(
                        lang,
                        "reindex-added-document",
                        path = shown_path(&s.path),
                        paragraphs = paragraphs.to_string()
                    ),
                });
                for n in &s.report.notes {
                    lines.push(t!(
                        lang,
                        "reindex-line",
                        line = n.line.to_string(),
                        detail = &n.detail
                    ));
                }
                stored = Some(s);
            }
            Err(e) => {
                tracing::info!(user = %who, file = %att.filename, error = %e, "reindex upload refused");
                reply::send(
                    ctx,
                    reply::ephemeral_text(&upload_refused(lang, &att.filename, &e)),
                )
                .await?;
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
    let failed = |why: &str| t!(lang, "reindex-failed", why = why);
    match outcome {
        Outcome::Done(summary) => {
            let engine = ctx.data().engine.clone();
            match tokio::task::spawn_blocking(move || engine.reload()).await? {
                Ok(info) => {
                    telemetry::index_loaded(&info);
                    telemetry::reindex(counted, took);
                    tracing::info!(user = %who, titles = summary.titles, passages = summary.passages, ms = took.as_millis() as u64, "reindex done");
                    lines.extend(done_lines(&summary, took, lang));
                }
                Err(e) => {
                    telemetry::reindex(ReindexOutcome::Failed, took);
                    tracing::error!(user = %who, error = %e, "the new index could not be opened");
                    lines = vec![failed(&t!(lang, "reindex-why-unopenable"))];
                }
            }
        }
        outcome => {
            telemetry::reindex(counted, took);
            let undone = stored.map(|s| s.undo());
            let why = match outcome {
                Outcome::Busy { pid } => {
                    tracing::info!(user = %who, ?pid, ?undone, "reindex refused: another one is running");
                    match pid {
                        Some(pid) => t!(lang, "reindex-why-busy", pid = pid.to_string()),
                        None => t!(lang, "reindex-why-busy-unknown"),
                    }
                }
                Outcome::DataError(message) => {
                    tracing::warn!(user = %who, error = %message, ?undone, "reindex failed on the data");
                    message
                }
                Outcome::Failed { detail } => {
                    tracing::error!(user = %who, detail, ?undone, "reindex failed");
                    t!(lang, "reindex-why-stopped")
                }
                Outcome::Done(_) => unreachable!("handled above"),
            };
            lines = vec![failed(&why)];
        }
    }
    show(ctx, &mut shown, &lines.join("\n")).await?;
    Ok(())
}

/// Why an upload was refused, as the moderator reads it, in `lang` (the rows' own notes, which
/// the loader writes, follow as they are).
fn upload_refused(lang: Lang, file: &str, why: &UploadError) -> String {
    use crate::corpus::MAX_CELL_BYTES;
    use crate::corpus::upload::MAX_COLUMNS;
    let why = match why {
        UploadError::TooLarge(size) => t!(
            lang,
            "upload-too-large",
            size = size.to_string(),
            limit = MAX_UPLOAD_BYTES.to_string()
        ),
        UploadError::Empty => t!(lang, "upload-empty"),
        UploadError::NotText => t!(lang, "upload-not-text"),
        UploadError::UnsupportedName => t!(lang, "upload-unsupported-name"),
        UploadError::TooManyColumns(columns) => t!(
            lang,
            "upload-too-many-columns",
            columns = columns.to_string(),
            limit = MAX_COLUMNS.to_string()
        ),
        UploadError::CellTooLong { line, bytes } => t!(
            lang,
            "upload-cell-too-long",
            line = line.to_string(),
            bytes = bytes.to_string(),
            limit = MAX_CELL_BYTES.to_string()
        ),
        UploadError::NoRows(rows) => format!("{}\n{rows}", t!(lang, "upload-no-rows")),
        UploadError::BadRows(rows) => format!("{}\n{rows}", t!(lang, "upload-bad-rows")),
        UploadError::Io(_) => t!(lang, "upload-io"),
        UploadError::OverBudget { used, budget } => t!(
            lang,
            "upload-over-budget",
            used = used.to_string(),
            budget = budget.to_string()
        ),
    };
    t!(
        lang,
        "reindex-upload-refused",
        file = file.replace('`', "'"),
        why = why
    )
}

/// A stored upload as the moderator reads it: relative to its data directory
/// (`uploads/netflix_titles.csv`), never the server's absolute path.
fn shown_path(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("uploads/{name}")
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
                let text = progress_text(done, total, started.elapsed(), lang_of(ctx));
                if let Err(e) = show(ctx, shown, &text).await {
                    tracing::warn!(error = %e, "could not show reindex progress");
                }
            }
        }
    }
}

/// The progress line; it starts with "Reindexing…" (tests and moderators can tell it apart).
fn progress_text(done: u64, total: u64, elapsed: Duration, lang: Lang) -> String {
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    t!(
        lang,
        "reindex-progress",
        percent = percent.to_string(),
        done = done.to_string(),
        total = total.to_string(),
        seconds = elapsed.as_secs().to_string()
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
fn done_lines(summary: &Summary, took: Duration, lang: Lang) -> Vec<String> {
    let mut lines = vec![t!(
        lang,
        "reindex-done",
        seconds = format!("{:.1}", took.as_secs_f32()),
        titles = summary.titles.to_string(),
        passages = summary.passages.to_string(),
        facts = summary.facts.to_string(),
        files = summary.files.to_string()
    )];
    if summary.skipped.is_empty() {
        lines.push(t!(
            lang,
            "reindex-no-skips",
            repaired = summary.repaired.to_string(),
            merged = summary.merged.to_string()
        ));
    } else {
        lines.push(t!(
            lang,
            "reindex-skipped",
            count = summary.skipped.len().to_string()
        ));
        lines.extend(summary.skipped.iter().take(15).cloned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_written_in_the_moderators_language() {
        let cases = [
            (
                Lang::En,
                UploadError::TooLarge(9),
                "`a.csv` was refused: the file is 9 bytes; the limit is 5242880 bytes\nNothing was changed.",
            ),
            (
                Lang::Zh,
                UploadError::TooLarge(9),
                "`a.csv` 未被接受：文件有 9 字节，上限是 5242880 字节\n没有做任何改动。",
            ),
            (
                Lang::ZhTw,
                UploadError::Empty,
                "`a.csv` 未被接受：檔案是空的\n沒有做任何改動。",
            ),
            (
                Lang::Zh,
                UploadError::CellTooLong {
                    line: 3,
                    bytes: 9000,
                },
                "`a.csv` 未被接受：第 3 行有一个 9000 字节的单元格；上限是 8192 字节\n没有做任何改动。",
            ),
            // An internal error (a path, an OS message) goes to the log, never to the user.
            (
                Lang::En,
                UploadError::Io("/srv/data/uploads: permission denied".into()),
                "`a.csv` was refused: the file could not be written (the log says why)\nNothing was changed.",
            ),
        ];
        for (lang, why, expected) in cases {
            assert_eq!(upload_refused(lang, "a.csv", &why), expected);
        }
    }

    #[test]
    fn progress_reads_in_plain_words() {
        assert_eq!(
            progress_text(450, 1800, Duration::from_millis(4900), Lang::En),
            "Reindexing… 25% (450 of 1800 records, 4 s so far). Answers still come from the current index."
        );
        assert!(
            progress_text(0, 0, Duration::ZERO, Lang::En).starts_with("Reindexing… 0% (0 of 0")
        );
        assert_eq!(
            progress_text(450, 1800, Duration::from_millis(4900), Lang::Zh),
            "正在重建索引… 25%（1800 条记录中已完成 450 条，已用 4 秒）。回答仍来自当前索引。"
        );
    }

    #[test]
    fn stored_files_are_named_relative_to_the_data() {
        assert_eq!(
            shown_path(std::path::Path::new(
                "/srv/bot/data/uploads/hulu_titles.csv"
            )),
            "uploads/hulu_titles.csv"
        );
    }
}
