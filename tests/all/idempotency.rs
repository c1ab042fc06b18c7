//! Safe to run again: every create is guarded by an existence check, and every list update
//! merges with what is there instead of replacing it.

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{bash_invocations, corpus_of, powershell_invocations, Rendered};

/// The text of the step holding 1-based `line`, from its `# Step N:` comment up to `line`.
fn step_before(text: &str, line: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines[..line]
        .iter()
        .rposition(|l| l.starts_with("# Step "))
        .unwrap_or_else(|| panic!("line {line} is in no step"));
    lines[start..line].join("\n")
}

/// The script's steps (after the helper definitions), comment lines left out.
fn step_code(text: &str) -> String {
    let start = text.find("\n# Step 1:").expect("a first step");
    text[start..]
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_guarded(rendered: &Rendered, line: usize, what: &str, guards: &[&str]) {
    let before = step_before(&rendered.text, line);
    for guard in guards {
        assert!(
            before.contains(guard),
            "{}: {what} at line {line} is not preceded by `{guard}` in its step:\n{before}",
            rendered.label()
        );
    }
}

#[test]
fn bash_creates_are_guarded_and_lists_merged() {
    for rendered in corpus_of(OutputTarget::AzBash) {
        for invocation in bash_invocations(&rendered.text) {
            let line = invocation.line;
            match invocation.az_path().as_str() {
                "group create" => assert_guarded(
                    rendered,
                    line,
                    "group create",
                    &[
                        "group_exists=$(az group exists",
                        "if [ \"$group_exists\" != 'true' ]; then",
                    ],
                ),
                "cognitiveservices account create" => assert_guarded(
                    rendered,
                    line,
                    "account create",
                    &["if az cognitiveservices account show", "else"],
                ),
                "cognitiveservices account update" => assert_guarded(
                    rendered,
                    line,
                    "custom domain update",
                    &[
                        "current_subdomain=$(az rest --method get",
                        "elif [ -n \"$current_subdomain\" ]",
                    ],
                ),
                "network vnet subnet update"
                    if invocation
                        .options()
                        .contains(&"--private-endpoint-network-policies") =>
                {
                    assert_guarded(
                        rendered,
                        line,
                        "policies update",
                        &[
                            "policies=$(az network vnet subnet show",
                            "if [ \"$policies\" = 'Disabled' ]",
                        ],
                    )
                }
                "network private-dns zone create" => assert_guarded(
                    rendered,
                    line,
                    "zone create",
                    &["if az network private-dns zone show", "else"],
                ),
                "network private-dns link vnet create" => assert_guarded(
                    rendered,
                    line,
                    "link create",
                    &[
                        "links=$(az network private-dns link vnet list",
                        "if [ -n \"$linked_as\" ]; then",
                        "else",
                    ],
                ),
                "network private-endpoint create" | "network private-endpoint delete" => {
                    assert_guarded(
                        rendered,
                        line,
                        "endpoint create or delete",
                        &["if az network private-endpoint show"],
                    )
                }
                "network private-endpoint dns-zone-group create"
                | "network private-endpoint dns-zone-group add" => assert_guarded(
                    rendered,
                    line,
                    "zone group write",
                    &[
                        "attached=$(az network private-endpoint dns-zone-group list",
                        "if grep -qixF \"$zone_id\" <<<\"$attached\"",
                    ],
                ),
                "network vnet subnet update" => {
                    assert_guarded(
                        rendered,
                        line,
                        "subnet update",
                        &[
                            "endpoints=$(az network vnet subnet show",
                            "done <<<\"$endpoints\"",
                        ],
                    );
                    assert!(
                        invocation
                            .words
                            .iter()
                            .any(|w| w == "${services[@]+\"${services[@]}\"}"),
                        "{}: {}",
                        rendered.label(),
                        invocation.describe()
                    );
                }
                "role assignment create" => assert_guarded(
                    rendered,
                    line,
                    "role assignment",
                    &[
                        "assigned=$(az role assignment list",
                        "if grep -qixF \"$principal_id\" <<<\"$assigned\"; then",
                    ],
                ),
                "storage account network-rule add" => assert_guarded(
                    rendered,
                    line,
                    "storage resource rule",
                    &[
                        "allowed_resources=$(jq",
                        "if grep -qixF \"$account_id\" <<<\"$allowed_resources\"; then",
                    ],
                ),
                "storage account update" => assert_guarded(
                    rendered,
                    line,
                    "storage update",
                    &["storage_account=$(az storage account show"],
                ),
                path => assert!(
                    !path.contains("network-rule"),
                    "{}: network-rule replaces nothing but adds blindly: {}",
                    rendered.label(),
                    invocation.describe()
                ),
            }
        }
        check_acls_writes(
            rendered,
            "write_network_acls \"",
            "current_acls=$(read_network_acls)",
        );
    }
}

#[test]
fn powershell_creates_are_guarded_and_lists_merged() {
    for rendered in corpus_of(OutputTarget::PowerShell) {
        for invocation in powershell_invocations(&rendered.text) {
            let line = invocation.line;
            match invocation.program.as_str() {
                "New-AzResourceGroup" => assert_guarded(
                    rendered,
                    line,
                    "New-AzResourceGroup",
                    &["if (-not (Get-AzResourceGroup"],
                ),
                "New-AzCognitiveServicesAccount" => assert_guarded(
                    rendered,
                    line,
                    "New-AzCognitiveServicesAccount",
                    &["if (Get-AzCognitiveServicesAccount", "} else {"],
                ),
                "Set-AzCognitiveServicesAccount" => assert_guarded(
                    rendered,
                    line,
                    "Set-AzCognitiveServicesAccount",
                    &["$currentSubdomain = ", "elseif ($currentSubdomain)"],
                ),
                "Set-AzVirtualNetwork"
                    if step_before(&rendered.text, line)
                        .contains("PrivateEndpointNetworkPolicies") =>
                {
                    assert_guarded(
                        rendered,
                        line,
                        "Set-AzVirtualNetwork",
                        &[
                            "$vnet = Get-AzVirtualNetwork",
                            "if ($subnet.PrivateEndpointNetworkPolicies -eq 'Disabled')",
                        ],
                    )
                }
                "New-AzPrivateDnsZone" => assert_guarded(
                    rendered,
                    line,
                    "New-AzPrivateDnsZone",
                    &["if (Get-AzPrivateDnsZone"],
                ),
                "New-AzPrivateDnsVirtualNetworkLink" => assert_guarded(
                    rendered,
                    line,
                    "New-AzPrivateDnsVirtualNetworkLink",
                    &[
                        "$linked = @(Get-AzPrivateDnsVirtualNetworkLink",
                        "if ($linked.Count -gt 0) {",
                    ],
                ),
                "New-AzPrivateEndpoint" | "Remove-AzPrivateEndpoint" => assert_guarded(
                    rendered,
                    line,
                    "endpoint create or delete",
                    &["if (Get-AzPrivateEndpoint"],
                ),
                "New-AzPrivateDnsZoneGroup" | "Set-AzPrivateDnsZoneGroup" => assert_guarded(
                    rendered,
                    line,
                    "zone group write",
                    &["$missing = @($zoneIds | Where-Object { $attached -notcontains $_ })"],
                ),
                "Set-AzVirtualNetwork" => assert_guarded(
                    rendered,
                    line,
                    "Set-AzVirtualNetwork",
                    &[
                        "$vnet = Get-AzVirtualNetwork",
                        "-contains 'Microsoft.CognitiveServices'",
                        "$subnet.ServiceEndpoints.Add($endpoint)",
                    ],
                ),
                "New-AzRoleAssignment" => assert_guarded(
                    rendered,
                    line,
                    "New-AzRoleAssignment",
                    &[
                        "$assigned = @(Get-AzRoleAssignment",
                        "if ($assigned.Count -gt 0)",
                    ],
                ),
                "Add-AzStorageAccountNetworkRule" => assert_guarded(
                    rendered,
                    line,
                    "Add-AzStorageAccountNetworkRule",
                    &[
                        "$rules = Get-AzStorageAccountNetworkRuleSet",
                        "Where-Object { $_.ResourceId -eq $accountId }",
                    ],
                ),
                "Update-AzStorageAccountNetworkRuleSet" => {
                    // Only the default action: passing a rule list would replace the account's.
                    assert_eq!(
                        invocation.options(),
                        ["-ResourceGroupName", "-Name", "-DefaultAction"],
                        "{}",
                        invocation.describe()
                    );
                    assert_guarded(
                        rendered,
                        line,
                        "default action",
                        &["if ($rules.DefaultAction -eq 'Deny')"],
                    );
                }
                name => assert!(
                    !matches!(
                        name,
                        "Set-AzVirtualNetworkSubnetConfig"
                            | "Add-AzCognitiveServicesAccountNetworkRule"
                            | "Update-AzCognitiveServicesAccountNetworkRuleSet"
                    ),
                    "{}: {name} replaces lists: {}",
                    rendered.label(),
                    invocation.describe()
                ),
            }
        }
        check_powershell_acls(rendered);
    }
}

#[test]
fn az_powershell_creates_are_guarded_and_lists_merged() {
    for rendered in corpus_of(OutputTarget::AzPowerShell) {
        for invocation in powershell_invocations(&rendered.text)
            .into_iter()
            .filter(|i| i.program == "az")
        {
            let line = invocation.line;
            match invocation.az_path().as_str() {
                "group create" => assert_guarded(
                    rendered,
                    line,
                    "group create",
                    &[
                        "$groupExists = az group exists",
                        "if ($groupExists -ne 'true')",
                    ],
                ),
                "cognitiveservices account create" => assert_guarded(
                    rendered,
                    line,
                    "account create",
                    &[
                        "$existingNames = @(az cognitiveservices account list",
                        "if ($existingNames -contains $AccountName)",
                        "} else {",
                    ],
                ),
                "cognitiveservices account update" => assert_guarded(
                    rendered,
                    line,
                    "custom domain update",
                    &["$currentSubdomain = ", "elseif ($currentSubdomain)"],
                ),
                "network vnet subnet update"
                    if invocation
                        .options()
                        .contains(&"--private-endpoint-network-policies") =>
                {
                    assert_guarded(
                        rendered,
                        line,
                        "policies update",
                        &[
                            "$policies = az network vnet subnet show",
                            "if ($policies -eq 'Disabled')",
                        ],
                    )
                }
                "network private-dns zone create" => assert_guarded(
                    rendered,
                    line,
                    "zone create",
                    &["$zones = @(az network private-dns zone list", "} else {"],
                ),
                "network private-dns link vnet create" => assert_guarded(
                    rendered,
                    line,
                    "link create",
                    &[
                        "$links = @(az network private-dns link vnet list",
                        "if ($linkedAs.Count -gt 0) {",
                        "} else {",
                    ],
                ),
                "network private-endpoint create" | "network private-endpoint delete" => {
                    assert_guarded(
                        rendered,
                        line,
                        "endpoint create or delete",
                        &["$endpoints = @(az network private-endpoint list"],
                    )
                }
                "network private-endpoint dns-zone-group create"
                | "network private-endpoint dns-zone-group add" => assert_guarded(
                    rendered,
                    line,
                    "zone group write",
                    &[
                        "$attached = @(az network private-endpoint dns-zone-group list",
                        "if ($attached -contains $zoneId)",
                    ],
                ),
                "network vnet subnet update" => {
                    assert_guarded(
                        rendered,
                        line,
                        "subnet update",
                        &[
                            "$endpoints = @(az network vnet subnet show",
                            "$services = @($endpoints",
                        ],
                    );
                    assert!(
                        invocation.words.iter().any(|w| w == "$services"),
                        "{}",
                        invocation.describe()
                    );
                }
                "role assignment create" => assert_guarded(
                    rendered,
                    line,
                    "role assignment",
                    &[
                        "$assigned = @(az role assignment list",
                        "if ($assigned -contains $principalId)",
                    ],
                ),
                "storage account network-rule add" => assert_guarded(
                    rendered,
                    line,
                    "storage resource rule",
                    &[
                        "$storage = (az storage account show",
                        "Where-Object { $_.resourceId -eq $accountId }",
                    ],
                ),
                "storage account update" => assert_guarded(
                    rendered,
                    line,
                    "storage update",
                    &["$storage = (az storage account show"],
                ),
                path => assert!(
                    !path.contains("network-rule"),
                    "{}: {}",
                    rendered.label(),
                    invocation.describe()
                ),
            }
        }
        check_powershell_acls(rendered);
    }
}

fn check_powershell_acls(rendered: &Rendered) {
    check_acls_writes(rendered, "Set-NetworkAcls -Acls", "$acls = Get-NetworkAcls");
}

/// No step writes networkAcls itself (reading it, or naming it in a message, is fine), and each
/// call of the script's write helper (a line starting with `write`) follows the read (`read`)
/// in its step.
fn check_acls_writes(rendered: &Rendered, write: &str, read: &str) {
    let steps = step_code(&rendered.text);
    let reads_or_says = |line: &str| {
        let line = line.trim_start();
        line.contains("--method get")
            || line.contains("-Method 'GET'")
            || ["echo ", "throw ", "Write-Host "]
                .iter()
                .any(|says| line.starts_with(says))
    };
    let writing = steps
        .lines()
        .find(|l| l.contains("networkAcls") && !reads_or_says(l));
    assert!(
        writing.is_none(),
        "{}: a step writes networkAcls outside the read-merge helpers: {writing:?}",
        rendered.label()
    );
    for (index, line) in rendered.text.lines().enumerate() {
        if line.trim_start().starts_with(write) {
            assert_guarded(rendered, index + 1, "networkAcls write", &[read]);
        }
    }
}

/// REST: each create (PUT) follows a GET of the same resource (the resource group's too), each
/// networkAcls PATCH follows a GET of the account, and the subnet PUT follows a GET of the subnet.
#[test]
fn rest_writes_follow_reads() {
    for rendered in corpus_of(OutputTarget::Rest) {
        let requests: Vec<(&str, &str)> = rendered
            .text
            .lines()
            .filter_map(|l| l.split_once(' '))
            .filter(|(m, _)| matches!(*m, "GET" | "PUT" | "PATCH" | "POST" | "DELETE"))
            .collect();
        for (index, (method, url)) in requests.iter().enumerate() {
            let path = url.split('?').next().unwrap();
            let needs_read = matches!(*method, "PUT" | "PATCH");
            if needs_read {
                assert!(
                    requests[..index]
                        .iter()
                        .any(|(m, u)| *m == "GET" && u.split('?').next() == Some(path)),
                    "{}: {method} {url} without a preceding GET",
                    rendered.label()
                );
            }
        }
        let text = &rendered.text;
        if text.contains("\"networkAcls\"") {
            assert!(
                text.contains("\n# Exact: the account's rules as read at")
                    || text.contains("\n# EDIT BEFORE SENDING: "),
                "{}: a networkAcls PATCH that neither merges the current rules nor waits for them",
                rendered.label()
            );
        }
    }
}
