//! Private endpoints and private DNS: what can be linked, with which sub-resources (group IDs)
//! and which private DNS zones, per cloud. One table each; the validator, the plan and the UI
//! read them.

pub mod config;
pub mod draft;
pub mod zones;

use super::resource_kinds::ResourceType;

/// What an endpoint of the step connects to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkService {
    /// The wizard's target (account, hub or Media Services account).
    #[default]
    Target,
    /// An AI Studio hub's dependent resources (seed 003), given by resource ID.
    Storage,
    KeyVault,
    ContainerRegistry,
    Search,
    /// The AI services account connected to a hub.
    AiServices,
}

impl LinkService {
    pub const ALL: [LinkService; 6] = [
        LinkService::Target,
        LinkService::Storage,
        LinkService::KeyVault,
        LinkService::ContainerRegistry,
        LinkService::Search,
        LinkService::AiServices,
    ];

    /// The hub's dependent resources: offered when the target is a hub.
    pub const HUB_DEPENDENTS: [LinkService; 5] = [
        LinkService::Storage,
        LinkService::KeyVault,
        LinkService::ContainerRegistry,
        LinkService::Search,
        LinkService::AiServices,
    ];

    pub fn id(self) -> &'static str {
        match self {
            LinkService::Target => "target",
            LinkService::Storage => "storage",
            LinkService::KeyVault => "key_vault",
            LinkService::ContainerRegistry => "container_registry",
            LinkService::Search => "search",
            LinkService::AiServices => "ai_services",
        }
    }

    pub fn from_id(id: &str) -> Option<LinkService> {
        LinkService::ALL.into_iter().find(|s| s.id() == id)
    }

    /// What the resource is called in messages.
    pub fn label_noun(self) -> &'static str {
        match self {
            LinkService::Target => "resource",
            LinkService::Storage => "storage account",
            LinkService::KeyVault => "key vault",
            LinkService::ContainerRegistry => "container registry",
            LinkService::Search => "AI Search service",
            LinkService::AiServices => "AI services account",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LinkService::Target => "This resource",
            LinkService::Storage => "The hub's storage account",
            LinkService::KeyVault => "The hub's key vault",
            LinkService::ContainerRegistry => "The hub's container registry",
            LinkService::Search => "The hub's AI Search service",
            LinkService::AiServices => "The hub's connected AI services account",
        }
    }
}

/// The linkable resource types, each with its group IDs and zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkType {
    CognitiveServices,
    MachineLearning,
    Media,
    Storage,
    KeyVault,
    ContainerRegistry,
    Search,
}

impl LinkType {
    pub const ALL: [LinkType; 7] = [
        LinkType::CognitiveServices,
        LinkType::MachineLearning,
        LinkType::Media,
        LinkType::Storage,
        LinkType::KeyVault,
        LinkType::ContainerRegistry,
        LinkType::Search,
    ];

    /// The type an endpoint links to, given the wizard's target type.
    pub fn of(service: LinkService, target: ResourceType) -> LinkType {
        match service {
            LinkService::Target => match target {
                ResourceType::CognitiveServices => LinkType::CognitiveServices,
                ResourceType::MlHub => LinkType::MachineLearning,
                ResourceType::MediaServices => LinkType::Media,
            },
            LinkService::Storage => LinkType::Storage,
            LinkService::KeyVault => LinkType::KeyVault,
            LinkService::ContainerRegistry => LinkType::ContainerRegistry,
            LinkService::Search => LinkType::Search,
            LinkService::AiServices => LinkType::CognitiveServices,
        }
    }

    pub fn arm_type(self) -> &'static str {
        match self {
            LinkType::CognitiveServices => "Microsoft.CognitiveServices/accounts",
            LinkType::MachineLearning => "Microsoft.MachineLearningServices/workspaces",
            LinkType::Media => "Microsoft.Media/mediaservices",
            LinkType::Storage => "Microsoft.Storage/storageAccounts",
            LinkType::KeyVault => "Microsoft.KeyVault/vaults",
            LinkType::ContainerRegistry => "Microsoft.ContainerRegistry/registries",
            LinkType::Search => "Microsoft.Search/searchServices",
        }
    }

    /// Sub-resources (group IDs) offered, the usual one first (azure-facts §5).
    pub fn group_ids(self) -> &'static [&'static str] {
        match self {
            LinkType::CognitiveServices => &["account"],
            LinkType::MachineLearning => &["amlworkspace"],
            LinkType::Media => &["keydelivery", "liveevent", "streamingendpoint"],
            LinkType::Storage => &["blob", "file", "queue", "table", "dfs", "web"],
            LinkType::KeyVault => &["vault"],
            LinkType::ContainerRegistry => &["registry"],
            LinkType::Search => &["searchService"],
        }
    }

    /// The api-version of the resource itself and how its spec spells a disabled
    /// `publicNetworkAccess` (Search 2023-11-01 wants lower case; Key Vault's is a free string,
    /// sent as az and the portal send it).
    pub fn public_access_api(self) -> (&'static str, &'static str) {
        use crate::api_versions as v;
        match self {
            LinkType::CognitiveServices => (v::COGNITIVE_SERVICES, "Disabled"),
            LinkType::MachineLearning => (v::MACHINE_LEARNING, "Disabled"),
            LinkType::Media => (v::MEDIA, "Disabled"),
            LinkType::Storage => (v::STORAGE, "Disabled"),
            LinkType::KeyVault => (v::KEY_VAULT, "Disabled"),
            LinkType::ContainerRegistry => (v::CONTAINER_REGISTRY, "Disabled"),
            LinkType::Search => (v::SEARCH, "disabled"),
        }
    }

    /// The name rule of this type's resources (the last segment of their IDs).
    pub fn name_check(self) -> fn(&str) -> Result<(), String> {
        use crate::names::*;
        match self {
            LinkType::CognitiveServices => check_cognitive_account,
            LinkType::MachineLearning => check_ml_workspace,
            LinkType::Media => check_media_account,
            LinkType::Storage => check_storage_account,
            LinkType::KeyVault | LinkType::ContainerRegistry | LinkType::Search => {
                check_resource_name
            }
        }
    }

    /// Short name for derived endpoint names (`{resource}-{short}-pe`).
    pub fn short(self) -> &'static str {
        match self {
            LinkType::CognitiveServices => "account",
            LinkType::MachineLearning => "hub",
            LinkType::Media => "media",
            LinkType::Storage => "st",
            LinkType::KeyVault => "kv",
            LinkType::ContainerRegistry => "acr",
            LinkType::Search => "search",
        }
    }
}

/// The derived endpoint name: `pe-{resource}-{group}`, cut to the 64-character limit and
/// ending with a letter or digit.
pub fn default_endpoint_name(resource_name: &str, group_id: &str) -> String {
    let mut name = format!("pe-{resource_name}-{}", group_id.to_ascii_lowercase());
    name.truncate(64);
    while name.ends_with(['-', '.']) {
        name.pop();
    }
    name
}

/// The derived connection name: the endpoint's, with `-connection`, within 80 characters.
pub fn default_connection_name(endpoint_name: &str) -> String {
    let mut name = format!("{endpoint_name}-connection");
    name.truncate(80);
    name
}

/// The last segment of a resource ID (its name).
pub fn resource_name_of(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// A resource ID's parts: subscription (lowercase), resource group, name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceIdParts {
    pub subscription_id: String,
    pub resource_group: String,
    pub name: String,
}

/// Parses `/subscriptions/{guid}/resourceGroups/{group}/providers/{arm_type}/{name}`, saying what
/// is wrong. Segment names and the type compare case-insensitively (ARM answers either way).
/// `check_name` is the name rule of the type: the name becomes a path segment of requests and a
/// word of printed commands, so it must be one of its type (never `..` or a shell fragment).
pub fn parse_resource_id(
    text: &str,
    arm_type: &str,
    what: &str,
    check_name: fn(&str) -> Result<(), String>,
) -> Result<ResourceIdParts, String> {
    let shape = format!(
        "/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/{arm_type}/<name>"
    );
    if text.is_empty() {
        return Err(format!("Enter the {what}'s full resource ID: {shape}."));
    }
    if text.trim() != text {
        return Err(format!(
            "The {what}'s ID starts or ends with a space: remove it."
        ));
    }
    let parts: Vec<&str> = text.split('/').collect();
    let type_parts: Vec<&str> = arm_type.split('/').collect();
    let expected_len = 7 + type_parts.len();
    let literal_ok = |index: usize, literal: &str| {
        parts
            .get(index)
            .is_some_and(|p| p.eq_ignore_ascii_case(literal))
    };
    let shape_ok = parts.len() == expected_len
        && parts[0].is_empty()
        && literal_ok(1, "subscriptions")
        && literal_ok(3, "resourceGroups")
        && literal_ok(5, "providers")
        && type_parts
            .iter()
            .enumerate()
            .all(|(i, t)| literal_ok(6 + i, t))
        && parts.iter().skip(1).all(|p| !p.is_empty());
    if !shape_ok {
        return Err(format!(
            "This is not the resource ID of a {arm_type}: expected {shape}."
        ));
    }
    super::names::check_guid(parts[2], &format!("{what}'s subscription ID"))?;
    super::names::check_resource_group(parts[4])?;
    let name = parts[expected_len - 1];
    check_name(name)?;
    Ok(ResourceIdParts {
        subscription_id: parts[2].to_ascii_lowercase(),
        resource_group: parts[4].to_owned(),
        name: name.to_owned(),
    })
}
