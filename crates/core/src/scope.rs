//! Which filter keys each filtered endpoint of the API takes. The server accepts these and
//! refuses the rest; the app clears the rest before it asks, so both read this one table.

use crate::filter::{Filter, FILTER_KEYS};

/// An endpoint of `/api/v1` that reads the shared filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Summary,
    Shipments,
    Destinations,
    Production,
    Ranking,
}

impl Endpoint {
    pub const ALL: [Endpoint; 5] = [
        Endpoint::Summary,
        Endpoint::Shipments,
        Endpoint::Destinations,
        Endpoint::Production,
        Endpoint::Ranking,
    ];

    /// Its address under `/api/v1`.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Summary => "/summary",
            Endpoint::Shipments => "/shipments",
            Endpoint::Destinations => "/destinations",
            Endpoint::Production => "/production",
            Endpoint::Ranking => "/ranking",
        }
    }

    /// The filter keys the endpoint accepts, in [`FILTER_KEYS`] order (the order the API
    /// documents them and names them in an error). Production is per facility and product,
    /// not per destination, so it takes no `country`; nor does the ranking.
    pub fn filter_keys(self) -> &'static [&'static str] {
        match self {
            Endpoint::Summary | Endpoint::Shipments | Endpoint::Destinations => &FILTER_KEYS,
            Endpoint::Production | Endpoint::Ranking => &["from", "to", "product", "facility"],
        }
    }

    /// Keys the endpoint accepts but that do not narrow its answer. A ranking compares
    /// facilities, so it counts every one whatever `facility` says; it takes the key so a
    /// page's whole address can be sent, and echoes it in the answer's filter.
    pub fn ignored_keys(self) -> &'static [&'static str] {
        match self {
            Endpoint::Ranking => &["facility"],
            _ => &[],
        }
    }

    /// The filter as the endpoint counts it: keys it does not take, or takes and ignores,
    /// cleared.
    pub fn scope(self, filter: &Filter) -> Filter {
        let counts =
            |key: &str| self.filter_keys().contains(&key) && !self.ignored_keys().contains(&key);
        Filter {
            from: filter.from.filter(|_| counts("from")),
            to: filter.to.filter(|_| counts("to")),
            product: filter.product.clone().filter(|_| counts("product")),
            facility: filter.facility.clone().filter(|_| counts("facility")),
            country: filter.country.clone().filter(|_| counts("country")),
        }
    }
}

/// The queries the app's views send, written once: the server's first view
/// (`first_view`) asks the same questions, so its sentence and the app's agree.
pub mod queries {
    use super::Endpoint;
    use crate::destinations::Measure;
    use crate::production::Granularity;
    use crate::ranking::RankMeasure;
    use crate::Filter;

    /// The filter's query with one more `key=value` after it.
    pub fn with(filter: &Filter, extra: Option<String>) -> String {
        let mut query = filter.to_query();
        if let Some(extra) = extra {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&extra);
        }
        query
    }

    /// `/destinations`: releases are the default measure and are not written.
    pub fn destinations(filter: &Filter, measure: Measure) -> String {
        let extra = (measure != Measure::Releases).then(|| format!("measure={}", measure.code()));
        with(filter, extra)
    }

    /// `/ranking`: every facility is ranked, whatever the filter's facility.
    pub fn ranking(filter: &Filter, measure: RankMeasure) -> String {
        let scope = Endpoint::Ranking.scope(filter);
        with(&scope, Some(format!("rank={}", measure.code())))
    }

    /// `/production` of one facility.
    pub fn production(filter: &Filter, granularity: Granularity) -> String {
        let scope = Endpoint::Production.scope(filter);
        with(&scope, Some(format!("granularity={}", granularity.code())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn everything() -> Filter {
        Filter::from_pairs([
            ("from", "2024"),
            ("to", "2025-06"),
            ("product", "coco-shade"),
            ("facility", "lapas-cirebon"),
            ("country", "ES"),
        ])
        .unwrap()
    }

    #[test]
    fn each_endpoint_keeps_only_the_keys_it_counts() {
        let all = everything();
        for e in [
            Endpoint::Summary,
            Endpoint::Shipments,
            Endpoint::Destinations,
        ] {
            assert_eq!(e.scope(&all), all, "{e:?}");
        }
        assert_eq!(
            Endpoint::Production.scope(&all),
            Filter {
                country: None,
                ..all.clone()
            }
        );
        assert_eq!(
            Endpoint::Ranking.scope(&all),
            Filter {
                facility: None,
                country: None,
                ..all.clone()
            }
        );
        for e in Endpoint::ALL {
            assert_eq!(e.scope(&Filter::default()), Filter::default());
        }
    }

    #[test]
    fn key_lists_are_filter_keys_in_their_order() {
        for e in Endpoint::ALL {
            let keys = e.filter_keys();
            let positions: Vec<usize> = keys
                .iter()
                .map(|k| FILTER_KEYS.iter().position(|f| f == k).unwrap())
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{e:?}");
            assert!(e.ignored_keys().iter().all(|k| keys.contains(k)), "{e:?}");
        }
        assert_eq!(
            Endpoint::Ranking.filter_keys(),
            ["from", "to", "product", "facility"]
        );
        assert_eq!(
            Endpoint::Production.filter_keys(),
            ["from", "to", "product", "facility"]
        );
    }

    #[test]
    fn a_scoped_filter_writes_only_the_keys_the_endpoint_takes() {
        let all = everything();
        for e in Endpoint::ALL {
            for (key, _) in e.scope(&all).to_pairs() {
                assert!(e.filter_keys().contains(&key), "{e:?} {key}");
                assert!(!e.ignored_keys().contains(&key), "{e:?} {key}");
            }
        }
    }
}
