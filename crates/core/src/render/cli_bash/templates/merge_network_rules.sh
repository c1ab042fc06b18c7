wanted_ip_rules={{ip_rules}}
wanted_vnet_rules={{vnet_rules}}
current_acls=$(read_network_acls)
kept_acls=$current_acls
{{?exact_ips}}
# Exact list: name each IP rule that is not listed, then leave it out.
jq -r --argjson ips "$wanted_ip_rules" \
  '.ipRules[] | select(.value as $v | all($ips[]; .value != $v)) | "  removes IP rule \(.value) (not listed)"' <<<"$current_acls"
kept_acls=$(jq -c --argjson ips "$wanted_ip_rules" \
  '.ipRules |= map(select(.value as $v | any($ips[]; .value == $v)))' <<<"$kept_acls")
{{/exact_ips}}
{{?exact_subnets}}
# Exact list: name each subnet rule that is not listed, then leave it out.
jq -r --argjson subnets "$wanted_vnet_rules" \
  '.virtualNetworkRules[] | select((.id | ascii_downcase) as $id | all($subnets[]; (.id | ascii_downcase) != $id)) | "  removes subnet rule \(.id) (not listed)"' <<<"$current_acls"
kept_acls=$(jq -c --argjson subnets "$wanted_vnet_rules" \
  '.virtualNetworkRules |= map(select((.id | ascii_downcase) as $id | any($subnets[]; (.id | ascii_downcase) == $id)))' <<<"$kept_acls")
{{/exact_subnets}}
{{?removes_ips}}
# Named for removal: name each one the account has, then leave it out.
removed_ip_rules={{remove_ips}}
jq -r --argjson ips "$removed_ip_rules" \
  '.ipRules[] | select(.value as $v | any($ips[]; . == $v)) | "  removes IP rule \(.value) (named for removal)"' <<<"$current_acls"
kept_acls=$(jq -c --argjson ips "$removed_ip_rules" \
  '.ipRules |= map(select(.value as $v | all($ips[]; . != $v)))' <<<"$kept_acls")
{{/removes_ips}}
{{?removes_subnets}}
# Named for removal: name each subnet rule the account has, then leave it out.
removed_subnets={{remove_subnets}}
jq -r --argjson subnets "$removed_subnets" \
  '.virtualNetworkRules[] | select((.id | ascii_downcase) as $id | any($subnets[]; ascii_downcase == $id)) | "  removes subnet rule \(.id) (named for removal)"' <<<"$current_acls"
kept_acls=$(jq -c --argjson subnets "$removed_subnets" \
  '.virtualNetworkRules |= map(select((.id | ascii_downcase) as $id | all($subnets[]; ascii_downcase != $id)))' <<<"$kept_acls")
{{/removes_subnets}}
# Appends only the missing rules, keeping the existing ones and their order.
desired_acls=$(jq -c --argjson ips "$wanted_ip_rules" --argjson subnets "$wanted_vnet_rules"{{bypass_arg}} \
  'reduce $ips[] as $rule (.; if any(.ipRules[]; .value == $rule.value) then . else .ipRules += [$rule] end)
{{!sets_bypass}}
   | reduce $subnets[] as $rule (.; if any(.virtualNetworkRules[]; (.id | ascii_downcase) == ($rule.id | ascii_downcase)) then . else .virtualNetworkRules += [$rule] end)' \
{{/sets_bypass}}
{{?sets_bypass}}
   | reduce $subnets[] as $rule (.; if any(.virtualNetworkRules[]; (.id | ascii_downcase) == ($rule.id | ascii_downcase)) then . else .virtualNetworkRules += [$rule] end)
   | .bypass = $bypass' \
{{/sets_bypass}}
  <<<"$kept_acls")
if [ "$desired_acls" = "$current_acls" ]; then
  echo '  all rules already present: skipping.'
else
  write_network_acls "$desired_acls"
fi
