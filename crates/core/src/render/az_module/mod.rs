//! Azure PowerShell (Az modules): the shared PowerShell skeleton with Az cmdlets for the steps,
//! by family in the submodules, the script text in `templates/`.

mod network;
mod private_endpoints;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::config::Resource;
use crate::plan::{Action, EndpointAction, Plan};
use crate::render::templates::az_module as templates;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let mut modules = vec!["Az.Accounts", "Az.Resources"];
    if matches!(plan.target().resource, Resource::CognitiveServices { .. }) {
        modules.push("Az.CognitiveServices");
    }
    if plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::EnableServiceEndpoint { .. }))
        || plan
            .steps
            .iter()
            .any(|s| matches!(s.action, Action::PrivateEndpoint(_)))
    {
        modules.push("Az.Network");
    }
    if plan.steps.iter().any(|s| {
        matches!(
            s.action,
            Action::HardenStorage { .. }
                | Action::CreateAccount {
                    storage: Some(_),
                    ..
                }
        )
    }) {
        modules.push("Az.Storage");
    }
    if plan.steps.iter().any(|s| {
        matches!(
            s.action,
            Action::PrivateEndpoint(
                EndpointAction::CreateZone { .. } | EndpointAction::LinkZone { .. }
            )
        )
    }) {
        modules.push("Az.PrivateDns");
    }
    let flavour = shared::Flavour {
        requires: format!(
            "#Requires -Version 5.1\n#Requires -Modules {}\n",
            modules.join(", ")
        ),
        prerequisites: &[
            "Windows PowerShell 5.1 or PowerShell 7, with the Az modules listed above",
            "Signed in: Connect-AzAccount -Environment <cloud>",
        ],
        helpers: "",
        // Invoke-AzRestMethod does not throw on an error status; this wrapper does.
        invoke_arm_request: templates::INVOKE_ARM_REQUEST,
        steps: &STEPS,
        tags_variable: crate::render::tags::az_module_variable,
    };
    shared::script(plan, context, flavour)
}

const STEPS: shared::Steps = shared::Steps {
    select_subscription: templates::SELECT_SUBSCRIPTION,
    check_resource_group: templates::CHECK_RESOURCE_GROUP,
    // Set-AzContext -Tenant switches to the groups' tenant itself.
    resource_group_tenant_check: None,
    verify_account: templates::VERIFY_ACCOUNT,
    verify_resource: templates::VERIFY_RESOURCE,
    create_account: templates::CREATE_ACCOUNT,
    set_custom_subdomain_command: templates::SET_CUSTOM_SUBDOMAIN_COMMAND,
    register_provider: templates::REGISTER_PROVIDER,
    assign_storage_role: templates::ASSIGN_STORAGE_ROLE,
    harden_storage: templates::HARDEN_STORAGE,
    verify_user_owned_storage: templates::VERIFY_USER_OWNED_STORAGE,
    endpoint_connection: templates::ENDPOINT_CONNECTION,
    tag_options: crate::render::tags::AZ_MODULE,
    enable_service_endpoint: network::enable_service_endpoint,
    private_endpoint: private_endpoints::step_body,
};
