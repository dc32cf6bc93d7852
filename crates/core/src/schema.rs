//! JSON Schemas for the types that serialise as text of their own format (only with the
//! `schema` feature, which the server's OpenAPI document uses).

use crate::{Filter, Month};
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject, StringValidation};
use schemars::JsonSchema;

fn text(pattern: &str, description: &str) -> Schema {
    let mut schema = SchemaObject {
        instance_type: Some(InstanceType::String.into()),
        string: Some(Box::new(StringValidation {
            pattern: Some(pattern.to_string()),
            ..Default::default()
        })),
        ..Default::default()
    };
    schema.metadata().description = Some(description.to_string());
    schema.into()
}

impl JsonSchema for Month {
    fn schema_name() -> String {
        "Month".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text(r"^\d{4}-\d{2}$", "A calendar month, YYYY-MM")
    }
}

impl JsonSchema for Filter {
    fn schema_name() -> String {
        "Filter".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text(
            ".*",
            "The filter as a query string (from, to, product, facility, country), e.g. from=2025&product=coco-shade",
        )
    }
}
