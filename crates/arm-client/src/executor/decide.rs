//! Per request: send it, skip it (already as wanted) or refuse it (it needs the current
//! settings); after a step, what the REST tab leaves to the reader's eye; the steps that only read.

use serde_json::Value;

use super::super::compare::satisfied;
use super::super::policy::{self, Failure};
use super::Executor;
use wizard_core::plan::{
    hub_of_storage, hub_reaches_storage, hub_storage_remedy, hub_storage_unreachable, Action,
    ArmRequest, EndpointAction, Step,
};
use wizard_core::private_endpoints::LinkType;

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
                    Decision::Skip(if self.at.reread {
                        "the check said the subdomain is taken: by this account, which carries it already (an earlier request that timed out landed)".into()
                    } else {
                        "the subdomain is set already".into()
                    })
                } else {
                    Decision::Send(None)
                }
            }
            "POST" => Decision::Send(None),
            _ => {
                if let Some(failure) = self.region_mismatch(request, requests) {
                    return Decision::Fail(failure);
                }
                if let Some(name) = self.assigned_already(request, requests) {
                    return Decision::Skip(format!("the role is assigned already ({name})"));
                }
                if let Some(name) = self.linked_already(request, requests) {
                    return Decision::Skip(format!(
                        "the zone is linked to this virtual network already, as {name}"
                    ));
                }
                let exists = matches!(current, Some(Some(_)));
                if request.create_only && exists {
                    return Decision::Skip("exists already".into());
                }
                let Some(body) = &request.body else {
                    return Decision::Send(None);
                };
                // A guarded create (a PUT would replace what exists): the body as its note's
                // edit leaves it, sent only after its GET answered 404.
                if let Some(edited) = request.after_edit.clone() {
                    return match current {
                        Some(Some(_)) => Decision::Skip("exists already".into()),
                        Some(None) => Decision::Send(Some(edited)),
                        None => Decision::Fail(policy::needs_state(request)),
                    };
                }
                if let Some(computed) = self
                    .storage_acls_body(request)
                    .or_else(|| self.zone_group_keeping_zones(request))
                {
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
                if let Some(failure) = self.hub_locked_out_of_storage(request) {
                    return Decision::Fail(failure);
                }
                if request.refused_until_edited {
                    return Decision::Fail(policy::needs_state(request));
                }
                Decision::Send(None)
            }
        }
    }

    /// A role assignment PUT whose role the identity holds on that scope already, under any
    /// name (a script or the portal names it at random): the list read in the same step says.
    /// Returns the existing assignment's name.
    fn assigned_already(&self, request: &ArmRequest, requests: &[ArmRequest]) -> Option<String> {
        const ASSIGNMENTS: &str = "/providers/microsoft.authorization/roleassignments";
        let path = request.path.to_ascii_lowercase();
        let (scope, _) = path.split_once(&format!("{ASSIGNMENTS}/"))?;
        if request.method != "PUT" {
            return None;
        }
        let wanted = request.body.as_ref()?.get("properties")?;
        let text = |properties: &Value, key: &str| {
            properties
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let role_of = |properties: &Value| {
            let id = text(properties, "roleDefinitionId");
            id.rsplit('/').next().unwrap_or_default().to_owned()
        };
        let list = requests
            .iter()
            .find(|r| r.method == "GET" && r.path.to_ascii_lowercase().ends_with(ASSIGNMENTS))?;
        let listed = self
            .lookup(&list.path.to_ascii_lowercase())?
            .as_ref()?
            .get("value")?
            .as_array()?;
        listed
            .iter()
            .find(|assignment| {
                let have = &assignment["properties"];
                text(have, "principalId") == text(wanted, "principalId")
                    && role_of(have) == role_of(wanted)
                    && text(have, "scope") == scope
            })
            .map(|assignment| {
                let name = assignment.get("name").and_then(Value::as_str);
                format!("as {}", name.unwrap_or("another assignment"))
            })
    }

    /// A private endpoint goes in its virtual network's region: when the virtual network read
    /// in the same step is elsewhere, ARM would refuse the endpoint (or the form names the wrong
    /// region), so the run stops before sending it, as the scripts do. (The run normally stops
    /// earlier, when the first step reads the network: [`Self::vnet_elsewhere`].)
    fn region_mismatch(&self, request: &ArmRequest, requests: &[ArmRequest]) -> Option<Failure> {
        let path = request.path.to_ascii_lowercase();
        let (_, name) = path.split_once("/providers/microsoft.network/privateendpoints/")?;
        if request.method != "PUT" || name.contains('/') {
            return None;
        }
        let wanted = request.body.as_ref()?.get("location")?.as_str()?;
        let vnet = requests.iter().find(|r| {
            let p = r.path.to_ascii_lowercase();
            r.method == "GET" && p.contains("/virtualnetworks/") && !p.contains("/subnets/")
        })?;
        let actual = self.vnet_location(&vnet.path)?;
        let endpoint = request.path.rsplit('/').next().unwrap_or_default();
        (!same_region(wanted, actual)).then(|| {
            region_failure(
                endpoint,
                &vnet.path,
                wanted,
                actual,
                "Nothing was sent for it.",
            )
        })
    }

    /// Right after a virtual network is read: an endpoint to be created in it whose region is
    /// another (in its own step, that endpoint; in the resource-group check, which reads every
    /// network before anything changes, any endpoint still to come), so the run stops there.
    pub(super) fn vnet_elsewhere(&self, vnet_path: &str) -> Option<Failure> {
        let actual = self.vnet_location(vnet_path)?;
        let own_step = matches!(
            self.plan.steps[self.at.step].action,
            Action::PrivateEndpoint(EndpointAction::CreateEndpoint { .. })
        );
        let ahead = if own_step {
            &self.plan.steps[self.at.step..=self.at.step]
        } else {
            &self.plan.steps[self.at.step..]
        };
        let endpoint = ahead
            .iter()
            .filter_map(|step| match &step.action {
                Action::PrivateEndpoint(EndpointAction::CreateEndpoint { endpoint }) => {
                    Some(endpoint)
                }
                _ => None,
            })
            .filter(|e| e.subnet.vnet_id().eq_ignore_ascii_case(vnet_path))
            .find(|e| !same_region(&e.location, actual))?;
        let when = if own_step {
            "Nothing was sent for it."
        } else {
            "This is checked before anything changes: the run stops here."
        };
        Some(region_failure(
            &endpoint.name,
            vnet_path,
            &endpoint.location,
            actual,
            when,
        ))
    }

    fn vnet_location(&self, vnet_path: &str) -> Option<&str> {
        self.lookup(&vnet_path.to_ascii_lowercase())?
            .as_ref()?
            .get("location")?
            .as_str()
    }
}

/// Region names as ARM writes them ("westeurope") or shows them ("West Europe").
fn same_region(a: &str, b: &str) -> bool {
    a.replace(' ', "").eq_ignore_ascii_case(&b.replace(' ', ""))
}

/// The scripts' words, and what to do on this page.
fn region_failure(
    endpoint: &str,
    vnet_path: &str,
    wanted: &str,
    actual: &str,
    nothing: &str,
) -> Failure {
    let vnet = vnet_path.rsplit('/').next().unwrap_or_default();
    Failure {
        code: "VirtualNetworkRegionMismatch".into(),
        message: format!(
            "Private endpoint {endpoint}: the virtual network {vnet} is in {actual}, not in {wanted}: a private endpoint must be in its virtual network's region. {nothing}"
        ),
        advice: format!(
            "Set the endpoint's region to {actual} in the Private endpoints step (or choose a subnet in a virtual network in {wanted}), then Resume: it goes on from this step with the form as it is then, and the steps done already are not sent again."
        ),
    }
}

impl Executor {
    /// Closing a hub's default storage whose firewall, as read in the same step, lets neither
    /// trusted Azure services nor the workspace through: the hub would lose its storage, so the
    /// run stops before the PATCH, as the scripts do.
    fn hub_locked_out_of_storage(&self, request: &ArmRequest) -> Option<Failure> {
        let hub_id = hub_of_storage(self.plan.target(), LinkType::Storage)?;
        let closes_storage = request.method == "PATCH"
            && request
                .path
                .to_ascii_lowercase()
                .contains("/providers/microsoft.storage/storageaccounts/")
            && request
                .body
                .as_ref()
                .and_then(|b| b.pointer("/properties/publicNetworkAccess"))
                .is_some();
        if !closes_storage {
            return None;
        }
        let resource_id = &request.path;
        let storage = self.lookup(&request.path.to_ascii_lowercase())?.as_ref()?;
        (!hub_reaches_storage(storage, &hub_id)).then(|| Failure {
            code: "HubStorageFirewall".into(),
            message: format!(
                "{} Nothing was sent for it.",
                hub_storage_unreachable(resource_id, &hub_id)
            ),
            advice: format!(
                "In the storage account, {}, then Resume: it goes on from this step, and the endpoints made so far are kept.",
                hub_storage_remedy(resource_id, &hub_id, false)
            ),
        })
    }
}

pub(super) enum Decision {
    /// `Some(body)`: send this body instead of the plan's (the documented create edit, or the
    /// storage firewall computed from what was read).
    Send(Option<Value>),
    Skip(String),
    Fail(Failure),
}

/// Steps that only read: "done" every time they run.
pub(super) fn is_check(step: &Step) -> bool {
    match &step.action {
        Action::SelectSubscription
        | Action::CheckResourceGroups { .. }
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
