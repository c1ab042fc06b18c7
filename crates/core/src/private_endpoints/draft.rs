//! The Private endpoints step as typed (the `private_endpoints` section of the draft and the
//! configuration file).

use super::LinkService;
use crate::subnet_id::SubnetInput;

#[derive(Clone, Debug, PartialEq)]
pub struct PrivateEndpointsDraft {
    /// Include the step in the outputs.
    pub enabled: bool,
    pub endpoints: Vec<EndpointDraft>,
    pub dns_mode: DnsMode,
    /// Create mode: resource group of the zones (empty: the target's). They are created in the
    /// target's subscription.
    pub zone_resource_group: String,
    /// Existing-zones mode: one private DNS zone resource ID per entry.
    pub existing_zone_ids: Vec<String>,
    /// Set publicNetworkAccess to Disabled once the endpoints and DNS are in place.
    pub close_public_access: bool,
    /// Private endpoints to delete (seed 003: "Remove a private endpoint").
    pub removals: Vec<RemovalDraft>,
    /// Set publicNetworkAccess back to Enabled (after the removals).
    pub reopen_public_access: bool,
}

impl Default for PrivateEndpointsDraft {
    fn default() -> Self {
        PrivateEndpointsDraft {
            enabled: true,
            endpoints: Vec::new(),
            dns_mode: DnsMode::CreateZones,
            zone_resource_group: String::new(),
            existing_zone_ids: Vec::new(),
            close_public_access: false,
            removals: Vec::new(),
            reopen_public_access: false,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DnsMode {
    /// Create (or reuse) the private DNS zones, link them to each VNet, attach a zone group.
    #[default]
    CreateZones,
    /// The zones exist elsewhere (hub and spoke): only attach a zone group naming them.
    ExistingZones,
    /// The person's own DNS servers: no zones; the script prints the records and forwarders.
    OwnDns,
}

impl DnsMode {
    pub const ALL: [DnsMode; 3] = [
        DnsMode::CreateZones,
        DnsMode::ExistingZones,
        DnsMode::OwnDns,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DnsMode::CreateZones => "create_zones",
            DnsMode::ExistingZones => "existing_zones",
            DnsMode::OwnDns => "own_dns",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DnsMode::CreateZones => "Create or reuse private DNS zones and link them (default)",
            DnsMode::ExistingZones => "Zones exist elsewhere (hub and spoke): only attach",
            DnsMode::OwnDns => "My own DNS servers: show the records and forwarders",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EndpointDraft {
    /// What the endpoint connects to: the wizard's target, or a hub's dependent resource.
    pub service: LinkService,
    /// For a dependent resource: its full resource ID (ignored for the wizard's target).
    pub resource_id: String,
    /// Sub-resource (group ID); empty: the first one the service offers.
    pub group_id: String,
    pub input: SubnetInput,
    pub subnet_id: String,
    /// Empty means the target's subscription.
    pub subscription_id: String,
    pub resource_group: String,
    pub vnet: String,
    pub subnet: String,
    /// The VNet's Entra tenant when it is not the target's (empty: same tenant).
    pub tenant_id: String,
    /// Empty: derived from the resource name and group ID.
    pub name: String,
    /// Empty: derived from the endpoint name.
    pub connection_name: String,
    /// Resource group of the endpoint (empty: the VNet's).
    pub endpoint_resource_group: String,
    /// The VNet's region (empty: the target's region).
    pub location: String,
    pub manual_approval: bool,
    pub request_message: String,
    /// Set the subnet's privateEndpointNetworkPolicies to Disabled first.
    pub disable_network_policies: bool,
}

impl Default for EndpointDraft {
    fn default() -> Self {
        EndpointDraft {
            service: LinkService::Target,
            resource_id: String::new(),
            group_id: String::new(),
            input: SubnetInput::ResourceId,
            subnet_id: String::new(),
            subscription_id: String::new(),
            resource_group: String::new(),
            vnet: String::new(),
            subnet: String::new(),
            tenant_id: String::new(),
            name: String::new(),
            connection_name: String::new(),
            endpoint_resource_group: String::new(),
            location: String::new(),
            manual_approval: false,
            request_message: String::new(),
            disable_network_policies: false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RemovalDraft {
    /// Full resource ID of the private endpoint to delete.
    pub endpoint_id: String,
    /// Delete its DNS zone group first (removes its A records; the zones stay).
    pub delete_zone_group: bool,
}
