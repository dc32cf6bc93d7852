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

/// The world map's own keys, beside the shared filter: `measure`, `tab` and `focus` (the
/// destination whose panel is open).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    pub measure: crate::destinations::Measure,
    pub table: bool,
    pub focus: Option<String>,
}

impl MapView {
    /// Reads the map keys; an unreadable value is an error naming its key, so the page can
    /// fall back to the default view and say so.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<MapView, String> {
        let mut view = MapView::default();
        for (key, value) in pairs {
            match key {
                "measure" => {
                    view.measure = crate::destinations::Measure::parse(value)
                        .ok_or_else(|| "measure".to_string())?
                }
                "tab" => {
                    view.table = match value {
                        "table" => true,
                        "map" => false,
                        _ => return Err("tab".into()),
                    }
                }
                "focus" => {
                    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                        return Err("focus".into());
                    }
                    view.focus = Some(value.to_ascii_uppercase());
                }
                _ => {}
            }
        }
        Ok(view)
    }

    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.measure != Default::default() {
            pairs.push(("measure", self.measure.code().to_string()));
        }
        if self.table {
            pairs.push(("tab", "table".to_string()));
        }
        if let Some(f) = &self.focus {
            pairs.push(("focus", f.clone()));
        }
        pairs
    }
}

/// `view_href` with the map's keys after the filter's.
pub fn map_href(filter: &Filter, view: &MapView, lang: Lang) -> String {
    let base = view_href("/map", filter, lang);
    let extra: Vec<String> = view
        .to_pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    match (extra.is_empty(), base.contains('?')) {
        (true, _) => base,
        (false, true) => format!("{base}&{}", extra.join("&")),
        (false, false) => format!("{base}?{}", extra.join("&")),
    }
}

#[cfg(test)]
mod map_tests {
    use super::*;
    use crate::destinations::Measure;

    #[test]
    fn the_map_view_round_trips_through_its_address() {
        let filter =
            Filter::from_pairs([("product", "coco-shade"), ("from", "2024"), ("to", "2024")])
                .unwrap();
        let view = MapView {
            measure: Measure::Quantity,
            table: true,
            focus: Some("ES".into()),
        };
        let href = map_href(&filter, &view, Lang::En);
        assert_eq!(
            href,
            "/map?lang=en&from=2024&to=2024&product=coco-shade&measure=quantity&tab=table&focus=ES"
        );
        let query = href.split_once('?').unwrap().1;
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .map(|p| p.split_once('=').unwrap())
            .collect();
        assert_eq!(MapView::from_pairs(pairs.iter().copied()), Ok(view));
        assert_eq!(Filter::from_pairs(pairs.iter().copied()), Ok(filter));
        assert_eq!(
            map_href(&Filter::default(), &MapView::default(), Lang::Id),
            "/map"
        );
    }

    #[test]
    fn a_bad_map_key_is_named() {
        assert_eq!(
            MapView::from_pairs([("measure", "weight")]),
            Err("measure".into())
        );
        assert_eq!(MapView::from_pairs([("tab", "chart")]), Err("tab".into()));
        assert_eq!(MapView::from_pairs([("focus", "ESP")]), Err("focus".into()));
    }
}
