//! Target step naming rules (azure-facts §8), through `validate()`: every refusal carries its
//! own message at the field the person has to correct.

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::config::Resource;
use ai_network_wizard::core::diagnostics::Severity;
use ai_network_wizard::core::draft::{Draft, Existence, SubnetInput, VnetRuleDraft};
use ai_network_wizard::core::resource_kinds::ResourceType;
use ai_network_wizard::core::validate::validate;

use crate::support::{assert_no_error, assert_only_error, messages_at, valid_draft};

fn with(edit: impl FnOnce(&mut Draft)) -> Draft {
    let mut draft = valid_draft();
    edit(&mut draft);
    draft
}

const SUBSCRIPTION_NOT_GUID: &str = "The subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.";

#[test]
fn the_baseline_draft_is_valid() {
    assert_no_error(&valid_draft());
}

// ---- subscription ID ----

#[test]
fn an_empty_subscription_id_asks_for_a_guid() {
    let draft = with(|d| d.target.subscription_id.clear());
    assert_only_error(
        &draft,
        "target.subscription_id",
        "Enter the subscription ID: a GUID like 00000000-0000-0000-0000-000000000000.",
    );
}

#[test]
fn malformed_subscription_ids_are_refused_as_not_a_guid() {
    for bad in [
        "6f1c2a8e4b7d4e159a3c2d8f0b7e5a91",       // no hyphens
        "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a9",    // one digit short
        "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a9g",   // not hexadecimal
        "{6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91}", // braces
        "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5aé",    // non-ASCII
        "rg-speech-prod",                         // a resource group typed in the wrong box
    ] {
        let draft = with(|d| d.target.subscription_id = bad.into());
        assert_only_error(&draft, "target.subscription_id", SUBSCRIPTION_NOT_GUID);
    }
}

#[test]
fn a_subscription_id_with_a_surrounding_space_says_so() {
    let draft = with(|d| d.target.subscription_id = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91 ".into());
    assert_only_error(
        &draft,
        "target.subscription_id",
        "The subscription ID starts or ends with a space: remove it.",
    );
}

#[test]
fn an_uppercase_subscription_id_is_accepted_and_lowercased() {
    let config = assert_no_error(&with(|d| {
        d.target.subscription_id = "6F1C2A8E-4B7D-4E15-9A3C-2D8F0B7E5A91".into()
    }));
    assert_eq!(
        config.target.subscription_id,
        "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91"
    );
}

// ---- resource group ----

const RG_ALLOWED: &str = "letters (accented and other non-ASCII letters too), digits, underscores, hyphens, periods and parentheses, 1 to 90 characters, not ending with a period";

#[test]
fn resource_group_refusals_have_their_own_messages() {
    let cases: Vec<(String, String)> = vec![
        (
            String::new(),
            format!("Enter the resource group name. Allowed: {RG_ALLOWED}."),
        ),
        (
            "r".repeat(91),
            "The resource group name is too long (91 characters): at most 90.".into(),
        ),
        (
            "rg speech".into(),
            format!("The resource group name contains spaces: allowed are {RG_ALLOWED}."),
        ),
        (
            "rg/speech".into(),
            format!("The resource group name contains '/': allowed are {RG_ALLOWED}."),
        ),
        (
            "rg-😀".into(),
            format!("The resource group name contains '😀': allowed are {RG_ALLOWED}."),
        ),
        (
            "rg-speech.".into(),
            "The resource group name ends with a period, which Azure does not allow.".into(),
        ),
        (
            " rg-speech".into(),
            "The resource group name starts or ends with a space: remove it.".into(),
        ),
    ];
    for (value, message) in cases {
        let draft = with(|d| d.target.resource_group = value.clone());
        assert_only_error(&draft, "target.resource_group", &message);
    }
}

#[test]
fn resource_groups_take_unicode_letters_parentheses_and_ninety_characters() {
    for good in [
        "rg-größe",
        "リソース",
        "rg_(test).v2",
        "-rg",
        "r",
        &"r".repeat(90),
    ] {
        let config = assert_no_error(&with(|d| d.target.resource_group = good.into()));
        assert_eq!(config.target.resource_group, good);
    }
}

// ---- Cognitive Services account ----

const ACCOUNT_ALLOWED: &str = "ASCII letters, digits and hyphens (Azure also accepts underscores and periods), 2 to 64 characters, starting and ending with a letter or digit";

#[test]
fn account_name_refusals_have_their_own_messages() {
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the account name. Allowed: {ACCOUNT_ALLOWED}.")),
        ("a".into(), "The account name is too short (1 character): it needs 2 to 64.".into()),
        ("a".repeat(65), "The account name is too long (65 characters): at most 64.".into()),
        ("contoso speech".into(), format!("The account name contains spaces: allowed are {ACCOUNT_ALLOWED}.")),
        ("contoso@speech".into(), format!("The account name contains '@': allowed are {ACCOUNT_ALLOWED}.")),
        (
            "contosö-speech".into(),
            format!("The account name contains non-ASCII characters such as 'ö': allowed are {ACCOUNT_ALLOWED}."),
        ),
        ("-contoso".into(), "The account name must start with a letter or digit.".into()),
        (".contoso".into(), "The account name must start with a letter or digit.".into()),
        ("contoso-".into(), "The account name must end with a letter or digit.".into()),
        ("contoso.".into(), "The account name must end with a letter or digit.".into()),
        ("contoso\t".into(), "The account name starts or ends with a space: remove it.".into()),
    ];
    for (value, message) in cases {
        let draft = with(|d| d.target.name = value.clone());
        assert_only_error(&draft, "target.name", &message);
    }
}

#[test]
fn account_names_take_underscores_and_periods_inside() {
    for good in [
        "ab",
        "contoso_speech.v2",
        "Contoso-Speech-01",
        &"a".repeat(64),
    ] {
        let config = assert_no_error(&with(|d| d.target.name = good.into()));
        assert_eq!(config.target.resource.name(), good);
    }
}

// ---- AI Studio / ML hub workspace ----

fn hub(name: &str) -> Draft {
    with(|d| {
        d.target.resource_type = ResourceType::MlHub;
        d.target.name = name.into();
    })
}

#[test]
fn hub_workspace_names_follow_the_machine_learning_pattern() {
    const ALLOWED: &str =
        "ASCII letters, digits, underscores and hyphens, 3 to 33 characters, starting with a letter or digit";
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the workspace name. Allowed: {ALLOWED}.")),
        ("ab".into(), "The workspace name is too short (2 characters): it needs 3 to 33.".into()),
        ("h".repeat(34), "The workspace name is too long (34 characters): at most 33.".into()),
        ("hub.v2".into(), format!("The workspace name contains '.': allowed are {ALLOWED}.")),
        ("hub ai".into(), format!("The workspace name contains spaces: allowed are {ALLOWED}.")),
        ("hüb".into(), format!("The workspace name contains non-ASCII characters such as 'ü': allowed are {ALLOWED}.")),
        ("-hub".into(), "The workspace name must start with a letter or digit.".into()),
        ("_hub".into(), "The workspace name must start with a letter or digit.".into()),
    ];
    for (value, message) in cases {
        assert_only_error(&hub(&value), "target.name", &message);
    }
    // The pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$ lets a name end with `_` or `-`.
    for good in ["hub", "hub_", "hub-", &"h".repeat(33)] {
        let config = assert_no_error(&hub(good));
        assert_eq!(
            config.target.resource,
            Resource::MlHub { name: good.into() }
        );
    }
}

#[test]
fn creating_a_hub_is_refused_with_the_way_to_do_it() {
    let mut draft = hub("contoso-hub");
    draft.target.existence = Existence::Create;
    assert_only_error(
        &draft,
        "target.existence",
        "Creating a hub is outside this wizard (it needs a storage account, key vault and more): create it in the AI Foundry portal or with `az ml workspace create --kind hub`, then choose \"existing\".",
    );
}

// ---- Media Services ----

fn media(name: &str) -> Draft {
    with(|d| {
        d.target.resource_type = ResourceType::MediaServices;
        d.target.name = name.into();
    })
}

#[test]
fn media_services_names_are_lowercase_letters_and_digits() {
    const ALLOWED: &str = "lowercase letters and digits only, 3 to 24 characters";
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the Media Services account name. Allowed: {ALLOWED}.")),
        ("ab".into(), "The Media Services account name is too short (2 characters): it needs 3 to 24.".into()),
        ("m".repeat(25), "The Media Services account name is too long (25 characters): at most 24.".into()),
        ("Contosomedia".into(), format!("The Media Services account name contains 'C': allowed are {ALLOWED}.")),
        ("contoso-media".into(), format!("The Media Services account name contains '-': allowed are {ALLOWED}.")),
        ("contosomédia".into(), format!("The Media Services account name contains non-ASCII characters such as 'é': allowed are {ALLOWED}.")),
    ];
    for (value, message) in cases {
        assert_only_error(&media(&value), "target.name", &message);
    }
    assert_no_error(&media("contosomedia01"));
}

#[test]
fn media_services_is_flagged_as_retired_and_cannot_be_created() {
    let validation = validate(&media("contosomedia01"));
    assert_eq!(
        messages_at(&validation, "target.resource_type", Severity::Warning),
        ["Azure Media Services was retired on 2024-06-30. Only existing, legacy configurations are supported here."]
    );
    let mut create = media("contosomedia01");
    create.target.existence = Existence::Create;
    assert_only_error(
        &create,
        "target.existence",
        "Media Services was retired on 2024-06-30: new accounts cannot be created. Choose \"existing\".",
    );
}

// ---- region ----

#[test]
fn region_refusals_have_their_own_messages() {
    let cases = [
        ("", "Enter the region, e.g. westeurope."),
        ("West Europe", "Use the region's programmatic name: lowercase letters and digits only, e.g. \"westeurope\"."),
        ("WestEurope", "Use the region's programmatic name: lowercase letters and digits only, e.g. \"westeurope\"."),
        ("west-europe", "Use the region's programmatic name: lowercase letters and digits only, e.g. \"westeurope\"."),
        (" westeurope", "The region starts or ends with a space: remove it."),
        (
            "westeuröpe",
            "The region contains 'ö': use its programmatic name, lowercase ASCII letters and digits only, e.g. westeurope.",
        ),
    ];
    for (value, message) in cases {
        assert_only_error(
            &with(|d| d.target.region = value.into()),
            "target.region",
            message,
        );
    }
}

#[test]
fn a_region_of_another_cloud_is_an_error_naming_both_clouds() {
    assert_only_error(
        &with(|d| d.target.region = "usgovvirginia".into()),
        "target.region",
        "\"usgovvirginia\" is a region of Azure US Government, not of Azure (public): choose that cloud, or a region of Azure (public).",
    );
    assert_only_error(
        &with(|d| {
            d.target.cloud = Cloud::AzureChinaCloud;
            d.target.region = "westeurope".into();
        }),
        "target.region",
        "\"westeurope\" is a region of Azure (public), not of Azure China (21Vianet): choose that cloud, or a region of Azure China (21Vianet).",
    );
}

#[test]
fn an_unknown_region_is_only_a_warning() {
    let draft = with(|d| d.target.region = "marsnorth".into());
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "target.region", Severity::Warning),
        ["\"marsnorth\" is not a region this wizard knows in Azure (public): check the spelling (`az account list-locations`)."]
    );
    assert!(
        validation.config.is_some(),
        "Azure adds regions faster than the table changes: not an error"
    );
}

#[test]
fn each_clouds_own_regions_are_accepted() {
    for (cloud, region) in [
        (Cloud::AzureCloud, "swedencentral"),
        (Cloud::AzureUSGovernment, "usgovvirginia"),
        (Cloud::AzureChinaCloud, "chinanorth3"),
    ] {
        let config = assert_no_error(&with(|d| {
            d.target.cloud = cloud;
            d.target.region = region.into();
        }));
        assert_eq!(
            (config.target.cloud, config.target.region.as_str()),
            (cloud, region)
        );
    }
}

#[test]
fn every_suggested_region_is_lowercase_letters_and_digits() {
    // The suggestions are the names the CLI and ARM use, offered to be typed as they are.
    for cloud in Cloud::ALL {
        assert!(
            !cloud.known_regions().is_empty(),
            "{cloud:?} suggests no region"
        );
        for region in cloud.known_regions() {
            assert!(
                !region.is_empty()
                    && region
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{cloud:?} suggests {region:?}"
            );
        }
    }
}

// ---- kind and SKU ----

#[test]
fn an_unknown_kind_and_an_unoffered_sku_are_refused() {
    assert_only_error(
        &with(|d| d.target.kind = "Speech".into()),
        "target.kind",
        "Unknown kind \"Speech\": choose one from the list.",
    );
    assert_only_error(
        &with(|d| {
            d.target.kind = "OpenAI".into();
            d.target.sku = "F0".into();
            d.target.existence = Existence::Create;
        }),
        "target.sku",
        "SKU \"F0\" is not offered for Azure OpenAI: choose one of S0.",
    );
}

// ---- custom subdomain ----

const SUBDOMAIN_ALLOWED: &str =
    "ASCII letters, digits and hyphens, 2 to 63 characters, not starting or ending with a hyphen";

#[test]
fn custom_subdomain_refusals_have_their_own_messages() {
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the custom subdomain. Allowed: {SUBDOMAIN_ALLOWED}.")),
        ("c".into(), "The custom subdomain is too short (1 character): it needs 2 to 63.".into()),
        (
            "c".repeat(64),
            "The custom subdomain is too long (64 characters): at most 63, because it becomes a DNS label.".into(),
        ),
        ("-contoso".into(), "The custom subdomain must not start or end with a hyphen.".into()),
        ("contoso-".into(), "The custom subdomain must not start or end with a hyphen.".into()),
        ("contoso.speech".into(), format!("The custom subdomain contains '.': allowed are {SUBDOMAIN_ALLOWED}.")),
        ("contoso_speech".into(), format!("The custom subdomain contains '_': allowed are {SUBDOMAIN_ALLOWED}.")),
        ("contoso speech".into(), format!("The custom subdomain contains spaces: allowed are {SUBDOMAIN_ALLOWED}.")),
        (
            "contosö".into(),
            format!("The custom subdomain contains non-ASCII characters such as 'ö': allowed are {SUBDOMAIN_ALLOWED}."),
        ),
        ("contoso ".into(), "The custom subdomain starts or ends with a space: remove it.".into()),
    ];
    for (value, message) in cases {
        let draft = with(|d| d.custom_domain.subdomain = value.clone());
        assert_only_error(&draft, "custom_domain.subdomain", &message);
    }
}

#[test]
fn a_sixty_three_character_subdomain_is_the_longest_accepted() {
    let config = assert_no_error(&with(|d| d.custom_domain.subdomain = "c".repeat(63)));
    assert_eq!(
        config.custom_domain.expect("included").subdomain,
        "c".repeat(63)
    );
}

#[test]
fn a_mixed_case_subdomain_is_lowercased_with_a_note() {
    let draft = with(|d| d.custom_domain.subdomain = "Contoso-Speech".into());
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "custom_domain.subdomain", Severity::Info),
        ["Custom subdomains are case-insensitive: it will be \"contoso-speech\"."]
    );
    assert_eq!(
        validation.config.unwrap().custom_domain.unwrap().subdomain,
        "contoso-speech"
    );
}

#[test]
fn an_existing_account_needs_the_irreversibility_acknowledged() {
    let draft = with(|d| d.custom_domain.acknowledge_irreversible = false);
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "custom_domain.acknowledge_irreversible", Severity::Warning),
        ["Not included yet: tick the acknowledgement that the custom subdomain can never be changed or removed."]
    );
    assert_eq!(
        validation.config.expect("a warning only").custom_domain,
        None
    );

    // A new account gets it at creation: nothing existing is changed, no acknowledgement needed.
    let create = with(|d| {
        d.custom_domain.acknowledge_irreversible = false;
        d.target.existence = Existence::Create;
    });
    assert!(assert_no_error(&create).custom_domain.is_some());
}

#[test]
fn custom_domain_and_network_steps_are_skipped_for_hubs_with_a_note() {
    let validation = validate(&hub("contoso-hub"));
    assert_eq!(
        messages_at(&validation, "custom_domain.enabled", Severity::Info),
        ["Custom subdomains apply to Cognitive Services accounts only: this step is not included for the chosen resource type."]
    );
    assert_eq!(
        messages_at(&validation, "network.enabled", Severity::Info),
        ["These network rules apply to Cognitive Services accounts only: this step is not included for the chosen resource type."]
    );
    let config = validation.config.expect("valid");
    assert_eq!((config.custom_domain, config.network), (None, None));
}

// ---- virtual network and subnet names (virtual-network rules typed by parts) ----

fn subnet_by_parts(vnet: &str, subnet: &str) -> Draft {
    with(|d| {
        d.network.vnet_rules = vec![VnetRuleDraft {
            input: SubnetInput::Parts,
            resource_group: "rg-network".into(),
            vnet: vnet.into(),
            subnet: subnet.into(),
            ..VnetRuleDraft::default()
        }]
    })
}

fn network_name_allowed(min: usize, max: usize) -> String {
    format!("ASCII letters, digits, underscores, periods and hyphens, {min} to {max} characters, starting with a letter or digit and ending with a letter, digit or underscore")
}

#[test]
fn virtual_network_names_are_two_to_sixty_four_characters() {
    let allowed = network_name_allowed(2, 64);
    let field = "network.vnet_rules.0.vnet";
    let cases: Vec<(String, String)> = vec![
        (String::new(), format!("Enter the virtual network name. Allowed: {allowed}.")),
        ("v".into(), "The virtual network name is too short (1 character): it needs 2 to 64.".into()),
        ("v".repeat(65), "The virtual network name is too long (65 characters): at most 64.".into()),
        ("vnet apps".into(), format!("The virtual network name contains spaces: allowed are {allowed}.")),
        ("vnet-äpps".into(), format!("The virtual network name contains non-ASCII characters such as 'ä': allowed are {allowed}.")),
        ("_vnet".into(), "The virtual network name must start with a letter or digit.".into()),
        ("vnet-".into(), "The virtual network name must end with a letter, digit or underscore.".into()),
        ("vnet.".into(), "The virtual network name must end with a letter, digit or underscore.".into()),
    ];
    for (value, message) in cases {
        assert_only_error(&subnet_by_parts(&value, "default"), field, &message);
    }
    for good in ["vn", "vnet_", "vnet.apps-01", &"v".repeat(64)] {
        assert_no_error(&subnet_by_parts(good, "default"));
    }
}

#[test]
fn subnet_names_are_one_to_eighty_characters() {
    let allowed = network_name_allowed(1, 80);
    let field = "network.vnet_rules.0.subnet";
    let cases: Vec<(String, String)> = vec![
        (
            String::new(),
            format!("Enter the subnet name. Allowed: {allowed}."),
        ),
        (
            "s".repeat(81),
            "The subnet name is too long (81 characters): at most 80.".into(),
        ),
        (
            "snet/apps".into(),
            format!("The subnet name contains '/': allowed are {allowed}."),
        ),
        (
            "-snet".into(),
            "The subnet name must start with a letter or digit.".into(),
        ),
        (
            "snet-".into(),
            "The subnet name must end with a letter, digit or underscore.".into(),
        ),
    ];
    for (value, message) in cases {
        assert_only_error(&subnet_by_parts("vnet-apps", &value), field, &message);
    }
    for good in ["s", "snet_", &"s".repeat(80)] {
        assert_no_error(&subnet_by_parts("vnet-apps", good));
    }
}

#[test]
fn an_empty_subdomain_offers_the_resource_name_in_one_click() {
    let mut draft = with(|d| {
        d.custom_domain.subdomain = String::new();
        d.target.name = "Contoso-Speech".into();
    });
    let validation = validate(&draft);
    let error = validation
        .for_field("custom_domain.subdomain")
        .next()
        .expect("an error");
    let fix = error.fix.clone().expect("a fix");
    assert_eq!(fix.label, "Use contoso-speech");
    assert!(draft.apply_fix("custom_domain.subdomain", &fix.replacement));
    assert_eq!(draft.custom_domain.subdomain, "contoso-speech");
    assert_no_error(&draft);
}

#[test]
fn no_subdomain_fix_is_offered_when_the_name_cannot_be_one() {
    let draft = with(|d| {
        d.custom_domain.subdomain = String::new();
        d.target.name = "contoso_speech".into();
    });
    let validation = validate(&draft);
    let error = validation
        .for_field("custom_domain.subdomain")
        .next()
        .expect("an error");
    assert_eq!(error.fix, None);
}

proptest::proptest! {
    /// The GUID test reads bytes at fixed offsets; it says the same as splitting at the hyphens
    /// and checking five groups of 8-4-4-4-12 hexadecimal digits, for near-GUIDs and anything else.
    #[test]
    fn is_guid_agrees_with_the_group_definition(
        text in "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-gA-G\\-é ]{0,40}",
        cut in 0usize..40,
        insert in "[-0aé]?",
    ) {
        let by_groups = |t: &str| {
            let groups: Vec<&str> = t.split('-').collect();
            groups.len() == 5
                && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
        };
        let mut varied = text.clone();
        if let Some((at, _)) = varied.char_indices().nth(cut) {
            varied.insert_str(at, &insert);
        }
        for t in [&text, &varied] {
            proptest::prop_assert_eq!(ai_network_wizard::core::names::is_guid(t), by_groups(t), "{:?}", t);
        }
    }
}

/// A region written as people write it ("West Europe", with spaces around) is refused with a
/// fix to its programmatic name when the cloud has that region; an unknown one gets none.
#[test]
fn a_region_written_as_people_write_it_gets_a_fix_to_its_programmatic_name() {
    for typed in ["West Europe", " westeurope", "WESTEUROPE", "west europe "] {
        let mut draft = with(|d| d.target.region = typed.into());
        let errors: Vec<_> = validate(&draft)
            .for_field("target.region")
            .cloned()
            .collect();
        assert_eq!(errors.len(), 1, "{typed}: {errors:#?}");
        let fix = errors[0].fix.clone().expect(typed);
        assert_eq!(fix.label, "Use westeurope");
        assert!(draft.apply_fix("target.region", &fix.replacement));
        assert_eq!(draft.target.region, "westeurope");
        assert_no_error(&draft);
    }
    let unknown = with(|d| d.target.region = "West Mars".into());
    assert!(validate(&unknown)
        .for_field("target.region")
        .all(|d| d.fix.is_none()));
}

// ---- tags ----

/// The draft to be created with these tag lines.
fn tagged(lines: &[&str]) -> Draft {
    with(|d| {
        d.target.existence = Existence::Create;
        d.target.tags = lines.iter().map(|l| (*l).to_owned()).collect();
    })
}

#[test]
fn each_tag_line_is_refused_with_its_own_message() {
    let long_name = format!("{}=v", "n".repeat(513));
    let long_value = format!("n={}", "v".repeat(257));
    let cases: [(&str, &str); 9] = [
        ("Owner", "Write a tag as name=value (the value may be empty: name=)."),
        ("=x", "A tag needs a name before the =."),
        ("team/ai=x", "Tag names cannot contain / (nor any of < > % & \\ ? /)."),
        ("a<b=x", "Tag names cannot contain < (nor any of < > % & \\ ? /)."),
        (&long_name, "A tag name has at most 512 characters."),
        (&long_value, "A tag value has at most 256 characters."),
        ("say=\"hi\"", "Tags cannot contain double quotes here: Windows PowerShell 5.1 drops them on the way to az, so the tag would differ between the scripts."),
        ("path=C:\\temp\\", "A tag value cannot end with \\: Windows PowerShell 5.1 would pass it to az with the next quote escaped."),
        ("\"q\"=x", "Tags cannot contain double quotes here: Windows PowerShell 5.1 drops them on the way to az, so the tag would differ between the scripts."),
    ];
    for (line, message) in cases {
        assert_only_error(&tagged(&["CostCenter=1", line]), "target.tags.1", message);
    }
}

#[test]
fn tags_are_trimmed_kept_in_order_and_may_have_empty_values() {
    let validation = validate(&tagged(&[
        "  CostCenter = 4711 ",
        "",
        "Owner=AI platform team",
        "empty=",
    ]));
    let config = validation.config.expect("valid");
    let tags: Vec<(&str, &str)> = config
        .tags
        .iter()
        .map(|t| (t.name.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        tags,
        [
            ("CostCenter", "4711"),
            ("Owner", "AI platform team"),
            ("empty", "")
        ]
    );
}

#[test]
fn a_tag_name_twice_in_any_case_is_refused_at_the_second() {
    assert_only_error(
        &tagged(&["CostCenter=1", "Owner=x", "costcenter=2"]),
        "target.tags.2",
        "A tag named CostCenter is already on line 1: Azure compares tag names without case.",
    );
}

#[test]
fn more_than_fifty_tags_are_refused() {
    let lines: Vec<String> = (0..51).map(|i| format!("t{i}=v")).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert_only_error(
        &tagged(&lines),
        "target.tags",
        "51 tags: Azure takes at most 50 on a resource.",
    );
    let fifty: Vec<&str> = lines[..50].to_vec();
    assert_no_error(&tagged(&fifty));
}

#[test]
fn tags_on_an_existing_account_without_endpoints_say_nothing_is_created() {
    let draft = with(|d| d.target.tags = vec!["CostCenter=1".into()]);
    let validation = validate(&draft);
    assert_no_error(&draft);
    assert_eq!(
        messages_at(&validation, "target.tags", Severity::Info),
        ["Tags go only on what the wizard creates (the account when it is created, private endpoints, private DNS zones and their links): this plan creates none, and existing resources keep their tags."]
    );
    assert!(messages_at(
        &validate(&tagged(&["CostCenter=1"])),
        "target.tags",
        Severity::Info
    )
    .is_empty());
}

#[test]
fn tag_names_private_dns_refuses_are_warned_about_when_endpoints_are_planned() {
    let draft = crate::support::fixture("ai-services-create-tagged-private-endpoint");
    let mut spaced = draft.clone();
    spaced.target.tags = vec![
        "Cost Center=1".into(),
        "9lives=x".into(),
        "team-ai=x".into(),
        "Owner=x".into(),
    ];
    let validation = validate(&spaced);
    let warning = "Private DNS zones and their links take tag names of letters and digits only, not starting with a digit: this tag may be refused or left out there.";
    for line in 0..3 {
        assert_eq!(
            messages_at(
                &validation,
                &format!("target.tags.{line}"),
                Severity::Warning
            ),
            [warning],
            "line {line}"
        );
    }
    assert!(messages_at(&validation, "target.tags.3", Severity::Warning).is_empty());
    assert!(validation.config.is_some(), "warnings only");
}
