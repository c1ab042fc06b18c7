//! What goes: single rules removed from a list that is added to, and decisions on private
//! endpoint connections (approve, reject, delete) from the resource's side.

use crate::config::{ConnectionChange, Removals, VnetRule};
use crate::current_state::CurrentState;
use crate::diagnostics::Diagnostic;
use crate::draft::{ConnectionDecision, Draft, NetworkDraft};
use crate::ip_rules::{parse_ip_rule, IpRule, MAX_RULES};
use crate::resource_kinds::ResourceType;
use crate::subnet_id::SubnetId;

/// The removal lists; `None` when one has an error. In an exact list they are not needed (the
/// rules not listed go anyway), so they are left out with a warning.
pub(super) fn validate_removals(
    step: &NetworkDraft,
    ip_rules: &[IpRule],
    vnet_rules: &[VnetRule],
    out: &mut Vec<Diagnostic>,
) -> Option<Removals> {
    let mut ok = true;
    let mut removals = Removals::default();
    for (list, len, exact) in [
        (
            "remove_ip_rules",
            step.remove_ip_rules.len(),
            step.ip_rules_exact,
        ),
        (
            "remove_vnet_rules",
            step.remove_vnet_rules.len(),
            step.vnet_rules_exact,
        ),
    ] {
        if len > MAX_RULES {
            out.push(Diagnostic::error(
                format!("network.{list}"),
                format!("{len} rules to remove: an account holds at most {MAX_RULES}."),
            ));
            ok = false;
        }
        if len > 0 && exact {
            out.push(Diagnostic::warning(
                format!("network.{list}"),
                "The list above is made exactly as listed, so every rule not in it is removed anyway: this removal list is not used.",
            ));
        }
    }
    if !step.ip_rules_exact {
        for (index, entry) in step.remove_ip_rules.iter().enumerate() {
            let field = format!("network.remove_ip_rules.{index}");
            match parse_ip_rule(entry) {
                Err(refusal) => {
                    out.push(Diagnostic::error(&field, refusal.message));
                    ok = false;
                }
                Ok((rule, _)) if ip_rules.contains(&rule) => {
                    out.push(Diagnostic::error(
                        &field,
                        format!("{rule} is also in the IP rules to allow: remove it there (a rule in both lists is kept), or leave it out of this list."),
                    ));
                    ok = false;
                }
                Ok((rule, _)) if removals.ip_rules.contains(&rule) => {
                    out.push(Diagnostic::error(
                        &field,
                        format!("{rule} is listed twice."),
                    ));
                    ok = false;
                }
                Ok((rule, _)) => removals.ip_rules.push(rule),
            }
        }
    }
    if !step.vnet_rules_exact {
        for (index, entry) in step.remove_vnet_rules.iter().enumerate() {
            let field = format!("network.remove_vnet_rules.{index}");
            let same =
                |a: &SubnetId, b: &SubnetId| a.to_string().eq_ignore_ascii_case(&b.to_string());
            match SubnetId::parse(entry) {
                Err(message) => {
                    out.push(Diagnostic::error(&field, message));
                    ok = false;
                }
                Ok(subnet) if vnet_rules.iter().any(|r| same(&r.subnet, &subnet)) => {
                    out.push(Diagnostic::error(
                        &field,
                        "This subnet is also in the virtual-network rules to allow: remove it there (a rule in both lists is kept), or leave it out of this list.",
                    ));
                    ok = false;
                }
                Ok(subnet) if removals.subnets.iter().any(|s| same(s, &subnet)) => {
                    out.push(Diagnostic::error(&field, "This subnet is listed twice."));
                    ok = false;
                }
                Ok(subnet) => removals.subnets.push(subnet),
            }
        }
    }
    ok.then_some(removals)
}

/// Longest connection name accepted (ARM's are an endpoint name and a GUID).
const NAME_MAX: usize = 200;

/// The decisions on private endpoint connections; messages go to `network.endpoint_connections`.
pub(super) fn validate_connections(
    draft: &Draft,
    state: Option<&CurrentState>,
    out: &mut Vec<Diagnostic>,
) -> Vec<ConnectionChange> {
    let decisions = &draft.network.endpoint_connections;
    if decisions.is_empty() {
        return Vec::new();
    }
    if draft.target.resource_type != ResourceType::CognitiveServices {
        out.push(Diagnostic::error(
            "network.endpoint_connections",
            "Private endpoint connections are approved, rejected or deleted here for Cognitive Services accounts only.",
        ));
        return Vec::new();
    }
    let listed = state
        .and_then(|s| s.account.as_ref())
        .map(|a| (a.endpoint_connections.as_slice(), provenance(state)));
    let mut changes: Vec<ConnectionChange> = Vec::new();
    for (index, entry) in decisions.iter().enumerate() {
        let field = format!("network.endpoint_connections.{index}");
        let Some((decision, name)) = ConnectionDecision::parse(entry) else {
            out.push(Diagnostic::error(
                &field,
                "Write \"approve NAME\", \"reject NAME\" or \"delete NAME\" (NAME: the connection's name).",
            ));
            continue;
        };
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
        // The name becomes the last segment of a request path: one that starts with a period
        // could be `.` or `..`.
        if name.is_empty()
            || name.starts_with('.')
            || name.len() > NAME_MAX
            || !name.chars().all(allowed)
        {
            out.push(Diagnostic::error(
                &field,
                format!("A connection's name is the last part of its ID (for example pe-app.4f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91): letters, digits, '.', '-' and '_', at most {NAME_MAX} characters."),
            ));
            continue;
        }
        if changes.iter().any(|c| c.name.eq_ignore_ascii_case(name)) {
            out.push(Diagnostic::error(
                &field,
                "This connection has a decision already.",
            ));
            continue;
        }
        let known = listed.as_ref().and_then(|(connections, _)| {
            connections
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(name))
        });
        match (&listed, known) {
            (Some((_, provenance)), None) => out.push(Diagnostic::warning(
                &field,
                format!("The account had no connection named {name} (settings {provenance}): check the name. To approve or reject, the scripts stop unless it exists by then; a delete finds nothing to do."),
            )),
            (_, Some(connection)) if Some(connection.status.as_str()) == decision.status() => {
                out.push(Diagnostic::info(
                    &field,
                    format!("Already {}: the scripts check and skip it.", connection.status),
                ))
            }
            _ => {}
        }
        changes.push(ConnectionChange {
            name: name.to_owned(),
            decision,
            private_endpoint_id: known.map(|c| c.private_endpoint_id.clone()),
        });
    }
    let deletes = changes
        .iter()
        .any(|c| c.decision == ConnectionDecision::Delete);
    if deletes && !draft.network.acknowledge_connection_delete {
        out.push(Diagnostic::error(
            "network.acknowledge_connection_delete",
            "Deleting a private endpoint connection cuts that endpoint off for good: its owner must request a new connection. Tick the box to confirm.",
        ));
    }
    changes
}

fn provenance(state: Option<&CurrentState>) -> String {
    state.map(CurrentState::provenance).unwrap_or_default()
}
