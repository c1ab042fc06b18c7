    $linkedStorage = @((Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.userOwnedStorage | ForEach-Object { $_.resourceId })
    if ($linkedStorage -notcontains $StorageAccountId) {
        throw "The account exists without storage account ${StorageAccountName}, and storage can only be chosen when an account is created. Choose a new account name."
    }
