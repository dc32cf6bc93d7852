//! Output by facility for a filter: the ranking's bars and table, and the point sizes on the
//! map of Indonesia. One figure per facility, chosen by a measure that never adds quantities
//! of different units: a product's quantity only once one product is chosen.

use crate::destinations::UnitQuantity;
use crate::filter::Filter;
use crate::model::{Facility, ProductionRecord, Shipment, Unit};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the ranking orders facilities by. URL key `rank`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankMeasure {
    /// Production of the one product chosen, in its unit.
    Quantity,
    /// Export value in US dollars, where the releases give one.
    Value,
    /// Number of export releases.
    #[default]
    Releases,
    /// Number of products made or exported.
    Products,
}

impl RankMeasure {
    pub const ALL: [RankMeasure; 4] = [
        RankMeasure::Releases,
        RankMeasure::Value,
        RankMeasure::Products,
        RankMeasure::Quantity,
    ];

    pub fn parse(s: &str) -> Option<RankMeasure> {
        RankMeasure::ALL.into_iter().find(|m| m.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            RankMeasure::Quantity => "quantity",
            RankMeasure::Value => "value",
            RankMeasure::Releases => "releases",
            RankMeasure::Products => "products",
        }
    }

    /// The measure when none is asked for: with one product chosen, its production (the
    /// figure a reader who picked a product came for); otherwise releases.
    pub fn default_for(filter: &Filter) -> RankMeasure {
        if filter.product.is_some() {
            RankMeasure::Quantity
        } else {
            RankMeasure::Releases
        }
    }

    /// The measure the facilities page shows: the one asked for, or the default; quantity
    /// needs one product, so without one it falls back to releases. The API does not fall
    /// back: asked for quantity without a product it refuses ([`RankError`]).
    pub fn in_force(requested: Option<RankMeasure>, filter: &Filter) -> RankMeasure {
        match requested {
            Some(RankMeasure::Quantity) if filter.product.is_none() => RankMeasure::Releases,
            Some(m) => m,
            None => RankMeasure::default_for(filter),
        }
    }

    /// Whether the figures of several facilities add up to a meaningful total.
    pub fn is_additive(self) -> bool {
        !matches!(self, RankMeasure::Products)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RankError {
    #[error("query parameter `rank`: quantity needs one product (`product=`), because quantities in different units cannot be added")]
    QuantityNeedsProduct,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingRow {
    pub facility_id: String,
    /// The figure ranked and drawn; `None` when unknown (no release gives a value).
    pub value: Option<f64>,
    /// Production in the period, per product in its own unit.
    pub produced: Vec<UnitQuantity>,
    pub releases: u32,
    pub value_usd: Option<f64>,
    pub products: u32,
    pub illustrative: bool,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub filter: Filter,
    pub measure: RankMeasure,
    /// The unit of `value` when the measure is a quantity.
    pub unit: Option<Unit>,
    /// Every facility, largest figure first; facilities without output keep a row with 0.
    pub rows: Vec<RankingRow>,
    /// Sum of the rows' figures where the measure adds up; `None` for product counts.
    pub total: Option<f64>,
    /// First and last year with any production or release, for the period control.
    #[serde(default)]
    pub years: Option<(i32, i32)>,
}

/// What one facility made of one product in a period, in the product's unit: the input of
/// a ranking. The server sums these in SQL; [`production_totals`] is the same sum in Rust.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductionTotal {
    pub facility_id: String,
    pub product_id: String,
    pub unit: Unit,
    pub quantity: f64,
    pub illustrative: bool,
}

/// Sums the records `filter` keeps per facility, product and unit.
pub fn production_totals(filter: &Filter, records: &[ProductionRecord]) -> Vec<ProductionTotal> {
    let mut sums: BTreeMap<(&str, &str, Unit), (f64, bool)> = BTreeMap::new();
    for r in records.iter().filter(|r| filter.matches_production(r)) {
        let e = sums
            .entry((&r.facility_id, &r.product_id, r.unit))
            .or_default();
        e.0 += r.quantity;
        e.1 |= r.provenance.is_illustrative();
    }
    sums.into_iter()
        .map(|((f, p, unit), (quantity, illustrative))| ProductionTotal {
            facility_id: f.to_string(),
            product_id: p.to_string(),
            unit,
            quantity,
            illustrative,
        })
        .collect()
}

/// Ranks every facility for `filter` (its `facility` field is ignored: a ranking compares
/// facilities). `product_unit` is the unit of the chosen product. Rows tie-break by id so
/// the order is stable.
pub fn ranking(
    filter: &Filter,
    measure: RankMeasure,
    product_unit: Option<Unit>,
    facilities: &[Facility],
    shipments: &[Shipment],
    production: &[ProductionTotal],
) -> Result<Ranking, RankError> {
    if measure == RankMeasure::Quantity && filter.product.is_none() {
        return Err(RankError::QuantityNeedsProduct);
    }
    let scope = Filter {
        facility: None,
        ..filter.clone()
    };
    #[derive(Default)]
    struct Acc<'a> {
        produced: BTreeMap<(&'a str, Unit), f64>,
        releases: u32,
        value_usd: Option<f64>,
        products: BTreeSet<&'a str>,
        illustrative: bool,
    }
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    // Totals come already cut to the period; the product is checked again here.
    let wanted = |product: &str| scope.product.as_deref().is_none_or(|p| p == product);
    for t in production.iter().filter(|t| wanted(&t.product_id)) {
        let a = acc.entry(t.facility_id.as_str()).or_default();
        *a.produced.entry((&t.product_id, t.unit)).or_insert(0.0) += t.quantity;
        a.products.insert(&t.product_id);
        a.illustrative |= t.illustrative;
    }
    for s in shipments.iter().filter(|s| scope.matches_shipment(s)) {
        let a = acc.entry(s.facility_id.as_str()).or_default();
        a.releases += 1;
        if let Some(v) = s.value_usd {
            *a.value_usd.get_or_insert(0.0) += v;
        }
        a.products.insert(&s.product_id);
        a.illustrative |= s.provenance.is_illustrative();
    }
    let unit = product_unit.filter(|_| measure == RankMeasure::Quantity);
    let mut rows: Vec<RankingRow> = facilities
        .iter()
        .map(|f| {
            let a = acc.remove(f.id.as_str()).unwrap_or_default();
            let value = match measure {
                RankMeasure::Quantity => Some(a.produced.values().sum()),
                RankMeasure::Value if a.releases == 0 => Some(0.0),
                RankMeasure::Value => a.value_usd,
                RankMeasure::Releases => Some(a.releases as f64),
                RankMeasure::Products => Some(a.products.len() as f64),
            };
            RankingRow {
                facility_id: f.id.clone(),
                value,
                produced: a
                    .produced
                    .into_iter()
                    .map(|((product_id, unit), quantity)| UnitQuantity {
                        product_id: product_id.to_string(),
                        unit,
                        quantity,
                    })
                    .collect(),
                releases: a.releases,
                value_usd: a.value_usd,
                products: a.products.len() as u32,
                illustrative: a.illustrative || f.provenance.is_illustrative(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &RankingRow| r.value.unwrap_or(-1.0);
        key(b)
            .total_cmp(&key(a))
            .then_with(|| a.facility_id.cmp(&b.facility_id))
    });
    let total = measure
        .is_additive()
        .then(|| rows.iter().filter_map(|r| r.value).sum());
    Ok(Ranking {
        filter: scope,
        measure,
        unit,
        rows,
        total,
        years: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExportModel, FacilityKind, Provenance, ZoningRole};
    use crate::month::Month;

    fn facility(id: &str) -> Facility {
        Facility {
            id: id.into(),
            name: id.into(),
            kind: FacilityKind::Lapas,
            province: "Jawa Barat".into(),
            latitude: -6.0,
            longitude: 107.0,
            role: ZoningRole::Producer,
            has_blk: Some(true),
            export_model: ExportModel::Active,
            provenance: Provenance::Illustrative,
        }
    }

    #[test]
    fn the_measure_in_force_is_quantity_with_one_product_and_never_without() {
        let none = Filter::default();
        let one = Filter {
            product: Some("coco".into()),
            ..Filter::default()
        };
        assert_eq!(RankMeasure::default_for(&none), RankMeasure::Releases);
        assert_eq!(RankMeasure::default_for(&one), RankMeasure::Quantity);
        assert_eq!(RankMeasure::in_force(None, &none), RankMeasure::Releases);
        assert_eq!(RankMeasure::in_force(None, &one), RankMeasure::Quantity);
        assert_eq!(
            RankMeasure::in_force(Some(RankMeasure::Quantity), &none),
            RankMeasure::Releases
        );
        for m in RankMeasure::ALL {
            assert_eq!(RankMeasure::in_force(Some(m), &one), m);
            if m != RankMeasure::Quantity {
                assert_eq!(RankMeasure::in_force(Some(m), &none), m);
            }
        }
    }

    fn made(facility: &str, product: &str, month: &str, q: f64, unit: Unit) -> ProductionRecord {
        ProductionRecord {
            facility_id: facility.into(),
            product_id: product.into(),
            month: month.parse::<Month>().unwrap(),
            quantity: q,
            unit,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    fn release(facility: &str, product: &str, date: &str, usd: Option<f64>) -> Shipment {
        Shipment {
            id: format!("{facility}-{date}"),
            date: Some(date.parse().unwrap()),
            facility_id: facility.into(),
            product_id: product.into(),
            country: "ES".into(),
            quantity: 10.0,
            unit: Unit::Piece,
            value_idr: None,
            value_usd: usd,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    fn data() -> (Vec<Facility>, Vec<Shipment>, Vec<ProductionRecord>) {
        // Records; each test sums them for its filter as the server does.
        (
            vec![facility("a"), facility("b"), facility("c")],
            vec![
                release("a", "bag", "2025-03-01", Some(100.0)),
                release("a", "bag", "2025-04-01", None),
                release("b", "coffee", "2025-05-01", Some(500.0)),
                release("b", "coffee", "2024-05-01", Some(900.0)),
            ],
            vec![
                made("a", "bag", "2025-01", 40.0, Unit::Piece),
                made("a", "coffee", "2025-01", 7.0, Unit::Kilogram),
                made("b", "coffee", "2025-02", 30.0, Unit::Kilogram),
                made("b", "coffee", "2024-02", 99.0, Unit::Kilogram),
            ],
        )
    }

    fn year_2025() -> Filter {
        Filter::from_pairs([("from", "2025"), ("to", "2025")]).unwrap()
    }

    #[test]
    fn releases_rank_every_facility_and_sum_to_the_filtered_count() {
        let (f, s, p) = data();
        let p = production_totals(&year_2025(), &p);
        let r = ranking(&year_2025(), RankMeasure::Releases, None, &f, &s, &p).unwrap();
        let order: Vec<_> = r.rows.iter().map(|r| r.facility_id.as_str()).collect();
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(r.total, Some(3.0));
        assert_eq!(r.rows[2].value, Some(0.0));
    }

    #[test]
    fn quantity_needs_a_product_and_never_mixes_units() {
        let (f, s, p) = data();
        let p = production_totals(&year_2025(), &p);
        assert_eq!(
            ranking(&year_2025(), RankMeasure::Quantity, None, &f, &s, &p),
            Err(RankError::QuantityNeedsProduct)
        );
        let coffee = Filter {
            product: Some("coffee".into()),
            ..year_2025()
        };
        let r = ranking(
            &coffee,
            RankMeasure::Quantity,
            Some(Unit::Kilogram),
            &f,
            &s,
            &p,
        )
        .unwrap();
        assert_eq!(r.unit, Some(Unit::Kilogram));
        assert_eq!(r.rows[0].facility_id, "b");
        assert_eq!(r.rows[0].value, Some(30.0));
        // a's 40 pieces of bags are not added to its 7 kg of coffee.
        assert_eq!(r.rows[1].value, Some(7.0));
        assert_eq!(r.total, Some(37.0));
    }

    #[test]
    fn value_is_unknown_rather_than_zero_when_no_release_gives_one() {
        let (f, mut s, p) = data();
        s.push(release("c", "bag", "2025-06-01", None));
        let p = production_totals(&year_2025(), &p);
        let r = ranking(&year_2025(), RankMeasure::Value, None, &f, &s, &p).unwrap();
        let c = r.rows.iter().find(|r| r.facility_id == "c").unwrap();
        assert_eq!(c.value, None);
        assert_eq!(r.rows[0].value, Some(500.0));
        assert_eq!(r.total, Some(600.0));
    }

    #[test]
    fn product_counts_do_not_pretend_to_add_up_and_the_facility_filter_is_ignored() {
        let (f, s, p) = data();
        let filter = Filter {
            facility: Some("b".into()),
            ..year_2025()
        };
        // Totals come for every facility, as a ranking needs.
        let p = production_totals(&year_2025(), &p);
        let r = ranking(&filter, RankMeasure::Products, None, &f, &s, &p).unwrap();
        assert_eq!(r.total, None);
        assert_eq!(r.rows.len(), 3);
        assert_eq!(r.rows[0].facility_id, "a");
        assert_eq!(r.rows[0].value, Some(2.0));
        assert_eq!(r.rows[0].produced.len(), 2);
    }
}
