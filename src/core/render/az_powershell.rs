//! Azure CLI in PowerShell. JSON bodies go through a temporary file (`--body "@file"`): az is a
//! .cmd on Windows and PowerShell mangles embedded double quotes on the way.

use super::powershell_shared as shared;
use super::RenderContext;
use crate::core::config::Resource;
use crate::core::plan::{Action, Plan};
use crate::core::quote::powershell;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let flavour = shared::Flavour {
        requires: "#Requires -Version 5.1\n".to_owned(),
        prerequisites: &[
            "PowerShell 7 (or Windows PowerShell 5.1)",
            "Azure CLI 2.61 or later, signed in: az login",
        ],
        helpers: ASSERT_AZ,
        invoke_arm_request: INVOKE_ARM_REQUEST,
    };
    shared::script(plan, context, flavour, |action| step_body(plan, action))
}

/// az is a native command: PowerShell does not stop on its failures by itself.
const ASSERT_AZ: &str = r#"
# Stops the script when the last az command failed.
function Assert-AzSucceeded {
    param([Parameter(Mandatory = $true)] [string] $What)
    if ($LASTEXITCODE -ne 0) { throw "${What} failed (exit code ${LASTEXITCODE})." }
}
"#;

const INVOKE_ARM_REQUEST: &str = r#"
# Calls Azure Resource Manager through az rest; the body travels in a temporary file.
function Invoke-ArmRequest {
    param(
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Path,
        [string] $Payload
    )
    $arguments = @('rest', '--method', $Method.ToLowerInvariant(), '--url', $Path, '--output', 'json')
    $bodyFile = $null
    if ($Payload) {
        $bodyFile = New-TemporaryFile
        [System.IO.File]::WriteAllText($bodyFile.FullName, $Payload)
        $arguments += @('--body', "@$($bodyFile.FullName)")
    }
    try {
        $output = & az @arguments
        Assert-AzSucceeded "az rest ${Method} ${Path}"
    } finally {
        if ($bodyFile) { Remove-Item -LiteralPath $bodyFile.FullName -Force }
    }
    if ($output) { return ($output -join "`n") | ConvertFrom-Json }
}
"#;

fn step_body(plan: &Plan, action: &Action) -> String {
    let target = plan.target();
    match action {
        Action::SelectSubscription => "$currentCloud = az cloud show --query name --output tsv\n\
Assert-AzSucceeded 'az cloud show'\n\
if ($currentCloud -ne $CloudName) {\n    \
throw \"The Azure CLI uses cloud ${currentCloud}. Run: az cloud set --name ${CloudName}; az login\"\n\
}\n\
az account set --subscription $SubscriptionId\n\
Assert-AzSucceeded 'az account set'\n"
            .to_owned(),
        Action::VerifyResource => match &target.resource {
            Resource::CognitiveServices { .. } => "$foundKind = az cognitiveservices account show --name $AccountName --resource-group $ResourceGroup --query kind --output tsv\n\
Assert-AzSucceeded 'az cognitiveservices account show'\n\
if ($foundKind -ne $AccountKind) { Write-Warning \"The account's kind is ${foundKind}, not ${AccountKind}.\" }\n"
                .to_owned(),
            Resource::MlHub { .. } | Resource::MediaServices { .. } => format!(
                "az resource show --resource-group $ResourceGroup --name $ResourceName --resource-type {} --output none\n\
Assert-AzSucceeded 'az resource show'\n",
                powershell(target.resource.resource_type().arm_type())
            ),
        },
        Action::CreateAccount { custom_subdomain, .. } => {
            let mut s = String::from(
                "$groupExists = az group exists --name $ResourceGroup\n\
Assert-AzSucceeded 'az group exists'\n\
if ($groupExists -ne 'true') {\n    \
az group create --name $ResourceGroup --location $Location --output none\n    \
Assert-AzSucceeded 'az group create'\n\
}\n\
$existingNames = @(az cognitiveservices account list --resource-group $ResourceGroup --query '[].name' --output tsv)\n\
Assert-AzSucceeded 'az cognitiveservices account list'\n\
if ($existingNames -contains $AccountName) {\n    \
Write-Host '  the account exists: skipping creation.'\n",
            );
            if custom_subdomain.is_some() {
                s += shared::EXISTING_ACCOUNT_SUBDOMAIN_CHECK;
            }
            s += "} else {\n";
            let mut arguments = String::from(
                "    $createArguments = @('--name', $AccountName, '--resource-group', $ResourceGroup, '--location', $Location, '--kind', $AccountKind, '--sku', $SkuName, '--yes', '--output', 'none')\n",
            );
            if custom_subdomain.is_some() {
                s += "    Assert-SubdomainAvailable\n";
                arguments += "    $createArguments += @('--custom-domain', $CustomSubdomain)\n";
            }
            s += &arguments;
            s += "    az cognitiveservices account create @createArguments\n    \
Assert-AzSucceeded 'az cognitiveservices account create'\n    \
Wait-AccountSucceeded\n}\n";
            if custom_subdomain.is_some() {
                s += &shared::endpoint_line(plan);
            }
            s
        }
        Action::SetCustomSubdomain { .. } => shared::set_custom_subdomain(
            "az cognitiveservices account update --name $AccountName --resource-group $ResourceGroup --custom-domain $CustomSubdomain --output none\n\
Assert-AzSucceeded 'az cognitiveservices account update'\n",
            plan,
        ),
        Action::RegisterResourceProvider { subscription_id } => format!(
            "# Whoever runs this needs access to that subscription (az login --tenant too if it is another tenant).\n\
az provider register --namespace Microsoft.CognitiveServices --subscription {} --wait\n\
Assert-AzSucceeded 'az provider register'\n",
            powershell(subscription_id)
        ),
        Action::EnableServiceEndpoint { subnet, .. } => format!(
            "$subnetId = {}\n\
$endpoints = @(az network vnet subnet show --ids $subnetId --query 'serviceEndpoints[].service' --output tsv)\n\
Assert-AzSucceeded 'az network vnet subnet show'\n\
if ($endpoints -contains 'Microsoft.CognitiveServices') {{\n    \
Write-Host '  already enabled: skipping.'\n\
}} else {{\n    \
# The update replaces the list: pass the existing endpoints along with the new one.\n    \
$services = @($endpoints | Where-Object {{ $_ }}) + 'Microsoft.CognitiveServices'\n    \
az network vnet subnet update --ids $subnetId --service-endpoints $services --output none\n    \
Assert-AzSucceeded 'az network vnet subnet update'\n\
}}\n",
            powershell(&subnet.to_string())
        ),
        Action::MergeNetworkRules { ip_rules, subnets, bypass } => {
            shared::merge_network_rules(ip_rules, subnets, *bypass)
        }
        Action::SetDefaultAction { action } => shared::set_default_action(*action),
        Action::SetPublicNetworkAccess { access } => shared::set_public_network_access(*access),
    }
}
