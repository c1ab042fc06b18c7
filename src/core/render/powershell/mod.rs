//! Azure PowerShell (Az modules): the shared PowerShell skeleton with Az cmdlets for the steps,
//! by family in the submodules, the script text in `templates/`.

mod account;
mod network;
mod private_endpoints;
mod storage;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::core::config::Resource;
use crate::core::plan::{Action, EndpointAction, Plan};

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
    };
    shared::script(plan, context, flavour, |action| step_body(plan, action))
}

/// Every action, no wildcard: a new one does not compile until it is rendered here.
fn step_body(plan: &Plan, action: &Action) -> String {
    match action {
        Action::SelectSubscription => include_str!("templates/select_subscription.ps1").to_owned(),
        Action::VerifyResource => account::verify_resource(plan),
        Action::CreateAccount {
            custom_subdomain,
            storage,
            ..
        } => shared::create_account(
            include_str!("templates/create_account.ps1"),
            plan,
            custom_subdomain.is_some(),
            storage.is_some(),
        ),
        Action::SetCustomSubdomain { .. } => shared::set_custom_subdomain(
            include_str!("templates/set_custom_subdomain_command.ps1"),
            plan,
        ),
        Action::RegisterResourceProvider { subscription_id } => {
            network::register_provider(subscription_id)
        }
        Action::EnableServiceEndpoint { subnet, tenant_id } => {
            network::enable_service_endpoint(subnet, tenant_id.as_deref())
        }
        Action::MergeNetworkRules {
            ip_rules,
            subnets,
            bypass,
            exact,
            removals,
        } => shared::merge_network_rules(ip_rules, subnets, *bypass, *exact, removals),
        Action::SetDefaultAction { action } => shared::set_default_action(*action),
        Action::AssignStorageRole { .. } => storage::assign_storage_role(),
        Action::HardenStorage { .. } => storage::harden_storage(),
        Action::VerifyUserOwnedStorage { .. } => storage::verify_user_owned_storage(),
        Action::SetPublicNetworkAccess { access } => {
            shared::set_public_network_access(plan, *access)
        }
        Action::PrivateEndpoint(action) => private_endpoints::step_body(plan, action),
        Action::EndpointConnection(change) => super::connections::connection_script(
            include_str!("templates/endpoint_connection.ps1"),
            plan,
            change,
            crate::core::quote::powershell,
        ),
    }
}
