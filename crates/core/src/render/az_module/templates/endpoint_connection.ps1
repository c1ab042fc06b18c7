$connectionId = {{connection_id}}
$connection = @(Get-AzPrivateEndpointConnection -PrivateLinkResourceId {{resource_id}}) | Where-Object { $_.Id -eq $connectionId }
{{!delete}}
if (-not $connection) {
    throw {{not_found}}
}
$status = $connection.PrivateLinkServiceConnectionState.Status
if ($status -eq {{status}}) {
    Write-Host {{already}}
} else {
    Write-Host ({{doing}} + $status + '.')
    {{cmdlet}} -ResourceId $connectionId -Description {{description}} | Out-Null
}
{{/delete}}
{{?delete}}
if ($connection) {
    # DESTRUCTIVE: the endpoint's owner must request a new connection.
    Write-Host ({{removes}} + $connectionId)
    Remove-AzPrivateEndpointConnection -ResourceId $connectionId -Force | Out-Null
} else {
    Write-Host '  already gone: skipping.'
}
{{/delete}}
