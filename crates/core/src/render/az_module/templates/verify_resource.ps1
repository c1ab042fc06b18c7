$resource = Get-AzResource -ResourceGroupName $ResourceGroup -Name $ResourceName -ResourceType {{arm_type}}
if (-not $resource) { throw "${ResourceName} was not found in resource group ${ResourceGroup}." }
