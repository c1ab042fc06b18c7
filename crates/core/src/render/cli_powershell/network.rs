//! Service endpoints with az (provider registration and the firewall rules are shared).

use crate::quote::powershell;
use crate::render::subnet_tenant::az_enable_service_endpoint;
use crate::render::templates::cli_powershell as templates;
use crate::subnet_id::SubnetId;

/// As in the bash script: with the subnet in another tenant, first check the sign-in reaches it.
pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    az_enable_service_endpoint(
        templates::ENABLE_SERVICE_ENDPOINT,
        templates::SUBNET_TENANT_CHECK,
        powershell,
        subnet,
        tenant_id,
    )
}
