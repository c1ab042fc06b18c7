$access = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.publicNetworkAccess
if (-not $access) { $access = 'Enabled' }
if ($access -ceq {{quoted}}) {
    Write-Host '  already {{value}}: skipping.'
} else {
{{?guarded}}
{{guard}}
{{/guarded}}
    $payload = @{ properties = @{ publicNetworkAccess = {{quoted}} } } | ConvertTo-Json -Compress
    Invoke-ArmRequest -Method 'PATCH' -Path $AccountPath -Payload $payload | Out-Null
    Wait-AccountSucceeded
}
