//! Where a figure comes from: the "illustrative data" mark, and the citation of a source.

use crate::view_state::{tr, use_lang};
use karya_core::{Provenance, Source, Text};
use leptos::prelude::*;

/// The mark on every illustrative figure; its title explains what it means.
#[component]
pub fn IllustrativeMark() -> impl IntoView {
    view! {
        <span class="mark mark-illustrative" data-provenance="illustrative" title=tr(Text::IllustrativeExplainer)>
            {tr(Text::IllustrativeMark)}
        </span>
    }
}

/// "Pantau, Shila Glorya (F7)", with the source's own words on hover and for screen readers.
#[component]
pub fn SourceCitation(source: Source) -> impl IntoView {
    let mut cite = source.outlet.clone();
    if let Some(author) = &source.author {
        cite.push_str(", ");
        cite.push_str(author);
    }
    if let Some(title) = &source.title {
        cite.push_str(": ");
        cite.push_str(title);
    }
    let fact = source.fact.clone().map(|f| format!(" ({f})"));
    let quote = source.quote.clone().unwrap_or_default();
    let hidden_quote = quote.clone();
    let body = match source.url.clone() {
        Some(url) => view! { <a href=url rel="noopener" target="_blank">{cite}</a> }.into_any(),
        None => view! { <cite>{cite}</cite> }.into_any(),
    };
    view! {
        <span class="source" title=quote>
            {body}
            {fact}
            {(!hidden_quote.is_empty()).then(|| view! { <q class="visually-hidden">{hidden_quote}</q> })}
        </span>
    }
}

/// The mark that belongs to a record: illustrative, or reported with its citation.
#[component]
pub fn ProvenanceMark(provenance: Provenance) -> impl IntoView {
    let lang = use_lang();
    match provenance {
        Provenance::Illustrative => view! { <IllustrativeMark/> }.into_any(),
        Provenance::Reported { source } => view! {
            <span class="mark mark-reported" data-provenance="reported">
                {move || Text::ReportedMark.get(lang.get())}
            </span>
            " "
            <SourceCitation source=source/>
        }
        .into_any(),
    }
}

/// The "data sementara" mark on a provisional release: an early figure that may be corrected.
#[component]
pub fn ProvisionalMark(#[prop(optional)] provisional: bool) -> impl IntoView {
    provisional.then(|| {
        view! {
            <span class="mark mark-provisional" data-provisional="" title=tr(Text::ProvisionalExplainer)>
                {tr(Text::ProvisionalMark)}
            </span>
        }
    })
}
