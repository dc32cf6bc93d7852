//! Embed mode: a view inside another site's page (the ministry portal), without Karya's header
//! and navigation, with options in its address, reporting its height to the page around it in
//! the message formats that portals already listen for.

use crate::filter::Filter;
use crate::i18n::Lang;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's system setting.
    #[default]
    Auto,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto]
            .into_iter()
            .find(|t| t.code() == s)
    }
}

/// The options of an embedded view. Keys: `embed=<id>` (turns embed mode on; the id names the
/// frame in the height messages), `title=0`, `controls=0`, `theme=light|dark|auto`,
/// `transparent=1`, and Pym.js's `childId`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedOptions {
    pub id: String,
    pub hide_title: bool,
    pub hide_controls: bool,
    pub theme: Theme,
    pub transparent: bool,
    pub child_id: Option<String>,
}

/// An id as a portal may write it: letters, digits, `-` and `_`, at most 64.
fn is_embed_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl EmbedOptions {
    /// `None` when the address is not an embed address; an unreadable option is ignored (an
    /// embedded view must never fail because of a portal's typo).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Self> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let id = pairs.iter().find(|(k, _)| *k == "embed")?.1;
        let mut options = EmbedOptions {
            id: if is_embed_id(id) { id } else { "karya" }.to_string(),
            ..Default::default()
        };
        for (key, value) in pairs {
            match key {
                "title" => options.hide_title = value == "0",
                "controls" => options.hide_controls = value == "0",
                "theme" => options.theme = Theme::parse(value).unwrap_or_default(),
                "transparent" => options.transparent = value == "1",
                "childId" if is_embed_id(value) => options.child_id = Some(value.to_string()),
                _ => {}
            }
        }
        Some(options)
    }

    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("embed", self.id.clone())];
        if self.hide_title {
            pairs.push(("title", "0".into()));
        }
        if self.hide_controls {
            pairs.push(("controls", "0".into()));
        }
        if self.theme != Theme::Auto {
            pairs.push(("theme", self.theme.code().into()));
        }
        if self.transparent {
            pairs.push(("transparent", "1".into()));
        }
        pairs
    }
}

/// One message to the page around the frame: a JSON object, or a string.
#[derive(Debug, Clone, PartialEq)]
pub enum ResizeMessage {
    Object(serde_json::Value),
    Text(String),
}

/// The height of the embedded view in every format portals listen for: Datawrapper's,
/// AMP's, the `iframe.resize` string, and Pym.js's when the address has a `childId`.
pub fn resize_messages(options: &EmbedOptions, href: &str, height: u32) -> Vec<ResizeMessage> {
    let mut messages = vec![
        ResizeMessage::Object(json!({ "datawrapper-height": { options.id.as_str(): height } })),
        ResizeMessage::Object(json!({ "sentinel": "amp", "type": "embed-size", "height": height })),
        ResizeMessage::Text(
            json!({ "src": href, "context": "iframe.resize", "height": height }).to_string(),
        ),
    ];
    if let Some(child) = &options.child_id {
        messages.push(ResizeMessage::Text(format!(
            "pymxPYMx{child}xPYMxheightxPYMx{height}"
        )));
    }
    messages
}

/// The HTML a portal pastes: the frame (with a title for screen readers) and our resizing
/// script, which checks where each message comes from.
pub fn snippet(origin: &str, view_href: &str, title: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{origin}{}\" title=\"{}\" data-karya-embed style=\"width:100%;border:0\" height=\"600\" loading=\"lazy\" allow=\"fullscreen\"></iframe>\n<script src=\"{origin}/karya-embed.js\" async></script>",
        escape(view_href),
        escape(title)
    )
}

/// The keys of embed mode, replaced as a whole when the options change.
const EMBED_KEYS: [&str; 6] = [
    "embed",
    "title",
    "controls",
    "theme",
    "transparent",
    "childId",
];

/// The embed address of the view at `path` with query `pairs`: every key of the view kept
/// (language, filter, the page's own), the embed options in place of any earlier ones.
pub fn embed_address(path: &str, pairs: &[(String, String)], options: &EmbedOptions) -> String {
    let kept = pairs
        .iter()
        .filter(|(k, _)| !EMBED_KEYS.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v.clone()));
    let all: Vec<(&str, String)> = kept.chain(options.to_pairs()).collect();
    crate::url::page_href(path, &Filter::default(), Lang::default(), &all)
}

/// The address keys a view chosen in the embed dialog keeps from the page it was opened on:
/// only the language; the page's filter belongs to that page's view, not to the chosen one.
pub fn chosen_view_pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs.iter().filter(|(k, _)| k == "lang").cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_view_keeps_the_language_and_the_options_not_the_page_filter() {
        let page: Vec<(String, String)> =
            [("year", "2025"), ("product", "coco-shade"), ("lang", "en")]
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .into();
        let options = EmbedOptions {
            id: "karya".into(),
            hide_title: true,
            ..Default::default()
        };
        let address = embed_address("/country/ES", &chosen_view_pairs(&page), &options);
        assert_eq!(address, "/country/ES?lang=en&embed=karya&title=0");
        assert!(chosen_view_pairs(&page[..2]).is_empty());
    }

    #[test]
    fn options_round_trip_and_typos_never_break_the_view() {
        let o = EmbedOptions::from_pairs([
            ("embed", "peta-ekspor"),
            ("title", "0"),
            ("theme", "dark"),
            ("transparent", "1"),
        ])
        .unwrap();
        assert_eq!(o.id, "peta-ekspor");
        assert!(o.hide_title && !o.hide_controls && o.transparent);
        assert_eq!(o.theme, Theme::Dark);
        let pairs = o.to_pairs();
        let back = EmbedOptions::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back, o);
        assert_eq!(EmbedOptions::from_pairs([("from", "2025")]), None);
        let odd = EmbedOptions::from_pairs([("embed", "<script>"), ("theme", "pink")]).unwrap();
        assert_eq!((odd.id.as_str(), odd.theme), ("karya", Theme::Auto));
    }

    #[test]
    fn the_height_goes_out_in_all_four_formats() {
        let mut o = EmbedOptions::from_pairs([("embed", "peta")]).unwrap();
        let m = resize_messages(&o, "https://karya.example/map?embed=peta", 812);
        assert_eq!(m.len(), 3, "no Pym message without a childId");
        assert_eq!(
            m[0],
            ResizeMessage::Object(json!({"datawrapper-height": {"peta": 812}}))
        );
        assert_eq!(
            m[1],
            ResizeMessage::Object(json!({"sentinel": "amp", "type": "embed-size", "height": 812}))
        );
        let ResizeMessage::Text(text) = &m[2] else {
            panic!("a string")
        };
        let parsed: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(parsed["context"], "iframe.resize");
        assert_eq!(parsed["height"], 812);
        o.child_id = Some("chart-1".into());
        let m = resize_messages(&o, "x", 812);
        assert_eq!(
            m[3],
            ResizeMessage::Text("pymxPYMxchart-1xPYMxheightxPYMx812".into())
        );
    }

    #[test]
    fn an_embed_address_keeps_the_view_and_replaces_earlier_options() {
        let pairs: Vec<(String, String)> = [
            ("lang", "en"),
            ("from", "2025"),
            ("embed", "old"),
            ("title", "0"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let o = EmbedOptions {
            id: "peta".into(),
            theme: Theme::Dark,
            ..Default::default()
        };
        assert_eq!(
            embed_address("/map", &pairs, &o),
            "/map?lang=en&from=2025&embed=peta&theme=dark"
        );
    }

    #[test]
    fn the_snippet_has_a_title_and_escapes_the_address() {
        let s = snippet(
            "https://karya.example",
            "/map?embed=peta&from=2025",
            "Karya: \"peta\"",
        );
        assert!(s.contains("src=\"https://karya.example/map?embed=peta&amp;from=2025\""));
        assert!(s.contains("title=\"Karya: &quot;peta&quot;\""));
        assert!(s.contains("/karya-embed.js"));
    }
}
