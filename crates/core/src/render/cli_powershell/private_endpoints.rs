//! Private endpoints and private DNS with az from PowerShell (the fills are shared with az in
//! bash: `render/private_endpoint_steps.rs`).

use crate::plan::{EndpointAction, Plan};
use crate::quote::powershell;
use crate::render::private_endpoint_steps::{az_step_body, AzShell, AzTemplates};

const POWERSHELL: AzShell = AzShell {
    quote: powershell,
    echo: "Write-Host",
    // The template adds `'--manual-request', 'true'` to the argument array itself.
    manual_request: "",
    // The template passes the message through a temporary file: Windows PowerShell 5.1 strips
    // its double quotes on the way to az (a .cmd file).
    request_message_option: None,
    close_guard: crate::render::close_guard::powershell_guard,
    templates: AzTemplates {
        subnet_tenant_check: include_str!("templates/subnet_tenant_check.ps1"),
        disable_network_policies: include_str!("templates/disable_network_policies.ps1"),
        create_zone: include_str!("templates/create_zone.ps1"),
        link_zone: include_str!("templates/link_zone.ps1"),
        create_endpoint: include_str!("templates/create_endpoint.ps1"),
        attach_zone: include_str!("templates/attach_zone.ps1"),
        show_dns_records: include_str!("templates/show_dns_records.ps1"),
        delete_endpoint: include_str!("templates/delete_endpoint.ps1"),
        set_resource_public_access: include_str!(
            "../powershell_shared/templates/set_resource_public_access.ps1"
        ),
    },
};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    az_step_body(&POWERSHELL, plan, action)
}
