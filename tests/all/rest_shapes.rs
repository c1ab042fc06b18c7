//! The REST output: every request has the api-version of its provider, and every body
//! deserialises (unknown fields refused) into the typed shape of its ARM operation, with the
//! required fields and valid enum values.

use serde::Deserialize;

use ai_network_wizard::core::api_versions;
use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::names::check_custom_subdomain;
use ai_network_wizard::core::plan::CURRENT_DEFAULT_ACTION;
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::storage_account_id::StorageAccountId;
use ai_network_wizard::core::subnet_id::SubnetId;

use ai_network_wizard::core::plan::storage as storage_plan;

use crate::support::corpus_of;

/// Expected api-versions as literals, so that a changed constant is noticed here
/// (azure-facts §1).
#[test]
fn api_version_table_is_the_expected_one() {
    assert_eq!(api_versions::COGNITIVE_SERVICES, "2024-10-01");
    assert_eq!(api_versions::NETWORK, "2024-05-01");
    assert_eq!(api_versions::PRIVATE_DNS, "2024-06-01");
    assert_eq!(api_versions::MACHINE_LEARNING, "2024-10-01");
    assert_eq!(api_versions::MEDIA, "2023-01-01");
    assert_eq!(api_versions::RESOURCES, "2021-04-01");
    assert_eq!(api_versions::SUBSCRIPTIONS, "2022-12-01");
    assert_eq!(api_versions::AUTHORIZATION, "2022-04-01");
    assert_eq!(api_versions::STORAGE, "2023-05-01");
}

/// The api-version a path needs, decided by its provider.
fn expected_api_version(path: &str) -> &'static str {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    // The last provider decides: a role assignment lives below a storage account.
    let provider = segments
        .iter()
        .rposition(|s| s.eq_ignore_ascii_case("providers"))
        .and_then(|i| segments.get(i + 1))
        .copied();
    match provider {
        None if segments.len() == 2 => "2022-12-01", // GET /subscriptions/{id}
        None => "2021-04-01",                        // resource group
        Some(_) if path.ends_with("/register") => "2021-04-01", // Microsoft.Resources
        Some("Microsoft.CognitiveServices") => "2024-10-01",
        Some("Microsoft.Network") => "2024-05-01",
        Some("Microsoft.MachineLearningServices") => "2024-10-01",
        Some("Microsoft.Media") => "2023-01-01",
        Some("Microsoft.Storage") => "2023-05-01",
        Some("Microsoft.Authorization") => "2022-04-01",
        Some(other) => panic!("no expected api-version for provider {other} ({path})"),
    }
}

#[derive(Debug)]
struct HttpRequest {
    method: String,
    url: String,
    headers: Vec<String>,
    body: Option<String>,
}

/// Splits an `.http` file into its requests (blocks after `###`).
fn parse_http(text: &str) -> Vec<HttpRequest> {
    let mut blocks = text.split("\n###\n");
    let preamble = blocks.next().unwrap();
    assert!(
        preamble
            .lines()
            .all(|l| l.is_empty() || l.starts_with('#') || l.starts_with("@token = ")),
        "preamble: {preamble}"
    );
    blocks
        .map(|block| {
            let mut lines = block.lines().skip_while(|l| l.starts_with('#'));
            let request_line = lines.next().expect("a request line");
            let (method, url) = request_line.split_once(' ').expect("METHOD URL");
            let mut headers = Vec::new();
            for line in lines.by_ref() {
                if line.is_empty() {
                    break;
                }
                headers.push(line.to_owned());
            }
            let body: String = lines.collect::<Vec<_>>().join("\n");
            HttpRequest {
                method: method.to_owned(),
                url: url.to_owned(),
                headers,
                body: (!body.trim().is_empty()).then_some(body),
            }
        })
        .collect()
}

/// Reverses the percent-encoding of a URL path.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("valid escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 path")
}

// ---- The ARM shapes (azure-facts §2). ----

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ResourceGroupPut {
    location: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CheckDomainAvailability {
    subdomain_name: String,
    #[serde(rename = "type")]
    resource_type: ResourceTypeName,
    kind: Option<String>,
}

#[derive(Deserialize, Debug)]
enum ResourceTypeName {
    #[serde(rename = "Microsoft.CognitiveServices/accounts")]
    Accounts,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct AccountPut {
    location: String,
    kind: String,
    sku: Sku,
    properties: AccountProperties,
    identity: Option<Identity>,
}

/// Bring your own storage needs a system-assigned identity (cs.Identity; only the type is sent).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Identity {
    #[serde(rename = "type")]
    identity_type: IdentityType,
}

#[derive(Deserialize, Debug, PartialEq)]
enum IdentityType {
    SystemAssigned,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct UserOwnedStorage {
    resource_id: String,
}

/// RoleAssignmentCreateParameters (authorization 2022-04-01).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RoleAssignmentPut {
    properties: RoleAssignmentProperties,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RoleAssignmentProperties {
    role_definition_id: String,
    principal_id: String,
    principal_type: PrincipalType,
}

#[derive(Deserialize, Debug)]
enum PrincipalType {
    ServicePrincipal,
}

/// StorageAccountUpdateParameters (storage 2023-05-01), the properties BYOS hardening sends.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct StoragePatch {
    properties: StorageProperties,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct StorageProperties {
    allow_shared_key_access: Option<bool>,
    allow_blob_public_access: Option<bool>,
    network_acls: Option<StorageNetworkAcls>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct StorageNetworkAcls {
    default_action: DefaultAction,
    ip_rules: Vec<IpRule>,
    virtual_network_rules: Vec<serde_json::Value>,
    resource_access_rules: Vec<ResourceAccessRule>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ResourceAccessRule {
    tenant_id: String,
    resource_id: String,
}

fn is_guid(text: &str) -> bool {
    ai_network_wizard::core::names::check_guid(text, "GUID").is_ok()
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Sku {
    name: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct AccountPatch {
    properties: AccountProperties,
}

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AccountProperties {
    custom_sub_domain_name: Option<String>,
    public_network_access: Option<PublicNetworkAccess>,
    network_acls: Option<NetworkAcls>,
    user_owned_storage: Option<Vec<UserOwnedStorage>>,
}

#[derive(Deserialize, Debug)]
enum PublicNetworkAccess {
    Enabled,
    Disabled,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NetworkAcls {
    default_action: DefaultAction,
    bypass: Option<Bypass>,
    ip_rules: Vec<IpRule>,
    virtual_network_rules: Vec<VirtualNetworkRule>,
}

#[derive(Deserialize, Debug)]
enum DefaultAction {
    Allow,
    Deny,
}

#[derive(Deserialize, Debug)]
enum Bypass {
    AzureServices,
    None,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct IpRule {
    value: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct VirtualNetworkRule {
    id: String,
    ignore_missing_vnet_service_endpoint: bool,
}

fn strict<'a, T: Deserialize<'a>>(body: &'a str, what: &str) -> T {
    serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{what}: body is not a valid shape: {e}\n{body}"))
}

fn check_properties(properties: &AccountProperties, what: &str) {
    if let Some(subdomain) = &properties.custom_sub_domain_name {
        check_custom_subdomain(subdomain).unwrap_or_else(|e| panic!("{what}: {e}"));
    }
    if let Some(acls) = &properties.network_acls {
        for rule in &acls.ip_rules {
            let valid = rule.value.parse::<std::net::Ipv4Addr>().is_ok()
                || rule.value.parse::<ipnet::Ipv4Net>().is_ok();
            assert!(valid, "{what}: ip rule {:?} is not IPv4", rule.value);
        }
        for rule in &acls.virtual_network_rules {
            SubnetId::parse(&rule.id).unwrap_or_else(|e| panic!("{what}: {e}"));
        }
    }
    for storage in properties.user_owned_storage.iter().flatten() {
        StorageAccountId::parse(&storage.resource_id).unwrap_or_else(|e| panic!("{what}: {e:?}"));
    }
}

#[test]
fn every_request_has_its_providers_api_version_and_a_valid_body() {
    let mut requests_seen = 0;
    for rendered in corpus_of(OutputTarget::Rest) {
        let endpoints: Vec<&str> = Cloud::ALL.iter().map(|c| c.arm_endpoint()).collect();
        for request in parse_http(&rendered.text) {
            requests_seen += 1;
            let what = format!("{} {} {}", rendered.label(), request.method, request.url);
            let endpoint = endpoints
                .iter()
                .find(|e| request.url.starts_with(**e))
                .unwrap_or_else(|| panic!("{what}: unknown ARM endpoint"));
            let rest = &request.url[endpoint.len()..];
            let (path, query) = rest
                .split_once('?')
                .unwrap_or_else(|| panic!("{what}: no query string"));
            assert!(!path.contains('?') && !path.contains(' '), "{what}");
            let version = query
                .strip_prefix("api-version=")
                .unwrap_or_else(|| panic!("{what}: query is not api-version"));
            let path = percent_decode(path);
            assert_eq!(
                version,
                expected_api_version(&path),
                "{what}: wrong api-version"
            );
            assert!(
                request
                    .headers
                    .iter()
                    .any(|h| h == "Authorization: Bearer {{token}}"),
                "{what}: no Authorization header"
            );

            let is_account = path.contains("/providers/Microsoft.CognitiveServices/accounts/");
            match (request.method.as_str(), &request.body) {
                ("GET", None) => {}
                ("POST", None)
                    if path.ends_with("/providers/Microsoft.CognitiveServices/register") => {}
                // The subnet PUT's body is the GET's answer with one endpoint added (its note says so).
                ("PUT", None) if path.contains("/subnets/") => {}
                (method, Some(body)) => {
                    assert!(
                        request
                            .headers
                            .iter()
                            .any(|h| h == "Content-Type: application/json"),
                        "{what}: no Content-Type"
                    );
                    // The merge body carries a placeholder for the default action the person copies
                    // from the preceding GET (plan::CURRENT_DEFAULT_ACTION); any valid value stands in
                    // for it here, so the rest of the body is checked strictly.
                    let body = body.replace(CURRENT_DEFAULT_ACTION, "Allow");
                    // The BYOS placeholders are not GUIDs, so ARM refuses a body sent without
                    // replacing them; a GUID stands in for them here.
                    let stand_in = "00000000-0000-0000-0000-000000000000";
                    assert!(
                        !is_guid(storage_plan::PRINCIPAL_ID) && !is_guid(storage_plan::TENANT_ID)
                    );
                    let body = body
                        .replace(storage_plan::PRINCIPAL_ID, stand_in)
                        .replace(storage_plan::TENANT_ID, stand_in);
                    match method {
                        "PUT" if path.split('/').count() == 5 => {
                            let group: ResourceGroupPut = strict(&body, &what);
                            assert!(!group.location.is_empty(), "{what}");
                        }
                        "POST" if path.ends_with("/checkDomainAvailability") => {
                            let check: CheckDomainAvailability = strict(&body, &what);
                            check_custom_subdomain(&check.subdomain_name).unwrap();
                            assert!(matches!(check.resource_type, ResourceTypeName::Accounts));
                            assert!(check.kind.is_some(), "{what}: kind");
                        }
                        "PUT"
                            if path.contains(
                                "/providers/Microsoft.Authorization/roleAssignments/",
                            ) =>
                        {
                            let assignment: RoleAssignmentPut = strict(&body, &what);
                            let p = &assignment.properties;
                            assert!(is_guid(&p.principal_id), "{what}");
                            assert!(matches!(p.principal_type, PrincipalType::ServicePrincipal));
                            assert!(
                                p.role_definition_id.ends_with("/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
                                "{what}"
                            );
                            let name = path.rsplit('/').next().unwrap();
                            assert!(is_guid(name), "{what}: the assignment name is a GUID");
                        }
                        "PUT" if is_account => {
                            let account: AccountPut = strict(&body, &what);
                            assert!(
                                !account.location.is_empty()
                                    && !account.kind.is_empty()
                                    && !account.sku.name.is_empty()
                            );
                            check_properties(&account.properties, &what);
                            // userOwnedStorage and the system-assigned identity come together.
                            assert_eq!(
                                account.properties.user_owned_storage.is_some(),
                                account.identity.as_ref().is_some_and(
                                    |i| i.identity_type == IdentityType::SystemAssigned
                                ),
                                "{what}"
                            );
                        }
                        "PATCH"
                            if path.contains("/providers/Microsoft.Storage/storageAccounts/") =>
                        {
                            let patch: StoragePatch = strict(&body, &what);
                            let p = &patch.properties;
                            if let Some(acls) = &p.network_acls {
                                assert!(
                                    matches!(acls.default_action, DefaultAction::Deny),
                                    "{what}"
                                );
                                assert!(
                                    acls.ip_rules.is_empty()
                                        && acls.virtual_network_rules.is_empty()
                                );
                                for rule in &acls.resource_access_rules {
                                    assert!(is_guid(&rule.tenant_id), "{what}");
                                    assert!(
                                        rule.resource_id.contains(
                                            "/providers/Microsoft.CognitiveServices/accounts/"
                                        ),
                                        "{what}"
                                    );
                                }
                            } else {
                                assert_eq!(
                                    (p.allow_shared_key_access, p.allow_blob_public_access),
                                    (Some(false), Some(false)),
                                    "{what}"
                                );
                            }
                        }
                        "PATCH" if is_account => {
                            let patch: AccountPatch = strict(&body, &what);
                            let p = &patch.properties;
                            assert!(
                                p.custom_sub_domain_name.is_some()
                                    || p.public_network_access.is_some()
                                    || p.network_acls.is_some(),
                                "{what}: empty PATCH"
                            );
                            check_properties(p, &what);
                        }
                        _ => panic!("{what}: unexpected request with a body"),
                    }
                }
                (_, None) => panic!("{what}: a write without a body"),
            }
        }
    }
    assert!(requests_seen > 100, "only {requests_seen} requests");
}

/// The merge body really does carry the placeholder (so the substitution above is needed),
/// and the 100-rule fixture sends all 100 rules and the bypass.
#[test]
fn merge_body_carries_every_rule() {
    let rendered = corpus_of(OutputTarget::Rest)
        .find(|r| r.fixture == "openai-100-ip-rules-3-subnets-two-subscriptions-bypass")
        .unwrap();
    let merge = parse_http(&rendered.text)
        .into_iter()
        .find(|r| {
            r.method == "PATCH"
                && r.body
                    .as_deref()
                    .is_some_and(|b| b.contains(CURRENT_DEFAULT_ACTION))
        })
        .expect("a merge PATCH with the placeholder");
    let patch: AccountPatch = strict(
        &merge.body.unwrap().replace(CURRENT_DEFAULT_ACTION, "Deny"),
        "merge",
    );
    let acls = patch.properties.network_acls.unwrap();
    assert_eq!(acls.ip_rules.len(), 100);
    assert_eq!(acls.virtual_network_rules.len(), 3);
    assert!(acls
        .virtual_network_rules
        .iter()
        .all(|r| !r.ignore_missing_vnet_service_endpoint));
    assert!(matches!(acls.bypass, Some(Bypass::AzureServices)));
    assert!(matches!(acls.default_action, DefaultAction::Deny));
}

/// The scripts carry the same Cognitive Services api-version as the table.
#[test]
fn scripts_use_the_cognitive_services_api_version() {
    for target in [
        OutputTarget::AzBash,
        OutputTarget::PowerShell,
        OutputTarget::AzPowerShell,
    ] {
        for rendered in corpus_of(target)
            .filter(|r| r.text.contains("ACCOUNT_URL") || r.text.contains("$AccountPath"))
        {
            assert!(
                rendered.text.contains("COGNITIVE_API_VERSION='2024-10-01'")
                    || rendered
                        .text
                        .contains("$CognitiveApiVersion = '2024-10-01'"),
                "{}",
                rendered.label()
            );
        }
    }
}
