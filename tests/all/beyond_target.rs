//! What a plan touches beyond its target resource: the one predicate the apply page's
//! acknowledgement and the executor's confirmations share. A configuration from a link can name
//! any resource; only the target and what is below it are written without asking.

use ai_network_wizard::arm_client::beyond_target::{
    beyond_target, needs_confirmation, plan_beyond_target, Effect,
};
use ai_network_wizard::arm_client::{confirmation, Executor};
use ai_network_wizard::core::config::Target;
use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{ArmRequest, Plan};

use crate::support::{fixture, fixtures};

const SUB: &str = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91";
const OTHER_SUB: &str = "0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60";
const ACCOUNT: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech";

fn plan_of(draft: &Draft) -> Plan {
    generate(draft).plan.expect("a valid draft")
}

/// The removal fixture (target: contoso-speech), its endpoint moved to another subscription.
pub fn removal_in_another_subscription() -> Draft {
    let mut draft = fixture("private-endpoint-remove-reopen-public-access");
    draft.private_endpoints.removals[0].endpoint_id = format!("/subscriptions/{OTHER_SUB}/resourceGroups/rg-partner/providers/Microsoft.Network/privateEndpoints/pe-partner");
    draft
}

fn target() -> Target {
    plan_of(&removal_in_another_subscription()).target().clone()
}

fn request(method: &'static str, path: &str) -> ArmRequest {
    ArmRequest::new(method, path.to_owned(), "2024-01-01")
}

#[test]
fn the_target_and_what_is_below_it_are_not_beyond_it() {
    let target = target();
    assert_eq!(target.resource_id(), ACCOUNT);
    for (method, path) in [
        ("PATCH", ACCOUNT.to_owned()),
        ("PUT", ACCOUNT.to_owned()),
        // ARM compares IDs case-insensitively.
        ("PATCH", ACCOUNT.to_ascii_uppercase()),
        (
            "PUT",
            format!("{ACCOUNT}/privateEndpointConnections/pe-team.1234"),
        ),
    ] {
        assert_eq!(
            beyond_target(&target, &request(method, &path)),
            None,
            "{method} {path}"
        );
    }
    // A deletion below the target is not beyond it, and still asks.
    let connection = request(
        "DELETE",
        &format!("{ACCOUNT}/privateEndpointConnections/pe-team.1234"),
    );
    assert_eq!(beyond_target(&target, &connection), None);
    assert!(needs_confirmation(&target, &connection));
    assert!(!needs_confirmation(&target, &request("PATCH", ACCOUNT)));
}

#[test]
fn reads_are_never_beyond_the_target() {
    let target = target();
    let other = format!("/subscriptions/{OTHER_SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe");
    assert_eq!(beyond_target(&target, &request("GET", &other)), None);
    let check = request(
        "POST",
        &format!(
            "/subscriptions/{SUB}/providers/Microsoft.CognitiveServices/checkDomainAvailability"
        ),
    );
    assert_eq!(beyond_target(&target, &check), None);
    assert!(!needs_confirmation(&target, &check));
}

#[test]
fn every_other_write_is_beyond_the_target_and_says_what_it_does() {
    let target = target();
    let group = format!("/subscriptions/{SUB}/resourceGroups/rg-speech-prod");
    let cases = [
        // Another account whose name starts with the target's.
        ("PATCH", format!("{ACCOUNT}2"), Effect::Changes, false),
        // The target's group replaced by a plain PUT (not the guarded create).
        ("PUT", group.clone(), Effect::Changes, false),
        ("PUT", format!("/subscriptions/{SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-apps"), Effect::Changes, false),
        ("POST", format!("/subscriptions/{SUB}/providers/Microsoft.CognitiveServices/register"), Effect::Changes, false),
        ("PUT", format!("/subscriptions/{SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com/virtualNetworkLinks/link"), Effect::Changes, false),
        ("PATCH", format!("/subscriptions/{OTHER_SUB}/resourceGroups/rg-hub/providers/Microsoft.KeyVault/vaults/kv-hub"), Effect::Changes, true),
        ("PUT", format!("/subscriptions/{OTHER_SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/data/providers/Microsoft.Authorization/roleAssignments/5b1b8e0c-0000-4000-8000-000000000001"), Effect::Changes, true),
        ("DELETE", format!("/subscriptions/{OTHER_SUB}/resourceGroups/rg-partner/providers/Microsoft.Network/privateEndpoints/pe-partner"), Effect::Deletes, true),
    ];
    for (method, path, effect, other_subscription) in cases {
        let touch = beyond_target(&target, &request(method, &path))
            .unwrap_or_else(|| panic!("{method} {path} is beyond the target"));
        assert_eq!(
            (touch.method, touch.path.as_str(), touch.effect),
            (method, path.as_str(), effect)
        );
        assert_eq!(touch.other_subscription, other_subscription, "{path}");
        assert!(needs_confirmation(&target, &request(method, &path)));
    }
}

#[test]
fn a_path_a_browser_would_rewrite_is_never_within_the_target() {
    let target = target();
    for path in [
        format!("{ACCOUNT}/../../../../rg-network/providers/Microsoft.Network/privateEndpoints/pe"),
        format!("{ACCOUNT}/%2e%2E/other"),
        format!("{ACCOUNT}/./privateEndpointConnections/x"),
        format!("{ACCOUNT}//privateEndpointConnections/x"),
        format!("{ACCOUNT}\\..\\other"),
    ] {
        assert!(
            beyond_target(&target, &request("PUT", &path)).is_some(),
            "{path}"
        );
    }
}

#[test]
fn the_plan_lists_what_it_touches_beyond_the_target_deletions_first() {
    let plan = plan_of(&removal_in_another_subscription());
    let touches = plan_beyond_target(&plan);
    let listed: Vec<(&str, &str, bool)> = touches
        .iter()
        .map(|t| {
            (
                t.method,
                &t.path[t.path.rfind('/').unwrap_or(0)..],
                t.other_subscription,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("DELETE", "/default", true),
            ("DELETE", "/pe-partner", true)
        ],
        "reopening the target's public access is the target's own write"
    );
    // A plan that writes only the target lists nothing.
    let own = plan_of(&fixture("luis-existing-deny"));
    assert!(
        plan_beyond_target(&own).is_empty(),
        "{:?}",
        plan_beyond_target(&own)
    );
}

#[test]
fn creating_the_targets_own_missing_group_is_part_of_creating_the_target() {
    let plan = plan_of(&fixture("translator-create-no-custom-domain"));
    assert!(
        plan.steps
            .iter()
            .flat_map(|s| plan.requests(s))
            .any(|r| r.method == "PUT"
                && r.path
                    .ends_with(&format!("/resourceGroups/{}", plan.target().resource_group))),
        "the plan creates the group"
    );
    assert!(
        plan_beyond_target(&plan).is_empty(),
        "{:?}",
        plan_beyond_target(&plan)
    );
}

#[test]
fn every_fixtures_confirmations_name_each_deletion_and_write_beyond_the_target() {
    let mut seen = 0;
    for (name, draft) in fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        let target = plan.target();
        for step in &plan.steps {
            let requests = plan.requests(step);
            let asked: Vec<&ArmRequest> = requests
                .iter()
                .filter(|r| needs_confirmation(target, r))
                .collect();
            let warning = confirmation(&plan, step);
            if asked.is_empty() && !step.irreversible {
                // Only the writes after which clients are refused ask then.
                let cuts = step.action.cuts_clients_off();
                if cuts {
                    assert!(
                        warning
                            .as_deref()
                            .is_some_and(|w| w.starts_with("CUTS CLIENTS OFF: ")),
                        "{name}: {}: {warning:?}",
                        step.title
                    );
                } else {
                    assert_eq!(warning, None, "{name}: {}", step.title);
                }
                continue;
            }
            if asked.is_empty() {
                continue;
            }
            seen += 1;
            let warning = warning.unwrap_or_else(|| panic!("{name}: {} asks", step.title));
            for r in asked {
                let verb = if r.method == "DELETE" {
                    "deletes"
                } else {
                    "changes"
                };
                assert!(
                    warning.contains(&format!("- {verb} {} ({}", r.path, r.method)),
                    "{name}: {}: {warning}",
                    step.title
                );
            }
            assert!(
                warning.contains("a link, a file or another tab"),
                "{warning}"
            );
        }
        // The preview says, per step, what the run will ask.
        let preview = Executor::new(plan.clone(), "").preview();
        for (step, p) in plan.steps.iter().zip(preview) {
            assert_eq!(p.confirmation, confirmation(&plan, step), "{name}");
        }
    }
    assert!(seen > 10, "the fixtures make steps that ask: {seen}");
}
