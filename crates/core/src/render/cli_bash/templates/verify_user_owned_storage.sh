linked_storage=$(az rest --method get --url "$ACCOUNT_URL" --output json | jq -r '.properties.userOwnedStorage // [] | .[].resourceId')
principal_id=$(az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --query 'identity.principalId' --output tsv)
assigned=$(az role assignment list --scope "$STORAGE_ACCOUNT_ID" --role "$STORAGE_ROLE_ID" --query '[].principalId' --output tsv)
problems=0
if grep -qixF "$STORAGE_ACCOUNT_ID" <<<"$linked_storage"; then
  echo "  userOwnedStorage: ${STORAGE_ACCOUNT_ID}"
else
  echo "  userOwnedStorage does not list ${STORAGE_ACCOUNT_ID} (it lists: ${linked_storage:-nothing})." >&2
  problems=1
fi
if [ -n "$principal_id" ] && grep -qixF "$principal_id" <<<"$assigned"; then
  echo "  the account's identity ${principal_id} holds {{role_name}} on ${STORAGE_ACCOUNT_NAME}."
else
  echo "  the account's identity (${principal_id:-none}) does not hold {{role_name}} on ${STORAGE_ACCOUNT_NAME}." >&2
  problems=1
fi
if [ "$problems" -ne 0 ]; then
  exit 1
fi
