//! `/map [service] [figure]`: a world map of a service's availability (or of Netflix's
//! per-country figures), drawn off the async threads and attached to the answer's embed.

use poise::serenity_prelude as serenity;

use super::Service;
use crate::answer::{Answer, AnswerError, Figure, Request};
use crate::discord::{Context, Error, reply};
use crate::render::map;

/// What a map can shade instead of statuses.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum FigureChoice {
    #[name = "Library size"]
    Library,
    #[name = "Monthly price"]
    Price,
}

/// The answer and, when there is a map, its picture and the picture's description.
type Drawn = (Answer, Option<(Vec<u8>, String)>);

fn draw(
    engine: &crate::search::Engine,
    request: &Request,
    lang: crate::i18n::Lang,
) -> anyhow::Result<Result<Drawn, String>> {
    let answer = match crate::answer::answer_in(engine, request, lang) {
        Ok(a) => a,
        Err(AnswerError::Usage(u)) => return Ok(Err(u.0)),
        Err(e) => return Err(e.into()),
    };
    let Some(data) = &answer.map else {
        return Ok(Ok((answer, None)));
    };
    let png = map::png(data, map::WIDTH, map::HEIGHT)?;
    let alt = map::alt_text_in(map::world::world()?, data, map::ALT_MAX, answer.lang);
    Ok(Ok((answer, Some((png, alt)))))
}

/// A world map of where a streaming service is available, with a legend and sources.
#[poise::command(slash_command)]
pub async fn map(
    ctx: Context<'_>,
    #[description = "The service (default Netflix)"] service: Option<Service>,
    #[description = "Shade Netflix's per-country figures instead (December 2021)"] figure: Option<
        FigureChoice,
    >,
) -> Result<(), Error> {
    let request = Request::Map {
        service: service.map(|s| s.id().to_string()),
        figure: figure.map(|f| match f {
            FigureChoice::Library => Figure::Library,
            FigureChoice::Price => Figure::Price,
        }),
    };
    let engine = ctx.data().engine.clone();
    let lang = crate::discord::localize::lang_of(ctx);
    let drawn = reply::off_thread(ctx, move || draw(&engine, &request, lang)).await??;
    let (answer, picture) = match drawn {
        Ok(d) => d,
        Err(usage) => {
            reply::usage_error(ctx, &usage).await?;
            return Ok(());
        }
    };
    let mut r = reply::answer_reply(&answer);
    if let (Some((png, alt)), Some(data)) = (picture, &answer.map) {
        let name = map::attachment_name(data);
        let embeds = crate::render::embed::embeds(&answer);
        r = poise::CreateReply::default()
            .allowed_mentions(serenity::CreateAllowedMentions::new())
            .attachment(serenity::CreateAttachment::bytes(png, name.clone()).description(alt));
        for e in &embeds {
            r = r.embed(reply::to_serenity(e).image(format!("attachment://{name}")));
        }
    }
    reply::send(ctx, r).await?;
    Ok(())
}
