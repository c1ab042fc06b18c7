# Whoever runs this needs access to that subscription (az login --tenant too if it is another tenant).
az provider register --namespace Microsoft.CognitiveServices --subscription {{subscription_id}} --wait
Assert-AzSucceeded 'az provider register'
