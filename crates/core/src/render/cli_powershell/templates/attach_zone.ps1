$zoneId = {{zone_id}}
# An endpoint has at most one zone group, of any name: add to the one it has.
$groupName = az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --query '[0].name' --output tsv
Assert-AzSucceeded 'az network private-endpoint dns-zone-group list'
$attached = @(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --query '[].privateDnsZoneConfigs[].privateDnsZoneId' --output tsv)
Assert-AzSucceeded 'az network private-endpoint dns-zone-group list'
if ($attached -contains $zoneId) {
    Write-Host '  {{zone}} already attached: skipping.'
} elseif (-not $groupName) {
    az network private-endpoint dns-zone-group create --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name default --private-dns-zone $zoneId --zone-name {{config_name}} --output none
    Assert-AzSucceeded 'az network private-endpoint dns-zone-group create'
} else {
    az network private-endpoint dns-zone-group add --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name $groupName --private-dns-zone $zoneId --zone-name {{config_name}} --output none
    Assert-AzSucceeded 'az network private-endpoint dns-zone-group add'
}
