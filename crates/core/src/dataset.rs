//! A whole dataset as it enters Karya (the sample file today, imports later), and the checks
//! it must pass before anything is written: a record that would vanish from a view or be
//! counted wrongly is refused here, with an error that names it.

use crate::filter::is_valid_id;
use crate::i18n::Lang;
use crate::model::*;
use crate::production::{expand_plan, ProductionPlan};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub countries: Vec<Country>,
    pub facilities: Vec<Facility>,
    pub products: Vec<Product>,
    pub shipments: Vec<Shipment>,
    #[serde(default)]
    pub production: Vec<ProductionRecord>,
    #[serde(default)]
    pub supply_links: Vec<SupplyLink>,
    #[serde(default)]
    pub statements: Vec<SourceStatement>,
    /// Rupiah per US dollar by day: what completes a value given in one currency only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<crate::currency::ExchangeRate>,
    /// Publications no record cites yet (an import may bring a source before its records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// The file form of a dataset: production may be given as compact plans of illustrative output.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DatasetFile {
    #[serde(flatten)]
    pub dataset: Dataset,
    #[serde(default)]
    pub production_plans: Vec<ProductionPlan>,
}

impl DatasetFile {
    /// Expands the plans into monthly records, then validates everything.
    pub fn into_dataset(self) -> Result<Dataset, Vec<DatasetError>> {
        let mut dataset = self.dataset;
        let mut errors = Vec::new();
        let units: HashMap<&str, Unit> = dataset
            .products
            .iter()
            .map(|p| (p.id.as_str(), p.unit))
            .collect();
        let mut expanded = Vec::new();
        for plan in &self.production_plans {
            match units.get(plan.product_id.as_str()) {
                Some(unit) => expanded.extend(expand_plan(plan, *unit)),
                None => errors.push(DatasetError::new(
                    "production plan",
                    &plan.facility_id,
                    "product_id",
                    format!("unknown product {:?}", plan.product_id),
                )),
            }
        }
        dataset.production.extend(expanded);
        errors.extend(dataset.validate().err().unwrap_or_default());
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(errors)
        }
    }
}

/// Every publication the dataset's records cite, by id (without a record's fact and quote).
pub fn sources_of(dataset: &Dataset) -> BTreeMap<String, Source> {
    let reported = |p: &Provenance| match p {
        Provenance::Reported { source } => Some(source.clone()),
        Provenance::Illustrative => None,
    };
    let provenances = dataset
        .facilities
        .iter()
        .map(|x| &x.provenance)
        .chain(dataset.products.iter().map(|x| &x.provenance))
        .chain(dataset.shipments.iter().map(|x| &x.provenance))
        .chain(dataset.production.iter().map(|x| &x.provenance))
        .chain(dataset.supply_links.iter().map(|x| &x.provenance));
    provenances
        .filter_map(reported)
        .chain(dataset.statements.iter().map(|s| s.source.clone()))
        .chain(dataset.exchange_rates.iter().map(|r| r.source.clone()))
        .chain(dataset.sources.iter().cloned())
        .map(|s| {
            (
                s.id.clone(),
                Source {
                    fact: None,
                    quote: None,
                    ..s
                },
            )
        })
        .collect()
}

/// One problem in one record: which record, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    pub record_type: &'static str,
    pub record: String,
    pub field: &'static str,
    pub message: String,
}

impl DatasetError {
    fn new(record_type: &'static str, record: &str, field: &'static str, message: String) -> Self {
        Self {
            record_type,
            record: record.to_string(),
            field,
            message,
        }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}, field `{}`: {}",
            self.record_type, self.record, self.field, self.message
        )
    }
}

impl std::error::Error for DatasetError {}

struct Checker {
    errors: Vec<DatasetError>,
}

impl Checker {
    fn check(
        &mut self,
        ok: bool,
        record_type: &'static str,
        record: &str,
        field: &'static str,
        message: impl FnOnce() -> String,
    ) {
        if !ok {
            self.errors
                .push(DatasetError::new(record_type, record, field, message()));
        }
    }

    fn unique<'a>(
        &mut self,
        record_type: &'static str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            let fresh = seen.insert(id);
            self.check(fresh, record_type, id, "id", || {
                "the id is used twice".into()
            });
        }
        seen
    }

    fn provenance(
        &mut self,
        record_type: &'static str,
        record: &str,
        p: &Provenance,
        sources: &mut HashMap<String, Source>,
    ) {
        let Provenance::Reported { source } = p else {
            return;
        };
        // Figures are checked for a citable source by crate::entry, with the other checks.
        let figure = matches!(record_type, "shipment" | "production record");
        self.check(
            figure || !source.outlet.trim().is_empty(),
            record_type,
            record,
            "provenance",
            || "a reported record needs the outlet of its source".into(),
        );
        self.check(
            figure || source.title.is_some() || source.url.is_some() || source.document.is_some(),
            record_type,
            record,
            "provenance",
            || "a reported record needs a title, URL or document for its source".into(),
        );
        // Records share a publication by id; its details must agree wherever it is cited.
        let publication = |s: &Source| {
            (
                s.outlet.clone(),
                s.title.clone(),
                s.author.clone(),
                s.url.clone(),
                s.document.clone(),
            )
        };
        match sources.get(&source.id) {
            Some(known) => self.check(
                publication(known) == publication(source),
                record_type,
                record,
                "provenance",
                || {
                    format!(
                        "source {:?} is cited with different details elsewhere",
                        source.id
                    )
                },
            ),
            None => {
                sources.insert(source.id.clone(), source.clone());
            }
        }
    }
}

impl Dataset {
    /// Gives every citation the publication details in `sources` (keeping each record's own
    /// fact and quote): after an import changes a source, all its citations agree again.
    pub fn resync_sources(&mut self, sources: &HashMap<String, Source>) {
        let sync = |s: &mut Source| {
            if let Some(p) = sources.get(&s.id) {
                *s = Source {
                    fact: s.fact.take(),
                    quote: s.quote.take(),
                    ..p.clone()
                };
            }
        };
        let provenances = self
            .facilities
            .iter_mut()
            .map(|x| &mut x.provenance)
            .chain(self.products.iter_mut().map(|x| &mut x.provenance))
            .chain(self.shipments.iter_mut().map(|x| &mut x.provenance))
            .chain(self.production.iter_mut().map(|x| &mut x.provenance))
            .chain(self.supply_links.iter_mut().map(|x| &mut x.provenance));
        for p in provenances {
            if let Provenance::Reported { source } = p {
                sync(source);
            }
        }
        for st in &mut self.statements {
            sync(&mut st.source);
        }
        for r in &mut self.exchange_rates {
            sync(&mut r.source);
        }
        for s in &mut self.sources {
            sync(s);
        }
    }

    /// Every problem at once, so a data officer can fix a file in one pass.
    pub fn validate(&self) -> Result<(), Vec<DatasetError>> {
        self.validate_at(None)
    }

    /// As [`Dataset::validate`], with dates after `today` refused too, as the editors' API
    /// refuses them (an import is checked as a single write is).
    pub fn validate_at(&self, today: Option<chrono::NaiveDate>) -> Result<(), Vec<DatasetError>> {
        let mut c = Checker { errors: Vec::new() };
        let mut sources = HashMap::new();

        let countries = c.unique("country", self.countries.iter().map(|x| x.alpha2.as_str()));
        for x in &self.countries {
            let alpha_ok = x.alpha2.len() == 2 && x.alpha2.bytes().all(|b| b.is_ascii_uppercase());
            c.check(alpha_ok, "country", &x.alpha2, "alpha2", || {
                "expected two upper-case letters".into()
            });
            let numeric_ok = x.numeric.len() == 3 && x.numeric.bytes().all(|b| b.is_ascii_digit());
            c.check(numeric_ok, "country", &x.alpha2, "numeric", || {
                format!("expected three digits, got {:?}", x.numeric)
            });
        }

        let facilities = c.unique("facility", self.facilities.iter().map(|x| x.id.as_str()));
        for x in &self.facilities {
            c.check(is_valid_id(&x.id), "facility", &x.id, "id", || {
                "use lower-case letters, digits and dashes".into()
            });
            let inside =
                (-90.0..=90.0).contains(&x.latitude) && (-180.0..=180.0).contains(&x.longitude);
            c.check(inside, "facility", &x.id, "latitude", || {
                "coordinates out of range".into()
            });
            c.provenance("facility", &x.id, &x.provenance, &mut sources);
        }

        let products: HashMap<&str, Unit> = self
            .products
            .iter()
            .map(|p| (p.id.as_str(), p.unit))
            .collect();
        c.unique("product", self.products.iter().map(|x| x.id.as_str()));
        for x in &self.products {
            c.check(is_valid_id(&x.id), "product", &x.id, "id", || {
                "use lower-case letters, digits and dashes".into()
            });
            c.provenance("product", &x.id, &x.provenance, &mut sources);
            for f in &x.facilities {
                c.check(
                    facilities.contains(f.as_str()),
                    "product",
                    &x.id,
                    "facilities",
                    || format!("unknown facility {f:?}"),
                );
            }
        }

        let known = crate::entry::Known {
            facilities: facilities.iter().map(|f| f.to_string()).collect(),
            products: products.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
        };
        c.unique("shipment", self.shipments.iter().map(|x| x.id.as_str()));
        for x in &self.shipments {
            for p in crate::entry::shipment_problems(x, &known, today) {
                c.check(false, "shipment", &x.id, p.field, || {
                    p.problem.message(Lang::En)
                });
            }
            c.provenance("shipment", &x.id, &x.provenance, &mut sources);
        }

        let mut months = HashSet::new();
        for x in &self.production {
            let r = format!("{} {} {}", x.facility_id, x.product_id, x.month);
            for p in crate::entry::production_problems(x, &known, today) {
                c.check(false, "production record", &r, p.field, || {
                    p.problem.message(Lang::En)
                });
            }
            let fresh = months.insert((x.facility_id.as_str(), x.product_id.as_str(), x.month));
            c.check(fresh, "production record", &r, "month", || {
                "the month is given twice".into()
            });
            c.provenance("production record", &r, &x.provenance, &mut sources);
        }

        c.unique(
            "supply link",
            self.supply_links.iter().map(|x| x.id.as_str()),
        );
        for x in &self.supply_links {
            for (field, id) in [
                ("supplier_id", &x.supplier_id),
                ("producer_id", &x.producer_id),
            ] {
                c.check(
                    facilities.contains(id.as_str()),
                    "supply link",
                    &x.id,
                    field,
                    || format!("unknown facility {id:?}"),
                );
            }
            c.check(
                x.supplier_id != x.producer_id,
                "supply link",
                &x.id,
                "producer_id",
                || "a facility cannot supply itself".into(),
            );
            c.provenance("supply link", &x.id, &x.provenance, &mut sources);
        }

        c.unique("statement", self.statements.iter().map(|x| x.id.as_str()));
        for x in &self.statements {
            for code in &x.countries {
                c.check(
                    countries.contains(code.as_str()),
                    "statement",
                    &x.id,
                    "countries",
                    || format!("unknown country code {code:?}"),
                );
            }
            let as_provenance = Provenance::Reported {
                source: x.source.clone(),
            };
            c.provenance("statement", &x.id, &as_provenance, &mut sources);
        }

        for x in &self.exchange_rates {
            let day = x.date.to_string();
            let rate_ok = x.idr_per_usd.is_finite() && x.idr_per_usd > 0.0;
            c.check(rate_ok, "exchange rate", &day, "idr_per_usd", || {
                format!(
                    "expected a positive number of rupiah, got {}",
                    x.idr_per_usd
                )
            });
            let cited = Provenance::Reported {
                source: x.source.clone(),
            };
            c.provenance("exchange rate", &day, &cited, &mut sources);
        }

        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Dataset {
        let json = r#"{
          "countries": [{"alpha2": "ES", "numeric": "724", "name_id": "Spanyol", "name_en": "Spain"}],
          "facilities": [{"id": "lapas-a", "name": "Lapas A", "kind": "Lapas", "province": "Jawa Barat",
            "latitude": -6.7, "longitude": 108.5, "role": "producer", "has_blk": null, "export_model": "active",
            "provenance": {"kind": "illustrative"}}],
          "products": [{"id": "coco-shade", "name_id": "Coco shade", "name_en": "Coco shade", "category": "handicraft",
            "unit": "piece", "status": "exporting", "provenance": {"kind": "illustrative"}}],
          "shipments": [{"id": "s1", "date": null, "facility_id": "lapas-a", "product_id": "coco-shade",
            "country": "ES", "quantity": 750, "unit": "piece", "provenance": {"kind": "illustrative"}}]
        }"#;
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_consistent_dataset_passes() {
        assert_eq!(tiny().validate(), Ok(()));
    }

    #[test]
    fn an_unknown_country_code_is_refused_by_name() {
        let mut d = tiny();
        d.shipments[0].country = "XX".into();
        let errors = d.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].field, errors[0].record.as_str()),
            ("country", "s1")
        );
        assert!(errors[0].to_string().contains("\"XX\""), "{}", errors[0]);
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let mut d = tiny();
        d.shipments[0].unit = Unit::Kilogram;
        d.shipments[0].quantity = -1.0;
        d.shipments[0].facility_id = "lapas-z".into();
        d.shipments.push(d.shipments[0].clone());
        let fields: Vec<&str> = d.validate().unwrap_err().iter().map(|e| e.field).collect();
        for f in ["unit", "quantity", "facility_id", "id"] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn a_reported_record_needs_a_citable_source() {
        let mut d = tiny();
        d.shipments[0].provenance = Provenance::Reported {
            source: Source {
                id: "x".into(),
                outlet: "".into(),
                title: None,
                author: None,
                url: None,
                document: None,
                fact: None,
                quote: None,
            },
        };
        let errors = d.validate().unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "provenance");
        assert!(errors[0].message.contains("outlet"), "{}", errors[0]);
    }
}
