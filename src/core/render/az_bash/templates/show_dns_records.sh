echo '  A records to create in your DNS servers (in the privatelink zones: {{zones}}):'
az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --query customDnsConfigs --output json |
  jq -r '.[] | "    \(.fqdn)  A  \(.ipAddresses[0])"'
echo '  Or conditional forwarders to Azure DNS ({{azure_dns}}) on a resolver inside the virtual network, for: {{forwarded}}'
