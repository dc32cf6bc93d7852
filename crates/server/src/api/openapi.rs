//! The OpenAPI 3.0 document of the route table: paths, parameters, answers and the JSON
//! Schema of every `karya_core` type named, generated from the Rust types themselves.

use super::endpoint::{Answer, Endpoint, Schema};
use schemars::gen::SchemaSettings;
use serde_json::{json, Map, Value};

fn path_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .collect()
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}})
}

/// A path parameter's schema: ids by their pattern (countries, facilities and products
/// listed when `known`), a month as YYYY-MM, a template by name.
fn path_schema(name: &str, path: &str, known: Option<&karya_core::entry::Known>) -> Value {
    let sorted = |ids: Vec<String>| {
        let mut ids = ids;
        ids.sort();
        json!({"type": "string", "enum": ids})
    };
    match (name, known) {
        ("code", Some(k)) => sorted(k.countries.iter().cloned().collect()),
        ("id", Some(k)) if path.starts_with("/facilities/") => {
            sorted(k.facilities.iter().cloned().collect())
        }
        ("id", Some(k)) if path.starts_with("/products/") => {
            sorted(k.products.keys().cloned().collect())
        }
        _ => path_schema_of(name),
    }
}

fn path_schema_of(name: &str) -> Value {
    use karya_core::schema::ID_PATTERN;
    match name {
        "code" => json!({"type": "string", "pattern": "^[A-Z]{2}$"}),
        "month" => json!({"type": "string", "pattern": "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"}),
        "file" => json!({"type": "string",
            "enum": karya_core::tables::Table::ALL.map(|t| t.file_name())}),
        _ => json!({"type": "string", "pattern": ID_PATTERN}),
    }
}

/// The OpenAPI 3.0 document of a route table; with `known`, filter ids are listed.
pub fn document(endpoints: &[Endpoint], known: Option<&karya_core::entry::Known>) -> Value {
    let mut g = SchemaSettings::openapi3().into_generator();
    let mut paths = Map::new();
    for e in endpoints {
        let mut parameters: Vec<Value> = path_params(e.path)
            .into_iter()
            .map(|p| json!({"name": p, "in": "path", "required": true, "schema": path_schema(p, e.path, known)}))
            .collect();
        parameters.extend(e.params.names().map(|p| {
            let required = super::params::required(p, e.path);
            json!({"name": p, "in": "query", "required": required,
                "allowEmptyValue": !required, "schema": super::params::schema(p, e.path, known)})
        }));
        let success = if e.method == "post" { "201" } else { "200" };
        let content = match e.answer {
            Answer::File(media_type) => json!({ media_type: {} }),
            answer => json!({"application/json": {"schema": answer.schema(&mut g)}}),
        };
        let mut responses = Map::new();
        responses.insert(
            success.into(),
            json!({"description": format!("{} (karya_core type {})", e.summary, e.answer), "content": content}),
        );
        responses.insert("400".into(), error_response("A parameter or body that cannot be read; the message names it (unknown parameters are refused)"));
        responses.insert("404".into(), error_response("No such record"));
        if e.params.filter.is_some() || e.path == "/audit" {
            responses.insert(
                "422".into(),
                error_response(
                    "Parameters each valid that cannot go together: a period that ends before it starts, a quantity without one product",
                ),
            );
        }
        responses.insert(
            "503".into(),
            error_response("Busy for now (database locked, server at its limit); see Retry-After"),
        );
        if e.path == "/oembed" {
            // oEmbed 1.0's own status for a format the provider does not give (only json here).
            responses.insert("501".into(), error_response("A format other than json"));
        }
        if e.editor {
            responses.insert(
                "401".into(),
                error_response("No editor's token, or one unknown or revoked"),
            );
            responses.insert(
                "429".into(),
                error_response(
                    "Too many requests or failed sign-ins from this client; see Retry-After",
                ),
            );
        }
        if e.body.is_some() {
            responses.insert("413".into(), error_response("Body over 64 KiB"));
            responses.insert(
                "415".into(),
                error_response("Body not sent as application/json"),
            );
            responses.insert(
                "422".into(),
                error_response(
                    "A record of the wrong shape or with wrong values; `fields` names each",
                ),
            );
        }
        let mut operation = json!({
            "summary": e.summary,
            "operationId": format!("{}{}", e.method, e.path.replace(['/', '{', '}', '-', '.'], "_")),
            "parameters": parameters,
            "responses": responses,
        });
        if e.editor {
            operation["security"] = json!([{"editorToken": []}]);
        }
        if let Some(body) = e.body {
            let schema = body.schema(&mut g);
            operation["requestBody"] = json!({
                "required": true,
                "description": format!("karya_core type {body}"),
                "content": {"application/json": {"schema": schema}},
            });
        }
        let item = paths
            .entry(format!("/api/v1{}", e.path))
            .or_insert_with(|| json!({}));
        item[e.method] = operation;
    }
    // Every error answer refers to it, so it is defined even if no endpoint returns it.
    Schema::ErrorBody.schema(&mut g);
    let schemas = serde_json::to_value(g.take_definitions()).unwrap_or_default();
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Karya API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "What Indonesia's correctional training programme produces and exports. Reads are public; writes need an editor's token (karya token create NAME).",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"editorToken": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas,
        }
    })
}
