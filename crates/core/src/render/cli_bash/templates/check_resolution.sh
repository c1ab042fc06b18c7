# Your own DNS servers: close only once this machine (it must use the DNS servers your clients
# use) resolves every host clients call to a private address.
not_private=''
for client_host in {{hosts}}; do
  if command -v getent >/dev/null 2>&1; then
    addresses=$(getent ahostsv4 "$client_host" 2>/dev/null | awk '{ print $1 }' | sort -u) || addresses=''
  elif command -v dig >/dev/null 2>&1; then
    addresses=$(dig +short "$client_host" A 2>/dev/null | grep -E '^[0-9.]+$') || addresses=''
  else
    addresses=$(nslookup "$client_host" 2>/dev/null | awk '/^Name:/ { found = 1 } found && /^Address/ { print $NF }') || addresses=''
  fi
  private=yes
  while read -r address; do
    case "$address" in
      10.* | 192.168.* | 172.1[6-9].* | 172.2[0-9].* | 172.3[01].* | 100.6[4-9].* | 100.[7-9][0-9].* | 100.1[01][0-9].* | 100.12[0-7].*) ;;
      *) private=no ;;
    esac
  done <<<"$addresses"
  shown=$(printf '%s' "$addresses" | tr '\n' ' ')
  if [ "$private" = yes ]; then
    echo "  ${client_host} resolves to ${shown}(private)."
  else
    not_private="${not_private}  ${client_host} resolves to ${shown:-nothing}"$'\n'
  fi
done
if [ -n "$not_private" ]; then
  {
    echo 'Stopped before closing public access: with your own DNS servers, clients reach the private endpoint only once those servers answer its private address ({{ranges}}). On this machine:'
    printf '%s' "$not_private"
    echo 'The A records must be in the DNS servers your clients use first (printed above). Then run this same script again on a machine that uses those DNS servers: it skips what is done and closes public access.'
  } >&2
  exit 1
fi
