$context = Get-AzContext
if (-not $context) { throw "Sign in first: Connect-AzAccount -Environment ${CloudName}" }
if ($context.Environment.Name -ne $CloudName) {
    throw "Signed in to $($context.Environment.Name), not ${CloudName}. Run: Connect-AzAccount -Environment ${CloudName}"
}
Set-AzContext -Subscription $SubscriptionId | Out-Null
