//! The header's search: one box finding facilities, products and countries in the reference
//! data already loaded (no request per key press), as an ARIA combobox with a grouped listbox.

use crate::components::profile_link::profile_href;
use crate::components::profile_parts::word;
use crate::reference::ReferenceData;
use crate::view_state::use_lang;
use karya_core::profile::words::Words;
use karya_core::search::{Hit, Kind, SearchIndex};
use leptos::prelude::*;

const PER_KIND: usize = 6;

fn group_word(kind: Kind) -> Words {
    match kind {
        Kind::Facility => Words::SearchFacilities,
        Kind::Product => Words::SearchProducts,
        Kind::Country => Words::SearchCountries,
    }
}

/// The header's box: a chosen result opens its profile.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let navigate = leptos_router::hooks::use_navigate();
    let go = Callback::new(move |hit: Hit| {
        navigate(
            &profile_href(hit.kind, &hit.id, lang.get_untracked()),
            Default::default(),
        )
    });
    view! { <SearchField prefix="site-search" hook="" on_pick=go/> }
}

/// The combobox itself, for the header and the embed dialog's view picker: `prefix` makes its
/// element ids unique on the page, `hook` is its `data-search` value, `on_pick` gets the result.
#[component]
pub fn SearchField(
    prefix: &'static str,
    hook: &'static str,
    on_pick: Callback<Hit>,
) -> impl IntoView {
    let lang = use_lang();
    // No reference data (a component drawn alone): an empty index, nothing found.
    let tables = use_context::<ReferenceData>().map(|r| r.tables());
    let index = Memo::new(move |_| match tables.and_then(|t| t.get()) {
        Some(Ok(t)) => SearchIndex::new(&t.products, &t.facilities, &t.countries),
        _ => SearchIndex::default(),
    });
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let hits =
        Memo::new(move |_| index.with(|i| query.with(|q| i.search(q, lang.get(), PER_KIND))));
    let go = move |hit: &Hit| {
        on_pick.run(hit.clone());
        open.set(false);
        active.set(None);
        query.set(String::new());
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let n = hits.with_untracked(Vec::len);
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                let chosen = active.get_untracked().unwrap_or(0);
                if let Some(hit) = hits.with_untracked(|h| h.get(chosen).cloned()) {
                    e.prevent_default();
                    go(&hit);
                }
            }
            "Escape" => {
                // Inside a dialog, Escape closes the list first, not the dialog.
                if open.get_untracked() {
                    e.prevent_default();
                    e.stop_propagation();
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };
    let expanded = move || (open.get() && !query.with(|q| q.trim().is_empty())).to_string();
    let descendant = move || {
        active
            .get()
            .filter(|_| open.get())
            .map(|i| format!("{prefix}-option-{i}"))
    };
    let (input, list, hint) = (
        format!("{prefix}-input"),
        format!("{prefix}-list"),
        format!("{prefix}-hint"),
    );
    view! {
        <div class="site-search" data-search=hook>
            <label for=input.clone() class="visually-hidden">{word(Words::SearchLabel)}</label>
            <input id=input type="search" role="combobox" autocomplete="off"
                aria-autocomplete="list" aria-controls=list aria-expanded=expanded
                aria-activedescendant=descendant aria-describedby=hint.clone()
                placeholder=word(Words::SearchPlaceholder) prop:value=move || query.get()
                on:input=move |e| {
                    query.set(event_target_value(&e));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_key on:blur=move |_| open.set(false) on:focus=move |_| open.set(true)/>
            <span id=hint class="visually-hidden">{word(Words::SearchHint)}</span>
            <SearchList prefix=prefix hits=hits open=open active=active query=query
                on_pick=Callback::new(move |h: Hit| go(&h))/>
        </div>
    }
}

#[component]
fn SearchList(
    prefix: &'static str,
    hits: Memo<Vec<Hit>>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    query: RwSignal<String>,
    on_pick: Callback<Hit>,
) -> impl IntoView {
    let shown = move || open.get() && !query.with(|q| q.trim().is_empty());
    let groups = move || {
        let all = hits.get();
        if all.is_empty() {
            return view! { <li class="search-empty" role="presentation">{word(Words::SearchNone)}</li> }.into_any();
        }
        let group = |kind: Kind| {
            let options: Vec<(usize, Hit)> = all
                .iter()
                .cloned()
                .enumerate()
                .filter(|(_, h)| h.kind == kind)
                .collect();
            (!options.is_empty()).then(|| {
                let label = format!("{prefix}-group-{}", kind.code());
                let items = options.into_iter().map(|(i, h)| {
                    let picked = h.clone();
                    view! {
                        <li id=format!("{prefix}-option-{i}") role="option" data-kind=h.kind.code() data-id=h.id.clone()
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            on:mousedown=move |e| { e.prevent_default(); on_pick.run(picked.clone()) }>
                            <span class="search-name">{h.name.clone()}</span>
                            " "<span class="search-detail">{h.detail.clone()}</span>
                        </li>
                    }
                });
                view! {
                    <li role="presentation">
                        <span id=label.clone() class="search-group-label">{word(group_word(kind))}</span>
                        <ul role="group" aria-labelledby=label>{items.collect_view()}</ul>
                    </li>
                }
            })
        };
        Kind::ALL.into_iter().map(group).collect_view().into_any()
    };
    view! {
        <ul id=format!("{prefix}-list") role="listbox" class="search-list" aria-label=word(Words::SearchLabel)
            hidden=move || !shown()>
            {groups}
        </ul>
    }
}
