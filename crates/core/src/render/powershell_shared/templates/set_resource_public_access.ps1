$resourcePath = {{path}}
$access = (Invoke-ArmRequest -Method 'GET' -Path $resourcePath).properties.publicNetworkAccess
if (-not $access) { $access = 'Enabled' }
if ($access -ceq {{quoted}}) {
    Write-Host '  already {{value}}: skipping.'
} else {
{{?hub_storage}}
    # The hub reaches its default storage through the trusted-services exception or a
    # resource-instance rule for the workspace, not through the private endpoint: without either,
    # closing would cut the hub off its storage.
    $storageAcls = (Invoke-ArmRequest -Method 'GET' -Path $resourcePath).properties.networkAcls
    $trustedServices = $storageAcls -and (@(([string]$storageAcls.bypass) -split ',' | ForEach-Object { $_.Trim() }) -contains 'AzureServices')
    $hubRule = $storageAcls -and (@($storageAcls.resourceAccessRules | ForEach-Object { $_.resourceId }) -contains {{hub_id}})
    if (-not ($trustedServices -or $hubRule)) {
        throw {{hub_storage_stop}}
    }
{{/hub_storage}}
{{?guarded}}
{{guard}}
{{/guarded}}
    $payload = @{ properties = @{ publicNetworkAccess = {{quoted}} } } | ConvertTo-Json -Compress
    Invoke-ArmRequest -Method 'PATCH' -Path $resourcePath -Payload $payload | Out-Null
}
