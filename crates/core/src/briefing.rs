//! Briefing mode: a deck of slides built from live views, shareable as an address. The deck is
//! `deck=kpi;map:from=2016,to=2025;top:from=2025,to=2025;pipeline;latest` (each slide's kind and
//! its own filter), the current slide `slide=3` (counted from 1, as a presenter says it), and
//! `captions=both` for titles in both languages at once. Presenter keys map to [`Step`]s.

use crate::filter::Filter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideKind {
    /// Headline figures.
    Kpi,
    /// The world map, animating over the years of the slide's period.
    Map,
    /// The facilities with the most export releases.
    Top,
    /// The product pipeline.
    Pipeline,
    /// The latest export release with its source.
    Latest,
}

impl SlideKind {
    pub const ALL: [SlideKind; 5] = [
        SlideKind::Kpi,
        SlideKind::Map,
        SlideKind::Top,
        SlideKind::Pipeline,
        SlideKind::Latest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SlideKind::Kpi => "kpi",
            SlideKind::Map => "map",
            SlideKind::Top => "top",
            SlideKind::Pipeline => "pipeline",
            SlideKind::Latest => "latest",
        }
    }

    pub fn parse(s: &str) -> Option<SlideKind> {
        SlideKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub kind: SlideKind,
    pub filter: Filter,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub slides: Vec<Slide>,
    /// Index of the slide shown, from 0.
    pub current: usize,
    pub both_languages: bool,
}

impl Default for Deck {
    /// Every kind once, in the order a briefing tells it, over all the data.
    fn default() -> Self {
        Deck {
            slides: SlideKind::ALL
                .into_iter()
                .map(|kind| Slide {
                    kind,
                    filter: Filter::default(),
                })
                .collect(),
            current: 0,
            both_languages: false,
        }
    }
}

/// What a presenter's key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    /// Blank the screen, or bring it back.
    Blank,
    FullScreen,
    /// Open the presenter's window (current and next slide, time, notes).
    Presenter,
    Leave,
}

/// The step of a key (`KeyboardEvent.key`): → ↓ Space PageDown next, ← ↑ PageUp back (clickers
/// send PageUp/PageDown), Home/End, `b` or `.` blank, `f` full screen, `p` presenter view,
/// Escape leave.
pub fn step_for_key(key: &str) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" | " " | "Spacebar" | "PageDown" => Some(Step::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        "b" | "B" | "." => Some(Step::Blank),
        "f" | "F" => Some(Step::FullScreen),
        "p" | "P" => Some(Step::Presenter),
        "Escape" => Some(Step::Leave),
        _ => None,
    }
}

/// The briefing's address keys: the deck, the slide shown and the captions.
impl crate::url::PageKeys for Deck {
    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Deck, crate::url::BadKey> {
        Deck::read_pairs(pairs).map_err(|part| match part.as_str() {
            "slide" => crate::url::BadKey("slide"),
            _ => crate::url::BadKey("deck"),
        })
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        self.write_pairs()
    }
}

impl Deck {
    /// Reads `deck`, `slide` and `captions`; an unreadable slide is an error naming the part,
    /// so the page can show the default deck and say so.
    pub fn read_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Deck, String> {
        let mut deck = Deck::default();
        let mut slide_number = None;
        for (key, value) in pairs {
            match key {
                "deck" => {
                    deck.slides = value
                        .split(';')
                        .filter(|s| !s.is_empty())
                        .map(parse_slide)
                        .collect::<Result<_, _>>()?;
                    if deck.slides.is_empty() {
                        return Err("deck".into());
                    }
                }
                "slide" => {
                    slide_number = Some(value.parse::<usize>().map_err(|_| "slide".to_string())?)
                }
                "captions" => deck.both_languages = value == "both",
                _ => {}
            }
        }
        if let Some(n) = slide_number {
            deck.current = n.clamp(1, deck.slides.len()) - 1;
        }
        Ok(deck)
    }

    fn write_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.slides != Deck::default().slides {
            let deck: Vec<String> = self.slides.iter().map(slide_text).collect();
            pairs.push(("deck", deck.join(";")));
        }
        pairs.push(("slide", (self.current + 1).to_string()));
        if self.both_languages {
            pairs.push(("captions", "both".into()));
        }
        pairs
    }

    /// The slide index after `step`, staying inside the deck.
    pub fn moved(&self, step: Step) -> usize {
        let last = self.slides.len().saturating_sub(1);
        match step {
            Step::Next => (self.current + 1).min(last),
            Step::Previous => self.current.saturating_sub(1),
            Step::First => 0,
            Step::Last => last,
            _ => self.current,
        }
    }
}

fn parse_slide(text: &str) -> Result<Slide, String> {
    let (kind, filter) = text.split_once(':').unwrap_or((text, ""));
    let kind = SlideKind::parse(kind).ok_or_else(|| format!("deck: unknown slide {kind:?}"))?;
    let pairs = filter
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")));
    let filter = Filter::from_pairs(pairs).map_err(|e| format!("deck: {e}"))?;
    Ok(Slide { kind, filter })
}

fn slide_text(slide: &Slide) -> String {
    let pairs: Vec<String> = slide
        .filter
        .to_pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if pairs.is_empty() {
        slide.kind.code().to_string()
    } else {
        format!("{}:{}", slide.kind.code(), pairs.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::PageKeys;

    #[test]
    fn a_deck_with_per_slide_filters_round_trips_through_its_address() {
        let deck = Deck::read_pairs([
            (
                "deck",
                "kpi;map:from=2016,to=2025;top:from=2025,to=2025,product=coco-shade",
            ),
            ("slide", "2"),
            ("captions", "both"),
        ])
        .unwrap();
        assert_eq!(deck.slides.len(), 3);
        assert_eq!(deck.current, 1);
        assert!(deck.both_languages);
        assert_eq!(deck.slides[2].filter.product.as_deref(), Some("coco-shade"));
        let pairs = deck.to_pairs();
        assert_eq!(
            pairs[0].1,
            "kpi;map:from=2016,to=2025;top:from=2025,to=2025,product=coco-shade"
        );
        let back = Deck::read_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back, deck);
    }

    #[test]
    fn the_default_deck_has_every_kind_and_a_bad_slide_is_named() {
        let d = Deck::read_pairs([]).unwrap();
        assert_eq!(d.slides.len(), 5);
        assert_eq!(d.to_pairs(), vec![("slide", "1".to_string())]);
        assert!(Deck::read_pairs([("deck", "kpi;weather")])
            .unwrap_err()
            .contains("weather"));
        assert!(Deck::read_pairs([("deck", "map:from=20x5")]).is_err());
        assert_eq!(Deck::read_pairs([("slide", "99")]).unwrap().current, 4);
    }

    #[test]
    fn presenter_keys_and_clickers_move_within_the_deck() {
        let mut d = Deck::default();
        for key in ["ArrowRight", "ArrowDown", " ", "PageDown"] {
            assert_eq!(step_for_key(key), Some(Step::Next), "{key}");
        }
        for key in ["ArrowLeft", "ArrowUp", "PageUp"] {
            assert_eq!(step_for_key(key), Some(Step::Previous), "{key}");
        }
        assert_eq!(step_for_key("b"), Some(Step::Blank));
        assert_eq!(step_for_key("."), Some(Step::Blank));
        assert_eq!(step_for_key("f"), Some(Step::FullScreen));
        assert_eq!(step_for_key("x"), None);
        assert_eq!(d.moved(Step::Previous), 0);
        assert_eq!(d.moved(Step::Last), 4);
        d.current = 4;
        assert_eq!(d.moved(Step::Next), 4);
        assert_eq!(d.moved(Step::First), 0);
    }
}
