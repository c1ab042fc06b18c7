//! The ARM requests whose body depends on what is there now: exact when the current state is
//! known, and otherwise built so that ARM refuses them until a person edits them (a text where
//! the spec wants a list or an object), never a plausible body that would drop what it does not
//! know. networkAcls is always sent whole: a PATCH replaces it as one object.

use crate::json;
use serde_json::Value;

use super::arm_values::Bypass;
use super::arm_values::{bypass_name, default_action_name};
use super::config::{ExactLists, Removals};
use super::current_state::{AccountNetwork, CurrentState, NetworkAcls, SubnetState};
use super::ip_rules::IpRule;
use super::subnet_id::SubnetId;

/// The service endpoint the plan adds to subnets.
pub const SERVICE: &str = "Microsoft.CognitiveServices";

/// Where an edit is needed, in a body: every such text is one ARM refuses by its type.
pub const EDIT_MARK: &str = "<EDIT: ";

/// The wizard's side of the rules: what the plan adds.
#[derive(Clone, Copy, Debug)]
pub struct WantedRules<'a> {
    pub ip_rules: &'a [IpRule],
    pub subnets: &'a [AllowedSubnet],
    pub bypass: Option<Bypass>,
    pub exact: ExactLists,
    /// Rules named for removal from lists that are added to.
    pub removals: &'a Removals,
}

/// How every exact write's note starts its comparison. Neither the account PATCH
/// (Accounts_Update) nor the subnet PUT (Subnets_CreateOrUpdate) declares an `If-Match`
/// parameter in its API spec, so Resource Manager cannot be asked to refuse a write whose
/// snapshot is out of date: the person compares the GET before it, and stops on a difference.
pub const COMPARE_FIRST: &str = "Before sending it, compare with the GET above:";

/// The comparison an exact write asks for: `must` says what the GET must show, `what` names
/// the resource that may have changed.
fn compare_first(must: &str, what: &str) -> String {
    format!(
        " {COMPARE_FIRST} {must}. If it shows anything else, the {what} changed after it was read: do not send this, as it would undo that change; import the current settings again."
    )
}

/// The parts of networkAcls an exact body copies from the snapshot, as a person reads them in
/// a GET ("bypass AzureServices, ipRules 192.0.2.10 and 192.0.2.64/26, virtualNetworkRules ID"):
/// a list the plan makes exact and a bypass it sets are its own, so a change to them since is
/// not lost. `None` when the body copies nothing (a rollback to exact lists).
fn copied_acls(acls: Option<&NetworkAcls>, wanted: WantedRules<'_>) -> Option<String> {
    let listed = |items: Vec<String>| {
        if items.is_empty() {
            "none".to_owned()
        } else {
            items.join(" and ")
        }
    };
    let mut parts = Vec::new();
    if wanted.bypass.and_then(bypass_name).is_none() {
        let bypass = acls.and_then(|a| a.bypass.as_deref()).unwrap_or("none");
        parts.push(format!("bypass {bypass}"));
    }
    if !wanted.exact.ip_rules {
        let ips = acls.map(|a| a.ip_rules.clone()).unwrap_or_default();
        parts.push(format!("ipRules {}", listed(ips)));
    }
    if !wanted.exact.subnets {
        let ids = acls
            .map(|a| {
                a.virtual_network_rules
                    .iter()
                    .map(|r| r.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        parts.push(format!("virtualNetworkRules {}", listed(ids)));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A body and what the comment above it says.
pub struct Body {
    pub body: Value,
    pub note: String,
    /// ARM refuses the body as it stands: it must be edited as the note says.
    pub refused_until_edited: bool,
}

fn acls_object(
    default_action: Value,
    bypass: Option<Value>,
    ip_rules: Vec<Value>,
    vnet_rules: Vec<Value>,
) -> Value {
    let mut acls = serde_json::Map::new();
    acls.insert("defaultAction".into(), default_action);
    if let Some(b) = bypass {
        acls.insert("bypass".into(), b);
    }
    acls.insert("ipRules".into(), Value::Array(ip_rules));
    acls.insert("virtualNetworkRules".into(), Value::Array(vnet_rules));
    json!({ "properties": { "networkAcls": acls } })
}

/// The account's rules with the wanted ones appended when missing (IP rules compared by value as
/// ARM stores them, subnets by ID, case-insensitively), in ARM's order: what the scripts' merge
/// computes too.
pub fn merged_acls(current: Option<&NetworkAcls>, wanted: WantedRules<'_>) -> NetworkAcls {
    let mut acls = current.cloned().unwrap_or(NetworkAcls {
        default_action: None,
        bypass: None,
        ip_rules: Vec::new(),
        virtual_network_rules: Vec::new(),
    });
    if wanted.exact.ip_rules {
        let listed: Vec<String> = wanted.ip_rules.iter().map(|r| r.to_string()).collect();
        acls.ip_rules.retain(|value| listed.contains(value));
    }
    if wanted.exact.subnets {
        acls.virtual_network_rules.retain(|rule| {
            wanted
                .subnets
                .iter()
                .any(|s| s.subnet.to_string().eq_ignore_ascii_case(&rule.id))
        });
    }
    let named: Vec<String> = wanted
        .removals
        .ip_rules
        .iter()
        .map(|r| r.to_string())
        .collect();
    acls.ip_rules.retain(|value| !named.contains(value));
    acls.virtual_network_rules.retain(|rule| {
        !wanted
            .removals
            .subnets
            .iter()
            .any(|s| s.to_string().eq_ignore_ascii_case(&rule.id))
    });
    for rule in wanted.ip_rules {
        let value = rule.to_string();
        if !acls.ip_rules.contains(&value) {
            acls.ip_rules.push(value);
        }
    }
    for subnet in wanted.subnets {
        let id = subnet.subnet.to_string();
        if !acls
            .virtual_network_rules
            .iter()
            .any(|r| r.id.eq_ignore_ascii_case(&id))
        {
            acls.virtual_network_rules
                .push(super::current_state::VnetRuleState {
                    id,
                    ignore_missing_vnet_service_endpoint: Some(subnet.ignore_missing_endpoint),
                });
        }
    }
    if let Some(name) = wanted.bypass.and_then(bypass_name) {
        acls.bypass = Some(name.to_owned());
    }
    acls
}

fn exact_acls_body(acls: &NetworkAcls, default_action: &str) -> Value {
    acls_object(
        json!(default_action),
        acls.bypass.as_ref().map(|b| json!(b)),
        acls.ip_rules
            .iter()
            .map(|v| json!({ "value": v }))
            .collect(),
        acls.virtual_network_rules
            .iter()
            .map(|r| r.to_json())
            .collect(),
    )
}

fn current_default_action(acls: Option<&NetworkAcls>) -> &'static str {
    acls.and_then(|a| a.default_action)
        .map_or("Allow", default_action_name)
}

const PASTE_IP_RULES: &str =
    "<EDIT: replace this text with the ipRules entries of the GET above, each followed by a comma>";
const PASTE_VNET_RULES: &str = "<EDIT: replace this text with the virtualNetworkRules entries of the GET above, each followed by a comma>";
const PASTE_BYPASS: &str =
    "<EDIT: the bypass of the GET above (None or AzureServices); delete this line if it has none>";

fn wanted_bypass_or_paste(wanted: WantedRules<'_>) -> Value {
    match wanted.bypass.and_then(bypass_name) {
        Some(name) => json!(name),
        None => json!(PASTE_BYPASS),
    }
}

/// The PATCH that adds the allow rules, keeping the account's default action: it changes only
/// in the step that sets it, after the private endpoints and their DNS, as the scripts do. A
/// stop in between (a failure, a cancel) leaves the default action as it was, never Deny
/// before the endpoints exist. The apply page sends this same body, computed from its own read
/// of the account.
pub fn add_rules(
    account: Option<&AccountNetwork>,
    state: Option<&CurrentState>,
    wanted: WantedRules<'_>,
    final_action: &str,
) -> Body {
    match (account, state) {
        (Some(account), Some(state)) => {
            let current = account.network_acls.as_ref();
            let merged = merged_acls(current, wanted);
            let current_action = current_default_action(current);
            let action_note = if current_action == final_action {
                format!("its default action ({current_action}) is kept")
            } else {
                format!("its default action ({current_action}) is kept until its own step below sets {final_action}, so a stop in between leaves it as it was (sent again after that step, this request would set {current_action} back until that step runs again: import the current settings before another run)")
            };
            Body {
                body: exact_acls_body(&merged, current_action),
                note: format!(
                    "Exact: the account's rules as {}, in their order, with the new ones appended{}; {action_note}. Send it as it is.{}",
                    state.provenance(),
                    removed_note(current, &merged, wanted.removals),
                    copied_acls(current, wanted).map_or_else(String::new, |copied| compare_first(
                        &format!(
                            "its properties.networkAcls must hold exactly {copied} (or, on a second run, what this body writes: then sending it changes nothing)"
                        ),
                        "account"
                    )),
                ),
                refused_until_edited: false,
            }
        }
        _ => {
            // An exact list needs nothing from the account: its rules are the listed ones.
            let paste = |exact: bool, text: &str| (!exact).then(|| json!(text));
            let mut ip_rules: Vec<Value> = paste(wanted.exact.ip_rules, PASTE_IP_RULES)
                .into_iter()
                .collect();
            ip_rules.extend(
                wanted
                    .ip_rules
                    .iter()
                    .map(|r| json!({ "value": r.to_string() })),
            );
            let mut vnet_rules: Vec<Value> = paste(wanted.exact.subnets, PASTE_VNET_RULES)
                .into_iter()
                .collect();
            vnet_rules.extend(wanted.subnets.iter().map(AllowedSubnet::to_json));
            Body {
                body: acls_object(
                    json!("<EDIT: the defaultAction of the GET above (Allow if it has no networkAcls)>"),
                    Some(wanted_bypass_or_paste(wanted)),
                    ip_rules,
                    vnet_rules,
                ),
                note: "The account's current rules are not known here, and this PATCH replaces networkAcls whole. Edit every <EDIT: …> text with what the GET above returned under properties.networkAcls, then delete the new entries that the GET already lists. Or import the current settings into the wizard and take the exact request.".into(),
                refused_until_edited: true,
            }
        }
    }
}

/// "; it REMOVES, as not listed: IP rule X, subnet Y" (and "as named for removal: …"), or
/// nothing when nothing goes.
fn removed_note(current: Option<&NetworkAcls>, merged: &NetworkAcls, named: &Removals) -> String {
    let Some(current) = current else {
        return String::new();
    };
    let mut removed: Vec<String> = current
        .ip_rules
        .iter()
        .filter(|v| !merged.ip_rules.contains(v))
        .map(|v| format!("IP rule {v}"))
        .collect();
    removed.extend(
        current
            .virtual_network_rules
            .iter()
            .filter(|r| {
                !merged
                    .virtual_network_rules
                    .iter()
                    .any(|m| m.id.eq_ignore_ascii_case(&r.id))
            })
            .map(|r| format!("subnet {}", r.id)),
    );
    let is_named = |item: &String| {
        named
            .ip_rules
            .iter()
            .any(|r| *item == format!("IP rule {r}"))
            || named
                .subnets
                .iter()
                .any(|s| item.eq_ignore_ascii_case(&format!("subnet {s}")))
    };
    let (by_name, not_listed): (Vec<String>, Vec<String>) = removed.into_iter().partition(is_named);
    let mut note = String::new();
    if !not_listed.is_empty() {
        note += &format!("; it REMOVES, as not listed: {}", not_listed.join(", "));
    }
    if !by_name.is_empty() {
        note += &format!("; it REMOVES, as named for removal: {}", by_name.join(", "));
    }
    note
}

/// The PATCH that sets the default action, keeping every rule (those of the step before
/// included).
pub fn set_default_action(
    account: Option<&AccountNetwork>,
    state: Option<&CurrentState>,
    wanted: WantedRules<'_>,
    action: &str,
) -> Body {
    match (account, state) {
        (Some(account), Some(state)) => {
            let merged = merged_acls(account.network_acls.as_ref(), wanted);
            Body {
                body: exact_acls_body(&merged, action),
                note: format!(
                    "Exact: every rule as {} plus those added above; only defaultAction changes. Send it as it is.{}",
                    state.provenance(),
                    copied_acls(account.network_acls.as_ref(), wanted).map_or_else(String::new, |_| compare_first(
                        "its properties.networkAcls must list the same bypass, ipRules and virtualNetworkRules as this body, in the same order",
                        "account"
                    )),
                ),
                refused_until_edited: false,
            }
        }
        _ => Body {
            body: acls_object(
                json!(action),
                Some(wanted_bypass_or_paste(wanted)),
                vec![json!(PASTE_IP_RULES)],
                vec![json!(PASTE_VNET_RULES)],
            ),
            note: "The account's rules are not known here, and this PATCH replaces networkAcls whole. Edit every <EDIT: …> text with what the GET above returned under properties.networkAcls (it includes the rules added above): only defaultAction may change. Or import the current settings into the wizard and take the exact request.".into(),
            refused_until_edited: true,
        },
    }
}

/// The subnet PUT that adds the service endpoint, keeping every other setting.
pub fn subnet_with_endpoint(subnet: Option<&SubnetState>, state: Option<&CurrentState>) -> Body {
    match (subnet, state) {
        (Some(subnet), Some(state)) => Body {
            body: subnet.put_body_with_service_endpoint(SERVICE),
            note: format!(
                "Exact: the subnet's writable settings as {}{}. A subnet PUT replaces everything, so nothing may be left out: send it as it is.{}",
                state.provenance(),
                if subnet.has_service_endpoint(SERVICE) {
                    " (it already has the endpoint: this changes nothing)"
                } else {
                    ", with the endpoint appended"
                },
                compare_first(
                    &format!("its properties must hold the same settings as this body (address prefixes, network security group, route table, delegations, service endpoints, network policies and the rest), apart from the {SERVICE} endpoint this body lists"),
                    "subnet"
                ),
            ),
            refused_until_edited: false,
        },
        _ => Body {
            body: json!({ "properties": format!("<EDIT: replace this text with the properties object of the GET above, without its read-only fields, and append {{\"service\": \"{SERVICE}\"}} to its serviceEndpoints>") }),
            note: format!(
                "The subnet's settings are not known here, and a subnet PUT replaces everything: a field left out (address prefixes, NSG, route table, delegations, other service endpoints) is removed. Edit the <EDIT: …> text as it says; the read-only fields to leave out are {} and provisioningState inside serviceEndpoints and delegations. Or import the subnet into the wizard and take the exact request.",
                super::current_state::SUBNET_READ_ONLY.join(", ")
            ),
            refused_until_edited: true,
        },
    }
}

/// The subnet PUT that switches off private-endpoint network policies, keeping every other
/// setting (a subnet has no PATCH).
pub fn subnet_without_endpoint_policies(
    subnet: Option<&SubnetState>,
    state: Option<&CurrentState>,
) -> Body {
    match (subnet, state) {
        (Some(subnet), Some(state)) => Body {
            body: subnet.put_body_with_endpoint_policies_disabled(),
            note: format!(
                "Exact: the subnet's writable settings as {}{}. A subnet PUT replaces everything, so nothing may be left out: send it as it is.{}",
                state.provenance(),
                if subnet
                    .endpoint_policies()
                    .is_some_and(|p| p.eq_ignore_ascii_case("Disabled"))
                {
                    " (the policies are Disabled already: this changes nothing)"
                } else {
                    ", with privateEndpointNetworkPolicies set to Disabled"
                },
                compare_first(
                    "its properties must hold the same settings as this body (address prefixes, network security group, route table, delegations, service endpoints and the rest), apart from privateEndpointNetworkPolicies",
                    "subnet"
                ),
            ),
            refused_until_edited: false,
        },
        _ => Body {
            body: json!({ "properties": "<EDIT: replace this text with the properties object of the GET above, without its read-only fields, and set its privateEndpointNetworkPolicies to Disabled>" }),
            note: format!(
                "The subnet's settings are not known here, and a subnet PUT replaces everything: a field left out (address prefixes, NSG, route table, delegations, service endpoints) is removed. Edit the <EDIT: …> text as it says; the read-only fields to leave out are {} and provisioningState inside serviceEndpoints and delegations. Or import the subnet into the wizard and take the exact request.",
                super::current_state::SUBNET_READ_ONLY.join(", ")
            ),
            refused_until_edited: true,
        },
    }
}

/// A create PUT that ARM refuses until the person confirms the resource is missing: a PUT on an
/// existing resource group replaces its tags, and on an existing account its settings.
/// `which_get` names the request that tells whether it exists. The guard is the `tags` line, as
/// text where ARM wants an object: deleted, or with `tags` replaced by the plan's tags.
pub fn create_only_if_missing(
    what: &str,
    which_get: &str,
    body: Value,
    tags: Option<&Value>,
) -> Body {
    let (mark, edit) = match tags {
        None => (
            format!("<EDIT: delete this line only if {which_get} answered 404 (the {what} does not exist)>"),
            "delete its \"tags\" line".to_owned(),
        ),
        Some(tags) => (
            format!("<EDIT: only if {which_get} answered 404 (the {what} does not exist), replace this text and its quotes with the tags of the comment above>"),
            format!("replace the text of its \"tags\" line, quotes included, with {}", crate::json_text::compact(tags)),
        ),
    };
    let mut guarded = serde_json::Map::new();
    guarded.insert("tags".into(), json!(mark));
    if let Value::Object(fields) = body {
        guarded.extend(fields);
    }
    Body {
        body: Value::Object(guarded),
        note: format!(
            "Creates the {what}. Sent over an existing {what}, a PUT would replace it (its tags and settings), so ARM refuses this body until you {edit}, which you do only when {which_get} answered 404."
        ),
        refused_until_edited: true,
    }
}

/// Whether a body still holds an edit mark (so ARM refuses it).
pub fn has_edit_mark(body: &Value) -> bool {
    match body {
        Value::String(text) => text.starts_with(EDIT_MARK),
        Value::Array(items) => items.iter().any(has_edit_mark),
        Value::Object(fields) => fields.values().any(has_edit_mark),
        _ => false,
    }
}

/// A subnet to allow, and whether ARM should accept the rule before the subnet has the
/// Microsoft.CognitiveServices service endpoint (when the wizard does not enable it itself).
#[derive(Clone, Debug, PartialEq)]
pub struct AllowedSubnet {
    pub subnet: SubnetId,
    pub ignore_missing_endpoint: bool,
}

impl AllowedSubnet {
    pub(crate) fn from_rule(rule: &crate::config::VnetRule) -> Self {
        AllowedSubnet {
            subnet: rule.subnet.clone(),
            ignore_missing_endpoint: !rule.enable_service_endpoint,
        }
    }

    pub fn to_json(&self) -> Value {
        json!({ "id": self.subnet.to_string(), "ignoreMissingVnetServiceEndpoint": self.ignore_missing_endpoint })
    }
}
