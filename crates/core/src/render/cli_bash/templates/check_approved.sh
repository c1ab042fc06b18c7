# Manual approval: only an Approved endpoint carries traffic, so close only once it is.
approval=$(az network private-endpoint show --subscription {{subscription}} --resource-group {{resource_group}} --name {{name}} --query 'manualPrivateLinkServiceConnections[0].privateLinkServiceConnectionState.status' --output tsv)
if [ "$approval" != Approved ]; then
  echo "Stopped before closing public access: the connection of private endpoint "{{name}}" is ${approval:-not found}, not Approved, and only an Approved endpoint carries traffic. The resource's owner must approve it first (the endpoint's step printed how). Then run this same script again: it skips what is done and closes public access." >&2
  exit 1
fi
echo '  private endpoint '{{name}}' is Approved.'
