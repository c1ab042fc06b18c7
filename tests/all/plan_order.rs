//! The plan's order is the safety: subdomain, provider registration, service endpoints, allow
//! rules with the default action unchanged, then Deny, then public access.

use ai_network_wizard::core::draft::{
    Bypass, DefaultAction, Draft, Existence, PublicNetworkAccess, SubnetInput, VnetRuleDraft,
};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{Action, EndpointAction, Plan};

use crate::support::{fixture, fixtures, valid_draft};

const SUB: &str = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91";
const OTHER_A: &str = "5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15";
const OTHER_B: &str = "0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60";

fn plan_of(draft: &Draft) -> Plan {
    let generated = generate(draft);
    generated
        .plan
        .unwrap_or_else(|| panic!("invalid draft: {:#?}", generated.validation.diagnostics))
}

/// Each step's action as a short word, with the detail that matters for ordering.
fn actions(plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|s| match &s.action {
            Action::SelectSubscription => "SelectSubscription".to_owned(),
            Action::CheckResourceGroups { groups, .. } => format!(
                "CheckResourceGroups({})",
                groups
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Action::VerifyResource => "VerifyResource".to_owned(),
            Action::CreateAccount {
                custom_subdomain,
                storage,
                ..
            } => match storage {
                None => format!(
                    "CreateAccount({})",
                    custom_subdomain.as_deref().unwrap_or("-")
                ),
                Some(storage) => format!(
                    "CreateAccount({}, storage {})",
                    custom_subdomain.as_deref().unwrap_or("-"),
                    storage.name
                ),
            },
            Action::SetCustomSubdomain { subdomain } => format!("SetCustomSubdomain({subdomain})"),
            Action::RegisterResourceProvider { subscription_id } => {
                format!("RegisterResourceProvider({subscription_id})")
            }
            Action::EnableServiceEndpoint { subnet, .. } => {
                format!("EnableServiceEndpoint({})", subnet.subnet)
            }
            Action::MergeNetworkRules { .. } => "MergeNetworkRules".to_owned(),
            Action::SetDefaultAction { action } => format!("SetDefaultAction({action:?})"),
            Action::SetPublicNetworkAccess { access } => {
                format!("SetPublicNetworkAccess({access:?})")
            }
            Action::AssignStorageRole { storage } => format!("AssignStorageRole({})", storage.name),
            Action::HardenStorage { storage } => format!("HardenStorage({})", storage.name),
            Action::VerifyUserOwnedStorage { storage } => {
                format!("VerifyUserOwnedStorage({})", storage.name)
            }
            Action::PrivateEndpoint(action) => endpoint_action(action),
            Action::EndpointConnection(change) => {
                format!("EndpointConnection({}, {:?})", change.name, change.decision)
            }
        })
        .collect()
}

fn endpoint_action(action: &EndpointAction) -> String {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, .. } => {
            format!("DisableNetworkPolicies({})", subnet.subnet)
        }
        EndpointAction::CreateZone { zone } => format!("CreateZone({})", zone.name),
        EndpointAction::LinkZone {
            zone, link_name, ..
        } => {
            format!("LinkZone({}, {link_name})", zone.name)
        }
        EndpointAction::CreateEndpoint { endpoint } => format!("CreateEndpoint({})", endpoint.name),
        EndpointAction::AttachZoneGroup { endpoint } => {
            format!("AttachZoneGroup({})", endpoint.name)
        }
        EndpointAction::ShowDnsRecords { endpoint } => format!("ShowDnsRecords({})", endpoint.name),
        EndpointAction::ClientGuidance { .. } => "ClientGuidance".to_owned(),
        EndpointAction::DeleteEndpoint { removal } => format!("DeleteEndpoint({})", removal.name),
        EndpointAction::CloseDependentPublicAccess { resource_id, .. } => format!(
            "CloseDependentPublicAccess({})",
            resource_id.rsplit('/').next().unwrap()
        ),
    }
}

fn subnet(subscription: &str, name: &str, endpoint: bool) -> VnetRuleDraft {
    VnetRuleDraft {
        input: SubnetInput::ResourceId,
        subnet_id: format!(
            "/subscriptions/{subscription}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/{name}"
        ),
        enable_service_endpoint: endpoint,
        ..VnetRuleDraft::default()
    }
}

#[test]
fn speech_locked_to_two_office_ranges() {
    let plan = plan_of(&fixture("speech-two-office-ranges"));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "VerifyResource",
            "SetCustomSubdomain(contoso-speech)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
    assert!(
        plan.steps[2].irreversible,
        "the custom subdomain step is marked irreversible"
    );
    assert!(plan.steps.iter().filter(|s| s.irreversible).count() == 1);
}

#[test]
fn openai_created_with_100_ip_rules_and_subnets_in_two_subscriptions() {
    let plan = plan_of(&fixture("openai-100-ip-rules-3-subnets"));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "CheckResourceGroups(rg-network)",
            "CreateAccount(contoso-openai)",
            "RegisterResourceProvider(5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15)",
            "EnableServiceEndpoint(snet-api)",
            "EnableServiceEndpoint(snet-batch)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
    let Action::MergeNetworkRules {
        ip_rules,
        subnets,
        bypass,
        exact,
        ..
    } = &plan.steps[6].action
    else {
        unreachable!()
    };
    assert_eq!(ip_rules.len(), 100);
    assert!(!exact.any(), "added to what is there unless asked");
    assert_eq!(
        subnets
            .iter()
            .map(|s| s.subnet.subnet.as_str())
            .collect::<Vec<_>>(),
        ["snet-api", "snet-batch", "snet-shared"]
    );
    assert_eq!(*bypass, Some(Bypass::AzureServices));
}

#[test]
fn an_existing_account_gets_the_subdomain_only_when_acknowledged() {
    let mut draft = valid_draft();
    draft.custom_domain.acknowledge_irreversible = false;
    assert_eq!(
        actions(&plan_of(&draft)),
        [
            "SelectSubscription",
            "VerifyResource",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)"
        ]
    );
    draft.custom_domain.acknowledge_irreversible = true;
    assert!(actions(&plan_of(&draft)).contains(&"SetCustomSubdomain(contoso-speech)".to_owned()));
}

#[test]
fn a_new_account_gets_the_subdomain_at_creation() {
    let mut draft = valid_draft();
    draft.target.existence = Existence::Create;
    draft.custom_domain.acknowledge_irreversible = false;
    let plan = plan_of(&draft);
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "CreateAccount(contoso-speech)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
    assert!(
        plan.steps[1].irreversible,
        "creating with a subdomain fixes it for good"
    );

    draft.custom_domain.enabled = false;
    let plan = plan_of(&draft);
    assert_eq!(actions(&plan)[1], "CreateAccount(-)");
    assert!(!plan.steps[1].irreversible);
}

#[test]
fn providers_are_registered_once_per_other_subscription_before_any_service_endpoint() {
    let mut draft = valid_draft();
    draft.network.vnet_rules = vec![
        subnet(OTHER_A, "snet-a1", true),
        subnet(SUB, "snet-local", true),
        subnet(OTHER_B, "snet-b1", false),
        subnet(&OTHER_A.to_uppercase(), "snet-a2", true),
    ];
    assert_eq!(
        actions(&plan_of(&draft)),
        [
            "SelectSubscription",
            "CheckResourceGroups(rg-network, rg-network)",
            "VerifyResource",
            "SetCustomSubdomain(contoso-speech)",
            &format!("RegisterResourceProvider({OTHER_A})"),
            &format!("RegisterResourceProvider({OTHER_B})"),
            "EnableServiceEndpoint(snet-a1)",
            "EnableServiceEndpoint(snet-local)",
            "EnableServiceEndpoint(snet-a2)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
}

#[test]
fn public_access_is_disabled_last() {
    let mut draft = valid_draft();
    draft.network.public_network_access = PublicNetworkAccess::Disabled;
    draft.network.ip_rules.clear();
    // No private endpoint yet: a deliberate lock-down, accepted.
    draft.network.accept_no_access = true;
    let steps = actions(&plan_of(&draft));
    assert_eq!(
        steps[steps.len() - 2..],
        ["SetDefaultAction(Deny)", "SetPublicNetworkAccess(Disabled)"]
    );
}

#[test]
fn deny_with_no_rules_has_nothing_to_merge_unless_a_bypass_is_sent() {
    let mut draft = valid_draft();
    draft.network.ip_rules.clear();
    draft.network.accept_no_access = true;
    assert_eq!(
        actions(&plan_of(&draft)),
        [
            "SelectSubscription",
            "VerifyResource",
            "SetCustomSubdomain(contoso-speech)",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
    // Language accepts a bypass setting, so it is written with the (empty) rules first.
    let plan = plan_of(&fixture("deny-no-rules"));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "VerifyResource",
            "SetCustomSubdomain(contoso-language)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
        ]
    );
}

#[test]
fn the_allow_rules_step_keeps_the_current_default_action() {
    let plan = plan_of(&fixture("speech-two-office-ranges"));
    let merge = plan
        .steps
        .iter()
        .find(|s| matches!(s.action, Action::MergeNetworkRules { .. }))
        .unwrap();
    let requests = plan.requests(merge);
    let methods: Vec<&str> = requests.iter().map(|r| r.method).collect();
    assert_eq!(
        methods,
        ["GET", "PATCH"],
        "read, then write the merged rules"
    );
    let acls = &requests[1].body.as_ref().unwrap()["properties"]["networkAcls"];
    assert!(
        acls["defaultAction"]
            .as_str()
            .is_some_and(|a| a.starts_with("<EDIT: the defaultAction of the GET")),
        "not Deny yet: the default action is copied from the GET, {acls}"
    );
    assert_eq!(
        acls["ipRules"].as_array().unwrap()[1..],
        [
            serde_json::json!({ "value": "203.0.113.0/24" }),
            serde_json::json!({ "value": "198.51.100.16/28" })
        ],
        "the new rules follow the place where the GET's rules go"
    );
    assert!(requests[1].refused_until_edited);

    let deny = plan
        .steps
        .iter()
        .find(|s| matches!(s.action, Action::SetDefaultAction { .. }))
        .unwrap();
    let requests = plan.requests(deny);
    assert_eq!(
        requests[1].body.as_ref().unwrap()["properties"]["networkAcls"]["defaultAction"],
        "Deny"
    );
}

#[test]
fn allow_is_applied_in_the_same_place() {
    let mut draft = valid_draft();
    draft.network.default_action = DefaultAction::Allow;
    let steps = actions(&plan_of(&draft));
    assert_eq!(
        steps[steps.len() - 3..],
        [
            "MergeNetworkRules",
            "SetDefaultAction(Allow)",
            "SetPublicNetworkAccess(Enabled)"
        ]
    );
}

#[test]
fn without_the_network_step_only_the_subdomain_is_set() {
    let mut draft = valid_draft();
    draft.network.enabled = false;
    assert_eq!(
        actions(&plan_of(&draft)),
        [
            "SelectSubscription",
            "VerifyResource",
            "SetCustomSubdomain(contoso-speech)"
        ]
    );
}

/// The order holds for every valid fixture of the corpus, whatever its shape.
#[test]
fn every_fixture_plan_respects_the_safe_order() {
    fn rank(action: &Action) -> u8 {
        match action {
            Action::SelectSubscription => 0,
            // Before the first change: right after the subscription.
            Action::CheckResourceGroups { .. } => 5,
            Action::VerifyResource | Action::CreateAccount { .. } => 10,
            // Both follow the resource directly; they never occur together (BYOS means creating).
            Action::SetCustomSubdomain { .. }
            | Action::AssignStorageRole { .. }
            | Action::HardenStorage { .. } => 20,
            Action::RegisterResourceProvider { .. } => 30,
            Action::EnableServiceEndpoint { .. } => 40,
            Action::MergeNetworkRules { .. } => 50,
            // Endpoints and DNS before the default action and public access; removals last.
            Action::PrivateEndpoint(pe) => match pe {
                EndpointAction::DisableNetworkPolicies { .. } => 51,
                EndpointAction::CreateZone { .. } => 52,
                EndpointAction::LinkZone { .. } => 53,
                EndpointAction::CreateEndpoint { .. }
                | EndpointAction::AttachZoneGroup { .. }
                | EndpointAction::ShowDnsRecords { .. } => 54,
                EndpointAction::ClientGuidance { .. } => 55,
                // A hub's dependents close after the target (and before removals).
                EndpointAction::CloseDependentPublicAccess { .. } => 75,
                EndpointAction::DeleteEndpoint { .. } => 80,
            },
            Action::SetDefaultAction { .. } => 60,
            Action::SetPublicNetworkAccess { .. } => 70,
            // Other teams' connections: once this plan's own changes are in place.
            Action::EndpointConnection(_) => 90,
            // Reads back the final state: always last.
            Action::VerifyUserOwnedStorage { .. } => u8::MAX,
        }
    }
    let mut checked = 0;
    for (name, draft) in fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        let ranks: Vec<u8> = plan.steps.iter().map(|s| rank(&s.action)).collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]),
            "{name}: {:?}",
            actions(&plan)
        );
        let creating = matches!(
            plan.steps.get(1).map(|s| &s.action),
            Some(Action::CreateAccount { .. })
        );
        let has_set_subdomain = plan
            .steps
            .iter()
            .any(|s| matches!(s.action, Action::SetCustomSubdomain { .. }));
        assert!(
            !(creating && has_set_subdomain),
            "{name}: a new account gets its subdomain at creation"
        );
        if has_set_subdomain {
            assert!(
                draft.custom_domain.acknowledge_irreversible,
                "{name}: set without acknowledgement"
            );
        }
        checked += 1;
    }
    assert!(checked >= 3, "the corpus has valid fixtures");
}

/// Seed 003: the hub's storage, key vault, registry, search and AI services close too, each
/// once (the storage has two endpoints), after every endpoint and its DNS and the hub itself.
#[test]
fn a_hubs_dependents_close_after_every_endpoint_each_once() {
    let actions = actions(&plan_of(&fixture("ai-studio-hub-private-endpoints")));
    let closes: Vec<&str> = actions
        .iter()
        .filter(|a| a.starts_with("CloseDependentPublicAccess"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        closes,
        [
            "CloseDependentPublicAccess(contosohubstorage)",
            "CloseDependentPublicAccess(contoso-hub-kv)",
            "CloseDependentPublicAccess(contosohubacr)",
            "CloseDependentPublicAccess(contoso-hub-search)",
            "CloseDependentPublicAccess(contoso-hub-ai)",
        ]
    );
    let position = |wanted: &str| actions.iter().position(|a| a == wanted).unwrap();
    let last_dns = actions
        .iter()
        .rposition(|a| a.starts_with("AttachZoneGroup"))
        .unwrap();
    let hub_closed = position("SetPublicNetworkAccess(Disabled)");
    assert!(last_dns < hub_closed, "{actions:#?}");
    assert!(
        hub_closed < position("CloseDependentPublicAccess(contosohubstorage)"),
        "{actions:#?}"
    );
}

// ---- Bring your own storage ----

#[test]
fn byos_with_subdomain_and_network_rules_is_one_plan_in_the_safe_order() {
    let plan = plan_of(&fixture("speech-byos-custom-domain-network-rules"));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "CheckResourceGroups(rg-speech-data, rg-network)",
            "CreateAccount(contoso-speech-private, storage contosospeechdata)",
            "AssignStorageRole(contosospeechdata)",
            "HardenStorage(contosospeechdata)",
            "EnableServiceEndpoint(snet-speech)",
            "MergeNetworkRules",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Enabled)",
            "VerifyUserOwnedStorage(contosospeechdata)",
        ]
    );
    let create = &plan.steps[2];
    assert!(create.irreversible);
    assert_eq!(
        create.irreversibility(),
        "the custom subdomain can never be changed or removed, the storage account (BYOS) can never be changed, and the account can never stop using it; the only way back is a new resource."
    );
}

/// BYOS with everything else: the storage and its role come right after the creation (which
/// sets the subdomain), the rules and endpoints before anything closes, the check last.
#[test]
fn byos_with_subdomain_rules_and_a_private_endpoint_is_one_plan_in_the_safe_order() {
    let plan = plan_of(&fixture(
        "speech-byos-custom-domain-network-rules-private-endpoint",
    ));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "CheckResourceGroups(rg-speech-data, rg-network)",
            "CreateAccount(contoso-speech-isolated, storage contosospeechdata)",
            "AssignStorageRole(contosospeechdata)",
            "HardenStorage(contosospeechdata)",
            "EnableServiceEndpoint(snet-speech)",
            "MergeNetworkRules",
            "CreateZone(privatelink.cognitiveservices.azure.com)",
            "LinkZone(privatelink.cognitiveservices.azure.com, link-vnet-apps)",
            "CreateEndpoint(pe-contoso-speech-isolated-account)",
            "AttachZoneGroup(pe-contoso-speech-isolated-account)",
            "ClientGuidance",
            "SetDefaultAction(Deny)",
            "SetPublicNetworkAccess(Disabled)",
            "VerifyUserOwnedStorage(contosospeechdata)",
        ]
    );
}

#[test]
fn byos_alone_creates_assigns_and_checks() {
    let plan = plan_of(&fixture("speech-byos"));
    assert_eq!(
        actions(&plan),
        [
            "SelectSubscription",
            "CheckResourceGroups(rg-speech-data)",
            "CreateAccount(-, storage contosospeechdata)",
            "AssignStorageRole(contosospeechdata)",
            "VerifyUserOwnedStorage(contosospeechdata)",
        ]
    );
    assert!(plan.steps[2].irreversible, "BYOS can never be undone");
}

#[test]
fn role_assignment_names_are_stable_name_based_uuids() {
    use ai_network_wizard::core::plan::storage::role_assignment_name;
    use ai_network_wizard::core::uuid_v5::{uuid_v5, NAMESPACE_DNS};
    // RFC 9562 test vector.
    assert_eq!(
        uuid_v5(&NAMESPACE_DNS, "www.example.com"),
        "2ed6657d-e927-568b-95e1-2665a8aea6a2"
    );
    let config = |name: &str| {
        let mut draft = fixture("speech-byos");
        draft.target.name = name.into();
        generate(&draft).validation.config.expect("valid")
    };
    let first = config("contoso-speech-byos");
    let storage = &first.storage.as_ref().unwrap().account;
    let name = role_assignment_name(&first.target, storage);
    assert_eq!(name, role_assignment_name(&first.target, storage), "stable");
    assert_eq!(&name[14..15], "5", "version 5");
    let other = config("contoso-speech-other");
    assert_ne!(name, role_assignment_name(&other.target, storage));
}
