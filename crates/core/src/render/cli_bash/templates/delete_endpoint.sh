if az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --output none 2>/dev/null; then
{{?zone_group}}
  # The zone group goes first: Azure removes its A records; the zones themselves stay.
  groups=$(az network private-endpoint dns-zone-group list --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --query '[].name' --output tsv)
  for group in $groups; do
    az network private-endpoint dns-zone-group delete --subscription {{subscription}} --resource-group {{resource_group}} --endpoint-name {{name}} --name "$group" --output none
  done
{{/zone_group}}
  az network private-endpoint delete --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --output none
else
  echo '  already gone: skipping.'
fi
