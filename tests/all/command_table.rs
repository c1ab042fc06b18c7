//! Every `az` command and Az cmdlet the renderers emit, with its valid parameters, taken from
//! the current Azure CLI and Az module references (azure-facts §10–§11, Microsoft Learn
//! command references). Every invocation in every generated script is checked against it, so
//! a misspelt or removed parameter fails here.

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{bash_invocations, corpus, powershell_invocations, rendered, Invocation};

/// Options every az command accepts.
const AZ_GLOBAL: &[&str] = &[
    "--output",
    "-o",
    "--query",
    "--only-show-errors",
    "--debug",
    "--verbose",
    "--help",
    "-h",
];

/// `az` command path → its own options (long and short forms).
const AZ_COMMANDS: &[(&str, &[&str])] = &[
    ("account set", &["--subscription", "-s", "--name", "-n"]),
    ("cloud show", &["--name", "-n"]),
    (
        "group exists",
        &["--name", "-n", "--resource-group", "-g", "--subscription"],
    ),
    (
        "group create",
        &[
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--location",
            "-l",
            "--managed-by",
            "--tags",
            "--subscription",
        ],
    ),
    (
        "cognitiveservices account show",
        &[
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--subscription",
            "--ids",
        ],
    ),
    (
        "cognitiveservices account list",
        &["--resource-group", "-g", "--subscription"],
    ),
    (
        "cognitiveservices account create",
        &[
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--kind",
            "--location",
            "-l",
            "--sku",
            "--sku-name",
            "--api-properties",
            "--assign-identity",
            "--custom-domain",
            "--encryption",
            "--storage",
            "--tags",
            "--yes",
            "--subscription",
        ],
    ),
    (
        "cognitiveservices account update",
        &[
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--api-properties",
            "--custom-domain",
            "--encryption",
            "--sku",
            "--sku-name",
            "--storage",
            "--tags",
            "--subscription",
            "--ids",
        ],
    ),
    (
        "resource show",
        &[
            "--ids",
            "--name",
            "-n",
            "--namespace",
            "--parent",
            "--resource-group",
            "-g",
            "--resource-type",
            "--api-version",
            "--include-response-body",
            "--subscription",
        ],
    ),
    (
        "rest",
        &[
            "--url",
            "--uri",
            "-u",
            "--method",
            "-m",
            "--body",
            "-b",
            "--headers",
            "--output-file",
            "--resource",
            "--skip-authorization-header",
            "--uri-parameters",
            "--url-parameters",
        ],
    ),
    (
        "provider register",
        &[
            "--namespace",
            "-n",
            "--accept-terms",
            "--consent-to-permissions",
            "--management-group-id",
            "--wait",
            "--subscription",
        ],
    ),
    (
        "network vnet show",
        &[
            "--ids",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--expand",
            "--subscription",
        ],
    ),
    (
        "network vnet subnet show",
        &[
            "--ids",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--vnet-name",
            "--expand",
            "--subscription",
        ],
    ),
    (
        "network vnet subnet update",
        &[
            "--ids",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--vnet-name",
            "--service-endpoints",
            "--address-prefixes",
            "--nat-gateway",
            "--network-security-group",
            "--nsg",
            "--route-table",
            "--delegations",
            "--private-endpoint-network-policies",
            "--private-link-service-network-policies",
            "--service-endpoint-policy",
            "--default-outbound-access",
            "--policies",
            "--add",
            "--set",
            "--remove",
            "--force-string",
            "--no-wait",
            "--subscription",
        ],
    ),
    // Bring your own storage.
    ("account show", &["--name", "-n", "--subscription", "-s"]),
    // A subnet in another tenant: is its subscription in this sign-in?
    ("account list", &["--all", "--refresh"]),
    (
        "role assignment list",
        &[
            "--all",
            "--assignee",
            "--include-classic-administrators",
            "--include-groups",
            "--include-inherited",
            "--resource-group",
            "-g",
            "--role",
            "--scope",
            "--fill-principal-name",
            "--fill-role-definition-name",
            "--subscription",
        ],
    ),
    (
        "role assignment create",
        &[
            "--assignee",
            "--assignee-object-id",
            "--assignee-principal-type",
            "--role",
            "--scope",
            "--resource-group",
            "-g",
            "--condition",
            "--condition-version",
            "--description",
            "--name",
            "-n",
            "--subscription",
        ],
    ),
    (
        "storage account show",
        &[
            "--ids",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--expand",
            "--subscription",
        ],
    ),
    (
        "storage account update",
        &[
            "--ids",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--allow-blob-public-access",
            "--allow-shared-key-access",
            "--default-action",
            "--bypass",
            "--public-network-access",
            "--min-tls-version",
            "--https-only",
            "--tags",
            "--set",
            "--add",
            "--remove",
            "--force-string",
            "--subscription",
        ],
    ),
    (
        "storage account network-rule add",
        &[
            "--account-name",
            "-n",
            "--resource-group",
            "-g",
            "--action",
            "--ip-address",
            "--ipv6-address",
            "--subnet",
            "--vnet-name",
            "--resource-id",
            "--tenant-id",
            "--subscription",
        ],
    ),
    // Private endpoints and private DNS (az network private-endpoint / private-dns references).
    (
        "network private-dns zone show",
        &[
            "--resource-group",
            "-g",
            "--name",
            "-n",
            "--subscription",
            "--ids",
        ],
    ),
    (
        "network private-dns zone create",
        &[
            "--resource-group",
            "-g",
            "--name",
            "-n",
            "--tags",
            "--subscription",
        ],
    ),
    (
        "network private-dns zone list",
        &["--resource-group", "-g", "--subscription"],
    ),
    (
        "network private-dns link vnet show",
        &[
            "--resource-group",
            "-g",
            "--zone-name",
            "-z",
            "--name",
            "-n",
            "--subscription",
            "--ids",
        ],
    ),
    (
        "network private-dns link vnet list",
        &[
            "--resource-group",
            "-g",
            "--zone-name",
            "-z",
            "--subscription",
        ],
    ),
    (
        "network private-dns link vnet create",
        &[
            "--resource-group",
            "-g",
            "--zone-name",
            "-z",
            "--name",
            "-n",
            "--virtual-network",
            "-v",
            "--registration-enabled",
            "-e",
            "--resolution-policy",
            "--tags",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint show",
        &[
            "--resource-group",
            "-g",
            "--name",
            "-n",
            "--expand",
            "--ids",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint list",
        &["--resource-group", "-g", "--subscription"],
    ),
    (
        "network private-endpoint create",
        &[
            "--resource-group",
            "-g",
            "--name",
            "-n",
            "--subnet",
            "--vnet-name",
            "--private-connection-resource-id",
            "--group-id",
            "--group-ids",
            "--connection-name",
            "--location",
            "-l",
            "--manual-request",
            "--request-message",
            "--nic-name",
            "--ip-config",
            "--asg",
            "--edge-zone",
            "--tags",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint delete",
        &[
            "--resource-group",
            "-g",
            "--name",
            "-n",
            "--ids",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint dns-zone-group list",
        &[
            "--resource-group",
            "-g",
            "--endpoint-name",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint dns-zone-group create",
        &[
            "--resource-group",
            "-g",
            "--endpoint-name",
            "--name",
            "-n",
            "--private-dns-zone",
            "--zone-name",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint dns-zone-group add",
        &[
            "--resource-group",
            "-g",
            "--endpoint-name",
            "--name",
            "-n",
            "--private-dns-zone",
            "--zone-name",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint dns-zone-group delete",
        &[
            "--resource-group",
            "-g",
            "--endpoint-name",
            "--name",
            "-n",
            "--no-wait",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint-connection list",
        &[
            "--id",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--type",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint-connection show",
        &[
            "--id",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--resource-name",
            "--type",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint-connection approve",
        &[
            "--id",
            "--description",
            "-d",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--resource-name",
            "--type",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint-connection reject",
        &[
            "--id",
            "--description",
            "-d",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--resource-name",
            "--type",
            "--subscription",
        ],
    ),
    (
        "network private-endpoint-connection delete",
        &[
            "--id",
            "--name",
            "-n",
            "--resource-group",
            "-g",
            "--resource-name",
            "--type",
            "--yes",
            "-y",
            "--subscription",
        ],
    ),
];

/// PowerShell common parameters, accepted by every cmdlet.
const COMMON: &[&str] = &[
    "Debug",
    "ErrorAction",
    "ErrorVariable",
    "InformationAction",
    "InformationVariable",
    "OutVariable",
    "OutBuffer",
    "PipelineVariable",
    "ProgressAction",
    "Verbose",
    "WarningAction",
    "WarningVariable",
];

/// Az cmdlet → its parameters (all parameter sets).
const AZ_CMDLETS: &[(&str, &[&str])] = &[
    (
        "Get-AzPrivateEndpointConnection",
        &[
            "DefaultProfile",
            "Description",
            "ResourceId",
            "PrivateLinkResourceId",
            "Name",
            "ResourceGroupName",
            "ServiceName",
            "PrivateLinkResourceType",
        ],
    ),
    (
        "Approve-AzPrivateEndpointConnection",
        &[
            "AcquirePolicyToken",
            "ChangeReference",
            "DefaultProfile",
            "Description",
            "ResourceId",
            "Name",
            "ResourceGroupName",
            "ServiceName",
            "PrivateLinkResourceType",
        ],
    ),
    (
        "Deny-AzPrivateEndpointConnection",
        &[
            "DefaultProfile",
            "Description",
            "ResourceId",
            "Name",
            "ResourceGroupName",
            "ServiceName",
            "PrivateLinkResourceType",
        ],
    ),
    (
        "Remove-AzPrivateEndpointConnection",
        &[
            "AsJob",
            "DefaultProfile",
            "Description",
            "Force",
            "PassThru",
            "ResourceId",
            "Name",
            "ResourceGroupName",
            "ServiceName",
            "PrivateLinkResourceType",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Get-AzContext",
        &[
            "DefaultProfile",
            "ListAvailable",
            "RefreshContextFromTokenCache",
            "Name",
        ],
    ),
    (
        "Set-AzContext",
        &[
            "Subscription",
            "Tenant",
            "Context",
            "Name",
            "Force",
            "Scope",
            "DefaultProfile",
            "ExtendedProperty",
            "SubscriptionObject",
            "TenantObject",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Get-AzResourceGroup",
        &["Name", "Location", "Id", "Tag", "DefaultProfile"],
    ),
    (
        "New-AzResourceGroup",
        &[
            "Name",
            "Location",
            "Tag",
            "Force",
            "ApiVersion",
            "Pre",
            "DefaultProfile",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Get-AzResource",
        &[
            "Name",
            "ResourceType",
            "ODataQuery",
            "ResourceGroupName",
            "TagName",
            "TagValue",
            "Tag",
            "ExpandProperties",
            "ResourceId",
            "ApiVersion",
            "Pre",
            "DefaultProfile",
        ],
    ),
    (
        "Get-AzCognitiveServicesAccount",
        &[
            "ResourceGroupName",
            "Name",
            "InRemovedState",
            "Location",
            "DefaultProfile",
        ],
    ),
    (
        "New-AzCognitiveServicesAccount",
        &[
            "ResourceGroupName",
            "Name",
            "Type",
            "SkuName",
            "Location",
            "Tag",
            "CustomSubdomainName",
            "AssignIdentity",
            "UserAssignedIdentityId",
            "IdentityType",
            "StorageAccountId",
            "CognitiveServicesEncryption",
            "KeyVaultEncryption",
            "KeyName",
            "KeyVersion",
            "KeyVaultUri",
            "KeyVaultIdentityClientId",
            "NetworkRuleSet",
            "PublicNetworkAccess",
            "DisableLocalAuth",
            "RestrictOutboundNetworkAccess",
            "AllowedFqdnList",
            "MultiRegionSetting",
            "ApiProperty",
            "Force",
            "DefaultProfile",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Set-AzCognitiveServicesAccount",
        &[
            "ResourceGroupName",
            "Name",
            "SkuName",
            "Tag",
            "CustomSubdomainName",
            "AssignIdentity",
            "UserAssignedIdentityId",
            "IdentityType",
            "StorageAccountId",
            "CognitiveServicesEncryption",
            "KeyVaultEncryption",
            "KeyName",
            "KeyVersion",
            "KeyVaultUri",
            "KeyVaultIdentityClientId",
            "NetworkRuleSet",
            "PublicNetworkAccess",
            "DisableLocalAuth",
            "RestrictOutboundNetworkAccess",
            "AllowedFqdnList",
            "MultiRegionSetting",
            "ApiProperty",
            "Force",
            "DefaultProfile",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Register-AzResourceProvider",
        &[
            "ProviderNamespace",
            "ConsentToPermissions",
            "AsJob",
            "ApiVersion",
            "Pre",
            "DefaultProfile",
            "WhatIf",
            "Confirm",
        ],
    ),
    (
        "Get-AzResourceProvider",
        &[
            "ProviderNamespace",
            "Location",
            "ListAvailable",
            "ApiVersion",
            "Pre",
            "DefaultProfile",
        ],
    ),
    // Private endpoints and private DNS (parameters from the Az help files).
    (
        "Get-AzPrivateDnsZone",
        &["DefaultProfile", "Name", "ResourceGroupName"],
    ),
    (
        "New-AzPrivateDnsZone",
        &[
            "DefaultProfile",
            "Name",
            "ResourceGroupName",
            "Tag",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "Get-AzPrivateDnsVirtualNetworkLink",
        &["DefaultProfile", "Name", "ResourceGroupName", "ZoneName"],
    ),
    (
        "New-AzPrivateDnsVirtualNetworkLink",
        &[
            "DefaultProfile",
            "EnableRegistration",
            "ResolutionPolicy",
            "Name",
            "ResourceGroupName",
            "Tag",
            "VirtualNetworkId",
            "ZoneName",
            "Confirm",
            "WhatIf",
            "VirtualNetwork",
            "RemoteVirtualNetworkId",
        ],
    ),
    (
        "Get-AzPrivateEndpoint",
        &[
            "DefaultProfile",
            "Name",
            "ResourceGroupName",
            "ExpandResource",
        ],
    ),
    (
        "New-AzPrivateEndpoint",
        &[
            "AcquirePolicyToken",
            "ApplicationSecurityGroup",
            "AsJob",
            "ByManualRequest",
            "ChangeReference",
            "CustomNetworkInterfaceName",
            "DefaultProfile",
            "EdgeZone",
            "Force",
            "IpConfiguration",
            "IpVersionType",
            "Location",
            "Name",
            "PrivateLinkServiceConnection",
            "ResourceGroupName",
            "Subnet",
            "Tag",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "Remove-AzPrivateEndpoint",
        &[
            "AcquirePolicyToken",
            "AsJob",
            "ChangeReference",
            "DefaultProfile",
            "Force",
            "Name",
            "PassThru",
            "ResourceGroupName",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "New-AzPrivateLinkServiceConnection",
        &[
            "AcquirePolicyToken",
            "ChangeReference",
            "DefaultProfile",
            "GroupId",
            "Name",
            "PrivateLinkService",
            "RequestMessage",
            "PrivateLinkServiceId",
        ],
    ),
    (
        "Get-AzPrivateDnsZoneGroup",
        &[
            "DefaultProfile",
            "PrivateEndpointName",
            "ResourceGroupName",
            "Name",
        ],
    ),
    (
        "New-AzPrivateDnsZoneGroup",
        &[
            "AcquirePolicyToken",
            "AsJob",
            "ChangeReference",
            "DefaultProfile",
            "Force",
            "Name",
            "PrivateDnsZoneConfig",
            "PrivateEndpointName",
            "ResourceGroupName",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "Set-AzPrivateDnsZoneGroup",
        &[
            "AcquirePolicyToken",
            "AsJob",
            "ChangeReference",
            "DefaultProfile",
            "Name",
            "PrivateDnsZoneConfig",
            "PrivateEndpointName",
            "ResourceGroupName",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "Remove-AzPrivateDnsZoneGroup",
        &[
            "AcquirePolicyToken",
            "AsJob",
            "ChangeReference",
            "DefaultProfile",
            "Force",
            "Name",
            "PassThru",
            "PrivateEndpointName",
            "ResourceGroupName",
            "Confirm",
            "WhatIf",
        ],
    ),
    (
        "New-AzPrivateDnsZoneConfig",
        &[
            "AcquirePolicyToken",
            "ChangeReference",
            "DefaultProfile",
            "Name",
            "PrivateDnsZoneId",
        ],
    ),
    (
        "Get-AzVirtualNetwork",
        &[
            "Name",
            "ResourceGroupName",
            "ResourceId",
            "ExpandResource",
            "DefaultProfile",
        ],
    ),
    (
        "Set-AzVirtualNetwork",
        &["VirtualNetwork", "AsJob", "DefaultProfile"],
    ),
    (
        "Invoke-AzRestMethod",
        &[
            "Path",
            "Method",
            "Payload",
            "ApiVersion",
            "SubscriptionId",
            "ResourceGroupName",
            "ResourceProviderName",
            "ResourceType",
            "Name",
            "Uri",
            "ResourceId",
            "AsJob",
            "WaitForCompletion",
            "PollFrom",
            "FinalResultFrom",
            "DefaultProfile",
            "WhatIf",
            "Confirm",
        ],
    ),
    // Bring your own storage (parameters from the Az.Resources and Az.Storage help files).
    (
        "Get-AzRoleAssignment",
        &[
            "DefaultProfile",
            "IncludeClassicAdministrators",
            "RoleDefinitionName",
            "SkipClientSideScopeValidation",
            "ExpandPrincipalGroups",
            "ObjectId",
            "ResourceGroupName",
            "ParentResource",
            "ResourceName",
            "ResourceType",
            "AtScope",
            "Scope",
            "RoleDefinitionId",
            "SignInName",
            "ServicePrincipalName",
        ],
    ),
    (
        "New-AzRoleAssignment",
        &[
            "AllowDelegation",
            "Condition",
            "ConditionVersion",
            "DefaultProfile",
            "Description",
            "ObjectId",
            "ObjectType",
            "RoleDefinitionName",
            "Scope",
            "SkipClientSideScopeValidation",
            "ResourceGroupName",
            "ParentResource",
            "ResourceName",
            "ResourceType",
            "RoleDefinitionId",
            "SignInName",
            "ApplicationId",
            "InputFile",
        ],
    ),
    (
        "Get-AzStorageAccount",
        &[
            "AsJob",
            "DefaultProfile",
            "ResourceGroupName",
            "IncludeGeoReplicationStats",
            "Name",
            "IncludeBlobRestoreStatus",
        ],
    ),
    (
        "Set-AzStorageAccount",
        &[
            "AccessTier",
            "AllowBlobPublicAccess",
            "AllowCrossTenantReplication",
            "AllowedCopyScope",
            "AllowSharedKeyAccess",
            "AsJob",
            "AssignIdentity",
            "CustomDomainName",
            "DefaultProfile",
            "DefaultSharePermission",
            "EnableAzureActiveDirectoryDomainServicesForFile",
            "EnableBlobGeoPriorityReplication",
            "EnableHttpsTrafficOnly",
            "EnableLargeFileShare",
            "EnableLocalUser",
            "EnableSftp",
            "EnableSmbOAuth",
            "Force",
            "IdentityType",
            "ImmutabilityPeriod",
            "ImmutabilityPolicyState",
            "KeyExpirationPeriodInDay",
            "KeyVaultFederatedClientId",
            "KeyVaultUserAssignedIdentityId",
            "MinimumTlsVersion",
            "Name",
            "NetworkRuleSet",
            "PublicNetworkAccess",
            "PublishInternetEndpoint",
            "PublishMicrosoftEndpoint",
            "ResourceGroupName",
            "RoutingChoice",
            "SasExpirationAction",
            "SasExpirationPeriod",
            "SkuName",
            "StorageEncryption",
            "Tag",
            "UpgradeToStorageV2",
            "UserAssignedIdentityId",
            "UseSubDomain",
            "Zone",
            "ZonePlacementPolicy",
            "Confirm",
            "WhatIf",
            "KeyName",
            "KeyvaultEncryption",
            "KeyVaultUri",
            "KeyVersion",
            "ActiveDirectoryDomainGuid",
            "ActiveDirectoryDomainName",
            "EnableAzureActiveDirectoryKerberosForFile",
            "ActiveDirectoryAccountType",
            "ActiveDirectoryAzureStorageSid",
            "ActiveDirectoryDomainSid",
            "ActiveDirectoryForestName",
            "ActiveDirectoryNetBiosDomainName",
            "ActiveDirectorySamAccountName",
            "EnableActiveDirectoryDomainServicesForFile",
        ],
    ),
    (
        "Get-AzStorageAccountNetworkRuleSet",
        &["DefaultProfile", "Name", "ResourceGroupName"],
    ),
    (
        "Add-AzStorageAccountNetworkRule",
        &[
            "AsJob",
            "DefaultProfile",
            "Name",
            "ResourceGroupName",
            "VirtualNetworkResourceId",
            "Confirm",
            "WhatIf",
            "IPRule",
            "VirtualNetworkRule",
            "ResourceAccessRule",
            "IPAddressOrRange",
            "ResourceId",
            "TenantId",
        ],
    ),
    (
        "Update-AzStorageAccountNetworkRuleSet",
        &[
            "AsJob",
            "Bypass",
            "DefaultAction",
            "DefaultProfile",
            "IPRule",
            "Name",
            "ResourceAccessRule",
            "ResourceGroupName",
            "VirtualNetworkRule",
            "Confirm",
            "WhatIf",
        ],
    ),
];

/// Whether an invocation's options are all valid; the problems otherwise.
fn check_az(invocation: &Invocation) -> Result<(), String> {
    let path = invocation.az_path();
    let Some((_, options)) = AZ_COMMANDS.iter().find(|(p, _)| *p == path) else {
        return Err(format!("unknown az command `az {path}`"));
    };
    let bad: Vec<&str> = invocation
        .options()
        .into_iter()
        .filter(|o| !options.contains(o) && !AZ_GLOBAL.contains(o))
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("`az {path}` has no option {bad:?}"))
    }
}

fn check_cmdlet(invocation: &Invocation) -> Result<(), String> {
    let Some((name, parameters)) = AZ_CMDLETS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(&invocation.program))
    else {
        return Err(format!("unknown Az cmdlet `{}`", invocation.program));
    };
    // PowerShell matches parameter names case-insensitively; prefixes are not accepted here.
    let bad: Vec<&str> = invocation
        .options()
        .into_iter()
        .filter(|o| {
            let p = o.trim_start_matches('-').trim_end_matches(':');
            !parameters
                .iter()
                .chain(COMMON)
                .any(|known| known.eq_ignore_ascii_case(p))
        })
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("`{name}` has no parameter {bad:?}"))
    }
}

fn check(invocation: &Invocation) -> Result<(), String> {
    if invocation.program == "az" {
        check_az(invocation)
    } else {
        check_cmdlet(invocation)
    }
}

#[test]
fn every_generated_invocation_uses_known_commands_and_parameters() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rendered in corpus() {
        let invocations = match rendered.target {
            OutputTarget::AzBash => bash_invocations(&rendered.text),
            OutputTarget::PowerShell | OutputTarget::AzPowerShell => {
                powershell_invocations(&rendered.text)
            }
            OutputTarget::Rest => continue,
        };
        assert!(
            !invocations.is_empty(),
            "{}: no invocation found",
            rendered.label()
        );
        for invocation in invocations {
            checked += 1;
            if let Err(problem) = check(&invocation) {
                failures.push(format!(
                    "{}: {problem}\n    {}",
                    rendered.label(),
                    invocation.describe()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} invalid invocations:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 500, "only {checked} invocations checked");
}

/// The splatted forms are seen: the hashtable keys of `New-AzCognitiveServicesAccount
/// @newAccount` and the words of `az cognitiveservices account create @createArguments`.
#[test]
fn splatted_parameters_are_checked() {
    let create = rendered(
        "ai-services-create-custom-domain-public-disabled",
        OutputTarget::PowerShell,
    );
    let new_account = powershell_invocations(&create.text)
        .into_iter()
        .find(|i| i.program == "New-AzCognitiveServicesAccount")
        .expect("the create step calls New-AzCognitiveServicesAccount");
    for parameter in [
        "-ResourceGroupName",
        "-Name",
        "-Type",
        "-SkuName",
        "-Location",
        "-CustomSubdomainName",
        "-Force",
    ] {
        assert!(
            new_account.options().contains(&parameter),
            "{parameter} missing from {}",
            new_account.describe()
        );
    }

    let cli = rendered(
        "ai-services-create-custom-domain-public-disabled",
        OutputTarget::AzPowerShell,
    );
    let invocations = powershell_invocations(&cli.text);
    let create = invocations
        .iter()
        .find(|i| i.az_path() == "cognitiveservices account create")
        .expect("the create step calls az cognitiveservices account create");
    for option in [
        "--name",
        "--resource-group",
        "--location",
        "--kind",
        "--sku",
        "--yes",
        "--custom-domain",
    ] {
        assert!(
            create.options().contains(&option),
            "{option} missing from {}",
            create.describe()
        );
    }
    // `& az @arguments` in Invoke-ArmRequest: the array supplies the command path too.
    assert!(invocations
        .iter()
        .any(|i| i.az_path() == "rest" && i.options().contains(&"--body")));
    // And `Invoke-AzRestMethod @request` in the Az script.
    let rest = powershell_invocations(
        &rendered("speech-two-office-ranges", OutputTarget::PowerShell).text,
    )
    .into_iter()
    .find(|i| i.program == "Invoke-AzRestMethod")
    .expect("Invoke-ArmRequest calls Invoke-AzRestMethod");
    assert_eq!(rest.options(), vec!["-Method", "-Path", "-Payload"]);
}

/// The checker itself rejects a misspelt option, an unknown command and an unknown cmdlet.
#[test]
fn the_table_rejects_mistakes() {
    let bash = bash_invocations(
        "az network vnet subnet update --ids \"$id\" --service-endpoint X\naz cognitiveservices acount show -n a\n",
    );
    assert!(check(&bash[0]).is_err());
    assert!(check(&bash[1]).is_err());
    let ps = powershell_invocations(
        "Set-AzCognitiveServicesAccount -ResourceGroupName a -Name b -CustomSubDomain c\nSet-AzVirtualNetworkSubnetConfig -Name a\n$p = @{ Nme = 'a' }\nGet-AzVirtualNetwork @p\n",
    );
    assert_eq!(ps.len(), 3);
    assert!(ps.iter().all(|i| check(i).is_err()), "{ps:#?}");
}
