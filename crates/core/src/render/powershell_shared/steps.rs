//! The step bodies of both PowerShell scripts: one match over every action, each flavour
//! bringing its own command texts ([`Steps`]).

use super::{
    create_account, merge_network_rules, set_custom_subdomain, set_default_action,
    set_public_network_access,
};
use crate::byos::STORAGE_BLOB_DATA_CONTRIBUTOR_NAME;
use crate::config::Resource;
use crate::plan::{Action, EndpointAction, Plan};
use crate::quote::powershell;
use crate::render::template::Template;
use crate::render::templates::{
    CheckResourceGroup, CreateAccount, EndpointConnection, RegisterProvider, SubnetTenantCheck,
    VerifyResource, VerifyUserOwnedStorage,
};
use crate::subnet_id::SubnetId;

/// One flavour's step texts (from its own `templates/`) and the steps it writes itself.
pub(in crate::render) struct Steps {
    pub select_subscription: &'static str,
    /// See `render::resource_groups`.
    pub check_resource_group: Template<CheckResourceGroup<'static>>,
    /// Put before the groups of another tenant (none when the template switches tenant).
    pub resource_group_tenant_check: Option<Template<SubnetTenantCheck<'static>>>,
    pub verify_account: &'static str,
    pub verify_resource: Template<VerifyResource<'static>>,
    pub create_account: Template<CreateAccount<'static>>,
    pub set_custom_subdomain_command: &'static str,
    pub register_provider: Template<RegisterProvider<'static>>,
    pub assign_storage_role: &'static str,
    pub harden_storage: &'static str,
    pub verify_user_owned_storage: Template<VerifyUserOwnedStorage<'static>>,
    pub endpoint_connection: Template<EndpointConnection<'static>>,
    /// How this flavour's commands take the tags (`render::tags`).
    pub tag_options: crate::render::tags::TagOptions,
    /// The subnet and its tenant, when that differs from the signed-in one.
    pub enable_service_endpoint: fn(&SubnetId, Option<&str>) -> String,
    pub private_endpoint: fn(&Plan, &EndpointAction) -> String,
}

/// Every action, no wildcard: a new one does not compile until it is rendered here.
pub(super) fn step_body(plan: &Plan, steps: &Steps, action: &Action) -> String {
    match action {
        Action::SelectSubscription => steps.select_subscription.to_owned(),
        Action::CheckResourceGroups { groups, tenant_id } => {
            crate::render::resource_groups::check_groups(
                steps.check_resource_group,
                steps.resource_group_tenant_check,
                powershell,
                groups,
                tenant_id.as_deref(),
            )
        }
        Action::VerifyResource => verify_resource(plan, steps),
        Action::CreateAccount {
            custom_subdomain,
            storage,
            ..
        } => create_account(
            steps.create_account,
            steps.tag_options,
            plan,
            custom_subdomain.is_some(),
            storage.is_some(),
        ),
        Action::SetCustomSubdomain { .. } => {
            set_custom_subdomain(steps.set_custom_subdomain_command, plan)
        }
        Action::RegisterResourceProvider { subscription_id } => RegisterProvider {
            subscription_id: &powershell(subscription_id),
        }
        .fill(steps.register_provider),
        Action::EnableServiceEndpoint { subnet, tenant_id } => {
            (steps.enable_service_endpoint)(subnet, tenant_id.as_deref())
        }
        Action::MergeNetworkRules {
            ip_rules,
            subnets,
            bypass,
            exact,
            removals,
        } => merge_network_rules(ip_rules, subnets, *bypass, *exact, removals),
        Action::SetDefaultAction { action } => set_default_action(*action),
        Action::AssignStorageRole { .. } => steps.assign_storage_role.to_owned(),
        Action::HardenStorage { .. } => steps.harden_storage.to_owned(),
        Action::VerifyUserOwnedStorage { .. } => VerifyUserOwnedStorage {
            role_name: STORAGE_BLOB_DATA_CONTRIBUTOR_NAME,
        }
        .fill(steps.verify_user_owned_storage),
        Action::SetPublicNetworkAccess { access } => set_public_network_access(plan, *access),
        Action::PrivateEndpoint(action) => (steps.private_endpoint)(plan, action),
        Action::EndpointConnection(change) => super::super::connections::connection_script(
            steps.endpoint_connection,
            plan,
            change,
            powershell,
        ),
    }
}

fn verify_resource(plan: &Plan, steps: &Steps) -> String {
    let resource = &plan.target().resource;
    match resource {
        Resource::CognitiveServices { .. } => steps.verify_account.to_owned(),
        Resource::MlHub { .. } | Resource::MediaServices { .. } => VerifyResource {
            arm_type: &powershell(resource.resource_type().arm_type()),
        }
        .fill(steps.verify_resource),
    }
}
