//! The thin Leptos shell: form fields that write the draft, and views of what the core derives.

mod app;
#[cfg(feature = "arm-direct")]
mod arm_beyond;
#[cfg(feature = "arm-direct")]
mod arm_endpoint;
#[cfg(feature = "arm-direct")]
mod arm_fetch;
#[cfg(feature = "arm-direct")]
mod arm_guard;
#[cfg(feature = "arm-direct")]
mod arm_panel;
#[cfg(feature = "arm-direct")]
mod arm_session;
#[cfg(feature = "arm-direct")]
mod arm_subdomain;
mod attr;
mod browser;
mod csp;
mod erased;
mod fields;
mod history;
mod lines_editor;
mod links;
mod markup;
mod output_panel;
mod page_link;
mod state;
mod steps;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A panic is a bug (bad input gets a message next to its field, never a panic): its message
/// and place go to the console, then the app stops (`panic = "abort"`). Smaller than a hook
/// crate that also reads a JavaScript stack, which a stripped wasm cannot name anyway.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
}

/// Mounts the app in place of index.html's first-paint skeleton (`#app`), or on the body.
pub fn start() {
    log_panics();
    #[cfg(feature = "arm-direct")]
    csp::install_content_security_policy();
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => {
            host.set_inner_html("");
            leptos::mount::mount_to(host, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
