Write-Host '  A records to create in your DNS servers, each in its privatelink zone ({{zones}}) by its name there:'
$configs = (az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --query customDnsConfigs --output json) -join "`n" | ConvertFrom-Json
Assert-AzSucceeded 'az network private-endpoint show'
$recordZones = {{record_zones}} | ConvertFrom-Json
foreach ($config in $configs) {
    $zone = $recordZones | Where-Object { $config.fqdn.EndsWith('.' + $_.public, [System.StringComparison]::OrdinalIgnoreCase) } | Select-Object -First 1
    if ($null -eq $zone) { Write-Host "    $($config.fqdn)  A  $($config.ipAddresses[0])  (no zone known for this name)" }
    else { Write-Host "    $($config.fqdn.Substring(0, $config.fqdn.Length - $zone.public.Length - 1))  A  $($config.ipAddresses[0])  in $($zone.zone)" }
}
