# "zone create" fails when the zone exists: look first, and reuse it.
$zones = @(az network private-dns zone list --subscription {{subscription}} --resource-group {{resource_group}} --query '[].name' --output tsv)
Assert-AzSucceeded 'az network private-dns zone list'
if ($zones -contains {{zone}}) {
    Write-Host '  the zone exists: reusing it.'
} else {
    az network private-dns zone create --subscription {{subscription}} --resource-group {{resource_group}} --name {{zone}}{{tags}} --output none
    Assert-AzSucceeded 'az network private-dns zone create'
}
