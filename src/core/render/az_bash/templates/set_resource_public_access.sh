resource_url={{url}}
current_access=$(az rest --method get --url "$resource_url" --query 'properties.publicNetworkAccess' --output tsv)
if [ "${current_access:-Enabled}" = {{quoted}} ]; then
  echo '  already {{value}}: skipping.'
else
{{?guard}}
{{guard}}
{{/guard}}
  az rest --method patch --url "$resource_url" --body {{body}} --output none
fi
