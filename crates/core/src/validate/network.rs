use std::collections::HashMap;

use super::{optional_tenant_id, subnet_error};
use crate::config::{CustomDomain, NetworkRules, VnetRule};
use crate::diagnostics::Diagnostic;
use crate::draft::{
    Bypass, DefaultAction, Draft, Existence, NetworkDraft, PublicNetworkAccess, SubnetInput,
    VnetRuleDraft,
};
use crate::ip_rules::{merge_neighbours, parse_ip_rule, IpRule, MAX_RULES};
use crate::names;
use crate::resource_kinds::{kind_info, ResourceType};
use crate::subnet_id::SubnetId;

/// An account this plan creates is open to every network unless a step closes it: Azure's
/// defaults are public network access Enabled and every address allowed.
fn open_new_account(draft: &Draft, private_endpoint_planned: bool, out: &mut Vec<Diagnostic>) {
    let closed = private_endpoint_planned && draft.private_endpoints.close_public_access;
    if draft.target.existence == Existence::Create
        && draft.target.resource_type == ResourceType::CognitiveServices
        && !closed
    {
        out.push(
            Diagnostic::warning(
                "network.enabled",
                "This plan creates the account open to every network: without this step, Azure's defaults apply (public network access Enabled, every address allowed). Include this step to allow only your networks, or add private endpoints and close public access.",
            )
            .with_fix("Include the Network rules step", vec!["true".to_owned()]),
        );
    }
}

/// `private_endpoint_planned`: the plan creates a private endpoint, a way in that no firewall
/// setting closes.
pub(super) fn validate_network(
    draft: &Draft,
    private_endpoint_planned: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<NetworkRules> {
    let step = &draft.network;
    if !step.enabled {
        open_new_account(draft, private_endpoint_planned, out);
        return None;
    }
    if draft.target.resource_type != ResourceType::CognitiveServices {
        out.push(Diagnostic::info(
            "network.enabled",
            "These network rules apply to Cognitive Services accounts only: this step is not included for the chosen resource type.",
        ));
        return None;
    }
    let ip_rules = validate_ip_rules(&step.ip_rules, out);
    let vnet_rules = validate_vnet_rules(&step.vnet_rules, &draft.target.subscription_id, out);

    let kind = kind_info(&draft.target.kind);
    let bypass = match kind {
        Some(k) if k.supports_trusted_services_bypass => match step.bypass {
            Bypass::KeepCurrent => None,
            chosen => Some(chosen),
        },
        Some(k) => {
            if step.bypass == Bypass::AzureServices {
                out.push(Diagnostic::warning(
                    "network.bypass",
                    format!(
                        "Trusted-services bypass is accepted for Azure OpenAI, Azure AI services and Language only, not for {}: it will not be sent, and the account keeps its current setting.",
                        k.label
                    ),
                ));
            }
            None
        }
        None => None,
    };

    let has_rules = !step.ip_rules.is_empty() || !step.vnet_rules.is_empty();
    no_access_check(step, has_rules, private_endpoint_planned, out);
    match (step.default_action, has_rules) {
        (DefaultAction::Deny, false) if private_endpoint_planned => out.push(Diagnostic::warning(
            "network.default_action",
            "Deny with no IP or virtual-network rules blocks everyone on the public endpoint: your apps, the portal's data views, monitoring and other Azure services. Only private endpoints (and trusted services, if bypassed) still reach it.",
        )),
        (DefaultAction::Allow, true) => out.push(Diagnostic::warning(
            "network.default_action",
            "With default action Allow, the IP and virtual-network rules have no effect: every network is allowed.",
        )),
        _ => {}
    }
    if step.public_network_access == PublicNetworkAccess::Disabled && has_rules {
        out.push(Diagnostic::warning(
            "network.public_network_access",
            "With public network access disabled, IP and virtual-network rules have no effect: only private endpoints can reach the account.",
        ));
    }

    let ip_rules = ip_rules?;
    let vnet_rules = vnet_rules?;
    let removals = super::removals::validate_removals(step, &ip_rules, &vnet_rules, out)?;
    Some(NetworkRules {
        public_network_access: step.public_network_access,
        default_action: step.default_action,
        bypass,
        ip_rules,
        vnet_rules,
        exact: crate::config::ExactLists {
            ip_rules: step.ip_rules_exact,
            subnets: step.vnet_rules_exact,
        },
        removals,
    })
}

const BLOCKS_ALL_DENY: &str = "This blocks all access: with default action Deny and no IP rule, no virtual-network rule and no private endpoint, nothing reaches the account (your apps, the portal's data views, monitoring). Add an IP or subnet rule, or accept this below.";
const BLOCKS_ALL_DISABLED: &str = "This blocks all access: with public network access disabled and no private endpoint, nothing reaches the account (your apps, the portal's data views, monitoring). Add a private endpoint, enable public access, or accept this below.";
const ACCEPTED_DENY: &str = "Accepted: with default action Deny and no IP rule, no virtual-network rule and no private endpoint, nothing reaches the account.";
const ACCEPTED_DISABLED: &str = "Accepted: with public network access disabled and no private endpoint, nothing reaches the account.";

/// A plan that leaves no way in is an error, unless the person accepted it explicitly.
fn no_access_check(
    step: &NetworkDraft,
    has_rules: bool,
    private_endpoint_planned: bool,
    out: &mut Vec<Diagnostic>,
) {
    if private_endpoint_planned {
        return;
    }
    let (field, refused, accepted) = match (step.public_network_access, step.default_action) {
        (PublicNetworkAccess::Disabled, _) => (
            "network.public_network_access",
            BLOCKS_ALL_DISABLED,
            ACCEPTED_DISABLED,
        ),
        (PublicNetworkAccess::Enabled, DefaultAction::Deny) if !has_rules => {
            ("network.default_action", BLOCKS_ALL_DENY, ACCEPTED_DENY)
        }
        _ => return,
    };
    out.push(if step.accept_no_access {
        Diagnostic::warning(field, accepted)
    } else {
        Diagnostic::error(field, refused)
    });
}

fn validate_ip_rules(entries: &[String], out: &mut Vec<Diagnostic>) -> Option<Vec<IpRule>> {
    let mut ok = true;
    let too_many = entries.len() > MAX_RULES;
    // Every entry read (duplicates included): only then is a merge of the same addresses offered.
    let mut all_read = true;
    let mut accepted: Vec<(usize, IpRule)> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let field = format!("network.ip_rules.{index}");
        match parse_ip_rule(entry) {
            Err(refusal) => {
                all_read = false;
                let mut d = Diagnostic::error(&field, refusal.message);
                if let Some((label, replacement)) = refusal.fix {
                    d = d.with_fix(label, replacement);
                }
                out.push(d);
                ok = false;
            }
            Ok((rule, cautions)) => {
                // A duplicate only needs removing: its cautions were said on the first entry.
                if let Some((first, _)) = accepted.iter().find(|(_, r)| *r == rule) {
                    out.push(
                        Diagnostic::error(&field, format!("Duplicate of entry {}.", first + 1))
                            .with_fix("Remove duplicate", Vec::new()),
                    );
                    ok = false;
                    continue;
                }
                for caution in cautions {
                    out.push(Diagnostic::warning(&field, caution));
                }
                if let Some((other, wider)) = accepted.iter().find(|(_, r)| rule.is_within(*r)) {
                    out.push(Diagnostic::warning(
                        &field,
                        format!(
                            "Already covered by entry {} ({wider}): this rule is redundant.",
                            other + 1
                        ),
                    ));
                }
                for (other, narrower) in accepted.iter().filter(|(_, r)| r.is_within(rule)) {
                    out.push(Diagnostic::warning(
                        format!("network.ip_rules.{other}"),
                        format!(
                            "Already covered by entry {} ({rule}): {narrower} is redundant.",
                            index + 1
                        ),
                    ));
                }
                accepted.push((index, rule));
            }
        }
    }
    if too_many {
        let mut error = Diagnostic::error(
            "network.ip_rules",
            format!("{} IP rules: an account accepts at most {MAX_RULES}. Merge neighbouring addresses into ranges.", entries.len()),
        );
        let rules: Vec<IpRule> = accepted.iter().map(|(_, r)| *r).collect();
        let merged = merge_neighbours(&rules);
        if all_read && merged.len() < entries.len() {
            error = error.with_fix(
                format!(
                    "Merge neighbouring ranges ({} \u{2192} {} rules, the same addresses)",
                    entries.len(),
                    merged.len()
                ),
                merged.iter().map(IpRule::to_string).collect(),
            );
        }
        out.push(error);
        ok = false;
    }
    ok.then(|| accepted.into_iter().map(|(_, r)| r).collect())
}

fn validate_vnet_rules(
    entries: &[VnetRuleDraft],
    target_subscription: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<VnetRule>> {
    let mut ok = true;
    if entries.len() > MAX_RULES {
        out.push(Diagnostic::error(
            "network.vnet_rules",
            format!(
                "{} virtual-network rules: an account accepts at most {MAX_RULES}.",
                entries.len()
            ),
        ));
        ok = false;
    }
    let mut rules: Vec<VnetRule> = Vec::new();
    let mut first_index: HashMap<String, usize> = HashMap::new();
    let mut other_subscriptions_seen = Vec::<String>::new();
    for (index, entry) in entries.iter().enumerate() {
        let prefix = format!("network.vnet_rules.{index}");
        let subnet = match entry.input {
            SubnetInput::ResourceId => SubnetId::parse(&entry.subnet_id).map_err(|m| (format!("{prefix}.subnet_id"), m)),
            SubnetInput::Parts if entry.subscription_id.is_empty() && names::check_guid(target_subscription, "").is_err() => Err((
                format!("{prefix}.subscription_id"),
                "Left empty, so the target's subscription ID is used, and that is not valid yet: correct it in the Target step, or enter the subnet's subscription ID here.".to_owned(),
            )),
            SubnetInput::Parts => {
                let subscription =
                    if entry.subscription_id.is_empty() { target_subscription } else { entry.subscription_id.as_str() };
                SubnetId::from_parts(subscription, &entry.resource_group, &entry.vnet, &entry.subnet)
                    .map_err(|(part, m)| (format!("{prefix}.{part}"), m))
            }
        };
        // Diagnostics about the whole subnet go on a field the person can see for this input.
        let (subnet_field, subscription_field) = match entry.input {
            SubnetInput::ResourceId => {
                (format!("{prefix}.subnet_id"), format!("{prefix}.subnet_id"))
            }
            SubnetInput::Parts => (
                format!("{prefix}.subnet"),
                format!("{prefix}.subscription_id"),
            ),
        };
        let tenant_id = optional_tenant_id(&entry.tenant_id, &prefix, &mut ok, out);
        let subnet = match subnet {
            Ok(s) => s,
            Err((field, message)) => {
                out.push(subnet_error(field, message, entry.input, &entry.subnet_id));
                ok = false;
                continue;
            }
        };
        let key = subnet.to_string().to_ascii_lowercase();
        if let Some(first) = first_index.get(&key) {
            out.push(Diagnostic::error(
                subnet_field,
                format!("Duplicate of virtual-network rule {}.", first + 1),
            ));
            ok = false;
            continue;
        }
        first_index.insert(key, index);
        if tenant_id.is_some() {
            out.push(Diagnostic::info(
                format!("{prefix}.tenant_id"),
                "A subnet in another Entra tenant: the Azure portal cannot configure this rule, but these scripts and the REST API can. Whoever runs them must be signed in to both tenants (az login --tenant / Connect-AzAccount -Tenant).",
            ));
        }
        let other_subscription = !subnet
            .subscription_id
            .eq_ignore_ascii_case(target_subscription);
        if other_subscription && !other_subscriptions_seen.contains(&subnet.subscription_id) {
            other_subscriptions_seen.push(subnet.subscription_id.clone());
            out.push(Diagnostic::info(
                subscription_field,
                format!(
                    "The subnet is in another subscription ({}): the Microsoft.CognitiveServices resource provider must be registered there. The scripts register it.",
                    subnet.subscription_id
                ),
            ));
        }
        if !entry.enable_service_endpoint {
            out.push(Diagnostic::info(
                format!("{prefix}.enable_service_endpoint"),
                "The rule is sent with ignoreMissingVnetServiceEndpoint: true, so Azure accepts it before the subnet has the Microsoft.CognitiveServices service endpoint; it only lets traffic in once the subnet has it.",
            ));
        }
        rules.push(VnetRule {
            subnet,
            tenant_id,
            enable_service_endpoint: entry.enable_service_endpoint,
        });
    }
    ok.then_some(rules)
}

pub(super) fn cross_step_warnings(
    custom_domain: Option<&CustomDomain>,
    network: Option<&NetworkRules>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(network) = network else { return };
    if network.vnet_rules.is_empty() || custom_domain.is_some() {
        return;
    }
    out.push(Diagnostic::warning(
        "network.vnet_rules",
        "Clients in a virtual network must call the account's custom-subdomain endpoint: include the Custom domain step unless the account already has one.",
    ));
}
