$ipRules = {{ip_rules}}
{{vnet_rules}}
$acls = Get-NetworkAcls
$before = $acls | ConvertTo-Json -Depth 10 -Compress
{{?exact_ips}}
# Exact list: name each IP rule that is not listed, then leave it out.
foreach ($rule in @($acls.ipRules | Where-Object { $ipRules -notcontains $_.value })) {
    Write-Host "  removes IP rule $($rule.value) (not listed)"
}
$acls.ipRules = @($acls.ipRules | Where-Object { $ipRules -contains $_.value })
{{/exact_ips}}
{{?exact_subnets}}
# Exact list: name each subnet rule that is not listed, then leave it out (IDs compared
# case-insensitively, as ARM does).
$wantedIds = @($vnetRules | ForEach-Object { $_.id })
foreach ($rule in @($acls.virtualNetworkRules | Where-Object { $wantedIds -notcontains $_.id })) {
    Write-Host "  removes subnet rule $($rule.id) (not listed)"
}
$acls.virtualNetworkRules = @($acls.virtualNetworkRules | Where-Object { $wantedIds -contains $_.id })
{{/exact_subnets}}
{{?removes_ips}}
# Named for removal: name each one the account has, then leave it out.
$removedIpRules = {{remove_ips}}
foreach ($rule in @($acls.ipRules | Where-Object { $removedIpRules -contains $_.value })) {
    Write-Host "  removes IP rule $($rule.value) (named for removal)"
}
$acls.ipRules = @($acls.ipRules | Where-Object { $removedIpRules -notcontains $_.value })
{{/removes_ips}}
{{?removes_subnets}}
# Named for removal: name each subnet rule the account has, then leave it out (IDs compared
# case-insensitively, as ARM does).
$removedSubnets = {{remove_subnets}}
foreach ($rule in @($acls.virtualNetworkRules | Where-Object { $removedSubnets -contains $_.id })) {
    Write-Host "  removes subnet rule $($rule.id) (named for removal)"
}
$acls.virtualNetworkRules = @($acls.virtualNetworkRules | Where-Object { $removedSubnets -notcontains $_.id })
{{/removes_subnets}}
# Appends only the missing rules, keeping the existing ones.
foreach ($ip in $ipRules) {
    if (-not ($acls.ipRules | Where-Object { $_.value -eq $ip })) { $acls.ipRules += [ordered]@{ value = $ip } }
}
foreach ($rule in $vnetRules) {
    if (-not ($acls.virtualNetworkRules | Where-Object { $_.id -eq $rule.id })) {
        $acls.virtualNetworkRules += [ordered]@{ id = $rule.id; ignoreMissingVnetServiceEndpoint = $rule.ignoreMissingVnetServiceEndpoint }
    }
}
{{?sets_bypass}}
$acls.bypass = {{bypass}}
{{/sets_bypass}}
if (($acls | ConvertTo-Json -Depth 10 -Compress) -ceq $before) {
    Write-Host '  all rules already present: skipping.'
} else {
    Set-NetworkAcls -Acls $acls
}
