$endpoints = @(az network private-endpoint list --subscription {{subscription}} --resource-group {{resource_group}} --query '[].name' --output tsv)
Assert-AzSucceeded 'az network private-endpoint list'
if ($endpoints -contains {{name}}) {
{{?zone_group}}
    # The zone group goes first: Azure removes its A records; the zones themselves stay.
    $groups = @(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --query '[].name' --output tsv)
    Assert-AzSucceeded 'az network private-endpoint dns-zone-group list'
    foreach ($group in $groups) {
        az network private-endpoint dns-zone-group delete --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name $group --output none
        Assert-AzSucceeded 'az network private-endpoint dns-zone-group delete'
    }
{{/zone_group}}
    az network private-endpoint delete --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --output none
    Assert-AzSucceeded 'az network private-endpoint delete'
} else {
    Write-Host '  already gone: skipping.'
}
