connection_id={{connection_id}}
connection_ids=$(az network private-endpoint-connection list --id {{resource_id}} --query '[].id' --output tsv)
{{!delete}}
if ! grep -qixF -- "$connection_id" <<<"$connection_ids"; then
  echo {{not_found}} >&2
  exit 1
fi
status=$(az network private-endpoint-connection show --id "$connection_id" --query properties.privateLinkServiceConnectionState.status --output tsv)
if [ "$status" = {{status}} ]; then
  echo {{already}}
else
  echo {{doing}}"$status."
  az network private-endpoint-connection {{verb}} --id "$connection_id" --description {{description}} --output none
fi
{{/delete}}
{{?delete}}
if grep -qixF -- "$connection_id" <<<"$connection_ids"; then
  # DESTRUCTIVE: the endpoint's owner must request a new connection.
  echo {{removes}}"$connection_id"
  az network private-endpoint-connection delete --id "$connection_id" --yes --output none
else
  echo '  already gone: skipping.'
fi
{{/delete}}
