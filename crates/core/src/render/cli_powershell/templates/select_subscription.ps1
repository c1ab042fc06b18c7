$currentCloud = az cloud show --query name --output tsv
Assert-AzSucceeded 'az cloud show'
if ($currentCloud -ne $CloudName) {
    throw "The Azure CLI uses cloud ${currentCloud}. Run: az cloud set --name ${CloudName}; az login"
}
az account set --subscription $SubscriptionId
Assert-AzSucceeded 'az account set'
