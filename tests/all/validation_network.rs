//! Network-rules step: IP rules (ip_rules.rs) and virtual-network rules, bypass and default
//! action (validate/network.rs), each refusal or note with its exact message and field.

use ai_network_wizard::core::diagnostics::{Diagnostic, Fix, Severity};
use ai_network_wizard::core::draft::{
    split_pasted_addresses, Bypass, DefaultAction, Draft, PublicNetworkAccess, SubnetInput,
    VnetRuleDraft,
};
use ai_network_wizard::core::ip_rules::IpRule;
use ai_network_wizard::core::validate::{validate, Validation};

use crate::support::{assert_no_error, assert_only_error, messages_at, valid_draft};

const SUB: &str = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91";
const OTHER_SUB: &str = "5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15";
const SHAPE: &str = "/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";

fn with_ip_rules(rules: &[&str]) -> Draft {
    let mut draft = valid_draft();
    draft.network.ip_rules = rules.iter().map(|r| (*r).to_owned()).collect();
    draft
}

fn with_vnet_rules(rules: Vec<VnetRuleDraft>) -> Draft {
    let mut draft = valid_draft();
    draft.network.ip_rules.clear();
    draft.network.vnet_rules = rules;
    draft
}

fn by_id(id: &str) -> VnetRuleDraft {
    VnetRuleDraft {
        input: SubnetInput::ResourceId,
        subnet_id: id.into(),
        ..VnetRuleDraft::default()
    }
}

fn by_parts(subscription: &str, group: &str, vnet: &str, subnet: &str) -> VnetRuleDraft {
    VnetRuleDraft {
        input: SubnetInput::Parts,
        subscription_id: subscription.into(),
        resource_group: group.into(),
        vnet: vnet.into(),
        subnet: subnet.into(),
        ..VnetRuleDraft::default()
    }
}

fn subnet_id(subscription: &str, subnet: &str) -> String {
    format!("/subscriptions/{subscription}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/{subnet}")
}

/// The only diagnostic at `field` (of any severity).
fn single_at<'a>(validation: &'a Validation, field: &'a str) -> &'a Diagnostic {
    let all: Vec<&Diagnostic> = validation.for_field(field).collect();
    assert_eq!(all.len(), 1, "diagnostics at {field}: {all:#?}");
    all[0]
}

/// A single refused IP entry: its message and one-click fix.
fn refusal(entry: &str) -> (String, Option<Fix>) {
    let validation = validate(&with_ip_rules(&[entry]));
    let d = single_at(&validation, "network.ip_rules.0");
    assert_eq!(d.severity, Severity::Error, "{entry} must be refused");
    assert!(validation.config.is_none());
    (d.message.clone(), d.fix.clone())
}

fn fix(label: &str, replacement: &[&str]) -> Option<Fix> {
    Some(Fix {
        label: label.into(),
        replacement: replacement.iter().map(|r| (*r).to_owned()).collect(),
    })
}

/// Applies a one-click fix to entry 0 the way the page does, and checks the result is accepted.
fn assert_fix_repairs(entry: &str) -> Vec<String> {
    let (_, fix) = refusal(entry);
    let replacement = fix.expect("a one-click fix").replacement;
    let mut draft = with_ip_rules(&[entry]);
    draft.network.ip_rules.splice(0..1, replacement.clone());
    assert_no_error(&draft);
    replacement
}

// ---- IP rules: format ----

#[test]
fn unreadable_entries_say_what_is_expected() {
    const EXPECTED: &str =
        "expected an IPv4 address like 203.0.113.7 or a range like 203.0.113.0/24";
    assert_eq!(
        refusal(""),
        (format!("Empty entry: {EXPECTED}, or remove the row."), None)
    );
    for bad in [
        "office",
        "203.0.113",
        "203.0.113.256",
        "203.0.113.07",
        "203,0,113,7x",
    ] {
        assert_eq!(
            refusal(bad),
            (
                format!("\"{bad}\" is not an IPv4 address or range: {EXPECTED}."),
                None
            )
        );
    }
    for prefix in ["33", "", "x", "+24", "-1"] {
        assert_eq!(
            refusal(&format!("203.0.113.0/{prefix}")),
            (format!("\"/{prefix}\" is not a prefix length: write a number up to 30 after the slash, like /24."), None)
        );
    }
}

#[test]
fn ipv6_is_refused_clearly() {
    for v6 in ["2001:db8::1", "2001:db8::/32", "::ffff:203.0.113.7"] {
        assert_eq!(
            refusal(v6),
            (
                "IPv6 is not supported: Azure AI services network rules accept IPv4 addresses and ranges only.".into(),
                None
            )
        );
    }
}

#[test]
fn an_address_with_a_port_is_not_mistaken_for_ipv6() {
    assert_eq!(
        refusal("203.0.113.7:443"),
        (
            "Network rules take addresses and ranges without a port: remove the \":port\" part."
                .into(),
            fix("Use 203.0.113.7", &["203.0.113.7"])
        )
    );
}

#[test]
fn a_surrounding_space_is_refused_with_the_trimmed_entry_as_fix() {
    assert_eq!(
        refusal(" 203.0.113.7\t"),
        (
            "The entry starts or ends with a space.".into(),
            fix("Use 203.0.113.7", &["203.0.113.7"])
        )
    );
}

// ---- IP rules: /31, /32, host bits, /0 ----

#[test]
fn a_slash_32_is_refused_with_the_bare_address_as_fix() {
    assert_eq!(
        refusal("203.0.113.7/32"),
        (
            "/32 ranges are not accepted: allow the single address instead.".into(),
            fix("Use 203.0.113.7", &["203.0.113.7"])
        )
    );
    assert_eq!(assert_fix_repairs("203.0.113.7/32"), ["203.0.113.7"]);
}

#[test]
fn a_slash_31_is_refused_with_its_two_addresses_as_fix() {
    let expected_message = "/31 ranges are not accepted: allow its two addresses one by one.";
    assert_eq!(
        refusal("203.0.113.6/31"),
        (
            expected_message.into(),
            fix(
                "Use 203.0.113.6 and 203.0.113.7",
                &["203.0.113.6", "203.0.113.7"]
            )
        )
    );
    // With the host bit set, the fix still names the pair the range starts at.
    assert_eq!(
        refusal("203.0.113.7/31"),
        (
            expected_message.into(),
            fix(
                "Use 203.0.113.6 and 203.0.113.7",
                &["203.0.113.6", "203.0.113.7"]
            )
        )
    );
    assert_eq!(
        assert_fix_repairs("203.0.113.6/31"),
        ["203.0.113.6", "203.0.113.7"]
    );
}

#[test]
fn a_private_slash_32_is_refused_as_private_not_sent_round_a_second_time() {
    assert_eq!(
        refusal("10.1.2.3/32"),
        (
            "This is a private address (RFC 1918, 10.0.0.0/8): only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients.".into(),
            None
        )
    );
    assert_eq!(refusal("192.168.1.0/31").1, None);
}

#[test]
fn host_bits_set_are_refused_with_the_normalised_range_as_fix() {
    assert_eq!(
        refusal("203.0.113.5/24"),
        (
            "Host bits are set: 203.0.113.5/24 is not the start of a /24 range, which starts at 203.0.113.0.".into(),
            fix("Use 203.0.113.0/24", &["203.0.113.0/24"])
        )
    );
    assert_eq!(assert_fix_repairs("198.51.100.77/28"), ["198.51.100.64/28"]);
}

#[test]
fn slash_0_points_to_the_default_action() {
    assert_eq!(
        refusal("0.0.0.0/0"),
        (
            "/0 is every IPv4 address: to let every network in, set the default action to Allow instead of adding this rule.".into(),
            None
        )
    );
}

// ---- IP rules: non-public space ----

#[test]
fn private_and_other_non_public_addresses_are_refused_with_the_reason() {
    const PRIVATE_TAIL: &str =
        "only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients.";
    let cases = [
        ("10.0.0.0/8", format!("This is a private address (RFC 1918, 10.0.0.0/8): {PRIVATE_TAIL}")),
        ("172.16.5.0/24", format!("This is a private address (RFC 1918, 172.16.0.0/12): {PRIVATE_TAIL}")),
        ("192.168.1.10", format!("This is a private address (RFC 1918, 192.168.0.0/16): {PRIVATE_TAIL}")),
        ("172.0.0.0/8", format!("This range includes a private address (RFC 1918, 172.16.0.0/12): {PRIVATE_TAIL}")),
        ("127.0.0.1", "This is a loopback address (127.0.0.0/8).".into()),
        ("169.254.169.254", "This is a link-local address (169.254.0.0/16).".into()),
        (
            "100.64.1.1",
            "This is carrier-grade NAT space (100.64.0.0/10), not a public address: allow your NAT's public address instead.".into(),
        ),
        ("224.0.0.251", "This is a multicast address (224.0.0.0/4).".into()),
        ("240.0.0.1", "This is reserved space (240.0.0.0/4, including the broadcast address).".into()),
        ("255.255.255.255", "This is reserved space (240.0.0.0/4, including the broadcast address).".into()),
        ("0.0.0.0", "This is \"this network\" (0.0.0.0/8), not a real source address.".into()),
        ("198.18.0.1", "This is benchmarking space (198.18.0.0/15), not routed on the internet.".into()),
        ("192.0.0.8", "This is IETF protocol-assignment space (192.0.0.0/24).".into()),
    ];
    for (entry, message) in cases {
        assert_eq!(refusal(entry), (message, None), "{entry}");
    }
}

#[test]
fn documentation_ranges_are_accepted_with_a_warning_saying_why() {
    let validation = validate(&with_ip_rules(&[
        "192.0.2.10",
        "198.51.100.0/24",
        "203.0.113.0/25",
        "192.88.99.1",
    ]));
    let expected = [
        "This is a documentation range (TEST-NET-1, 192.0.2.0/24): fine in examples, never a real client.",
        "This is a documentation range (TEST-NET-2, 198.51.100.0/24): fine in examples, never a real client.",
        "This is a documentation range (TEST-NET-3, 203.0.113.0/24): fine in examples, never a real client.",
        "This is the deprecated 6to4 relay anycast range (192.88.99.0/24).",
    ];
    for (index, message) in expected.iter().enumerate() {
        assert_eq!(
            messages_at(
                &validation,
                &format!("network.ip_rules.{index}"),
                Severity::Warning
            ),
            [*message]
        );
    }
    let config = validation.config.expect("warnings do not block");
    assert_eq!(config.network.unwrap().ip_rules.len(), 4);
}

#[test]
fn public_addresses_and_ranges_pass_silently() {
    let validation = validate(&with_ip_rules(&[
        "20.31.7.9",
        "52.178.0.0/16",
        "81.2.69.160/27",
    ]));
    let notes: Vec<_> = validation
        .diagnostics
        .iter()
        .filter(|d| d.field.starts_with("network.ip_rules"))
        .collect();
    assert!(notes.is_empty(), "{notes:#?}");
    let rules = validation.config.unwrap().network.unwrap().ip_rules;
    assert_eq!(
        rules.iter().map(IpRule::to_string).collect::<Vec<_>>(),
        ["20.31.7.9", "52.178.0.0/16", "81.2.69.160/27"]
    );
}

// ---- IP rules: duplicates, overlaps, limit ----

#[test]
fn a_duplicate_is_an_error_with_a_remove_fix() {
    let validation = validate(&with_ip_rules(&[
        "52.178.0.0/16",
        "20.31.7.9",
        "52.178.0.0/16",
    ]));
    assert_eq!(
        single_at(&validation, "network.ip_rules.2"),
        &Diagnostic::error("network.ip_rules.2", "Duplicate of entry 1.")
            .with_fix("Remove duplicate", Vec::new())
    );
    assert!(validation.config.is_none());
}

#[test]
fn a_range_inside_another_is_flagged_whichever_comes_first() {
    let validation = validate(&with_ip_rules(&["52.178.0.0/16", "52.178.4.0/24"]));
    assert_eq!(
        messages_at(&validation, "network.ip_rules.1", Severity::Warning),
        ["Already covered by entry 1 (52.178.0.0/16): this rule is redundant."]
    );
    assert!(validation.config.is_some(), "redundant, not wrong");

    let validation = validate(&with_ip_rules(&[
        "52.178.4.7",
        "20.31.7.9",
        "52.178.0.0/16",
    ]));
    assert_eq!(
        messages_at(&validation, "network.ip_rules.0", Severity::Warning),
        ["Already covered by entry 3 (52.178.0.0/16): 52.178.4.7 is redundant."]
    );
    assert!(validation.for_field("network.ip_rules.1").next().is_none());
}

fn distinct_public_addresses(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("20.31.{}.{}", i / 200, i % 200 + 1))
        .collect()
}

#[test]
fn at_most_one_hundred_ip_rules() {
    let mut draft = valid_draft();
    draft.network.ip_rules = distinct_public_addresses(100);
    assert_eq!(assert_no_error(&draft).network.unwrap().ip_rules.len(), 100);

    draft.network.ip_rules = distinct_public_addresses(101);
    assert_only_error(
        &draft,
        "network.ip_rules",
        "101 IP rules: an account accepts at most 100. Merge neighbouring addresses into ranges.",
    );
}

#[test]
fn at_most_one_hundred_virtual_network_rules() {
    let rules = |count: usize| -> Vec<VnetRuleDraft> {
        (0..count)
            .map(|i| by_parts("", "rg-network", "vnet-apps", &format!("snet-{i:03}")))
            .collect()
    };
    assert_eq!(
        assert_no_error(&with_vnet_rules(rules(100)))
            .network
            .unwrap()
            .vnet_rules
            .len(),
        100
    );
    assert_only_error(
        &with_vnet_rules(rules(101)),
        "network.vnet_rules",
        "101 virtual-network rules: an account accepts at most 100.",
    );
}

// ---- virtual-network rules by full subnet ID ----

#[test]
fn a_subnet_id_is_read_whatever_the_case_of_its_segment_names() {
    let shouting = format!(
        "/SUBSCRIPTIONS/{SUB}/resourcegroups/rg-network/PROVIDERS/microsoft.network/VirtualNetworks/vnet-apps/Subnets/snet-api"
    );
    let config = assert_no_error(&with_vnet_rules(vec![by_id(&shouting)]));
    let rule = &config.network.unwrap().vnet_rules[0];
    assert_eq!(
        rule.subnet.to_string(),
        subnet_id(SUB, "snet-api"),
        "written back in canonical form"
    );
}

#[test]
fn the_same_subnet_twice_is_a_duplicate_even_in_another_case() {
    let validation = validate(&with_vnet_rules(vec![
        by_id(&subnet_id(SUB, "snet-api")),
        by_id(&subnet_id(SUB, "SNET-API").replace("resourceGroups", "resourcegroups")),
    ]));
    assert_eq!(
        messages_at(
            &validation,
            "network.vnet_rules.1.subnet_id",
            Severity::Error
        ),
        ["Duplicate of virtual-network rule 1."]
    );
}

#[test]
fn a_wrong_subnet_id_names_the_wrong_part() {
    let good = subnet_id(SUB, "snet-api");
    let field = "network.vnet_rules.0.subnet_id";
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the subnet's full resource ID: {SHAPE}.")),
        (format!(" {good}"), "The subnet ID starts or ends with a space: remove it.".into()),
        (good.replace("Microsoft.Network", "Microsoft.Compute"), format!("The subnet ID has \"Microsoft.Compute\" where \"Microsoft.Network\" belongs: expected {SHAPE}.")),
        (good.replace("/subnets/", "/subnet/"), format!("The subnet ID has \"subnet\" where \"subnets\" belongs: expected {SHAPE}.")),
        (good.replace("/resourceGroups/", "/resourceGroup/"), format!("The subnet ID has \"resourceGroup\" where \"resourceGroups\" belongs: expected {SHAPE}.")),
        (good.replace("/providers/", "//"), format!("The subnet ID has an empty segment (//) where \"providers\" belongs: expected {SHAPE}.")),
        (good.replace(SUB, ""), format!("The subnet ID has no subscription ID: expected {SHAPE}.")),
        (
            good.replace(SUB, "6f1c2a8e-4b7d-4e15-9a3c"),
            "The subnet's subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.".into(),
        ),
        (good.replace("rg-network", "rg-network."), "The resource group name ends with a period, which Azure does not allow.".into()),
        (good.replace("vnet-apps", "vnet-apps-"), "The virtual network name must end with a letter, digit or underscore.".into()),
        (format!("{good}/"), "The subnet ID ends with a slash: remove it.".into()),
        (format!("{good}/ipConfigurations/ip1"), format!("The subnet ID goes on after the subnet name (\"/ipConfigurations/ip1\"): expected {SHAPE}.")),
        (format!("/subscriptions/{SUB}/resourceGroups/rg-network"), format!("The subnet ID is incomplete: expected {SHAPE}.")),
        (good.trim_start_matches('/').to_owned(), format!("The subnet ID must start with /subscriptions/: expected {SHAPE}.")),
        (
            format!("https://portal.azure.com/#@contoso.onmicrosoft.com/resource{good}/overview"),
            format!("The subnet ID must start with /subscriptions/: expected {SHAPE}. Copy the resource ID itself (the subnet's JSON view shows it), not a portal address."),
        ),
    ];
    for (id, message) in cases {
        assert_only_error(&with_vnet_rules(vec![by_id(&id)]), field, &message);
    }
}

#[test]
fn a_virtual_network_id_without_subnets_gets_a_hint() {
    let vnet_id = format!("/subscriptions/{SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps");
    assert_only_error(
        &with_vnet_rules(vec![by_id(&vnet_id)]),
        "network.vnet_rules.0.subnet_id",
        &format!("This is a virtual network ID, not a subnet ID: add /subnets/<subnet name> to name one of its subnets ({SHAPE})."),
    );
}

// ---- virtual-network rules by parts ----

#[test]
fn parts_errors_are_placed_on_the_part() {
    assert_only_error(
        &with_vnet_rules(vec![by_parts("not-a-guid", "rg-network", "vnet-apps", "default")]),
        "network.vnet_rules.0.subscription_id",
        "The subnet's subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.",
    );
    assert_only_error(
        &with_vnet_rules(vec![by_parts("", "rg network", "vnet-apps", "default")]),
        "network.vnet_rules.0.resource_group",
        "The resource group name contains spaces: allowed are letters (accented and other non-ASCII letters too), digits, underscores, hyphens, periods and parentheses, 1 to 90 characters, not ending with a period.",
    );
}

#[test]
fn an_empty_parts_subscription_uses_the_targets() {
    let config = assert_no_error(&with_vnet_rules(vec![by_parts(
        "",
        "rg-network",
        "vnet-apps",
        "snet-api",
    )]));
    assert_eq!(
        config.network.unwrap().vnet_rules[0].subnet.to_string(),
        subnet_id(SUB, "snet-api")
    );
}

#[test]
fn an_empty_parts_subscription_with_a_broken_target_subscription_says_where_to_look() {
    let mut draft = with_vnet_rules(vec![by_parts("", "rg-network", "vnet-apps", "snet-api")]);
    draft.target.subscription_id = "oops".into();
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "network.vnet_rules.0.subscription_id", Severity::Error),
        ["Left empty, so the target's subscription ID is used, and that is not valid yet: correct it in the Target step, or enter the subnet's subscription ID here."]
    );
}

#[test]
fn a_duplicate_typed_by_parts_is_reported_on_a_field_the_parts_form_shows() {
    let validation = validate(&with_vnet_rules(vec![
        by_id(&subnet_id(SUB, "snet-api")),
        by_parts(SUB, "rg-network", "vnet-apps", "snet-api"),
    ]));
    assert_eq!(
        messages_at(&validation, "network.vnet_rules.1.subnet", Severity::Error),
        ["Duplicate of virtual-network rule 1."]
    );
}

// ---- other subscription, other tenant ----

fn other_subscription_note(subscription: &str) -> String {
    format!("The subnet is in another subscription ({subscription}): the Microsoft.CognitiveServices resource provider must be registered there. The scripts register it.")
}

#[test]
fn a_subnet_in_another_subscription_gets_one_note_per_subscription() {
    let validation = validate(&with_vnet_rules(vec![
        by_id(&subnet_id(SUB, "snet-api")),
        by_id(&subnet_id(OTHER_SUB, "snet-a")),
        by_parts(OTHER_SUB, "rg-network", "vnet-apps", "snet-b"),
    ]));
    assert!(validation
        .for_field("network.vnet_rules.0.subnet_id")
        .next()
        .is_none());
    assert_eq!(
        messages_at(
            &validation,
            "network.vnet_rules.1.subnet_id",
            Severity::Info
        ),
        [other_subscription_note(OTHER_SUB)]
    );
    assert!(
        validation
            .for_field("network.vnet_rules.2.subscription_id")
            .next()
            .is_none(),
        "said once"
    );
    assert!(validation.config.is_some());

    // Typed by parts, the note sits on the subscription box.
    let validation = validate(&with_vnet_rules(vec![by_parts(
        OTHER_SUB,
        "rg-network",
        "vnet-apps",
        "snet-b",
    )]));
    assert_eq!(
        messages_at(
            &validation,
            "network.vnet_rules.0.subscription_id",
            Severity::Info
        ),
        [other_subscription_note(OTHER_SUB)]
    );
}

#[test]
fn a_subnet_in_another_tenant_is_possible_only_outside_the_portal() {
    let mut rule = by_id(&subnet_id(OTHER_SUB, "snet-partner"));
    rule.tenant_id = "72F988BF-86F1-41AF-91AB-2D7CD011DB47".into();
    let validation = validate(&with_vnet_rules(vec![rule]));
    assert_eq!(
        messages_at(&validation, "network.vnet_rules.0.tenant_id", Severity::Info),
        ["A subnet in another Entra tenant: the Azure portal cannot configure this rule, but these scripts and the REST API can. Whoever runs them must be signed in to both tenants (az login --tenant / Connect-AzAccount -Tenant)."]
    );
    let config = validation.config.expect("valid");
    assert_eq!(
        config.network.unwrap().vnet_rules[0].tenant_id.as_deref(),
        Some("72f988bf-86f1-41af-91ab-2d7cd011db47")
    );

    let mut rule = by_id(&subnet_id(OTHER_SUB, "snet-partner"));
    rule.tenant_id = "contoso.onmicrosoft.com".into();
    assert_only_error(
        &with_vnet_rules(vec![rule]),
        "network.vnet_rules.0.tenant_id",
        "The tenant ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.",
    );
}

#[test]
fn subnets_without_a_custom_domain_get_a_reminder() {
    let mut draft = with_vnet_rules(vec![by_id(&subnet_id(SUB, "snet-api"))]);
    draft.custom_domain.enabled = false;
    assert_eq!(
        messages_at(&validate(&draft), "network.vnet_rules", Severity::Warning),
        ["Clients in a virtual network must call the account's custom-subdomain endpoint: include the Custom domain step unless the account already has one."]
    );
}

// ---- trusted-services bypass ----

fn bypass_draft(kind: &str, bypass: Bypass) -> Draft {
    let mut draft = valid_draft();
    draft.target.kind = kind.into();
    draft.network.bypass = bypass;
    draft
}

#[test]
fn bypass_is_sent_for_openai_ai_services_and_language_only() {
    for kind in ["OpenAI", "AIServices", "TextAnalytics"] {
        let validation = validate(&bypass_draft(kind, Bypass::AzureServices));
        assert!(
            validation.for_field("network.bypass").next().is_none(),
            "{kind}"
        );
        assert_eq!(
            validation.config.unwrap().network.unwrap().bypass,
            Some(Bypass::AzureServices),
            "{kind}"
        );
    }
    let cases = [
        ("SpeechServices", "Speech"),
        ("FormRecognizer", "Document Intelligence"),
        (
            "CognitiveServices",
            "Cognitive Services multi-service (legacy)",
        ),
    ];
    for (kind, label) in cases {
        let validation = validate(&bypass_draft(kind, Bypass::AzureServices));
        assert_eq!(
            messages_at(&validation, "network.bypass", Severity::Warning),
            [format!("Trusted-services bypass is accepted for Azure OpenAI, Azure AI services and Language only, not for {label}: it will not be sent, and the account keeps its current setting.")]
        );
        assert_eq!(
            validation.config.unwrap().network.unwrap().bypass,
            None,
            "{kind}: not sent"
        );
    }
    // Bypass None on a kind without bypass support: nothing to say, nothing sent.
    let validation = validate(&bypass_draft("SpeechServices", Bypass::None));
    assert!(validation.for_field("network.bypass").next().is_none());
    assert_eq!(validation.config.unwrap().network.unwrap().bypass, None);
}

// ---- default action and public access ----

const BLOCKS_ALL_DENY: &str = "This blocks all access: with default action Deny and no IP rule, no virtual-network rule and no private endpoint, nothing reaches the account (your apps, the portal's data views, monitoring). Add an IP or subnet rule, or accept this below.";
const BLOCKS_ALL_DISABLED: &str = "This blocks all access: with public network access disabled and no private endpoint, nothing reaches the account (your apps, the portal's data views, monitoring). Add a private endpoint, enable public access, or accept this below.";

fn network_draft(access: PublicNetworkAccess, action: DefaultAction, rules: &[&str]) -> Draft {
    let mut draft = with_ip_rules(rules);
    draft.network.public_network_access = access;
    draft.network.default_action = action;
    draft
}

#[test]
fn deny_with_no_rule_is_an_error_at_the_default_action_until_accepted() {
    let mut draft = network_draft(PublicNetworkAccess::Enabled, DefaultAction::Deny, &[]);
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "network.default_action", Severity::Error),
        [BLOCKS_ALL_DENY]
    );
    assert!(validation.config.is_none(), "no script locks everyone out");

    draft.network.accept_no_access = true;
    assert_no_error(&draft);
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "network.default_action", Severity::Warning),
        ["Accepted: with default action Deny and no IP rule, no virtual-network rule and no private endpoint, nothing reaches the account."]
    );
}

#[test]
fn deny_with_only_a_subnet_rule_has_a_way_in() {
    let mut draft = with_vnet_rules(vec![by_id(&subnet_id(SUB, "snet-apps"))]);
    draft.network.default_action = DefaultAction::Deny;
    let validation = validate(&draft);
    assert!(
        validation
            .for_field("network.default_action")
            .next()
            .is_none(),
        "{:#?}",
        validation.diagnostics
    );
    assert!(validation.config.is_some());
}

#[test]
fn disabled_public_access_is_an_error_until_accepted_whatever_the_rules() {
    for rules in [&[][..], &["20.31.7.9"][..]] {
        for action in [DefaultAction::Deny, DefaultAction::Allow] {
            let mut draft = network_draft(PublicNetworkAccess::Disabled, action, rules);
            let validation = validate(&draft);
            assert_eq!(
                messages_at(
                    &validation,
                    "network.public_network_access",
                    Severity::Error
                ),
                [BLOCKS_ALL_DISABLED],
                "{action:?} {rules:?}"
            );
            assert!(
                validation
                    .for_field("network.default_action")
                    .all(|d| d.severity != Severity::Error),
                "one error for one cause"
            );
            assert!(validation.config.is_none());

            draft.network.accept_no_access = true;
            assert_no_error(&draft);
        }
    }
}

#[test]
fn a_new_draft_leaves_the_firewall_alone_and_a_written_network_section_is_included() {
    use ai_network_wizard::core::config_file::from_config_json;
    assert!(!Draft::default().network.enabled);
    let mut draft = valid_draft();
    draft.network = Default::default();
    assert!(assert_no_error(&draft).network.is_none());

    let file = r#"{"format": "ai-network-wizard", "version": 1, "wizard": {"network": {"ip_rules": ["20.31.7.9"]}}}"#;
    assert!(from_config_json(file).unwrap().network.enabled);
}

#[test]
fn allow_with_rules_warns_that_the_rules_do_nothing() {
    let validation = validate(&network_draft(
        PublicNetworkAccess::Enabled,
        DefaultAction::Allow,
        &["20.31.7.9"],
    ));
    assert_eq!(
        messages_at(&validation, "network.default_action", Severity::Warning),
        ["With default action Allow, the IP and virtual-network rules have no effect: every network is allowed."]
    );
    // Allow without rules, and Deny with rules, are coherent: no note.
    for (action, rules) in [
        (DefaultAction::Allow, &[][..]),
        (DefaultAction::Deny, &["20.31.7.9"][..]),
    ] {
        let validation = validate(&network_draft(PublicNetworkAccess::Enabled, action, rules));
        assert!(
            validation
                .for_field("network.default_action")
                .next()
                .is_none(),
            "{action:?}"
        );
    }
}

#[test]
fn disabled_public_access_with_rules_warns_that_the_rules_do_nothing() {
    let validation = validate(&network_draft(
        PublicNetworkAccess::Disabled,
        DefaultAction::Deny,
        &["20.31.7.9"],
    ));
    assert_eq!(
        messages_at(&validation, "network.public_network_access", Severity::Warning),
        ["With public network access disabled, IP and virtual-network rules have no effect: only private endpoints can reach the account."]
    );
    // Without rules there is nothing to say about them (only that nothing gets in).
    let validation = validate(&network_draft(
        PublicNetworkAccess::Disabled,
        DefaultAction::Deny,
        &[],
    ));
    assert!(messages_at(
        &validation,
        "network.public_network_access",
        Severity::Warning
    )
    .is_empty());
}

#[test]
fn a_disabled_network_step_is_neither_validated_nor_included() {
    let mut draft = with_ip_rules(&["not an address"]);
    draft.network.enabled = false;
    let config = assert_no_error(&draft);
    assert_eq!(config.network, None);
}

// ---- pasting a block of addresses ----

#[test]
fn pasted_addresses_split_on_lines_commas_semicolons_and_spaces() {
    assert_eq!(
        split_pasted_addresses("203.0.113.0/24\n198.51.100.7\r\n"),
        ["203.0.113.0/24", "198.51.100.7"]
    );
    assert_eq!(
        split_pasted_addresses("203.0.113.0/24, 198.51.100.7,192.0.2.1"),
        ["203.0.113.0/24", "198.51.100.7", "192.0.2.1"]
    );
    assert_eq!(
        split_pasted_addresses("203.0.113.0/24;198.51.100.7 ; 192.0.2.1"),
        ["203.0.113.0/24", "198.51.100.7", "192.0.2.1"]
    );
    assert_eq!(
        split_pasted_addresses("203.0.113.0/24 198.51.100.7\t192.0.2.1"),
        ["203.0.113.0/24", "198.51.100.7", "192.0.2.1"]
    );
    assert_eq!(
        split_pasted_addresses("  203.0.113.0/24,\n\n198.51.100.7;\t192.0.2.1 ,, ;\n20.31.7.9  "),
        ["203.0.113.0/24", "198.51.100.7", "192.0.2.1", "20.31.7.9"]
    );
    assert!(split_pasted_addresses(" \n,;\t").is_empty());
}

#[test]
fn pasted_entries_keep_what_is_wrong_for_validation_to_explain() {
    // Splitting does not repair: a /32 stays a /32, so the person sees the refusal and its fix.
    let entries = split_pasted_addresses("203.0.113.7/32\n10.0.0.1");
    assert_eq!(entries, ["203.0.113.7/32", "10.0.0.1"]);
    let mut draft = valid_draft();
    draft.network.ip_rules = entries;
    let validation = validate(&draft);
    assert_eq!(
        validation
            .errors()
            .map(|d| d.field.as_str())
            .collect::<Vec<_>>(),
        ["network.ip_rules.0", "network.ip_rules.1"]
    );
}

#[test]
fn list_entries_are_named_for_people_in_the_problems_list() {
    use ai_network_wizard::core::diagnostics::list_entry_label;
    assert_eq!(
        list_entry_label("network.ip_rules.2").as_deref(),
        Some("IP rule 3")
    );
    assert_eq!(
        list_entry_label("network.vnet_rules.0.subnet_id").as_deref(),
        Some("Subnet 1")
    );
    assert_eq!(list_entry_label("network.ip_rules"), None);
    assert_eq!(list_entry_label("target.name"), None);
}

#[test]
fn a_private_endpoint_in_the_plan_is_a_way_in() {
    use ai_network_wizard::core::private_endpoints::draft::EndpointDraft;
    let mut draft = network_draft(PublicNetworkAccess::Disabled, DefaultAction::Deny, &[]);
    draft.private_endpoints.enabled = true;
    draft.private_endpoints.endpoints = vec![EndpointDraft::default()];
    let validation = validate(&draft);
    assert!(
        messages_at(
            &validation,
            "network.public_network_access",
            Severity::Error
        )
        .is_empty(),
        "{:#?}",
        validation.diagnostics
    );
    assert!(
        messages_at(&validation, "network.default_action", Severity::Error).is_empty(),
        "{:#?}",
        validation.diagnostics
    );
}

proptest::proptest! {
    /// `is_within` (compared as numbers, for speed) agrees with ipnet's containment for any two
    /// rules, addresses and ranges alike: the second rule is often near the first (only its low
    /// bits differ), so nesting, overlap and equal bounds all occur.
    #[test]
    fn is_within_agrees_with_ipnet(
        a in proptest::prelude::any::<u32>(), a_len in 0u8..=32,
        b in proptest::prelude::any::<u32>(), b_len in 0u8..=32,
        near in proptest::prelude::any::<bool>(),
    ) {
        let rule = |addr: u32, len: u8| {
            if len == 32 {
                IpRule::Address(std::net::Ipv4Addr::from(addr))
            } else {
                IpRule::Range(ipnet::Ipv4Net::new(addr.into(), len).unwrap().trunc())
            }
        };
        let b = if near { a ^ (b >> 20) } else { b };
        let (x, y) = (rule(a, a_len), rule(b, b_len));
        proptest::prop_assert_eq!(x.is_within(y), y.as_net().contains(&x.as_net()));
        proptest::prop_assert!(x.is_within(x));
    }
}

/// Over 100 rules whose addresses neighbour each other: the error offers to merge them into
/// aligned ranges. Applied, the list holds exactly the same addresses (no /31, which Azure
/// refuses) and validates; rules that cannot be merged get no such offer.
#[test]
fn more_than_a_hundred_neighbouring_rules_can_be_merged_into_the_same_addresses() {
    use std::net::Ipv4Addr;
    let mut draft = valid_draft();
    // 20.31.0.1 ..= 20.31.0.101, then a /30 and the address right after it.
    draft.network.ip_rules = distinct_public_addresses(101);
    draft.network.ip_rules.push("20.31.5.8/30".into());
    draft.network.ip_rules.push("20.31.5.12".into());
    let validation = validate(&draft);
    let error = validation
        .diagnostics
        .iter()
        .find(|d| d.field == "network.ip_rules")
        .expect("the count error");
    let fix = error.fix.as_ref().expect("a merge is offered");
    assert!(
        fix.label
            .starts_with("Merge neighbouring ranges (103 \u{2192} ")
            && fix.label.ends_with(" rules, the same addresses)"),
        "{}",
        fix.label
    );
    let covered = |rules: &[String]| -> Vec<u32> {
        let mut all: Vec<u32> = rules
            .iter()
            .flat_map(|r| {
                let net: ipnet::Ipv4Net = if r.contains('/') {
                    r.parse().unwrap()
                } else {
                    ipnet::Ipv4Net::new(r.parse::<Ipv4Addr>().unwrap(), 32).unwrap()
                };
                (u32::from(net.network())..=u32::from(net.broadcast())).collect::<Vec<_>>()
            })
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    assert_eq!(covered(&fix.replacement), covered(&draft.network.ip_rules));
    assert!(fix.replacement.len() < 100, "{:?}", fix.replacement);
    assert!(
        fix.replacement
            .iter()
            .all(|r| !r.ends_with("/31") && !r.ends_with("/32")),
        "{:?}",
        fix.replacement
    );
    assert!(draft.apply_fix(&error.field, &fix.replacement));
    assert_eq!(
        assert_no_error(&draft).network.unwrap().ip_rules.len(),
        fix.replacement.len()
    );

    // Every other address of a range: nothing neighbours, so nothing is offered.
    draft.network.ip_rules = (0..101)
        .map(|i| format!("20.32.{}.{}", i / 100, (i % 100) * 2 + 1))
        .collect();
    let validation = validate(&draft);
    let error = validation
        .diagnostics
        .iter()
        .find(|d| d.field == "network.ip_rules")
        .expect("the count error");
    assert!(error.fix.is_none(), "{:?}", error.fix);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() })]

    /// Merging covers exactly the addresses the rules covered, with no /31, and in no more
    /// rules than ipnet's own aggregation gives (counting a /31 as its two addresses).
    #[test]
    fn merging_keeps_exactly_the_same_addresses(
        blocks in proptest::collection::vec((0u32..2048, 26u8..=32), 1..60),
    ) {
        use ai_network_wizard::core::ip_rules::merge_neighbours;
        use ipnet::Ipv4Net;
        use std::net::Ipv4Addr;
        let base = u32::from(Ipv4Addr::new(20, 31, 0, 0));
        let rules: Vec<IpRule> = blocks
            .iter()
            .map(|&(offset, prefix)| {
                let net = Ipv4Net::new(Ipv4Addr::from(base + offset), prefix).unwrap().trunc();
                if prefix >= 31 { IpRule::Address(net.network()) } else { IpRule::Range(net) }
            })
            .collect();
        let covered = |rules: &[IpRule]| {
            let mut all: Vec<u32> = rules
                .iter()
                .flat_map(|r| { let n = r.as_net(); u32::from(n.network())..=u32::from(n.broadcast()) })
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let merged = merge_neighbours(&rules);
        proptest::prop_assert_eq!(covered(&merged), covered(&rules));
        proptest::prop_assert!(merged.iter().all(|r| r.as_net().prefix_len() != 31));
        let nets: Vec<Ipv4Net> = rules.iter().map(|r| r.as_net()).collect();
        let theirs: usize = Ipv4Net::aggregate(&nets)
            .iter()
            .map(|n| if n.prefix_len() == 31 { 2 } else { 1 })
            .sum();
        proptest::prop_assert_eq!(merged.len(), theirs);
    }
}

/// A new account without the Network step is created open to every network: said at the
/// step's checkbox, with a fix that includes the step; an existing account, a new one whose
/// network step runs, or one closed behind a private endpoint gets no such warning.
#[test]
fn a_new_account_left_open_is_said_at_the_network_step_with_a_fix_that_includes_it() {
    use ai_network_wizard::core::draft::Existence;
    let mut draft = valid_draft();
    draft.target.existence = Existence::Create;
    draft.network.enabled = false;
    let validation = validate(&draft);
    let warning = single_at(&validation, "network.enabled");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message.contains("open to every network"),
        "{}",
        warning.message
    );
    let fix = warning.fix.clone().expect("a fix");
    assert_eq!(fix.label, "Include the Network rules step");
    assert!(draft.apply_fix("network.enabled", &fix.replacement));
    assert!(draft.network.enabled);
    assert!(validate(&draft)
        .for_field("network.enabled")
        .next()
        .is_none());

    let mut existing = valid_draft();
    existing.network.enabled = false;
    assert!(validate(&existing)
        .for_field("network.enabled")
        .next()
        .is_none());
    // Only "true" is a fix for this field.
    assert!(!existing.apply_fix("network.enabled", &["false".to_owned()]));
}

/// A subnet ID pasted with what surrounds it (spaces, a trailing slash, the portal's address,
/// `subnet/` for `subnets/`) is refused with a fix that puts in the ID it certainly contains,
/// in a virtual-network rule and in a private endpoint; an ID that is fine, or a text with no
/// certain ID in it, gets no fix.
#[test]
fn a_pasted_subnet_id_with_what_surrounds_it_gets_a_fix_to_the_id_it_contains() {
    let id = subnet_id(SUB, "snet-apps");
    let portal =
        format!("https://portal.azure.com/#@contoso.onmicrosoft.com/resource{id}/overview");
    let singular = id.replace("/subnets/", "/subnet/");
    for pasted in [format!("  {id} "), format!("{id}/"), portal, singular] {
        let mut draft = with_vnet_rules(vec![by_id(&pasted)]);
        let error = single_at(&validate(&draft), "network.vnet_rules.0.subnet_id").clone();
        assert_eq!(error.severity, Severity::Error, "{pasted}");
        let fix = error.fix.expect(&pasted);
        assert_eq!(fix.replacement, vec![id.clone()], "{pasted}");
        assert!(draft.apply_fix("network.vnet_rules.0.subnet_id", &fix.replacement));
        assert_eq!(draft.network.vnet_rules[0].subnet_id, id);
        assert!(validate(&draft)
            .for_field("network.vnet_rules.0.subnet_id")
            .all(|d| d.severity != Severity::Error));

        let mut endpoint = valid_draft();
        endpoint.private_endpoints.enabled = true;
        endpoint.private_endpoints.endpoints = vec![Default::default()];
        endpoint.private_endpoints.endpoints[0].subnet_id = pasted.clone();
        let fixes: Vec<_> = validate(&endpoint)
            .for_field("private_endpoints.endpoints.0.subnet_id")
            .filter_map(|d| d.fix.clone())
            .collect();
        assert_eq!(fixes.len(), 1, "{pasted}");
        assert!(endpoint.apply_fix(
            "private_endpoints.endpoints.0.subnet_id",
            &fixes[0].replacement
        ));
        assert_eq!(endpoint.private_endpoints.endpoints[0].subnet_id, id);
    }
    for no_fix in [
        "not a subnet".to_owned(),
        id.replace("/subnets/snet-apps", ""),
    ] {
        let validation = validate(&with_vnet_rules(vec![by_id(&no_fix)]));
        assert!(
            validation
                .for_field("network.vnet_rules.0.subnet_id")
                .all(|d| d.fix.is_none()),
            "{no_fix}"
        );
    }
    assert_eq!(
        ai_network_wizard::core::subnet_id::SubnetId::repaired(&id),
        None
    );
}
