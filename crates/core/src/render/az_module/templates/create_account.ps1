if (-not (Get-AzResourceGroup -Name $ResourceGroup -ErrorAction SilentlyContinue)) {
    New-AzResourceGroup -Name $ResourceGroup -Location $Location{{tags}} | Out-Null
}
if (Get-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName -ErrorAction SilentlyContinue) {
    Write-Host '  the account exists: skipping creation.'
{{?subdomain}}
{{existing_subdomain_check}}
{{/subdomain}}
{{?storage}}
{{existing_storage_check}}
{{/storage}}
} else {
{{?storage}}
    # The storage account must exist. Another region works, but the same one is recommended.
    Set-AzContext -Subscription $StorageSubscriptionId | Out-Null
    try {
        $storageLocation = (Get-AzStorageAccount -ResourceGroupName $StorageResourceGroup -Name $StorageAccountName).Location
    } finally {
        Set-AzContext -Subscription $SubscriptionId | Out-Null
    }
    if ($storageLocation -ne $Location) {
        Write-Host "  Warning: storage account ${StorageAccountName} is in ${storageLocation}, the account goes to ${Location}. That works, but the same region is recommended (lower latency; text to speech reaches the storage account over the public internet)."
    }
{{/storage}}
{{?subdomain}}
    Assert-SubdomainAvailable
{{/subdomain}}
    $newAccount = @{
        ResourceGroupName = $ResourceGroup
        Name = $AccountName
        Type = $AccountKind
        SkuName = $SkuName
        Location = $Location
{{?subdomain}}
        CustomSubdomainName = $CustomSubdomain
{{/subdomain}}
{{?storage}}
        AssignIdentity = $true
        StorageAccountId = @($StorageAccountId)
{{/storage}}
{{?tagged}}
        Tag = $Tags
{{/tagged}}
        Force = $true
    }
    New-AzCognitiveServicesAccount @newAccount | Out-Null
    Wait-AccountSucceeded
}
{{?subdomain}}
Write-Host "  endpoint: https://${CustomSubdomain}.{{suffix}}/"
{{/subdomain}}
