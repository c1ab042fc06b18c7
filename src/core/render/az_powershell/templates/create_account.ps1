$groupExists = az group exists --name $ResourceGroup
Assert-AzSucceeded 'az group exists'
if ($groupExists -ne 'true') {
    az group create --name $ResourceGroup --location $Location --output none
    Assert-AzSucceeded 'az group create'
}
$existingNames = @(az cognitiveservices account list --resource-group $ResourceGroup --query '[].name' --output tsv)
Assert-AzSucceeded 'az cognitiveservices account list'
if ($existingNames -contains $AccountName) {
    Write-Host '  the account exists: skipping creation.'
{{?subdomain}}
{{existing_subdomain_check}}
{{/subdomain}}
} else {
{{?subdomain}}
    Assert-SubdomainAvailable
{{/subdomain}}
    $createArguments = @('--name', $AccountName, '--resource-group', $ResourceGroup, '--location', $Location, '--kind', $AccountKind, '--sku', $SkuName, '--yes', '--output', 'none')
{{?subdomain}}
    $createArguments += @('--custom-domain', $CustomSubdomain)
{{/subdomain}}
    az cognitiveservices account create @createArguments
    Assert-AzSucceeded 'az cognitiveservices account create'
    Wait-AccountSucceeded
}
{{?subdomain}}
Write-Host "  endpoint: https://${CustomSubdomain}.{{suffix}}/"
{{/subdomain}}
