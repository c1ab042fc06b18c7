//! The resource groups the plan writes into besides the target's (which it verifies, or creates
//! when missing): the endpoints', the zones', the subnets', the storage account's, a hub's
//! dependent resources'. The plan never creates them, so each is checked before the first
//! change: a missing one stops the run at the start, naming the group and what needs it,
//! rather than after an irreversible step.

use super::{Action, ArmRequest, EndpointAction, Step};
use crate::api_versions;
use crate::config::Target;
use crate::subnet_id::SubnetId;

/// A resource group some steps write into, and what they put there.
#[derive(Clone, Debug, PartialEq)]
pub struct NeededGroup {
    pub subscription_id: String,
    pub name: String,
    /// What needs it (`private endpoint pe-1`, `private DNS zone privatelink.…`), once each.
    pub needed_for: Vec<String>,
}

impl NeededGroup {
    pub fn id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}",
            self.subscription_id, self.name
        )
    }

    /// What every output says when the group is missing.
    pub fn missing_message(&self) -> String {
        format!(
            "Resource group {} (subscription {}) does not exist; it is needed for {}. Nothing was changed: create the group, or correct the name in the wizard, then run this again.",
            self.name,
            self.subscription_id,
            self.needed_for.join(", "),
        )
    }
}

/// The check steps, to go right after the subscription is selected: one for the groups in the
/// target's Entra tenant, then one per subscription of another tenant (a token, or a sign-in,
/// is of one tenant).
pub(super) fn check_steps(target: &Target, steps: &[Step]) -> Vec<Step> {
    let mut sets: Vec<(Option<String>, Vec<NeededGroup>)> = Vec::new();
    for step in steps {
        for (subscription_id, name, what, tenant) in written_groups(&step.action) {
            let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
            if same(&subscription_id, &target.subscription_id)
                && same(&name, &target.resource_group)
            {
                continue;
            }
            // Another tenant's groups go in a step of their own, per subscription.
            let tenant = tenant.map(|t| format!("{t}|{}", subscription_id.to_ascii_lowercase()));
            let at = match sets.iter().position(|(t, _)| *t == tenant) {
                Some(at) => at,
                None => {
                    sets.push((tenant, Vec::new()));
                    sets.len() - 1
                }
            };
            let groups = &mut sets[at].1;
            let group = match groups
                .iter()
                .position(|g| same(&g.subscription_id, &subscription_id) && same(&g.name, &name))
            {
                Some(found) => &mut groups[found],
                None => {
                    groups.push(NeededGroup {
                        subscription_id,
                        name,
                        needed_for: Vec::new(),
                    });
                    groups.last_mut().expect("just pushed")
                }
            };
            if !group.needed_for.contains(&what) {
                group.needed_for.push(what);
            }
        }
    }
    sets.sort_by_key(|(tenant, _)| tenant.is_some());
    sets.into_iter()
        .map(|(tenant, groups)| {
            let tenant_id = tenant.and_then(|t| t.split('|').next().map(str::to_owned));
            let title = match &tenant_id {
                None => "Check that the resource groups exist".to_owned(),
                Some(t) => format!("Check that the resource groups in Entra tenant {t} exist"),
            };
            Step {
                title,
                why: "The plan writes into these groups but never creates them: a missing one stops the run here, before anything changes (the custom subdomain included).".into(),
                irreversible: false,
                action: Action::CheckResourceGroups { groups, tenant_id },
            }
        })
        .collect()
}

/// The groups a step writes into: subscription, group, what goes there, the Entra tenant when
/// it is another than the target's.
fn written_groups(action: &Action) -> Vec<(String, String, String, Option<String>)> {
    let subnet = |s: &SubnetId, tenant: &Option<String>| {
        (
            s.subscription_id.clone(),
            s.resource_group.clone(),
            format!("virtual network {} (subnet {})", s.vnet, s.subnet),
            tenant.clone(),
        )
    };
    let of_id = |id: &str, what: String| {
        let parts: Vec<&str> = id.split('/').collect();
        match (parts.get(2), parts.get(4)) {
            (Some(sub), Some(group)) if !sub.is_empty() && !group.is_empty() => {
                vec![((*sub).to_owned(), (*group).to_owned(), what, None)]
            }
            _ => Vec::new(),
        }
    };
    match action {
        Action::EnableServiceEndpoint {
            subnet: s,
            tenant_id,
        } => vec![subnet(s, tenant_id)],
        Action::AssignStorageRole { storage } | Action::HardenStorage { storage } => vec![(
            storage.subscription_id.clone(),
            storage.resource_group.clone(),
            format!("storage account {}", storage.name),
            None,
        )],
        Action::PrivateEndpoint(action) => match action {
            EndpointAction::DisableNetworkPolicies {
                subnet: s,
                tenant_id,
            } => vec![subnet(s, tenant_id)],
            EndpointAction::CreateZone { zone } => {
                of_id(&zone.id, format!("private DNS zone {}", zone.name))
            }
            EndpointAction::CreateEndpoint { endpoint } => vec![(
                endpoint.subscription_id().to_owned(),
                endpoint.resource_group.clone(),
                format!("private endpoint {}", endpoint.name),
                endpoint.tenant_id.clone(),
            )],
            EndpointAction::AttachZoneGroup { endpoint } => endpoint
                .zones
                .iter()
                .flat_map(|zone| of_id(&zone.id, format!("private DNS zone {}", zone.name)))
                .collect(),
            EndpointAction::CloseDependentPublicAccess { resource_id, .. } => of_id(
                resource_id,
                format!(
                    "{} (its public access is closed)",
                    crate::private_endpoints::resource_name_of(resource_id)
                ),
            ),
            // Zones and links share the zone's group (CreateZone names it); a removal of an
            // endpoint whose group is gone has nothing to remove; the rest only read or print.
            EndpointAction::LinkZone { .. }
            | EndpointAction::DeleteEndpoint { .. }
            | EndpointAction::ShowDnsRecords { .. }
            | EndpointAction::ClientGuidance { .. } => Vec::new(),
        },
        // The target's own group (verified, or created with the account), subscription-level
        // writes, and reads.
        Action::SelectSubscription
        | Action::CheckResourceGroups { .. }
        | Action::VerifyResource
        | Action::CreateAccount { .. }
        | Action::SetCustomSubdomain { .. }
        | Action::RegisterResourceProvider { .. }
        | Action::MergeNetworkRules { .. }
        | Action::SetDefaultAction { .. }
        | Action::SetPublicNetworkAccess { .. }
        | Action::EndpointConnection(_)
        | Action::VerifyUserOwnedStorage { .. } => Vec::new(),
    }
}

/// One read per group: 200 goes on, 404 stops.
pub(super) fn requests(groups: &[NeededGroup]) -> Vec<ArmRequest> {
    groups
        .iter()
        .map(|group| {
            ArmRequest::new("GET", group.id(), api_versions::RESOURCES).note(format!(
                "Expect 200. 404: stop, and send nothing after this: {}",
                group.missing_message()
            ))
        })
        .collect()
}
