//! Every colour Karya draws with, in one place: the series and role palette (Okabe–Ito), the
//! choropleth classes (ColorBrewer Blues) and the few fixed inks of the two maps.

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
}
