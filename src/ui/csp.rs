//! The apply page's connections, narrowed at start-up. Each page's full policy is a static
//! meta tag in its HTML, in force before any script. The apply page's static policy allows the
//! three clouds' Resource Managers and loopback, where a local test endpoint may run; at
//! start-up this adds a second policy (both are enforced) that names only the clouds and the
//! one custom endpoint in use, if any. A policy can only be tightened once in force, so
//! changing the endpoint reloads the page.

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

/// Narrows the page's connections before anything can connect anywhere.
#[cfg(feature = "arm-direct")]
pub fn install_content_security_policy() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(meta), Some(head)) = (document.create_element("meta"), document.head()) else {
        return;
    };
    let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
    let policy = content_security_policy(custom_endpoint().as_deref());
    let _ = meta.set_attribute("content", &policy);
    let _ = head.append_child(&meta);
}
