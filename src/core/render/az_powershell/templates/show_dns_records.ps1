Write-Host '  A records to create in your DNS servers (in the privatelink zones: {{zones}}):'
$configs = (az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --query customDnsConfigs --output json) -join "`n" | ConvertFrom-Json
Assert-AzSucceeded 'az network private-endpoint show'
foreach ($config in $configs) { Write-Host "    $($config.fqdn)  A  $($config.ipAddresses[0])" }
Write-Host '  Or conditional forwarders to Azure DNS ({{azure_dns}}) on a resolver inside the virtual network, for: {{forwarded}}'
