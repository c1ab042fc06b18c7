current_acls=$(read_network_acls)
if [ "$(jq -r '.defaultAction' <<<"$current_acls")" = {{quoted}} ]; then
  echo '  already {{value}}: skipping.'
else
  desired_acls=$(jq -c --arg action {{quoted}} '.defaultAction = $action' <<<"$current_acls")
  write_network_acls "$desired_acls"
fi
