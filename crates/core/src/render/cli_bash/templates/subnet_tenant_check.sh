# The subnet is in another Entra tenant: az reaches it only if this sign-in lists its subscription.
subnet_subscription={{subscription_id}}
subnet_tenant={{tenant_id}}
known_subscriptions=$(az account list --query '[].id' --output tsv)
if ! grep -qixF "$subnet_subscription" <<<"$known_subscriptions"; then
  echo "  subscription $subnet_subscription is not in this sign-in: run az login --tenant $subnet_tenant, then this script again." >&2
  exit 1
fi
