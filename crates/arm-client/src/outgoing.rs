//! The one gate between a request that carries the token and `fetch`: the page's sender takes
//! only a [`Checked`] request, and only [`check`] makes one. It holds the rule that matters
//! most on a page with a bearer token in it: a token minted for a Microsoft cloud's Resource
//! Manager goes to that Resource Manager and nowhere else, and a token goes to a test server
//! on this machine only when it was minted for that server.

use super::endpoint::ArmEndpoint;
use super::http::{path_on_endpoint, HttpRequest};
use super::token::{audience_of, bare_jwt};

/// A request that passed [`check`]: the only kind the page sends.
#[derive(Debug)]
pub struct Checked(HttpRequest);

impl Checked {
    pub fn request(&self) -> &HttpRequest {
        &self.0
    }
}

/// Lets `request` go to `endpoint` only when:
/// - its URL is on the endpoint (same scheme, host and port, under its path) with a path under
///   `/subscriptions/` and no dot segment ([`super::http::check_path`]);
/// - it carries exactly one `Authorization: Bearer <jwt>` and nothing but the JWT after the
///   prefix;
/// - the token's audience is the endpoint's ([`ArmEndpoint::accepts_audience`]).
pub fn check(request: HttpRequest, endpoint: &ArmEndpoint) -> Result<Checked, String> {
    let host = endpoint.base();
    if path_on_endpoint(&request.url, host).is_none() {
        return Err(format!(
            "Not sent: {} {} is not a Resource Manager path on {host}, where this page sends its requests.",
            request.method,
            request.url.split('?').next().unwrap_or_default()
        ));
    }
    let authorizations: Vec<&str> = request
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("authorization"))
        .map(|(_, value)| value.as_str())
        .collect();
    let token = match authorizations.as_slice() {
        [value] => value
            .strip_prefix("Bearer ")
            .filter(|token| bare_jwt(token) == Some(*token)),
        _ => None,
    };
    let Some(token) = token else {
        return Err("Not sent: the request must carry the token once, as \"Bearer <token>\", and the token must be a JWT alone.".into());
    };
    let audience = audience_of(token);
    if !endpoint.accepts_audience(&audience) {
        return Err(format!(
            "Not sent: the token is for {}, and {host} takes only a token for {}.",
            if audience.is_empty() {
                "no audience"
            } else {
                audience.as_str()
            },
            endpoint.audience()
        ));
    }
    Ok(Checked(request))
}
