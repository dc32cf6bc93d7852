//! Map geometry: the Equal Earth projection (equal-area, so a country's size on the map is
//! its real size) and the prepared world map the app draws. The map file is built from
//! Natural Earth by `make geo` (crates/geo-build) with this same projection, so points the app
//! projects at run time (facilities, capitals) land on the shapes exactly.

use serde::{Deserialize, Serialize};

/// Width of the map's coordinate space (the SVG viewBox); the height follows from the
/// projection's aspect ratio.
pub const MAP_WIDTH: f64 = 1000.0;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal Earth (Šavrič, Patterson, Jenny 2018) in its own units: x in ±2.7066, y in ±1.3173.
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let (lambda, phi) = (lon_deg.to_radians(), lat_deg.to_radians());
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos()
        / (3.0 * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

fn extent() -> (f64, f64) {
    (equal_earth(180.0, 0.0).0, equal_earth(0.0, 90.0).1)
}

/// Height of the map's coordinate space.
pub fn map_height() -> f64 {
    let (x_max, y_max) = extent();
    MAP_WIDTH * y_max / x_max
}

/// Longitude/latitude to map coordinates: origin top left, y down, as SVG wants.
pub fn project(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let (x, y) = equal_earth(lon_deg, lat_deg);
    let (x_max, _) = extent();
    let scale = MAP_WIDTH / (2.0 * x_max);
    (MAP_WIDTH / 2.0 + x * scale, map_height() / 2.0 - y * scale)
}

/// One country of the prepared map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2.
    pub iso: String,
    /// ISO 3166-1 numeric, three digits.
    pub numeric: String,
    pub name_id: String,
    pub name_en: String,
    /// SVG path data in map coordinates.
    pub d: String,
    /// A point inside the country's largest part, for arcs and labels.
    pub anchor: [f64; 2],
    /// Area in square map units; tiny countries get a marker so they can be seen and clicked.
    pub area: f64,
}

/// The world map file (`data/geo/world.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorldMap {
    pub width: f64,
    pub height: f64,
    pub source: String,
    pub countries: Vec<CountryShape>,
    /// Land without an ISO code of its own (disputed areas), drawn neutral and never counted.
    pub unassigned: String,
}

impl WorldMap {
    pub fn country(&self, iso: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.iso == iso)
    }
}

/// One province of the prepared map of Indonesia.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvinceShape {
    /// The source's code, e.g. `ID.JB`.
    pub code: String,
    pub name: String,
    /// SVG path data in the map's coordinates.
    pub d: String,
    /// A point inside the province's largest part, for labels.
    pub anchor: [f64; 2],
}

/// A regional map (`data/geo/indonesia.json`): Equal Earth like the world map, cut to a
/// frame and scaled to `width`. Facilities are placed with [`RegionMap::project`], the same
/// transform the builder applied to the outlines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionMap {
    pub width: f64,
    pub height: f64,
    pub source: String,
    /// Equal Earth coordinates of the map's top-left corner.
    pub origin: [f64; 2],
    /// Map units per Equal Earth unit.
    pub scale: f64,
    pub provinces: Vec<ProvinceShape>,
}

impl RegionMap {
    /// The transform that puts the box `lon_min..lon_max`, `lat_min..lat_max` into a map
    /// `width` wide with `margin` map units around it. Returns (origin, scale, height).
    pub fn frame(
        lon: (f64, f64),
        lat: (f64, f64),
        width: f64,
        margin: f64,
    ) -> ([f64; 2], f64, f64) {
        // Equal Earth is widest at the equator, so the frame's corners bound the box.
        let corners = [
            equal_earth(lon.0, lat.0),
            equal_earth(lon.1, lat.0),
            equal_earth(lon.0, lat.1),
            equal_earth(lon.1, lat.1),
            equal_earth(lon.0, 0.0),
            equal_earth(lon.1, 0.0),
        ];
        let x_min = corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min);
        let x_max = corners
            .iter()
            .map(|c| c.0)
            .fold(f64::NEG_INFINITY, f64::max);
        let y_min = corners.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
        let y_max = corners
            .iter()
            .map(|c| c.1)
            .fold(f64::NEG_INFINITY, f64::max);
        let scale = (width - 2.0 * margin) / (x_max - x_min);
        let origin = [x_min - margin / scale, y_max + margin / scale];
        let height = (y_max - y_min) * scale + 2.0 * margin;
        (origin, scale, height)
    }

    /// Longitude/latitude to this map's coordinates (y down).
    pub fn project(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon_deg, lat_deg);
        (
            (x - self.origin[0]) * self.scale,
            (self.origin[1] - y) * self.scale,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn the_projection_is_centred_and_fills_the_width() {
        let (x, y) = project(0.0, 0.0);
        assert!(close(x, MAP_WIDTH / 2.0) && close(y, map_height() / 2.0));
        assert!(close(project(-180.0, 0.0).0, 0.0) && close(project(180.0, 0.0).0, MAP_WIDTH));
        assert!(close(project(0.0, 90.0).1, 0.0));
        assert!((map_height() / MAP_WIDTH - 0.4867).abs() < 1e-3);
    }

    #[test]
    fn a_region_frame_puts_its_corners_inside_the_map() {
        let (origin, scale, height) = RegionMap::frame((95.0, 141.0), (-11.0, 6.0), 1000.0, 10.0);
        let map = RegionMap {
            width: 1000.0,
            height,
            source: String::new(),
            origin,
            scale,
            provinces: Vec::new(),
        };
        let (x, y) = map.project(95.0, 6.0);
        assert!(
            (10.0 - 1e-9..30.0).contains(&x) && (10.0 - 1e-9..20.0).contains(&y),
            "{x},{y}"
        );
        let (x, y) = map.project(141.0, -11.0);
        assert!(
            x <= 990.0 + 1e-9 && x > 960.0 && y <= height - 10.0 + 1e-9,
            "{x},{y}"
        );
        // Jakarta is west of Jayapura and both lie inside.
        let (jx, _) = map.project(106.85, -6.2);
        let (px, _) = map.project(140.7, -2.5);
        assert!(jx < px && height > 300.0 && height < 550.0, "{height}");
    }

    #[test]
    fn north_is_up_and_jakarta_lies_south_east_of_madrid() {
        let jakarta = project(106.85, -6.2);
        let madrid = project(-3.7, 40.4);
        assert!(jakarta.0 > madrid.0 && jakarta.1 > madrid.1);
    }

    #[test]
    fn cells_of_equal_area_on_the_globe_have_equal_area_on_the_map() {
        // Shoelace area of a small lon/lat cell, against its true (spherical) share.
        let cell = |lon: f64, lat: f64| {
            let corners = [
                (lon, lat),
                (lon + 1.0, lat),
                (lon + 1.0, lat + 1.0),
                (lon, lat + 1.0),
            ]
            .map(|(a, b)| project(a, b));
            let twice: f64 = (0..4)
                .map(|i| {
                    let (p, q) = (corners[i], corners[(i + 1) % 4]);
                    p.0 * q.1 - q.0 * p.1
                })
                .sum();
            twice.abs() / 2.0 / ((lat + 1.0).to_radians().sin() - lat.to_radians().sin())
        };
        let reference = cell(0.0, 0.0);
        for (lon, lat) in [(0.0, 60.0), (100.0, -7.0), (-150.0, 45.0), (170.0, -80.0)] {
            let ratio = cell(lon, lat) / reference;
            assert!((ratio - 1.0).abs() < 0.005, "cell at {lon},{lat}: {ratio}");
        }
    }
}
