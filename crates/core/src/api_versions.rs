//! The one table of ARM api-versions. Every generated URL and script takes its version from here.

/// Microsoft.CognitiveServices/accounts and its child operations (checkDomainAvailability,
/// privateEndpointConnections, privateLinkResources). Newer stables exist; sovereign clouds lag,
/// so this is the widely deployed one.
pub const COGNITIVE_SERVICES: &str = "2024-10-01";
/// Microsoft.Network (virtualNetworks/subnets, privateEndpoints, privateDnsZoneGroups).
pub const NETWORK: &str = "2024-05-01";
/// Microsoft.Network/privateDnsZones and virtualNetworkLinks.
pub const PRIVATE_DNS: &str = "2024-06-01";
/// Microsoft.MachineLearningServices/workspaces (AI Studio / Foundry hubs).
pub const MACHINE_LEARNING: &str = "2024-10-01";
/// Microsoft.Media/mediaservices (retired service, legacy configurations only).
pub const MEDIA: &str = "2023-01-01";
/// Microsoft.Resources: resource groups and resource provider registration.
pub const RESOURCES: &str = "2021-04-01";
/// Microsoft.Resources/subscriptions (GET a subscription).
pub const SUBSCRIPTIONS: &str = "2022-12-01";
/// Microsoft.Authorization/roleAssignments (the storage role for BYOS).
pub const AUTHORIZATION: &str = "2022-04-01";
/// Microsoft.Storage/storageAccounts (BYOS hardening, a hub's storage).
pub const STORAGE: &str = "2023-05-01";
/// Microsoft.KeyVault/vaults (a hub's key vault).
pub const KEY_VAULT: &str = "2023-07-01";
/// Microsoft.ContainerRegistry/registries (a hub's container registry).
pub const CONTAINER_REGISTRY: &str = "2023-07-01";
/// Microsoft.Search/searchServices (a hub's AI Search; its enums are lower case here).
pub const SEARCH: &str = "2023-11-01";
