# Whoever runs this needs access to that subscription (Connect-AzAccount -Tenant too if it is another tenant).
Set-AzContext -Subscription {{subscription_id}} | Out-Null
try {
    Register-AzResourceProvider -ProviderNamespace 'Microsoft.CognitiveServices' | Out-Null
    $state = ''
    for ($attempt = 1; $attempt -le 60; $attempt++) {
        $state = @(Get-AzResourceProvider -ProviderNamespace 'Microsoft.CognitiveServices')[0].RegistrationState
        if ($state -eq 'Registered') { break }
        Write-Host "  waiting for the registration (state: ${state}, check ${attempt}/60)..."
        Start-Sleep -Seconds 10
    }
    if ($state -ne 'Registered') { throw 'Microsoft.CognitiveServices was not registered within 10 minutes.' }
} finally {
    Set-AzContext -Subscription $SubscriptionId | Out-Null
}
