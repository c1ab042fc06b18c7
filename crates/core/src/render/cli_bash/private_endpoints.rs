//! Private endpoints and private DNS with az in bash (the fills are shared with az in
//! PowerShell: `render/private_endpoint_steps.rs`).

use crate::plan::{EndpointAction, Plan};
use crate::quote::bash;
use crate::render::private_endpoint_steps::{az_step_body, AzShell, AzTemplates};
use crate::render::templates::cli_bash as templates;

const BASH: AzShell = AzShell {
    quote: bash,
    echo: "echo",
    manual_request: " --manual-request true",
    request_message_option: Some(" --request-message "),
    close_guard: crate::render::close_guard::bash_guard,
    tags: crate::render::tags::BASH,
    templates: AzTemplates {
        subnet_tenant_check: templates::SUBNET_TENANT_CHECK,
        disable_network_policies: templates::DISABLE_NETWORK_POLICIES,
        create_zone: templates::CREATE_ZONE,
        link_zone: templates::LINK_ZONE,
        create_endpoint: templates::CREATE_ENDPOINT,
        attach_zone: templates::ATTACH_ZONE,
        show_dns_records: templates::SHOW_DNS_RECORDS,
        delete_endpoint: templates::DELETE_ENDPOINT,
        set_resource_public_access: templates::SET_RESOURCE_PUBLIC_ACCESS,
    },
};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    az_step_body(&BASH, plan, action)
}
