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

    /// Builds one from separately typed parts, naming the first bad part.
    pub fn from_parts(
        subscription_id: &str,
        resource_group: &str,
        vnet: &str,
        subnet: &str,
    ) -> Result<Self, (&'static str, String)> {
        names::check_guid(subscription_id, "subnet's subscription ID")
            .map_err(|e| ("subscription_id", e))?;
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

    /// The subnet ID a pasted text certainly means when it is not one as it stands: spaces
    /// around it, a trailing slash, `subnet` for `subnets`, or the portal's address of the
    /// subnet around it. `None` when the text is an ID already, or nothing certain is found.
    pub fn repaired(text: &str) -> Option<String> {
        let trimmed = text.trim().trim_end_matches('/');
        let start = trimmed.to_ascii_lowercase().find("/subscriptions/")?;
        let mut parts: Vec<&str> = trimmed[start..].split('/').collect();
        // In a portal address a page name (`/overview`) may follow the subnet's name.
        if start > 0 {
            parts.truncate(11);
        }
        if parts
            .get(9)
            .is_some_and(|p| p.eq_ignore_ascii_case("subnet"))
        {
            parts[9] = "subnets";
        }
        let candidate = parts.join("/");
        (candidate != text && Self::parse(&candidate).is_ok()).then_some(candidate)
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
        if !text.starts_with('/') {
            let hint = if text.to_ascii_lowercase().contains("/subscriptions/") {
                " Copy the resource ID itself (the subnet's JSON view shows it), not a portal address."
            } else {
                ""
            };
            return Err(format!(
                "The subnet ID must start with /subscriptions/: expected {SHAPE}.{hint}"
            ));
        }
        if text.ends_with('/') {
            return Err("The subnet ID ends with a slash: remove it.".into());
        }
        let parts: Vec<&str> = text.split('/').collect();
        // Segment names are compared case-insensitively: ARM itself answers `resourcegroups`.
        const LITERALS: [(usize, &str); 6] = [
            (1, "subscriptions"),
            (3, "resourceGroups"),
            (5, "providers"),
            (6, "Microsoft.Network"),
            (7, "virtualNetworks"),
            (9, "subnets"),
        ];
        for (index, expected) in LITERALS {
            match parts.get(index) {
                Some(&"") => {
                    return Err(format!("The subnet ID has an empty segment (//) where \"{expected}\" belongs: expected {SHAPE}."))
                }
                Some(found) if !found.eq_ignore_ascii_case(expected) => {
                    return Err(format!("The subnet ID has \"{found}\" where \"{expected}\" belongs: expected {SHAPE}."))
                }
                _ => {}
            }
        }
        const NAMES: [(usize, &str); 4] = [
            (2, "subscription ID"),
            (4, "resource group name"),
            (8, "virtual network name"),
            (10, "subnet name"),
        ];
        for (index, what) in NAMES {
            if parts.get(index).is_some_and(|name| name.is_empty()) {
                return Err(format!("The subnet ID has no {what}: expected {SHAPE}."));
            }
        }
        match parts.len() {
            9 => {
                return Err(format!(
                    "This is a virtual network ID, not a subnet ID: add /subnets/<subnet name> to name one of its subnets ({SHAPE})."
                ))
            }
            n if n < 11 => return Err(format!("The subnet ID is incomplete: expected {SHAPE}.")),
            n if n > 11 => {
                return Err(format!(
                    "The subnet ID goes on after the subnet name (\"/{}\"): expected {SHAPE}.",
                    parts[11..].join("/")
                ))
            }
            _ => {}
        }
        SubnetId::from_parts(parts[2], parts[4], parts[8], parts[10])
            .map_err(|(_, message)| message)
    }
}

impl fmt::Display for SubnetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}/subnets/{}",
            self.subscription_id, self.resource_group, self.vnet, self.subnet
        )
    }
}

/// How a subnet is typed in the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SubnetInput {
    /// One full subnet resource ID.
    #[default]
    ResourceId,
    /// Subscription / resource group / VNet / subnet typed separately.
    Parts,
}
