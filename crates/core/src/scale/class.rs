//! Scales for the maps: classed colour breaks for a choropleth (round numbers, so a legend
//! reads "1–2, 3–5, 6–10") and a square-root width scale for flow arcs and points.

use crate::colour::{CLASS_COLOURS, NO_DATA_COLOUR};
use serde::{Deserialize, Serialize};

/// Classes `[lower, upper]`, inclusive, covering every value given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassScale {
    pub bounds: Vec<(f64, f64)>,
}

/// 1, 2, 2.5, 5 × 10ⁿ at or above `x`.
pub fn nice_ceil(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= x - 1e-9 {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

impl ClassScale {
    /// Up to `max_classes` classes from quantiles of `values`, with round upper bounds.
    /// `integral` values (counts) get whole-number bounds that never overlap.
    pub fn from_values(values: &[f64], max_classes: usize, integral: bool) -> ClassScale {
        let mut sorted: Vec<f64> = values
            .iter()
            .copied()
            .filter(|v| v.is_finite() && *v > 0.0)
            .collect();
        sorted.sort_by(f64::total_cmp);
        let Some(&max) = sorted.last() else {
            return ClassScale { bounds: Vec::new() };
        };
        let min = sorted[0];
        let mut uppers: Vec<f64> = (1..=max_classes)
            .map(|i| {
                let q = sorted[((i * sorted.len()).div_ceil(max_classes))
                    .saturating_sub(1)
                    .min(sorted.len() - 1)];
                // Counts are read exactly ("3", "4–5"); amounts get round bounds.
                if integral {
                    q.ceil()
                } else {
                    nice_ceil(q)
                }
            })
            .collect();
        uppers.push(if integral { max.ceil() } else { nice_ceil(max) });
        uppers.sort_by(f64::total_cmp);
        uppers.dedup();
        uppers.retain(|u| *u >= min);
        let mut bounds = Vec::new();
        let mut lower = if integral {
            min.floor().max(1.0).min(min)
        } else {
            0.0
        };
        for (i, &upper) in uppers.iter().enumerate() {
            if i > 0 && upper < lower {
                continue;
            }
            bounds.push((lower, upper));
            lower = if integral { upper + 1.0 } else { upper };
            if upper >= max - 1e-9 {
                break;
            }
        }
        ClassScale { bounds }
    }

    /// The class of `value`, or `None` for no data.
    pub fn class_of(&self, value: f64) -> Option<usize> {
        if value.is_nan() || value <= 0.0 {
            return None;
        }
        let last = self.bounds.len().checked_sub(1)?;
        Some(
            self.bounds
                .iter()
                .position(|&(_, upper)| value <= upper)
                .unwrap_or(last),
        )
    }

    /// The colour for `value`: darker classes for larger values.
    pub fn colour(&self, value: Option<f64>) -> &'static str {
        match value.and_then(|v| self.class_of(v)) {
            None => NO_DATA_COLOUR,
            Some(class) => {
                // Spread few classes over the palette so they stay distinct.
                let n = self.bounds.len();
                let index = if n <= 1 {
                    CLASS_COLOURS.len() - 1
                } else {
                    class * (CLASS_COLOURS.len() - 1) / (n - 1)
                };
                CLASS_COLOURS[index]
            }
        }
    }
}

/// Arc width in pixels: area-true (square root), from `min_px` to `max_px` at `max_value`.
pub fn flow_width(value: f64, max_value: f64, min_px: f64, max_px: f64) -> f64 {
    if max_value <= 0.0 || value <= 0.0 {
        return min_px;
    }
    min_px + (max_px - min_px) * (value / max_value).sqrt().min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers() {
        assert_eq!(nice_ceil(3.0), 5.0);
        assert_eq!(nice_ceil(7.0), 10.0);
        assert_eq!(nice_ceil(21.0), 25.0);
        assert_eq!(nice_ceil(1200.0), 2000.0);
        assert_eq!(nice_ceil(1.0), 1.0);
    }

    #[test]
    fn every_value_falls_in_exactly_one_class_and_classes_do_not_overlap() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 9.0, 12.0, 40.0];
        let scale = ClassScale::from_values(&values, 5, true);
        assert!(
            scale.bounds.len() >= 3 && scale.bounds.len() <= 5,
            "{:?}",
            scale.bounds
        );
        for w in scale.bounds.windows(2) {
            assert!(w[0].1 < w[1].0, "{:?}", scale.bounds);
        }
        for v in values {
            let c = scale.class_of(v).unwrap();
            let (lo, hi) = scale.bounds[c];
            assert!(v >= lo && v <= hi, "{v} in {lo}–{hi}");
        }
        assert_eq!(scale.colour(None), NO_DATA_COLOUR);
        assert_ne!(scale.colour(Some(1.0)), scale.colour(Some(40.0)));
    }

    #[test]
    fn close_counts_still_get_distinct_classes() {
        let scale = ClassScale::from_values(&[3.0, 3.0, 4.0, 4.0, 5.0, 5.0, 5.0, 5.0], 5, true);
        assert_eq!(scale.bounds, vec![(3.0, 3.0), (4.0, 4.0), (5.0, 5.0)]);
        assert_ne!(scale.colour(Some(3.0)), scale.colour(Some(5.0)));
    }

    #[test]
    fn a_single_value_makes_one_dark_class() {
        let scale = ClassScale::from_values(&[750.0], 5, false);
        assert_eq!(scale.bounds.len(), 1);
        assert_eq!(scale.colour(Some(750.0)), CLASS_COLOURS[4]);
        assert!(ClassScale::from_values(&[], 5, true).bounds.is_empty());
    }

    #[test]
    fn flow_widths_grow_with_the_square_root() {
        assert_eq!(flow_width(100.0, 100.0, 1.0, 9.0), 9.0);
        assert_eq!(flow_width(25.0, 100.0, 1.0, 9.0), 5.0);
        assert_eq!(flow_width(0.0, 100.0, 1.0, 9.0), 1.0);
    }
}
