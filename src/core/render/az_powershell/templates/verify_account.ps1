$foundKind = az cognitiveservices account show --name $AccountName --resource-group $ResourceGroup --query kind --output tsv
Assert-AzSucceeded 'az cognitiveservices account show'
if ($foundKind -ne $AccountKind) { Write-Warning "The account's kind is ${foundKind}, not ${AccountKind}." }
