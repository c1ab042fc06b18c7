//! Azure CLI in PowerShell: the shared PowerShell skeleton with az commands for the steps, by
//! family in the submodules, the script text in `templates/`. JSON bodies go through a
//! temporary file (`--body "@file"`): az is a .cmd on Windows and PowerShell mangles embedded
//! double quotes on the way.

mod network;
mod private_endpoints;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::plan::Plan;
use crate::render::templates::cli_powershell as templates;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let flavour = shared::Flavour {
        requires: "#Requires -Version 5.1\n".to_owned(),
        prerequisites: &[
            "Windows PowerShell 5.1 or PowerShell 7",
            "Azure CLI 2.61 or later, signed in: az login",
        ],
        // az is a native command: PowerShell does not stop on its failures by itself.
        helpers: templates::ASSERT_AZ,
        invoke_arm_request: templates::INVOKE_ARM_REQUEST,
        steps: &STEPS,
        tags_variable: crate::render::tags::az_powershell_variable,
    };
    shared::script(plan, context, flavour)
}

const STEPS: shared::Steps = shared::Steps {
    select_subscription: templates::SELECT_SUBSCRIPTION,
    check_resource_group: templates::CHECK_RESOURCE_GROUP,
    resource_group_tenant_check: Some(templates::SUBNET_TENANT_CHECK),
    verify_account: templates::VERIFY_ACCOUNT,
    verify_resource: templates::VERIFY_RESOURCE,
    create_account: templates::CREATE_ACCOUNT,
    set_custom_subdomain_command: templates::SET_CUSTOM_SUBDOMAIN_COMMAND,
    register_provider: templates::REGISTER_PROVIDER,
    assign_storage_role: templates::ASSIGN_STORAGE_ROLE,
    harden_storage: templates::HARDEN_STORAGE,
    verify_user_owned_storage: templates::VERIFY_USER_OWNED_STORAGE,
    endpoint_connection: templates::ENDPOINT_CONNECTION,
    tag_options: crate::render::tags::AZ_POWERSHELL,
    enable_service_endpoint: network::enable_service_endpoint,
    private_endpoint: private_endpoints::step_body,
};
