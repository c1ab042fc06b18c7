//! The validated Private endpoints step.

use super::zones::{zones_for, ZoneAnswer};
use super::LinkType;
use crate::cloud::Cloud;
use crate::subnet_id::SubnetId;

#[derive(Clone, Debug, PartialEq)]
pub struct PrivateEndpoints {
    pub endpoints: Vec<Endpoint>,
    pub dns: Dns,
    pub close_public_access: bool,
    pub removals: Vec<Removal>,
    pub reopen_public_access: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dns {
    /// Zones created (when missing) here, linked to each endpoint's VNet.
    CreateZones {
        subscription_id: String,
        resource_group: String,
    },
    /// Zones that exist elsewhere; the endpoints' zone IDs name them.
    ExistingZones,
    /// No zones: the scripts print the A records and the conditional forwarders.
    OwnDns,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    pub name: String,
    pub connection_name: String,
    /// An endpoint lives in its VNet's subscription.
    pub resource_group: String,
    pub subnet: SubnetId,
    /// The VNet's tenant when it is not the target's.
    pub tenant_id: Option<String>,
    pub location: String,
    pub link_type: LinkType,
    /// Kind of a Cognitive Services account ("" for other types).
    pub kind: String,
    /// The resource it connects to.
    pub resource_id: String,
    pub group_id: String,
    /// Zones the records go in (empty with own DNS servers: then `zone_names` still lists them).
    pub zones: Vec<ZoneRef>,
    pub approval: Approval,
    pub disable_network_policies: bool,
}

impl Endpoint {
    pub fn subscription_id(&self) -> &str {
        &self.subnet.subscription_id
    }

    pub fn id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/privateEndpoints/{}",
            self.subnet.subscription_id, self.resource_group, self.name
        )
    }

    /// The name of the resource it connects to.
    pub fn resource_name(&self) -> &str {
        super::resource_name_of(&self.resource_id)
    }

    /// The zone table's answer for this endpoint: its zones with their public names and client
    /// hosts, and the conditional forwarders its clients' DNS servers need.
    pub fn zone_table(&self, cloud: Cloud) -> ZoneAnswer {
        zones_for(cloud, self.link_type, &self.kind, &self.group_id)
    }
}

/// A private DNS zone by name and resource ID.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneRef {
    pub name: String,
    pub id: String,
}

impl ZoneRef {
    pub fn config_name(&self) -> String {
        self.name.replace('.', "-")
    }

    /// The public zone whose names resolve through this one, from the zone table (Key Vault's
    /// `privatelink.vaultcore.azure.net` holds the names of `vault.azure.net`).
    pub fn forwarded_zone(&self) -> &str {
        match super::zones::zone_named(&self.name) {
            Some(zone) => zone.public,
            None => self.name.strip_prefix("privatelink.").unwrap_or(&self.name),
        }
    }

    pub fn subscription_id(&self) -> &str {
        self.id.split('/').nth(2).unwrap_or_default()
    }

    pub fn resource_group(&self) -> &str {
        self.id.split('/').nth(4).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Approval {
    Automatic,
    /// The resource owner approves; the message (at most 140 characters) goes with the request.
    Manual {
        request_message: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    pub subscription_id: String,
    pub resource_group: String,
    pub name: String,
    pub delete_zone_group: bool,
}

impl Removal {
    pub fn id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/privateEndpoints/{}",
            self.subscription_id, self.resource_group, self.name
        )
    }
}
