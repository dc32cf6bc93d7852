//! Reading one row of a table into a record, every problem with a cell said in plain words.

use super::{Record, Table};
use crate::model::*;
use crate::month::Month;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// A problem with one cell: which column, and what is wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: &'static str,
    pub message: String,
}

/// One row being read: its cells by column name, and the problems found so far.
pub struct RowReader<'a> {
    cells: HashMap<&'a str, &'a str>,
    pub errors: Vec<CellError>,
}

impl<'a> RowReader<'a> {
    pub fn new(header: &'a [String], values: &'a [String]) -> Self {
        let cells = header
            .iter()
            .map(|h| h.trim())
            .zip(values.iter().map(|v| super::cell::restore(v.trim())))
            .collect();
        RowReader {
            cells,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, column: &'static str, message: String) {
        self.errors.push(CellError { column, message });
    }

    /// The cell's text, or `None` when empty.
    pub fn optional(&self, column: &'static str) -> Option<String> {
        self.cells
            .get(column)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
    }

    pub fn text(&mut self, column: &'static str) -> String {
        match self.optional(column) {
            Some(v) => v,
            None => {
                self.fail(column, "this column needs a value".into());
                String::new()
            }
        }
    }

    /// One of an enum's names, as the API spells it; the message lists the allowed ones.
    pub fn choice<T: DeserializeOwned + Default>(
        &mut self,
        column: &'static str,
        allowed: &str,
    ) -> T {
        let text = self.text(column);
        if text.is_empty() {
            return T::default();
        }
        match serde_json::from_value(serde_json::Value::String(text.clone())) {
            Ok(v) => v,
            Err(_) => {
                self.fail(column, format!("{text:?} is not one of: {allowed}"));
                T::default()
            }
        }
    }

    pub fn number(&mut self, column: &'static str) -> f64 {
        match self.optional(column) {
            None => {
                self.fail(column, "this column needs a number".into());
                0.0
            }
            Some(text) => self.parse_number(column, &text).unwrap_or(0.0),
        }
    }

    pub fn optional_number(&mut self, column: &'static str) -> Option<f64> {
        let text = self.optional(column)?;
        self.parse_number(column, &text)
    }

    fn parse_number(&mut self, column: &'static str, text: &str) -> Option<f64> {
        if text.contains(',') {
            self.fail(
                column,
                format!("{text:?}: write numbers with a dot for decimals and no thousands separators, e.g. 1500.5"),
            );
            return None;
        }
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.fail(column, format!("{text:?} is not a number"));
                None
            }
        }
    }

    pub fn optional_whole(&mut self, column: &'static str) -> Option<i64> {
        let text = self.optional(column)?;
        match text.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.fail(column, format!("{text:?} is not a whole number"));
                None
            }
        }
    }

    /// yes/no (also true/false, 1/0, ya/tidak); empty is `None`.
    pub fn optional_flag(&mut self, column: &'static str) -> Option<bool> {
        let text = self.optional(column)?;
        match text.to_ascii_lowercase().as_str() {
            "yes" | "true" | "1" | "ya" | "y" => Some(true),
            "no" | "false" | "0" | "tidak" | "n" => Some(false),
            _ => {
                self.fail(column, format!("{text:?}: write yes or no"));
                None
            }
        }
    }

    pub fn optional_date(&mut self, column: &'static str) -> Option<NaiveDate> {
        let text = self.optional(column)?;
        match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(
                    column,
                    format!("{text:?} is not a date written YYYY-MM-DD, e.g. 2025-06-17"),
                );
                None
            }
        }
    }

    /// A required date; a placeholder when missing or wrong (the row is refused anyway).
    pub fn date(&mut self, column: &'static str) -> NaiveDate {
        if self.optional(column).is_none() {
            self.fail(column, "this column needs a value".into());
        }
        self.optional_date(column).unwrap_or_default()
    }

    pub fn month(&mut self, column: &'static str) -> Month {
        let text = self.text(column);
        match text.parse::<Month>() {
            Ok(m) => m,
            Err(_) => {
                if !text.is_empty() {
                    self.fail(
                        column,
                        format!("{text:?} is not a month written YYYY-MM, e.g. 2025-06"),
                    );
                }
                Month::new(2000, 1).expect("a valid month")
            }
        }
    }

    pub fn list(&self, column: &'static str) -> Vec<String> {
        self.optional(column)
            .map(|v| {
                v.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The record's provenance; a reported record's source is found among `sources`.
    pub fn provenance(&mut self, sources: &HashMap<String, Source>) -> Provenance {
        let kind = self.text("provenance");
        match kind.as_str() {
            "illustrative" => Provenance::Illustrative,
            "reported" => match self.optional("source_id") {
                None => {
                    self.fail(
                        "source_id",
                        "a reported record needs its source: the id of a row in sources.csv".into(),
                    );
                    Provenance::Illustrative
                }
                Some(id) => match self.source(sources, &id) {
                    Some(source) => Provenance::Reported { source },
                    None => Provenance::Illustrative,
                },
            },
            "" => Provenance::Illustrative,
            other => {
                self.fail(
                    "provenance",
                    format!("{other:?} is not one of: reported, illustrative"),
                );
                Provenance::Illustrative
            }
        }
    }

    /// The source `id` with this row's fact and quote.
    pub fn source(&mut self, sources: &HashMap<String, Source>, id: &str) -> Option<Source> {
        match sources.get(id) {
            Some(s) => Some(Source {
                fact: self.optional("source_fact"),
                quote: self.optional("source_quote"),
                ..s.clone()
            }),
            None => {
                self.fail(
                    "source_id",
                    format!("no source with the id {id:?}: add it to sources.csv first"),
                );
                None
            }
        }
    }
}

/// Reads one row of `table`. `sources` holds the publications reported records may cite.
pub fn read_row(
    table: Table,
    row: &mut RowReader<'_>,
    sources: &HashMap<String, Source>,
) -> Record {
    match table {
        Table::Sources => Record::Source(Source {
            id: row.text("id"),
            outlet: row.text("outlet"),
            title: row.optional("title"),
            author: row.optional("author"),
            url: row.optional("url"),
            document: row.optional("document"),
            fact: None,
            quote: None,
        }),
        Table::Countries => Record::Country(Country {
            alpha2: row.text("alpha2"),
            numeric: row.text("numeric"),
            name_id: row.text("name_id"),
            name_en: row.text("name_en"),
            latitude: row.optional_number("latitude"),
            longitude: row.optional_number("longitude"),
        }),
        Table::Facilities => Record::Facility(Facility {
            id: row.text("id"),
            name: row.text("name"),
            kind: row.choice("kind", "Lapas, Rutan, LPKA, Bapas"),
            province: row.text("province"),
            latitude: row.number("latitude"),
            longitude: row.number("longitude"),
            role: row.choice("role", "producer, supplier, both"),
            has_blk: row.optional_flag("has_blk"),
            export_model: row.choice("export_model", "active, planned, none"),
            provenance: row.provenance(sources),
        }),
        Table::Products => Record::Product(Product {
            id: row.text("id"),
            name_id: row.text("name_id"),
            name_en: row.text("name_en"),
            category: row.choice(
                "category",
                "handicraft, textile, furniture, food, fishery, energy",
            ),
            unit: row.choice("unit", UNITS),
            status: row.choice("status", "exporting, pilot, in_development, planned"),
            hs_code: row.optional("hs_code"),
            facilities: row.list("facilities"),
            provenance: row.provenance(sources),
        }),
        Table::Shipments => Record::Shipment(Shipment {
            id: row.text("id"),
            date: row.optional_date("date"),
            facility_id: row.text("facility_id"),
            product_id: row.text("product_id"),
            country: row.text("country"),
            quantity: row.number("quantity"),
            unit: row.choice("unit", UNITS),
            value_idr: row.optional_whole("value_idr"),
            value_usd: row.optional_number("value_usd"),
            provisional: row.optional_flag("provisional").unwrap_or(false),
            provenance: row.provenance(sources),
        }),
        Table::Production => Record::Production(ProductionRecord {
            facility_id: row.text("facility_id"),
            product_id: row.text("product_id"),
            month: row.month("month"),
            quantity: row.number("quantity"),
            unit: row.choice("unit", UNITS),
            provisional: row.optional_flag("provisional").unwrap_or(false),
            provenance: row.provenance(sources),
        }),
        Table::SupplyLinks => Record::SupplyLink(SupplyLink {
            id: row.text("id"),
            supplier_id: row.text("supplier_id"),
            producer_id: row.text("producer_id"),
            material_id: row.text("material_id"),
            material_en: row.text("material_en"),
            provenance: row.provenance(sources),
        }),
        Table::ExchangeRates => {
            let source_id = row.text("source_id");
            let source = row.source(sources, &source_id);
            Record::ExchangeRate(crate::currency::ExchangeRate {
                date: row.date("date"),
                idr_per_usd: row.number("idr_per_usd"),
                source: source.unwrap_or_else(|| unknown_source(source_id)),
            })
        }
        Table::Statements => {
            let source_id = row.text("source_id");
            let source = row.source(sources, &source_id);
            Record::Statement(SourceStatement {
                id: row.text("id"),
                text_id: row.text("text_id"),
                text_en: row.text("text_en"),
                figure: row.optional_number("figure"),
                approximate: row.optional_flag("approximate").unwrap_or(false),
                countries: row.list("countries"),
                source: source.unwrap_or(Source {
                    id: source_id,
                    outlet: String::new(),
                    title: None,
                    author: None,
                    url: None,
                    document: None,
                    fact: None,
                    quote: None,
                }),
            })
        }
    }
}

/// A cited id not (yet) in sources.csv: kept as the id alone, which the check then reports.
fn unknown_source(id: String) -> Source {
    Source {
        id,
        outlet: String::new(),
        title: None,
        author: None,
        url: None,
        document: None,
        fact: None,
        quote: None,
    }
}

const UNITS: &str = "piece, kilogram, set, square_metre";

#[cfg(test)]
mod tests {
    use super::*;

    fn read(table: Table, header: &[&str], values: &[&str]) -> (Record, Vec<CellError>) {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let values: Vec<String> = values.iter().map(|s| s.to_string()).collect();
        let mut row = RowReader::new(&header, &values);
        let record = read_row(table, &mut row, &HashMap::new());
        (record, row.errors)
    }

    #[test]
    fn every_table_is_found_by_its_file_name_and_by_its_header() {
        for t in Table::ALL {
            assert_eq!(Table::parse(&t.file_name()), Some(t));
            let mut header: Vec<String> = t.header().iter().map(|s| s.to_string()).collect();
            header.reverse();
            assert_eq!(Table::of_header(&header), Some(t), "{t:?}");
        }
    }

    #[test]
    fn a_bad_row_names_each_column_in_plain_words() {
        let (_, errors) = read(
            Table::Shipments,
            &Table::Shipments.header(),
            &[
                "s1",
                "17/06/2025",
                "lapas-a",
                "coco",
                "ES",
                "1.500,5",
                "litre",
                "",
                "",
                "maybe",
                "reported",
                "",
                "",
                "",
            ],
        );
        let columns: Vec<&str> = errors.iter().map(|e| e.column).collect();
        assert_eq!(
            columns,
            ["date", "quantity", "unit", "provisional", "source_id"]
        );
        assert!(errors[0].message.contains("YYYY-MM-DD"), "{errors:?}");
        assert!(errors[1].message.contains("thousands"), "{errors:?}");
        assert!(errors[2].message.contains("kilogram"), "{errors:?}");
    }

    #[test]
    fn a_missing_required_value_is_said_and_optional_ones_may_be_empty() {
        let (record, errors) = read(
            Table::Production,
            &Table::Production.header(),
            &[
                "lapas-a",
                "",
                "2025-06",
                "12",
                "piece",
                "",
                "illustrative",
                "",
                "",
                "",
            ],
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].column, "product_id");
        let Record::Production(r) = record else {
            panic!("a production record")
        };
        assert!(!r.provisional);
        assert_eq!(r.month.to_string(), "2025-06");
    }
}
