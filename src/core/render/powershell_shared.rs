//! PowerShell shared by the Az module script and the Azure CLI-in-PowerShell script. Both
//! define `Invoke-ArmRequest` their own way; the networkAcls read-merge-write, the waiting and
//! the availability check are the same text.

use super::header::{hash_comment_block, header_lines, step_comment};
use super::RenderContext;
use crate::core::api_versions;
use crate::core::config::Resource;
use crate::core::plan::{
    bypass_name, default_action_name, public_access_name, Action, AllowedSubnet, Plan,
};
use crate::core::quote::{powershell, powershell_array};

/// What differs between the two PowerShell scripts around the shared skeleton.
pub(super) struct Flavour<'a> {
    /// `#Requires` lines.
    pub requires: String,
    pub prerequisites: &'a [&'a str],
    /// Functions every script of this flavour defines.
    pub helpers: &'a str,
    /// This flavour's `Invoke-ArmRequest`, defined when the target is an account.
    pub invoke_arm_request: &'a str,
}

/// Header, fail-fast preference, variables, helpers, then each step with its comment.
pub(super) fn script(
    plan: &Plan,
    context: &RenderContext,
    flavour: Flavour<'_>,
    step_body: impl Fn(&Action) -> String,
) -> String {
    let mut out = flavour.requires;
    out += &hash_comment_block(&header_lines(plan, context, flavour.prerequisites));
    out += "\n$ErrorActionPreference = 'Stop'\n\n";
    out += &variables(plan);
    out += flavour.helpers;
    if matches!(plan.target().resource, Resource::CognitiveServices { .. }) {
        out += flavour.invoke_arm_request;
        out += ACCOUNT_HELPERS;
    }
    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        out += "\n";
        out += &step_comment(number, step);
        out += &format!(
            "Write-Host {}\n",
            powershell(&format!("Step {number}: {}", step.title))
        );
        out += &step_body(&step.action);
    }
    out += "\nWrite-Host 'Done.'\n";
    out
}

/// The `$Variables` block a person edits. Strings are verbatim literals.
pub(super) fn variables(plan: &Plan) -> String {
    let target = plan.target();
    let mut out = String::from("# Values (edit here, nowhere else)\n");
    out += &format!("$CloudName = {}\n", powershell(target.cloud.cli_name()));
    out += &format!(
        "$SubscriptionId = {}\n",
        powershell(&target.subscription_id)
    );
    out += &format!("$ResourceGroup = {}\n", powershell(&target.resource_group));
    let creating = plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::CreateAccount { .. }));
    if creating {
        out += &format!("$Location = {}\n", powershell(&target.region));
    }
    match &target.resource {
        Resource::CognitiveServices { kind, sku, name } => {
            out += &format!("$AccountName = {}\n", powershell(name));
            out += &format!("$AccountKind = {}\n", powershell(kind.id));
            if creating {
                out += &format!("$SkuName = {}\n", powershell(sku));
            }
        }
        Resource::MlHub { name } | Resource::MediaServices { name } => {
            out += &format!("$ResourceName = {}\n", powershell(name));
        }
    }
    if let Some(domain) = &plan.config.custom_domain {
        out += &format!("$CustomSubdomain = {}\n", powershell(&domain.subdomain));
    }
    if matches!(target.resource, Resource::CognitiveServices { .. }) {
        out += &format!(
            "$CognitiveApiVersion = {}\n",
            powershell(api_versions::COGNITIVE_SERVICES)
        );
        out += "$AccountPath = \"/subscriptions/${SubscriptionId}/resourceGroups/${ResourceGroup}/providers/Microsoft.CognitiveServices/accounts/${AccountName}?api-version=${CognitiveApiVersion}\"\n";
    }
    out
}

/// Functions over `Invoke-ArmRequest` used by the account steps.
pub(super) const ACCOUNT_HELPERS: &str = r#"
# Waits until the account's provisioning state is Succeeded (10 minutes at most).
function Wait-AccountSucceeded {
    for ($attempt = 1; $attempt -le 60; $attempt++) {
        $state = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.provisioningState
        if ($state -eq 'Succeeded') { return }
        if ($state -in @('Failed', 'Canceled')) { throw "The account's provisioning state is ${state}." }
        Write-Host "  waiting for the account (state: ${state}, check ${attempt}/60)..."
        Start-Sleep -Seconds 10
    }
    throw 'The account did not reach Succeeded within 10 minutes.'
}

# Stops the script unless $CustomSubdomain is free (a deleted account keeps it for 48 hours).
function Assert-SubdomainAvailable {
    $body = [ordered]@{ subdomainName = $CustomSubdomain; type = 'Microsoft.CognitiveServices/accounts'; kind = $AccountKind } | ConvertTo-Json -Compress
    $result = Invoke-ArmRequest -Method 'POST' -Path "/subscriptions/${SubscriptionId}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${CognitiveApiVersion}" -Payload $body
    if (-not $result.isSubdomainAvailable) {
        throw "The custom subdomain '${CustomSubdomain}' is not available: it is taken, or reserved by a recently deleted account. Choose another one."
    }
}

# Reads the account's complete networkAcls as an ordered table (an empty rule set when it has none).
function Get-NetworkAcls {
    $current = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.networkAcls
    $acls = [ordered]@{ defaultAction = 'Allow'; ipRules = @(); virtualNetworkRules = @() }
    if ($null -ne $current) {
        if ($current.defaultAction) { $acls.defaultAction = $current.defaultAction }
        if ($current.bypass) { $acls.bypass = $current.bypass }
        if ($current.ipRules) {
            $acls.ipRules = @($current.ipRules | ForEach-Object { [ordered]@{ value = $_.value } })
        }
        if ($current.virtualNetworkRules) {
            $acls.virtualNetworkRules = @($current.virtualNetworkRules | ForEach-Object {
                    [ordered]@{ id = $_.id; ignoreMissingVnetServiceEndpoint = [bool]$_.ignoreMissingVnetServiceEndpoint }
                })
        }
    }
    return $acls
}

# Writes a complete networkAcls object (never a partial one) and waits until it is applied.
function Set-NetworkAcls {
    param([Parameter(Mandatory = $true)] $Acls)
    $payload = @{ properties = @{ networkAcls = $Acls } } | ConvertTo-Json -Depth 10 -Compress
    Invoke-ArmRequest -Method 'PATCH' -Path $AccountPath -Payload $payload | Out-Null
    Wait-AccountSucceeded
}
"#;

/// Reads the current subdomain; skips, stops, or checks availability and then runs `set`.
pub(super) fn set_custom_subdomain(set_command: &str, plan: &Plan) -> String {
    format!(
        "$currentSubdomain = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName\n\
if ($currentSubdomain -eq $CustomSubdomain) {{\n    \
Write-Host '  already set: skipping.'\n\
}} elseif ($currentSubdomain) {{\n    \
throw \"The account already has the custom subdomain '${{currentSubdomain}}', which can never be changed.\"\n\
}} else {{\n    \
Assert-SubdomainAvailable\n{set}    \
Wait-AccountSucceeded\n\
}}\n{endpoint}",
        set = indent(set_command, 4),
        endpoint = endpoint_line(plan)
    )
}

/// Inside the "account exists" branch of a create step: stop unless it has our subdomain.
pub(super) const EXISTING_ACCOUNT_SUBDOMAIN_CHECK: &str = "    $currentSubdomain = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName\n    \
if ($currentSubdomain -ne $CustomSubdomain) {\n        \
throw \"The account exists with the custom subdomain '${currentSubdomain}', not '${CustomSubdomain}'. In the wizard, choose that the resource exists already.\"\n    \
}\n";

pub(super) fn endpoint_line(plan: &Plan) -> String {
    format!(
        "Write-Host \"  endpoint: https://${{CustomSubdomain}}.{}/\"\n",
        plan.target().cloud.cognitive_services_suffix()
    )
}

pub(super) fn merge_network_rules(
    ip_rules: &[crate::core::ip_rules::IpRule],
    subnets: &[AllowedSubnet],
    bypass: Option<crate::core::draft::Bypass>,
) -> String {
    let ips: Vec<String> = ip_rules.iter().map(|r| r.to_string()).collect();
    let mut out = format!("$ipRules = {}\n", powershell_array(&ips));
    if subnets.is_empty() {
        out += "$vnetRules = @()\n";
    } else {
        out += "$vnetRules = @(\n";
        for s in subnets {
            let ignore = if s.ignore_missing_endpoint {
                "$true"
            } else {
                "$false"
            };
            out += &format!(
                "    @{{ id = {}; ignoreMissingVnetServiceEndpoint = {ignore} }}\n",
                powershell(&s.subnet.to_string())
            );
        }
        out += ")\n";
    }
    out += "$acls = Get-NetworkAcls\n\
$before = $acls | ConvertTo-Json -Depth 10 -Compress\n\
# Appends only the missing rules, keeping the existing ones.\n\
foreach ($ip in $ipRules) {\n    \
if (-not ($acls.ipRules | Where-Object { $_.value -eq $ip })) { $acls.ipRules += [ordered]@{ value = $ip } }\n\
}\n\
foreach ($rule in $vnetRules) {\n    \
if (-not ($acls.virtualNetworkRules | Where-Object { $_.id -eq $rule.id })) {\n        \
$acls.virtualNetworkRules += [ordered]@{ id = $rule.id; ignoreMissingVnetServiceEndpoint = $rule.ignoreMissingVnetServiceEndpoint }\n    \
}\n\
}\n";
    if let Some(b) = bypass.and_then(bypass_name) {
        out += &format!("$acls.bypass = {}\n", powershell(b));
    }
    out += "if (($acls | ConvertTo-Json -Depth 10 -Compress) -ceq $before) {\n    \
Write-Host '  all rules already present: skipping.'\n\
} else {\n    \
Set-NetworkAcls -Acls $acls\n\
}\n";
    out
}

pub(super) fn set_default_action(action: crate::core::draft::DefaultAction) -> String {
    let value = default_action_name(action);
    format!(
        "$acls = Get-NetworkAcls\n\
if ($acls.defaultAction -ceq {q}) {{\n    \
Write-Host '  already {value}: skipping.'\n\
}} else {{\n    \
$acls.defaultAction = {q}\n    \
Set-NetworkAcls -Acls $acls\n\
}}\n",
        q = powershell(value)
    )
}

pub(super) fn set_public_network_access(access: crate::core::draft::PublicNetworkAccess) -> String {
    let value = public_access_name(access);
    format!(
        "$access = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.publicNetworkAccess\n\
if (-not $access) {{ $access = 'Enabled' }}\n\
if ($access -ceq {q}) {{\n    \
Write-Host '  already {value}: skipping.'\n\
}} else {{\n    \
$payload = @{{ properties = @{{ publicNetworkAccess = {q} }} }} | ConvertTo-Json -Compress\n    \
Invoke-ArmRequest -Method 'PATCH' -Path $AccountPath -Payload $payload | Out-Null\n    \
Wait-AccountSucceeded\n\
}}\n",
        q = powershell(value)
    )
}

pub(super) fn indent(text: &str, spaces: usize) -> String {
    let pad = " ".repeat(spaces);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}
