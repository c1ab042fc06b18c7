group_exists=$(az group exists --name "$RESOURCE_GROUP")
if [ "$group_exists" != 'true' ]; then
  az group create --name "$RESOURCE_GROUP" --location "$LOCATION"{{tags}} --output none
fi
if az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --output none 2>/dev/null; then
  echo '  the account exists: skipping creation.'
{{?subdomain}}
  current_subdomain=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.customSubDomainName' --output tsv)
  if [ "$(lowercase "$current_subdomain")" != "$(lowercase "$CUSTOM_SUBDOMAIN")" ]; then
    echo "The account exists with the custom subdomain '${current_subdomain:-(none)}', not '${CUSTOM_SUBDOMAIN}'. In the wizard, choose that the resource exists already." >&2
    exit 1
  fi
{{/subdomain}}
{{?storage}}
  linked_storage=$(az rest --method get --url "$ACCOUNT_URL" --output json | jq -r '.properties.userOwnedStorage // [] | .[].resourceId')
  if ! grep -qixF "$STORAGE_ACCOUNT_ID" <<<"$linked_storage"; then
    echo "The account exists without storage account ${STORAGE_ACCOUNT_NAME}, and storage can only be chosen when an account is created. Choose a new account name." >&2
    exit 1
  fi
{{/storage}}
else
{{?storage}}
  # The storage account must exist. Another region works, but the same one is recommended.
  if ! storage_location=$(az storage account show --ids "$STORAGE_ACCOUNT_ID" --query location --output tsv); then
    echo "Storage account ${STORAGE_ACCOUNT_NAME} cannot be read: it must exist, and you need access to it." >&2
    exit 1
  fi
  if [ "$(lowercase "$storage_location")" != "$(lowercase "$LOCATION")" ]; then
    echo "  Warning: storage account ${STORAGE_ACCOUNT_NAME} is in ${storage_location}, the account goes to ${LOCATION}. That works, but the same region is recommended (lower latency; text to speech reaches the storage account over the public internet)."
  fi
{{?subdomain}}
  check_subdomain_available
{{/subdomain}}
  # Bring your own storage: --storage takes strict JSON; jq writes it with every quote in place.
  storage_json=$(jq -c -n --arg id "$STORAGE_ACCOUNT_ID" '[{resourceId: $id}]')
  az cognitiveservices account create --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" \
    --location "$LOCATION" --kind "$ACCOUNT_KIND" --sku "$SKU"{{domain_flag}} \
    --assign-identity --storage "$storage_json"{{tags}} --yes --output none
{{/storage}}
{{!storage}}
{{?subdomain}}
  check_subdomain_available
  az cognitiveservices account create --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" \
    --location "$LOCATION" --kind "$ACCOUNT_KIND" --sku "$SKU" --custom-domain "$CUSTOM_SUBDOMAIN"{{tags}} --yes --output none
{{/subdomain}}
{{!subdomain}}
  az cognitiveservices account create --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" \
    --location "$LOCATION" --kind "$ACCOUNT_KIND" --sku "$SKU"{{tags}} --yes --output none
{{/subdomain}}
{{/storage}}
  wait_for_account
fi
{{?subdomain}}
echo "  endpoint: https://${CUSTOM_SUBDOMAIN}.{{suffix}}/"
{{/subdomain}}
