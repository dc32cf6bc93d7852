//! The one filter of Karya — period, product, facility, destination country — with its URL form.
//! The API, the app's address bar and every view read and write the same keys:
//! `from`, `to`, `product`, `facility`, `country`.

use crate::model::{ProductionRecord, Shipment};
use crate::month::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One end of a period, as precise as the person wrote it: `2025`, `2025-08` or `2025-08-17`.
/// Kept as written so a copied link reproduces the view exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum PeriodBound {
    Year(i32),
    Month(Month),
    Day(NaiveDate),
}

/// The years a period may name: Karya's figures start in 2000 (`bounds::FIRST_YEAR`), and a
/// comparison period reaching back from them still has a four-digit year.
pub const PERIOD_YEARS: std::ops::RangeInclusive<i32> = crate::bounds::FIRST_YEAR..=2099;

impl PeriodBound {
    pub fn parse(s: &str) -> Option<Self> {
        Self::parse_any_year(s)
            .filter(|b| PERIOD_YEARS.contains(&chrono::Datelike::year(&b.start())))
    }

    fn parse_any_year(s: &str) -> Option<Self> {
        match s.len() {
            4 if s.bytes().all(|b| b.is_ascii_digit()) => {
                let y: i32 = s.parse().ok()?;
                Month::new(y, 1).map(|_| PeriodBound::Year(y))
            }
            7 => s.parse().ok().map(PeriodBound::Month),
            // Digits where digits belong: chrono alone would take `2025-+8-17`.
            10 if s.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            }) =>
            {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .filter(|d| (1000..=9999).contains(&chrono::Datelike::year(d)))
                    .map(PeriodBound::Day)
            }
            _ => None,
        }
    }

    /// The first day the bound covers.
    pub fn start(self) -> NaiveDate {
        match self {
            PeriodBound::Year(y) => Month::new(y, 1).expect("parsed year").first_day(),
            PeriodBound::Month(m) => m.first_day(),
            PeriodBound::Day(d) => d,
        }
    }

    /// The last day the bound covers.
    pub fn end(self) -> NaiveDate {
        match self {
            PeriodBound::Year(y) => Month::new(y, 12).expect("parsed year").last_day(),
            PeriodBound::Month(m) => m.last_day(),
            PeriodBound::Day(d) => d,
        }
    }
}

impl fmt::Display for PeriodBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodBound::Year(y) => write!(f, "{y:04}"),
            PeriodBound::Month(m) => write!(f, "{m}"),
            PeriodBound::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl From<PeriodBound> for String {
    fn from(b: PeriodBound) -> String {
        b.to_string()
    }
}

impl TryFrom<String> for PeriodBound {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        PeriodBound::parse(&s)
            .ok_or_else(|| format!("expected 2025, 2025-08 or 2025-08-17, got {s:?}"))
    }
}

/// What a view shows. Empty fields mean "all".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PeriodBound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PeriodBound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Why a filter could not be read. Always names the parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("query parameter `{param}`: expected a date like 2025, 2025-08 or 2025-08-17, got {value:?}")]
    BadDate { param: &'static str, value: String },
    #[error("query parameter `{param}`: expected an id of lower-case letters, digits and dashes (at most 64), got {value:?}")]
    BadId { param: &'static str, value: String },
    #[error("query parameter `country`: expected a two-letter ISO 3166-1 code such as ES, got {value:?}")]
    BadCountry { value: String },
    #[error("query parameter `{param}` is given more than once")]
    Repeated { param: &'static str },
    #[error("query parameters `from` and `to`: the period starts ({from}) after it ends ({to})")]
    InvertedPeriod { from: String, to: String },
}

impl FilterError {
    /// The parameter at fault, for error bodies and the app's notice.
    pub fn param(&self) -> &'static str {
        match self {
            FilterError::BadDate { param, .. } | FilterError::BadId { param, .. } => param,
            FilterError::Repeated { param } => param,
            FilterError::BadCountry { .. } => "country",
            FilterError::InvertedPeriod { .. } => "from",
        }
    }
}

/// The query keys a filter owns, in the order they are written to a URL.
pub const FILTER_KEYS: [&str; 5] = ["from", "to", "product", "facility", "country"];

pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Filter {
    /// Reads the filter keys from decoded query pairs, ignoring every other key.
    /// An empty value means "all", as a cleared form field sends it.
    pub fn from_pairs<'a, I>(pairs: I) -> Result<Filter, FilterError>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut filter = Filter::default();
        let mut seen = [false; FILTER_KEYS.len()];
        for (key, value) in pairs {
            let Some(index) = FILTER_KEYS.iter().position(|k| *k == key) else {
                continue;
            };
            let param = FILTER_KEYS[index];
            if std::mem::replace(&mut seen[index], true) {
                return Err(FilterError::Repeated { param });
            }
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match param {
                "from" | "to" => {
                    let bound = PeriodBound::parse(value).ok_or_else(|| FilterError::BadDate {
                        param,
                        value: value.to_string(),
                    })?;
                    *(if param == "from" {
                        &mut filter.from
                    } else {
                        &mut filter.to
                    }) = Some(bound);
                }
                "country" => {
                    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                        return Err(FilterError::BadCountry {
                            value: value.to_string(),
                        });
                    }
                    filter.country = Some(value.to_ascii_uppercase());
                }
                _ => {
                    if !is_valid_id(value) {
                        return Err(FilterError::BadId {
                            param,
                            value: value.to_string(),
                        });
                    }
                    let slot = if param == "product" {
                        &mut filter.product
                    } else {
                        &mut filter.facility
                    };
                    *slot = Some(value.to_string());
                }
            }
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if from.start() > to.end() {
                return Err(FilterError::InvertedPeriod {
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
        }
        Ok(filter)
    }

    /// The filter's keys and values, in a fixed order, for a URL query.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut push = |k, v: Option<String>| {
            if let Some(v) = v {
                pairs.push((k, v));
            }
        };
        push("from", self.from.map(|b| b.to_string()));
        push("to", self.to.map(|b| b.to_string()));
        push("product", self.product.clone());
        push("facility", self.facility.clone());
        push("country", self.country.clone());
        pairs
    }

    /// `from=2024&product=coco-shade`; ids and dates need no escaping by construction.
    pub fn to_query(&self) -> String {
        self.to_pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn has_period(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The one calendar year this filter covers, if it covers exactly one (`from=2025&to=2025`).
    pub fn single_year(&self) -> Option<i32> {
        match (self.from, self.to) {
            (Some(PeriodBound::Year(a)), Some(PeriodBound::Year(b))) if a == b => Some(a),
            _ => None,
        }
    }

    /// This filter for the whole of `year`, or for all time with `None`.
    pub fn with_year(&self, year: Option<i32>) -> Filter {
        let bound = year.map(PeriodBound::Year);
        Filter {
            from: bound,
            to: bound,
            ..self.clone()
        }
    }

    /// The filters of the years just after and before a one-year view, within `years`:
    /// what a year step will ask for next, worth fetching ahead.
    pub fn neighbour_years(&self, years: Option<(i32, i32)>) -> Vec<Filter> {
        let (Some(year), Some((first, last))) = (self.single_year(), years) else {
            return Vec::new();
        };
        [year + 1, year - 1]
            .into_iter()
            .filter(|y| (first..=last).contains(y))
            .map(|y| self.with_year(Some(y)))
            .collect()
    }

    /// First and last day covered, inclusive; `None` for an open end.
    pub fn date_range(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        (
            self.from.map(PeriodBound::start),
            self.to.map(PeriodBound::end),
        )
    }

    fn contains_date(&self, date: NaiveDate) -> bool {
        let (start, end) = self.date_range();
        start.is_none_or(|s| date >= s) && end.is_none_or(|e| date <= e)
    }

    /// An undated shipment matches no period: a date cannot be assumed.
    pub fn matches_shipment(&self, s: &Shipment) -> bool {
        let period_ok = match s.date {
            Some(date) => self.contains_date(date),
            None => !self.has_period(),
        };
        period_ok
            && self.product.as_ref().is_none_or(|p| *p == s.product_id)
            && self.facility.as_ref().is_none_or(|f| *f == s.facility_id)
            && self.country.as_ref().is_none_or(|c| *c == s.country)
    }

    /// A month matches when it overlaps the period. Production has no destination, so a
    /// country filter does not narrow it.
    pub fn matches_production(&self, r: &ProductionRecord) -> bool {
        self.covers_month(r.month)
            && self.product.as_ref().is_none_or(|p| *p == r.product_id)
            && self.facility.as_ref().is_none_or(|f| *f == r.facility_id)
    }

    /// Whether month `m` overlaps the period (a month counts when any of its days does).
    pub fn covers_month(&self, m: Month) -> bool {
        let (start, end) = self.date_range();
        start.is_none_or(|s| m.last_day() >= s) && end.is_none_or(|e| m.first_day() <= e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_year_views_and_their_neighbours() {
        let f = Filter::from_pairs([("from", "2024"), ("to", "2024"), ("product", "x")]).unwrap();
        assert_eq!(f.single_year(), Some(2024));
        let next = f.neighbour_years(Some((2016, 2024)));
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].single_year(), Some(2023));
        assert_eq!(next[0].product.as_deref(), Some("x"));
        assert_eq!(f.neighbour_years(Some((2020, 2030))).len(), 2);
        let span = Filter::from_pairs([("from", "2024"), ("to", "2025")]).unwrap();
        assert_eq!(span.single_year(), None);
        assert!(span.neighbour_years(Some((2020, 2030))).is_empty());
        assert!(!span.with_year(None).has_period());
    }
    use crate::model::{Provenance, Unit};

    fn parse(q: &str) -> Result<Filter, FilterError> {
        let pairs: Vec<(&str, &str)> = q
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        Filter::from_pairs(pairs)
    }

    fn shipment(date: Option<&str>, product: &str, country: &str) -> Shipment {
        Shipment {
            id: "s".into(),
            date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            facility_id: "lapas-cirebon".into(),
            product_id: product.into(),
            country: country.into(),
            quantity: 1.0,
            unit: Unit::Piece,
            value_idr: None,
            value_usd: None,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    #[test]
    fn reads_every_key_and_writes_it_back_unchanged() {
        let q = "from=2024&to=2025-06&product=coco-shade&facility=lapas-cirebon&country=ES";
        let f = parse(q).unwrap();
        assert_eq!(f.from, Some(PeriodBound::Year(2024)));
        assert_eq!(
            f.to.unwrap().end(),
            NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
        );
        assert_eq!(f.to_query(), q);
    }

    #[test]
    fn ignores_keys_it_does_not_own_and_empty_values() {
        let f = parse("lang=en&product=&from=2024-02-29").unwrap();
        assert_eq!(f.product, None);
        assert_eq!(f.to_query(), "from=2024-02-29");
    }

    #[test]
    fn lower_case_country_is_normalised() {
        assert_eq!(parse("country=es").unwrap().country.as_deref(), Some("ES"));
    }

    #[test]
    fn every_error_names_its_parameter() {
        let cases = [
            ("from=yesterday", "from"),
            ("to=2025-02-30", "to"),
            ("product=Coco%20Shade", "product"),
            ("facility=a/b", "facility"),
            ("country=ESP", "country"),
            ("product=a&product=b", "product"),
            ("from=2026&to=2025", "from"),
        ];
        for (q, param) in cases {
            let err = parse(q).unwrap_err();
            assert_eq!(err.param(), param, "{q}");
            assert!(err.to_string().contains(&format!("`{param}`")), "{err}");
        }
    }

    #[test]
    fn undated_shipments_match_only_when_no_period_is_set() {
        let undated = shipment(None, "coco-shade", "ES");
        assert!(Filter::default().matches_shipment(&undated));
        assert!(!parse("from=2020").unwrap().matches_shipment(&undated));
    }

    #[test]
    fn period_bounds_are_inclusive() {
        let f = parse("from=2024-03&to=2024-03").unwrap();
        assert!(f.matches_shipment(&shipment(Some("2024-03-01"), "x", "ES")));
        assert!(f.matches_shipment(&shipment(Some("2024-03-31"), "x", "ES")));
        assert!(!f.matches_shipment(&shipment(Some("2024-04-01"), "x", "ES")));
        assert!(!f.matches_shipment(&shipment(Some("2024-02-29"), "x", "ES")));
    }

    #[test]
    fn product_and_country_narrow_shipments() {
        let f = parse("product=coco-shade&country=ES").unwrap();
        assert!(f.matches_shipment(&shipment(None, "coco-shade", "ES")));
        assert!(!f.matches_shipment(&shipment(None, "coco-shade", "FR")));
        assert!(!f.matches_shipment(&shipment(None, "eco-bag", "ES")));
    }
}
