//! Per request: send it, skip it (already as wanted) or refuse it (it needs the current
//! settings); after a step, what the REST tab leaves to the reader's eye; the steps that only read.

use serde_json::Value;

use super::super::compare::satisfied;
use super::super::policy::{self, Failure};
use super::Executor;
use crate::core::plan::{Action, ArmRequest, EndpointAction, Step};
use crate::core::request_bodies::EDIT_MARK;

impl Executor {
    pub(super) fn decide(&self, request: &ArmRequest, requests: &[ArmRequest]) -> Decision {
        let path = request.path.to_ascii_lowercase();
        let current = self.lookup(&path);
        match request.method {
            "GET" | "DELETE" => Decision::Send(None),
            "POST" if request.path.ends_with("/checkDomainAvailability") => {
                let writes: Vec<&ArmRequest> = requests[self.at.index + 1..]
                    .iter()
                    .filter(|r| r.method == "PUT" || r.method == "PATCH")
                    .collect();
                if !writes.is_empty()
                    && writes
                        .iter()
                        .all(|w| matches!(self.decide(w, requests), Decision::Skip(_)))
                {
                    Decision::Skip("the subdomain is set already".into())
                } else {
                    Decision::Send(None)
                }
            }
            "POST" => Decision::Send(None),
            _ => {
                let exists = matches!(current, Some(Some(_)));
                if request.if_none_match && exists {
                    return Decision::Skip("exists already".into());
                }
                let Some(body) = &request.body else {
                    return Decision::Send(None);
                };
                if let Some(edited) = without_create_guard(body) {
                    return match current {
                        Some(Some(_)) => Decision::Skip("exists already".into()),
                        Some(None) => Decision::Send(Some(edited)),
                        None => Decision::Fail(policy::needs_state(request)),
                    };
                }
                if let Some(computed) = self.storage_acls_body(request) {
                    return match current {
                        Some(Some(now)) if satisfied(&computed, now) => {
                            Decision::Skip("already as wanted".into())
                        }
                        _ => Decision::Send(Some(computed)),
                    };
                }
                if let Some(Some(now)) = current {
                    if satisfied(body, now) {
                        return Decision::Skip("already as wanted".into());
                    }
                }
                if request.refused_until_edited {
                    return Decision::Fail(policy::needs_state(request));
                }
                Decision::Send(None)
            }
        }
    }

    /// After a step's requests: what the REST tab leaves to the reader's eye.
    pub(super) fn check_after(&self, step: usize) -> Option<Failure> {
        let requests = self.at.requests.as_deref().unwrap_or_default();
        match &self.plan.steps[step].action {
            Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { .. }) => {
                let subnet = requests
                    .first()
                    .and_then(|r| self.lookup(&r.path.to_ascii_lowercase()))
                    .cloned()
                    .flatten();
                let policies = subnet
                    .as_ref()
                    .and_then(|s| s.pointer("/properties/privateEndpointNetworkPolicies"))
                    .and_then(Value::as_str)
                    .unwrap_or("Disabled");
                (!policies.eq_ignore_ascii_case("Disabled")).then(|| Failure {
                    code: "NetworkPoliciesEnabled".into(),
                    message: format!("The subnet's privateEndpointNetworkPolicies is {policies}: a private endpoint needs it Disabled, and the only way to change it is a PUT of the whole subnet, which this page does not send."),
                    advice: "Run this step from the Azure CLI or PowerShell tab (they keep every property of the subnet), then Resume.".into(),
                })
            }
            _ => None,
        }
    }
}

pub(super) enum Decision {
    /// `Some(body)`: send this body instead of the plan's (the documented create edit, or the
    /// storage firewall computed from what was read).
    Send(Option<Value>),
    Skip(String),
    Fail(Failure),
}

/// A create body guarded by an edit mark in `tags` (a PUT would replace an existing resource):
/// the body with that line deleted, the edit its note documents.
fn without_create_guard(body: &Value) -> Option<Value> {
    let tags = body.get("tags")?.as_str()?;
    if !tags.starts_with(EDIT_MARK) {
        return None;
    }
    let mut edited = body.clone();
    edited.as_object_mut()?.remove("tags");
    Some(edited)
}

/// Steps that only read: "done" every time they run.
pub(super) fn is_check(step: &Step) -> bool {
    match &step.action {
        Action::SelectSubscription
        | Action::VerifyResource
        | Action::VerifyUserOwnedStorage { .. } => true,
        Action::PrivateEndpoint(action) => match action {
            EndpointAction::ShowDnsRecords { .. } | EndpointAction::ClientGuidance { .. } => true,
            EndpointAction::DisableNetworkPolicies { .. }
            | EndpointAction::CreateZone { .. }
            | EndpointAction::LinkZone { .. }
            | EndpointAction::CreateEndpoint { .. }
            | EndpointAction::AttachZoneGroup { .. }
            | EndpointAction::DeleteEndpoint { .. }
            | EndpointAction::CloseDependentPublicAccess { .. } => false,
        },
        Action::CreateAccount { .. }
        | Action::SetCustomSubdomain { .. }
        | Action::RegisterResourceProvider { .. }
        | Action::EnableServiceEndpoint { .. }
        | Action::MergeNetworkRules { .. }
        | Action::SetDefaultAction { .. }
        | Action::SetPublicNetworkAccess { .. }
        | Action::AssignStorageRole { .. }
        | Action::HardenStorage { .. }
        | Action::EndpointConnection(_) => false,
    }
}
