$ipRules = {{ip_rules}}
{{vnet_rules}}
$acls = Get-NetworkAcls
$before = $acls | ConvertTo-Json -Depth 10 -Compress
# Appends only the missing rules, keeping the existing ones.
foreach ($ip in $ipRules) {
    if (-not ($acls.ipRules | Where-Object { $_.value -eq $ip })) { $acls.ipRules += [ordered]@{ value = $ip } }
}
foreach ($rule in $vnetRules) {
    if (-not ($acls.virtualNetworkRules | Where-Object { $_.id -eq $rule.id })) {
        $acls.virtualNetworkRules += [ordered]@{ id = $rule.id; ignoreMissingVnetServiceEndpoint = $rule.ignoreMissingVnetServiceEndpoint }
    }
}
{{?bypass}}
$acls.bypass = {{bypass}}
{{/bypass}}
if (($acls | ConvertTo-Json -Depth 10 -Compress) -ceq $before) {
    Write-Host '  all rules already present: skipping.'
} else {
    Set-NetworkAcls -Acls $acls
}
