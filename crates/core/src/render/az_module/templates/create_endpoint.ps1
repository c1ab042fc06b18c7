{{?check_subdomain}}
if (-not (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName) {
    throw 'The account has no custom subdomain, which a private endpoint needs: include the Custom domain step.'
}
{{/check_subdomain}}
Set-AzContext -Subscription {{subscription}}{{tenant}} | Out-Null
try {
    if (Get-AzPrivateEndpoint -ResourceGroupName {{resource_group}} -Name {{name}} -ErrorAction SilentlyContinue) {
        Write-Host '  the endpoint exists: skipping creation.'
    } else {
        $vnet = Get-AzVirtualNetwork -ResourceGroupName {{vnet_resource_group}} -Name {{vnet}}
        # An endpoint must be in its virtual network's region.
        $endpointLocation = {{location}}
        if ($vnet.Location -ne $endpointLocation) {
            throw "Virtual network $($vnet.Name) is in $($vnet.Location), not in ${endpointLocation}: a private endpoint must be in its virtual network's region. Set the endpoint's region to $($vnet.Location) in the wizard."
        }
        $subnet = $vnet.Subnets | Where-Object { $_.Name -eq {{subnet}} }
        if (-not $subnet) { throw ('Subnet ' + {{subnet}} + ' was not found.') }
        $connection = New-AzPrivateLinkServiceConnection -Name {{connection}} -PrivateLinkServiceId {{resource_id}} -GroupId {{group_id}}{{request_message}}
        # Right after the resource changed, creation can fail with "state Accepted": retry with back-off.
        $delay = 15
        for ($attempt = 1; ; $attempt++) {
            try {
                New-AzPrivateEndpoint -Name {{name}} -ResourceGroupName {{resource_group}} -Location $endpointLocation -Subnet $subnet -PrivateLinkServiceConnection $connection{{by_manual_request}}{{tags}} | Out-Null
                break
            } catch {
                if ($attempt -ge 6 -or "$_" -notmatch 'AccountProvisioningStateInvalid|state Accepted') { throw }
                Write-Host "  the resource is still settling (attempt ${attempt}/6): retrying in ${delay} seconds..."
                Start-Sleep -Seconds $delay
                $delay = $delay * 2
            }
        }
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
{{?manual}}
Write-Host '  The connection stays Pending until the resource owner approves it. The owner runs:'
Write-Host {{list_command}}
Write-Host '    Approve-AzPrivateEndpointConnection -ResourceId <the id printed> -Description Approved'
{{/manual}}
