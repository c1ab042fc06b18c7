//! Service endpoints with az (provider registration and the firewall rules are shared).

use crate::quote::powershell;
use crate::render::subnet_tenant::subnet_tenant_check;
use crate::render::templates::cli_powershell as templates;
use crate::render::templates::EnableServiceEndpoint;
use crate::subnet_id::SubnetId;

/// As in the bash script: with the subnet in another tenant, first check the sign-in reaches it.
pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    let tenant_check = subnet_tenant_check(
        templates::SUBNET_TENANT_CHECK,
        powershell,
        subnet,
        tenant_id,
    );
    EnableServiceEndpoint {
        subnet_id: &powershell(&subnet.to_string()),
        tenant_check: &tenant_check,
        // The Az cmdlet template's slots (render/az_module).
        subscription_id: "",
        tenant: "",
        resource_group: "",
        vnet: "",
        subnet: "",
    }
    .fill(templates::ENABLE_SERVICE_ENDPOINT)
}
