//! The thin Leptos shell: form fields that write the draft, and views of what the core derives.

mod app;
mod browser;
mod fields;
mod output_panel;
mod state;
mod steps;

/// Mounts the app on the page body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
