//! The sample dataset, embedded in the binary so a first start needs no files beside it.

use karya_core::dataset::{Dataset, DatasetFile};

const SAMPLE_JSON: &str = include_str!("../../../data/sample/dataset.json");

/// The sample, expanded and validated; an error lists every problem found.
pub fn sample_dataset() -> Result<Dataset, String> {
    let file: DatasetFile = serde_json::from_str(SAMPLE_JSON)
        .map_err(|e| format!("data/sample/dataset.json is not valid: {e}"))?;
    file.into_dataset().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
        format!(
            "data/sample/dataset.json has {} problem(s):\n{}",
            errors.len(),
            lines.join("\n")
        )
    })
}
