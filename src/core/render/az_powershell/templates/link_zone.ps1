# "link vnet create" fails when the link exists: look first.
$links = @(az network private-dns link vnet list --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --query '[].name' --output tsv)
Assert-AzSucceeded 'az network private-dns link vnet list'
if ($links -contains {{link}}) {
    Write-Host '  already linked: skipping.'
} else {
    az network private-dns link vnet create --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --name {{link}} --virtual-network {{vnet_id}} --registration-enabled false --output none
    Assert-AzSucceeded 'az network private-dns link vnet create'
}
