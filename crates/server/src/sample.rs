//! The sample dataset, embedded in the binary so a first start needs no files beside it, and
//! the loading of other dataset files in the same format (the benchmarks' synthetic data).

use karya_core::dataset::{Dataset, DatasetFile};
use std::path::Path;

const SAMPLE_JSON: &str = include_str!("../../../data/sample/dataset.json");

/// The sample, expanded and validated; an error lists every problem found.
pub fn sample_dataset() -> Result<Dataset, String> {
    parse("data/sample/dataset.json", SAMPLE_JSON)
}

pub fn dataset_file(path: &Path) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&path.display().to_string(), &text)
}

fn parse(name: &str, json: &str) -> Result<Dataset, String> {
    let file: DatasetFile =
        serde_json::from_str(json).map_err(|e| format!("{name} is not valid: {e}"))?;
    file.into_dataset().map_err(|errors| {
        let lines: Vec<String> = errors.iter().take(50).map(|e| format!("  - {e}")).collect();
        format!(
            "{name} has {} problem(s):\n{}",
            errors.len(),
            lines.join("\n")
        )
    })
}
