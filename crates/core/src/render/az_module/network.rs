//! Service endpoints with Az cmdlets (provider registration and the firewall rules are shared).

use crate::quote::powershell;
use crate::render::template::{fill, Text};
use crate::subnet_id::SubnetId;

pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    let tenant = tenant_id
        .map(|t| format!(" -Tenant {}", powershell(t)))
        .unwrap_or_default();
    fill(
        include_str!("templates/enable_service_endpoint.ps1"),
        &[
            Text("subscription_id", &powershell(&subnet.subscription_id)),
            Text("tenant", &tenant),
            Text("resource_group", &powershell(&subnet.resource_group)),
            Text("vnet", &powershell(&subnet.vnet)),
            Text("subnet", &powershell(&subnet.subnet)),
        ],
    )
}
