if (-not (Get-AzResourceGroup -Name $ResourceGroup -ErrorAction SilentlyContinue)) {
    New-AzResourceGroup -Name $ResourceGroup -Location $Location | Out-Null
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
        Force = $true
    }
    New-AzCognitiveServicesAccount @newAccount | Out-Null
    Wait-AccountSucceeded
}
{{?subdomain}}
Write-Host "  endpoint: https://${CustomSubdomain}.{{suffix}}/"
{{/subdomain}}
