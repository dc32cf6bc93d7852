//! The release form: checked by the server's own rules before sending, each mistake beside its
//! field in the page's language, then the saved release with a link to it on the map.

use crate::api::{self, SaveError};
use crate::components::entry_fields::{focus_input, FormState, SelectField, TextField};
use crate::components::provenance::ProvisionalMark;
use crate::editor;
use crate::entry_form::{label_of, EntryForm, InputProblem};
use crate::reference::{use_names, Tables};
use crate::view_state::{tr, use_lang};
use karya_core::api::FetchError;
use karya_core::entry::Known;
use karya_core::url::{map_href, MapView};
use karya_core::{format, Filter, Lang, Shipment, Text};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The form's state beside its fields: sending, the last failure, the saved release.
#[derive(Clone, Copy)]
struct Progress {
    saving: RwSignal<bool>,
    failure: RwSignal<Option<FetchError>>,
    saved: RwSignal<Option<Shipment>>,
}

#[component]
pub fn ReleaseEntry(
    tables: Tables,
    outlets: Vec<String>,
    on_unauthorized: Callback<FetchError>,
) -> impl IntoView {
    let state = FormState {
        form: RwSignal::new(EntryForm::new(editor::today())),
        problems: RwSignal::new(Vec::new()),
    };
    let progress = Progress {
        saving: RwSignal::new(false),
        failure: RwSignal::new(None),
        saved: RwSignal::new(None),
    };
    let submit = submit_handler(tables.clone(), state, progress, on_unauthorized);
    // Another release like this one: where, what and the source stay; the figures go.
    let another = move |_| {
        state.form.update(|f| {
            *f = EntryForm {
                facility_id: f.facility_id.clone(),
                product_id: f.product_id.clone(),
                country: f.country.clone(),
                date: f.date.clone(),
                source_outlet: f.source_outlet.clone(),
                source_title: f.source_title.clone(),
                source_url: f.source_url.clone(),
                source_document: f.source_document.clone(),
                ..Default::default()
            }
        });
        progress.saved.set(None);
        focus_input("quantity");
    };
    view! {
        {move || progress.saved.get().map(|s| view! { <Saved shipment=s on_another=another/> })}
        <form class="entry-form" data-entry-form="" novalidate=true on:submit=submit
            hidden=move || progress.saved.with(Option::is_some)>
            <ProblemsSummary state=state/>
            <FailureNotice failure=progress.failure/>
            <ReleaseFields tables=tables state=state/>
            <SourceFields state=state outlets=outlets/>
            <button type="submit" class="button" data-action="save" disabled=move || progress.saving.get()>
                {move || if progress.saving.get() { tr(Text::Saving)() } else { tr(Text::Save)() }}
            </button>
        </form>
    }
}

/// Checks the form, sends it, and sorts the answer: saved, refused field by field, signed out
/// (401), or failed.
fn submit_handler(
    tables: Tables,
    state: FormState,
    progress: Progress,
    on_unauthorized: Callback<FetchError>,
) -> impl Fn(SubmitEvent) + 'static {
    let lang = use_lang();
    let known = Known::new(&tables.facilities, &tables.products, &tables.countries);
    let show_problems = move |problems: Vec<InputProblem>| {
        let first = problems.first().map(|p| p.input);
        state.problems.set(problems);
        if let Some(input) = first {
            focus_input(input);
        }
    };
    move |ev: SubmitEvent| {
        ev.prevent_default();
        if progress.saving.get_untracked() {
            return;
        }
        progress.failure.set(None);
        let checked = state
            .form
            .with_untracked(|f| f.check(&known, &tables.products, editor::today()));
        let draft = match checked {
            Ok(draft) => draft,
            Err(problems) => return show_problems(problems),
        };
        let Some(token) = editor::kept_token() else {
            let signed_out = FetchError::Server {
                status: 401,
                code: "unauthorized".into(),
                message: String::new(),
                said_in: None,
            };
            return on_unauthorized.run(signed_out);
        };
        state.problems.set(Vec::new());
        progress.saving.set(true);
        let reply_in = lang.get_untracked();
        spawn_local(async move {
            let result = api::create_shipment(&token, &draft, reply_in).await;
            progress.saving.set(false);
            match result {
                // Each page keeps its answers only while it is open, so the map opened from
                // here asks the server and shows the new release.
                Ok(shipment) => progress.saved.set(Some(shipment)),
                Err(SaveError::Refused { message, fields }) => {
                    let problems = state.form.with_untracked(|f| f.server_problems(&fields));
                    if problems.is_empty() {
                        let refused = FetchError::Server {
                            status: 422,
                            code: "invalid_record".into(),
                            message,
                            // The server words a refusal in the language it was asked for.
                            said_in: Some(reply_in),
                        };
                        progress.failure.set(Some(refused));
                    } else {
                        show_problems(problems);
                    }
                }
                Err(SaveError::Failed(e @ FetchError::Server { status: 401, .. })) => {
                    on_unauthorized.run(e)
                }
                Err(SaveError::Failed(e)) => progress.failure.set(Some(e)),
            }
        });
    }
}

#[component]
fn ProblemsSummary(state: FormState) -> impl IntoView {
    let lang = use_lang();
    let items = move || {
        let l = lang.get();
        let item = |p: InputProblem| view! { <li>{label_of(p.input).get(l)}": "{p.reason.message(l)}</li> };
        state.problems.get().into_iter().map(item).collect_view()
    };
    move || {
        (!state.problems.with(Vec::is_empty)).then(|| {
            view! {
                <div class="notice notice-error entry-summary" role="alert" data-entry-summary="">
                    <p>{tr(Text::EntryErrorsSummary)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

#[component]
fn FailureNotice(failure: RwSignal<Option<FetchError>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        failure.get().map(|e| {
            let headline = e.headline();
            let said = e
                .server_message(lang.get_untracked())
                .map(|m| format!(" {m}"));
            view! {
                <p class="notice notice-error" role="alert" data-entry-failure="">
                    {move || headline.get(lang.get())}
                    {said}
                </p>
            }
        })
    }
}

/// (id, name) pairs sorted by name in `lang`.
fn sorted(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

/// Where, what, when and how much.
#[component]
fn ReleaseFields(tables: Tables, state: FormState) -> impl IntoView {
    let lang = use_lang();
    let t = tables.clone();
    let facilities = Signal::derive(move || {
        sorted(
            t.facilities
                .iter()
                .map(|f| (f.id.clone(), f.name.clone()))
                .collect(),
        )
    });
    let names = use_names();
    let t = tables.clone();
    let products = Signal::derive(move || {
        let l = lang.get();
        names.with(|n| {
            sorted(
                t.products
                    .iter()
                    .map(|p| (p.id.clone(), n.product(&p.id, l)))
                    .collect(),
            )
        })
    });
    let t = tables.clone();
    let countries = Signal::derive(move || {
        let l = lang.get();
        names.with(|n| {
            sorted(
                t.countries
                    .iter()
                    .map(|c| (c.alpha2.clone(), n.country(&c.alpha2, l)))
                    .collect(),
            )
        })
    });
    // The unit is the product's: shown beside the quantity, never chosen.
    let unit = Signal::derive(move || {
        let l = lang.get();
        state.form.with(|f| {
            let product = tables.products.iter().find(|p| p.id == f.product_id);
            let q = crate::entry_form::parse_decimal(&f.quantity).unwrap_or(2.0);
            product
                .map(|p| karya_core::i18n::unit_name(p.unit, q, l).to_string())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="entry-grid">
            <SelectField input="facility_id" label=Text::ColFacility state=state options=facilities/>
            <SelectField input="product_id" label=Text::ColProduct state=state options=products/>
            <SelectField input="country" label=Text::ColDestination state=state options=countries/>
            <TextField input="date" label=Text::FieldReleaseDate state=state kind="date"/>
            <TextField input="quantity" label=Text::ColQuantity state=state inputmode="decimal" suffix=unit/>
            <TextField input="value_idr" label=Text::FieldValueIdr state=state inputmode="numeric"/>
            <TextField input="value_usd" label=Text::FieldValueUsd state=state inputmode="decimal"/>
        </div>
        <div class="field field-check" data-field="provisional">
            <input type="checkbox" id="entry-provisional" name="provisional"
                prop:checked=move || state.form.with(|f| f.provisional)
                on:change=move |ev| state.form.update(|f| f.provisional = event_target_checked(&ev))/>
            <label for="entry-provisional">{tr(Text::FieldProvisional)}</label>
        </div>
    }
}

/// Where the figure comes from: every release carries its source.
#[component]
fn SourceFields(state: FormState, outlets: Vec<String>) -> impl IntoView {
    view! {
        <fieldset class="entry-source">
            <legend>{tr(Text::FieldSource)}</legend>
            <p class="hint">{tr(Text::SourceHint)}</p>
            <TextField input="source_outlet" label=Text::FieldOutlet state=state list="entry-outlets"/>
            <datalist id="entry-outlets">
                {outlets.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
            <TextField input="source_title" label=Text::FieldTitle state=state/>
            <TextField input="source_url" label=Text::FieldUrl state=state kind="url"/>
            <TextField input="source_document" label=Text::FieldDocument state=state/>
        </fieldset>
    }
}

/// The release in one line, in `l`.
fn release_line(s: &Shipment, names: &karya_core::names::Names, l: Lang) -> String {
    let date = s.date.map(|d| format::date(d, l)).unwrap_or_default();
    let (product, facility, country) = (
        names.product(&s.product_id, l),
        names.facility(&s.facility_id, l),
        names.country(&s.country, l),
    );
    let mut line = format!(
        "{date} · {} {product} · {facility} → {country}",
        format::quantity(s.quantity, s.unit, l)
    );
    if let Some(v) = s.value_usd {
        line.push_str(&format!(" · {}", format::usd(v, l)));
    }
    if let Some(v) = s.value_idr {
        line.push_str(&format!(" · {}", format::idr(v, l)));
    }
    line
}

/// The saved release: its id, its figures and the map of its year and destination.
#[component]
fn Saved(
    shipment: Shipment,
    on_another: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let s = shipment;
    let (id, hook, provisional) = (s.id.clone(), s.id.clone(), s.provisional);
    let year = s.date.map(|d| chrono::Datelike::year(&d));
    let country = s.country.clone();
    let map_link = move || {
        let focus = MapView {
            focus: Some(country.clone()),
            ..Default::default()
        };
        map_href(&Filter::default().with_year(year), &focus, lang.get())
    };
    let summary = move || names.with(|n| release_line(&s, n, lang.get()));
    view! {
        <div class="notice entry-saved" role="status" data-entry-saved="" data-shipment-id=hook>
            <h2>{tr(Text::EntrySaved)} " " <code>{id}</code></h2>
            <p>{summary} " " <ProvisionalMark provisional=provisional/></p>
            <p>
                <A href=map_link attr:data-action="see-on-map">{tr(Text::SeeOnMap)}</A>
                " "
                <button type="button" class="button button-secondary" data-action="entry-another"
                    on:click=on_another>{tr(Text::EntryAnother)}</button>
            </p>
        </div>
    }
}
