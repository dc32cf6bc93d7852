//! Writes. Today only the loading of a whole validated dataset into an empty database, in one
//! transaction: it lands whole or not at all.

use super::codec::{enum_text, provenance_columns};
use super::{StorageError, Store};
use karya_core::dataset::Dataset;
use karya_core::{Provenance, Source};
use sqlx::{Any, Transaction};
use std::collections::BTreeMap;

type Tx = Transaction<'static, Any>;
type Query<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// Binds a record's four provenance columns (kind, source id, fact, quote), which every
/// record table ends with.
trait BindProvenance {
    fn bind_provenance(self, p: &Provenance) -> Self;
}

impl BindProvenance for Query<'_> {
    fn bind_provenance(self, p: &Provenance) -> Self {
        let (kind, source, fact, quote) = provenance_columns(p);
        self.bind(kind).bind(source).bind(fact).bind(quote)
    }
}

const SAMPLE_KEY: &str = "sample_loaded";

impl Store {
    /// Loads `dataset` unless the database already holds data or had the sample once.
    /// Returns whether it loaded.
    pub async fn load_sample_if_empty(&self, dataset: &Dataset) -> Result<bool, StorageError> {
        if self.meta(SAMPLE_KEY).await?.is_some() {
            return Ok(false);
        }
        let mut tx = self.pool().begin().await?;
        insert_dataset(&mut tx, dataset).await?;
        sqlx::query("INSERT INTO karya_meta (key, value) VALUES ($1, $2)")
            .bind(SAMPLE_KEY)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn sources_of(dataset: &Dataset) -> BTreeMap<String, Source> {
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
        .map(|s| (s.id.clone(), s))
        .collect()
}

async fn insert_dataset(tx: &mut Tx, d: &Dataset) -> Result<(), StorageError> {
    for s in sources_of(d).values() {
        sqlx::query("INSERT INTO sources (id, outlet, title, author, url, document) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&s.id)
            .bind(&s.outlet)
            .bind(&s.title)
            .bind(&s.author)
            .bind(&s.url)
            .bind(&s.document)
            .execute(&mut **tx)
            .await?;
    }
    for c in &d.countries {
        sqlx::query(
            "INSERT INTO countries (alpha2, numeric_code, name_id, name_en, latitude, longitude) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&c.alpha2)
        .bind(&c.numeric)
        .bind(&c.name_id)
        .bind(&c.name_en)
        .bind(c.latitude)
        .bind(c.longitude)
        .execute(&mut **tx)
        .await?;
    }
    for f in &d.facilities {
        sqlx::query(
            "INSERT INTO facilities (id, name, kind, province, latitude, longitude, zoning_role, has_blk, \
             export_model, provenance, source_id, source_fact, source_quote) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(&f.id)
        .bind(&f.name)
        .bind(enum_text(&f.kind))
        .bind(&f.province)
        .bind(f.latitude)
        .bind(f.longitude)
        .bind(enum_text(&f.role))
        .bind(f.has_blk.map(i64::from))
        .bind(enum_text(&f.export_model))
        .bind_provenance(&f.provenance)
        .execute(&mut **tx)
        .await?;
    }
    for p in &d.products {
        sqlx::query(
            "INSERT INTO products (id, name_id, name_en, category, unit, status, hs_code, provenance, source_id, \
             source_fact, source_quote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&p.id)
        .bind(&p.name_id)
        .bind(&p.name_en)
        .bind(enum_text(&p.category))
        .bind(enum_text(&p.unit))
        .bind(enum_text(&p.status))
        .bind(&p.hs_code)
        .bind_provenance(&p.provenance)
        .execute(&mut **tx)
        .await?;
        for facility_id in &p.facilities {
            sqlx::query("INSERT INTO product_facilities (product_id, facility_id) VALUES ($1, $2)")
                .bind(&p.id)
                .bind(facility_id)
                .execute(&mut **tx)
                .await?;
        }
    }
    for s in &d.shipments {
        sqlx::query(
            "INSERT INTO shipments (id, release_date, facility_id, product_id, country, quantity, unit, value_idr, \
             value_usd, provenance, source_id, source_fact, source_quote) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(&s.id)
        .bind(s.date.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(&s.facility_id)
        .bind(&s.product_id)
        .bind(&s.country)
        .bind(s.quantity)
        .bind(enum_text(&s.unit))
        .bind(s.value_idr)
        .bind(s.value_usd)
        .bind_provenance(&s.provenance)
        .execute(&mut **tx)
        .await?;
    }
    for r in &d.production {
        sqlx::query(
            "INSERT INTO production_records (facility_id, product_id, month, quantity, unit, provenance, source_id, \
             source_fact, source_quote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&r.facility_id)
        .bind(&r.product_id)
        .bind(r.month.to_string())
        .bind(r.quantity)
        .bind(enum_text(&r.unit))
        .bind_provenance(&r.provenance)
        .execute(&mut **tx)
        .await?;
    }
    for l in &d.supply_links {
        sqlx::query(
            "INSERT INTO supply_links (id, supplier_id, producer_id, material_id, material_en, provenance, \
             source_id, source_fact, source_quote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&l.id)
        .bind(&l.supplier_id)
        .bind(&l.producer_id)
        .bind(&l.material_id)
        .bind(&l.material_en)
        .bind_provenance(&l.provenance)
        .execute(&mut **tx)
        .await?;
    }
    for st in &d.statements {
        sqlx::query(
            "INSERT INTO source_statements (id, text_id, text_en, figure, approximate, countries, source_id, \
             source_fact, source_quote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&st.id)
        .bind(&st.text_id)
        .bind(&st.text_en)
        .bind(st.figure)
        .bind(i64::from(st.approximate))
        .bind(st.countries.join(","))
        .bind(&st.source.id)
        .bind(&st.source.fact)
        .bind(&st.source.quote)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
