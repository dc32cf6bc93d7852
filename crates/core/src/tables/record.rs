//! A record of any table, its natural key, and where records sit in a dataset: what an
//! import merges by.

use super::Table;
use crate::dataset::Dataset;
use crate::model::*;
use std::collections::HashMap;

/// The records of one table of a dataset, as [`Record`]s.
pub fn records_of(d: &Dataset, table: Table) -> Vec<Record> {
    match table {
        Table::Sources => crate::dataset::sources_of(d)
            .into_values()
            .map(Record::Source)
            .collect(),
        Table::ExchangeRates => d
            .exchange_rates
            .iter()
            .cloned()
            .map(Record::ExchangeRate)
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

/// A record read from a row of any table. It serialises as the record itself, as the API
/// writes it (the audit log keeps that form).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Record {
    Source(Source),
    Country(Country),
    Facility(Facility),
    Product(Product),
    Shipment(Shipment),
    Production(ProductionRecord),
    SupplyLink(SupplyLink),
    Statement(SourceStatement),
    ExchangeRate(crate::currency::ExchangeRate),
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
            Record::ExchangeRate(_) => Table::ExchangeRates,
        }
    }

    /// Where the record comes from; sources, countries and statements have none of their own.
    pub fn provenance(&self) -> Option<&Provenance> {
        match self {
            Record::Facility(x) => Some(&x.provenance),
            Record::Product(x) => Some(&x.provenance),
            Record::Shipment(x) => Some(&x.provenance),
            Record::Production(x) => Some(&x.provenance),
            Record::SupplyLink(x) => Some(&x.provenance),
            Record::Source(_)
            | Record::Country(_)
            | Record::Statement(_)
            | Record::ExchangeRate(_) => None,
        }
    }

    /// The record as the API writes it (the audit log keeps this).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
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
            Record::ExchangeRate(x) => put(&mut d.exchange_rates, at, x, Record::ExchangeRate),
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
            Record::ExchangeRate(x) => x.date.to_string(),
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
    add(&mut index, Table::ExchangeRates, &d.exchange_rates, |x| {
        x.date.to_string()
    });
    index
}
