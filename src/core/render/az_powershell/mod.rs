//! Azure CLI in PowerShell: the shared PowerShell skeleton with az commands for the steps, by
//! family in the submodules, the script text in `templates/`. JSON bodies go through a
//! temporary file (`--body "@file"`): az is a .cmd on Windows and PowerShell mangles embedded
//! double quotes on the way.

mod account;
mod network;
mod private_endpoints;
mod storage;

use super::powershell_shared as shared;
use super::RenderContext;
use crate::core::plan::{Action, Plan};

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
        Action::EnableServiceEndpoint { subnet, .. } => network::enable_service_endpoint(subnet),
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
