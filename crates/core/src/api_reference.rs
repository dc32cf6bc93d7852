//! The API reference in words, read from the server's own OpenAPI document
//! (`/api/v1/openapi.json`), so the data page cannot describe an endpoint that is not there.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    /// `path` or `query`.
    pub location: String,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// Upper case: `GET`, `POST`…
    pub method: String,
    pub path: String,
    pub summary: String,
    pub parameters: Vec<Parameter>,
    /// Needs an editor's token.
    pub editor: bool,
}

/// Every operation of the document, public reads first, each group in path order.
pub fn operations(doc: &Value) -> Vec<Operation> {
    let mut all = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return all;
    };
    for (path, item) in paths {
        let Some(methods) = item.as_object() else {
            continue;
        };
        for (method, op) in methods {
            let text = |key: &str| {
                op.get(key)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            let parameters = op
                .get("parameters")
                .and_then(Value::as_array)
                .map(|ps| {
                    ps.iter()
                        .map(|p| Parameter {
                            name: p.get("name").and_then(Value::as_str).unwrap_or("").into(),
                            location: p.get("in").and_then(Value::as_str).unwrap_or("").into(),
                            required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                        })
                        .collect()
                })
                .unwrap_or_default();
            all.push(Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                summary: text("summary"),
                parameters,
                editor: op.get("security").is_some(),
            });
        }
    }
    all.sort_by(|a, b| (a.editor, &a.path, &a.method).cmp(&(b.editor, &b.path, &b.method)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn operations_are_read_with_their_parameters_public_first() {
        let doc = json!({"paths": {
            "/api/v1/shipments": {
                "get": {"summary": "Export releases", "parameters": [
                    {"name": "from", "in": "query", "required": false}]},
                "post": {"summary": "Adds a release", "security": [{"editorToken": []}], "parameters": []}
            },
            "/api/v1/facilities/{id}": {"get": {"summary": "One facility", "parameters": [
                {"name": "id", "in": "path", "required": true}]}}
        }});
        let ops = operations(&doc);
        let names: Vec<(&str, &str, bool)> = ops
            .iter()
            .map(|o| (o.method.as_str(), o.path.as_str(), o.editor))
            .collect();
        assert_eq!(
            names,
            vec![
                ("GET", "/api/v1/facilities/{id}", false),
                ("GET", "/api/v1/shipments", false),
                ("POST", "/api/v1/shipments", true)
            ]
        );
        assert_eq!(
            ops[0].parameters[0],
            Parameter {
                name: "id".into(),
                location: "path".into(),
                required: true
            }
        );
        assert_eq!(ops[1].summary, "Export releases");
        assert!(operations(&json!({})).is_empty());
    }
}
