//! The configuration file (config_file.rs) and the wizard-cli binary around it.

use std::path::{Path, PathBuf};
use std::process::Output;

use ai_network_wizard::core::config_file::{config_file_name, from_config_json, to_config_json};
use ai_network_wizard::core::draft::{DefaultAction, Draft};
use ai_network_wizard::core::render::OutputTarget;

use crate::support::{
    fixture, fixtures, fixtures_dir, render_draft, text, valid_draft, wizard_cli, TEST_DATE,
};

// ---- configuration file ----

#[test]
fn every_fixture_round_trips_through_the_file_format() {
    for (name, draft) in fixtures() {
        let text = to_config_json(&draft);
        assert_eq!(from_config_json(&text).as_ref(), Ok(&draft), "{name}");
        let again = to_config_json(&from_config_json(&text).unwrap());
        assert_eq!(again, text, "{name}: writing is stable");
    }
}

#[test]
fn a_written_file_names_its_format_and_version() {
    let text = to_config_json(&valid_draft());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "ai-network-wizard");
    assert_eq!(value["version"], 1);
    assert_eq!(value["wizard"]["target"]["name"], "contoso-speech");
    assert!(
        text.ends_with("}\n"),
        "ends with a newline, for version control"
    );
}

fn wrap(wizard: &str) -> String {
    format!(r#"{{"format": "ai-network-wizard", "version": 1, "wizard": {wizard}}}"#)
}

#[test]
fn missing_fields_take_their_defaults() {
    assert_eq!(from_config_json(&wrap("{}")), Ok(Draft::default()));
    let draft = from_config_json(&wrap(r#"{"network": {"default_action": "Allow"}}"#)).unwrap();
    assert_eq!(draft.network.default_action, DefaultAction::Allow);
    assert!(
        draft.network.enabled,
        "the other network fields keep their defaults"
    );
}

#[test]
fn an_unknown_field_is_refused_so_a_typo_does_not_vanish() {
    let error = from_config_json(&wrap(r#"{"target": {"resource_grop": "rg"}}"#)).unwrap_err();
    assert!(
        error.starts_with(
            "Invalid configuration: unknown field `resource_grop` in `wizard.target`, expected one of"
        ),
        "{error}"
    );
    assert!(
        error.contains("`resource_group`"),
        "lists the right name: {error}"
    );

    let error =
        from_config_json(&wrap(r#"{"network": {"ip_rules": [], "firewall": true}}"#)).unwrap_err();
    assert!(
        error.starts_with("Invalid configuration: unknown field `firewall` in `wizard.network`"),
        "{error}"
    );

    let top = r#"{"format": "ai-network-wizard", "version": 1, "wizard": {}, "comment": "x"}"#;
    let error = from_config_json(top).unwrap_err();
    assert!(
        error.starts_with("Invalid configuration: unknown field `comment`"),
        "{error}"
    );
}

#[test]
fn a_wrong_value_type_is_refused_with_the_accepted_values() {
    let error = from_config_json(&wrap(r#"{"network": {"default_action": "deny"}}"#)).unwrap_err();
    assert_eq!(
        error,
        "Invalid configuration: unknown variant `deny` at `wizard.network.default_action`, \
         expected `Allow` or `Deny`"
    );
    let error = from_config_json(&wrap(r#"{"target": {"cloud": "Azure"}}"#)).unwrap_err();
    assert_eq!(
        error,
        "Invalid configuration: unknown variant `Azure` at `wizard.target.cloud`, expected one of \
         `AzureCloud`, `AzureUSGovernment`, `AzureChinaCloud`"
    );
}

#[test]
fn a_wrong_value_names_the_field_it_is_in() {
    let cases = [
        (
            r#"{"network": {"ip_rules_exact": "yes"}}"#,
            "invalid type at `wizard.network.ip_rules_exact`: the text \"yes\", expected true or false",
        ),
        (
            r#"{"network": {"ip_rules": ["10.0.0.1", 7]}}"#,
            "invalid type at `wizard.network.ip_rules[1]`: the number 7, expected text in quotes",
        ),
        (
            r#"{"network": {"vnet_rules": [{}, {"subnet": null}]}}"#,
            "invalid type at `wizard.network.vnet_rules[1].subnet`: null, expected text in quotes",
        ),
        (
            r#"{"private_endpoints": {"endpoints": [{"service": "target", "vnett": "v"}]}}"#,
            "unknown field `vnett` in `wizard.private_endpoints.endpoints[0]`, expected one of \
             `service`, `resource_id`, `group_id`, `input`, `subnet_id`, `subscription_id`, \
             `resource_group`, `vnet`, `subnet`, `tenant_id`, `name`, `connection_name`, \
             `endpoint_resource_group`, `location`, `manual_approval`, `request_message`, \
             `disable_network_policies`",
        ),
        (
            r#"{"storage": []}"#,
            "invalid type at `wizard.storage`: a list, expected an object",
        ),
        (
            r#"{"custom_domain": {"subdomain": "a", "enabled": false, "extra": 1}}"#,
            "unknown field `extra` in `wizard.custom_domain`, expected one of `enabled`, \
             `subdomain`, `acknowledge_irreversible`",
        ),
    ];
    for (wizard, message) in cases {
        assert_eq!(
            from_config_json(&wrap(wizard)),
            Err(format!("Invalid configuration: {message}")),
            "{wizard}"
        );
    }
}

#[test]
fn null_leaves_out_only_what_may_be_absent() {
    let draft = from_config_json(&wrap(r#"{"current_state": null}"#)).unwrap();
    assert_eq!(draft, Draft::default());
    let with_null_account = from_config_json(&wrap(
        r#"{"current_state": {"source": "az", "account": null}}"#,
    ))
    .unwrap();
    let current = with_null_account
        .current_state
        .expect("the section is kept");
    assert_eq!((current.source.as_str(), current.account), ("az", None));
    assert!(from_config_json(&wrap(r#"{"target": null}"#)).is_err());
    let null_wizard = r#"{"format": "ai-network-wizard", "version": 1, "wizard": null}"#;
    assert_eq!(
        from_config_json(null_wizard),
        Err("Invalid configuration: invalid type at `wizard`: null, expected an object".into())
    );
}

#[test]
fn wrong_format_and_version_have_their_own_messages() {
    let cases = [
        (
            r#"{"format": "terraform", "version": 1, "wizard": {}}"#,
            "Unknown format \"terraform\": expected \"ai-network-wizard\".",
        ),
        (
            r#"{"version": 1, "wizard": {}}"#,
            "Missing \"format\": \"ai-network-wizard\": is this a wizard configuration?",
        ),
        (
            "[1, 2]",
            "Missing \"format\": \"ai-network-wizard\": is this a wizard configuration?",
        ),
        (
            r#"{"format": "ai-network-wizard", "version": 2, "wizard": {}}"#,
            "Configuration version 2 is not supported: this wizard reads version 1.",
        ),
        (
            r#"{"format": "ai-network-wizard", "wizard": {}}"#,
            "Missing \"version\": 1.",
        ),
        (
            r#"{"format": "ai-network-wizard", "version": "1", "wizard": {}}"#,
            "\"version\" must be the number 1, without quotes.",
        ),
        (
            r#"{"format": "ai-network-wizard", "version": 1}"#,
            "Invalid configuration: missing field `wizard`",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(from_config_json(text), Err(message.to_owned()), "{text}");
    }
    let error = from_config_json("{\"format\": ").unwrap_err();
    assert!(error.starts_with("Not valid JSON: "), "{error}");
}

// ---- wizard-cli ----

const SPEECH: &str = "tests/fixtures/speech-two-office-ranges.json";

/// `validate` on a file it must refuse (exit 1): the error lines without their `PATH: error: `
/// prefix, and the whole output.
fn refused_by_validate(path: &str) -> (Vec<String>, Output) {
    let output = wizard_cli(&["validate", path]);
    assert_eq!(output.status.code(), Some(1));
    let errors = text(&output.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{path}: error: ")))
        .map(str::to_owned)
        .collect();
    (errors, output)
}

/// A fresh directory under Cargo's scratch space for integration tests.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn validate_accepts_a_valid_file_and_lists_its_warnings() {
    let output = wizard_cli(&["validate", SPEECH]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), format!("{SPEECH}: valid (6 steps)\n"));
    assert_eq!(
        text(&output.stderr).lines().collect::<Vec<_>>(),
        [
            format!("{SPEECH}: warning: network.ip_rules.0: This is a documentation range (TEST-NET-3, 203.0.113.0/24): fine in examples, never a real client."),
            format!("{SPEECH}: warning: network.ip_rules.1: This is a documentation range (TEST-NET-2, 198.51.100.0/24): fine in examples, never a real client."),
        ]
    );
}

#[test]
fn validate_refuses_bad_names_with_field_addressed_messages() {
    let path = "tests/fixtures/invalid/bad-target-names.json";
    let (errors, output) = refused_by_validate(path);
    assert_eq!(text(&output.stdout), "", "nothing claims it is valid");
    assert_eq!(
        errors,
        [
            "target.subscription_id: The subscription ID is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91.",
            "target.resource_group: The resource group name contains spaces: allowed are letters (accented and other non-ASCII letters too), digits, underscores, hyphens, periods and parentheses, 1 to 90 characters, not ending with a period.",
            "target.region: Use the region's programmatic name: lowercase letters and digits only, e.g. \"westeurope\". (fix: Use westeurope)",
            "target.name: The account name must start with a letter or digit.",
            "custom_domain.subdomain: The custom subdomain contains '_': allowed are ASCII letters, digits and hyphens, 2 to 63 characters, not starting or ending with a hyphen.",
        ]
    );
}

#[test]
fn validate_refuses_bad_network_rules_and_names_the_fixes() {
    let path = "tests/fixtures/invalid/bad-network-rules.json";
    let (errors, _) = refused_by_validate(path);
    assert_eq!(
        errors,
        [
            "network.ip_rules.0: /32 ranges are not accepted: allow the single address instead. (fix: Use 203.0.113.7)",
            "network.ip_rules.1: This is a private address (RFC 1918, 192.168.0.0/16): only public addresses can be allowed; use a virtual-network rule or a private endpoint for private clients.",
            "network.ip_rules.2: IPv6 is not supported: Azure AI services network rules accept IPv4 addresses and ranges only.",
            "network.ip_rules.4: Duplicate of entry 4. (fix: Remove duplicate)",
            "network.vnet_rules.0.subnet_id: This is a virtual network ID, not a subnet ID: add /subnets/<subnet name> to name one of its subnets (/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>).",
        ]
    );
}

#[test]
fn validate_refuses_byos_on_an_existing_resource_and_repairs_a_portal_address() {
    let path = "tests/fixtures/invalid/bad-storage.json";
    let (errors, output) = refused_by_validate(path);
    let stderr = text(&output.stderr);
    assert_eq!(
        errors,
        [
            "storage.enabled: Bring your own storage is only possible when the resource is created: an existing resource can never start using your storage account. Switch the target to creating a new resource, or untick \"Include this step\". (fix: Leave this step out)",
            "storage.storage_account_id: This is an Azure portal address, not a resource ID. The resource ID is inside it. (fix: Use the resource ID in it)",
            "storage.acknowledge_irreversible: Tick the acknowledgement: the storage account can never be changed, and the resource can never stop using it.",
        ]
    );
    assert!(
        stderr.contains(&format!("{path}: warning: storage.region: The storage account is in eastus, the resource in westeurope.")),
        "{stderr}"
    );
}

#[test]
fn files_that_are_not_configurations_exit_2_with_the_reason() {
    let dir = scratch_dir("cli-not-a-config");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v2.json");
    std::fs::write(
        &path,
        r#"{"format": "ai-network-wizard", "version": 2, "wizard": {}}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let output = wizard_cli(&["validate", path]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        format!("{path}: Configuration version 2 is not supported: this wizard reads version 1.\n")
    );

    let output = wizard_cli(&["validate", "tests/fixtures/no-such-file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("cannot read tests/fixtures/no-such-file.json: "));
}

#[test]
fn render_prints_one_target_to_stdout() {
    let output = wizard_cli(&["render", SPEECH, "--target", "az-bash", "--date", TEST_DATE]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let script = text(&output.stdout);
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    assert_eq!(
        script,
        render_draft(&fixture("speech-two-office-ranges"), OutputTarget::AzBash)
    );
}

#[test]
fn render_all_writes_the_four_scripts_and_the_inside_checks() {
    let dir = scratch_dir("cli-render-all");
    let out = dir.to_str().unwrap();
    let output = wizard_cli(&[
        "render", SPEECH, "--target", "all", "--out", out, "--date", TEST_DATE,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let draft = fixture("speech-two-office-ranges");
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "check-from-inside.ps1",
            "check-from-inside.sh",
            "isolate-azure-ai-cli.ps1",
            "isolate-azure-ai.http",
            "isolate-azure-ai.ps1",
            "isolate-azure-ai.sh"
        ]
    );
    for target in OutputTarget::ALL {
        let path = dir.join(target.file_name());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            target.download_text(&render_draft(&draft, target)),
            "{}: the file a download saves",
            path.display()
        );
        assert!(text(&output.stdout).contains(&format!("wrote {}\n", path.display())));
    }
}

#[test]
fn render_all_writes_powershell_files_with_the_byte_order_mark_downloads_get() {
    // Windows PowerShell 5.1 reads a `.ps1` without the mark in the ANSI code page: the
    // accented resource group would arrive mangled.
    const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
    let name = "anomaly-detector-unicode-resource-group";
    let dir = scratch_dir("cli-render-all-unicode");
    let out = dir.to_str().unwrap();
    let config = format!("tests/fixtures/{name}.json");
    let output = wizard_cli(&[
        "render", &config, "--target", "all", "--out", out, "--date", TEST_DATE,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let draft = fixture(name);
    for target in OutputTarget::ALL {
        let script = render_draft(&draft, target);
        assert!(
            !script.is_ascii(),
            "the fixture should exercise non-ASCII text"
        );
        let bytes = std::fs::read(dir.join(target.file_name())).unwrap();
        if target.file_name().ends_with(".ps1") {
            assert_eq!(bytes[..3], UTF8_BOM, "{}", target.file_name());
            assert_eq!(&bytes[3..], script.as_bytes(), "{}", target.file_name());
        } else {
            assert_eq!(bytes, script.as_bytes(), "{}", target.file_name());
        }
    }
}

#[test]
fn render_refuses_an_invalid_file_and_writes_nothing() {
    let dir = scratch_dir("cli-render-invalid");
    let out = dir.to_str().unwrap();
    let path = "tests/fixtures/invalid/bad-target-names.json";
    let output = wizard_cli(&["render", path, "--target", "all", "--out", out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.exists(), "no half-written output directory");
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .lines()
            .all(|l| l.starts_with(&format!("{path}: error: "))),
        "only the errors: {stderr}"
    );
    assert!(stderr
        .contains(": error: target.name: The account name must start with a letter or digit.\n"));
}

#[test]
fn usage_mistakes_exit_2_with_the_usage() {
    let output = wizard_cli(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("usage:\n  wizard-cli render"));

    let output = wizard_cli(&["render", SPEECH, "--target", "terraform"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("unknown target terraform\nusage:"));

    let output = wizard_cli(&["render", SPEECH]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("render needs --target\nusage:"));

    let output = wizard_cli(&["render", SPEECH, "--target", "all"]);
    assert_eq!(
        (output.status.code(), text(&output.stderr)),
        (Some(2), "--target all needs --out DIR\n".to_owned())
    );

    let output = wizard_cli(&["lint", SPEECH]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("unknown command lint\nusage:"));
}

/// A misspelt or misplaced flag is refused with the usage, and nothing is printed or written:
/// `--dat 2020-01-01` must not stamp today's date on a script that looks right.
#[test]
fn unknown_or_misplaced_options_are_refused_with_the_usage() {
    let dir = scratch_dir("cli-refused");
    let out = dir.to_str().unwrap();
    for (args, first_line) in [
        (
            vec!["render", SPEECH, "--target", "rest", "--dat", "2020-01-01"],
            "unknown option --dat for render",
        ),
        (
            vec!["render", SPEECH, "--target", "rest", "-d", "2020-01-01"],
            "unknown option -d",
        ),
        (
            vec!["render", SPEECH, "--target", "rest", "--date", "1/2/2020"],
            "--date 1/2/2020: expected YYYY-MM-DD",
        ),
        (
            vec!["render", SPEECH, "--target", "rest", "--target", "az-bash"],
            "--target given twice",
        ),
        (
            vec!["render", SPEECH, "--target", "rest", "--out", out],
            "--out goes with --target all",
        ),
        (
            vec!["render", SPEECH, SPEECH, "--target", "rest"],
            "render takes one file, not 2",
        ),
        (
            vec!["validate", SPEECH, "--rollback"],
            "unknown option --rollback for validate",
        ),
        (
            vec!["validate", SPEECH, "--read-at", "2026-12-01T10:00Z"],
            "unknown option --read-at for validate",
        ),
        (
            vec!["import", SPEECH, "--date", "2020-01-01"],
            "unknown option --date for import",
        ),
        (
            vec!["current-state", SPEECH],
            "current-state needs CONFIG.json and at least one SHOW.json",
        ),
        (vec!["render", SPEECH, "--date"], "--date needs a value"),
        (vec!["--target", "rest"], "--target before a command"),
    ] {
        let output = wizard_cli(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).starts_with(&format!("{first_line}\nusage:\n")),
            "{args:?}: {}",
            text(&output.stderr)
        );
        assert!(output.stdout.is_empty(), "{args:?} printed something");
    }
    assert!(!dir.exists(), "nothing was written");

    // Both spellings of a value are read; --help prints the usage and succeeds.
    let joined = wizard_cli(&["render", SPEECH, "--target=rest", "--date=2020-01-01"]);
    let spaced = wizard_cli(&["render", SPEECH, "--target", "rest", "--date", "2020-01-01"]);
    assert_eq!(joined.status.code(), Some(0));
    assert_eq!(joined.stdout, spaced.stdout);
    assert!(text(&joined.stdout).contains(" on 2020-01-01."));
    let help = wizard_cli(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).starts_with("usage:\n"));
}

#[test]
fn the_invalid_fixtures_stay_out_of_the_corpus() {
    assert!(fixtures_dir()
        .join("invalid/bad-target-names.json")
        .exists());
    assert!(fixtures().iter().all(|(name, _)| !name.starts_with("bad-")));
}

#[test]
fn the_one_line_form_for_share_links_reads_back_the_same_draft() {
    use ai_network_wizard::core::config_file::{from_config_json, to_compact_config_json};
    let draft = crate::support::fixture("openai-100-ip-rules-3-subnets");
    let compact = to_compact_config_json(&draft);
    assert!(!compact.contains('\n'));
    assert_eq!(from_config_json(&compact).unwrap(), draft);
}

#[test]
fn render_rollback_needs_a_snapshot_and_says_what_stays() {
    let with = fixtures_dir().join("openai-exact-lists-remove-rules.json");
    let output = wizard_cli(&[
        "render",
        with.to_str().unwrap(),
        "--target",
        "powershell",
        "--rollback",
        "--date",
        TEST_DATE,
    ]);
    assert_eq!(output.status.code(), Some(0));
    let script = text(&output.stdout);
    assert!(
        script.contains("# ROLLBACK: restores the network settings read at 2026-11-30T14:05Z"),
        "{script}"
    );
    assert!(script.contains("Bring-your-own storage"));
    let without = fixtures_dir().join("speech-two-office-ranges.json");
    let output = wizard_cli(&[
        "render",
        without.to_str().unwrap(),
        "--target",
        "az-bash",
        "--rollback",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr)
        .contains("error: current_state: This configuration carries no snapshot"));
}

#[test]
fn current_state_attaches_show_outputs_and_names_what_it_cannot_read() {
    let dir = scratch_dir("current-state");
    std::fs::create_dir_all(&dir).unwrap();
    let account = dir.join("account.json");
    std::fs::write(
        &account,
        r#"{ "id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-speech-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech",
             "type": "Microsoft.CognitiveServices/accounts",
             "properties": { "networkAcls": { "defaultAction": "Allow", "ipRules": [{ "value": "192.0.2.10" }], "virtualNetworkRules": [] } } }"#,
    )
    .unwrap();
    let config = fixtures_dir().join("speech-two-office-ranges.json");
    let out = wizard_cli(&[
        "current-state",
        config.to_str().unwrap(),
        account.to_str().unwrap(),
        "--read-at",
        "2026-11-30T14:05Z",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let with_state = dir.join("with-state.json");
    std::fs::write(&with_state, &out.stdout).unwrap();
    let rendered = wizard_cli(&[
        "render",
        with_state.to_str().unwrap(),
        "--target",
        "rest",
        "--date",
        "2026-11-30",
    ]);
    let rest = text(&rendered.stdout);
    assert!(rest.contains("read at 2026-11-30T14:05Z"), "{rest}");
    assert!(!rest.contains("<EDIT: "), "{rest}");

    std::fs::write(
        &account,
        r#"{ "properties": { "networkAcls": { "ipRules": "192.0.2.10" } } }"#,
    )
    .unwrap();
    let refused = wizard_cli(&[
        "current-state",
        config.to_str().unwrap(),
        account.to_str().unwrap(),
        "--read-at",
        "now",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("error: pasted JSON.properties.networkAcls.ipRules: ipRules must be a list, found text."),
        "{}",
        text(&refused.stderr)
    );
    assert!(refused.stdout.is_empty());
}

/// The file's names for a choice are the ones the rest of the app uses for it.
#[test]
fn choice_names_in_the_file_agree_with_the_app_s_ids() {
    use ai_network_wizard::core::cloud::Cloud;
    use ai_network_wizard::core::json_fields::name_of;
    use ai_network_wizard::core::private_endpoints::{draft::DnsMode, LinkService};
    use ai_network_wizard::core::resource_kinds::ResourceType;
    assert_eq!(Cloud::ALL.map(name_of), Cloud::ALL.map(Cloud::cli_name));
    assert_eq!(
        ResourceType::ALL.map(name_of),
        ResourceType::ALL.map(ResourceType::id)
    );
    assert_eq!(DnsMode::ALL.map(name_of), DnsMode::ALL.map(DnsMode::id));
    assert_eq!(
        LinkService::ALL.map(name_of),
        LinkService::ALL.map(LinkService::id)
    );
}

/// Every choice's name table has one distinct name per variant: a shorter or longer table would
/// panic on reading or writing, a repeated name would read back as another variant.
#[test]
fn every_choice_has_one_name_per_variant() {
    use ai_network_wizard::core::cloud::Cloud;
    use ai_network_wizard::core::draft::{
        Bypass, DefaultAction, Existence, PublicNetworkAccess, SubnetInput,
    };
    use ai_network_wizard::core::json_fields::{name_of, Named};
    use ai_network_wizard::core::private_endpoints::{draft::DnsMode, LinkService};
    use ai_network_wizard::core::resource_kinds::ResourceType;

    fn check<T: Named + std::fmt::Debug>(variants: usize) {
        assert_eq!(T::ALL.len(), variants, "{:?}", T::ALL);
        assert_eq!(T::NAMES.len(), variants, "{:?}", T::NAMES);
        let names: std::collections::BTreeSet<&str> = T::ALL.iter().map(|v| name_of(*v)).collect();
        assert_eq!(names.len(), variants, "distinct names: {names:?}");
    }
    check::<Cloud>(3);
    check::<ResourceType>(3);
    check::<DnsMode>(3);
    check::<LinkService>(6);
    check::<Existence>(2);
    check::<PublicNetworkAccess>(2);
    check::<DefaultAction>(2);
    check::<Bypass>(3);
    check::<SubnetInput>(2);
}

/// The configuration file is named after its resource; a name that is not plain falls back.
#[test]
fn the_configuration_file_is_named_after_the_resource() {
    let named = |name: &str| {
        let mut draft = ai_network_wizard::core::draft::Draft::default();
        draft.target.name = name.into();
        config_file_name(&draft)
    };
    assert_eq!(
        named("contoso-speech"),
        "ai-network-wizard-contoso-speech.json"
    );
    assert_eq!(
        named("  contoso_hub.1 "),
        "ai-network-wizard-contoso_hub.1.json"
    );
    for not_plain in ["../a b/c", "", "///", ".hidden", "a\\b", &"x".repeat(65)] {
        assert_eq!(named(not_plain), "ai-network-wizard.json", "{not_plain}");
    }
}
