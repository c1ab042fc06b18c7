$zoneId = {{zone_id}}
$attached = @(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --query '[].privateDnsZoneConfigs[].privateDnsZoneId' --output tsv)
Assert-AzSucceeded 'az network private-endpoint dns-zone-group list'
if ($attached -contains $zoneId) {
    Write-Host '  {{zone}} already attached: skipping.'
} elseif ($attached.Count -eq 0) {
    az network private-endpoint dns-zone-group create --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name default --private-dns-zone $zoneId --zone-name {{config_name}} --output none
    Assert-AzSucceeded 'az network private-endpoint dns-zone-group create'
} else {
    az network private-endpoint dns-zone-group add --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name default --private-dns-zone $zoneId --zone-name {{config_name}} --output none
    Assert-AzSucceeded 'az network private-endpoint dns-zone-group add'
}
