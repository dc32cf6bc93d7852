//! Reads of the reference tables: countries, facilities, products, supply links, what sources
//! say, and the publications themselves. Small tables, read whole.

use super::codec::{all, provenance_select, read_provenance, read_source, source_join, text_enum};
use super::{StorageError, Store};
use karya_core::{Country, Facility, Product, SourceStatement, SupplyLink};
use sqlx::any::AnyRow;
use sqlx::Row;

fn country(row: &AnyRow) -> Result<Country, StorageError> {
    Ok(Country {
        alpha2: row.try_get("alpha2")?,
        numeric: row.try_get("numeric_code")?,
        name_id: row.try_get("name_id")?,
        name_en: row.try_get("name_en")?,
        latitude: row.try_get("latitude")?,
        longitude: row.try_get("longitude")?,
    })
}

fn facility(row: &AnyRow) -> Result<Facility, StorageError> {
    let has_blk: Option<i64> = row.try_get("has_blk")?;
    Ok(Facility {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: text_enum(&row.try_get::<String, _>("kind")?)?,
        province: row.try_get("province")?,
        latitude: row.try_get("latitude")?,
        longitude: row.try_get("longitude")?,
        role: text_enum(&row.try_get::<String, _>("zoning_role")?)?,
        has_blk: has_blk.map(|v| v != 0),
        export_model: text_enum(&row.try_get::<String, _>("export_model")?)?,
        provenance: read_provenance(row)?,
    })
}

fn product(row: &AnyRow) -> Result<Product, StorageError> {
    Ok(Product {
        id: row.try_get("id")?,
        name_id: row.try_get("name_id")?,
        name_en: row.try_get("name_en")?,
        category: text_enum(&row.try_get::<String, _>("category")?)?,
        unit: text_enum(&row.try_get::<String, _>("unit")?)?,
        status: text_enum(&row.try_get::<String, _>("status")?)?,
        hs_code: row.try_get("hs_code")?,
        facilities: Vec::new(),
        provenance: read_provenance(row)?,
    })
}

fn supply_link(row: &AnyRow) -> Result<SupplyLink, StorageError> {
    Ok(SupplyLink {
        id: row.try_get("id")?,
        supplier_id: row.try_get("supplier_id")?,
        producer_id: row.try_get("producer_id")?,
        material_id: row.try_get("material_id")?,
        material_en: row.try_get("material_en")?,
        provenance: read_provenance(row)?,
    })
}

fn statement(row: &AnyRow) -> Result<SourceStatement, StorageError> {
    let countries: String = row.try_get("countries")?;
    Ok(SourceStatement {
        id: row.try_get("id")?,
        text_id: row.try_get("text_id")?,
        text_en: row.try_get("text_en")?,
        figure: row.try_get("figure")?,
        approximate: row.try_get::<i64, _>("approximate")? != 0,
        countries: countries
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        source: read_source(row)?,
    })
}

impl Store {
    pub async fn countries(&self) -> Result<Vec<Country>, StorageError> {
        let rows = sqlx::query("SELECT * FROM countries ORDER BY alpha2")
            .fetch_all(self.pool())
            .await?;
        all(rows, country)
    }

    pub async fn country(&self, alpha2: &str) -> Result<Option<Country>, StorageError> {
        let row = sqlx::query("SELECT * FROM countries WHERE alpha2 = $1")
            .bind(alpha2)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(country).transpose()
    }

    fn facility_sql(where_clause: &str) -> String {
        format!(
            "SELECT f.*, {} FROM facilities f {} {where_clause} ORDER BY f.name",
            provenance_select("f"),
            source_join("f")
        )
    }

    pub async fn facilities(&self) -> Result<Vec<Facility>, StorageError> {
        let rows = sqlx::query(&Self::facility_sql(""))
            .fetch_all(self.pool())
            .await?;
        all(rows, facility)
    }

    pub async fn facility(&self, id: &str) -> Result<Option<Facility>, StorageError> {
        let sql = Self::facility_sql("WHERE f.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(facility).transpose()
    }

    fn product_sql(where_clause: &str) -> String {
        format!(
            "SELECT p.*, {} FROM products p {} {where_clause} ORDER BY p.id",
            provenance_select("p"),
            source_join("p")
        )
    }

    pub async fn products(&self) -> Result<Vec<Product>, StorageError> {
        let rows = sqlx::query(&Self::product_sql(""))
            .fetch_all(self.pool())
            .await?;
        let mut products = all(rows, product)?;
        let links = sqlx::query(
            "SELECT product_id, facility_id FROM product_facilities ORDER BY product_id, facility_id",
        )
        .fetch_all(self.pool())
        .await?;
        for link in links {
            let product_id: String = link.try_get("product_id")?;
            if let Some(p) = products.iter_mut().find(|p| p.id == product_id) {
                p.facilities.push(link.try_get("facility_id")?);
            }
        }
        Ok(products)
    }

    pub async fn product(&self, id: &str) -> Result<Option<Product>, StorageError> {
        let sql = Self::product_sql("WHERE p.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        let Some(mut found) = row.as_ref().map(product).transpose()? else {
            return Ok(None);
        };
        let links = sqlx::query(
            "SELECT facility_id FROM product_facilities WHERE product_id = $1 ORDER BY facility_id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        found.facilities = links
            .iter()
            .map(|l| l.try_get("facility_id"))
            .collect::<Result<_, _>>()?;
        Ok(Some(found))
    }

    pub async fn supply_links(&self) -> Result<Vec<SupplyLink>, StorageError> {
        let sql = format!(
            "SELECT l.*, {} FROM supply_links l {} ORDER BY l.id",
            provenance_select("l"),
            source_join("l")
        );
        let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
        all(rows, supply_link)
    }

    pub async fn statements(&self) -> Result<Vec<SourceStatement>, StorageError> {
        let sql = "SELECT st.*, st.source_fact, st.source_quote, src.id AS src_id, src.outlet AS src_outlet, \
                   src.title AS src_title, src.author AS src_author, src.url AS src_url, \
                   src.document AS src_document \
                   FROM source_statements st JOIN sources src ON src.id = st.source_id ORDER BY st.id";
        let rows = sqlx::query(sql).fetch_all(self.pool()).await?;
        all(rows, statement)
    }

    /// Every publication in the sources table, without a record's fact and quote.
    pub async fn sources(&self) -> Result<Vec<karya_core::Source>, StorageError> {
        let rows = sqlx::query("SELECT * FROM sources ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        all(rows, |r| {
            Ok(karya_core::Source {
                id: r.try_get("id")?,
                outlet: r.try_get("outlet")?,
                title: r.try_get("title")?,
                author: r.try_get("author")?,
                url: r.try_get("url")?,
                document: r.try_get("document")?,
                fact: None,
                quote: None,
            })
        })
    }
}
