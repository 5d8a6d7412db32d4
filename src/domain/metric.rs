//! What a ranking ranks by: the figures the bot holds, each with its unit and where it comes
//! from. One table, read by the index (which stores each figure scaled to an integer), the
//! answers (which say the unit and the source) and the question reader.

use serde::{Deserialize, Serialize};

/// A figure rows are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Netflix's engagement report: views (hours viewed over runtime).
    Views,
    /// Netflix's engagement report: hours viewed.
    Hours,
    /// Titles in a country's Netflix library.
    Library,
    /// Monthly price of a plan in a country, in US dollars.
    PriceBasic,
    PriceStandard,
    PricePremium,
}

/// One metric's facts.
#[derive(Debug, Clone, Copy)]
pub struct MetricRow {
    pub metric: Metric,
    /// As commands and JSON write it.
    pub id: &'static str,
    /// The unit said with every value (`views`, `hours`, `titles`, `USD a month`).
    pub unit: &'static str,
    /// Stored as `round(value × scale)`: prices keep four decimals.
    pub scale: f64,
    /// Whether the rows are places (else titles).
    pub per_place: bool,
}

/// Every metric, in the order `/top by:` lists them.
pub const METRICS: &[MetricRow] = &[
    MetricRow {
        metric: Metric::Views,
        id: "views",
        unit: "views",
        scale: 1.0,
        per_place: false,
    },
    MetricRow {
        metric: Metric::Hours,
        id: "hours",
        unit: "hours",
        scale: 1.0,
        per_place: false,
    },
    MetricRow {
        metric: Metric::Library,
        id: "library",
        unit: "titles",
        scale: 1.0,
        per_place: true,
    },
    MetricRow {
        metric: Metric::PriceBasic,
        id: "price_basic",
        unit: "USD a month",
        scale: 10_000.0,
        per_place: true,
    },
    MetricRow {
        metric: Metric::PriceStandard,
        id: "price_standard",
        unit: "USD a month",
        scale: 10_000.0,
        per_place: true,
    },
    MetricRow {
        metric: Metric::PricePremium,
        id: "price_premium",
        unit: "USD a month",
        scale: 10_000.0,
        per_place: true,
    },
];

impl Metric {
    pub fn row(self) -> &'static MetricRow {
        METRICS
            .iter()
            .find(|r| r.metric == self)
            .expect("every metric has a row")
    }

    pub fn id(self) -> &'static str {
        self.row().id
    }

    pub fn from_id(id: &str) -> Option<Metric> {
        let id = id.trim().to_ascii_lowercase();
        METRICS.iter().find(|r| r.id == id).map(|r| r.metric)
    }

    /// Whether this is a plan's price.
    pub fn is_price(self) -> bool {
        matches!(
            self,
            Metric::PriceBasic | Metric::PriceStandard | Metric::PricePremium
        )
    }

    /// A value as the index stores it.
    pub fn scaled(self, value: f64) -> u64 {
        (value * self.row().scale).round().max(0.0) as u64
    }

    /// A stored value back in the metric's unit.
    pub fn unscaled(self, stored: u64) -> f64 {
        stored as f64 / self.row().scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_has_one_row_and_round_trips() {
        for r in METRICS {
            assert_eq!(Metric::from_id(r.id), Some(r.metric));
            assert_eq!(r.metric.row().id, r.id);
        }
        assert_eq!(Metric::PriceStandard.scaled(12.12), 121_200);
        assert_eq!(Metric::PriceStandard.unscaled(121_200), 12.12);
        assert_eq!(Metric::Views.scaled(164_700_000.0), 164_700_000);
        assert_eq!(Metric::from_id("popularity"), None);
    }
}
