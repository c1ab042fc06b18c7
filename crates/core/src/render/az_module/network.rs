//! Service endpoints with Az cmdlets (provider registration and the firewall rules are shared).

use crate::quote::powershell;
use crate::render::templates::az_module as templates;
use crate::render::templates::EnableServiceEndpoint;
use crate::subnet_id::SubnetId;

pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    let tenant = tenant_id
        .map(|t| format!(" -Tenant {}", powershell(t)))
        .unwrap_or_default();
    EnableServiceEndpoint {
        subscription_id: &powershell(&subnet.subscription_id),
        tenant: &tenant,
        resource_group: &powershell(&subnet.resource_group),
        vnet: &powershell(&subnet.vnet),
        subnet: &powershell(&subnet.subnet),
        // The az templates' slots (the subnet by ID and their sign-in check).
        subnet_id: "",
        tenant_check: "",
    }
    .fill(templates::ENABLE_SERVICE_ENDPOINT)
}
