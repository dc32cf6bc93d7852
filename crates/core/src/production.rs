//! Production over time: the series behind the facility charts, and the expansion of the
//! sample's production plans into monthly records.

use crate::filter::Filter;
use crate::model::{ProductionRecord, Provenance, Unit};
use crate::month::Month;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    pub fn code(self) -> &'static str {
        match self {
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
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

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub period: String,
    pub quantity: f64,
    /// Some of it is provisional (*data sementara*) and may still be corrected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// One product's production over time, in its own unit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionSeries {
    pub product_id: String,
    pub unit: Unit,
    pub total: f64,
    pub points: Vec<SeriesPoint>,
    pub illustrative: bool,
    /// Some of it is provisional.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// Production of one product in one month, summed over the facilities a filter keeps: what
/// the series and the comparison are made from. The server sums these in SQL;
/// [`monthly_totals`] is the same sum in Rust.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyTotal {
    pub product_id: String,
    pub unit: Unit,
    pub month: Month,
    pub quantity: f64,
    pub illustrative: bool,
    #[serde(default)]
    pub provisional: bool,
}

/// Sums the records `filter` keeps per product, unit and month.
pub fn monthly_totals(filter: &Filter, records: &[ProductionRecord]) -> Vec<MonthlyTotal> {
    let mut sums: BTreeMap<(&str, Unit, Month), (f64, bool, bool)> = BTreeMap::new();
    for r in records.iter().filter(|r| filter.matches_production(r)) {
        let e = sums.entry((&r.product_id, r.unit, r.month)).or_default();
        e.0 += r.quantity;
        e.1 |= r.provenance.is_illustrative();
        e.2 |= r.provisional;
    }
    sums.into_iter()
        .map(
            |((product_id, unit, month), (quantity, illustrative, provisional))| MonthlyTotal {
                product_id: product_id.to_string(),
                unit,
                month,
                quantity,
                illustrative,
                provisional,
            },
        )
        .collect()
}

/// Sums monthly totals inside the filter's period per product and bucket. Separate series per
/// (product, unit): units are never added together.
pub fn production_series(
    filter: &Filter,
    monthly: &[MonthlyTotal],
    granularity: Granularity,
) -> Vec<ProductionSeries> {
    type Buckets = BTreeMap<String, (f64, bool)>;
    let mut by_product: BTreeMap<(&str, Unit), (Buckets, bool)> = BTreeMap::new();
    let wanted = |product: &str| filter.product.as_deref().is_none_or(|p| p == product);
    for r in monthly
        .iter()
        .filter(|r| filter.covers_month(r.month) && wanted(&r.product_id))
    {
        let (buckets, illustrative) = by_product
            .entry((r.product_id.as_str(), r.unit))
            .or_default();
        let bucket = buckets.entry(granularity.bucket(r.month)).or_default();
        bucket.0 += r.quantity;
        bucket.1 |= r.provisional;
        *illustrative |= r.illustrative;
    }
    by_product
        .into_iter()
        .map(
            |((product_id, unit), (buckets, illustrative))| ProductionSeries {
                product_id: product_id.to_string(),
                unit,
                total: buckets.values().map(|b| b.0).sum(),
                provisional: buckets.values().any(|b| b.1),
                points: buckets
                    .into_iter()
                    .map(|(period, (quantity, provisional))| SeriesPoint {
                        period,
                        quantity,
                        provisional,
                    })
                    .collect(),
                illustrative,
            },
        )
        .collect()
}

/// A span of whole months, both ends included.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSpan {
    pub first: Month,
    pub last: Month,
}

impl MonthSpan {
    pub fn len(self) -> i32 {
        self.first.months_until(self.last) + 1
    }

    pub fn is_empty(self) -> bool {
        self.len() <= 0
    }

    pub fn contains(self, m: Month) -> bool {
        self.first <= m && m <= self.last
    }

    /// The span of equal length that ends the month before this one starts.
    pub fn previous(self) -> MonthSpan {
        let last = self.first.prev();
        let mut first = self.first;
        for _ in 0..self.len() {
            first = first.prev();
        }
        MonthSpan { first, last }
    }

    /// "2025", "Jan–Agu 2025" or "Nov 2025–Okt 2026": how people name a period.
    pub fn name(self, lang: crate::Lang) -> String {
        use crate::format::{month, month_short};
        let (a, b) = (self.first, self.last);
        if a.year() == b.year() && a.month() == 1 && b.month() == 12 {
            format!("{}", a.year())
        } else if a == b {
            month(a, lang)
        } else if a.year() == b.year() {
            let short = month_short(a, lang);
            let head = short.split(' ').next().unwrap_or_default();
            format!("{head}–{}", month_short(b, lang))
        } else {
            format!("{}–{}", month_short(a, lang), month_short(b, lang))
        }
    }
}

/// Growth of one product's production from the previous period to this one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub product_id: String,
    pub unit: Unit,
    pub current: f64,
    pub previous: f64,
    /// `None` when there was nothing in the previous period to compare with.
    pub pct: Option<f64>,
}

/// This period against the one before it, product by product (units are never mixed).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub current: MonthSpan,
    pub previous: MonthSpan,
    pub growth: Vec<Growth>,
}

/// The period a filter shows, in whole months. An open end is taken from the data: without
/// `to`, `latest` (the latest month with a record); without `from`, the twelve months up to
/// the end, so the default view compares the latest year of data with the year before it.
pub fn comparison_span(filter: &Filter, latest: Option<Month>) -> Option<MonthSpan> {
    let last = match filter.to {
        Some(to) => Month::of(to.end()),
        None => latest?,
    };
    let first = match filter.from {
        Some(from) => Month::of(from.start()),
        None => {
            let mut m = last;
            for _ in 0..11 {
                m = m.prev();
            }
            m
        }
    };
    let span = MonthSpan { first, last };
    (!span.is_empty()).then_some(span)
}

/// Compares production in `span` with the period before it. `monthly` must cover both
/// periods (callers sum by product and facility, not by the view's period).
pub fn compare(span: MonthSpan, monthly: &[MonthlyTotal]) -> Comparison {
    let previous = span.previous();
    let mut sums: BTreeMap<(&str, Unit), (f64, f64)> = BTreeMap::new();
    for r in monthly {
        let (in_current, in_previous) = (span.contains(r.month), previous.contains(r.month));
        if !(in_current || in_previous) {
            continue;
        }
        let e = sums.entry((&r.product_id, r.unit)).or_default();
        if in_current {
            e.0 += r.quantity;
        } else {
            e.1 += r.quantity;
        }
    }
    Comparison {
        current: span,
        previous,
        growth: sums
            .into_iter()
            .map(|((product_id, unit), (current, previous))| Growth {
                product_id: product_id.to_string(),
                unit,
                current,
                previous,
                pct: (previous > 0.0).then(|| (current - previous) / previous * 100.0),
            })
            .collect(),
    }
}

/// A compact description of illustrative monthly production, expanded by [`expand_plan`]:
/// a base level that grows by a yearly rate, with a fixed seasonal pattern.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
            provisional: false,
            provenance: Provenance::Illustrative,
        });
        month = month.next();
    }
    records
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_provisional_record_marks_its_period_and_its_series_and_no_other() {
        let record = |month: &str, provisional: bool| ProductionRecord {
            facility_id: "lapas-a".into(),
            product_id: "coco-shade".into(),
            month: month.parse().unwrap(),
            quantity: 10.0,
            unit: Unit::Piece,
            provisional,
            provenance: Provenance::Illustrative,
        };
        let records = [
            record("2025-01", false),
            record("2025-02", true),
            record("2025-04", false),
        ];
        let monthly = monthly_totals(&Filter::default(), &records);
        let series = production_series(&Filter::default(), &monthly, Granularity::Quarter);
        assert!(series[0].provisional);
        let marks: Vec<(&str, bool)> = series[0]
            .points
            .iter()
            .map(|p| (p.period.as_str(), p.provisional))
            .collect();
        assert_eq!(marks, [("2025-Q1", true), ("2025-Q2", false)]);
    }

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
        let all = monthly_totals(&Filter::default(), &recs);
        let yearly = production_series(&Filter::default(), &all, Granularity::Year);
        assert_eq!(yearly.len(), 1);
        let periods: Vec<&str> = yearly[0].points.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(periods, ["2023", "2024", "2025"]);
        let sum: f64 = recs.iter().map(|r| r.quantity).sum();
        assert_eq!(yearly[0].total, sum);
        let quarterly = production_series(&Filter::default(), &all, Granularity::Quarter);
        assert_eq!(quarterly[0].points.len(), 12);
        assert_eq!(quarterly[0].points[4].period, "2024-Q1");
    }

    #[test]
    fn growth_compares_equal_periods_product_by_product() {
        let recs = expand_plan(&plan(), Unit::Kilogram);
        let f = Filter::from_pairs([("from", "2025"), ("to", "2025")]).unwrap();
        let span = comparison_span(&f, None).unwrap();
        let c = compare(span, &monthly_totals(&Filter::default(), &recs));
        assert_eq!(c.previous.first, m("2024-01"));
        assert_eq!(c.previous.last, m("2024-12"));
        let g = &c.growth[0];
        let sum = |y| {
            recs.iter()
                .filter(|r| r.month.year() == y)
                .map(|r| r.quantity)
                .sum::<f64>()
        };
        assert_eq!((g.current, g.previous), (sum(2025), sum(2024)));
        let pct = g.pct.unwrap();
        assert!((pct - 10.0).abs() < 1.0, "{pct}");
        assert_eq!(c.current.name(crate::Lang::En), "2025");
    }

    #[test]
    fn the_default_period_is_the_latest_twelve_months_and_nothing_before_means_no_growth() {
        let recs = expand_plan(&plan(), Unit::Kilogram);
        let latest = recs.iter().map(|r| r.month).max();
        let span = comparison_span(&Filter::default(), latest).unwrap();
        assert_eq!((span.first, span.last), (m("2025-01"), m("2025-12")));
        let early = Filter::from_pairs([("from", "2022-07"), ("to", "2023-03")]).unwrap();
        let all = monthly_totals(&Filter::default(), &recs);
        let c = compare(comparison_span(&early, latest).unwrap(), &all);
        assert_eq!(c.previous.first, m("2021-10"));
        assert_eq!(c.growth[0].pct, None);
        assert_eq!(c.current.name(crate::Lang::Id), "Jul 2022–Mar 2023");
        let months = MonthSpan {
            first: m("2025-01"),
            last: m("2025-08"),
        };
        assert_eq!(months.name(crate::Lang::Id), "Jan–Agu 2025");
        assert_eq!(comparison_span(&Filter::default(), None), None);
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
        let series = production_series(&f, &monthly_totals(&f, &recs), Granularity::Month);
        assert_eq!(series.len(), 2);
        assert!(series.iter().all(|s| s.points.len() == 12));
        assert_ne!(series[0].unit, series[1].unit);
    }
}
