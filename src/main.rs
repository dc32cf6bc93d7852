//! Entry point of the browser app: mount and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    karya_app::offline::start();
    karya_app::first_view::start(|| leptos::mount::mount_to_body(karya_app::App));
}
