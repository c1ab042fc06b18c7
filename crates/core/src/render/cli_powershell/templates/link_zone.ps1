# A zone links to a virtual network once, under any name: look for a link to it first.
$vnetId = {{vnet_id}}
$links = @(az network private-dns link vnet list --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --query '[].[name,virtualNetwork.id]' --output tsv)
Assert-AzSucceeded 'az network private-dns link vnet list'
# -eq compares text case-insensitively, as Azure compares resource IDs.
$linkedAs = @($links | Where-Object { ($_ -split "`t")[1] -eq $vnetId } | ForEach-Object { ($_ -split "`t")[0] })
if ($linkedAs.Count -gt 0) {
    Write-Host "  already linked to this virtual network as $($linkedAs[0]): skipping."
} else {
    az network private-dns link vnet create --subscription {{subscription}} --resource-group {{resource_group}} --zone-name {{zone}} --name {{link}} --virtual-network $vnetId --registration-enabled false{{tags}} --output none
    Assert-AzSucceeded 'az network private-dns link vnet create'
}
