$zoneIds = {{zone_ids}}
Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    $group = @(Get-AzPrivateDnsZoneGroup -ResourceGroupName {{resource_group}} -PrivateEndpointName {{name}})[0]
    $attached = @()
    if ($group) { $attached = @($group.PrivateDnsZoneConfigs | ForEach-Object { $_.PrivateDnsZoneId }) }
    $missing = @($zoneIds | Where-Object { $attached -notcontains $_ })
    if ($missing.Count -eq 0) {
        Write-Host '  all zones already attached: skipping.'
    } else {
        # The group is written whole: the zones it had are kept, the missing ones added.
        $configs = @(@($attached) + $missing | ForEach-Object {
                New-AzPrivateDnsZoneConfig -Name ($_.Split('/')[-1].Replace('.', '-')) -PrivateDnsZoneId $_
            })
        if ($group) {
            Set-AzPrivateDnsZoneGroup -ResourceGroupName {{resource_group}} -PrivateEndpointName {{name}} -Name $group.Name -PrivateDnsZoneConfig $configs | Out-Null
        } else {
            New-AzPrivateDnsZoneGroup -ResourceGroupName {{resource_group}} -PrivateEndpointName {{name}} -Name 'default' -PrivateDnsZoneConfig $configs | Out-Null
        }
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
