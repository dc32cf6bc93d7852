//! Signing in with an editor's token: a password field checked with `GET /session`; the
//! token is kept for the tab only once the server knows it, and a refusal says why.

use crate::entry_form::sign_in_problem;
use crate::view_state::{tr, use_lang};
use crate::{api, editor};
use karya_core::api::FetchError;
use karya_core::Text;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `notice` is why the editor is signed out (a refused token, too many tries), if anything.
#[component]
pub fn SignIn(
    notice: RwSignal<Option<FetchError>>,
    on_signed_in: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get() else { return };
        let token = field.value().trim().to_string();
        if token.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let answer = api::session(&token).await;
            busy.set(false);
            match answer {
                Ok(session) => {
                    editor::keep_token(&token);
                    field.set_value("");
                    on_signed_in.run(session.editor);
                }
                Err(e) => {
                    notice.set(Some(e));
                    let _ = field.focus();
                }
            }
        });
    };
    let lang = use_lang();
    view! {
        <form class="sign-in" data-sign-in="" on:submit=submit>
            {move || notice.get().map(|e| view! {
                <p class="notice notice-error" role="alert" id="sign-in-error" data-sign-in-error="">
                    {move || sign_in_problem(&e).get(lang.get())}
                </p>
            })}
            <label for="entry-token">{tr(Text::TokenLabel)}</label>
            <input id="entry-token" name="token" type="password" autocomplete="off" spellcheck="false"
                required=true node_ref=input
                aria-describedby=move || notice.with(Option::is_some).then_some("sign-in-error")/>
            <button type="submit" class="button" data-action="sign-in" disabled=move || busy.get()>
                {tr(Text::SignIn)}
            </button>
            <p class="hint">{tr(Text::TokenKeptNote)}</p>
        </form>
    }
}
