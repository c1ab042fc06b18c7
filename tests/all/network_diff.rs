//! The before/after of the network settings (core::network_diff), and the validation of what
//! goes: single rules named for removal and decisions on private endpoint connections.

use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::network_diff::{network_diff, Change};

use crate::support::fixture;

const LEGACY: &str = "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy";

fn diff_of(name: &str) -> Vec<(String, Change)> {
    let plan = generate(&fixture(name)).plan.expect("valid fixture");
    network_diff(&plan)
        .expect("the fixture carries a snapshot")
        .into_iter()
        .map(|l| (l.describe(), l.change()))
        .collect()
}

fn has(lines: &[(String, Change)], text: &str, change: Change) -> bool {
    lines.iter().any(|(t, c)| t == text && *c == change)
}

#[test]
fn single_removals_show_as_removed_and_the_rest_as_it_was() {
    let lines = diff_of("openai-remove-single-rules");
    for (text, change) in [
        (
            "unchanged: Public network access Enabled",
            Change::Unchanged,
        ),
        ("unchanged: Default action Deny", Change::Unchanged),
        (
            "unchanged: Trusted-services bypass AzureServices",
            Change::Unchanged,
        ),
        ("unchanged: IP rule 192.0.2.10", Change::Unchanged),
        ("− removed: IP rule 198.51.100.0/26", Change::Removed),
        ("+ added: IP rule 203.0.113.0/24", Change::Added),
        (&format!("− removed: Subnet rule {LEGACY}"), Change::Removed),
    ] {
        assert!(has(&lines, text, change), "{text} missing from {lines:#?}");
    }
    assert_eq!(lines.len(), 7, "{lines:#?}");
}

#[test]
fn exact_lists_show_what_they_leave_out_as_removed() {
    let lines = diff_of("openai-exact-lists-remove-rules");
    assert!(has(
        &lines,
        "− removed: IP rule 198.51.100.0/26",
        Change::Removed
    ));
    assert!(has(
        &lines,
        &format!("− removed: Subnet rule {LEGACY}"),
        Change::Removed
    ));
    assert!(has(
        &lines,
        "+ added: IP rule 203.0.113.0/24",
        Change::Added
    ));
}

#[test]
fn connection_decisions_change_the_status_or_remove_the_connection() {
    let lines = diff_of("openai-endpoint-connections");
    let connection = |name: &str| {
        lines
            .iter()
            .find(|(t, _)| t.contains(name))
            .unwrap_or_else(|| panic!("{name} in {lines:#?}"))
            .clone()
    };
    assert_eq!(
        connection("pe-analytics"),
        (
            "~ changed: Private endpoint connection pe-analytics.6b1e0c52-8f3a-4d7e-9c21-5a4f3e2d1c0b (endpoint pe-analytics) Pending → Approved".to_owned(),
            Change::Changed
        )
    );
    assert_eq!(connection("pe-contractor").1, Change::Changed);
    assert!(connection("pe-contractor")
        .0
        .ends_with("Approved → Rejected"));
    assert_eq!(connection("pe-retired").1, Change::Removed);
    // The network step is not included: the firewall stays as it was.
    assert!(lines
        .iter()
        .filter(|(t, _)| !t.contains("Private endpoint connection"))
        .all(|(_, c)| *c == Change::Unchanged));
}

#[test]
fn without_a_snapshot_there_is_no_before_and_after() {
    let plan = generate(&fixture("speech-two-office-ranges")).plan.unwrap();
    assert_eq!(network_diff(&plan), None);
}

#[test]
fn a_delete_needs_its_acknowledgement_and_a_rule_cannot_be_added_and_removed() {
    let mut draft = fixture("openai-endpoint-connections");
    draft.network.acknowledge_connection_delete = false;
    let validation = generate(&draft).validation;
    assert!(validation
        .errors()
        .any(|d| d.field == "network.acknowledge_connection_delete"));

    let mut draft = fixture("openai-remove-single-rules");
    draft.network.remove_ip_rules.push("203.0.113.0/24".into());
    let validation = generate(&draft).validation;
    let error = validation
        .errors()
        .find(|d| d.field == "network.remove_ip_rules.1")
        .expect("a rule both added and removed is refused");
    assert!(
        error
            .message
            .contains("is also in the IP rules to allow: remove it there"),
        "{}",
        error.message
    );

    // A connection the snapshot does not list is named; a bad name is refused.
    let mut draft = fixture("openai-endpoint-connections");
    draft.network.endpoint_connections = vec![
        "approve pe-unknown.1".into(),
        "reject pe/../x".into(),
        "keep pe-analytics.6b1e0c52-8f3a-4d7e-9c21-5a4f3e2d1c0b".into(),
        "delete ..".into(),
        "approve .".into(),
    ];
    let validation = generate(&draft).validation;
    assert!(validation
        .diagnostics
        .iter()
        .any(|d| d.field == "network.endpoint_connections.0"
            && d.message.contains("had no connection named pe-unknown.1")));
    assert!(validation
        .errors()
        .any(|d| d.field == "network.endpoint_connections.1"));
    assert!(
        validation
            .errors()
            .any(|d| d.field == "network.endpoint_connections.2"
                && d.message.contains("approve NAME"))
    );
    // A dot segment is no connection name: it would make the request address another path.
    for field in [
        "network.endpoint_connections.3",
        "network.endpoint_connections.4",
    ] {
        assert!(
            validation
                .errors()
                .any(|d| d.field == field && d.message.contains("the last part of its ID")),
            "{field}"
        );
    }
}
