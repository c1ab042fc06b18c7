
# Waits until the account's provisioning state is Succeeded (10 minutes at most).
function Wait-AccountSucceeded {
    for ($attempt = 1; $attempt -le 60; $attempt++) {
        $state = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.provisioningState
        if ($state -eq 'Succeeded') { return }
        if ($state -in @('Failed', 'Canceled')) { throw "The account's provisioning state is ${state}." }
        Write-Host "  waiting for the account (state: ${state}, check ${attempt}/60)..."
        Start-Sleep -Seconds 10
    }
    throw 'The account did not reach Succeeded within 10 minutes.'
}

# Stops the script unless $CustomSubdomain is free (a deleted account keeps it for 48 hours).
function Assert-SubdomainAvailable {
    $body = [ordered]@{ subdomainName = $CustomSubdomain; type = 'Microsoft.CognitiveServices/accounts'; kind = $AccountKind } | ConvertTo-Json -Compress
    $result = Invoke-ArmRequest -Method 'POST' -Path "/subscriptions/${SubscriptionId}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${CognitiveApiVersion}" -Payload $body
    if (-not $result.isSubdomainAvailable) {
        throw "The custom subdomain '${CustomSubdomain}' is not available: it is taken, or reserved by a recently deleted account. Choose another one."
    }
}

# Reads the account's complete networkAcls as an ordered table (an empty rule set when it has none).
function Get-NetworkAcls {
    $current = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.networkAcls
    $acls = [ordered]@{ defaultAction = 'Allow'; ipRules = @(); virtualNetworkRules = @() }
    if ($null -ne $current) {
        if ($current.defaultAction) { $acls.defaultAction = $current.defaultAction }
        if ($current.bypass) { $acls.bypass = $current.bypass }
        if ($current.ipRules) {
            $acls.ipRules = @($current.ipRules | ForEach-Object { [ordered]@{ value = $_.value } })
        }
        if ($current.virtualNetworkRules) {
            $acls.virtualNetworkRules = @($current.virtualNetworkRules | ForEach-Object {
                    [ordered]@{ id = $_.id; ignoreMissingVnetServiceEndpoint = [bool]$_.ignoreMissingVnetServiceEndpoint }
                })
        }
    }
    return $acls
}

# Writes a complete networkAcls object (never a partial one) and waits until it is applied.
function Set-NetworkAcls {
    param([Parameter(Mandatory = $true)] $Acls)
    $payload = @{ properties = @{ networkAcls = $Acls } } | ConvertTo-Json -Depth 10 -Compress
    Invoke-ArmRequest -Method 'PATCH' -Path $AccountPath -Payload $payload | Out-Null
    Wait-AccountSucceeded
}
