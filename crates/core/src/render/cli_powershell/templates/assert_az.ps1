
# Stops the script when the last az command failed.
function Assert-AzSucceeded {
    param([Parameter(Mandatory = $true)] [string] $What)
    if ($LASTEXITCODE -ne 0) { throw "${What} failed (exit code ${LASTEXITCODE})." }
}
