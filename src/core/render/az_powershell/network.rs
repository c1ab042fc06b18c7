//! Service endpoints with az (provider registration and the firewall rules are shared).

use crate::core::quote::powershell;
use crate::core::render::template::{fill, Flag, Text};
use crate::core::subnet_id::SubnetId;

/// As in the bash script: with the subnet in another tenant, first check the sign-in reaches it.
pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    fill(
        include_str!("templates/enable_service_endpoint.ps1"),
        &[
            Text("subnet_id", &powershell(&subnet.to_string())),
            Flag("other_tenant", tenant_id.is_some()),
            Text("subscription_id", &powershell(&subnet.subscription_id)),
            Text("tenant_id", &powershell(tenant_id.unwrap_or_default())),
        ],
    )
}
