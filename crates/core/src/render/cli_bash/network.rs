//! Provider registration, service endpoints, firewall rules, default action, public access.

use crate::json;
use serde_json::Value;

use crate::config::Resource;
use crate::config::{ExactLists, Removals};
use crate::draft::{Bypass, DefaultAction, PublicNetworkAccess};
use crate::ip_rules::IpRule;
use crate::json_text::compact;
use crate::plan::{bypass_name, default_action_name, public_access_name, AllowedSubnet, Plan};
use crate::quote::bash;
use crate::render::private_endpoint_steps::resource_public_access;
use crate::render::subnet_tenant::az_enable_service_endpoint;
use crate::render::templates::cli_bash as templates;
use crate::render::templates::{
    MergeNetworkRules, RegisterProvider, SetDefaultAction, SetPublicNetworkAccess,
};
use crate::subnet_id::SubnetId;

pub(super) fn register_provider(subscription_id: &str) -> String {
    RegisterProvider {
        subscription_id: &bash(subscription_id),
    }
    .fill(templates::REGISTER_PROVIDER)
}

/// `tenant_id` is the subnet's Entra tenant when it is not the account's: the script first checks
/// that the sign-in reaches the subnet's subscription, and says how to sign in there if not.
pub(super) fn enable_service_endpoint(subnet: &SubnetId, tenant_id: Option<&str>) -> String {
    az_enable_service_endpoint(
        templates::ENABLE_SERVICE_ENDPOINT,
        templates::SUBNET_TENANT_CHECK,
        bash,
        subnet,
        tenant_id,
    )
}

pub(super) fn merge_network_rules(
    ip_rules: &[IpRule],
    subnets: &[AllowedSubnet],
    bypass: Option<Bypass>,
    exact: ExactLists,
    removals: &Removals,
) -> String {
    let remove_ips: Vec<String> = removals.ip_rules.iter().map(|r| r.to_string()).collect();
    let remove_subnets: Vec<String> = removals.subnets.iter().map(|s| s.to_string()).collect();
    let ips: Vec<Value> = ip_rules
        .iter()
        .map(|r| json!({ "value": r.to_string() }))
        .collect();
    let vnets: Vec<Value> = subnets.iter().map(AllowedSubnet::to_json).collect();
    let bypass_arg = match bypass.and_then(bypass_name) {
        Some(value) => format!(" --arg bypass {}", bash(value)),
        None => String::new(),
    };
    MergeNetworkRules {
        ip_rules: &bash(&compact(&Value::Array(ips))),
        vnet_rules: &bash(&compact(&Value::Array(vnets))),
        bypass_arg: &bypass_arg,
        sets_bypass: !bypass_arg.is_empty(),
        exact_ips: exact.ip_rules,
        exact_subnets: exact.subnets,
        remove_ips: &bash(&compact(&json!(remove_ips))),
        removes_ips: !remove_ips.is_empty(),
        remove_subnets: &bash(&compact(&json!(remove_subnets))),
        removes_subnets: !remove_subnets.is_empty(),
        // The PowerShell template's bypass value.
        bypass: "",
    }
    .fill(templates::MERGE_NETWORK_RULES)
}

pub(super) fn set_default_action(action: DefaultAction) -> String {
    let value = default_action_name(action);
    SetDefaultAction {
        value,
        quoted: &bash(value),
    }
    .fill(templates::SET_DEFAULT_ACTION)
}

pub(super) fn set_public_network_access(plan: &Plan, access: PublicNetworkAccess) -> String {
    let value = public_access_name(access);
    let body = compact(&json!({ "properties": { "publicNetworkAccess": value } }));
    let target = plan.target();
    let guard = crate::render::close_guard::bash_guard(
        plan,
        &crate::plan::Action::SetPublicNetworkAccess { access },
    );
    if !matches!(target.resource, Resource::CognitiveServices { .. }) {
        let url = format!(
            "{}?api-version={}",
            target.resource_id(),
            target.resource.resource_type().api_version()
        );
        return resource_public_access(
            templates::SET_RESOURCE_PUBLIC_ACCESS,
            bash,
            &url,
            value,
            &guard,
        );
    }
    SetPublicNetworkAccess {
        guarded: !guard.is_empty(),
        guard: &guard,
        value,
        quoted: &bash(value),
        body: &bash(&body),
    }
    .fill(templates::SET_PUBLIC_NETWORK_ACCESS)
}
