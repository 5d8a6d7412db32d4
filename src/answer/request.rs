//! Reading a question as people type it in Discord: `/why-not china`, `/titles origin:cn
//! type:movie page:2`, `/title Breaking Bad`. Options are `name:value` (quote values with
//! spaces: `query:"kung fu"`); other words are the command's main argument.

use super::commands::{Command, CommandId, Value};
use crate::corpus::Kind;
use crate::domain::{Months, Service};
use crate::i18n::Lang;
use crate::search::TitleSort;
use crate::t;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    WhyNot {
        place: String,
        service: Option<String>,
    },
    Titles(TitlesArgs),
    Title {
        name: String,
        /// The service asked about ("is Parasite on Hulu?"), if any.
        service: Option<String>,
        /// The place asked about ("can I watch it in China?"), as typed.
        place: Option<String>,
    },
    Search {
        text: String,
        /// Only the documents, not the titles ("what does the essay say about …").
        documents: bool,
    },
    /// `/map [service] [figure]`: a world map of a service's availability or figures.
    Map {
        service: Option<String>,
        figure: Option<super::Figure>,
    },
    Help,
    /// A streaming service the bot does not cover ("is Peacock available in Japan?"), by name.
    Uncovered {
        name: String,
    },
    /// `/settings`: show, change or delete what the bot remembers about the asker.
    Settings(super::settings::SettingsArgs),
    /// `/top`: a ranking (most watched, cheapest, biggest library).
    Top(super::ranking::RankingArgs),
    /// `/similar`: titles like a title, by its name as typed.
    Similar {
        name: String,
        service: Option<String>,
        kind: Option<Kind>,
    },
}

/// The options of `/titles`, checked but not yet resolved (origin is still a name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitlesArgs {
    pub origin: Option<String>,
    pub kind: Option<Kind>,
    pub service: Option<String>,
    pub genre: Option<String>,
    pub years: Option<(u16, u16)>,
    /// When titles were added: years or months.
    pub added: Option<Months>,
    /// The words a relative date was said in ("this year", "去年"), resolved against the
    /// catalogue's newest date into [`Self::added`] or [`Self::years`]: the answer says so.
    pub relative: Option<String>,
    pub query: Option<String>,
    /// A director's whole name, matched case- and accent-insensitively.
    pub director: Option<String>,
    /// An actor's whole name, matched case- and accent-insensitively.
    pub cast: Option<String>,
    /// Where the asker watches ("… I can watch in Hong Kong"): only services available there.
    pub watch_in: Option<String>,
    pub sort: Option<TitleSort>,
    pub page: usize,
    /// "How many …": the answer leads with the total.
    pub count: bool,
    /// The query is the question's leftover words, not a `query:` the person typed: when it
    /// would empty an otherwise non-empty list, the list is answered without it.
    pub loose_query: bool,
    /// `service:mine` ("on my services"): only the asker's services ([`Self::yours`]).
    pub mine: bool,
    /// The asker's services, filled in from their settings when [`Self::mine`] is asked.
    pub yours: Vec<String>,
}

/// A question that cannot be understood as written; the message says how to write it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// What `/help` shows in `lang` (the message `help-text`).
pub fn help(lang: Lang) -> String {
    t!(lang, "help-text")
}

/// A usage message followed by the help text (`Ask me something.` + help).
pub(crate) fn with_help(lang: Lang, key: &str) -> UsageError {
    UsageError(format!("{}\n{}", t!(lang, key), help(lang)))
}

/// Splits on spaces, keeping `"quoted parts"` (and `key:"quoted value"`) together.
fn words(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' | '“' | '”' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `service`, `genre`… → value, for `key:value` words whose key is one of `keys`.
fn split_options(
    input: &str,
    keys: &[&str],
    place_keys: &[&str],
    command: &str,
    lang: Lang,
) -> Result<(Vec<(String, String)>, String), UsageError> {
    let mut options: Vec<(String, String)> = Vec::new();
    let mut rest = Vec::new();
    // The place option just read, which the next words may continue (`region:hong kong`).
    let mut place_open = false;
    for w in words(input) {
        let option = w.split_once(':').filter(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
        });
        let Some((k, v)) = option else {
            if place_open && let Some((_, v)) = options.last_mut() {
                let longer = format!("{v} {w}");
                if crate::places::Places::global().resolve(&longer).is_ok() {
                    *v = longer;
                    continue;
                }
            }
            place_open = false;
            rest.push(w);
            continue;
        };
        let key = k.to_ascii_lowercase();
        if !keys.contains(&key.as_str()) {
            // `Wars:` in "Star Wars: The Clone Wars" is text; `orgin:cn` is a misspelt option.
            let close = keys
                .iter()
                .find(|known| strsim::osa_distance(known, &key) <= 2 && key.len() >= 3);
            if let (Some(close), false) = (close, v.is_empty()) {
                let options: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                return Err(UsageError(t!(
                    lang,
                    "usage-no-option",
                    command = command,
                    key = &key,
                    close = *close,
                    options = super::words::comma_list(lang, &options)
                )));
            }
            rest.push(w);
            continue;
        }
        if options.iter().any(|(k, _)| *k == key) {
            return Err(UsageError(t!(lang, "usage-given-twice", key = &key)));
        }
        place_open = place_keys.contains(&key.as_str());
        options.push((key, v.trim().to_string()));
    }
    Ok((options, rest.join(" ")))
}

/// A service id from what people call it (`prime`, `Disney+`…).
pub fn parse_service(s: &str) -> Option<String> {
    use crate::lexicon::{Lexicon, Tag};
    if let Some([Tag::Service(id)]) = Lexicon::global().phrase(s) {
        return Some(id.clone());
    }
    let raw = s.trim().to_ascii_lowercase();
    Service::from_id(&raw).map(|s| s.id().to_string())
}

/// `service:mine`: the asker's own services.
fn is_mine(v: &str) -> bool {
    matches!(
        v.trim().to_lowercase().as_str(),
        "mine" | "my" | "my services" | "yours" | "我的" | "我的平台"
    )
}

pub(super) fn service_option(v: &str, lang: Lang) -> Result<String, UsageError> {
    parse_service(v).ok_or_else(|| UsageError(t!(lang, "usage-unknown-service", value = v)))
}

/// `2019` → (2019, 2019); `2010-2020` → (2010, 2020).
/// Its usage error written in `lang`.
pub fn parse_years(v: &str, lang: Lang) -> Result<(u16, u16), UsageError> {
    let bad = || UsageError(t!(lang, "usage-bad-years", value = v));
    let year = |s: &str| -> Result<u16, UsageError> {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|y| (1800..=2200).contains(y))
            .ok_or_else(bad)
    };
    let (a, b) = match v.split_once(['-', '–']).or_else(|| v.split_once("..")) {
        Some((a, b)) => (year(a)?, year(b.trim_start_matches('.'))?),
        None => {
            let y = year(v)?;
            (y, y)
        }
    };
    Ok((a.min(b), a.max(b)))
}

/// Sets one `/titles` option (also `/new`'s, a subset) on `args`.
fn set_option(args: &mut TitlesArgs, k: &str, v: String, lang: Lang) -> Result<(), UsageError> {
    if v.is_empty() {
        return Err(UsageError(t!(lang, "usage-needs-value", key = k)));
    }
    match k {
        "origin" => args.origin = Some(v),
        "type" => args.kind = Some(kind_option(&v, lang)?),
        "service" if is_mine(&v) => args.mine = true,
        "service" => args.service = Some(service_option(&v, lang)?),
        "genre" => args.genre = Some(v),
        "year" => args.years = Some(parse_years(&v, lang)?),
        "added" => {
            let bad = || UsageError(t!(lang, "usage-bad-added", value = v.as_str()));
            args.added = Some(Months::parse(&v).ok_or_else(bad)?);
        }
        "query" => args.query = Some(v),
        "director" => args.director = Some(v),
        "cast" => args.cast = Some(v),
        "place" => args.watch_in = Some(v),
        "sort" => {
            args.sort = Some(match v.to_ascii_lowercase().as_str() {
                "relevance" => TitleSort::Relevance,
                "year" | "newest" => TitleSort::Year,
                "title" | "name" | "az" => TitleSort::Title,
                "added" | "new" | "recent" | "latest" => TitleSort::Added,
                _ => {
                    return Err(UsageError(t!(lang, "usage-unknown-sort", value = &v)));
                }
            })
        }
        "page" => args.page = page_option(&v, lang)?,
        _ => unreachable!("split_options only returns known keys"),
    }
    Ok(())
}

fn titles_args(
    options: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<TitlesArgs, UsageError> {
    let mut args = TitlesArgs {
        page: 1,
        ..TitlesArgs::default()
    };
    for (k, v) in options {
        set_option(&mut args, &k, v, lang)?;
    }
    if !free.trim().is_empty() {
        args.query = Some(match args.query.take() {
            Some(q) => format!("{q} {free}"),
            None => free.to_string(),
        });
    }
    Ok(args)
}

/// Parses a slash command. `None` when `input` is not one (free text). Its usage errors are written in `lang`: the command and its option names come
/// from the command table ([`super::commands::COMMANDS`]).
pub fn parse_command(input: &str, lang: Lang) -> Option<Result<Request, UsageError>> {
    let input = input.trim();
    let body = input.strip_prefix('/')?;
    let (name, rest) = match body.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (body, ""),
    };
    if name.is_empty() {
        return Some(Err(with_help(lang, "usage-empty-command")));
    }
    let Some(command) = Command::typed(name) else {
        return Some(Err(UsageError(t!(
            lang,
            "usage-no-command",
            name = crate::text::truncate(&name.to_ascii_lowercase(), 40)
        ))));
    };
    let keys: Vec<&str> = command
        .options
        .iter()
        .filter(|o| o.value != Value::File)
        .map(|o| o.name)
        .collect();
    let place_keys: Vec<&str> = command
        .options
        .iter()
        .filter(|o| o.complete == Some(super::commands::Field::Place))
        .map(|o| o.name)
        .collect();
    Some(
        split_options(rest, &keys, &place_keys, command.name, lang)
            .and_then(|(options, free)| read(command, options, &free, lang)),
    )
}

/// What a command asks for, from its options (`name`, value as typed or as the choice's value)
/// and, in text, the words outside any option (`/why-not china`, `/new hulu kr`). Both the text
/// grammar and the Discord fronts read commands through here.
pub fn read(
    command: &Command,
    options: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<Request, UsageError> {
    match command.id {
        CommandId::WhyNot => why_not_args(options, free, lang),
        CommandId::Titles => titles_args(options, free, lang).map(Request::Titles),
        CommandId::New => new_args(options, free, lang).map(Request::Titles),
        CommandId::Title => super::title::title_args(options, free, lang),
        CommandId::Map => map_args(options, free, lang),
        CommandId::Top => super::ranking::top_args(options, free, lang).map(Request::Top),
        CommandId::Similar => super::similar::similar_args(options, free, lang),
        CommandId::Ask => {
            let text = options
                .into_iter()
                .map(|o| o.1)
                .next()
                .unwrap_or_else(|| free.to_string());
            if text.trim().is_empty() {
                Err(UsageError(t!(lang, "usage-ask-needs-question")))
            } else {
                Ok(Request::Search {
                    text,
                    documents: false,
                })
            }
        }
        CommandId::Help => Ok(Request::Help),
        CommandId::Settings => {
            super::settings::settings_args(options, free, lang).map(Request::Settings)
        }
        CommandId::Sources | CommandId::Reindex => Err(UsageError(t!(
            lang,
            "usage-no-command",
            name = command.name
        ))),
    }
}

/// `/new [service] [origin] [type]`: `/titles` sorted by the date added, the words in any
/// order (`/new hulu`, `/new netflix kr tv`) or as options.
fn new_args(
    options: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<TitlesArgs, UsageError> {
    let mut args = TitlesArgs {
        sort: Some(TitleSort::Added),
        page: 1,
        ..TitlesArgs::default()
    };
    for (k, v) in options {
        set_option(&mut args, &k, v, lang)?;
    }
    let mut origin = Vec::new();
    for w in free.split_whitespace() {
        if args.service.is_none()
            && let Some(s) = parse_service(w)
        {
            args.service = Some(s);
        } else if args.kind.is_none()
            && let Some(k) = Kind::parse(w)
        {
            args.kind = Some(k);
        } else {
            origin.push(w);
        }
    }
    if !origin.is_empty() {
        if args.origin.is_some() {
            return Err(UsageError(t!(lang, "usage-country-once")));
        }
        args.origin = Some(origin.join(" "));
    }
    Ok(args)
}

fn kind_option(v: &str, lang: Lang) -> Result<Kind, UsageError> {
    Kind::parse(v).ok_or_else(|| UsageError(t!(lang, "usage-unknown-type", value = v)))
}

fn page_option(v: &str, lang: Lang) -> Result<usize, UsageError> {
    v.parse::<usize>()
        .ok()
        .filter(|p| (1..=100_000).contains(p))
        .ok_or_else(|| UsageError(t!(lang, "usage-bad-page", value = v)))
}

fn map_args(opts: Vec<(String, String)>, free: &str, lang: Lang) -> Result<Request, UsageError> {
    let (mut service, mut figure) = (None, None);
    let figure_option = |v: &str| {
        super::Figure::parse(v)
            .ok_or_else(|| UsageError(t!(lang, "usage-unknown-figure", value = v)))
    };
    for (k, v) in opts {
        match k.as_str() {
            "service" => service = Some(service_option(&v, lang)?),
            _ => figure = Some(figure_option(&v)?),
        }
    }
    for w in free.split_whitespace() {
        if let (None, Some(s)) = (&service, parse_service(w)) {
            service = Some(s);
        } else if let (None, Some(f)) = (&figure, super::Figure::parse(w)) {
            figure = Some(f);
        } else {
            return Err(UsageError(t!(
                lang,
                "usage-map-words",
                word = crate::text::truncate(w, 40)
            )));
        }
    }
    Ok(Request::Map { service, figure })
}

fn why_not_args(
    opts: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<Request, UsageError> {
    let mut place = None;
    let mut service = None;
    for (k, v) in opts {
        if v.is_empty() {
            return Err(UsageError(t!(lang, "usage-needs-value", key = &k)));
        }
        match k.as_str() {
            "place" => place = Some(v),
            _ => service = Some(service_option(&v, lang)?),
        }
    }
    let mut free_words: Vec<&str> = free.split_whitespace().collect();
    if service.is_none()
        && free_words.len() > 1
        && let Some(s) = free_words.last().and_then(|w| parse_service(w))
    {
        service = Some(s);
        free_words.pop();
    }
    let free = free_words.join(" ");
    let place = match (place, free.is_empty()) {
        (Some(p), true) => p,
        (None, false) => free,
        (Some(_), false) => {
            return Err(UsageError(t!(lang, "usage-place-once")));
        }
        (None, true) => {
            return Err(UsageError(t!(lang, "usage-why-not-needs-place")));
        }
    };
    Ok(Request::WhyNot { place, service })
}

#[cfg(test)]
mod tests;
