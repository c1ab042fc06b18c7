//! Validation never panics, whatever the draft holds; a valid draft renders to every target,
//! and the bash and PowerShell outputs parse without error nodes.

use proptest::prelude::*;
use serde_json::Value;

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::config_file::{from_config_json, to_config_json};
use ai_network_wizard::core::current_state::CurrentStateDraft;
use ai_network_wizard::core::draft::{
    Bypass, ConnectionDecision, CustomDomainDraft, DefaultAction, Draft, Existence, NetworkDraft,
    PublicNetworkAccess, SubnetInput, TargetDraft, VnetRuleDraft,
};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::json_text;
use ai_network_wizard::core::render::{OutputTarget, RenderContext};
use ai_network_wizard::core::resource_kinds::{ResourceType, KINDS};
use ai_network_wizard::core::share_link::{read_link, share_fragment};
use ai_network_wizard::core::storage_draft::StorageDraft;
use ai_network_wizard::core::validate::validate;

use crate::support::{parse_bash, parse_powershell, syntax_problems, TEST_DATE};

/// Arbitrary text, or one of a few plausible values so that valid drafts come up too.
fn field(plausible: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        // The first plausible value is valid everywhere it is used; the others are edge cases.
        24 => Just(plausible[0].to_owned()),
        4 => proptest::sample::select(plausible).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[ -~'’‘\"`$;&|\n()Üé東]{0,20}",
    ]
}

const GUIDS: &[&str] = &[
    "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91",
    "0B9D4F3E-7A21-4C6B-8E5D-1F2A3B4C5D6E",
    "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91",
    "",
];
const GROUPS: &[&str] = &["rg-ai", "rg-(Ü)_東", "rg-ai", "rg.", "a"];
/// Storage account IDs people type or paste: valid, portal addresses, wrong case, containers.
const STORAGE_IDS: &[&str] = &[
    "/subscriptions/5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata",
    "https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata/overview",
    "/SUBSCRIPTIONS/5E8A1F47-2C9B-4D03-B6E1-7F4C2A9D8B15/resourcegroups/rg-data/providers/microsoft.storage/storageaccounts/Data01/blobServices/default",
    "/subscriptions//resourceGroups/x/providers/Microsoft.Storage/storageAccounts/",
    " /subscriptions/ü/resourceGroups/rg'data/providers/Microsoft.Storage/storageAccounts/a",
    "",
];
const NAMES: &[&str] = &["contosomedia", "contoso-ai", "hub_1", "-x"];
const REGIONS: &[&str] = &["westeurope", "usgovvirginia", "chinaeast2", "West Europe"];
const SUBDOMAINS: &[&str] = &["contoso-ai", "Contoso", "-bad-", ""];
const IPS: &[&str] = &[
    "20.1.2.0/24",
    "52.168.10.5",
    "40.112.0.0/16",
    "13.69.70.5",
    "10.0.0.0/8",
    "203.0.113.0/31",
    "::1",
    "20.1.2.3/24",
];
const CONNECTIONS: &[&str] = &["pe-app.4f1c2a8e", "pe/other", "", "pe-app.4F1C2A8E"];
const SUBNET_IDS: &[&str] = &[
    "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet",
    "/subscriptions/0b9d4f3e-7a21-4c6b-8e5d-1f2a3b4c5d6e/resourcegroups/rg-(Ü)/providers/Microsoft.Network/virtualNetworks/v1/subnets/s_",
    "/subscriptions/x/resourceGroups/rg",
    // Pasted with what surrounds them: each gets a one-click fix.
    "https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet/overview",
    " /subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnet/snet/ ",
    "/subscriptions/ü/resourceGroups/東/providers/Microsoft.Network/virtualNetworks/v/subnet/",
];

fn kind() -> impl Strategy<Value = String> {
    let ids: Vec<String> = KINDS.iter().map(|k| k.id.to_owned()).collect();
    prop_oneof![4 => proptest::sample::select(ids), 1 => any::<String>()]
}

fn vnet_rule() -> impl Strategy<Value = VnetRuleDraft> {
    (
        any::<bool>(),
        field(SUBNET_IDS),
        prop_oneof![Just(String::new()), field(GUIDS)],
        field(GROUPS),
        field(&["vnet-a", "v"]),
        field(&["snet-a", "default"]),
        prop_oneof![3 => Just(String::new()), 1 => field(GUIDS)],
        any::<bool>(),
    )
        .prop_map(
            |(
                by_parts,
                subnet_id,
                subscription_id,
                resource_group,
                vnet,
                subnet,
                tenant_id,
                enable_service_endpoint,
            )| {
                VnetRuleDraft {
                    input: if by_parts {
                        SubnetInput::Parts
                    } else {
                        SubnetInput::ResourceId
                    },
                    subnet_id,
                    subscription_id,
                    resource_group,
                    vnet,
                    subnet,
                    tenant_id,
                    enable_service_endpoint,
                }
            },
        )
}

fn draft() -> impl Strategy<Value = Draft> {
    let target = (
        prop_oneof![3 => Just(Cloud::AzureCloud), 1 => proptest::sample::select(Cloud::ALL.to_vec())],
        field(GUIDS),
        field(GROUPS),
        proptest::sample::select(ResourceType::ALL.to_vec()),
        kind(),
        field(&["S0", "F0", "S1"]),
        field(NAMES),
        field(REGIONS),
        proptest::bool::weighted(0.2),
        // Tags: mostly none; otherwise lines of any text (no '=', quotes, limits, duplicates).
        prop_oneof![3 => Just(Vec::new()), 1 => proptest::collection::vec("[ -~é]{0,20}(=[ -~é]{0,12})?", 0..4)],
    )
        .prop_map(|(cloud, subscription_id, resource_group, resource_type, kind, sku, name, region, create, tags)| TargetDraft {
            cloud,
            subscription_id,
            resource_group,
            resource_type,
            kind,
            sku,
            name,
            // A plausible region follows the cloud (a region of another cloud is an error).
            region: if region == "westeurope" { cloud.known_regions()[0].to_owned() } else { region },
            existence: if create { Existence::Create } else { Existence::Existing },
            tags,
        });
    let custom_domain = (any::<bool>(), field(SUBDOMAINS), any::<bool>()).prop_map(
        |(enabled, subdomain, acknowledge_irreversible)| CustomDomainDraft {
            enabled,
            subdomain,
            acknowledge_irreversible,
        },
    );
    let network = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(field(IPS), 0..4),
        proptest::collection::vec(vnet_rule(), 0..3),
        any::<(bool, bool, bool)>(),
        (
            proptest::collection::vec(field(IPS), 0..2),
            proptest::collection::vec(field(SUBNET_IDS), 0..2),
            proptest::option::weighted(0.15, (field(CONNECTIONS), 0u8..3)),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                enabled,
                disabled,
                deny,
                bypass,
                ip_rules,
                vnet_rules,
                (ip_rules_exact, vnet_rules_exact, accept_no_access),
                (remove_ip_rules, remove_vnet_rules, connections, acknowledge_connection_delete),
            )| NetworkDraft {
                enabled,
                public_network_access: if disabled {
                    PublicNetworkAccess::Disabled
                } else {
                    PublicNetworkAccess::Enabled
                },
                default_action: if deny {
                    DefaultAction::Deny
                } else {
                    DefaultAction::Allow
                },
                bypass: if bypass {
                    Bypass::AzureServices
                } else {
                    Bypass::None
                },
                ip_rules,
                vnet_rules,
                ip_rules_exact,
                vnet_rules_exact,
                accept_no_access,
                remove_ip_rules,
                remove_vnet_rules,
                endpoint_connections: connections
                    .into_iter()
                    .map(|(name, decision)| ConnectionDecision::ALL[decision as usize].entry(&name))
                    .collect(),
                acknowledge_connection_delete,
            },
        );
    let storage = (
        proptest::bool::weighted(0.3),
        any::<bool>(),
        field(STORAGE_IDS),
        field(GROUPS),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(enabled, by_parts, id, group, harden, acknowledge_irreversible)| StorageDraft {
                enabled,
                input: if by_parts {
                    SubnetInput::Parts
                } else {
                    SubnetInput::ResourceId
                },
                storage_account_id: id.clone(),
                resource_group: group,
                account_name: id.rsplit('/').next().unwrap_or_default().to_owned(),
                harden,
                acknowledge_irreversible,
                ..StorageDraft::default()
            },
        );
    (target, custom_domain, network, storage).prop_map(
        |(target, custom_domain, network, storage)| Draft {
            target,
            custom_domain,
            network,
            storage,
            current_state: None,
            ..Draft::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::support::cases(256), failure_persistence: None, ..ProptestConfig::default() })]

    /// Validation alone, over any draft and any pasted current state: a message per problem,
    /// never a panic (the long runs take this one a million times).
    #[test]
    fn validation_never_panics(
        mut draft in draft(),
        current_state in proptest::option::weighted(0.3, current_state()),
    ) {
        draft.current_state = current_state;
        let validation = validate(&draft);
        prop_assert!(validation.diagnostics.iter().all(|d| !d.message.is_empty()));
        // A subnet ID's fix puts in an ID that then reads without an error at that field.
        for d in validation.diagnostics.iter().filter(|d| d.field.ends_with(".subnet_id")) {
            if let Some(fix) = &d.fix {
                let mut fixed = draft.clone();
                prop_assert!(fixed.apply_fix(&d.field, &fix.replacement), "{}", d.field);
                let still = validate(&fixed);
                prop_assert!(
                    still.for_field(&d.field).all(|e| !e.message.starts_with("The subnet ID")),
                    "{}: {:?}", d.field, fix.replacement
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generate_never_panics_and_valid_drafts_render(draft in draft()) {
        let generated = generate(&draft);
        prop_assert_eq!(generated.plan.is_some(), generated.validation.errors().next().is_none());
        let context = RenderContext::for_draft(TEST_DATE, None, &draft);
        for target in OutputTarget::ALL {
            let Some(text) = generated.output(target, &context) else { continue };
            let problems = match target {
                OutputTarget::AzBash => syntax_problems(&parse_bash(&text), &text),
                OutputTarget::PowerShell | OutputTarget::AzPowerShell => syntax_problems(&parse_powershell(&text), &text),
                OutputTarget::Rest => Vec::new(),
            };
            prop_assert!(problems.is_empty(), "{:?}: {:?}\n{}", target, problems, text);
        }
    }
    /// Whatever the form holds comes back unchanged from the file and from the link, pasted
    /// current settings included (ARM's JSON, with its nulls, numbers and nesting).
    #[test]
    fn any_draft_reads_back_from_its_file_and_its_link(
        mut draft in draft(),
        current_state in proptest::option::weighted(0.5, current_state()),
    ) {
        draft.current_state = current_state;
        prop_assert_eq!(from_config_json(&to_config_json(&draft)), Ok(draft.clone()));
        let fragment = share_fragment(&draft);
        prop_assert_eq!(read_link(&format!("#{fragment}")), Some(Ok(draft)));
    }
}

/// JSON as Resource Manager prints it: nulls, flags, integers, decimals (up to 14 digits, which
/// read back exactly), text with quotes and escapes, nested lists and objects.
fn arm_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "-?(0|[1-9][0-9]{0,6})\\.[0-9]{1,7}".prop_map(|text| json_text::parse(&text).unwrap()),
        "[ -~é\n\"\\\\]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-zA-Z]{1,8}", inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

fn current_state() -> impl Strategy<Value = CurrentStateDraft> {
    (
        "[0-9TZ:-]{0,20}",
        "[ -~]{0,20}",
        arm_json(),
        proptest::collection::vec(arm_json(), 0..3),
    )
        .prop_map(|(read_at, source, account, subnets)| CurrentStateDraft {
            read_at,
            source,
            // A null account reads as none.
            account: (!account.is_null()).then_some(account),
            subnets,
        })
}

/// The strategy does reach valid drafts (otherwise the rendering half above tests nothing).
#[test]
fn the_draft_strategy_reaches_valid_drafts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = draft();
    let mut fields = std::collections::BTreeMap::<String, usize>::new();
    let valid = (0..300)
        .filter(|_| {
            let generated = generate(&strategy.new_tree(&mut runner).unwrap().current());
            for error in generated.validation.errors() {
                *fields
                    .entry(error.field.split('.').take(2).collect::<Vec<_>>().join("."))
                    .or_default() += 1;
            }
            generated.plan.is_some()
        })
        .count();
    assert!(
        valid >= 30,
        "only {valid} of 300 drafts were valid; errors by field: {fields:?}"
    );
}
