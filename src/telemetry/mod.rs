//! Metrics and health for operators: what the fronts (gateway bot, HTTP endpoint, reindexing)
//! report, as Prometheus metrics, and what `/healthz` and `/readyz` answer. Fronts call the
//! plain functions below; nothing here knows Discord's libraries. Every metric name, label and
//! label value is listed in this file ([`METRICS`], [`COMMANDS`], [`DISCORD_CALLS`], the enums),
//! so the vocabulary can be reviewed in one place. Without a recorder (no `METRICS_ADDR`) every
//! call is a cheap no-op.

mod server;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};

use crate::search::IndexInfo;

pub use server::{ServeError, serve};

/// What kind of Prometheus metric a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Counter,
    Gauge,
    Histogram,
}

/// One metric: its name, kind, labels and meaning (also the `# HELP` text).
#[derive(Debug, Clone, Copy)]
pub struct Metric {
    pub name: &'static str,
    pub kind: Kind,
    pub labels: &'static [&'static str],
    pub help: &'static str,
}

pub const INTERACTIONS: &str = "streambot_interactions_total";
pub const FIRST_RESPONSE: &str = "streambot_first_response_seconds";
pub const DISCORD_RETRIES: &str = "streambot_discord_retries_total";
pub const DISCORD_GIVE_UPS: &str = "streambot_discord_give_ups_total";
pub const COOLDOWN_REFUSALS: &str = "streambot_cooldown_refusals_total";
pub const REINDEX_RUNS: &str = "streambot_reindex_runs_total";
pub const REINDEX_DURATION: &str = "streambot_reindex_duration_seconds";
pub const INDEX_DOCUMENTS: &str = "streambot_index_documents";
pub const INDEX_BUILT_AT: &str = "streambot_index_built_at_seconds";
pub const INDEX_AGE: &str = "streambot_index_age_seconds";
pub const GATEWAY_SHARDS: &str = "streambot_gateway_shards";

/// Every metric this process exports (the README's table says the same).
pub const METRICS: &[Metric] = &[
    Metric {
        name: INTERACTIONS,
        kind: Kind::Counter,
        labels: &["command", "outcome"],
        help: "Interactions handled, by command and outcome.",
    },
    Metric {
        name: FIRST_RESPONSE,
        kind: Kind::Histogram,
        labels: &[],
        help: "Seconds from receiving an interaction to its first response (Discord allows 3).",
    },
    Metric {
        name: DISCORD_RETRIES,
        kind: Kind::Counter,
        labels: &["call"],
        help: "Discord REST calls retried after a rate limit or server error.",
    },
    Metric {
        name: DISCORD_GIVE_UPS,
        kind: Kind::Counter,
        labels: &["call"],
        help: "Discord REST calls that failed for good (refused, out of retries or of time).",
    },
    Metric {
        name: COOLDOWN_REFUSALS,
        kind: Kind::Counter,
        labels: &[],
        help: "Questions refused by the per-user cooldown.",
    },
    Metric {
        name: REINDEX_RUNS,
        kind: Kind::Counter,
        labels: &["outcome"],
        help: "Reindex runs, by outcome.",
    },
    Metric {
        name: REINDEX_DURATION,
        kind: Kind::Histogram,
        labels: &["outcome"],
        help: "Seconds a reindex run took, by outcome.",
    },
    Metric {
        name: INDEX_DOCUMENTS,
        kind: Kind::Gauge,
        labels: &["kind"],
        help: "Documents in the open index: titles, passages and facts.",
    },
    Metric {
        name: INDEX_BUILT_AT,
        kind: Kind::Gauge,
        labels: &[],
        help: "When the open index was built, in seconds since the Unix epoch.",
    },
    Metric {
        name: INDEX_AGE,
        kind: Kind::Gauge,
        labels: &[],
        help: "Seconds since the open index was built, computed at scrape time.",
    },
    Metric {
        name: GATEWAY_SHARDS,
        kind: Kind::Gauge,
        labels: &["state"],
        help: "This process's gateway shards in each state.",
    },
];

/// Buckets of [`FIRST_RESPONSE`]: fine below Discord's 3 s deadline, coarse past it.
pub const FIRST_RESPONSE_BUCKETS: &[f64] = &[
    0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 10.0,
];
/// Buckets of [`REINDEX_DURATION`]: a second for the sample data to half an hour.
pub const REINDEX_BUCKETS: &[f64] = &[1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0];

/// Values of the `command` label: slash commands, direct messages, suggestion buttons. Any
/// other name is counted as `other`, so a bad payload cannot create new series.
pub const COMMANDS: &[&str] = &[
    "why-not", "titles", "new", "title", "map", "ask", "sources", "help", "reindex", "dm", "button",
];
/// Values of the `call` label: the names the Discord front gives its retried REST calls.
pub const DISCORD_CALLS: &[&str] = &[
    "reply",
    "defer",
    "direct message reply",
    "suggestion",
    "button refusal",
    "page turn",
    "button",
    "edit",
    "follow-up",
];
/// The label value for a name outside its vocabulary.
pub const OTHER: &str = "other";

/// How an interaction ended, from the user's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Outcome {
    /// Answered (including "nothing found" answers).
    #[default]
    Answered,
    /// The input could not be understood; the user was told how to ask.
    UsageError,
    /// Refused by the per-user cooldown.
    Cooldown,
    /// Not allowed (permissions, moderators only).
    Refused,
    /// Something failed; the user got an apology.
    Error,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Answered,
        Outcome::UsageError,
        Outcome::Cooldown,
        Outcome::Refused,
        Outcome::Error,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::UsageError => "usage_error",
            Outcome::Cooldown => "cooldown",
            Outcome::Refused => "refused",
            Outcome::Error => "error",
        }
    }
}

/// How a reindex run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReindexOutcome {
    /// The new index is serving.
    Done,
    /// Another reindex was running; nothing was done.
    Busy,
    /// It failed; the previous index is still serving.
    Failed,
}

impl ReindexOutcome {
    pub fn label(self) -> &'static str {
        match self {
            ReindexOutcome::Done => "done",
            ReindexOutcome::Busy => "busy",
            ReindexOutcome::Failed => "failed",
        }
    }
}

/// A gateway shard's connection, as operators care about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GatewayState {
    Connecting,
    Connected,
    Resuming,
    Disconnected,
}

impl GatewayState {
    pub const ALL: [GatewayState; 4] = [
        GatewayState::Connecting,
        GatewayState::Connected,
        GatewayState::Resuming,
        GatewayState::Disconnected,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GatewayState::Connecting => "connecting",
            GatewayState::Connected => "connected",
            GatewayState::Resuming => "resuming",
            GatewayState::Disconnected => "disconnected",
        }
    }
}

/// `name` if it is in `vocabulary`, else [`OTHER`].
fn known(name: &str, vocabulary: &[&'static str]) -> &'static str {
    vocabulary
        .iter()
        .find(|v| **v == name)
        .copied()
        .unwrap_or(OTHER)
}

/// The exporter with this module's buckets; [`serve`] installs it, tests build local ones.
pub fn builder() -> PrometheusBuilder {
    PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full(FIRST_RESPONSE.to_string()),
            FIRST_RESPONSE_BUCKETS,
        )
        .and_then(|b| {
            b.set_buckets_for_metric(Matcher::Full(REINDEX_DURATION.to_string()), REINDEX_BUCKETS)
        })
        .expect("bucket lists are not empty")
}

/// Registers the `# HELP` text of every metric with the current recorder.
pub fn describe() {
    for m in METRICS {
        match m.kind {
            Kind::Counter => metrics::describe_counter!(m.name, m.help),
            Kind::Gauge => metrics::describe_gauge!(m.name, m.help),
            Kind::Histogram => metrics::describe_histogram!(m.name, m.help),
        }
    }
}

/// An interaction ended: counter [`INTERACTIONS`]`{command, outcome}`.
pub fn interaction(command: &str, outcome: Outcome) {
    counter!(INTERACTIONS, "command" => known(command, COMMANDS), "outcome" => outcome.label())
        .increment(1);
}

/// The first response to an interaction was sent `elapsed` after it arrived: histogram
/// [`FIRST_RESPONSE`].
pub fn first_response(elapsed: Duration) {
    histogram!(FIRST_RESPONSE).record(elapsed.as_secs_f64());
}

/// A Discord REST call is being retried: counter [`DISCORD_RETRIES`]`{call}`.
pub fn discord_retry(what: &str) {
    counter!(DISCORD_RETRIES, "call" => known(what, DISCORD_CALLS)).increment(1);
}

/// A Discord REST call failed for good: counter [`DISCORD_GIVE_UPS`]`{call}`.
pub fn discord_give_up(what: &str) {
    counter!(DISCORD_GIVE_UPS, "call" => known(what, DISCORD_CALLS)).increment(1);
}

/// The cooldown refused a question: counter [`COOLDOWN_REFUSALS`].
pub fn cooldown_refused() {
    counter!(COOLDOWN_REFUSALS).increment(1);
}

/// A reindex run ended after `took`: counter [`REINDEX_RUNS`]`{outcome}` and histogram
/// [`REINDEX_DURATION`]`{outcome}`.
pub fn reindex(outcome: ReindexOutcome, took: Duration) {
    counter!(REINDEX_RUNS, "outcome" => outcome.label()).increment(1);
    histogram!(REINDEX_DURATION, "outcome" => outcome.label()).record(took.as_secs_f64());
}

/// An index is open and serving (at start-up and after each reindex): gauges
/// [`INDEX_DOCUMENTS`]`{kind}` and [`INDEX_BUILT_AT`]; [`INDEX_AGE`] follows at each scrape.
/// Also makes `/readyz` consider the index open.
pub fn index_loaded(info: &IndexInfo) {
    HEALTH.index_loaded(info.built_at);
    for (kind, n) in [
        ("titles", info.titles),
        ("passages", info.passages),
        ("facts", info.facts),
    ] {
        gauge!(INDEX_DOCUMENTS, "kind" => kind).set(n as f64);
    }
    gauge!(INDEX_BUILT_AT).set(info.built_at as f64);
}

/// The gateway is about to connect: its shards are not known yet, and `/readyz` waits for them.
pub fn gateway_starting() {
    HEALTH.gateway_starting();
}

/// Gateway shard `shard` is now in `state`; gauge [`GATEWAY_SHARDS`]`{state}` follows at each
/// scrape, and `/readyz` wants every known shard connected.
pub fn gateway(shard: u32, state: GatewayState) {
    HEALTH.gateway(shard, state);
}

/// What `/readyz` requires of this process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// A gateway connection (the gateway bot); an HTTP-endpoint replica needs only the index.
    pub needs_gateway: bool,
}

impl Readiness {
    /// The gateway bot: index open and every shard connected.
    pub const GATEWAY: Readiness = Readiness {
        needs_gateway: true,
    };
    /// A process without a gateway (an HTTP interactions replica): index open.
    pub const INDEX_ONLY: Readiness = Readiness {
        needs_gateway: false,
    };
}

/// What the process knows about its own state; one per process ([`HEALTH`]), others in tests.
#[derive(Debug, Default)]
pub struct Health {
    index_open: AtomicBool,
    /// Seconds since the epoch; 0 until an index is loaded.
    built_at: AtomicU64,
    gateway_started: AtomicBool,
    shards: Mutex<BTreeMap<u32, GatewayState>>,
}

static HEALTH: Health = Health::new();

impl Health {
    pub const fn new() -> Health {
        Health {
            index_open: AtomicBool::new(false),
            built_at: AtomicU64::new(0),
            gateway_started: AtomicBool::new(false),
            shards: Mutex::new(BTreeMap::new()),
        }
    }

    fn index_loaded(&self, built_at: u64) {
        self.built_at.store(built_at, Ordering::Relaxed);
        self.index_open.store(true, Ordering::Relaxed);
    }

    fn gateway_starting(&self) {
        self.gateway_started.store(true, Ordering::Relaxed);
        self.shards
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn gateway(&self, shard: u32, state: GatewayState) {
        self.gateway_started.store(true, Ordering::Relaxed);
        self.shards
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(shard, state);
    }

    /// Shards in each state; before any shard reports, a started gateway counts one connecting.
    fn shard_counts(&self) -> BTreeMap<GatewayState, u32> {
        let shards = self.shards.lock().unwrap_or_else(|e| e.into_inner());
        let mut counts: BTreeMap<GatewayState, u32> =
            GatewayState::ALL.iter().map(|s| (*s, 0)).collect();
        for state in shards.values() {
            *counts.entry(*state).or_default() += 1;
        }
        if shards.is_empty() && self.gateway_started.load(Ordering::Relaxed) {
            counts.insert(GatewayState::Connecting, 1);
        }
        counts
    }

    /// `Ok` when ready to serve; otherwise a short reason for `/readyz`.
    pub fn ready(&self, readiness: Readiness) -> Result<(), &'static str> {
        if !self.index_open.load(Ordering::Relaxed) {
            return Err("the index is not open yet");
        }
        if !readiness.needs_gateway {
            return Ok(());
        }
        let counts = self.shard_counts();
        let total: u32 = counts.values().sum();
        match counts.get(&GatewayState::Connected).copied().unwrap_or(0) {
            0 if total == 0 => Err("the gateway has not started"),
            n if n == total => Ok(()),
            _ if counts[&GatewayState::Resuming] > 0 => Err("the gateway is resuming"),
            _ if counts[&GatewayState::Disconnected] > 0 => Err("the gateway is disconnected"),
            _ => Err("the gateway is connecting"),
        }
    }

    /// Sets the gauges computed at scrape time: index age and shards per state.
    pub fn publish(&self, now: SystemTime) {
        let built_at = self.built_at.load(Ordering::Relaxed);
        if built_at > 0 {
            let now = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
            gauge!(INDEX_AGE).set(now.saturating_sub(built_at) as f64);
        }
        if self.gateway_started.load(Ordering::Relaxed) {
            for (state, n) in self.shard_counts() {
                gauge!(GATEWAY_SHARDS, "state" => state.label()).set(f64::from(n));
            }
        }
    }
}

#[cfg(test)]
mod tests;
