az resource show --resource-group $ResourceGroup --name $ResourceName --resource-type {{arm_type}} --output none
Assert-AzSucceeded 'az resource show'
