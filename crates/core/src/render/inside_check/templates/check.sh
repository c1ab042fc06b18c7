#!/usr/bin/env bash
{{header}}
#
# Run it after the plan, on a machine inside the network (or on premises, using the DNS servers
# your clients use). For each host clients call it resolves the name, then sends one request
# without credentials: an answer other than 403 means the request reached the resource, a 403
# means its firewall refused it. No Azure sign-in is needed. Exit status 0: every host passed.
set -u

failed=0

# The addresses nslookup gives for a name, one per line (the answer, not the server's own).
addresses() {
  nslookup "$1" 2>/dev/null | awk '/^Name:/ { answer = 1; next } answer && /^Address/ { sub(/^Address(es)?:[ \t]*/, ""); print }'
}

# RFC 1918 and shared (100.64.0.0/10) addresses: where a private endpoint's address comes from.
is_private() {
  case "$1" in
    10.*|192.168.*|172.1[6-9].*|172.2[0-9].*|172.3[01].*) return 0 ;;
    100.6[4-9].*|100.[7-9][0-9].*|100.1[01][0-9].*|100.12[0-7].*) return 0 ;;
  esac
  return 1
}

# check_host HOST yes|no: "yes" when clients must reach it through a private endpoint.
check_host() {
  local host="$1" expect_private="$2" address status body message
  address=$(addresses "$host" | head -n 1)
  if [ -z "$address" ]; then
    echo "FAIL ${host}: the name does not resolve from here."
    failed=1
    return
  fi
  if [ "$expect_private" = yes ] && ! is_private "$address"; then
    echo "FAIL ${host}: resolves to ${address}, a public address. This machine's DNS does not answer with the private endpoint's address: check the privatelink zone's link to this network, or your DNS servers' forwarders."
    failed=1
    return
  fi
  body=$(mktemp "${TMPDIR:-/tmp}/inside-check.XXXXXX")
  status=$(curl --silent --max-time 15 --output "$body" --write-out '%{http_code}' "https://${host}/") || status=000
  message=$(grep -o '"message": *"[^"]*"' "$body" | head -n 1 | sed 's/^"message": *"//; s/"$//')
  rm -f "$body"
  case "$status" in
    000)
      echo "FAIL ${host}: no connection on port 443 to ${address}: a network security group, a firewall or a route is in the way, or the address is not the resource's."
      failed=1
      ;;
    403)
      echo "FAIL ${host}: reached ${address}, and the resource's firewall refused the request (HTTP 403${message:+: $message})."
      failed=1
      ;;
    *)
      echo "PASS ${host}: reached the resource at ${address} (HTTP ${status} without credentials, as expected)."
      ;;
  esac
}

{{checks}}
exit "$failed"
