//! Azure CLI in PowerShell: the shared PowerShell skeleton with az commands for the steps, by
//! family in the submodules, the script text in `templates/`. JSON bodies go through a
//! temporary file (`--body "@file"`): az is a .cmd on Windows and PowerShell mangles embedded
//! double quotes on the way.

mod network;
mod private_endpoints;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::plan::Plan;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let flavour = shared::Flavour {
        requires: "#Requires -Version 5.1\n".to_owned(),
        prerequisites: &[
            "Windows PowerShell 5.1 or PowerShell 7",
            "Azure CLI 2.61 or later, signed in: az login",
        ],
        // az is a native command: PowerShell does not stop on its failures by itself.
        helpers: include_str!("templates/assert_az.ps1"),
        invoke_arm_request: include_str!("templates/invoke_arm_request.ps1"),
        steps: &STEPS,
    };
    shared::script(plan, context, flavour)
}

const STEPS: shared::Steps = shared::Steps {
    select_subscription: include_str!("templates/select_subscription.ps1"),
    check_resource_group: include_str!("templates/check_resource_group.ps1"),
    resource_group_tenant_check: include_str!("templates/subnet_tenant_check.ps1"),
    verify_account: include_str!("templates/verify_account.ps1"),
    verify_resource: include_str!("templates/verify_resource.ps1"),
    create_account: include_str!("templates/create_account.ps1"),
    set_custom_subdomain_command: include_str!("templates/set_custom_subdomain_command.ps1"),
    register_provider: include_str!("templates/register_provider.ps1"),
    assign_storage_role: include_str!("templates/assign_storage_role.ps1"),
    harden_storage: include_str!("templates/harden_storage.ps1"),
    verify_user_owned_storage: include_str!("templates/verify_user_owned_storage.ps1"),
    endpoint_connection: include_str!("templates/endpoint_connection.ps1"),
    enable_service_endpoint: network::enable_service_endpoint,
    private_endpoint: private_endpoints::step_body,
};
