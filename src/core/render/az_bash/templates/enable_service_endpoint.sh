subnet_id={{subnet_id}}
endpoints=$(az network vnet subnet show --ids "$subnet_id" --query 'serviceEndpoints[].service' --output tsv)
if grep -qx 'Microsoft.CognitiveServices' <<<"$endpoints"; then
  echo '  already enabled: skipping.'
else
  # The update replaces the list: pass the existing endpoints along with the new one.
  services=()
  if [ -n "$endpoints" ]; then mapfile -t services <<<"$endpoints"; fi
  az network vnet subnet update --ids "$subnet_id" --service-endpoints "${services[@]}" Microsoft.CognitiveServices --output none
fi
