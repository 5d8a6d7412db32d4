//! A reply as both fronts send it: our embeds (from [`crate::render::embed`]), buttons, an
//! optional picture and whether only the asker sees it, turned into serenity's builders for an
//! interaction response, an edit of one, or poise's reply. No mentions, ever.

use poise::serenity_prelude as serenity;

use super::buttons;
use crate::answer::{Answer, TitlesArgs};
use crate::i18n::Lang;
use crate::render::embed::{self, Embed, EmbedField, escape, fit};
use crate::render::map;
use crate::search::IndexInfo;
use crate::t;
use crate::telemetry::Outcome;

/// A picture attached to the reply and shown in its embeds.
#[derive(Debug, Clone)]
pub struct Picture {
    pub png: Vec<u8>,
    pub name: String,
    pub alt: String,
}

/// What the user sees.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub content: Option<String>,
    pub embeds: Vec<Embed>,
    pub rows: Vec<serenity::CreateActionRow>,
    pub picture: Option<Picture>,
    pub ephemeral: bool,
    /// How the interaction ended, for the metrics.
    pub outcome: Outcome,
}

/// Our embed as serenity's builder.
pub fn to_serenity(e: &Embed) -> serenity::CreateEmbed {
    let mut b = serenity::CreateEmbed::new().color(e.color);
    if !e.title.is_empty() {
        b = b.title(&e.title);
    }
    if !e.description.is_empty() {
        b = b.description(&e.description);
    }
    for f in &e.fields {
        b = b.field(&f.name, &f.value, f.inline);
    }
    if !e.footer.is_empty() {
        b = b.footer(serenity::CreateEmbedFooter::new(&e.footer));
    }
    b
}

impl Reply {
    /// A short private text.
    pub fn text(text: &str) -> Reply {
        Reply::private(text, Outcome::Answered)
    }

    /// A short private text that ends the interaction with `outcome` (a usage error, a
    /// cooldown, a refusal or an apology).
    pub fn private(text: &str, outcome: Outcome) -> Reply {
        Reply {
            content: Some(embed::clip(text, embed::limits::CONTENT)),
            ephemeral: true,
            outcome,
            ..Reply::default()
        }
    }

    /// An answer's embeds and its suggestion buttons.
    pub fn answer(answer: &Answer) -> Reply {
        Reply {
            embeds: embed::embeds(answer),
            rows: buttons::suggestions(answer),
            ..Reply::default()
        }
    }

    /// A page of titles with Previous/Next buttons that carry the page they lead to.
    pub fn page(answer: &Answer, args: &TitlesArgs) -> Reply {
        Reply {
            embeds: embed::embeds(answer),
            rows: buttons::pages(answer, args),
            ..Reply::default()
        }
    }

    /// A map answer: its embeds show the attached picture.
    pub fn map(answer: &Answer) -> anyhow::Result<Reply> {
        let Some(data) = answer.map() else {
            return Ok(Reply::answer(answer));
        };
        let png = map::png(data, map::WIDTH, map::HEIGHT, answer.lang)?;
        let alt = map::alt_text(map::world::world()?, data, map::ALT_MAX, answer.lang);
        Ok(Reply {
            embeds: embed::embeds(answer),
            picture: Some(Picture {
                png,
                name: map::attachment_name(data),
                alt,
            }),
            ..Reply::default()
        })
    }

    /// `/sources`: the indexed documents and datasets, with counts, and when the data was last
    /// rebuilt (not by whom: that goes to the log and the moderator's own reply).
    pub fn sources(info: &IndexInfo, lang: Lang) -> Reply {
        let when = format!("<t:{}:R>", info.built_at);
        let mut e = Embed {
            title: t!(lang, "sources-title"),
            description: t!(
                lang,
                "sources-summary",
                titles = info.titles,
                passages = info.passages,
                facts = info.facts,
                when = when,
                ms = info.build_ms.to_string(),
                repaired = info.repaired_rows,
                skipped = info.skipped_rows,
                merged = info.merged_rows
            ),
            color: 0x34_98_db,
            ..Embed::default()
        };
        for d in &info.documents {
            e.fields.push(EmbedField {
                name: t!(lang, "sources-document", title = escape(&d.title)),
                value: t!(
                    lang,
                    "sources-document-detail",
                    file = &d.file,
                    paragraphs = d.paragraphs,
                    bytes = d.bytes
                ),
                inline: false,
            });
        }
        for f in &info.files {
            if f.kind == "document" {
                continue;
            }
            let name = f.file.rsplit('/').next().unwrap_or(&f.file);
            let kind = escape(&file_kind(&f.kind, lang));
            e.fields.push(EmbedField {
                name: escape(name),
                value: t!(lang, "sources-file", kind = kind, rows = f.rows),
                inline: true,
            });
        }
        Reply {
            embeds: vec![fit(e, lang)],
            ..Reply::default()
        }
    }

    fn serenity_embeds(&self) -> Vec<serenity::CreateEmbed> {
        self.embeds
            .iter()
            .map(|e| {
                let b = to_serenity(e);
                match &self.picture {
                    Some(p) => b.image(format!("attachment://{}", p.name)),
                    None => b,
                }
            })
            .collect()
    }

    fn attachment(&self) -> Option<serenity::CreateAttachment> {
        self.picture.as_ref().map(|p| {
            serenity::CreateAttachment::bytes(p.png.clone(), p.name.clone())
                .description(p.alt.clone())
        })
    }

    /// As the data of an interaction response (types 4 and 7).
    pub fn to_message(&self) -> serenity::CreateInteractionResponseMessage {
        let mut m = serenity::CreateInteractionResponseMessage::new()
            .allowed_mentions(serenity::CreateAllowedMentions::new())
            .embeds(self.serenity_embeds())
            .components(self.rows.clone())
            .ephemeral(self.ephemeral);
        if let Some(c) = &self.content {
            m = m.content(c.clone());
        }
        if let Some(a) = self.attachment() {
            m = m.add_file(a);
        }
        m
    }

    /// As an edit of a deferred response (`PATCH …/messages/@original`).
    pub fn to_edit(&self) -> serenity::EditInteractionResponse {
        let mut m = serenity::EditInteractionResponse::new()
            .allowed_mentions(serenity::CreateAllowedMentions::new())
            .embeds(self.serenity_embeds())
            .components(self.rows.clone());
        if let Some(c) = &self.content {
            m = m.content(c.clone());
        }
        if let Some(a) = self.attachment() {
            m = m.new_attachment(a);
        }
        m
    }

    /// As poise's reply (the gateway bot's slash commands).
    pub fn to_poise(&self) -> poise::CreateReply {
        let mut r = poise::CreateReply::default()
            .allowed_mentions(serenity::CreateAllowedMentions::new())
            .components(self.rows.clone())
            .ephemeral(self.ephemeral);
        for e in self.serenity_embeds() {
            r = r.embed(e);
        }
        if let Some(c) = &self.content {
            r = r.content(c.clone());
        }
        if let Some(a) = self.attachment() {
            r = r.attachment(a);
        }
        r
    }
}

/// A data file's kind as the index records it (`titles (hulu)`, `availability facts`), in
/// `lang`.
fn file_kind(kind: &str, lang: Lang) -> String {
    let with_service = |key: &str, service: &str| {
        format!(
            "{} ({})",
            t!(lang, key),
            crate::domain::service_name(service)
        )
    };
    if let Some(service) = kind
        .strip_prefix("titles (")
        .and_then(|k| k.strip_suffix(')'))
    {
        return with_service("sources-kind-titles", service);
    }
    if let Some(service) = kind
        .strip_prefix("figures (")
        .and_then(|k| k.strip_suffix(')'))
    {
        return with_service("sources-kind-figures", service);
    }
    match kind {
        "availability facts" => t!(lang, "sources-kind-facts"),
        "document metadata" => t!(lang, "sources-kind-metadata"),
        other => other.to_string(),
    }
}
