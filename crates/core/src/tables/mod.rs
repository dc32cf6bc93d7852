//! Every record type as a table of text cells: the CSV files data officers import and
//! `karya export` writes. One column list per table drives reading, writing, the templates
//! and the documentation, so they cannot disagree.

pub mod cell;
mod read;
mod record;
mod write;

pub use read::{read_row, CellError, RowReader};
pub use record::{index_of, production_key, records_of, Record};
pub use write::{enum_cell, provenance_cells, rows_of};

/// The tables in the order an import writes them: a record only names records before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Sources,
    ExchangeRates,
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

/// Rupiah per US dollar on a day, as the ministry imports it (e.g. Bank Indonesia's JISDOR).
const EXCHANGE_RATES: [Column; 5] = [
    col("date", true, "the day of the rate, YYYY-MM-DD"),
    col(
        "idr_per_usd",
        true,
        "rupiah per US dollar that day, e.g. 16250.5; dot for decimals",
    ),
    col(
        "source_id",
        true,
        "the id of a row in sources.csv, e.g. bi-jisdor",
    ),
    col("source_fact", false, "which fact of the source"),
    col("source_quote", false, "the source's own words"),
];

impl Table {
    pub const ALL: [Table; 9] = [
        Table::Sources,
        Table::ExchangeRates,
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
            Table::ExchangeRates => "exchange_rates",
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
            Table::ExchangeRates => &EXCHANGE_RATES,
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
