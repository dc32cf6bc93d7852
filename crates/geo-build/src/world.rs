//! The world map (`data/geo/world.json`): Natural Earth's 1:50m countries (TopoJSON, npm
//! `world-atlas@2.0.2`) in Equal Earth coordinates, with Indonesian and English names from
//! npm `i18n-iso-countries`.

use crate::read_source;
use crate::topojson::{centroid, decode_arcs, largest, path_data, polygons, ring_area, round};
use karya_core::geo::{map_height, project, CountryShape, WorldMap, MAP_WIDTH};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// Points closer than this (map units; the map is 1000 wide) to the last kept one are dropped.
const MIN_STEP: f64 = 0.35;

pub fn build(root: &Path) {
    let read = |p: &str| -> Value { serde_json::from_str(&read_source(root, p)).unwrap() };
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
                let area: f64 = polygons.iter().map(|p| ring_area(&p[0]).abs()).sum();
                let (cx, cy) = centroid(&largest(&polygons)[0]);
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
    fs::write(&out, serde_json::to_string(&map).unwrap()).unwrap();
    println!(
        "wrote {} ({} countries, {} bytes)",
        out.display(),
        map.countries.len(),
        fs::metadata(&out).unwrap().len()
    );
}
