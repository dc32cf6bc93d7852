//! Every record type as a table of text cells: the CSV files data officers import and
//! `karya export` writes. One column list per table drives reading, writing, the templates
//! and the documentation, so they cannot disagree.

use crate::dataset::Dataset;
use crate::model::*;
use crate::month::Month;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;

/// The tables in the order an import writes them: a record only names records before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Sources,
    Countries,
    Facilities,
    Products,
    Shipments,
    Production,
    SupplyLinks,
    Statements,
}

/// A column: its header, whether a value is required, and what goes in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub help: &'static str,
}

const fn col(name: &'static str, required: bool, help: &'static str) -> Column {
    Column {
        name,
        required,
        help,
    }
}

const PROVENANCE_COLUMNS: [Column; 4] = [
    col(
        "provenance",
        true,
        "reported (from a cited source) or illustrative (made up to show how Karya works)",
    ),
    col(
        "source_id",
        false,
        "for reported records: the id of a row in sources.csv",
    ),
    col(
        "source_fact",
        false,
        "which fact of the source the record rests on, e.g. F7",
    ),
    col(
        "source_quote",
        false,
        "the source's own words for that fact",
    ),
];

const SOURCES: [Column; 6] = [
    col(
        "id",
        true,
        "a short id the records cite, e.g. antara-2025-06-17",
    ),
    col("outlet", true, "who published it"),
    col("title", false, "its title"),
    col("author", false, "its author"),
    col("url", false, "where to read it"),
    col(
        "document",
        false,
        "a letter or report number where there is no URL",
    ),
];

const COUNTRIES: [Column; 6] = [
    col(
        "alpha2",
        true,
        "ISO 3166-1 alpha-2 code, upper case, e.g. ES",
    ),
    col(
        "numeric",
        true,
        "ISO 3166-1 numeric code, three digits, e.g. 724",
    ),
    col("name_id", true, "name in Indonesian"),
    col("name_en", true, "name in English"),
    col(
        "latitude",
        false,
        "where to mark a country too small for the map",
    ),
    col("longitude", false, "as latitude"),
];

const FACILITIES: [Column; 13] = [
    col(
        "id",
        true,
        "lower-case letters, digits and dashes, e.g. lapas-cirebon",
    ),
    col("name", true, "e.g. Lapas Cirebon"),
    col("kind", true, "Lapas, Rutan, LPKA or Bapas"),
    col("province", true, "e.g. Jawa Barat"),
    col("latitude", true, "decimal degrees, e.g. -6.73"),
    col("longitude", true, "decimal degrees, e.g. 108.55"),
    col("role", true, "zoning role: producer, supplier or both"),
    col(
        "has_blk",
        false,
        "has a vocational training centre (BLK): yes, no, or empty if unknown",
    ),
    col("export_model", true, "active, planned or none"),
    PROVENANCE_COLUMNS[0],
    PROVENANCE_COLUMNS[1],
    PROVENANCE_COLUMNS[2],
    PROVENANCE_COLUMNS[3],
];

const PRODUCTS: [Column; 12] = [
    col(
        "id",
        true,
        "lower-case letters, digits and dashes, e.g. coco-shade",
    ),
    col("name_id", true, "name in Indonesian"),
    col("name_en", true, "name in English"),
    col(
        "category",
        true,
        "handicraft, textile, furniture, food, fishery or energy",
    ),
    col(
        "unit",
        true,
        "what it is counted in: piece, kilogram, set or square_metre",
    ),
    col(
        "status",
        true,
        "exporting, pilot, in_development or planned",
    ),
    col("hs_code", false, "customs (HS) code"),
    col(
        "facilities",
        false,
        "facilities named for it beyond its records, separated by ;",
    ),
    PROVENANCE_COLUMNS[0],
    PROVENANCE_COLUMNS[1],
    PROVENANCE_COLUMNS[2],
    PROVENANCE_COLUMNS[3],
];

const SHIPMENTS: [Column; 14] = [
    col(
        "id",
        true,
        "the release's own id, e.g. cirebon-2025-06-17-es",
    ),
    col(
        "date",
        false,
        "date of the release as YYYY-MM-DD; empty when the source gives none",
    ),
    col(
        "facility_id",
        true,
        "the facility that made it (facilities.csv)",
    ),
    col("product_id", true, "the product (products.csv)"),
    col("country", true, "destination, ISO 3166-1 alpha-2, e.g. ES"),
    col(
        "quantity",
        true,
        "a positive number in the product's unit; dot for decimals, no thousands separators",
    ),
    col(
        "unit",
        true,
        "the product's unit: piece, kilogram, set or square_metre",
    ),
    col("value_idr", false, "value in rupiah, whole number"),
    col("value_usd", false, "value in US dollars"),
    col(
        "provisional",
        false,
        "yes for a provisional figure (data sementara); empty or no otherwise",
    ),
    PROVENANCE_COLUMNS[0],
    PROVENANCE_COLUMNS[1],
    PROVENANCE_COLUMNS[2],
    PROVENANCE_COLUMNS[3],
];

const PRODUCTION: [Column; 10] = [
    col("facility_id", true, "the facility (facilities.csv)"),
    col("product_id", true, "the product (products.csv)"),
    col("month", true, "YYYY-MM"),
    col(
        "quantity",
        true,
        "zero or more in the product's unit; dot for decimals, no thousands separators",
    ),
    col("unit", true, "the product's unit"),
    col(
        "provisional",
        false,
        "yes for a provisional figure (data sementara)",
    ),
    PROVENANCE_COLUMNS[0],
    PROVENANCE_COLUMNS[1],
    PROVENANCE_COLUMNS[2],
    PROVENANCE_COLUMNS[3],
];

const SUPPLY_LINKS: [Column; 9] = [
    col("id", true, "the link's own id"),
    col(
        "supplier_id",
        true,
        "the facility that supplies the material",
    ),
    col("producer_id", true, "the facility that makes the product"),
    col(
        "material_id",
        true,
        "the material in Indonesian, e.g. sabut kelapa",
    ),
    col("material_en", true, "the material in English"),
    PROVENANCE_COLUMNS[0],
    PROVENANCE_COLUMNS[1],
    PROVENANCE_COLUMNS[2],
    PROVENANCE_COLUMNS[3],
];

const STATEMENTS: [Column; 9] = [
    col("id", true, "the statement's own id"),
    col("text_id", true, "what the source says, in Indonesian"),
    col("text_en", true, "the same in English"),
    col("figure", false, "a figure it gives, if any"),
    col(
        "approximate",
        false,
        "yes if the figure is approximate (\"about eight\")",
    ),
    col(
        "countries",
        false,
        "countries it names, alpha-2 codes separated by ;",
    ),
    col("source_id", true, "the id of a row in sources.csv"),
    col("source_fact", false, "which fact of the source"),
    col("source_quote", false, "the source's own words"),
];

impl Table {
    pub const ALL: [Table; 8] = [
        Table::Sources,
        Table::Countries,
        Table::Facilities,
        Table::Products,
        Table::Shipments,
        Table::Production,
        Table::SupplyLinks,
        Table::Statements,
    ];

    /// The table's name in file names, the API and messages.
    pub fn name(self) -> &'static str {
        match self {
            Table::Sources => "sources",
            Table::Countries => "countries",
            Table::Facilities => "facilities",
            Table::Products => "products",
            Table::Shipments => "shipments",
            Table::Production => "production",
            Table::SupplyLinks => "supply_links",
            Table::Statements => "statements",
        }
    }

    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    pub fn parse(name: &str) -> Option<Table> {
        let name = name.trim_end_matches(".csv");
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The table whose columns a header holds exactly (in any order).
    pub fn of_header(header: &[String]) -> Option<Table> {
        let mut got: Vec<&str> = header.iter().map(|h| h.trim()).collect();
        got.sort_unstable();
        Table::ALL.into_iter().find(|t| {
            let mut want: Vec<&str> = t.columns().iter().map(|c| c.name).collect();
            want.sort_unstable();
            want == got
        })
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Sources => &SOURCES,
            Table::Countries => &COUNTRIES,
            Table::Facilities => &FACILITIES,
            Table::Products => &PRODUCTS,
            Table::Shipments => &SHIPMENTS,
            Table::Production => &PRODUCTION,
            Table::SupplyLinks => &SUPPLY_LINKS,
            Table::Statements => &STATEMENTS,
        }
    }

    /// The header row of the table's CSV file (its template).
    pub fn header(self) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.name).collect()
    }
}

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
            .zip(values.iter().map(|v| v.trim()))
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

/// Cells of a record, in the table's column order.
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

fn provenance_cells(p: &Provenance) -> [String; 4] {
    match p {
        Provenance::Illustrative => [
            "illustrative".into(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Provenance::Reported { source } => [
            "reported".into(),
            source.id.clone(),
            opt(&source.fact),
            opt(&source.quote),
        ],
    }
}

fn with_provenance(mut cells: Vec<String>, p: &Provenance) -> Vec<String> {
    cells.extend(provenance_cells(p));
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

pub fn shipment_cells(s: &Shipment) -> Vec<String> {
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

/// The records of one table of a dataset, as [`Record`]s.
pub fn records_of(d: &Dataset, table: Table) -> Vec<Record> {
    match table {
        Table::Sources => crate::dataset::sources_of(d)
            .into_values()
            .map(Record::Source)
            .collect(),
        Table::Countries => d.countries.iter().cloned().map(Record::Country).collect(),
        Table::Facilities => d.facilities.iter().cloned().map(Record::Facility).collect(),
        Table::Products => d.products.iter().cloned().map(Record::Product).collect(),
        Table::Shipments => d.shipments.iter().cloned().map(Record::Shipment).collect(),
        Table::Production => d
            .production
            .iter()
            .cloned()
            .map(Record::Production)
            .collect(),
        Table::SupplyLinks => d
            .supply_links
            .iter()
            .cloned()
            .map(Record::SupplyLink)
            .collect(),
        Table::Statements => d
            .statements
            .iter()
            .cloned()
            .map(Record::Statement)
            .collect(),
    }
}

/// A record read from a row of any table.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Source(Source),
    Country(Country),
    Facility(Facility),
    Product(Product),
    Shipment(Shipment),
    Production(ProductionRecord),
    SupplyLink(SupplyLink),
    Statement(SourceStatement),
}

impl Record {
    pub fn table(&self) -> Table {
        match self {
            Record::Source(_) => Table::Sources,
            Record::Country(_) => Table::Countries,
            Record::Facility(_) => Table::Facilities,
            Record::Product(_) => Table::Products,
            Record::Shipment(_) => Table::Shipments,
            Record::Production(_) => Table::Production,
            Record::SupplyLink(_) => Table::SupplyLinks,
            Record::Statement(_) => Table::Statements,
        }
    }

    /// The record as the API writes it (the audit log keeps this).
    pub fn to_json(&self) -> serde_json::Value {
        let value = match self {
            Record::Source(x) => serde_json::to_value(x),
            Record::Country(x) => serde_json::to_value(x),
            Record::Facility(x) => serde_json::to_value(x),
            Record::Product(x) => serde_json::to_value(x),
            Record::Shipment(x) => serde_json::to_value(x),
            Record::Production(x) => serde_json::to_value(x),
            Record::SupplyLink(x) => serde_json::to_value(x),
            Record::Statement(x) => serde_json::to_value(x),
        };
        value.unwrap_or(serde_json::Value::Null)
    }

    /// Puts the record into `d`, replacing the one with the same key; returns the one replaced.
    pub fn put_into(
        self,
        d: &mut Dataset,
        index: &mut HashMap<(Table, String), usize>,
    ) -> Option<Record> {
        fn put<T: Clone>(
            list: &mut Vec<T>,
            at: Option<usize>,
            x: T,
            wrap: fn(T) -> Record,
        ) -> (Option<Record>, usize) {
            match at {
                Some(i) => (Some(wrap(std::mem::replace(&mut list[i], x))), i),
                None => {
                    list.push(x);
                    (None, list.len() - 1)
                }
            }
        }
        let key = (self.table(), self.key());
        let at = index.get(&key).copied();
        let (old, i) = match self {
            Record::Source(x) => put(&mut d.sources, at, x, Record::Source),
            Record::Country(x) => put(&mut d.countries, at, x, Record::Country),
            Record::Facility(x) => put(&mut d.facilities, at, x, Record::Facility),
            Record::Product(x) => put(&mut d.products, at, x, Record::Product),
            Record::Shipment(x) => put(&mut d.shipments, at, x, Record::Shipment),
            Record::Production(x) => put(&mut d.production, at, x, Record::Production),
            Record::SupplyLink(x) => put(&mut d.supply_links, at, x, Record::SupplyLink),
            Record::Statement(x) => put(&mut d.statements, at, x, Record::Statement),
        };
        index.insert(key, i);
        old
    }

    /// The natural key: what makes two rows the same record.
    pub fn key(&self) -> String {
        match self {
            Record::Source(x) => x.id.clone(),
            Record::Country(x) => x.alpha2.clone(),
            Record::Facility(x) => x.id.clone(),
            Record::Product(x) => x.id.clone(),
            Record::Shipment(x) => x.id.clone(),
            Record::Production(x) => production_key(x),
            Record::SupplyLink(x) => x.id.clone(),
            Record::Statement(x) => x.id.clone(),
        }
    }
}

/// A production record's key: facility, product and month.
pub fn production_key(r: &ProductionRecord) -> String {
    format!("{} {} {}", r.facility_id, r.product_id, r.month)
}

/// Where each record of a dataset sits, by table and key (for [`Record::put_into`]).
pub fn index_of(d: &Dataset) -> HashMap<(Table, String), usize> {
    fn add<T>(
        index: &mut HashMap<(Table, String), usize>,
        table: Table,
        list: &[T],
        key: fn(&T) -> String,
    ) {
        index.extend(list.iter().enumerate().map(|(i, x)| ((table, key(x)), i)));
    }
    let mut index = HashMap::with_capacity(d.production.len() + d.shipments.len() + 1024);
    // The dataset's own list of publications; cited ones are found through their records.
    add(&mut index, Table::Sources, &d.sources, |x| x.id.clone());
    add(&mut index, Table::Countries, &d.countries, |x| {
        x.alpha2.clone()
    });
    add(&mut index, Table::Facilities, &d.facilities, |x| {
        x.id.clone()
    });
    add(&mut index, Table::Products, &d.products, |x| x.id.clone());
    add(&mut index, Table::Shipments, &d.shipments, |x| x.id.clone());
    add(&mut index, Table::Production, &d.production, production_key);
    add(&mut index, Table::SupplyLinks, &d.supply_links, |x| {
        x.id.clone()
    });
    add(&mut index, Table::Statements, &d.statements, |x| {
        x.id.clone()
    });
    index
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
