Write-Host '  A records to create in your DNS servers (in the privatelink zones: {{zones}}):'
Set-AzContext -Subscription {{subscription}} | Out-Null
try {
    $endpoint = Get-AzPrivateEndpoint -ResourceGroupName {{resource_group}} -Name {{name}}
    foreach ($config in $endpoint.CustomDnsConfigs) { Write-Host "    $($config.Fqdn)  A  $($config.IpAddresses[0])" }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
Write-Host '  Or conditional forwarders to Azure DNS ({{azure_dns}}) on a resolver inside the virtual network, for: {{forwarded}}'
