$acls = Get-NetworkAcls
if ($acls.defaultAction -ceq {{quoted}}) {
    Write-Host '  already {{value}}: skipping.'
} else {
    $acls.defaultAction = {{quoted}}
    Set-NetworkAcls -Acls $acls
}
