found_kind=$(az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --query kind --output tsv)
if [ "$found_kind" != "$ACCOUNT_KIND" ]; then
  echo "Warning: the account's kind is ${found_kind}, not ${ACCOUNT_KIND}." >&2
fi
# Kept before the first change: the way back starts from this file (see the header).
settings_file="network-settings-before-$(date -u +%Y%m%dT%H%M%SZ).json"
az rest --method get --url "$ACCOUNT_URL" --output json >"$settings_file"
echo "  saved the account's current settings to ${settings_file}"
