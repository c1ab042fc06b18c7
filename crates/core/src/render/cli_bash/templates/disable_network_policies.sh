subnet_id={{subnet_id}}
policies=$(az network vnet subnet show --ids "$subnet_id" --query privateEndpointNetworkPolicies --output tsv)
if [ "$policies" = 'Disabled' ]; then
  echo '  already Disabled: skipping.'
else
  # az reads the complete subnet and writes it back with only this property changed.
  az network vnet subnet update --ids "$subnet_id" --private-endpoint-network-policies Disabled --output none
fi
