//! Azure CLI in bash: the script skeleton here, the steps by family in the submodules, the
//! script text in `templates/`.

mod account;
mod network;
mod private_endpoints;
mod storage;

use super::header::{hash_comment_block, header_lines, step_comment};
use super::RenderContext;
use crate::api_versions;
use crate::config::Resource;
use crate::plan::{Action, Plan};
use crate::quote::bash;
use crate::render::templates::cli_bash as templates;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let target = plan.target();
    let is_account = matches!(target.resource, Resource::CognitiveServices { .. });
    let mut out = String::from("#!/usr/bin/env bash\n");
    out += &hash_comment_block(&header_lines(
        plan,
        context,
        &[
            "Azure CLI 2.61 or later, signed in: az login",
            "jq 1.6 or later",
            "bash 3.2 or later (the one macOS ships is enough)",
        ],
    ));
    // No `shopt -s inherit_errexit` (bash 4.4): every command substitution is a whole
    // assignment whose status `set -e` sees, so bash 3.2 stops on failures just the same.
    out += templates::PREAMBLE;
    out += &variables(plan);
    if is_account {
        out += templates::ACCOUNT_HELPERS;
    }
    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        out += "\n";
        out += &step_comment(number, step);
        out += &format!("echo {}\n", bash(&format!("Step {number}: {}", step.title)));
        out += &step_body(plan, &step.action);
    }
    out += "\necho 'Done.'\n";
    out
}

/// The values block a person edits.
fn variables(plan: &Plan) -> String {
    let target = plan.target();
    let mut out = String::from("# Values (edit here, nowhere else)\n");
    out += &format!("CLOUD={}\n", bash(target.cloud.cli_name()));
    out += &format!("SUBSCRIPTION_ID={}\n", bash(&target.subscription_id));
    out += &format!("RESOURCE_GROUP={}\n", bash(&target.resource_group));
    let creating = plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::CreateAccount { .. }));
    if creating {
        out += &format!("LOCATION={}\n", bash(&target.region));
    }
    match &target.resource {
        Resource::CognitiveServices { kind, sku, name } => {
            out += &format!("ACCOUNT_NAME={}\n", bash(name));
            out += &format!("ACCOUNT_KIND={}\n", bash(kind.id));
            if creating {
                out += &format!("SKU={}\n", bash(sku));
            }
        }
        Resource::MlHub { name } | Resource::MediaServices { name } => {
            out += &format!("RESOURCE_NAME={}\n", bash(name));
        }
    }
    if let Some(domain) = &plan.config.custom_domain {
        out += &format!("CUSTOM_SUBDOMAIN={}\n", bash(&domain.subdomain));
    }
    out += &super::tags::bash_variable(plan.creation_tags());
    if let Some(byos) = &plan.config.storage {
        out += &storage::variables(byos);
    }
    if matches!(target.resource, Resource::CognitiveServices { .. }) {
        out += &format!(
            "COGNITIVE_API_VERSION={}\n",
            bash(api_versions::COGNITIVE_SERVICES)
        );
        out += "ACCOUNT_URL=\"/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/${ACCOUNT_NAME}?api-version=${COGNITIVE_API_VERSION}\"\n";
    }
    out
}

/// Every action, no wildcard: a new one does not compile until it is rendered here.
fn step_body(plan: &Plan, action: &Action) -> String {
    match action {
        Action::SelectSubscription => account::select_subscription(),
        Action::CheckResourceGroups { groups, tenant_id } => super::resource_groups::check_groups(
            templates::CHECK_RESOURCE_GROUP,
            Some(templates::SUBNET_TENANT_CHECK),
            bash,
            groups,
            tenant_id.as_deref(),
        ),
        Action::VerifyResource => account::verify_resource(plan),
        Action::CreateAccount {
            custom_subdomain,
            storage,
            ..
        } => account::create_account(plan, custom_subdomain.is_some(), storage.is_some()),
        Action::SetCustomSubdomain { .. } => account::set_custom_subdomain(plan),
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
        } => network::merge_network_rules(ip_rules, subnets, *bypass, *exact, removals),
        Action::SetDefaultAction { action } => network::set_default_action(*action),
        Action::AssignStorageRole { .. } => storage::assign_storage_role(),
        Action::HardenStorage { .. } => storage::harden_storage(),
        Action::VerifyUserOwnedStorage { .. } => storage::verify_user_owned_storage(),
        Action::SetPublicNetworkAccess { access } => {
            network::set_public_network_access(plan, *access)
        }
        Action::PrivateEndpoint(action) => private_endpoints::step_body(plan, action),
        Action::EndpointConnection(change) => super::connections::connection_script(
            templates::ENDPOINT_CONNECTION,
            plan,
            change,
            crate::quote::bash,
        ),
    }
}
