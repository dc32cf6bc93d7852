//! The entry form's inputs: a labelled text input or select bound to the form's state, with
//! its error underneath (`data-field-error`), `aria-invalid` and `aria-describedby` in step.

use crate::entry_form::{EntryForm, InputProblem};
use crate::view_state::{tr, use_lang};
use karya_core::{Lang, Text};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The form's signals, shared by its fields.
#[derive(Clone, Copy)]
pub struct FormState {
    pub form: RwSignal<EntryForm>,
    pub problems: RwSignal<Vec<InputProblem>>,
}

impl FormState {
    fn has(self, input: &str) -> bool {
        self.problems.with(|p| p.iter().any(|p| p.input == input))
    }

    fn message(self, input: &str, lang: Lang) -> Option<String> {
        let messages: Vec<String> = self.problems.with(|p| {
            p.iter()
                .filter(|p| p.input == input)
                .map(|p| p.reason.message(lang))
                .collect()
        });
        (!messages.is_empty()).then(|| messages.join("; "))
    }
}

/// Moves focus to an input of the form by its name: the first wrong one after a check.
pub fn focus_input(input: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-entry-form] [name={input}]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        let _ = e.focus();
    }
}

/// The error under an input, in the current language; its id is the input's `aria-describedby`.
#[component]
pub fn FieldMessage(input: &'static str, state: FormState) -> impl IntoView {
    let lang = use_lang();
    move || {
        state.message(input, lang.get()).map(|m| {
            view! { <p class="field-error" id=format!("error-{input}") data-field-error=input>{m}</p> }
        })
    }
}

#[component]
pub fn TextField(
    input: &'static str,
    label: Text,
    state: FormState,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional, into)] suffix: Option<Signal<String>>,
) -> impl IntoView {
    let id = format!("entry-{input}");
    view! {
        <div class="field" data-field=input>
            <label for=id.clone()>{tr(label)}</label>
            <span class="field-input">
                <input id=id type=kind name=input inputmode=inputmode list=list
                    prop:value=move || state.form.with(|f| f.text(input))
                    on:input=move |ev| state.form.update(|f| f.set_text(input, event_target_value(&ev)))
                    aria-invalid=move || state.has(input).then_some("true")
                    aria-describedby=move || state.has(input).then(|| format!("error-{input}"))/>
                {suffix.map(|s| view! { <span class="field-unit" data-unit="">{s}</span> })}
            </span>
            <FieldMessage input=input state=state/>
        </div>
    }
}

#[component]
pub fn SelectField(
    input: &'static str,
    label: Text,
    state: FormState,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = format!("entry-{input}");
    view! {
        <div class="field" data-field=input>
            <label for=id.clone()>{tr(label)}</label>
            <select id=id name=input
                on:change=move |ev| state.form.update(|f| f.set_text(input, event_target_value(&ev)))
                aria-invalid=move || state.has(input).then_some("true")
                aria-describedby=move || state.has(input).then(|| format!("error-{input}"))>
                <option value="" prop:selected=move || state.form.with(|f| f.text(input).is_empty())>
                    {tr(Text::ChooseOne)}
                </option>
                {move || options.get().into_iter().map(|(value, name)| {
                    let mine = value.clone();
                    view! {
                        <option value=value prop:selected=move || state.form.with(|f| f.text(input) == mine)>
                            {name}
                        </option>
                    }
                }).collect_view()}
            </select>
            <FieldMessage input=input state=state/>
        </div>
    }
}
