//! The plain words of the domain that every layer may use and that use nothing of the crate:
//! a title's kind, a service's status in a place and the kind of reason a fact gives, and the
//! table of known services. The corpus reads them from the data, answers carry them, renderers
//! and fronts show them.

mod metric;
mod months;
mod service;

use serde::{Deserialize, Serialize};

pub use metric::{METRICS, Metric, MetricRow};
pub use months::{Month, Months, YEARS};
pub use service::{SERVICES, Service, ServiceRow, service_name, service_rank, service_word};

/// Movie or TV show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Movie,
    Tv,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "movie" | "movies" | "film" | "films" => Some(Kind::Movie),
            "tv show" | "tv" | "show" | "shows" | "series" | "tv shows" => Some(Kind::Tv),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Movie => "movie",
            Kind::Tv => "tv",
        }
    }
}

/// Whether a service can be used in a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Available,
    Unavailable,
    Suspended,
    /// No source says either way: never turned into a guess.
    Unknown,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s.trim().to_ascii_lowercase().as_str() {
            "available" => Some(Status::Available),
            "unavailable" => Some(Status::Unavailable),
            "suspended" => Some(Status::Suspended),
            "unknown" => Some(Status::Unknown),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Available => "available",
            Status::Unavailable => "unavailable",
            Status::Suspended => "suspended",
            Status::Unknown => "unknown",
        }
    }
}

/// What kind of reason a fact gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A plain statement of status, such as a launch, with no reason given.
    Status,
    Regulation,
    Sanctions,
    War,
    Business,
    /// Where sources disagree or a source is imprecise.
    Note,
    /// Figures such as library size and prices.
    Figures,
}

impl Category {
    pub fn parse(s: &str) -> Option<Category> {
        match s.trim().to_ascii_lowercase().as_str() {
            "status" | "launch" | "-" | "—" => Some(Category::Status),
            "regulation" | "regulatory" => Some(Category::Regulation),
            "sanctions" => Some(Category::Sanctions),
            "war" => Some(Category::War),
            "business" => Some(Category::Business),
            "note" => Some(Category::Note),
            "figures" => Some(Category::Figures),
            _ => None,
        }
    }

    /// The label a fact of this category gets in answers.
    pub fn label(self) -> &'static str {
        match self {
            Category::Status => "Status",
            Category::Regulation => "Regulation",
            Category::Sanctions => "Sanctions",
            Category::War => "War",
            Category::Business => "Business",
            Category::Note => "Sources differ",
            Category::Figures => "Figures",
        }
    }
}
