//! Where exports go: per destination country and per facility→country flow, for a filter and
//! a measure. The API serves this and the map, its table and its CSV all draw from it, so
//! they cannot disagree; `total` is the sum the choropleth encodes.

use crate::filter::Filter;
use crate::model::{Shipment, Unit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the choropleth encodes.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Number of export releases.
    #[default]
    Releases,
    /// Value in US dollars, where the records give one.
    Value,
    /// Quantity in the unit of the one product chosen.
    Quantity,
}

impl Measure {
    pub fn parse(s: &str) -> Option<Measure> {
        match s {
            "releases" => Some(Measure::Releases),
            "value" => Some(Measure::Value),
            "quantity" => Some(Measure::Quantity),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Measure::Releases => "releases",
            Measure::Value => "value",
            Measure::Quantity => "quantity",
        }
    }

    /// The measure when none is asked for: releases, whatever the filter. Unlike the ranking,
    /// the map does not switch to quantity when one product is chosen; the reader does.
    pub fn default_for(_filter: &Filter) -> Measure {
        Measure::Releases
    }

    /// The measure the map shows: the one asked for, or the default; quantity needs one
    /// product, so without one it falls back to releases. The API does not fall back: asked
    /// for quantity without a product it refuses ([`MeasureError`]), so a caller learns why.
    pub fn in_force(requested: Option<Measure>, filter: &Filter) -> Measure {
        match requested {
            Some(Measure::Quantity) if filter.product.is_none() => Measure::Releases,
            Some(m) => m,
            None => Measure::default_for(filter),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeasureError {
    #[error("query parameter `measure`: quantity needs one product (`product=`), because quantities in different units cannot be added")]
    QuantityNeedsProduct,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitQuantity {
    pub product_id: String,
    pub unit: Unit,
    pub quantity: f64,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DestinationStat {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub shipments: u32,
    /// Sum of known values; `None` when no release to this country gives one.
    pub value_usd: Option<f64>,
    pub shipments_without_value: u32,
    /// Per product, in its own unit.
    pub quantities: Vec<UnitQuantity>,
    pub latest: Option<NaiveDate>,
    pub undated: u32,
    pub illustrative: bool,
    /// How many of its releases are provisional (*data sementara*).
    #[serde(default)]
    pub provisional: u32,
    /// The figure the choropleth encodes for the measure; `None` when unknown.
    pub value: Option<f64>,
}

/// Releases from one facility to one country.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub facility_id: String,
    pub country: String,
    pub shipments: u32,
    /// The figure the arc's width encodes (same measure as the map).
    pub value: Option<f64>,
}

/// Flows drawn as arcs, at most.
pub const MAX_FLOWS: usize = 150;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OtherFlows {
    pub flows: u32,
    pub shipments: u32,
    pub value: f64,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Destinations {
    pub filter: Filter,
    pub measure: Measure,
    /// The unit of `value` when the measure is a quantity.
    pub unit: Option<Unit>,
    /// Countries with releases in the filter, largest value first.
    pub countries: Vec<DestinationStat>,
    /// The largest flows, at most [`MAX_FLOWS`]: more arcs than that cannot be read.
    pub flows: Vec<Flow>,
    /// What the flows left out add up to, so that nothing silently disappears.
    #[serde(default)]
    pub other_flows: OtherFlows,
    /// Sum of the encoded values: equal to what the table and the API's summary give.
    pub total: f64,
    pub shipments: u32,
    /// First and last year with dated releases in the whole dataset (for the year slider).
    pub years: Option<(i32, i32)>,
}

#[derive(Default)]
struct Acc {
    shipments: u32,
    value: Option<f64>,
    without_value: u32,
    quantities: BTreeMap<(String, Unit), f64>,
    latest: Option<NaiveDate>,
    undated: u32,
    illustrative: bool,
    provisional: u32,
}

impl Acc {
    fn add(&mut self, s: &Shipment) {
        self.shipments += 1;
        match s.value_usd {
            Some(v) => self.value = Some(self.value.unwrap_or(0.0) + v),
            None => self.without_value += 1,
        }
        *self
            .quantities
            .entry((s.product_id.clone(), s.unit))
            .or_insert(0.0) += s.quantity;
        match s.date {
            Some(d) => self.latest = self.latest.max(Some(d)),
            None => self.undated += 1,
        }
        self.illustrative |= s.provenance.is_illustrative();
        self.provisional += u32::from(s.provisional);
    }

    fn encoded(&self, measure: Measure) -> Option<f64> {
        match measure {
            Measure::Releases => Some(self.shipments as f64),
            Measure::Value => self.value,
            // Only reachable with one product chosen, so there is one unit.
            Measure::Quantity => Some(self.quantities.values().sum()),
        }
    }
}

pub fn destinations(
    filter: &Filter,
    shipments: &[Shipment],
    measure: Measure,
) -> Result<Destinations, MeasureError> {
    if measure == Measure::Quantity && filter.product.is_none() {
        return Err(MeasureError::QuantityNeedsProduct);
    }
    let years: BTreeSet<i32> = shipments
        .iter()
        .filter_map(|s| s.date)
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    let mut by_country: BTreeMap<&str, Acc> = BTreeMap::new();
    let mut by_flow: BTreeMap<(&str, &str), Acc> = BTreeMap::new();
    let mut unit = None;
    let mut count = 0;
    for s in shipments.iter().filter(|s| filter.matches_shipment(s)) {
        count += 1;
        unit = Some(s.unit);
        by_country.entry(&s.country).or_default().add(s);
        by_flow
            .entry((&s.facility_id, &s.country))
            .or_default()
            .add(s);
    }
    let mut countries: Vec<DestinationStat> = by_country
        .into_iter()
        .map(|(country, a)| DestinationStat {
            country: country.to_string(),
            shipments: a.shipments,
            value_usd: a.value,
            shipments_without_value: a.without_value,
            quantities: a
                .quantities
                .iter()
                .map(|((product_id, unit), quantity)| UnitQuantity {
                    product_id: product_id.clone(),
                    unit: *unit,
                    quantity: *quantity,
                })
                .collect(),
            latest: a.latest,
            undated: a.undated,
            illustrative: a.illustrative,
            provisional: a.provisional,
            value: a.encoded(measure),
        })
        .collect();
    countries.sort_by(|a, b| {
        b.value
            .unwrap_or(-1.0)
            .total_cmp(&a.value.unwrap_or(-1.0))
            .then(a.country.cmp(&b.country))
    });
    let mut flows: Vec<Flow> = by_flow
        .into_iter()
        .map(|((facility, country), a)| Flow {
            facility_id: facility.to_string(),
            country: country.to_string(),
            shipments: a.shipments,
            value: a.encoded(measure),
        })
        .collect();
    flows.sort_by(|a, b| b.value.unwrap_or(0.0).total_cmp(&a.value.unwrap_or(0.0)));
    let rest = flows.split_off(flows.len().min(MAX_FLOWS));
    let other_flows = OtherFlows {
        flows: rest.len() as u32,
        shipments: rest.iter().map(|f| f.shipments).sum(),
        value: rest.iter().filter_map(|f| f.value).sum(),
    };
    Ok(Destinations {
        filter: filter.clone(),
        measure,
        unit: if measure == Measure::Quantity {
            unit
        } else {
            None
        },
        total: countries.iter().filter_map(|c| c.value).sum(),
        shipments: count,
        countries,
        flows,
        other_flows,
        years: years.first().zip(years.last()).map(|(a, b)| (*a, *b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn ship(
        facility: &str,
        product: &str,
        country: &str,
        date: Option<&str>,
        qty: f64,
        usd: Option<f64>,
    ) -> Shipment {
        Shipment {
            id: format!("{facility}-{country}-{qty}"),
            date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            facility_id: facility.into(),
            product_id: product.into(),
            country: country.into(),
            quantity: qty,
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

    fn data() -> Vec<Shipment> {
        vec![
            ship("a", "coco", "ES", None, 750.0, None),
            ship("a", "coco", "ES", Some("2024-03-01"), 100.0, Some(800.0)),
            ship("b", "coffee", "ES", Some("2025-01-10"), 50.0, Some(400.0)),
            ship("b", "coffee", "JP", Some("2023-07-01"), 20.0, None),
        ]
    }

    #[test]
    fn the_measure_in_force_needs_a_product_for_quantity_and_defaults_to_releases() {
        let none = Filter::default();
        let one = Filter {
            product: Some("coco".into()),
            ..Filter::default()
        };
        assert_eq!(Measure::default_for(&none), Measure::Releases);
        assert_eq!(Measure::default_for(&one), Measure::Releases);
        assert_eq!(Measure::in_force(None, &none), Measure::Releases);
        assert_eq!(Measure::in_force(None, &one), Measure::Releases);
        assert_eq!(
            Measure::in_force(Some(Measure::Quantity), &none),
            Measure::Releases
        );
        assert_eq!(
            Measure::in_force(Some(Measure::Quantity), &one),
            Measure::Quantity
        );
        for m in [Measure::Releases, Measure::Value] {
            assert_eq!(Measure::in_force(Some(m), &none), m);
            assert_eq!(Measure::in_force(Some(m), &one), m);
        }
    }

    #[test]
    fn releases_per_country_add_up_to_the_total() {
        let d = destinations(&Filter::default(), &data(), Measure::Releases).unwrap();
        let pairs: Vec<(&str, Option<f64>)> = d
            .countries
            .iter()
            .map(|c| (c.country.as_str(), c.value))
            .collect();
        assert_eq!(pairs, [("ES", Some(3.0)), ("JP", Some(1.0))]);
        assert_eq!((d.total, d.shipments), (4.0, 4));
        assert_eq!(d.years, Some((2023, 2025)));
        let es = &d.countries[0];
        assert_eq!(
            (es.undated, es.latest.unwrap().to_string().as_str()),
            (1, "2025-01-10")
        );
        assert_eq!(es.quantities.len(), 2, "coco shade and coffee stay apart");
    }

    #[test]
    fn value_counts_only_known_values() {
        let d = destinations(&Filter::default(), &data(), Measure::Value).unwrap();
        let jp = d.countries.iter().find(|c| c.country == "JP").unwrap();
        assert_eq!(jp.value, None);
        assert_eq!(d.total, 1200.0);
        assert_eq!(d.countries[0].shipments_without_value, 1);
    }

    #[test]
    fn quantity_needs_one_product_and_then_has_its_unit() {
        assert_eq!(
            destinations(&Filter::default(), &data(), Measure::Quantity),
            Err(MeasureError::QuantityNeedsProduct)
        );
        let f = Filter::from_pairs([("product", "coffee")]).unwrap();
        let d = destinations(&f, &data(), Measure::Quantity).unwrap();
        assert_eq!((d.unit, d.total), (Some(Unit::Kilogram), 70.0));
    }

    #[test]
    fn flows_beyond_the_drawable_are_summed_not_dropped() {
        let many: Vec<Shipment> = (0..400)
            .map(|i| ship(&format!("f{i}"), "coco", "ES", None, 1.0 + i as f64, None))
            .collect();
        let d = destinations(&Filter::default(), &many, Measure::Releases).unwrap();
        assert_eq!(d.flows.len(), MAX_FLOWS);
        assert_eq!(d.other_flows.flows as usize, 400 - MAX_FLOWS);
        let drawn: f64 = d.flows.iter().filter_map(|f| f.value).sum();
        assert_eq!(drawn + d.other_flows.value, d.total);
    }

    #[test]
    fn flows_split_by_facility_and_sum_to_the_total() {
        let d = destinations(&Filter::default(), &data(), Measure::Releases).unwrap();
        assert_eq!(d.flows.len(), 3);
        assert_eq!(d.flows.iter().filter_map(|f| f.value).sum::<f64>(), d.total);
    }
}
