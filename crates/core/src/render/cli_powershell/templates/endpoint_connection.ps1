$connectionId = {{connection_id}}
$connectionIds = @(az network private-endpoint-connection list --id {{resource_id}} --query '[].id' --output tsv)
Assert-AzSucceeded 'az network private-endpoint-connection list'
{{!delete}}
if ($connectionIds -notcontains $connectionId) {
    throw {{not_found}}
}
$status = az network private-endpoint-connection show --id $connectionId --query properties.privateLinkServiceConnectionState.status --output tsv
Assert-AzSucceeded 'az network private-endpoint-connection show'
if ($status -eq {{status}}) {
    Write-Host {{already}}
} else {
    Write-Host ({{doing}} + $status + '.')
    az network private-endpoint-connection {{verb}} --id $connectionId --description {{description}} --output none
    Assert-AzSucceeded 'az network private-endpoint-connection {{verb}}'
}
{{/delete}}
{{?delete}}
if ($connectionIds -contains $connectionId) {
    # DESTRUCTIVE: the endpoint's owner must request a new connection.
    Write-Host ({{removes}} + $connectionId)
    az network private-endpoint-connection delete --id $connectionId --yes --output none
    Assert-AzSucceeded 'az network private-endpoint-connection delete'
} else {
    Write-Host '  already gone: skipping.'
}
{{/delete}}
