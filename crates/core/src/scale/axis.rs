//! Axes of Karya's own SVG charts: linear (values), band (categories and periods) and time
//! (months) scales, their ticks, and tick and period labels in the reader's language.

use crate::format;
use crate::i18n::Lang;
use crate::month::Month;

/// The step between ticks: 1, 2 or 5 × 10ⁿ, giving about `count` ticks over `span`.
pub fn tick_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    // Round up to the nearest of 1, 2, 5, 10 on a log scale (√2, √10, √50 are the midpoints).
    let step = if residual >= 50f64.sqrt() {
        10.0
    } else if residual >= 10f64.sqrt() {
        5.0
    } else if residual >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    step * magnitude
}

/// Maps a value domain onto a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
    /// Counts (releases, products) get whole-number ticks only.
    pub integral: bool,
}

impl LinearScale {
    /// A scale from zero to a round number at or above `max`, for bars and columns (which
    /// must start at zero so lengths compare truly). An empty or zero `max` still gives a
    /// readable axis from 0 to 1.
    pub fn from_zero(
        max: f64,
        range: (f64, f64),
        tick_count: usize,
        integral: bool,
    ) -> LinearScale {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let mut scale = LinearScale {
            domain: (0.0, max),
            range,
            integral,
        };
        let step = scale.step(tick_count);
        scale.domain.1 = (max / step - 1e-9).ceil() * step;
        scale
    }

    fn step(&self, count: usize) -> f64 {
        let step = tick_step(self.domain.1 - self.domain.0, count);
        if self.integral {
            step.max(1.0)
        } else {
            step
        }
    }

    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Round values inside the domain, about `count` of them, ends included when round.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (d0, d1) = self.domain;
        let step = self.step(count);
        let first = (d0 / step).ceil() as i64;
        let last = (d1 / step + 1e-9).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
    }
}

/// A tick label: whole numbers with the language's grouping, large ones compact ("12 rb").
pub fn tick_label(v: f64, lang: Lang) -> String {
    if v.abs() >= 10_000.0 {
        format::compact(v, lang)
    } else {
        format::number(v, 2, lang)
    }
}

/// Evenly spaced bands for `n` categories over a range, with padding between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandScale {
    pub n: usize,
    pub range: (f64, f64),
    /// Share of each step left empty between bands (0–1).
    pub padding: f64,
}

impl BandScale {
    pub fn new(n: usize, range: (f64, f64), padding: f64) -> BandScale {
        BandScale {
            n,
            range,
            padding: padding.clamp(0.0, 0.9),
        }
    }

    pub fn step(&self) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        (self.range.1 - self.range.0) / self.n as f64
    }

    /// Where band `i` starts.
    pub fn start(&self, i: usize) -> f64 {
        self.range.0 + self.step() * (i as f64 + self.padding / 2.0)
    }

    pub fn width(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    pub fn centre(&self, i: usize) -> f64 {
        self.start(i) + self.width() / 2.0
    }
}

/// Months on a continuous axis: month `first` at the start of the range, `last` at its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub first: Month,
    pub last: Month,
    pub range: (f64, f64),
}

impl TimeScale {
    /// Position of the middle of month `m`.
    pub fn map(&self, m: Month) -> f64 {
        let months = (self.first.months_until(self.last) + 1).max(1) as f64;
        let offset = self.first.months_until(m) as f64 + 0.5;
        self.range.0 + offset / months * (self.range.1 - self.range.0)
    }

    /// Months to label, at most `max` of them: every 1, 3, 6, 12, 24, 60 or 120 months,
    /// aligned on quarters and years so labels read "Jan 2024, Jul 2024", not "Feb, Aug".
    pub fn ticks(&self, max: usize) -> Vec<Month> {
        let span = self.first.months_until(self.last) + 1;
        let max = max.max(1) as i32;
        let step = [1, 3, 6, 12, 24, 60, 120]
            .into_iter()
            .find(|s| (span + s - 1) / s <= max)
            .unwrap_or(120);
        let mut ticks = Vec::new();
        let mut m = self.first;
        while m <= self.last {
            let index = m.year() * 12 + m.month() as i32 - 1;
            if index % step == 0 {
                ticks.push(m);
            }
            m = m.next();
        }
        ticks
    }
}

/// A period label of `Granularity::bucket` ("2025-08", "2025-Q3", "2025") for people:
/// "Agu 2025" / "Aug 2025", "Tw III 2025" / "Q3 2025", "2025".
pub fn period_label(bucket: &str, lang: Lang) -> String {
    if let Ok(m) = bucket.parse::<Month>() {
        return format::month_short(m, lang);
    }
    if let Some((year, quarter)) = bucket.split_once("-Q") {
        let roman = ["I", "II", "III", "IV"];
        let q: usize = quarter.parse().unwrap_or(0);
        return match (lang, roman.get(q.wrapping_sub(1))) {
            (Lang::Id, Some(r)) => format!("Tw {r} {year}"),
            (Lang::En, Some(_)) => format!("Q{q} {year}"),
            _ => bucket.to_string(),
        };
    }
    bucket.to_string()
}

/// Picks which of `n` evenly spaced category labels to show so at most `max` appear,
/// always the first and then every k-th.
pub fn thin_labels(n: usize, max: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let k = n.div_ceil(max.max(1));
    (0..n).step_by(k.max(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn tick_steps_are_round() {
        assert_eq!(tick_step(10.0, 5), 2.0);
        assert_eq!(tick_step(100.0, 5), 20.0);
        assert_eq!(tick_step(1234.0, 5), 200.0);
        assert_eq!(tick_step(7.0, 10), 0.5);
        assert_eq!(tick_step(0.0, 5), 1.0);
    }

    #[test]
    fn a_zero_based_scale_ends_on_a_round_number_and_ticks_cover_it() {
        let s = LinearScale::from_zero(1234.0, (0.0, 280.0), 5, false);
        assert_eq!(s.domain, (0.0, 1400.0));
        assert_eq!(s.ticks(5).len(), 8);
        assert_eq!(s.ticks(5)[7], 1400.0);
        assert_eq!(s.ticks(3), vec![0.0, 500.0, 1000.0]);
        assert_eq!(s.map(700.0), 140.0);
        // Counts never get half ticks.
        let counts = LinearScale::from_zero(3.0, (0.0, 100.0), 6, true);
        assert_eq!(counts.ticks(6), vec![0.0, 1.0, 2.0, 3.0]);
        // Columns grow upwards: a reversed range maps zero to the bottom.
        let up = LinearScale::from_zero(10.0, (200.0, 0.0), 5, false);
        assert_eq!(up.map(0.0), 200.0);
        assert_eq!(up.map(10.0), 0.0);
    }

    #[test]
    fn an_empty_domain_still_gives_an_axis() {
        let s = LinearScale::from_zero(0.0, (0.0, 100.0), 4, false);
        assert_eq!(s.domain.1, 1.0);
        assert!(s.ticks(4).len() >= 2);
    }

    #[test]
    fn tick_labels_follow_the_language() {
        assert_eq!(tick_label(1500.0, Lang::Id), "1.500");
        assert_eq!(tick_label(1500.0, Lang::En), "1,500");
        assert_eq!(tick_label(2.5, Lang::Id), "2,5");
        assert_ne!(
            tick_label(250_000.0, Lang::Id),
            tick_label(250_000.0, Lang::En)
        );
    }

    #[test]
    fn bands_fill_the_range_with_padding() {
        let b = BandScale::new(4, (0.0, 400.0), 0.2);
        assert_eq!(b.step(), 100.0);
        assert_eq!(b.width(), 80.0);
        assert_eq!(b.start(0), 10.0);
        assert_eq!(b.centre(3), 350.0);
        assert_eq!(BandScale::new(0, (0.0, 10.0), 0.2).step(), 0.0);
    }

    #[test]
    fn time_ticks_align_on_quarters_and_years() {
        let t = TimeScale {
            first: m("2023-02"),
            last: m("2026-10"),
            range: (0.0, 450.0),
        };
        let ticks = t.ticks(8);
        assert!(ticks.len() <= 8, "{ticks:?}");
        assert!(ticks.iter().all(|m| m.month() == 1 || m.month() == 7));
        assert_eq!(ticks[0], m("2023-07"));
        assert!(t.map(m("2023-02")) < t.map(m("2023-03")));
        assert_eq!(t.map(m("2023-02")), 450.0 / 45.0 / 2.0);
        let short = TimeScale {
            first: m("2025-01"),
            last: m("2025-06"),
            range: (0.0, 1.0),
        };
        assert_eq!(short.ticks(12).len(), 6);
    }

    #[test]
    fn period_labels_in_both_languages() {
        assert_eq!(period_label("2025-Q3", Lang::Id), "Tw III 2025");
        assert_eq!(period_label("2025-Q3", Lang::En), "Q3 2025");
        assert_eq!(period_label("2025", Lang::En), "2025");
        assert_eq!(period_label("2025-08", Lang::Id), "Agu 2025");
        assert_eq!(period_label("2025-08", Lang::En), "Aug 2025");
    }

    #[test]
    fn thinned_labels_start_with_the_first_and_stay_under_the_limit() {
        assert_eq!(thin_labels(12, 4), vec![0, 3, 6, 9]);
        assert_eq!(thin_labels(3, 10), vec![0, 1, 2]);
        assert!(thin_labels(0, 3).is_empty());
    }
}
