//! The year player of the world map and the briefing's map slide: which year comes next when
//! it plays, so both step alike and the rule is tested natively.

/// How the player ends: the map stops at the last year, a briefing slide starts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtTheEnd {
    Stop,
    Loop,
}

/// The year to show when play is pressed: the one after `current`, or the first year when
/// nothing or the last year is shown (pressing play at the end starts over).
pub fn first_step(current: Option<i32>, (first, last): (i32, i32)) -> i32 {
    current
        .filter(|y| *y < last)
        .map_or(first, |y| (y + 1).max(first))
}

/// The year after `current` while playing; `None` when the player stops.
pub fn next_year(current: Option<i32>, (first, last): (i32, i32), end: AtTheEnd) -> Option<i32> {
    match current {
        None => Some(first),
        Some(y) if y >= last => (end == AtTheEnd::Loop).then_some(first),
        Some(y) => Some((y + 1).max(first)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn play_starts_after_the_year_shown_or_over_from_the_first() {
        assert_eq!(first_step(None, (2016, 2025)), 2016);
        assert_eq!(first_step(Some(2020), (2016, 2025)), 2021);
        assert_eq!(first_step(Some(2025), (2016, 2025)), 2016);
        assert_eq!(first_step(Some(2010), (2016, 2025)), 2016);
    }

    #[test]
    fn the_map_stops_at_the_last_year_and_a_slide_starts_over() {
        let span = (2016, 2018);
        assert_eq!(next_year(Some(2016), span, AtTheEnd::Stop), Some(2017));
        assert_eq!(next_year(Some(2018), span, AtTheEnd::Stop), None);
        assert_eq!(next_year(Some(2018), span, AtTheEnd::Loop), Some(2016));
        assert_eq!(next_year(None, span, AtTheEnd::Loop), Some(2016));
    }
}
