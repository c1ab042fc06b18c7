//! What keeps a pasted token from being used by anyone but the person at this page: the
//! apply page refuses to hold a token inside a frame (a host that cannot send
//! `frame-ancestors` or `X-Frame-Options` could otherwise be framed and clickjacked), and the
//! token is forgotten, and any run cancelled, when the page is hidden for good or kept for Back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::arm_session::ArmSession;
use super::browser;
use crate::arm_client::Executor;

/// True when this page is shown inside another page's frame (or the top cannot be read).
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => true,
    }
}

/// What the Review step shows instead of the token field in a frame.
pub fn framed_notice() -> AnyView {
    view! {
        <section class="arm-panel" aria-labelledby="arm-heading">
            <h3 id="arm-heading">"Apply directly in Azure: not inside another page"</h3>
            <p id="arm-framed" class="callout danger">"This page is shown inside another page's frame, so it takes no token and sends nothing: another page could be placed over it to capture what you type or click. Open it in a tab of its own."</p>
        </section>
    }
    .into_any()
}

/// On `pagehide` (leaving, closing, or going into the Back cache) the token is forgotten, the
/// token field emptied at once, and a run is cancelled after its current request.
pub fn forget_on_pagehide(session: ArmSession) {
    browser::on_window_event("pagehide", move || {
        session.token.set(String::new());
        session
            .expired_note
            .set("The token was forgotten when the page was left. Paste it again.".into());
        session
            .run
            .executor
            .update_value(|e| e.iter_mut().for_each(Executor::cancel));
        // The field itself too: the page may be frozen before the view updates.
        if let Some(field) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("arm-token"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            field.set_value("");
        }
    });
}
