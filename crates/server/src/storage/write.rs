//! Writes: the sample into a new database, an import's changes, and an editor's single
//! record, each in one transaction with its audit entries, so a write lands whole or not at
//! all and never without a trace.

use super::records::{self, Tx};
use super::{StorageError, Store};
use karya_core::api::{AuditAction, AuditEntry};
use karya_core::dataset::Dataset;
use karya_core::tables::{records_of, Record, Table};
use karya_core::Shipment;

const SAMPLE_KEY: &str = "sample_loaded";

/// What an import or an edit changes: records to insert or update, by table, with the
/// records they replace for the audit log.
#[derive(Debug, Default)]
pub struct ChangeSet {
    /// (new record, the record it replaces if any), in the order of [`Table::ALL`].
    pub changes: Vec<(Record, Option<Record>)>,
}

/// Who writes, and why, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub action: AuditAction,
}

impl Store {
    /// Loads `dataset` unless the database already holds data or had the sample once.
    /// Returns whether it loaded.
    pub async fn load_sample_if_empty(&self, dataset: &Dataset) -> Result<bool, StorageError> {
        if self.meta(SAMPLE_KEY).await?.is_some() {
            return Ok(false);
        }
        // A database that got its data by import is not empty, and never gets the sample.
        use sqlx::Row;
        let facilities: i64 = sqlx::query("SELECT COUNT(*) AS n FROM facilities")
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        if facilities > 0 {
            return Ok(false);
        }
        let mut tx = self.pool().begin().await?;
        for table in Table::ALL {
            records::upsert(&mut tx, self.engine(), table, &records_of(dataset, table)).await?;
        }
        sqlx::query("UPDATE data_version SET version = version + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO karya_meta (key, value) VALUES ($1, $2)")
            .bind(SAMPLE_KEY)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Writes a change set in one transaction. Every replaced record gets an audit entry with
    /// its value before and after; new records get one each unless `summary` is given, which
    /// then stands for them (an import of a million rows is one entry, not a million).
    pub async fn apply(
        &self,
        set: &ChangeSet,
        actor: &Actor,
        summary: Option<(&str, serde_json::Value)>,
    ) -> Result<(), StorageError> {
        let mut tx = self.pool().begin().await?;
        self.write_set(&mut tx, set, actor, summary).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes an import checked against data version `version`, in one transaction that
    /// first moves the version on from exactly that one: if another import or a write landed
    /// since the check, nothing is written ([`StorageError::Moved`]), so two imports at once
    /// never interleave and no audit entry names a stale "before". The first statement is a
    /// write, so on SQLite the second import waits for the first's lock.
    pub async fn apply_import(
        &self,
        set: &ChangeSet,
        actor: &Actor,
        summary: (&str, serde_json::Value),
        version: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.pool().begin().await?;
        let moved = sqlx::query(
            "UPDATE data_version SET version = version + 1 WHERE id = 1 AND version = $1",
        )
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() != 1 {
            return Err(StorageError::Moved);
        }
        self.write_set(&mut tx, set, actor, Some(summary)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes a new release whose id is `id`, claiming the id first in the same transaction:
    /// `false` (nothing written) when the id was ever given out, so the caller tries the next.
    pub async fn create(
        &self,
        id: &str,
        set: &ChangeSet,
        actor: &Actor,
    ) -> Result<bool, StorageError> {
        let mut tx = self.pool().begin().await?;
        if !records::claim_id(&mut tx, id).await? {
            return Ok(false);
        }
        self.write_set(&mut tx, set, actor, None).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Corrects release `id` to the last record of `set`, reading the value it replaces
    /// inside the same transaction, after taking the row's write lock: a withdrawal that
    /// lands first makes this `None` (nothing written), never a withdrawn release brought back.
    pub async fn correct_shipment(
        &self,
        id: &str,
        set: &ChangeSet,
        actor: &Actor,
    ) -> Result<Option<Shipment>, StorageError> {
        let mut tx = self.pool().begin().await?;
        // A write first: SQLite takes its lock now (a read first could not upgrade it
        // later), PostgreSQL locks the row.
        let touched = sqlx::query("UPDATE shipments SET id = id WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if touched.rows_affected() == 0 {
            return Ok(None);
        }
        let Some(before) = super::releases::shipment_in(&mut tx, id).await? else {
            return Ok(None);
        };
        let mut set = ChangeSet {
            changes: set.changes.clone(),
        };
        if let Some((record, replaced)) = set.changes.last_mut() {
            if *record == Record::Shipment(before.clone()) {
                return Ok(Some(before)); // unchanged: nothing written or logged
            }
            *replaced = Some(Record::Shipment(before.clone()));
        }
        self.write_set(&mut tx, &set, actor, None).await?;
        tx.commit().await?;
        Ok(Some(before))
    }

    async fn write_set(
        &self,
        tx: &mut Tx,
        set: &ChangeSet,
        actor: &Actor,
        summary: Option<(&str, serde_json::Value)>,
    ) -> Result<(), StorageError> {
        for table in Table::ALL {
            let batch: Vec<Record> = set
                .changes
                .iter()
                .filter(|(r, _)| r.table() == table)
                .map(|(r, _)| r.clone())
                .collect();
            if !batch.is_empty() {
                records::upsert(tx, self.engine(), table, &batch).await?;
            }
        }
        for (record, before) in &set.changes {
            if before.is_none() && summary.is_some() {
                continue;
            }
            // Creating what is already there corrects it.
            let action = match actor.action {
                AuditAction::Create if before.is_some() => AuditAction::Correct,
                action => action,
            };
            audit(
                tx,
                &actor.name,
                action,
                record.table(),
                &record.key(),
                before.as_ref().map(Record::to_json),
                Some(record.to_json()),
            )
            .await?;
        }
        if let Some((key, value)) = summary {
            audit_raw(
                tx,
                &actor.name,
                actor.action,
                "import",
                key,
                None,
                Some(value),
            )
            .await?;
        }
        Ok(())
    }

    /// Withdraws a figure: it leaves every view, and stays in the audit log.
    pub async fn withdraw(&self, record: &Record, actor: &str) -> Result<bool, StorageError> {
        let mut tx = self.pool().begin().await?;
        if !records::delete(&mut tx, record).await? {
            return Ok(false);
        }
        audit(
            &mut tx,
            actor,
            AuditAction::Withdraw,
            record.table(),
            &record.key(),
            Some(record.to_json()),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The audit log, newest first; `record` narrows it to one table and key.
    pub async fn audit_log(
        &self,
        record: Option<(Table, &str)>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        use sqlx::Row;
        let mut sql = "SELECT * FROM audit_log".to_string();
        if record.is_some() {
            sql.push_str(" WHERE record_type = $1 AND record_key = $2");
        }
        sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit}"));
        let mut query = sqlx::query(&sql);
        if let Some((table, key)) = record {
            query = query.bind(table.name()).bind(key);
        }
        let rows = query.fetch_all(self.pool()).await?;
        let json = |text: Option<String>| -> Result<Option<serde_json::Value>, StorageError> {
            text.map(|t| {
                serde_json::from_str(&t).map_err(|_| StorageError::Corrupt("audit value".into()))
            })
            .transpose()
        };
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    record_type: r.try_get("record_type")?,
                    record_key: r.try_get("record_key")?,
                    before: json(r.try_get("before_value")?)?,
                    after: json(r.try_get("after_value")?)?,
                })
            })
            .collect()
    }
}

async fn audit(
    tx: &mut Tx,
    actor: &str,
    action: AuditAction,
    table: Table,
    key: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), StorageError> {
    audit_raw(tx, actor, action, table.name(), key, before, after).await
}

pub(super) async fn audit_raw(
    tx: &mut Tx,
    actor: &str,
    action: AuditAction,
    record_type: &str,
    key: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), StorageError> {
    // Every audited write of data moves the data's version, in the write's own transaction.
    sqlx::query("UPDATE data_version SET version = version + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    audit_entry(tx, actor, action, record_type, key, before, after).await
}

/// An audit entry that leaves the data's version alone: for changes no public answer shows
/// (editors' tokens), which would otherwise empty every cache and validator for nothing.
pub(super) async fn audit_entry(
    tx: &mut Tx,
    actor: &str,
    action: AuditAction,
    record_type: &str,
    key: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), StorageError> {
    let now = chrono::Utc::now();
    let mut suffix = [0u8; 6];
    getrandom::fill(&mut suffix).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    // Time first, so ids sort by time; the random part keeps two entries of one microsecond apart.
    let id = format!(
        "{}-{}",
        now.format("%Y%m%dT%H%M%S%6fZ"),
        suffix
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, action, record_type, record_key, before_value, after_value) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .bind(actor)
    .bind(action.as_str())
    .bind(record_type)
    .bind(key)
    .bind(before.map(|v| v.to_string()))
    .bind(after.map(|v| v.to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
