Write-Host '  A records to create in your DNS servers, each in its privatelink zone ({{zones}}) by its name there:'
$recordZones = {{record_zones}} | ConvertFrom-Json
Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    $endpoint = Get-AzPrivateEndpoint -ResourceGroupName {{resource_group}} -Name {{name}}
    foreach ($config in $endpoint.CustomDnsConfigs) {
        $zone = $recordZones | Where-Object { $config.Fqdn.EndsWith('.' + $_.public, [System.StringComparison]::OrdinalIgnoreCase) } | Select-Object -First 1
        if ($null -eq $zone) { Write-Host "    $($config.Fqdn)  A  $($config.IpAddresses[0])  (no zone known for this name)" }
        else { Write-Host "    $($config.Fqdn.Substring(0, $config.Fqdn.Length - $zone.public.Length - 1))  A  $($config.IpAddresses[0])  in $($zone.zone)" }
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
