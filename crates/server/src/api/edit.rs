//! The editors' API: create, correct and withdraw export releases and production records,
//! and read the audit log. Every route needs an editor's token (`Authorization: Bearer …`);
//! every write is checked by the core as an import is, and lands with its audit entry.

use super::body::JsonBody;
use super::error::ApiError;
use super::limits::{client_of, Bucket};
use super::params::{self, Params};
use super::state::AppState;
use crate::storage::{Actor, ChangeSet, SignIn};
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use karya_core::api::{AuditAction, AuditEntry, Session};
use karya_core::entry::{
    production_problems, shipment_problems, today_wib, FieldProblem, ShipmentDraft,
};
use karya_core::tables::{Record, Table};
use karya_core::{Lang, Month, ProductionRecord, Provenance, Shipment};

/// The editor a request's token belongs to. Extracted before the body is read, so a request
/// without a valid token is refused before its content is even looked at.
pub struct Editor(pub String);

impl FromRequestParts<AppState> for Editor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, ApiError> {
        let request = axum::http::Request::from_parts(parts.clone(), ());
        let client = client_of(&request, &s.limits.trusted_proxies);
        if let Some(wait) = s.limits.admit(client) {
            tracing::warn!(%client, wait, "refused: too many writes");
            return Err(ApiError::TooManyRequests(wait));
        }
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let Some(token) = token else {
            return Err(ApiError::Unauthorized(
                "this needs an editor's token: send the header Authorization: Bearer <token>"
                    .into(),
            ));
        };
        let bucket = match s.store.live_token_id(token).await? {
            Some(id) => Bucket::Token(id),
            None => Bucket::Client(client),
        };
        if let Some(wait) = s.limits.held(&bucket) {
            tracing::warn!(%client, ?bucket, wait, "refused: too many failed sign-ins");
            return Err(ApiError::TooManyRequests(wait));
        }
        match s.store.sign_in(token).await? {
            SignIn::Editor(name) => Ok(Editor(name)),
            // The secret was right, so this is no guess: not counted as a failed sign-in.
            SignIn::Expired { editor, at } => {
                tracing::warn!(%client, ?bucket, %editor, %at, "refused: expired token");
                Err(ApiError::Unauthorized(format!(
                    "the token of {editor} expired on {at}: ask for a new one (karya token create)"
                )))
            }
            SignIn::Refused => {
                // The token id (public) may be logged, never the secret.
                tracing::warn!(%client, ?bucket, "failed sign-in");
                s.limits.failed(bucket);
                Err(ApiError::Unauthorized(
                    "the token is unknown or revoked: ask for a new one (karya token create)"
                        .into(),
                ))
            }
        }
    }
}

pub async fn session(Editor(editor): Editor) -> Json<Session> {
    Json(Session { editor })
}

/// The language a client reads: Indonesian when `Accept-Language` puts it first, English
/// otherwise. The app sends its own choice, so a refusal reads as the rest of the page.
pub struct ReplyLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReplyLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let first = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_default();
        Ok(ReplyLang(if first.starts_with("id") {
            Lang::Id
        } else {
            Lang::En
        }))
    }
}

fn invalid(problems: Vec<FieldProblem>, lang: Lang) -> ApiError {
    let fields: Vec<_> = problems.iter().map(|p| p.to_error(lang)).collect();
    let list: Vec<String> = fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect();
    let lead = match lang {
        Lang::Id => "catatan ditolak",
        Lang::En => "the record is refused",
    };
    ApiError::Invalid {
        message: format!("{lead}: {}", list.join("; ")),
        fields,
    }
}

/// Checks a shipment as the import does, and that its source agrees with the one on file.
async fn check_shipment(
    s: &AppState,
    x: &Shipment,
    before: Option<Shipment>,
    lang: Lang,
) -> Result<ChangeSet, ApiError> {
    let problems = shipment_problems(
        x,
        &s.store.known().await?,
        Some(today_wib(chrono::Utc::now())),
    );
    if !problems.is_empty() {
        return Err(invalid(problems, lang));
    }
    with_source(s, Record::Shipment(x.clone()), before.map(Record::Shipment)).await
}

/// The change set for a record (replacing `before`, if any), with its source first if the
/// source is new. A source that exists with other details is refused: a citation never
/// rewrites another one.
async fn with_source(
    s: &AppState,
    record: Record,
    before: Option<Record>,
) -> Result<ChangeSet, ApiError> {
    let mut set = ChangeSet::default();
    if let Some(Provenance::Reported { source }) = record.provenance() {
        let publication = karya_core::Source {
            fact: None,
            quote: None,
            ..source.clone()
        };
        let on_file = s.store.sources().await?;
        match on_file.iter().find(|p| p.id == source.id) {
            Some(p) if *p != publication => {
                return Err(ApiError::Invalid {
                    message: format!(
                    "source {:?} is on file with other details; cite it as it is or give a new id",
                    source.id
                ),
                    fields: vec![karya_core::entry::FieldError {
                        field: "provenance.source".into(),
                        message: "differs from the source on file with this id".into(),
                    }],
                })
            }
            Some(_) => {}
            None => set.changes.push((Record::Source(publication), None)),
        }
    }
    set.changes.push((record, before));
    Ok(set)
}

/// `POST /shipments`: a new export release; the server gives its id.
pub async fn create_shipment(
    State(s): State<AppState>,
    Editor(editor): Editor,
    ReplyLang(lang): ReplyLang,
    JsonBody(draft): JsonBody<ShipmentDraft>,
) -> Result<(StatusCode, Json<Shipment>), ApiError> {
    let first = draft.clone().into_shipment(1);
    let mut set = check_shipment(&s, &first, None, lang).await?;
    let actor = actor(editor, AuditAction::Create);
    // The database orders concurrent creates: each claims its id in its own transaction, and
    // one that finds its id taken (or once withdrawn) tries the next counter.
    for n in 1..=MAX_ID_ATTEMPTS {
        let shipment = draft.clone().into_shipment(n);
        if let Some((record, _)) = set.changes.last_mut() {
            *record = Record::Shipment(shipment.clone());
        }
        if s.store.create(&shipment.id, &set, &actor).await? {
            return Ok((StatusCode::CREATED, Json(shipment)));
        }
    }
    Err(ApiError::Conflict(format!(
        "{MAX_ID_ATTEMPTS} releases of this facility, day and country are on file already: \
         check for duplicates, or record them under another day"
    )))
}

/// Releases of one facility, day and country an editor may record; a bound on the id search.
const MAX_ID_ATTEMPTS: u32 = 1000;

fn actor(name: String, action: AuditAction) -> Actor {
    Actor { name, action }
}

/// `PUT /shipments/{id}`: corrects a release; the earlier value stays in the audit log.
pub async fn correct_shipment(
    State(s): State<AppState>,
    Editor(editor): Editor,
    ReplyLang(lang): ReplyLang,
    Path(id): Path<String>,
    JsonBody(mut shipment): JsonBody<Shipment>,
) -> Result<Json<Shipment>, ApiError> {
    if shipment.id != id {
        return Err(ApiError::Invalid {
            message: format!(
                "the body's id {:?} is not the address's {id:?}",
                shipment.id
            ),
            fields: vec![karya_core::entry::FieldError {
                field: "id".into(),
                message: "must equal the id in the address".into(),
            }],
        });
    }
    let Some(before) = s.store.shipment(&id).await? else {
        return Err(ApiError::NotFound(format!(
            "no shipment with the id {id:?}"
        )));
    };
    shipment.id = id.clone();
    if before == shipment {
        // Nothing to correct: no write, and no audit entry that says nothing changed.
        return Ok(Json(shipment));
    }
    let set = check_shipment(&s, &shipment, Some(before), lang).await?;
    let actor = actor(editor, AuditAction::Correct);
    if s.store.correct_shipment(&id, &set, &actor).await?.is_none() {
        return Err(withdrawn_meanwhile(&id));
    }
    Ok(Json(shipment))
}

/// `DELETE /shipments/{id}`: withdraws a release; it stays in the audit log.
pub async fn withdraw_shipment(
    State(s): State<AppState>,
    Editor(editor): Editor,
    Path(id): Path<String>,
) -> Result<Json<Shipment>, ApiError> {
    let Some(before) = s.store.shipment(&id).await? else {
        return Err(ApiError::NotFound(format!(
            "no shipment with the id {id:?}"
        )));
    };
    if !s
        .store
        .withdraw(&Record::Shipment(before.clone()), &editor)
        .await?
    {
        return Err(withdrawn_meanwhile(&id));
    }
    Ok(Json(before))
}

/// Two withdrawals of one record at once: the second finds nothing left to withdraw.
fn withdrawn_meanwhile(key: &str) -> ApiError {
    tracing::warn!(record = key, "withdrawal of a record already withdrawn");
    ApiError::NotFound(format!(
        "{key:?} was withdrawn a moment ago by another request"
    ))
}

fn production_path(
    (facility_id, product_id, month): (String, String, String),
) -> Result<(String, String, Month), ApiError> {
    let month: Month = month.parse().map_err(|_| {
        ApiError::BadParameter(format!("path: expected a month as YYYY-MM, got {month:?}"))
    })?;
    Ok((facility_id, product_id, month))
}

/// `PUT /production/{facility}/{product}/{month}`: records or corrects a month's output.
pub async fn put_production(
    State(s): State<AppState>,
    Editor(editor): Editor,
    ReplyLang(lang): ReplyLang,
    Path(path): Path<(String, String, String)>,
    JsonBody(record): JsonBody<ProductionRecord>,
) -> Result<Json<ProductionRecord>, ApiError> {
    let (facility_id, product_id, month) = production_path(path)?;
    if (&record.facility_id, &record.product_id, record.month) != (&facility_id, &product_id, month)
    {
        return Err(ApiError::Invalid {
            message: "the body's facility, product and month must equal the address's".into(),
            fields: vec![karya_core::entry::FieldError {
                field: "month".into(),
                message: "must equal the address".into(),
            }],
        });
    }
    let problems = production_problems(
        &record,
        &s.store.known().await?,
        Some(today_wib(chrono::Utc::now())),
    );
    if !problems.is_empty() {
        return Err(invalid(problems, lang));
    }
    let before = s
        .store
        .production_record(&facility_id, &product_id, month)
        .await?;
    if before.as_ref() == Some(&record) {
        return Ok(Json(record)); // unchanged: nothing written or logged
    }
    let set = with_source(
        &s,
        Record::Production(record.clone()),
        before.map(Record::Production),
    )
    .await?;
    s.store
        .apply(&set, &actor(editor, AuditAction::Create), None)
        .await?;
    Ok(Json(record))
}

/// `DELETE /production/{facility}/{product}/{month}`.
pub async fn withdraw_production(
    State(s): State<AppState>,
    Editor(editor): Editor,
    Path(path): Path<(String, String, String)>,
) -> Result<Json<ProductionRecord>, ApiError> {
    let (facility_id, product_id, month) = production_path(path)?;
    let Some(before) = s
        .store
        .production_record(&facility_id, &product_id, month)
        .await?
    else {
        return Err(ApiError::NotFound(format!(
            "no production of {product_id:?} at {facility_id:?} in {month}"
        )));
    };
    if !s
        .store
        .withdraw(&Record::Production(before.clone()), &editor)
        .await?
    {
        return Err(withdrawn_meanwhile(
            &Record::Production(before.clone()).key(),
        ));
    }
    Ok(Json(before))
}

/// `GET /audit`: the audit log, newest first, for editors.
pub async fn audit(
    State(s): State<AppState>,
    Editor(_): Editor,
    RawQuery(q): RawQuery,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let params = Params::parse(q.as_deref(), params::AUDIT)?;
    let limit = params.number("limit", 1, 1000)?.unwrap_or(100);
    let record = match (params.single("record_type")?, params.single("record_key")?) {
        (None, None) => None,
        (Some(t), Some(k)) => Some((
            Table::parse(t).ok_or_else(|| {
                ApiError::BadParameter(format!(
                    "query parameter `record_type`: expected a table such as shipments, got {t:?}"
                ))
            })?,
            k,
        )),
        _ => {
            return Err(ApiError::Impossible(
                "query parameters `record_type` and `record_key` go together".into(),
            ))
        }
    };
    Ok(Json(s.store.audit_log(record, limit).await?))
}
