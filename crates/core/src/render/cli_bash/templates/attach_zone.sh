zone_id={{zone_id}}
# An endpoint has at most one zone group, of any name: add to the one it has.
group_name=$(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
  --query '[0].name' --output tsv)
attached=$(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
  --query '[].privateDnsZoneConfigs[].privateDnsZoneId' --output tsv)
if grep -qixF "$zone_id" <<<"$attached"; then
  echo '  {{zone}} already attached: skipping.'
elif [ -z "$group_name" ]; then
  az network private-endpoint dns-zone-group create --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
    --name default --private-dns-zone "$zone_id" --zone-name {{config_name}} --output none
else
  az network private-endpoint dns-zone-group add --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} \
    --name "$group_name" --private-dns-zone "$zone_id" --zone-name {{config_name}} --output none
fi
