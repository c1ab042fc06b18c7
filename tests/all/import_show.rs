//! Import of `show` outputs (core/import) and `wizard-cli import`: each shape becomes the form
//! that describes the resource as it is; what cannot be read is named by its JSON path.

use proptest::prelude::*;

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::config_file::from_config_json;
use ai_network_wizard::core::diagnostics::Severity;
use ai_network_wizard::core::draft::{
    Bypass, DefaultAction, Draft, Existence, PublicNetworkAccess, VnetRuleDraft,
};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::import::{import_show_json, Imported, ShowSource};
use ai_network_wizard::core::resource_kinds::ResourceType;

use crate::support::{fixtures_dir, wizard_cli};

const READ_AT: &str = "2026-11-30T14:05Z";

fn input(name: &str) -> String {
    let path = fixtures_dir().join("import").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str) -> Imported {
    import_show_json(&input(name), READ_AT).unwrap_or_else(|e| panic!("{name}: {e:#?}"))
}

fn errors(text: &str) -> Vec<(String, String)> {
    import_show_json(text, READ_AT)
        .expect_err("refused")
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.field, d.message))
        .collect()
}

fn subnet(id: &str) -> VnetRuleDraft {
    VnetRuleDraft {
        subnet_id: id.into(),
        enable_service_endpoint: false,
        ..VnetRuleDraft::default()
    }
}

#[test]
fn az_cognitiveservices_account_show_fills_the_whole_form() {
    let imported = import("az-account-show-openai.json");
    assert_eq!(imported.source, ShowSource::ArmAccount);
    let d = &imported.draft;
    assert_eq!(d.target.cloud, Cloud::AzureCloud);
    assert_eq!(
        d.target.subscription_id,
        "0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60"
    );
    assert_eq!(d.target.resource_group, "rg-openai-prod");
    assert_eq!(d.target.resource_type, ResourceType::CognitiveServices);
    assert_eq!(
        (d.target.kind.as_str(), d.target.sku.as_str()),
        ("OpenAI", "S0")
    );
    assert_eq!(
        (d.target.name.as_str(), d.target.region.as_str()),
        ("contoso-openai", "swedencentral")
    );
    assert_eq!(d.target.existence, Existence::Existing);
    assert!(d.custom_domain.enabled && d.custom_domain.acknowledge_irreversible);
    assert_eq!(d.custom_domain.subdomain, "contoso-openai");
    assert!(d.network.enabled);
    assert_eq!(
        d.network.public_network_access,
        PublicNetworkAccess::Enabled
    );
    assert_eq!(d.network.default_action, DefaultAction::Deny);
    assert_eq!(d.network.bypass, Bypass::AzureServices);
    assert_eq!(d.network.ip_rules, ["192.0.2.10", "198.51.100.0/26"]);
    assert_eq!(
        d.network.vnet_rules,
        [subnet("/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy")]
    );
    let connection = &imported.endpoint_connections[0];
    assert_eq!(
        connection.name,
        "pe-openai.4f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91"
    );
    assert_eq!(connection.status, "Approved");
    assert!(connection
        .private_endpoint_id
        .ends_with("/privateEndpoints/pe-openai"));
    // The snapshot keeps what rollback restores, in ARM's shape, without ARM's read-only state.
    let snapshot = imported.account_snapshot.as_ref().unwrap();
    assert_eq!(
        snapshot["properties"]["networkAcls"]["ipRules"][1]["value"],
        "198.51.100.0/26"
    );
    assert_eq!(
        snapshot["properties"]["networkAcls"]["bypass"],
        "AzureServices"
    );
    assert!(
        snapshot["properties"]["networkAcls"]["virtualNetworkRules"][0]
            .get("state")
            .is_none()
    );
    assert_eq!(snapshot["properties"]["publicNetworkAccess"], "Enabled");
}

#[test]
fn an_imported_form_is_valid_and_reproduces_the_account() {
    for name in [
        "az-account-show-openai.json",
        "az-resource-show-us-government.json",
        "powershell-china.json",
        "az-ml-workspace-show-hub.json",
    ] {
        let generated = generate(&import(name).draft);
        let errors: Vec<_> = generated
            .validation
            .errors()
            .map(|d| format!("{}: {}", d.field, d.message))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_rest_get_of_an_account_without_network_rules_starts_from_allow() {
    // The shape of the GetAccount example in the REST specification.
    let imported = import("rest-get-no-network-acls.json");
    let d = &imported.draft;
    assert_eq!(
        (
            d.target.kind.as_str(),
            d.target.sku.as_str(),
            d.target.region.as_str()
        ),
        ("Emotion", "F0", "westus")
    );
    assert_eq!(d.network.default_action, DefaultAction::Allow);
    assert_eq!(d.network.bypass, Bypass::KeepCurrent);
    assert!(d.network.ip_rules.is_empty() && d.network.vnet_rules.is_empty());
    assert!(
        !d.custom_domain.enabled,
        "no subdomain yet: the person decides"
    );
    let fields: Vec<&str> = imported.notes.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "tags",
            "properties.networkAcls",
            "properties.customSubDomainName"
        ]
    );
    assert_eq!(
        imported.account_snapshot.as_ref().unwrap()["properties"]["networkAcls"],
        serde_json::Value::Null
    );
}

#[test]
fn az_resource_show_in_us_government_finds_the_cloud() {
    let d = import("az-resource-show-us-government.json").draft;
    assert_eq!(d.target.cloud, Cloud::AzureUSGovernment);
    assert_eq!(
        (d.target.kind.as_str(), d.target.sku.as_str()),
        ("TextAnalytics", "S")
    );
    assert_eq!(
        d.network.bypass,
        Bypass::KeepCurrent,
        "no bypass printed: keep it"
    );
    assert_eq!(d.network.vnet_rules.len(), 1);
}

#[test]
fn powershell_convert_to_json_reads_the_sdk_network_acls_with_their_bypass() {
    let imported = import("powershell-china.json");
    assert_eq!(imported.source, ShowSource::AzPowerShell);
    let d = &imported.draft;
    assert_eq!(d.target.cloud, Cloud::AzureChinaCloud);
    assert_eq!(d.target.resource_group, "rg-cn-ai");
    assert_eq!(
        (d.target.kind.as_str(), d.target.name.as_str()),
        ("SpeechServices", "contoso-cn-speech")
    );
    assert_eq!(d.custom_domain.subdomain, "contoso-cn-speech");
    assert_eq!(d.network.default_action, DefaultAction::Deny);
    assert_eq!(d.network.bypass, Bypass::None);
    assert_eq!(d.network.ip_rules, ["203.0.113.0/24", "198.51.100.7"]);
}

#[test]
fn powershell_without_the_sdk_properties_reads_network_rule_set_and_keeps_the_bypass() {
    let mut value: serde_json::Value =
        serde_json::from_str(&input("powershell-china.json")).unwrap();
    value.as_object_mut().unwrap().remove("Properties");
    value["NetworkRuleSet"]["DefaultAction"] = 1.into();
    value["NetworkRuleSet"]["VirtualNetworkRules"] = serde_json::json!([{
        "Id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-cn-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps",
        "State": "Succeeded",
        "IgnoreMissingVnetServiceEndpoint": true
    }]);
    let imported = import_show_json(&value.to_string(), READ_AT).unwrap();
    let d = &imported.draft;
    assert_eq!(d.network.default_action, DefaultAction::Allow, "1 is Allow");
    assert_eq!(d.network.bypass, Bypass::KeepCurrent);
    assert_eq!(d.network.ip_rules, ["203.0.113.0/24", "198.51.100.7"]);
    assert_eq!(d.network.vnet_rules.len(), 1);
    assert!(imported
        .notes
        .iter()
        .any(|n| n.field == "NetworkRuleSet" && n.severity == Severity::Warning));
}

#[test]
fn az_ml_workspace_show_fills_the_hub_target() {
    let imported = import("az-ml-workspace-show-hub.json");
    assert_eq!(imported.source, ShowSource::MlWorkspace);
    let d = &imported.draft;
    assert_eq!(d.target.resource_type, ResourceType::MlHub);
    assert_eq!(
        (
            d.target.name.as_str(),
            d.target.resource_group.as_str(),
            d.target.region.as_str()
        ),
        ("contoso-hub", "rg-ai-studio", "eastus")
    );
    assert!(imported.account_snapshot.is_none());
    assert!(imported
        .notes
        .iter()
        .any(|n| n.message.starts_with("Public network access is Enabled.")));

    let project = input("az-ml-workspace-show-hub.json")
        .replace("\"kind\": \"hub\"", "\"kind\": \"project\"");
    assert_eq!(errors(&project)[0].0, "kind");
    assert!(errors(&project)[0]
        .1
        .starts_with("This workspace is of kind project"));
}

#[test]
fn other_resource_types_are_refused_clearly() {
    assert_eq!(
        errors(&input("az-storage-account-show.json")),
        [("type".to_owned(), "This is a Microsoft.Storage/storageAccounts: the wizard imports Azure AI services / Cognitive Services accounts (Microsoft.CognitiveServices/accounts) and AI Studio hubs (az ml workspace show).".to_owned())]
    );
    let list = format!("[{}]", input("az-account-show-openai.json"));
    assert!(errors(&list)[0]
        .1
        .starts_with("This is a list of 1 resources"));
}

#[test]
fn what_cannot_be_read_is_named_by_its_path() {
    let text = input("az-account-show-openai.json")
        .replace(
            "{ \"value\": \"192.0.2.10\" }",
            "{ \"address\": \"192.0.2.10\" }",
        )
        .replace(
            "\"defaultAction\": \"Deny\"",
            "\"defaultAction\": \"Block\"",
        )
        .replace(
            "\"bypass\": \"AzureServices\",",
            "\"bypass\": \"AzureServices\", \"resourceAccessRules\": [],",
        );
    let fields: Vec<String> = errors(&text).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "properties.networkAcls.resourceAccessRules",
            "properties.networkAcls.defaultAction",
            "properties.networkAcls.ipRules.0.value",
        ]
    );
    assert_eq!(
        errors("{\"id\": 5}")[0],
        (
            "id".to_owned(),
            "\"id\" must be text, found a number.".to_owned()
        )
    );
    assert!(errors("not json")[0].1.starts_with("Not valid JSON"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::support::cases(256), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn truncated_input_is_refused_with_a_message(cut in 0usize..3000) {
        let text = input("az-account-show-openai.json");
        let cut = cut.min(text.len() - 2);
        let result = import_show_json(&text[..cut], READ_AT);
        let errors = result.expect_err("a cut JSON never imports");
        prop_assert!(errors.iter().any(|e| e.severity == Severity::Error && !e.message.is_empty()));
    }

    #[test]
    fn any_json_is_imported_or_refused_without_a_panic(text in "[{}\\[\\]\",:a-zA-Z0-9 /.-]{0,300}") {
        if let Err(errors) = import_show_json(&text, READ_AT) {
            prop_assert!(!errors.is_empty());
        }
    }
}

#[test]
fn oversized_input_is_refused() {
    let huge = format!("{{\"id\": \"{}\"}}", "a".repeat(3 * 1024 * 1024));
    assert!(errors(&huge)[0].1.starts_with("This is 3072 KB"));
}

// ---- wizard-cli import ----

#[test]
fn wizard_cli_import_prints_the_configuration_file() {
    let path = fixtures_dir().join("import/az-account-show-openai.json");
    let output = wizard_cli(&["import", path.to_str().unwrap(), "--read-at", READ_AT]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    let draft: Draft = from_config_json(&printed).unwrap();
    assert_eq!(draft, import("az-account-show-openai.json").draft);
    let notes = String::from_utf8(output.stderr).unwrap();
    assert!(notes.contains(": info: properties.privateEndpointConnections.0: Private endpoint connection pe-openai."), "{notes}");
}

#[test]
fn wizard_cli_import_exits_1_with_field_addressed_messages() {
    let path = fixtures_dir().join("import/az-storage-account-show.json");
    let output = wizard_cli(&["import", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("az-storage-account-show.json: error: type: This is a Microsoft.Storage/storageAccounts"), "{stderr}");
}

#[test]
fn one_box_reads_links_configuration_files_and_show_outputs() {
    use ai_network_wizard::core::import::{read_pasted, Loaded};
    let config =
        std::fs::read_to_string(fixtures_dir().join("speech-two-office-ranges.json")).unwrap();
    let draft = from_config_json(&config).unwrap();
    assert_eq!(
        read_pasted(&config, READ_AT),
        Ok(Loaded::Configuration(draft.clone()))
    );
    // A version-2 link comes back packed: the page unpacks it with the browser's zlib.
    let link = ai_network_wizard::core::share_link::share_link("https://wizard.example/", &draft);
    match read_pasted(&link, READ_AT) {
        Ok(Loaded::PackedLink(packed)) => {
            use ai_network_wizard::core::share_link::{draft_from_unpacked, zlib, MAX_JSON_BYTES};
            let unpacked = zlib::decompress(&packed, MAX_JSON_BYTES);
            assert_eq!(draft_from_unpacked(unpacked), Ok(draft.clone()));
        }
        other => panic!("{other:?}"),
    }
    let v1 = format!(
        "https://wizard.example/#config={}",
        ai_network_wizard::core::share_link::percent_encode_v1(&config.replace('\n', ""))
    );
    assert_eq!(read_pasted(&v1, READ_AT), Ok(Loaded::Configuration(draft)));
    match read_pasted(&input("powershell-china.json"), READ_AT) {
        Ok(Loaded::Show(imported)) => assert_eq!(imported.draft.target.name, "contoso-cn-speech"),
        other => panic!("{other:?}"),
    }
    let broken = config.replace("\"version\": 1", "\"version\": 9");
    assert_eq!(
        read_pasted(&broken, READ_AT),
        Err(vec![
            "Configuration version 9 is not supported: this wizard reads version 1.".to_owned()
        ])
    );
    assert_eq!(
        read_pasted("{\"id\": 5}", READ_AT),
        Err(vec!["id: \"id\" must be text, found a number.".to_owned()])
    );
}

#[test]
fn an_imported_account_carries_its_snapshot_for_exact_requests_and_rollback() {
    use ai_network_wizard::core::current_state::CurrentStateDraft;
    let imported = import("az-account-show-openai.json");
    let state: &CurrentStateDraft = imported.draft.current_state.as_ref().expect("a snapshot");
    assert_eq!(state.read_at, READ_AT);
    assert_eq!(state.source, "az cognitiveservices account show");
    let account = state.account.as_ref().unwrap();
    assert_eq!(
        account["properties"]["networkAcls"]["ipRules"][0]["value"],
        "192.0.2.10"
    );
    assert_eq!(
        account["properties"]["customSubDomainName"],
        "contoso-openai"
    );
    let config = generate(&imported.draft).validation.config.expect("valid");
    let snapshot = config.current_state.expect("validated snapshot");
    assert_eq!(
        snapshot.account.unwrap().network_acls.unwrap().ip_rules,
        ["192.0.2.10", "198.51.100.0/26"]
    );
    // The workspace has no account snapshot.
    assert!(import("az-ml-workspace-show-hub.json")
        .draft
        .current_state
        .is_none());
}

/// The ARM `show` of an account with settings the wizard does not carry, set and unset.
fn account_with_settings_not_carried() -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&input("az-account-show-openai.json")).unwrap();
    let properties = &mut value["properties"];
    properties["restrictOutboundNetworkAccess"] = serde_json::json!(true);
    properties["allowedFqdnList"] = serde_json::json!(["contoso.blob.core.windows.net"]);
    properties["networkInjections"] = serde_json::json!([{
        "scenario": "agent",
        "subnetArmId": "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-agents",
        "useMicrosoftManagedNetwork": false
    }]);
    properties["disableLocalAuth"] = serde_json::json!(true);
    properties["encryption"] = serde_json::json!({ "keySource": "Microsoft.CognitiveServices" });
    properties["dynamicThrottlingEnabled"] = serde_json::Value::Null;
    value["identity"] = serde_json::json!({ "type": "SystemAssigned", "principalId": "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47" });
    serde_json::to_string_pretty(&value).unwrap()
}

fn not_carried_notes(imported: &Imported) -> Vec<(String, String)> {
    imported
        .notes
        .iter()
        .filter(|d| d.message.starts_with("Kept as it is"))
        .inspect(|d| assert_eq!(d.severity, Severity::Info, "{d:?}"))
        .map(|d| (d.field.clone(), d.message.clone()))
        .collect()
}

#[test]
fn the_settings_the_wizard_does_not_carry_are_named_as_kept() {
    let imported = import_show_json(&account_with_settings_not_carried(), READ_AT).unwrap();
    let notes = not_carried_notes(&imported);
    let fields: Vec<&str> = notes.iter().map(|(f, _)| f.as_str()).collect();
    // In NOT_CARRIED's order; null (dynamicThrottlingEnabled) and empty (apiProperties: {})
    // settings say nothing and are not named.
    assert_eq!(
        fields,
        [
            "identity",
            "tags",
            "properties.allowedFqdnList",
            "properties.disableLocalAuth",
            "properties.encryption",
            "properties.networkInjections",
            "properties.restrictOutboundNetworkAccess",
        ]
    );
    let (_, message) = notes
        .iter()
        .find(|(f, _)| f == "properties.restrictOutboundNetworkAccess")
        .unwrap();
    assert_eq!(
        message,
        "Kept as it is: the wizard does not carry this setting, so it is not imported and the outputs leave it alone (they change an existing account only by PATCH requests holding the properties they change)."
    );
    // What the wizard reads is not named: BYOS keeps its own note.
    assert!(!fields.iter().any(|f| f.ends_with("networkAcls")
        || f.ends_with("customSubDomainName")
        || f.ends_with("publicNetworkAccess")
        || f.ends_with("userOwnedStorage")));
}

/// What the notes promise: every write to the imported account, in every step, is a PATCH
/// whose properties are only those the wizard carries; the account is never PUT.
#[test]
fn the_outputs_of_an_imported_account_write_none_of_the_settings_it_does_not_carry() {
    let mut draft = import_show_json(&account_with_settings_not_carried(), READ_AT)
        .unwrap()
        .draft;
    // Change everything the wizard can change on the account.
    draft.network.public_network_access = PublicNetworkAccess::Disabled;
    draft.network.accept_no_access = true;
    draft.network.ip_rules.push("203.0.113.0/24".into());
    let generated = generate(&draft);
    let plan = generated
        .plan
        .unwrap_or_else(|| panic!("{:#?}", generated.validation.diagnostics));
    let account = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts/{}",
        draft.target.subscription_id, draft.target.resource_group, draft.target.name
    );
    let mut writes = 0;
    for step in &plan.steps {
        for request in plan.requests(step) {
            if !request.path.eq_ignore_ascii_case(&account) || request.method == "GET" {
                continue;
            }
            writes += 1;
            assert_eq!(request.method, "PATCH", "{}", step.title);
            let body = request.body.as_ref().expect("a PATCH has a body");
            let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["properties"], "{}", step.title);
            for key in body["properties"].as_object().unwrap().keys() {
                assert!(
                    ["customSubDomainName", "networkAcls", "publicNetworkAccess"]
                        .contains(&key.as_str()),
                    "{}: {key}",
                    step.title
                );
            }
        }
    }
    assert!(
        writes >= 2,
        "the rules and public access are written: {writes}"
    );
}

/// The list is the REST specification's writable account settings (transcribed in
/// tests/contracts/arm-schemas.json) less what the import reads.
#[test]
fn the_settings_not_carried_are_the_writable_ones_the_import_does_not_read() {
    let contracts: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("../contracts/arm-schemas.json")).unwrap(),
    )
    .unwrap();
    let writable = |definition: &str| -> Vec<String> {
        contracts["$defs"][definition]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{definition}"))
            .iter()
            .filter(|(_, schema)| schema.get("x-readOnly").is_none())
            .map(|(name, _)| name.clone())
            .collect()
    };
    const READ: &[&str] = &[
        "kind",
        "sku",
        "location",
        "properties",
        "properties.customSubDomainName",
        "properties.publicNetworkAccess",
        "properties.networkAcls",
        "properties.userOwnedStorage",
    ];
    let mut expected: Vec<String> = Vec::new();
    for version in ["2024-10-01", "2025-06-01"] {
        expected.extend(writable(&format!("cs.Account@{version}")));
        expected.extend(
            writable(&format!("cs.AccountProperties@{version}"))
                .into_iter()
                .map(|p| format!("properties.{p}")),
        );
    }
    expected.retain(|p| !READ.contains(&p.as_str()));
    expected.sort();
    expected.dedup();
    let mut listed: Vec<String> = ai_network_wizard::core::import::NOT_CARRIED
        .iter()
        .map(|s| s.to_string())
        .collect();
    listed.sort();
    assert_eq!(listed, expected);
}

#[test]
fn powershell_settings_not_carried_are_named_by_their_arm_path() {
    let mut value: serde_json::Value =
        serde_json::from_str(&input("powershell-china.json")).unwrap();
    value["Properties"]["DisableLocalAuth"] = serde_json::json!(true);
    value["DisableLocalAuth"] = serde_json::json!(true);
    value["RestrictOutboundNetworkAccess"] = serde_json::json!(false);
    value["Tags"] = serde_json::json!({ "app": "speech" });
    let imported = import_show_json(&value.to_string(), READ_AT).unwrap();
    let fields: Vec<String> = not_carried_notes(&imported)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        fields,
        [
            "tags",
            "properties.disableLocalAuth",
            "properties.restrictOutboundNetworkAccess"
        ]
    );
}

#[test]
fn wizard_cli_import_prints_the_settings_it_does_not_carry() {
    let dir = std::env::temp_dir().join(format!(
        "ai-network-wizard-not-carried-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("show.json");
    std::fs::write(&path, account_with_settings_not_carried()).unwrap();
    let output = wizard_cli(&["import", path.to_str().unwrap(), "--read-at", READ_AT]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(0));
    let notes = String::from_utf8(output.stderr).unwrap();
    for field in [
        "properties.networkInjections",
        "properties.encryption",
        "identity",
    ] {
        assert!(
            notes.contains(&format!(": info: {field}: Kept as it is")),
            "{field}: {notes}"
        );
    }
}
