//! The server's first view of a page (`karya_core::first_view`): the page's heading and the
//! sentence of its figures, in the HTML, read while this app's code is still coming. The style
//! sheet keeps the app hidden while it is there; the app removes it in the task that draws the
//! page's own figures, or its error panel, so the swap happens in one frame and nothing is
//! shown twice.

use leptos::prelude::set_timeout;
use std::cell::Cell;
use std::time::Duration;

/// The longest the first view may stand in for the app: past the client's time limit for an
/// answer, so only a page that never says it is drawn (an app bug) ever waits for it.
const AT_MOST: Duration = Duration::from_secs(20);

/// Where the server puts the first view: the first child of the body.
const SELECTOR: &str = "body > .first-view";

thread_local! {
    static GONE: Cell<bool> = const { Cell::new(false) };
}

/// Removes the first view, if the page still has one. Cheap after the first call: every
/// page's redraw calls it.
pub fn retire() {
    if GONE.with(|g| g.replace(true)) {
        return;
    }
    if let Some(first) = first_view() {
        first.remove();
    }
}

fn first_view() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector(SELECTOR).ok().flatten()
}

/// Starts the app with `mount`, which with a first view starts once the frame that paints it is
/// on screen (the start script waits for it, see scripts/post-build.sh). Whatever happens, the
/// app is shown after [`AT_MOST`].
pub fn start(mount: impl FnOnce() + 'static) {
    match first_view() {
        Some(_) => set_timeout(retire, AT_MOST),
        None => GONE.with(|g| g.set(true)),
    }
    // A task of its own: instantiating the wasm and building the app are two long tasks, not
    // one twice as long, and input between them is not held up.
    set_timeout(mount, Duration::ZERO);
}
