
# Calls Azure Resource Manager with the signed-in context; throws on any error status.
function Invoke-ArmRequest {
    param(
        [Parameter(Mandatory = $true)] [string] $Method,
        [Parameter(Mandatory = $true)] [string] $Path,
        [string] $Payload
    )
    $request = @{ Method = $Method; Path = $Path }
    if ($Payload) { $request.Payload = $Payload }
    $response = Invoke-AzRestMethod @request
    if ($response.StatusCode -ge 400) {
        throw "${Method} ${Path} failed with HTTP $($response.StatusCode): $($response.Content)"
    }
    if ($response.Content) { return $response.Content | ConvertFrom-Json }
}
