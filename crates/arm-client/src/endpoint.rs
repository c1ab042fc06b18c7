//! Where the page may connect and send the token: the Resource Manager of the chosen cloud or,
//! set by the person for this tab only, one test server on this machine (the local ARM fake),
//! kept out of the Content-Security-Policy's way of anything else. Also the first read of
//! "Load from Azure".

use wizard_core::cloud::Cloud;
use wizard_core::draft::TargetDraft;
use wizard_core::names;
use wizard_core::plan::ArmRequest;

/// Why a custom endpoint is refused: it exists only for a test server on this machine.
const LOOPBACK_ONLY: &str = "The custom endpoint is only for a test server on this machine: http:// or https:// with 127.0.0.1 or localhost, a port and, if the server needs one, a path (for example http://127.0.0.1:8080). Azure's clouds are chosen in the Target step.";

/// A custom Resource Manager endpoint: `http[s]://127.0.0.1|localhost[:port][/path]`, a local
/// test server and nothing else, so a stored or typed value can never send a token to another
/// machine. Returned with the scheme and host in lower case, without a trailing slash.
pub fn parse_custom_endpoint(text: &str) -> Result<String, String> {
    let text = text.trim().trim_end_matches('/');
    let (scheme, rest) = text.split_once("://").ok_or(LOOPBACK_ONLY)?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (scheme, authority) = (scheme.to_ascii_lowercase(), authority.to_ascii_lowercase());
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority.as_str(), None),
    };
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0) && !p.starts_with('0'));
    let path_ok = path.split('/').skip(1).all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    });
    let loopback = matches!(host, "127.0.0.1" | "localhost");
    if matches!(scheme.as_str(), "http" | "https") && loopback && port_ok && path_ok {
        Ok(format!("{scheme}://{authority}{path}"))
    } else {
        Err(LOOPBACK_ONLY.into())
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

/// The origin of an `http(s)://` URL in lower case, or `None` for anything else (a user part,
/// another scheme, no host).
pub fn origin_of(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    (matches!(scheme, "http" | "https") && !authority.is_empty() && authority.chars().all(plain))
        .then(|| format!("{scheme}://{authority}"))
}

/// Where the page's requests, and the token with them, go.
#[derive(Clone, Debug, PartialEq)]
pub enum ArmEndpoint {
    /// The cloud's own Resource Manager.
    Cloud(Cloud),
    /// A test server on this machine ([`parse_custom_endpoint`]'s form).
    Custom(String),
}

impl ArmEndpoint {
    /// The custom endpoint when one is set and valid, otherwise the cloud's Resource Manager.
    pub fn new(cloud: Cloud, custom: Option<&str>) -> ArmEndpoint {
        match custom.map(parse_custom_endpoint) {
            Some(Ok(endpoint)) => ArmEndpoint::Custom(endpoint),
            _ => ArmEndpoint::Cloud(cloud),
        }
    }

    /// The URL requests start with, without a trailing slash.
    pub fn base(&self) -> &str {
        match self {
            ArmEndpoint::Cloud(cloud) => cloud.arm_endpoint(),
            ArmEndpoint::Custom(endpoint) => endpoint,
        }
    }

    /// Whether a token with this `aud` may go here: a cloud's Resource Manager takes only its
    /// own audiences; a test server only a token minted for its own origin, never one of a
    /// Microsoft cloud.
    pub fn accepts_audience(&self, audience: &str) -> bool {
        match self {
            ArmEndpoint::Cloud(cloud) => {
                let trimmed = audience.trim_end_matches('/').to_ascii_lowercase();
                cloud.arm_audiences().contains(&trimmed.as_str())
            }
            // Checked again here: a value made up in code must not open a way around it.
            ArmEndpoint::Custom(endpoint) => {
                parse_custom_endpoint(endpoint).is_ok()
                    && origin_of(audience).is_some_and(|aud| aud == origin(endpoint))
            }
        }
    }

    /// The audience a token for this endpoint names (what the refusals ask for).
    pub fn audience(&self) -> String {
        format!("{}/", origin(self.base()))
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

/// The GET of the target that "Load from Azure" sends, from the form as typed: the same rules
/// as the Target step (a GUID subscription, a valid group and a valid name of the type), so
/// nothing typed can change the request's path.
pub fn resource_read(target: &TargetDraft) -> Result<ArmRequest, String> {
    let subscription = target.subscription_id.trim();
    let group = target.resource_group.trim();
    let name = target.name.trim();
    let arm_type = target.resource_type.arm_type();
    let checks = [
        names::check_guid(subscription, "subscription ID"),
        names::check_resource_group(group),
        target.resource_type.check_name(name),
    ];
    if let Some(problem) = checks.into_iter().find_map(Result::err) {
        return Err(format!(
            "Fix the Target step first: the resource is read by its ID. {problem}"
        ));
    }
    Ok(ArmRequest::new(
        "GET",
        format!("/subscriptions/{subscription}/resourceGroups/{group}/providers/{arm_type}/{name}"),
        target.resource_type.api_version(),
    ))
}
