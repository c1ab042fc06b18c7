{{tenant_check}}subnet_id={{subnet_id}}
endpoints=$(az network vnet subnet show --ids "$subnet_id" --query 'serviceEndpoints[].service' --output tsv)
if grep -qx 'Microsoft.CognitiveServices' <<<"$endpoints"; then
  echo '  already enabled: skipping.'
else
  # The update replaces the list: pass the existing endpoints along with the new one.
  # (A read loop, not mapfile: bash 3.2 has none. The guarded expansion passes nothing for an
  # empty list, where bash before 4.4 would call it unbound under set -u.)
  services=()
  while IFS= read -r service; do
    if [ -n "$service" ]; then services+=("$service"); fi
  done <<<"$endpoints"
  az network vnet subnet update --ids "$subnet_id" --service-endpoints ${services[@]+"${services[@]}"} Microsoft.CognitiveServices --output none
fi
