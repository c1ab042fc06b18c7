az cognitiveservices account update --name $AccountName --resource-group $ResourceGroup --custom-domain $CustomSubdomain --output none
Assert-AzSucceeded 'az cognitiveservices account update'
