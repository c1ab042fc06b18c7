//! Azure PowerShell (Az modules).

use super::powershell_shared as shared;
use super::RenderContext;
use crate::core::config::Resource;
use crate::core::plan::{Action, Plan};
use crate::core::quote::powershell;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let mut modules = vec!["Az.Accounts", "Az.Resources"];
    if matches!(plan.target().resource, Resource::CognitiveServices { .. }) {
        modules.push("Az.CognitiveServices");
    }
    if plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::EnableServiceEndpoint { .. }))
    {
        modules.push("Az.Network");
    }
    let flavour = shared::Flavour {
        requires: format!(
            "#Requires -Version 5.1\n#Requires -Modules {}\n",
            modules.join(", ")
        ),
        prerequisites: &[
            "PowerShell 7 (or Windows PowerShell 5.1) with the Az modules listed above",
            "Signed in: Connect-AzAccount -Environment <cloud>",
        ],
        helpers: "",
        invoke_arm_request: INVOKE_ARM_REQUEST,
    };
    shared::script(plan, context, flavour, |action| step_body(plan, action))
}

/// ARM calls through the signed-in Az context. Invoke-AzRestMethod does not throw on an error
/// status, so this does.
const INVOKE_ARM_REQUEST: &str = r#"
# Calls Azure Resource Manager with the signed-in context; throws on any error status.
function Invoke-ArmRequest {
    param(
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Path,
        [string] $Payload
    )
    $request = @{ Method = $Method; Path = $Path }
    if ($Payload) { $request.Payload = $Payload }
    $response = Invoke-AzRestMethod @request
    if ($response.StatusCode -ge 400) {
        throw "${Method} ${Path} failed with HTTP $($response.StatusCode): $($response.Content)"
    }
    if ($response.Content) { return $response.Content | ConvertFrom-Json }
}
"#;

fn step_body(plan: &Plan, action: &Action) -> String {
    let target = plan.target();
    match action {
        Action::SelectSubscription => "$context = Get-AzContext\n\
if (-not $context) { throw \"Sign in first: Connect-AzAccount -Environment ${CloudName}\" }\n\
if ($context.Environment.Name -ne $CloudName) {\n    \
throw \"Signed in to $($context.Environment.Name), not ${CloudName}. Run: Connect-AzAccount -Environment ${CloudName}\"\n\
}\n\
Set-AzContext -Subscription $SubscriptionId | Out-Null\n"
            .to_owned(),
        Action::VerifyResource => match &target.resource {
            Resource::CognitiveServices { .. } => "$account = Get-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName\n\
if ($account.AccountType -ne $AccountKind) {\n    \
Write-Warning \"The account's kind is $($account.AccountType), not ${AccountKind}.\"\n\
}\n"
                .to_owned(),
            Resource::MlHub { .. } | Resource::MediaServices { .. } => format!(
                "$resource = Get-AzResource -ResourceGroupName $ResourceGroup -Name $ResourceName -ResourceType {}\n\
if (-not $resource) {{ throw \"${{ResourceName}} was not found in resource group ${{ResourceGroup}}.\" }}\n",
                powershell(target.resource.resource_type().arm_type())
            ),
        },
        Action::CreateAccount { custom_subdomain, .. } => {
            let mut s = String::from(
                "if (-not (Get-AzResourceGroup -Name $ResourceGroup -ErrorAction SilentlyContinue)) {\n    \
New-AzResourceGroup -Name $ResourceGroup -Location $Location | Out-Null\n\
}\n\
if (Get-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName -ErrorAction SilentlyContinue) {\n    \
Write-Host '  the account exists: skipping creation.'\n",
            );
            if custom_subdomain.is_some() {
                s += shared::EXISTING_ACCOUNT_SUBDOMAIN_CHECK;
            }
            s += "} else {\n";
            let mut parameters = String::from(
                "    $newAccount = @{\n        ResourceGroupName = $ResourceGroup\n        Name = $AccountName\n        Type = $AccountKind\n        SkuName = $SkuName\n        Location = $Location\n",
            );
            if custom_subdomain.is_some() {
                s += "    Assert-SubdomainAvailable\n";
                parameters += "        CustomSubdomainName = $CustomSubdomain\n";
            }
            parameters += "        Force = $true\n    }\n";
            s += &parameters;
            s += "    New-AzCognitiveServicesAccount @newAccount | Out-Null\n    Wait-AccountSucceeded\n}\n";
            if custom_subdomain.is_some() {
                s += &shared::endpoint_line(plan);
            }
            s
        }
        Action::SetCustomSubdomain { .. } => shared::set_custom_subdomain(
            "Set-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName -CustomSubdomainName $CustomSubdomain -Force | Out-Null\n",
            plan,
        ),
        Action::RegisterResourceProvider { subscription_id } => format!(
            "# Whoever runs this needs access to that subscription (Connect-AzAccount -Tenant too if it is another tenant).\n\
Set-AzContext -Subscription {} | Out-Null\n\
try {{\n    \
Register-AzResourceProvider -ProviderNamespace 'Microsoft.CognitiveServices' | Out-Null\n    \
$state = ''\n    \
for ($attempt = 1; $attempt -le 60; $attempt++) {{\n        \
$state = @(Get-AzResourceProvider -ProviderNamespace 'Microsoft.CognitiveServices')[0].RegistrationState\n        \
if ($state -eq 'Registered') {{ break }}\n        \
Write-Host \"  waiting for the registration (state: ${{state}}, check ${{attempt}}/60)...\"\n        \
Start-Sleep -Seconds 10\n    \
}}\n    \
if ($state -ne 'Registered') {{ throw 'Microsoft.CognitiveServices was not registered within 10 minutes.' }}\n\
}} finally {{\n    \
Set-AzContext -Subscription $SubscriptionId | Out-Null\n\
}}\n",
            powershell(subscription_id)
        ),
        Action::EnableServiceEndpoint { subnet, tenant_id } => {
            let tenant = tenant_id
                .as_ref()
                .map(|t| format!(" -Tenant {}", powershell(t)))
                .unwrap_or_default();
            format!(
                "# Changes the subnet object and writes the whole virtual network back, so nothing else is lost.\n\
Set-AzContext -Subscription {sub}{tenant} | Out-Null\n\
try {{\n    \
$vnet = Get-AzVirtualNetwork -ResourceGroupName {rg} -Name {vnet}\n    \
$subnet = $vnet.Subnets | Where-Object {{ $_.Name -eq {name} }}\n    \
if (-not $subnet) {{ throw ('Subnet ' + {name} + ' was not found.') }}\n    \
if (@($subnet.ServiceEndpoints | ForEach-Object {{ $_.Service }}) -contains 'Microsoft.CognitiveServices') {{\n        \
Write-Host '  already enabled: skipping.'\n    \
}} else {{\n        \
$endpoint = New-Object -TypeName 'Microsoft.Azure.Commands.Network.Models.PSServiceEndpoint'\n        \
$endpoint.Service = 'Microsoft.CognitiveServices'\n        \
if ($null -eq $subnet.ServiceEndpoints) {{\n            \
$subnet.ServiceEndpoints = New-Object -TypeName 'System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSServiceEndpoint]'\n        \
}}\n        \
$subnet.ServiceEndpoints.Add($endpoint)\n        \
$vnet | Set-AzVirtualNetwork | Out-Null\n    \
}}\n\
}} finally {{\n    \
Set-AzContext -Subscription $SubscriptionId | Out-Null\n\
}}\n",
                sub = powershell(&subnet.subscription_id),
                rg = powershell(&subnet.resource_group),
                vnet = powershell(&subnet.vnet),
                name = powershell(&subnet.subnet),
            )
        }
        Action::MergeNetworkRules { ip_rules, subnets, bypass } => {
            shared::merge_network_rules(ip_rules, subnets, *bypass)
        }
        Action::SetDefaultAction { action } => shared::set_default_action(*action),
        Action::SetPublicNetworkAccess { access } => shared::set_public_network_access(*access),
    }
}
