//! Parts of the app built in a task of their own, after the one that is running, so that no
//! single task builds a whole page: a task that long would hold up a tap or a key for as long,
//! and at a phone's speed it is most of what Lighthouse counts as blocking.
//!
//! - [`Later`]: a page's lower sections, built once the frame that shows its first screen has
//!   been painted, so the browser paints the visual and its sentence first.
//! - [`Soon`]: the site's header, page and footer, each built in a task after the mount, in
//!   that order. The app is hidden behind the server's first view until its page is drawn
//!   (`first_view.rs`), which waits for the page's chunk and data: the header and footer are
//!   in place before anyone sees the app.

use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn Later(children: Children) -> impl IntoView {
    let due = RwSignal::new(false);
    crate::perf::after_next_paint(build_once(due));
    // A frame off screen or a tab in the background paints nothing: no animation frame comes.
    set_timeout(build_once(due), Duration::from_millis(200));
    built_when(children, due)
}

#[component]
pub fn Soon(children: Children) -> impl IntoView {
    let due = RwSignal::new(false);
    set_timeout(build_once(due), Duration::ZERO);
    built_when(children, due)
}

/// Sets `due`, once, and only while the view is open (it may be left before then): setting it
/// again would run the view below again, with its children already taken.
fn build_once(due: RwSignal<bool>) -> impl Fn() + Copy + 'static {
    move || {
        if due.try_get_untracked() == Some(false) {
            due.set(true);
        }
    }
}

/// `children`, built when `due` is set.
fn built_when(children: Children, due: RwSignal<bool>) -> impl IntoView {
    let children = StoredValue::new_local(Some(children));
    move || {
        let build = due
            .get()
            .then(|| children.try_update_value(Option::take))??;
        build.map(|build| build())
    }
}
