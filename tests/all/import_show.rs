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
        ["properties.networkAcls", "properties.customSubDomainName"]
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
    let link = ai_network_wizard::core::share_link::share_link("https://wizard.example/", &draft);
    assert_eq!(
        read_pasted(&link, READ_AT),
        Ok(Loaded::Configuration(draft))
    );
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
