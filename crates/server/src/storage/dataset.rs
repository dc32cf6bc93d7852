//! The whole database as one dataset, and the ids a new figure may name: what `karya export`
//! writes, and what an import or an editor's write is checked against.

use super::{ShipmentQuery, StorageError, Store};
use karya_core::Filter;

impl Store {
    /// Everything the database holds, as one dataset: what export writes and an import is
    /// checked against.
    pub async fn dataset(&self) -> Result<karya_core::dataset::Dataset, StorageError> {
        let (_, shipments) = self.shipments(&ShipmentQuery::default()).await?;
        Ok(karya_core::dataset::Dataset {
            countries: self.countries().await?,
            facilities: self.facilities().await?,
            products: self.products().await?,
            shipments,
            production: self.production(&Filter::default()).await?,
            supply_links: self.supply_links().await?,
            statements: self.statements().await?,
            exchange_rates: self.exchange_rates().await?,
            sources: self.sources().await?,
        })
    }

    /// What a new figure may refer to.
    pub async fn known(&self) -> Result<karya_core::entry::Known, StorageError> {
        Ok(karya_core::entry::Known::new(
            &self.facilities().await?,
            &self.products().await?,
            &self.countries().await?,
        ))
    }
}
