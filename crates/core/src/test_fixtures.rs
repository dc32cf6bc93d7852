//! Small hand-made data shared by the native tests of the modules that describe a view in
//! words and files (sentences, CSV, stacks, the ranking table).

use crate::model::{Provenance, Shipment, Unit};
use crate::production::{ProductionSeries, SeriesPoint};
use crate::ranking::{RankMeasure, Ranking, RankingRow};

pub fn ship(country: &str, product: &str, usd: Option<f64>) -> Shipment {
    Shipment {
        id: format!("{country}{product}{usd:?}"),
        date: None,
        facility_id: "a".into(),
        product_id: product.into(),
        country: country.into(),
        quantity: 10.0,
        unit: if product == "coffee" {
            Unit::Kilogram
        } else {
            Unit::Piece
        },
        value_idr: None,
        value_usd: usd,
        provisional: false,
        provenance: Provenance::Illustrative,
    }
}

pub fn names(code: &str) -> String {
    match code {
        "ES" => "Spanyol",
        "KR" => "Korea Selatan",
        "FR" => "Prancis",
        "JP" => "Jepang",
        other => other,
    }
    .to_string()
}

pub fn sample() -> Vec<Shipment> {
    let mut v = vec![ship("KR", "coco", Some(1.0)); 3];
    v.extend(vec![ship("ES", "coco", None); 2]);
    v.push(ship("FR", "coffee", None));
    v.push(ship("JP", "coffee", None));
    v.iter_mut()
        .enumerate()
        .for_each(|(i, s)| s.id = i.to_string());
    v
}

pub fn series(product: &str, unit: Unit, points: &[(&str, f64)]) -> ProductionSeries {
    ProductionSeries {
        product_id: product.into(),
        unit,
        total: points.iter().map(|p| p.1).sum(),
        points: points
            .iter()
            .map(|(period, quantity)| SeriesPoint {
                period: period.to_string(),
                quantity: *quantity,
                provisional: false,
            })
            .collect(),
        illustrative: true,
        provisional: false,
    }
}

pub fn ranking() -> Ranking {
    let row = |id: &str, v: Option<f64>| RankingRow {
        facility_id: id.into(),
        value: v,
        produced: vec![],
        releases: v.unwrap_or(0.0) as u32,
        value_usd: None,
        products: 1,
        illustrative: true,
    };
    Ranking {
        filter: Default::default(),
        measure: RankMeasure::Releases,
        unit: None,
        rows: vec![
            row("a", Some(12.0)),
            row("b", Some(1.0)),
            row("c", Some(0.0)),
        ],
        total: Some(13.0),
        years: None,
    }
}
