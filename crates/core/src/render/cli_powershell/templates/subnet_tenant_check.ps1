# The subnet is in another Entra tenant: az reaches it only if this sign-in lists its subscription.
$subnetSubscription = {{subscription_id}}
$subnetTenant = {{tenant_id}}
$knownSubscriptions = @(az account list --query '[].id' --output tsv)
Assert-AzSucceeded 'az account list'
if (-not ($knownSubscriptions -contains $subnetSubscription)) {
    throw ('Subscription ' + $subnetSubscription + ' is not in this sign-in: run az login --tenant ' + $subnetTenant + ', then this script again.')
}
