# Changes the subnet object and writes the whole virtual network back, so nothing else is lost.
Set-AzContext -Subscription {{subscription_id}}{{tenant}} | Out-Null
try {
    $vnet = Get-AzVirtualNetwork -ResourceGroupName {{resource_group}} -Name {{vnet}}
    $subnet = $vnet.Subnets | Where-Object { $_.Name -eq {{subnet}} }
    if (-not $subnet) { throw ('Subnet ' + {{subnet}} + ' was not found.') }
    if (@($subnet.ServiceEndpoints | ForEach-Object { $_.Service }) -contains 'Microsoft.CognitiveServices') {
        Write-Host '  already enabled: skipping.'
    } else {
        $endpoint = New-Object -TypeName 'Microsoft.Azure.Commands.Network.Models.PSServiceEndpoint'
        $endpoint.Service = 'Microsoft.CognitiveServices'
        if ($null -eq $subnet.ServiceEndpoints) {
            $subnet.ServiceEndpoints = New-Object -TypeName 'System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSServiceEndpoint]'
        }
        $subnet.ServiceEndpoints.Add($endpoint)
        $vnet | Set-AzVirtualNetwork | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
