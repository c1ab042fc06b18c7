# "link vnet create" fails when the link exists: look first.
if az network private-dns link vnet show --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --name {{link}} --output none 2>/dev/null; then
  echo '  already linked: skipping.'
else
  az network private-dns link vnet create --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --name {{link}} \
    --virtual-network {{vnet_id}} --registration-enabled false --output none
fi
