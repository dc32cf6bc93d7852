//! Addresses of views: the language and the filter travel in the query, so a copied link
//! reproduces the view and moving between pages keeps the selection.

use crate::filter::Filter;
use crate::i18n::Lang;

/// A key of a page's own address whose value could not be read: the page falls back to its
/// default view and says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadKey(pub &'static str);

/// The keys a page keeps in its address beside the shared filter (`/map`'s `measure`, `tab`,
/// `focus`, …): read from and written to the query, so a link reproduces the page.
pub trait PageKeys: Default + Clone + PartialEq + Send + Sync + 'static {
    /// Reads the page's keys, ignoring the others (the filter's, the language).
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, BadKey>;
    /// The keys that differ from the default, in a fixed order.
    fn to_pairs(&self) -> Vec<(&'static str, String)>;
}

/// A page with no keys of its own.
impl PageKeys for () {
    fn from_pairs<'a>(_: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<(), BadKey> {
        Ok(())
    }
    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

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
    /// The measure in force: quantities need one product, so without one the map shows
    /// releases (and says why).
    pub fn measure(&self, filter: &Filter) -> crate::destinations::Measure {
        crate::destinations::Measure::in_force(Some(self.measure), filter)
    }
}

impl PageKeys for MapView {
    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<MapView, BadKey> {
        let mut view = MapView::default();
        for (key, value) in pairs {
            match key {
                "measure" => {
                    view.measure =
                        crate::destinations::Measure::parse(value).ok_or(BadKey("measure"))?
                }
                "tab" => {
                    view.table = match value {
                        "table" => true,
                        "map" => false,
                        _ => return Err(BadKey("tab")),
                    }
                }
                "focus" => {
                    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                        return Err(BadKey("focus"));
                    }
                    view.focus = Some(value.to_ascii_uppercase());
                }
                _ => {}
            }
        }
        Ok(view)
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
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

/// `view_href` with a page's own keys after the filter's.
pub fn page_href(path: &str, filter: &Filter, lang: Lang, own: &[(&str, String)]) -> String {
    let base = view_href(path, filter, lang);
    let extra: Vec<String> = own
        .iter()
        .map(|(k, v)| {
            let value: String = url_encode(v);
            format!("{k}={value}")
        })
        .collect();
    match (extra.is_empty(), base.contains('?')) {
        (true, _) => base,
        (false, true) => format!("{base}&{}", extra.join("&")),
        (false, false) => format!("{base}?{}", extra.join("&")),
    }
}

/// Percent-encodes what a person may type (a search), leaving ids and codes as they are;
/// also the server's encoding of a page address inside the oEmbed discovery link.
pub fn url_encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The world map's address.
pub fn map_href(filter: &Filter, view: &MapView, lang: Lang) -> String {
    page_href("/map", filter, lang, &view.to_pairs())
}

/// The facilities page's own keys: what the ranking orders by (`rank`), the name search
/// (`q`) and the table's sort (`sort`, a column code with `-` in front for descending).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilitiesView {
    /// `None`: quantity when a product is chosen, releases otherwise.
    pub rank: Option<crate::ranking::RankMeasure>,
    pub search: String,
    pub sort: Option<String>,
}

impl FacilitiesView {
    pub const SORT_COLUMNS: [&'static str; 5] = ["name", "value", "releases", "products", "role"];

    /// The measure in force: quantity needs one product, so without one it falls back.
    pub fn measure(&self, filter: &Filter) -> crate::ranking::RankMeasure {
        crate::ranking::RankMeasure::in_force(self.rank, filter)
    }
}

impl FacilitiesView {
    /// The sort after a click on `column`'s heading: largest first for figures, A–Z for
    /// words; a second click turns it.
    pub fn next_sort(current: Option<&str>, column: &str) -> String {
        match current {
            Some(s) if s == column => format!("-{column}"),
            Some(s) if s.trim_start_matches('-') == column => column.to_string(),
            _ if matches!(column, "name" | "role") => column.to_string(),
            _ => format!("-{column}"),
        }
    }
}

impl PageKeys for FacilitiesView {
    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<FacilitiesView, BadKey> {
        let mut view = FacilitiesView::default();
        for (key, value) in pairs {
            match key {
                "rank" => {
                    view.rank =
                        Some(crate::ranking::RankMeasure::parse(value).ok_or(BadKey("rank"))?)
                }
                "q" => view.search = value.chars().take(80).collect(),
                "sort" => {
                    if !Self::SORT_COLUMNS.contains(&value.trim_start_matches('-')) {
                        return Err(BadKey("sort"));
                    }
                    view.sort = Some(value.to_string());
                }
                _ => {}
            }
        }
        Ok(view)
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(r) = self.rank {
            pairs.push(("rank", r.code().to_string()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if let Some(s) = &self.sort {
            pairs.push(("sort", s.clone()));
        }
        pairs
    }
}

/// The facility page's own keys: `grain` (month, quarter, year) and `tab=table`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilityView {
    pub grain: crate::production::Granularity,
    pub table: bool,
}

impl PageKeys for FacilityView {
    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<FacilityView, BadKey> {
        let mut view = FacilityView::default();
        for (key, value) in pairs {
            match key {
                "grain" => {
                    view.grain =
                        crate::production::Granularity::parse(value).ok_or(BadKey("grain"))?
                }
                "tab" => {
                    view.table = match value {
                        "table" => true,
                        "chart" => false,
                        _ => return Err(BadKey("tab")),
                    }
                }
                _ => {}
            }
        }
        Ok(view)
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.grain != Default::default() {
            pairs.push(("grain", self.grain.code().to_string()));
        }
        if self.table {
            pairs.push(("tab", "table".to_string()));
        }
        pairs
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
    fn quantities_need_one_product() {
        let quantity = MapView {
            measure: Measure::Quantity,
            ..MapView::default()
        };
        let one = Filter::from_pairs([("product", "coco-shade")]).unwrap();
        assert_eq!(quantity.measure(&one), Measure::Quantity);
        assert_eq!(quantity.measure(&Filter::default()), Measure::Releases);
        let value = MapView {
            measure: Measure::Value,
            ..MapView::default()
        };
        assert_eq!(value.measure(&Filter::default()), Measure::Value);
    }

    #[test]
    fn a_bad_map_key_is_named() {
        assert_eq!(
            MapView::from_pairs([("measure", "weight")]),
            Err(BadKey("measure"))
        );
        assert_eq!(MapView::from_pairs([("tab", "chart")]), Err(BadKey("tab")));
        assert_eq!(
            MapView::from_pairs([("focus", "ESP")]),
            Err(BadKey("focus"))
        );
    }
}

#[cfg(test)]
mod sort_tests {
    use super::FacilitiesView;

    #[test]
    fn figures_sort_largest_first_words_from_a_and_a_second_click_turns() {
        let next = FacilitiesView::next_sort;
        assert_eq!(next(None, "value"), "-value");
        assert_eq!(next(None, "name"), "name");
        assert_eq!(next(Some("name"), "name"), "-name");
        assert_eq!(next(Some("-value"), "value"), "value");
        assert_eq!(next(Some("name"), "value"), "-value");
    }
}

#[cfg(test)]
mod facility_view_tests {
    use super::*;
    use crate::production::Granularity;
    use crate::ranking::RankMeasure;

    fn pairs(href: &str) -> Vec<(String, String)> {
        href.split_once('?')
            .map(|(_, q)| {
                q.split('&')
                    .map(|p| {
                        let (k, v) = p.split_once('=').unwrap();
                        (k.to_string(), v.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn the_facilities_view_round_trips_and_encodes_the_search() {
        let filter = Filter::from_pairs([("from", "2025"), ("to", "2025")]).unwrap();
        let view = FacilitiesView {
            rank: Some(RankMeasure::Value),
            search: "tangerang".into(),
            sort: Some("-value".into()),
        };
        let href = page_href("/facilities", &filter, Lang::En, &view.to_pairs());
        assert_eq!(
            href,
            "/facilities?lang=en&from=2025&to=2025&rank=value&q=tangerang&sort=-value"
        );
        let p = pairs(&href);
        let back = FacilitiesView::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, Ok(view));
        let spaced = FacilitiesView {
            search: "lapas a&b".into(),
            ..Default::default()
        };
        assert_eq!(
            page_href(
                "/facilities",
                &Filter::default(),
                Lang::Id,
                &spaced.to_pairs()
            ),
            "/facilities?q=lapas%20a%26b"
        );
        assert_eq!(
            FacilitiesView::from_pairs([("sort", "size")]),
            Err(BadKey("sort"))
        );
        assert_eq!(
            FacilitiesView::from_pairs([("rank", "big")]),
            Err(BadKey("rank"))
        );
    }

    #[test]
    fn quantity_ranking_falls_back_without_a_product() {
        let view = FacilitiesView {
            rank: Some(RankMeasure::Quantity),
            ..Default::default()
        };
        assert_eq!(view.measure(&Filter::default()), RankMeasure::Releases);
        let one = Filter::from_pairs([("product", "coco-shade")]).unwrap();
        assert_eq!(view.measure(&one), RankMeasure::Quantity);
        assert_eq!(
            FacilitiesView::default().measure(&one),
            RankMeasure::Quantity
        );
    }

    #[test]
    fn the_facility_view_round_trips() {
        let view = FacilityView {
            grain: Granularity::Quarter,
            table: true,
        };
        let href = page_href(
            "/facility/lapas-cirebon",
            &Filter::default(),
            Lang::Id,
            &view.to_pairs(),
        );
        assert_eq!(href, "/facility/lapas-cirebon?grain=quarter&tab=table");
        let p = pairs(&href);
        assert_eq!(
            FacilityView::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
            Ok(view)
        );
        assert_eq!(
            FacilityView::from_pairs([("grain", "week")]),
            Err(BadKey("grain"))
        );
    }
}
