$groupExists = az group exists --name $ResourceGroup
Assert-AzSucceeded 'az group exists'
if ($groupExists -ne 'true') {
    az group create --name $ResourceGroup --location $Location{{tags}} --output none
    Assert-AzSucceeded 'az group create'
}
$existingNames = @(az cognitiveservices account list --resource-group $ResourceGroup --query '[].name' --output tsv)
Assert-AzSucceeded 'az cognitiveservices account list'
if ($existingNames -contains $AccountName) {
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
    $storageLocation = az storage account show --ids $StorageAccountId --query location --output tsv
    if ($LASTEXITCODE -ne 0) {
        throw "Storage account ${StorageAccountName} cannot be read: it must exist, and you need access to it."
    }
    if ($storageLocation -ne $Location) {
        Write-Host "  Warning: storage account ${StorageAccountName} is in ${storageLocation}, the account goes to ${Location}. That works, but the same region is recommended (lower latency; text to speech reaches the storage account over the public internet)."
    }
{{/storage}}
{{?subdomain}}
    Assert-SubdomainAvailable
{{/subdomain}}
    $createArguments = @('--name', $AccountName, '--resource-group', $ResourceGroup, '--location', $Location, '--kind', $AccountKind, '--sku', $SkuName, '--yes', '--output', 'none'){{tags_appended}}
{{?subdomain}}
    $createArguments += @('--custom-domain', $CustomSubdomain)
{{/subdomain}}
{{?storage}}
    # Bring your own storage: --storage takes strict JSON, and Windows PowerShell 5.1 would strip its
    # double quotes on the way to az (a .cmd file), so it travels in a temporary file.
    $storageFile = New-TemporaryFile
    try {
        [System.IO.File]::WriteAllText($storageFile.FullName, (ConvertTo-Json -InputObject @(@{ resourceId = $StorageAccountId }) -Compress))
        $createArguments += @('--assign-identity', '--storage', "@$($storageFile.FullName)")
        az cognitiveservices account create @createArguments
        Assert-AzSucceeded 'az cognitiveservices account create'
    } finally {
        Remove-Item -LiteralPath $storageFile.FullName -Force
    }
{{/storage}}
{{!storage}}
    az cognitiveservices account create @createArguments
    Assert-AzSucceeded 'az cognitiveservices account create'
{{/storage}}
    Wait-AccountSucceeded
}
{{?subdomain}}
Write-Host "  endpoint: https://${CustomSubdomain}.{{suffix}}/"
{{/subdomain}}
