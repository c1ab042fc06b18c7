subnet_id={{subnet_id}}
{{?other_tenant}}
# The subnet is in another Entra tenant: az reaches it only if this sign-in lists its subscription.
subnet_subscription={{subscription_id}}
subnet_tenant={{tenant_id}}
known_subscriptions=$(az account list --query '[].id' --output tsv)
if ! grep -qixF "$subnet_subscription" <<<"$known_subscriptions"; then
  echo "  subscription $subnet_subscription is not in this sign-in: run az login --tenant $subnet_tenant, then this script again." >&2
  exit 1
fi
{{/other_tenant}}
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
