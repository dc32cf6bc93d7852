//! The first view: the top of a page as plain HTML, which the server writes into the
//! `index.html` it sends for that page. A phone on a slow network reads the page's heading
//! and the sentence that sums up its figures (the page's largest text, so its Largest
//! Contentful Paint) while the app's code is still arriving; the app removes it in the frame
//! that shows its own drawing of the same figures (`src/first_view.rs`).
//!
//! It is the app's markup with the same classes, so nothing jumps when the app takes over,
//! and it carries no `data-*` hook and no `id`: checks that read the app's hooks never see it.
//! Its links are ordinary links, which work before the app (and without it).

use crate::i18n::{Lang, Text};
use crate::url::view_href;
use crate::Filter;

/// The comments around the first view: the service worker cuts it out of the copy of the page
/// it keeps for offline use, where it would show one page's figures on every other.
pub const START: &str = "<!--karya-first-view-->";
pub const END: &str = "<!--/karya-first-view-->";

/// What a page shows first, with its figures already in words.
#[derive(Debug, Clone, PartialEq)]
pub enum FirstPage {
    /// The overview's heading is for screen readers; what a person sees first is the notice
    /// that the data are illustrative, when they are.
    Overview { illustrative: bool },
    /// `/map`, `/facilities`, `/facility/<id>`: the heading and the sentence of the view's
    /// figures (`sentence::map_summary`, `ranking_summary`, `production_summary`).
    Titled {
        section: &'static str,
        heading: String,
        sentence: Option<String>,
    },
    /// The briefing's stage, still empty, and its bar with the presenter's keys.
    Briefing,
}

/// One page's first view in one language, for `filter` (which the site's links keep).
#[derive(Debug, Clone, PartialEq)]
pub struct FirstView {
    pub lang: Lang,
    pub filter: Filter,
    /// An embedded view or the briefing: no site header, as in the app.
    pub bare: bool,
    /// An embed that hides its title (`?title=0`).
    pub hide_title: bool,
    pub page: FirstPage,
}

/// `<`, `>`, `&` and `"` written as entities: names and sentences come from the data.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

impl FirstView {
    /// The HTML to put first in `<body>`, between [`START`] and [`END`].
    pub fn html(&self) -> String {
        let mut out = String::from(START);
        out.push_str("<div class=\"first-view\">");
        if !self.bare {
            out.push_str(&self.header());
        }
        out.push_str("<main class=\"page\">");
        out.push_str(&self.body());
        out.push_str("</main></div>");
        out.push_str(END);
        out
    }

    fn t(&self, text: Text) -> String {
        escape(text.get(self.lang))
    }

    fn link(&self, path: &str) -> String {
        escape(&view_href(path, &self.filter, self.lang))
    }

    /// The site header without what needs the app (search, theme, language switch).
    fn header(&self) -> String {
        let nav: String = [
            ("/", Text::NavOverview),
            ("/map", Text::NavMap),
            ("/facilities", Text::NavFacilities),
            ("/briefing", Text::NavBriefing),
        ]
        .iter()
        .map(|(path, text)| format!("<a href=\"{}\">{}</a>", self.link(path), self.t(*text)))
        .collect();
        format!(
            "<header class=\"site-header\"><div class=\"brand\"><a href=\"{}\">\
             <span class=\"brand-name\">{}</span></a><span class=\"brand-tagline\">{}</span></div>\
             <nav aria-label=\"{}\" class=\"site-nav\">{nav}</nav></header>",
            self.link("/"),
            self.t(Text::AppName),
            self.t(Text::Tagline),
            self.t(Text::NavLabel),
        )
    }

    fn body(&self) -> String {
        match &self.page {
            FirstPage::Overview { illustrative } => {
                let notice = if *illustrative {
                    format!(
                        "<p class=\"notice notice-illustrative\"><span class=\"mark mark-illustrative\">{}</span> {}</p>",
                        self.t(Text::IllustrativeMark),
                        self.t(Text::IllustrativeExplainer)
                    )
                } else {
                    String::new()
                };
                format!(
                    "<section class=\"overview\"><h1 class=\"visually-hidden\">{}</h1>{notice}</section>",
                    self.t(Text::NavOverview)
                )
            }
            FirstPage::Titled {
                section,
                heading,
                sentence,
            } => {
                let heading = if self.hide_title {
                    String::new()
                } else {
                    format!("<h1>{}</h1>", escape(heading))
                };
                let sentence = sentence
                    .as_deref()
                    .map(|s| format!("<p class=\"map-summary\">{}</p>", escape(s)))
                    .unwrap_or_default();
                format!("<section class=\"{section} view-first\">{heading}{sentence}</section>")
            }
            FirstPage::Briefing => format!(
                "<section class=\"briefing\"><div class=\"stage\"></div>\
                 <div class=\"briefing-bar\"><span class=\"hint\">{}</span></div></section>",
                self.t(Text::PresenterKeys)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(page: FirstPage) -> FirstView {
        FirstView {
            lang: Lang::En,
            filter: Filter::default(),
            bare: false,
            hide_title: false,
            page,
        }
    }

    #[test]
    fn data_is_escaped() {
        assert_eq!(
            escape("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        let html = view(FirstPage::Titled {
            section: "facility-page",
            heading: "Lapas <script>".into(),
            sentence: Some("1 & 2".into()),
        })
        .html();
        assert!(html.contains("<h1>Lapas &lt;script&gt;</h1>"), "{html}");
        assert!(
            html.contains("<p class=\"map-summary\">1 &amp; 2</p>"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn it_is_marked_for_cutting_and_carries_no_hook_or_id() {
        let html = view(FirstPage::Overview { illustrative: true }).html();
        assert!(html.starts_with(START) && html.ends_with(END), "{html}");
        assert_eq!(html.matches(START).count(), 1);
        assert!(!html.contains("data-"), "{html}");
        assert!(!html.contains(" id="), "{html}");
    }

    #[test]
    fn the_overview_says_when_its_data_are_illustrative() {
        let shown = view(FirstPage::Overview { illustrative: true }).html();
        assert!(shown.contains(Text::IllustrativeExplainer.get(Lang::En)));
        assert!(shown.contains("notice-illustrative"));
        let real = view(FirstPage::Overview {
            illustrative: false,
        })
        .html();
        assert!(!real.contains("notice-illustrative"), "{real}");
    }

    #[test]
    fn links_keep_the_language_and_filter() {
        let mut v = view(FirstPage::Briefing);
        v.filter.product = Some("coco-shade".into());
        let html = v.html();
        assert!(
            html.contains("href=\"/map?lang=en&amp;product=coco-shade\""),
            "{html}"
        );
        assert!(html.contains(Text::PresenterKeys.get(Lang::En)));
    }

    #[test]
    fn a_bare_page_has_no_header_and_a_hidden_title_no_heading() {
        let mut v = view(FirstPage::Titled {
            section: "map-page",
            heading: "Where".into(),
            sentence: None,
        });
        v.bare = true;
        v.hide_title = true;
        let html = v.html();
        assert!(!html.contains("site-header"), "{html}");
        assert!(!html.contains("<h1>"), "{html}");
        assert!(!html.contains("map-summary"), "{html}");
        v.hide_title = false;
        assert!(v.html().contains("<h1>Where</h1>"));
    }
}
