//! Writing records as rows of text cells, in the table's column order and sorted by key.

use super::Table;
use crate::dataset::Dataset;
use crate::model::*;
use serde::Serialize;

/// An enum as its JSON name, which the import reads back and the database stores.
pub fn enum_cell<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn number_cell(n: f64) -> String {
    // Rust prints the shortest text that reads back as the same number: exports round-trip.
    format!("{n}")
}

fn flag_cell(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// A provenance in the order of its four columns (kind, source id, fact, quote), `None` for
/// an empty cell: what a CSV file and the database both hold.
pub fn provenance_cells(p: &Provenance) -> [Option<String>; 4] {
    let kind = Some(p.kind().as_str().to_string());
    match p {
        Provenance::Illustrative => [kind, None, None, None],
        Provenance::Reported { source } => [
            kind,
            Some(source.id.clone()),
            source.fact.clone(),
            source.quote.clone(),
        ],
    }
}

fn with_provenance(mut cells: Vec<String>, p: &Provenance) -> Vec<String> {
    cells.extend(provenance_cells(p).map(Option::unwrap_or_default));
    cells
}

/// The rows of every table of a dataset, each table in a stable order (by its key), so two
/// exports of the same data are byte for byte the same.
pub fn rows_of(dataset: &Dataset, table: Table) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = match table {
        Table::Sources => crate::dataset::sources_of(dataset)
            .into_values()
            .map(|s| {
                vec![
                    s.id,
                    s.outlet,
                    opt(&s.title),
                    opt(&s.author),
                    opt(&s.url),
                    opt(&s.document),
                ]
            })
            .collect(),
        Table::Countries => dataset
            .countries
            .iter()
            .map(|c| {
                vec![
                    c.alpha2.clone(),
                    c.numeric.clone(),
                    c.name_id.clone(),
                    c.name_en.clone(),
                    c.latitude.map(number_cell).unwrap_or_default(),
                    c.longitude.map(number_cell).unwrap_or_default(),
                ]
            })
            .collect(),
        Table::Facilities => dataset
            .facilities
            .iter()
            .map(|f| {
                let cells = vec![
                    f.id.clone(),
                    f.name.clone(),
                    enum_cell(&f.kind),
                    f.province.clone(),
                    number_cell(f.latitude),
                    number_cell(f.longitude),
                    enum_cell(&f.role),
                    f.has_blk.map(flag_cell).unwrap_or_default(),
                    enum_cell(&f.export_model),
                ];
                with_provenance(cells, &f.provenance)
            })
            .collect(),
        Table::Products => dataset
            .products
            .iter()
            .map(|p| {
                let cells = vec![
                    p.id.clone(),
                    p.name_id.clone(),
                    p.name_en.clone(),
                    enum_cell(&p.category),
                    enum_cell(&p.unit),
                    enum_cell(&p.status),
                    opt(&p.hs_code),
                    p.facilities.join(";"),
                ];
                with_provenance(cells, &p.provenance)
            })
            .collect(),
        Table::Shipments => dataset.shipments.iter().map(shipment_cells).collect(),
        Table::Production => dataset
            .production
            .iter()
            .map(|r| {
                let cells = vec![
                    r.facility_id.clone(),
                    r.product_id.clone(),
                    r.month.to_string(),
                    number_cell(r.quantity),
                    enum_cell(&r.unit),
                    flag_cell(r.provisional),
                ];
                with_provenance(cells, &r.provenance)
            })
            .collect(),
        Table::SupplyLinks => dataset
            .supply_links
            .iter()
            .map(|l| {
                let cells = vec![
                    l.id.clone(),
                    l.supplier_id.clone(),
                    l.producer_id.clone(),
                    l.material_id.clone(),
                    l.material_en.clone(),
                ];
                with_provenance(cells, &l.provenance)
            })
            .collect(),
        Table::ExchangeRates => dataset
            .exchange_rates
            .iter()
            .map(|r| {
                vec![
                    r.date.format("%Y-%m-%d").to_string(),
                    number_cell(r.idr_per_usd),
                    r.source.id.clone(),
                    opt(&r.source.fact),
                    opt(&r.source.quote),
                ]
            })
            .collect(),
        Table::Statements => dataset
            .statements
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.text_id.clone(),
                    s.text_en.clone(),
                    s.figure.map(number_cell).unwrap_or_default(),
                    flag_cell(s.approximate),
                    s.countries.join(";"),
                    s.source.id.clone(),
                    opt(&s.source.fact),
                    opt(&s.source.quote),
                ]
            })
            .collect(),
    };
    // Production's key is its first three cells; every other table's is its first.
    let key_len = if table == Table::Production { 3 } else { 1 };
    rows.sort_by(|a, b| a[..key_len].cmp(&b[..key_len]));
    rows
}

fn shipment_cells(s: &Shipment) -> Vec<String> {
    let cells = vec![
        s.id.clone(),
        s.date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        s.facility_id.clone(),
        s.product_id.clone(),
        s.country.clone(),
        number_cell(s.quantity),
        enum_cell(&s.unit),
        opt(&s.value_idr),
        s.value_usd.map(number_cell).unwrap_or_default(),
        flag_cell(s.provisional),
    ];
    with_provenance(cells, &s.provenance)
}
