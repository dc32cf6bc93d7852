//! Production series stacked per unit, ready to draw as columns: a chart never stacks pieces
//! on kilograms, and the largest product sits at the bottom of each column.

use crate::model::Unit;
use crate::production::ProductionSeries;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One chart's worth of series: the products counted in one unit, over the same periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStack {
    pub unit: Unit,
    /// Period labels in time order (as `Granularity::bucket` writes them).
    pub periods: Vec<String>,
    /// Product ids, largest total first, so the biggest sits at the bottom of each column.
    pub products: Vec<String>,
    /// `values[product][period]`; a period without production is 0.
    pub values: Vec<Vec<f64>>,
    /// Per period, the column's height.
    pub totals: Vec<f64>,
    pub illustrative: bool,
}

impl UnitStack {
    pub fn total(&self) -> f64 {
        self.totals.iter().sum()
    }

    pub fn max(&self) -> f64 {
        self.totals.iter().copied().fold(0.0, f64::max)
    }

    /// Where segment `(product, period)` starts and ends on the value axis.
    pub fn segment(&self, product: usize, period: usize) -> (f64, f64) {
        let below: f64 = (0..product).map(|p| self.values[p][period]).sum();
        (below, below + self.values[product][period])
    }
}

/// Groups series by unit, one stack per unit, units in a fixed order.
pub fn stacks_by_unit(series: &[ProductionSeries]) -> Vec<UnitStack> {
    let units: BTreeSet<Unit> = series.iter().map(|s| s.unit).collect();
    units
        .into_iter()
        .map(|unit| {
            let mut mine: Vec<&ProductionSeries> =
                series.iter().filter(|s| s.unit == unit).collect();
            mine.sort_by(|a, b| {
                b.total
                    .total_cmp(&a.total)
                    .then_with(|| a.product_id.cmp(&b.product_id))
            });
            let periods: Vec<String> = mine
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.period.clone()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let values: Vec<Vec<f64>> = mine
                .iter()
                .map(|s| {
                    periods
                        .iter()
                        .map(|period| {
                            s.points
                                .iter()
                                .find(|p| &p.period == period)
                                .map_or(0.0, |p| p.quantity)
                        })
                        .collect()
                })
                .collect();
            let totals = (0..periods.len())
                .map(|i| values.iter().map(|v| v[i]).sum())
                .collect();
            UnitStack {
                unit,
                products: mine.iter().map(|s| s.product_id.clone()).collect(),
                illustrative: mine.iter().any(|s| s.illustrative),
                periods,
                values,
                totals,
            }
        })
        .collect()
}

/// One product's series, counted in one unit: what the overview's trend can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendChoice {
    pub product_id: String,
    pub unit: Unit,
}

/// The products the overview's trend offers, the default first. Totals in different units
/// cannot be compared, so "largest" means the longest record: most periods with output, then
/// the product id, so the same data always opens on the same product.
pub fn trend_choices(series: &[ProductionSeries]) -> Vec<TrendChoice> {
    let mut mine: Vec<(usize, &ProductionSeries)> = series
        .iter()
        .map(|s| (s.points.iter().filter(|p| p.quantity > 0.0).count(), s))
        .filter(|(n, _)| *n > 0)
        .collect();
    mine.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.product_id.cmp(&b.1.product_id))
    });
    mine.into_iter()
        .map(|(_, s)| TrendChoice {
            product_id: s.product_id.clone(),
            unit: s.unit,
        })
        .collect()
}

/// Months inside one year; quarters over several, so the trend keeps few enough columns to read.
pub fn trend_granularity(filter: &crate::filter::Filter) -> crate::production::Granularity {
    match filter.single_year() {
        Some(_) => crate::production::Granularity::Month,
        None => crate::production::Granularity::Quarter,
    }
}

/// The chosen product's trend as a one-product stack, or `None` when it has no series.
pub fn trend_stack(series: &[ProductionSeries], choice: &TrendChoice) -> Option<UnitStack> {
    let one: Vec<ProductionSeries> = series
        .iter()
        .filter(|s| s.product_id == choice.product_id && s.unit == choice.unit)
        .cloned()
        .collect();
    stacks_by_unit(&one).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::series;

    #[test]
    fn stacks_keep_units_apart_and_fill_missing_periods_with_zero() {
        let s = stacks_by_unit(&[
            series("bag", Unit::Piece, &[("2024", 10.0), ("2025", 20.0)]),
            series("coffee", Unit::Kilogram, &[("2025", 7.0)]),
            series("basket", Unit::Piece, &[("2025", 50.0)]),
        ]);
        assert_eq!(s.len(), 2);
        let pieces = &s[0];
        assert_eq!(pieces.unit, Unit::Piece);
        assert_eq!(pieces.periods, ["2024", "2025"]);
        assert_eq!(pieces.products, ["basket", "bag"]);
        assert_eq!(pieces.values[0], [0.0, 50.0]);
        assert_eq!(pieces.totals, [10.0, 70.0]);
        assert_eq!(pieces.segment(1, 1), (50.0, 70.0));
        assert_eq!(pieces.total(), 80.0);
        assert_eq!(s[1].total(), 7.0);
    }

    #[test]
    fn the_trend_opens_on_the_longest_record_and_never_mixes_units() {
        let all = [
            series("bag", Unit::Piece, &[("2025-01", 10.0), ("2025-02", 20.0)]),
            series(
                "coffee",
                Unit::Kilogram,
                &[("2025-01", 7.0), ("2025-02", 0.0)],
            ),
            series("basket", Unit::Piece, &[("2025-01", 5.0), ("2025-03", 6.0)]),
            series("soap", Unit::Piece, &[("2025-01", 0.0)]),
        ];
        let choices = trend_choices(&all);
        let ids: Vec<&str> = choices.iter().map(|c| c.product_id.as_str()).collect();
        assert_eq!(ids, ["bag", "basket", "coffee"]);
        let basket = trend_stack(&all, &choices[1]).unwrap();
        assert_eq!(basket.products, ["basket"]);
        assert_eq!(basket.periods, ["2025-01", "2025-03"]);
        assert_eq!(basket.totals, [5.0, 6.0]);
        let coffee = trend_stack(&all, &choices[2]).unwrap();
        assert_eq!((coffee.unit, coffee.total()), (Unit::Kilogram, 7.0));
        let wrong_unit = TrendChoice {
            product_id: "bag".into(),
            unit: Unit::Kilogram,
        };
        assert_eq!(trend_stack(&all, &wrong_unit), None);
        use crate::production::Granularity;
        let year = crate::filter::Filter::default().with_year(Some(2025));
        assert_eq!(trend_granularity(&year), Granularity::Month);
        assert_eq!(trend_granularity(&Default::default()), Granularity::Quarter);
    }
}
