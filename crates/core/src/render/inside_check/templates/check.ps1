#Requires -Version 5.1
{{header}}
#
# Run it after the plan, on a machine inside the network (or on premises, using the DNS servers
# your clients use). For each host clients call it resolves the name, then sends one request
# without credentials: an answer other than 403 means the request reached the resource, a 403
# means its firewall refused it. No Azure sign-in is needed. Exit code 0: every host passed.

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12

# RFC 1918 and shared (100.64.0.0/10) addresses: where a private endpoint's address comes from.
function Test-PrivateAddress([string]$Address) {
    return $Address -match '^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.|100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.)'
}

# Prints PASS or FAIL for the host, and notes a failure. $ExpectPrivate: clients must reach the
# host through a private endpoint.
function Test-InsideHost([string]$HostName, [bool]$ExpectPrivate) {
    try {
        $address = [System.Net.Dns]::GetHostAddresses($HostName) |
            Where-Object { $_.AddressFamily -eq 'InterNetwork' } |
            Select-Object -First 1 |
            ForEach-Object { $_.IPAddressToString }
    } catch {
        $address = $null
    }
    if (-not $address) {
        Write-Output "FAIL ${HostName}: the name does not resolve from here."
        $script:failed = $true
        return
    }
    if ($ExpectPrivate -and -not (Test-PrivateAddress $address)) {
        Write-Output "FAIL ${HostName}: resolves to ${address}, a public address. This machine's DNS does not answer with the private endpoint's address: check the privatelink zone's link to this network, or your DNS servers' forwarders."
        $script:failed = $true
        return
    }
    $message = ''
    try {
        $status = [int](Invoke-WebRequest -Uri "https://${HostName}/" -UseBasicParsing -TimeoutSec 15).StatusCode
    } catch {
        $response = $_.Exception.Response
        if ($null -eq $response) {
            Write-Output "FAIL ${HostName}: no connection on port 443 to ${address}: a network security group, a firewall or a route is in the way, or the address is not the resource's."
            $script:failed = $true
        return
        }
        $status = [int]$response.StatusCode
        if ($_.ErrorDetails -and $_.ErrorDetails.Message -match '"message":\s*"([^"]*)"') {
            $message = ": $($Matches[1])"
        }
    }
    if ($status -eq 403) {
        Write-Output "FAIL ${HostName}: reached ${address}, and the resource's firewall refused the request (HTTP 403${message})."
        $script:failed = $true
        return
    }
    Write-Output "PASS ${HostName}: reached the resource at ${address} (HTTP ${status} without credentials, as expected)."
}

$failed = $false
{{checks}}
if ($failed) { exit 1 }
exit 0
