//! How the executor reads ARM's answers: what is retried and after how long, what a long-running
//! operation looks like, and what a failure tells the person (ARM's code and message, and what
//! to do).

use serde_json::Value;

use super::http::{HttpResponse, TransportError};
use super::token::{tenant_token_commands, token_commands};
use wizard_core::cloud::Cloud;
use wizard_core::names::is_guid;
use wizard_core::plan::ArmRequest;

/// Retries of a throttled or busy request (429, another operation in progress).
pub const BUSY_RETRIES: u32 = 5;
/// When 429 hides its Retry-After (CORS) or has none.
pub const BUSY_SECONDS: u32 = 10;
/// Back-off for the private-endpoint "Accepted" race: the account settles within minutes.
pub const RACE_BACKOFF: [u32; 5] = [15, 30, 60, 120, 240];
/// A read whose connection dropped is sent again this often, after this long.
pub const READ_RETRIES: u32 = 2;
pub const READ_RETRY_SECONDS: u32 = 2;
/// Between polls when Retry-After is not readable; at most this many polls (about 30 minutes).
pub const POLL_SECONDS: u32 = 5;
pub const MAX_POLLS: u32 = 360;

#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// ARM's error code, or the page's own (`ConnectionDropped`, `NeedsCurrentSettings`, …).
    pub code: String,
    pub message: String,
    /// What to do before resuming.
    pub advice: String,
}

pub enum Retry {
    No,
    After(u32, String),
    GiveUp(Failure),
}

const ANOTHER_OPERATION: [&str; 3] = [
    "AnotherOperationInProgress",
    "RetryableErrorDueToAnotherOperation",
    "OperationNotAllowedAnotherOperationInProgress",
];

/// The "Accepted" race: a private endpoint created while the account is still settling.
fn is_accepted_race(code: &str, message: &str) -> bool {
    code == "AccountProvisioningStateInvalid"
        || (message.contains("provisioning state") && message.contains("Accepted"))
}

pub fn retry(response: &HttpResponse, attempts: u32) -> Retry {
    let (code, message) = response.arm_error().unwrap_or_default();
    let busy = response.status == 429
        || (response.status == 409 && ANOTHER_OPERATION.contains(&code.as_str()));
    if busy {
        if attempts >= BUSY_RETRIES {
            return Retry::GiveUp(Failure {
                code: if code.is_empty() { "TooManyRequests".into() } else { code },
                message: format!("Still refused after {BUSY_RETRIES} retries: {message}"),
                advice: "Resource Manager is busy with this resource or throttling the subscription. Wait a few minutes, then Resume.".into(),
            });
        }
        let seconds = response.retry_after().unwrap_or(BUSY_SECONDS).clamp(1, 300);
        let why = if response.status == 429 {
            format!("Throttled (429): retrying after {seconds} s.")
        } else {
            format!("{code}: another operation is running on this resource; retrying after {seconds} s.")
        };
        return Retry::After(seconds, why);
    }
    if (400..500).contains(&response.status) && is_accepted_race(&code, &message) {
        if let Some(seconds) = RACE_BACKOFF.get(attempts as usize) {
            return Retry::After(
                *seconds,
                format!(
                    "{code}: the account is still settling (Accepted); retrying after {seconds} s."
                ),
            );
        }
        return Retry::GiveUp(Failure {
            code,
            message,
            advice: "The account stayed in the Accepted state for minutes. Check it in the portal, then Resume.".into(),
        });
    }
    Retry::No
}

/// "201 Created", with ARM's error code when there is one.
pub fn describe(response: &HttpResponse) -> String {
    match response.arm_error() {
        Some((code, message)) => format!("{} {code}: {message}", response.status),
        None => format!("{} {}", response.status, reason(response.status)),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        404 => "Not Found",
        _ => "",
    }
}

pub fn describe_transport(error: &TransportError) -> String {
    match error {
        TransportError::Dropped(detail) => format!("the connection dropped ({detail})"),
        TransportError::TimedOut => "no answer within the time limit".into(),
        TransportError::NotSent(why) => why.clone(),
    }
}

/// ARM's code for a token of another tenant than the subscription's.
pub const WRONG_TENANT: &str = "InvalidAuthenticationTokenTenant";

/// ARM's message when it refused the token as one of another tenant than the subscription's
/// (401 with [`WRONG_TENANT`]).
pub fn wrong_tenant_message(response: &HttpResponse) -> Option<String> {
    let (code, message) = response.arm_error()?;
    (response.status == 401 && code == WRONG_TENANT).then_some(message)
}

/// A refusal in a run: ARM's code and message, and what to do about it before Resume (with the
/// commands that print a token for `cloud`).
pub fn failure(response: &HttpResponse, path: &str, cloud: Cloud) -> Failure {
    refusal(
        response,
        path,
        cloud,
        "then Resume",
        ": the step reads the current state again and skips what is done",
    )
}

/// A refusal of a read outside a run ("Load from Azure", "Compare with Azure"): there is no step
/// to resume, so the advice ends in trying the read again.
pub fn read_failure(response: &HttpResponse, path: &str, cloud: Cloud) -> Failure {
    refusal(response, path, cloud, "then try again", "")
}

/// `then`: what the person does once the cause is fixed; `rereads`: what that does, for a
/// failure of Resource Manager itself.
fn refusal(
    response: &HttpResponse,
    path: &str,
    cloud: Cloud,
    then: &str,
    rereads: &str,
) -> Failure {
    let (code, message) = response.arm_error().unwrap_or_else(|| {
        (
            format!("HTTP{}", response.status),
            format!("Resource Manager answered {} for {path}.", response.status),
        )
    });
    let advice = match response.status {
        401 if code == WRONG_TENANT => match tenant_asked_for(&message) {
            Some(tenant) => format!("The token is from another Entra tenant than the subscription's: Resource Manager asks for a token of tenant {tenant}. Get one, paste it, {then}.\n{}", tenant_token_commands(cloud, &tenant)),
            None => format!("The token is from another Entra tenant than the subscription's. Get a token of the subscription's tenant (add --tenant, or -TenantId, with its ID), paste it, {then}.\n{}", token_commands(cloud)),
        },
        401 => format!("The token was refused (expired, or for another cloud or tenant). Paste a new one, {then}.\n{}", token_commands(cloud)),
        403 => format!("The identity in the token may not do this here. It needs a role that allows it on this scope (Contributor on the resource; for role assignments Owner or User Access Administrator). Get it, paste a new token, {then}."),
        404 => format!("Something this step needs does not exist: check the subscription, group and names in the form, {then}."),
        409 | 412 => format!("It conflicts with what exists now. Load the resource again to see the current settings, fix the form, {then}."),
        400..=499 => format!("Resource Manager refused the request as sent: fix what its message names (in the form, or in Azure), load again, {then}."),
        _ => format!("Resource Manager failed. Wait a moment, {then}{rereads}."),
    };
    Failure {
        code,
        message,
        advice,
    }
}

/// The tenant ARM asks for in an `InvalidAuthenticationTokenTenant` message: "It must match the
/// tenant 'https://sts.windows.net/<tenant>/'", or "use the authority (URL)
/// 'https://login.windows.net/<tenant>'". Only a tenant ID (a GUID) is taken.
pub fn tenant_asked_for(message: &str) -> Option<String> {
    ["must match the tenant '", "authority (URL) '"]
        .iter()
        .find_map(|lead| {
            let (_, rest) = message.split_once(lead)?;
            let (url, _) = rest.split_once('\'')?;
            url.trim_end_matches('/')
                .rsplit('/')
                .next()
                .filter(|id| is_guid(id))
                .map(str::to_ascii_lowercase)
        })
}

pub fn dropped(request: &ArmRequest, error: &TransportError) -> Failure {
    if let TransportError::NotSent(why) = error {
        return not_sent(request, why);
    }
    Failure {
        code: match error {
            TransportError::TimedOut => "TimedOut",
            _ => "ConnectionDropped",
        }
        .into(),
        message: format!(
            "{} {}: {}. Whether Resource Manager applied it is not known.",
            request.method,
            request.path,
            describe_transport(error)
        ),
        advice: "Check the network, then Resume: the step reads the current state first and skips what was applied.".into(),
    }
}

/// A request the page refused to send (its path, or where the token would go): nothing was
/// sent, so nothing changed.
pub fn not_sent(request: &ArmRequest, why: &str) -> Failure {
    Failure {
        code: "NotSent".into(),
        message: format!("{} {}: {why}", request.method, request.path),
        advice: "Nothing was sent for this step. Check the form (the names it puts in the path) and the token, then Resume.".into(),
    }
}

/// The code of a body that needs settings that were not read.
pub const NEEDS_STATE: &str = "NeedsCurrentSettings";

/// A body the plan could only build with the current settings, which were not read.
pub fn needs_state(request: &ArmRequest) -> Failure {
    Failure {
        code: NEEDS_STATE.into(),
        message: format!(
            "{} {} needs what is there now, and it is not known: {}",
            request.method,
            request.path,
            request.note.as_deref().unwrap_or("")
        ),
        advice: "Load the resource from Azure (so the request is computed from its current settings), then Resume; or send this request from the REST tab after editing it.".into(),
    }
}

/// Answers that succeed but say no: a subdomain that is taken.
pub fn check_answer(request: &ArmRequest, response: &HttpResponse) -> Option<Failure> {
    if !request.path.ends_with("/checkDomainAvailability") {
        return None;
    }
    let body = response.json()?;
    if body.get("isSubdomainAvailable").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    let reason = body.get("reason").and_then(Value::as_str).unwrap_or("");
    Some(Failure {
        code: "SubdomainNotAvailable".into(),
        message: format!("The custom subdomain is not available. {reason}"),
        advice: "Choose another subdomain in the custom-domain step (it must be unique in the whole cloud), then Resume.".into(),
    })
}

pub fn provisioning_state(body: &Value) -> Option<String> {
    body.pointer("/properties/provisioningState")
        .or_else(|| body.get("provisioningState"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

pub fn is_terminal(state: &str) -> bool {
    ["Succeeded", "Failed", "Canceled", "Cancelled"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(state))
}

pub fn poll_seconds(response: &HttpResponse) -> u32 {
    response.retry_after().unwrap_or(POLL_SECONDS).clamp(1, 60)
}

pub fn operation_failed(body: Option<&Value>, status: &str) -> Failure {
    let error = body.and_then(|b| b.get("error").or_else(|| b.pointer("/properties/error")));
    let text = |key: &str| {
        error
            .and_then(|e| e.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Failure {
        code: text("code").unwrap_or_else(|| format!("Operation{status}")),
        message: text("message").unwrap_or_else(|| format!("The long-running operation ended {status}.")),
        advice: "The change did not complete in Azure. Fix the cause its message names, then Resume: the step reads the current state again.".into(),
    }
}

pub fn poll_timeout(request: &ArmRequest) -> Failure {
    Failure {
        code: "OperationTimedOut".into(),
        message: format!(
            "{} {} was still running after {MAX_POLLS} polls.",
            request.method, request.path
        ),
        advice: "Check the resource in the portal; when it has settled, Resume.".into(),
    }
}
