//! The filter controls every page shares: a product or a facility chosen from a list, and the
//! notice shown when the address held a filter that could not be read.

use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::filter_line::filter_line;
use karya_core::{Facility, Filter, Product, Text};
use leptos::prelude::*;

/// "All products" or one of `choices`; `on_change` gets the product's id, or `None` for all.
#[component]
pub fn ProductSelect(
    #[prop(into)] filter: Signal<Filter>,
    choices: Vec<Product>,
    #[prop(into)] on_change: Callback<Option<String>>,
) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let product = Memo::new(move |_| filter.with(|f| f.product.clone()));
    let options = choices
        .into_iter()
        .map(|p| {
            let (id, label) = (p.id.clone(), p.id);
            let selected = move || product.with(|p| p.as_deref() == Some(id.as_str()));
            let name = {
                let id = label.clone();
                move || names.with(|n| n.product(&id, lang.get()))
            };
            view! { <option value=label prop:selected=selected>{name}</option> }
        })
        .collect_view();
    view! {
        <label class="control">
            <span>{tr(Text::ProductLabel)}</span>
            <select data-control="product" on:change=move |e| on_change.run(chosen(&e))>
                <option value="" prop:selected=move || product.with(Option::is_none)>
                    {tr(Text::AllProducts)}
                </option>
                {options}
            </select>
        </label>
    }
}

/// "All facilities" or one of `choices`.
#[component]
pub fn FacilitySelect(
    #[prop(into)] filter: Signal<Filter>,
    choices: Vec<Facility>,
    #[prop(into)] on_change: Callback<Option<String>>,
) -> impl IntoView {
    // Each option follows the chosen id, not the whole filter: a year step must not wake one
    // effect per facility (500 in the synthetic data, a tenth of a step's time).
    let facility = Memo::new(move |_| filter.with(|f| f.facility.clone()));
    let options = choices
        .into_iter()
        .map(|f| {
            let id = f.id.clone();
            let selected = move || facility.with(|x| x.as_deref() == Some(id.as_str()));
            view! { <option value=f.id prop:selected=selected>{f.name}</option> }
        })
        .collect_view();
    view! {
        <label class="control">
            <span>{tr(Text::FacilityLabel)}</span>
            <select data-control="facility" on:change=move |e| on_change.run(chosen(&e))>
                <option value="" prop:selected=move || facility.with(Option::is_none)>
                    {tr(Text::AllFacilities)}
                </option>
                {options}
            </select>
        </label>
    }
}

/// The option chosen; the empty "all" option is `None`.
fn chosen(e: &leptos::ev::Event) -> Option<String> {
    Some(event_target_value(e)).filter(|v| !v.is_empty())
}

/// One choice of a group of radio buttons (what the colour shows, the grain): its hook is
/// `data-control="<name>-<value>"`.
#[component]
pub fn RadioOption(
    name: &'static str,
    value: &'static str,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(into)] on_choose: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="radio">
            <input type="radio" name=name value=value data-control=format!("{name}-{value}")
                prop:checked=move || checked.get() disabled=move || disabled.get()
                on:change=move |_| on_choose.run(())/>
            {children()}
        </label>
    }
}

/// Said when the address held a filter or key that could not be read and the page fell back
/// to its default view.
#[component]
pub fn FallbackNotice(#[prop(into)] when: Signal<bool>, text: Text) -> impl IntoView {
    move || {
        when.get().then(|| {
            view! { <p class="notice" role="status" data-notice="filter-fallback">{tr(text)}</p> }
        })
    }
}

/// A page's controls as one compact bar: on a wide screen they stand in one row above the
/// picture; on a phone they fold into one line ("2025 · Semua produk · Ubah filter") that
/// opens them, so the picture is in the first screen. `extra` (the map/table tabs) stays out.
#[component]
pub fn FilterBar(
    #[prop(into)] filter: Signal<Filter>,
    children: Children,
    #[prop(optional)] extra: Option<Children>,
) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let open = RwSignal::new(false);
    let line = move || {
        let l = lang.get();
        names.with(|n| filter.with(|f| filter_line(f, |p| n.product(p, l), l)))
    };
    view! {
        <div class="filter-bar" class:open=move || open.get() data-filter-bar="">
            <button type="button" class="filter-toggle" data-action="edit-filters"
                aria-expanded=move || open.get().to_string() aria-controls="filter-controls"
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="filter-line">{line}</span>" · "
                <span class="filter-edit">{tr(Text::EditFilters)}</span>
            </button>
            <div class="filter-controls" id="filter-controls">{children()}</div>
            {extra.map(|e| e())}
        </div>
    }
}
