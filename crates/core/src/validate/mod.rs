//! Draft → Config, or field-addressed diagnostics. Never panics, whatever the input.

mod current_state;
mod custom_domain;
mod network;
mod private_endpoints;
mod removals;
mod storage;
mod tags;
mod target;

pub use private_endpoints::MAX_REQUEST_MESSAGE;

use super::config::Config;
use super::diagnostics::{Diagnostic, Severity};
use super::draft::Draft;

#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    pub diagnostics: Vec<Diagnostic>,
    /// Present only when there is no error.
    pub config: Option<Config>,
}

impl Validation {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.field == field)
    }
}

pub fn validate(draft: &Draft) -> Validation {
    let mut diagnostics = Vec::new();
    let target = target::validate_target(&draft.target, &mut diagnostics);
    let custom_domain = custom_domain::validate_custom_domain(draft, &mut diagnostics);
    // A private endpoint in the plan is a way in that no firewall setting closes.
    let private_endpoint_planned =
        draft.private_endpoints.enabled && !draft.private_endpoints.endpoints.is_empty();
    let network = network::validate_network(draft, private_endpoint_planned, &mut diagnostics);
    network::cross_step_warnings(custom_domain.as_ref(), network.as_ref(), &mut diagnostics);
    let storage = storage::validate_storage(draft, &mut diagnostics);
    let current_state = current_state::validate(
        draft,
        target.as_ref(),
        custom_domain.as_ref(),
        &mut diagnostics,
    );
    let private_endpoints = private_endpoints::validate_private_endpoints(
        draft,
        target.as_ref(),
        custom_domain.as_ref(),
        network.as_ref(),
        &mut diagnostics,
    );

    let endpoint_connections =
        removals::validate_connections(draft, current_state.as_ref(), &mut diagnostics);
    let tags = tags::validate_tags(draft, &mut diagnostics);

    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let config = match (has_errors, target) {
        (false, Some(target)) => Some(Config {
            target,
            custom_domain,
            network,
            storage,
            current_state,
            private_endpoints,
            endpoint_connections,
            tags,
        }),
        _ => None,
    };
    Validation {
        diagnostics,
        config,
    }
}

/// A subnet's Entra tenant when it is not the target's: empty means the same tenant; otherwise
/// a GUID (kept lower-case), or an error at `{prefix}.tenant_id`.
fn optional_tenant_id(
    value: &str,
    prefix: &str,
    ok: &mut bool,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    match super::names::check_guid(value, "tenant ID") {
        Ok(()) => Some(value.to_ascii_lowercase()),
        Err(m) => {
            out.push(Diagnostic::error(format!("{prefix}.tenant_id"), m));
            *ok = false;
            None
        }
    }
}

/// A subnet that cannot be read, with a one-click fix when its ID was pasted and what it means
/// is certain (`SubnetId::repaired`).
fn subnet_error(
    field: String,
    message: String,
    input: super::draft::SubnetInput,
    pasted: &str,
) -> Diagnostic {
    let repaired = match input {
        super::draft::SubnetInput::ResourceId => super::subnet_id::SubnetId::repaired(pasted),
        super::draft::SubnetInput::Parts => None,
    };
    let error = Diagnostic::error(field, message);
    match repaired {
        Some(id) => error.with_fix("Use the subnet ID it contains", vec![id]),
        None => error,
    }
}
