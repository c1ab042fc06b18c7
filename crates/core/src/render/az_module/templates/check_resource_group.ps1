Set-AzContext -Subscription {{subscription}}{{tenant}} | Out-Null
try {
    $group = Get-AzResourceGroup -Name {{resource_group}} -ErrorAction SilentlyContinue
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
if (-not $group) { throw {{message}} }
