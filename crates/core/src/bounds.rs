//! The limits every figure must stay within, checked at the door (import, API, entry form)
//! through `entry`'s checks, so that no sum of stored figures can become infinite or absurd.

use crate::model::Unit;
use chrono::{Datelike, NaiveDate};

/// The largest quantity one record may carry, per unit. Far above any workshop's output (the
/// largest release on file is a few thousand pieces) yet small enough that a million records
/// at the limit still add up to a finite, exactly printable `f64`.
pub const fn max_quantity(unit: Unit) -> f64 {
    match unit {
        // Ten million pieces or sets in one release or month.
        Unit::Piece | Unit::Set => 10_000_000.0,
        // Ten thousand tonnes.
        Unit::Kilogram => 10_000_000.0,
        // Ten square kilometres of woven or printed material.
        Unit::SquareMetre => 10_000_000.0,
    }
}

/// A release's value in rupiah: at most one trillion (about 60 million US dollars), so the
/// sum of a million releases still fits an `i64`.
pub const MAX_VALUE_IDR: i64 = 1_000_000_000_000;
/// A release's value in US dollars, the same order as [`MAX_VALUE_IDR`].
pub const MAX_VALUE_USD: f64 = 100_000_000.0;

/// The first year Karya holds figures for: earlier dates are typing slips (`0025`, `1025`).
pub const FIRST_YEAR: i32 = 2000;

/// The last year a date may have: next year, for production plans entered in December.
pub fn last_year(today: NaiveDate) -> i32 {
    today.year() + 1
}

/// Whether a quantity is a number Karya can store and add up for this unit.
pub fn quantity_in_bounds(quantity: f64, unit: Unit) -> bool {
    quantity.is_finite() && quantity.abs() <= max_quantity(unit)
}

/// Whether a year lies in `FIRST_YEAR ..= last_year(today)`; without `today` only the
/// lower bound and a fixed upper one (9999 is never a year of figures) apply.
pub fn year_in_bounds(year: i32, today: Option<NaiveDate>) -> bool {
    let last = today.map_or(2100, last_year);
    (FIRST_YEAR..=last).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_past_the_unit_maximum_or_not_finite_are_out() {
        assert!(quantity_in_bounds(750.0, Unit::Piece));
        assert!(quantity_in_bounds(
            max_quantity(Unit::Kilogram),
            Unit::Kilogram
        ));
        assert!(!quantity_in_bounds(
            max_quantity(Unit::Set) + 1.0,
            Unit::Set
        ));
        assert!(!quantity_in_bounds(1e308, Unit::SquareMetre));
        assert!(!quantity_in_bounds(f64::NAN, Unit::Piece));
        assert!(!quantity_in_bounds(f64::INFINITY, Unit::Piece));
    }

    #[test]
    fn a_million_records_at_the_limit_add_up_to_a_finite_sum() {
        let sum: f64 = (0..1_000_000).map(|_| max_quantity(Unit::Piece)).sum();
        assert!(sum.is_finite());
        assert!(MAX_VALUE_IDR.checked_mul(1_000_000).is_some());
    }

    #[test]
    fn years_run_from_2000_to_next_year() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert!(year_in_bounds(2000, Some(today)));
        assert!(year_in_bounds(2027, Some(today)));
        assert!(!year_in_bounds(2028, Some(today)));
        assert!(!year_in_bounds(1, Some(today)));
        assert!(!year_in_bounds(-5, None));
        assert!(!year_in_bounds(9999, None));
    }
}

#[cfg(test)]
mod entry_tests {
    //! The bounds as the shared entry checks apply them (import, API and form alike).
    use crate::entry::{production_problems, shipment_problems, Known, Problem, ShipmentDraft};
    use crate::model::*;
    use chrono::NaiveDate;

    fn known(facility: &str) -> Known {
        Known {
            facilities: [facility.to_string()].into(),
            products: [("coco-shade".to_string(), Unit::Piece)].into(),
            countries: ["ES".to_string()].into(),
        }
    }

    fn draft(facility: &str) -> ShipmentDraft {
        ShipmentDraft {
            date: NaiveDate::from_ymd_opt(2025, 6, 17).unwrap(),
            facility_id: facility.into(),
            product_id: "coco-shade".into(),
            country: "ES".into(),
            quantity: 750.0,
            unit: Unit::Piece,
            value_idr: None,
            value_usd: None,
            provisional: false,
            source: Source {
                id: String::new(),
                outlet: "Antara".into(),
                title: Some("t".into()),
                author: None,
                url: None,
                document: None,
                fact: None,
                quote: None,
            },
        }
    }

    fn today() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 12, 2)
    }

    fn fields(s: &Shipment) -> Vec<&'static str> {
        let problems = shipment_problems(s, &known("lapas-a"), today());
        problems.iter().map(|p| p.field).collect()
    }

    #[test]
    fn huge_and_non_finite_figures_are_refused_naming_the_field() {
        for q in [1e308, f64::INFINITY, f64::NAN, 10_000_001.0] {
            let mut s = draft("lapas-a").into_shipment(1);
            s.quantity = q;
            assert_eq!(fields(&s), ["quantity"], "{q}");
        }
        let mut s = draft("lapas-a").into_shipment(1);
        s.value_idr = Some(i64::MAX);
        s.value_usd = Some(1e300);
        assert_eq!(fields(&s), ["value_idr", "value_usd"]);
        let mut s = draft("lapas-a").into_shipment(1);
        s.date = NaiveDate::from_ymd_opt(1, 1, 1);
        assert_eq!(fields(&s), ["date"]);
    }

    #[test]
    fn a_production_month_past_next_year_is_refused() {
        let record = |month: &str| ProductionRecord {
            facility_id: "lapas-a".into(),
            product_id: "coco-shade".into(),
            month: month.parse().unwrap(),
            quantity: 5.0,
            unit: Unit::Piece,
            provisional: false,
            provenance: Provenance::Illustrative,
        };
        let problems = production_problems(&record("9999-12"), &known("lapas-a"), today());
        assert!(matches!(
            problems[0].problem,
            Problem::YearOutOfRange { year: 9999, .. }
        ));
        assert!(production_problems(&record("2026-11"), &known("lapas-a"), today()).is_empty());
    }

    #[test]
    fn a_long_facility_id_keeps_the_counter_in_the_id() {
        let long = "lapas-".to_string() + &"x".repeat(52);
        let (a, b) = (
            draft(&long).into_shipment(1).id,
            draft(&long).into_shipment(12).id,
        );
        assert_ne!(a, b);
        assert!(a.len() <= 64 && b.len() <= 64, "{a} {b}");
        assert!(b.ends_with("-12"));
        assert!(crate::filter::is_valid_id(&b));
    }
}
