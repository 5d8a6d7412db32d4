//! `/titles`: matching titles, a page at a time, with Previous/Next buttons that only the person
//! who asked can use and that stop after a few minutes.

use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use super::{
    Service, autocomplete_cast, autocomplete_director, autocomplete_genre, autocomplete_place,
};
use crate::answer::{Answer, AnswerError, TitlesArgs, parse_years};
use crate::corpus::Kind;
use crate::discord::localize::lang_of;
use crate::discord::retry::retrying;
use crate::discord::{Context, Error, reply};
use crate::i18n::Lang;
use crate::search::TitleSort;
use crate::t;

/// How long the buttons keep working after the last click.
const BUTTONS_FOR: Duration = Duration::from_secs(300);
/// A button press must be answered within Discord's 3 s, less a margin for the trip.
const PRESS_ANSWER_WITHIN: Duration = Duration::from_millis(2800);

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum TypeChoice {
    #[name = "movie"]
    Movie,
    #[name = "tv"]
    Tv,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum SortChoice {
    #[name = "relevance"]
    Relevance,
    #[name = "year"]
    Year,
    #[name = "title"]
    Title,
    #[name = "newest added"]
    Added,
}

impl TypeChoice {
    pub fn kind(self) -> Kind {
        match self {
            TypeChoice::Movie => Kind::Movie,
            TypeChoice::Tv => Kind::Tv,
        }
    }
}

fn buttons(id: u64, answer: &Answer) -> Vec<serenity::CreateActionRow> {
    if answer.pages <= 1 {
        return Vec::new();
    }
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(format!("{id}:prev"))
            .label(t!(answer.lang, "button-previous"))
            .style(serenity::ButtonStyle::Secondary)
            .disabled(answer.page <= 1),
        serenity::CreateButton::new(format!("{id}:next"))
            .label(t!(answer.lang, "button-next"))
            .style(serenity::ButtonStyle::Primary)
            .disabled(answer.page >= answer.pages),
    ])]
}

/// Titles from the datasets: filter by origin, type, service, genre, years; 10 a page.
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
pub async fn titles(
    ctx: Context<'_>,
    #[description = "Country of production (name or code)"]
    #[autocomplete = "autocomplete_place"]
    origin: Option<String>,
    #[description = "Movie or TV show"]
    #[rename = "type"]
    kind: Option<TypeChoice>,
    #[description = "Streaming service"] service: Option<Service>,
    #[description = "Genre, e.g. horror, documentaries"]
    #[autocomplete = "autocomplete_genre"]
    genre: Option<String>,
    #[description = "Release year, or a range like 2010-2020"] year: Option<String>,
    #[description = "Year added to the service, or a range"] added: Option<String>,
    #[description = "A director's whole name, e.g. Bong Joon Ho"]
    #[autocomplete = "autocomplete_director"]
    #[max_length = 100]
    director: Option<String>,
    #[description = "An actor's whole name, e.g. Lee Jung-jae"]
    #[autocomplete = "autocomplete_cast"]
    #[max_length = 100]
    cast: Option<String>,
    #[description = "Words to look for in titles, descriptions, cast"]
    #[max_length = 200]
    query: Option<String>,
    #[description = "Order of the results"] sort: Option<SortChoice>,
) -> Result<(), Error> {
    let years = |v: &Option<String>| v.as_deref().map(parse_years).transpose();
    let (years, added) = match (years(&year), years(&added)) {
        (Ok(y), Ok(a)) => (y, a),
        (Err(u), _) | (_, Err(u)) => {
            reply::usage_error(ctx, &u.0).await?;
            return Ok(());
        }
    };
    let args = TitlesArgs {
        origin,
        kind: kind.map(TypeChoice::kind),
        service: service.map(|s| s.id().to_string()),
        genre,
        years,
        added,
        query,
        director,
        cast,
        sort: sort.map(|s| match s {
            SortChoice::Relevance => TitleSort::Relevance,
            SortChoice::Year => TitleSort::Year,
            SortChoice::Title => TitleSort::Title,
            SortChoice::Added => TitleSort::Added,
        }),
        page: 1,
        count: false,
    };
    browse(ctx, args).await
}

/// Sends the first page of `args` with Previous/Next buttons, and turns pages for the person
/// who asked until the buttons time out. Shared by `/titles` and `/new`.
pub async fn browse(ctx: Context<'_>, mut args: TitlesArgs) -> Result<(), Error> {
    let Some(mut answer) = page(ctx, &args).await? else {
        return Ok(());
    };
    let id = ctx.id();
    let handle = reply::send(
        ctx,
        reply::answer_reply(&answer).components(buttons(id, &answer)),
    )
    .await?;
    // Answered: counted now, as the paging below lasts until the buttons time out.
    reply::count(ctx, None).await;
    if answer.pages <= 1 {
        return Ok(());
    }
    let prefix = format!("{id}:");
    let author = ctx.author().id;
    while let Some(press) = serenity::ComponentInteractionCollector::new(ctx.serenity_context())
        .filter({
            let prefix = prefix.clone();
            move |p| p.data.custom_id.starts_with(&prefix)
        })
        .timeout(BUTTONS_FOR)
        .await
    {
        if press.user.id != author {
            let msg = serenity::CreateInteractionResponseMessage::new()
                .content(t!(lang_of(ctx), "only-the-asker"))
                .ephemeral(true);
            let until = Instant::now() + PRESS_ANSWER_WITHIN;
            let response = serenity::CreateInteractionResponse::Message(msg);
            retrying("button refusal", until, || {
                press.create_response(ctx, response.clone())
            })
            .await?;
            continue;
        }
        let until = Instant::now() + PRESS_ANSWER_WITHIN;
        let next = if press.data.custom_id.ends_with(":next") {
            (answer.page + 1).min(answer.pages)
        } else {
            answer.page.saturating_sub(1).max(1)
        };
        args.page = next;
        let engine = ctx.data().engine.clone();
        let a = args.clone();
        let lang = answer.lang;
        let result = tokio::task::spawn_blocking(move || page_in(&engine, a, lang)).await?;
        let new = match result {
            Ok(new) => new,
            Err(e) => return Err(e.into()),
        };
        answer = new;
        let mut update = serenity::CreateInteractionResponseMessage::new()
            .components(buttons(id, &answer))
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        update = update.embeds(
            crate::render::embed::embeds(&answer)
                .iter()
                .map(reply::to_serenity)
                .collect(),
        );
        let response = serenity::CreateInteractionResponse::UpdateMessage(update);
        retrying("page turn", until, || {
            press.create_response(ctx, response.clone())
        })
        .await?;
    }
    // Time is up: the buttons go away.
    let _ = handle
        .edit(ctx, reply::answer_reply(&answer).components(Vec::new()))
        .await;
    Ok(())
}

/// One page of titles in a language.
fn page_in(
    engine: &crate::search::Engine,
    args: TitlesArgs,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    crate::answer::answer_in(engine, &crate::answer::Request::Titles(args), lang)
}

/// One page, answered off-thread; usage errors are told to the user (and give `None`).
async fn page(ctx: Context<'_>, args: &TitlesArgs) -> Result<Option<Answer>, Error> {
    let engine = ctx.data().engine.clone();
    let a = args.clone();
    let lang = lang_of(ctx);
    match reply::off_thread(ctx, move || page_in(&engine, a, lang)).await? {
        Ok(answer) => Ok(Some(answer)),
        Err(AnswerError::Usage(u)) => {
            reply::usage_error(ctx, &u.0).await?;
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}
