//! The page's Content-Security-Policy, put in force at start-up. The wizard connects only to
//! its own origin. The apply page (feature `arm-direct`) also reaches the supported clouds'
//! Resource Managers and the one test endpoint the person set in the ARM panel for this tab
//! (`arm_endpoint`). A policy can only be tightened once in force, so changing it reloads.

#[cfg(feature = "arm-direct")]
use crate::core::arm_client::endpoint::content_security_policy;

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
    let policy = content_security_policy(super::arm_endpoint::custom_endpoint().as_deref());
    #[cfg(not(feature = "arm-direct"))]
    let policy = crate::core::arm_client::endpoint::wizard_content_security_policy();
    let _ = meta.set_attribute("content", &policy);
    let _ = head.append_child(&meta);
}
