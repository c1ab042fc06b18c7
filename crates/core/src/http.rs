//! One ARM request as it goes over the wire. The REST tab prints it with `{{armEndpoint}}` and
//! `{{token}}` in place; the live client fills in the endpoint and the token. Both read this
//! one form, so what a person previews is byte for byte what is sent.

use serde_json::Value;

use crate::plan::ArmRequest;
use crate::{json_text, quote};

/// What the redacted form shows instead of the token.
pub const REDACTED: &str = "<token>";

#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    /// In the order they are sent (and printed).
    pub headers: Vec<(&'static str, String)>,
    /// The exact text of the JSON body.
    pub body: Option<String>,
}

impl HttpRequest {
    /// The request for `endpoint` (no trailing slash) with this bearer token.
    pub fn from_arm(request: &ArmRequest, endpoint: &str, token: &str) -> HttpRequest {
        // Only the path is percent-encoded: encoding the query's `?` would turn the api-version
        // into part of the path.
        let url = format!(
            "{endpoint}{}?api-version={}",
            quote::url_path(&request.path),
            request.api_version
        );
        let mut headers = vec![("Authorization", format!("Bearer {token}"))];
        if request.if_none_match {
            headers.push(("If-None-Match", "*".to_owned()));
        }
        let body = request.body.as_ref().map(json_text::pretty);
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        HttpRequest {
            method: request.method,
            url,
            headers,
            body,
        }
    }

    /// A GET of an absolute URL (polling a long-running operation).
    pub fn get(url: &str, token: &str) -> HttpRequest {
        HttpRequest {
            method: "GET",
            url: url.to_owned(),
            headers: vec![("Authorization", format!("Bearer {token}"))],
            body: None,
        }
    }

    /// The request in the `.http` format: request line, headers, a blank line and the body.
    pub fn to_http_text(&self) -> String {
        let mut out = String::new();
        self.push_http_text(&mut out);
        out
    }

    /// [`Self::to_http_text`] appended to `out` (the REST tab writes every request into one
    /// text).
    pub fn push_http_text(&self, out: &mut String) {
        for part in [self.method, " ", &self.url, "\n"] {
            out.push_str(part);
        }
        for (name, value) in &self.headers {
            for part in [name, ": ", value.as_str(), "\n"] {
                out.push_str(part);
            }
        }
        if let Some(body) = &self.body {
            for part in ["\n", body, "\n"] {
                out.push_str(part);
            }
        }
    }

    /// The same text with the token replaced: what the page shows and keeps.
    pub fn redacted_text(&self) -> String {
        let mut copy = self.clone();
        for (name, value) in &mut copy.headers {
            if *name == "Authorization" {
                *value = format!("Bearer {REDACTED}");
            }
        }
        copy.to_http_text()
    }
}

/// An answer. Header names are lower case; a header the browser does not expose (CORS) is
/// simply absent.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Option<Value> {
        json_text::parse(&self.body).ok()
    }

    /// `Retry-After` in seconds, when readable (ARM sends seconds).
    pub fn retry_after(&self) -> Option<u32> {
        self.header("retry-after")?.trim().parse().ok()
    }

    /// ARM's error code and message (`{"error":{"code","message"}}`), when the body has them.
    pub fn arm_error(&self) -> Option<(String, String)> {
        let value = self.json()?;
        let error = value.get("error")?;
        let text = |key: &str| {
            error
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Some((text("code"), text("message")))
    }
}

/// No answer came: the connection dropped or the time limit passed, or the request was not
/// sent at all because the gate before `fetch` refused it (the ARM client's `outgoing`).
#[derive(Clone, Debug, PartialEq)]
pub enum TransportError {
    Dropped(String),
    TimedOut,
    NotSent(String),
}

/// What the page says when a request got no answer: the method and the host only. The
/// browser's own error text is never shown, as it may quote the request that carried the
/// token.
pub fn no_answer_message(method: &str, url: &str) -> String {
    let host = url
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .filter(|host| {
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
        })
        .unwrap_or("the endpoint");
    format!("{method} to {host} got no answer: the network, CORS or the page's Content-Security-Policy stopped it")
}

/// Why a request path may not be sent, or `Ok`: a request of this page goes to a resource under
/// `/subscriptions/`, segment by segment, and no segment may be empty or a dot segment (`.`,
/// `..`, also percent-encoded), which the browser would resolve to another path. Backslashes
/// (read as slashes), whitespace and control characters (dropped by URL parsing) are refused
/// for the same reason.
/// The path with what a person cannot see (control characters, whitespace but the space) as
/// `\u{…}`. (Rust's `escape_debug` would bring Unicode's printable table into the apply page.)
fn visible(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_control() || (c.is_whitespace() && c != ' ') {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

pub fn check_path(path: &str) -> Result<(), String> {
    let Some(rest) = path.strip_prefix("/subscriptions/") else {
        return Err(format!(
            "Not sent: the path {path} does not start with /subscriptions/, as every request of this page does."
        ));
    };
    if path
        .chars()
        .any(|c| c == '\\' || c.is_whitespace() || c.is_control() || c == '?' || c == '#')
    {
        return Err(format!(
            "Not sent: the path {} holds a backslash, a space, a query or a control character, which no Azure name has.",
            visible(path)
        ));
    }
    let dot = |segment: &str| {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        decoded == "." || decoded == ".."
    };
    if rest
        .split('/')
        .any(|segment| segment.is_empty() || dot(segment))
    {
        return Err(format!(
            "Not sent: the path {path} has an empty or a dot segment (. or ..), which the browser would turn into another path."
        ));
    }
    Ok(())
}

/// The path of `url` when the URL is on `endpoint` (its scheme, host and port, under its path)
/// and [`check_path`] accepts it; `None` otherwise. Poll URLs that ARM hands back are followed
/// only when this says yes.
pub fn path_on_endpoint<'a>(url: &'a str, endpoint: &str) -> Option<&'a str> {
    let endpoint = endpoint.trim_end_matches('/');
    let head = url.get(..endpoint.len())?;
    if endpoint.is_empty() || !head.eq_ignore_ascii_case(endpoint) {
        return None;
    }
    let path = url[endpoint.len()..].split(['?', '#']).next()?;
    check_path(path).ok().map(|_| path)
}
