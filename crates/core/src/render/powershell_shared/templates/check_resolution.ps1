# Your own DNS servers: close only once this machine (it must use the DNS servers your clients
# use) resolves every host clients call to a private address.
$notPrivate = @()
foreach ($clientHost in {{hosts}}) {
    try {
        $addresses = @([System.Net.Dns]::GetHostAddresses($clientHost) | Where-Object { $_.AddressFamily -eq 'InterNetwork' } | ForEach-Object { $_.IPAddressToString })
    } catch {
        $addresses = @()
    }
    $public = @($addresses | Where-Object {
        $b = ([System.Net.IPAddress]::Parse($_)).GetAddressBytes()
        -not (($b[0] -eq 10) -or ($b[0] -eq 172 -and $b[1] -ge 16 -and $b[1] -le 31) -or ($b[0] -eq 192 -and $b[1] -eq 168) -or ($b[0] -eq 100 -and $b[1] -ge 64 -and $b[1] -le 127))
    })
    if ($addresses.Count -eq 0) {
        $notPrivate += "  $clientHost resolves to nothing"
    } elseif ($public.Count -gt 0) {
        $notPrivate += "  $clientHost resolves to $($addresses -join ', ')"
    } else {
        Write-Host "  $clientHost resolves to $($addresses -join ', ') (private)."
    }
}
if ($notPrivate.Count -gt 0) {
    throw ("Stopped before closing public access: with your own DNS servers, clients reach the private endpoint only once those servers answer its private address ({{ranges}}). On this machine:`n" + ($notPrivate -join "`n") + "`nThe A records must be in the DNS servers your clients use first (printed above). Then run this same script again on a machine that uses those DNS servers: it skips what is done and closes public access.")
}
