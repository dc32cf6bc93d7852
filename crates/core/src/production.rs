//! Production over time: the series behind the facility charts, and the expansion of the
//! sample's production plans into monthly records.

use crate::filter::Filter;
use crate::model::{ProductionRecord, Provenance, Unit};
use crate::month::Month;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    #[default]
    Month,
    Quarter,
    Year,
}

impl Granularity {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "month" => Some(Granularity::Month),
            "quarter" => Some(Granularity::Quarter),
            "year" => Some(Granularity::Year),
            _ => None,
        }
    }

    /// The label of the bucket a month falls in: `2025-08`, `2025-Q3` or `2025`.
    /// Labels of one granularity sort in time order as plain strings.
    pub fn bucket(self, m: Month) -> String {
        match self {
            Granularity::Month => m.to_string(),
            Granularity::Quarter => format!("{:04}-Q{}", m.year(), m.quarter()),
            Granularity::Year => format!("{:04}", m.year()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub period: String,
    pub quantity: f64,
}

/// One product's production over time, in its own unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionSeries {
    pub product_id: String,
    pub unit: Unit,
    pub total: f64,
    pub points: Vec<SeriesPoint>,
    pub illustrative: bool,
}

/// Sums matching records per product and period. Separate series per (product, unit): units
/// are never added together.
pub fn production_series(
    filter: &Filter,
    records: &[ProductionRecord],
    granularity: Granularity,
) -> Vec<ProductionSeries> {
    type Buckets = BTreeMap<String, f64>;
    let mut by_product: BTreeMap<(&str, Unit), (Buckets, bool)> = BTreeMap::new();
    for r in records.iter().filter(|r| filter.matches_production(r)) {
        let (buckets, illustrative) = by_product
            .entry((r.product_id.as_str(), r.unit))
            .or_default();
        *buckets.entry(granularity.bucket(r.month)).or_insert(0.0) += r.quantity;
        *illustrative |= r.provenance.is_illustrative();
    }
    by_product
        .into_iter()
        .map(
            |((product_id, unit), (buckets, illustrative))| ProductionSeries {
                product_id: product_id.to_string(),
                unit,
                total: buckets.values().sum(),
                points: buckets
                    .into_iter()
                    .map(|(period, quantity)| SeriesPoint { period, quantity })
                    .collect(),
                illustrative,
            },
        )
        .collect()
}

/// A compact description of illustrative monthly production, expanded by [`expand_plan`]:
/// a base level that grows by a yearly rate, with a fixed seasonal pattern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionPlan {
    pub facility_id: String,
    pub product_id: String,
    pub start: Month,
    pub end: Month,
    /// Quantity in the first month, before seasonality.
    pub base: f64,
    pub annual_growth_pct: f64,
}

/// Month-of-year multipliers (mean 1): a dip around year-end holidays and the fasting month,
/// a peak before the northern-hemisphere summer orders. Illustrative only.
const SEASON: [f64; 12] = [
    0.90, 0.95, 1.00, 0.95, 1.05, 1.10, 1.10, 1.05, 1.05, 1.00, 0.95, 0.90,
];

/// Deterministic: the same plan always gives the same records.
pub fn expand_plan(plan: &ProductionPlan, unit: Unit) -> Vec<ProductionRecord> {
    let mut records = Vec::new();
    let mut month = plan.start;
    while month <= plan.end {
        let years = plan.start.months_until(month) as f64 / 12.0;
        let trend = plan.base * (1.0 + plan.annual_growth_pct / 100.0).powf(years);
        let quantity = (trend * SEASON[month.month() as usize - 1])
            .round()
            .max(0.0);
        records.push(ProductionRecord {
            facility_id: plan.facility_id.clone(),
            product_id: plan.product_id.clone(),
            month,
            quantity,
            unit,
            provenance: Provenance::Illustrative,
        });
        month = month.next();
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    fn plan() -> ProductionPlan {
        ProductionPlan {
            facility_id: "lapas-a".into(),
            product_id: "coffee".into(),
            start: m("2023-01"),
            end: m("2025-12"),
            base: 100.0,
            annual_growth_pct: 10.0,
        }
    }

    #[test]
    fn a_plan_expands_to_one_record_per_month_and_grows() {
        let recs = expand_plan(&plan(), Unit::Kilogram);
        assert_eq!(recs.len(), 36);
        assert_eq!(recs[0].quantity, 90.0); // January dip
        let year = |y: i32| -> f64 {
            recs.iter()
                .filter(|r| r.month.year() == y)
                .map(|r| r.quantity)
                .sum()
        };
        assert!(year(2024) > year(2023) && year(2025) > year(2024));
        assert!(recs.iter().all(|r| r.provenance.is_illustrative()));
    }

    #[test]
    fn series_sum_by_bucket_and_total_matches_points() {
        let recs = expand_plan(&plan(), Unit::Kilogram);
        let yearly = production_series(&Filter::default(), &recs, Granularity::Year);
        assert_eq!(yearly.len(), 1);
        let periods: Vec<&str> = yearly[0].points.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(periods, ["2023", "2024", "2025"]);
        let all: f64 = recs.iter().map(|r| r.quantity).sum();
        assert_eq!(yearly[0].total, all);
        let quarterly = production_series(&Filter::default(), &recs, Granularity::Quarter);
        assert_eq!(quarterly[0].points.len(), 12);
        assert_eq!(quarterly[0].points[4].period, "2024-Q1");
    }

    #[test]
    fn different_units_make_different_series() {
        let mut recs = expand_plan(&plan(), Unit::Kilogram);
        recs.extend(expand_plan(
            &ProductionPlan {
                product_id: "bag".into(),
                ..plan()
            },
            Unit::Piece,
        ));
        let f = Filter::from_pairs([("from", "2024"), ("to", "2024")]).unwrap();
        let series = production_series(&f, &recs, Granularity::Month);
        assert_eq!(series.len(), 2);
        assert!(series.iter().all(|s| s.points.len() == 12));
        assert_ne!(series[0].unit, series[1].unit);
    }
}
