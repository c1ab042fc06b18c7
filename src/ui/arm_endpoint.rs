//! The apply page's custom Resource Manager endpoint: a test server on this machine (the local
//! ARM fake), set by the person in the ARM panel. It is kept in this tab's session storage
//! only, so nothing another page of the same origin writes can outlive the tab, and setting it
//! reloads the page (the connection policy is made at start-up).

use crate::arm_client::endpoint::parse_custom_endpoint;

const ENDPOINT_KEY: &str = "ai-network-wizard.arm-endpoint";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The endpoint set in this tab, when it is a valid (loopback) one.
pub fn custom_endpoint() -> Option<String> {
    // Earlier versions kept it for every later visit: that copy is dropped, never read.
    if let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = local.remove_item(ENDPOINT_KEY);
    }
    let saved = session_storage()?.get_item(ENDPOINT_KEY).ok()??;
    parse_custom_endpoint(&saved).ok()
}

/// Keeps (or, with `None`, removes) the custom endpoint for this tab and reloads: the page's
/// connection policy is made at start-up.
pub fn use_custom_endpoint(endpoint: Option<&str>) {
    if let Some(storage) = session_storage() {
        let _ = match endpoint {
            Some(e) => storage.set_item(ENDPOINT_KEY, e),
            None => storage.remove_item(ENDPOINT_KEY),
        };
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
