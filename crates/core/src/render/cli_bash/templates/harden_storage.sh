storage_account=$(az storage account show --ids "$STORAGE_ACCOUNT_ID" --output json)
if [ "$(jq -r '.allowSharedKeyAccess' <<<"$storage_account")" = false ] &&
  [ "$(jq -r '.allowBlobPublicAccess' <<<"$storage_account")" = false ]; then
  echo '  shared-key and anonymous access are off already: skipping.'
else
  az storage account update --ids "$STORAGE_ACCOUNT_ID" --allow-shared-key-access false --allow-blob-public-access false --output none
fi
# The resource-instance rule goes in before Deny, so the account is never shut out.
tenant_id=$(az account show --query tenantId --output tsv)
account_id="/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/${ACCOUNT_NAME}"
allowed_resources=$(jq -r '.networkRuleSet.resourceAccessRules // [] | .[].resourceId' <<<"$storage_account")
if grep -qixF "$account_id" <<<"$allowed_resources"; then
  echo '  the account is let through the storage firewall already: skipping.'
else
  az storage account network-rule add --subscription "$STORAGE_SUBSCRIPTION_ID" --resource-group "$STORAGE_RESOURCE_GROUP" \
    --account-name "$STORAGE_ACCOUNT_NAME" --resource-id "$account_id" --tenant-id "$tenant_id" --output none
fi
if [ "$(jq -r '.networkRuleSet.defaultAction' <<<"$storage_account")" = Deny ]; then
  echo '  the storage firewall denies by default already: skipping.'
else
  # Only the default action changes: the storage account's IP, subnet and resource rules stay.
  az storage account update --ids "$STORAGE_ACCOUNT_ID" --default-action Deny --output none
fi
