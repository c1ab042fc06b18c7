principal_id=$(az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --query 'identity.principalId' --output tsv)
if [ -z "$principal_id" ]; then
  echo 'The account has no system-assigned managed identity, so it cannot reach the storage account.' >&2
  exit 1
fi
assigned=$(az role assignment list --scope "$STORAGE_ACCOUNT_ID" --role "$STORAGE_ROLE_ID" --query '[].principalId' --output tsv)
if grep -qixF "$principal_id" <<<"$assigned"; then
  echo '  already assigned: skipping.'
else
  # A just-created identity can take minutes to be known everywhere: ARM answers PrincipalNotFound.
  attempt=1
  until role_output=$(az role assignment create --assignee-object-id "$principal_id" --assignee-principal-type ServicePrincipal \
    --role "$STORAGE_ROLE_ID" --scope "$STORAGE_ACCOUNT_ID" --output none 2>&1); do
    case "$role_output" in
      *PrincipalNotFound* | *'does not exist in the directory'*) ;;
      *)
        printf '%s\n' "$role_output" >&2
        exit 1
        ;;
    esac
    if [ "$attempt" -ge 30 ]; then
      echo 'The identity was still unknown after 5 minutes: run the script again later.' >&2
      exit 1
    fi
    echo "  the new identity is not known everywhere yet (check ${attempt}/30): waiting..."
    attempt=$((attempt + 1))
    sleep 10
  done
fi
