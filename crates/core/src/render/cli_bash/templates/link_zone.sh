# A zone links to a virtual network once, under any name: look for a link to it first.
vnet_id={{vnet_id}}
links=$(az network private-dns link vnet list --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --output json)
linked_as=$(jq -r --arg id "$vnet_id" 'map(select((.virtualNetwork.id // "" | ascii_downcase) == ($id | ascii_downcase)) | .name) | first // empty' <<<"$links")
if [ -n "$linked_as" ]; then
  echo "  already linked to this virtual network as ${linked_as}: skipping."
else
  az network private-dns link vnet create --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --name {{link}} \
    --virtual-network "$vnet_id" --registration-enabled false{{tags}} --output none
fi
