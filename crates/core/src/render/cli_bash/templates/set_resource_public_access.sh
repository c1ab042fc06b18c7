resource_url={{url}}
current_access=$(az rest --method get --url "$resource_url" --query 'properties.publicNetworkAccess' --output tsv)
if [ "${current_access:-Enabled}" = {{quoted}} ]; then
  echo '  already {{value}}: skipping.'
else
{{?hub_storage}}
  # The hub reaches its default storage through the trusted-services exception or a
  # resource-instance rule for the workspace, not through the private endpoint: without either,
  # closing would cut the hub off its storage.
  storage_bypass=$(az rest --method get --url "$resource_url" --query 'properties.networkAcls.bypass' --output tsv)
  storage_rules=$(az rest --method get --url "$resource_url" --query 'properties.networkAcls.resourceAccessRules[].resourceId' --output tsv)
  if ! printf '%s\n' "$storage_bypass" | grep -qi 'AzureServices' && ! printf '%s\n' "$storage_rules" | grep -qixF {{hub_id}}; then
    echo {{hub_storage_stop}} >&2
    exit 1
  fi
{{/hub_storage}}
{{?guarded}}
{{guard}}
{{/guarded}}
  az rest --method patch --url "$resource_url" --body {{body}} --output none
fi
