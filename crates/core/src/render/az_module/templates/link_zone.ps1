# A zone links to a virtual network once, under any name: look for a link to it first.
$vnetId = {{vnet_id}}
Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    # -eq compares text case-insensitively, as Azure compares resource IDs.
    $linked = @(Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName {{resource_group}} -ZoneName {{zone}} | Where-Object { $_.VirtualNetworkId -eq $vnetId })
    if ($linked.Count -gt 0) {
        Write-Host "  already linked to this virtual network as $($linked[0].Name): skipping."
    } else {
        New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName {{resource_group}} -ZoneName {{zone}} -Name {{link}} -VirtualNetworkId $vnetId{{tags}} | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
