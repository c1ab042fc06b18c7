//! The REST output: every request has the api-version of its provider, and every body
//! deserialises (unknown fields refused) into the typed shape of its ARM operation, with the
//! required fields and valid enum values.

use serde::Deserialize;

use ai_network_wizard::core::api_versions;
use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::names::check_custom_subdomain;
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::request_bodies::{has_edit_mark, COMPARE_FIRST, EDIT_MARK};
use ai_network_wizard::core::storage_account_id::StorageAccountId;
use ai_network_wizard::core::subnet_id::SubnetId;

use crate::support::{corpus_of, rendered};

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
    assert_eq!(api_versions::KEY_VAULT, "2023-07-01");
    assert_eq!(api_versions::CONTAINER_REGISTRY, "2023-07-01");
    assert_eq!(api_versions::SEARCH, "2023-11-01");
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
        Some("Microsoft.Network") if path.contains("/privateDnsZones/") => "2024-06-01",
        Some("Microsoft.Network") => "2024-05-01",
        Some("Microsoft.MachineLearningServices") => "2024-10-01",
        Some("Microsoft.Media") => "2023-01-01",
        Some("Microsoft.Storage") => "2023-05-01",
        Some("Microsoft.KeyVault") => "2023-07-01",
        Some("Microsoft.ContainerRegistry") => "2023-07-01",
        Some("Microsoft.Search") => "2023-11-01",
        Some("Microsoft.Authorization") => "2022-04-01",
        Some(other) => panic!("no expected api-version for provider {other} ({path})"),
    }
}

#[derive(Debug)]
pub(crate) struct HttpRequest {
    /// The comment says ARM refuses it until edited.
    pub(crate) refused_until_edited: bool,
    pub(crate) method: String,
    pub(crate) url: String,
    pub(crate) headers: Vec<String>,
    pub(crate) body: Option<String>,
}

/// The value of the `@armEndpoint` variable at the top of an `.http` file.
fn arm_endpoint_variable(text: &str) -> &str {
    text.lines()
        .find_map(|l| l.strip_prefix("@armEndpoint = "))
        .expect("an @armEndpoint variable")
}

/// Splits an `.http` file into its requests (blocks after `###`).
pub(crate) fn parse_http(text: &str) -> Vec<HttpRequest> {
    let mut blocks = text.split("\n###\n");
    let preamble = blocks.next().unwrap();
    assert!(
        preamble.lines().all(|l| l.is_empty()
            || l.starts_with('#')
            || l.starts_with("@token = ")
            || l.starts_with("@armEndpoint = ")),
        "preamble: {preamble}"
    );
    blocks
        .map(|block| {
            let refused_until_edited = block
                .lines()
                .take_while(|l| l.starts_with('#'))
                .any(|l| l.starts_with("# EDIT BEFORE SENDING:"));
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
                refused_until_edited,
                method: method.to_owned(),
                url: url.to_owned(),
                headers,
                body: (!body.trim().is_empty()).then_some(body),
            }
        })
        .collect()
}

/// Reverses the percent-encoding of a URL path.
pub(crate) fn percent_decode(text: &str) -> String {
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

/// The resource's side of a private endpoint connection: only its state is set.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ConnectionPut {
    properties: ConnectionProperties,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ConnectionProperties {
    private_link_service_connection_state: ConnectionState,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ConnectionState {
    #[allow(dead_code)]
    status: ConnectionStatus,
    description: String,
}

#[derive(Deserialize, Debug)]
enum ConnectionStatus {
    Approved,
    Rejected,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ResourceGroupPut {
    location: String,
    #[allow(dead_code)]
    tags: Option<std::collections::HashMap<String, String>>,
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
    #[allow(dead_code)]
    tags: Option<std::collections::HashMap<String, String>>,
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
    public_network_access: Option<PublicNetworkAccess>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct StorageNetworkAcls {
    default_action: DefaultAction,
    bypass: Option<String>,
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
#[allow(dead_code)]
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
#[allow(dead_code)]
struct VirtualNetworkRule {
    id: String,
    ignore_missing_vnet_service_endpoint: Option<bool>,
}

/// A subnet PUT: the writable properties (Microsoft.Network 2024-05-01), typed where the
/// wizard's own value goes (the service endpoints) and as JSON elsewhere.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct SubnetPut {
    properties: SubnetProperties,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct SubnetProperties {
    address_prefix: Option<String>,
    address_prefixes: Option<Vec<String>>,
    network_security_group: Option<Reference>,
    route_table: Option<Reference>,
    nat_gateway: Option<Reference>,
    service_endpoints: Vec<ServiceEndpoint>,
    service_endpoint_policies: Option<Vec<Reference>>,
    ip_allocations: Option<Vec<Reference>>,
    delegations: Option<Vec<serde_json::Value>>,
    private_endpoint_network_policies: Option<String>,
    private_link_service_network_policies: Option<String>,
    application_gateway_i_p_configurations: Option<Vec<Reference>>,
    sharing_scope: Option<String>,
    default_outbound_access: Option<bool>,
    ipam_pool_prefix_allocations: Option<Vec<serde_json::Value>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Reference {
    id: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ServiceEndpoint {
    service: String,
    locations: Option<Vec<String>>,
}

/// Whether an edit mark stands where the spec wants an object: a rule in a rule list, or the
/// value of `properties` or `tags`. ARM refuses such a body whatever it thinks of the values.
fn refused_by_type(value: &serde_json::Value) -> bool {
    let is_mark = |v: &serde_json::Value| v.as_str().is_some_and(|s| s.starts_with(EDIT_MARK));
    match value {
        serde_json::Value::Object(fields) => fields.iter().any(|(key, v)| {
            (matches!(key.as_str(), "properties" | "tags") && is_mark(v))
                // Not a GUID: the authorization service refuses it.
                || (key == "principalId" && is_mark(v))
                || (matches!(key.as_str(), "ipRules" | "virtualNetworkRules" | "resourceAccessRules")
                    && v.as_array().is_some_and(|items| items.iter().any(is_mark)))
                || refused_by_type(v)
        }),
        serde_json::Value::Array(items) => items.iter().any(refused_by_type),
        _ => false,
    }
}

fn typed<'a, T: Deserialize<'a>>(body: &'a str) -> Result<T, String> {
    serde_json::from_str(body).map_err(|e| e.to_string())
}

/// Deserialises a body into the typed shape of its operation and checks its values; the
/// error says why ARM would refuse it.
fn check_body(
    method: &str,
    path: &str,
    is_account: bool,
    body: &str,
    what: &str,
) -> Result<(), String> {
    match method {
        "PUT" if path.split('/').count() == 5 => {
            let group: ResourceGroupPut = typed(body)?;
            assert!(!group.location.is_empty(), "{what}");
        }
        "POST" if path.ends_with("/checkDomainAvailability") => {
            let check: CheckDomainAvailability = typed(body)?;
            check_custom_subdomain(&check.subdomain_name).unwrap();
            assert!(matches!(check.resource_type, ResourceTypeName::Accounts));
            assert!(check.kind.is_some(), "{what}: kind");
        }
        "PUT" if path.contains("/subnets/") => {
            let subnet: SubnetPut = typed(body)?;
            assert!(
                subnet
                    .properties
                    .service_endpoints
                    .iter()
                    .any(|e| e.service == "Microsoft.CognitiveServices"),
                "{what}: the service endpoint"
            );
            assert!(
                subnet.properties.address_prefix.is_some()
                    || subnet.properties.address_prefixes.is_some(),
                "{what}: a subnet PUT without its address prefix"
            );
        }
        "PUT" if path.contains("/providers/Microsoft.Authorization/roleAssignments/") => {
            let assignment: RoleAssignmentPut = typed(body)?;
            let p = &assignment.properties;
            // The authorization service refuses a principal ID that is not a GUID.
            if !is_guid(&p.principal_id) {
                return Err(format!("principalId {:?} is not a GUID", p.principal_id));
            }
            assert!(matches!(p.principal_type, PrincipalType::ServicePrincipal));
            assert!(
                p.role_definition_id.ends_with("/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
                "{what}"
            );
            let name = path.rsplit('/').next().unwrap();
            assert!(is_guid(name), "{what}: the assignment name is a GUID");
        }
        "PUT" if path.contains("/privateEndpointConnections/") => {
            let connection: ConnectionPut = typed(body)?;
            let state = &connection.properties.private_link_service_connection_state;
            assert!(!state.description.is_empty(), "{what}: no description");
        }
        "PUT" if is_account => {
            let account: AccountPut = typed(body)?;
            assert!(
                !account.location.is_empty()
                    && !account.kind.is_empty()
                    && !account.sku.name.is_empty()
            );
            check_properties(&account.properties, what);
            // userOwnedStorage and the system-assigned identity come together.
            assert_eq!(
                account.properties.user_owned_storage.is_some(),
                account
                    .identity
                    .as_ref()
                    .is_some_and(|i| i.identity_type == IdentityType::SystemAssigned),
                "{what}"
            );
        }
        "PATCH" if path.contains("/providers/Microsoft.Storage/storageAccounts/") => {
            let patch: StoragePatch = typed(body)?;
            let p = &patch.properties;
            if let Some(acls) = &p.network_acls {
                assert!(matches!(acls.default_action, DefaultAction::Deny), "{what}");
                for rule in &acls.resource_access_rules {
                    assert!(is_guid(&rule.tenant_id), "{what}");
                    assert!(
                        rule.resource_id
                            .contains("/providers/Microsoft.CognitiveServices/accounts/"),
                        "{what}"
                    );
                }
            } else if let Some(access) = &p.public_network_access {
                // A hub's storage, closed after its endpoints.
                assert!(matches!(access, PublicNetworkAccess::Disabled), "{what}");
            } else {
                assert_eq!(
                    (p.allow_shared_key_access, p.allow_blob_public_access),
                    (Some(false), Some(false)),
                    "{what}"
                );
            }
        }
        "PATCH" if is_account => {
            let patch: AccountPatch = typed(body)?;
            let p = &patch.properties;
            assert!(
                p.custom_sub_domain_name.is_some()
                    || p.public_network_access.is_some()
                    || p.network_acls.is_some(),
                "{what}: empty PATCH"
            );
            check_properties(p, what);
        }
        _ if crate::private_endpoints::is_valid_body(method, path, body, what) => {}
        _ => panic!("{what}: unexpected request with a body"),
    }
    Ok(())
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
        let endpoint = arm_endpoint_variable(&rendered.text);
        assert!(
            endpoints.contains(&endpoint),
            "{}: unknown ARM endpoint {endpoint}",
            rendered.label()
        );
        for request in parse_http(&rendered.text) {
            requests_seen += 1;
            let what = format!("{} {} {}", rendered.label(), request.method, request.url);
            let rest = request
                .url
                .strip_prefix("{{armEndpoint}}")
                .unwrap_or_else(|| {
                    panic!("{what}: the URL does not start with {{{{armEndpoint}}}}")
                });
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
                ("GET", None) | ("DELETE", None) => {}
                ("POST", None)
                    if path.ends_with("/providers/Microsoft.CognitiveServices/register") => {}
                (method, Some(body)) => {
                    assert!(
                        request
                            .headers
                            .iter()
                            .any(|h| h == "Content-Type: application/json"),
                        "{what}: no Content-Type"
                    );
                    let value: serde_json::Value = serde_json::from_str(body)
                        .unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
                    // A request marked for editing must hold an edit mark and fail its typed
                    // shape (ARM refuses it); every other body must be exactly right.
                    assert_eq!(
                        has_edit_mark(&value),
                        request.refused_until_edited,
                        "{what}: edit marks and the EDIT BEFORE SENDING comment disagree"
                    );
                    let result = check_body(method, &path, is_account, body, &what);
                    match (request.refused_until_edited, result) {
                        (false, Err(e)) => panic!("{what}: body is not a valid shape: {e}\n{body}"),
                        (true, Ok(())) => panic!("{what}: marked for editing, yet its body is valid: ARM would accept it\n{body}"),
                        (true, Err(_)) => assert!(
                            refused_by_type(&value),
                            "{what}: must be refused for a wrong type (a text where a rule or an object belongs), not only for a value ARM might accept\n{body}"
                        ),
                        (false, Ok(())) => {}
                    }
                }
                (_, None) => panic!("{what}: a write without a body"),
            }
        }
    }
    assert!(requests_seen > 100, "only {requests_seen} requests");
}

/// Without the current state, the merge body keeps a place for the account's rules (so ARM
/// refuses it until edited) and carries all 100 new rules and the bypass after it.
#[test]
fn merge_body_carries_every_rule() {
    let rendered = rendered(
        "openai-100-ip-rules-3-subnets-two-subscriptions-bypass",
        OutputTarget::Rest,
    );
    let merge = parse_http(&rendered.text)
        .into_iter()
        .find(|r| r.method == "PATCH" && r.body.as_deref().is_some_and(|b| b.contains("ipRules")))
        .expect("a merge PATCH");
    assert!(merge.refused_until_edited);
    let body: serde_json::Value = serde_json::from_str(&merge.body.unwrap()).unwrap();
    let acls = &body["properties"]["networkAcls"];
    let ip_rules = acls["ipRules"].as_array().unwrap();
    assert!(ip_rules[0].as_str().unwrap().starts_with(EDIT_MARK));
    assert_eq!(ip_rules.len(), 101);
    assert!(ip_rules[1..].iter().all(|r| r["value"].is_string()));
    let vnet_rules = acls["virtualNetworkRules"].as_array().unwrap();
    assert_eq!(vnet_rules.len(), 4);
    assert!(vnet_rules[1..]
        .iter()
        .all(|r| r["ignoreMissingVnetServiceEndpoint"] == false));
    assert_eq!(acls["bypass"], "AzureServices");
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

/// An exact write from an imported snapshot cannot be made conditional on the resource being
/// unchanged (the account PATCH and the subnet PUT declare no If-Match), so its comment says
/// what the GET before it must show: that GET must be there, read the same resource, and the
/// statement must name what the body copies from the snapshot.
#[test]
fn exact_writes_from_a_snapshot_say_what_the_get_before_them_must_show() {
    let mut compared = 0;
    for rendered in corpus_of(OutputTarget::Rest) {
        let blocks: Vec<&str> = rendered.text.split("\n###\n").skip(1).collect();
        let requests = parse_http(&rendered.text);
        for (index, block) in blocks.iter().enumerate() {
            let comment = crate::support::http_block_comment(block);
            if !comment.contains(COMPARE_FIRST) {
                continue;
            }
            compared += 1;
            let request = &requests[index];
            let what = format!("{}: {} {}", rendered.label(), request.method, request.url);
            assert!(
                matches!(request.method.as_str(), "PUT" | "PATCH") && !request.refused_until_edited,
                "{what}: only exact writes compare first"
            );
            assert!(
                comment.contains("do not send this")
                    && comment.contains("import the current settings again"),
                "{what}: the comparison must say to stop and import again"
            );
            let before = &requests[index - 1];
            assert!(
                before.method == "GET" && before.url == request.url,
                "{what}: the request before it must GET the same resource, it is {} {}",
                before.method,
                before.url
            );
            assert!(
                !request
                    .headers
                    .iter()
                    .any(|h| h.to_ascii_lowercase().starts_with("if-match")),
                "{what}: no If-Match is sent where the operation does not declare it"
            );
        }
    }
    assert!(
        compared >= 4,
        "only {compared} compared writes in the corpus"
    );

    // The statement names the snapshot's rules, the ones the body copies.
    let text = &rendered("openai-existing-current-state", OutputTarget::Rest).text;
    let add_rules = text
        .split("\n###\n")
        .map(crate::support::http_block_comment)
        .find(|c| c.starts_with("Exact: the account's rules"))
        .expect("the exact add-rules request");
    for copied in [
        "ipRules 192.0.2.10 and 192.0.2.64/26",
        "virtualNetworkRules /subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-legacy",
    ] {
        assert!(
            add_rules.contains(&format!("{COMPARE_FIRST} its properties.networkAcls must hold exactly"))
                && add_rules.contains(copied),
            "the comparison does not name {copied}: {add_rules}"
        );
    }
    // The bypass is the plan's own (it sets AzureServices): a change to it is not lost.
    assert!(
        !add_rules.contains("must hold exactly bypass"),
        "{add_rules}"
    );
    // A rollback to exact lists with a set bypass copies nothing from the account as it is
    // now (it restores the snapshot): nothing to compare, or the way back would always stop.
    use ai_network_wizard::core::rollback::rollback_plan;
    let draft = crate::support::fixture("openai-exact-lists-remove-rules");
    let (plan, _) = rollback_plan(&draft).expect("a rollback");
    let text = ai_network_wizard::core::render::render(
        &plan,
        OutputTarget::Rest,
        &ai_network_wizard::core::render::RenderContext::for_draft(
            crate::support::TEST_DATE,
            None,
            &draft,
        ),
    );
    assert!(
        text.contains("PATCH ") && !text.contains(COMPARE_FIRST),
        "{text}"
    );
}
