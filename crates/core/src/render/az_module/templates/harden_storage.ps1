$tenantId = (Get-AzContext).Tenant.Id
$accountId = "/subscriptions/${SubscriptionId}/resourceGroups/${ResourceGroup}/providers/Microsoft.CognitiveServices/accounts/${AccountName}"
Set-AzContext -Subscription $StorageSubscriptionId | Out-Null
try {
    $storage = Get-AzStorageAccount -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName
    if ($storage.AllowSharedKeyAccess -eq $false -and $storage.AllowBlobPublicAccess -eq $false) {
        Write-Host '  shared-key and anonymous access are off already: skipping.'
    } else {
        Set-AzStorageAccount -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName -AllowSharedKeyAccess $false -AllowBlobPublicAccess $false | Out-Null
    }
    # The resource-instance rule goes in before Deny, so the account is never shut out.
    $rules = Get-AzStorageAccountNetworkRuleSet -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName
    if (@($rules.ResourceAccessRules | Where-Object { $_.ResourceId -eq $accountId }).Count -gt 0) {
        Write-Host '  the account is let through the storage firewall already: skipping.'
    } else {
        Add-AzStorageAccountNetworkRule -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName -TenantId $tenantId -ResourceId $accountId | Out-Null
    }
    if ($rules.DefaultAction -eq 'Deny') {
        Write-Host '  the storage firewall denies by default already: skipping.'
    } else {
        # Only the default action changes: the storage account's IP, subnet and resource rules stay.
        Update-AzStorageAccountNetworkRuleSet -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName -DefaultAction Deny | Out-Null
    }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
