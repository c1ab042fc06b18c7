$groupExists = az group exists --subscription {{subscription}} --name {{resource_group}}
Assert-AzSucceeded 'az group exists'
if ($groupExists -ne 'true') { throw {{message}} }
