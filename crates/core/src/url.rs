//! Addresses of views: the language and the filter travel in the query, so a copied link
//! reproduces the view and moving between pages keeps the selection.

use crate::filter::Filter;
use crate::i18n::Lang;

/// `/map?lang=en&from=2024`; Indonesian, the default, is left out of the address.
pub fn view_href(path: &str, filter: &Filter, lang: Lang) -> String {
    let mut parts = Vec::new();
    if lang != Lang::default() {
        parts.push(format!("lang={}", lang.code()));
    }
    let filter_query = filter.to_query();
    if !filter_query.is_empty() {
        parts.push(filter_query);
    }
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_language_and_filter_and_drops_the_default_language() {
        let f = Filter::from_pairs([("country", "es"), ("from", "2024")]).unwrap();
        assert_eq!(
            view_href("/map", &f, Lang::En),
            "/map?lang=en&from=2024&country=ES"
        );
        assert_eq!(view_href("/", &f, Lang::Id), "/?from=2024&country=ES");
        assert_eq!(view_href("/", &Filter::default(), Lang::Id), "/");
    }
}
