# Changes the subnet object and writes the whole virtual network back, so nothing else is lost.
Set-AzContext -Subscription {{subscription}}{{tenant}} | Out-Null
try {
    $vnet = Get-AzVirtualNetwork -ResourceGroupName {{resource_group}} -Name {{vnet}}
    $subnet = $vnet.Subnets | Where-Object { $_.Name -eq {{subnet}} }
    if (-not $subnet) { throw ('Subnet ' + {{subnet}} + ' was not found.') }
    if ($subnet.PrivateEndpointNetworkPolicies -eq 'Disabled') {
        Write-Host '  already Disabled: skipping.'
    } else {
        $subnet.PrivateEndpointNetworkPolicies = 'Disabled'
        $vnet | Set-AzVirtualNetwork | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
