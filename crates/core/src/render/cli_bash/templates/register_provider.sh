# Whoever runs this needs access to that subscription (sign in to its tenant too if it differs).
az provider register --namespace Microsoft.CognitiveServices --subscription {{subscription_id}} --wait
