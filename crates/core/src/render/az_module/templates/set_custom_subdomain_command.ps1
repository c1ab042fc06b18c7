Set-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName -CustomSubdomainName $CustomSubdomain -Force | Out-Null
