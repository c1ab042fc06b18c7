//! Where the page may connect: the Resource Manager of each supported cloud and, set by the
//! person, one custom endpoint (Azure Stack Hub, a local test server), kept out of the
//! Content-Security-Policy's way of anything else. Also the first read of "Load from Azure".

use crate::core::cloud::Cloud;
use crate::core::draft::TargetDraft;
use crate::core::plan::ArmRequest;

/// A custom Resource Manager endpoint: `https://host[:port][/path]`, or plain `http://` only on
/// this machine (a local test server). Returned without a trailing slash.
pub fn parse_custom_endpoint(text: &str) -> Result<String, String> {
    let text = text.trim().trim_end_matches('/');
    let (scheme, rest) = text
        .split_once("://")
        .ok_or("Enter the endpoint's full address, starting with https://.")?;
    let host_port = rest.split('/').next().unwrap_or_default();
    let host = host_port
        .rsplit_once(':')
        .map_or(host_port, |(host, _)| host);
    let allowed_chars = |c: char| c.is_ascii_alphanumeric() || "-._~/:".contains(c);
    if host.is_empty() || !text.chars().all(allowed_chars) || rest.contains("//") {
        return Err("The endpoint must be a plain address: letters, digits, dots, dashes, a port and a path (no spaces, quotes, queries or fragments).".into());
    }
    let local = matches!(host, "127.0.0.1" | "localhost" | "[::1]");
    match scheme {
        "https" => Ok(text.to_owned()),
        "http" if local => Ok(text.to_owned()),
        _ => Err("Use https:// (plain http:// only for a test server on this machine).".into()),
    }
}

/// `scheme://host[:port]` of an endpoint: what the policy names.
fn origin(endpoint: &str) -> &str {
    let after_scheme = endpoint.find("://").map_or(0, |i| i + 3);
    match endpoint[after_scheme..].find('/') {
        Some(slash) => &endpoint[..after_scheme + slash],
        None => endpoint,
    }
}

/// What both pages' policies forbid: plugins, a foreign base, form targets.
const POLICY_REST: &str = "object-src 'none'; base-uri 'self'; form-action 'none'";

/// The policy the apply page adds at start-up to its static one (apply.html's meta tag allows
/// loopback): connections only to itself, the clouds' Resource Managers and the custom
/// endpoint in use; no plugins, no foreign base or form targets.
pub fn content_security_policy(custom: Option<&str>) -> String {
    let mut connect = vec!["'self'".to_owned()];
    connect.extend(Cloud::ALL.iter().map(|c| c.arm_endpoint().to_owned()));
    if let Some(endpoint) = custom.and_then(|c| parse_custom_endpoint(c).ok()) {
        connect.push(origin(&endpoint).to_owned());
    }
    format!("connect-src {}; {POLICY_REST}", connect.join(" "))
}

/// The GET of the target that "Load from Azure" sends, from the form as typed.
pub fn resource_read(target: &TargetDraft) -> Result<ArmRequest, String> {
    let parts = [
        ("subscription", &target.subscription_id),
        ("resource group", &target.resource_group),
        ("name", &target.name),
    ];
    for (what, value) in parts {
        if value.trim().is_empty() || value.contains(['/', '?', '#']) {
            return Err(format!(
                "Fill in the {what} in the Target step first: the resource is read by its ID."
            ));
        }
    }
    Ok(ArmRequest {
        method: "GET",
        path: format!(
            "/subscriptions/{}/resourceGroups/{}/providers/{}/{}",
            target.subscription_id.trim(),
            target.resource_group.trim(),
            target.resource_type.arm_type(),
            target.name.trim()
        ),
        api_version: target.resource_type.api_version(),
        body: None,
        if_none_match: false,
        create_only: false,
        note: None,
        refused_until_edited: false,
    })
}
