//! The domain records of Karya — the JSON contract under `/api/v1/`.
//! Words follow the users' own (see shared/context/README.md): Lapas, Rutan, LPKA, Bapas, BLK, zonasi.

use crate::month::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a record comes from. Every record carries one, and the app shows it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// Stated by a public source, cited.
    Reported { source: Source },
    /// Made up for the sample dataset to show how Karya works; never an official figure.
    Illustrative,
}

impl Provenance {
    pub fn is_illustrative(&self) -> bool {
        matches!(self, Provenance::Illustrative)
    }

    pub fn kind(&self) -> ProvenanceKind {
        match self {
            Provenance::Reported { .. } => ProvenanceKind::Reported,
            Provenance::Illustrative => ProvenanceKind::Illustrative,
        }
    }

    /// The database's one-word name for the kind.
    pub fn kind_name(&self) -> &'static str {
        self.kind().as_str()
    }
}

/// A provenance without its citation: what the database's `provenance` column, a CSV file's
/// `provenance` cell and the API's `provenance=` query hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProvenanceKind {
    Reported,
    Illustrative,
}

impl ProvenanceKind {
    pub const ALL: [ProvenanceKind; 2] = [ProvenanceKind::Reported, ProvenanceKind::Illustrative];

    pub fn as_str(self) -> &'static str {
        match self {
            ProvenanceKind::Reported => "reported",
            ProvenanceKind::Illustrative => "illustrative",
        }
    }

    pub fn parse(text: &str) -> Option<ProvenanceKind> {
        ProvenanceKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// A citation: which publication says it, and where in it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id of the publication, shared by every record that cites it.
    pub id: String,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A document reference where there is no URL (a letter, a report, an archived copy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Which fact of the source this record rests on, e.g. "F7".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// The source's own words for that fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum FacilityKind {
    /// Lembaga Pemasyarakatan: prison.
    #[default]
    Lapas,
    /// Rumah Tahanan Negara: remand centre.
    Rutan,
    /// Lembaga Pembinaan Khusus Anak: juvenile facility.
    #[serde(rename = "LPKA")]
    Lpka,
    /// Balai Pemasyarakatan: probation and parole office.
    Bapas,
}

/// Zoning (zonasi, F5): who makes the product, who supplies its materials.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ZoningRole {
    #[default]
    Producer,
    Supplier,
    Both,
}

impl ZoningRole {
    /// The role's code in JSON, CSV and the `data-role` hook.
    pub fn code(self) -> &'static str {
        match self {
            ZoningRole::Producer => "producer",
            ZoningRole::Supplier => "supplier",
            ZoningRole::Both => "both",
        }
    }
}

/// Whether a facility runs the export-oriented model (F9: planned for Nusakambangan).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ExportModel {
    #[default]
    Active,
    Planned,
    None,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facility {
    /// A readable slug, e.g. `lapas-cirebon`.
    pub id: String,
    pub name: String,
    pub kind: FacilityKind,
    pub province: String,
    pub latitude: f64,
    pub longitude: f64,
    pub role: ZoningRole,
    /// Has a vocational training centre (BLK, F4). `None`: the source does not say.
    pub has_blk: Option<bool>,
    pub export_model: ExportModel,
    pub provenance: Provenance,
}

/// The unit a product is counted in. Quantities in different units are never added together.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    Piece,
    Kilogram,
    Set,
    SquareMetre,
}

impl Unit {
    /// The unit's name in JSON, SQL and `data-unit` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Piece => "piece",
            Unit::Kilogram => "kilogram",
            Unit::Set => "set",
            Unit::SquareMetre => "square_metre",
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ProductStatus {
    #[default]
    Exporting,
    Pilot,
    InDevelopment,
    Planned,
}

impl ProductStatus {
    /// Pilot, in development and planned products: the pipeline (F10).
    pub fn is_pipeline(self) -> bool {
        !matches!(self, ProductStatus::Exporting)
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProductCategory {
    #[default]
    Handicraft,
    Textile,
    Furniture,
    Food,
    Fishery,
    Energy,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name_id: String,
    pub name_en: String,
    pub category: ProductCategory,
    pub unit: Unit,
    pub status: ProductStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Facilities named for this product beyond what production and releases show, such as
    /// a planned product's future maker (F10: vannamei shrimp from Nusakambangan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilities: Vec<String>,
    pub provenance: Provenance,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub alpha2: String,
    /// ISO 3166-1 numeric, three digits ("036" for Australia).
    pub numeric: String,
    pub name_id: String,
    pub name_en: String,
    /// Where to put a point marker when the map has no shape for the country (a small
    /// territory); shapes come from the map file, not from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

/// An export release (pelepasan ekspor): one dispatch of one product to one country.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// A correction with a field nobody reads is a client's mistake, said rather than ignored.
#[serde(deny_unknown_fields)]
pub struct Shipment {
    pub id: String,
    /// `None` when the source gives no date: Karya does not make one up.
    pub date: Option<NaiveDate>,
    pub facility_id: String,
    pub product_id: String,
    /// ISO 3166-1 alpha-2 of the destination.
    pub country: String,
    pub quantity: f64,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_idr: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_usd: Option<f64>,
    /// A provisional figure (*data sementara*): reported early, may still be corrected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    pub provenance: Provenance,
}

/// What one facility made of one product in one month.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// A correction with a field nobody reads is a client's mistake, said rather than ignored.
#[serde(deny_unknown_fields)]
pub struct ProductionRecord {
    pub facility_id: String,
    pub product_id: String,
    pub month: Month,
    pub quantity: f64,
    pub unit: Unit,
    /// A provisional figure (*data sementara*): reported early, may still be corrected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    pub provenance: Provenance,
}

/// Zoning in practice (F5): a supplier facility sends a material to a producer facility.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplyLink {
    pub id: String,
    pub supplier_id: String,
    pub producer_id: String,
    pub material_id: String,
    pub material_en: String,
    pub provenance: Provenance,
}

/// A statement of a source that is not a record of its own, such as "about eight destination
/// countries" (F8): shown as the source says it, next to what the data counts.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStatement {
    pub id: String,
    pub text_id: String,
    pub text_en: String,
    /// A figure the statement gives, if any, with its qualifier ("about").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<f64>,
    #[serde(default)]
    pub approximate: bool,
    /// Countries the statement names (alpha-2).
    #[serde(default)]
    pub countries: Vec<String>,
    pub source: Source,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_are_their_json_names() {
        for role in [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both] {
            assert_eq!(serde_json::to_value(role).unwrap(), role.code());
        }
    }

    #[test]
    fn provenance_kinds_are_the_json_tags() {
        for kind in ProvenanceKind::ALL {
            assert_eq!(ProvenanceKind::parse(kind.as_str()), Some(kind));
        }
        let reported = Provenance::Reported {
            source: Source {
                id: "s".into(),
                outlet: "o".into(),
                title: None,
                author: None,
                url: None,
                document: None,
                fact: None,
                quote: None,
            },
        };
        for p in [reported, Provenance::Illustrative] {
            assert_eq!(serde_json::to_value(&p).unwrap()["kind"], p.kind().as_str());
        }
        assert_eq!(ProvenanceKind::parse("estimated"), None);
    }

    #[test]
    fn unit_codes_are_their_json_names() {
        for unit in [Unit::Piece, Unit::Kilogram, Unit::Set, Unit::SquareMetre] {
            assert_eq!(serde_json::to_value(unit).unwrap(), unit.code());
        }
    }
}
