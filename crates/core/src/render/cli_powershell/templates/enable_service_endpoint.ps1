{{tenant_check}}$subnetId = {{subnet_id}}
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
