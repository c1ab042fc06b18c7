//! The REST output sent as a person sends it: every block in order, unedited, after setting only
//! the variables at the top, with the real `httpyac` CLI, to the local ARM fake. The fake holds
//! an account with two IP rules, one virtual-network rule and the trusted-services bypass, a
//! resource group with tags, and subnets with an NSG, a route table, a delegation and other
//! service endpoints.
//!
//! Each fixture is sent with the current state unknown (requests that need it must be refused
//! and change nothing) and with the state read from the fake first, the way a person imports it
//! (the requests are exact: afterwards the fake holds what the output says it adds, and nothing
//! it had is lost); the exact file is then sent a second time and must change nothing. A
//! configuration that creates the account is also followed the way its comments say: the
//! account PUT's marked line deleted once the GET answered 404, then the new account imported
//! and the exact file sent.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use ai_network_wizard::core::config::{Config, Resource};
use ai_network_wizard::core::current_state::CurrentStateDraft;
use ai_network_wizard::core::draft::{ConnectionDecision, Draft, Existence};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{bypass_name, default_action_name, public_access_name, Action};
use ai_network_wizard::core::private_endpoints::config::Dns;
use ai_network_wizard::core::private_endpoints::LinkType;
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};

use crate::arm_fake::ArmFake;
use crate::rest_shapes::{parse_http, percent_decode};
use crate::support::{fixtures, TEST_DATE};
use ai_network_wizard::core::request_bodies::{COMPARE_FIRST, EDIT_MARK};

const TOKEN: &str = "token-for-the-local-fake";
const SERVICE: &str = "Microsoft.CognitiveServices";
const SEEDED_IP_RULES: [&str; 2] = ["192.0.2.10", "192.0.2.64/26"];
const GROUP_TAGS: &str = r#"{"costCenter": "4711", "owner": "platform team"}"#;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The httpyac binary that scripts/ensure-tools.sh installs; a missing one fails the test.
fn httpyac() -> PathBuf {
    let bin = root().join("tests/rest_client/node_modules/.bin/httpyac");
    let node = Command::new("node").arg("--version").output();
    assert!(
        bin.exists() && node.is_ok_and(|o| o.status.success()),
        "httpyac (or node) is missing: run scripts/ensure-tools.sh test, which installs it into tests/rest_client (CI does)"
    );
    bin
}

fn existing_subnet(config: &Config) -> String {
    format!(
        "/subscriptions/{}/resourceGroups/rg-shared-net/providers/Microsoft.Network/virtualNetworks/vnet-shared/subnets/snet-legacy",
        config.target.subscription_id
    )
}

fn group_of(id: &str) -> String {
    id.split('/').take(5).collect::<Vec<_>>().join("/")
}

fn group(id: &str, region: &str) -> Value {
    json!({
        "name": id.rsplit('/').next().unwrap(),
        "type": "Microsoft.Resources/resourceGroups",
        "location": region,
        "tags": serde_json::from_str::<Value>(GROUP_TAGS).unwrap(),
        "properties": { "provisioningState": "Succeeded" },
    })
}

/// A subnet with settings of its own, as ARM's GET returns it.
fn subnet(id: &str, index: usize, endpoints: &[&str]) -> Value {
    let vnet_group = group_of(id);
    json!({
        "name": id.rsplit('/').next().unwrap(),
        "type": "Microsoft.Network/virtualNetworks/subnets",
        "etag": "W/\"00000000-0000-0000-0000-000000000001\"",
        "properties": {
            "provisioningState": "Succeeded",
            "addressPrefix": format!("10.20.{index}.0/24"),
            "networkSecurityGroup": { "id": format!("{vnet_group}/providers/Microsoft.Network/networkSecurityGroups/nsg-apps") },
            "routeTable": { "id": format!("{vnet_group}/providers/Microsoft.Network/routeTables/rt-apps") },
            "serviceEndpoints": endpoints.iter().map(|s| json!({ "service": s, "locations": ["*"], "provisioningState": "Succeeded" })).collect::<Vec<_>>(),
            "delegations": [{
                "name": "web",
                "id": format!("{id}/delegations/web"),
                "type": "Microsoft.Network/virtualNetworks/subnets/delegations",
                "etag": "W/\"00000000-0000-0000-0000-000000000002\"",
                "properties": {
                    "serviceName": "Microsoft.Web/serverFarms",
                    "actions": ["Microsoft.Network/virtualNetworks/subnets/action"],
                    "provisioningState": "Succeeded"
                }
            }],
            "privateEndpointNetworkPolicies": "Disabled",
            "privateLinkServiceNetworkPolicies": "Enabled",
            "defaultOutboundAccess": false,
            "ipConfigurations": [{ "id": format!("{vnet_group}/providers/Microsoft.Network/networkInterfaces/nic-app/ipConfigurations/ipconfig1") }],
        }
    })
}

/// A storage account with a firewall rule and shared-key access of its own.
fn storage_account(id: &str, region: &str) -> Value {
    json!({
        "name": id.rsplit('/').next().unwrap(),
        "type": "Microsoft.Storage/storageAccounts",
        "location": region,
        "kind": "StorageV2",
        "sku": { "name": "Standard_LRS" },
        "properties": {
            "provisioningState": "Succeeded",
            "allowSharedKeyAccess": true,
            "allowBlobPublicAccess": false,
            "networkAcls": {
                "defaultAction": "Allow",
                "bypass": "AzureServices",
                "ipRules": [{ "value": "192.0.2.99", "action": "Allow" }],
                "virtualNetworkRules": [],
                "resourceAccessRules": [],
            },
        },
    })
}

/// What the fake holds before anything is sent, for one configuration.
pub(crate) fn seed(config: &Config) -> Value {
    let target = &config.target;
    let account_id = target.resource_id();
    let mut subscriptions = vec![target.subscription_id.clone()];
    let mut providers = json!({ (target.subscription_id.clone()): { SERVICE: "Registered" } });
    let mut resources = serde_json::Map::new();
    let add_group = |resources: &mut serde_json::Map<String, Value>, id: &str| {
        resources
            .entry(group_of(id))
            .or_insert_with(|| group(&group_of(id), &target.region));
    };
    add_group(&mut resources, &account_id);
    let legacy = existing_subnet(config);
    add_group(&mut resources, &legacy);
    resources.insert(
        legacy.clone(),
        subnet(&legacy, 0, &[SERVICE, "Microsoft.Storage"]),
    );
    if let Some(network) = &config.network {
        for (index, rule) in network.vnet_rules.iter().enumerate() {
            let id = rule.subnet.to_string();
            let sub = rule.subnet.subscription_id.clone();
            if !subscriptions.contains(&sub) {
                subscriptions.push(sub.clone());
                providers[sub.as_str()] = json!({ SERVICE: "NotRegistered" });
            }
            add_group(&mut resources, &id);
            resources.insert(
                id.clone(),
                subnet(&id, index + 1, &["Microsoft.Storage", "Microsoft.KeyVault"]),
            );
        }
    }
    if let Some(byos) = &config.storage {
        let id = byos.account.to_string();
        let sub = byos.account.subscription_id.clone();
        if !subscriptions.contains(&sub) {
            subscriptions.push(sub);
        }
        add_group(&mut resources, &id);
        resources.insert(id.clone(), storage_account(&id, &target.region));
    }
    // Private endpoints live in their VNet's subscription and group; existing zones exist.
    if let Some(pe) = &config.private_endpoints {
        let mut ids: Vec<String> = Vec::new();
        for (index, endpoint) in pe.endpoints.iter().enumerate() {
            // A subnet whose policies the plan switches off has them on, and settings of its own.
            if endpoint.disable_network_policies {
                let id = endpoint.subnet.to_string();
                add_group(&mut resources, &id);
                let mut with_policies = subnet(&id, 100 + index, &["Microsoft.Storage"]);
                with_policies["properties"]["privateEndpointNetworkPolicies"] = json!("Enabled");
                resources.entry(id).or_insert(with_policies);
            }
            ids.push(endpoint.id());
            // Its virtual network, in the region the endpoint is set to; a hub's dependent
            // resource, open to the public.
            let vnet = endpoint.subnet.vnet_id();
            add_group(&mut resources, &vnet);
            resources
                .entry(vnet)
                .or_insert_with(|| json!({ "location": endpoint.location, "properties": {} }));
            if !endpoint.resource_id.eq_ignore_ascii_case(&account_id) {
                add_group(&mut resources, &endpoint.resource_id);
                let mut dependent = json!({ "location": target.region, "properties": { "publicNetworkAccess": "Enabled" } });
                if endpoint.link_type == LinkType::Storage {
                    // A storage account's firewall as created: trusted Azure services pass.
                    dependent["properties"]["networkAcls"] = json!({ "defaultAction": "Allow", "bypass": "AzureServices", "ipRules": [], "virtualNetworkRules": [] });
                }
                resources
                    .entry(endpoint.resource_id.clone())
                    .or_insert(dependent);
            }
            for zone in &endpoint.zones {
                if matches!(pe.dns, Dns::ExistingZones) {
                    resources.insert(
                        zone.id.clone(),
                        json!({ "location": "global", "properties": {} }),
                    );
                }
                if !zone.id.is_empty() {
                    ids.push(zone.id.clone());
                }
            }
        }
        ids.extend(pe.removals.iter().map(|r| r.id()));
        for id in ids {
            let sub = id.split('/').nth(2).unwrap().to_owned();
            if !subscriptions.contains(&sub) {
                subscriptions.push(sub);
            }
            add_group(&mut resources, &id);
        }
    }
    if target.existence == Existence::Existing {
        let body = match &target.resource {
            Resource::CognitiveServices { kind, sku, name } => json!({
                "name": name,
                "type": "Microsoft.CognitiveServices/accounts",
                "location": target.region,
                "kind": kind.id,
                "sku": { "name": sku },
                "tags": { "app": "contoso" },
                "properties": {
                    "provisioningState": "Succeeded",
                    "publicNetworkAccess": "Enabled",
                    "networkAcls": {
                        "defaultAction": "Allow",
                        "bypass": "AzureServices",
                        "ipRules": SEEDED_IP_RULES.iter().map(|v| json!({ "value": v })).collect::<Vec<_>>(),
                        "virtualNetworkRules": [{ "id": legacy, "ignoreMissingVnetServiceEndpoint": false, "state": "Succeeded" }],
                    },
                },
            }),
            other => json!({
                "name": other.name(),
                "type": other.resource_type().arm_type(),
                "location": target.region,
                "properties": {},
            }),
        };
        let mut body = body;
        // The connections the configuration decides on: one per decision, in the state before.
        let connections: Vec<Value> = config
            .endpoint_connections
            .iter()
            .map(|c| {
                let status = match c.decision {
                    ConnectionDecision::Approve => "Pending",
                    ConnectionDecision::Reject | ConnectionDecision::Delete => "Approved",
                };
                json!({
                    "id": format!("{account_id}/privateEndpointConnections/{}", c.name),
                    "name": c.name,
                    "properties": { "privateLinkServiceConnectionState": { "status": status, "description": "" } },
                })
            })
            .collect();
        if !connections.is_empty() {
            body["properties"]["privateEndpointConnections"] = json!(connections);
        }
        resources.insert(account_id, body);
    }
    json!({ "subscriptions": subscriptions, "providers": providers, "resources": resources })
}

fn config_of(draft: &Draft) -> Config {
    generate(draft).plan.expect("fixtures are valid").config
}

fn rest_of(draft: &Draft) -> String {
    let plan = generate(draft).plan.unwrap_or_else(|| {
        panic!(
            "draft with the current state is invalid: {:#?}",
            generate(draft).validation.diagnostics
        )
    });
    render(
        &plan,
        OutputTarget::Rest,
        &RenderContext::for_draft(TEST_DATE, None, draft),
    )
}

/// The subnets the plan adds the service endpoint to.
fn endpoint_subnets(draft: &Draft) -> Vec<String> {
    let plan = generate(draft).plan.unwrap();
    plan.steps
        .iter()
        .filter_map(|s| match &s.action {
            Action::EnableServiceEndpoint { subnet, .. } => Some(subnet.to_string()),
            _ => None,
        })
        .collect()
}

/// The subnets the plan writes back whole (service endpoint, endpoint policies): the ones a
/// person imports for exact requests.
fn rewritten_subnets(draft: &Draft) -> Vec<String> {
    let plan = generate(draft).plan.unwrap();
    plan.steps
        .iter()
        .filter_map(|s| s.action.rewritten_subnet().map(ToString::to_string))
        .fold(Vec::new(), |mut ids: Vec<String>, id| {
            if !ids.iter().any(|i| i.eq_ignore_ascii_case(&id)) {
                ids.push(id);
            }
            ids
        })
}

/// The current state read from the fake the way a person does it: the account's and the
/// subnets' GET output, pasted unchanged.
fn imported(fake: &ArmFake, namespace: &str, draft: &Draft) -> CurrentStateDraft {
    let config = config_of(draft);
    let (status, account) = fake.arm_get(namespace, &config.target.resource_id(), "2024-10-01");
    let account = (status == 200
        && matches!(config.target.resource, Resource::CognitiveServices { .. }))
    .then_some(account);
    let subnets = rewritten_subnets(draft)
        .iter()
        .map(|id| {
            let (status, body) = fake.arm_get(namespace, id, "2024-05-01");
            assert_eq!(status, 200, "GET {id}");
            body
        })
        .collect();
    CurrentStateDraft {
        read_at: "2026-11-30T12:00Z".into(),
        source: "GET from the local ARM fake".into(),
        account,
        subnets,
    }
}

/// One file to send: a fixture in one mode, in its own namespace of the fake.
struct Case {
    namespace: String,
    /// The draft of the last file sent (with the state it was computed from).
    draft: Draft,
    seed: Value,
    /// The files sent, one per pass, in order.
    texts: Vec<String>,
    state_known: bool,
    /// The first file creates the account (its edit was made as the comment says).
    creates_account: bool,
    /// What the fake held after the first pass, when the same file is sent again.
    after_first: Option<Value>,
}

impl Case {
    /// The same file is sent a second time.
    fn is_repeat(&self) -> bool {
        self.texts.len() > 1 && self.texts[0] == self.texts[1]
    }

    /// The file was computed from an account whose default action is not the one the plan
    /// sets: its rules block keeps the old one, so sent again after the default-action block
    /// it sets the old one back until that block sets the new one again.
    fn restores_default_action(&self, config: &Config) -> bool {
        let wanted = config.network.as_ref().map(|n| n.default_action);
        let known = self.draft.current_state.as_ref().and_then(|s| {
            let acls = s.account.as_ref()?.get("properties")?.get("networkAcls")?;
            Some(acls["defaultAction"].as_str().unwrap_or("Allow").to_owned())
        });
        match (wanted, known) {
            (Some(wanted), Some(known)) => default_action_name(wanted) != known,
            _ => false,
        }
    }

    fn file_text(&self, pass: usize, fake: &ArmFake) -> String {
        // Only the variables at the top change, as the file's header says.
        self.texts[pass]
            .lines()
            .map(|line| {
                if line.starts_with("@token = ") {
                    format!("@token = {TOKEN}")
                } else if line.starts_with("@armEndpoint = ") {
                    format!("@armEndpoint = {}", fake.endpoint(&self.namespace))
                } else {
                    line.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

/// Sends the files with httpyac, each file's blocks in order. Two processes share the files:
/// each file has a namespace of its own in the fake, so they do not interfere.
fn send(dir: &Path, files: &[PathBuf]) {
    let half = files.len().div_ceil(2);
    std::thread::scope(|scope| {
        let runs: Vec<_> = files
            .chunks(half.max(1))
            .map(|chunk| scope.spawn(move || send_in_order(dir, chunk)))
            .collect();
        for run in runs {
            run.join().expect("an httpyac run");
        }
    });
}

fn send_in_order(dir: &Path, files: &[PathBuf]) {
    let output = Command::new(httpyac())
        .current_dir(dir)
        .arg("send")
        .args(files.iter().map(|f| f.file_name().unwrap()))
        .args(["--all", "--output", "none", "--no-color"])
        .output()
        .expect("httpyac runs");
    assert!(
        output.status.success(),
        "httpyac failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn resource<'a>(state: &'a Value, id: &str) -> Option<&'a Value> {
    state["resources"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(id))
        .map(|(_, v)| v)
}

/// `needle` appears in `haystack` in the same relative order.
fn in_order(needle: &[String], haystack: &[String]) -> bool {
    let mut rest = haystack.iter();
    needle
        .iter()
        .all(|n| rest.any(|h| h.eq_ignore_ascii_case(n)))
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every check of one case; returns the problems found.
fn check(case: &Case, fake: &ArmFake) -> Vec<String> {
    let mut problems = Vec::new();
    let label = &case.namespace;
    let config = config_of(&case.draft);
    let requests: Vec<_> = case.texts.iter().flat_map(|t| parse_http(t)).collect();
    // The reads that imported the current state are the person's, not the file's.
    let log: Vec<Value> = fake
        .log(&case.namespace)
        .into_iter()
        .filter(|e| e["agent"] != ArmFake::READER_AGENT)
        .collect();
    if log.len() != requests.len() {
        return vec![format!(
            "{label}: the fake answered {} requests, the files have {}",
            log.len(),
            requests.len()
        )];
    }
    let final_state = fake.state(&case.namespace);
    let account_id = config.target.resource_id();
    let account_exists_at_end = resource(&final_state, &account_id).is_some();
    let first_pass = parse_http(&case.texts[0]).len();
    for (index, entry) in log.iter().enumerate() {
        let request = &requests[index];
        let path = percent_decode(
            request
                .url
                .trim_start_matches("{{armEndpoint}}")
                .split('?')
                .next()
                .unwrap(),
        );
        let what = format!("{label}: request {} ({} {path})", index + 1, request.method);
        if entry["method"] != request.method.as_str()
            || !entry["path"].as_str().unwrap().eq_ignore_ascii_case(&path)
        {
            problems.push(format!(
                "{what}: the fake saw {} {} instead",
                entry["method"], entry["path"]
            ));
            continue;
        }
        let status = entry["status"].as_u64().unwrap();
        let changed = entry["changed"].as_bool().unwrap();
        if status >= 400 && changed {
            problems.push(format!(
                "{what}: refused ({status}) yet it changed the state"
            ));
        }
        // A block still holding an edit mark must be refused (an edited one is not).
        let still_marked = request.refused_until_edited
            && request
                .body
                .as_deref()
                .is_some_and(|b| b.contains(EDIT_MARK));
        if still_marked {
            if status != 400 || entry["code"] != "InvalidRequestContent" {
                problems.push(format!(
                    "{what}: marked EDIT BEFORE SENDING, yet ARM answered {status} {}",
                    entry["code"]
                ));
            }
        } else if status == 412 && request.headers.iter().any(|h| h == "If-None-Match: *") {
            // A create-only PUT of something that exists: refused by design, nothing changes.
        } else if status >= 400 && !(request.method == "GET" && status == 404) {
            // A read may find nothing (its comment says what 404 means); a write may miss only
            // an account that is still to be created.
            let waits_for_creation = status == 404
                && config.target.existence == Existence::Create
                && !(account_exists_at_end && case.creates_account)
                && entry["code"] == "ResourceNotFound";
            if !waits_for_creation {
                problems.push(format!("{what}: refused with {status} {}", entry["code"]));
            }
        }
        // Sent again, only the account's networkAcls may change for a moment: the rules block
        // keeps the default action the file was computed from, and the next block sets the
        // wanted one again (the file's comment says so).
        let transient = request.method == "PATCH"
            && path.eq_ignore_ascii_case(&account_id)
            && request
                .body
                .as_deref()
                .is_some_and(|b| b.contains("\"networkAcls\""))
            && case.restores_default_action(&config);
        if case.is_repeat() && index >= first_pass && changed && !transient {
            problems.push(format!(
                "{what}: sent a second time, it changed the state again"
            ));
        }
    }
    if let Some(after_first) = case.after_first.as_ref().filter(|_| case.is_repeat()) {
        if final_state != *after_first {
            problems.push(format!(
                "{label}: sent a second time, it did not end where the first send left it"
            ));
        }
    }
    problems.extend(nothing_lost(case, &config, &final_state));
    problems.extend(dependents_closed(case, &config, &final_state));
    problems.extend(created_with_tags(case, &config, &final_state));
    if case.state_known {
        problems.extend(everything_added(case, &config, &final_state));
    }
    problems
}

/// With "close public access", every dependent resource of a hub ends with it disabled, spelled
/// as its provider's spec wants.
fn dependents_closed(case: &Case, config: &Config, final_state: &Value) -> Vec<String> {
    let Some(pe) = config
        .private_endpoints
        .as_ref()
        .filter(|pe| pe.close_public_access)
    else {
        return Vec::new();
    };
    pe.endpoints
        .iter()
        .filter(|e| {
            !e.resource_id
                .eq_ignore_ascii_case(&config.target.resource_id())
        })
        .filter_map(|e| {
            let (_, wanted) = e.link_type.public_access_api();
            let found = resource(final_state, &e.resource_id)
                .map(|r| r["properties"]["publicNetworkAccess"].clone())
                .unwrap_or_default();
            (found != wanted).then(|| {
                format!(
                    "{}: {} ends with publicNetworkAccess {found}, not {wanted}",
                    case.namespace, e.resource_id
                )
            })
        })
        .collect()
}

/// Everything the fake held is still there (rules merged, never replaced), except the rules
/// of a list made exact that it does not name.
/// Whether the plan switches off this subnet's private-endpoint network policies.
fn policies_switched_off(config: &Config, subnet_id: &str) -> bool {
    config
        .private_endpoints
        .iter()
        .flat_map(|pe| &pe.endpoints)
        .any(|e| e.disable_network_policies && e.subnet.to_string().eq_ignore_ascii_case(subnet_id))
}

fn nothing_lost(case: &Case, config: &Config, final_state: &Value) -> Vec<String> {
    let exact = config.network.as_ref().map(|n| n.exact).unwrap_or_default();
    let mut problems = Vec::new();
    let label = &case.namespace;
    for (id, before) in case.seed["resources"].as_object().unwrap() {
        let Some(after) = resource(final_state, id) else {
            problems.push(format!("{label}: {id} is gone"));
            continue;
        };
        if before["type"] == "Microsoft.Resources/resourceGroups" && before["tags"] != after["tags"]
        {
            problems.push(format!(
                "{label}: the tags of {id} changed to {}",
                after["tags"]
            ));
        }
        if before["type"] == "Microsoft.Network/virtualNetworks/subnets" {
            let (b, a) = (&before["properties"], &after["properties"]);
            for key in [
                "addressPrefix",
                "networkSecurityGroup",
                "routeTable",
                "privateEndpointNetworkPolicies",
                "privateLinkServiceNetworkPolicies",
                "defaultOutboundAccess",
                "ipConfigurations",
            ] {
                let switched_off = key == "privateEndpointNetworkPolicies"
                    && a[key] == "Disabled"
                    && policies_switched_off(config, id);
                if b[key] != a[key] && !switched_off {
                    problems.push(format!(
                        "{label}: subnet {id} lost its {key}: {} became {}",
                        b[key], a[key]
                    ));
                }
            }
            let delegation = |v: &Value| {
                strings(&v["delegations"], "name").join(",")
                    + "/"
                    + &v["delegations"][0]["properties"]["serviceName"].to_string()
            };
            if delegation(b) != delegation(a) {
                problems.push(format!("{label}: subnet {id} lost its delegation"));
            }
            let (eb, ea) = (
                strings(&b["serviceEndpoints"], "service"),
                strings(&a["serviceEndpoints"], "service"),
            );
            if !in_order(&eb, &ea) {
                problems.push(format!(
                    "{label}: subnet {id} lost service endpoints: {eb:?} became {ea:?}"
                ));
            }
        }
        if before["type"] == "Microsoft.Storage/storageAccounts" {
            let (b, a) = (
                &before["properties"]["networkAcls"],
                &after["properties"]["networkAcls"],
            );
            if strings(&b["ipRules"], "value") != strings(&a["ipRules"], "value")
                || b["bypass"] != a["bypass"]
            {
                problems.push(format!(
                    "{label}: the storage firewall of {id} lost rules: {b} became {a}"
                ));
            }
        }
        if before["type"] == "Microsoft.CognitiveServices/accounts" {
            let (b, a) = (
                &before["properties"]["networkAcls"],
                &after["properties"]["networkAcls"],
            );
            let (ib, ia) = (
                strings(&b["ipRules"], "value"),
                strings(&a["ipRules"], "value"),
            );
            if !exact.ip_rules && !in_order(&ib, &ia) {
                problems.push(format!("{label}: IP rules lost: {ib:?} became {ia:?}"));
            }
            let (vb, va) = (
                strings(&b["virtualNetworkRules"], "id"),
                strings(&a["virtualNetworkRules"], "id"),
            );
            if !exact.subnets && !in_order(&vb, &va) {
                problems.push(format!(
                    "{label}: virtual-network rules lost: {vb:?} became {va:?}"
                ));
            }
            let wanted_bypass = config
                .network
                .as_ref()
                .and_then(|n| n.bypass)
                .and_then(bypass_name);
            let expected = wanted_bypass.map_or(b["bypass"].clone(), |w| json!(w));
            // With the state unknown the merge is refused, so the bypass stays as it was.
            if a["bypass"] != expected && a["bypass"] != b["bypass"] {
                problems.push(format!(
                    "{label}: bypass {} became {}",
                    b["bypass"], a["bypass"]
                ));
            }
            if before["tags"] != after["tags"] || before["kind"] != after["kind"] {
                problems.push(format!("{label}: the account's tags or kind changed"));
            }
        }
    }
    problems
}

/// A created account, and the private endpoints the plan made, carry the plan's tags (the
/// account through the edit its PUT's comment documents).
fn created_with_tags(case: &Case, config: &Config, final_state: &Value) -> Vec<String> {
    let Some(tags) = tags_of(config) else {
        return Vec::new();
    };
    if !case.namespace.ends_with(".created") {
        return Vec::new();
    }
    let mut ids = vec![config.target.resource_id()];
    ids.extend(
        config
            .private_endpoints
            .iter()
            .flat_map(|pe| &pe.endpoints)
            .map(|e| e.id()),
    );
    ids.into_iter()
        .filter_map(|id| match resource(final_state, &id) {
            Some(created) if created["tags"] == tags => None,
            Some(created) => Some(format!(
                "{}: {id} has the tags {}, not {tags}",
                case.namespace, created["tags"]
            )),
            None => Some(format!("{}: {id} was not created", case.namespace)),
        })
        .collect()
}

/// With the state known, the fake ends with what the output says it adds.
fn everything_added(case: &Case, config: &Config, final_state: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let label = &case.namespace;
    for id in endpoint_subnets(&case.draft) {
        let services = strings(
            &resource(final_state, &id).unwrap()["properties"]["serviceEndpoints"],
            "service",
        );
        if !services.iter().any(|s| s == SERVICE) {
            problems.push(format!(
                "{label}: subnet {id} has no {SERVICE} endpoint: {services:?}"
            ));
        }
    }
    let switched_off = config.private_endpoints.iter().flat_map(|pe| &pe.endpoints);
    for endpoint in switched_off.filter(|e| e.disable_network_policies) {
        let id = endpoint.subnet.to_string();
        let policies =
            &resource(final_state, &id).unwrap()["properties"]["privateEndpointNetworkPolicies"];
        if policies != "Disabled" {
            problems.push(format!(
                "{label}: subnet {id} still has private-endpoint network policies {policies}"
            ));
        }
    }
    let account_known = case
        .draft
        .current_state
        .as_ref()
        .is_some_and(|s| s.account.is_some());
    if !account_known {
        return problems;
    }
    let account_body = resource(final_state, &config.target.resource_id()).unwrap();
    if let Some(byos) = &config.storage {
        let name = ai_network_wizard::core::plan::storage::role_assignment_name(
            &config.target,
            &byos.account,
        );
        let id = format!(
            "{}/providers/Microsoft.Authorization/roleAssignments/{name}",
            byos.account
        );
        match resource(final_state, &id) {
            Some(assignment)
                if assignment["properties"]["principalId"]
                    == account_body["identity"]["principalId"] => {}
            other => problems.push(format!(
                "{label}: the storage role for the account's identity is missing: {other:?}"
            )),
        }
    }
    let account = &account_body["properties"];
    if let Some(domain) = &config.custom_domain {
        if account["customSubDomainName"] != domain.subdomain.as_str() {
            problems.push(format!(
                "{label}: customSubDomainName is {}",
                account["customSubDomainName"]
            ));
        }
    }
    if let Some(network) = &config.network {
        let acls = &account["networkAcls"];
        let ips = strings(&acls["ipRules"], "value");
        let seeded = resource(&case.seed, &config.target.resource_id()).is_some();
        let listed: Vec<String> = network.ip_rules.iter().map(|r| r.to_string()).collect();
        // Merged: the seeded rules, then the listed ones. Exact: the seeded ones still listed,
        // in their order, then the other listed ones.
        let kept: Vec<String> = SEEDED_IP_RULES
            .iter()
            .filter(|_| seeded)
            .map(|s| s.to_string())
            .filter(|s| !network.exact.ip_rules || listed.contains(s))
            .collect();
        let wanted: Vec<String> = kept
            .iter()
            .cloned()
            .chain(listed.iter().filter(|r| !kept.contains(r)).cloned())
            .collect();
        if ips != wanted {
            problems.push(format!(
                "{label}: IP rules are {ips:?}, expected the seeded ones then {:?}",
                network
                    .ip_rules
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
            ));
        }
        let vnets = strings(&acls["virtualNetworkRules"], "id");
        if network.exact.subnets && vnets.len() != network.vnet_rules.len() {
            problems.push(format!(
                "{label}: the subnet list was to be exactly the listed ones, it is {vnets:?}"
            ));
        }
        for rule in &network.vnet_rules {
            if !vnets
                .iter()
                .any(|v| v.eq_ignore_ascii_case(&rule.subnet.to_string()))
            {
                problems.push(format!(
                    "{label}: no virtual-network rule for {}",
                    rule.subnet
                ));
            }
        }
        if acls["defaultAction"] != default_action_name(network.default_action) {
            problems.push(format!(
                "{label}: defaultAction is {}",
                acls["defaultAction"]
            ));
        }
        if account["publicNetworkAccess"] != public_access_name(network.public_network_access) {
            problems.push(format!(
                "{label}: publicNetworkAccess is {}",
                account["publicNetworkAccess"]
            ));
        }
        for rule in &network.vnet_rules {
            let sub = &rule.subnet.subscription_id;
            if !sub.eq_ignore_ascii_case(&config.target.subscription_id) {
                let state = fake_provider_state(final_state, sub);
                if state != "Registered" {
                    problems.push(format!("{label}: provider in {sub} is {state}"));
                }
            }
        }
    }
    problems
}

fn fake_provider_state(state: &Value, subscription: &str) -> String {
    state["providers"][subscription.to_ascii_lowercase()]["microsoft.cognitiveservices"]
        .as_str()
        .unwrap_or("NotRegistered")
        .to_owned()
}

/// The edit the account PUT's comment asks for once the GET answered 404: its marked line goes,
/// or (with tags) its text becomes the tags object the comment gives.
fn created_as_instructed(text: &str, tags: Option<&Value>) -> String {
    let (marked, replacement) = match tags {
        None => (
            "\"tags\": \"<EDIT: delete this line only if the first GET of this step answered 404",
            None,
        ),
        Some(tags) => (
            "\"tags\": \"<EDIT: only if the first GET of this step answered 404",
            Some(format!("\"tags\": {tags},")),
        ),
    };
    assert_eq!(text.matches(marked).count(), 1, "one account PUT to edit");
    text.lines()
        .filter_map(
            |l| match (l.trim_start().starts_with(marked), &replacement) {
                (false, _) => Some(format!("{l}\n")),
                (true, None) => None,
                (true, Some(line)) => Some(format!("  {line}\n")),
            },
        )
        .collect()
}

/// The configuration's tags as ARM's object, when it has any.
fn tags_of(config: &Config) -> Option<Value> {
    (!config.tags.is_empty()).then(|| {
        Value::Object(
            config
                .tags
                .iter()
                .map(|t| (t.name.clone(), Value::from(t.value.as_str())))
                .collect(),
        )
    })
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_fixture_sent_unedited_loses_nothing_and_exact_requests_add_what_they_say() {
    let bin = httpyac();
    assert!(bin.exists());
    let fake = ArmFake::start(TOKEN);
    // Kept after a failure, to send a file again by hand.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rest-sent");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let mut cases = Vec::new();
    for (name, mut draft) in fixtures() {
        // A fixture's own snapshot describes another account: here the fake is the truth.
        draft.current_state = None;
        let config = config_of(&draft);
        let seed = seed(&config);
        // Read the current state in a namespace of its own, as it is before anything is sent.
        let reading = format!("{name}.read");
        fake.load(&reading, &seed);
        let state = imported(&fake, &reading, &draft);
        let unknown_text = rest_of(&draft);
        if config.target.existence == Existence::Create {
            // A person who saw the first GET answer 404 deletes the account PUT's marked line.
            cases.push(Case {
                namespace: format!("{name}.created"),
                texts: vec![created_as_instructed(
                    &unknown_text,
                    tags_of(&config).as_ref(),
                )],
                draft: draft.clone(),
                seed: seed.clone(),
                state_known: false,
                creates_account: true,
                after_first: None,
            });
        }
        cases.push(Case {
            namespace: format!("{name}.unknown"),
            texts: vec![unknown_text],
            draft: draft.clone(),
            seed: seed.clone(),
            state_known: false,
            creates_account: false,
            after_first: None,
        });
        // A new account with no subnet to touch: nothing exists to import.
        if state.account.is_some() || !state.subnets.is_empty() {
            let mut known_draft = draft;
            known_draft.current_state = Some(state);
            let text = rest_of(&known_draft);
            cases.push(Case {
                namespace: format!("{name}.known"),
                // Sent twice: the second run must change nothing.
                texts: vec![text.clone(), text],
                draft: known_draft,
                seed,
                state_known: true,
                creates_account: false,
                after_first: None,
            });
        }
    }
    for case in &cases {
        fake.load(&case.namespace, &case.seed);
    }
    let started = std::time::Instant::now();
    let first: Vec<PathBuf> = cases
        .iter()
        .map(|c| {
            write(
                &dir,
                &format!("{}.http", c.namespace),
                &c.file_text(0, &fake),
            )
        })
        .collect();
    send(&dir, &first);
    for case in cases.iter_mut().filter(|c| c.is_repeat()) {
        case.after_first = Some(fake.state(&case.namespace));
    }
    // After creating the account, the person imports it and sends the exact requests.
    for case in cases.iter_mut().filter(|c| c.creates_account) {
        let mut exact = case.draft.clone();
        exact.current_state = Some(imported(&fake, &case.namespace, &exact));
        case.texts.push(rest_of(&exact));
        case.draft = exact;
        case.state_known = true;
    }
    let second: Vec<PathBuf> = cases
        .iter()
        .filter(|c| c.texts.len() > 1)
        .map(|c| {
            write(
                &dir,
                &format!("{}.2.http", c.namespace),
                &c.file_text(1, &fake),
            )
        })
        .collect();
    send(&dir, &second);
    eprintln!(
        "httpyac sent {} files in {:.1} s",
        first.len() + second.len(),
        started.elapsed().as_secs_f64()
    );

    let mut problems = Vec::new();
    for case in &cases {
        problems.extend(check(case, &fake));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// What changed after the snapshot was read: on the account an IP rule and a virtual-network
/// rule, and (with `subnets_too`) on each rewritten subnet a service endpoint and the NSG.
/// Returns the changed seed and one (resource ID, JSON pointer, value) per item that must
/// survive.
fn changed_after_import(
    seed: &Value,
    draft: &Draft,
    subnets_too: bool,
) -> (Value, Vec<(String, String, Value)>) {
    let config = config_of(draft);
    let account = config.target.resource_id();
    let late_subnet = existing_subnet(&config).replace("snet-legacy", "snet-added-later");
    let mut changed = seed.clone();
    let mut items = Vec::new();
    let resources = changed["resources"].as_object_mut().unwrap();
    let acls = &mut resources.get_mut(&account).unwrap()["properties"]["networkAcls"];
    acls["ipRules"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "value": "198.18.0.1" }));
    acls["virtualNetworkRules"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": late_subnet, "ignoreMissingVnetServiceEndpoint": true }));
    items.push((
        account.clone(),
        "/properties/networkAcls/ipRules".into(),
        json!("198.18.0.1"),
    ));
    items.push((
        account,
        "/properties/networkAcls/virtualNetworkRules".into(),
        json!(late_subnet),
    ));
    for id in rewritten_subnets(draft).into_iter().filter(|_| subnets_too) {
        let (_, subnet) = resources
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(&id))
            .expect("a seeded subnet");
        let nsg = format!(
            "{}/providers/Microsoft.Network/networkSecurityGroups/nsg-added-later",
            group_of(&id)
        );
        subnet["properties"]["networkSecurityGroup"] = json!({ "id": nsg });
        subnet["properties"]["serviceEndpoints"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "service": "Microsoft.Sql", "locations": ["*"], "provisioningState": "Succeeded" }));
        items.push((
            id.clone(),
            "/properties/networkSecurityGroup/id".into(),
            json!(nsg),
        ));
        items.push((
            id,
            "/properties/serviceEndpoints".into(),
            json!("Microsoft.Sql"),
        ));
    }
    (changed, items)
}

/// The items of [`changed_after_import`] that the fake no longer holds.
fn lost_items(fake: &ArmFake, namespace: &str, items: &[(String, String, Value)]) -> Vec<String> {
    let state = fake.state(namespace);
    items
        .iter()
        .filter(|(id, pointer, value)| {
            let found = resource(&state, id).and_then(|r| r.pointer(pointer));
            let held = match found {
                Some(Value::Array(entries)) => entries.iter().any(|e| {
                    e == value
                        || e["value"] == *value
                        || e["id"] == *value
                        || e["service"] == *value
                }),
                Some(other) => other == value,
                None => false,
            };
            !held
        })
        .map(|(id, pointer, value)| format!("{value} at {pointer} of {id}"))
        .collect()
}

/// One way the state changed after the import, and the request the comparison must stop at.
struct Outgrown {
    name: &'static str,
    subnets_too: bool,
    stops_at: &'static str,
}

/// Sends `text` as its comments say: block by block, and before each exact write the GET before
/// it is compared with the snapshot as the comment states. The test compares by computing the
/// body from a fresh read of the resource: it equals the block's body exactly when the GET
/// shows what the comment says it must. Returns the index of the request the person stopped at.
fn send_comparing_first(
    dir: &Path,
    fake: &ArmFake,
    case: &Case,
    unknown_draft: &Draft,
) -> Option<usize> {
    let text = case.file_text(0, fake);
    let mut blocks = text.split("\n###\n");
    let preamble = blocks.next().unwrap();
    let stale_requests = parse_http(&case.texts[0]);
    let parse = |body: &Option<String>| {
        body.as_deref()
            .map(|b| serde_json::from_str::<Value>(b).unwrap())
    };
    for (index, block) in blocks.enumerate() {
        if crate::support::http_block_comment(block).contains(COMPARE_FIRST) {
            let mut fresh = unknown_draft.clone();
            fresh.current_state = Some(imported(fake, &case.namespace, unknown_draft));
            let fresh_requests = parse_http(&rest_of(&fresh));
            assert_eq!(fresh_requests.len(), stale_requests.len());
            if parse(&fresh_requests[index].body) != parse(&stale_requests[index].body) {
                return Some(index);
            }
        }
        let name = format!("{}.{index}.http", case.namespace);
        let file = write(dir, &name, &format!("{preamble}\n###\n{block}"));
        send_in_order(dir, &[file]);
    }
    None
}

#[test]
fn exact_requests_from_a_snapshot_the_resource_outgrew_are_stopped_and_lose_nothing() {
    let bin = httpyac();
    assert!(bin.exists());
    let fake = ArmFake::start(TOKEN);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rest-sent-stale");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let mut draft = crate::support::fixture("openai-existing-current-state");
    draft.current_state = None;
    let seed = seed(&config_of(&draft));
    fake.load("stale.read", &seed);
    let mut stale = draft.clone();
    stale.current_state = Some(imported(&fake, "stale.read", &draft));
    let stale_text = rest_of(&stale);
    let outgrown = [
        Outgrown {
            name: "everything",
            subnets_too: true,
            stops_at: "PUT /subnets/snet-api",
        },
        Outgrown {
            name: "account",
            subnets_too: false,
            stops_at: "PATCH /accounts/contoso-openai",
        },
    ];
    let mut problems = Vec::new();
    for change in outgrown {
        let (changed_seed, items) = changed_after_import(&seed, &draft, change.subnets_too);
        let case = |mode: &str| Case {
            namespace: format!("stale.{}.{mode}", change.name),
            draft: stale.clone(),
            seed: changed_seed.clone(),
            texts: vec![stale_text.clone()],
            state_known: true,
            after_first: None,
            creates_account: false,
        };
        // Sent blindly, the exact requests overwrite what changed: the danger the comparison
        // stops.
        let blind = case("blind");
        fake.load(&blind.namespace, &changed_seed);
        let file = write(
            &dir,
            &format!("{}.http", blind.namespace),
            &blind.file_text(0, &fake),
        );
        send_in_order(&dir, &[file]);
        let lost_blindly = lost_items(&fake, &blind.namespace, &items);
        if lost_blindly.len() != items.len() {
            problems.push(format!(
                "{}: sent blindly, only {lost_blindly:?} of {} changes were lost: the case does not test the comparison",
                change.name,
                items.len()
            ));
        }

        let followed = case("followed");
        fake.load(&followed.namespace, &changed_seed);
        let Some(stopped_at) = send_comparing_first(&dir, &fake, &followed, &draft) else {
            problems.push(format!("{}: the run was not stopped", change.name));
            continue;
        };
        let stopped = &parse_http(&stale_text)[stopped_at];
        let (method, tail) = change.stops_at.split_once(' ').unwrap();
        if stopped.method != method || !stopped.url.split('?').next().unwrap().ends_with(tail) {
            problems.push(format!(
                "{}: stopped at {} {}, expected {}",
                change.name, stopped.method, stopped.url, change.stops_at
            ));
        }
        let lost = lost_items(&fake, &followed.namespace, &items);
        if !lost.is_empty() {
            problems.push(format!(
                "{}: lost although the comparison was made: {lost:?}",
                change.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The fake honours `If-Match` where the operation's spec declares it (a private DNS zone's
/// PUT), and ignores it on the account PATCH and the subnet PUT, which declare none: a test of
/// a stale write that relied on it there would pass here and overwrite in Azure.
#[test]
fn the_fake_honours_if_match_only_where_the_spec_declares_it() {
    let fake = ArmFake::start(TOKEN);
    let draft = crate::support::fixture("openai-existing-current-state");
    let config = config_of(&draft);
    let mut seeded = seed(&config);
    let zone = format!(
        "{}/resourceGroups/{}/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
        format_args!("/subscriptions/{}", config.target.subscription_id),
        config.target.resource_group
    );
    seeded["resources"][&zone] =
        json!({ "location": "global", "etag": "zone-etag-1", "properties": {} });
    fake.load("if-match", &seeded);
    let stale = [("If-Match", "\"stale\"")];
    let zone_body = json!({ "location": "global" });
    let put_zone = |headers: &[(&str, &str)]| {
        fake.arm_write("if-match", "PUT", &zone, "2024-06-01", headers, &zone_body)
            .0
    };
    assert_eq!(put_zone(&stale), 412, "a zone PUT with a stale If-Match");
    assert_eq!(put_zone(&[("If-Match", "zone-etag-1")]), 200);
    assert_eq!(
        put_zone(&[("If-Match", "zone-etag-1")]),
        412,
        "the etag changes with every write"
    );
    let (_, now) = fake.arm_get("if-match", &zone, "2024-06-01");
    let current = now["etag"].as_str().unwrap().to_owned();
    assert_eq!(put_zone(&[("If-Match", current.as_str())]), 200);
    let missing = zone.replace("privatelink.openai", "privatelink.cognitiveservices");
    let (status, _) = fake.arm_write(
        "if-match",
        "PUT",
        &missing,
        "2024-06-01",
        &[("If-Match", "*")],
        &zone_body,
    );
    assert_eq!(status, 412, "If-Match: * on a zone that does not exist");

    // Ignored where it is not declared.
    let account = config.target.resource_id();
    let (status, _) = fake.arm_write(
        "if-match",
        "PATCH",
        &account,
        "2024-10-01",
        &stale,
        &json!({ "properties": { "publicNetworkAccess": "Enabled" } }),
    );
    assert_eq!(status, 200, "the account PATCH declares no If-Match");
    let subnet = rewritten_subnets(&draft).remove(0);
    let (_, read) = fake.arm_get("if-match", &subnet, "2024-05-01");
    let body = json!({ "properties": { "addressPrefix": read["properties"]["addressPrefix"] } });
    let (status, _) = fake.arm_write("if-match", "PUT", &subnet, "2024-05-01", &stale, &body);
    assert_eq!(status, 200, "the subnet PUT declares no If-Match");
}
