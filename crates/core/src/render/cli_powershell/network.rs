//! Service endpoints with az (provider registration and the firewall rules are shared).

use crate::quote::powershell;
use crate::render::subnet_tenant::subnet_tenant_check;
use crate::render::template::{fill, Text};
use crate::subnet_id::SubnetId;

/// As in the bash script: with the subnet in another tenant, first check the sign-in reaches it.
pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    fill(
        include_str!("templates/enable_service_endpoint.ps1"),
        &[
            Text("subnet_id", &powershell(&subnet.to_string())),
            Text(
                "tenant_check",
                &subnet_tenant_check(
                    include_str!("templates/subnet_tenant_check.ps1"),
                    powershell,
                    subnet,
                    tenant_id,
                ),
            ),
        ],
    )
}
