//! Private endpoints and private DNS with az from PowerShell (the fills are shared with az in
//! bash: `render/private_endpoint_steps.rs`).

use crate::plan::{EndpointAction, Plan};
use crate::quote::powershell;
use crate::render::private_endpoint_steps::{az_step_body, AzShell, AzTemplates};
use crate::render::templates::{cli_powershell as templates, powershell_shared};

const POWERSHELL: AzShell = AzShell {
    quote: powershell,
    echo: "Write-Host",
    // The template adds `'--manual-request', 'true'` to the argument array itself.
    manual_request: "",
    // The template passes the message through a temporary file: Windows PowerShell 5.1 strips
    // its double quotes on the way to az (a .cmd file).
    request_message_option: None,
    close_guard: crate::render::close_guard::powershell_guard,
    tags: crate::render::tags::AZ_POWERSHELL,
    templates: AzTemplates {
        subnet_tenant_check: templates::SUBNET_TENANT_CHECK,
        disable_network_policies: templates::DISABLE_NETWORK_POLICIES,
        create_zone: templates::CREATE_ZONE,
        link_zone: templates::LINK_ZONE,
        create_endpoint: templates::CREATE_ENDPOINT,
        attach_zone: templates::ATTACH_ZONE,
        show_dns_records: templates::SHOW_DNS_RECORDS,
        delete_endpoint: templates::DELETE_ENDPOINT,
        set_resource_public_access: powershell_shared::SET_RESOURCE_PUBLIC_ACCESS,
    },
};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    az_step_body(&POWERSHELL, plan, action)
}
