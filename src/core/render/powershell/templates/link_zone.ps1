Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    if (Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName {{resource_group}} -ZoneName {{zone}} -Name {{link}} -ErrorAction SilentlyContinue) {
        Write-Host '  already linked: skipping.'
    } else {
        New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName {{resource_group}} -ZoneName {{zone}} -Name {{link}} -VirtualNetworkId {{vnet_id}} | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
