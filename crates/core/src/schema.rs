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
        text(
            &format!("^{YEAR}-(0[1-9]|1[0-2])$"),
            "A calendar month, YYYY-MM",
        )
    }
}

/// A year of four digits (1000–9999), as the month parser reads it.
const YEAR: &str = "[1-9][0-9]{3}";

/// The years a filter's period may name (`filter::PERIOD_YEARS`).
const PERIOD_YEAR: &str = "20[0-9]{2}";
const PERIOD_LEAP: &str = "(20(0[48]|[2468][048]|[13579][26])|2000)";

/// The period bound's exact pattern: every string it matches is a real year, month or day.
pub fn period_pattern() -> String {
    let (year, leap) = (PERIOD_YEAR, PERIOD_LEAP);
    let day = format!(
        "{year}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|{year}-(0[13-9]|1[0-2])-(29|30)\
         |{year}-(0[13578]|1[02])-31|{leap}-02-29"
    );
    format!("^({year}|{year}-(0[1-9]|1[0-2])|{day})$")
}

/// An id's pattern (`filter::is_valid_id`).
pub const ID_PATTERN: &str = "^[a-z0-9-]{1,64}$";

impl JsonSchema for crate::filter::PeriodBound {
    fn schema_name() -> String {
        "PeriodBound".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text(
            &period_pattern(),
            "One end of a period, inclusive: a year 2025, a month 2025-08 or a day 2025-08-17",
        )
    }
}

impl JsonSchema for Filter {
    fn schema_name() -> String {
        "Filter".into()
    }

    /// The filter echoed in answers: an object of the keys given, as they were read.
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        use schemars::schema::ObjectValidation;
        let bound = g.subschema_for::<crate::filter::PeriodBound>();
        let properties = [
            ("from", bound.clone()),
            ("to", bound),
            ("product", text(ID_PATTERN, "A product id")),
            ("facility", text(ID_PATTERN, "A facility id")),
            (
                "country",
                text("^[A-Z]{2}$", "ISO 3166-1 alpha-2, upper case"),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let mut schema = SchemaObject {
            instance_type: Some(InstanceType::Object.into()),
            object: Some(Box::new(ObjectValidation {
                properties,
                additional_properties: Some(Box::new(Schema::Bool(false))),
                ..Default::default()
            })),
            ..Default::default()
        };
        schema.metadata().description =
            Some("The filter the answer is for: the keys given, each as read".into());
        schema.into()
    }
}
