//! The open-data package: a Frictionless Data Package (`datapackage.json`) describing the CSV
//! files `karya export` writes, built from the tables' one column list so the two cannot drift.

use crate::model::{ExportModel, FacilityKind, ProductCategory, ProductStatus, Unit, ZoningRole};
use crate::tables::{enum_cell, Column, Table};
use serde_json::{json, Value};

/// A Table Schema field type, as the CSV cells are written (`tables::write`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    Number,
    Integer,
    Boolean,
    Date,
    YearMonth,
}

impl FieldType {
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Number => "number",
            FieldType::Integer => "integer",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::YearMonth => "yearmonth",
        }
    }
}

/// The type of a column, from its name: the same names mean the same thing in every table.
pub fn field_type(column: &Column) -> FieldType {
    match column.name {
        "latitude" | "longitude" | "quantity" | "value_usd" | "figure" | "idr_per_usd" => {
            FieldType::Number
        }
        "value_idr" => FieldType::Integer,
        "has_blk" | "provisional" | "approximate" => FieldType::Boolean,
        "date" => FieldType::Date,
        "month" => FieldType::YearMonth,
        _ => FieldType::String,
    }
}

fn names<T: serde::Serialize>(all: &[T]) -> Vec<String> {
    all.iter().map(enum_cell).collect()
}

/// The closed set a column's cells come from, where it has one (the model's enums).
pub fn allowed_values(column: &Column) -> Option<Vec<String>> {
    use FacilityKind::*;
    Some(match column.name {
        "provenance" => vec!["reported".into(), "illustrative".into()],
        "kind" => names(&[Lapas, Rutan, Lpka, Bapas]),
        "role" => names(&[ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both]),
        "export_model" => names(&[ExportModel::Active, ExportModel::Planned, ExportModel::None]),
        "unit" => names(&[Unit::Piece, Unit::Kilogram, Unit::Set, Unit::SquareMetre]),
        "status" => names(&[
            ProductStatus::Exporting,
            ProductStatus::Pilot,
            ProductStatus::InDevelopment,
            ProductStatus::Planned,
        ]),
        "category" => {
            use ProductCategory::*;
            names(&[Handicraft, Textile, Furniture, Food, Fishery, Energy])
        }
        _ => return None,
    })
}

/// The columns that identify a row (what an import matches records on).
pub fn primary_key(table: Table) -> Vec<&'static str> {
    match table {
        Table::Countries => vec!["alpha2"],
        Table::ExchangeRates => vec!["date"],
        Table::Production => vec!["facility_id", "product_id", "month"],
        _ => vec!["id"],
    }
}

/// (column, table it refers to, that table's column): the references an import checks.
pub fn foreign_keys(table: Table) -> Vec<(&'static str, Table, &'static str)> {
    table
        .columns()
        .iter()
        .filter_map(|c| match c.name {
            "source_id" => Some((c.name, Table::Sources, "id")),
            "facility_id" | "supplier_id" | "producer_id" => {
                Some((c.name, Table::Facilities, "id"))
            }
            "product_id" => Some((c.name, Table::Products, "id")),
            "country" => Some((c.name, Table::Countries, "alpha2")),
            _ => None,
        })
        .collect()
}

fn field(column: &Column) -> Value {
    let kind = field_type(column);
    let mut constraints = json!({ "required": column.required });
    if let Some(values) = allowed_values(column) {
        constraints["enum"] = json!(values);
    }
    let mut f = json!({
        "name": column.name,
        "type": kind.name(),
        "description": column.help,
        "constraints": constraints,
    });
    if kind == FieldType::Boolean {
        f["trueValues"] = json!(["yes"]);
        f["falseValues"] = json!(["no"]);
    }
    f
}

/// The Table Schema of one table's CSV file.
pub fn table_schema(table: Table) -> Value {
    let keys: Vec<Value> = foreign_keys(table)
        .into_iter()
        .map(|(col, to, to_col)| {
            json!({ "fields": col, "reference": { "resource": to.name(), "fields": to_col } })
        })
        .collect();
    json!({
        "fields": table.columns().iter().map(field).collect::<Vec<_>>(),
        "primaryKey": primary_key(table),
        "foreignKeys": keys,
        "missingValues": [""],
    })
}

/// The whole package: one resource per table, `created` the database's "as of" time (RFC 3339).
pub fn datapackage(as_of: &str) -> Value {
    let resources: Vec<Value> = Table::ALL
        .into_iter()
        .map(|t| {
            json!({
                "name": t.name(),
                "path": t.file_name(),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(t),
            })
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "karya",
        "title": "Karya: products of Indonesia's correctional training programme and their exports",
        "description": "Every table of Karya as CSV in its import format. Each record says where it \
    comes from: reported (a cited public source, in sources.csv) or illustrative (made up to show how \
    Karya works, never an official figure); provisional marks figures reported early that may change.",
        "created": as_of,
        "licenses": [{ "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0" }],
        "resources": resources,
    })
}

/// A publication on file and how many records cite it (statements included).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Citation {
    pub source: crate::model::Source,
    pub records: u32,
    /// Illustrative records cite nothing: this many, across the dataset, for the page to say.
    #[serde(default)]
    pub illustrative_records: u32,
}

/// Every source on file, each with the number of records that cite it; sorted by id.
pub fn citations(d: &crate::dataset::Dataset) -> Vec<Citation> {
    use crate::model::Provenance;
    let provenances: Vec<&Provenance> = d
        .facilities
        .iter()
        .map(|x| &x.provenance)
        .chain(d.products.iter().map(|x| &x.provenance))
        .chain(d.shipments.iter().map(|x| &x.provenance))
        .chain(d.production.iter().map(|x| &x.provenance))
        .chain(d.supply_links.iter().map(|x| &x.provenance))
        .collect();
    let illustrative = provenances.iter().filter(|p| p.is_illustrative()).count() as u32;
    let cited: Vec<&str> = provenances
        .iter()
        .filter_map(|p| match p {
            Provenance::Reported { source } => Some(source.id.as_str()),
            Provenance::Illustrative => None,
        })
        .chain(d.statements.iter().map(|s| s.source.id.as_str()))
        .collect();
    crate::dataset::sources_of(d)
        .into_values()
        .map(|source| Citation {
            records: cited.iter().filter(|id| **id == source.id).count() as u32,
            source,
            illustrative_records: illustrative,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_count_every_record_that_cites_each_source() {
        let text = include_str!("../../../data/sample/dataset.json");
        let file: crate::dataset::DatasetFile = serde_json::from_str(text).unwrap();
        let d = file.into_dataset().unwrap();
        let c = citations(&d);
        assert_eq!(c.len(), crate::dataset::sources_of(&d).len());
        let reported = d
            .shipments
            .iter()
            .filter(|s| !s.provenance.is_illustrative())
            .count()
            + d.facilities
                .iter()
                .filter(|s| !s.provenance.is_illustrative())
                .count()
            + d.products
                .iter()
                .filter(|s| !s.provenance.is_illustrative())
                .count()
            + d.production
                .iter()
                .filter(|s| !s.provenance.is_illustrative())
                .count()
            + d.supply_links
                .iter()
                .filter(|s| !s.provenance.is_illustrative())
                .count()
            + d.statements.len();
        assert_eq!(
            c.iter().map(|c| c.records as usize).sum::<usize>(),
            reported
        );
        assert!(c
            .iter()
            .any(|c| c.source.id == "pantau-ekspor-wbp" && c.records > 0));
    }

    #[test]
    fn every_key_names_a_column_of_its_table() {
        for t in Table::ALL {
            let has = |table: Table, name: &str| table.columns().iter().any(|c| c.name == name);
            for k in primary_key(t) {
                assert!(has(t, k), "{t:?}.{k}");
            }
            for (col, to, to_col) in foreign_keys(t) {
                assert!(
                    has(t, col) && has(to, to_col),
                    "{t:?}.{col} → {to:?}.{to_col}"
                );
                assert!(to < t, "{t:?} refers only to tables imported before it");
                assert_eq!(
                    primary_key(to),
                    vec![to_col],
                    "a reference points at a whole key"
                );
            }
        }
    }

    #[test]
    fn a_primary_key_is_required_and_typed() {
        for t in Table::ALL {
            for c in t
                .columns()
                .iter()
                .filter(|c| primary_key(t).contains(&c.name))
            {
                assert!(c.required, "{t:?}.{}", c.name);
            }
        }
        let shipments = table_schema(Table::Shipments);
        let ty = |name: &str| {
            shipments["fields"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["name"] == name)
                .unwrap()["type"]
                .clone()
        };
        assert_eq!(
            (ty("date"), ty("quantity"), ty("value_idr")),
            (json!("date"), json!("number"), json!("integer"))
        );
        assert_eq!(ty("provisional"), json!("boolean"));
    }

    #[test]
    fn enums_are_the_models_json_names() {
        let unit = Table::Shipments
            .columns()
            .iter()
            .find(|c| c.name == "unit")
            .unwrap();
        assert_eq!(
            allowed_values(unit).unwrap(),
            vec!["piece", "kilogram", "set", "square_metre"]
        );
        let kind = Table::Facilities
            .columns()
            .iter()
            .find(|c| c.name == "kind")
            .unwrap();
        assert_eq!(
            allowed_values(kind).unwrap(),
            vec!["Lapas", "Rutan", "LPKA", "Bapas"]
        );
    }

    #[test]
    fn the_package_lists_every_table_once_with_its_file() {
        let p = datapackage("2026-12-01T00:00:00Z");
        let res = p["resources"].as_array().unwrap();
        assert_eq!(res.len(), Table::ALL.len());
        for (r, t) in res.iter().zip(Table::ALL) {
            assert_eq!(
                (r["name"].as_str(), r["path"].as_str()),
                (Some(t.name()), Some(t.file_name().as_str()))
            );
            assert_eq!(
                r["schema"]["fields"].as_array().unwrap().len(),
                t.columns().len()
            );
        }
        assert_eq!(p["created"], "2026-12-01T00:00:00Z");
    }
}
