//! The form state exactly as typed. The UI writes here; the configuration file and local
//! storage round-trip it (as JSON: see `draft_json`). Nothing here is validated: see `validate`.

// The form's choices of ARM values and of subnet input live in leaf modules; they are named
// here too, as part of the form.
pub use super::arm_values::{Bypass, ConnectionDecision, DefaultAction, PublicNetworkAccess};
pub use super::subnet_id::SubnetInput;

use super::cloud::Cloud;
use super::current_state::CurrentStateDraft;
use super::private_endpoints::draft::PrivateEndpointsDraft;
use super::resource_kinds::ResourceType;
use super::storage_draft::StorageDraft;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub target: TargetDraft,
    pub custom_domain: CustomDomainDraft,
    pub network: NetworkDraft,
    pub storage: StorageDraft,
    /// What ARM said about the resource, when imported: makes the REST requests exact.
    /// Left out of the file when absent, so files without it read and write as before.
    pub current_state: Option<CurrentStateDraft>,
    pub private_endpoints: PrivateEndpointsDraft,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Existence {
    #[default]
    Existing,
    Create,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetDraft {
    pub cloud: Cloud,
    pub subscription_id: String,
    pub resource_group: String,
    pub resource_type: ResourceType,
    /// Cognitive Services `kind` (ignored for other resource types).
    pub kind: String,
    pub sku: String,
    pub name: String,
    pub region: String,
    pub existence: Existence,
    /// `name=value`, one per entry: tags on every resource the wizard creates (an Azure
    /// Policy that requires tags denies a resource created without them).
    pub tags: Vec<String>,
}

impl Default for TargetDraft {
    fn default() -> Self {
        TargetDraft {
            cloud: Cloud::AzureCloud,
            subscription_id: String::new(),
            resource_group: String::new(),
            resource_type: ResourceType::CognitiveServices,
            kind: "SpeechServices".into(),
            sku: "S0".into(),
            name: String::new(),
            region: String::new(),
            existence: Existence::Existing,
            tags: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CustomDomainDraft {
    /// Include the custom-subdomain step in the outputs.
    pub enabled: bool,
    pub subdomain: String,
    /// For an existing resource: the person ticked "I understand this cannot be undone".
    pub acknowledge_irreversible: bool,
}

impl Default for CustomDomainDraft {
    fn default() -> Self {
        CustomDomainDraft {
            enabled: true,
            subdomain: String::new(),
            acknowledge_irreversible: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkDraft {
    /// Include the network-rules step in the outputs. Off in a new draft, so the first plan
    /// changes no firewall; a `network` section in a file that leaves it out means it is on.
    pub enabled: bool,
    pub public_network_access: PublicNetworkAccess,
    pub default_action: DefaultAction,
    pub bypass: Bypass,
    /// One IPv4 address or CIDR range per entry.
    pub ip_rules: Vec<String>,
    pub vnet_rules: Vec<VnetRuleDraft>,
    /// "Make it exactly this list": IP rules not listed are removed (off: add to what is there).
    pub ip_rules_exact: bool,
    /// The same for virtual-network rules.
    pub vnet_rules_exact: bool,
    /// The person ticked "I accept that nothing can reach the account": a plan that blocks all
    /// access (see `validate::network`) is then a warning instead of an error.
    pub accept_no_access: bool,
    /// IP rules to remove from the account while adding to what is there (not an exact list).
    pub remove_ip_rules: Vec<String>,
    /// Subnet resource IDs whose virtual-network rules are to be removed, the same way.
    pub remove_vnet_rules: Vec<String>,
    /// What to do with private endpoint connections on the account (other teams' endpoints):
    /// one line per connection, "approve NAME", "reject NAME" or "delete NAME". Applies whether
    /// or not the firewall part of the step is included.
    pub endpoint_connections: Vec<String>,
    /// The person ticked "I understand that a deleted connection cannot be restored".
    pub acknowledge_connection_delete: bool,
}

impl Default for NetworkDraft {
    fn default() -> Self {
        NetworkDraft {
            enabled: false,
            public_network_access: PublicNetworkAccess::Enabled,
            default_action: DefaultAction::Deny,
            bypass: Bypass::None,
            ip_rules: Vec::new(),
            vnet_rules: Vec::new(),
            ip_rules_exact: false,
            vnet_rules_exact: false,
            accept_no_access: false,
            remove_ip_rules: Vec::new(),
            remove_vnet_rules: Vec::new(),
            endpoint_connections: Vec::new(),
            acknowledge_connection_delete: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct VnetRuleDraft {
    pub input: SubnetInput,
    pub subnet_id: String,
    /// Empty means the target's subscription.
    pub subscription_id: String,
    pub resource_group: String,
    pub vnet: String,
    pub subnet: String,
    /// Entra tenant of the subnet when it is not the account's tenant (empty: same tenant).
    pub tenant_id: String,
    /// Add the Microsoft.CognitiveServices service endpoint to the subnet (keeping the others).
    pub enable_service_endpoint: bool,
}

impl Default for VnetRuleDraft {
    fn default() -> Self {
        VnetRuleDraft {
            input: SubnetInput::ResourceId,
            subnet_id: String::new(),
            subscription_id: String::new(),
            resource_group: String::new(),
            vnet: String::new(),
            subnet: String::new(),
            tenant_id: String::new(),
            enable_service_endpoint: true,
        }
    }
}

/// Splits a pasted block of addresses (one per line, or separated by commas, semicolons or
/// whitespace) into entries, dropping empty pieces.
pub fn split_pasted_addresses(block: &str) -> Vec<String> {
    block
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Draft {
    /// The draft carries what the account's network settings were (a snapshot), so a rollback
    /// to them can be made.
    pub fn has_way_back(&self) -> bool {
        self.current_state
            .as_ref()
            .is_some_and(|s| s.account.is_some())
    }

    /// Applies a one-click fix from a diagnostic: a list entry (`network.ip_rules.N`) is
    /// replaced by `replacement` (several entries, or none to remove it); an endpoint's
    /// sub-resource (`private_endpoints.endpoints.N.group_id`) gets a copy of its endpoint for
    /// each sub-resource in `replacement`, right after it; a text field takes the single
    /// replacement value. Returns false, leaving the draft unchanged, for any other field.
    pub fn apply_fix(&mut self, field: &str, replacement: &[String]) -> bool {
        if field == "network.ip_rules" {
            // The whole list at once: neighbouring ranges merged (validate/network.rs).
            if replacement.is_empty() {
                return false;
            }
            self.network.ip_rules = replacement.to_vec();
            return true;
        }
        if let Some(index) = field
            .strip_prefix("network.ip_rules.")
            .and_then(|i| i.parse::<usize>().ok())
        {
            if index >= self.network.ip_rules.len() {
                return false;
            }
            self.network
                .ip_rules
                .splice(index..=index, replacement.iter().cloned());
            return true;
        }
        if let Some(index) = field
            .strip_prefix("private_endpoints.endpoints.")
            .and_then(|rest| rest.strip_suffix(".group_id"))
            .and_then(|i| i.parse::<usize>().ok())
        {
            // A hub's storage endpoint lacking a sibling (blob and file are both needed): a
            // copy of the entry per sub-resource named, with derived names.
            let Some(entry) = self.private_endpoints.endpoints.get(index) else {
                return false;
            };
            if replacement.is_empty() {
                return false;
            }
            let added: Vec<_> = replacement
                .iter()
                .map(|group_id| crate::private_endpoints::draft::EndpointDraft {
                    group_id: group_id.clone(),
                    name: String::new(),
                    connection_name: String::new(),
                    ..entry.clone()
                })
                .collect();
            self.private_endpoints
                .endpoints
                .splice(index + 1..index + 1, added);
            return true;
        }
        if field == "private_endpoints.custom_domain" {
            // An endpoint on an account needs a custom subdomain: include that step with it.
            let [subdomain] = replacement else {
                return false;
            };
            self.custom_domain.enabled = true;
            self.custom_domain.subdomain = subdomain.clone();
            return true;
        }
        // Whole steps and cross-step settings: the flag or choice the replacement names.
        let [value] = replacement else {
            return false;
        };
        match (field, value.as_str()) {
            // A new account left open to every network: include the Network rules step.
            ("network.enabled", "true") => {
                self.network.enabled = true;
                return true;
            }
            // Bring your own storage where it cannot be: leave the step out.
            ("storage.enabled", "false") => {
                self.storage.enabled = false;
                return true;
            }
            // Closing waits for a later run (own DNS servers on a hub): untick it.
            ("private_endpoints.close_public_access", "false") => {
                self.private_endpoints.close_public_access = false;
                return true;
            }
            // Closing or reopening public access while the Network rules step says the
            // opposite: the Network rules step follows.
            ("private_endpoints.close_public_access", "Disabled") => {
                self.network.public_network_access = PublicNetworkAccess::Disabled;
                return true;
            }
            ("private_endpoints.reopen_public_access", "Enabled") => {
                self.network.public_network_access = PublicNetworkAccess::Enabled;
                return true;
            }
            _ => {}
        }
        // A row's subnet ID (network.vnet_rules.N.subnet_id, private_endpoints.endpoints.N.subnet_id).
        let row_subnet = |prefix: &str| {
            field
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(".subnet_id"))
                .and_then(|i| i.parse::<usize>().ok())
        };
        let text_field = match field {
            "custom_domain.subdomain" => &mut self.custom_domain.subdomain,
            "storage.storage_account_id" => &mut self.storage.storage_account_id,
            "target.region" => &mut self.target.region,
            _ => match (
                row_subnet("network.vnet_rules."),
                row_subnet("private_endpoints.endpoints."),
            ) {
                (Some(i), _) => match self.network.vnet_rules.get_mut(i) {
                    Some(rule) => &mut rule.subnet_id,
                    None => return false,
                },
                (_, Some(i)) => match self.private_endpoints.endpoints.get_mut(i) {
                    Some(endpoint) => &mut endpoint.subnet_id,
                    None => return false,
                },
                _ => return false,
            },
        };
        *text_field = value.clone();
        true
    }
}
