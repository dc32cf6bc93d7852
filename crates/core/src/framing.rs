//! Where the map of Indonesia looks and what it writes: a frame around the facilities (they
//! cluster in Java, and the whole archipelago leaves them overlapping), and labels placed so
//! none covers another; a label that does not fit is left to the tooltip and the table.

/// A rectangle in map units: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// The SVG `viewBox` of this rectangle.
    pub fn view_box(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }
}

/// The frame around `points` with `pad` of margin, widened to the shape of the whole map
/// (`full_w` × `full_h`, so the picture keeps its size on the page), at least `min_w` wide so
/// one point alone is not blown up, and kept inside the whole map. No point: the whole map.
pub fn frame_on(points: &[(f64, f64)], (full_w, full_h): (f64, f64), pad: f64, min_w: f64) -> Rect {
    let whole = Rect {
        x: 0.0,
        y: 0.0,
        w: full_w,
        h: full_h,
    };
    if points.is_empty() {
        return whole;
    }
    let fold = |f: fn(f64, f64) -> f64, init: f64, pick: fn(&(f64, f64)) -> f64| {
        points.iter().map(pick).fold(init, f)
    };
    let (x0, x1) = (
        fold(f64::min, f64::INFINITY, |p| p.0),
        fold(f64::max, f64::NEG_INFINITY, |p| p.0),
    );
    let (y0, y1) = (
        fold(f64::min, f64::INFINITY, |p| p.1),
        fold(f64::max, f64::NEG_INFINITY, |p| p.1),
    );
    let aspect = full_h / full_w;
    let w = (x1 - x0 + 2.0 * pad)
        .max((y1 - y0 + 2.0 * pad) / aspect)
        .max(min_w)
        .min(full_w);
    let h = w * aspect;
    let centre =
        |a: f64, b: f64, size: f64, full: f64| ((a + b) / 2.0 - size / 2.0).clamp(0.0, full - size);
    Rect {
        x: centre(x0, x1, w, full_w),
        y: centre(y0, y1, h, full_h),
        w,
        h,
    }
}

/// The box of a label of `chars` characters in a font of `size` map units, centred on its
/// anchor (x) and standing on it (y, the baseline).
pub fn label_box(x: f64, y: f64, chars: usize, size: f64) -> Rect {
    let w = chars as f64 * size * 0.6;
    Rect {
        x: x - w / 2.0,
        y: y - size,
        w,
        h: size * 1.25,
    }
}

/// Places labels in the order given (most important first): each at its anchor, or just above
/// or below it, wherever it covers no label already placed nor any of `keep_clear` (the points);
/// `None` for a label that fits nowhere. Returns the baseline each placed label moved to.
pub fn place_labels(labels: &[Rect], keep_clear: &[Rect]) -> Vec<Option<f64>> {
    let mut placed: Vec<Rect> = Vec::new();
    labels
        .iter()
        .map(|l| {
            [0.0, -l.h, l.h].into_iter().find_map(|dy| {
                let moved = Rect { y: l.y + dy, ..*l };
                let free = placed.iter().chain(keep_clear).all(|o| !moved.overlaps(o));
                free.then(|| {
                    placed.push(moved);
                    moved.y + l.h / 1.25
                })
            })
        })
        .collect()
}

/// WCAG 2.5.8's smallest target (24 px), with a pixel to spare each side for rounding.
pub const TARGET_PX: f64 = 26.0;

/// Screen pixels per map unit inside the framed view: the outer svg (viewBox `outer`) drawn
/// `rendered` px large and letterboxed (`preserveAspectRatio` meet), holding the map, `map`
/// units large, that shows the part `shown` of it.
pub fn px_per_unit(rendered: (f64, f64), outer: (f64, f64), map: (f64, f64), shown: &Rect) -> f64 {
    let outer_scale = (rendered.0 / outer.0).min(rendered.1 / outer.1);
    outer_scale * (map.0 / shown.w).min(map.1 / shown.h)
}

/// The radius in map units of a hit circle `px` across on screen; `None` while the map has no
/// size yet (not laid out, or hidden).
pub fn hit_radius(px_per_unit: f64, px: f64) -> Option<f64> {
    (px_per_unit.is_finite() && px_per_unit > 0.0).then(|| px / 2.0 / px_per_unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_holds_every_point_with_the_map_s_shape_inside_the_map() {
        let points = [(300.0, 300.0), (400.0, 320.0), (350.0, 280.0)];
        let f = frame_on(&points, (1000.0, 400.0), 20.0, 150.0);
        assert!((f.h / f.w - 0.4).abs() < 1e-9, "the map's shape");
        assert!(points.iter().all(|&(x, y)| x >= f.x + 20.0 - 1e-9
            && x <= f.x + f.w - 20.0 + 1e-9
            && y >= f.y
            && y <= f.y + f.h));
        assert!(f.w < 1000.0, "closer than the whole map: {f:?}");
        assert!(f.x >= 0.0 && f.y >= 0.0 && f.x + f.w <= 1000.0 && f.y + f.h <= 400.0);
    }

    #[test]
    fn one_point_is_not_blown_up_and_none_gives_the_whole_map() {
        let one = frame_on(&[(10.0, 10.0)], (1000.0, 400.0), 20.0, 150.0);
        assert_eq!(
            (one.x, one.y, one.w),
            (0.0, 0.0, 150.0),
            "kept inside, at least min_w wide"
        );
        assert_eq!(
            frame_on(&[], (1000.0, 400.0), 20.0, 150.0),
            Rect {
                x: 0.0,
                y: 0.0,
                w: 1000.0,
                h: 400.0
            }
        );
        assert_eq!(one.view_box(), "0.0 0.0 150.0 60.0");
    }

    #[test]
    fn labels_never_overlap_and_those_that_cannot_fit_are_left_out() {
        // Three labels on one anchor: there, above, below; a fourth fits nowhere.
        let same = label_box(100.0, 100.0, 10, 9.0);
        let labels = [same, same, same, same, label_box(500.0, 100.0, 6, 9.0)];
        let placed = place_labels(&labels, &[]);
        assert_eq!(placed.iter().filter(|p| p.is_some()).count(), 4);
        assert_eq!(placed[3], None);
        assert_eq!(placed[0], Some(100.0 + 9.0 * 0.25 - 9.0 * 0.25));
        let boxes: Vec<Rect> = labels
            .iter()
            .zip(&placed)
            .filter_map(|(l, p)| {
                p.map(|base| Rect {
                    y: base - l.h / 1.25,
                    ..*l
                })
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                boxes[i + 1..].iter().all(|b| !a.overlaps(b)),
                "{a:?} overlaps"
            );
        }
    }

    #[test]
    fn a_label_keeps_off_the_points() {
        let label = label_box(100.0, 100.0, 4, 9.0);
        let point = Rect {
            x: 95.0,
            y: 93.0,
            w: 6.0,
            h: 6.0,
        };
        let placed = place_labels(&[label], &[point]);
        let base = placed[0].expect("placed above or below");
        assert_ne!(base, 100.0);
    }

    #[test]
    fn hit_circles_are_as_wide_on_screen_as_a_target_whatever_the_zoom() {
        let whole = frame_on(&[], (1000.0, 500.0), 0.0, 0.0);
        // The outer svg holds the map and a 100-unit legend; drawn 500 px wide, height to spare.
        let scale = px_per_unit((500.0, 2000.0), (1000.0, 600.0), (1000.0, 500.0), &whole);
        assert_eq!(scale, 0.5);
        assert_eq!(hit_radius(scale, 24.0), Some(24.0));
        // Letterboxed by height: the smaller scale holds.
        assert_eq!(
            px_per_unit((5000.0, 300.0), (1000.0, 600.0), (1000.0, 500.0), &whole),
            0.5
        );
        // Framed on a quarter of the map's width, a unit is four times larger on screen.
        let framed = Rect {
            x: 100.0,
            y: 50.0,
            w: 250.0,
            h: 125.0,
        };
        let zoomed = px_per_unit((500.0, 2000.0), (1000.0, 600.0), (1000.0, 500.0), &framed);
        assert_eq!(zoomed, 2.0);
        assert_eq!(hit_radius(zoomed, TARGET_PX), Some(6.5));
        assert_eq!(hit_radius(0.0, 24.0), None);
        assert_eq!(hit_radius(f64::INFINITY, 24.0), None);
    }
}
