//! Config → an ordered plan. The order is the safety: nobody is locked out midway.
//!
//! subscription → resource (verify or create) → custom subdomain → provider registration →
//! service endpoints → allow rules (default action unchanged) → default action → public access.
//! With bring your own storage (storage.rs): the account is created with its identity and
//! storage, its identity gets the storage role right after, the storage account is hardened
//! (optional), and the very last step reads it all back.

pub mod close_guard;
mod resource_groups;
pub mod storage;

mod lowering;
mod private_endpoints;

pub use lowering::{connection_description, connection_id, subdomain_availability, ArmRequest};

pub use super::arm_values::{bypass_name, default_action_name, public_access_name};
pub use super::request_bodies::AllowedSubnet;
pub use private_endpoints::{
    endpoint_body, hub_of_storage, hub_reaches_storage, hub_storage_remedy,
    hub_storage_unreachable, link_name, zone_group_body, EndpointAction, AZURE_DNS,
    DEFAULT_ZONE_GROUP,
};
pub use private_endpoints::{own_dns_lines, record_zones_json, HUB_REGISTRY_IMAGE_BUILDS};
pub use resource_groups::NeededGroup;

use super::api_versions;
use super::config::{
    Config, ConnectionChange, ExactLists, NetworkRules, Removals, Resource, Target,
};
use super::draft::{Bypass, DefaultAction, Existence, PublicNetworkAccess};
use super::ip_rules::IpRule;
use super::request_bodies::{self, WantedRules};
use super::storage_account_id::StorageAccountId;
use super::subnet_id::SubnetId;

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub config: Config,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: String,
    /// Why this step exists and why here, for the comment above it.
    pub why: String,
    /// Cannot be undone: the renderers put a warning above it.
    pub irreversible: bool,
    pub action: Action,
}

/// What a step does. Every renderer matches this exhaustively.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select the cloud and subscription the rest runs in.
    SelectSubscription,
    /// Stop unless these resource groups exist (the groups the plan writes into besides the
    /// target's), before anything changes; `tenant_id` when they are of another Entra tenant.
    CheckResourceGroups {
        groups: Vec<NeededGroup>,
        tenant_id: Option<String>,
    },
    /// Stop unless the target exists (and, for accounts, report its kind).
    VerifyResource,
    /// Create the resource group when missing, then the account when missing; with a custom
    /// subdomain, check its availability first.
    CreateAccount {
        kind: &'static str,
        sku: String,
        custom_subdomain: Option<String>,
        /// Bring your own storage: created with a system-assigned identity and this storage.
        storage: Option<StorageAccountId>,
    },
    /// Set the custom subdomain unless already set; stop if another one is set or it is taken.
    SetCustomSubdomain {
        subdomain: String,
    },
    /// Register Microsoft.CognitiveServices in a subscription that holds allowed subnets.
    RegisterResourceProvider {
        subscription_id: String,
    },
    /// Add Microsoft.CognitiveServices to a subnet's service endpoints, keeping the others.
    EnableServiceEndpoint {
        subnet: SubnetId,
        /// The subnet's tenant when it is not the account's.
        tenant_id: Option<String>,
    },
    /// Merge these rules into the account's networkAcls, keeping its current default action.
    MergeNetworkRules {
        ip_rules: Vec<IpRule>,
        subnets: Vec<AllowedSubnet>,
        bypass: Option<Bypass>,
        /// Lists made exactly as given: the rules not listed are named, then removed.
        exact: ExactLists,
        /// Single rules named for removal (lists added to): named, then removed.
        removals: Removals,
    },
    SetDefaultAction {
        action: DefaultAction,
    },
    SetPublicNetworkAccess {
        access: PublicNetworkAccess,
    },
    /// The Private endpoints step's actions (plan/private_endpoints.rs).
    PrivateEndpoint(EndpointAction),
    /// Approve, reject or delete a private endpoint connection on the resource (another team's
    /// endpoint), unless it is in that state already.
    EndpointConnection(ConnectionChange),
    // ---- Bring your own storage (storage.rs) ----
    /// Give the account's managed identity "Storage Blob Data Contributor" on the storage
    /// account unless it has it, retrying while a new identity propagates.
    AssignStorageRole {
        storage: StorageAccountId,
    },
    /// Switch off shared-key and anonymous blob access, let the account through the storage
    /// firewall (resource-instance rule), then set the storage default action to Deny, keeping
    /// the storage account's other rules.
    HardenStorage {
        storage: StorageAccountId,
    },
    /// Read back the account's userOwnedStorage and the role assignment, and report them.
    VerifyUserOwnedStorage {
        storage: StorageAccountId,
    },
}

impl Action {
    /// The subnet a step writes back whole (a subnet has no PATCH), so its current settings
    /// make the request exact.
    pub fn rewritten_subnet(&self) -> Option<&SubnetId> {
        match self {
            Action::EnableServiceEndpoint { subnet, .. }
            | Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { subnet, .. }) => {
                Some(subnet)
            }
            _ => None,
        }
    }

    /// After this write only the allowed clients get in (default action Deny), or only private
    /// endpoints (public access Disabled): every other client is refused from then on.
    pub fn cuts_clients_off(&self) -> bool {
        matches!(
            self,
            Action::SetDefaultAction {
                action: DefaultAction::Deny
            } | Action::SetPublicNetworkAccess {
                access: PublicNetworkAccess::Disabled
            }
        )
    }
}

impl Step {
    /// What cannot be undone, for the warning above an irreversible step.
    pub fn irreversibility(&self) -> String {
        match &self.action {
            Action::CreateAccount {
                storage: Some(_),
                custom_subdomain,
                ..
            } => {
                let domain = if custom_subdomain.is_some() {
                    "the custom subdomain can never be changed or removed, "
                } else {
                    ""
                };
                format!("{domain}the storage account (BYOS) can never be changed, and the account can never stop using it; the only way back is a new resource.")
            }
            Action::EndpointConnection(_) => "a deleted connection cannot be restored: the endpoint's owner must request a new one, and until it is approved that endpoint no longer reaches the account.".into(),
            _ => "the custom subdomain can never be changed or removed; the only way back is a new resource.".into(),
        }
    }
}

impl Plan {
    /// The tags the scripts put on what the plan creates: empty when it creates nothing that
    /// takes them (the account, private endpoints, private DNS zones and their links).
    pub fn creation_tags(&self) -> &[crate::config::Tag] {
        let creates = self.steps.iter().any(|s| {
            matches!(
                s.action,
                Action::CreateAccount { .. }
                    | Action::PrivateEndpoint(
                        EndpointAction::CreateZone { .. }
                            | EndpointAction::LinkZone { .. }
                            | EndpointAction::CreateEndpoint { .. }
                    )
            )
        });
        if creates {
            &self.config.tags
        } else {
            &[]
        }
    }

    /// The tags as ARM's `tags` object, or `None` when there are none.
    pub fn tags_object(&self) -> Option<serde_json::Value> {
        let tags = self.creation_tags();
        (!tags.is_empty()).then(|| {
            serde_json::Value::Object(
                tags.iter()
                    .map(|t| (t.name.clone(), serde_json::Value::from(t.value.as_str())))
                    .collect(),
            )
        })
    }

    /// What clients change once the plan has run (the hosts to call, the name checks to make
    /// from inside the network), as the scripts' last step prints it; empty when nothing.
    pub fn client_changes(&self) -> Vec<String> {
        self.steps
            .iter()
            .flat_map(|s| match &s.action {
                Action::PrivateEndpoint(EndpointAction::ClientGuidance { lines }) => lines.clone(),
                _ => Vec::new(),
            })
            .collect()
    }
}

pub fn plan(config: &Config) -> Plan {
    let target = &config.target;
    let mut steps = vec![Step {
        title: "Select the subscription".into(),
        why: "Every later command runs in this cloud and subscription.".into(),
        irreversible: false,
        action: Action::SelectSubscription,
    }];

    let creating = target.existence == Existence::Create;
    match (&target.resource, creating) {
        (Resource::CognitiveServices { kind, sku, .. }, true) => steps.push(Step {
            title: "Create the account unless it exists".into(),
            why: storage::creation_why(config),
            irreversible: config.custom_domain.is_some() || config.storage.is_some(),
            action: Action::CreateAccount {
                kind: kind.id,
                sku: sku.clone(),
                custom_subdomain: config.custom_domain.as_ref().map(|d| d.subdomain.clone()),
                storage: config.storage.as_ref().map(|s| s.account.clone()),
            },
        }),
        _ => steps.push(Step {
            title: "Check that the resource exists".into(),
            why: "Stop before changing anything if the name, group or subscription is wrong."
                .into(),
            irreversible: false,
            action: Action::VerifyResource,
        }),
    }

    if let (Some(domain), false) = (&config.custom_domain, creating) {
        steps.push(Step {
            title: "Set the custom subdomain".into(),
            why: format!(
                "Network rules and private endpoints need the custom subdomain: clients in a virtual network must call {}. If the resource holds many custom models or projects, try this on a copy first.",
                target.cloud.custom_subdomain_endpoint(&domain.subdomain)
            ),
            irreversible: true,
            action: Action::SetCustomSubdomain { subdomain: domain.subdomain.clone() },
        });
    }

    if let Some(byos) = &config.storage {
        storage::push_storage_steps(byos, &mut steps);
    }
    if let Some(network) = &config.network {
        push_network_steps(target, network, &mut steps);
    }
    if let Some(endpoints) = &config.private_endpoints {
        push_private_endpoint_steps(config, endpoints, &mut steps);
    }
    steps.extend(config.endpoint_connections.iter().map(connection_step));
    // Last: everything else is in place by now, so what it reads back is the final state.
    if let Some(byos) = &config.storage {
        storage::push_storage_verification(byos, &mut steps);
    }
    // Right after the subscription: before the first change, irreversible ones included.
    let checks = resource_groups::check_steps(target, &steps);
    steps.splice(1..1, checks);
    Plan {
        config: config.clone(),
        steps,
    }
}

/// Endpoints and DNS go in before the network's default action and public access (nobody is
/// locked out midway); closing public access comes after them; reopening comes before removals.
fn push_private_endpoint_steps(
    config: &Config,
    endpoints: &crate::private_endpoints::config::PrivateEndpoints,
    steps: &mut Vec<Step>,
) {
    let at = steps
        .iter()
        .position(|s| matches!(s.action, Action::SetDefaultAction { .. }))
        .unwrap_or(steps.len());
    steps.splice(at..at, private_endpoints::creation_steps(config, endpoints));
    let network_access = config.network.as_ref().map(|n| n.public_network_access);
    if endpoints.close_public_access && network_access.is_none() {
        steps.push(Step {
            title: "Set public network access to Disabled".into(),
            why: with_closing_warning(&config.target, "Last, once the endpoints and their DNS are in place: from now on only private endpoints reach the resource."),
            irreversible: false,
            action: Action::SetPublicNetworkAccess { access: PublicNetworkAccess::Disabled },
        });
    }
    if endpoints.close_public_access {
        steps.extend(private_endpoints::dependent_closing_steps(
            config, endpoints,
        ));
    }
    if endpoints.reopen_public_access && network_access.is_none() {
        steps.push(Step {
            title: "Set public network access to Enabled".into(),
            why: "Before any endpoint is removed, so clients can switch to the public endpoint (its firewall rules still apply). Enabling public access keeps the other private endpoints.".into(),
            irreversible: false,
            action: Action::SetPublicNetworkAccess { access: PublicNetworkAccess::Enabled },
        });
    }
    steps.extend(private_endpoints::removal_steps(config, endpoints));
}

/// A decision on another team's endpoint: after the firewall and the endpoints, so nothing
/// this plan sets up depends on it.
fn connection_step(change: &ConnectionChange) -> Step {
    use super::draft::ConnectionDecision;
    let endpoint = change
        .private_endpoint_id
        .as_deref()
        .map(|id| format!(" {id}"))
        .unwrap_or_default();
    let (title, why) = match change.decision {
        ConnectionDecision::Approve => ("Approve", format!("The endpoint{endpoint} reaches the account once its connection is approved. Skipped when it is Approved already.")),
        ConnectionDecision::Reject => ("Reject", format!("The endpoint{endpoint} no longer reaches the account; the connection stays, marked Rejected. Skipped when it is Rejected already.")),
        ConnectionDecision::Delete => ("DELETE", format!("DESTRUCTIVE: the connection is removed and the endpoint{endpoint} no longer reaches the account; its owner must request a new connection. Skipped when it is gone already.")),
    };
    Step {
        title: format!("{title} private endpoint connection {}", change.name),
        why,
        irreversible: change.decision == ConnectionDecision::Delete,
        action: Action::EndpointConnection(change.clone()),
    }
}

fn push_network_steps(target: &Target, network: &NetworkRules, steps: &mut Vec<Step>) {
    let mut registered: Vec<&str> = Vec::new();
    for rule in &network.vnet_rules {
        let sub = rule.subnet.subscription_id.as_str();
        if !sub.eq_ignore_ascii_case(&target.subscription_id) && !registered.contains(&sub) {
            registered.push(sub);
            steps.push(Step {
                title: format!("Register Microsoft.CognitiveServices in subscription {sub}"),
                why: "A subnet in another subscription can only be allowed when that subscription has the Microsoft.CognitiveServices resource provider registered.".into(),
                irreversible: false,
                action: Action::RegisterResourceProvider { subscription_id: sub.to_owned() },
            });
        }
    }
    for rule in network
        .vnet_rules
        .iter()
        .filter(|r| r.enable_service_endpoint)
    {
        steps.push(Step {
            title: format!("Enable the Microsoft.CognitiveServices service endpoint on subnet {}", rule.subnet.subnet),
            why: "Requests from a subnet carry its identity only through the service endpoint. The subnet's other endpoints and settings are kept.".into(),
            irreversible: false,
            action: Action::EnableServiceEndpoint {
                subnet: rule.subnet.clone(),
                tenant_id: rule.tenant_id.clone(),
            },
        });
    }
    if !network.ip_rules.is_empty()
        || !network.vnet_rules.is_empty()
        || network.bypass.is_some()
        || network.exact.any()
        || !network.removals.is_empty()
    {
        let (removed, kept) = match (network.exact.ip_rules, network.exact.subnets) {
            (true, true) => ("IP and virtual-network rules", ""),
            (true, false) => ("IP rules", "; the virtual-network rules are kept"),
            (false, true) => ("virtual-network rules", "; the IP rules are kept"),
            (false, false) => ("", ""),
        };
        let (title, why) = if removed.is_empty() && !network.removals.is_empty() {
            ("Add the allow rules and remove the named ones (default action unchanged)".to_owned(), "The rules named for removal are named, then removed if the account has them; the others are kept and the allow rules added when missing, in one write of the complete networkAcls, before the default action changes. Running it again changes nothing.".to_owned())
        } else if removed.is_empty() {
            ("Add the allow rules (default action unchanged)".to_owned(), "Allow rules go in before the default action becomes Deny, so no allowed client is cut off in between. Existing rules are kept: the complete networkAcls object is read, merged and written back.".to_owned())
        } else {
            (format!("Make the {removed} exactly the listed ones (default action unchanged)"), format!("{}{} that are not listed are named, then removed; the listed ones are added when missing{kept}. This happens before the default action changes, so nobody listed is cut off in between. Running it again changes nothing.", removed[..1].to_ascii_uppercase(), &removed[1..]))
        };
        steps.push(Step {
            title,
            why,
            irreversible: false,
            action: Action::MergeNetworkRules {
                ip_rules: network.ip_rules.clone(),
                subnets: network
                    .vnet_rules
                    .iter()
                    .map(AllowedSubnet::from_rule)
                    .collect(),
                bypass: network.bypass,
                exact: network.exact,
                removals: network.removals.clone(),
            },
        });
    }
    steps.push(Step {
        title: format!("Set the default action to {}", default_action_name(network.default_action)),
        why: match network.default_action {
            DefaultAction::Deny if network.ip_rules.is_empty() && network.vnet_rules.is_empty() => with_closing_warning(target, "WARNING: with no allow rules, Deny blocks everyone on the public endpoint: apps, the portal's data views, monitoring and other Azure services. Only private endpoints (and trusted services, if bypassed) still reach the account."),
            DefaultAction::Deny => with_closing_warning(target, "Deny is what makes the rules matter: only the allowed addresses and subnets (and private endpoints) get in. The portal's data views, monitoring and other Azure services are blocked too unless allowed."),
            DefaultAction::Allow => "Allow lets every network in; the rules are kept but have no effect.".into(),
        },
        irreversible: false,
        action: Action::SetDefaultAction { action: network.default_action },
    });
    steps.push(Step {
        title: format!("Set public network access to {}", public_access_name(network.public_network_access)),
        why: match network.public_network_access {
            PublicNetworkAccess::Disabled => with_closing_warning(target, "Last, once everything else is in place: with public access disabled only private endpoints reach the account, whatever the rules say."),
            PublicNetworkAccess::Enabled => "Public access stays enabled, so the firewall rules above decide who gets in.".into(),
        },
        irreversible: false,
        action: Action::SetPublicNetworkAccess { access: network.public_network_access },
    });
}

/// A closing step's reason, with what the target's kind loses when it closes (Speech tokens,
/// Translator's global endpoint).
fn with_closing_warning(target: &Target, why: &str) -> String {
    match private_endpoints::closing_warning(target) {
        Some(warning) => format!("{why} {warning}"),
        None => why.to_owned(),
    }
}

static NO_REMOVALS: Removals = Removals {
    ip_rules: Vec::new(),
    subnets: Vec::new(),
};
