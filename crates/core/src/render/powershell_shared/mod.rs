//! PowerShell shared by the Az module script and the Azure CLI-in-PowerShell script. Both
//! define `Invoke-ArmRequest` their own way; the skeleton, the networkAcls read-merge-write, the
//! waiting and the availability check are the same text (in `templates/`).

mod steps;

pub(super) use steps::Steps;

use super::header::{hash_comment_block, header_lines, step_comment};
use super::template::Template;
use super::templates::powershell_shared as templates;
use super::templates::{
    CreateAccount, MergeNetworkRules, SetCustomSubdomain, SetDefaultAction, SetPublicNetworkAccess,
};
use super::RenderContext;
use crate::api_versions;
use crate::byos::{STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_CONTRIBUTOR_NAME};
use crate::config::Resource;
use crate::config::{ExactLists, Removals};
use crate::draft::{Bypass, DefaultAction, PublicNetworkAccess};
use crate::ip_rules::IpRule;
use crate::plan::{
    bypass_name, default_action_name, public_access_name, Action, AllowedSubnet, EndpointAction,
    Plan,
};
use crate::quote::{powershell, powershell_array};

/// What differs between the two PowerShell scripts around the shared skeleton.
pub(super) struct Flavour<'a> {
    /// `#Requires` lines.
    pub requires: String,
    pub prerequisites: &'a [&'a str],
    /// Functions every script of this flavour defines.
    pub helpers: &'a str,
    /// This flavour's `Invoke-ArmRequest`, defined when the target is an account.
    pub invoke_arm_request: &'a str,
    pub steps: &'a Steps,
    /// The values block's tags line (`render::tags`).
    pub tags_variable: fn(&[crate::config::Tag]) -> String,
}

/// Header, fail-fast preference, variables, helpers, then each step with its comment.
pub(super) fn script(plan: &Plan, context: &RenderContext, flavour: Flavour<'_>) -> String {
    let mut out = flavour.requires;
    out += &hash_comment_block(&header_lines(plan, context, flavour.prerequisites));
    out += "\n$ErrorActionPreference = 'Stop'\n\n";
    out += &variables(plan);
    out += &(flavour.tags_variable)(plan.creation_tags());
    out += flavour.helpers;
    let is_account = matches!(plan.target().resource, Resource::CognitiveServices { .. });
    let calls_arm = plan.steps.iter().any(|s| {
        matches!(
            s.action,
            Action::SetPublicNetworkAccess { .. }
                | Action::PrivateEndpoint(EndpointAction::CloseDependentPublicAccess { .. })
        )
    });
    if is_account || calls_arm {
        out += flavour.invoke_arm_request;
    }
    if is_account {
        out += templates::ACCOUNT_HELPERS;
    }
    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        out += "\n";
        out += &step_comment(number, step);
        out += &format!(
            "Write-Host {}\n",
            powershell(&format!("Step {number}: {}", step.title))
        );
        out += &steps::step_body(plan, flavour.steps, &step.action);
    }
    out += "\nWrite-Host 'Done.'\n";
    out
}

/// The `$Variables` block a person edits. Strings are verbatim literals.
fn variables(plan: &Plan) -> String {
    let target = plan.target();
    let mut out = String::from("# Values (edit here, nowhere else)\n");
    out += &format!("$CloudName = {}\n", powershell(target.cloud.cli_name()));
    out += &format!(
        "$SubscriptionId = {}\n",
        powershell(&target.subscription_id)
    );
    out += &format!("$ResourceGroup = {}\n", powershell(&target.resource_group));
    let creating = plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::CreateAccount { .. }));
    if creating {
        out += &format!("$Location = {}\n", powershell(&target.region));
    }
    match &target.resource {
        Resource::CognitiveServices { kind, sku, name } => {
            out += &format!("$AccountName = {}\n", powershell(name));
            out += &format!("$AccountKind = {}\n", powershell(kind.id));
            if creating {
                out += &format!("$SkuName = {}\n", powershell(sku));
            }
        }
        Resource::MlHub { name } | Resource::MediaServices { name } => {
            out += &format!("$ResourceName = {}\n", powershell(name));
        }
    }
    if let Some(domain) = &plan.config.custom_domain {
        out += &format!("$CustomSubdomain = {}\n", powershell(&domain.subdomain));
    }
    if let Some(byos) = &plan.config.storage {
        let id = &byos.account;
        out += &format!(
            "$StorageSubscriptionId = {}\n$StorageResourceGroup = {}\n$StorageAccountName = {}\n",
            powershell(&id.subscription_id),
            powershell(&id.resource_group),
            powershell(&id.name)
        );
        out += "$StorageAccountId = \"/subscriptions/${StorageSubscriptionId}/resourceGroups/${StorageResourceGroup}/providers/Microsoft.Storage/storageAccounts/${StorageAccountName}\"\n";
        out += &format!(
            "# {STORAGE_BLOB_DATA_CONTRIBUTOR_NAME}: a built-in role, the same ID in every cloud\n$StorageRoleId = {}\n",
            powershell(STORAGE_BLOB_DATA_CONTRIBUTOR)
        );
    }
    if matches!(target.resource, Resource::CognitiveServices { .. }) {
        out += &format!(
            "$CognitiveApiVersion = {}\n",
            powershell(api_versions::COGNITIVE_SERVICES)
        );
        out += "$AccountPath = \"/subscriptions/${SubscriptionId}/resourceGroups/${ResourceGroup}/providers/Microsoft.CognitiveServices/accounts/${AccountName}?api-version=${CognitiveApiVersion}\"\n";
    }
    out
}

/// A create-account template of either flavour: the flags, the shared "exists with another
/// subdomain / without the storage" checks and the endpoint suffix filled in.
pub(super) fn create_account(
    template: Template<CreateAccount<'static>>,
    tag_options: super::tags::TagOptions,
    plan: &Plan,
    with_subdomain: bool,
    with_storage: bool,
) -> String {
    CreateAccount {
        subdomain: with_subdomain,
        storage: with_storage,
        existing_subdomain_check: templates::EXISTING_ACCOUNT_SUBDOMAIN_CHECK.trim_end(),
        existing_storage_check: templates::EXISTING_ACCOUNT_STORAGE_CHECK.trim_end(),
        suffix: plan.target().cloud.cognitive_services_suffix(),
        tags: tag_options.of(plan).inline,
        tags_appended: tag_options.of(plan).appended,
        tagged: !plan.creation_tags().is_empty(),
        // The bash template's option.
        domain_flag: "",
    }
    .fill(template)
}

/// Reads the current subdomain; skips, stops, or checks availability and then runs `set`.
pub(super) fn set_custom_subdomain(set_command: &str, plan: &Plan) -> String {
    SetCustomSubdomain {
        set_command: indent(set_command, 4).trim_end(),
        suffix: plan.target().cloud.cognitive_services_suffix(),
    }
    .fill(templates::SET_CUSTOM_SUBDOMAIN)
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
    let ips: Vec<String> = ip_rules.iter().map(|r| r.to_string()).collect();
    let vnet_rules = if subnets.is_empty() {
        "$vnetRules = @()".to_owned()
    } else {
        let mut lines = String::from("$vnetRules = @(\n");
        for s in subnets {
            let ignore = if s.ignore_missing_endpoint {
                "$true"
            } else {
                "$false"
            };
            lines += &format!(
                "    @{{ id = {}; ignoreMissingVnetServiceEndpoint = {ignore} }}\n",
                powershell(&s.subnet.to_string())
            );
        }
        lines + ")"
    };
    let bypass = bypass.and_then(bypass_name).map(powershell);
    MergeNetworkRules {
        ip_rules: &powershell_array(&ips),
        vnet_rules: &vnet_rules,
        sets_bypass: bypass.is_some(),
        bypass: bypass.as_deref().unwrap_or_default(),
        exact_ips: exact.ip_rules,
        exact_subnets: exact.subnets,
        remove_ips: &powershell_array(&remove_ips),
        removes_ips: !remove_ips.is_empty(),
        remove_subnets: &powershell_array(&remove_subnets),
        removes_subnets: !remove_subnets.is_empty(),
        // The bash template's jq argument.
        bypass_arg: "",
    }
    .fill(templates::MERGE_NETWORK_RULES)
}

pub(super) fn set_default_action(action: DefaultAction) -> String {
    let value = default_action_name(action);
    SetDefaultAction {
        value,
        quoted: &powershell(value),
    }
    .fill(templates::SET_DEFAULT_ACTION)
}

pub(super) fn set_public_network_access(plan: &Plan, access: PublicNetworkAccess) -> String {
    let value = public_access_name(access);
    let target = plan.target();
    let guard =
        super::close_guard::powershell_guard(plan, &Action::SetPublicNetworkAccess { access });
    if !matches!(target.resource, Resource::CognitiveServices { .. }) {
        let path = format!(
            "{}?api-version={}",
            target.resource_id(),
            target.resource.resource_type().api_version()
        );
        return super::private_endpoint_steps::resource_public_access(
            templates::SET_RESOURCE_PUBLIC_ACCESS,
            powershell,
            &path,
            value,
            &guard,
        );
    }
    SetPublicNetworkAccess {
        guarded: !guard.is_empty(),
        guard: &guard,
        value,
        quoted: &powershell(value),
        // The bash template's request body.
        body: "",
    }
    .fill(templates::SET_PUBLIC_NETWORK_ACCESS)
}

pub(super) fn indent(text: &str, spaces: usize) -> String {
    let pad = " ".repeat(spaces);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}
