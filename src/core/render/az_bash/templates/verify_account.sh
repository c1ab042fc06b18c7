found_kind=$(az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --query kind --output tsv)
if [ "$found_kind" != "$ACCOUNT_KIND" ]; then
  echo "Warning: the account's kind is ${found_kind}, not ${ACCOUNT_KIND}." >&2
fi
