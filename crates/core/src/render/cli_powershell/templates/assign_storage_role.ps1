$principalId = az cognitiveservices account show --name $AccountName --resource-group $ResourceGroup --query 'identity.principalId' --output tsv
Assert-AzSucceeded 'az cognitiveservices account show'
if (-not $principalId) { throw 'The account has no system-assigned managed identity, so it cannot reach the storage account.' }
$assigned = @(az role assignment list --scope $StorageAccountId --role $StorageRoleId --query '[].principalId' --output tsv)
Assert-AzSucceeded 'az role assignment list'
if ($assigned -contains $principalId) {
    Write-Host '  already assigned: skipping.'
} else {
    # A just-created identity can take minutes to be known everywhere: ARM answers PrincipalNotFound.
    for ($attempt = 1; ; $attempt++) {
        # Windows PowerShell 5.1 turns a native command's stderr into errors, which 'Stop' throws on:
        # collect the output first, then decide.
        $ErrorActionPreference = 'Continue'
        $roleOutput = (az role assignment create --assignee-object-id $principalId --assignee-principal-type ServicePrincipal --role $StorageRoleId --scope $StorageAccountId --output none 2>&1) | Out-String
        $roleExitCode = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        if ($roleExitCode -eq 0) { break }
        if ($roleOutput -notmatch 'PrincipalNotFound|does not exist in the directory') {
            throw "az role assignment create failed (exit code ${roleExitCode}): ${roleOutput}"
        }
        if ($attempt -ge 30) { throw 'The identity was still unknown after 5 minutes: run the script again later.' }
        Write-Host "  the new identity is not known everywhere yet (check ${attempt}/30): waiting..."
        Start-Sleep -Seconds 10
    }
}
