
# Prints its argument in lower case (bash 3.2 has no ${var,,}).
lowercase() {
  printf '%s\n' "$1" | tr '[:upper:]' '[:lower:]'
}

# Waits until the account's provisioning state is Succeeded (10 minutes at most).
wait_for_account() {
  local state attempt
  for attempt in $(seq 1 60); do
    state=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.provisioningState' --output tsv)
    case "$state" in
      Succeeded) return 0 ;;
      Failed | Canceled)
        echo "The account's provisioning state is ${state}." >&2
        return 1
        ;;
    esac
    echo "  waiting for the account (state: ${state}, check ${attempt}/60)..."
    sleep 10
  done
  echo 'The account did not reach Succeeded within 10 minutes.' >&2
  return 1
}

# Stops the script unless CUSTOM_SUBDOMAIN is free (a deleted account keeps it for 48 hours).
check_subdomain_available() {
  local body available
  body=$(jq -c -n --arg name "$CUSTOM_SUBDOMAIN" --arg kind "$ACCOUNT_KIND" \
    '{subdomainName: $name, type: "Microsoft.CognitiveServices/accounts", kind: $kind}')
  available=$(az rest --method post \
    --url "/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${COGNITIVE_API_VERSION}" \
    --body "$body" --query 'isSubdomainAvailable' --output json)
  if [ "$available" != 'true' ]; then
    echo "The custom subdomain '${CUSTOM_SUBDOMAIN}' is not available: it is taken, or reserved by a recently deleted account. Choose another one." >&2
    exit 1
  fi
}

# Prints the account's complete networkAcls (an empty rule set when it has none).
# (The whole account is read: az prints nothing at all for a --query that selects null.)
read_network_acls() {
  az rest --method get --url "$ACCOUNT_URL" --output json |
    jq -c '.properties.networkAcls // {} | .defaultAction //= "Allow" | .ipRules //= [] | .virtualNetworkRules //= []'
}

# Writes a complete networkAcls object (never a partial one) and waits until it is applied.
write_network_acls() {
  local body
  body=$(jq -c -n --argjson acls "$1" '{properties: {networkAcls: $acls}}')
  az rest --method patch --url "$ACCOUNT_URL" --body "$body" --output none
  wait_for_account
}
