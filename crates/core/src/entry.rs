//! Checking one figure — an export release or a month's production — against what Karya
//! knows. The import, the editors' API and the app's entry form all ask these functions, so
//! a release the form accepts is one the server accepts, and the reasons read the same.

use crate::bounds::*;
use crate::i18n::Lang;
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Today in Indonesia's western time (WIB, UTC+7): the latest date a release can have. The
/// server and the entry form both count it here, so they agree at midnight in Jakarta.
pub fn today_wib(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (now + chrono::Duration::hours(7)).date_naive()
}

/// What a figure may refer to: the ids Karya holds.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub facilities: HashSet<String>,
    pub products: HashMap<String, Unit>,
    pub countries: HashSet<String>,
}

impl Known {
    pub fn new(facilities: &[Facility], products: &[Product], countries: &[Country]) -> Known {
        Known {
            facilities: facilities.iter().map(|f| f.id.clone()).collect(),
            products: products.iter().map(|p| (p.id.clone(), p.unit)).collect(),
            countries: countries.iter().map(|c| c.alpha2.clone()).collect(),
        }
    }
}

/// One thing wrong with a figure, said in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Missing,
    BadId,
    UnknownFacility(String),
    UnknownProduct(String),
    UnknownCountry(String),
    WrongUnit {
        product: Unit,
        given: Unit,
    },
    NotPositive(f64),
    Negative(f64),
    NotWhole {
        quantity: f64,
        unit: Unit,
    },
    NegativeValue,
    FutureDate(NaiveDate),
    NeedsSource,
    /// Past the documented maximum (`bounds`), or not a finite number.
    TooLarge {
        given: f64,
        max: f64,
    },
    /// A year outside `bounds::FIRST_YEAR ..= last`.
    YearOutOfRange {
        year: i32,
        last: i32,
    },
}

/// A problem and the field it is in (the CSV column, the JSON field, the form's input).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: Problem,
}

/// The wire form of a field's problem: what the API sends back in a 422.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn to_error(&self, lang: Lang) -> FieldError {
        FieldError {
            field: self.field.to_string(),
            message: self.problem.message(lang),
        }
    }
}

fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Piece, Lang::Id) => "buah",
        (Unit::Piece, Lang::En) => "pieces",
        (Unit::Kilogram, Lang::Id) => "kilogram",
        (Unit::Kilogram, Lang::En) => "kilograms",
        (Unit::Set, Lang::Id) => "set",
        (Unit::Set, Lang::En) => "sets",
        (Unit::SquareMetre, Lang::Id) => "meter persegi",
        (Unit::SquareMetre, Lang::En) => "square metres",
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Problem::Missing if id => "wajib diisi".into(),
            Problem::Missing => "this is required".into(),
            Problem::BadId if id => "gunakan huruf kecil, angka dan tanda hubung".into(),
            Problem::BadId => "use lower-case letters, digits and dashes".into(),
            Problem::UnknownFacility(x) if id => format!("tidak ada UPT dengan kode {x:?}"),
            Problem::UnknownFacility(x) => format!("unknown facility {x:?}"),
            Problem::UnknownProduct(x) if id => format!("tidak ada produk dengan kode {x:?}"),
            Problem::UnknownProduct(x) => format!("unknown product {x:?}"),
            Problem::UnknownCountry(x) if id => format!("tidak ada negara dengan kode {x:?}"),
            Problem::UnknownCountry(x) => format!("unknown country code {x:?}"),
            Problem::WrongUnit { product, given } if id => format!(
                "produk ini dihitung dalam {}, bukan {}",
                unit_name(*product, lang),
                unit_name(*given, lang)
            ),
            Problem::WrongUnit { product, given } => format!(
                "the product is counted in {}, not {}",
                unit_name(*product, lang),
                unit_name(*given, lang)
            ),
            Problem::NotPositive(q) if id => format!("harus lebih dari nol (tertulis {q})"),
            Problem::NotPositive(q) => format!("expected a positive number, got {q}"),
            Problem::Negative(q) if id => format!("tidak boleh negatif (tertulis {q})"),
            Problem::Negative(q) => format!("expected zero or more, got {q}"),
            Problem::NotWhole { quantity, unit } if id => format!(
                "{} dihitung dalam bilangan bulat; tertulis {quantity} — pemisah ribuan?",
                unit_name(*unit, lang)
            ),
            Problem::NotWhole { quantity, unit } => format!(
                "{} are counted in whole numbers, got {quantity} — a thousands separator?",
                unit_name(*unit, lang)
            ),
            Problem::NegativeValue if id => "nilai tidak boleh negatif".into(),
            Problem::NegativeValue => "a value cannot be negative".into(),
            Problem::FutureDate(d) if id => format!("tanggal {d} belum terjadi"),
            Problem::FutureDate(d) => format!("the date {d} has not happened yet"),
            Problem::NeedsSource if id => {
                "sebutkan sumbernya: penerbit, dan judul, tautan atau nomor dokumen".into()
            }
            Problem::NeedsSource => {
                "name the source: its outlet, and a title, URL or document number".into()
            }
            Problem::TooLarge { given, max } if id => {
                format!("paling banyak {max} (tertulis {given}) — salah ketik?")
            }
            Problem::TooLarge { given, max } => {
                format!("expected at most {max}, got {given} — a typing slip?")
            }
            Problem::YearOutOfRange { year, last } if id => {
                format!("tahun {year} di luar {}–{last}", crate::bounds::FIRST_YEAR)
            }
            Problem::YearOutOfRange { year, last } => {
                format!(
                    "the year {year} is outside {}–{last}",
                    crate::bounds::FIRST_YEAR
                )
            }
        }
    }
}

struct Problems(Vec<FieldProblem>);

impl Problems {
    fn check(&mut self, ok: bool, field: &'static str, problem: impl FnOnce() -> Problem) {
        if !ok {
            self.0.push(FieldProblem {
                field,
                problem: problem(),
            });
        }
    }

    /// Reference, unit and quantity checks every figure shares.
    fn figure(&mut self, known: &Known, facility: &str, product: &str, unit: Unit, quantity: f64) {
        self.check(known.facilities.contains(facility), "facility_id", || {
            Problem::UnknownFacility(facility.to_string())
        });
        match known.products.get(product) {
            None => self.check(false, "product_id", || {
                Problem::UnknownProduct(product.to_string())
            }),
            Some(&expected) => self.check(expected == unit, "unit", || Problem::WrongUnit {
                product: expected,
                given: unit,
            }),
        }
        // Pieces and sets are counted: 1.5 pieces is a typing slip, often "1.500" meant as
        // one thousand five hundred.
        let counted = matches!(unit, Unit::Piece | Unit::Set);
        self.check(
            !counted || !quantity.is_finite() || quantity.fract() == 0.0,
            "quantity",
            || Problem::NotWhole { quantity, unit },
        );
        self.check(quantity_in_bounds(quantity, unit), "quantity", || {
            Problem::TooLarge {
                given: quantity,
                max: max_quantity(unit),
            }
        });
    }

    fn year(&mut self, year: i32, field: &'static str, today: Option<NaiveDate>) {
        self.check(year_in_bounds(year, today), field, || {
            Problem::YearOutOfRange {
                year,
                last: today.map_or(2100, last_year),
            }
        });
    }
}

fn citable(p: &Provenance) -> bool {
    match p {
        Provenance::Illustrative => true,
        Provenance::Reported { source } => {
            !source.outlet.trim().is_empty()
                && (source.title.is_some() || source.url.is_some() || source.document.is_some())
        }
    }
}

/// Everything wrong with an export release, by field. `today` bounds its date.
pub fn shipment_problems(
    x: &Shipment,
    known: &Known,
    today: Option<NaiveDate>,
) -> Vec<FieldProblem> {
    let mut p = Problems(Vec::new());
    p.check(crate::filter::is_valid_id(&x.id), "id", || Problem::BadId);
    p.check(known.countries.contains(&x.country), "country", || {
        Problem::UnknownCountry(x.country.clone())
    });
    // NaN and infinities are refused by the bound below, once.
    p.check(x.quantity > 0.0 || x.quantity.is_nan(), "quantity", || {
        Problem::NotPositive(x.quantity)
    });
    p.figure(known, &x.facility_id, &x.product_id, x.unit, x.quantity);
    p.check(x.value_idr.is_none_or(|v| v >= 0), "value_idr", || {
        Problem::NegativeValue
    });
    let idr = x.value_idr.unwrap_or(0);
    p.check(idr <= MAX_VALUE_IDR, "value_idr", || Problem::TooLarge {
        given: idr as f64,
        max: MAX_VALUE_IDR as f64,
    });
    let usd = x.value_usd.unwrap_or(0.0);
    p.check(usd >= 0.0 || usd.is_nan(), "value_usd", || {
        Problem::NegativeValue
    });
    p.check(usd.is_finite() && usd <= MAX_VALUE_USD, "value_usd", || {
        Problem::TooLarge {
            given: usd,
            max: MAX_VALUE_USD,
        }
    });
    if let Some(date) = x.date {
        p.year(date.year(), "date", today);
        if let Some(today) = today {
            p.check(date <= today, "date", || Problem::FutureDate(date));
        }
    }
    p.check(citable(&x.provenance), "provenance", || {
        Problem::NeedsSource
    });
    p.0
}

/// Everything wrong with a month's production record, by field.
/// `today` bounds its month's year.
pub fn production_problems(
    x: &ProductionRecord,
    known: &Known,
    today: Option<NaiveDate>,
) -> Vec<FieldProblem> {
    let mut p = Problems(Vec::new());
    p.check(x.quantity >= 0.0 || x.quantity.is_nan(), "quantity", || {
        Problem::Negative(x.quantity)
    });
    p.figure(known, &x.facility_id, &x.product_id, x.unit, x.quantity);
    p.year(x.month.year(), "month", today);
    p.check(citable(&x.provenance), "provenance", || {
        Problem::NeedsSource
    });
    p.0
}

/// A new export release as an editor enters it: the record without an id, which the server
/// gives. The app's form builds one, the API's `POST /shipments` reads one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipmentDraft {
    pub date: NaiveDate,
    pub facility_id: String,
    pub product_id: String,
    pub country: String,
    pub quantity: f64,
    pub unit: Unit,
    #[serde(default)]
    pub value_idr: Option<i64>,
    #[serde(default)]
    pub value_usd: Option<f64>,
    #[serde(default)]
    pub provisional: bool,
    pub source: Source,
}

impl ShipmentDraft {
    /// The release with its id: facility, date and destination, and a counter the server
    /// raises until the id is free.
    pub fn into_shipment(self, n: u32) -> Shipment {
        // Ids are at most 64 characters: the stem gives way, never the counter, or a long
        // facility id would give every counter the same id.
        let suffix = format!("-{n}");
        let stem = format!(
            "{}-{}-{}",
            self.facility_id,
            self.date.format("%Y%m%d"),
            self.country.to_ascii_lowercase()
        );
        let stem: String = stem.chars().take(64 - suffix.len()).collect();
        Shipment {
            id: stem + &suffix,
            date: Some(self.date),
            facility_id: self.facility_id,
            product_id: self.product_id,
            country: self.country,
            quantity: self.quantity,
            unit: self.unit,
            value_idr: self.value_idr,
            value_usd: self.value_usd,
            provisional: self.provisional,
            provenance: Provenance::Reported {
                source: Source {
                    id: source_id(&self.source),
                    ..self.source
                },
            },
        }
    }
}

/// A source's id from its details: the same details always give the same id, different
/// ones a different id, so a new citation never silently rewrites an old one.
pub fn source_id(s: &Source) -> String {
    if !s.id.trim().is_empty() {
        return s.id.trim().to_string();
    }
    let slug: String = s
        .outlet
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    // FNV-1a: small, stable across platforms and versions (unlike std's hasher).
    let mut hash: u32 = 0x811c_9dc5;
    for part in [&s.outlet, &opt(&s.title), &opt(&s.url), &opt(&s.document)] {
        for b in part.bytes().chain([0]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("{}-{hash:08x}", slug.chars().take(40).collect::<String>())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known {
            facilities: ["lapas-a".to_string()].into(),
            products: [("coco-shade".to_string(), Unit::Piece)].into(),
            countries: ["ES".to_string()].into(),
        }
    }

    fn draft() -> ShipmentDraft {
        ShipmentDraft {
            date: NaiveDate::from_ymd_opt(2025, 6, 17).unwrap(),
            facility_id: "lapas-a".into(),
            product_id: "coco-shade".into(),
            country: "ES".into(),
            quantity: 750.0,
            unit: Unit::Piece,
            value_idr: None,
            value_usd: None,
            provisional: true,
            source: Source {
                id: String::new(),
                outlet: "Antara".into(),
                title: Some("Ekspor coco shade".into()),
                author: None,
                url: None,
                document: None,
                fact: None,
                quote: None,
            },
        }
    }

    #[test]
    fn a_good_release_passes_and_gets_a_readable_id_and_a_stable_source_id() {
        let s = draft().into_shipment(1);
        assert_eq!(s.id, "lapas-a-20250617-es-1");
        assert!(shipment_problems(&s, &known(), NaiveDate::from_ymd_opt(2025, 6, 17)).is_empty());
        let Provenance::Reported { source } = &s.provenance else {
            panic!("reported")
        };
        assert!(source.id.starts_with("antara-"), "{}", source.id);
        assert_eq!(source.id, source_id(&draft().source));
        let mut other = draft().source;
        other.title = Some("Another story".into());
        assert_ne!(source_id(&other), source.id);
    }

    #[test]
    fn each_mistake_is_named_by_field_in_both_languages() {
        let mut d = draft();
        d.country = "XX".into();
        d.quantity = 1.5;
        d.unit = Unit::Kilogram;
        d.source.outlet = " ".into();
        let s = d.into_shipment(1);
        let problems = shipment_problems(&s, &known(), NaiveDate::from_ymd_opt(2025, 1, 1));
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["country", "unit", "date", "provenance"]);
        assert!(problems[1].problem.message(Lang::En).contains("pieces"));
        assert!(problems[1].problem.message(Lang::Id).contains("buah"));
    }

    #[test]
    fn today_is_counted_in_wib() {
        // 2026-11-19 20:00 UTC is already the 20th in Jakarta.
        let now = chrono::DateTime::from_timestamp_millis(1_795_118_400_000).unwrap();
        assert_eq!(
            today_wib(now),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
    }

    #[test]
    fn a_fractional_count_of_pieces_is_caught() {
        let mut s = draft().into_shipment(1);
        s.quantity = 1.5;
        let problems = shipment_problems(&s, &known(), None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].problem.message(Lang::En).contains("thousands"));
    }
}
