//! Reading TopoJSON and writing SVG paths, shared by the world map and the map of Indonesia:
//! arcs decoded (quantization transform, delta encoding), rings assembled from arcs and cut at
//! the antimeridian, projected by the caller's projection, thinned and rounded to tenths of a
//! map unit; ring area and centroid for anchors.

use serde_json::Value;

/// How a builder places longitude/latitude on its map.
pub type Projection<'a> = &'a dyn Fn(f64, f64) -> (f64, f64);
pub type Ring = Vec<(f64, f64)>;

/// TopoJSON arcs: quantized, delta-encoded positions → longitude/latitude.
pub fn decode_arcs(topo: &Value) -> Vec<Vec<(f64, f64)>> {
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
pub fn polygons(
    g: &Value,
    arcs: &[Vec<(f64, f64)>],
    project: Projection,
) -> Option<Vec<Vec<Ring>>> {
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

pub fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Absolute first point, then relative steps of 0.1 units, thinned: short and lossless at
/// screen sizes.
pub fn path_data(polygons: &[Vec<Ring>], min_step: f64) -> String {
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

pub fn ring_area(ring: &Ring) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

pub fn centroid(ring: &Ring) -> (f64, f64) {
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

/// The polygon with the largest outer ring: where a shape's anchor goes.
pub fn largest(polygons: &[Vec<Ring>]) -> &[Ring] {
    polygons
        .iter()
        .max_by(|a, b| ring_area(&a[0]).abs().total_cmp(&ring_area(&b[0]).abs()))
        .expect("a shape has a polygon")
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
