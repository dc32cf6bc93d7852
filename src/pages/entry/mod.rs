//! Recording an export release (`/entry`): an editor signs in with a token, fills the form,
//! which runs the server's own checks before sending, and sees the saved release with a link
//! to the map. The form's logic lives in `entry_form.rs`; the form itself in `release.rs`.

mod release;

use crate::api;
use crate::components::error_panel::Loading;
use crate::components::sign_in::SignIn;
use crate::editor;
use crate::page::answered;
use crate::reference::Tables;
use crate::view_state::tr;
use karya_core::api::FetchError;
use karya_core::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use release::ReleaseEntry;

/// Outlets already cited, offered as the editor types the source.
async fn load_outlets() -> Result<Vec<String>, FetchError> {
    let mut outlets: Vec<String> = api::sources()
        .await?
        .into_iter()
        .map(|s| s.outlet)
        .collect();
    outlets.sort();
    outlets.dedup();
    Ok(outlets)
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
    let outlets = LocalResource::new(load_outlets);
    let form = move |tables: Tables, outlets: Vec<String>| {
        view! { <ReleaseEntry tables=tables outlets=outlets on_unauthorized=unauthorized/> }
    };

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
                    {answered(outlets, form)}
                }.into_any()
                }
            }}
        </section>
    }
}
