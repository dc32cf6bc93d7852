//! Recording an export release (`/entry`): an editor signs in with a token, fills the form,
//! which runs the server's own checks before sending, and sees the saved release with a link
//! to the map. The form's logic lives in `entry_form.rs`; this file only wires it to inputs.

use crate::api::{self, SaveError};
use crate::components::entry_fields::{focus_input, FormState, SelectField, TextField};
use crate::components::error_panel::{ErrorPanel, Loading};
use crate::components::provenance::ProvisionalMark;
use crate::components::sign_in::SignIn;
use crate::editor;
use crate::entry_form::{label_of, EntryForm, InputProblem};
use crate::view_state::{tr, use_lang};
use karya_core::api::FetchError;
use karya_core::entry::Known;
use karya_core::url::{map_href, MapView};
use karya_core::{format, Country, Facility, Filter, Product, Shipment, Text};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use std::sync::Arc;

/// The lists the form chooses from.
#[derive(Clone)]
struct Reference {
    facilities: Arc<Vec<Facility>>,
    products: Arc<Vec<Product>>,
    countries: Arc<Vec<Country>>,
    /// Outlets already cited, offered as the editor types.
    outlets: Arc<Vec<String>>,
}

async fn load_reference() -> Result<Reference, FetchError> {
    let (mut facilities, products, countries, sources) = futures::try_join!(
        api::facilities(),
        api::products(),
        api::countries(),
        api::sources()
    )?;
    facilities.sort_by(|a, b| a.name.cmp(&b.name));
    let mut outlets: Vec<String> = sources.into_iter().map(|s| s.outlet).collect();
    outlets.sort();
    outlets.dedup();
    Ok(Reference {
        facilities: Arc::new(facilities),
        products: Arc::new(products),
        countries: Arc::new(countries),
        outlets: Arc::new(outlets),
    })
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let editor_name = RwSignal::new(None::<String>);
    // Why the editor is signed out, when it is not their own doing.
    let notice = RwSignal::new(None::<FetchError>);
    let checking = RwSignal::new(false);
    // A token kept from earlier in this tab is asked about again: it may have been revoked.
    if let Some(token) = editor::kept_token() {
        checking.set(true);
        spawn_local(async move {
            match api::session(&token).await {
                Ok(s) => editor_name.set(Some(s.editor)),
                Err(e) => {
                    if matches!(e, FetchError::Server { status: 401, .. }) {
                        editor::forget_token();
                    }
                    notice.set(Some(e));
                }
            }
            checking.set(false);
        });
    }
    let signed_in = Callback::new(move |name: String| {
        notice.set(None);
        editor_name.set(Some(name));
    });
    let sign_out = move |_| {
        editor::forget_token();
        editor_name.set(None);
    };
    let unauthorized = Callback::new(move |e: FetchError| {
        editor::forget_token();
        notice.set(Some(e));
        editor_name.set(None);
    });
    let reference = LocalResource::new(load_reference);

    view! {
        <section class="entry-page" data-page="entry">
            <h1>{tr(Text::EntryHeading)}</h1>
            <p class="hint">{tr(Text::EntryIntro)}</p>
            {move || match (checking.get(), editor_name.get()) {
                (true, _) => view! { <Loading/> }.into_any(),
                (false, None) => view! { <SignIn notice=notice on_signed_in=signed_in/> }.into_any(),
                (false, Some(name)) => {
                    let hook = name.clone();
                    view! {
                    <p class="signed-in" data-signed-in=hook>
                        {tr(Text::SignedInAs)} " " <strong>{name}</strong> " "
                        <button type="button" class="button button-secondary" data-action="sign-out"
                            on:click=sign_out>{tr(Text::SignOut)}</button>
                    </p>
                    {move || match reference.get() {
                        None => view! { <Loading/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move |_| reference.refetch()/> }.into_any(),
                        Some(Ok(r)) => view! { <ReleaseEntry reference=r on_unauthorized=unauthorized/> }.into_any(),
                    }}
                }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ReleaseEntry(reference: Reference, on_unauthorized: Callback<FetchError>) -> impl IntoView {
    let lang = use_lang();
    let state = FormState {
        form: RwSignal::new(EntryForm::new(editor::today())),
        problems: RwSignal::new(Vec::new()),
    };
    let saving = RwSignal::new(false);
    let failure = RwSignal::new(None::<FetchError>);
    let saved = RwSignal::new(None::<Shipment>);
    let known = Known::new(
        &reference.facilities,
        &reference.products,
        &reference.countries,
    );

    let show_problems = move |problems: Vec<InputProblem>| {
        let first = problems.first().map(|p| p.input);
        state.problems.set(problems);
        if let Some(input) = first {
            focus_input(input);
        }
    };
    let products = reference.products.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        failure.set(None);
        let checked = state
            .form
            .with_untracked(|f| f.check(&known, &products, editor::today()));
        let draft = match checked {
            Ok(draft) => draft,
            Err(problems) => return show_problems(problems),
        };
        let Some(token) = editor::kept_token() else {
            return on_unauthorized.run(FetchError::Server {
                status: 401,
                code: "unauthorized".into(),
                message: String::new(),
            });
        };
        state.problems.set(Vec::new());
        saving.set(true);
        let reply_in = lang.get_untracked();
        spawn_local(async move {
            let result = api::create_shipment(&token, &draft, reply_in).await;
            saving.set(false);
            match result {
                Ok(shipment) => {
                    // Each page keeps its answers only while it is open, so the map opened
                    // from here asks the server and shows the new release.
                    saved.set(Some(shipment));
                }
                Err(SaveError::Refused { message, fields }) => {
                    let problems = state.form.with_untracked(|f| f.server_problems(&fields));
                    if problems.is_empty() {
                        failure.set(Some(FetchError::Server {
                            status: 422,
                            code: "invalid_record".into(),
                            message,
                        }));
                    } else {
                        show_problems(problems);
                    }
                }
                Err(SaveError::Failed(e @ FetchError::Server { status: 401, .. })) => {
                    on_unauthorized.run(e)
                }
                Err(SaveError::Failed(e)) => failure.set(Some(e)),
            }
        });
    };
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
        saved.set(None);
        focus_input("quantity");
    };

    let Reference {
        facilities,
        products,
        countries,
        outlets,
    } = reference;
    let facility_options = {
        let facilities = facilities.clone();
        Signal::derive(move || {
            facilities
                .iter()
                .map(|f| (f.id.clone(), f.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let product_options = {
        let products = products.clone();
        Signal::derive(move || {
            let l = lang.get();
            let mut list: Vec<_> = products
                .iter()
                .map(|p| (p.id.clone(), l.pick(&p.name_id, &p.name_en).to_string()))
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    };
    let country_options = {
        let countries = countries.clone();
        Signal::derive(move || {
            let l = lang.get();
            let mut list: Vec<_> = countries
                .iter()
                .map(|c| (c.alpha2.clone(), l.pick(&c.name_id, &c.name_en).to_string()))
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    };
    // The unit is the product's: shown beside the quantity, never chosen.
    let unit_products = products.clone();
    let unit = Signal::derive(move || {
        let l = lang.get();
        state.form.with(|f| {
            unit_products
                .iter()
                .find(|p| p.id == f.product_id)
                .map(|p| {
                    let q = crate::entry_form::parse_decimal(&f.quantity).unwrap_or(2.0);
                    karya_core::i18n::unit_name(p.unit, q, l).to_string()
                })
                .unwrap_or_default()
        })
    });
    let names = Names {
        facilities,
        products,
        countries,
    };

    view! {
        {move || saved.get().map(|s| view! { <Saved shipment=s names=names.clone() on_another=another/> })}
        <form class="entry-form" data-entry-form="" novalidate=true on:submit=submit
            hidden=move || saved.with(Option::is_some)>
            {move || (!state.problems.with(Vec::is_empty)).then(|| view! {
                <div class="notice notice-error entry-summary" role="alert" data-entry-summary="">
                    <p>{tr(Text::EntryErrorsSummary)}</p>
                    <ul>
                        {move || {
                            let l = lang.get();
                            state.problems.get().into_iter().map(|p| view! {
                                <li>{label_of(p.input).get(l)}": "{p.reason.message(l)}</li>
                            }).collect_view()
                        }}
                    </ul>
                </div>
            })}
            {move || failure.get().map(|e| {
                let (headline, said) = (e.headline(), e.server_message().map(|m| format!(" {m}")));
                view! {
                    <p class="notice notice-error" role="alert" data-entry-failure="">
                        {move || headline.get(lang.get())}
                        {said}
                    </p>
                }
            })}
            <div class="entry-grid">
                <SelectField input="facility_id" label=Text::ColFacility state=state options=facility_options/>
                <SelectField input="product_id" label=Text::ColProduct state=state options=product_options/>
                <SelectField input="country" label=Text::ColDestination state=state options=country_options/>
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
            <fieldset class="entry-source">
                <legend>{tr(Text::FieldSource)}</legend>
                <p class="hint">{tr(Text::SourceHint)}</p>
                <TextField input="source_outlet" label=Text::FieldOutlet state=state list="entry-outlets"/>
                <datalist id="entry-outlets">
                    {outlets.iter().map(|o| view! { <option value=o.clone()></option> }).collect_view()}
                </datalist>
                <TextField input="source_title" label=Text::FieldTitle state=state/>
                <TextField input="source_url" label=Text::FieldUrl state=state kind="url"/>
                <TextField input="source_document" label=Text::FieldDocument state=state/>
            </fieldset>
            <button type="submit" class="button" data-action="save" disabled=move || saving.get()>
                {move || if saving.get() { tr(Text::Saving)() } else { tr(Text::Save)() }}
            </button>
        </form>
    }
}

/// Names of what a release refers to, for the confirmation.
#[derive(Clone)]
struct Names {
    facilities: Arc<Vec<Facility>>,
    products: Arc<Vec<Product>>,
    countries: Arc<Vec<Country>>,
}

/// The saved release: its id, its figures and the map of its year and destination.
#[component]
fn Saved(
    shipment: Shipment,
    names: Names,
    on_another: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let s = shipment;
    let (id, hook, provisional) = (s.id.clone(), s.id.clone(), s.provisional);
    let year = s.date.map(|d| chrono::Datelike::year(&d));
    let country = s.country.clone();
    let map_link = move || {
        map_href(
            &Filter::default().with_year(year),
            &MapView {
                focus: Some(country.clone()),
                ..Default::default()
            },
            lang.get(),
        )
    };
    let facility = names
        .facilities
        .iter()
        .find(|f| f.id == s.facility_id)
        .map_or_else(|| s.facility_id.clone(), |f| f.name.clone());
    let summary = move || {
        let l = lang.get();
        let product = names
            .products
            .iter()
            .find(|p| p.id == s.product_id)
            .map_or_else(
                || s.product_id.clone(),
                |p| l.pick(&p.name_id, &p.name_en).to_string(),
            );
        let country = names
            .countries
            .iter()
            .find(|c| c.alpha2 == s.country)
            .map_or_else(
                || s.country.clone(),
                |c| l.pick(&c.name_id, &c.name_en).to_string(),
            );
        let date = s.date.map(|d| format::date(d, l)).unwrap_or_default();
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
    };
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
