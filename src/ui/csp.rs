//! The apply page's connections, narrowed at start-up. Each page's full policy is a static
//! meta tag in its HTML, in force before any script. The apply page's static policy allows the
//! three clouds' Resource Managers and loopback, where a local test endpoint may run; at
//! start-up this adds a second policy (both are enforced) that names only the clouds and the
//! one custom endpoint in use, if any. A policy can only be tightened once in force, so
//! changing the endpoint reloads the page.

#[cfg(feature = "arm-direct")]
use crate::arm_client::endpoint::content_security_policy;

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
    let policy = content_security_policy(super::arm_endpoint::custom_endpoint().as_deref());
    let _ = meta.set_attribute("content", &policy);
    let _ = head.append_child(&meta);
}
