//! Open data (`/api/v1/data/…`): every table as the CSV file `karya export` writes, all of them
//! with `datapackage.json` as one ZIP, the package alone, and the sources with their citations.
//! Built from the database as it is at the request, whose time each download carries.

use super::error::ApiError;
use super::params::{self, Params};
use super::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use karya_core::datapackage::{citations, datapackage, Citation};
use karya_core::dataset::Dataset;
use karya_core::tables::{rows_of, Table};
use std::io::Write;

pub const ZIP_NAME: &str = "karya-data.zip";
pub const PACKAGE_NAME: &str = "datapackage.json";
/// The header that says when the database was read for this download (RFC 3339, UTC).
pub const AS_OF_HEADER: &str = "x-karya-as-of";

/// One table's CSV, written exactly as `karya export` writes it (same rows, order and header).
fn table_csv(dataset: &Dataset, table: Table) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(table.header());
    for row in rows_of(dataset, table) {
        let _ = out.write_record(&row);
    }
    out.into_inner().unwrap_or_default()
}

fn package_json(as_of: &str) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(&datapackage(as_of)).unwrap_or_default();
    text.push(b'\n');
    text
}

fn zip_all(dataset: &Dataset, as_of: &str) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for table in Table::ALL {
        zip.start_file(table.file_name(), options)?;
        zip.write_all(&table_csv(dataset, table))?;
    }
    zip.start_file(PACKAGE_NAME, options)?;
    zip.write_all(&package_json(as_of))?;
    Ok(zip.finish()?.into_inner())
}

fn file(content_type: &str, name: &str, as_of: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE.as_str(), content_type.to_string()),
            (
                header::CONTENT_DISPOSITION.as_str(),
                format!("attachment; filename=\"{name}\""),
            ),
            (AS_OF_HEADER, as_of.to_string()),
        ],
        body,
    )
        .into_response()
}

/// `GET /data/<table>.csv`, `/data/datapackage.json`, `/data/karya-data.zip`.
pub async fn download(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    let as_of = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if name == PACKAGE_NAME {
        return Ok(file(
            "application/json",
            PACKAGE_NAME,
            &as_of,
            package_json(&as_of),
        ));
    }
    let table = name.strip_suffix(".csv").and_then(Table::parse);
    if table.is_none() && name != ZIP_NAME {
        let files: Vec<String> = Table::ALL.map(|t| t.file_name()).into();
        return Err(ApiError::NotFound(format!(
            "no open-data file {name:?}; there are {}, {PACKAGE_NAME} and {ZIP_NAME}",
            files.join(", ")
        )));
    }
    let dataset = state.store.dataset().await?;
    Ok(match table {
        Some(t) => file(
            "text/csv; charset=utf-8",
            &t.file_name(),
            &as_of,
            table_csv(&dataset, t),
        ),
        None => {
            let body = zip_all(&dataset, &as_of)
                .map_err(|e| ApiError::Unprocessable(format!("could not build the ZIP: {e}")))?;
            file("application/zip", ZIP_NAME, &as_of, body)
        }
    })
}

/// `GET /exchange-rates`: the rate table, oldest first.
pub async fn exchange_rates(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Vec<karya_core::currency::ExchangeRate>>, ApiError> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(state.store.exchange_rates().await?))
}

/// `GET /data/citations`: every source on file with how many records cite it.
pub async fn sources_cited(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Vec<Citation>>, ApiError> {
    Params::parse(q.as_deref(), params::NO_PARAMS)?;
    Ok(Json(citations(&state.store.dataset().await?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package's primary keys are the columns an import matches records on.
    #[test]
    fn primary_keys_are_the_keys_the_database_matches_on() {
        for t in Table::ALL {
            // In SQL names: the package's `date` is kept as `rate_date`.
            let key: Vec<&str> = karya_core::datapackage::primary_key(t)
                .into_iter()
                .filter_map(|c| crate::storage::columns::sql_column(t, c))
                .collect();
            assert_eq!(
                key.as_slice(),
                crate::storage::columns::key_columns(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn a_table_is_written_as_karya_export_writes_it() {
        let csv = String::from_utf8(table_csv(&Dataset::default(), Table::Countries)).unwrap();
        assert_eq!(csv, crate::transfer::export::template(Table::Countries));
    }
}
