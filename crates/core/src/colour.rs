//! Every colour Karya draws with, in one place: the series and role palette (Okabe–Ito), the
//! choropleth classes (ColorBrewer Blues), the few fixed inks of the two maps, and the site's
//! light and dark palettes (the style sheet's custom properties, checked against these).

use crate::model::ZoningRole;

/// Okabe–Ito: eight colours told apart with every common colour-vision deficiency.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// The palette colour of series `i`, repeating after eight.
pub fn series_colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Okabe–Ito colours, one per zoning role, told apart by shape as well.
pub fn role_colour(role: ZoningRole) -> &'static str {
    match role {
        ZoningRole::Producer => PALETTE[0],
        ZoningRole::Supplier => PALETTE[1],
        ZoningRole::Both => PALETTE[2],
    }
}

/// A colour-blind-safe sequential palette (ColorBrewer "Blues", light to dark), one per class.
pub const CLASS_COLOURS: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
/// Countries without exports in the filter.
pub const NO_DATA_COLOUR: &str = "#e4e7eb";
/// The provinces of the map of Indonesia: land as plain as a country without data.
pub const LAND: &str = NO_DATA_COLOUR;

/// White: outlines that separate symbols and provinces, the BLK dot, a PNG's background.
pub const WHITE: &str = "#ffffff";
/// The world map's sea.
pub const SEA: &str = "#f7fafc";
/// The sea around the map of Indonesia.
pub const SEA_INDONESIA: &str = "#eef4f8";
/// Export arcs and their arrowheads.
pub const FLOW: &str = "#b3541e";
/// The facilities arcs start from.
pub const FLOW_ORIGIN: &str = "#7a2e0e";
/// Supply links between facilities and their arrowheads.
pub const SUPPLY_LINK: &str = "#5b5b5b";
/// The outline of a legend swatch.
pub const LEGEND_OUTLINE: &str = "#5b6570";
/// The ring around the BLK dot.
pub const INK: &str = "#1b1f24";

/// The site's colours in one theme: the custom properties of `style/main.css` (`--ink` …), which
/// a test holds to these values, so contrast is checked on what the browser draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub ink: &'static str,
    pub ink_soft: &'static str,
    pub paper: &'static str,
    pub paper_soft: &'static str,
    pub accent: &'static str,
    pub accent_ink: &'static str,
    pub illustrative: &'static str,
    pub illustrative_bg: &'static str,
    pub reported: &'static str,
    pub reported_bg: &'static str,
    pub danger: &'static str,
    /// The focus ring on paper, and on the header's accent.
    pub focus: &'static str,
    pub focus_on_accent: &'static str,
    /// The sea and the land without data of both maps, and the outline of every mark on them.
    pub sea: &'static str,
    pub land: &'static str,
    pub mark_outline: &'static str,
}

pub const LIGHT: Palette = Palette {
    ink: "#1b1f24",
    ink_soft: "#4a5562",
    paper: "#ffffff",
    paper_soft: "#f4f6f8",
    accent: "#0b5a7a",
    accent_ink: "#ffffff",
    illustrative: "#8a4b00",
    illustrative_bg: "#fff4e0",
    reported: "#1f6b3a",
    reported_bg: "#e6f4ea",
    danger: "#a4161a",
    focus: "#b34700",
    focus_on_accent: "#ffbf47",
    sea: SEA,
    land: NO_DATA_COLOUR,
    mark_outline: LEGEND_OUTLINE,
};

pub const DARK: Palette = Palette {
    ink: "#e8edf2",
    ink_soft: "#b8c3ce",
    paper: "#14191f",
    paper_soft: "#1e252d",
    accent: "#8ccbe8",
    accent_ink: "#0b1a22",
    illustrative: "#ffc46b",
    illustrative_bg: "#3a2a10",
    reported: "#8fd6a6",
    reported_bg: "#13301e",
    danger: "#ff8f8f",
    focus: "#ffbf47",
    focus_on_accent: "#0b1a22",
    sea: "#0e141a",
    land: "#3a4652",
    mark_outline: "#d5dbe1",
};

impl Palette {
    /// Text and its background, as the style sheet pairs them.
    pub fn text_pairs(&self) -> [(&'static str, &'static str); 11] {
        [
            (self.ink, self.paper),
            (self.ink, self.paper_soft),
            (self.ink_soft, self.paper),
            (self.ink_soft, self.paper_soft),
            (self.accent, self.paper),
            (self.accent, self.paper_soft),
            (self.accent_ink, self.accent),
            (self.illustrative, self.illustrative_bg),
            (self.reported, self.reported_bg),
            (self.reported, self.paper),
            (self.danger, self.paper),
        ]
    }

    /// Marks that are not text and what they stand on: the focus ring, the outline of every
    /// map class, bar and point, and the ink of a selected mark.
    pub fn mark_pairs(&self) -> [(&'static str, &'static str); 8] {
        [
            (self.focus, self.paper),
            (self.focus, self.paper_soft),
            (self.focus_on_accent, self.accent),
            (self.mark_outline, self.sea),
            (self.mark_outline, self.land),
            (self.mark_outline, self.paper),
            (self.ink, self.sea),
            (self.ink, self.paper),
        ]
    }

    /// `--name: value` for each custom property the style sheet takes from the palette.
    pub fn css_properties(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("--ink", self.ink),
            ("--ink-soft", self.ink_soft),
            ("--paper", self.paper),
            ("--paper-soft", self.paper_soft),
            ("--accent", self.accent),
            ("--accent-ink", self.accent_ink),
            ("--illustrative", self.illustrative),
            ("--illustrative-bg", self.illustrative_bg),
            ("--reported", self.reported),
            ("--reported-bg", self.reported_bg),
            ("--danger", self.danger),
            ("--focus", self.focus),
            ("--focus-on-accent", self.focus_on_accent),
            ("--sea", self.sea),
            ("--land", self.land),
            ("--mark-outline", self.mark_outline),
        ]
    }
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG 2 relative luminance of `#rrggbb`; anything else reads as black.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = hex
            .get(1 + 2 * i..3 + 2 * i)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0) as f64
            / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_repeat_after_eight_and_roles_take_the_first_three() {
        assert_eq!(series_colour(0), "#0072B2");
        assert_eq!(series_colour(9), "#E69F00");
        assert_eq!(role_colour(ZoningRole::Producer), "#0072B2");
        assert_eq!(role_colour(ZoningRole::Supplier), "#E69F00");
        assert_eq!(role_colour(ZoningRole::Both), "#009E73");
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777") - 1.0).abs() < 1e-9);
        assert!((contrast("#767676", "#ffffff") - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_is_4_5_to_1_and_every_mark_3_to_1_in_both_themes() {
        for (name, p) in [("light", LIGHT), ("dark", DARK)] {
            for (fg, bg) in p.text_pairs() {
                let c = contrast(fg, bg);
                assert!(c >= 4.5, "{name}: text {fg} on {bg} is {c:.2}:1");
            }
            for (fg, bg) in p.mark_pairs() {
                let c = contrast(fg, bg);
                assert!(c >= 3.0, "{name}: mark {fg} on {bg} is {c:.2}:1");
            }
        }
    }

    #[test]
    fn the_style_sheet_uses_these_palettes() {
        // Each colour is written once in `:root` as light-dark(light, dark); the colour scheme
        // (set by the theme switch or the system) picks one.
        let css = include_str!("../../../style/main.css");
        let from = css.find(":root {").expect("no :root in main.css");
        let root = &css[from..from + css[from..].find('}').unwrap()];
        let pairs = LIGHT
            .css_properties()
            .into_iter()
            .zip(DARK.css_properties());
        for ((property, light), (_, dark)) in pairs {
            let rule = format!("{property}: light-dark({light}, {dark});");
            assert!(root.contains(&rule), "main.css lacks {rule} in\n{root}");
        }
    }
}
