//! Storage (BYOS) step: every refusal of a storage account ID or its parts, each with its exact
//! message and one-click fix, and the rules about which resources can use BYOS at all.

use ai_network_wizard::core::diagnostics::{Diagnostic, Fix, Severity};
use ai_network_wizard::core::draft::{Draft, Existence, SubnetInput};
use ai_network_wizard::core::resource_kinds::ResourceType;
use ai_network_wizard::core::validate::{validate, Validation};

use crate::support::{assert_no_error, messages_at, valid_draft};

const SUB: &str = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91";
const DATA_SUB: &str = "5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15";
const SHAPE: &str = "/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<account name>";
const FIELD: &str = "storage.storage_account_id";

fn storage_id(name: &str) -> String {
    format!("/subscriptions/{DATA_SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/{name}")
}

/// A new Speech account with BYOS on a valid storage account, acknowledged.
fn byos_draft(id: &str) -> Draft {
    let mut draft = valid_draft();
    draft.target.existence = Existence::Create;
    draft.storage.enabled = true;
    draft.storage.storage_account_id = id.into();
    draft.storage.acknowledge_irreversible = true;
    draft
}

fn single_at<'a>(validation: &'a Validation, field: &'a str) -> &'a Diagnostic {
    let all: Vec<&Diagnostic> = validation.for_field(field).collect();
    assert_eq!(all.len(), 1, "diagnostics at {field}: {all:#?}");
    all[0]
}

/// The refusal of a typed storage account ID: its message and one-click fix.
fn refusal(id: &str) -> (String, Option<Fix>) {
    let validation = validate(&byos_draft(id));
    let d = single_at(&validation, FIELD);
    assert_eq!(d.severity, Severity::Error, "{id:?} must be refused");
    assert!(validation.config.is_none());
    (d.message.clone(), d.fix.clone())
}

fn fix(label: &str, replacement: &str) -> Option<Fix> {
    Some(Fix {
        label: label.into(),
        replacement: vec![replacement.into()],
    })
}

/// Applies the fix the way the page does; the corrected draft must be accepted.
fn assert_fix_repairs(id: &str, expected: &str) {
    let (_, fix) = refusal(id);
    let fix = fix.expect("a one-click fix");
    let mut draft = byos_draft(id);
    assert!(draft.apply_fix(FIELD, &fix.replacement));
    assert_eq!(draft.storage.storage_account_id, expected);
    let config = assert_no_error(&draft);
    assert_eq!(config.storage.expect("BYOS").account.to_string(), expected);
}

#[test]
fn a_valid_id_is_accepted_as_typed() {
    let id = storage_id("contosospeechdata");
    let validation = validate(&byos_draft(&id));
    assert_eq!(validation.for_field(FIELD).count(), 0);
    let storage = validation.config.expect("valid").storage.expect("BYOS");
    assert_eq!(storage.account.to_string(), id);
    assert_eq!(storage.account.subscription_id, DATA_SUB);
    assert!(!storage.harden);
}

#[test]
fn the_step_is_off_by_default_and_then_adds_nothing() {
    let mut draft = byos_draft("");
    draft.storage.enabled = false;
    let config = assert_no_error(&draft);
    assert!(config.storage.is_none());
    assert!(!Draft::default().storage.enabled);
}

#[test]
fn empty_and_spaces() {
    assert_eq!(
        refusal(""),
        (format!("Enter the storage account's resource ID: {SHAPE}. The portal shows it on the storage account's Endpoints page (\"Storage account resource ID\")."), None)
    );
    let id = storage_id("contosospeechdata");
    assert_eq!(
        refusal(&format!(" {id}\n")),
        (
            "The storage account ID starts or ends with a space: remove it.".into(),
            fix("Remove the spaces", &id)
        )
    );
    let broken = id.replace("/providers/", "/providers/ \n");
    assert_eq!(
        refusal(&broken),
        (
            "The storage account ID contains spaces or line breaks: remove them.".into(),
            fix("Remove the spaces", &id)
        )
    );
    assert_fix_repairs(&broken, &id);
}

#[test]
fn a_pasted_portal_address_offers_the_id_inside_it() {
    let id = storage_id("contosospeechdata");
    let url = format!("https://portal.azure.com/#@contoso.onmicrosoft.com/resource{id}/overview");
    assert_eq!(
        refusal(&url),
        (
            "This is an Azure portal address, not a resource ID. The resource ID is inside it."
                .into(),
            fix("Use the resource ID in it", &id)
        )
    );
    assert_fix_repairs(&url, &id);
    // Other case in the address: the fix is written the canonical way.
    let shouting = url.replace("/resourceGroups/", "/resourcegroups/");
    assert_fix_repairs(&shouting, &id);

    let vnet = format!("https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/overview");
    assert_eq!(
        refusal(&vnet),
        ("This is an Azure portal address, not a resource ID. Copy the storage account's resource ID from its Endpoints page instead.".into(), None)
    );
    assert_eq!(
        refusal("https://contosospeechdata.blob.core.windows.net/"),
        ("This is a web address, not a resource ID: copy \"Storage account resource ID\" from the storage account's Endpoints page.".into(), None)
    );
}

#[test]
fn ids_that_do_not_start_with_a_slash() {
    let id = storage_id("contosospeechdata");
    assert_eq!(
        refusal(&id[1..]),
        (
            "The storage account ID must start with a slash: /subscriptions/…".into(),
            fix("Add the slash", &id)
        )
    );
    assert_fix_repairs(&id[1..], &id);
    assert_eq!(
        refusal("contosospeechdata"),
        (format!("This looks like a storage account name only: enter its full resource ID ({SHAPE}), or choose to type the parts."), None)
    );
    assert_eq!(
        refusal("contoso-data"),
        (
            format!("The storage account ID must start with /subscriptions/: expected {SHAPE}."),
            None
        )
    );
    assert_eq!(
        refusal(&format!("x{id}")),
        (
            "The storage account ID must start with /subscriptions/. The resource ID is inside it."
                .into(),
            fix("Use the resource ID in it", &id)
        )
    );
}

#[test]
fn wrong_segments_each_have_their_message() {
    let id = storage_id("contosospeechdata");
    assert_eq!(
        refusal(&format!("{id}/")),
        (
            "The storage account ID ends with a slash: remove it.".into(),
            fix("Remove the slash", &id)
        )
    );
    assert_fix_repairs(&format!("{id}/"), &id);
    assert_eq!(
        refusal(&id.replace("/resourceGroups/", "/resourceGroup/")),
        (format!("The storage account ID has \"resourceGroup\" where \"resourceGroups\" belongs: expected {SHAPE}."), None)
    );
    assert_eq!(
        refusal(&id.replace("/providers/", "//")),
        (format!("The storage account ID has an empty segment (//) where \"providers\" belongs: expected {SHAPE}."), None)
    );
    assert_eq!(
        refusal(&id.replace("Microsoft.Storage", "Microsoft.ClassicStorage")),
        ("This is a classic storage account: BYOS needs an Azure Resource Manager storage account (Microsoft.Storage/storageAccounts).".into(), None)
    );
    assert_eq!(
        refusal(&format!("/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet")),
        ("This is the ID of a Microsoft.Network/virtualNetworks resource, not of a storage account: BYOS needs a Microsoft.Storage/storageAccounts ID.".into(), None)
    );
    assert_eq!(
        refusal(&id.replace("storageAccounts", "storageAccount")),
        (format!("The storage account ID has \"storageAccount\" where \"storageAccounts\" belongs: expected {SHAPE}."), None)
    );
}

#[test]
fn missing_and_extra_parts() {
    assert_eq!(
        refusal(&storage_id("contosospeechdata").replace(DATA_SUB, "")),
        (
            format!("The storage account ID has no subscription ID: expected {SHAPE}."),
            None
        )
    );
    assert_eq!(
        refusal(&storage_id("")),
        (
            format!("The storage account ID has no storage account name: expected {SHAPE}."),
            None
        )
    );
    assert_eq!(
        refusal(&format!("/subscriptions/{DATA_SUB}/resourceGroups/rg-data")),
        (
            format!("The storage account ID is incomplete: expected {SHAPE}."),
            None
        )
    );
    let id = storage_id("contosospeechdata");
    let container = format!("{id}/blobServices/default/containers/audio");
    assert_eq!(
        refusal(&container),
        (
            "The ID goes on after the storage account name (\"/blobServices/default/containers/audio\"): BYOS needs the storage account itself, not a part of it.".into(),
            fix("Use the storage account's ID", &id)
        )
    );
    assert_fix_repairs(&container, &id);
}

#[test]
fn bad_names_inside_the_id() {
    assert_eq!(
        refusal(&storage_id("contosospeechdata").replace(DATA_SUB, "5e8a1f47-2c9b-4d03-b6e1")),
        ("The storage account's subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.".into(), None)
    );
    assert_eq!(
        refusal(&storage_id("contosospeechdata").replace("rg-data", "rg-data.")),
        (
            "The resource group name ends with a period, which Azure does not allow.".into(),
            None
        )
    );
    let upper = storage_id("ContosoSpeechData");
    let lower = storage_id("contosospeechdata");
    assert_eq!(
        refusal(&upper),
        (
            "Storage account names are lowercase: \"contosospeechdata\", not \"ContosoSpeechData\"."
                .into(),
            fix("Use lowercase", &lower)
        )
    );
    assert_fix_repairs(&upper, &lower);
    assert_eq!(
        refusal(&storage_id("contoso-speech")),
        ("The storage account name contains '-': allowed are lowercase letters and digits only, 3 to 24 characters (no hyphens, underscores or periods).".into(), None)
    );
    assert_eq!(
        refusal(&storage_id("ab")),
        (
            "The storage account name is too short (2 characters): it needs 3 to 24.".into(),
            None
        )
    );
    assert_eq!(
        refusal(&storage_id(&"a".repeat(25))),
        (
            "The storage account name is too long (25 characters): at most 24.".into(),
            None
        )
    );
}

#[test]
fn other_case_in_segment_names_is_accepted_and_written_canonically() {
    let id = storage_id("contosospeechdata");
    let typed = id
        .replace("/resourceGroups/", "/resourcegroups/")
        .replace(
            "Microsoft.Storage/storageAccounts",
            "microsoft.storage/storageaccounts",
        )
        .replace(DATA_SUB, &DATA_SUB.to_ascii_uppercase());
    let validation = validate(&byos_draft(&typed));
    assert_eq!(
        messages_at(&validation, FIELD, Severity::Info),
        [format!("It will be written as {id}.")]
    );
    assert_eq!(
        validation
            .config
            .expect("valid")
            .storage
            .expect("BYOS")
            .account
            .to_string(),
        id
    );
}

#[test]
fn parts_are_checked_each_at_its_field() {
    let parts = |subscription: &str, group: &str, name: &str| {
        let mut draft = byos_draft("");
        draft.storage.input = SubnetInput::Parts;
        draft.storage.subscription_id = subscription.into();
        draft.storage.resource_group = group.into();
        draft.storage.account_name = name.into();
        draft
    };
    // An empty subscription means the target's.
    let config = assert_no_error(&parts("", "rg-data", "contosospeechdata"));
    assert_eq!(
        config.storage.expect("BYOS").account.to_string(),
        format!("/subscriptions/{SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata")
    );
    let refused = |draft: &Draft, field: &str| {
        let validation = validate(draft);
        let d = single_at(&validation, field);
        assert_eq!(d.severity, Severity::Error);
        d.message.clone()
    };
    assert_eq!(
        refused(&parts("not-a-guid", "rg-data", "contosospeechdata"), "storage.subscription_id"),
        "The storage account's subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91."
    );
    assert_eq!(
        refused(&parts(DATA_SUB, "", "contosospeechdata"), "storage.resource_group"),
        "Enter the resource group name. Allowed: letters (accented and other non-ASCII letters too), digits, underscores, hyphens, periods and parentheses, 1 to 90 characters, not ending with a period."
    );
    assert_eq!(
        refused(
            &parts(DATA_SUB, "rg-data", "Contoso"),
            "storage.account_name"
        ),
        "Storage account names are lowercase: \"contoso\", not \"Contoso\"."
    );
}

#[test]
fn only_new_accounts_of_supporting_kinds_can_use_byos() {
    let id = storage_id("contosospeechdata");
    let mut existing = byos_draft(&id);
    existing.target.existence = Existence::Existing;
    let validation = validate(&existing);
    assert_eq!(
        messages_at(&validation, "storage.enabled", Severity::Error),
        ["Bring your own storage is only possible when the resource is created: an existing resource can never start using your storage account. Switch the target to creating a new resource, or untick \"Include this step\"."]
    );
    assert!(validation.config.is_none());

    let mut vision = byos_draft(&id);
    vision.target.kind = "ComputerVision".into();
    let validation = validate(&vision);
    assert_eq!(
        messages_at(&validation, "storage.enabled", Severity::Error),
        ["Computer Vision accounts cannot keep their data in your storage account: only Speech, Language and Azure AI services (Foundry) accounts can. Choose one of those kinds, or untick \"Include this step\"."]
    );

    for kind in ["SpeechServices", "TextAnalytics", "AIServices"] {
        let mut draft = byos_draft(&id);
        draft.target.kind = kind.into();
        assert!(assert_no_error(&draft).storage.is_some(), "{kind}");
    }

    let mut hub = byos_draft(&id);
    hub.target.resource_type = ResourceType::MlHub;
    hub.target.existence = Existence::Existing;
    let validation = validate(&hub);
    assert_eq!(
        messages_at(&validation, "storage.enabled", Severity::Error),
        ["Bring your own storage is for Cognitive Services accounts (Speech, Language and Azure AI services (Foundry)) only: untick \"Include this step\" for this resource type."]
    );

    // Each of these refusals offers to leave the step out, and that leaves no storage error.
    for mut draft in [existing, vision, hub] {
        let validation = validate(&draft);
        let refused = validation
            .for_field("storage.enabled")
            .find(|d| d.severity == Severity::Error)
            .expect("refused");
        let fix = refused.fix.clone().expect("a fix");
        assert_eq!(fix.label, "Leave this step out");
        assert!(draft.apply_fix("storage.enabled", &fix.replacement));
        assert!(!draft.storage.enabled);
        let validation = validate(&draft);
        assert!(
            validation
                .errors()
                .all(|d| !d.field.starts_with("storage.")),
            "{:#?}",
            validation.diagnostics
        );
    }
}

#[test]
fn the_acknowledgement_gates_the_outputs() {
    let mut draft = byos_draft(&storage_id("contosospeechdata"));
    draft.storage.acknowledge_irreversible = false;
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "storage.acknowledge_irreversible", Severity::Error),
        ["Tick the acknowledgement: the storage account can never be changed, and the resource can never stop using it."]
    );
    assert!(
        validation.config.is_none(),
        "no script until it is acknowledged"
    );
}

#[test]
fn regions_and_hardening_warn() {
    let mut draft = byos_draft(&storage_id("contosospeechdata"));
    draft.storage.region = "westeurope".into();
    assert_eq!(validate(&draft).for_field("storage.region").count(), 0);
    draft.storage.region = "eastus".into();
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "storage.region", Severity::Warning),
        ["The storage account is in eastus, the resource in westeurope. It works across regions, but the same region is recommended: it keeps latency low, and text to speech then reaches the storage account over the public internet."]
    );
    assert!(validation.config.is_some(), "a warning only");
    draft.storage.region = "East US".into();
    assert_eq!(
        messages_at(&validate(&draft), "storage.region", Severity::Error),
        ["Use the region's programmatic name: lowercase letters and digits only, e.g. \"eastus\"."]
    );

    let mut hardened = byos_draft(&storage_id("contosospeechdata"));
    hardened.storage.harden = true;
    let validation = validate(&hardened);
    assert_eq!(
        messages_at(&validation, "storage.harden", Severity::Warning),
        ["Text to speech and Custom Neural Voice need the storage account reachable from all networks: with this hardening they stop working. Shared-key access is switched off too, so apps that use the storage account's keys (or SAS signed with them) stop working. Use it for speech-to-text only."]
    );
    assert!(
        validation
            .config
            .expect("valid")
            .storage
            .expect("BYOS")
            .harden
    );
}
