$account = Invoke-ArmRequest -Method 'GET' -Path $AccountPath
$linkedStorage = @($account.properties.userOwnedStorage | ForEach-Object { $_.resourceId })
$principalId = $account.identity.principalId
$problems = 0
if ($linkedStorage -contains $StorageAccountId) {
    Write-Host "  userOwnedStorage: ${StorageAccountId}"
} else {
    Write-Warning "userOwnedStorage does not list ${StorageAccountId} (it lists: $($linkedStorage -join ', '))."
    $problems++
}
$assigned = @()
if ($principalId) {
    $assigned = @(Get-AzRoleAssignment -Scope $StorageAccountId -RoleDefinitionId $StorageRoleId | Where-Object { $_.ObjectId -eq $principalId -and $_.Scope -eq $StorageAccountId })
}
if ($assigned.Count -gt 0) {
    Write-Host "  the account's identity ${principalId} holds {{role_name}} on ${StorageAccountName}."
} else {
    Write-Warning "The account's identity ($principalId) does not hold {{role_name}} on ${StorageAccountName}."
    $problems++
}
if ($problems -gt 0) { throw 'The storage association is not complete: see the warnings above.' }
