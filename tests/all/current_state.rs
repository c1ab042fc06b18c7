//! The imported current state: read from ARM's and az's JSON shapes, each problem named at its
//! field, and absent from files that never had it.

use serde_json::{json, Value};

use ai_network_wizard::core::config_file::{from_config_json, to_config_json};
use ai_network_wizard::core::current_state::{
    minimal_account_json, minimal_subnet_json, validate_current_state, CurrentStateDraft,
};
use ai_network_wizard::core::diagnostics::{Diagnostic, Severity};
use ai_network_wizard::core::draft::DefaultAction;
use ai_network_wizard::core::validate::validate;

use crate::support::{fixture, fixtures_dir, valid_draft};

const ACCOUNT_ID: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech";
const SUBNET_ID: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-api";

fn state(account: Option<Value>, subnets: Vec<Value>) -> CurrentStateDraft {
    CurrentStateDraft {
        read_at: "2026-11-30T12:00Z".into(),
        source: "test".into(),
        account,
        subnets,
    }
}

fn errors(draft: &CurrentStateDraft) -> Vec<(String, String)> {
    let mut out: Vec<Diagnostic> = Vec::new();
    validate_current_state(draft, Some(ACCOUNT_ID), &mut out);
    out.into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.field, d.message))
        .collect()
}

fn fields(draft: &CurrentStateDraft) -> Vec<String> {
    errors(draft).into_iter().map(|(f, _)| f).collect()
}

#[test]
fn the_account_is_read_from_the_show_output_and_from_a_bare_properties_object() {
    let acls = json!({
        "defaultAction": "Deny", "bypass": "AzureServices",
        "ipRules": [{ "value": "192.0.2.10" }],
        "virtualNetworkRules": [{ "id": SUBNET_ID, "ignoreMissingVnetServiceEndpoint": false, "state": "Succeeded" }],
    });
    let whole = json!({ "id": ACCOUNT_ID, "type": "Microsoft.CognitiveServices/accounts", "properties": { "networkAcls": acls, "endpoint": "x" } });
    let bare = json!({ "networkAcls": acls, "provisioningState": "Succeeded" });
    for value in [whole, bare] {
        let mut out = Vec::new();
        let read = validate_current_state(&state(Some(value), vec![]), Some(ACCOUNT_ID), &mut out)
            .expect("readable");
        assert!(out.is_empty(), "{out:#?}");
        let acls = read.account.unwrap().network_acls.unwrap();
        assert_eq!(acls.default_action, Some(DefaultAction::Deny));
        assert_eq!(acls.bypass.as_deref(), Some("AzureServices"));
        assert_eq!(acls.ip_rules, ["192.0.2.10"]);
        assert_eq!(acls.virtual_network_rules[0].id, SUBNET_ID);
    }
}

#[test]
fn an_account_without_network_acls_has_none() {
    let mut out = Vec::new();
    let read = validate_current_state(
        &state(
            Some(json!({ "id": ACCOUNT_ID, "properties": { "networkAcls": null } })),
            vec![],
        ),
        Some(ACCOUNT_ID),
        &mut out,
    )
    .unwrap();
    assert_eq!(read.account.unwrap().network_acls, None);
}

#[test]
fn what_cannot_be_read_is_named_at_its_field() {
    let p = "current_state.account.properties";
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({ "properties": { "networkAcls": { "ipRules": "203.0.113.1" } } }),
            "networkAcls.ipRules",
        ),
        (
            json!({ "properties": { "networkAcls": { "ipRules": [{ "value": 5 }] } } }),
            "networkAcls.ipRules.0.value",
        ),
        (
            json!({ "properties": { "networkAcls": { "defaultAction": "Maybe" } } }),
            "networkAcls.defaultAction",
        ),
        (
            json!({ "properties": { "networkAcls": { "bypass": "Logging" } } }),
            "networkAcls.bypass",
        ),
        (
            json!({ "properties": { "networkAcls": { "resourceAccessRules": [] } } }),
            "networkAcls.resourceAccessRules",
        ),
        (
            json!({ "properties": { "networkAcls": { "virtualNetworkRules": [{ "id": SUBNET_ID, "action": "Allow" }] } } }),
            "networkAcls.virtualNetworkRules.0.action",
        ),
        (
            json!({ "properties": { "publicNetworkAccess": "Sometimes" } }),
            "publicNetworkAccess",
        ),
    ];
    for (value, field) in cases {
        assert_eq!(
            fields(&state(Some(value.clone()), vec![])),
            [format!("{p}.{field}")],
            "{value}"
        );
    }
    assert_eq!(
        errors(&state(Some(json!({ "id": ACCOUNT_ID.replace("contoso-speech", "other"), "properties": {} })), vec![])),
        [(
            "current_state.account.id".to_owned(),
            format!("These settings are of {}, not of the target {ACCOUNT_ID}: paste the target's settings.", ACCOUNT_ID.replace("contoso-speech", "other"))
        )]
    );
    assert_eq!(
        fields(&state(
            Some(json!({ "type": "Microsoft.Storage/storageAccounts", "properties": {} })),
            vec![]
        )),
        ["current_state.account.type"]
    );
    assert_eq!(
        fields(&state(Some(json!({ "name": "x" })), vec![])),
        ["current_state.account"]
    );
    assert_eq!(
        fields(&state(Some(json!([1, 2])), vec![])),
        ["current_state.account"]
    );
    let mut no_time = state(Some(json!({ "properties": {} })), vec![]);
    no_time.read_at = String::new();
    assert_eq!(fields(&no_time), ["current_state.read_at"]);
    assert_eq!(fields(&state(None, vec![])), ["current_state"]);
}

fn arm_subnet() -> Value {
    json!({
        "id": SUBNET_ID, "name": "snet-api", "etag": "W/\"1\"", "type": "Microsoft.Network/virtualNetworks/subnets",
        "properties": {
            "provisioningState": "Succeeded",
            "addressPrefix": "10.0.1.0/24",
            "networkSecurityGroup": { "id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg" },
            "serviceEndpoints": [{ "service": "Microsoft.Storage", "locations": ["westeurope"], "provisioningState": "Succeeded" }],
            "delegations": [{ "name": "web", "id": format!("{SUBNET_ID}/delegations/web"), "etag": "W/\"1\"",
                              "properties": { "serviceName": "Microsoft.Web/serverFarms", "actions": ["a"], "provisioningState": "Succeeded" } }],
            "ipConfigurations": [{ "id": "/x" }],
            "privateEndpointNetworkPolicies": "Disabled",
            "routeTable": null
        }
    })
}

/// The same subnet as `az network vnet subnet show` prints it: flattened, with resourceGroup.
fn az_subnet() -> Value {
    json!({
        "id": SUBNET_ID, "name": "snet-api", "etag": "W/\"1\"", "type": "Microsoft.Network/virtualNetworks/subnets",
        "resourceGroup": "rg-net",
        "provisioningState": "Succeeded",
        "addressPrefix": "10.0.1.0/24",
        "networkSecurityGroup": { "id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg", "resourceGroup": "rg-net" },
        "serviceEndpoints": [{ "service": "Microsoft.Storage", "locations": ["westeurope"], "provisioningState": "Succeeded" }],
        "delegations": [{ "name": "web", "id": format!("{SUBNET_ID}/delegations/web"), "etag": "W/\"1\"", "resourceGroup": "rg-net",
                          "serviceName": "Microsoft.Web/serverFarms", "actions": ["a"], "provisioningState": "Succeeded",
                          "type": "Microsoft.Network/virtualNetworks/subnets/delegations" }],
        "ipConfigurations": [{ "id": "/x", "resourceGroup": "rg-net" }],
        "privateEndpointNetworkPolicies": "Disabled",
        "routeTable": null,
        "natGateway": null
    })
}

#[test]
fn a_subnet_keeps_its_writable_settings_in_both_shapes_and_drops_read_only_ones() {
    let expected = json!({
        "addressPrefix": "10.0.1.0/24",
        "networkSecurityGroup": { "id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg" },
        "serviceEndpoints": [{ "service": "Microsoft.Storage", "locations": ["westeurope"] }],
        "delegations": [{ "name": "web", "properties": { "serviceName": "Microsoft.Web/serverFarms" } }],
        "privateEndpointNetworkPolicies": "Disabled",
    });
    for shape in [arm_subnet(), az_subnet()] {
        let mut out = Vec::new();
        let read =
            validate_current_state(&state(None, vec![shape]), None, &mut out).expect("readable");
        assert!(out.is_empty(), "{out:#?}");
        let subnet = &read.subnets[0];
        // Key order differs between the shapes; the content must not.
        let mut got = serde_json::to_value(&subnet.properties).unwrap();
        got.as_object_mut().unwrap().sort_keys();
        let mut want = expected.clone();
        want.as_object_mut().unwrap().sort_keys();
        assert_eq!(got, want);
        assert_eq!(
            subnet.put_body_with_service_endpoint("Microsoft.CognitiveServices")["properties"]
                ["serviceEndpoints"],
            json!([{ "service": "Microsoft.Storage", "locations": ["westeurope"] }, { "service": "Microsoft.CognitiveServices" }])
        );
        // What the page stores reads back the same.
        let mut again = Vec::new();
        let reread = validate_current_state(
            &state(None, vec![minimal_subnet_json(subnet)]),
            None,
            &mut again,
        )
        .unwrap();
        assert_eq!(reread.subnets[0], *subnet);
    }
}

#[test]
fn an_unknown_subnet_property_is_refused_because_the_put_would_drop_it() {
    let mut subnet = arm_subnet();
    subnet["properties"]["futureSetting"] = json!(true);
    assert_eq!(
        fields(&state(None, vec![subnet])),
        ["current_state.subnets.0.properties.futureSetting"]
    );
    let mut no_prefix = az_subnet();
    no_prefix.as_object_mut().unwrap().remove("addressPrefix");
    assert_eq!(
        fields(&state(None, vec![no_prefix])),
        ["current_state.subnets.0"]
    );
    let mut bad_id = arm_subnet();
    bad_id["id"] = json!("subnet-api");
    assert_eq!(
        fields(&state(None, vec![bad_id])),
        ["current_state.subnets.0.id"]
    );
    assert_eq!(
        fields(&state(None, vec![arm_subnet(), az_subnet()])),
        ["current_state.subnets.1"]
    );
}

#[test]
fn the_stored_account_form_reads_back_the_same() {
    let draft = fixture("openai-existing-current-state");
    let config = validate(&draft).config.expect("valid fixture");
    let account = config.current_state.unwrap().account.unwrap();
    let mut out = Vec::new();
    let reread = validate_current_state(
        &state(Some(minimal_account_json(&account)), vec![]),
        None,
        &mut out,
    )
    .unwrap();
    assert_eq!(reread.account.unwrap(), account);
}

#[test]
fn a_subdomain_other_than_the_accounts_is_refused() {
    let mut draft = valid_draft();
    draft.current_state = Some(state(
        Some(json!({ "id": ACCOUNT_ID, "properties": { "customSubDomainName": "speech-old" } })),
        vec![],
    ));
    let validation = validate(&draft);
    assert!(validation.config.is_none());
    assert!(validation.for_field("custom_domain.subdomain").any(|d| d
        .message
        .starts_with("The account already has the custom subdomain \"speech-old\"")));
}

#[test]
fn files_without_a_current_state_read_and_write_as_before() {
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let draft = from_config_json(&text).unwrap();
        let written = to_config_json(&draft);
        assert_eq!(
            written.contains("\"current_state\""),
            text.contains("\"current_state\""),
            "{}",
            path.display()
        );
        assert_eq!(
            from_config_json(&written).unwrap(),
            draft,
            "{}",
            path.display()
        );
    }
}

#[test]
fn pasting_show_outputs_one_after_another_builds_the_snapshot() {
    use ai_network_wizard::core::current_state::import_pasted;
    let account = json!({ "id": ACCOUNT_ID, "type": "Microsoft.CognitiveServices/accounts", "kind": "SpeechServices",
        "properties": { "endpoint": "https://x", "networkAcls": { "defaultAction": "Allow", "ipRules": [{ "value": "192.0.2.10" }], "virtualNetworkRules": [] } } });
    let first = import_pasted(
        None,
        &account.to_string(),
        "2026-11-30T14:05Z",
        Some(ACCOUNT_ID),
    )
    .unwrap();
    assert_eq!(first.read_at, "2026-11-30T14:05Z");
    // Only what the requests need is kept.
    assert_eq!(
        first.account.as_ref().unwrap()["properties"].get("endpoint"),
        None
    );
    let both = import_pasted(
        Some(&first),
        &az_subnet().to_string(),
        "2026-11-30T14:06Z",
        Some(ACCOUNT_ID),
    )
    .unwrap();
    assert!(both.account.is_some());
    assert_eq!(both.subnets.len(), 1);
    let again = import_pasted(
        Some(&both),
        &json!([arm_subnet()]).to_string(),
        "2026-11-30T14:07Z",
        Some(ACCOUNT_ID),
    )
    .unwrap();
    assert_eq!(
        again.subnets.len(),
        1,
        "the same subnet replaces its snapshot"
    );
    // The result is a valid snapshot of the target.
    let mut out = Vec::new();
    assert!(
        validate_current_state(&again, Some(ACCOUNT_ID), &mut out).is_some(),
        "{out:#?}"
    );

    assert_eq!(
        import_pasted(None, "{\"properties\": ", "t", None)
            .unwrap_err()
            .len(),
        1,
        "truncated JSON is one message"
    );
    let other = json!({ "id": ACCOUNT_ID.replace("contoso-speech", "other"), "properties": {} });
    let refused =
        import_pasted(Some(&both), &other.to_string(), "t", Some(ACCOUNT_ID)).unwrap_err();
    assert!(
        refused[0].starts_with("pasted JSON.id: These settings are of"),
        "{refused:?}"
    );
}

#[test]
fn the_system_assigned_identity_is_read_for_role_assignments() {
    let with = |identity: Value| {
        state(
            Some(json!({ "id": ACCOUNT_ID, "identity": identity, "properties": {} })),
            vec![],
        )
    };
    let mut out = Vec::new();
    let read = validate_current_state(
        &with(json!({ "type": "SystemAssigned", "principalId": "0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9", "tenantId": "x" })),
        Some(ACCOUNT_ID),
        &mut out,
    )
    .unwrap();
    assert_eq!(
        read.account.unwrap().principal_id.as_deref(),
        Some("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")
    );
    let user_only = validate_current_state(
        &with(json!({ "type": "UserAssigned", "userAssignedIdentities": {} })),
        Some(ACCOUNT_ID),
        &mut out,
    )
    .unwrap();
    assert_eq!(user_only.account.unwrap().principal_id, None);
    assert_eq!(
        fields(&with(
            json!({ "type": "SystemAssigned", "principalId": "me" })
        )),
        ["current_state.account.identity.principalId"]
    );
}
