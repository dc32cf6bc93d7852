//! Property tests of the core's readers and checks: for any input they never panic, and what
//! they accept reads back the same after writing (filters, CSV rows, spreadsheet cells).

use crate::entry::{production_problems, shipment_problems, Known};
use crate::filter::Filter;
use crate::model::*;
use crate::tables::{cell, read_row, rows_of, Record, RowReader, Table};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::HashMap;

fn filter_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{1,5}(-[0-9]{1,2}(-[0-9]{1,2})?)?",
        "[a-z0-9-]{0,70}",
        "[A-Za-z]{0,3}",
    ]
}

fn key() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("from"),
        Just("to"),
        Just("product"),
        Just("facility"),
        Just("country"),
        Just("other"),
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Piece),
        Just(Unit::Kilogram),
        Just(Unit::Set),
        Just(Unit::SquareMetre)
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        0.0..20_000_000.0f64,
        (0u32..20_000_000).prop_map(f64::from),
    ]
}

/// Mostly plausible dates (so accepted records are common), some far out.
fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    let year = prop_oneof![3 => 2000i32..2027, 1 => -3000i32..12000];
    proptest::option::of((year, 1u32..=12, 1u32..=28))
        .prop_map(|d| d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)))
}

fn rupiah() -> impl Strategy<Value = i64> {
    prop_oneof![3 => 0..=crate::bounds::MAX_VALUE_IDR, 1 => any::<i64>()]
}

fn shipment() -> impl Strategy<Value = Shipment> {
    (
        "[a-z0-9][a-z0-9-]{0,20}",
        date(),
        number(),
        unit(),
        proptest::option::of(rupiah()),
        proptest::option::of(number()),
        any::<bool>(),
    )
        .prop_map(
            |(id, date, quantity, unit, idr, usd, provisional)| Shipment {
                id,
                date,
                facility_id: "lapas-a".into(),
                product_id: "bag".into(),
                country: "ES".into(),
                quantity,
                unit,
                value_idr: idr,
                value_usd: usd,
                provisional,
                provenance: Provenance::Illustrative,
            },
        )
}

fn known() -> Known {
    Known {
        facilities: ["lapas-a".to_string()].into(),
        products: [("bag".to_string(), Unit::Piece)].into(),
        countries: ["ES".to_string()].into(),
    }
}

fn today() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, 2)
}

proptest! {
    #[test]
    fn the_filter_parser_never_panics_and_round_trips_what_it_accepts(
        pairs in proptest::collection::vec((key(), filter_value()), 0..6)
    ) {
        let parsed = Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        if let Ok(filter) = parsed {
            let pairs = filter.to_pairs();
            let again = Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
            prop_assert_eq!(again, Ok(filter));
        }
    }

    #[test]
    fn reading_any_csv_row_never_panics(
        table in proptest::sample::select(Table::ALL.to_vec()),
        values in proptest::collection::vec(any::<String>(), 0..16),
    ) {
        let header: Vec<String> = table.header().iter().map(|h| h.to_string()).collect();
        let mut row = RowReader::new(&header, &values);
        let _ = read_row(table, &mut row, &HashMap::new());
    }

    #[test]
    fn an_accepted_release_is_bounded_and_reads_back_from_its_csv_row(s in shipment()) {
        let problems = shipment_problems(&s, &known(), today());
        if problems.is_empty() {
            prop_assert!(crate::bounds::quantity_in_bounds(s.quantity, s.unit));
            prop_assert!(s.value_usd.is_none_or(f64::is_finite));
            let dataset = crate::dataset::Dataset {
                shipments: vec![s.clone()],
                ..Default::default()
            };
            let header: Vec<String> =
                Table::Shipments.header().iter().map(|h| h.to_string()).collect();
            let values = rows_of(&dataset, Table::Shipments).remove(0);
            let mut row = RowReader::new(&header, &values);
            let back = read_row(Table::Shipments, &mut row, &HashMap::new());
            prop_assert!(row.errors.is_empty(), "{:?}", row.errors);
            prop_assert_eq!(back, Record::Shipment(s));
        }
    }

    #[test]
    fn the_production_check_never_panics(
        quantity in number(),
        unit in unit(),
        year in -5000i32..12000,
        month in 1u32..=12,
    ) {
        if let Some(month) = crate::Month::new(year, month) {
            let record = ProductionRecord {
                facility_id: "lapas-a".into(),
                product_id: "bag".into(),
                month,
                quantity,
                unit,
                provisional: false,
                provenance: Provenance::Illustrative,
            };
            let problems = production_problems(&record, &known(), today());
            if problems.is_empty() {
                prop_assert!(crate::bounds::quantity_in_bounds(quantity, unit));
                prop_assert!((crate::bounds::FIRST_YEAR..=2027).contains(&year));
            }
        }
    }

    #[test]
    fn a_spreadsheet_cell_reads_back_as_written(s in any::<String>()) {
        let written = cell::neutralise(&s);
        prop_assert_eq!(cell::restore(&written), s.as_str());
    }
}

/// The OpenAPI document's pattern for periods (the server's `schema` feature).
#[cfg(feature = "schema")]
mod documented {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_period_the_documented_pattern_allows_is_read(
            text in proptest::string::string_regex(
                crate::schema::period_pattern().trim_start_matches('^').trim_end_matches('$')
            ).unwrap()
        ) {
            prop_assert!(crate::filter::PeriodBound::parse(&text).is_some(), "{}", text);
        }
    }
}
