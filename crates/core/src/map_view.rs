//! What the two maps work out before they draw: the choropleth's classes, shades and legend,
//! zoom and pan, the curve of an arc or a supply link, and each zoning role's symbol.

use crate::colour::NO_DATA_COLOUR;
use crate::destinations::{Destinations, Measure};
use crate::format;
use crate::i18n::{Lang, Text};
use crate::model::ZoningRole;
use crate::scale::{flow_width, ClassScale};
use std::collections::HashMap;

/// The farthest the world map zooms in.
pub const MAX_ZOOM: f64 = 8.0;
/// Export arcs bend to one side by a fifth of their length, so direction reads.
pub const FLOW_BEND: f64 = 0.2;
/// Supply links bend gently the other way, so links between close facilities do not overlap.
pub const SUPPLY_BEND: f64 = -0.25;
/// A facility point's radius without a figure, and at the largest figure.
pub const POINT_MIN_R: f64 = 3.5;
pub const POINT_MAX_R: f64 = 14.0;

/// What the choropleth knows of one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    pub value: Option<f64>,
    pub colour: &'static str,
}

/// Colours and class scale for the current data.
#[derive(Debug, Clone, PartialEq)]
pub struct Choropleth {
    pub scale: ClassScale,
    pub shades: HashMap<String, Shade>,
    /// Counts (releases, quantities) are classed and labelled in whole numbers.
    pub integral: bool,
}

impl Choropleth {
    pub fn new(d: &Destinations) -> Self {
        let values: Vec<f64> = d.countries.iter().filter_map(|c| c.value).collect();
        let integral = d.measure != Measure::Value;
        let scale = ClassScale::from_values(&values, 5, integral);
        let shades = d
            .countries
            .iter()
            .map(|c| {
                let shade = Shade {
                    value: c.value,
                    colour: scale.colour(c.value),
                };
                (c.country.clone(), shade)
            })
            .collect();
        Choropleth {
            scale,
            shades,
            integral,
        }
    }

    /// The legend: one row per class ("3", "4–5"; amounts compact) with its colour, then the
    /// colour of countries without exports.
    pub fn legend_rows(&self, lang: Lang) -> Vec<(String, &'static str)> {
        let fmt = |v: f64| {
            if self.integral {
                format::number(v, 0, lang)
            } else {
                format::compact(v, lang)
            }
        };
        let mut rows: Vec<(String, &'static str)> = self
            .scale
            .bounds
            .iter()
            .map(|&(lo, hi)| {
                let label = if lo == hi {
                    fmt(hi)
                } else {
                    format!("{}–{}", fmt(lo), fmt(hi))
                };
                (label, self.scale.colour(Some(hi)))
            })
            .collect();
        rows.push((Text::NoExports.get(lang).to_string(), NO_DATA_COLOUR));
        rows
    }
}

/// Pan and zoom: a translation in map units and a scale factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

impl Default for Zoom {
    fn default() -> Self {
        Zoom {
            x: 0.0,
            y: 0.0,
            k: 1.0,
        }
    }
}

impl Zoom {
    /// Zooms by `factor` about the point (`cx`, `cy`) of the map, within 1×–8×.
    pub fn zoom_at(self, factor: f64, cx: f64, cy: f64) -> Zoom {
        let k = (self.k * factor).clamp(1.0, MAX_ZOOM);
        let f = k / self.k;
        Zoom {
            x: cx - (cx - self.x) * f,
            y: cy - (cy - self.y) * f,
            k,
        }
    }

    pub fn pan(self, dx: f64, dy: f64) -> Zoom {
        Zoom {
            x: self.x + dx,
            y: self.y + dy,
            k: self.k,
        }
    }

    /// The SVG `transform` of the zoomed layer.
    pub fn transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.x, self.y, self.k
        )
    }
}

/// A quadratic curve from one point to another, bent sideways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub control: (f64, f64),
}

impl Curve {
    /// Bent to the right of its direction by `bend` of its length (to the left when negative).
    pub fn bent(from: (f64, f64), to: (f64, f64), bend: f64) -> Curve {
        let (mx, my) = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        Curve {
            from,
            to,
            control: (mx + dy * bend, my - dx * bend),
        }
    }

    /// The SVG path, to a tenth of a map unit.
    pub fn path(&self) -> String {
        let ((x1, y1), (cx, cy), (x2, y2)) = (self.from, self.control, self.to);
        format!("M{x1:.1} {y1:.1}Q{cx:.1} {cy:.1} {x2:.1} {y2:.1}")
    }

    /// The curve's middle, where a label goes.
    pub fn middle(&self) -> (f64, f64) {
        let (mx, my) = (
            (self.from.0 + self.to.0) / 2.0,
            (self.from.1 + self.to.1) / 2.0,
        );
        ((mx + self.control.0) / 2.0, (my + self.control.1) / 2.0)
    }
}

/// An export arc's stroke width: area-true, 0.6 to 5 map units.
pub fn flow_stroke(value: Option<f64>, max: f64) -> f64 {
    flow_width(value.unwrap_or(0.0), max, 0.6, 5.0)
}

/// A facility point's radius: area-true, from [`POINT_MIN_R`] to [`POINT_MAX_R`].
pub fn point_radius(value: Option<f64>, max: f64) -> f64 {
    flow_width(value.unwrap_or(0.0), max, POINT_MIN_R, POINT_MAX_R)
}

/// A facility's symbol: a circle for producers, a square for suppliers, a diamond for both
/// (shapes of about equal area for equal radius), so roles differ in shape as well as colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    Circle,
    Square,
    Diamond,
}

impl Symbol {
    pub fn of(role: ZoningRole) -> Symbol {
        match role {
            ZoningRole::Producer => Symbol::Circle,
            ZoningRole::Supplier => Symbol::Square,
            ZoningRole::Both => Symbol::Diamond,
        }
    }

    /// The SVG element that draws it.
    pub fn tag(self) -> &'static str {
        match self {
            Symbol::Circle => "circle",
            Symbol::Square => "rect",
            Symbol::Diamond => "polygon",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Symbol> {
        [Symbol::Circle, Symbol::Square, Symbol::Diamond]
            .into_iter()
            .find(|s| s.tag() == tag)
    }

    /// The size attributes of the shape of radius `r` at (`x`, `y`).
    pub fn geometry(self, x: f64, y: f64, r: f64) -> Vec<(&'static str, String)> {
        match self {
            Symbol::Circle => vec![("r", format!("{r:.2}"))],
            Symbol::Square => {
                let half = r * 0.89;
                vec![
                    ("x", format!("{:.2}", x - half)),
                    ("y", format!("{:.2}", y - half)),
                    ("width", format!("{:.2}", 2.0 * half)),
                    ("height", format!("{:.2}", 2.0 * half)),
                ]
            }
            Symbol::Diamond => {
                let d = r * 1.25;
                let points = format!(
                    "{x:.2},{:.2} {:.2},{y:.2} {x:.2},{:.2} {:.2},{y:.2}",
                    y - d,
                    x + d,
                    y + d,
                    x - d
                );
                vec![("points", points)]
            }
        }
    }

    /// One size attribute of [`Symbol::geometry`], empty when the shape has none of that name.
    pub fn attribute(self, name: &str, x: f64, y: f64, r: f64) -> String {
        self.geometry(x, y, r)
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::destinations::{DestinationStat, Destinations};
    use crate::Filter;

    fn stat(country: &str, value: Option<f64>) -> DestinationStat {
        DestinationStat {
            country: country.into(),
            shipments: value.unwrap_or(0.0) as u32,
            value_usd: None,
            shipments_without_value: 0,
            quantities: Vec::new(),
            latest: None,
            undated: 0,
            illustrative: true,
            provisional: 0,
            value,
        }
    }

    fn data(measure: Measure, values: &[(&str, Option<f64>)]) -> Destinations {
        Destinations {
            filter: Filter::default(),
            measure,
            unit: None,
            countries: values.iter().map(|(c, v)| stat(c, *v)).collect(),
            flows: Vec::new(),
            other_flows: Default::default(),
            total: values.iter().filter_map(|(_, v)| *v).sum(),
            shipments: 0,
            years: None,
        }
    }

    #[test]
    fn the_choropleth_shades_each_destination_and_its_legend_names_the_classes() {
        let d = data(
            Measure::Releases,
            &[("KR", Some(7.0)), ("ES", Some(3.0)), ("FR", None)],
        );
        let c = Choropleth::new(&d);
        assert!(c.integral);
        assert_eq!(c.scale.bounds, vec![(3.0, 3.0), (4.0, 7.0)]);
        assert_eq!(c.shades.len(), 3);
        assert_eq!(c.shades["KR"].colour, "#08519c");
        assert_eq!(c.shades["ES"].colour, "#c6dbef");
        assert_eq!(c.shades["FR"].colour, NO_DATA_COLOUR);
        assert_eq!(c.shades["FR"].value, None);
        assert_eq!(
            c.legend_rows(Lang::En),
            vec![
                ("3".to_string(), "#c6dbef"),
                ("4–7".to_string(), "#08519c"),
                ("No exports".to_string(), NO_DATA_COLOUR),
            ]
        );
        let usd = Choropleth::new(&data(Measure::Value, &[("KR", Some(12_500.0))]));
        assert!(!usd.integral);
        assert_eq!(usd.scale.bounds, vec![(0.0, 20_000.0)]);
        assert_eq!(usd.legend_rows(Lang::Id)[0].0, "0–20.000");
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor_and_stays_within_bounds() {
        let z = Zoom::default().zoom_at(2.0, 100.0, 50.0);
        assert_eq!(
            z,
            Zoom {
                x: -100.0,
                y: -50.0,
                k: 2.0
            }
        );
        assert_eq!(z.transform(), "translate(-100.00 -50.00) scale(2.0000)");
        assert_eq!(z.zoom_at(100.0, 0.0, 0.0).k, MAX_ZOOM);
        assert_eq!(z.zoom_at(0.1, 100.0, 50.0), Zoom::default());
        assert_eq!(
            z.pan(10.0, -5.0),
            Zoom {
                x: -90.0,
                y: -55.0,
                k: 2.0
            }
        );
    }

    #[test]
    fn curves_bend_to_one_side_by_a_share_of_their_length() {
        let arc = Curve::bent((0.0, 0.0), (100.0, 0.0), FLOW_BEND);
        assert_eq!(arc.control, (50.0, -20.0));
        assert_eq!(arc.path(), "M0.0 0.0Q50.0 -20.0 100.0 0.0");
        assert_eq!(arc.middle(), (50.0, -10.0));
        let link = Curve::bent((0.0, 0.0), (0.0, 40.0), SUPPLY_BEND);
        assert_eq!(link.control, (-10.0, 20.0));
        assert_eq!(link.middle(), (-5.0, 20.0));
    }

    #[test]
    fn widths_and_radii_grow_with_the_square_root() {
        assert_eq!(flow_stroke(Some(100.0), 100.0), 5.0);
        assert_eq!(flow_stroke(None, 100.0), 0.6);
        assert_eq!(point_radius(Some(25.0), 100.0), 3.5 + 10.5 * 0.5);
        assert_eq!(point_radius(None, 100.0), POINT_MIN_R);
        assert_eq!(point_radius(Some(100.0), 100.0), POINT_MAX_R);
    }

    #[test]
    fn each_role_has_its_own_shape_with_exact_geometry() {
        assert_eq!(Symbol::of(ZoningRole::Producer).tag(), "circle");
        assert_eq!(Symbol::of(ZoningRole::Supplier).tag(), "rect");
        assert_eq!(Symbol::of(ZoningRole::Both).tag(), "polygon");
        assert_eq!(Symbol::from_tag("rect"), Some(Symbol::Square));
        assert_eq!(Symbol::from_tag("g"), None);
        assert_eq!(
            Symbol::Circle.geometry(10.0, 20.0, 4.0),
            vec![("r", "4.00".to_string())]
        );
        assert_eq!(
            Symbol::Square.geometry(10.0, 20.0, 10.0),
            vec![
                ("x", "1.10".to_string()),
                ("y", "11.10".to_string()),
                ("width", "17.80".to_string()),
                ("height", "17.80".to_string()),
            ]
        );
        assert_eq!(
            Symbol::Diamond.attribute("points", 10.0, 20.0, 4.0),
            "10.00,15.00 15.00,20.00 10.00,25.00 5.00,20.00"
        );
        assert_eq!(Symbol::Diamond.attribute("r", 10.0, 20.0, 4.0), "");
    }
}
