//! Private endpoints and private DNS with az in bash (the fills are shared with az in
//! PowerShell: `render/private_endpoint_steps.rs`).

use crate::plan::{EndpointAction, Plan};
use crate::quote::bash;
use crate::render::private_endpoint_steps::{az_step_body, AzShell, AzTemplates};

const BASH: AzShell = AzShell {
    quote: bash,
    echo: "echo",
    manual_request: " --manual-request true",
    request_message_option: Some(" --request-message "),
    close_guard: crate::render::close_guard::bash_guard,
    templates: AzTemplates {
        subnet_tenant_check: include_str!("templates/subnet_tenant_check.sh"),
        disable_network_policies: include_str!("templates/disable_network_policies.sh"),
        create_zone: include_str!("templates/create_zone.sh"),
        link_zone: include_str!("templates/link_zone.sh"),
        create_endpoint: include_str!("templates/create_endpoint.sh"),
        attach_zone: include_str!("templates/attach_zone.sh"),
        show_dns_records: include_str!("templates/show_dns_records.sh"),
        delete_endpoint: include_str!("templates/delete_endpoint.sh"),
        set_resource_public_access: include_str!("templates/set_resource_public_access.sh"),
    },
};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    az_step_body(&BASH, plan, action)
}
