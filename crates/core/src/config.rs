//! The validated configuration: once one exists, its fields are the right types.

use super::cloud::Cloud;
use super::current_state::CurrentState;
use super::draft::{Bypass, ConnectionDecision, DefaultAction, Existence, PublicNetworkAccess};
use super::ip_rules::IpRule;
use super::private_endpoints::config::PrivateEndpoints;
use super::resource_kinds::{KindInfo, ResourceType};
use super::storage_account_id::StorageAccountId;
use super::subnet_id::SubnetId;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub target: Target,
    /// Present when the custom-subdomain step is included.
    pub custom_domain: Option<CustomDomain>,
    /// Present when the network-rules step is included.
    pub network: Option<NetworkRules>,
    /// Present when the new account keeps its data in the customer's storage (BYOS).
    pub storage: Option<UserOwnedStorage>,
    /// What ARM said before the plan runs, when imported.
    pub current_state: Option<CurrentState>,
    /// Present when the Private endpoints step is included.
    pub private_endpoints: Option<PrivateEndpoints>,
    /// Decisions on private endpoint connections of the account (other teams' endpoints).
    pub endpoint_connections: Vec<ConnectionChange>,
    /// Put on every resource the plan creates, in the order typed.
    pub tags: Vec<Tag>,
}

/// One tag: a name unique in the list (Azure compares names without case) and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub value: String,
}

/// Approve, reject or delete one private endpoint connection, from the resource's side.
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectionChange {
    /// The connection's name on the account (its ID's last segment).
    pub name: String,
    pub decision: ConnectionDecision,
    /// The endpoint it connects, when the snapshot lists the connection.
    pub private_endpoint_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub cloud: Cloud,
    /// Lowercase GUID.
    pub subscription_id: String,
    pub resource_group: String,
    pub resource: Resource,
    pub region: String,
    pub existence: Existence,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Resource {
    CognitiveServices {
        kind: &'static KindInfo,
        sku: String,
        name: String,
    },
    MlHub {
        name: String,
    },
    MediaServices {
        name: String,
    },
}

impl Resource {
    pub fn name(&self) -> &str {
        match self {
            Resource::CognitiveServices { name, .. }
            | Resource::MlHub { name }
            | Resource::MediaServices { name } => name,
        }
    }

    pub fn resource_type(&self) -> ResourceType {
        match self {
            Resource::CognitiveServices { .. } => ResourceType::CognitiveServices,
            Resource::MlHub { .. } => ResourceType::MlHub,
            Resource::MediaServices { .. } => ResourceType::MediaServices,
        }
    }
}

impl Target {
    /// The target's ARM resource ID.
    pub fn resource_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/{}/{}",
            self.subscription_id,
            self.resource_group,
            self.resource.resource_type().arm_type(),
            self.resource.name()
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CustomDomain {
    /// Lowercase: custom subdomains are case-insensitive.
    pub subdomain: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkRules {
    pub public_network_access: PublicNetworkAccess,
    pub default_action: DefaultAction,
    /// `None` when the kind does not accept a bypass setting (it is then left as it is).
    pub bypass: Option<Bypass>,
    /// Deduplicated, in the order typed.
    pub ip_rules: Vec<IpRule>,
    pub vnet_rules: Vec<VnetRule>,
    /// Which rule lists are to be made exactly as listed (the others are added to).
    pub exact: ExactLists,
    /// Single rules to remove from a list that is added to (not exact).
    pub removals: Removals,
}

/// Rules named for removal: each is named by the scripts, then removed if the account has it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removals {
    pub ip_rules: Vec<IpRule>,
    pub subnets: Vec<SubnetId>,
}

impl Removals {
    pub fn is_empty(&self) -> bool {
        self.ip_rules.is_empty() && self.subnets.is_empty()
    }
}

/// "Make it exactly this list" per rule list: rules not listed are removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExactLists {
    pub ip_rules: bool,
    pub subnets: bool,
}

impl ExactLists {
    pub fn any(self) -> bool {
        self.ip_rules || self.subnets
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct VnetRule {
    pub subnet: SubnetId,
    /// The subnet's Entra tenant when it is not the account's.
    pub tenant_id: Option<String>,
    pub enable_service_endpoint: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UserOwnedStorage {
    pub account: StorageAccountId,
    /// Lock the storage account down for speech-to-text as well.
    pub harden: bool,
}
