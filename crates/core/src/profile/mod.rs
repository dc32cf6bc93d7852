//! Product and destination profiles (`/product/<id>`, `/country/<alpha2>`): what a profile says
//! about one product or one country, aggregated here from the API's answers so the page only draws.

pub mod words;

use crate::destinations::Destinations;
use crate::format;
use crate::i18n::{status_name, Lang};
use crate::model::{Product, ProductStatus, Shipment, Unit};
use crate::pipeline::PipelineStage;
use chrono::Datelike;
use std::collections::BTreeMap;

/// What a country received of one product, in the product's own unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub product_id: String,
    pub unit: Unit,
    pub quantity: f64,
    pub releases: u32,
    /// Summed over the releases that give a value; `None` when none does.
    pub value_usd: Option<f64>,
    /// Releases without a value in US dollars: the value shown leaves them out.
    pub without_value: u32,
    pub illustrative: bool,
}

/// Releases grouped by product and unit (a product is never summed across units), most
/// releases first, then by id so the order is stable.
pub fn receipts(shipments: &[Shipment]) -> Vec<Receipt> {
    let mut by: BTreeMap<(String, Unit), Receipt> = BTreeMap::new();
    for s in shipments {
        let r = by
            .entry((s.product_id.clone(), s.unit))
            .or_insert_with(|| Receipt {
                product_id: s.product_id.clone(),
                unit: s.unit,
                quantity: 0.0,
                releases: 0,
                value_usd: None,
                without_value: 0,
                illustrative: false,
            });
        r.quantity += s.quantity;
        r.releases += 1;
        r.illustrative |= s.provenance.is_illustrative();
        match s.value_usd {
            Some(v) => r.value_usd = Some(r.value_usd.unwrap_or(0.0) + v),
            None => r.without_value += 1,
        }
    }
    let mut all: Vec<Receipt> = by.into_values().collect();
    all.sort_by(|a, b| {
        b.releases
            .cmp(&a.releases)
            .then(a.product_id.cmp(&b.product_id))
    });
    all
}

/// Releases per calendar year, oldest first, and how many give no date (never put in a year).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearCounts {
    pub years: Vec<(i32, u32)>,
    pub undated: u32,
}

pub fn releases_per_year(shipments: &[Shipment]) -> YearCounts {
    let mut years: BTreeMap<i32, u32> = BTreeMap::new();
    let mut undated = 0;
    for s in shipments {
        match s.date {
            Some(d) => *years.entry(d.year()).or_default() += 1,
            None => undated += 1,
        }
    }
    YearCounts {
        years: years.into_iter().collect(),
        undated,
    }
}

/// The `n` most recent releases, the undated ones last.
pub fn latest(shipments: &[Shipment], n: usize) -> Vec<Shipment> {
    let mut all = shipments.to_vec();
    all.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let (dated, undated): (Vec<_>, Vec<_>) = all.into_iter().partition(|s| s.date.is_some());
    dated.into_iter().chain(undated).take(n).collect()
}

/// Where a product stands in the pipeline (F10), with the facilities named for it or seen
/// making or exporting it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub status: ProductStatus,
    pub facilities: Vec<String>,
}

pub fn stage(product: &Product, pipeline: &[PipelineStage]) -> Stage {
    let listed = pipeline
        .iter()
        .flat_map(|s| &s.products)
        .find(|p| p.product.id == product.id);
    let mut facilities = listed.map(|p| p.facilities.clone()).unwrap_or_default();
    for f in &product.facilities {
        if !facilities.contains(f) {
            facilities.push(f.clone());
        }
    }
    facilities.sort();
    Stage {
        status: product.status,
        facilities,
    }
}

/// The product profile in one sentence: where it went, or that it has not been exported yet.
pub fn product_sentence(
    name: &str,
    status: ProductStatus,
    d: &Destinations,
    country_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    if d.shipments == 0 {
        let stage = status_name(status, lang).to_lowercase();
        return match lang {
            Lang::Id => format!("{name} belum diekspor (tahap: {stage})."),
            Lang::En => format!("{name} has not been exported yet (stage: {stage})."),
        };
    }
    let n = format::integer(d.countries.len() as i64, lang);
    let releases = format::integer(d.shipments as i64, lang);
    let top = d
        .countries
        .first()
        .map(|c| country_name(&c.country))
        .unwrap_or_default();
    let amount = match d.unit {
        Some(unit) => format!(" ({})", format::quantity(d.total, unit, lang)),
        None => String::new(),
    };
    match lang {
        Lang::Id => format!(
            "{name} diekspor ke {n} negara dalam {releases} pelepasan{amount}; terbanyak ke {top}."
        ),
        Lang::En => format!(
            "{name} went to {n} {} in {releases} {}{amount}; most to {top}.",
            plural(d.countries.len(), "country", "countries"),
            plural(d.shipments as usize, "release", "releases"),
        ),
    }
}

/// The destination profile in one sentence: how many releases of how many products.
pub fn country_sentence(
    country: &str,
    receipts: &[Receipt],
    product_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    let releases: u32 = receipts.iter().map(|r| r.releases).sum();
    let Some(first) = receipts.first() else {
        return match lang {
            Lang::Id => format!("Belum ada pelepasan ekspor produk WBP ke {country}."),
            Lang::En => format!("No export releases of WBP products to {country} on record."),
        };
    };
    let products = format::integer(receipts.len() as i64, lang);
    let r = format::integer(releases as i64, lang);
    let top = format!(
        "{} ({})",
        product_name(&first.product_id),
        format::quantity(first.quantity, first.unit, lang)
    );
    match lang {
        Lang::Id => {
            format!("{country} menerima {r} pelepasan {products} produk WBP; terbanyak {top}.")
        }
        Lang::En => format!(
            "{country} received {r} {} of {products} WBP {}; most often {top}.",
            plural(releases as usize, "release", "releases"),
            plural(receipts.len(), "product", "products"),
        ),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests;
