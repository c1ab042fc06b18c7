$account = Get-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName
if ($account.AccountType -ne $AccountKind) {
    Write-Warning "The account's kind is $($account.AccountType), not ${AccountKind}."
}
