echo '  A records to create in your DNS servers, each in its privatelink zone ({{zones}}) by its name there:'
az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --query customDnsConfigs --output json |
  jq -r --argjson zones {{record_zones}} '.[] as $config
    | ([$zones[] | select(.public as $public | $config.fqdn | endswith("." + $public))] | first) as $zone
    | if $zone == null then "    \($config.fqdn)  A  \($config.ipAddresses[0])  (no zone known for this name)"
      else "    \($config.fqdn[0:($config.fqdn | length) - ($zone.public | length) - 1])  A  \($config.ipAddresses[0])  in \($zone.zone)" end'
