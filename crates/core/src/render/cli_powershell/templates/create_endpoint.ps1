{{?check_subdomain}}
if (-not (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName) {
    throw 'The account has no custom subdomain, which a private endpoint needs: include the Custom domain step.'
}
{{/check_subdomain}}
$endpoints = @(az network private-endpoint list --subscription {{subscription}} --resource-group {{resource_group}} --query '[].name' --output tsv)
Assert-AzSucceeded 'az network private-endpoint list'
if ($endpoints -contains {{name}}) {
    Write-Host '  the endpoint exists: skipping creation.'
} else {
    # An endpoint must be in its virtual network's region.
    $endpointLocation = {{location}}
    $vnetLocation = az network vnet show --ids {{vnet_id}} --query location --output tsv
    Assert-AzSucceeded 'az network vnet show'
    if ($vnetLocation -ne $endpointLocation) {
        throw "The virtual network is in ${vnetLocation}, not in ${endpointLocation}: a private endpoint must be in its virtual network's region. Set the endpoint's region to ${vnetLocation} in the wizard."
    }
    $endpointArguments = @('--subscription', {{subscription}}, '--resource-group', {{resource_group}}, '--name', {{name}}, '--location', $endpointLocation, '--subnet', {{subnet_id}}, '--private-connection-resource-id', {{resource_id}}, '--group-id', {{group_id}}, '--connection-name', {{connection}}, '--output', 'none'){{tags_appended}}
{{?manual}}
    $endpointArguments += @('--manual-request', 'true'{{manual_options}})
{{/manual}}
{{?has_request_message}}
    # The request message may hold double quotes, which Windows PowerShell 5.1 strips on the way to
    # az (a .cmd file): it travels in a temporary file, which az reads for an argument @file.
    $requestMessageFile = New-TemporaryFile
    [System.IO.File]::WriteAllText($requestMessageFile.FullName, {{request_message}})
    $endpointArguments += @('--request-message', "@$($requestMessageFile.FullName)")
{{/has_request_message}}
    # Right after the resource changed, creation can fail with "state Accepted": retry with back-off.
    $delay = 15
    for ($attempt = 1; ; $attempt++) {
        # Windows PowerShell turns a native command's stderr into errors: collect it instead.
        $ErrorActionPreference = 'Continue'
        $output = (az network private-endpoint create @endpointArguments 2>&1) | Out-String
        $exitCode = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        if ($exitCode -eq 0) { break }
        if ($attempt -ge 6 -or $output -notmatch 'AccountProvisioningStateInvalid|state Accepted') {
{{?has_request_message}}
            Remove-Item -LiteralPath $requestMessageFile.FullName -Force
{{/has_request_message}}
            throw "az network private-endpoint create failed: ${output}"
        }
        Write-Host "  the resource is still settling (attempt ${attempt}/6): retrying in ${delay} seconds..."
        Start-Sleep -Seconds $delay
        $delay = $delay * 2
    }
{{?has_request_message}}
    Remove-Item -LiteralPath $requestMessageFile.FullName -Force
{{/has_request_message}}
}
{{?manual}}
Write-Host '  The connection stays Pending until the resource owner approves it. The owner runs:'
Write-Host {{list_command}}
Write-Host '    az network private-endpoint-connection approve --id <the id printed> --description Approved'
{{/manual}}
