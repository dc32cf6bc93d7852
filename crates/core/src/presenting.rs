//! What the briefing needs to be shown on a projector: a title's size on the 16:9 stage so it
//! fits one line, each slide kind's presenter note, and the presenter's clock.

use crate::briefing::SlideKind;
use crate::i18n::Text;

/// Largest title size, in hundredths of the stage's height (`cqh`).
pub const TITLE_MAX_CQH: f64 = 7.0;
/// Share of the stage's width a title may take.
const TITLE_WIDTH: f64 = 0.92;
/// A generous average advance of a bold sans-serif glyph, in ems: wide enough that a title of
/// capitals and digits still fits.
const GLYPH_EM: f64 = 0.62;

/// The font size of `title` in hundredths of the stage's width (`cqw`), so that it fits one line
/// of the stage; a short title is capped by [`TITLE_MAX_CQH`] instead.
pub fn title_size_cqw(title: &str) -> f64 {
    let chars = title.chars().count().max(1) as f64;
    100.0 * TITLE_WIDTH / (GLYPH_EM * chars)
}

/// The CSS `font-size` of a slide title.
pub fn title_font_size(title: &str) -> String {
    format!("min({TITLE_MAX_CQH}cqh, {:.2}cqw)", title_size_cqw(title))
}

/// The presenter's note of a slide kind: what its figures mean and where they come from.
pub fn slide_note(kind: SlideKind) -> Text {
    match kind {
        SlideKind::Kpi => Text::NoteKpi,
        SlideKind::Map => Text::NoteMap,
        SlideKind::Top => Text::NoteTop,
        SlideKind::Pipeline => Text::NotePipeline,
        SlideKind::Latest => Text::NoteLatest,
    }
}

/// Time since the briefing began, as a presenter reads it: "4:05", "1:02:09".
pub fn elapsed_words(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_longer_title_gets_a_smaller_size_that_still_fits_the_width() {
        let short = title_size_cqw("Peta");
        let long =
            title_size_cqw("Ke mana produk WBP diekspor · Where WBP products are exported · 2023");
        assert!(long < short);
        // 66 glyphs at GLYPH_EM of the size stay within the stage's width.
        let chars = 66.0;
        assert!(chars * GLYPH_EM * title_size_cqw(&"x".repeat(66)) <= 100.0 * TITLE_WIDTH + 1e-9);
        assert_eq!(
            title_font_size("abcd"),
            format!("min(7cqh, {:.2}cqw)", title_size_cqw("abcd"))
        );
    }

    #[test]
    fn every_kind_has_its_own_note_in_both_languages() {
        let notes: Vec<_> = SlideKind::ALL.into_iter().map(slide_note).collect();
        for (i, n) in notes.iter().enumerate() {
            assert!(n.get(Lang::Id).len() > 40 && n.get(Lang::En).len() > 40);
            assert_ne!(n.get(Lang::Id), n.get(Lang::En));
            assert!(notes[i + 1..].iter().all(|m| m != n), "{n:?} is used twice");
        }
    }

    #[test]
    fn the_clock_reads_minutes_and_hours() {
        assert_eq!(elapsed_words(0), "0:00");
        assert_eq!(elapsed_words(245), "4:05");
        assert_eq!(elapsed_words(3729), "1:02:09");
    }
}
