zone_id={{zone_id}}
attached=$(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
  --query '[].privateDnsZoneConfigs[].privateDnsZoneId' --output tsv)
if grep -qixF "$zone_id" <<<"$attached"; then
  echo '  {{zone}} already attached: skipping.'
elif [ -z "$attached" ]; then
  az network private-endpoint dns-zone-group create --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
    --name default --private-dns-zone "$zone_id" --zone-name {{config_name}} --output none
else
  az network private-endpoint dns-zone-group add --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
    --name default --private-dns-zone "$zone_id" --zone-name {{config_name}} --output none
fi
