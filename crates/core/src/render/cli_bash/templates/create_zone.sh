# "zone create" fails when the zone exists: look first, and reuse it.
if az network private-dns zone show --subscription {{subscription}} --resource-group {{resource_group}} --name {{zone}} --output none 2>/dev/null; then
  echo '  the zone exists: reusing it.'
else
  az network private-dns zone create --subscription {{subscription}} --resource-group {{resource_group}} --name {{zone}}{{tags}} --output none
fi
