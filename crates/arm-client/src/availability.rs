//! The live custom-subdomain check of the apply page's custom-domain step: the plan's own
//! checkDomainAvailability request, built from the form as typed, and what its answer means for
//! this account (a name the account already carries is reported taken by Azure).

use serde_json::Value;

use super::http::HttpResponse;
use wizard_core::draft::Draft;
use wizard_core::names::{check_custom_subdomain, check_guid};
use wizard_core::plan::{subdomain_availability, ArmRequest};
use wizard_core::resource_kinds::ResourceType;

/// What the check found, in words a person reads next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    Free(String),
    /// The account (as loaded from Azure) carries this subdomain already.
    Ours(String),
    Taken(String),
    /// No answer, or one the check cannot read: says why.
    Unknown(String),
}

impl Availability {
    pub fn message(&self) -> &str {
        match self {
            Availability::Free(m)
            | Availability::Ours(m)
            | Availability::Taken(m)
            | Availability::Unknown(m) => m,
        }
    }

    /// For the page's `data-availability`: free, ours, taken or unknown.
    pub fn id(&self) -> &'static str {
        match self {
            Availability::Free(_) => "free",
            Availability::Ours(_) => "ours",
            Availability::Taken(_) => "taken",
            Availability::Unknown(_) => "unknown",
        }
    }
}

/// The request, when the form names a subscription and a well-formed subdomain of a Cognitive
/// Services account; `None` otherwise (the field's own message says what is wrong).
pub fn availability_request(draft: &Draft) -> Option<ArmRequest> {
    let target = &draft.target;
    let subdomain = draft.custom_domain.subdomain.to_ascii_lowercase();
    let applies = target.resource_type == ResourceType::CognitiveServices
        && draft.custom_domain.enabled
        && check_guid(&target.subscription_id, "subscription ID").is_ok()
        && check_custom_subdomain(&subdomain).is_ok();
    applies.then(|| {
        subdomain_availability(
            &target.subscription_id,
            &subdomain,
            Some(target.kind.as_str()).filter(|k| !k.is_empty()),
        )
    })
}

/// The subdomain the loaded account carries, if the form was loaded from Azure or a snapshot.
fn current_subdomain(draft: &Draft) -> Option<String> {
    let account = draft.current_state.as_ref()?.account.as_ref()?;
    account
        .pointer("/properties/customSubDomainName")
        .or_else(|| account.get("customSubDomainName"))
        .and_then(Value::as_str)
        .map(str::to_ascii_lowercase)
}

/// Reads ARM's answer to [`availability_request`].
pub fn read_availability(draft: &Draft, response: &HttpResponse) -> Availability {
    let name = draft.custom_domain.subdomain.to_ascii_lowercase();
    if !(200..300).contains(&response.status) {
        let (code, message) = response
            .arm_error()
            .unwrap_or_else(|| (format!("HTTP{}", response.status), String::new()));
        let advice = match response.status {
            401 => " The token was refused: paste a new one.",
            403 => " The token's identity may not read this subscription.",
            _ => "",
        };
        return Availability::Unknown(
            format!("Could not check: {code}: {message}{advice}")
                .trim_end()
                .to_owned(),
        );
    }
    let Some(body) = response.json() else {
        return Availability::Unknown("Could not check: the answer was not JSON.".into());
    };
    match body.get("isSubdomainAvailable").and_then(Value::as_bool) {
        Some(true) => Availability::Free(format!(
            "\u{201c}{name}\u{201d} is available (checked in Azure just now)."
        )),
        Some(false) if current_subdomain(draft).as_deref() == Some(name.as_str()) => {
            Availability::Ours(format!(
                "\u{201c}{name}\u{201d} is this account's subdomain already: the step will be skipped."
            ))
        }
        Some(false) => {
            let reason = body.get("reason").and_then(Value::as_str).unwrap_or("");
            Availability::Taken(
                format!("\u{201c}{name}\u{201d} is taken: choose another name. {reason}")
                    .trim_end()
                    .to_owned(),
            )
        }
        None => Availability::Unknown(
            "Could not check: the answer has no isSubdomainAvailable.".into(),
        ),
    }
}
