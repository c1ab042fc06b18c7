//! Azure PowerShell (Az modules): the shared PowerShell skeleton with Az cmdlets for the steps,
//! by family in the submodules, the script text in `templates/`.

mod network;
mod private_endpoints;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::config::Resource;
use crate::plan::{Action, EndpointAction, Plan};

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
        invoke_arm_request: include_str!("templates/invoke_arm_request.ps1"),
        steps: &STEPS,
    };
    shared::script(plan, context, flavour)
}

const STEPS: shared::Steps = shared::Steps {
    select_subscription: include_str!("templates/select_subscription.ps1"),
    check_resource_group: include_str!("templates/check_resource_group.ps1"),
    // Set-AzContext -Tenant switches to the groups' tenant itself.
    resource_group_tenant_check: "",
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
