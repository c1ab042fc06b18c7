//! The way back: from the snapshot a configuration carries (`current_state.account`, as an
//! import or a paste recorded it), a draft whose outputs restore the account's network settings
//! as they were. It goes through the same plan as any draft, so the order is the forward one
//! that never locks anyone out: the rule lists first (made exactly the snapshot's), then the
//! default action, then public network access.

use super::current_state::{validate_current_state, NetworkAcls};
use super::draft::{
    Bypass, CustomDomainDraft, DefaultAction, Draft, NetworkDraft, PublicNetworkAccess,
    VnetRuleDraft,
};
use super::plan::Plan;
use super::private_endpoints::draft::PrivateEndpointsDraft;
use super::storage_draft::StorageDraft;

/// What no rollback can undo, for the header of every rollback output.
pub const NOT_ROLLED_BACK: [&str; 3] = [
    "The custom subdomain: once set it can never be changed or removed (only a new resource is free of it).",
    "Bring-your-own storage: the storage an account keeps its data in is fixed when it is created.",
    "Private endpoints and their connections are left as they are: a deleted connection is gone for good (its endpoint's owner must request a new one), and endpoints the forward script created stay.",
];

/// The rollback draft, or why there is none.
pub fn rollback_draft(draft: &Draft) -> Result<Draft, String> {
    let none = "This configuration carries no snapshot of the account's network settings: import the account's show output first (wizard-cli import, or the Review step's load box), before changing anything.";
    let section = draft.current_state.as_ref().ok_or(none)?;
    let target_id = super::validate::validate(draft)
        .config
        .map(|c| c.target.resource_id());
    let mut problems = Vec::new();
    let state = validate_current_state(section, target_id.as_deref(), &mut problems);
    let account = state
        .and_then(|s| s.account)
        .ok_or_else(|| match problems.first() {
            Some(problem) => format!(
                "The snapshot cannot be read: {}: {}",
                problem.field, problem.message
            ),
            None => none.to_owned(),
        })?;
    let acls = account.network_acls.clone().unwrap_or(NetworkAcls {
        // No networkAcls: every network was allowed.
        default_action: Some(DefaultAction::Allow),
        bypass: None,
        ip_rules: Vec::new(),
        virtual_network_rules: Vec::new(),
    });
    let bypass = match acls.bypass.as_deref() {
        Some("AzureServices") => Bypass::AzureServices,
        Some(_) => Bypass::None,
        None => Bypass::KeepCurrent,
    };
    let mut network: NetworkDraft = draft.network.clone();
    network.enabled = true;
    network.public_network_access = account
        .public_network_access
        .unwrap_or(PublicNetworkAccess::Enabled);
    network.default_action = acls.default_action.unwrap_or(DefaultAction::Allow);
    network.bypass = bypass;
    network.ip_rules = acls.ip_rules.clone();
    network.vnet_rules = acls
        .virtual_network_rules
        .iter()
        .map(|rule| VnetRuleDraft {
            subnet_id: rule.id.clone(),
            // A rule that did not ignore a missing endpoint had one: keep it so.
            enable_service_endpoint: rule.ignore_missing_vnet_service_endpoint == Some(false),
            ..VnetRuleDraft::default()
        })
        .collect();
    network.ip_rules_exact = true;
    network.vnet_rules_exact = true;
    // Nothing to restore: a subdomain, once set, stays (the header says so).
    let custom_domain = CustomDomainDraft {
        enabled: false,
        ..CustomDomainDraft::default()
    };
    let mut target = draft.target.clone();
    target.existence = super::draft::Existence::Existing;
    let mut rollback = draft.clone();
    rollback.target = target;
    rollback.custom_domain = custom_domain;
    rollback.network = network;
    rollback.storage = StorageDraft::default();
    // Endpoints are not network settings of the snapshot: the way back leaves them alone.
    rollback.private_endpoints = PrivateEndpointsDraft {
        enabled: false,
        ..PrivateEndpointsDraft::default()
    };
    Ok(rollback)
}

/// The rollback plan and its header lines, or why there is none (no snapshot, or the rollback
/// draft does not validate: its first error).
pub fn rollback_plan(draft: &Draft) -> Result<(Plan, Vec<String>), String> {
    let rollback = rollback_draft(draft)?;
    let generated = super::generate::generate(&rollback);
    match generated.plan {
        Some(plan) => Ok((plan, rollback_header(draft))),
        None => Err(generated
            .validation
            .errors()
            .next()
            .map(|d| {
                format!(
                    "The rollback cannot be generated: {}: {}",
                    d.field, d.message
                )
            })
            .unwrap_or_else(|| "The rollback cannot be generated.".to_owned())),
    }
}

/// Header lines of a rollback output: where the settings come from and what stays.
pub fn rollback_header(draft: &Draft) -> Vec<String> {
    let read_at = draft
        .current_state
        .as_ref()
        .map(|s| s.read_at.clone())
        .unwrap_or_default();
    let mut lines = vec![
        format!(
            "ROLLBACK: restores the network settings read at {read_at} (default action, IP and"
        ),
        "virtual-network rules, trusted-services bypass, public network access), rules first, then"
            .to_owned(),
        "the default action, then public access, so nobody the old settings allowed is locked out."
            .to_owned(),
        "Cannot be rolled back:".to_owned(),
    ];
    lines.extend(NOT_ROLLED_BACK.iter().map(|l| format!("  - {l}")));
    lines
}
