current_cloud=$(az cloud show --query name --output tsv)
if [ "$current_cloud" != "$CLOUD" ]; then
  echo "The Azure CLI uses cloud ${current_cloud}. Run: az cloud set --name ${CLOUD} && az login" >&2
  exit 1
fi
az account set --subscription "$SUBSCRIPTION_ID"
