//! Configuration: one typed struct read once from the environment and `.env`. The Discord token
//! is a [`Secret`] that never shows in logs, errors or `Debug` output.

use std::path::PathBuf;

use crate::limit::Limits;

/// A value that must not be printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that needs it (logging in to Discord).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Settings, from the environment (after loading `.env`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub discord_token: Option<Secret>,
    pub guild_id: Option<u64>,
    pub moderator_role_ids: Vec<u64>,
    pub owner_ids: Vec<u64>,
    /// `HOME_GUILD_IDS`: the operator's own servers, the only ones where `/reindex` is
    /// registered and accepted (`DISCORD_GUILD_ID` counts as one when set).
    pub home_guild_ids: Vec<u64>,
    /// `UPLOAD_BUDGET_MB` (default 50): the most `<first data dir>/uploads/` may hold.
    pub upload_budget: u64,
    pub data_dirs: Vec<PathBuf>,
    pub index_dir: PathBuf,
    pub api_base: Option<String>,
    /// Per-user limit on questions (moderators' /reindex and owners are exempt).
    pub cooldown: Limits,
    /// `STREAMBOT_LANG`: answer in this language whatever the question's or the user's.
    pub lang: Option<crate::i18n::Lang>,
    /// `STREAMBOT_EXE`: the binary `/reindex` runs as `streambot index` in a child process
    /// (default: the running binary itself).
    pub reindex_exe: Option<PathBuf>,
    /// `SHARDS`: which gateway shards this process runs; `None` lets Discord say how many.
    pub shards: Option<Shards>,
    /// `METRICS_ADDR`: serve `/metrics`, `/healthz` and `/readyz` here (off when unset).
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// `DISCORD_APPLICATION_ID`: the app, for the HTTP endpoint's follow-ups and `register`.
    pub application_id: Option<u64>,
    /// `DISCORD_PUBLIC_KEY` (64 hex digits): the app's Ed25519 key that signs the requests the
    /// HTTP interactions endpoint receives. Public, so it may show in `Debug`.
    pub public_key: Option<[u8; 32]>,
    /// `DATABASE_URL`: where settings live (`postgres://…` to share them between processes);
    /// by default `streambot.sqlite3` beside the index directory. Its `Debug` hides the URL.
    pub database: crate::store::Location,
    /// `STREAMBOT_REGION`: the console's and `ask`'s region (a place code), over the saved one.
    pub region: Option<String>,
    /// `STREAMBOT_SERVICES`: the console's and `ask`'s services, over the saved ones.
    pub services: Option<Vec<crate::domain::Service>>,
}

/// A place name or code as its code (`hong kong` → `HK`), for `STREAMBOT_REGION` and `--region`.
pub fn region(value: &str) -> Result<String, ConfigError> {
    crate::places::Places::global()
        .resolve(value)
        .map(|p| p.code.clone())
        .map_err(|_| ConfigError {
            name: "STREAMBOT_REGION",
            why: format!("{value:?} is not a country or region the bot knows (try a code: HK)"),
        })
}

/// `netflix,disney` as services, for `STREAMBOT_SERVICES` and `--services`.
pub fn services(value: &str) -> Result<Vec<crate::domain::Service>, ConfigError> {
    crate::answer::settings::services_list(value).ok_or_else(|| ConfigError {
        name: "STREAMBOT_SERVICES",
        why: format!("{value:?} is not a list of netflix, prime, disney, hulu"),
    })
}

/// A range of gateway shards, `first..=last` of `total` (`SHARDS=0-3/16`, or `2/16` for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl Shards {
    pub fn parse(value: &str) -> Result<Shards, ConfigError> {
        let bad = |why: String| ConfigError {
            name: "SHARDS",
            why: format!("{value:?} {why}; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"),
        };
        let (range, total) = value
            .split_once('/')
            .ok_or_else(|| bad("has no /TOTAL".into()))?;
        let num = |s: &str| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| bad(format!("has {:?}, not a shard number", s.trim())))
        };
        let total = num(total)?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (num(a)?, num(b)?),
            None => (num(range)?, num(range)?),
        };
        if total == 0 {
            return Err(bad("asks for 0 shards in all".into()));
        }
        if first > last {
            return Err(bad(format!("starts at {first}, after its end {last}")));
        }
        if last >= total {
            return Err(bad(format!(
                "runs shard {last}, but shards are numbered 0 to {} of {total}",
                total - 1
            )));
        }
        Ok(Shards { first, last, total })
    }
}

/// 64 hex digits as 32 bytes.
fn public_key(value: &str) -> Result<[u8; 32], ConfigError> {
    let bad = |why: &str| ConfigError {
        name: "DISCORD_PUBLIC_KEY",
        why: why.to_string(),
    };
    if value.len() != 64 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(
            "expected the 64 hex digits of the app's public key (Developer Portal → General Information)",
        ));
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte =
            u8::from_str_radix(&value[2 * i..2 * i + 2], 16).map_err(|_| bad("not hexadecimal"))?;
    }
    Ok(key)
}

/// A setting that is present but malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name} is not valid: {why}")]
pub struct ConfigError {
    pub name: &'static str,
    pub why: String,
}

fn number(name: &'static str, value: Option<String>, default: u32) -> Result<u32, ConfigError> {
    match value {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| ConfigError {
            name,
            why: format!("{v:?} is not a whole number"),
        }),
    }
}

fn ids(name: &'static str, value: Option<String>) -> Result<Vec<u64>, ConfigError> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<u64>().map_err(|_| ConfigError {
                name,
                why: format!("{s:?} is not a numeric Discord id"),
            })
        })
        .collect()
}

/// The default of `UPLOAD_BUDGET_MB`.
pub const DEFAULT_UPLOAD_BUDGET_MB: u32 = 50;

impl Config {
    /// Whether `guild` is one of the operator's own servers (`HOME_GUILD_IDS`, or
    /// `DISCORD_GUILD_ID`).
    pub fn is_home(&self, guild: u64) -> bool {
        self.guild_id == Some(guild) || self.home_guild_ids.contains(&guild)
    }

    /// Every home server, `DISCORD_GUILD_ID` first, without repeats.
    pub fn home_guilds(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self.guild_id.into_iter().collect();
        for g in &self.home_guild_ids {
            if !all.contains(g) {
                all.push(*g);
            }
        }
        all
    }

    /// Reads `.env` (if any) and then the environment.
    pub fn load() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        Config::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads settings through `get` (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let non_empty = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let data_dirs = non_empty("STREAMBOT_DATA")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_else(|| vec![PathBuf::from("data")]);
        let guild_id = match non_empty("DISCORD_GUILD_ID") {
            Some(v) => Some(v.parse().map_err(|_| ConfigError {
                name: "DISCORD_GUILD_ID",
                why: "not a numeric Discord id".into(),
            })?),
            None => None,
        };
        let lang = match non_empty("STREAMBOT_LANG") {
            Some(v) => Some(crate::i18n::Lang::parse(&v).ok_or_else(|| ConfigError {
                name: "STREAMBOT_LANG",
                why: format!("{v:?} is not en, zh or zh-TW"),
            })?),
            None => None,
        };
        let metrics_addr = match non_empty("METRICS_ADDR") {
            Some(v) => Some(v.parse().map_err(|_| ConfigError {
                name: "METRICS_ADDR",
                why: format!(
                    "{v:?} is not an IP address and port such as 127.0.0.1:9184 or [::1]:9184"
                ),
            })?),
            None => None,
        };
        let shards = non_empty("SHARDS").map(|v| Shards::parse(&v)).transpose()?;
        let application_id = match non_empty("DISCORD_APPLICATION_ID") {
            Some(v) => Some(v.parse().map_err(|_| ConfigError {
                name: "DISCORD_APPLICATION_ID",
                why: "not a numeric Discord id".into(),
            })?),
            None => None,
        };
        let public_key = non_empty("DISCORD_PUBLIC_KEY")
            .map(|v| public_key(&v))
            .transpose()?;
        let index_dir = non_empty("STREAMBOT_INDEX")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("index"));
        let database = match non_empty("DATABASE_URL") {
            Some(url) => crate::store::Location::parse(&url).map_err(|why| ConfigError {
                name: "DATABASE_URL",
                why,
            })?,
            None => crate::store::Location::beside(&index_dir),
        };
        Ok(Config {
            database,
            region: non_empty("STREAMBOT_REGION")
                .map(|v| region(&v))
                .transpose()?,
            services: non_empty("STREAMBOT_SERVICES")
                .map(|v| services(&v))
                .transpose()?,
            lang,
            metrics_addr,
            shards,
            reindex_exe: non_empty("STREAMBOT_EXE").map(PathBuf::from),
            application_id,
            public_key,
            discord_token: non_empty("DISCORD_TOKEN").map(Secret::new),
            guild_id,
            moderator_role_ids: ids("MODERATOR_ROLE_IDS", non_empty("MODERATOR_ROLE_IDS"))?,
            owner_ids: ids("OWNER_IDS", non_empty("OWNER_IDS"))?,
            home_guild_ids: ids("HOME_GUILD_IDS", non_empty("HOME_GUILD_IDS"))?,
            upload_budget: u64::from(number(
                "UPLOAD_BUDGET_MB",
                non_empty("UPLOAD_BUDGET_MB"),
                DEFAULT_UPLOAD_BUDGET_MB,
            )?) * 1024
                * 1024,
            data_dirs,
            index_dir,
            api_base: non_empty("DISCORD_API_BASE"),
            cooldown: Limits {
                burst: number(
                    "COOLDOWN_BURST",
                    non_empty("COOLDOWN_BURST"),
                    Limits::default().burst,
                )?,
                per_minute: number(
                    "COOLDOWN_PER_MINUTE",
                    non_empty("COOLDOWN_PER_MINUTE"),
                    Limits::default().per_minute,
                )?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_never_shows_in_debug() {
        let cfg =
            Config::from_lookup(|k| (k == "DISCORD_TOKEN").then(|| "abc.def.ghi".to_string()))
                .unwrap();
        let shown = format!("{cfg:?}");
        assert!(!shown.contains("abc.def.ghi"), "{shown}");
        assert!(shown.contains("Secret(***)"));
    }

    #[test]
    fn lists_and_defaults() {
        let cfg = Config::from_lookup(|k| match k {
            "STREAMBOT_DATA" => Some("data, ../shared/data".into()),
            "OWNER_IDS" => Some("1,2".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            cfg.data_dirs,
            vec![PathBuf::from("data"), PathBuf::from("../shared/data")]
        );
        assert_eq!(cfg.owner_ids, vec![1, 2]);
        assert_eq!(cfg.index_dir, PathBuf::from("index"));
        assert_eq!(cfg.discord_token, None);
        assert!(Config::from_lookup(|k| (k == "OWNER_IDS").then(|| "me".into())).is_err());
        assert_eq!(cfg.cooldown, Limits::default());
        assert_eq!(cfg.lang, None);
        let zh = Config::from_lookup(|k| (k == "STREAMBOT_LANG").then(|| "zh".into())).unwrap();
        assert_eq!(zh.lang, Some(crate::i18n::Lang::Zh));
        assert!(Config::from_lookup(|k| (k == "STREAMBOT_LANG").then(|| "fr".into())).is_err());
        assert_eq!(cfg.shards, None);
        assert_eq!(cfg.reindex_exe, None);
        assert_eq!((cfg.application_id, cfg.public_key), (None, None));
        let key = "00ff".repeat(16);
        let http = Config::from_lookup(|k| match k {
            "DISCORD_PUBLIC_KEY" => Some(key.clone()),
            "DISCORD_APPLICATION_ID" => Some("42".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(http.application_id, Some(42));
        assert_eq!(http.public_key.unwrap()[..2], [0x00, 0xff]);
        let short = Config::from_lookup(|k| (k == "DISCORD_PUBLIC_KEY").then(|| "abc".into()));
        assert_eq!(
            short.unwrap_err().to_string(),
            "DISCORD_PUBLIC_KEY is not valid: expected the 64 hex digits of the app's public key (Developer Portal → General Information)"
        );
        let err = Config::from_lookup(|k| (k == "COOLDOWN_BURST").then(|| "-1".into()));
        assert_eq!(
            err.unwrap_err().to_string(),
            "COOLDOWN_BURST is not valid: \"-1\" is not a whole number"
        );
    }

    #[test]
    fn shard_ranges() {
        let shards = |v: &str| Config::from_lookup(|k| (k == "SHARDS").then(|| v.to_string()));
        let s = |first, last, total| Some(Shards { first, last, total });
        assert_eq!(shards("0-3/16").unwrap().shards, s(0, 3, 16));
        assert_eq!(shards(" 2/16 ").unwrap().shards, s(2, 2, 16));
        assert_eq!(shards("1-1/2").unwrap().shards, s(1, 1, 2));
        let why = |v: &str| shards(v).unwrap_err().to_string();
        assert_eq!(
            why("0-3"),
            "SHARDS is not valid: \"0-3\" has no /TOTAL; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"
        );
        assert_eq!(
            why("3-16/16"),
            "SHARDS is not valid: \"3-16/16\" runs shard 16, but shards are numbered 0 to 15 of 16; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"
        );
        assert_eq!(
            why("3-1/16"),
            "SHARDS is not valid: \"3-1/16\" starts at 3, after its end 1; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"
        );
        assert_eq!(
            why("0/0"),
            "SHARDS is not valid: \"0/0\" asks for 0 shards in all; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"
        );
        assert_eq!(
            why("a-2/4"),
            "SHARDS is not valid: \"a-2/4\" has \"a\", not a shard number; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)"
        );
    }

    #[test]
    fn metrics_addr_is_off_by_default_and_checked() {
        let metrics = |v: &str| {
            let v = v.to_string();
            Config::from_lookup(move |k| (k == "METRICS_ADDR").then(|| v.clone()))
        };
        assert_eq!(metrics("").unwrap().metrics_addr, None);
        assert_eq!(
            metrics("127.0.0.1:9184").unwrap().metrics_addr,
            Some(std::net::SocketAddr::from(([127, 0, 0, 1], 9184)))
        );
        assert_eq!(
            metrics(" 0.0.0.0:9184 ").unwrap().metrics_addr,
            Some(std::net::SocketAddr::from(([0, 0, 0, 0], 9184)))
        );
        assert_eq!(
            metrics("localhost").unwrap_err().to_string(),
            "METRICS_ADDR is not valid: \"localhost\" is not an IP address and port such as \
             127.0.0.1:9184 or [::1]:9184"
        );
        assert!(metrics("127.0.0.1").is_err());
        assert!(metrics("127.0.0.1:99999").is_err());
    }
}
