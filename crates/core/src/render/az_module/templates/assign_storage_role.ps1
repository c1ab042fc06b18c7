$principalId = (Get-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName).Identity.PrincipalId
if (-not $principalId) { throw 'The account has no system-assigned managed identity, so it cannot reach the storage account.' }
$assigned = @(Get-AzRoleAssignment -Scope $StorageAccountId -RoleDefinitionId $StorageRoleId | Where-Object { $_.ObjectId -eq $principalId -and $_.Scope -eq $StorageAccountId })
if ($assigned.Count -gt 0) {
    Write-Host '  already assigned: skipping.'
} else {
    # A just-created identity can take minutes to be known everywhere: ARM answers PrincipalNotFound.
    for ($attempt = 1; ; $attempt++) {
        try {
            New-AzRoleAssignment -ObjectId $principalId -ObjectType 'ServicePrincipal' -RoleDefinitionId $StorageRoleId -Scope $StorageAccountId -ErrorAction Stop | Out-Null
            break
        } catch {
            if ($_.Exception.Message -notmatch 'PrincipalNotFound|does not exist in the directory') { throw }
            if ($attempt -ge 30) { throw 'The identity was still unknown after 5 minutes: run the script again later.' }
            Write-Host "  the new identity is not known everywhere yet (check ${attempt}/30): waiting..."
            Start-Sleep -Seconds 10
        }
    }
}
