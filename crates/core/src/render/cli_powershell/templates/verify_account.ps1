$foundKind = az cognitiveservices account show --name $AccountName --resource-group $ResourceGroup --query kind --output tsv
Assert-AzSucceeded 'az cognitiveservices account show'
if ($foundKind -ne $AccountKind) { Write-Warning "The account's kind is ${foundKind}, not ${AccountKind}." }
# Kept before the first change: the way back starts from this file (see the header).
$settingsFile = 'network-settings-before-{0}.json' -f (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
Invoke-ArmRequest -Method 'GET' -Path $AccountPath | ConvertTo-Json -Depth 20 | Set-Content -Path $settingsFile -Encoding UTF8
Write-Host "  saved the account's current settings to $settingsFile"
