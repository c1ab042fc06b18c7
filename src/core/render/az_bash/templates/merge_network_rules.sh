wanted_ip_rules={{ip_rules}}
wanted_vnet_rules={{vnet_rules}}
current_acls=$(read_network_acls)
# Appends only the missing rules, keeping the existing ones and their order.
desired_acls=$(jq -c --argjson ips "$wanted_ip_rules" --argjson subnets "$wanted_vnet_rules"{{bypass_arg}} \
  'reduce $ips[] as $rule (.; if any(.ipRules[]; .value == $rule.value) then . else .ipRules += [$rule] end)
{{!bypass}}
   | reduce $subnets[] as $rule (.; if any(.virtualNetworkRules[]; (.id | ascii_downcase) == ($rule.id | ascii_downcase)) then . else .virtualNetworkRules += [$rule] end)' \
{{/bypass}}
{{?bypass}}
   | reduce $subnets[] as $rule (.; if any(.virtualNetworkRules[]; (.id | ascii_downcase) == ($rule.id | ascii_downcase)) then . else .virtualNetworkRules += [$rule] end)
   | .bypass = $bypass' \
{{/bypass}}
  <<<"$current_acls")
if [ "$desired_acls" = "$current_acls" ]; then
  echo '  all rules already present: skipping.'
else
  write_network_acls "$desired_acls"
fi
