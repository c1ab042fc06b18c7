//! The page's Content-Security-Policy, put in force at start-up. The wizard connects only to
//! its own origin. The apply page (feature `arm-direct`) also reaches the supported clouds'
//! Resource Managers and the one custom endpoint the person set in the ARM panel. A policy in a
//! static meta tag cannot name a custom endpoint, and a policy can only be tightened once in
//! force, so the endpoint (not a secret) is kept in local storage and changing it reloads.

#[cfg(feature = "arm-direct")]
use crate::core::arm_client::endpoint::{content_security_policy, parse_custom_endpoint};

#[cfg(feature = "arm-direct")]
const ENDPOINT_KEY: &str = "ai-network-wizard.arm-endpoint";

#[cfg(feature = "arm-direct")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(feature = "arm-direct")]
pub fn custom_endpoint() -> Option<String> {
    let saved = local_storage()?.get_item(ENDPOINT_KEY).ok()??;
    parse_custom_endpoint(&saved).ok()
}

/// Saves (or, with `None`, removes) the custom endpoint and reloads: a policy can only be
/// tightened once in force, so the new one needs a fresh page.
#[cfg(feature = "arm-direct")]
pub fn use_custom_endpoint(endpoint: Option<&str>) {
    if let Some(storage) = local_storage() {
        let _ = match endpoint {
            Some(e) => storage.set_item(ENDPOINT_KEY, e),
            None => storage.remove_item(ENDPOINT_KEY),
        };
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Puts the page's Content-Security-Policy in force before anything can connect anywhere.
pub fn install_content_security_policy() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(meta), Some(head)) = (document.create_element("meta"), document.head()) else {
        return;
    };
    let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
    #[cfg(feature = "arm-direct")]
    let policy = content_security_policy(custom_endpoint().as_deref());
    #[cfg(not(feature = "arm-direct"))]
    let policy = crate::core::arm_client::endpoint::wizard_content_security_policy();
    let _ = meta.set_attribute("content", &policy);
    let _ = head.append_child(&meta);
}
