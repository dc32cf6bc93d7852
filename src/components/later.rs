//! A page's lower sections, built in a task after the frame that shows its first screen: the
//! browser paints the visual and its sentence first, and no single task builds the whole page
//! (a task that long would hold up a tap or a key for as long).

use leptos::prelude::*;

#[component]
pub fn Later(children: Children) -> impl IntoView {
    let due = RwSignal::new(false);
    // Once, and only while the page is open (it may be left before that frame): setting it
    // again would run the view below again, with its children already taken.
    let build = move || {
        if due.try_get_untracked() == Some(false) {
            due.set(true);
        }
    };
    crate::perf::after_next_paint(build);
    // A frame off screen or a tab in the background paints nothing: no animation frame comes.
    set_timeout(build, std::time::Duration::from_millis(200));
    let children = StoredValue::new_local(Some(children));
    move || {
        let build = due
            .get()
            .then(|| children.try_update_value(Option::take))??;
        build.map(|build| build())
    }
}
