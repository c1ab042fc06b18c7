{{?check_subdomain}}
current_subdomain=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.customSubDomainName' --output tsv)
if [ -z "$current_subdomain" ]; then
  echo 'The account has no custom subdomain, which a private endpoint needs: include the Custom domain step.' >&2
  exit 1
fi
{{/check_subdomain}}
if az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --output none 2>/dev/null; then
  echo '  the endpoint exists: skipping creation.'
else
  # An endpoint must be in its virtual network's region.
  endpoint_location={{location}}
  vnet_location=$(az network vnet show --ids {{vnet_id}} --query location --output tsv)
  if [ "$vnet_location" != "$endpoint_location" ]; then
    echo "The virtual network is in ${vnet_location}, not in ${endpoint_location}: a private endpoint must be in its virtual network's region. Set the endpoint's region to ${vnet_location} in the wizard." >&2
    exit 1
  fi
  # Right after the resource changed, creation can fail with "state Accepted": retry with back-off.
  error_file=$(mktemp)
  attempt=1
  delay=15
  until az network private-endpoint create --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} \
    --location "$endpoint_location" --subnet {{subnet_id}} \
    --private-connection-resource-id {{resource_id}} \
    --group-id {{group_id}} --connection-name {{connection}}{{manual_options}}{{tags}} --output none 2>"$error_file"; do
    if [ "$attempt" -ge 6 ] || ! grep -Eq 'AccountProvisioningStateInvalid|state Accepted' "$error_file"; then
      cat "$error_file" >&2
      rm -f "$error_file"
      exit 1
    fi
    echo "  the resource is still settling (attempt ${attempt}/6): retrying in ${delay} seconds..."
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
  done
  rm -f "$error_file"
fi
{{?manual}}
echo '  The connection stays Pending until the resource owner approves it. The owner runs:'
echo {{list_command}}
echo '    az network private-endpoint-connection approve --id <the id printed> --description Approved'
{{/manual}}
