//! `/settings`: what a person tells the bot once — where they watch, the services they have,
//! the language to answer in — read from the command's options, saved in the [`crate::store`]
//! and shown back; `/settings forget` deletes it all. A server's moderators set its default
//! region the same way.

use serde::Serialize;

use super::request::{UsageError, parse_service};
use super::words::{self, join};
use super::{Answer, Body, PlaceRef};
use crate::domain::Service;
use crate::i18n::Lang;
use crate::places::Places;
use crate::store::{Change, Owner, Settings, Store, StoreError};
use crate::t;

/// Words that clear a setting (`region:none`).
const CLEAR: &[&str] = &[
    "none", "clear", "off", "unset", "reset", "无", "無", "清除", "不设",
];
/// Words for every service.
const ALL: &[&str] = &["all", "every", "everything", "全部", "所有"];
/// The most services one value may list before it is refused (there are four; typos and
/// repeats aside, more is not a list of services).
const MAX_ITEMS: usize = 12;

/// What to delete with `forget`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Forget {
    /// Everything stored about the caller.
    Me,
    /// The server's default region (its moderators only).
    Server,
}

/// The options of one `/settings` call, checked: places are codes, services are known.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsArgs {
    pub change: Change,
    /// The server's default region (`Some(None)` clears it).
    pub server_region: Option<Option<String>>,
    pub forget: Option<Forget>,
}

/// Who is asking, as the store and the permission checks see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    pub owner: Owner,
    /// The server they ask in, if any.
    pub guild: Option<u64>,
    /// Whether they may change the server's defaults (Manage Server there).
    pub manages_guild: bool,
}

impl Caller {
    /// The one person at the console or running `streambot ask`.
    pub const LOCAL: Caller = Caller {
        owner: Owner::Local,
        guild: None,
        manages_guild: false,
    };
}

/// What a `/settings` answer shows (and its JSON holds).
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsView {
    /// The caller's settings as now stored; `None` when the store could not be read.
    pub yours: Option<Settings>,
    /// The server's default region, when asked in a server that has one.
    pub server_region: Option<String>,
    /// What this call did.
    pub done: Done,
}

/// What a `/settings` call did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Done {
    Shown,
    Saved,
    Forgot,
    NothingToForget,
    Unavailable,
    Refused,
}

fn clears(v: &str) -> bool {
    CLEAR.contains(&v.trim().to_lowercase().as_str())
}

/// A region option: a place's code, or `None` for a word that clears it.
fn region_option(v: &str, lang: Lang) -> Result<Option<String>, UsageError> {
    if clears(v) {
        return Ok(None);
    }
    super::in_place::resolve_place(v, lang)
        .map(|p| Some(p.code.clone()))
        .map_err(UsageError)
}

/// `netflix, disney+` / `网飞、迪士尼` / `all` / `none` as services, in the bot's order.
pub(crate) fn services_option(v: &str, lang: Lang) -> Result<Vec<Service>, UsageError> {
    let v = v.trim();
    if clears(v) {
        return Ok(Vec::new());
    }
    if ALL.contains(&v.to_lowercase().as_str()) {
        return Ok(Service::all().collect());
    }
    let unknown = |w: &str| {
        UsageError(t!(
            lang,
            "usage-unknown-service",
            value = crate::text::truncate(w, 40)
        ))
    };
    let mut found = Vec::new();
    let pieces: Vec<&str> = v
        .split([',', '，', '、', ';', '；', '/', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() > MAX_ITEMS {
        return Err(unknown(v));
    }
    for piece in pieces {
        // "prime video" is one service; "netflix hulu" is two.
        if let Some(s) = parse_service(piece) {
            found.push(s);
            continue;
        }
        for w in piece
            .split_whitespace()
            .filter(|w| !matches!(*w, "and" | "&" | "和" | "与"))
        {
            found.push(parse_service(w).ok_or_else(|| unknown(w))?);
        }
    }
    Ok(Service::all()
        .filter(|s| found.iter().any(|f| f == s.id()))
        .collect())
}

/// A list of services in any language, or `None` when it names something else (for the
/// configuration, which has no language to explain itself in).
pub fn services_list(v: &str) -> Option<Vec<Service>> {
    services_option(v, Lang::En).ok()
}

/// A language option: `auto` (follow Discord or the question) or a language.
fn language_option(v: &str, lang: Lang) -> Result<Option<Lang>, UsageError> {
    let v = v.trim();
    if clears(v)
        || matches!(
            v.to_lowercase().as_str(),
            "auto" | "automatic" | "自动" | "自動"
        )
    {
        return Ok(None);
    }
    Lang::parse(v)
        .map(Some)
        .ok_or_else(|| UsageError(t!(lang, "settings-bad-language", value = v)))
}

/// Reads `/settings` from its options and, in text, the words after it (`/settings forget`).
pub(crate) fn settings_args(
    options: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<SettingsArgs, UsageError> {
    let mut args = SettingsArgs::default();
    for (k, v) in options {
        if v.trim().is_empty() {
            return Err(UsageError(t!(lang, "usage-needs-value", key = &k)));
        }
        match k.as_str() {
            "region" => args.change.region = Some(region_option(&v, lang)?),
            "services" => args.change.services = Some(services_option(&v, lang)?),
            "language" => args.change.language = Some(language_option(&v, lang)?),
            "server_region" => args.server_region = Some(region_option(&v, lang)?),
            "forget" => args.forget = Some(forget_option(&v, lang)?),
            _ => unreachable!("split_options only returns known keys"),
        }
    }
    let free = free.trim();
    if !free.is_empty() {
        let mut words = free.split_whitespace();
        let forget = words.next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "forget" | "delete" | "忘记" | "删除"
            )
        });
        let rest: Vec<&str> = words.collect();
        if !forget || args.forget.is_some() || rest.len() > 1 {
            return Err(UsageError(t!(lang, "settings-usage")));
        }
        args.forget = Some(match rest.first() {
            None => Forget::Me,
            Some(w) => forget_option(w, lang)?,
        });
    }
    if args.forget.is_some() && (!args.change.is_empty() || args.server_region.is_some()) {
        return Err(UsageError(t!(lang, "settings-forget-alone")));
    }
    Ok(args)
}

fn forget_option(v: &str, lang: Lang) -> Result<Forget, UsageError> {
    match v.trim().to_lowercase().as_str() {
        "me" | "mine" | "all" | "everything" | "yes" | "我" | "我的" => Ok(Forget::Me),
        "server" | "guild" | "服务器" | "伺服器" => Ok(Forget::Server),
        _ => Err(UsageError(t!(lang, "settings-usage"))),
    }
}

impl SettingsArgs {
    /// The command asking this, as answers echo it.
    pub fn command(&self) -> String {
        let mut parts = vec!["/settings".to_string()];
        let code = |r: &Option<String>| r.clone().unwrap_or_else(|| "none".into());
        if let Some(r) = &self.change.region {
            parts.push(format!("region:{}", code(r)));
        }
        if let Some(list) = &self.change.services {
            let ids: Vec<&str> = list.iter().map(|s| s.id()).collect();
            let v = if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(",")
            };
            parts.push(format!("services:{v}"));
        }
        if let Some(l) = self.change.language {
            parts.push(format!("language:{}", l.map_or("auto", |l| l.code())));
        }
        if let Some(r) = &self.server_region {
            parts.push(format!("server_region:{}", code(r)));
        }
        match self.forget {
            Some(Forget::Me) => parts.push("forget".into()),
            Some(Forget::Server) => parts.push("forget:server".into()),
            None => {}
        }
        parts.join(" ")
    }
}

/// A place code as answers name it (`Hong Kong`, `香港`).
pub(crate) fn region_name(code: &str, lang: Lang) -> String {
    match Places::global().resolve(code) {
        Ok(p) => words::place_name(&p.code, &p.name, lang),
        Err(_) => code.to_string(),
    }
}

/// Carries out `/settings` for `caller` against `store` (`None`: this front has no store).
/// Blocking: call it off the async threads.
pub fn settings(store: Option<&Store>, caller: &Caller, args: &SettingsArgs, lang: Lang) -> Answer {
    let query = args.command();
    let answer = |message: String, view: SettingsView| {
        let mut a = Answer::new(&query, message, Body::Settings(view));
        a.lang = lang;
        a
    };
    let refused = |key: &str| {
        answer(
            t!(lang, key),
            SettingsView {
                yours: None,
                server_region: None,
                done: Done::Refused,
            },
        )
    };
    let touches_server = args.server_region.is_some() || args.forget == Some(Forget::Server);
    if touches_server && caller.guild.is_none() {
        return refused("settings-server-outside");
    }
    if touches_server && !caller.manages_guild {
        return refused("settings-server-refused");
    }
    let Some(store) = store else {
        return unavailable(&query, lang);
    };
    match run(store, caller, args) {
        Ok((done, yours, server)) => {
            let message = describe(done, &yours, server.as_deref(), args, lang);
            answer(
                message,
                SettingsView {
                    yours: Some(yours),
                    server_region: server,
                    done,
                },
            )
        }
        Err(e) => {
            tracing::warn!(error = %e, backend = store.backend(), "settings unavailable");
            unavailable(&query, lang)
        }
    }
}

fn unavailable(query: &str, lang: Lang) -> Answer {
    let mut a = Answer::new(
        query,
        t!(lang, "settings-unavailable"),
        Body::Settings(SettingsView {
            yours: None,
            server_region: None,
            done: Done::Unavailable,
        }),
    );
    a.lang = lang;
    a
}

/// The store's part: changes, then the settings as now stored.
fn run(
    store: &Store,
    caller: &Caller,
    args: &SettingsArgs,
) -> Result<(Done, Settings, Option<String>), StoreError> {
    let guild = caller.guild.map(Owner::Guild);
    let mut done = Done::Shown;
    match args.forget {
        Some(Forget::Me) => {
            done = if store.forget(caller.owner)? {
                Done::Forgot
            } else {
                Done::NothingToForget
            };
        }
        Some(Forget::Server) => {
            let g = guild.expect("checked by the caller");
            let cleared = Change {
                region: Some(None),
                ..Change::default()
            };
            let had = store.get(g)?.region.is_some();
            store.change(g, &cleared)?;
            done = if had {
                Done::Forgot
            } else {
                Done::NothingToForget
            };
        }
        None => {}
    }
    if !args.change.is_empty() {
        store.change(caller.owner, &args.change)?;
        done = Done::Saved;
    }
    if let (Some(region), Some(g)) = (&args.server_region, guild) {
        let change = Change {
            region: Some(region.clone()),
            ..Change::default()
        };
        store.change(g, &change)?;
        done = Done::Saved;
    }
    let (yours, server) = store.get_with(caller.owner, caller.guild)?;
    Ok((done, yours, server.region))
}

/// The answer's text: what was done, then the settings, then how to change them.
fn describe(
    done: Done,
    yours: &Settings,
    server: Option<&str>,
    args: &SettingsArgs,
    lang: Lang,
) -> String {
    let mut lines = Vec::new();
    match (done, args.forget) {
        (Done::Forgot, Some(Forget::Server)) => lines.push(t!(lang, "settings-server-forgot")),
        (Done::Forgot, _) => lines.push(t!(lang, "settings-forgot")),
        (Done::NothingToForget, Some(Forget::Server)) => {
            lines.push(t!(lang, "settings-server-nothing"))
        }
        (Done::NothingToForget, _) => lines.push(t!(lang, "settings-nothing-to-forget")),
        (Done::Saved, _) => lines.push(t!(lang, "settings-saved")),
        _ => {}
    }
    if yours.is_empty() && server.is_none() {
        if done != Done::Forgot && done != Done::NothingToForget {
            lines.push(t!(lang, "settings-none"));
        }
        return lines.join("\n");
    }
    let auto = t!(lang, "settings-not-set");
    let region = yours
        .region
        .as_deref()
        .map_or_else(|| auto.clone(), |c| region_name(c, lang));
    let services = if yours.services.is_empty() {
        auto.clone()
    } else {
        let names: Vec<String> = yours
            .services
            .iter()
            .map(|s| s.name().to_string())
            .collect();
        words::and_list(lang, &names)
    };
    let language = match yours.language {
        None => t!(lang, "settings-language-auto"),
        Some(l) => t!(
            lang,
            &format!("settings-language-{}", l.code().to_lowercase())
        ),
    };
    lines.push(t!(
        lang,
        "settings-yours",
        region = region,
        services = services,
        language = language
    ));
    if let Some(code) = server {
        lines.push(t!(
            lang,
            "settings-server-region",
            place = region_name(code, lang)
        ));
    }
    lines.push(t!(lang, "settings-how"));
    join(lang, &[lines.join("\n")])
}

impl SettingsView {
    /// The region as a place reference, for JSON.
    pub fn region(&self) -> Option<PlaceRef> {
        let code = self.yours.as_ref()?.region.as_deref()?;
        Some(place_ref(code))
    }
}

/// A stored code as `{code, name}`.
pub(crate) fn place_ref(code: &str) -> PlaceRef {
    match Places::global().resolve(code) {
        Ok(p) => PlaceRef::from(p),
        Err(_) => PlaceRef {
            code: code.to_string(),
            name: code.to_string(),
        },
    }
}

#[cfg(test)]
mod tests;
