$subnetId = {{subnet_id}}
$policies = az network vnet subnet show --ids $subnetId --query privateEndpointNetworkPolicies --output tsv
Assert-AzSucceeded 'az network vnet subnet show'
if ($policies -eq 'Disabled') {
    Write-Host '  already Disabled: skipping.'
} else {
    # az reads the complete subnet and writes it back with only this property changed.
    az network vnet subnet update --ids $subnetId --private-endpoint-network-policies Disabled --output none
    Assert-AzSucceeded 'az network vnet subnet update'
}
