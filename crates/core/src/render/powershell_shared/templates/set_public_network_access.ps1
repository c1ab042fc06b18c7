$access = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.publicNetworkAccess
if (-not $access) { $access = 'Enabled' }
if ($access -ceq {{quoted}}) {
    Write-Host '  already {{value}}: skipping.'
} else {
{{?guard}}
{{guard}}
{{/guard}}
    $payload = @{ properties = @{ publicNetworkAccess = {{quoted}} } } | ConvertTo-Json -Compress
    Invoke-ArmRequest -Method 'PATCH' -Path $AccountPath -Payload $payload | Out-Null
    Wait-AccountSucceeded
}
