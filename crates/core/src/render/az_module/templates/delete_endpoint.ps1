Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    if (Get-AzPrivateEndpoint -ResourceGroupName {{resource_group}} -Name {{name}} -ErrorAction SilentlyContinue) {
{{?zone_group}}
        # The zone group goes first: Azure removes its A records; the zones themselves stay.
        foreach ($group in @(Get-AzPrivateDnsZoneGroup -ResourceGroupName {{resource_group}} -PrivateEndpointName {{name}})) {
            Remove-AzPrivateDnsZoneGroup -ResourceGroupName {{resource_group}} -PrivateEndpointName {{name}} -Name $group.Name -Force
        }
{{/zone_group}}
        Remove-AzPrivateEndpoint -ResourceGroupName {{resource_group}} -Name {{name}} -Force
    } else {
        Write-Host '  already gone: skipping.'
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
