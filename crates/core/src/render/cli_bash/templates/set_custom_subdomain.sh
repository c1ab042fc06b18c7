current_subdomain=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.customSubDomainName' --output tsv)
if [ "$(lowercase "$current_subdomain")" = "$(lowercase "$CUSTOM_SUBDOMAIN")" ]; then
  echo '  already set: skipping.'
elif [ -n "$current_subdomain" ]; then
  echo "The account already has the custom subdomain '${current_subdomain}', which can never be changed." >&2
  exit 1
else
  check_subdomain_available
  az cognitiveservices account update --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --custom-domain "$CUSTOM_SUBDOMAIN" --output none
  wait_for_account
fi
echo "  endpoint: https://${CUSTOM_SUBDOMAIN}.{{suffix}}/"
