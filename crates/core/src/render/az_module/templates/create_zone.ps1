# New-AzPrivateDnsZone fails when the zone exists: look first, and reuse it.
Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    if (Get-AzPrivateDnsZone -ResourceGroupName {{resource_group}} -Name {{zone}} -ErrorAction SilentlyContinue) {
        Write-Host '  the zone exists: reusing it.'
    } else {
        New-AzPrivateDnsZone -ResourceGroupName {{resource_group}} -Name {{zone}}{{tags}} | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
