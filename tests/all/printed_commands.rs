//! Commands the scripts print for someone else to paste (the resource owner's approval) are
//! quoted exactly like the commands they run, and a hostile resource ID can reach neither:
//! validation refuses it at its field (tests/fixtures/invalid/hostile-resource-ids.json), and
//! a configuration built in code around validation still prints it as one quoted word in all
//! four outputs.

use std::process::Command;

use ai_network_wizard::core::plan::plan;
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};
use ai_network_wizard::core::validate::validate;

use crate::support::{
    assert_no_error, fixture, powershell_invocations, powershell_verbatim, text, wizard_cli,
    TEST_DATE,
};

/// A key vault ID whose name would run a program if a printed command left it bare.
const HOSTILE: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-openai/providers/Microsoft.KeyVault/vaults/kv;Start-Process calc;#";

#[test]
fn validation_refuses_hostile_and_dot_segment_names_at_their_fields() {
    let path = "tests/fixtures/invalid/hostile-resource-ids.json";
    let output = wizard_cli(&["validate", path]);
    assert_eq!(output.status.code(), Some(1));
    let errors: Vec<String> = text(&output.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{path}: error: ")))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        errors,
        [
            "private_endpoints.existing_zone_ids: Zone ID 1: The name must start with a letter or digit.",
            "private_endpoints.endpoints.0.resource_id: The name contains ';': allowed are ASCII letters, digits, underscores, periods and hyphens, 1 to 253 characters, starting with a letter or digit and ending with a letter, digit or underscore.",
            "private_endpoints.existing_zone_ids: No zone ID for privatelink.vaultcore.azure.net (endpoint 1 needs it): add the zone's resource ID.",
            "private_endpoints.endpoints.1.resource_id: The storage account name is too short (2 characters): it needs 3 to 24.",
            "private_endpoints.existing_zone_ids: No zone ID for privatelink.blob.core.windows.net (endpoint 2 needs it): add the zone's resource ID.",
            "private_endpoints.removals.0.endpoint_id: The private endpoint name must start with a letter or digit.",
        ]
    );
    assert_eq!(text(&output.stdout), "", "nothing claims it is valid");
}

/// The manual-approval fixture with its endpoint pointed at the hostile ID, past validation.
fn hostile_outputs() -> Vec<(OutputTarget, String)> {
    let draft = fixture("openai-private-endpoint-manual-other-subscription");
    let mut config = assert_no_error(&draft);
    let endpoints = &mut config.private_endpoints.as_mut().unwrap().endpoints;
    endpoints[0].resource_id = HOSTILE.to_owned();
    assert!(
        validate(&draft).config.is_some(),
        "the fixture itself is valid"
    );
    let plan = plan(&config);
    let context = RenderContext::for_draft(TEST_DATE, None, &draft);
    OutputTarget::ALL
        .into_iter()
        .map(|target| (target, render(&plan, target, &context)))
        .collect()
}

/// The one line of `script` that prints the owner's command (it names `marker`).
fn printing_line<'a>(script: &'a str, marker: &str) -> &'a str {
    let lines: Vec<&str> = script
        .lines()
        .filter(|l| l.contains(marker) && (l.starts_with("echo ") || l.starts_with("Write-Host ")))
        .collect();
    assert_eq!(lines.len(), 1, "one printed owner command: {lines:#?}");
    lines[0]
}

#[test]
fn the_owner_command_printed_by_az_in_bash_pastes_as_one_word() {
    let (_, script) = hostile_outputs()
        .into_iter()
        .find(|(t, _)| *t == OutputTarget::AzBash)
        .unwrap();
    let line = printing_line(&script, "private-endpoint-connection list");
    // What the script prints, then what that printed line does when pasted into bash (with an
    // `az` that only lists its arguments).
    let printed = text(
        &Command::new("bash")
            .arg("-c")
            .arg(line)
            .output()
            .unwrap()
            .stdout,
    );
    let pasted = Command::new("bash")
        .arg("-c")
        .arg(format!("az() {{ printf '%s\\n' \"$@\"; }}\n{printed}"))
        .output()
        .unwrap();
    let words: Vec<String> = text(&pasted.stdout).lines().map(str::to_owned).collect();
    let id_at = words.iter().position(|w| w == "--id").expect("--id");
    assert_eq!(words[id_at + 1], HOSTILE, "{printed}");
    assert_eq!(
        words.last().map(String::as_str),
        Some("tsv"),
        "nothing cut off: {words:?}"
    );
}

#[test]
fn the_owner_commands_printed_by_both_powershell_scripts_paste_as_one_word() {
    for (target, marker, program, option) in [
        (
            OutputTarget::AzPowerShell,
            "private-endpoint-connection list",
            "az",
            "--id",
        ),
        (
            OutputTarget::PowerShell,
            "Get-AzPrivateEndpointConnection",
            "Get-AzPrivateEndpointConnection",
            "-PrivateLinkResourceId",
        ),
    ] {
        let (_, script) = hostile_outputs()
            .into_iter()
            .find(|(t, _)| *t == target)
            .unwrap();
        let line = printing_line(&script, marker);
        let literal = line.strip_prefix("Write-Host ").unwrap();
        let printed = powershell_verbatim(literal)
            .unwrap_or_else(|| panic!("{target:?}: not one verbatim string: {literal}"));
        let pasted = powershell_invocations(&printed);
        let command = pasted
            .iter()
            .find(|i| i.program == program)
            .unwrap_or_else(|| panic!("{target:?}: no {program} in {printed}"));
        let id_at = command.words.iter().position(|w| w == option).unwrap();
        assert_eq!(command.words[id_at + 1], HOSTILE, "{target:?}: {printed}");
        assert_eq!(
            pasted.len(),
            1,
            "{target:?}: pasting runs one command: {printed}"
        );
    }
}

#[test]
fn the_rest_output_carries_the_hostile_id_only_encoded() {
    let (_, rest) = hostile_outputs()
        .into_iter()
        .find(|(t, _)| *t == OutputTarget::Rest)
        .unwrap();
    let json_string = serde_json::to_string(HOSTILE).unwrap();
    let mut seen = 0;
    for line in rest.lines().filter(|l| l.contains("Start-Process")) {
        seen += 1;
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue; // a comment, one line by construction
        }
        if trimmed.starts_with('"') {
            assert!(line.contains(&json_string), "not one JSON string: {line}");
            continue;
        }
        let (method, url) = trimmed.split_once(' ').expect("a request line");
        assert!(
            ["GET", "PUT", "PATCH", "POST", "DELETE"].contains(&method)
                && url.starts_with("{{armEndpoint}}/subscriptions/")
                && url.contains("kv;Start-Process%20calc;%23")
                && !url.contains([' ', '#']),
            "not one encoded request line: {line}"
        );
    }
    assert!(seen > 0, "the hostile ID is in the REST output");
}
