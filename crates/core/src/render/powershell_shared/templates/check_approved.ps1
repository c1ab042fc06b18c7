# Manual approval: only an Approved endpoint carries traffic, so close only once it is.
$connections = @((Invoke-ArmRequest -Method 'GET' -Path {{path}}).properties.manualPrivateLinkServiceConnections)
$approval = 'not found'
if ($connections.Count -gt 0 -and $connections[0]) { $approval = $connections[0].properties.privateLinkServiceConnectionState.status }
if ($approval -ne 'Approved') {
    throw ('Stopped before closing public access: the connection of private endpoint ' + {{name}} + " is $approval, not Approved, and only an Approved endpoint carries traffic. The resource's owner must approve it first (the endpoint's step printed how). Then run this same script again: it skips what is done and closes public access.")
}
Write-Host ('  private endpoint ' + {{name}} + ' is Approved.')
