//! Query strings: decoded once, checked against the keys an endpoint takes, so a typo such as
//! `?produk=` is an error that names it rather than a silently ignored filter.

use super::error::ApiError;
use karya_core::scope::Endpoint;
use karya_core::Filter;

/// The query keys an endpoint takes: the filter keys of its scope, read from the core (where
/// the app reads them too), then its own. The router checks requests and writes the OpenAPI
/// document from the same values.
#[derive(Debug, Clone, Copy)]
pub struct Keys {
    pub filter: Option<Endpoint>,
    pub own: &'static [&'static str],
}

impl Keys {
    /// Every key, filter keys first, in the order the API documents them.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        let filter = self.filter.map(Endpoint::filter_keys).unwrap_or_default();
        filter.iter().chain(self.own).copied()
    }
}

pub const NO_PARAMS: Keys = Keys {
    filter: None,
    own: &[],
};
pub const SUMMARY: Keys = Keys {
    filter: Some(Endpoint::Summary),
    own: &[],
};
pub const SHIPMENTS: Keys = Keys {
    filter: Some(Endpoint::Shipments),
    own: &["limit", "offset", "provenance"],
};
pub const DESTINATIONS: Keys = Keys {
    filter: Some(Endpoint::Destinations),
    own: &["measure"],
};
pub const PRODUCTION: Keys = Keys {
    filter: Some(Endpoint::Production),
    own: &["granularity"],
};
pub const RANKING: Keys = Keys {
    filter: Some(Endpoint::Ranking),
    own: &["rank"],
};
pub const AUDIT: Keys = Keys {
    filter: None,
    own: &["record_type", "record_key", "limit"],
};

pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn parse(raw: Option<&str>, keys: Keys) -> Result<Params, ApiError> {
        let allowed: Vec<&str> = keys.names().collect();
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        if let Some((key, _)) = pairs.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            let takes = if allowed.is_empty() {
                "no parameters".to_string()
            } else {
                allowed.join(", ")
            };
            return Err(ApiError::BadParameter(format!(
                "unknown query parameter `{key}`; this endpoint takes {takes}"
            )));
        }
        Ok(Params { pairs })
    }

    pub fn filter(&self) -> Result<Filter, ApiError> {
        Ok(Filter::from_pairs(
            self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )?)
    }

    /// The one value of `key`, if given and not empty.
    pub fn single(&self, key: &'static str) -> Result<Option<&str>, ApiError> {
        let mut values = self
            .pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.trim());
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::BadParameter(format!(
                "query parameter `{key}` is given more than once"
            )));
        }
        Ok(first.filter(|v| !v.is_empty()))
    }

    /// A whole number in `min..=max`; empty means not given, as for every key.
    pub fn number(&self, key: &'static str, min: u32, max: u32) -> Result<Option<u32>, ApiError> {
        let Some(text) = self.single(key)? else {
            return Ok(None);
        };
        match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::BadParameter(format!(
                "query parameter `{key}`: expected a whole number from {min} to {max}, got {text:?}"
            ))),
        }
    }
}

/// Query keys an endpoint cannot answer without (oEmbed's `url`); all others may be left out.
pub fn required(key: &str, path: &str) -> bool {
    (path, key) == ("/oembed", "url")
}

/// The OpenAPI schema of a query key as the handlers check it: type, pattern, allowed values
/// and bounds. With `known`, ids are listed (a well-formed id Karya does not hold is refused).
/// An empty value means "not given", so each schema allows it.
pub fn schema(
    key: &str,
    path: &str,
    known: Option<&karya_core::entry::Known>,
) -> serde_json::Value {
    use karya_core::schema::{period_pattern, ID_PATTERN};
    use serde_json::json;
    let listed = |ids: Vec<String>, pattern: &str| {
        let mut ids = ids;
        ids.sort();
        if ids.is_empty() {
            json!({"type": "string", "pattern": format!("^$|{pattern}")})
        } else {
            ids.insert(0, String::new());
            json!({"type": "string", "enum": ids})
        }
    };
    let choices = |values: &[&str]| {
        let mut all = vec![""];
        all.extend(values);
        json!({"type": "string", "enum": all})
    };
    match key {
        "from" | "to" => json!({"type": "string", "pattern": format!("^$|{}", period_pattern())}),
        "product" => match known {
            Some(k) => listed(k.products.keys().cloned().collect(), ID_PATTERN),
            None => json!({"type": "string", "pattern": format!("^$|{ID_PATTERN}")}),
        },
        "facility" => match known {
            Some(k) => listed(k.facilities.iter().cloned().collect(), ID_PATTERN),
            None => json!({"type": "string", "pattern": format!("^$|{ID_PATTERN}")}),
        },
        "country" => match known {
            Some(k) => listed(k.countries.iter().cloned().collect(), "^[A-Z]{2}$"),
            None => json!({"type": "string", "pattern": "^$|^[A-Z]{2}$"}),
        },
        "limit" if path == "/audit" => json!({"type": "integer", "minimum": 1, "maximum": 1000}),
        "limit" => json!({"type": "integer", "minimum": 1, "maximum": super::read::MAX_LIMIT}),
        "offset" => json!({"type": "integer", "minimum": 0, "maximum": u32::MAX}),
        "provenance" => choices(&["reported", "illustrative"]),
        "measure" => choices(&["releases", "value", "quantity"]),
        "rank" => choices(&["releases", "value", "products", "quantity"]),
        "granularity" => choices(&["month", "quarter", "year"]),
        "record_type" => json!({"type": "string",
            "enum": karya_core::tables::Table::ALL.map(|t| t.name())}),
        "record_key" => json!({"type": "string", "minLength": 1}),
        // oEmbed: the view's address, the frame's largest size, and the one format answered.
        // What the core reads as an address: no space nor control character, a host first.
        "url" => json!({"type": "string",
            "pattern": "^https?://[^\\s\\u0000-\\u001f\\u007f-\\u009f/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*$"}),
        "maxwidth" | "maxheight" => json!({"type": "integer", "minimum": 1, "maximum": 10_000}),
        "format" => choices(&["json"]),
        _ => json!({"type": "string"}),
    }
}
