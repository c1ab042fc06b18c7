$subnetId = {{subnet_id}}
{{?other_tenant}}
# The subnet is in another Entra tenant: az reaches it only if this sign-in lists its subscription.
$subnetSubscription = {{subscription_id}}
$subnetTenant = {{tenant_id}}
$knownSubscriptions = @(az account list --query '[].id' --output tsv)
Assert-AzSucceeded 'az account list'
if (-not ($knownSubscriptions -contains $subnetSubscription)) {
    throw ('Subscription ' + $subnetSubscription + ' is not in this sign-in: run az login --tenant ' + $subnetTenant + ', then this script again.')
}
{{/other_tenant}}
$endpoints = @(az network vnet subnet show --ids $subnetId --query 'serviceEndpoints[].service' --output tsv)
Assert-AzSucceeded 'az network vnet subnet show'
if ($endpoints -contains 'Microsoft.CognitiveServices') {
    Write-Host '  already enabled: skipping.'
} else {
    # The update replaces the list: pass the existing endpoints along with the new one.
    $services = @($endpoints | Where-Object { $_ }) + 'Microsoft.CognitiveServices'
    az network vnet subnet update --ids $subnetId --service-endpoints $services --output none
    Assert-AzSucceeded 'az network vnet subnet update'
}
