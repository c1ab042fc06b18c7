$currentSubdomain = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName
if ($currentSubdomain -eq $CustomSubdomain) {
    Write-Host '  already set: skipping.'
} elseif ($currentSubdomain) {
    throw "The account already has the custom subdomain '${currentSubdomain}', which can never be changed."
} else {
    Assert-SubdomainAvailable
{{set_command}}
    Wait-AccountSucceeded
}
Write-Host "  endpoint: https://${CustomSubdomain}.{{suffix}}/"
