
# Calls Azure Resource Manager through az rest; the body travels in a temporary file.
function Invoke-ArmRequest {
    param(
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Path,
        [string] $Payload
    )
    $arguments = @('rest', '--method', $Method.ToLowerInvariant(), '--url', $Path, '--output', 'json')
    $bodyFile = $null
    if ($Payload) {
        $bodyFile = New-TemporaryFile
        [System.IO.File]::WriteAllText($bodyFile.FullName, $Payload)
        $arguments += @('--body', "@$($bodyFile.FullName)")
    }
    try {
        $output = & az @arguments
        Assert-AzSucceeded "az rest ${Method} ${Path}"
    } finally {
        if ($bodyFile) { Remove-Item -LiteralPath $bodyFile.FullName -Force }
    }
    if ($output) { return ($output -join "`n") | ConvertFrom-Json }
}
