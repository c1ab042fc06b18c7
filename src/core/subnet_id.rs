//! Subnet resource IDs: `/subscriptions/{guid}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}`.

use std::fmt;

use super::names;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubnetId {
    pub subscription_id: String,
    pub resource_group: String,
    pub vnet: String,
    pub subnet: String,
}

impl SubnetId {
    /// The virtual network's resource ID.
    pub fn vnet_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}",
            self.subscription_id, self.resource_group, self.vnet
        )
    }

    /// ARM compares IDs case-insensitively (it may answer `resourcegroups`).
    pub fn same_as(&self, other: &SubnetId) -> bool {
        self.to_string().eq_ignore_ascii_case(&other.to_string())
    }

    /// Builds one from separately typed parts, naming the first bad part.
    pub fn from_parts(subscription_id: &str, resource_group: &str, vnet: &str, subnet: &str) -> Result<Self, (&'static str, String)> {
        names::check_guid(subscription_id, "subnet's subscription ID").map_err(|e| ("subscription_id", e))?;
        names::check_resource_group(resource_group).map_err(|e| ("resource_group", e))?;
        names::check_vnet(vnet).map_err(|e| ("vnet", e))?;
        names::check_subnet(subnet).map_err(|e| ("subnet", e))?;
        Ok(SubnetId {
            subscription_id: subscription_id.to_ascii_lowercase(),
            resource_group: resource_group.into(),
            vnet: vnet.into(),
            subnet: subnet.into(),
        })
    }

    /// Parses a full subnet resource ID, saying which part is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        const SHAPE: &str = "/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";
        if text.is_empty() {
            return Err(format!("Enter the subnet's full resource ID: {SHAPE}."));
        }
        if text.trim() != text {
            return Err("The subnet ID starts or ends with a space: remove it.".into());
        }
        let parts: Vec<&str> = text.split('/').collect();
        let literal = |i: usize, expected: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(expected));
        let shape_ok = parts.len() == 11
            && parts[0].is_empty()
            && literal(1, "subscriptions")
            && literal(3, "resourceGroups")
            && literal(5, "providers")
            && literal(6, "Microsoft.Network")
            && literal(7, "virtualNetworks")
            && literal(9, "subnets");
        if !shape_ok {
            let hint = if literal(7, "virtualNetworks") && parts.len() == 9 {
                " It names a virtual network: add /subnets/<subnet>."
            } else {
                ""
            };
            return Err(format!("Not a subnet resource ID: expected {SHAPE}.{hint}"));
        }
        SubnetId::from_parts(parts[2], parts[4], parts[8], parts[10]).map_err(|(_, message)| message)
    }
}

impl fmt::Display for SubnetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/subnets/{}", self.vnet_id(), self.subnet)
    }
}
