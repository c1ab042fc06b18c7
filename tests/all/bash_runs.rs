//! The generated bash scripts really run: against a stand-in `az` (tests/all/fake_az/az) that
//! keeps an account and its subnets in a JSON file. The first run brings the account to the
//! wanted state without losing what was there; the second run changes nothing.
//!
//! The scripts run as close to bash 3.2 (macOS) as today's bash gets: `BASH_COMPAT=3.2`, and
//! `tests/all/fake_az/old_bash_env.sh` switches off the builtins bash 4 added and the `shopt`
//! options bash 3.2 lacks. No older bash can be installed here (Debian has only 5.x and the
//! registries we may use carry no bash build), so what cannot be emulated at run time is
//! checked in the parse tree instead (`shell_compat.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;

use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::private_endpoints::LinkType;
use ai_network_wizard::core::render::OutputTarget;
use serde_json::{json, Value};

use crate::support::{fixture, render_draft};

struct Run {
    name: String,
    dir: PathBuf,
}

impl Run {
    /// A fresh folder holding the fake az on PATH, the state file and the change log.
    fn new(name: &str, state: &Value) -> Run {
        let dir =
            std::env::temp_dir().join(format!("wizard-bash-run-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/all/fake_az/az");
        std::fs::copy(fake, dir.join("bin/az")).unwrap();
        // Retry loops wait with `sleep`; here they need not.
        let sleep = dir.join("bin/sleep");
        std::fs::write(&sleep, "#!/bin/sh\nexit 0\n").unwrap();
        std::fs::set_permissions(&sleep, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        std::fs::write(dir.join("state.json"), state.to_string()).unwrap();
        std::fs::write(dir.join("log"), "").unwrap();
        Run {
            name: name.to_owned(),
            dir,
        }
    }

    /// Runs the script; returns the changes it made (one line each).
    fn script(&self, script: &str) -> Vec<String> {
        let before = std::fs::read_to_string(self.dir.join("log")).unwrap();
        self.passing(script);
        let after = std::fs::read_to_string(self.dir.join("log")).unwrap();
        after[before.len()..].lines().map(str::to_owned).collect()
    }

    /// Runs the script again: it must change nothing.
    fn assert_second_run_changes_nothing(&self, script: &str) {
        assert_eq!(
            self.script(script),
            Vec::<String>::new(),
            "{}: the second run must change nothing",
            self.name
        );
    }

    /// Runs a script that must succeed; returns what it printed on stdout.
    fn stdout(&self, script: &str) -> String {
        String::from_utf8(self.passing(script).stdout).unwrap()
    }

    fn passing(&self, script: &str) -> std::process::Output {
        let output = self.run(script);
        assert!(
            output.status.success(),
            "the script failed:\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Runs a script that must stop; returns what it printed on stderr.
    fn failing_script(&self, script: &str) -> String {
        let output = self.run(script);
        assert!(!output.status.success(), "the script should have stopped");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }

    fn run(&self, script: &str) -> std::process::Output {
        std::fs::write(self.dir.join("script.sh"), script).unwrap();
        let path = format!(
            "{}:{}",
            self.dir.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        old_bash()
            .arg(self.dir.join("script.sh"))
            // The settings file a script saves lands here, not in the repository.
            .current_dir(&self.dir)
            .env("PATH", path)
            .env("FAKE_AZ_STATE", self.dir.join("state.json"))
            .env("FAKE_AZ_LOG", self.dir.join("log"))
            .output()
            .expect("bash runs (and jq is installed: the test command installs it)")
    }

    fn state(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.dir.join("state.json")).unwrap())
            .unwrap()
    }
}

/// `bash`, made to refuse what bash 3.2 lacks where that can be done at run time.
fn old_bash() -> Command {
    let mut command = Command::new("bash");
    command.env("BASH_COMPAT", "3.2").env(
        "BASH_ENV",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/all/fake_az/old_bash_env.sh"),
    );
    command
}

#[test]
fn the_old_bash_environment_refuses_what_bash_3_2_lacks() {
    for (snippet, message) in [
        (
            "shopt -s inherit_errexit",
            "inherit_errexit: invalid shell option name",
        ),
        ("mapfile -t lines <<<'a'", "mapfile: command not found"),
        ("readarray -t lines <<<'a'", "readarray: command not found"),
    ] {
        let output = old_bash()
            .arg("-c")
            .arg(format!("set -euo pipefail\n{snippet}\necho reached"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{snippet} ran");
        assert!(stderr.contains(message), "{snippet}: {stderr}");
        assert!(!String::from_utf8_lossy(&output.stdout).contains("reached"));
    }
    // What bash 3.2 has still works.
    let output = old_bash()
        .arg("-c")
        .arg("set -euo pipefail; shopt -s nocasematch; a=(); a+=(x); echo \"${#a[@]}\"")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");
}

impl Drop for Run {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn account(kind: &str, network_acls: Value) -> Value {
    json!({ "kind": kind, "properties": { "provisioningState": "Succeeded", "networkAcls": network_acls } })
}

/// Every subnet the draft allows, each with a Storage service endpoint already there.
fn subnets_of(draft: &Draft) -> Value {
    let config = generate(draft).validation.config.expect("valid");
    let mut subnets = serde_json::Map::new();
    for rule in config.network.iter().flat_map(|n| &n.vnet_rules) {
        subnets.insert(
            rule.subnet.to_string().to_ascii_lowercase(),
            json!(["Microsoft.Storage"]),
        );
    }
    Value::Object(subnets)
}

#[test]
fn an_account_without_rules_gets_them_and_a_second_run_changes_nothing() {
    let draft = fixture("speech-two-office-ranges");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let run = Run::new(
        "fresh",
        &json!({ "account": account("SpeechServices", Value::Null), "subnets": {} }),
    );

    let changes = run.script(&script);
    assert!(
        changes
            .iter()
            .any(|c| c == "update custom-domain contoso-speech"),
        "{changes:#?}"
    );
    let properties = &run.state()["account"]["properties"];
    assert_eq!(properties["customSubDomainName"], "contoso-speech");
    let acls = &properties["networkAcls"];
    assert_eq!(acls["defaultAction"], "Deny");
    assert_eq!(
        acls["ipRules"],
        json!([{ "value": "203.0.113.0/24" }, { "value": "198.51.100.16/28" }])
    );
    // The rules went in while the default action was still Allow, and Deny came after them.
    let first_patch = changes
        .iter()
        .find(|c| c.starts_with("patch "))
        .expect("a patch");
    assert!(
        first_patch.contains("\"defaultAction\":\"Allow\"")
            && first_patch.contains("203.0.113.0/24"),
        "{first_patch}"
    );

    run.assert_second_run_changes_nothing(&script);
}

#[test]
fn existing_rules_endpoints_and_bypass_are_kept() {
    let draft = fixture("openai-100-ip-rules-3-subnets");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let existing_acls = json!({
        "defaultAction": "Allow",
        "bypass": "None",
        "ipRules": [{ "value": "192.0.2.10" }],
        "virtualNetworkRules": [{ "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-old/providers/Microsoft.Network/virtualNetworks/vnet-old/subnets/snet-old", "ignoreMissingVnetServiceEndpoint": false }],
    });
    let mut account = account("OpenAI", existing_acls);
    account["properties"]["customSubDomainName"] = json!("contoso-openai");
    let run = Run::new(
        "existing",
        &json!({ "account": account, "subnets": subnets_of(&draft) }),
    );

    let changes = run.script(&script);
    let state = run.state();
    let acls = &state["account"]["properties"]["networkAcls"];
    let ips = acls["ipRules"].as_array().unwrap();
    assert_eq!(
        ips[0]["value"], "192.0.2.10",
        "the existing rule stays first"
    );
    assert_eq!(ips.len(), 101);
    let vnets = acls["virtualNetworkRules"].as_array().unwrap();
    assert_eq!(vnets.len(), 4);
    assert!(vnets[0]["id"].as_str().unwrap().ends_with("/snet-old"));
    assert_eq!(acls["bypass"], "AzureServices");
    assert_eq!(acls["defaultAction"], "Deny");
    // Service endpoints were added next to Storage, only where the wizard was asked to.
    let subnets = state["subnets"].as_object().unwrap();
    let with_endpoint = subnets
        .values()
        .filter(|s| {
            s.as_array()
                .unwrap()
                .contains(&json!("Microsoft.CognitiveServices"))
        })
        .count();
    assert_eq!(with_endpoint, 2, "{subnets:#?}");
    assert!(subnets
        .values()
        .all(|s| s.as_array().unwrap().contains(&json!("Microsoft.Storage"))));
    assert!(
        changes.iter().any(|c| c.starts_with("register ")),
        "{changes:#?}"
    );
    assert!(
        !changes
            .iter()
            .any(|c| c.starts_with("update custom-domain")),
        "the subdomain was already set"
    );

    let second: Vec<String> = run
        .script(&script)
        .into_iter()
        .filter(|c| !c.starts_with("register "))
        .collect();
    assert_eq!(
        second,
        Vec::<String>::new(),
        "the second run must change nothing (registering again is harmless)"
    );
}

#[test]
fn no_rules_and_subnets_without_endpoints() {
    // No rules at all: the default action still changes, and the lists stay empty.
    let script = render_draft(&fixture("deny-no-rules"), OutputTarget::AzBash);
    let mut existing = account("TextAnalytics", Value::Null);
    existing["properties"]["customSubDomainName"] = json!("contoso-language");
    let run = Run::new("no-rules", &json!({ "account": existing, "subnets": {} }));
    run.script(&script);
    let acls = &run.state()["account"]["properties"]["networkAcls"];
    assert_eq!(acls["defaultAction"], "Deny");
    assert_eq!(acls["ipRules"], json!([]));
    assert_eq!(acls["virtualNetworkRules"], json!([]));
    run.assert_second_run_changes_nothing(&script);

    // Subnets with no service endpoint yet: the (empty) list of existing ones passes nothing.
    let draft = fixture("openai-100-ip-rules-3-subnets");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let mut subnets = subnets_of(&draft);
    for endpoints in subnets.as_object_mut().unwrap().values_mut() {
        *endpoints = json!([]);
    }
    let mut existing = account("OpenAI", Value::Null);
    existing["properties"]["customSubDomainName"] = json!("contoso-openai");
    let run = Run::new(
        "no-endpoints",
        &json!({ "account": existing, "subnets": subnets }),
    );
    let changes = run.script(&script);
    let updates: Vec<&String> = changes
        .iter()
        .filter(|c| c.starts_with("subnet-update "))
        .collect();
    assert_eq!(updates.len(), 2, "{changes:#?}");
    assert!(
        updates
            .iter()
            .all(|c| c.ends_with(" Microsoft.CognitiveServices")),
        "{updates:#?}"
    );
    let state = run.state();
    let with_endpoint: Vec<&Value> = state["subnets"]
        .as_object()
        .unwrap()
        .values()
        .filter(|s| **s == json!(["Microsoft.CognitiveServices"]))
        .collect();
    assert_eq!(with_endpoint.len(), 2, "{state:#?}");
}

// ---- Bring your own storage ----

const STORAGE_ID: &str = "/subscriptions/5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15/resourceGroups/rg-speech-data/providers/Microsoft.Storage/storageAccounts/contosospeechdata";
const PRINCIPAL: &str = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// No account yet; a storage account with an IP rule of its own and shared keys on; the new
/// identity unknown to the first two role-assignment attempts.
fn byos_world(subnets: Value) -> Value {
    json!({
        "account": null,
        "subnets": subnets,
        "storage": {
            "location": "westeurope",
            "allowSharedKeyAccess": null,
            "allowBlobPublicAccess": true,
            "networkRuleSet": {
                "defaultAction": "Allow",
                "bypass": "AzureServices",
                "ipRules": [{ "value": "198.51.100.7", "action": "Allow" }],
                "virtualNetworkRules": [],
                "resourceAccessRules": []
            }
        },
        "roleAssignments": [],
        "principalNotFound": 2
    })
}

fn account_id(name: &str) -> String {
    format!("/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/{name}")
}

#[test]
fn byos_creates_the_account_with_its_storage_assigns_the_role_hardens_and_a_second_run_changes_nothing(
) {
    let script = render_draft(&fixture("speech-byos-hardened"), OutputTarget::AzBash);
    let run = Run::new("byos", &byos_world(json!({})));

    let changes = run.script(&script);
    let state = run.state();
    let account = &state["account"];
    assert_eq!(
        account["properties"]["userOwnedStorage"],
        json!([{ "resourceId": STORAGE_ID }])
    );
    assert_eq!(account["identity"]["type"], "SystemAssigned");
    assert_eq!(
        state["roleAssignments"],
        json!([{ "scope": STORAGE_ID, "role": "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "principalId": PRINCIPAL }])
    );
    assert_eq!(
        state["principalNotFound"], 0,
        "it retried until the identity was known"
    );
    let storage = &state["storage"];
    assert_eq!(storage["allowSharedKeyAccess"], false);
    assert_eq!(storage["allowBlobPublicAccess"], false);
    let rules = &storage["networkRuleSet"];
    assert_eq!(rules["defaultAction"], "Deny");
    assert_eq!(
        rules["resourceAccessRules"],
        json!([{ "tenantId": TENANT, "resourceId": account_id("contoso-stt-byos") }])
    );
    assert_eq!(
        rules["ipRules"],
        json!([{ "value": "198.51.100.7", "action": "Allow" }]),
        "the storage account's own rules stay"
    );
    // Safe order: the account first, its role next, the resource rule before Deny.
    let position = |prefix: &str| {
        changes
            .iter()
            .position(|c| c.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} in {changes:#?}"))
    };
    assert!(position("create ") < position("role-assignment "));
    assert!(position("role-assignment ") < position("storage-resource-rule "));
    assert!(position("storage-resource-rule ") < position("storage-update defaultAction=Deny"));

    run.assert_second_run_changes_nothing(&script);
}

#[test]
fn byos_with_custom_domain_and_network_rules_runs_twice() {
    let draft = fixture("speech-byos-custom-domain-network-rules");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let run = Run::new("byos-network", &byos_world(subnets_of(&draft)));

    let changes = run.script(&script);
    let state = run.state();
    let properties = &state["account"]["properties"];
    assert_eq!(properties["customSubDomainName"], "contoso-speech-private");
    assert_eq!(
        properties["userOwnedStorage"],
        json!([{ "resourceId": STORAGE_ID }])
    );
    assert_eq!(properties["networkAcls"]["defaultAction"], "Deny");
    assert_eq!(state["storage"]["networkRuleSet"]["defaultAction"], "Deny");
    let create = changes
        .iter()
        .position(|c| c.starts_with("create "))
        .unwrap();
    let first_patch = changes
        .iter()
        .position(|c| c.starts_with("patch "))
        .unwrap();
    assert!(create < first_patch, "{changes:#?}");

    run.assert_second_run_changes_nothing(&script);
}

/// One plan with everything: BYOS, the subdomain at creation, network rules and a private
/// endpoint with its DNS. Each change happens in the safe order, and a second run changes nothing.
#[test]
fn byos_with_custom_domain_network_rules_and_a_private_endpoint_runs_twice_in_order() {
    let draft = fixture("speech-byos-custom-domain-network-rules-private-endpoint");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let run = Run::new("byos-everything", &byos_world(subnets_of(&draft)));

    let changes = run.script(&script);
    let state = run.state();
    let properties = &state["account"]["properties"];
    assert_eq!(properties["customSubDomainName"], "contoso-speech-isolated");
    assert_eq!(
        properties["userOwnedStorage"],
        json!([{ "resourceId": STORAGE_ID }])
    );
    assert_eq!(properties["networkAcls"]["defaultAction"], "Deny");
    assert_eq!(properties["publicNetworkAccess"], "Disabled");
    let endpoint =
        "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91|rg-network|pe-contoso-speech-isolated-account";
    assert!(state["endpoints"][endpoint].is_object(), "{state:#}");
    let position = |wanted: &str| {
        changes
            .iter()
            .position(|c| c.starts_with(wanted) || (wanted.starts_with('"') && c.contains(wanted)))
            .unwrap_or_else(|| panic!("no {wanted} in {changes:#?}"))
    };
    let order = [
        "create contoso-speech-isolated ",
        "role-assignment ",
        "storage-resource-rule ",
        "storage-update defaultAction=Deny",
        "subnet-update ",
        "\"ipRules\"",
        "zone-create ",
        "link-create ",
        "endpoint-create ",
        "zone-group-create ",
        "\"defaultAction\":\"Deny\"",
        "\"publicNetworkAccess\":\"Disabled\"",
    ];
    let positions: Vec<usize> = order.iter().map(|w| position(w)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{order:#?} in {changes:#?}"
    );

    run.assert_second_run_changes_nothing(&script);
}

/// The storage account's region is known only at run time: the script reads it before the
/// creation, warns when it differs and goes on; a storage account it cannot read stops it.
#[test]
fn the_storage_region_is_checked_before_the_account_is_created() {
    let script = render_draft(&fixture("speech-byos"), OutputTarget::AzBash);
    let mut world = byos_world(json!({}));
    world["storage"]["location"] = json!("northeurope");
    let run = Run::new("byos-region", &world);
    let output = run.run(&script);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("Warning: storage account contosospeechdata is in northeurope, the account goes to westeurope."),
        "{stdout}"
    );

    let same = Run::new("byos-same-region", &byos_world(json!({})));
    let output = same.run(&script);
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stdout).contains("Warning: storage account"));

    let mut missing = byos_world(json!({}));
    missing["storage_missing"] = json!(true);
    let run = Run::new("byos-no-storage", &missing);
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("Storage account contosospeechdata cannot be read: it must exist"),
        "{stderr}"
    );
    assert_eq!(run.state()["account"], Value::Null, "nothing was created");
}

#[test]
fn an_existing_account_without_the_storage_stops_the_script() {
    let script = render_draft(&fixture("speech-byos"), OutputTarget::AzBash);
    let mut world = byos_world(json!({}));
    world["account"] = account("SpeechServices", Value::Null);
    let run = Run::new("byos-existing", &world);

    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("The account exists without storage account contosospeechdata, and storage can only be chosen when an account is created."),
        "{stderr}"
    );
    assert_eq!(
        run.state()["roleAssignments"],
        json!([]),
        "nothing was assigned"
    );
}

#[test]
fn exact_lists_name_what_they_remove_then_remove_it_and_a_second_run_changes_nothing() {
    let draft = fixture("openai-exact-lists-remove-rules");
    let script = render_draft(&draft, OutputTarget::AzBash);
    // The account as imported: two IP rules, one subnet rule, Deny, trusted services.
    let existing_acls = json!({
        "defaultAction": "Deny",
        "bypass": "AzureServices",
        "ipRules": [{ "value": "192.0.2.10" }, { "value": "198.51.100.0/26" }],
        "virtualNetworkRules": [{ "id": "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy", "ignoreMissingVnetServiceEndpoint": false }],
    });
    let mut account = account("OpenAI", existing_acls);
    account["properties"]["customSubDomainName"] = json!("contoso-openai");
    let run = Run::new("exact", &json!({ "account": account, "subnets": {} }));

    let stdout = run.stdout(&script);
    let named_ip = stdout
        .find("  removes IP rule 198.51.100.0/26 (not listed)")
        .expect(&stdout);
    let named_subnet = stdout
        .find("  removes subnet rule /subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy (not listed)")
        .expect(&stdout);
    let step_5 = stdout.find("Step 5:").unwrap();
    assert!(named_ip < step_5 && named_subnet < step_5);
    let acls = &run.state()["account"]["properties"]["networkAcls"];
    assert_eq!(
        acls["ipRules"],
        json!([{ "value": "192.0.2.10" }, { "value": "203.0.113.0/24" }])
    );
    assert_eq!(acls["virtualNetworkRules"], json!([]));
    assert_eq!(
        (acls["defaultAction"].as_str(), acls["bypass"].as_str()),
        (Some("Deny"), Some("AzureServices"))
    );

    run.assert_second_run_changes_nothing(&script);
}

#[test]
fn the_rollback_after_a_forward_run_restores_the_account_exactly() {
    use ai_network_wizard::core::render::RenderContext;
    use ai_network_wizard::core::rollback::{rollback_draft, rollback_header};
    let draft = fixture("openai-exact-lists-remove-rules");
    let legacy = "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy";
    // The account as its snapshot describes it (the fixture's current_state).
    let snapshot = draft
        .current_state
        .as_ref()
        .unwrap()
        .account
        .clone()
        .unwrap();
    let mut account = account("OpenAI", snapshot["properties"]["networkAcls"].clone());
    account["properties"]["customSubDomainName"] = json!("contoso-openai");
    account["properties"]["publicNetworkAccess"] = json!("Enabled");
    account["id"] = json!("/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-openai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai");
    account["type"] = json!("Microsoft.CognitiveServices/accounts");
    account["location"] = json!("swedencentral");
    let subnets = json!({ legacy.to_ascii_lowercase(): ["Microsoft.CognitiveServices"] });
    let run = Run::new(
        "rollback",
        &json!({ "account": account, "subnets": subnets }),
    );
    let before = run.state();

    run.script(&render_draft(&draft, OutputTarget::AzBash));
    assert_ne!(run.state(), before, "the forward run changed the rules");

    // The way back the header describes: the file the forward run saved before its first change,
    // imported, then rendered as a rollback.
    let saved: Vec<_> = std::fs::read_dir(&run.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("network-settings-before-")
        })
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let imported = ai_network_wizard::core::import::import_show_json(
        &std::fs::read_to_string(&saved[0]).unwrap(),
        "2026-11-30T14:05Z",
    )
    .expect("the saved settings import");
    let rollback = rollback_draft(&imported.draft).expect("an imported account carries a snapshot");
    let plan = generate(&rollback).plan.expect("the rollback is valid");
    let mut context = RenderContext::for_draft("2026-11-22", None, &rollback);
    context.header_notes = rollback_header(&draft);
    let script = ai_network_wizard::core::render::render(&plan, OutputTarget::AzBash, &context);
    assert!(script.contains("# ROLLBACK: restores the network settings read at 2026-11-30T14:05Z"));
    assert!(
        script.contains("#   - The custom subdomain: once set it can never be changed or removed")
    );
    let changes = run.script(&script);
    assert_eq!(
        run.state(),
        before,
        "the rollback restores every network setting exactly"
    );
    // Rules first, then the default action: no write leaves the account without its old rules.
    assert!(
        changes
            .iter()
            .all(|c| !c.starts_with("update custom-domain")),
        "{changes:#?}"
    );
    run.assert_second_run_changes_nothing(&script);
}

/// Each endpoint's virtual network in the endpoint's region, and a hub's dependent resources
/// (keyed by lower-case ID, as the fake az looks them up) open to the public.
fn endpoint_world(draft: &Draft) -> (Value, Value) {
    let config = generate(draft).plan.expect("a valid fixture").config;
    let mut vnets = serde_json::Map::new();
    let mut dependents = serde_json::Map::new();
    for e in &config.private_endpoints.unwrap().endpoints {
        vnets.insert(e.subnet.vnet_id().to_ascii_lowercase(), json!(e.location));
        if !e
            .resource_id
            .eq_ignore_ascii_case(&config.target.resource_id())
        {
            let mut dependent = json!({ "properties": { "publicNetworkAccess": "Enabled" } });
            if e.link_type == LinkType::Storage {
                // A storage account's firewall as created: trusted Azure services pass.
                dependent["properties"]["networkAcls"] =
                    json!({ "defaultAction": "Allow", "bypass": "AzureServices" });
            }
            dependents.insert(e.resource_id.to_ascii_lowercase(), dependent);
        }
    }
    (Value::Object(vnets), Value::Object(dependents))
}

#[test]
fn an_endpoint_set_to_another_region_than_its_virtual_network_stops_before_creating() {
    let draft = fixture("speech-private-endpoint-created-zones");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let (mut vnets, _) = endpoint_world(&draft);
    for location in vnets.as_object_mut().unwrap().values_mut() {
        *location = json!("northeurope");
    }
    let mut account = account("SpeechServices", Value::Null);
    account["properties"]["customSubDomainName"] = json!("contoso-speech");
    let run = Run::new(
        "pe-vnet-region",
        &json!({ "account": account, "subnets": {}, "vnet_locations": vnets }),
    );
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("The virtual network is in northeurope, not in westeurope: a private endpoint must be in its virtual network's region."),
        "{stderr}"
    );
    assert!(
        run.state()["endpoints"].is_null(),
        "no endpoint was created"
    );
}

/// A hub's default storage whose firewall lets neither trusted Azure services nor the hub
/// through: the script stops before disabling its public access, says how to let the hub in,
/// and changes nothing on it; with a resource-instance rule for the hub it closes.
#[test]
fn closing_a_hub_storage_that_would_shut_the_hub_out_stops_first() {
    let name = "ai-studio-hub-private-endpoints";
    let draft = fixture(name);
    let script = render_draft(&draft, OutputTarget::AzBash);
    let storage = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourcegroups/rg-ai-hub/providers/microsoft.storage/storageaccounts/contosohubstorage";
    let hub = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-ai-hub/providers/Microsoft.MachineLearningServices/workspaces/contoso-hub";
    let world = |acls: Value| {
        let (vnet_locations, mut dependents) = endpoint_world(&draft);
        dependents[storage]["properties"]["networkAcls"] = acls;
        json!({ "account": account(&draft.target.kind, Value::Null), "subnets": {}, "vnet_locations": vnet_locations, "resources": dependents })
    };

    let closed = world(
        json!({ "defaultAction": "Deny", "bypass": "Logging, Metrics", "resourceAccessRules": [] }),
    );
    let run = Run::new("hub-storage-shut-out", &closed);
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains(&format!("Storage account contosohubstorage lets neither trusted Azure services (networkAcls.bypass AzureServices) nor the hub (a resource-instance rule for {hub}) through its firewall")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("az storage account network-rule add --resource-group 'rg-ai-hub' --account-name 'contosohubstorage' --resource-id '{hub}' --tenant-id <tenant ID>")),
        "{stderr}"
    );
    assert_eq!(
        run.state()["resources"][storage]["properties"]["publicNetworkAccess"],
        "Enabled",
        "the storage stays open"
    );

    let with_rule = world(
        json!({ "defaultAction": "Deny", "bypass": "None", "resourceAccessRules": [
        { "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "resourceId": hub.to_ascii_uppercase() }
    ] }),
    );
    let run = Run::new("hub-storage-instance-rule", &with_rule);
    run.script(&script);
    assert_eq!(
        run.state()["resources"][storage]["properties"]["publicNetworkAccess"],
        "Disabled"
    );
}

/// Private endpoint fixtures of every shape (zones created, three zones with subnet policies,
/// manual approval in another subscription, a whole hub, US Government, existing zones, own DNS,
/// a hub's own-DNS records in US Government, OpenAI in China):
/// the first run creates each endpoint, the second changes nothing.
#[test]
fn private_endpoint_scripts_run_twice() {
    let fixtures = [
        "speech-private-endpoint-created-zones",
        "ai-services-private-endpoint-three-zones",
        "openai-private-endpoint-manual-other-subscription",
        "ai-studio-hub-private-endpoints",
        "speech-private-endpoint-us-government",
        "private-endpoint-existing-zones-other-subscription",
        "private-endpoint-custom-dns",
        "hub-us-government-own-dns-registry",
        "openai-private-endpoint-china",
    ];
    for name in fixtures {
        let draft = fixture(name);
        let script = render_draft(&draft, OutputTarget::AzBash);
        let mut account = account(&draft.target.kind, Value::Null);
        account["properties"]["customSubDomainName"] = json!(draft.custom_domain.subdomain);
        let cloud = draft.target.cloud.cli_name();
        let (vnet_locations, dependents) = endpoint_world(&draft);
        let run = Run::new(
            name,
            &json!({ "cloud": cloud, "account": account, "subnets": {}, "vnet_locations": vnet_locations, "resources": dependents }),
        );
        let first = run.script(&script);
        if draft.private_endpoints.close_public_access {
            for (id, resource) in run.state()["resources"].as_object().unwrap() {
                let access = resource["properties"]["publicNetworkAccess"]
                    .as_str()
                    .unwrap();
                assert!(
                    access.eq_ignore_ascii_case("disabled"),
                    "{name}: {id} is {access}"
                );
            }
        }
        let endpoints = draft.private_endpoints.endpoints.len();
        assert_eq!(
            first
                .iter()
                .filter(|c| c.starts_with("endpoint-create "))
                .count(),
            endpoints,
            "{name}: {first:#?}"
        );
        run.assert_second_run_changes_nothing(&script);
    }
}

#[test]
fn speech_endpoint_gets_its_zone_link_and_group_then_public_access_closes() {
    let script = render_draft(
        &fixture("speech-private-endpoint-created-zones"),
        OutputTarget::AzBash,
    );
    let mut account = account("SpeechServices", Value::Null);
    account["properties"]["customSubDomainName"] = json!("contoso-speech");
    let run = Run::new("pe-speech", &json!({ "account": account, "subnets": {} }));
    let changes = run.script(&script);
    let zone = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91|rg-speech-prod|privatelink.cognitiveservices.azure.com";
    let endpoint = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91|rg-network|pe-contoso-speech-account";
    let expected_order = [
        format!("zone-create {zone}"),
        format!("link-create {zone}|link-vnet-apps"),
        format!("endpoint-create {endpoint} account manual=false"),
    ];
    let positions: Vec<usize> = expected_order
        .iter()
        .map(|e| {
            changes
                .iter()
                .position(|c| c == e)
                .unwrap_or_else(|| panic!("{e} missing: {changes:#?}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{changes:#?}");
    let group = changes
        .iter()
        .position(|c| c.starts_with(&format!("zone-group-create {endpoint} ")))
        .expect("zone group");
    let close = changes
        .iter()
        .position(|c| c.contains("\"publicNetworkAccess\":\"Disabled\""))
        .expect("close");
    assert!(positions[2] < group && group < close, "{changes:#?}");
    assert_eq!(
        run.state()["account"]["properties"]["publicNetworkAccess"],
        "Disabled"
    );
    run.assert_second_run_changes_nothing(&script);
}

#[test]
fn removing_an_endpoint_reopens_public_access_first_and_keeps_the_zones() {
    let script = render_draft(
        &fixture("private-endpoint-remove-reopen-public-access"),
        OutputTarget::AzBash,
    );
    let endpoint = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91|rg-network|pe-contoso-speech-account";
    let zone = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91|rg-speech-prod|privatelink.cognitiveservices.azure.com";
    let mut account = account("SpeechServices", Value::Null);
    account["properties"]["publicNetworkAccess"] = json!("Disabled");
    let run = Run::new(
        "pe-remove",
        &json!({
            "account": account,
            "subnets": {},
            "zones": { zone: true },
            "endpoints": { endpoint: { "groupId": "account" } },
            "zone_groups": { endpoint: ["/subscriptions/.../privateDnsZones/privatelink.cognitiveservices.azure.com"] },
        }),
    );
    let changes = run.script(&script);
    assert_eq!(changes.len(), 3, "{changes:#?}");
    assert!(
        changes[0].contains("\"publicNetworkAccess\":\"Enabled\""),
        "{changes:#?}"
    );
    assert_eq!(changes[1], format!("zone-group-delete {endpoint}"));
    assert_eq!(changes[2], format!("endpoint-delete {endpoint}"));
    let state = run.state();
    assert_eq!(state["zones"][zone], true, "the zone stays");
    run.assert_second_run_changes_nothing(&script);
}

/// Rules named for removal while the lists are added to: each is named, then removed; the other
/// rules stay; a second run changes nothing.
#[test]
fn single_removals_name_what_they_remove_keep_the_rest_and_a_second_run_changes_nothing() {
    let draft = fixture("openai-remove-single-rules");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let legacy = "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy";
    let kept_subnet = "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-apps";
    // The account has one more rule of each kind than the snapshot: it is kept (not exact).
    let mut account = account(
        "OpenAI",
        json!({
            "defaultAction": "Deny",
            "bypass": "AzureServices",
            "ipRules": [{ "value": "192.0.2.10" }, { "value": "198.51.100.0/26" }, { "value": "192.0.2.99" }],
            // ARM may print the ID in another case: it is still the rule named for removal.
            "virtualNetworkRules": [
                { "id": legacy.to_ascii_uppercase(), "ignoreMissingVnetServiceEndpoint": false },
                { "id": kept_subnet, "ignoreMissingVnetServiceEndpoint": false },
            ],
        }),
    );
    account["properties"]["customSubDomainName"] = json!("contoso-openai");
    let run = Run::new(
        "single-removals",
        &json!({ "account": account, "subnets": {} }),
    );

    let stdout = run.stdout(&script);
    assert!(
        stdout.contains("  removes IP rule 198.51.100.0/26 (named for removal)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "  removes subnet rule {} (named for removal)",
            legacy.to_ascii_uppercase()
        )),
        "{stdout}"
    );
    let acls = &run.state()["account"]["properties"]["networkAcls"];
    assert_eq!(
        acls["ipRules"],
        json!([{ "value": "192.0.2.10" }, { "value": "192.0.2.99" }, { "value": "203.0.113.0/24" }])
    );
    assert_eq!(
        acls["virtualNetworkRules"],
        json!([{ "id": kept_subnet, "ignoreMissingVnetServiceEndpoint": false }])
    );
    run.assert_second_run_changes_nothing(&script);
}

/// Approve a pending connection, reject an approved one, delete a third: each once; the second
/// run skips all three; an endpoint the plan does not name is left alone.
#[test]
fn endpoint_connection_decisions_run_once_and_a_second_run_changes_nothing() {
    let draft = fixture("openai-endpoint-connections");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let snapshot = draft
        .current_state
        .as_ref()
        .unwrap()
        .account
        .clone()
        .unwrap();
    let mut connections = snapshot["properties"]["privateEndpointConnections"].clone();
    let untouched = json!({
        "id": "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-openai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai/privateEndpointConnections/pe-other.1",
        "name": "contoso-openai/pe-other.1",
        "properties": { "privateLinkServiceConnectionState": { "status": "Pending" } },
    });
    connections.as_array_mut().unwrap().push(untouched.clone());
    let mut account = account("OpenAI", json!(null));
    account["properties"]["customSubDomainName"] = json!("contoso-openai");
    account["properties"]["privateEndpointConnections"] = connections;
    let run = Run::new("connections", &json!({ "account": account }));

    let changes = run.script(&script);
    assert_eq!(
        changes,
        [
            "connection-approve pe-analytics.6b1e0c52-8f3a-4d7e-9c21-5a4f3e2d1c0b",
            "connection-reject pe-contractor.0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a",
            "connection-delete pe-retired.3c2b1a09-8f7e-4d6c-5b4a-3f2e1d0c9b8a",
        ]
    );
    let after = &run.state()["account"]["properties"]["privateEndpointConnections"];
    let statuses: Vec<(&str, &str)> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["properties"]["privateLinkServiceConnectionState"]["status"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            (
                "contoso-openai/pe-analytics.6b1e0c52-8f3a-4d7e-9c21-5a4f3e2d1c0b",
                "Approved"
            ),
            (
                "contoso-openai/pe-contractor.0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a",
                "Rejected"
            ),
            ("contoso-openai/pe-other.1", "Pending"),
        ]
    );
    run.assert_second_run_changes_nothing(&script);

    // Approving a connection that is not there stops the script, naming it.
    account["properties"]["privateEndpointConnections"] = json!([]);
    let gone = Run::new("connections-gone", &json!({ "account": account }));
    let stderr = gone.failing_script(&script);
    assert!(
        stderr.contains(
            "no private endpoint connection pe-analytics.6b1e0c52-8f3a-4d7e-9c21-5a4f3e2d1c0b"
        ),
        "{stderr}"
    );
}

#[test]
fn a_subnet_in_another_tenant_needs_a_sign_in_there_first() {
    let draft = fixture("face-subnet-other-tenant");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let mut existing = account("Face", Value::Null);
    existing["properties"]["customSubDomainName"] = json!("contoso-face");
    let partner_subscription = "0b9d4f3e-7a21-4c6b-8e5d-1f2a3b4c5d6e";

    // Signed in to the account's tenant only: the script stops before touching the subnet and
    // says how to sign in to the subnet's tenant.
    let run = Run::new(
        "other-tenant",
        &json!({
            "account": existing,
            "subnets": subnets_of(&draft),
            "signedInSubscriptions": ["6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91"],
        }),
    );
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains(&format!(
            "subscription {partner_subscription} is not in this sign-in"
        )) && stderr.contains("az login --tenant 9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6"),
        "{stderr}"
    );
    let subnets = run.state()["subnets"].clone();
    assert!(
        subnets.as_object().unwrap().values().all(|s| !s
            .as_array()
            .unwrap()
            .contains(&json!("Microsoft.CognitiveServices"))),
        "no service endpoint was added: {subnets}"
    );

    // Signed in there too (the ID in another case, as az may list it): the endpoint is added.
    let run = Run::new(
        "other-tenant-signed-in",
        &json!({
            "account": run.state()["account"],
            "subnets": subnets_of(&draft),
            "signedInSubscriptions": [
                "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91",
                partner_subscription.to_ascii_uppercase(),
            ],
        }),
    );
    run.script(&script);
    let subnets = run.state()["subnets"].clone();
    assert!(
        subnets.as_object().unwrap().values().all(|s| s
            .as_array()
            .unwrap()
            .contains(&json!("Microsoft.CognitiveServices"))),
        "{subnets}"
    );
}

#[test]
fn an_endpoint_in_another_tenant_needs_a_sign_in_there_before_its_subnet_is_touched() {
    let mut draft = fixture("openai-private-endpoint-manual-other-subscription");
    let endpoint = &mut draft.private_endpoints.endpoints[0];
    endpoint.tenant_id = "9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6".to_owned();
    endpoint.disable_network_policies = true;
    let script = render_draft(&draft, OutputTarget::AzBash);
    let mut account = account(&draft.target.kind, Value::Null);
    account["properties"]["customSubDomainName"] = json!(draft.custom_domain.subdomain);
    let (vnet_locations, dependents) = endpoint_world(&draft);
    let world = |signed_in: Value| {
        json!({ "account": account, "subnets": {}, "vnet_locations": vnet_locations,
                "resources": dependents, "signedInSubscriptions": signed_in })
    };

    let run = Run::new(
        "pe-other-tenant",
        &world(json!(["6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91"])),
    );
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("subscription 3b9d7c21-5e4f-4a8b-9c6d-1e2f3a4b5c6d is not in this sign-in: run az login --tenant 9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6"),
        "{stderr}"
    );
    let state = run.state();
    assert!(
        state["endpoints"].is_null() && state["subnet_policies"].is_null(),
        "neither the subnet nor an endpoint was touched: {state}"
    );

    let run = Run::new(
        "pe-other-tenant-signed-in",
        &world(json!([
            "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91",
            "3b9d7c21-5e4f-4a8b-9c6d-1e2f3a4b5c6d"
        ])),
    );
    let changes = run.script(&script);
    assert_eq!(
        changes
            .iter()
            .filter(|c| c.starts_with("endpoint-create "))
            .count(),
        1,
        "{changes:#?}"
    );
    run.assert_second_run_changes_nothing(&script);
}

// ---- Closing public access waits for what makes the endpoints carry traffic ----

impl Run {
    /// A stand-in `getent` that answers each host from `dns/<host>` (no file: not found).
    fn with_dns(&self, answers: &[(&str, &str)]) {
        let dns = self.dir.join("dns");
        let _ = std::fs::remove_dir_all(&dns);
        std::fs::create_dir_all(&dns).unwrap();
        for (host, address) in answers {
            std::fs::write(dns.join(host), address).unwrap();
        }
        let getent = self.dir.join("bin/getent");
        std::fs::write(
            &getent,
            format!(
                "#!/bin/sh\n[ \"$1\" = ahostsv4 ] || exit 64\naddress=$(cat '{}/'\"$2\" 2>/dev/null) || exit 2\necho \"$address      STREAM $2\"\necho \"$address      DGRAM\"\n",
                dns.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&getent, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
    }

    fn account_access(&self) -> Value {
        self.state()["account"]["properties"]["publicNetworkAccess"].clone()
    }
}

fn closing_run(name: &str, fixture_name: &str) -> (Run, String) {
    let draft = fixture(fixture_name);
    let script = render_draft(&draft, OutputTarget::AzBash);
    let mut account = account(&draft.target.kind, Value::Null);
    account["properties"]["customSubDomainName"] = json!(draft.custom_domain.subdomain);
    let (vnet_locations, _) = endpoint_world(&draft);
    let run = Run::new(
        name,
        &json!({ "account": account, "subnets": {}, "vnet_locations": vnet_locations }),
    );
    (run, script)
}

#[test]
fn own_dns_stops_before_the_close_while_a_client_host_resolves_publicly_then_closes_on_a_later_run()
{
    let (run, script) = closing_run("own-dns-close", "openai-own-dns-close-public-access");
    // The records are in the DNS servers for one host only; the other answers publicly.
    run.with_dns(&[
        ("contoso-openai.cognitiveservices.azure.com", "10.1.2.4"),
        ("contoso-openai.openai.azure.com", "20.61.4.17"),
    ]);
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("Stopped before closing public access")
            && stderr.contains("contoso-openai.openai.azure.com resolves to 20.61.4.17")
            && !stderr.contains("cognitiveservices.azure.com resolves")
            && stderr.contains("The A records must be in the DNS servers your clients use first")
            && stderr
                .contains("run this same script again on a machine that uses those DNS servers"),
        "{stderr}"
    );
    assert!(run.account_access().is_null(), "public access stays open");
    assert_eq!(
        run.state()["endpoints"].as_object().unwrap().len(),
        1,
        "the endpoint was made"
    );

    // A host that resolves to nothing stops it too.
    run.with_dns(&[("contoso-openai.cognitiveservices.azure.com", "10.1.2.4")]);
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("contoso-openai.openai.azure.com resolves to nothing"),
        "{stderr}"
    );
    assert!(run.account_access().is_null());

    // Once both answer private addresses (shared address space counts), the same script closes.
    run.with_dns(&[
        ("contoso-openai.cognitiveservices.azure.com", "10.1.2.4"),
        ("contoso-openai.openai.azure.com", "100.64.3.9"),
    ]);
    let changes = run.script(&script);
    assert_eq!(
        changes,
        vec![r#"patch {"properties":{"publicNetworkAccess":"Disabled"}}"#.to_owned()],
        "only the close was left to do"
    );
    assert_eq!(run.account_access(), "Disabled");
    run.assert_second_run_changes_nothing(&script);

    // Closed already: a run elsewhere skips the close and its check.
    run.with_dns(&[]);
    run.assert_second_run_changes_nothing(&script);
}

#[test]
fn manual_approval_stops_before_the_close_while_pending_then_closes_once_approved() {
    let (run, script) = closing_run("manual-close", "openai-manual-approval-close-public-access");
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("Stopped before closing public access: the connection of private endpoint pe-contoso-openai-account is Pending, not Approved")
            && stderr.contains("The resource's owner must approve it first")
            && stderr.contains("run this same script again"),
        "{stderr}"
    );
    assert!(run.account_access().is_null(), "public access stays open");

    // The owner approves; the same script now only closes.
    let endpoint =
        "3b9d7c21-5e4f-4a8b-9c6d-1e2f3a4b5c6d|rg-spoke-network|pe-contoso-openai-account";
    let mut state = run.state();
    state["endpoints"][endpoint]["manualPrivateLinkServiceConnections"][0]
        ["privateLinkServiceConnectionState"]["status"] = json!("Approved");
    std::fs::write(run.dir.join("state.json"), state.to_string()).unwrap();
    let stdout = run.stdout(&script);
    assert!(
        stdout.contains("private endpoint pe-contoso-openai-account is Approved."),
        "{stdout}"
    );
    assert_eq!(run.account_access(), "Disabled");
    run.assert_second_run_changes_nothing(&script);
}

/// A resource group the plan writes into is missing: the script stops at the start, before any
/// change (the fake az's log stays empty), naming the group and what needs it.
#[test]
fn a_missing_resource_group_stops_the_script_before_any_change() {
    let draft = fixture("speech-private-endpoint-created-zones");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let mut account = account("SpeechServices", Value::Null);
    account["properties"]["customSubDomainName"] = Value::Null;
    let run = Run::new(
        "missing-group",
        &json!({ "account": account, "subnets": {}, "missing_groups": ["rg-network"] }),
    );
    let stderr = run.failing_script(&script);
    assert!(
        stderr.contains("Resource group rg-network (subscription 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91) does not exist; it is needed for private endpoint pe-contoso-speech-account."),
        "{stderr}"
    );
    let log = std::fs::read_to_string(run.dir.join("log")).unwrap();
    assert_eq!(
        log, "",
        "nothing was changed, the custom subdomain included"
    );
    assert!(run.state()["account"]["properties"]["customSubDomainName"].is_null());
}

/// The zone is linked to the endpoint's virtual network already, under a name of its own (the
/// portal's), and the endpoint has a zone group of another name than `default`: the link is
/// reused, the zone goes into that group, and a second run changes nothing.
#[test]
fn an_existing_link_and_zone_group_of_other_names_are_reused() {
    let draft = fixture("ai-services-private-endpoint-three-zones");
    let script = render_draft(&draft, OutputTarget::AzBash);
    let config = generate(&draft).plan.unwrap().config;
    let pe = config.private_endpoints.unwrap();
    let endpoint = &pe.endpoints[0];
    let vnet = endpoint.subnet.vnet_id();
    let first_zone = &endpoint.zones[0];
    let zone_key = format!(
        "{}|{}|{}",
        first_zone.subscription_id(),
        first_zone.resource_group(),
        first_zone.name
    );
    let endpoint_key = format!(
        "{}|{}|{}",
        endpoint.subscription_id(),
        endpoint.resource_group,
        endpoint.name
    );
    let mut account = account(&draft.target.kind, Value::Null);
    account["properties"]["customSubDomainName"] = json!(draft.custom_domain.subdomain);
    let (vnet_locations, _) = endpoint_world(&draft);
    let run = Run::new(
        "existing-link-and-group",
        &json!({
            "account": account,
            "subnets": {},
            "vnet_locations": vnet_locations,
            "zones": { (zone_key.clone()): true },
            // The portal's link name, the network's ID in other case.
            "links": { (format!("{zone_key}|portal-link")): vnet.to_ascii_uppercase() },
            "endpoints": { (endpoint_key.clone()): { "groupId": endpoint.group_id } },
            "zone_groups": { (endpoint_key.clone()): [first_zone.id] },
            "zone_group_names": { (endpoint_key.clone()): "myzonegroup" },
        }),
    );
    let changes = run.script(&script);
    assert!(
        !changes
            .iter()
            .any(|c| c.starts_with(&format!("link-create {zone_key}|"))),
        "the zone is linked already: {changes:#?}"
    );
    assert!(
        !changes
            .iter()
            .any(|c| c.starts_with(&format!("zone-group-create {endpoint_key} "))),
        "{changes:#?}"
    );
    let added = changes
        .iter()
        .filter(|c| c.starts_with(&format!("zone-group-add {endpoint_key} ")))
        .count();
    assert_eq!(added, endpoint.zones.len() - 1, "{changes:#?}");
    let state = run.state();
    assert_eq!(state["zone_group_names"][&endpoint_key], "myzonegroup");
    assert_eq!(
        state["zone_groups"][&endpoint_key]
            .as_array()
            .unwrap()
            .len(),
        endpoint.zones.len()
    );
    run.assert_second_run_changes_nothing(&script);
}
