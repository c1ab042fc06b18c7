$storage = (az storage account show --ids $StorageAccountId --output json) -join "`n" | ConvertFrom-Json
Assert-AzSucceeded 'az storage account show'
if ($storage.allowSharedKeyAccess -eq $false -and $storage.allowBlobPublicAccess -eq $false) {
    Write-Host '  shared-key and anonymous access are off already: skipping.'
} else {
    az storage account update --ids $StorageAccountId --allow-shared-key-access false --allow-blob-public-access false --output none
    Assert-AzSucceeded 'az storage account update'
}
# The resource-instance rule goes in before Deny, so the account is never shut out.
$tenantId = az account show --query tenantId --output tsv
Assert-AzSucceeded 'az account show'
$accountId = "/subscriptions/${SubscriptionId}/resourceGroups/${ResourceGroup}/providers/Microsoft.CognitiveServices/accounts/${AccountName}"
if (@($storage.networkRuleSet.resourceAccessRules | Where-Object { $_.resourceId -eq $accountId }).Count -gt 0) {
    Write-Host '  the account is let through the storage firewall already: skipping.'
} else {
    az storage account network-rule add --subscription $StorageSubscriptionId --resource-group $StorageResourceGroup --account-name $StorageAccountName --resource-id $accountId --tenant-id $tenantId --output none
    Assert-AzSucceeded 'az storage account network-rule add'
}
if ($storage.networkRuleSet.defaultAction -eq 'Deny') {
    Write-Host '  the storage firewall denies by default already: skipping.'
} else {
    # Only the default action changes: the storage account's IP, subnet and resource rules stay.
    az storage account update --ids $StorageAccountId --default-action Deny --output none
    Assert-AzSucceeded 'az storage account update'
}
