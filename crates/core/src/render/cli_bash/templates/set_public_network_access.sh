current_access=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.publicNetworkAccess' --output tsv)
if [ "${current_access:-Enabled}" = {{quoted}} ]; then
  echo '  already {{value}}: skipping.'
else
{{?guarded}}
{{guard}}
{{/guarded}}
  az rest --method patch --url "$ACCOUNT_URL" --body {{body}} --output none
  wait_for_account
fi
