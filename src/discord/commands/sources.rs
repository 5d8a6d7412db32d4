//! `/sources`: the indexed documents and datasets, with counts, and the last rebuild.

use crate::discord::{Context, Error, reply};
use crate::render::embed::{Embed, EmbedField, escape, fit};

/// What streambot knows: documents, datasets, facts, and when the index was last rebuilt.
#[poise::command(slash_command)]
pub async fn sources(ctx: Context<'_>) -> Result<(), Error> {
    let info = ctx.data().engine.info();
    let mut e = Embed {
        title: "What streambot knows".into(),
        description: format!(
            "{} titles, {} passages and {} facts. Last rebuilt <t:{}:R> by {} in {} ms ({} rows repaired, {} skipped, {} merged).",
            info.titles,
            info.passages,
            info.facts,
            info.built_at,
            escape(&info.built_by),
            info.build_ms,
            info.repaired_rows,
            info.skipped_rows,
            info.merged_rows
        ),
        color: 0x34_98_db,
        ..Embed::default()
    };
    for d in &info.documents {
        e.fields.push(EmbedField {
            name: format!("Document: {}", escape(&d.title)),
            value: format!(
                "`{}` · {} paragraphs · {} bytes",
                d.file, d.paragraphs, d.bytes
            ),
            inline: false,
        });
    }
    for f in &info.files {
        if f.kind == "document" {
            continue;
        }
        let name = f.file.rsplit('/').next().unwrap_or(&f.file);
        e.fields.push(EmbedField {
            name: escape(name),
            value: format!("{} · {} rows", escape(&f.kind), f.rows),
            inline: true,
        });
    }
    reply::send(
        ctx,
        poise::CreateReply::default()
            .embed(reply::to_serenity(&fit(e)))
            .allowed_mentions(poise::serenity_prelude::CreateAllowedMentions::new()),
    )
    .await?;
    Ok(())
}
