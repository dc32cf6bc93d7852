//! The view state every page shares, read from the address: `?lang=en` and the filter keys.
//! Components read it from context, so a test can provide it without a router.

use karya_core::embed::EmbedOptions;
use karya_core::url::view_href;
use karya_core::{Filter, Lang, Text};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// The filter of the address, and whether it had to be dropped because it could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddressFilter {
    pub filter: Filter,
    pub fell_back: bool,
}

#[derive(Clone, Copy)]
pub struct ViewState {
    pub lang: Signal<Lang>,
    pub filter: Signal<AddressFilter>,
    /// `Some` when the view is embedded in another site (`?embed=<id>`).
    pub embed: Signal<Option<EmbedOptions>>,
}

impl ViewState {
    /// A fixed state, for tests and for embedding a component outside the router.
    pub fn fixed(lang: Lang) -> Self {
        Self {
            lang: Signal::stored(lang),
            filter: Signal::stored(AddressFilter::default()),
            embed: Signal::stored(None),
        }
    }
}

/// The language in force; Indonesian when no state is provided.
pub fn use_lang() -> Signal<Lang> {
    use_context::<ViewState>()
        .map(|s| s.lang)
        .unwrap_or_else(|| Signal::stored(Lang::Id))
}

pub fn use_embed() -> Signal<Option<EmbedOptions>> {
    use_context::<ViewState>()
        .map(|s| s.embed)
        .unwrap_or_else(|| Signal::stored(None))
}

pub fn use_filter() -> Signal<AddressFilter> {
    use_context::<ViewState>()
        .map(|s| s.filter)
        .unwrap_or_else(|| Signal::stored(AddressFilter::default()))
}

/// `text` in the current language, as a reactive closure for `view!`.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get())
}

/// Derives the view state from the address and keeps `<html lang>` and the title in step.
#[component]
pub fn ProvideViewState(children: Children) -> impl IntoView {
    let query = use_query_map();
    // Memos, not derived signals: the query changes with every filter step, and everything
    // that shows a word reads the language. A memo wakes its readers only when the language
    // itself changes.
    let lang = Memo::new(move |_| {
        query.with(|q| q.get_str("lang").and_then(Lang::parse).unwrap_or_default())
    });
    let filter = Memo::new(move |_| {
        query.with(
            |q| match Filter::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))) {
                Ok(filter) => AddressFilter {
                    filter,
                    fell_back: false,
                },
                Err(_) => AddressFilter {
                    filter: Filter::default(),
                    fell_back: true,
                },
            },
        )
    });
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(&format!(
                "{} · {}",
                Text::AppName.get(lang),
                Text::Tagline.get(lang)
            ));
        }
    });
    let embed = Memo::new(move |_| {
        query.with(|q| EmbedOptions::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    // Embed options live on <html>, where the style sheet reads them; the height reports
    // start once, with the options of the first address.
    // The site's own theme (the header's switch); an embed's comes from its address.
    let site_theme = RwSignal::new(crate::components::theme::remembered_theme());
    provide_context(SiteTheme(site_theme));
    Effect::new(move |started: Option<bool>| {
        let options = embed.get();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let flag = |name: &str, on: bool| {
                let _ = if on {
                    html.set_attribute(name, "")
                } else {
                    html.remove_attribute(name)
                };
            };
            flag("data-embed", options.is_some());
            flag(
                "data-hide-title",
                options.as_ref().is_some_and(|o| o.hide_title),
            );
            flag(
                "data-hide-controls",
                options.as_ref().is_some_and(|o| o.hide_controls),
            );
            flag(
                "data-transparent",
                options.as_ref().is_some_and(|o| o.transparent),
            );
            let theme = options
                .as_ref()
                .map_or(site_theme.get().code(), |o| o.theme.code());
            let _ = html.set_attribute("data-theme", theme);
        }
        let start = !started.unwrap_or(false) && options.is_some();
        if let (true, Some(o)) = (start, options) {
            crate::embed::report_height(o);
        }
        started.unwrap_or(false) || start
    });
    provide_context(ViewState {
        lang: lang.into(),
        filter: filter.into(),
        embed: embed.into(),
    });
    children()
}

/// A link target on this site that keeps the language and the filter.
pub fn use_href(path: &'static str) -> Signal<String> {
    let lang = use_lang();
    let filter = use_filter();
    Signal::derive(move || view_href(path, &filter.get().filter, lang.get()))
}

/// The current page in the other language, everything else kept.
pub fn use_other_language_href() -> Signal<String> {
    let lang = use_lang();
    let filter = use_filter();
    let location = use_location();
    Signal::derive(move || {
        view_href(
            &location.pathname.get(),
            &filter.get().filter,
            lang.get().other(),
        )
    })
}

/// Goes to `href` on this site without scrolling: how a view changes its own address.
/// `replace` keeps the step out of the history (a search as it is typed, play).
pub fn use_go_to() -> impl Fn(&str, bool) + Copy + Send + Sync + 'static {
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    move |href: &str, replace: bool| {
        let options = leptos_router::NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate.with_value(|nav| nav(href, options));
    }
}

/// The theme the reader chose for the site (light, dark, or the system's).
#[derive(Clone, Copy)]
pub struct SiteTheme(pub RwSignal<karya_core::embed::Theme>);
